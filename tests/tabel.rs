//! Agreements from a table: a Word table and an Excel range copied as HTML, the same range as
//! tab-separated text, a CSV from Dutch Excel; the column guesses, the preview with its problems
//! (row and column), applying it as ordinary changes and taking it back; matching the themes,
//! parties and kaderafspraken of an existing workspace; broken input never panics and never
//! writes half.

use std::collections::BTreeSet;

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{export, to_json, ExportSoort};
use afsprakenmonitor::domain::formulier::schrijf;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::merge;
use afsprakenmonitor::domain::model::{Status, Werkruimte};
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::domain::tabel::kolommen::{raad_kolommen, Veld};
use afsprakenmonitor::domain::tabel::plan::{maak_plan, Koppeling, Plan, ProbleemSoort, Uitkomst};
use afsprakenmonitor::domain::tabel::tekst::Codering;
use afsprakenmonitor::domain::tabel::{html, lees_bestand, lees_plakken, tekst, Cel, Kleur, LeesFout, Tabel, MAX_RIJEN};
use afsprakenmonitor::domain::validate::lees_bestand_met_history;
use proptest::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

const WR: Uuid = Uuid::from_u128(0xb100_2025);
const SLEUTEL: Uuid = Uuid::from_u128(0x7abe1);

fn wie() -> Actor {
    Actor::new("Gemeente Bloemendaal", "Beleidsmedewerker wonen")
}

/// A new workspace for Bloemendaal 2025–2028 with two parties and one theme, as the new-workspace
/// flow makes it.
fn bloemendaal() -> History {
    let mut h = History::new(WR);
    let a = wie();
    let w = ItemSoort::Werkruimte;
    h.apply(&a, 1, WR, w, "titel", json!("Prestatieafspraken Bloemendaal 2025")).unwrap();
    h.apply(&a, 2, WR, w, "gemeente", json!("Bloemendaal")).unwrap();
    h.apply(&a, 3, WR, w, "periode_van", json!(2025)).unwrap();
    h.apply(&a, 4, WR, w, "periode_tot", json!(2028)).unwrap();
    let (g, c) = (Uuid::from_u128(11), Uuid::from_u128(12));
    h.apply(&a, 5, g, ItemSoort::Partij, "naam", json!("Gemeente Bloemendaal")).unwrap();
    h.apply(&a, 6, g, ItemSoort::Partij, "soort", json!("gemeente")).unwrap();
    h.apply(&a, 7, c, ItemSoort::Partij, "naam", json!("Pré Wonen")).unwrap();
    h.apply(&a, 8, c, ItemSoort::Partij, "kort", json!("Pré")).unwrap();
    h.apply(&a, 9, c, ItemSoort::Partij, "soort", json!("corporatie")).unwrap();
    let t = Uuid::from_u128(21);
    h.apply(&a, 10, t, ItemSoort::Thema, "nummer", json!("1")).unwrap();
    h.apply(&a, 11, t, ItemSoort::Thema, "titel", json!("Passend wonen voor iedereen")).unwrap();
    h
}

fn koppeling(t: &Tabel) -> Koppeling {
    let (kolommen, kopregel) = raad_kolommen(t);
    Koppeling { kolommen, kopregel, soort: ItemSoort::Jaarafspraak, jaar: Some(2025), kleur_als_status: false }
}

fn plan(h: &History, t: &Tabel, k: &Koppeling) -> Plan {
    maak_plan(h, t, k, SLEUTEL, &BTreeSet::new(), "2025-03-01", "Gemeente Bloemendaal")
}

/// Writes a plan as the app does: on a copy first, so a refused change leaves nothing half-done.
fn pas_toe(h: &mut History, p: &Plan) -> Vec<Uuid> {
    let mut kopie = h.clone();
    let (gemaakt, geweigerd) = schrijf(&mut kopie, &wie(), 100, p.bewerkingen.clone(), false);
    assert_eq!(geweigerd, None, "every change of the import can be read back");
    *h = kopie;
    gemaakt.iter().map(|c| c.id).collect()
}

fn teksten(t: &Tabel) -> Vec<Vec<String>> {
    t.rijen.iter().map(|r| r.iter().map(Cel::tekst).collect()).collect()
}

