//! A peilmoment's frozen state ("standen"): per jaarafspraak its status, latest voortgang,
//! oorzaak and actie, stored as the value of the peilmoment's `standen` field (schema type
//! [`VeldType::Standen`](super::super::schema::VeldType::Standen)), and comparing two of them.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::super::history::History;
use super::super::model::{Status, Werkruimte};
use super::super::schema::ItemSoort;

/// The standen of the jaarafspraken of one year (or all): an object from jaarafspraak id to
/// `{status, voortgang, oorzaak, actie}`; empty texts and a missing voortgang are `null`.
pub fn peilmoment_standen(h: &History, jaar: Option<i64>) -> Value {
    let w = Werkruimte::new(h);
    let tekst = |s: &str| if s.trim().is_empty() { Value::Null } else { json!(s) };
    let mut m = Map::new();
    for j in super::jaarafspraken(h, jaar) {
        let voortgang = w.voortgang_van(j.id).pop().map(|v| v.tekst);
        m.insert(
            j.id.to_string(),
            json!({
                "status": j.status.code(),
                "voortgang": voortgang.as_deref().map_or(Value::Null, tekst),
                "oorzaak": tekst(&j.oorzaak),
                "actie": tekst(&j.actie),
            }),
        );
    }
    Value::Object(m)
}

/// The standen of now, of every year, to compare a peilmoment with. To compare one year only,
/// use [`peilmoment_standen`] with that year.
pub fn huidige_standen(h: &History) -> Value {
    peilmoment_standen(h, None)
}

/// A jaarafspraak whose status or voortgang differs between two standen.
#[derive(Clone, Debug, PartialEq)]
pub struct StandVerschil {
    pub afspraak: Uuid,
    pub code: String,
    pub titel: String,
    /// `None` when the jaarafspraak is not in that stand.
    pub status_voor: Option<Status>,
    pub status_na: Option<Status>,
    pub voortgang_voor: Option<String>,
    pub voortgang_na: Option<String>,
}

fn stand(v: &Value, id: &str) -> (Option<Status>, Option<String>) {
    let Some(s) = v.get(id) else { return (None, None) };
    let status = s.get("status").and_then(Value::as_str).and_then(Status::from_code);
    let voortgang = s.get("voortgang").and_then(Value::as_str).map(str::to_string);
    (status, voortgang)
}

/// The jaarafspraken whose status or latest voortgang differs between `voor` and `na`, in list
/// order; ids no longer in the list come last.
pub fn vergelijk_standen(voor: &Value, na: &Value, h: &History) -> Vec<StandVerschil> {
    let w = Werkruimte::new(h);
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default() };
    let mut rest: BTreeSet<String> = keys(voor).into_iter().chain(keys(na)).collect();
    let mut ids: Vec<Uuid> = Vec::new();
    for j in w.jaarafspraken() {
        if rest.remove(&j.id.to_string()) {
            ids.push(j.id);
        }
    }
    ids.extend(rest.iter().filter_map(|k| Uuid::parse_str(k).ok()));
    ids.into_iter()
        .filter_map(|id| {
            let (status_voor, voortgang_voor) = stand(voor, &id.to_string());
            let (status_na, voortgang_na) = stand(na, &id.to_string());
            if status_voor == status_na && voortgang_voor == voortgang_na {
                return None;
            }
            let (code, titel) = if h.soort(id) == Some(ItemSoort::Jaarafspraak) {
                let j = w.jaarafspraak(id);
                (j.code, j.titel)
            } else {
                (String::new(), String::new())
            };
            Some(StandVerschil { afspraak: id, code, titel, status_voor, status_na, voortgang_voor, voortgang_na })
        })
        .collect()
}
