//! The laws that make exchange by email safe: state depends on the set of changes only, so merge
//! is commutative, associative and idempotent, and copies that saw the same changes agree.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::schema::ItemSoort;
use proptest::prelude::*;
use serde_json::json;
use uuid::Uuid;

mod common;
use common::{niets_verborgen_zonder_gezien, op, simulate};

const WR: Uuid = common::WERKRUIMTE;

fn merged(a: &History, b: &History) -> History {
    let mut m = a.clone();
    m.merge(b).unwrap();
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative_associative_idempotent(ops in prop::collection::vec(op(3), 0..40)) {
        let rs = simulate(3, &ops);
        let (a, b, c) = (&rs[0], &rs[1], &rs[2]);
        // commutative
        prop_assert_eq!(merged(a, b).state_view(), merged(b, a).state_view());
        prop_assert_eq!(merged(a, b), merged(b, a));
        // associative
        prop_assert_eq!(merged(&merged(a, b), c).state_view(), merged(a, &merged(b, c)).state_view());
        // idempotent
        prop_assert_eq!(merged(a, a).state_view(), a.state_view());
        let ab = merged(a, b);
        prop_assert_eq!(merged(&ab, b).state_view(), ab.state_view());
    }

    #[test]
    fn state_does_not_depend_on_arrival_order(ops in prop::collection::vec(op(3), 0..40), seed in any::<u64>()) {
        let rs = simulate(3, &ops);
        let all = merged(&merged(&rs[0], &rs[1]), &rs[2]);
        let mut changes: Vec<_> = all.changes().into_iter().cloned().collect();
        // a deterministic shuffle from the seed
        let mut s = seed | 1;
        for i in (1..changes.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            changes.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let rebuilt = History::from_changes(WR, changes).unwrap();
        prop_assert_eq!(rebuilt.state_view(), all.state_view());
    }

    #[test]
    fn concurrent_different_values_are_kept_until_resolved(a in 0u8..3, b in 0u8..3) {
        let item = Uuid::from_u128(7);
        let mut g = History::new(WR);
        let mut p = History::new(WR);
        let sa = ["groen", "geel", "rood"][a as usize];
        let sb = ["groen", "geel", "rood"][b as usize];
        g.apply(&Actor::new("Gemeente", "g"), 1, item, ItemSoort::Jaarafspraak, "status", json!(sa)).unwrap();
        p.apply(&Actor::new("Pré Wonen", "p"), 2, item, ItemSoort::Jaarafspraak, "status", json!(sb)).unwrap();
        g.merge(&p).unwrap();
        let conflict = g.conflict(item, "status");
        if sa == sb {
            prop_assert!(conflict.is_none());
        } else {
            let values: Vec<_> = conflict.unwrap().into_iter().map(|c| c.waarde.clone()).collect();
            prop_assert_eq!(values.len(), 2);
            prop_assert!(values.contains(&json!(sa)) && values.contains(&json!(sb)));
            // Resolving is a change that supersedes both; it travels to the other copy.
            g.apply(&Actor::new("Gemeente", "g"), 3, item, ItemSoort::Jaarafspraak, "status", json!(sa)).unwrap();
            prop_assert!(g.conflict(item, "status").is_none());
            p.merge(&g).unwrap();
            prop_assert!(p.conflict(item, "status").is_none());
            prop_assert_eq!(p.value(item, "status"), Some(&json!(sa)));
        }
    }
}

/// Five parties exchange files in random orders; once everyone has seen everything, all copies
/// are identical.
#[test]
fn five_parties_converge() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 300, ..ProptestConfig::default() });
    runner
        .run(&(prop::collection::vec(op(5), 0..80), prop::collection::vec((0usize..5, 0usize..5), 0..20)), |(ops, extra)| {
            let mut rs = simulate(5, &ops);
            for (van, naar) in extra {
                let src = rs[van].clone();
                rs[naar].merge(&src).unwrap();
            }
            // Everyone sends to G (0), G sends back to everyone.
            for i in 1..5 {
                let src = rs[i].clone();
                rs[0].merge(&src).unwrap();
            }
            for i in 1..5 {
                let src = rs[0].clone();
                rs[i].merge(&src).unwrap();
            }
            for i in 1..5 {
                prop_assert_eq!(&rs[i], &rs[0]);
                prop_assert_eq!(rs[i].state_view(), rs[0].state_view());
            }
            for r in &rs {
                prop_assert_eq!(niets_verborgen_zonder_gezien(r), Ok(()));
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn edit_after_seen_is_no_conflict() {
    // Scenario 4: P imports G's rood, then sets geel; G imports P's file: geel, no conflict.
    let item = Uuid::from_u128(9);
    let mut g = History::new(WR);
    let mut p = History::new(WR);
    g.apply(&Actor::new("Gemeente", "g"), 1, item, ItemSoort::Jaarafspraak, "status", json!("rood")).unwrap();
    p.merge(&g).unwrap();
    p.apply(&Actor::new("Pré Wonen", "p"), 2, item, ItemSoort::Jaarafspraak, "status", json!("geel")).unwrap();
    g.merge(&p).unwrap();
    assert!(g.conflict(item, "status").is_none());
    assert_eq!(g.value(item, "status"), Some(&json!("geel")));
}

#[test]
fn same_value_concurrently_is_no_conflict() {
    // Scenario 3: G and E both set J 2.6 to groen.
    let item = Uuid::from_u128(10);
    let mut g = History::new(WR);
    let mut e = History::new(WR);
    g.apply(&Actor::new("Gemeente", "g"), 1, item, ItemSoort::Jaarafspraak, "status", json!("groen")).unwrap();
    e.apply(&Actor::new("Elan Wonen", "e"), 2, item, ItemSoort::Jaarafspraak, "status", json!("groen")).unwrap();
    g.merge(&e).unwrap();
    assert!(g.conflict(item, "status").is_none());
    assert!(g.conflicts().is_empty());
}

#[test]
fn a_history_refuses_changes_of_another_workspace_or_kind() {
    let mut h = History::new(WR);
    let other = History::new(Uuid::from_u128(2));
    let c = other.make_change(&Actor::default(), 0, Uuid::from_u128(3), ItemSoort::Thema, "titel", json!("x")).unwrap();
    assert!(h.insert(c).is_err());
    h.apply(&Actor::default(), 0, Uuid::from_u128(3), ItemSoort::Thema, "titel", json!("x")).unwrap();
    let wrong = h.make_change(&Actor::default(), 0, Uuid::from_u128(3), ItemSoort::Begrip, "term", json!("x")).unwrap();
    assert!(h.insert(wrong).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Concurrent deletes, restores, edits and notes across 3–5 copies: in every copy at every
    /// moment, no change is out of view unless a delete that saw it hides it.
    #[test]
    fn no_work_disappears_unseen(n in 3usize..=5, ops in prop::collection::vec(op(5), 0..60)) {
        let ops: Vec<_> = ops.into_iter().filter(|o| match o {
            common::Op::Edit { replica, .. } | common::Op::Notitie { replica, .. } => *replica < n,
            common::Op::Sync { van, naar } => *van < n && *naar < n,
        }).collect();
        for r in simulate(n, &ops) {
            prop_assert_eq!(niets_verborgen_zonder_gezien(&r), Ok(()));
        }
    }
}

/// Scenario 15: a change is listed after the changes it follows, whatever the clocks said.
#[test]
fn history_is_listed_in_causal_order() {
    let item = Uuid::from_u128(500);
    let mut g = History::new(common::WERKRUIMTE);
    let jaar = 365 * 24 * 3_600_000;
    let eerste = g.apply(&Actor::new("G", "a"), 10 * jaar, item, ItemSoort::Jaarafspraak, "status", json!("groen")).unwrap();
    // P's clock is a year behind; P saw G's value and changes it.
    let mut p = g.clone();
    let tweede = p.apply(&Actor::new("P", "b"), 9 * jaar, item, ItemSoort::Jaarafspraak, "status", json!("rood")).unwrap();
    g.merge(&p).unwrap();
    let volgorde: Vec<Uuid> = g.causale_geschiedenis(&[item]).iter().map(|c| c.id).collect();
    assert_eq!(volgorde, vec![eerste.id, tweede.id]);
    assert!(g.is_head(&tweede) && !g.is_head(&eerste));
    assert_eq!(g.value(item, "status"), Some(&json!("rood")));
}
