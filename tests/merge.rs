//! Importing files: the exchange scenarios (docs in the shared spec, numbered the same), and the
//! property that an import changes nothing its preview did not show, and can be undone exactly.

use std::collections::BTreeSet;

use afsprakenmonitor::domain::change::{Actor, Tijd};
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{self, Bestand, ExportSoort};
use afsprakenmonitor::domain::history::{History, InsertError, ZICHTBAAR};
use afsprakenmonitor::domain::merge::{self, ImportVoorbeeld, OngedaanFout};
use afsprakenmonitor::domain::model::{Status, Werkruimte};
use afsprakenmonitor::domain::report;
use afsprakenmonitor::domain::schema::{ItemSoort, VERWIJDERD};
use afsprakenmonitor::domain::time::parse_datum;
use afsprakenmonitor::domain::validate::lees_bestand_met_history;
use proptest::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

mod common;
use common::{op, simulate};

const WR: Uuid = Uuid::from_u128(0x0048_4545_4d53_5445_4445);

fn t0() -> Tijd {
    parse_datum("2025-04-01").unwrap()
}

fn minuut(n: i64) -> Tijd {
    t0() + n * 60_000
}

fn gemeente() -> Actor {
    Actor::new("Gemeente Heemstede", "Beleidsmedewerker wonen")
}
fn elan() -> Actor {
    Actor::new("Elan Wonen", "Manager wonen")
}
fn pre() -> Actor {
    Actor::new("Pré Wonen", "Adviseur")
}
fn bewonersraad() -> Actor {
    Actor::new("Bewonersraad Elan Wonen", "Secretaris")
}
fn bewonerskern() -> Actor {
    Actor::new("Bewonerskern Pré", "Voorzitter")
}

/// The file a party mails: exported, written as JSON, read back and checked as the receiver does.
fn bestand_van(h: &History, door: &Actor, nu: Tijd) -> History {
    let tekst = format::to_json(&format::export(h, ExportSoort::Uitwisseling, door, nu));
    lees_bestand_met_history(&tekst).expect("an export reads back").1
}

/// An export with the export time and author blanked, to compare copies.
fn export_zonder_tijd(h: &History) -> Bestand {
    let mut b = format::export(h, ExportSoort::Uitwisseling, &Actor::default(), 0);
    b.geexporteerd_op = 0;
    b
}

/// Every field whose derived state differs between two histories. Whether a deleted item is in
/// view counts as its `verwijderd` field.
fn veranderd(voor: &History, na: &History) -> BTreeSet<(Uuid, String)> {
    let (v, n) = (voor.state_view(), na.state_view());
    assert!(v.keys().all(|k| n.contains_key(k)), "an import never removes a field");
    n.into_iter()
        .filter(|(k, w)| v.get(k) != Some(w))
        .map(|((item, veld), _)| (item, if veld == ZICHTBAAR { VERWIJDERD.to_string() } else { veld }))
        .collect()
}

/// "Nothing changes that the preview did not show": each changed field is listed exactly once,
/// and nothing else is listed.
fn controleer_voorbeeld(voor: &History, na: &History, v: &ImportVoorbeeld) -> Result<(), TestCaseError> {
    let mut genoemd = BTreeSet::new();
    let mut aantal = 0;
    for n in &v.nieuwe_items {
        prop_assert!(!voor.exists(n.item) || v.nieuwe_werkruimte);
        prop_assert_eq!(na.soort(n.item), Some(n.soort));
        for veld in na.fields_of(n.item) {
            genoemd.insert((n.item, veld.to_string()));
            aantal += 1;
        }
    }
    for g in &v.gewijzigde_velden {
        prop_assert!(na.conflict(g.item, &g.veld).is_none());
        prop_assert_eq!(g.nieuw.as_ref(), na.value(g.item, &g.veld));
        prop_assert_eq!(g.oud.as_ref(), voor.value(g.item, &g.veld));
        prop_assert!(!g.door.is_empty());
        genoemd.insert((g.item, g.veld.clone()));
        aantal += 1;
    }
    for c in &v.conflicten {
        let waarden: Vec<&Value> = c.waarden.iter().map(|k| &k.waarde).collect();
        let na_waarden: Vec<&Value> = na.conflict(c.item, &c.veld).expect("in conflict").iter().map(|c| &c.waarde).collect();
        prop_assert_eq!(waarden, na_waarden);
        genoemd.insert((c.item, c.veld.clone()));
        aantal += 1;
    }
    prop_assert_eq!(aantal, genoemd.len(), "a field is listed twice");
    // A delete conflict names the item's `verwijderd`; its field may also be in a value conflict.
    for vc in &v.verwijder_conflicten {
        prop_assert!(na.verwijder_conflict(vc.item).is_some());
        prop_assert!(!vc.verwijderd.is_empty() && !vc.intussen.is_empty());
        let key = (vc.item, VERWIJDERD.to_string());
        if genoemd.contains(&key) {
            prop_assert!(v.conflicten.iter().any(|c| c.item == vc.item && c.veld == VERWIJDERD), "listed twice");
        }
        genoemd.insert(key);
    }
    // Every item with a delete conflict that is new or has new work is listed.
    for item in na.verwijder_conflicten() {
        let ids = |h: &History| h.verwijder_conflict(item).map(|c| c.intussen.iter().map(|c| c.id).collect::<Vec<_>>());
        if voor.exists(item) && !v.nieuwe_werkruimte && ids(na) != ids(voor) {
            prop_assert!(v.verwijder_conflicten.iter().any(|c| c.item == item), "delete conflict not shown");
        }
    }
    let basis = if v.nieuwe_werkruimte { History::new(na.werkruimte()) } else { voor.clone() };
    prop_assert_eq!(genoemd, veranderd(&basis, na));
    Ok(())
}

