//! Which column of a read table is what: the fields a column can fill, and a first guess from
//! the header row ("Nr", "Afspraak", "Trekker", "Realisatie voortgang" …) that the user then
//! confirms or changes.

use documentmodel::tabel::Tabel;

use crate::domain::report::vouw;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Veld {
    Code,
    Titel,
    Tekst,
    Thema,
    Subthema,
    Partijen,
    Trekker,
    Prioriteit,
    Jaar,
    Status,
    Voortgang,
    Kaderafspraak,
}

impl Veld {
    pub const ALL: [Veld; 12] = [
        Veld::Code,
        Veld::Titel,
        Veld::Tekst,
        Veld::Thema,
        Veld::Subthema,
        Veld::Partijen,
        Veld::Trekker,
        Veld::Prioriteit,
        Veld::Jaar,
        Veld::Status,
        Veld::Voortgang,
        Veld::Kaderafspraak,
    ];

    /// A stable name (for a select's value).
    pub fn code(self) -> &'static str {
        match self {
            Veld::Code => "code",
            Veld::Titel => "titel",
            Veld::Tekst => "tekst",
            Veld::Thema => "thema",
            Veld::Subthema => "subthema",
            Veld::Partijen => "partijen",
            Veld::Trekker => "trekker",
            Veld::Prioriteit => "prioriteit",
            Veld::Jaar => "jaar",
            Veld::Status => "status",
            Veld::Voortgang => "voortgang",
            Veld::Kaderafspraak => "kaderafspraak",
        }
    }

    pub fn from_code(s: &str) -> Option<Veld> {
        Veld::ALL.into_iter().find(|v| v.code() == s)
    }
}

/// The field a header names, if any. Tried in this order, so "Kaderafspraak" is not read as
/// "afspraak" and "Realisatie voortgang" is the voortgang.
pub fn raad_veld(kop: &str) -> Option<Veld> {
    let k: String = vouw(kop).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let woorden: Vec<&str> = k.split_whitespace().collect();
    if woorden.is_empty() {
        return None;
    }
    let heeft = |w: &str| woorden.iter().any(|x| x.starts_with(w));
    let is = |w: &[&str]| woorden.len() == 1 && w.contains(&woorden[0]);
    Some(if heeft("kader") {
        Veld::Kaderafspraak
    } else if heeft("voortgang") || heeft("realisatie") || (heeft("stand") && heeft("zaken")) {
        Veld::Voortgang
    } else if heeft("trekker") || heeft("eigenaar") || heeft("verantwoordelijk") {
        Veld::Trekker
    } else if heeft("prioriteit") || heeft("tertiaal") || is(&["planning", "wanneer"]) {
        Veld::Prioriteit
    } else if heeft("status") || heeft("stoplicht") || is(&["kleur", "beoordeling", "stand"]) {
        Veld::Status
    } else if heeft("subthema") || is(&["paragraaf", "onderdeel"]) {
        Veld::Subthema
    } else if heeft("thema") || is(&["hoofdstuk"]) {
        Veld::Thema
    } else if heeft("partij") || is(&["betrokken", "wie", "deelnemers"]) {
        Veld::Partijen
    } else if is(&["jaar", "jaartal"]) {
        Veld::Jaar
    } else if is(&["nr", "nummer", "no", "code", "kenmerk", "afspraaknummer", "afspraakcode"]) || (heeft("nr") && woorden.len() <= 2) {
        Veld::Code
    } else if heeft("toelichting") || heeft("omschrijving") || heeft("beschrijving") || is(&["tekst", "inhoud", "uitwerking"]) {
        Veld::Tekst
    } else if heeft("afspraak") || is(&["titel", "onderwerp", "naam", "actie"]) {
        Veld::Titel
    } else {
        return None;
    })
}

/// The first guess for a table: per column the field its header names (each field once, the
/// first column that names it), and whether the first row is a header row (at least one of its
/// cells names a field). Without a header row, a column whose cells look like codes ("K1.2")
/// is the code and the next one the title.
pub fn raad_kolommen(t: &Tabel) -> (Vec<Option<Veld>>, bool) {
    let breedte = t.breedte();
    let mut kolommen: Vec<Option<Veld>> = vec![None; breedte];
    let eerste = t.rijen.iter().position(|r| r.iter().any(|c| !c.is_leeg())).unwrap_or(0);
    for (k, kolom) in kolommen.iter_mut().enumerate() {
        let v = raad_veld(&t.cel(eerste, k).regel());
        *kolom = v;
    }
    // Each field once.
    let mut gezien = Vec::new();
    for kolom in kolommen.iter_mut() {
        if let Some(v) = *kolom {
            if gezien.contains(&v) {
                *kolom = None;
            } else {
                gezien.push(v);
            }
        }
    }
    let kopregel = !gezien.is_empty();
    // A column whose cells are mostly codes ("K1.2") holds the codes.
    let code_kolom = (0..breedte).find(|k| {
        let waarden: Vec<String> = t.rijen.iter().skip(if kopregel { eerste + 1 } else { 0 }).map(|r| r.get(*k).map(|c| c.regel()).unwrap_or_default()).filter(|s| !s.is_empty()).collect();
        !waarden.is_empty() && waarden.iter().filter(|w| super::plan::lijkt_code(w)).count() * 2 > waarden.len()
    });
    if kopregel {
        // A header cell merged over the code and the title ("Afspraak" over both): the codes
        // are in the first column, the title in the next.
        if let Some(k) = code_kolom.filter(|_| !gezien.contains(&Veld::Code)) {
            if kolommen[k] == Some(Veld::Titel) && kolommen.get(k + 1) == Some(&None) {
                kolommen[k + 1] = Some(Veld::Titel);
            }
            if kolommen[k].is_none() || kolommen[k] == Some(Veld::Titel) {
                kolommen[k] = Some(Veld::Code);
            }
        }
        return (kolommen, true);
    }
    if let Some(k) = code_kolom {
        kolommen[k] = Some(Veld::Code);
        if k + 1 < breedte {
            kolommen[k + 1] = Some(Veld::Titel);
        }
    } else if breedte > 0 {
        kolommen[0] = Some(Veld::Titel);
    }
    (kolommen, false)
}

/// The column letter as a spreadsheet shows it: 0 → A, 26 → AA.
pub fn kolomletter(k: usize) -> String {
    let mut n = k + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_headers() {
        let g = |s| raad_veld(s);
        assert_eq!(g("Nr."), Some(Veld::Code));
        assert_eq!(g("Afspraak"), Some(Veld::Titel));
        assert_eq!(g("Kaderafspraak"), Some(Veld::Kaderafspraak));
        assert_eq!(g("Trekker"), Some(Veld::Trekker));
        assert_eq!(g("Prioriteit / tertiaal"), Some(Veld::Prioriteit));
        assert_eq!(g("Realisatie voortgang"), Some(Veld::Voortgang));
        assert_eq!(g("Status"), Some(Veld::Status));
        assert_eq!(g("Thema"), Some(Veld::Thema));
        assert_eq!(g("Subthema"), Some(Veld::Subthema));
        assert_eq!(g("Betrokken partijen"), Some(Veld::Partijen));
        assert_eq!(g("Toelichting"), Some(Veld::Tekst));
        assert_eq!(g("Jaar"), Some(Veld::Jaar));
        assert_eq!(g("Opmerking van de wethouder"), None);
        assert_eq!(g(""), None);
    }

    #[test]
    fn column_letters() {
        assert_eq!(kolomletter(0), "A");
        assert_eq!(kolomletter(25), "Z");
        assert_eq!(kolomletter(26), "AA");
    }
}
