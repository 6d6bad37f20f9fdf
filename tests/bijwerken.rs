//! Files and stored data of older format versions: the committed exports of the Heemstede example
//! in format 1 and 2 (`tests/data/`, each with a delete and two peilmomenten made before
//! peilmomenten had a year) import, get each peilmoment's year as the screen used to guess it,
//! and merge with a format-3 copy of the same workspace without news or conflicts. Stored data of
//! before is brought up to date with the very same changes.

use std::collections::BTreeSet;

use afsprakenmonitor::domain::bijwerken::{self, naar_formaat_3, werk_bij};
use afsprakenmonitor::domain::change::{Actor, Change, Tijd};
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{self, Bestand, ExportSoort, VERSIE};
use afsprakenmonitor::domain::formulier::schrijf;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::merge;
use afsprakenmonitor::domain::model::Werkruimte;
use afsprakenmonitor::domain::report;
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::domain::time::parse_datum;
use afsprakenmonitor::domain::validate::{lees_bestand_met_history, FoutSoort};
use proptest::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

const V1: &str = include_str!("data/heemstede-formaat-1.json");
const V2: &str = include_str!("data/heemstede-formaat-2.json");

fn t(n: i64) -> Tijd {
    parse_datum("2025-06-01").unwrap() + n * 60_000
}

fn lees(tekst: &str) -> (Bestand, History) {
    lees_bestand_met_history(tekst).expect("an older file reads")
}

/// The changes of a file as they were stored by an app of that version (nothing added).
fn ruwe_changes(tekst: &str) -> Vec<Change> {
    let v: Value = serde_json::from_str(tekst).unwrap();
    serde_json::from_value(v["wijzigingen"].clone()).unwrap()
}

fn peil(h: &History, naam: &str) -> Uuid {
    Werkruimte::new(h).peilmomenten().into_iter().find(|p| p.naam == naam).unwrap().id
}

fn export(h: &History) -> String {
    format::to_json(&format::export(h, ExportSoort::Uitwisseling, &Actor::new("Gemeente Heemstede", "Test"), t(100)))
}

#[test]
fn the_committed_files_are_of_the_older_versions() {
    for (tekst, versie) in [(V1, 1), (V2, 2)] {
        let v: Value = serde_json::from_str(tekst).unwrap();
        assert_eq!(v["versie"], json!(versie));
        assert!(v["wijzigingen"].as_array().unwrap().iter().all(|c| !(c["soort"] == "peilmoment" && c["veld"] == "jaar")));
    }
    assert!(V2.contains("\"gezien\""), "format 2 records what a delete saw");
    assert!(!V1.contains("\"gezien\""));
}

#[test]
fn older_files_import_with_the_year_of_each_peilmoment() {
    for tekst in [V1, V2] {
        let (b, h) = lees(tekst);
        assert_eq!(b.versie, VERSIE);
        let w = Werkruimte::new(&h);
        // Frozen the 2024 jaarafspraken: 2024. Frozen every year: no one year.
        let voorjaar = w.peilmoment(peil(&h, "Voorjaarsoverleg 2025"));
        assert_eq!((voorjaar.jaar, voorjaar.ronde.as_str()), (Some(2024), ""));
        let alle = w.peilmoment(peil(&h, "Stand alle jaren"));
        assert_eq!(alle.jaar, None);
        assert!(h.fields_of(alle.id).contains(&"jaar"), "written as null: brought up to date");
        // The added changes are in the file's list too (they are new to a copy that lacks them).
        assert_eq!(b.wijzigingen.len(), ruwe_changes(tekst).len() + 2);
        assert!(b.wijzigingen.iter().filter(|c| c.veld == "jaar" && c.soort == ItemSoort::Peilmoment).all(|c| c.auteur == bijwerken::AUTEUR));
        // Nothing left to do.
        assert!(naar_formaat_3(&h).is_empty());
    }
    // The format-2 file is the same workspace, worked on after the app went to format 2: one
    // delete more, which records what it saw.
    let (_, mut een) = lees(V1);
    let (_, twee) = lees(V2);
    let vb = merge::voorbeeld(Some(&een), &twee);
    assert_eq!(vb.nieuwe_wijzigingen.len(), 1);
    assert!(vb.conflicten.is_empty() && vb.verwijder_conflicten.is_empty());
    merge::toepassen(&mut een, &twee).unwrap();
    assert_eq!(een.state_view(), twee.state_view());
    // A delete of format 1 (no `gezien`) still hides its item.
    let w = Werkruimte::new(&twee);
    assert!(!w.begrippen().iter().any(|b| b.term == "Friends-contracten"));
}