/// Validate, preview, apply, with the preview checked against what happened.
fn importeer(lokaal: &mut History, bestand: &History) -> ImportVoorbeeld {
    let v = merge::voorbeeld(Some(lokaal), bestand);
    assert!(!v.nieuwe_werkruimte);
    assert_eq!(v.fout, None);
    let voor = lokaal.clone();
    let ids = merge::toepassen(lokaal, bestand).expect("same workspace");
    assert_eq!(ids, v.nieuwe_wijzigingen);
    controleer_voorbeeld(&voor, lokaal, &v).unwrap();
    v
}

/// The five copies: G builds the Heemstede example and mails it; the others open it as a new
/// workspace.
struct Kopieen {
    g: History,
    e: History,
    p: History,
    be: History,
    bp: History,
}

fn begin() -> Kopieen {
    let g = Voorbeeld::Heemstede.bouw(WR);
    let bestand = bestand_van(&g, &gemeente(), minuut(0));
    let open = || {
        let v = merge::voorbeeld(None, &bestand);
        assert!(v.nieuwe_werkruimte);
        assert_eq!(v.werkruimte, WR);
        let mut h = History::new(WR);
        merge::toepassen(&mut h, &bestand).unwrap();
        controleer_voorbeeld(&History::new(WR), &h, &v).unwrap();
        assert_eq!(h, g);
        h
    };
    Kopieen { e: open(), p: open(), be: open(), bp: open(), g }
}

fn id_van(h: &History, code: &str) -> Uuid {
    Werkruimte::new(h).jaarafspraken().into_iter().find(|j| j.code == code && j.jaar == Some(2024)).unwrap().id
}

fn zet(h: &mut History, wie: &Actor, tijd: Tijd, code: &str, veld: &str, waarde: Value) {
    let id = id_van(h, code);
    h.apply(wie, tijd, id, ItemSoort::Jaarafspraak, veld, waarde).unwrap();
}

/// Adds a voortgang or reactie to an agreement; returns its item id.
fn notitie(h: &mut History, soort: ItemSoort, wie: &Actor, tijd: Tijd, code: &str, tekst: &str) -> Uuid {
    let afspraak = id_van(h, code);
    let item = Uuid::new_v4();
    let velden = [
        ("afspraak", json!(afspraak.to_string())),
        ("datum", json!("2025-04-15")),
        ("partij", json!(wie.partij)),
        ("auteur", json!(wie.auteur)),
        ("tekst", json!(tekst)),
    ];
    for (veld, waarde) in velden {
        h.apply(wie, tijd, item, soort, veld, waarde).unwrap();
    }
    item
}

fn status(h: &History, code: &str) -> Status {
    Werkruimte::new(h).jaarafspraak(id_van(h, code)).status
}

