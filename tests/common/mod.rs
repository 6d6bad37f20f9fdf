//! Shared by the property tests: replicas of one workspace that edit and exchange changes.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::schema::ItemSoort;
use proptest::prelude::*;
use serde_json::json;
use uuid::Uuid;

/// The workspace every replica holds.
pub const WERKRUIMTE: Uuid = Uuid::from_u128(1);
const VELDEN: [&str; 4] = ["status", "titel", "trekker", "verwijderd"];

#[derive(Clone, Debug)]
pub enum Op {
    /// Replica edits field `veld` of item `item` to `waarde`.
    Edit { replica: usize, item: u8, veld: usize, waarde: u8 },
    /// Replica adds a voortgang note (belonging to item `item`), or edits note `notitie`'s text.
    Notitie { replica: usize, item: u8, notitie: u8 },
    /// Replica `naar` imports everything replica `van` has.
    Sync { van: usize, naar: usize },
}

pub fn op(replicas: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..replicas, 0u8..5, 0..VELDEN.len(), 0u8..3)
            .prop_map(|(replica, item, veld, waarde)| Op::Edit { replica, item, veld, waarde }),
        1 => (0..replicas, 0u8..5, 0u8..4).prop_map(|(replica, item, notitie)| Op::Notitie { replica, item, notitie }),
        1 => (0..replicas, 0..replicas).prop_map(|(van, naar)| Op::Sync { van, naar }),
    ]
}

/// Runs the ops on `n` replicas; each edit supersedes what its replica had seen of that field.
pub fn simulate(n: usize, ops: &[Op]) -> Vec<History> {
    let mut rs: Vec<History> = (0..n).map(|_| History::new(WERKRUIMTE)).collect();
    for (t, o) in ops.iter().enumerate() {
        match *o {
            Op::Edit { replica, item, veld, waarde } => {
                let actor = Actor::new(format!("partij {replica}"), "test");
                let value = match VELDEN[veld] {
                    "status" => json!(["groen", "geel", "rood"][waarde as usize]),
                    "verwijderd" => json!(waarde == 0),
                    _ => json!(format!("waarde {waarde}")),
                };
                let item = Uuid::from_u128(100 + item as u128);
                rs[replica].apply(&actor, t as i64 % 5, item, ItemSoort::Jaarafspraak, VELDEN[veld], value).unwrap();
            }
            Op::Notitie { replica, item, notitie } => {
                let actor = Actor::new(format!("partij {replica}"), "test");
                let afspraak = Uuid::from_u128(100 + item as u128);
                let id = Uuid::from_u128(1000 + (replica as u128) * 100 + notitie as u128);
                let h = &mut rs[replica];
                if !h.exists(afspraak) {
                    // A note can only be written on an item one has.
                    continue;
                }
                if !h.exists(id) {
                    h.apply(&actor, t as i64 % 5, id, ItemSoort::Voortgang, "afspraak", json!(afspraak.to_string())).unwrap();
                }
                h.apply(&actor, t as i64 % 5, id, ItemSoort::Voortgang, "tekst", json!(format!("notitie {t}"))).unwrap();
            }
            Op::Sync { van, naar } => {
                let src = rs[van].clone();
                rs[naar].merge(&src).unwrap();
            }
        }
    }
    rs
}

/// "Nothing disappears unseen": every current value is in view, or hidden by a delete (of its
/// item or of an item it belongs to) whose author saw it.
#[allow(dead_code)] // used by history_laws, not by every test that shares this module
pub fn niets_verborgen_zonder_gezien(h: &History) -> Result<(), String> {
    for soort in ItemSoort::ALL {
        for item in h.all_items_of(soort) {
            // The item and everything it belongs to.
            let mut keten = vec![item];
            let mut i = 0;
            while i < keten.len() {
                let s = h.soort(keten[i]).unwrap_or(soort);
                if let Some(o) = s.ouder_veld().and_then(|v| h.value(keten[i], v)).and_then(|v| v.as_str()).and_then(|v| Uuid::parse_str(v).ok()) {
                    if !keten.contains(&o) {
                        keten.push(o);
                    }
                }
                i += 1;
            }
            let verborgen_door: Vec<Uuid> = keten.iter().copied().filter(|k| h.is_deleted(*k)).collect();
            if verborgen_door.is_empty() {
                continue;
            }
            for veld in h.fields_of(item) {
                if veld == "verwijderd" {
                    continue;
                }
                for c in h.heads(item, veld) {
                    let gezien = verborgen_door.iter().any(|k| {
                        h.heads(*k, "verwijderd").iter().any(|d| d.waarde == json!(true) && d.gezien.as_ref().is_some_and(|g| g.contains(&c.id)))
                    });
                    if !gezien {
                        return Err(format!("change {} ({veld} of {item}) is hidden but no delete saw it", c.id));
                    }
                }
            }
        }
    }
    Ok(())
}
