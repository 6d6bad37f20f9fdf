//! Reading .xlsx workbooks made in the test: values, paragraphs in a cell, whole numbers, a status
//! column of fill colours only, a formula's cached result, an empty sheet, bytes that are no
//! workbook, too many rows. Never a panic.

use documenten::lezen::{lees_xlsx, WerkboekFout, MAX_RIJEN};
use documentmodel::tabel::Kleur;
use rust_xlsxwriter::{Color, Format, Formula, Workbook};

fn werkboek(vul: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut boek = Workbook::new();
    let blad = boek.add_worksheet();
    vul(blad);
    boek.save_to_buffer().unwrap()
}

#[test]
fn values_paragraphs_and_a_status_of_colours_only() {
    let groen = Format::new().set_background_color(Color::RGB(0x00B050));
    let geel = Format::new().set_background_color(Color::RGB(0xFFFF00));
    let rood = Format::new().set_background_color(Color::RGB(0xFF0000));
    let bytes = werkboek(|b| {
        for (k, kop) in ["Nr", "Afspraak", "Jaar", "Status"].into_iter().enumerate() {
            b.write_string(0, k as u16, kop).unwrap();
        }
        b.write_string(1, 0, "J1.1").unwrap();
        b.write_string(1, 1, "Huurverlaging\nvoor 200 huishoudens").unwrap();
        b.write_number(1, 2, 2025).unwrap();
        b.write_blank(1, 3, &groen).unwrap();
        b.write_string(2, 0, "J1.2").unwrap();
        b.write_string(2, 1, "Caf\u{e9} voor ouderen").unwrap();
        b.write_formula(2, 2, Formula::new("=2020+6").set_result("2026")).unwrap();
        b.write_blank(2, 3, &geel).unwrap();
        b.write_string(3, 0, "J1.3").unwrap();
        b.write_string(3, 1, "Urgentie").unwrap();
        b.write_blank(3, 3, &rood).unwrap();
    });
    let t = lees_xlsx(&bytes).unwrap();
    assert_eq!(t.rijen.len(), 4);
    assert_eq!(t.cel(1, 1).alineas, ["Huurverlaging", "voor 200 huishoudens"]);
    assert_eq!(t.cel(1, 2).regel(), "2025", "a whole number without decimals");
    assert_eq!(t.cel(2, 2).regel(), "2026", "a formula's cached result");
    assert_eq!(t.cel(2, 1).regel(), "Café voor ouderen");
    let kleuren: Vec<Option<Kleur>> = (1..4).map(|r| t.cel(r, 3).kleur).collect();
    assert_eq!(kleuren, [Kleur::uit_hex("#00B050"), Kleur::uit_hex("#FFFF00"), Kleur::uit_hex("#FF0000")]);
    assert!(t.cel(1, 3).is_leeg(), "the status cell has only its colour");
    assert_eq!(t.cel(0, 3).kleur, None);
}

#[test]
fn an_empty_sheet_and_no_workbook_are_refused_with_a_reason() {
    assert_eq!(lees_xlsx(&werkboek(|_| {})).unwrap_err(), WerkboekFout::Leeg);
    assert!(matches!(lees_xlsx(b"Nr;Afspraak\nJ1;A\n").unwrap_err(), WerkboekFout::GeenWerkboek(_)));
    assert!(matches!(lees_xlsx(&[]).unwrap_err(), WerkboekFout::GeenWerkboek(_)));
    // A workbook cut off halfway.
    let heel = werkboek(|b| {
        b.write_string(0, 0, "Nr").unwrap();
    });
    assert!(lees_xlsx(&heel[..heel.len() / 2]).is_err());
}

#[test]
fn too_many_rows() {
    let bytes = werkboek(|b| {
        b.write_string(MAX_RIJEN as u32 + 5, 0, "laatste").unwrap();
    });
    assert_eq!(lees_xlsx(&bytes).unwrap_err(), WerkboekFout::TeVeelRijen(MAX_RIJEN + 6));
}