fn permutaties<T: Clone>(v: &[T]) -> Vec<Vec<T>> {
    if v.len() <= 1 {
        return vec![v.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..v.len() {
        let mut rest = v.to_vec();
        let x = rest.remove(i);
        for mut p in permutaties(&rest) {
            p.insert(0, x.clone());
            out.push(p);
        }
    }
    out
}

#[test]
fn scenario_1_disjoint_edits() {
    let mut k = begin();
    let ve = notitie(&mut k.e, ItemSoort::Voortgang, &elan(), minuut(10), "J 2.3", "Subsidie aangevraagd");
    let vp = notitie(&mut k.p, ItemSoort::Voortgang, &pre(), minuut(11), "J 1.4", "Drie friends-contracten");
    let rbe = notitie(&mut k.be, ItemSoort::Reactie, &bewonersraad(), minuut(12), "J 3.4", "Wij lopen graag mee");
    let bestanden = [
        (bestand_van(&k.e, &elan(), minuut(20)), ve, ItemSoort::Voortgang, "J 2.3", "Elan Wonen"),
        (bestand_van(&k.p, &pre(), minuut(21)), vp, ItemSoort::Voortgang, "J 1.4", "Pré Wonen"),
        (bestand_van(&k.be, &bewonersraad(), minuut(22)), rbe, ItemSoort::Reactie, "J 3.4", "Bewonersraad Elan Wonen"),
    ];
    let mut uitkomsten = Vec::new();
    for volgorde in permutaties(&[0, 1, 2]) {
        let mut g = k.g.clone();
        for i in volgorde {
            let (bestand, item, soort, code, partij) = &bestanden[i];
            let v = importeer(&mut g, bestand);
            assert_eq!(v.nieuwe_wijzigingen.len(), 5);
            assert_eq!(v.nieuwe_items.len(), 1);
            let n = &v.nieuwe_items[0];
            assert_eq!((n.item, n.soort, n.label.as_str(), n.door.as_str()), (*item, *soort, *code, *partij));
            assert!(v.gewijzigde_velden.is_empty() && v.conflicten.is_empty());
            assert!(g.changes_of_item(*item).iter().all(|c| c.partij == *partij));
        }
        uitkomsten.push(g);
    }
    assert!(uitkomsten.windows(2).all(|w| w[0] == w[1]));
    let g = uitkomsten.pop().unwrap();
    let w = Werkruimte::new(&g);
    assert!(w.voortgang_van(id_van(&g, "J 2.3")).iter().any(|v| v.tekst == "Subsidie aangevraagd" && v.partij == "Elan Wonen"));
    assert!(w.reacties_van(id_van(&g, "J 3.4")).iter().any(|r| r.partij == "Bewonersraad Elan Wonen"));

    // G sends the merged copy round; E now also has P's and BE's changes.
    let van_g = bestand_van(&g, &gemeente(), minuut(30));
    let v = importeer(&mut k.e, &van_g);
    let nieuw: BTreeSet<Uuid> = v.nieuwe_items.iter().map(|n| n.item).collect();
    assert_eq!(nieuw, [vp, rbe].into_iter().collect());
    assert_eq!(k.e, g);
}

#[test]
fn scenario_2_same_field_different_values() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(10), "J 1.9", "status", json!("rood"));
    zet(&mut k.g, &gemeente(), minuut(10), "J 1.9", "oorzaak", json!("Pré Wonen 40 %"));
    zet(&mut k.p, &pre(), minuut(12), "J 1.9", "status", json!("geel"));
    let van_p = bestand_van(&k.p, &pre(), minuut(20));

    let v = importeer(&mut k.g, &van_p);
    assert!(v.gewijzigde_velden.is_empty() && v.nieuwe_items.is_empty());
    assert_eq!(v.conflicten.len(), 1);
    let c = &v.conflicten[0];
    assert_eq!((c.label.as_str(), c.veld.as_str(), c.soort), ("J 1.9", "status", ItemSoort::Jaarafspraak));
    let wie: Vec<(&str, &str, Tijd)> =
        c.waarden.iter().map(|k| (k.waarde.as_str().unwrap(), k.partij.as_str(), k.tijd)).collect();
    assert_eq!(wie, [("geel", "Pré Wonen", minuut(12)), ("rood", "Gemeente Heemstede", minuut(10))]);
    assert_eq!(k.g.conflicts(), [(c.item, "status".to_string())]);

    // G picks rood.
    let opl = merge::los_op(&mut k.g, &gemeente(), minuut(25), c.item, "status", json!("rood")).unwrap();
    assert_eq!(opl.volgt.len(), 2);
    assert!(k.g.conflicts().is_empty());
    assert_eq!(status(&k.g, "J 1.9"), Status::Rood);

    // The resolution travels with G's next export.
    let van_g = bestand_van(&k.g, &gemeente(), minuut(30));
    let v = importeer(&mut k.p, &van_g);
    assert!(v.conflicten.is_empty());
    let s = v.gewijzigde_velden.iter().find(|g| g.veld == "status").unwrap();
    assert_eq!((s.oud.clone(), s.nieuw.clone()), (Some(json!("geel")), Some(json!("rood"))));
    assert_eq!(s.door.len(), 1);
    assert_eq!(s.door[0].change, opl.id);
    assert!(v.gewijzigde_velden.iter().any(|g| g.veld == "oorzaak" && g.nieuw == Some(json!("Pré Wonen 40 %"))));
    assert_eq!(status(&k.p, "J 1.9"), Status::Rood);
    assert!(k.p.conflicts().is_empty());
    assert_eq!(k.p, k.g);
}

#[test]
fn scenario_3_same_field_same_value() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(10), "J 2.6", "status", json!("groen"));
    zet(&mut k.e, &elan(), minuut(11), "J 2.6", "status", json!("groen"));
    let v = importeer(&mut k.g, &bestand_van(&k.e, &elan(), minuut(20)));
    assert_eq!(v.nieuwe_wijzigingen.len(), 1);
    assert!(!v.niets_nieuw() && v.niets_zichtbaar());
    assert!(k.g.conflicts().is_empty());
    assert_eq!(status(&k.g, "J 2.6"), Status::Groen);
}

#[test]
fn scenario_4_edit_after_seen() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(10), "J 1.9", "status", json!("rood"));
    zet(&mut k.g, &gemeente(), minuut(10), "J 1.9", "oorzaak", json!("Pré Wonen 40 %"));
    importeer(&mut k.p, &bestand_van(&k.g, &gemeente(), minuut(20)));
    // P's clock may even be behind G's: what counts is that P had seen G's value.
    zet(&mut k.p, &pre(), minuut(5), "J 1.9", "status", json!("geel"));
    let v = importeer(&mut k.g, &bestand_van(&k.p, &pre(), minuut(30)));
    assert!(v.conflicten.is_empty());
    assert_eq!(v.gewijzigde_velden.len(), 1);
    let g = &v.gewijzigde_velden[0];
    assert_eq!((g.label.as_str(), g.veld.as_str()), ("J 1.9", "status"));
    assert_eq!((g.oud.clone(), g.nieuw.clone()), (Some(json!("rood")), Some(json!("geel"))));
    assert_eq!(g.door[0].partij, "Pré Wonen");
    assert_eq!(status(&k.g, "J 1.9"), Status::Geel);
    assert!(k.g.conflicts().is_empty());
}

