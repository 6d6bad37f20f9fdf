//! Tests of the browser storage (`afsprakenmonitor::storage`) in headless Chromium through
//! wasm-bindgen-test-runner: IndexedDB round trips, two connections, the fallback to memory,
//! a database of a newer version, a full disk, settings, tabs and downloads.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test storage_web`.
//! Every test uses its own database name. On other targets this file compiles to nothing.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use afsprakenmonitor::domain::change::Change;
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::storage::instellingen::{self, Instellingen};
use afsprakenmonitor::storage::tabs::{TabBericht, Tabs};
use afsprakenmonitor::storage::{
    self, persistent, verwijder_database, Opslag, OpslagFoutSoort, OpslagSoort, WerkruimteMeta,
};
use serde_json::{json, Value};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbVersionChangeEvent};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Helpers

/// A database name of its own for each test (and each run).
async fn nieuwe_naam(test: &str) -> String {
    let naam = format!("afsprakenmonitor-test-{test}-{}", Uuid::new_v4());
    verwijder_database(&naam).await.unwrap();
    naam
}

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |klaar, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&klaar, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Runs JavaScript in the page (patching prototypes to simulate failures).
fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code).call0(&JsValue::NULL).unwrap()
}

fn change(werkruimte: Uuid, veld: &str, waarde: Value) -> Change {
    Change {
        id: Uuid::new_v4(),
        werkruimte,
        item: Uuid::new_v4(),
        soort: ItemSoort::Jaarafspraak,
        veld: veld.to_string(),
        waarde,
        tijd: 1_718_000_000_000,
        partij: "Pré Wonen".to_string(),
        auteur: "Els de Vries".to_string(),
        volgt: vec![],
        prive: false,
        gezien: None,
    }
}

fn meta(titel: &str) -> WerkruimteMeta {
    WerkruimteMeta {
        id: Uuid::new_v4(),
        titel: titel.to_string(),
        aangemaakt: 1_700_000_000_000,
        laatste_export: None,
        bewerkingen_sinds_export: 0,
        laatste_import: None,
        verwijderd_op: None,
    }
}

fn op_id(mut v: Vec<Change>) -> Vec<Change> {
    v.sort_by_key(|c| c.id);
    v
}

/// JSON values of every shape, edge cases included.
fn alle_waarden() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(i64::MIN),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(1.5),
        json!(0.1),
        json!(-2.5e-300),
        json!(1.7976931348623157e308),
        json!(""),
        json!("tekst met ë, é, € en 🏠, \"aanhalingstekens\", \\ en\nregels\t"),
        json!("\u{0000}\u{001f}\u{2028}"),
        json!([]),
        json!([1, "a", null, [true, {}], 2.25]),
        json!({}),
        json!({"a": {"b": [1, 2, {"c": null}]}, "leeg": "", "z": -0.5, "ü": "ü"}),
    ]
}

/// Opens `naam` without a version (or with `versie`), creating `store` on upgrade; resolves to
/// the connection. Plain web-sys, beside the code under test.
async fn ruw_open(naam: &str, versie: Option<u32>, store: Option<&'static str>) -> IdbDatabase {
    let fabriek = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let verzoek: IdbOpenDbRequest = match versie {
        Some(v) => fabriek.open_with_u32(naam, v).unwrap(),
        None => fabriek.open(naam).unwrap(),
    };
    let v2 = verzoek.clone();
    let upgrade =
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |_ev: IdbVersionChangeEvent| {
            if let Some(store) = store {
                let db: IdbDatabase = v2.result().unwrap().unchecked_into();
                let s = db.create_object_store(store).unwrap();
                s.put_with_key(&JsValue::from_str("van later"), &JsValue::from_str("sleutel"))
                    .unwrap();
            }
        });
    verzoek.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let v3 = verzoek.clone();
    let p = js_sys::Promise::new(&mut |klaar, mislukt| {
        let v = v3.clone();
        let ok = Closure::once_into_js(move || {
            klaar.call1(&JsValue::NULL, &v.result().unwrap()).unwrap();
        });
        let fout = Closure::once_into_js(move || {
            mislukt.call0(&JsValue::NULL).unwrap();
        });
        v3.set_onsuccess(Some(ok.unchecked_ref()));
        v3.set_onerror(Some(fout.unchecked_ref()));
    });
    let db = JsFuture::from(p).await.expect("ruw openen");
    upgrade.forget();
    db.unchecked_into()
}

fn store_namen(db: &IdbDatabase) -> Vec<String> {
    let namen = db.object_store_names();
    (0..namen.length()).filter_map(|i| namen.item(i)).collect()
}

