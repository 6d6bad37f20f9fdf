//! What an edit form writes: only the fields whose value differs from the value the form was
//! opened with.
//!
//! A form remembers its values when it opens ([`Beginwaarden::geopend`]) and, on saving, passes
//! only [`Beginwaarden::wijzigingen`] to the edit. It compares with the value it was opened
//! with, not with the current value: when another tab or an import changes a field while the form
//! is open, a field the user did not touch does not overwrite that change, and no conflict appears
//! that nobody made. A field that was never set counts as the form's empty value (`""`, `[]` or
//! `null`), so saving an untouched empty field writes nothing. Every edit form uses this one type.

use serde_json::Value;
use uuid::Uuid;

use super::change::{gelijke_waarde, Actor, Change, Tijd};
use super::history::{History, InsertError};
use super::schema::{ItemSoort, VERWIJDERD};

/// One edit for [`crate::domain::history::History`]: item, kind, field and new value.
pub type Bewerking = (Uuid, ItemSoort, &'static str, Value);

/// The values of one form's fields when it was opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Beginwaarden {
    item: Uuid,
    soort: ItemSoort,
    begin: Vec<(&'static str, Value)>,
}

impl Beginwaarden {
    /// A form for an existing item, opened with these values (as the form itself would write
    /// them: trimmed text, parsed numbers, lists).
    pub fn geopend(item: Uuid, soort: ItemSoort, begin: Vec<(&'static str, Value)>) -> Self {
        Beginwaarden { item, soort, begin }
    }

    /// A form for a new item: every field is still unset, so only filled-in fields are written.
    pub fn nieuw(item: Uuid, soort: ItemSoort) -> Self {
        Beginwaarden { item, soort, begin: Vec::new() }
    }

    pub fn item(&self) -> Uuid {
        self.item
    }

    /// The value a field had when the form was opened; `None`: never set.
    pub fn waarde(&self, veld: &str) -> Option<&Value> {
        self.begin.iter().find(|(v, _)| *v == veld).map(|(_, w)| w)
    }

    /// The edits for the fields in `nu` whose value differs from the value the form was opened
    /// with, in the order of `nu`. Empty when nothing changed.
    pub fn wijzigingen(&self, nu: &[(&'static str, Value)]) -> Vec<Bewerking> {
        nu.iter()
            .filter(|(veld, waarde)| !zelfde(self.waarde(veld), waarde))
            .map(|(veld, waarde)| (self.item, self.soort, *veld, waarde.clone()))
            .collect()
    }

    /// After a save of a form that stays open: the saved values are its new start values.
    pub fn bewaard(&mut self, nu: &[(&'static str, Value)]) {
        for (veld, waarde) in nu {
            match self.begin.iter_mut().find(|(v, _)| v == veld) {
                Some((_, w)) => *w = waarde.clone(),
                None => self.begin.push((veld, waarde.clone())),
            }
        }
    }
}

/// Whether a value counts as empty in a form: `null`, text with only spaces, an empty list or
/// an empty object.
pub fn leeg(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// Whether a form's value is the same as the value it was opened with (`None`: never set). Two
/// empty values are the same; numbers compare by value.
pub fn zelfde(begin: Option<&Value>, nu: &Value) -> bool {
    match begin {
        None => leeg(nu),
        Some(b) if leeg(b) && leeg(nu) => true,
        Some(b) => gelijke_waarde(b, nu),
    }
}

/// Writes edits as changes on a history, as every edit of the app does: a value that is already
/// shown without conflict is not written again (a delete in conflict with work it did not see
/// is written again, now knowing that work). `prive`: the changes are "alleen voor ons".
/// Returns the changes made (to store), and why an edit was refused when one was
/// ([`History::make_change`] refuses a change another party could not read back).
pub fn schrijf(
    h: &mut History,
    actor: &Actor,
    tijd: Tijd,
    velden: Vec<(Uuid, ItemSoort, &str, Value)>,
    prive: bool,
) -> (Vec<Change>, Option<InsertError>) {
    let mut gemaakt = Vec::new();
    let mut geweigerd = None;
    for (item, soort, veld, waarde) in velden {
        if zelfde(h.value(item, veld), &waarde)
            && h.conflict(item, veld).is_none()
            && !(veld == VERWIJDERD && h.verwijder_conflict(item).is_some())
        {
            continue;
        }
        let mut c = match h.make_change(actor, tijd, item, soort, veld, waarde) {
            Ok(c) => c,
            Err(e) => {
                geweigerd = Some(e);
                continue;
            }
        };
        c.prive = c.prive || prive;
        if h.insert(c.clone()).is_ok() {
            gemaakt.push(c);
        }
    }
    (gemaakt, geweigerd)
}

/// The ids `gekozen` in the order they had when the form was opened (`begin`), newly chosen ones
/// after them: unticking and ticking a box again is no change.
pub fn in_beginvolgorde(gekozen: &[Uuid], begin: &[Uuid]) -> Vec<Uuid> {
    let mut uit: Vec<Uuid> = begin.iter().filter(|b| gekozen.contains(b)).copied().collect();
    for g in gekozen {
        if !uit.contains(g) {
            uit.push(*g);
        }
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ITEM: Uuid = Uuid::from_u128(7);
    const S: ItemSoort = ItemSoort::Jaarafspraak;

    fn velden(titel: &str, tekst: Value, partijen: Value) -> Vec<(&'static str, Value)> {
        vec![("titel", json!(titel)), ("tekst", tekst), ("partijen", partijen)]
    }

    #[test]
    fn saving_unchanged_writes_nothing() {
        let b = Beginwaarden::geopend(ITEM, S, velden("A", json!(""), json!([])));
        assert!(b.wijzigingen(&velden("A", json!(""), json!([]))).is_empty());
    }

    #[test]
    fn one_changed_field_is_one_edit() {
        let b = Beginwaarden::geopend(ITEM, S, velden("A", json!(""), json!([])));
        assert_eq!(b.wijzigingen(&velden("B", json!(""), json!([]))), vec![(ITEM, S, "titel", json!("B"))]);
    }

    #[test]
    fn never_set_counts_as_empty() {
        // The form was opened on an item without tekst and partijen (shown as "" and []).
        let b = Beginwaarden::geopend(ITEM, S, vec![("titel", json!("A"))]);
        assert!(b.wijzigingen(&velden("A", json!(""), json!([]))).is_empty());
        assert!(b.wijzigingen(&[("jaar", Value::Null), ("tekst", json!("  "))]).is_empty());
        assert_eq!(b.wijzigingen(&[("tekst", json!("x"))]).len(), 1);
    }

    #[test]
    fn emptying_a_field_is_a_change() {
        let b = Beginwaarden::geopend(ITEM, S, velden("A", json!("t"), json!(["p"])));
        let w = b.wijzigingen(&velden("A", Value::Null, json!([])));
        assert_eq!(w, vec![(ITEM, S, "tekst", Value::Null), (ITEM, S, "partijen", json!([]))]);
    }

    #[test]
    fn numbers_compare_by_value() {
        let b = Beginwaarden::geopend(ITEM, S, vec![("jaar", json!(2025)), ("doel", json!(80.0))]);
        assert!(b.wijzigingen(&[("jaar", json!(2025.0)), ("doel", json!(80))]).is_empty());
        assert_eq!(b.wijzigingen(&[("jaar", json!(2026))]).len(), 1);
    }

    #[test]
    fn a_new_item_writes_only_filled_in_fields() {
        let b = Beginwaarden::nieuw(ITEM, ItemSoort::Begrip);
        let w = b.wijzigingen(&[("term", json!("Huur")), ("uitleg", json!("Wat u betaalt.")), ("bron", json!(""))]);
        assert_eq!(w.iter().map(|(_, _, v, _)| *v).collect::<Vec<_>>(), ["term", "uitleg"]);
    }

    #[test]
    fn compares_with_the_opened_value_not_the_current_one() {
        // Opened with status geel; another tab sets rood meanwhile. Saving the untouched form
        // writes nothing, so rood stays; changing only the text writes only the text.
        let b = Beginwaarden::geopend(ITEM, S, vec![("status", json!("geel")), ("oorzaak", json!("Vertraging"))]);
        assert!(b.wijzigingen(&[("status", json!("geel")), ("oorzaak", json!("Vertraging"))]).is_empty());
        let w = b.wijzigingen(&[("status", json!("geel")), ("oorzaak", json!("Vertraging bij de bouw"))]);
        assert_eq!(w, vec![(ITEM, S, "oorzaak", json!("Vertraging bij de bouw"))]);
    }

    #[test]
    fn after_saving_the_saved_values_are_the_start() {
        let mut b = Beginwaarden::geopend(ITEM, S, vec![("status", json!("geel"))]);
        let nu = [("status", json!("rood")), ("oorzaak", json!("x"))];
        assert_eq!(b.wijzigingen(&nu).len(), 2);
        b.bewaard(&nu);
        assert!(b.wijzigingen(&nu).is_empty());
        assert_eq!(b.waarde("oorzaak"), Some(&json!("x")));
    }

    #[test]
    fn ticking_a_box_again_keeps_the_order() {
        let (p, q, r) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        // Unticked p and ticked it again: it is at the end of the chosen list now.
        assert_eq!(in_beginvolgorde(&[q, p], &[p, q]), [p, q]);
        assert_eq!(in_beginvolgorde(&[q, r, p], &[p, q]), [p, q, r]);
        assert_eq!(in_beginvolgorde(&[r], &[p, q]), [r]);
    }
}
