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
    /// Replica `naar` imports everything replica `van` has.
    Sync { van: usize, naar: usize },
}

pub fn op(replicas: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..replicas, 0u8..5, 0..VELDEN.len(), 0u8..3)
            .prop_map(|(replica, item, veld, waarde)| Op::Edit { replica, item, veld, waarde }),
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
            Op::Sync { van, naar } => {
                let src = rs[van].clone();
                rs[naar].merge(&src).unwrap();
            }
        }
    }
    rs
}