/// A table copied from Word: a header cell merged over code and title, theme rows merged over
/// the whole width, paragraphs inside cells, non-breaking spaces, Word's own markup.
const WORD: &str = r#"<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>
<!-- p.MsoNormal {margin:0cm;} -->
</style></head><body lang=NL><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
 <tr><td colspan=2 valign=top style='background:#D9D9D9'><p class=MsoNormal><b><span>Afspraak</span></b><o:p></o:p></p></td>
  <td><p class=MsoNormal><b>Betrokken partijen</b></p></td><td><p class=MsoNormal><b>Trekker</b></p></td><td><p class=MsoNormal><b>Prioriteit</b></p></td></tr>
 <tr><td colspan=5><p class=MsoNormal><b>1&nbsp;Passend wonen voor iedereen</b></p></td></tr>
 <tr><td><p class=MsoNormal>K1.1</p></td><td><p class=MsoNormal>Meer sociale huurwoningen</p>
  <p class=MsoNormal>De corporaties bouwen 100&nbsp;woningen.</p><![if !supportLists]><p class=MsoNormal>Zie ook K1.2.</p><![endif]></td>
  <td><p>Gemeente, Pré Wonen</p></td><td>Pré</td><td>doorlopend</td></tr>
 <tr><td><p class=MsoNormal>K.1.2</p></td><td><p class=MsoNormal>Woningen voor ouderen</p></td><td>Corporaties</td><td></td><td></td></tr>
 <tr><td colspan=5><p class=MsoNormal><b>2 Duurzaam en betaalbaar</b></p></td></tr>
 <tr><td>J. 2.1</td><td>Isoleren van 50 woningen</td><td>Pré Wonen en Huurdersvereniging Bloemendaal</td><td>Pré Wonen</td><td>T2</td></tr>
</table><!--EndFragment--></body></html>"#;

#[test]
fn a_word_table_keeps_paragraphs_and_reads_theme_rows() {
    let t = lees_plakken(Some(WORD), Some("ignored")).unwrap();
    assert_eq!(t.rijen[0].len(), 5);
    assert_eq!(t.cel(2, 1).alineas, ["Meer sociale huurwoningen", "De corporaties bouwen 100 woningen.", "Zie ook K1.2."]);
    assert_eq!(t.cel(0, 0).kleur, Kleur::uit_hex("#D9D9D9"));
    let k = koppeling(&t);
    assert!(k.kopregel);
    assert_eq!(k.kolommen, [Some(Veld::Code), Some(Veld::Titel), Some(Veld::Partijen), Some(Veld::Trekker), Some(Veld::Prioriteit)]);

    let mut h = bloemendaal();
    let p = plan(&h, &t, &k);
    assert_eq!(p.met_probleem().count(), 0, "{:?}", p.rijen);
    assert_eq!(p.aantallen(), (2, 1));
    let koppen: Vec<Uitkomst> = p.rijen.iter().map(|r| r.uitkomst).collect();
    assert_eq!(koppen, [Uitkomst::Kop, Uitkomst::Nieuw, Uitkomst::Nieuw, Uitkomst::Kop, Uitkomst::Nieuw]);
    // Theme 1 exists (matched by number); theme 2 is new; one new party (the tenants).
    assert_eq!(p.themas.iter().map(|t| t.naam.as_str()).collect::<Vec<_>>(), ["2 Duurzaam en betaalbaar"]);
    assert_eq!(p.partijen.iter().map(|t| t.naam.as_str()).collect::<Vec<_>>(), ["Huurdersvereniging Bloemendaal"]);
    pas_toe(&mut h, &p);
    let w = Werkruimte::new(&h);
    let kaders = w.kaderafspraken();
    assert_eq!(kaders.iter().map(|k| k.code.as_str()).collect::<Vec<_>>(), ["K1.1", "K.1.2"]);
    assert_eq!(kaders[0].tekst, "De corporaties bouwen 100 woningen.\n\nZie ook K1.2.");
    assert_eq!(kaders[0].partijen, [Uuid::from_u128(11), Uuid::from_u128(12)], "\"Gemeente\" is the gemeente; Pré Wonen by name");
    let thema1 = w.subthema(kaders[0].subthema.unwrap()).thema;
    assert_eq!(thema1, Some(Uuid::from_u128(21)), "the existing theme 1");
    let j = &w.jaarafspraken()[0];
    assert_eq!((j.code.as_str(), j.jaar), ("J. 2.1", Some(2025)), "the year of the workspace's period");
    assert_eq!(j.trekker, "", "the trekker is a known party, no free text");
    assert_eq!(j.trekker_partijen, [Uuid::from_u128(12)]);
    assert_eq!(j.prioriteit.tekst(), "T2");
}

