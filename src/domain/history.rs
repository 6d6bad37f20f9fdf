//! The change history of one workspace, and the state derived from it.
//!
//! A [`History`] is a *set* of changes. Each field of each item is a multi-value register: its
//! current values are the *heads*, the changes to that field that no other change in the set
//! supersedes (lists in its `volgt`). One head means one value; several heads with different
//! values are a conflict, kept visibly until someone resolves it with a change that supersedes
//! them all. Because the state is a function of the set alone, merging is set union, and copies
//! with the same changes show the same state whatever order they received them in.
//!
//! A delete is a field like any other (`verwijderd`), with one rule more: it hides only the work
//! its author saw (the change's `gezien`). When another party added a voortgang note, or edited
//! the item, without knowing of the delete, the item stays visible with a
//! [`VerwijderConflict`] until someone keeps or deletes it.
//!
//! Everything a screen asks often is kept up to date on insert, so its cost does not grow with
//! the length of the history: the heads of each field, the items of each kind in creation order,
//! the items that belong to an item (its voortgang, reacties, indicators, metingen) and a version
//! number per item that changes whenever the item or something that belongs to it changes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;
use uuid::Uuid;

use super::change::{Actor, Change, Tijd};
use super::schema::{ItemSoort, VeldType, VERWIJDERD};
use super::validate::{controleer_waarde, verwijzingen, WaardeFout};

/// Why a change could not be added to a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertError {
    /// The change belongs to another workspace.
    AndereWerkruimte,
    /// The item already exists with another kind.
    AndereSoort { item: Uuid, bestaand: ItemSoort, nieuw: ItemSoort },
    /// A change with this id exists with different content.
    AndereInhoud(Uuid),
    /// A new change sets a field its item's kind does not have.
    OnbekendVeld { soort: ItemSoort, veld: String },
    /// A new change's value does not fit its field.
    OngeldigeWaarde { item: Uuid, veld: String, fout: WaardeFout },
    /// A new change points to an item that is not in the workspace, is of a kind the field
    /// cannot point to, or is "alleen voor ons" while the change is not (the other parties would
    /// get a reference to an item they never receive).
    LosseVerwijzing { item: Uuid, veld: String, naar: Uuid },
}

impl std::fmt::Display for InsertError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InsertError::AndereWerkruimte => f.write_str("Deze wijziging hoort bij een andere werkruimte."),
            InsertError::AndereSoort { item, bestaand, nieuw } => write!(f, "Onderdeel {item} is een {}, geen {}.", bestaand.naam(), nieuw.naam()),
            InsertError::AndereInhoud(id) => write!(f, "Wijziging {id} bestaat al met een andere inhoud."),
            InsertError::OnbekendVeld { soort, veld } => write!(f, "Een {} heeft geen veld '{veld}'.", soort.naam()),
            InsertError::OngeldigeWaarde { veld, fout, .. } => write!(f, "Veld {veld}: {fout}"),
            InsertError::LosseVerwijzing { veld, naar, .. } => write!(f, "Veld {veld} verwijst naar onderdeel {naar}, dat hier niet kan."),
        }
    }
}

/// The order key of a change: time, then id.
type Sleutel = (Tijd, Uuid);

/// One field of one item. Most have one or two changes, so small vectors beat sets here.
#[derive(Clone, Debug, Default)]
struct Register {
    changes: Vec<Uuid>,
    superseded: Vec<Uuid>,
    /// The changes no other change supersedes, latest first.
    heads: Vec<Sleutel>,
}

impl Register {
    fn insert(&mut self, c: &Change) {
        self.changes.push(c.id);
        for v in &c.volgt {
            if !self.superseded.contains(v) {
                self.superseded.push(*v);
            }
        }
        if !c.volgt.is_empty() {
            self.heads.retain(|(_, id)| !c.volgt.contains(id));
        }
        if !self.superseded.contains(&c.id) {
            let key = c.volgorde_sleutel();
            let pos = self.heads.partition_point(|h| *h > key);
            self.heads.insert(pos, key);
        }
    }
}

