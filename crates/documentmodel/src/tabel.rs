//! A table read from outside: a pasted range, a CSV file or a sheet of an .xlsx file.
//!
//! Every reader (HTML and tab-separated text from the clipboard, CSV, .xlsx) produces this one
//! shape, so the column mapping and the preview do not know where a table came from. A table is
//! rows of cells; a cell holds its text as paragraphs (a cell with several lines keeps them) and,
//! where the source had one, its fill colour (a status written as a green, yellow or red cell).
//! Rows may differ in length: [`Tabel::breedte`] is the longest.

use serde::{Deserialize, Serialize};

/// A fill colour as red, green and blue (0–255).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Kleur {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Kleur {
    /// Reads `#RRGGBB`, `RRGGBB`, `#RGB` or `AARRGGBB` (as .xlsx writes it); `None` otherwise.
    pub fn uit_hex(s: &str) -> Option<Kleur> {
        let h = s.trim().trim_start_matches('#');
        let h = if h.len() == 8 { &h[2..] } else { h };
        let byte = |i: usize, n: usize| u8::from_str_radix(h.get(i..i + n)?, 16).ok();
        match h.len() {
            6 => Some(Kleur { r: byte(0, 2)?, g: byte(2, 2)?, b: byte(4, 2)? }),
            3 => Some(Kleur { r: byte(0, 1)? * 17, g: byte(1, 1)? * 17, b: byte(2, 1)? * 17 }),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// One cell: its text as paragraphs (none when empty) and its fill colour.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cel {
    pub alineas: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kleur: Option<Kleur>,
}

impl Cel {
    /// A cell from text: each line that is not blank is a paragraph; spaces within a line are
    /// collapsed.
    pub fn uit_tekst(tekst: &str) -> Cel {
        Cel { alineas: alineas(tekst), kleur: None }
    }

    /// The paragraphs joined by a blank line, as the app stores a text with paragraphs.
    pub fn tekst(&self) -> String {
        self.alineas.join("\n\n")
    }

    /// The paragraphs joined by one space: for a short value (a code, a year, a name).
    pub fn regel(&self) -> String {
        self.alineas.join(" ")
    }

    pub fn is_leeg(&self) -> bool {
        self.alineas.is_empty()
    }
}

/// The paragraphs of a text: its lines, whitespace collapsed (non-breaking spaces too), blank
/// lines left out.
pub fn alineas(tekst: &str) -> Vec<String> {
    tekst
        .split(['\n', '\r'])
        .map(|r| r.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|r| !r.is_empty())
        .collect()
}

/// A table: rows of cells, the first row as the source had it (often a header row).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tabel {
    pub rijen: Vec<Vec<Cel>>,
}

impl Tabel {
    /// The number of columns: the length of the longest row.
    pub fn breedte(&self) -> usize {
        self.rijen.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The cell at row `r`, column `k`; an empty cell where a short row has none.
    pub fn cel(&self, r: usize, k: usize) -> &Cel {
        static LEEG: Cel = Cel { alineas: Vec::new(), kleur: None };
        self.rijen.get(r).and_then(|rij| rij.get(k)).unwrap_or(&LEEG)
    }

    /// Leaves out rows without any text or colour, and empty columns at the end.
    pub fn opgeschoond(mut self) -> Tabel {
        self.rijen.retain(|rij| rij.iter().any(|c| !c.is_leeg() || c.kleur.is_some()));
        for rij in &mut self.rijen {
            while rij.last().is_some_and(|c| c.is_leeg() && c.kleur.is_none()) {
                rij.pop();
            }
        }
        self
    }

    pub fn is_leeg(&self) -> bool {
        self.rijen.iter().all(|r| r.iter().all(Cel::is_leeg))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_from_hex() {
        assert_eq!(Kleur::uit_hex("#00B050"), Some(Kleur { r: 0, g: 0xb0, b: 0x50 }));
        assert_eq!(Kleur::uit_hex("FF92D050"), Some(Kleur { r: 0x92, g: 0xd0, b: 0x50 }));
        assert_eq!(Kleur::uit_hex("#f00"), Some(Kleur { r: 255, g: 0, b: 0 }));
        assert_eq!(Kleur::uit_hex("groen"), None);
        assert_eq!(Kleur::uit_hex("#é0000"), None);
    }

    #[test]
    fn paragraphs_of_a_cell() {
        let c = Cel::uit_tekst("Eerste\u{a0} regel\r\n\r\n  tweede   regel\n");
        assert_eq!(c.alineas, ["Eerste regel", "tweede regel"]);
        assert_eq!(c.tekst(), "Eerste regel\n\ntweede regel");
        assert!(Cel::uit_tekst(" \n\u{a0}").is_leeg());
    }

    #[test]
    fn cleaning_drops_empty_rows_and_trailing_cells() {
        let t = Tabel { rijen: vec![vec![Cel::uit_tekst("a"), Cel::default()], vec![Cel::default()]] }.opgeschoond();
        assert_eq!(t.rijen.len(), 1);
        assert_eq!(t.breedte(), 1);
        assert!(t.cel(5, 5).is_leeg());
    }
}
