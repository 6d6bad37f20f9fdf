//! A [`Werkboek`] as an .xlsx file, written with rust_xlsxwriter.
//!
//! Per sheet: the heading row in bold on a light blue fill, frozen and with an autofilter when the
//! sheet asks for it; column widths as given; text wraps in columns that ask for it; every cell
//! aligned to the top. Text is always written as a string, never as a formula.

use documentmodel::werkboek::{Blad, Waarde, Werkboek, WerkboekCel};
use rust_xlsxwriter::{Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

const KOP_VULLING: u32 = 0xDDEBF7;

/// The file's bytes, or why it could not be written.
pub fn schrijf(w: &Werkboek) -> Result<Vec<u8>, String> {
    let mut boek = Workbook::new();
    boek.set_properties(&DocProperties::new().set_title(&w.titel));
    for blad in &w.bladen {
        let ws = boek.add_worksheet();
        vul(ws, blad).map_err(|e| e.to_string())?;
    }
    boek.save_to_buffer().map_err(|e| e.to_string())
}

fn kleur(hex: &str) -> Option<Color> {
    u32::from_str_radix(hex.trim_start_matches('#'), 16).ok().map(Color::RGB)
}

fn vul(ws: &mut Worksheet, blad: &Blad) -> Result<(), XlsxError> {
    ws.set_name(&blad.naam)?;
    let basis = Format::new().set_align(FormatAlign::Top).set_border(FormatBorder::Thin).set_border_color(Color::RGB(0xBFBFBF));
    let kop = basis.clone().set_bold().set_background_color(Color::RGB(KOP_VULLING)).set_text_wrap();
    for (k, kolom) in blad.kolommen.iter().enumerate() {
        let k = k as u16;
        ws.set_column_width(k, kolom.breedte)?;
        ws.write_string_with_format(0, k, &kolom.kop, &kop)?;
    }
    for (r, rij) in blad.rijen.iter().enumerate() {
        let r = r as u32 + 1;
        for (k, c) in rij.iter().enumerate() {
            let terugloop = blad.kolommen.get(k).is_some_and(|k| k.terugloop);
            schrijf_cel(ws, r, k as u16, c, &opmaak(&basis, c, terugloop))?;
        }
    }
    let laatste_kolom = blad.kolommen.len().saturating_sub(1) as u16;
    if blad.kop_vast {
        ws.set_freeze_panes(1, 0)?;
    }
    if blad.filter && !blad.kolommen.is_empty() {
        ws.autofilter(0, 0, blad.rijen.len() as u32, laatste_kolom)?;
    }
    Ok(())
}

fn opmaak(basis: &Format, c: &WerkboekCel, terugloop: bool) -> Format {
    let mut f = basis.clone();
    if terugloop {
        f = f.set_text_wrap();
    }
    if c.vet {
        f = f.set_bold();
    }
    if let Some(k) = c.vulling.as_deref().and_then(kleur) {
        f = f.set_background_color(k);
    }
    f
}

fn schrijf_cel(ws: &mut Worksheet, r: u32, k: u16, c: &WerkboekCel, f: &Format) -> Result<(), XlsxError> {
    match &c.waarde {
        Waarde::Leeg => ws.write_blank(r, k, f).map(|_| ()),
        Waarde::Tekst(t) => ws.write_string_with_format(r, k, t, f).map(|_| ()),
        Waarde::Getal(n) => ws.write_number_with_format(r, k, *n, f).map(|_| ()),
    }
}