#[derive(Clone, Debug)]
struct ItemEntry {
    soort: ItemSoort,
    velden: BTreeMap<String, Register>,
    /// Creation order key: the earliest change to the item.
    eerste: Sleutel,
    /// Changes whenever this item or an item that belongs to it changes.
    versie: u64,
    /// Every item this one ever belonged to (values of its [`ItemSoort::ouder_veld`]).
    ouders: BTreeSet<Uuid>,
}

/// The fields of one item ([`History::item_velden`]): the value shown per field, as
/// [`History::value`] gives it.
#[derive(Clone, Copy)]
pub struct ItemVelden<'a> {
    history: &'a History,
    velden: Option<&'a BTreeMap<String, Register>>,
}

impl<'a> ItemVelden<'a> {
    pub fn value(&self, veld: &str) -> Option<&'a Value> {
        let reg = self.velden?.get(veld)?;
        reg.heads.first().and_then(|(_, id)| self.history.changes.get(id)).map(|c| &c.waarde)
    }
}

/// A deleted item that still has work its deleter did not see: it stays visible until someone
/// keeps it (`verwijderd` false) or deletes it again knowing that work.
#[derive(Clone, Debug, PartialEq)]
pub struct VerwijderConflict<'a> {
    /// The deletes (current `verwijderd` values `true`), latest first.
    pub verwijderd: Vec<&'a Change>,
    /// The current changes of the item, or of items that belong to it, that no delete saw,
    /// latest first.
    pub intussen: Vec<&'a Change>,
}

#[derive(Clone, Debug)]
pub struct History {
    werkruimte: Uuid,
    changes: HashMap<Uuid, Arc<Change>>,
    items: BTreeMap<Uuid, ItemEntry>,
    /// Per kind: creation key → item.
    per_soort: BTreeMap<ItemSoort, BTreeMap<Sleutel, Uuid>>,
    /// Item → the items that ever pointed to it with their parent field.
    kinderen: HashMap<Uuid, BTreeSet<Uuid>>,
    /// Item → the items that ever pointed to it with another reference field (a jaarafspraak's
    /// `vorige` and `kaderafspraken`, …): who refers to an item is found without a scan.
    verwijzers: HashMap<Uuid, BTreeSet<Uuid>>,
    /// Every change by time, then id.
    op_tijd: BTreeSet<Sleutel>,
    /// Counts every insert and removal.
    versie: u64,
}

/// Two histories are equal when they hold the same changes.
impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.werkruimte == other.werkruimte && self.changes == other.changes
    }
}

impl History {
    pub fn new(werkruimte: Uuid) -> Self {
        History {
            werkruimte,
            changes: HashMap::new(),
            items: BTreeMap::new(),
            per_soort: BTreeMap::new(),
            kinderen: HashMap::new(),
            verwijzers: HashMap::new(),
            op_tijd: BTreeSet::new(),
            versie: 0,
        }
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
        self.changes.get(id).map(|c| &**c)
    }

    /// A number that changes with every insert or removal.
    pub fn versie(&self) -> u64 {
        self.versie
    }

    /// A number that changes whenever the item, or an item that belongs to it, changes
    /// (0 for an unknown item). Caches of derived values key on it.
    pub fn item_versie(&self, item: Uuid) -> u64 {
        self.items.get(&item).map_or(0, |e| e.versie)
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
        self.versie += 1;
        let versie = self.versie;
        let key = change.volgorde_sleutel();
        let entry = self.items.entry(change.item).or_insert_with(|| ItemEntry {
            soort: change.soort,
            velden: BTreeMap::new(),
            eerste: key,
            versie,
            ouders: BTreeSet::new(),
        });
        let per_soort = self.per_soort.entry(change.soort).or_default();
        if key < entry.eerste {
            per_soort.remove(&entry.eerste);
            entry.eerste = key;
        }
        per_soort.insert(entry.eerste, change.item);
        match entry.velden.get_mut(change.veld.as_str()) {
            Some(reg) => reg.insert(&change),
            None => entry.velden.entry(change.veld.clone()).or_default().insert(&change),
        }
        entry.versie = versie;
        if change.soort.ouder_veld() == Some(change.veld.as_str()) {
            if let Some(ouder) = change.waarde.as_str().and_then(|s| Uuid::parse_str(s).ok()) {
                entry.ouders.insert(ouder);
                self.kinderen.entry(ouder).or_default().insert(change.item);
            }
        } else if let Some(def) = change.soort.veld(&change.veld) {
            let doel = |v: &Value| v.as_str().and_then(|s| Uuid::parse_str(s).ok());
            let doelen: Vec<Uuid> = match def.soort {
                VeldType::Verwijzing(_) => doel(&change.waarde).into_iter().collect(),
                VeldType::Verwijzingen(_) => change.waarde.as_array().map(|a| a.iter().filter_map(doel).collect()).unwrap_or_default(),
                _ => Vec::new(),
            };
            for d in doelen {
                self.verwijzers.entry(d).or_default().insert(change.item);
            }
        }
        self.raak_ouders_aan(change.item, versie);
        self.op_tijd.insert(key);
        self.changes.insert(change.id, Arc::new(change));
        Ok(true)
    }