/// Excel's clipboard HTML: fills in class rules, line breaks within a cell, a status column of
/// colours only.
const EXCEL: &str = "<html><head><style>\n.xl65\n\t{mso-style-parent:style0;\n\twhite-space:normal;}\n.xl66\n\t{background:#00B050;\n\tmso-pattern:black none;}\n.xl67\n\t{background:yellow;}\n.xl68\n\t{background:#FF0000;}\n</style></head><body>\n<table border=0 cellpadding=0 cellspacing=0 width=400>\n<tr height=20><td>Nr</td><td>Afspraak</td><td>Status</td><td>Realisatie voortgang</td><td>Jaar</td></tr>\n<tr><td>J1.1</td><td class=xl65>Huurverlaging<br style='mso-data-placement:same-cell;' />voor 200 huishoudens</td><td class=xl66></td><td>Gedaan in maart</td><td align=right>2025</td></tr>\n<tr><td>J1.2</td><td>Wachtlijst korter</td><td style='background:#FFC000'></td><td></td><td>2026</td></tr>\n<tr><td>J1.3</td><td>Nieuwe urgentieregeling</td><td class=xl68></td><td></td><td>volgend jaar</td></tr>\n</table></body></html>";

const EXCEL_TEKST: &str = "Nr\tAfspraak\tStatus\tRealisatie voortgang\tJaar\r\nJ1.1\t\"Huurverlaging\nvoor 200 huishoudens\"\t\tGedaan in maart\t2025\r\nJ1.2\tWachtlijst korter\t\t\t2026\r\nJ1.3\tNieuwe urgentieregeling\t\t\tvolgend jaar\r\n";

#[test]
fn an_excel_range_as_html_reads_colours_as_status_when_the_user_agrees() {
    let t = lees_plakken(Some(EXCEL), Some(EXCEL_TEKST)).unwrap();
    assert_eq!(t.cel(1, 1).alineas, ["Huurverlaging", "voor 200 huishoudens"]);
    let mut k = koppeling(&t);
    assert_eq!(k.kolommen, [Some(Veld::Code), Some(Veld::Titel), Some(Veld::Status), Some(Veld::Voortgang), Some(Veld::Jaar)]);
    let h = bloemendaal();
    let p = plan(&h, &t, &k);
    assert!(p.kleuren_gevonden);
    assert!(p.rijen.iter().all(|r| r.status.is_none()), "colours are no status until the user says so");
    // Row 4 has a year that is no year: named with row and column.
    let fout: Vec<_> = p.met_probleem().collect();
    assert_eq!(fout.len(), 1);
    assert_eq!(fout[0].nummer, 4);
    assert_eq!(fout[0].problemen[0].kolom, Some(4));
    assert_eq!(fout[0].problemen[0].soort, ProbleemSoort::OnbekendJaar("volgend jaar".into()));
    k.kleur_als_status = true;
    let p = plan(&h, &t, &k);
    let st: Vec<(Option<Status>, bool)> = p.rijen.iter().map(|r| (r.status, r.status_uit_kleur)).collect();
    assert_eq!(st[..2], [(Some(Status::Groen), true), (Some(Status::Geel), true)]);
    let mut h = h;
    pas_toe(&mut h, &p);
    let w = Werkruimte::new(&h);
    let js = w.jaarafspraken();
    assert_eq!(js.len(), 2, "the row with a problem is not written");
    assert_eq!(js[0].titel, "Huurverlaging voor 200 huishoudens");
    assert_eq!((js[1].jaar, js[1].status), (Some(2026), Status::Geel));
    let v = w.voortgang_van(js[0].id);
    assert_eq!(v.len(), 1);
    assert_eq!(h.value(v[0].id, "tekst"), Some(&json!("Gedaan in maart")));
}

#[test]
fn the_same_range_as_tab_separated_text() {
    let t = lees_plakken(None, Some(EXCEL_TEKST)).unwrap();
    assert_eq!(teksten(&t)[1], ["J1.1", "Huurverlaging\n\nvoor 200 huishoudens", "", "Gedaan in maart", "2025"]);
    let k = koppeling(&t);
    let p = plan(&bloemendaal(), &t, &k);
    assert_eq!(p.aantallen(), (0, 2));
    assert!(!p.kleuren_gevonden, "text has no colours");
}

