//! Setting up a new workspace in one go: title, gemeente, period, the parties by kind and the
//! themes as a pasted list ("1 Passend wonen voor iedereen", one per line; "1.1 Betaalbaarheid"
//! is a subtheme of theme 1). The result is the edits that make it, written like any edit.

use serde_json::json;
use uuid::Uuid;

use super::formulier::Bewerking;
use super::schema::{ItemSoort, PARTIJ_SOORTEN};
use super::tabel::plan::lees_kop;

/// What the user filled in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opzet {
    pub titel: String,
    pub gemeente: String,
    pub periode_van: Option<i64>,
    pub periode_tot: Option<i64>,
    /// Per kind of party (one of [`PARTIJ_SOORTEN`]) the names, one per line.
    pub partijen: Vec<(&'static str, String)>,
    /// The themes, one per line.
    pub themas: String,
}

/// A theme or subtheme line: (number, title, is a subtheme).
pub fn lees_themas(tekst: &str) -> Vec<(String, String, bool)> {
    tekst
        .lines()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| {
            let (nummer, titel) = lees_kop(r);
            let sub = nummer.contains('.');
            (nummer, titel, sub)
        })
        .filter(|(_, t, _)| !t.is_empty())
        .collect()
}

/// The names of a list of parties, one per line (commas separate too).
pub fn lees_namen(tekst: &str) -> Vec<String> {
    tekst.split(['\n', ',', ';']).map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// The year a new jaarafspraak gets: this calendar year when it is in the workspace's period,
/// else the period's nearest year; the calendar year when there is no period.
pub fn jaar_in_periode(van: Option<i64>, tot: Option<i64>, kalenderjaar: i64) -> i64 {
    match (van, tot) {
        (Some(v), Some(t)) if v <= t => kalenderjaar.clamp(v, t),
        (Some(v), None) => kalenderjaar.max(v),
        (None, Some(t)) => kalenderjaar.min(t),
        _ => kalenderjaar,
    }
}

/// The edits that make workspace `werkruimte` as set up. Ids derive from the workspace.
pub fn bewerkingen(werkruimte: Uuid, o: &Opzet) -> Vec<Bewerking> {
    let id = |wat: String| Uuid::new_v5(&werkruimte, wat.as_bytes());
    let w = ItemSoort::Werkruimte;
    let mut uit: Vec<Bewerking> = vec![(werkruimte, w, "titel", json!(o.titel.trim()))];
    if !o.gemeente.trim().is_empty() {
        uit.push((werkruimte, w, "gemeente", json!(o.gemeente.trim())));
    }
    if let Some(v) = o.periode_van {
        uit.push((werkruimte, w, "periode_van", json!(v)));
    }
    if let Some(t) = o.periode_tot {
        uit.push((werkruimte, w, "periode_tot", json!(t)));
    }
    let mut volgorde = 0;
    for (soort, namen) in &o.partijen {
        if !PARTIJ_SOORTEN.contains(soort) {
            continue;
        }
        for naam in lees_namen(namen) {
            volgorde += 1;
            let p = id(format!("partij:{volgorde}"));
            uit.push((p, ItemSoort::Partij, "naam", json!(naam)));
            uit.push((p, ItemSoort::Partij, "soort", json!(soort)));
            uit.push((p, ItemSoort::Partij, "volgorde", json!(volgorde)));
        }
    }
    let mut thema: Option<(Uuid, String)> = None;
    for (i, (nummer, titel, sub)) in lees_themas(&o.themas).into_iter().enumerate() {
        let volgorde = i as i64 + 1;
        if sub {
            let s = id(format!("subthema:{i}"));
            let voor = nummer.split('.').next().unwrap_or_default();
            let ouder = thema.as_ref().filter(|(_, n)| n == voor).map(|(t, _)| *t).or(thema.as_ref().map(|(t, _)| *t));
            if let Some(t) = ouder {
                uit.push((s, ItemSoort::Subthema, "thema", json!(t.to_string())));
            }
            uit.push((s, ItemSoort::Subthema, "nummer", json!(nummer)));
            uit.push((s, ItemSoort::Subthema, "titel", json!(titel)));
            uit.push((s, ItemSoort::Subthema, "volgorde", json!(volgorde)));
        } else {
            let t = id(format!("thema:{i}"));
            if !nummer.is_empty() {
                uit.push((t, ItemSoort::Thema, "nummer", json!(nummer)));
            }
            uit.push((t, ItemSoort::Thema, "titel", json!(titel)));
            uit.push((t, ItemSoort::Thema, "volgorde", json!(volgorde)));
            thema = Some((t, nummer));
        }
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_stays_in_the_period() {
        assert_eq!(jaar_in_periode(Some(2025), Some(2028), 2024), 2025);
        assert_eq!(jaar_in_periode(Some(2025), Some(2028), 2026), 2026);
        assert_eq!(jaar_in_periode(Some(2025), Some(2028), 2031), 2028);
        assert_eq!(jaar_in_periode(None, None, 2026), 2026);
        assert_eq!(jaar_in_periode(Some(2030), Some(2020), 2026), 2026);
    }

    #[test]
    fn theme_lines() {
        let t = lees_themas("1 Passend wonen voor iedereen\n\n1.1 Betaalbaarheid\n  2. Duurzaam  \nLeefbaarheid\n");
        assert_eq!(
            t,
            [
                ("1".into(), "Passend wonen voor iedereen".into(), false),
                ("1.1".into(), "Betaalbaarheid".into(), true),
                ("2".into(), "Duurzaam".into(), false),
                ("".into(), "Leefbaarheid".into(), false)
            ]
        );
    }
}
