//! An indicator over the period of the agreements: its value per year, and whether the pace so
//! far reaches the target by the end of the period (K 1.1: at least 120 sociale
//! nieuwbouwwoningen by the end of 2027).
//!
//! A value per year is the year's latest measurement for all parties together; without one, the
//! sum of each party's latest measurement of that year (counts add up; percentages do not, so a
//! percentage without an all-parties measurement has no value for the year). A count with a
//! minimum target (*cumulatief*) is on pace when its latest value, spread evenly over the time
//! passed since the start of the period, reaches the target by the end; a level (a percentage,
//! or a maximum) simply meets its target or not.

use std::collections::BTreeMap;

use super::super::model::{Indicator, Meting};
use super::super::time::parse_datum;

/// One year of the period.
#[derive(Clone, Debug, PartialEq)]
pub struct JaarWaarde {
    pub jaar: i64,
    pub waarde: Option<f64>,
    /// The date of the latest measurement counted.
    pub datum: Option<String>,
}

/// How an indicator is judged against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Soort {
    /// A count that grows towards a minimum at the end of the period: judged by its pace.
    Cumulatief,
    /// A level (a percentage, or a maximum): judged by its latest value.
    Niveau,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tempo {
    pub van: i64,
    pub tot: i64,
    pub doel: Option<f64>,
    pub minimaal: bool,
    pub soort: Soort,
    pub per_jaar: Vec<JaarWaarde>,
    /// The latest value with its date.
    pub laatste: Option<(String, f64)>,
    /// Cumulatief: where an even pace to the target would be on the latest value's date.
    pub nodig_nu: Option<f64>,
    /// Cumulatief: the value at the end of the period if the pace so far continues.
    pub verwacht_eind: Option<f64>,
    /// Whether the target is reached (level) or will be at this pace (cumulatief); `None`
    /// without a target or a value.
    pub haalt: Option<bool>,
}

/// The value of one year's measurements; see the module text.
fn jaarwaarde(ind: &Indicator, metingen: &[&Meting]) -> Option<(f64, String)> {
    let mut samen: Option<&Meting> = None;
    let mut per_partij: BTreeMap<String, &Meting> = BTreeMap::new();
    for m in metingen.iter().copied().filter(|m| m.waarde.is_some()) {
        match m.partij {
            None => {
                if samen.is_none_or(|s| m.datum >= s.datum) {
                    samen = Some(m);
                }
            }
            Some(p) => {
                let e = per_partij.entry(p.to_string()).or_insert(m);
                if m.datum >= e.datum {
                    *e = m;
                }
            }
        }
    }
    if let Some(m) = samen {
        return Some((m.waarde?, m.datum.clone()));
    }
    if per_partij.is_empty() || ind.eenheid.trim() == "%" {
        return None;
    }
    let som = per_partij.values().filter_map(|m| m.waarde).sum();
    let datum = per_partij.values().map(|m| m.datum.clone()).max()?;
    Some((som, datum))
}