#[test]
fn stored_data_of_before_gets_the_same_changes_as_a_file() {
    let (_, uit_bestand) = lees(V2);
    // What the app of format 2 stored in IndexedDB: the changes as they were.
    let wr = uit_bestand.werkruimte();
    let mut opgeslagen = History::from_changes(wr, ruwe_changes(V2)).unwrap();
    let nieuw = werk_bij(&mut opgeslagen);
    assert_eq!(nieuw.len(), 2);
    assert_eq!(opgeslagen, uit_bestand, "the same changes, the same ids");
    assert!(werk_bij(&mut opgeslagen).is_empty(), "once");
}

#[test]
fn an_older_file_merges_with_a_format_3_copy_of_the_same_workspace() {
    // A party brought its copy to format 3 and worked on: a peilmoment with year and round,
    // voortgang with its round, the year 2025 prepared.
    let (_, mut nieuw) = lees(V2);
    let a = Actor::new("Gemeente Heemstede", "Beleidsmedewerker");
    let p = Uuid::new_v4();
    let s = ItemSoort::Peilmoment;
    let standen = report::peilmoment_standen(&nieuw, Some(2025));
    schrijf(&mut nieuw, &a, t(1), vec![(p, s, "naam", json!("Voorjaar 2025")), (p, s, "datum", json!("2025-06-01")), (p, s, "jaar", json!(2025)), (p, s, "ronde", json!("voorjaar")), (p, s, "standen", standen)], false);
    let plan = afsprakenmonitor::domain::jaarcyclus::Plan::voorgesteld(2025, &afsprakenmonitor::domain::jaarcyclus::kandidaten_uit(&nieuw, &Werkruimte::new(&nieuw).jaarafspraken(), 2025));
    let b = afsprakenmonitor::domain::jaarcyclus::bewerkingen(&nieuw, &plan);
    schrijf(&mut nieuw, &a, t(2), b, false);
    let v3 = export(&nieuw);
    assert!(v3.contains(&format!("\"versie\": {VERSIE}")), "exported in the current format");

    for oud in [V1, V2] {
        // The old file into the format-3 copy: nothing new, nothing in conflict.
        let (_, oud_h) = lees(oud);
        let vb = merge::voorbeeld(Some(&nieuw), &oud_h);
        assert!(vb.fout.is_none());
        assert!(vb.niets_nieuw(), "{:?}", vb.nieuwe_wijzigingen.len());
        assert!(vb.conflicten.is_empty() && vb.verwijder_conflicten.is_empty());
        // The format-3 file into a copy made from the old file: only the new work, no conflict.
        let (_, mut kopie) = lees(oud);
        let (_, inkomend) = lees(&v3);
        let vb = merge::voorbeeld(Some(&kopie), &inkomend);
        assert!(vb.fout.is_none());
        assert!(vb.conflicten.is_empty() && vb.verwijder_conflicten.is_empty(), "{:?}", vb.conflicten);
        assert!(vb.nieuwe_items.iter().any(|n| n.item == p));
        merge::toepassen(&mut kopie, &inkomend).unwrap();
        assert_eq!(kopie.state_view(), nieuw.state_view());
    }
}

