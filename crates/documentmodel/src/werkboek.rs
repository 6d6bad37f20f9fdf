//! A workbook to be written as .xlsx.
//!
//! A [`Werkboek`] has sheets; a [`Blad`] has columns (heading, width, whether long text wraps),
//! rows of cells, and whether its heading row is frozen and has an autofilter. A cell holds text
//! or a number and may have a fill colour; a status cell holds its word as well as its fill.
//! Text is never a formula: the writer stores it as a string.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Werkboek {
    /// The title in the file's properties.
    pub titel: String,
    pub bladen: Vec<Blad>,
}

/// One sheet: a heading row (the column headings) and the rows under it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Blad {
    /// The sheet's name (at most 31 characters; Excel refuses longer names).
    pub naam: String,
    pub kolommen: Vec<BladKolom>,
    pub rijen: Vec<Vec<WerkboekCel>>,
    /// The heading row stays in view when scrolling.
    pub kop_vast: bool,
    /// The heading row has filter buttons over all rows.
    pub filter: bool,
}

/// A column: its heading, its width in characters, and whether long text wraps in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BladKolom {
    pub kop: String,
    pub breedte: f64,
    pub terugloop: bool,
}

/// The value of a cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Waarde {
    #[default]
    Leeg,
    Tekst(String),
    Getal(f64),
}

/// A cell: its value, an optional fill colour (six hex digits, "FFC7CE") and bold or not.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WerkboekCel {
    pub waarde: Waarde,
    pub vulling: Option<String>,
    pub vet: bool,
}

impl WerkboekCel {
    /// A text cell (an empty text is an empty cell).
    pub fn tekst(tekst: impl Into<String>) -> WerkboekCel {
        let tekst = tekst.into();
        WerkboekCel { waarde: if tekst.is_empty() { Waarde::Leeg } else { Waarde::Tekst(tekst) }, vulling: None, vet: false }
    }
    /// A number cell.
    pub fn getal(n: f64) -> WerkboekCel {
        WerkboekCel { waarde: Waarde::Getal(n), vulling: None, vet: false }
    }
}
