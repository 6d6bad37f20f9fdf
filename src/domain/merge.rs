//! Importing another party's file into the local copy: preview, apply, undo, and comparing two
//! copies without merging.
//!
//! The preview is computed by merging on a clone and diffing the derived state before and after
//! ([`History::state_view`]), so nothing changes that the preview did not show: every field whose
//! shown value or conflict changes is listed exactly once — under its new item, as a changed
//! field, or as a conflict.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use uuid::Uuid;

use super::change::{gelijke_waarde, Actor, Change, Tijd};
use super::history::{History, InsertError, ZICHTBAAR};
use super::model::{Fields, Werkruimte};
use super::schema::{ItemSoort, VeldType, VERWIJDERD};
use super::validate::{FoutSoort, ImportFout};

/// One incoming (or competing) value of a field, with who set it and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Kandidaat {
    pub change: Uuid,
    pub waarde: Value,
    pub partij: String,
    pub auteur: String,
    pub tijd: Tijd,
}

impl Kandidaat {
    fn van(c: &Change) -> Self {
        Kandidaat {
            change: c.id,
            waarde: c.waarde.clone(),
            partij: c.partij.clone(),
            auteur: c.auteur.clone(),
            tijd: c.tijd,
        }
    }
}

/// A field of an existing item whose shown value changes (and is not in conflict afterwards).
#[derive(Clone, Debug, PartialEq)]
pub struct VeldVerschil {
    pub item: Uuid,
    pub soort: ItemSoort,
    pub label: String,
    pub veld: String,
    /// The shown value before; `None` when the field was never set.
    pub oud: Option<Value>,
    pub nieuw: Option<Value>,
    /// The competing values before, when the field was in conflict and the import resolves it
    /// (then `oud` may equal `nieuw`); empty otherwise.
    pub conflict_voor: Vec<Value>,
    /// The incoming change(s) that cause the difference, latest first.
    pub door: Vec<Kandidaat>,
}

/// A field that is in conflict after the import and was not before, or whose competing values
/// change.
#[derive(Clone, Debug, PartialEq)]
pub struct VeldConflict {
    pub item: Uuid,
    pub soort: ItemSoort,
    pub label: String,
    pub veld: String,
    /// Every competing value, latest first (one per distinct value).
    pub waarden: Vec<Kandidaat>,
}

/// An item that exists on one side only: new by an import, or found by [`vergelijk`].
#[derive(Clone, Debug, PartialEq)]
pub struct ItemNieuw {
    pub item: Uuid,
    pub soort: ItemSoort,
    pub label: String,
    /// The party that made the item (the author of its first change).
    pub door: String,
}

/// An item that one party deleted while another worked on it (or on what belongs to it) without
/// knowing: the item stays in view until someone keeps or deletes it.
#[derive(Clone, Debug, PartialEq)]
pub struct VerwijderConflictInfo {
    pub item: Uuid,
    pub soort: ItemSoort,
    pub label: String,
    /// The deletes, latest first.
    pub verwijderd: Vec<Kandidaat>,
    /// The work the deletes did not see, latest first: per change the kind of item it is on
    /// (the item itself, or a voortgang, reactie … that belongs to it) and its field.
    pub intussen: Vec<(ItemSoort, String, Kandidaat)>,
}

impl VerwijderConflictInfo {
    pub fn van(h: &History, item: Uuid) -> Option<Self> {
        let vc = h.verwijder_conflict(item)?;
        Some(VerwijderConflictInfo {
            item,
            soort: h.soort(item)?,
            label: label(h, item),
            verwijderd: vc.verwijderd.iter().map(|c| Kandidaat::van(c)).collect(),
            intussen: vc.intussen.iter().map(|c| (c.soort, c.veld.clone(), Kandidaat::van(c))).collect(),
        })
    }
}

/// What an import would do, shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportVoorbeeld {
    pub werkruimte: Uuid,
    /// The file is of a workspace the local copy does not have (no local copy, or another id):
    /// it becomes a workspace of its own, it is never merged into another.
    pub nieuwe_werkruimte: bool,
    /// The changes the local copy does not have yet, oldest first.
    pub nieuwe_wijzigingen: Vec<Uuid>,
    /// New items; all their fields are covered by this entry.
    pub nieuwe_items: Vec<ItemNieuw>,
    /// Fields of existing items whose shown value changes, not in conflict afterwards.
    pub gewijzigde_velden: Vec<VeldVerschil>,
    /// Fields in conflict after the import that were not before, or whose competing values change.
    pub conflicten: Vec<VeldConflict>,
    /// Items deleted on one side and worked on at the other, new by this import or with new work.
    pub verwijder_conflicten: Vec<VerwijderConflictInfo>,
    /// Why the file cannot be merged into the local copy (a change id reused with other content,
    /// an item id used for another kind); then [`toepassen`] refuses with this error and the lists
    /// above are empty.
    pub fout: Option<InsertError>,
}