#[test]
fn scenario_5_idempotence() {
    let mut k = begin();
    notitie(&mut k.e, ItemSoort::Voortgang, &elan(), minuut(10), "J 2.3", "Eerste bericht");
    let oud_bestand = bestand_van(&k.e, &elan(), minuut(11));
    zet(&mut k.e, &elan(), minuut(12), "J 2.6", "status", json!("groen"));
    let bestand = bestand_van(&k.e, &elan(), minuut(20));

    let v = importeer(&mut k.g, &bestand);
    assert!(!v.niets_nieuw());
    let na_eerste = k.g.clone();
    // The same file again.
    let v = importeer(&mut k.g, &bestand);
    assert!(v.niets_nieuw() && v.niets_zichtbaar());
    assert_eq!(k.g, na_eerste);
    // An older file whose changes are all known.
    assert!(importeer(&mut k.g, &oud_bestand).niets_nieuw());
    // One's own export.
    assert!(importeer(&mut k.g, &bestand_van(&na_eerste, &gemeente(), minuut(30))).niets_nieuw());
    assert_eq!(k.g, na_eerste);
}

/// Applying a previewed import in parts gives the same copy as applying it at once, whatever
/// the size of the parts, and a file that alters a known change is refused before anything is
/// added.
#[test]
fn applying_in_parts_equals_applying_at_once() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(1), "J 1.9", "status", json!("rood"));
    zet(&mut k.e, &elan(), minuut(2), "J 1.9", "status", json!("geel"));
    zet(&mut k.e, &elan(), minuut(2), "J 2.1", "titel", json!("Inzet vrijesectorhuur (herzien)"));
    notitie(&mut k.e, ItemSoort::Reactie, &elan(), minuut(3), "J 2.4", "Graag cijfers per kern");
    let bestand = bestand_van(&k.e, &elan(), minuut(10));
    let mut geheel = k.g.clone();
    let verwacht = merge::toepassen(&mut geheel, &bestand).unwrap();
    for n in [1, 2, 3, 7, 1000] {
        let mut g = k.g.clone();
        let v = merge::voorbeeld(Some(&g), &bestand);
        let mut t = merge::Toepassing::begin(&g, &bestand, &v.nieuwe_wijzigingen).unwrap();
        let mut stappen = 1;
        while !t.stap(&mut g, &bestand, n) {
            stappen += 1;
        }
        assert_eq!(g, geheel, "parts of {n}");
        assert_eq!(g.state_view(), geheel.state_view());
        assert_eq!(t.ids(), verwacht);
        assert_eq!(stappen, verwacht.len().div_ceil(n).max(1));
    }
    // A file whose known change was altered: refused in `begin`, nothing added.
    let mut vals = bestand.clone();
    let bekend = vals.changes()[0].clone();
    let mut ander = bekend.clone();
    ander.waarde = json!("iets anders");
    vals.remove(&[bekend.id]);
    vals.insert(ander).unwrap();
    let g = k.g.clone();
    let alle: Vec<Uuid> = vals.changes().iter().map(|c| c.id).collect();
    assert!(matches!(merge::Toepassing::begin(&g, &vals, &alle), Err(InsertError::AndereInhoud(_))));
    assert_eq!(g, k.g);
}

#[test]
fn scenario_6_order_does_not_matter() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(1), "J 1.9", "status", json!("rood"));
    zet(&mut k.e, &elan(), minuut(2), "J 1.9", "status", json!("geel"));
    zet(&mut k.p, &pre(), minuut(3), "J 1.9", "status", json!("groen"));
    zet(&mut k.p, &pre(), minuut(3), "J 2.1", "titel", json!("Inzet vrijesectorhuur (herzien)"));
    notitie(&mut k.be, ItemSoort::Reactie, &bewonersraad(), minuut(4), "J 2.4", "Graag cijfers per kern");
    notitie(&mut k.bp, ItemSoort::Reactie, &bewonerskern(), minuut(4), "J 2.4", "Wij sluiten ons aan");
    zet(&mut k.bp, &bewonerskern(), minuut(5), "J 2.6", "status", json!("groen"));
    zet(&mut k.e, &elan(), minuut(5), "J 2.6", "status", json!("groen"));

    let partijen = [gemeente(), elan(), pre(), bewonersraad(), bewonerskern()];
    let kopieen = [&k.g, &k.e, &k.p, &k.be, &k.bp];
    let bestanden: Vec<History> =
        kopieen.iter().zip(&partijen).enumerate().map(|(i, (h, a))| bestand_van(h, a, minuut(10 + i as i64))).collect();

    // G imports the other four files in every order.
    let mut uitkomsten = Vec::new();
    for volgorde in permutaties(&[1, 2, 3, 4]) {
        let mut g = k.g.clone();
        for i in volgorde {
            merge::toepassen(&mut g, &bestanden[i]).unwrap();
        }
        uitkomsten.push(export_zonder_tijd(&g));
    }
    assert_eq!(uitkomsten.len(), 24);
    assert!(uitkomsten.windows(2).all(|w| w[0] == w[1]));

    // Every copy imports the others' files, each in its own order: all end the same.
    let mut eind = Vec::new();
    for (i, h) in kopieen.iter().enumerate() {
        let mut h = (*h).clone();
        for j in (1..5).map(|d| (i + d * if i % 2 == 0 { 1 } else { 4 }) % 5) {
            importeer(&mut h, &bestanden[j]);
        }
        eind.push(h);
    }
    assert!(eind.windows(2).all(|w| w[0] == w[1] && w[0].state_view() == w[1].state_view()));
    assert_eq!(export_zonder_tijd(&eind[0]), uitkomsten[0]);
    // Three different values for J 1.9: one conflict, the same everywhere.
    let c = eind[0].conflict(id_van(&eind[0], "J 1.9"), "status").unwrap();
    assert_eq!(c.len(), 3);
}

