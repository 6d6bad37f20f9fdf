//! The change history of one workspace, and the state derived from it.
//!
//! A [`History`] is a *set* of changes. Each field of each item is a multi-value register: its
//! current values are the *heads*, the changes to that field that no other change in the set
//! supersedes (lists in its `volgt`). One head means one value; several heads with different
//! values are a conflict, kept visibly until someone resolves it with a change that supersedes
//! them all. Because the state is a function of the set alone, merging is set union, and copies
//! with the same changes show the same state whatever order they received them in.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use uuid::Uuid;

use super::change::{Actor, Change, Tijd};
use super::schema::{ItemSoort, VERWIJDERD};

/// Why a change could not be added to a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertError {
    /// The change belongs to another workspace.
    AndereWerkruimte,
    /// The item already exists with another kind.
    AndereSoort { item: Uuid, bestaand: ItemSoort, nieuw: ItemSoort },
    /// A change with this id exists with different content.
    AndereInhoud(Uuid),
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Register {
    changes: BTreeSet<Uuid>,
    superseded: BTreeSet<Uuid>,
}

#[derive(Clone, Debug, PartialEq)]
struct ItemEntry {
    soort: ItemSoort,
    velden: BTreeMap<String, Register>,
    /// Creation order key: the earliest change to the item.
    eerste: (Tijd, Uuid),
}

#[derive(Clone, Debug, PartialEq)]
pub struct History {
    werkruimte: Uuid,
    changes: BTreeMap<Uuid, Change>,
    items: BTreeMap<Uuid, ItemEntry>,
}

impl History {
    pub fn new(werkruimte: Uuid) -> Self {
        History { werkruimte, changes: BTreeMap::new(), items: BTreeMap::new() }
    }

    /// Builds a history from changes; fails on the first change that does not fit.
    pub fn from_changes(
        werkruimte: Uuid,
        changes: impl IntoIterator<Item = Change>,
    ) -> Result<Self, InsertError> {
        let mut h = History::new(werkruimte);
        for c in changes {
            h.insert(c)?;
        }
        Ok(h)
    }

    pub fn werkruimte(&self) -> Uuid {
        self.werkruimte
    }