impl ImportVoorbeeld {
    /// The file holds nothing the local copy does not already have.
    pub fn niets_nieuw(&self) -> bool {
        self.nieuwe_wijzigingen.is_empty()
    }

    /// The file has new changes, but none that changes what is shown (e.g. the same value set
    /// twice, or edits that were already superseded).
    pub fn niets_zichtbaar(&self) -> bool {
        self.nieuwe_items.is_empty()
            && self.gewijzigde_velden.is_empty()
            && self.conflicten.is_empty()
            && self.verwijder_conflicten.is_empty()
    }
}

/// A short label for an item: its code, title or name; for a voortgang or reactie the label of
/// its afspraak.
pub fn label(h: &History, item: Uuid) -> String {
    let w = Werkruimte::new(h);
    match h.soort(item) {
        Some(ItemSoort::Voortgang | ItemSoort::Reactie) => match Fields::new(h, item).id("afspraak") {
            Some(a) if h.exists(a) => w.label(a),
            _ => w.label(item),
        },
        _ => w.label(item),
    }
}

/// The party of the first change of an item.
fn maker(h: &History, item: Uuid) -> String {
    h.eerste_change(item).map(|c| c.partij.clone()).unwrap_or_default()
}

/// Sort key that lists items by kind, then creation order, and fields in schema order.
struct Volgorde {
    items: HashMap<Uuid, (usize, usize)>,
}

impl Volgorde {
    fn new(h: &History) -> Self {
        let mut items = HashMap::new();
        for (s, soort) in ItemSoort::ALL.into_iter().enumerate() {
            let levend = h.items_of(soort);
            let n = levend.len();
            for (i, id) in levend.into_iter().enumerate() {
                items.insert(id, (s, i));
            }
            for (i, id) in h.all_items_of(soort).into_iter().enumerate() {
                items.entry(id).or_insert((s, n + i));
            }
        }
        Volgorde { items }
    }

    fn item(&self, id: Uuid) -> (usize, usize, Uuid) {
        let (s, i) = self.items.get(&id).copied().unwrap_or((usize::MAX, usize::MAX));
        (s, i, id)
    }

    fn veld(&self, h: &History, id: Uuid, veld: &str) -> (usize, usize, Uuid, usize, String) {
        let (s, i, id) = self.item(id);
        let v = h
            .soort(id)
            .and_then(|soort| soort.velden().iter().position(|d| d.naam == veld))
            .unwrap_or(usize::MAX);
        (s, i, id, v, veld.to_string())
    }
}