#[test]
fn scenario_7_new_items_with_the_same_code() {
    let mut k = begin();
    let maak = |h: &mut History, wie: &Actor, titel: &str| {
        let sub = Werkruimte::new(h).subthemas().into_iter().find(|s| s.nummer == "2.3").unwrap().id;
        let id = Uuid::new_v4();
        let velden = [
            ("jaar", json!(2024)),
            ("code", json!("J 2.9")),
            ("titel", json!(titel)),
            ("subthema", json!(sub.to_string())),
            ("trekker", json!(wie.partij)),
        ];
        for (veld, waarde) in velden {
            h.apply(wie, minuut(10), id, ItemSoort::Jaarafspraak, veld, waarde).unwrap();
        }
        id
    };
    let je = maak(&mut k.e, &elan(), "Woonwagenstandplaatsen");
    let jp = maak(&mut k.p, &pre(), "Kamerbewoning");
    for (bestand, id) in [(bestand_van(&k.e, &elan(), minuut(20)), je), (bestand_van(&k.p, &pre(), minuut(21)), jp)] {
        let v = importeer(&mut k.g, &bestand);
        assert_eq!(v.nieuwe_items.len(), 1);
        assert_eq!((v.nieuwe_items[0].item, v.nieuwe_items[0].label.as_str()), (id, "J 2.9"));
    }
    let w = Werkruimte::new(&k.g);
    let j29: BTreeSet<Uuid> = w.jaarafspraken().into_iter().filter(|j| j.code == "J 2.9").map(|j| j.id).collect();
    assert_eq!(j29, [je, jp].into_iter().collect());
    let dubbel = report::dubbele_codes(&k.g);
    assert_eq!(dubbel.len(), 1);
    assert_eq!(dubbel[0].0, "J 2.9");
    assert_eq!(dubbel[0].1.iter().copied().collect::<BTreeSet<_>>(), j29);
}

#[test]
fn scenario_8_private_notes_stay_home() {
    let mut k = begin();
    let afspraak = id_van(&k.be, "J 3.4");
    let item = Uuid::new_v4();
    for (veld, waarde) in [("afspraak", json!(afspraak.to_string())), ("tekst", json!("Alleen voor ons: navragen"))] {
        let mut c = k.be.make_change(&bewonersraad(), minuut(10), item, ItemSoort::Reactie, veld, waarde).unwrap();
        c.prive = true;
        k.be.insert(c).unwrap();
    }
    let openbaar = notitie(&mut k.be, ItemSoort::Reactie, &bewonersraad(), minuut(11), "J 3.4", "Wij lopen graag mee");
    assert!(Werkruimte::new(&k.be).reacties_van(afspraak).iter().any(|r| r.id == item && r.prive));

    let uit = format::export(&k.be, ExportSoort::Uitwisseling, &bewonersraad(), minuut(20));
    assert!(uit.wijzigingen.iter().all(|c| c.item != item && !c.prive));
    assert!(!format::to_json(&uit).contains("navragen"));
    let reserve = format::export(&k.be, ExportSoort::Reservekopie, &bewonersraad(), minuut(20));
    assert_eq!(reserve.wijzigingen.iter().filter(|c| c.item == item).count(), 2);

    let v = importeer(&mut k.g, &bestand_van(&k.be, &bewonersraad(), minuut(20)));
    assert_eq!(v.nieuwe_items.iter().map(|n| n.item).collect::<Vec<_>>(), [openbaar]);
    assert!(!k.g.exists(item));
}