#[test]
fn a_csv_from_dutch_excel_in_utf8_with_bom_and_in_windows_1252() {
    let csv = "Nr;Afspraak;Trekker;Prioriteit;Status\r\nJ1.1;Caf\u{e9} voor ouderen;Pr\u{e9} Wonen;T1;groen\r\nJ1.2;\"Twee; regels\r\nin een cel\";Gemeente Bloemendaal;T3;Vereist actie\r\n";
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend_from_slice(csv.as_bytes());
    let cp1252: Vec<u8> = csv.chars().map(|c| if c == 'é' { 0xE9 } else { c as u8 }).collect();
    for (bytes, codering) in [(utf8, Codering::Utf8), (cp1252, Codering::Windows1252)] {
        let (t, c) = lees_bestand("afspraken 2025.CSV", &bytes).unwrap();
        assert_eq!(c, codering);
        assert_eq!(t.cel(1, 1).regel(), "Café voor ouderen");
        assert_eq!(t.cel(2, 1).alineas, ["Twee; regels", "in een cel"]);
        let p = plan(&bloemendaal(), &t, &koppeling(&t));
        assert_eq!(p.met_probleem().count(), 0);
        assert_eq!(p.rijen.iter().map(|r| r.status).collect::<Vec<_>>(), [Some(Status::Groen), Some(Status::Geel)]);
    }
    assert_eq!(lees_bestand("afspraken.json", b"{}").unwrap_err(), LeesFout::GeenTabelbestand);
}

#[test]
fn rows_added_to_an_existing_workspace_match_its_themes_parties_and_kaderafspraken() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let voor = Werkruimte::new(&h);
    let (themas, subthemas, partijen) = (voor.themas().len(), voor.subthemas().len(), voor.partijen().len());
    let k12 = voor.kaderafspraken().into_iter().find(|k| k.code.replace(' ', "") == "K1.12").expect("K 1.12 in the example").id;
    let bestaand = voor.jaarafspraken().into_iter().find(|j| j.jaar == Some(2024)).unwrap();
    let tsv = format!(
        "Nr\tAfspraak\tThema\tKaderafspraak\tTrekker\tJaar\n\
         J 1.20\tNieuwe jaarafspraak\t1\tK1.12\tCorporaties\t2026\n\
         {}\tZelfde code\t1\t\tGemeente\t2024\n\
         J 1.21\tVerkeerd\t1\tK9.99\tGemeente\t2026\n\
         \t\t\t\t\t\n\
         J 1.20\tTwee keer\t1\t\tGemeente\t2026\n",
        bestaand.code
    );
    let t = lees_plakken(None, Some(&tsv)).unwrap();
    let p = plan(&h, &t, &koppeling(&t));
    assert!(p.themas.is_empty() && p.partijen.is_empty(), "theme 1 and the parties exist");
    let problemen: Vec<(usize, ProbleemSoort)> = p.met_probleem().map(|r| (r.nummer, r.problemen[0].soort.clone())).collect();
    assert_eq!(
        problemen,
        [
            (3, ProbleemSoort::CodeBestaat(bestaand.code.clone())),
            (4, ProbleemSoort::OnbekendeKaderafspraak("K9.99".into())),
            (6, ProbleemSoort::CodeDubbel { code: "J 1.20".into(), rij: 2 })
        ]
    );
    pas_toe(&mut h, &p);
    let w = Werkruimte::new(&h);
    assert_eq!(w.themas().len(), themas);
    assert_eq!(w.partijen().len(), partijen);
    assert!(w.subthemas().len() <= subthemas + 1, "at most the theme's own subtheme");
    let nieuw = w.jaarafspraken().into_iter().find(|j| j.code == "J 1.20").unwrap();
    assert_eq!(nieuw.kaderafspraken, [k12]);
    let corporaties: Vec<Uuid> = w.partijen().into_iter().filter(|p| p.soort == "corporatie").map(|p| p.id).collect();
    assert_eq!(nieuw.trekker_partijen, corporaties, "a group names all parties of its kind");
}