/// What importing `inkomend` into `lokaal` would do. With no local copy, or one of another
/// workspace, the preview is that of a new workspace.
pub fn voorbeeld(lokaal: Option<&History>, inkomend: &History) -> ImportVoorbeeld {
    let leeg;
    let (basis, nieuwe_werkruimte) = match lokaal {
        Some(h) if h.werkruimte() == inkomend.werkruimte() => (h, false),
        _ => {
            leeg = History::new(inkomend.werkruimte());
            (&leeg, true)
        }
    };
    let alle_inkomend = inkomend.changes();
    let nieuwe_wijzigingen: Vec<Uuid> = alle_inkomend.iter().filter(|c| !basis.contains(&c.id)).map(|c| c.id).collect();
    let weigering = |e: InsertError| ImportVoorbeeld {
        werkruimte: inkomend.werkruimte(),
        nieuwe_werkruimte,
        nieuwe_wijzigingen: nieuwe_wijzigingen.clone(),
        nieuwe_items: Vec::new(),
        gewijzigde_velden: Vec::new(),
        conflicten: Vec::new(),
        verwijder_conflicten: Vec::new(),
        fout: Some(e),
    };
    // Refused as a merge would refuse it: the first change that does not fit, oldest first.
    if let Some(e) = alle_inkomend.iter().find_map(|c| basis.check(c).err()) {
        return weigering(e);
    }
    let nieuw: BTreeSet<Uuid> = nieuwe_wijzigingen.iter().copied().collect();

    // Only the items the new changes touch, the items those belong to, and what belongs to
    // those can look different. The preview merges just that part of both copies, so its cost
    // follows the size of the file's news, not of the whole history.
    let mut deel: BTreeSet<Uuid> = BTreeSet::new();
    let mut te_doen: Vec<Uuid> = nieuwe_wijzigingen.iter().filter_map(|id| inkomend.change(id)).map(|c| c.item).collect();
    while let Some(id) = te_doen.pop() {
        if deel.insert(id) {
            te_doen.extend(basis.verwanten(id));
            te_doen.extend(inkomend.verwanten(id));
        }
    }
    let mut voor = History::new(basis.werkruimte());
    let mut na = History::new(basis.werkruimte());
    for id in &deel {
        for c in basis.changes_of_item(*id) {
            voor.insert(c.clone()).expect("a part of a valid history");
        }
    }
    na.merge(&voor).expect("a part of a valid history");
    for id in &deel {
        for c in inkomend.changes_of_item(*id) {
            if let Err(e) = na.insert(c.clone()) {
                return weigering(e);
            }
        }
    }
    let basis = &voor;
    let geraakt = na.geraakt_door(nieuwe_wijzigingen.iter().filter_map(|id| na.change(id)));
    let voor_view = basis.state_view_of(geraakt.iter().copied());
    let na_view = na.state_view_of(geraakt.iter().copied());
    let volgorde = Volgorde::new(&na);

    let mut nieuwe_items: Vec<ItemNieuw> = geraakt
        .iter()
        .copied()
        .filter(|item| !basis.exists(*item))
        .map(|item| ItemNieuw {
            item,
            soort: na.soort(item).expect("item of the merged history"),
            label: label(&na, item),
            door: maker(&na, item),
        })
        .collect();
    nieuwe_items.sort_by_key(|n| volgorde.item(n.item));

    // Delete conflicts that are new, or that have new work in them.
    let mut verwijder_conflicten: Vec<VerwijderConflictInfo> = geraakt
        .iter()
        .copied()
        .filter(|item| basis.exists(*item))
        .filter(|item| {
            let ids = |h: &History| h.verwijder_conflict(*item).map(|vc| vc.intussen.iter().map(|c| c.id).collect::<Vec<_>>());
            let na_ids = ids(&na);
            na_ids.is_some() && na_ids != ids(basis)
        })
        .filter_map(|item| VerwijderConflictInfo::van(&na, item))
        .collect();
    verwijder_conflicten.sort_by_key(|v| volgorde.item(v.item));
    let in_verwijder_conflict: BTreeSet<Uuid> = verwijder_conflicten.iter().map(|v| v.item).collect();

    let mut gewijzigde_velden = Vec::new();
    let mut conflicten = Vec::new();
    for ((item, veld), na_waarde) in &na_view {
        if !basis.exists(*item) {
            continue;
        }
        let voor_waarde = voor_view.get(&(*item, veld.clone()));
        if voor_waarde == Some(na_waarde) {
            continue;
        }
        let soort = na.soort(*item).expect("item of the merged history");
        let veld_conflict = na.conflict(*item, VERWIJDERD).is_some();
        if (veld == ZICHTBAAR || veld == VERWIJDERD) && in_verwijder_conflict.contains(item) && !veld_conflict {
            // Listed as a delete conflict.
            continue;
        }
        if veld == ZICHTBAAR {
            // In or out of view without the delete itself changing: a delete conflict was settled
            // (kept or deleted knowing the work), or work arrived that the delete had seen.
            let verwijderd_veranderd =
                voor_view.get(&(*item, VERWIJDERD.to_string())) != na_view.get(&(*item, VERWIJDERD.to_string()));
            if verwijderd_veranderd || in_verwijder_conflict.contains(item) {
                continue;
            }
            if let Some(waarden) = na.conflict(*item, VERWIJDERD) {
                // The delete itself is in conflict (deleted and restored at once): that conflict.
                conflicten.push(VeldConflict {
                    item: *item,
                    soort,
                    label: label(&na, *item),
                    veld: VERWIJDERD.to_string(),
                    waarden: waarden.into_iter().map(Kandidaat::van).collect(),
                });
                continue;
            }
            let waarde = na.value(*item, VERWIJDERD).cloned();
            gewijzigde_velden.push(VeldVerschil {
                item: *item,
                soort,
                label: label(&na, *item),
                veld: VERWIJDERD.to_string(),
                oud: basis.value(*item, VERWIJDERD).cloned(),
                nieuw: waarde,
                conflict_voor: if basis.verwijder_conflict(*item).is_some() {
                    vec![Value::Bool(true), Value::Bool(false)]
                } else {
                    Vec::new()
                },
                door: na.heads(*item, VERWIJDERD).into_iter().map(Kandidaat::van).collect(),
            });
            continue;
        }
        match na.conflict(*item, veld) {
            Some(waarden) => conflicten.push(VeldConflict {
                item: *item,
                soort,
                label: label(&na, *item),
                veld: veld.clone(),
                waarden: waarden.into_iter().map(Kandidaat::van).collect(),
            }),
            None => {
                let heads = na.heads(*item, veld);
                let mut door: Vec<Kandidaat> =
                    heads.iter().filter(|c| nieuw.contains(&c.id)).map(|c| Kandidaat::van(c)).collect();
                if door.is_empty() {
                    door = heads.iter().map(|c| Kandidaat::van(c)).collect();
                }
                let mut conflict_voor = voor_waarde.map(|(_, c)| c.clone()).unwrap_or_default();
                if veld == VERWIJDERD && conflict_voor.is_empty() && basis.verwijder_conflict(*item).is_some() {
                    conflict_voor = vec![Value::Bool(true), Value::Bool(false)];
                }
                gewijzigde_velden.push(VeldVerschil {
                    item: *item,
                    soort,
                    label: label(&na, *item),
                    veld: veld.clone(),
                    oud: voor_waarde.map(|(v, _)| v.clone()),
                    nieuw: Some(na_waarde.0.clone()),
                    conflict_voor,
                    door,
                })
            }
        }
    }
    gewijzigde_velden.sort_by_key(|v| volgorde.veld(&na, v.item, &v.veld));
    conflicten.sort_by_key(|v| volgorde.veld(&na, v.item, &v.veld));

    ImportVoorbeeld {
        werkruimte: inkomend.werkruimte(),
        nieuwe_werkruimte,
        nieuwe_wijzigingen,
        nieuwe_items,
        gewijzigde_velden,
        conflicten,
        verwijder_conflicten,
        fout: None,
    }
}