    pub fn len(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn contains(&self, id: &Uuid) -> bool {
        self.changes.contains_key(id)
    }

    pub fn change(&self, id: &Uuid) -> Option<&Change> {
        self.changes.get(id)
    }

    /// Checks whether `change` could be inserted, without inserting it.
    pub fn check(&self, change: &Change) -> Result<(), InsertError> {
        if change.werkruimte != self.werkruimte {
            return Err(InsertError::AndereWerkruimte);
        }
        if let Some(existing) = self.changes.get(&change.id) {
            if !existing.zelfde_inhoud(change) {
                return Err(InsertError::AndereInhoud(change.id));
            }
        }
        if let Some(entry) = self.items.get(&change.item) {
            if entry.soort != change.soort {
                return Err(InsertError::AndereSoort {
                    item: change.item,
                    bestaand: entry.soort,
                    nieuw: change.soort,
                });
            }
        }
        Ok(())
    }

    /// Adds a change. Returns `Ok(false)` when the set already held it.
    pub fn insert(&mut self, change: Change) -> Result<bool, InsertError> {
        self.check(&change)?;
        if self.changes.contains_key(&change.id) {
            return Ok(false);
        }
        let key = change.volgorde_sleutel();
        let entry = self.items.entry(change.item).or_insert_with(|| ItemEntry {
            soort: change.soort,
            velden: BTreeMap::new(),
            eerste: key,
        });
        if key < entry.eerste {
            entry.eerste = key;
        }
        let reg = entry.velden.entry(change.veld.clone()).or_default();
        reg.changes.insert(change.id);
        reg.superseded.extend(change.volgt.iter().copied());
        self.changes.insert(change.id, change);
        Ok(true)
    }

    /// Adds every change of `other` (set union). Returns how many were new.
    pub fn merge(&mut self, other: &History) -> Result<usize, InsertError> {
        for c in other.changes.values() {
            self.check(c)?;
        }
        let mut n = 0;
        for c in other.changes.values() {
            if self.insert(c.clone())? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Takes these changes out of the set, as if they had never been inserted; ids not in the set
    /// are skipped. Returns the removed changes, oldest first. Used to undo an import (see
    /// `merge::ongedaan_maken`, which first checks that nothing left depends on them).
    pub fn remove(&mut self, ids: &[Uuid]) -> Vec<Change> {
        let mut removed = Vec::new();
        let mut touched = BTreeSet::new();
        for id in ids {
            if let Some(c) = self.changes.remove(id) {
                touched.insert(c.item);
                removed.push(c);
            }
        }
        // Rebuild each touched item from its remaining changes.
        for item in touched {
            let Some(entry) = self.items.remove(&item) else { continue };
            let rest: Vec<Change> = entry
                .velden
                .values()
                .flat_map(|r| r.changes.iter())
                .filter_map(|id| self.changes.remove(id))
                .collect();
            for c in rest {
                self.insert(c).expect("a change that fitted still fits");
            }
        }
        removed.sort_by_key(|c| c.volgorde_sleutel());
        removed
    }

    /// All changes, oldest first (by time, then id).
    pub fn changes(&self) -> Vec<&Change> {
        let mut v: Vec<&Change> = self.changes.values().collect();
        v.sort_by_key(|c| c.volgorde_sleutel());
        v
    }

    /// The changes to one item, oldest first.
    pub fn changes_of_item(&self, item: Uuid) -> Vec<&Change> {
        let mut v: Vec<&Change> = match self.items.get(&item) {
            Some(e) => e
                .velden
                .values()
                .flat_map(|r| r.changes.iter())
                .filter_map(|id| self.changes.get(id))
                .collect(),
            None => Vec::new(),
        };
        v.sort_by_key(|c| c.volgorde_sleutel());
        v
    }

    /// The current values of a field: the changes no other change supersedes, latest first.
    pub fn heads(&self, item: Uuid, veld: &str) -> Vec<&Change> {
        let Some(reg) = self.items.get(&item).and_then(|e| e.velden.get(veld)) else {
            return Vec::new();
        };
        let mut v: Vec<&Change> = reg
            .changes
            .iter()
            .filter(|id| !reg.superseded.contains(id))
            .filter_map(|id| self.changes.get(id))
            .collect();
        v.sort_by_key(|c| std::cmp::Reverse(c.volgorde_sleutel()));
        v
    }

    /// The value shown for a field: the latest head. `None` if the field was never set.
    pub fn value(&self, item: Uuid, veld: &str) -> Option<&Value> {
        self.heads(item, veld).first().map(|c| &c.waarde)
    }

    /// The competing values of a field when its heads disagree (latest first, one change per
    /// distinct value); `None` when there is no conflict.
    pub fn conflict(&self, item: Uuid, veld: &str) -> Option<Vec<&Change>> {
        let heads = self.heads(item, veld);
        let mut distinct: Vec<&Change> = Vec::new();
        for h in heads {
            if !distinct.iter().any(|d| d.waarde == h.waarde) {
                distinct.push(h);
            }
        }
        (distinct.len() > 1).then_some(distinct)
    }

    /// Every field of every item that is in conflict.
    pub fn conflicts(&self) -> Vec<(Uuid, String)> {
        let mut out = Vec::new();
        for (id, e) in &self.items {
            for veld in e.velden.keys() {
                if self.conflict(*id, veld).is_some() {
                    out.push((*id, veld.clone()));
                }
            }
        }
        out
    }

    pub fn soort(&self, item: Uuid) -> Option<ItemSoort> {
        self.items.get(&item).map(|e| e.soort)
    }

    /// Whether the item exists in the set at all (deleted or not).
    pub fn exists(&self, item: Uuid) -> bool {
        self.items.contains_key(&item)
    }

    pub fn is_deleted(&self, item: Uuid) -> bool {
        matches!(self.value(item, VERWIJDERD), Some(Value::Bool(true)))
    }

    /// The ids of the items of one kind that are not deleted, in creation order.
    pub fn items_of(&self, soort: ItemSoort) -> Vec<Uuid> {
        let mut v: Vec<(&(Tijd, Uuid), Uuid)> = self
            .items
            .iter()
            .filter(|(id, e)| e.soort == soort && !self.is_deleted(**id))
            .map(|(id, e)| (&e.eerste, *id))
            .collect();
        v.sort();
        v.into_iter().map(|(_, id)| id).collect()
    }

    /// The ids of every item of one kind, deleted ones included.
    pub fn all_items_of(&self, soort: ItemSoort) -> Vec<Uuid> {
        self.items.iter().filter(|(_, e)| e.soort == soort).map(|(id, _)| *id).collect()
    }

    /// The names of the fields set on an item.
    pub fn fields_of(&self, item: Uuid) -> Vec<&str> {
        self.items
            .get(&item)
            .map(|e| e.velden.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Makes the change that sets a field, superseding every current value of it (so it also
    /// resolves a conflict). It is not inserted; see [`History::apply`].
    pub fn make_change(
        &self,
        actor: &Actor,
        tijd: Tijd,
        item: Uuid,
        soort: ItemSoort,
        veld: &str,
        waarde: Value,
    ) -> Change {
        let volgt = self.heads(item, veld).iter().map(|c| c.id).collect();
        Change {
            id: Uuid::new_v4(),
            werkruimte: self.werkruimte,
            item,
            soort,
            veld: veld.to_string(),
            waarde,
            tijd,
            partij: actor.partij.clone(),
            auteur: actor.auteur.clone(),
            volgt,
            // An item marked "alleen voor ons" stays private in every later change.
            prive: self.is_prive(item),
        }
    }

    /// Whether an item is "alleen voor ons": some change of it is private.
    pub fn is_prive(&self, item: Uuid) -> bool {
        self.items.get(&item).is_some_and(|e| {
            e.velden.values().flat_map(|r| r.changes.iter()).any(|id| self.changes.get(id).is_some_and(|c| c.prive))
        })
    }

    /// Makes and inserts the change that sets a field; returns it (to be stored).
    pub fn apply(
        &mut self,
        actor: &Actor,
        tijd: Tijd,
        item: Uuid,
        soort: ItemSoort,
        veld: &str,
        waarde: Value,
    ) -> Result<Change, InsertError> {
        let c = self.make_change(actor, tijd, item, soort, veld, waarde);
        self.insert(c.clone())?;
        Ok(c)
    }

    /// A canonical view of the derived state: every field's shown value and, when in conflict,
    /// all competing values. Two histories with equal views show the same to the user.
    pub fn state_view(&self) -> BTreeMap<(Uuid, String), (Value, Vec<Value>)> {
        let mut out = BTreeMap::new();
        for (id, e) in &self.items {
            for veld in e.velden.keys() {
                let shown = self.value(*id, veld).cloned().unwrap_or(Value::Null);
                let comp = self
                    .conflict(*id, veld)
                    .map(|cs| cs.into_iter().map(|c| c.waarde.clone()).collect())
                    .unwrap_or_default();
                out.insert((*id, veld.clone()), (shown, comp));
            }
        }
        out
    }

    /// The latest change time in the set (0 when empty).
    pub fn last_time(&self) -> Tijd {
        self.changes.values().map(|c| c.tijd).max().unwrap_or(0)
    }
}
