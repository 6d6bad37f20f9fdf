//! The JSON file format: a workspace with its change history, versioned.
//!
//! Described field by field in `docs/formaat.md`, with a JSON Schema in
//! `docs/formaat.schema.json`. Writing is here; reading goes through [`crate::domain::validate`],
//! which checks everything before anything is used.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::change::{Actor, Change, Tijd};
use super::history::History;

/// The value of the `formaat` field: marks a file as ours.
pub const FORMAAT: &str = "afsprakenmonitor";
/// The format version this code writes. Older versions are upgraded on read; newer are refused.
/// Format 4 added the fields `uitgelicht` and `uitgelicht_tekst` of a jaarafspraak: a build that
/// reads up to format 3 refuses unknown fields, so it should say "made with a newer version".
pub const VERSIE: u64 = 4;

/// What an export is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportSoort {
    /// For other parties: changes marked "alleen voor ons" are left out.
    Uitwisseling,
    /// For oneself: everything, private changes included.
    Reservekopie,
}

/// A file as written and read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bestand {
    pub formaat: String,
    pub versie: u64,
    pub soort: ExportSoort,
    pub werkruimte: Uuid,
    /// The workspace title at export time (for the user; the state is in the changes).
    pub titel: String,
    pub geexporteerd_op: Tijd,
    pub geexporteerd_door: Actor,
    /// Every change, oldest first.
    pub wijzigingen: Vec<Change>,
}

/// Builds the file for a history.
pub fn export(history: &History, soort: ExportSoort, door: &Actor, nu: Tijd) -> Bestand {
    let titel = super::model::Werkruimte::new(history).info().titel;
    let wijzigingen = history
        .changes()
        .into_iter()
        .filter(|c| soort == ExportSoort::Reservekopie || !c.prive)
        .cloned()
        .collect();
    Bestand {
        formaat: FORMAAT.to_string(),
        versie: VERSIE,
        soort,
        werkruimte: history.werkruimte(),
        titel,
        geexporteerd_op: nu,
        geexporteerd_door: door.clone(),
        wijzigingen,
    }
}

/// The file as pretty JSON text.
pub fn to_json(bestand: &Bestand) -> String {
    serde_json::to_string_pretty(bestand).expect("a Bestand always serializes")
}

/// A file name like `prestatieafspraken-heemstede-2025-03-25-pre-wonen.json`.
pub fn bestandsnaam(titel: &str, partij: &str, nu: Tijd, soort: ExportSoort) -> String {
    let mut parts = vec![slug(titel)];
    // A backup holds what is only for us: its name says so, so it is not mailed by mistake.
    if soort == ExportSoort::Reservekopie {
        parts.push("reservekopie".to_string());
    }
    parts.push(super::time::datum(nu));
    let p = slug(partij);
    if !p.is_empty() {
        parts.push(p);
    }
    let naam = parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    format!("{naam}.json")
}

/// Lowercase ASCII words joined by `-`; accents are dropped ("Pré Wonen" → "pre-wonen").
/// Year ranges and "t/m" are dropped from titles so names stay short.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars().flat_map(fold_accent) {
        if ch.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(ch.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    // Drop the period from titles such as "… 2024 t/m 2027".
    let words: Vec<&str> = out
        .split('-')
        .filter(|w| !(w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) && *w != "t" && *w != "m")
        .collect();
    let short = words.join("-");
    if short.is_empty() { out } else { short }
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    };
    std::iter::once(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_has_title_date_and_party() {
        let nu = super::super::time::parse_datum("2025-03-25").unwrap();
        assert_eq!(
            bestandsnaam("Prestatieafspraken Heemstede 2024 t/m 2027", "Pré Wonen", nu, ExportSoort::Uitwisseling),
            "prestatieafspraken-heemstede-2025-03-25-pre-wonen.json"
        );
        assert_eq!(
            bestandsnaam("Prestatieafspraken Heemstede 2024 t/m 2027", "Pré Wonen", nu, ExportSoort::Reservekopie),
            "prestatieafspraken-heemstede-reservekopie-2025-03-25-pre-wonen.json"
        );
        assert_eq!(bestandsnaam("", "", nu, ExportSoort::Uitwisseling), "2025-03-25.json");
        assert_eq!(bestandsnaam("", "", nu, ExportSoort::Reservekopie), "reservekopie-2025-03-25.json");
    }
}
