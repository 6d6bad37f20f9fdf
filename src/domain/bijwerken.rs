//! Bringing data of an older format version up to date: files on import and stored workspaces
//! on start.
//!
//! Format 3 gave a peilmoment its own year (`jaar`) and round (`ronde`). Before, the screen
//! guessed the year from the jaarafspraken whose state the peilmoment froze. A peilmoment made
//! before format 3 has no `jaar` change at all (one made since always has one, `null` for all
//! years), and gets one here with that guess: the year, when every frozen jaarafspraak is of one
//! year, else `null`. Its round stays unknown.
//!
//! The added change is the same in every copy that makes it: its id is derived from the
//! peilmoment and the whole content (value, time and party of the peilmoment's first change),
//! so two parties that bring the same data up to date add the same change, and importing one's
//! file into the other's copy adds nothing. Copies that guessed differently (their jaarafspraken
//! had other years) get two different changes to the same field: a visible conflict, not a
//! refused file. Such a change is no work of a person: a delete that did not see it still hides
//! the peilmoment ([`is_bijwerking`]).

use std::collections::BTreeSet;

use serde_json::{json, Value};
use uuid::Uuid;

use super::change::Change;
use super::history::History;
use super::model::Fields;
use super::schema::ItemSoort;

/// The author of the changes made here (the party is that of the peilmoment's maker).
pub const AUTEUR: &str = "Afsprakenmonitor (bijgewerkt naar formaat 3)";

/// The year of a peilmoment as guessed from its frozen state: the year of the jaarafspraken it
/// froze, when that is one year; `None` when it froze several years, jaarafspraken without a
/// year, or nothing.
pub fn geraden_jaar(h: &History, standen: &Value) -> Option<i64> {
    let m = standen.as_object()?;
    let jaren: BTreeSet<Option<i64>> = m
        .keys()
        .filter_map(|k| Uuid::parse_str(k).ok())
        .map(|id| Fields::new(h, id).int("jaar"))
        .collect();
    match jaren.into_iter().collect::<Vec<_>>().as_slice() {
        [Some(j)] => Some(*j),
        _ => None,
    }
}

/// The changes that bring a workspace to format 3: a `jaar` for every peilmoment (deleted ones
/// too) that never had one. Empty when there is nothing to do, so it can run on every start.
/// Costs the peilmomenten, not the rest of the history.
pub fn naar_formaat_3(h: &History) -> Vec<Change> {
    let mut out = Vec::new();
    for p in h.all_items_of(ItemSoort::Peilmoment) {
        if h.fields_of(p).contains(&"jaar") {
            continue;
        }
        let Some(eerste) = h.eerste_change(p) else { continue };
        let waarde = match Fields::new(h, p).value("standen").and_then(|s| geraden_jaar(h, s)) {
            Some(j) => json!(j),
            None => Value::Null,
        };
        let prive = h.is_prive(p);
        let naam = format!("formaat-3:jaar:{waarde}:{}:{}:{prive}", eerste.tijd, eerste.partij);
        out.push(Change {
            id: Uuid::new_v5(&p, naam.as_bytes()),
            werkruimte: h.werkruimte(),
            item: p,
            soort: ItemSoort::Peilmoment,
            veld: "jaar".to_string(),
            waarde,
            tijd: eerste.tijd,
            partij: eerste.partij.clone(),
            auteur: AUTEUR.to_string(),
            volgt: Vec::new(),
            prive,
            gezien: None,
        });
    }
    out
}

/// Whether a change is one [`naar_formaat_3`] makes: it brings data up to date and is no work of
/// a person (a delete need not have seen it to hide it).
pub fn is_bijwerking(c: &Change) -> bool {
    c.soort == ItemSoort::Peilmoment && c.veld == "jaar" && c.auteur == AUTEUR && c.volgt.is_empty()
}

/// Inserts [`naar_formaat_3`]'s changes; returns them (to store).
pub fn werk_bij(h: &mut History) -> Vec<Change> {
    let nieuw = naar_formaat_3(h);
    nieuw.into_iter().filter(|c| h.insert(c.clone()).is_ok_and(|n| n)).collect()
}
