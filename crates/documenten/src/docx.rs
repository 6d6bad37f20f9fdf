//! A [`Document`] as a .docx file, written with docx-rs.
//!
//! Headings use Word's own heading styles (Heading1–3, so Word's navigation pane and table of
//! contents find them), lists a bullet numbering, tables a grid of single borders with the heading
//! row in bold on a light blue fill. Page: A4, portrait or landscape, margins of 2 cm.

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering, NumberingId, PageMargin,
    PageOrientationType, Paragraph, Run, RunFonts, Shading, ShdType, Start, Style, StyleType, Table, TableCell, TableLayoutType,
    TableRow, WidthType,
};
use documentmodel::document::{Alinea, Blok, Cel, Document, Tabel};

/// A4 in twentieths of a point.
const A4_KORT: u32 = 11_906;
const A4_LANG: u32 = 16_838;
/// 2 cm in twentieths of a point.
const MARGE: u32 = 1_134;
const OPSOMMING: usize = 1;
const KOP_VULLING: &str = "DDEBF7";

/// The file's bytes, or why it could not be written.
pub fn schrijf(d: &Document) -> Result<Vec<u8>, String> {
    let (breed, hoog) = if d.liggend { (A4_LANG, A4_KORT) } else { (A4_KORT, A4_LANG) };
    let mut docx = Docx::new()
        .page_size(breed, hoog)
        .page_orient(if d.liggend { PageOrientationType::Landscape } else { PageOrientationType::Portrait })
        .page_margin(PageMargin::new().top(MARGE as i32).bottom(MARGE as i32).left(MARGE as i32).right(MARGE as i32))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(21)
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("heading 1").size(36).bold().outline_lvl(0))
        .add_style(Style::new("Heading2", StyleType::Paragraph).name("heading 2").size(28).bold().outline_lvl(1))
        .add_style(Style::new("Heading3", StyleType::Paragraph).name("heading 3").size(24).bold().outline_lvl(2))
        .add_abstract_numbering(AbstractNumbering::new(OPSOMMING).add_level(
            Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left")).indent(
                Some(720),
                Some(docx_rs::SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        ))
        .add_numbering(Numbering::new(OPSOMMING, OPSOMMING));
    let tekstbreedte = (breed - 2 * MARGE) as usize;
    for b in &d.blokken {
        docx = match b {
            Blok::Kop { niveau, tekst } => {
                let stijl = format!("Heading{}", (*niveau).clamp(1, 3));
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(tekst)).style(&stijl))
            }
            Blok::Alinea(a) => docx.add_paragraph(alinea(a)),
            Blok::Opsomming(items) => items.iter().fold(docx, |docx, a| {
                docx.add_paragraph(alinea(a).numbering(NumberingId::new(OPSOMMING), IndentLevel::new(0)))
            }),
            Blok::Tabel(t) => docx.add_table(tabel(t, tekstbreedte)).add_paragraph(Paragraph::new()),
        };
    }
    let mut uit = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut uit).map_err(|e| e.to_string())?;
    Ok(uit.into_inner())
}

/// A paragraph; a line break in a piece's text becomes a line break in the paragraph.
fn alinea(a: &Alinea) -> Paragraph {
    let mut p = Paragraph::new();
    for stuk in &a.stukken {
        for (i, regel) in stuk.tekst.split('\n').enumerate() {
            let mut run = Run::new();
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(regel);
            if stuk.vet {
                run = run.bold();
            }
            if stuk.cursief {
                run = run.italic();
            }
            p = p.add_run(run);
        }
    }
    p
}

fn cel(c: &Cel, breedte: usize) -> TableCell {
    let mut tc = TableCell::new().width(breedte, WidthType::Dxa);
    if c.alineas.is_empty() {
        tc = tc.add_paragraph(Paragraph::new());
    }
    for a in &c.alineas {
        tc = tc.add_paragraph(alinea(a));
    }
    if let Some(kleur) = &c.vulling {
        tc = tc.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(kleur));
    }
    tc
}

fn tabel(t: &Tabel, tekstbreedte: usize) -> Table {
    let totaal: u32 = t.kolommen.iter().map(|k| k.breedte.max(1)).sum::<u32>().max(1);
    let breedtes: Vec<usize> = t.kolommen.iter().map(|k| tekstbreedte * k.breedte.max(1) as usize / totaal as usize).collect();
    let kop = TableRow::new(
        t.kolommen
            .iter()
            .zip(&breedtes)
            .map(|(k, b)| cel(&Cel { alineas: vec![Alinea::vet(k.kop.clone())], vulling: Some(KOP_VULLING.into()) }, *b))
            .collect(),
    )
    .cant_split();
    let mut rijen = vec![kop];
    for rij in &t.rijen {
        rijen.push(TableRow::new(rij.iter().zip(&breedtes).map(|(c, b)| cel(c, *b)).collect()));
    }
    Table::new(rijen).set_grid(breedtes).width(tekstbreedte, WidthType::Dxa).layout(TableLayoutType::Fixed)
}