#[test]
fn scenario_9_another_workspace_is_never_merged() {
    let mut k = begin();
    // The same example, same title, but another workspace id.
    let ander = Voorbeeld::Heemstede.bouw(Uuid::from_u128(0xa11e));
    let bestand = bestand_van(&ander, &gemeente(), minuut(5));
    let v = merge::voorbeeld(Some(&k.g), &bestand);
    assert!(v.nieuwe_werkruimte);
    assert_eq!(v.werkruimte, ander.werkruimte());
    assert_eq!(v.nieuwe_wijzigingen.len(), ander.len());
    assert!(v.gewijzigde_velden.is_empty() && v.conflicten.is_empty());
    assert!(v.nieuwe_items.iter().any(|n| n.soort == ItemSoort::Werkruimte && n.item == ander.werkruimte()));
    let voor = k.g.clone();
    assert_eq!(merge::toepassen(&mut k.g, &bestand), Err(InsertError::AndereWerkruimte));
    assert_eq!(k.g, voor);
    // As a workspace of its own it opens like any new one.
    assert_eq!(merge::voorbeeld(None, &bestand), v);
}

/// 12. G deletes J 3.10 while E, from the same copy, adds voortgang to it. Whoever imports the
/// other's file sees the conflict; J 3.10 stays in view until someone keeps or deletes it, and
/// that choice travels.
#[test]
fn scenario_12_delete_against_edit() {
    let Kopieen { mut g, mut e, .. } = begin();
    let j310 = id_van(&g, "J 3.10");
    g.apply(&gemeente(), minuut(10), j310, ItemSoort::Jaarafspraak, VERWIJDERD, json!(true)).unwrap();
    assert!(g.is_deleted(j310));
    let notitie_id = notitie(&mut e, ItemSoort::Voortgang, &elan(), minuut(12), "J 3.10", "Gesprek gepland");
    let van_g = bestand_van(&g, &gemeente(), minuut(20));
    let van_e = bestand_van(&e, &elan(), minuut(20));

    // E imports G's file: not a silent delete, but a conflict naming both.
    let v = importeer(&mut e, &van_g);
    assert_eq!(v.verwijder_conflicten.len(), 1, "{v:#?}");
    let vc = &v.verwijder_conflicten[0];
    assert_eq!(vc.item, j310);
    assert_eq!(vc.label, "J 3.10");
    assert_eq!(vc.verwijderd[0].partij, gemeente().partij);
    assert!(vc.intussen.iter().any(|(soort, _, k)| *soort == ItemSoort::Voortgang && k.partij == elan().partij));
    assert!(v.gewijzigde_velden.iter().all(|g| g.item != j310), "the delete is not listed as a plain change");
    assert!(!e.is_deleted(j310), "J 3.10 stays in view");
    assert!(Werkruimte::new(&e).jaarafspraken().iter().any(|j| j.id == j310));
    assert!(Werkruimte::new(&e).voortgang_van(j310).iter().any(|v| v.id == notitie_id));

    // G imports E's file: the same conflict, the note is new.
    let v = importeer(&mut g, &van_e);
    assert!(v.nieuwe_items.iter().any(|n| n.item == notitie_id));
    assert_eq!(v.verwijder_conflicten.iter().map(|c| c.item).collect::<Vec<_>>(), vec![j310]);
    assert!(!g.is_deleted(j310));
    assert_eq!(g.verwijder_conflicten(), vec![j310]);

    // G deletes it anyway, now knowing E's note; the choice travels to E.
    g.apply(&gemeente(), minuut(30), j310, ItemSoort::Jaarafspraak, VERWIJDERD, json!(true)).unwrap();
    assert!(g.is_deleted(j310));
    let v = importeer(&mut e, &bestand_van(&g, &gemeente(), minuut(31)));
    assert!(v.verwijder_conflicten.is_empty());
    let rij = v.gewijzigde_velden.iter().find(|r| r.item == j310).expect("the choice is shown");
    assert_eq!(rij.veld, VERWIJDERD);
    assert!(!rij.conflict_voor.is_empty(), "shown as the end of a conflict");
    assert!(e.is_deleted(j310));
    assert_eq!(e.state_view(), g.state_view());
}

/// 12, the other choice: E keeps J 3.10; G sees it back with E's note.
#[test]
fn scenario_12_keep_travels() {
    let Kopieen { mut g, mut e, .. } = begin();
    let j310 = id_van(&g, "J 3.10");
    g.apply(&gemeente(), minuut(10), j310, ItemSoort::Jaarafspraak, VERWIJDERD, json!(true)).unwrap();
    zet(&mut e, &elan(), minuut(11), "J 3.10", "status", json!("geel"));
    importeer(&mut e, &bestand_van(&g, &gemeente(), minuut(20)));
    let vc = e.verwijder_conflict(j310).expect("conflict");
    assert_eq!(vc.intussen.len(), 1);
    assert_eq!(vc.intussen[0].veld, "status");
    e.apply(&elan(), minuut(21), j310, ItemSoort::Jaarafspraak, VERWIJDERD, json!(false)).unwrap();
    assert!(e.verwijder_conflict(j310).is_none());
    let v = importeer(&mut g, &bestand_van(&e, &elan(), minuut(22)));
    assert!(v.verwijder_conflicten.is_empty());
    assert!(!g.is_deleted(j310));
    assert_eq!(status(&g, "J 3.10"), Status::Geel);
    assert_eq!(g.state_view(), e.state_view());
}

