//! A text document to be written as .docx.
//!
//! A [`Document`] is a list of [`Blok`]s: headings, paragraphs, bulleted lists and tables. A
//! table cell holds paragraphs and may have a fill colour; the words that give a status are in
//! the cell itself, so a cell never says something by colour alone. Text is plain text: a line
//! break in a [`Stuk`] becomes a line break in the document, nothing is read as markup.

use serde::{Deserialize, Serialize};

/// A whole document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Landscape A4 (for wide tables); otherwise portrait A4.
    pub liggend: bool,
    pub blokken: Vec<Blok>,
}

/// One block of the document, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Blok {
    /// A heading; `niveau` 1 is the title, 2 a section, 3 a subsection.
    Kop { niveau: u8, tekst: String },
    Alinea(Alinea),
    /// A bulleted list, one paragraph per item.
    Opsomming(Vec<Alinea>),
    Tabel(Tabel),
}

/// A paragraph: pieces of text, each bold or italic or neither.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alinea {
    pub stukken: Vec<Stuk>,
}

impl Alinea {
    /// A paragraph of one plain piece.
    pub fn tekst(tekst: impl Into<String>) -> Alinea {
        Alinea { stukken: vec![Stuk::tekst(tekst)] }
    }
    /// A paragraph of one bold piece.
    pub fn vet(tekst: impl Into<String>) -> Alinea {
        Alinea { stukken: vec![Stuk { tekst: tekst.into(), vet: true, cursief: false }] }
    }
    /// The paragraph's text without formatting.
    pub fn platte_tekst(&self) -> String {
        self.stukken.iter().map(|s| s.tekst.as_str()).collect()
    }
}

/// A run of text with one formatting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stuk {
    pub tekst: String,
    pub vet: bool,
    pub cursief: bool,
}

impl Stuk {
    pub fn tekst(tekst: impl Into<String>) -> Stuk {
        Stuk { tekst: tekst.into(), vet: false, cursief: false }
    }
    pub fn vet(tekst: impl Into<String>) -> Stuk {
        Stuk { tekst: tekst.into(), vet: true, cursief: false }
    }
    pub fn cursief(tekst: impl Into<String>) -> Stuk {
        Stuk { tekst: tekst.into(), vet: false, cursief: true }
    }
}

/// A table with a heading row that repeats on every page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tabel {
    pub kolommen: Vec<TabelKolom>,
    pub rijen: Vec<Vec<Cel>>,
}

/// A column: its heading and its share of the table's width (relative to the other columns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabelKolom {
    pub kop: String,
    pub breedte: u32,
}

/// A table cell: paragraphs and an optional fill.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cel {
    pub alineas: Vec<Alinea>,
    /// A fill colour as six hex digits ("C6EFCE").
    pub vulling: Option<String>,
}

impl Cel {
    /// A cell of one plain paragraph.
    pub fn tekst(tekst: impl Into<String>) -> Cel {
        Cel { alineas: vec![Alinea::tekst(tekst)], vulling: None }
    }
}

impl Document {
    /// Every text of the document in reading order, one line per paragraph or cell paragraph:
    /// what a reader of the file finds (for tests).
    pub fn platte_tekst(&self) -> String {
        let mut uit = Vec::new();
        for b in &self.blokken {
            match b {
                Blok::Kop { tekst, .. } => uit.push(tekst.clone()),
                Blok::Alinea(a) => uit.push(a.platte_tekst()),
                Blok::Opsomming(items) => uit.extend(items.iter().map(Alinea::platte_tekst)),
                Blok::Tabel(t) => {
                    uit.extend(t.kolommen.iter().map(|k| k.kop.clone()));
                    for rij in &t.rijen {
                        for cel in rij {
                            uit.extend(cel.alineas.iter().map(Alinea::platte_tekst));
                        }
                    }
                }
            }
        }
        uit.join("\n")
    }
}