    /// Gives every item that `item` belongs to (directly or further up) this version.
    fn raak_ouders_aan(&mut self, item: Uuid, versie: u64) {
        let mut te_doen: Vec<Uuid> = match self.items.get(&item) {
            Some(e) if !e.ouders.is_empty() => e.ouders.iter().copied().collect(),
            _ => return,
        };
        let mut gedaan = HashSet::new();
        while let Some(o) = te_doen.pop() {
            if !gedaan.insert(o) {
                continue;
            }
            if let Some(e) = self.items.get_mut(&o) {
                e.versie = versie;
                te_doen.extend(e.ouders.iter().copied());
            }
        }
    }

    /// Adds every change of `other` (set union). Returns how many were new.
    pub fn merge(&mut self, other: &History) -> Result<usize, InsertError> {
        // Oldest first, so the first change that does not fit is the same every time.
        let alle = other.changes();
        for c in &alle {
            self.check(c)?;
        }
        let mut n = 0;
        for c in alle {
            if !self.changes.contains_key(&c.id) && self.insert(c.clone())? {
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
        for id in ids {
            if let Some(c) = self.changes.remove(id) {
                removed.push((*c).clone());
            }
        }
        if removed.is_empty() {
            return removed;
        }
        // Rare: rebuild every index from the changes that stay.
        let rest: Vec<Arc<Change>> = std::mem::take(&mut self.changes).into_values().collect();
        let versie = self.versie;
        *self = History::new(self.werkruimte);
        for c in rest {
            self.insert(Arc::unwrap_or_clone(c)).expect("a change that fitted still fits");
        }
        self.versie = self.versie.max(versie) + 1;
        removed.sort_by_key(|c| c.volgorde_sleutel());
        removed
    }

    /// All changes, oldest first (by time, then id).
    pub fn changes(&self) -> Vec<&Change> {
        self.op_tijd.iter().filter_map(|(_, id)| self.change(id)).collect()
    }

    /// The changes made after `sinds`, newest first, without looking at older ones.
    pub fn changes_na(&self, sinds: Tijd) -> impl Iterator<Item = &Change> {
        self.op_tijd
            .range((sinds.saturating_add(1), Uuid::nil())..)
            .rev()
            .filter_map(|(_, id)| self.change(id))
    }

    /// The changes to one item, oldest first.
    pub fn changes_of_item(&self, item: Uuid) -> Vec<&Change> {
        let mut v: Vec<&Change> = match self.items.get(&item) {
            Some(e) => e
                .velden
                .values()
                .flat_map(|r| r.changes.iter())
                .filter_map(|id| self.change(id))
                .collect(),
            None => Vec::new(),
        };
        v.sort_by_key(|c| c.volgorde_sleutel());
        v
    }

    /// The first change of an item (its creation), if any.
    pub fn eerste_change(&self, item: Uuid) -> Option<&Change> {
        self.items.get(&item).and_then(|e| self.change(&e.eerste.1))
    }

    fn register(&self, item: Uuid, veld: &str) -> Option<&Register> {
        self.items.get(&item).and_then(|e| e.velden.get(veld))
    }

    /// The current values of a field: the changes no other change supersedes, latest first.
    pub fn heads(&self, item: Uuid, veld: &str) -> Vec<&Change> {
        self.register(item, veld)
            .map(|r| r.heads.iter().filter_map(|(_, id)| self.change(id)).collect())
            .unwrap_or_default()
    }

    /// The value shown for a field: the latest head. `None` if the field was never set.
    pub fn value(&self, item: Uuid, veld: &str) -> Option<&Value> {
        let reg = self.register(item, veld)?;
        reg.heads.first().and_then(|(_, id)| self.changes.get(id)).map(|c| &c.waarde)
    }

    /// The fields of one item, to read several of them with one look-up of the item.
    pub fn item_velden(&self, item: Uuid) -> ItemVelden<'_> {
        ItemVelden { history: self, velden: self.items.get(&item).map(|e| &e.velden) }
    }

    /// The competing values of a field when its heads disagree (latest first, one change per
    /// distinct value); `None` when there is no conflict.
    pub fn conflict(&self, item: Uuid, veld: &str) -> Option<Vec<&Change>> {
        let reg = self.register(item, veld)?;
        if reg.heads.len() < 2 {
            return None;
        }
        let mut distinct: Vec<&Change> = Vec::new();
        for h in reg.heads.iter().filter_map(|(_, id)| self.change(id)) {
            if !distinct.iter().any(|d| d.waarde == h.waarde) {
                distinct.push(h);
            }
        }
        (distinct.len() > 1).then_some(distinct)
    }

    /// Whether any field of the item, or of an item that belongs to it (and is not deleted), is
    /// in conflict, or the item has a delete conflict.
    pub fn heeft_conflict(&self, item: Uuid) -> bool {
        self.velden_in_conflict(item)
            || self.verwijder_conflict(item).is_some()
            || self.kinderen_nu(item).any(|k| !self.is_deleted(k) && self.heeft_conflict(k))
    }

    fn velden_in_conflict(&self, item: Uuid) -> bool {
        self.items.get(&item).is_some_and(|e| {
            e.velden.iter().any(|(veld, r)| r.heads.len() > 1 && self.conflict(item, veld).is_some())
        })
    }

    /// Every field of every item that is in conflict.
    pub fn conflicts(&self) -> Vec<(Uuid, String)> {
        let mut out = Vec::new();
        for (id, e) in &self.items {
            for (veld, r) in &e.velden {
                if r.heads.len() > 1 && self.conflict(*id, veld).is_some() {
                    out.push((*id, veld.clone()));
                }
            }
        }
        out
    }

    /// Every item with a delete conflict, in creation order per kind.
    pub fn verwijder_conflicten(&self) -> Vec<Uuid> {
        self.per_soort
            .values()
            .flat_map(|m| m.values().copied())
            .filter(|id| self.verwijder_conflict(*id).is_some())
            .collect()
    }

    pub fn soort(&self, item: Uuid) -> Option<ItemSoort> {
        self.items.get(&item).map(|e| e.soort)
    }

    /// Whether the item exists in the set at all (deleted or not).
    pub fn exists(&self, item: Uuid) -> bool {
        self.items.contains_key(&item)
    }

    /// Whether the shown value of `verwijderd` is true (the item may still be visible when the
    /// delete is in conflict with work it did not see; see [`History::is_deleted`]).
    pub fn is_verwijderd_gezet(&self, item: Uuid) -> bool {
        matches!(self.value(item, VERWIJDERD), Some(Value::Bool(true)))
    }

    /// Whether the item is gone from view: deleted, and the delete saw all work on it.
    pub fn is_deleted(&self, item: Uuid) -> bool {
        self.is_verwijderd_gezet(item) && self.verwijder_conflict(item).is_none()
    }

    /// When the item is deleted but someone worked on it (or on what belongs to it) without
    /// knowing of the delete: the deletes and that work.
    pub fn verwijder_conflict(&self, item: Uuid) -> Option<VerwijderConflict<'_>> {
        if !self.is_verwijderd_gezet(item) {
            return None;
        }
        let verwijderd: Vec<&Change> =
            self.heads(item, VERWIJDERD).into_iter().filter(|c| c.waarde == Value::Bool(true)).collect();
        let gezien: HashSet<Uuid> = verwijderd.iter().flat_map(|d| d.gezien.iter().flatten().copied()).collect();
        // A delete written before deletes recorded what they saw: it saw what is not later.
        let oud_tot = verwijderd.iter().filter(|d| d.gezien.is_none()).map(|d| d.tijd).max();
        let mut intussen: Vec<&Change> = self
            .werk_aan(item)
            .into_iter()
            .filter(|c| !gezien.contains(&c.id) && oud_tot.is_none_or(|t| c.tijd > t))
            // Bringing data up to a newer format is no work a delete had to see.
            .filter(|c| !super::bijwerken::is_bijwerking(c))
            .collect();
        if intussen.is_empty() {
            return None;
        }
        intussen.sort_by_key(|c| std::cmp::Reverse(c.volgorde_sleutel()));
        Some(VerwijderConflict { verwijderd, intussen })
    }