/// A delete that saw everything hides the item and its notes, and is no conflict.
#[test]
fn a_delete_after_seeing_the_work_is_no_conflict() {
    let Kopieen { mut g, mut e, .. } = begin();
    let j310 = id_van(&g, "J 3.10");
    notitie(&mut e, ItemSoort::Voortgang, &elan(), minuut(5), "J 3.10", "Gesprek gepland");
    importeer(&mut g, &bestand_van(&e, &elan(), minuut(6)));
    g.apply(&gemeente(), minuut(10), j310, ItemSoort::Jaarafspraak, VERWIJDERD, json!(true)).unwrap();
    let v = importeer(&mut e, &bestand_van(&g, &gemeente(), minuut(11)));
    assert!(v.verwijder_conflicten.is_empty());
    assert!(e.is_deleted(j310));
    assert!(e.deleted_items_of(ItemSoort::Jaarafspraak).contains(&j310));
}

/// A delete written in format 1 (without `gezien`) saw what came before it in time.
#[test]
fn a_format_1_delete_saw_what_came_before() {
    let Kopieen { mut g, mut e, .. } = begin();
    let j310 = id_van(&g, "J 3.10");
    let mut c = g.make_change(&gemeente(), minuut(10), j310, ItemSoort::Jaarafspraak, VERWIJDERD, json!(true)).unwrap();
    c.gezien = None;
    g.insert(c).unwrap();
    assert!(g.is_deleted(j310));
    notitie(&mut e, ItemSoort::Voortgang, &elan(), minuut(12), "J 3.10", "Later");
    importeer(&mut g, &bestand_van(&e, &elan(), minuut(13)));
    assert!(g.verwijder_conflict(j310).is_some());
}

#[test]
fn scenario_11_undo() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(10), "J 1.9", "status", json!("rood"));
    zet(&mut k.p, &pre(), minuut(11), "J 1.9", "status", json!("geel"));
    notitie(&mut k.p, ItemSoort::Voortgang, &pre(), minuut(12), "J 1.4", "Drie contracten");
    let bestand = bestand_van(&k.p, &pre(), minuut(20));

    let voor = k.g.clone();
    let v = importeer(&mut k.g, &bestand);
    let ids = v.nieuwe_wijzigingen.clone();
    assert_eq!(v.conflicten.len(), 1);
    merge::ongedaan_maken(&mut k.g, &ids).unwrap();
    assert_eq!(k.g, voor);
    assert_eq!(k.g.state_view(), voor.state_view());

    // Once a later change builds on the import, undo is refused and nothing changes.
    merge::toepassen(&mut k.g, &bestand).unwrap();
    let j19 = id_van(&k.g, "J 1.9");
    let opl = merge::los_op(&mut k.g, &gemeente(), minuut(30), j19, "status", json!("rood")).unwrap();
    let na = k.g.clone();
    match merge::ongedaan_maken(&mut k.g, &ids) {
        Err(OngedaanFout::Opgevolgd { door, .. }) => assert_eq!(door, opl.id),
        other => panic!("{other:?}"),
    }
    assert_eq!(k.g, na);
    // Undoing twice: the changes are gone already.
    let mut h = voor.clone();
    let ids = merge::toepassen(&mut h, &bestand).unwrap();
    merge::ongedaan_maken(&mut h, &ids).unwrap();
    assert!(matches!(merge::ongedaan_maken(&mut h, &ids), Err(OngedaanFout::Onbekend(_))));
    assert_eq!(h, voor);
}

#[test]
fn undo_is_refused_when_a_later_item_points_into_the_import() {
    let mut k = begin();
    let nieuw = Uuid::new_v4();
    k.e.apply(&elan(), minuut(1), nieuw, ItemSoort::Jaarafspraak, "code", json!("J 2.9")).unwrap();
    let ids = merge::toepassen(&mut k.g, &bestand_van(&k.e, &elan(), minuut(2))).unwrap();
    let v = Uuid::new_v4();
    let c = k.g.apply(&gemeente(), minuut(3), v, ItemSoort::Voortgang, "afspraak", json!(nieuw.to_string())).unwrap();
    let na = k.g.clone();
    assert_eq!(merge::ongedaan_maken(&mut k.g, &ids), Err(OngedaanFout::Verwijst { item: nieuw, door: c.id }));
    assert_eq!(k.g, na);
}

#[test]
fn preview_of_a_resolution_names_the_old_conflict() {
    let mut k = begin();
    zet(&mut k.g, &gemeente(), minuut(1), "J 1.9", "status", json!("rood"));
    zet(&mut k.p, &pre(), minuut(2), "J 1.9", "status", json!("geel"));
    importeer(&mut k.g, &bestand_van(&k.p, &pre(), minuut(3)));
    importeer(&mut k.p, &bestand_van(&k.g, &gemeente(), minuut(4)));
    // P resolves to geel, the value it already shows; G still shows the conflict.
    let j19 = id_van(&k.p, "J 1.9");
    merge::los_op(&mut k.p, &pre(), minuut(5), j19, "status", json!("geel")).unwrap();
    let v = importeer(&mut k.g, &bestand_van(&k.p, &pre(), minuut(6)));
    assert_eq!(v.gewijzigde_velden.len(), 1);
    let g = &v.gewijzigde_velden[0];
    assert_eq!(g.oud, g.nieuw);
    assert_eq!(g.conflict_voor, [json!("geel"), json!("rood")]);
    assert!(k.g.conflicts().is_empty());
}

