//! Changes: every edit is one change to one field of one item.
//!
//! A change says who (party and author), when, which field of which item, the new value, and its
//! causal context: `volgt` holds the ids of the changes to the same field that the author had seen
//! (the field's current values when the edit was made). A change *supersedes* those.
//!
//! The state of a workspace is derived from its set of changes ([`crate::domain::history`]), so two
//! copies with the same set show the same state, whatever order the changes arrived in.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::schema::ItemSoort;

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Tijd = i64;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub id: Uuid,
    pub werkruimte: Uuid,
    pub item: Uuid,
    pub soort: ItemSoort,
    pub veld: String,
    pub waarde: Value,
    /// Milliseconds since 1970-01-01 UTC, by the author's clock.
    pub tijd: Tijd,
    /// The party the author edits for, e.g. "Pré Wonen".
    pub partij: String,
    pub auteur: String,
    /// Ids of the changes to the same field that this change supersedes.
    #[serde(default)]
    pub volgt: Vec<Uuid>,
    /// "Alleen voor ons": kept locally and in backups, never in an export for other parties.
    #[serde(default, skip_serializing_if = "is_false")]
    pub prive: bool,
    /// Only on a delete (`verwijderd` set to `true`): the current changes of the item and of the
    /// items that belong to it (its voortgang, reacties, indicators and their metingen) that the
    /// author saw when deleting. Work that is not in this list was done without knowing of the
    /// delete, so the delete does not hide it: see [`crate::domain::history::History::verwijder_conflict`].
    /// `None` on every other change, and on deletes written in format 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gezien: Option<Vec<Uuid>>,
}

/// JSON equality where numbers compare by value (`79` equals `79.0`).
pub fn gelijke_waarde(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(i), Some(j), _, _) => i == j,
            (_, _, Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| gelijke_waarde(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| gelijke_waarde(v, w)))
        }
        _ => a == b,
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Change {
    /// Whether two changes say the same. Numbers count as equal by value, so a file that another
    /// tool saved again (`79.0` written as `79`) still holds the same changes.
    pub fn zelfde_inhoud(&self, ander: &Change) -> bool {
        self.id == ander.id
            && self.werkruimte == ander.werkruimte
            && self.item == ander.item
            && self.soort == ander.soort
            && self.veld == ander.veld
            && self.tijd == ander.tijd
            && self.partij == ander.partij
            && self.auteur == ander.auteur
            && self.volgt == ander.volgt
            && self.prive == ander.prive
            && self.gezien == ander.gezien
            && gelijke_waarde(&self.waarde, &ander.waarde)
    }

    /// The order in which concurrent values are listed and the first is shown: latest first, ties
    /// broken by id, so every copy picks the same.
    pub fn volgorde_sleutel(&self) -> (Tijd, Uuid) {
        (self.tijd, self.id)
    }
}

/// Who makes an edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Actor {
    pub partij: String,
    pub auteur: String,
}

impl Actor {
    pub fn new(partij: impl Into<String>, auteur: impl Into<String>) -> Self {
        Actor { partij: partij.into(), auteur: auteur.into() }
    }
}