#[test]
fn import_then_undo_leaves_the_history_as_before_and_the_export_is_valid() {
    let mut h = bloemendaal();
    let voor = h.clone();
    let t = lees_plakken(Some(WORD), None).unwrap();
    let p = plan(&h, &t, &koppeling(&t));
    let ids = pas_toe(&mut h, &p);
    assert!(!ids.is_empty());
    // The export of the result validates against the published schema and reads back.
    let tekst = to_json(&export(&h, ExportSoort::Uitwisseling, &wie(), 200));
    let schema: Value = serde_json::from_str(include_str!("../docs/formaat.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&serde_json::from_str(&tekst).unwrap()));
    let (_, terug) = lees_bestand_met_history(&tekst).unwrap();
    assert_eq!(terug.state_view(), h.state_view());
    merge::ongedaan_maken(&mut h, &ids).unwrap();
    assert_eq!(h.state_view(), voor.state_view());
    assert_eq!(h.len(), voor.len());
}

#[test]
fn the_same_plan_twice_makes_the_same_items() {
    let h = bloemendaal();
    let t = lees_plakken(Some(WORD), None).unwrap();
    let k = koppeling(&t);
    assert_eq!(plan(&h, &t, &k), plan(&h, &t, &k));
}

#[test]
fn rows_the_user_leaves_out_are_not_written() {
    let h = bloemendaal();
    let t = lees_plakken(None, Some(EXCEL_TEKST)).unwrap();
    let k = koppeling(&t);
    let p = maak_plan(&h, &t, &k, SLEUTEL, &BTreeSet::from([2]), "2025-03-01", "Gemeente Bloemendaal");
    assert_eq!(p.rijen[0].uitkomst, Uitkomst::Overgeslagen);
    assert_eq!(p.aantallen(), (0, 1));
    assert!(p.bewerkingen.iter().all(|(i, ..)| *i != p.rijen[0].id));
}

#[test]
fn a_jaarafspraak_whose_kaderafspraak_row_has_a_problem_waits_for_it() {
    let tsv = "Nr\tAfspraak\tKaderafspraak\nK1.1\t\t\nJ1.1\tUitwerking\tK1.1\n";
    let t = lees_plakken(None, Some(tsv)).unwrap();
    let p = plan(&bloemendaal(), &t, &koppeling(&t));
    assert_eq!(p.rijen[0].problemen[0].soort, ProbleemSoort::GeenTitel);
    assert_eq!(p.rijen[1].uitkomst, Uitkomst::Probleem);
    assert!(p.bewerkingen.is_empty());
}

#[test]
fn broken_input_gets_a_reason_never_a_panic_or_a_partial_import() {
    // Nothing in it.
    assert_eq!(lees_plakken(Some("<table><tr><td>&nbsp;</td></tr></table>"), Some("  \n\t\n")).unwrap_err(), LeesFout::Leeg);
    assert_eq!(lees_bestand("leeg.csv", b"").unwrap_err(), LeesFout::Leeg);
    // Ragged rows: a short row has empty cells, a long one extra columns.
    let t = lees_plakken(None, Some("Nr\tAfspraak\nJ1\nJ2\tTitel\textra\tmeer\n")).unwrap();
    assert_eq!(t.breedte(), 4);
    let p = plan(&bloemendaal(), &t, &koppeling(&t));
    assert_eq!(p.rijen[0].problemen[0].soort, ProbleemSoort::GeenTitel);
    assert_eq!((p.rijen[0].nummer, p.rijen[0].problemen[0].kolom), (2, Some(1)));
    assert_eq!(p.aantallen(), (0, 1));
    // A cell longer than a field may hold.
    let groot = "x".repeat(5_000_000);
    let t = lees_plakken(None, Some(&format!("Nr\tAfspraak\nJ1\t{groot}\nJ2\tKort\n"))).unwrap();
    let p = plan(&bloemendaal(), &t, &koppeling(&t));
    assert_eq!(p.rijen[0].problemen[0].soort, ProbleemSoort::TeLang(5_000_000));
    assert_eq!(p.aantallen(), (0, 1));
    // A formula instead of its value.
    let t = lees_plakken(None, Some("Nr;Afspraak;Jaar\nJ1;=SOM(A1:A3);2025\n")).unwrap();
    let p = plan(&bloemendaal(), &t, &koppeling(&t));
    assert!(matches!(&p.rijen[0].problemen[0].soort, ProbleemSoort::Formule(f) if f == "=SOM(A1:A3)"));
    assert!(p.bewerkingen.is_empty());
    // An unknown status word.
    let t = lees_plakken(None, Some("Nr\tAfspraak\tStatus\nJ1\tA\tprima\n")).unwrap();
    let p = plan(&bloemendaal(), &t, &koppeling(&t));
    assert_eq!(p.rijen[0].problemen[0].soort, ProbleemSoort::OnbekendeStatus("prima".into()));
    // No year for a jaarafspraak, and none chosen.
    let t = lees_plakken(None, Some("Nr\tAfspraak\nJ1\tA\n")).unwrap();
    let mut k = koppeling(&t);
    k.jaar = None;
    assert_eq!(plan(&bloemendaal(), &t, &k).rijen[0].problemen[0].soort, ProbleemSoort::GeenJaar);
    // Too many rows.
    let veel = "a\n".repeat(MAX_RIJEN + 1);
    assert_eq!(lees_plakken(None, Some(&veel)).unwrap_err(), LeesFout::TeVeelRijen(MAX_RIJEN + 1));
}

#[test]
fn ten_thousand_rows() {
    let mut tsv = String::from("Nr\tAfspraak\tTrekker\tPrioriteit\n");
    for i in 0..10_000 {
        tsv.push_str(&format!("J{}.{}\tAfspraak nummer {i}\tPré Wonen\tT{}\n", i / 100, i % 100, i % 3 + 1));
    }
    let t = lees_plakken(None, Some(&tsv)).unwrap();
    let mut h = bloemendaal();
    let p = plan(&h, &t, &koppeling(&t));
    assert_eq!(p.aantallen(), (0, 10_000));
    pas_toe(&mut h, &p);
    assert_eq!(Werkruimte::new(&h).jaarafspraken().len(), 10_000);
}

/// A table of arbitrary cells, as HTML and as tab-separated text.
fn tabel_strategie() -> impl Strategy<Value = Vec<Vec<String>>> {
    let cel = prop_oneof![
        Just(String::new()),
        "[KJ]\\.? ?[0-9]\\.[0-9]{1,2}",
        "(groen|geel|rood|2025|2031|T1|doorlopend|Corporaties|Pré Wonen|1 Passend wonen|=SOM\\(A1\\))",
        "\\PC{0,30}",
        "[<>&;\"'=a-z#/ \\t\\n]{0,30}",
    ];
    proptest::collection::vec(proptest::collection::vec(cel, 0..7), 0..12)
}

fn als_html(rijen: &[Vec<String>]) -> String {
    let mut s = String::from("<table>");
    for (i, r) in rijen.iter().enumerate() {
        s.push_str("<tr>");
        for (j, c) in r.iter().enumerate() {
            let span = if (i + j) % 5 == 0 { " rowspan=2" } else if (i * j) % 7 == 3 { " colspan=\"3\"" } else { "" };
            s.push_str(&format!("<td{span}>{c}</td>"));
        }
        s.push_str("</tr>");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_input_never_panics_a_reader(s in "\\PC{0,400}", bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = html::lees_html(&s);
        let _ = lees_plakken(Some(&s), Some(&s));
        let _ = tekst::lees_tekst(&s, tekst::raad_scheiding(&s));
        let _ = lees_bestand("x.csv", &bytes);
    }

    #[test]
    fn any_table_gives_a_plan_and_import_then_undo_restores_the_state(rijen in tabel_strategie(), als_html_plakken in any::<bool>(), kleur in any::<bool>()) {
        let tsv: String = rijen.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n");
        let gelezen = if als_html_plakken { lees_plakken(Some(&als_html(&rijen)), None) } else { lees_plakken(None, Some(&tsv)) };
        let Ok(t) = gelezen else { return Ok(()) };
        let mut k = koppeling(&t);
        k.kleur_als_status = kleur;
        // Every column read as something, to reach every path.
        for (i, c) in k.kolommen.iter_mut().enumerate() {
            if c.is_none() {
                *c = Some(Veld::ALL[i % Veld::ALL.len()]);
            }
        }
        let mut h = bloemendaal();
        let voor = h.clone();
        let p = plan(&h, &t, &k);
        let ids = pas_toe(&mut h, &p);
        let geschreven: BTreeSet<Uuid> = p.rijen.iter().filter(|r| r.uitkomst == Uitkomst::Nieuw).map(|r| r.id).collect();
        for r in p.rijen.iter().filter(|r| r.uitkomst == Uitkomst::Probleem) {
            prop_assert!(!h.exists(r.id), "a row with a problem is not written");
        }
        for id in &geschreven {
            prop_assert!(h.exists(*id));
        }
        merge::ongedaan_maken(&mut h, &ids).unwrap();
        prop_assert_eq!(h.state_view(), voor.state_view());
    }
}

#[test]
fn a_new_workspace_set_up_in_one_go_then_ten_kader_and_ten_jaarafspraken_from_a_paste() {
    use afsprakenmonitor::domain::opzet::{bewerkingen, Opzet};
    let wr = Uuid::from_u128(0xb100);
    let o = Opzet {
        titel: "Prestatieafspraken Bloemendaal 2025".into(),
        gemeente: "Bloemendaal".into(),
        periode_van: Some(2025),
        periode_tot: Some(2028),
        partijen: vec![("gemeente", "Gemeente Bloemendaal".into()), ("corporatie", "Pré Wonen\nElan Wonen".into()), ("huurdersorganisatie", "HV Bloemendaal".into())],
        themas: "1 Passend wonen\n1.1 Betaalbaarheid\n2 Duurzaamheid\n".into(),
    };
    let mut h = History::new(wr);
    let (_, geweigerd) = schrijf(&mut h, &wie(), 1, bewerkingen(wr, &o), false);
    assert_eq!(geweigerd, None);
    let w = Werkruimte::new(&h);
    assert_eq!((w.partijen().len(), w.themas().len(), w.subthemas().len()), (4, 2, 1));
    assert_eq!(w.subthema(w.subthemas()[0].id).thema, Some(w.themas()[0].id));
    let mut tsv = String::from("Nr\tAfspraak\tThema\tTrekker\tKaderafspraak\n");
    for i in 1..=10 {
        tsv.push_str(&format!("K{}.{i}\tKader {i}\t{}\tCorporaties\t\n", i % 2 + 1, i % 2 + 1));
    }
    for i in 1..=10 {
        tsv.push_str(&format!("J{}.{i}\tJaar {i}\t\tElan Wonen\tK{}.{i}\n", i % 2 + 1, i % 2 + 1));
    }
    let t = lees_plakken(None, Some(&tsv)).unwrap();
    let info = w.info();
    let k = Koppeling { jaar: info.periode_van, ..koppeling(&t) };
    let p = plan(&h, &t, &k);
    assert_eq!(p.met_probleem().count(), 0, "{:?}", p.met_probleem().collect::<Vec<_>>());
    assert_eq!(p.aantallen(), (10, 10));
    assert!(p.themas.is_empty() && p.partijen.is_empty(), "matched by number and name");
    pas_toe(&mut h, &p);
    let w = Werkruimte::new(&h);
    assert!(w.jaarafspraken().iter().all(|j| j.jaar == Some(2025) && j.kaderafspraken.len() == 1));
    let tekst = to_json(&export(&h, ExportSoort::Uitwisseling, &wie(), 200));
    assert!(lees_bestand_met_history(&tekst).is_ok());
}

#[test]
fn an_xlsx_with_a_status_column_of_colours_only() {
    use rust_xlsxwriter::{Color, Format, Workbook};
    let mut boek = Workbook::new();
    let b = boek.add_worksheet();
    for (k, kop) in ["Nr", "Afspraak", "Status"].into_iter().enumerate() {
        b.write_string(0, k as u16, kop).unwrap();
    }
    for (r, kleur) in [0x00B050u32, 0xFFC000, 0xC00000].into_iter().enumerate() {
        let r = r as u32 + 1;
        b.write_string(r, 0, format!("J1.{r}")).unwrap();
        b.write_string(r, 1, format!("Afspraak {r}")).unwrap();
        b.write_blank(r, 2, &Format::new().set_background_color(Color::RGB(kleur))).unwrap();
    }
    let t = documenten::lezen::lees_xlsx(&boek.save_to_buffer().unwrap()).unwrap();
    let mut k = koppeling(&t);
    assert_eq!(k.kolommen, [Some(Veld::Code), Some(Veld::Titel), Some(Veld::Status)]);
    let p = plan(&bloemendaal(), &t, &k);
    assert!(p.kleuren_gevonden && p.rijen.iter().all(|r| r.status.is_none()));
    k.kleur_als_status = true;
    let p = plan(&bloemendaal(), &t, &k);
    assert_eq!(p.rijen.iter().map(|r| r.status).collect::<Vec<_>>(), [Some(Status::Groen), Some(Status::Geel), Some(Status::Rood)]);
}