#[test]
fn los_op_needs_an_existing_item() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let r = merge::los_op(&mut h, &gemeente(), 0, Uuid::from_u128(5), "status", json!("rood"));
    assert_eq!(r, Err(InsertError::AndereWerkruimte));
}

#[test]
fn a_tampered_file_is_previewed_as_refused() {
    let k = begin();
    let mut c = k.g.changes()[0].clone();
    c.waarde = json!("Andere titel");
    let vals = History::from_changes(WR, [c.clone()]).unwrap();
    let v = merge::voorbeeld(Some(&k.g), &vals);
    assert_eq!(v.fout, Some(InsertError::AndereInhoud(c.id)));
    let mut g = k.g.clone();
    assert_eq!(merge::toepassen(&mut g, &vals), Err(InsertError::AndereInhoud(c.id)));
    assert_eq!(g, k.g);
}

#[test]
fn vergelijk_without_merging() {
    let mut k = begin();
    zet(&mut k.p, &pre(), minuut(1), "J 1.9", "status", json!("geel"));
    let vp = notitie(&mut k.p, ItemSoort::Voortgang, &pre(), minuut(2), "J 1.4", "Drie contracten");
    let vg = notitie(&mut k.g, ItemSoort::Reactie, &gemeente(), minuut(2), "J 1.4", "Dank");
    let v = merge::vergelijk(&k.g, &k.p);
    assert_eq!(v.alleen_lokaal.iter().map(|n| n.item).collect::<Vec<_>>(), [vg]);
    assert_eq!(v.alleen_inkomend.iter().map(|n| n.item).collect::<Vec<_>>(), [vp]);
    assert_eq!(v.alleen_inkomend[0].label, "J 1.4");
    assert_eq!(v.verschillen.len(), 1);
    let (item, label, veld, l, i) = &v.verschillen[0];
    assert_eq!((*item, label.as_str(), veld.as_str()), (id_van(&k.g, "J 1.9"), "J 1.9", "status"));
    assert_eq!((l.clone(), i.clone()), (Some(json!("rood")), Some(json!("geel"))));
    assert_eq!(merge::vergelijk(&k.g, &k.g), merge::Vergelijking::default());
}

// ---- Properties over generated histories ----

proptest! {
    #![proptest_config(ProptestConfig { cases: 6_000, ..ProptestConfig::default() })]

    /// After applying, the fields whose view changed are exactly those the preview listed, each
    /// once.
    #[test]
    fn nothing_changes_that_the_preview_did_not_show(
        ops in prop::collection::vec(op(3), 0..50),
        a in 0usize..3,
        b in 0usize..3,
        zonder_lokaal in proptest::bool::weighted(0.1),
    ) {
        let rs = simulate(3, &ops);
        let lokaal = if zonder_lokaal { History::new(rs[a].werkruimte()) } else { rs[a].clone() };
        let v = merge::voorbeeld((!zonder_lokaal).then_some(&lokaal), &rs[b]);
        prop_assert_eq!(v.nieuwe_werkruimte, zonder_lokaal);
        let mut na = lokaal.clone();
        let ids = merge::toepassen(&mut na, &rs[b]).unwrap();
        prop_assert_eq!(&ids, &v.nieuwe_wijzigingen);
        prop_assert_eq!(v.niets_nieuw(), na == lokaal);
        controleer_voorbeeld(&lokaal, &na, &v)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    /// Undo right after applying gives back the identical history, also for imports undone in
    /// reverse order.
    #[test]
    fn undo_right_after_apply_restores_the_history(
        ops in prop::collection::vec(op(4), 0..50),
        a in 0usize..4,
        bs in prop::collection::vec(0usize..4, 1..4),
    ) {
        let rs = simulate(4, &ops);
        let mut h = rs[a].clone();
        let mut stappen = Vec::new();
        for b in bs {
            let voor = h.clone();
            let ids = merge::toepassen(&mut h, &rs[b]).unwrap();
            stappen.push((voor, ids));
        }
        while let Some((voor, ids)) = stappen.pop() {
            merge::ongedaan_maken(&mut h, &ids).unwrap();
            prop_assert_eq!(&h, &voor);
            prop_assert_eq!(h.state_view(), voor.state_view());
        }
        prop_assert_eq!(&h, &rs[a]);
    }
}

#[test]
fn remove_is_the_inverse_of_insert() {
    let h = Voorbeeld::Heemstede.bouw(WR);
    let mut kleiner = h.clone();
    let ids: Vec<Uuid> = h.changes().iter().step_by(3).map(|c| c.id).collect();
    let weg = kleiner.remove(&ids);
    assert_eq!(weg.len(), ids.len());
    assert_eq!(kleiner.len(), h.len() - ids.len());
    let opnieuw = History::from_changes(WR, h.changes().into_iter().filter(|c| !ids.contains(&c.id)).cloned()).unwrap();
    assert_eq!(kleiner, opnieuw);
    for c in weg {
        kleiner.insert(c).unwrap();
    }
    assert_eq!(kleiner, h);
    assert!(kleiner.remove(&[Uuid::from_u128(3)]).is_empty());
}