// ---------------------------------------------------------------------------------------------
// One scenario, run against IndexedDB and against memory: both must behave the same.

async fn scenario(opslag: &Opslag) {
    let w1 = Uuid::new_v4();
    let w2 = Uuid::new_v4();

    // Append and read back, values of every shape.
    let mut eerste: Vec<Change> =
        alle_waarden().into_iter().map(|v| change(w1, "titel", v)).collect();
    eerste[1].volgt = vec![eerste[0].id, Uuid::new_v4()];
    eerste[2].prive = true;
    eerste[3].soort = ItemSoort::Werkruimte;
    let ander = change(w2, "titel", json!("andere werkruimte"));
    opslag.voeg_toe(&eerste).await.unwrap();
    opslag.voeg_toe(std::slice::from_ref(&ander)).await.unwrap();
    let terug = opslag.wijzigingen(w1).await.unwrap();
    assert_eq!(terug, op_id(eerste.clone()), "round trip, ordered by id");
    for (a, b) in terug.iter().zip(op_id(eerste.clone())) {
        // PartialEq of Value treats 0.0 and -0.0 alike; the text must be identical too.
        assert_eq!(serde_json::to_string(a).unwrap(), serde_json::to_string(&b).unwrap());
    }
    assert_eq!(opslag.wijzigingen(w2).await.unwrap(), vec![ander.clone()]);
    assert_eq!(opslag.wijzigingen(Uuid::new_v4()).await.unwrap(), vec![]);
    opslag.voeg_toe(&[]).await.unwrap();

    // Appending a change with an id that exists leaves the stored one as it is.
    let mut zelfde_id = eerste[0].clone();
    zelfde_id.waarde = json!("overschreven?");
    let nieuw = change(w1, "status", json!("op koers"));
    opslag.voeg_toe(&[zelfde_id, nieuw.clone(), nieuw.clone()]).await.unwrap();
    let terug = opslag.wijzigingen(w1).await.unwrap();
    assert_eq!(terug.len(), eerste.len() + 1);
    assert!(terug.contains(&eerste[0]));
    assert!(terug.contains(&nieuw));

    // Remove by id (unknown ids are ignored).
    opslag.verwijder_wijzigingen(&[w1], &[nieuw.id, eerste[4].id, Uuid::new_v4()]).await.unwrap();
    let terug = opslag.wijzigingen(w1).await.unwrap();
    assert_eq!(terug.len(), eerste.len() - 1);
    assert!(!terug.contains(&nieuw) && !terug.contains(&eerste[4]));
    opslag.verwijder_wijzigingen(&[w1], &[]).await.unwrap();

    // Workspace metadata.
    assert_eq!(opslag.werkruimtes().await.unwrap(), vec![]);
    let mut m1 = meta("Heemstede 2024");
    m1.id = w1;
    let mut m2 = meta("Woonzorg");
    m2.id = w2;
    m2.laatste_export = Some(1_710_000_000_000);
    m2.bewerkingen_sinds_export = 7;
    opslag.bewaar_werkruimte(&m1).await.unwrap();
    opslag.bewaar_werkruimte(&m2).await.unwrap();
    let mut verwacht = vec![m1.clone(), m2.clone()];
    verwacht.sort_by_key(|m| m.id);
    assert_eq!(opslag.werkruimtes().await.unwrap(), verwacht);
    // Saving again replaces (soft delete).
    m1.verwijderd_op = Some(1_720_000_000_000);
    m1.titel = "Heemstede 2024 – oud".into();
    opslag.bewaar_werkruimte(&m1).await.unwrap();
    let lijst = opslag.werkruimtes().await.unwrap();
    assert_eq!(lijst.len(), 2);
    assert!(lijst.contains(&m1));

    // Removing a workspace removes its meta and its changes, and only those.
    opslag.verwijder_werkruimte(w1).await.unwrap();
    assert_eq!(opslag.werkruimtes().await.unwrap(), vec![m2.clone()]);
    assert_eq!(opslag.wijzigingen(w1).await.unwrap(), vec![]);
    assert_eq!(opslag.wijzigingen(w2).await.unwrap(), vec![ander]);
    // Removing one that does not exist is fine.
    opslag.verwijder_werkruimte(Uuid::new_v4()).await.unwrap();
}

#[wasm_bindgen_test]
async fn indexeddb_scenario() {
    let naam = nieuwe_naam("scenario").await;
    let opslag = Opslag::open_named(&naam).await;
    assert_eq!(opslag.soort(), OpslagSoort::IndexedDb);
    scenario(&opslag).await;
}

