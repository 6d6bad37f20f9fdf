//! The benchmark's generated workspace (`examples/genereer`), at a small size: the app's own
//! validation accepts both files (written in format 1, which every build reads), the second is the first plus exactly the extra changes, an
//! import of it previews cleanly, and the same seed gives the same bytes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/genereer/proefdata.rs"]
#[allow(dead_code)]
mod proefdata;

use std::collections::BTreeSet;

use afsprakenmonitor::domain::format;
use afsprakenmonitor::domain::merge;
use afsprakenmonitor::domain::model::Werkruimte;
use afsprakenmonitor::domain::report;
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::domain::validate;

use proefdata::{extra, genereer, werkruimte_id, Omvang, EERSTE_JAAR};

fn klein() -> Omvang {
    Omvang::geschaald(0.02)
}

#[test]
fn generated_files_pass_the_apps_validation() {
    let omvang = klein();
    let basis = genereer(7, omvang);
    let tekst = format::to_json(&basis.bestand(&basis.gemeente()));
    assert!(tekst.contains("\"versie\": 1,"), "format 1, so older builds can read it for a comparison");
    let (b, h) = validate::lees_bestand_met_history(&tekst).expect("the base file is valid");
    assert_eq!(b.werkruimte, werkruimte_id(7));
    // Read as format 1: each peilmoment gets its year (format 3), one change each.
    assert_eq!(h.len(), basis.history().len() + omvang.peilmomenten);

    let w = Werkruimte::new(&h);
    assert_eq!(w.partijen().len(), omvang.partijen);
    assert_eq!(w.kaderafspraken().len(), omvang.kaderafspraken);
    for j in 0..omvang.jaren as i64 {
        let jaar = EERSTE_JAAR + j;
        let generated = report::jaarafspraken(&h, Some(jaar)).iter().filter(|a| a.code.split('.').nth(1).is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n > 50))).count();
        assert_eq!(generated, omvang.per_jaar, "jaarafspraken of {jaar}");
    }
    assert_eq!(h.items_of(ItemSoort::Peilmoment).len(), omvang.peilmomenten);
    assert!(report::dubbele_codes(&h).is_empty(), "generated codes do not collide");

    let meer = extra(&basis, 123);
    let tekst2 = format::to_json(&meer.bestand(&meer.andere_partij()));
    let (b2, h2) = validate::lees_bestand_met_history(&tekst2).expect("the second file is valid");
    assert_eq!(b2.werkruimte, b.werkruimte);
    assert_eq!(h2.len(), h.len() + 123);
    let ids: BTreeSet<_> = b2.wijzigingen.iter().map(|c| c.id).collect();
    assert!(b.wijzigingen.iter().all(|c| ids.contains(&c.id)), "the second file holds the first");

    let v = merge::voorbeeld(Some(&h), &h2);
    assert!(v.fout.is_none());
    assert!(!v.nieuwe_werkruimte);
    assert_eq!(v.nieuwe_wijzigingen.len(), 123);
    assert!(v.conflicten.is_empty(), "nothing changed locally, so no conflicts");
}

#[test]
fn same_seed_same_bytes_other_seed_other_workspace() {
    let a = genereer(3, klein());
    let b = genereer(3, klein());
    let json = |g: &proefdata::Generator| format::to_json(&g.bestand(&g.gemeente()));
    assert_eq!(json(&a), json(&b));
    let a2 = extra(&a, 40);
    let b2 = extra(&b, 40);
    assert_eq!(json(&a2), json(&b2));
    let c = genereer(4, klein());
    assert_ne!(c.history().werkruimte(), a.history().werkruimte());
}
