//! Agreements from a table: a range copied from Excel, a table from Word or a PDF viewer, or a
//! CSV file, read into the plain [`Tabel`] every reader produces (the .xlsx reader lives in the
//! documents module), mapped column by column and previewed row by row before anything changes.
//!
//! - [`html`]: the table in clipboard HTML (Word, Excel, LibreOffice, browsers).
//! - [`tekst`]: tab-separated rows and CSV files (`;` or `,`; UTF-8, UTF-16 or Windows-1252).
//! - [`kolommen`]: what a column can hold and a guess from the header row.
//! - [`plan`]: the preview (what is made, what is matched, each row's problems) and its edits.

pub mod html;
pub mod kolommen;
pub mod plan;
pub mod tekst;

pub use documentmodel::tabel::{Cel, Kleur, Tabel};

/// The most rows a table may have, and the largest input (bytes).
pub const MAX_RIJEN: usize = 20_000;
pub const MAX_INVOER: usize = 30_000_000;

/// Why a paste or a file gave no table; the app says it in words.
#[derive(Clone, Debug, PartialEq)]
pub enum LeesFout {
    /// Nothing with text in it.
    Leeg,
    /// More rows than [`MAX_RIJEN`]: the number found.
    TeVeelRijen(usize),
    /// Larger than [`MAX_INVOER`]: its size in bytes.
    TeGroot(usize),
    /// A file of a kind that is no table (by its name).
    GeenTabelbestand,
}

fn controleer(t: Tabel) -> Result<Tabel, LeesFout> {
    if t.is_leeg() {
        return Err(LeesFout::Leeg);
    }
    if t.rijen.len() > MAX_RIJEN {
        return Err(LeesFout::TeVeelRijen(t.rijen.len()));
    }
    Ok(t)
}

/// The table in a paste: the clipboard's HTML when it holds a table (Word, Excel, a browser),
/// else its plain text as tab-separated rows (or `;`/`,` when it has no tabs).
pub fn lees_plakken(html: Option<&str>, tekst: Option<&str>) -> Result<Tabel, LeesFout> {
    let grootte = html.map_or(0, str::len).max(tekst.map_or(0, str::len));
    if grootte > MAX_INVOER {
        return Err(LeesFout::TeGroot(grootte));
    }
    if let Some(t) = html.filter(|h| !h.trim().is_empty()).and_then(html::lees_html) {
        if !t.is_leeg() {
            return controleer(t);
        }
    }
    let tekst = tekst.unwrap_or_default();
    controleer(tekst::lees_tekst(tekst, tekst::raad_scheiding(tekst)))
}

/// Whether a file name is a table the app reads itself (`.csv`, `.tsv`).
pub fn is_tekstbestand(naam: &str) -> bool {
    let n = naam.to_lowercase();
    n.ends_with(".csv") || n.ends_with(".tsv")
}

/// Whether a file name is an Excel workbook (read by the documents module).
pub fn is_werkboek(naam: &str) -> bool {
    naam.to_lowercase().ends_with(".xlsx")
}

/// The table in a CSV or tab-separated file.
pub fn lees_bestand(naam: &str, bytes: &[u8]) -> Result<(Tabel, tekst::Codering), LeesFout> {
    if !is_tekstbestand(naam) {
        return Err(LeesFout::GeenTabelbestand);
    }
    if bytes.len() > MAX_INVOER {
        return Err(LeesFout::TeGroot(bytes.len()));
    }
    let (t, c) = tekst::lees_csv(bytes);
    Ok((controleer(t)?, c))
}