#[wasm_bindgen_test]
async fn geheugen_scenario() {
    let opslag = Opslag::geheugen("Proef");
    assert_eq!(opslag.soort(), OpslagSoort::Geheugen { reden: "Proef".into() });
    scenario(&opslag).await;
}

#[wasm_bindgen_test]
async fn schrijven_met_durability_strict() {
    let naam = nieuwe_naam("durability").await;
    let opslag = Opslag::open_named(&naam).await;
    js("const p = IDBDatabase.prototype; p.__transaction = p.transaction; window.__tx = [];
        p.transaction = function (...a) {
          const tx = p.__transaction.apply(this, a);
          window.__tx.push([a[1] || 'readonly', a[2] && a[2].durability, tx.durability]);
          return tx;
        };");
    opslag.voeg_toe(&[change(Uuid::new_v4(), "a", json!(1))]).await.unwrap();
    opslag.werkruimtes().await.unwrap();
    js("const p = IDBDatabase.prototype; p.transaction = p.__transaction;");
    let tx = js("return JSON.stringify(window.__tx);").as_string().unwrap();
    // Chromium knows `durability`: the transaction reports "strict".
    assert_eq!(tx, r#"[["readwrite","strict","strict"],["readonly",null,"default"]]"#);
}

#[wasm_bindgen_test]
async fn gegevens_blijven_na_opnieuw_openen() {
    let naam = nieuwe_naam("blijven").await;
    let w = Uuid::new_v4();
    let c = change(w, "titel", json!({"tekst": "blijft"}));
    let m = meta("Blijft");
    {
        let opslag = Opslag::open_named(&naam).await;
        opslag.voeg_toe(std::slice::from_ref(&c)).await.unwrap();
        opslag.bewaar_werkruimte(&m).await.unwrap();
    } // dropped: the connection closes
    let opslag = Opslag::open_named(&naam).await;
    assert_eq!(opslag.soort(), OpslagSoort::IndexedDb);
    assert_eq!(opslag.wijzigingen(w).await.unwrap(), vec![c]);
    assert_eq!(opslag.werkruimtes().await.unwrap(), vec![m]);
}

#[wasm_bindgen_test]
async fn twee_verbindingen_zien_elkaars_gegevens() {
    let naam = nieuwe_naam("twee").await;
    let a = Opslag::open_named(&naam).await;
    let b = Opslag::open_named(&naam).await;
    assert_eq!(a.soort(), OpslagSoort::IndexedDb);
    assert_eq!(b.soort(), OpslagSoort::IndexedDb);
    let w = Uuid::new_v4();
    let c1 = change(w, "titel", json!("uit a"));
    a.voeg_toe(std::slice::from_ref(&c1)).await.unwrap();
    assert_eq!(b.wijzigingen(w).await.unwrap(), vec![c1.clone()]);
    let c2 = change(w, "status", json!(["uit", "b"]));
    b.voeg_toe(std::slice::from_ref(&c2)).await.unwrap();
    assert_eq!(a.wijzigingen(w).await.unwrap(), op_id(vec![c1, c2]));
    let m = meta("Gedeeld");
    b.bewaar_werkruimte(&m).await.unwrap();
    assert_eq!(a.werkruimtes().await.unwrap(), vec![m]);
    // Clones share one connection.
    let a2 = a.clone();
    drop(a);
    assert_eq!(a2.wijzigingen(w).await.unwrap().len(), 2);
}

#[wasm_bindgen_test]
async fn schema_met_meta_record() {
    let naam = nieuwe_naam("schema").await;
    drop(Opslag::open_named(&naam).await);
    let db = ruw_open(&naam, None, None).await;
    assert_eq!(db.version() as u32, storage::DB_VERSIE);
    assert_eq!(store_namen(&db), vec!["meta", "opnames", "sinds", "werkruimtes", "wijzigingen"]);
    let stores = js_sys::Array::of2(&"meta".into(), &"wijzigingen".into());
    let tx = db.transaction_with_str_sequence(&stores).unwrap();
    let verzoek = tx.object_store("meta").unwrap().get(&"schema".into()).unwrap();
    let v = verzoek.clone();
    let p = js_sys::Promise::new(&mut |klaar, _| {
        let v = v.clone();
        let ok = Closure::once_into_js(move || {
            klaar.call1(&JsValue::NULL, &v.result().unwrap()).unwrap();
        });
        verzoek.set_onsuccess(Some(ok.unchecked_ref()));
    });
    let schema = JsFuture::from(p).await.unwrap();
    let versie = js_sys::Reflect::get(&schema, &"versie".into()).unwrap();
    assert_eq!(versie.as_f64(), Some(storage::DB_VERSIE as f64));
    let index = tx.object_store("wijzigingen").unwrap().index_names();
    assert!(index.contains("werkruimte"));
    db.close();
}

#[wasm_bindgen_test]
async fn onleesbaar_record_wordt_overgeslagen() {
    let naam = nieuwe_naam("kapot").await;
    let opslag = Opslag::open_named(&naam).await;
    let w = Uuid::new_v4();
    let c = change(w, "titel", json!("goed"));
    opslag.voeg_toe(std::slice::from_ref(&c)).await.unwrap();
    // A broken record, as if written by a buggy version.
    let db = ruw_open(&naam, None, None).await;
    let tx = db
        .transaction_with_str_and_mode("wijzigingen", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let rec = js_sys::Object::new();
    js_sys::Reflect::set(&rec, &"id".into(), &"kapot".into()).unwrap();
    js_sys::Reflect::set(&rec, &"werkruimte".into(), &w.to_string().into()).unwrap();
    js_sys::Reflect::set(&rec, &"json".into(), &"{niet: json".into()).unwrap();
    tx.object_store("wijzigingen").unwrap().put(&rec).unwrap();
    tick(100).await;
    db.close();
    assert_eq!(opslag.wijzigingen(w).await.unwrap(), vec![c]);
}

// ---------------------------------------------------------------------------------------------
// Failures

#[wasm_bindgen_test]
async fn nieuwere_versie_blijft_onaangeroerd() {
    let naam = nieuwe_naam("nieuwer").await;
    // A "newer app" made the database at version 7 with a store of its own.
    ruw_open(&naam, Some(7), Some("toekomst")).await.close();

    let opslag = Opslag::open_named(&naam).await;
    match opslag.soort() {
        OpslagSoort::Geheugen { reden } => {
            assert!(reden.contains("nieuwere versie"), "{reden}");
            assert!(reden.contains("ongemoeid"), "{reden}");
        }
        s => panic!("verwacht geheugen, kreeg {s:?}"),
    }
    // The fallback works.
    let w = Uuid::new_v4();
    let c = change(w, "titel", json!(1));
    opslag.voeg_toe(std::slice::from_ref(&c)).await.unwrap();
    assert_eq!(opslag.wijzigingen(w).await.unwrap(), vec![c]);

    // The database on disk is as the newer app left it.
    let db = ruw_open(&naam, None, None).await;
    assert_eq!(db.version() as u32, 7);
    assert_eq!(store_namen(&db), vec!["toekomst"]);
    db.close();
}

#[wasm_bindgen_test]
async fn database_van_een_ander_valt_terug_op_geheugen() {
    let naam = nieuwe_naam("ander").await;
    // Version 1, but not our stores (another page on file:// with the same name).
    ruw_open(&naam, Some(1), Some("iets anders")).await.close();
    let opslag = Opslag::open_named(&naam).await;
    assert!(matches!(opslag.soort(), OpslagSoort::Geheugen { .. }));
    let db = ruw_open(&naam, None, None).await;
    assert_eq!(store_namen(&db), vec!["iets anders"]);
    db.close();
}

#[wasm_bindgen_test]
async fn volle_schijf_geeft_fout_vol_en_bewaart_niets() {
    let naam = nieuwe_naam("vol").await;
    let opslag = Opslag::open_named(&naam).await;
    let w = Uuid::new_v4();
    let oud = change(w, "titel", json!("al bewaard"));
    opslag.voeg_toe(std::slice::from_ref(&oud)).await.unwrap();

    // The second add of a batch throws, as a full disk does.
    js("const p = IDBObjectStore.prototype;
        p.__add = p.add; p.__put = p.put; let n = 0;
        p.add = function (...a) {
          if (++n === 2) throw new DOMException('vol', 'QuotaExceededError');
          return p.__add.apply(this, a);
        };
        p.put = function () { throw new DOMException('vol', 'QuotaExceededError'); };");
    let batch = vec![change(w, "a", json!(1)), change(w, "b", json!(2)), change(w, "c", json!(3))];
    let fout = opslag.voeg_toe(&batch).await.unwrap_err();
    let fout_meta = opslag.bewaar_werkruimte(&meta("Vol")).await.unwrap_err();
    js("const p = IDBObjectStore.prototype; p.add = p.__add; p.put = p.__put;");

    assert_eq!(fout.soort, OpslagFoutSoort::Vol);
    assert!(fout.bericht.contains("De opslag van de browser is vol"), "{}", fout.bericht);
    assert!(fout.bericht.contains("niet opgeslagen"), "{}", fout.bericht);
    assert!(fout.bericht.contains("Exporteer"), "{}", fout.bericht);
    assert_eq!(fout_meta.soort, OpslagFoutSoort::Vol);
    // Nothing of the batch was kept; what was there stays.
    assert_eq!(opslag.wijzigingen(w).await.unwrap(), vec![oud.clone()]);
    assert_eq!(opslag.werkruimtes().await.unwrap(), vec![]);
    // Afterwards it works again.
    opslag.voeg_toe(&batch).await.unwrap();
    assert_eq!(opslag.wijzigingen(w).await.unwrap().len(), 4);
}

#[wasm_bindgen_test]
async fn afgebroken_transactie_wordt_een_fout() {
    let naam = nieuwe_naam("afgebroken").await;
    let opslag = Opslag::open_named(&naam).await;
    let w = Uuid::new_v4();
    // The browser aborts the transaction after the requests were made (as on a disk error).
    js("const p = IDBObjectStore.prototype; p.__add = p.add;
        p.add = function (...a) {
          const r = p.__add.apply(this, a);
          const tx = this.transaction;
          setTimeout(() => { try { tx.abort(); } catch (e) {} }, 0);
          return r;
        };");
    let uitkomst = opslag.voeg_toe(&[change(w, "a", json!(1))]).await;
    js("const p = IDBObjectStore.prototype; p.add = p.__add;");
    // Either the abort came in time (error) or the commit came first (stored): never both, and
    // never a hang or a panic.
    let bewaard = opslag.wijzigingen(w).await.unwrap();
    match uitkomst {
        Err(_) => assert_eq!(bewaard, vec![]),
        Ok(()) => assert_eq!(bewaard.len(), 1),
    }

    // An abort before the commit can happen: from the request's own success handler.
    js("const p = IDBObjectStore.prototype; p.__add = p.add;
        p.add = function (...a) {
          const r = p.__add.apply(this, a);
          r.addEventListener('success', () => this.transaction.abort());
          return r;
        };");
    let uitkomst = opslag.voeg_toe(&[change(w, "b", json!(2))]).await;
    js("const p = IDBObjectStore.prototype; p.add = p.__add;");
    let fout = uitkomst.unwrap_err();
    assert_eq!(fout.soort, OpslagFoutSoort::Onbekend);
    assert!(fout.bericht.contains("Exporteer"));
    assert!(opslag.wijzigingen(w).await.unwrap().iter().all(|c| c.veld != "b"));
}

#[wasm_bindgen_test]
async fn geblokkeerd_openen_valt_na_3_seconden_terug_op_geheugen() {
    let naam = nieuwe_naam("blokkade").await;
    // A connection that ignores `versionchange`, and a pending delete behind it: every open of
    // this name now waits.
    let oud = ruw_open(&naam, Some(1), Some("oud")).await;
    let fabriek = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let wissen = fabriek.delete_database(&naam).unwrap();

    let begin = storage::nu();
    let opslag = Opslag::open_named(&naam).await;
    let duur = storage::nu() - begin;
    match opslag.soort() {
        OpslagSoort::Geheugen { reden } => assert!(reden.contains("reageert niet"), "{reden}"),
        s => panic!("verwacht geheugen, kreeg {s:?}"),
    }
    assert!((2500..6000).contains(&duur), "gewacht: {duur} ms");

    // Unblock: the delete proceeds, then our late open; it must close itself again, or this
    // delete would stay blocked.
    oud.close();
    tick(200).await;
    drop(wissen);
    verwijder_database(&naam).await.expect("de late verbinding is gesloten");
}

#[wasm_bindgen_test]
async fn nieuwere_versie_in_ander_tabblad_sluit_de_verbinding() {
    let naam = nieuwe_naam("versiewissel").await;
    let opslag = Opslag::open_named(&naam).await;
    assert_eq!(opslag.soort(), OpslagSoort::IndexedDb);
    // A newer app opens version 2: not blocked, because we close on `versionchange`.
    let nieuw = ruw_open(&naam, Some(storage::DB_VERSIE + 1), None).await;
    assert_eq!(nieuw.version() as u32, storage::DB_VERSIE + 1);
    let fout = opslag.wijzigingen(Uuid::new_v4()).await.unwrap_err();
    assert_eq!(fout.soort, OpslagFoutSoort::NieuwereVersie);
    let fout = opslag.voeg_toe(&[change(Uuid::new_v4(), "a", json!(1))]).await.unwrap_err();
    assert_eq!(fout.soort, OpslagFoutSoort::NieuwereVersie);
    assert!(fout.bericht.contains("niet opgeslagen"));
    nieuw.close();
}

// ---------------------------------------------------------------------------------------------
// Settings, tabs, persistence, downloads

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn instellingen_laden_en_bewaren() {
    let ls = local_storage();
    ls.remove_item(instellingen::SLEUTEL).unwrap();
    let standaard = instellingen::laad();
    assert_eq!(standaard, Instellingen::default());
    assert_eq!(standaard.taal, "nl");
    assert_eq!(standaard.herinnering_dagen, 14);
    assert_eq!(standaard.herinnering_bewerkingen, 50);

    let eigen = Instellingen {
        partij: "Huurdersvereniging Heemstede".into(),
        naam: "Jan Jansen".into(),
        taal: "en".into(),
        herinnering_dagen: 7,
        herinnering_bewerkingen: 20,
        actieve_werkruimte: Some(Uuid::new_v4()),
    };
    assert!(instellingen::bewaar(&eigen));
    assert!(ls.get_item(instellingen::SLEUTEL).unwrap().unwrap().contains("Jan Jansen"));
    assert_eq!(instellingen::laad(), eigen);

    for kapot in ["{niet json", "", "null", "[]", "42", "\"tekst\""] {
        ls.set_item(instellingen::SLEUTEL, kapot).unwrap();
        assert_eq!(instellingen::laad(), Instellingen::default(), "{kapot:?}");
    }

    // Missing fields get their default; a field of the wrong type too, the rest is kept.
    ls.set_item(
        instellingen::SLEUTEL,
        r#"{"naam":"Els","herinnering_dagen":"veel","taal":"fr","onbekend":1,"actieve_werkruimte":"geen-uuid"}"#,
    )
    .unwrap();
    let i = instellingen::laad();
    assert_eq!(i.naam, "Els");
    assert_eq!(i.herinnering_dagen, 14);
    assert_eq!(i.taal, "nl");
    assert_eq!(i.actieve_werkruimte, None);
    assert_eq!(i.herinnering_bewerkingen, 50);
    ls.remove_item(instellingen::SLEUTEL).unwrap();
}

#[wasm_bindgen_test]
async fn tabs_zien_elkaars_berichten() {
    let bij_a = Rc::new(RefCell::new(Vec::new()));
    let bij_b = Rc::new(RefCell::new(Vec::new()));
    let a = {
        let bij_a = bij_a.clone();
        Tabs::open(move |b| bij_a.borrow_mut().push(b)).expect("tabs a")
    };
    let b = {
        let bij_b = bij_b.clone();
        Tabs::open(move |b| bij_b.borrow_mut().push(b)).expect("tabs b")
    };
    assert!(a.via_kanaal());
    let w = Uuid::new_v4();
    let bericht = TabBericht::Wijzigingen {
        werkruimte: w,
        wijzigingen: vec![change(w, "titel", json!({"x": [1, 2.5, null]}))],
    };
    a.stuur(&bericht);
    b.stuur(&TabBericht::Werkruimtes);
    for _ in 0..100 {
        if !bij_b.borrow().is_empty() && !bij_a.borrow().is_empty() {
            break;
        }
        tick(10).await;
    }
    assert_eq!(*bij_b.borrow(), vec![bericht]);
    assert_eq!(*bij_a.borrow(), vec![TabBericht::Werkruimtes]);
    // A message of another kind on the channel is ignored.
    let vreemd = web_sys::BroadcastChannel::new(storage::tabs::KANAAL).unwrap();
    vreemd.post_message(&JsValue::from_str("{geen bericht")).unwrap();
    vreemd.post_message(&JsValue::from_f64(3.0)).unwrap();
    tick(100).await;
    assert_eq!(bij_b.borrow().len(), 1);
    vreemd.close();
    drop(a);
    b.stuur(&TabBericht::Werkruimtes);
    tick(100).await;
    assert_eq!(bij_a.borrow().len(), 1, "a listens no more after drop");
}

#[wasm_bindgen_test]
fn tabs_zonder_broadcastchannel_via_localstorage() {
    let venster = web_sys::window().unwrap();
    let kanaal = js_sys::Reflect::get(&venster, &"BroadcastChannel".into()).unwrap();
    js_sys::Reflect::delete_property(&venster, &"BroadcastChannel".into()).unwrap();
    let tabs = Tabs::open(|_| {});
    js_sys::Reflect::set(&venster, &"BroadcastChannel".into(), &kanaal).unwrap();
    let tabs = tabs.expect("tabs via localStorage");
    assert!(!tabs.via_kanaal());
    tabs.stuur(&TabBericht::Werkruimtes);
    assert_eq!(local_storage().get_item(storage::tabs::SLEUTEL).unwrap(), None);
}

#[wasm_bindgen_test]
async fn persistent_opslag() {
    // Chromium answers without a prompt; the answer itself depends on the browser.
    assert!(persistent::is_persistent().await.is_some());
    assert!(persistent::vraag_persistent().await.is_some());
}

#[wasm_bindgen_test]
async fn download_maakt_een_bestand() {
    js("const p = HTMLAnchorElement.prototype; p.__click = p.click;
        p.click = function () { window.__download = { naam: this.download, url: this.href,
          inDocument: document.body.contains(this) }; };");
    storage::download("werkruimte é.json", "{\"a\":\"é\"}", "application/json");
    js("const p = HTMLAnchorElement.prototype; p.click = p.__click;");
    let d = js("return window.__download;");
    let get = |k: &str| js_sys::Reflect::get(&d, &k.into()).unwrap();
    assert_eq!(get("naam").as_string().unwrap(), "werkruimte é.json");
    assert_eq!(get("inDocument").as_bool(), Some(true));
    let url = get("url").as_string().unwrap();
    assert!(url.starts_with("blob:"));
    assert!(web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .query_selector("a[download]")
        .unwrap()
        .is_none());
    // The blob holds the text, with its type.
    let lees = js_sys::Function::new_with_args(
        "url",
        "return fetch(url).then(async r => [await r.text(), r.headers.get('content-type')]);",
    );
    let belofte: js_sys::Promise =
        lees.call1(&JsValue::NULL, &url.into()).unwrap().unchecked_into();
    let antwoord = js_sys::Array::from(&JsFuture::from(belofte).await.unwrap());
    assert_eq!(antwoord.get(0).as_string().unwrap(), "{\"a\":\"é\"}");
    assert!(antwoord.get(1).as_string().unwrap().starts_with("application/json"));
}

#[wasm_bindgen_test]
fn nu_is_de_klok_in_ms() {
    let n = storage::nu();
    assert!(n > 1_700_000_000_000, "{n}");
}

// ---------------------------------------------------------------------------------------------
// The quick start: one record per workspace (opname), plus what was added since.

fn als_set(v: &[Change]) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = v.iter().map(|c| c.id).collect();
    ids.sort();
    ids.dedup();
    ids
}

#[wasm_bindgen_test]
async fn opname_geeft_dezelfde_wijzigingen_als_lezen_een_voor_een() {
    let naam = nieuwe_naam("opname").await;
    let opslag = Opslag::open_named(&naam).await;
    let w = Uuid::new_v4();
    let eerste: Vec<Change> = (0..50).map(|i| change(w, "titel", json!(format!("waarde {i}")))).collect();
    opslag.voeg_toe(&eerste).await.unwrap();
    opslag.voeg_toe(&[change(Uuid::new_v4(), "titel", json!("andere werkruimte"))]).await.unwrap();

    // No opname yet: read one by one, and an opname is offered.
    let geladen = opslag.laad(w).await.unwrap();
    assert_eq!(als_set(&geladen.changes), als_set(&eerste));
    let opname = geladen.nieuwe_opname.expect("an opname to write");
    opslag.bewaar_opname(opname).await.unwrap();

    // With the opname: the same changes, nothing to write.
    let geladen = opslag.laad(w).await.unwrap();
    assert_eq!(als_set(&geladen.changes), als_set(&eerste));
    assert!(geladen.nieuwe_opname.is_none());

    // Changes added since come along, and the next opname takes them up.
    let later = vec![change(w, "status", json!("geel")), change(w, "status", json!("rood"))];
    opslag.voeg_toe(&later).await.unwrap();
    let geladen = opslag.laad(w).await.unwrap();
    let mut alles = eerste.clone();
    alles.extend(later.clone());
    assert_eq!(als_set(&geladen.changes), als_set(&alles));
    let geladen_tekst: Vec<String> = op_id(geladen.changes.clone()).iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    let gelezen_tekst: Vec<String> = opslag.wijzigingen(w).await.unwrap().iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    assert_eq!(geladen_tekst.len(), gelezen_tekst.len(), "as many as reading one by one");
    for (a, b) in geladen_tekst.iter().zip(&gelezen_tekst) {
        assert_eq!(a, b, "identical to reading one by one");
    }
    opslag.bewaar_opname(geladen.nieuwe_opname.expect("new changes")).await.unwrap();
    let geladen = opslag.laad(w).await.unwrap();
    assert_eq!(als_set(&geladen.changes), als_set(&alles));
    assert!(geladen.nieuwe_opname.is_none());

    // The same survives a new connection (a restart).
    drop(opslag);
    let opslag = Opslag::open_named(&naam).await;
    assert_eq!(als_set(&opslag.laad(w).await.unwrap().changes), als_set(&alles));
}

#[wasm_bindgen_test]
async fn ongedaan_gemaakte_import_verdwijnt_ook_uit_de_opname() {
    let naam = nieuwe_naam("opname-ongedaan").await;
    let opslag = Opslag::open_named(&naam).await;
    let w = Uuid::new_v4();
    let basis: Vec<Change> = (0..10).map(|i| change(w, "titel", json!(i))).collect();
    opslag.voeg_toe(&basis).await.unwrap();
    opslag.bewaar_opname(opslag.laad(w).await.unwrap().nieuwe_opname.unwrap()).await.unwrap();
    let import: Vec<Change> = (0..5).map(|i| change(w, "tekst", json!(i))).collect();
    opslag.voeg_toe(&import).await.unwrap();
    // Another tab read the workspace (opname + import) and will write an opname later …
    let oud = opslag.laad(w).await.unwrap().nieuwe_opname.unwrap();
    // … while the import is undone here.
    let ids: Vec<Uuid> = import.iter().map(|c| c.id).collect();
    opslag.verwijder_wijzigingen(&[w], &ids).await.unwrap();
    opslag.bewaar_opname(oud).await.unwrap();
    let geladen = opslag.laad(w).await.unwrap();
    assert_eq!(als_set(&geladen.changes), als_set(&basis), "the undone import does not come back");
    assert_eq!(als_set(&opslag.wijzigingen(w).await.unwrap()), als_set(&basis));
}

#[wasm_bindgen_test]
async fn verwijderde_werkruimte_laat_geen_opname_achter() {
    let naam = nieuwe_naam("opname-weg").await;
    let opslag = Opslag::open_named(&naam).await;
    let w = Uuid::new_v4();
    opslag.voeg_toe(&[change(w, "titel", json!("a"))]).await.unwrap();
    opslag.bewaar_opname(opslag.laad(w).await.unwrap().nieuwe_opname.unwrap()).await.unwrap();
    opslag.voeg_toe(&[change(w, "titel", json!("b"))]).await.unwrap();
    opslag.verwijder_werkruimte(w).await.unwrap();
    let geladen = opslag.laad(w).await.unwrap();
    assert!(geladen.changes.is_empty());
}

#[wasm_bindgen_test]
async fn database_van_versie_1_krijgt_opnames_en_houdt_zijn_wijzigingen() {
    let naam = nieuwe_naam("upgrade").await;
    let w = Uuid::new_v4();
    let c = change(w, "titel", json!("uit versie 1"));
    // Version 1 as the previous release made it, with one stored change.
    let code = format!(
        r#"return new Promise((klaar, mislukt) => {{
            const r = indexedDB.open("{naam}", 1);
            r.onupgradeneeded = () => {{
                const db = r.result;
                db.createObjectStore("werkruimtes", {{ keyPath: "id" }});
                const s = db.createObjectStore("wijzigingen", {{ keyPath: "id" }});
                s.createIndex("werkruimte", "werkruimte");
                db.createObjectStore("meta");
                s.add({{ id: "{id}", werkruimte: "{w}", json: {json} }});
            }};
            r.onsuccess = () => {{ r.result.close(); klaar(); }};
            r.onerror = () => mislukt(r.error);
        }});"#,
        id = c.id,
        json = serde_json::to_string(&serde_json::to_string(&c).unwrap()).unwrap(),
    );
    JsFuture::from(js_sys::Promise::from(js(&code))).await.unwrap();
    let opslag = Opslag::open_named(&naam).await;
    assert_eq!(opslag.soort(), storage::OpslagSoort::IndexedDb);
    let geladen = opslag.laad(w).await.unwrap();
    assert_eq!(geladen.changes, vec![c.clone()]);
    opslag.bewaar_opname(geladen.nieuwe_opname.unwrap()).await.unwrap();
    assert_eq!(opslag.laad(w).await.unwrap().changes, vec![c]);
}