#[test]
fn a_newer_version_is_refused_and_a_tampered_upgrade_is_named() {
    let te_nieuw = V2.replacen("\"versie\": 2", &format!("\"versie\": {}", VERSIE + 1), 1);
    let f = lees_bestand_met_history(&te_nieuw).unwrap_err();
    assert_eq!(f.soort, FoutSoort::NieuwereVersie);
    // A format-2 file that already holds the id the upgrade makes, with other content.
    let (_, h) = lees(V2);
    let echte = naar_formaat_3(&History::from_changes(h.werkruimte(), ruwe_changes(V2)).unwrap());
    let mut v: Value = serde_json::from_str(V2).unwrap();
    let mut vals = serde_json::to_value(&echte[0]).unwrap();
    vals["veld"] = json!("naam");
    vals["waarde"] = json!("Een andere naam");
    v["wijzigingen"].as_array_mut().unwrap().push(vals);
    let f = lees_bestand_met_history(&v.to_string()).unwrap_err();
    assert_eq!(f.soort, FoutSoort::DubbeleId);
    assert!(f.bericht.contains("bijgewerkt"), "{f}");
}

/// A format-2 file of a history: no peilmoment has a year.
fn als_formaat_2(h: &History) -> String {
    let mut b = format::export(h, ExportSoort::Reservekopie, &Actor::default(), t(50));
    b.versie = 2;
    format::to_json(&b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Peilmomenten of any year, private or not, deleted or not, made before format 3: upgrade,
    /// export, import gives the same workspace; reading the old file again adds nothing.
    #[test]
    fn upgrade_then_export_then_import_is_stable(peilen in prop::collection::vec((0usize..3, any::<bool>(), any::<bool>()), 0..5)) {
        let wr = Uuid::from_u128(0xb1);
        let mut h = Voorbeeld::Heemstede.bouw(wr);
        let a = Actor::new("Pré Wonen", "Adviseur");
        for (i, (jaar, prive, weg)) in peilen.iter().enumerate() {
            let p = Uuid::from_u128(1000 + i as u128);
            let standen = report::peilmoment_standen(&h, [Some(2024), Some(2025), None][*jaar]);
            let s = ItemSoort::Peilmoment;
            schrijf(&mut h, &a, t(i as i64), vec![(p, s, "naam", json!(format!("P{i}"))), (p, s, "datum", json!("2025-05-01")), (p, s, "standen", standen)], *prive);
            if *weg {
                schrijf(&mut h, &a, t(i as i64 + 10), vec![(p, s, "verwijderd", json!(true))], false);
            }
        }
        let oud = als_formaat_2(&h);
        let (_, bijgewerkt) = lees_bestand_met_history(&oud).unwrap();
        prop_assert_eq!(bijgewerkt.len(), h.len() + peilen.len());
        let opnieuw = format::to_json(&format::export(&bijgewerkt, ExportSoort::Reservekopie, &Actor::default(), t(60)));
        let (b3, terug) = lees_bestand_met_history(&opnieuw).unwrap();
        prop_assert_eq!(&terug, &bijgewerkt);
        prop_assert_eq!(b3.wijzigingen.len(), bijgewerkt.len());
        let mut kopie = terug.clone();
        let (_, weer) = lees_bestand_met_history(&oud).unwrap();
        prop_assert_eq!(merge::toepassen(&mut kopie, &weer).unwrap(), Vec::<Uuid>::new());
        // The years are those the old screen guessed.
        let w = Werkruimte::new(&terug);
        for (i, (jaar, _, _)) in peilen.iter().enumerate() {
            let p = w.peilmoment(Uuid::from_u128(1000 + i as u128));
            prop_assert_eq!(p.jaar, [Some(2024), Some(2025), None][*jaar]);
        }
        let ids: BTreeSet<Uuid> = terug.changes().iter().map(|c| c.id).collect();
        prop_assert_eq!(ids.len(), terug.len());
    }
}