    /// The current changes (heads) of an item except its delete, and of every item that
    /// belongs to it and is not deleted: what a delete of the item must have seen.
    pub fn werk_aan(&self, item: Uuid) -> Vec<&Change> {
        let mut out = Vec::new();
        let mut gedaan = HashSet::new();
        self.verzamel_werk(item, true, &mut out, &mut gedaan);
        out
    }

    fn verzamel_werk<'a>(&'a self, item: Uuid, top: bool, out: &mut Vec<&'a Change>, gedaan: &mut HashSet<Uuid>) {
        if !gedaan.insert(item) {
            return;
        }
        let Some(e) = self.items.get(&item) else { return };
        for (veld, r) in &e.velden {
            if top && veld == VERWIJDERD {
                continue;
            }
            out.extend(r.heads.iter().filter_map(|(_, id)| self.change(id)));
        }
        for kind in self.kinderen_van(item) {
            if !self.is_deleted(kind) {
                self.verzamel_werk(kind, false, out, gedaan);
            }
        }
    }

    /// Every item that ever pointed to `item` with its parent field (also those that point
    /// elsewhere now), and every item `item` ever pointed to: the items whose state can depend on
    /// each other.
    pub fn verwanten(&self, item: Uuid) -> impl Iterator<Item = Uuid> + '_ {
        let kinderen = self.kinderen.get(&item).into_iter().flatten().copied();
        let ouders = self.items.get(&item).into_iter().flat_map(|e| e.ouders.iter().copied());
        kinderen.chain(ouders)
    }

    /// The items that belong to `item` now (their parent field points to it), deleted ones
    /// included, in creation order.
    pub fn kinderen_van(&self, item: Uuid) -> Vec<Uuid> {
        let mut v: Vec<(Sleutel, Uuid)> =
            self.kinderen_nu(item).filter_map(|k| Some((self.items.get(&k)?.eerste, k))).collect();
        v.sort();
        v.into_iter().map(|(_, k)| k).collect()
    }

    /// The items that belong to `item` now, in no particular order (see [`History::kinderen_van`]).
    fn kinderen_nu(&self, item: Uuid) -> impl Iterator<Item = Uuid> + '_ {
        self.kinderen.get(&item).into_iter().flatten().copied().filter(move |k| {
            let Some(e) = self.items.get(k) else { return false };
            let Some(veld) = e.soort.ouder_veld() else { return false };
            self.value(*k, veld).and_then(Value::as_str).and_then(|nu| Uuid::parse_str(nu).ok()) == Some(item)
        })
    }

    /// The items that are not deleted and whose reference field `veld` (a `Verwijzing` or
    /// `Verwijzingen`, not a parent field) points to `doel` now, in creation order. Costs what
    /// refers to `doel`, not the size of the workspace.
    pub fn verwijzend_naar(&self, doel: Uuid, veld: &str) -> Vec<Uuid> {
        let Some(set) = self.verwijzers.get(&doel) else { return Vec::new() };
        let doel_s = doel.to_string();
        let mut v: Vec<(Sleutel, Uuid)> = set
            .iter()
            .filter(|i| !self.is_deleted(**i))
            .filter(|i| match self.value(**i, veld) {
                Some(Value::String(s)) => *s == doel_s,
                Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(doel_s.as_str())),
                _ => false,
            })
            .filter_map(|i| self.items.get(i).map(|e| (e.eerste, *i)))
            .collect();
        v.sort();
        v.into_iter().map(|(_, i)| i).collect()
    }

    /// The items of one kind that belong to `item` and are not deleted, in creation order.
    pub fn kinderen_soort(&self, item: Uuid, soort: ItemSoort) -> Vec<Uuid> {
        self.kinderen_van(item)
            .into_iter()
            .filter(|k| self.soort(*k) == Some(soort) && !self.is_deleted(*k))
            .collect()
    }

    /// The ids of the items of one kind that are not deleted, in creation order.
    pub fn items_of(&self, soort: ItemSoort) -> Vec<Uuid> {
        self.per_soort
            .get(&soort)
            .map(|m| m.values().copied().filter(|id| !self.is_deleted(*id)).collect())
            .unwrap_or_default()
    }

    /// The ids of every item of one kind, deleted ones included, in creation order.
    pub fn all_items_of(&self, soort: ItemSoort) -> Vec<Uuid> {
        self.per_soort.get(&soort).map(|m| m.values().copied().collect()).unwrap_or_default()
    }

    /// The ids of the deleted items of one kind, in creation order.
    pub fn deleted_items_of(&self, soort: ItemSoort) -> Vec<Uuid> {
        self.per_soort
            .get(&soort)
            .map(|m| m.values().copied().filter(|id| self.is_deleted(*id)).collect())
            .unwrap_or_default()
    }

    /// The names of the fields set on an item.
    pub fn fields_of(&self, item: Uuid) -> Vec<&str> {
        self.items
            .get(&item)
            .map(|e| e.velden.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Makes the change that sets a field, superseding every current value of it (so it also
    /// resolves a conflict). A delete records the work it saw. It is not inserted; see
    /// [`History::apply`].
    ///
    /// The change is checked as an import checks it: the field exists for the kind, the value
    /// fits the field, and a reference points to an item of an allowed kind in this workspace
    /// that the other parties also get. So every change made here can be exported and read back.
    pub fn make_change(
        &self,
        actor: &Actor,
        tijd: Tijd,
        item: Uuid,
        soort: ItemSoort,
        veld: &str,
        waarde: Value,
    ) -> Result<Change, InsertError> {
        let def = soort.veld(veld).ok_or_else(|| InsertError::OnbekendVeld { soort, veld: veld.to_string() })?;
        controleer_waarde(&waarde, def.soort).map_err(|fout| InsertError::OngeldigeWaarde { item, veld: veld.to_string(), fout })?;
        let prive = self.is_prive(item);
        if let Some((toegestaan, ids)) = verwijzingen(def.soort, &waarde) {
            if let Some(naar) = ids.into_iter().find(|id| {
                !self.soort(*id).is_some_and(|s| toegestaan.contains(&s)) || (!prive && self.is_prive(*id))
            }) {
                return Err(InsertError::LosseVerwijzing { item, veld: veld.to_string(), naar });
            }
        }
        let volgt = self.heads(item, veld).iter().map(|c| c.id).collect();
        let gezien = (veld == VERWIJDERD && waarde == Value::Bool(true)).then(|| {
            let mut g: Vec<Uuid> = self.werk_aan(item).iter().map(|c| c.id).collect();
            g.sort();
            g.dedup();
            g
        });
        Ok(Change {
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
            prive,
            gezien,
        })
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
        let c = self.make_change(actor, tijd, item, soort, veld, waarde)?;
        self.insert(c.clone())?;
        Ok(c)
    }

    /// The derived state of one item: per field its shown value and, when in conflict, all
    /// competing values; plus, under the key [`ZICHTBAAR`], whether the item is in view and
    /// the work a delete conflict keeps in view.
    pub fn item_view(&self, item: Uuid) -> BTreeMap<String, (Value, Vec<Value>)> {
        let mut out = BTreeMap::new();
        let Some(e) = self.items.get(&item) else { return out };
        for veld in e.velden.keys() {
            let shown = self.value(item, veld).cloned().unwrap_or(Value::Null);
            let comp = self
                .conflict(item, veld)
                .map(|cs| cs.into_iter().map(|c| c.waarde.clone()).collect())
                .unwrap_or_default();
            out.insert(veld.clone(), (shown, comp));
        }
        if e.velden.contains_key(VERWIJDERD) {
            let zichtbaar = !self.is_deleted(item);
            let werk = self
                .verwijder_conflict(item)
                .map(|vc| vc.intussen.iter().map(|c| Value::String(c.id.to_string())).collect())
                .unwrap_or_default();
            out.insert(ZICHTBAAR.to_string(), (Value::Bool(zichtbaar), werk));
        }
        out
    }

    /// A canonical view of the derived state: every field's shown value and, when in conflict,
    /// all competing values (see [`History::item_view`]). Two histories with equal views show the
    /// same to the user.
    pub fn state_view(&self) -> BTreeMap<(Uuid, String), (Value, Vec<Value>)> {
        self.state_view_of(self.items.keys().copied())
    }

    /// [`History::state_view`] restricted to some items.
    pub fn state_view_of(&self, items: impl IntoIterator<Item = Uuid>) -> BTreeMap<(Uuid, String), (Value, Vec<Value>)> {
        let mut out = BTreeMap::new();
        for id in items {
            for (veld, v) in self.item_view(id) {
                out.insert((id, veld), v);
            }
        }
        out
    }

    /// The items whose derived state a set of changes can affect: the items they change, and
    /// every item those belong to (a delete conflict shows on the parent).
    pub fn geraakt_door<'a>(&self, changes: impl IntoIterator<Item = &'a Change>) -> BTreeSet<Uuid> {
        let mut out = BTreeSet::new();
        let mut te_doen: Vec<Uuid> = changes.into_iter().map(|c| c.item).collect();
        while let Some(id) = te_doen.pop() {
            if let Some(e) = self.items.get(&id) {
                if out.insert(id) {
                    te_doen.extend(e.ouders.iter().copied());
                }
            }
        }
        out
    }

    /// The latest change time in the set (0 when empty).
    pub fn last_time(&self) -> Tijd {
        self.op_tijd.last().map_or(0, |(t, _)| *t)
    }

    /// The changes of some items in causal order: a change comes after every change it follows
    /// (`volgt`); changes that do not know each other are ordered by time, then id.
    pub fn causale_geschiedenis(&self, items: &[Uuid]) -> Vec<&Change> {
        let alle: Vec<&Change> = items.iter().flat_map(|i| self.changes_of_item(*i)).collect();
        let ids: HashSet<Uuid> = alle.iter().map(|c| c.id).collect();
        // Kahn's algorithm with the time order as tie-break.
        let mut wacht: HashMap<Uuid, usize> = HashMap::new();
        let mut volgers: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for c in &alle {
            let voor: Vec<Uuid> = c.volgt.iter().copied().filter(|v| ids.contains(v) && *v != c.id).collect();
            wacht.insert(c.id, voor.len());
            for v in voor {
                volgers.entry(v).or_default().push(c.id);
            }
        }
        let per_id: HashMap<Uuid, &Change> = alle.iter().map(|c| (c.id, *c)).collect();
        let mut klaar: BTreeSet<Sleutel> =
            alle.iter().filter(|c| wacht[&c.id] == 0).map(|c| c.volgorde_sleutel()).collect();
        let mut out = Vec::with_capacity(alle.len());
        while let Some(k) = klaar.pop_first() {
            let c = per_id[&k.1];
            out.push(c);
            for v in volgers.get(&c.id).into_iter().flatten() {
                let n = wacht.get_mut(v).expect("known");
                *n -= 1;
                if *n == 0 {
                    klaar.insert(per_id[v].volgorde_sleutel());
                }
            }
        }
        // A cycle (only in a hand-made file) cannot be ordered: the rest by time.
        if out.len() < alle.len() {
            let gehad: HashSet<Uuid> = out.iter().map(|c| c.id).collect();
            out.extend(alle.into_iter().filter(|c| !gehad.contains(&c.id)));
        }
        out
    }

    /// Whether the change is one of the current values of its field.
    pub fn is_head(&self, c: &Change) -> bool {
        self.register(c.item, &c.veld).is_some_and(|r| r.heads.iter().any(|(_, id)| *id == c.id))
    }
}

/// The key in [`History::item_view`] that holds whether a deleted item is still in view.
pub const ZICHTBAAR: &str = "(zichtbaar)";