/// Applies an import: adds the incoming changes (all or none). Returns the ids that were new,
/// oldest first: to store, and to undo with [`ongedaan_maken`].
pub fn toepassen(lokaal: &mut History, inkomend: &History) -> Result<Vec<Uuid>, InsertError> {
    let nieuw: Vec<Uuid> =
        inkomend.changes().into_iter().filter(|c| !lokaal.contains(&c.id)).map(|c| c.id).collect();
    lokaal.merge(inkomend)?;
    Ok(nieuw)
}

/// Applying a previewed import in parts ([`ImportVoorbeeld::nieuwe_wijzigingen`]): the file's
/// new changes only, checked all at once before the first is added, then added a part at a
/// time, so a large file does not hold the page for one long step. The result is the same as
/// [`toepassen`].
pub struct Toepassing {
    /// Oldest first; `klaar` of them are in the copy.
    nieuw: Vec<Uuid>,
    klaar: usize,
}

impl Toepassing {
    /// Checks every change of `inkomend` against `lokaal`, oldest first, as a merge does (all or
    /// none; a file that alters a known change is refused). `nieuw` are the preview's new
    /// changes; ones the copy holds by now are skipped.
    pub fn begin(lokaal: &History, inkomend: &History, nieuw: &[Uuid]) -> Result<Toepassing, InsertError> {
        for c in inkomend.changes() {
            lokaal.check(c)?;
        }
        let nieuw: Vec<Uuid> = nieuw.iter().copied().filter(|id| !lokaal.contains(id) && inkomend.contains(id)).collect();
        Ok(Toepassing { nieuw, klaar: 0 })
    }

    /// Adds up to `n` more changes; `true` when all are in.
    pub fn stap(&mut self, lokaal: &mut History, inkomend: &History, n: usize) -> bool {
        let tot = (self.klaar + n).min(self.nieuw.len());
        for id in &self.nieuw[self.klaar..tot] {
            let c = inkomend.change(id).expect("a change of the file").clone();
            // Checked in `begin`; changes of one valid file fit each other.
            lokaal.insert(c).expect("a checked change of a valid file");
        }
        self.klaar = tot;
        self.klaar == self.nieuw.len()
    }

    /// The ids added, oldest first: to store, and to undo with [`ongedaan_maken`].
    pub fn ids(self) -> Vec<Uuid> {
        self.nieuw
    }
}