/// The indicator over the years `van..=tot`, with `metingen` its measurements.
pub fn tempo(ind: &Indicator, metingen: &[Meting], van: i64, tot: i64) -> Tempo {
    let minimaal = ind.richting != "maximaal";
    let soort = if minimaal && ind.eenheid.trim() != "%" { Soort::Cumulatief } else { Soort::Niveau };
    let jaar_van = |m: &Meting| m.datum.get(0..4).and_then(|j| j.parse::<i64>().ok());
    let per_jaar: Vec<JaarWaarde> = (van..=tot.max(van))
        .map(|jaar| {
            let in_jaar: Vec<&Meting> = metingen.iter().filter(|m| jaar_van(m) == Some(jaar)).collect();
            let w = jaarwaarde(ind, &in_jaar);
            JaarWaarde { jaar, waarde: w.as_ref().map(|(w, _)| *w), datum: w.map(|(_, d)| d) }
        })
        .collect();
    let laatste = per_jaar.iter().rev().find_map(|j| Some((j.datum.clone()?, j.waarde?)));
    let (mut nodig_nu, mut verwacht_eind, mut haalt) = (None, None, None);
    if let (Some(doel), Some((datum, waarde))) = (ind.doel, laatste.as_ref()) {
        match soort {
            Soort::Niveau => haalt = Some(if minimaal { *waarde >= doel } else { *waarde <= doel }),
            Soort::Cumulatief => {
                // Time passed in years (each calendar year counts one, whatever its length), to
                // the end of the measurement's day.
                let jaar_begin = |j: i64| parse_datum(&format!("{j:04}-01-01"));
                let jaar = datum.get(0..4).and_then(|j| j.parse::<i64>().ok());
                let deel = jaar.and_then(|j| {
                    let (b, e, d) = (jaar_begin(j)?, jaar_begin(j + 1)?, parse_datum(datum)?);
                    let verstreken = (j - van) as f64 + (d + 86_400_000 - b) as f64 / (e - b) as f64;
                    Some((verstreken / (tot.max(van) - van + 1) as f64).clamp(0.0, 1.0))
                });
                if let Some(deel) = deel {
                    if deel > 0.0 {
                        nodig_nu = Some(doel * deel);
                        let eind_waarde = waarde / deel;
                        verwacht_eind = Some(eind_waarde);
                        haalt = Some(eind_waarde >= doel);
                    }
                }
            }
        }
    }
    Tempo { van, tot, doel: ind.doel, minimaal, soort, per_jaar, laatste, nodig_nu, verwacht_eind, haalt }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn ind(eenheid: &str, doel: f64) -> Indicator {
        Indicator {
            id: Uuid::nil(),
            afspraak: None,
            naam: "x".into(),
            eenheid: eenheid.into(),
            doel: Some(doel),
            richting: "minimaal".into(),
            signaalwaarde: None,
            toelichting: String::new(),
        }
    }

    fn m(datum: &str, partij: Option<u128>, waarde: f64) -> Meting {
        Meting { id: Uuid::new_v4(), indicator: None, datum: datum.into(), partij: partij.map(Uuid::from_u128), waarde: Some(waarde), toelichting: String::new() }
    }

    #[test]
    fn a_count_on_pace_and_behind() {
        // 120 by the end of 2027; 60 at the end of 2025 is half the target after half the period.
        let t = tempo(&ind("woningen", 120.0), &[m("2024-12-31", None, 20.0), m("2025-12-31", None, 60.0)], 2024, 2027);
        assert_eq!(t.per_jaar.iter().map(|j| j.waarde).collect::<Vec<_>>(), vec![Some(20.0), Some(60.0), None, None]);
        assert_eq!(t.soort, Soort::Cumulatief);
        assert_eq!(t.laatste, Some(("2025-12-31".to_string(), 60.0)));
        assert!((t.nodig_nu.unwrap() - 60.0).abs() < 0.1);
        assert!((t.verwacht_eind.unwrap() - 120.0).abs() < 0.1);
        assert_eq!(t.haalt, Some(true));
        let t = tempo(&ind("woningen", 120.0), &[m("2025-12-31", None, 45.0)], 2024, 2027);
        assert!((t.verwacht_eind.unwrap() - 90.0).abs() < 0.1);
        assert_eq!(t.haalt, Some(false));
    }

    #[test]
    fn parties_add_up_for_counts_and_not_for_percentages() {
        let ms = [m("2024-06-01", Some(1), 10.0), m("2024-10-01", Some(1), 12.0), m("2024-10-30", Some(2), 5.0)];
        assert_eq!(tempo(&ind("woningen", 120.0), &ms, 2024, 2027).per_jaar[0].waarde, Some(17.0));
        let p = tempo(&ind("%", 70.0), &ms, 2024, 2027);
        assert_eq!(p.per_jaar[0].waarde, None);
        assert_eq!(p.haalt, None);
        let p = tempo(&ind("%", 70.0), &[m("2024-10-30", None, 66.0)], 2024, 2027);
        assert_eq!((p.soort, p.haalt), (Soort::Niveau, Some(false)));
    }

    #[test]
    fn nothing_measured_judges_nothing() {
        let t = tempo(&ind("woningen", 120.0), &[], 2024, 2027);
        assert_eq!(t.per_jaar.len(), 4);
        assert_eq!((t.laatste, t.haalt), (None, None));
    }
}