/// Why an import cannot be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OngedaanFout {
    /// This change is not in the copy (any more).
    Onbekend(Uuid),
    /// A later change (`door`) supersedes one of the imported changes (`wijziging`).
    Opgevolgd { wijziging: Uuid, door: Uuid },
    /// A later change (`door`) points to an item (`item`) that only the import brought.
    Verwijst { item: Uuid, door: Uuid },
}

/// Undoes an import: removes exactly these changes, as returned by [`toepassen`]. Refused (and
/// nothing changes) when a later change builds on them.
pub fn ongedaan_maken(lokaal: &mut History, ids: &[Uuid]) -> Result<(), OngedaanFout> {
    let weg: BTreeSet<Uuid> = ids.iter().copied().collect();
    if let Some(id) = weg.iter().find(|id| !lokaal.contains(id)) {
        return Err(OngedaanFout::Onbekend(*id));
    }
    // Items that disappear entirely.
    let mut per_item: BTreeMap<Uuid, usize> = BTreeMap::new();
    for id in &weg {
        *per_item.entry(lokaal.change(id).expect("checked").item).or_default() += 1;
    }
    let verdwijnt: BTreeSet<Uuid> = per_item
        .into_iter()
        .filter(|(item, n)| lokaal.changes_of_item(*item).len() == *n)
        .map(|(item, _)| item)
        .collect();
    for c in lokaal.changes() {
        if weg.contains(&c.id) {
            continue;
        }
        if let Some(v) = c.volgt.iter().find(|v| weg.contains(v)) {
            return Err(OngedaanFout::Opgevolgd { wijziging: *v, door: c.id });
        }
        if let Some(item) = verwijzingen(c).into_iter().find(|i| verdwijnt.contains(i)) {
            return Err(OngedaanFout::Verwijst { item, door: c.id });
        }
    }
    lokaal.remove(ids);
    Ok(())
}

/// The items a change's value points to.
fn verwijzingen(c: &Change) -> Vec<Uuid> {
    let id = |v: &Value| v.as_str().and_then(|s| Uuid::parse_str(s).ok());
    match c.soort.veld(&c.veld).map(|d| d.soort) {
        Some(VeldType::Verwijzing(_)) => id(&c.waarde).into_iter().collect(),
        Some(VeldType::Verwijzingen(_)) => {
            c.waarde.as_array().map(|a| a.iter().filter_map(id).collect()).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// Resolves a conflict by choosing a value: a change that supersedes every current value of the
/// field (this is [`History::apply`]). The item must exist; for an unknown item the result is
/// [`InsertError::AndereWerkruimte`] (it is not part of this workspace).
pub fn los_op(
    h: &mut History,
    actor: &Actor,
    tijd: Tijd,
    item: Uuid,
    veld: &str,
    waarde: Value,
) -> Result<Change, InsertError> {
    let soort = h.soort(item).ok_or(InsertError::AndereWerkruimte)?;
    h.apply(actor, tijd, item, soort, veld, waarde)
}

/// One field that differs between two copies: (item, label, veld, lokaal, inkomend).
pub type Verschil = (Uuid, String, String, Option<Value>, Option<Value>);

/// Two copies side by side, without merging.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Vergelijking {
    pub alleen_lokaal: Vec<ItemNieuw>,
    pub alleen_inkomend: Vec<ItemNieuw>,
    /// Every field whose shown value differs on an item both copies have.
    pub verschillen: Vec<Verschil>,
}

/// Compares two copies: the items (not deleted) only one of them has, and every field whose
/// shown value differs on items both have.
pub fn vergelijk(lokaal: &History, inkomend: &History) -> Vergelijking {
    let alleen = |a: &History, b: &History| -> Vec<ItemNieuw> {
        ItemSoort::ALL
            .into_iter()
            .flat_map(|s| a.items_of(s))
            .filter(|id| !b.exists(*id) || b.is_deleted(*id))
            .map(|item| ItemNieuw {
                item,
                soort: a.soort(item).expect("item of the history"),
                label: label(a, item),
                door: maker(a, item),
            })
            .collect()
    };
    let mut verschillen = Vec::new();
    for soort in ItemSoort::ALL {
        for item in lokaal.items_of(soort) {
            if !inkomend.exists(item) || inkomend.is_deleted(item) {
                continue;
            }
            let velden: BTreeSet<&str> =
                lokaal.fields_of(item).into_iter().chain(inkomend.fields_of(item)).collect();
            let mut velden: Vec<&str> = velden.into_iter().collect();
            velden.sort_by_key(|v| soort.velden().iter().position(|d| d.naam == *v).unwrap_or(usize::MAX));
            for veld in velden {
                let (l, i) = (lokaal.value(item, veld), inkomend.value(item, veld));
                if l != i {
                    verschillen.push((item, label(lokaal, item), veld.to_string(), l.cloned(), i.cloned()));
                }
            }
        }
    }
    Vergelijking {
        alleen_lokaal: alleen(lokaal, inkomend),
        alleen_inkomend: alleen(inkomend, lokaal),
        verschillen,
    }
}

/// Why a file cannot be merged into the local copy ([`ImportVoorbeeld::fout`]), as a Dutch
/// message with the place in the file: the change's position in the file's `wijzigingen`, the
/// part that differs, the item's code and the field, such as
/// `wijzigingen[12].waarde (J 1.9), veld status`. `volgorde` holds the ids of the file's changes
/// in the order of the file.
pub fn weigering(lokaal: &History, inkomend: &History, volgorde: &[Uuid], fout: &InsertError) -> ImportFout {
    let pad = |id: &Uuid| match volgorde.iter().position(|v| v == id) {
        Some(n) => format!("wijzigingen[{n}]"),
        None => "wijzigingen".to_string(),
    };
    let naam = |item: Uuid| {
        let l = if lokaal.exists(item) { label(lokaal, item) } else { label(inkomend, item) };
        if l.is_empty() { String::new() } else { format!(" ({l})") }
    };
    match fout {
        InsertError::AndereInhoud(id) => {
            let (Some(c), l) = (inkomend.change(id), lokaal.change(id)) else {
                return ImportFout { soort: FoutSoort::DubbeleId, plaats: None, bericht: ANDERE_INHOUD.to_string() };
            };
            let deel = l.map_or("id", |l| verschil(l, c));
            ImportFout {
                soort: FoutSoort::DubbeleId,
                plaats: Some(format!("{}.{deel}{}, veld {}", pad(id), naam(c.item), c.veld)),
                bericht: ANDERE_INHOUD.to_string(),
            }
        }
        InsertError::AndereSoort { item, bestaand, nieuw } => {
            let eerste = volgorde.iter().find(|id| inkomend.change(id).is_some_and(|c| c.item == *item));
            ImportFout {
                soort: FoutSoort::DubbeleId,
                plaats: eerste.map(|id| format!("{}.soort{}", pad(id), naam(*item))),
                bericht: format!(
                    "Een onderdeel in dit bestand heeft hetzelfde kenmerk als een onderdeel in uw werkruimte, maar een andere soort: in het bestand {}, bij u {}. Misschien is het bestand aangepast. Vraag de afzender om een nieuw bestand.",
                    nieuw.naam(),
                    bestaand.naam()
                ),
            }
        }
        InsertError::AndereWerkruimte => ImportFout {
            soort: FoutSoort::VerkeerdeWaarde,
            plaats: Some("werkruimte".to_string()),
            bericht: "Dit bestand hoort bij een andere werkruimte.".to_string(),
        },
        // Only a change made in this copy can be refused for these (see `History::make_change`).
        InsertError::OnbekendVeld { .. } | InsertError::OngeldigeWaarde { .. } | InsertError::LosseVerwijzing { .. } => {
            ImportFout { soort: FoutSoort::VerkeerdeWaarde, plaats: None, bericht: fout.to_string() }
        }
    }
}

const ANDERE_INHOUD: &str = "Een wijziging in dit bestand heeft hetzelfde kenmerk als een wijziging in uw werkruimte, maar een andere inhoud. Misschien is het bestand aangepast. Vraag de afzender om een nieuw bestand.";

/// The first part of a change that differs between two changes with the same id.
fn verschil(a: &Change, b: &Change) -> &'static str {
    if a.werkruimte != b.werkruimte {
        "werkruimte"
    } else if a.item != b.item {
        "item"
    } else if a.soort != b.soort {
        "soort"
    } else if a.veld != b.veld {
        "veld"
    } else if !gelijke_waarde(&a.waarde, &b.waarde) {
        "waarde"
    } else if a.tijd != b.tijd {
        "tijd"
    } else if a.partij != b.partij {
        "partij"
    } else if a.auteur != b.auteur {
        "auteur"
    } else if a.volgt != b.volgt {
        "volgt"
    } else if a.prive != b.prive {
        "prive"
    } else if a.gezien != b.gezien {
        "gezien"
    } else {
        "id"
    }
}
