//! IndexedDB glue on web-sys: opening with an upgrade path and a time limit, and transactions
//! whose future resolves on `complete` and rejects on `abort`.
//!
//! Every request of a transaction is made synchronously (or from a request's own event
//! handler); the Rust code only awaits the end of the transaction. That keeps transactions alive
//! in every browser, whatever the timing of promises and microtasks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Event, IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransaction, IdbVersionChangeEvent,
};

/// The schema version this code knows. Raise it by one for every new step in [`upgrade`].
pub(crate) const VERSIE: u32 = 2;

pub(crate) const WERKRUIMTES: &str = "werkruimtes";
pub(crate) const WIJZIGINGEN: &str = "wijzigingen";
/// Out-of-line keys; record "schema" says which version wrote the schema, and when.
pub(crate) const META: &str = "meta";
/// Index on `wijzigingen.werkruimte` (and on `sinds.werkruimte`).
pub(crate) const INDEX_WERKRUIMTE: &str = "werkruimte";
/// Since version 2: per workspace one record `{ werkruimte, utf8, aantal }` whose `utf8` holds
/// the JSON array of all its changes at one moment (UTF-8 bytes), read in one go at start-up.
pub(crate) const OPNAMES: &str = "opnames";
/// Since version 2: `{ id, werkruimte, json }` of every change appended after the workspace's
/// opname; emptied when the opname is written anew.
pub(crate) const SINDS: &str = "sinds";

/// How long opening may take before we give up and keep everything in memory.
const OPEN_WACHTTIJD_MS: i32 = 3000;
/// Rejection value of the open promise when the time is up.
const GEEN_ANTWOORD: &str = "afsprakenmonitor:geen-antwoord";

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase` seen through the three-argument `transaction(stores, mode, options)`,
    /// which web-sys only offers behind `web_sys_unstable_apis`. Browsers that do not know an
    /// option (such as `durability`) ignore it.
    type DbMetOpties;

    #[wasm_bindgen(catch, method, js_name = transaction)]
    fn transaction(
        this: &DbMetOpties,
        stores: &Array,
        mode: &str,
        options: &Object,
    ) -> Result<IdbTransaction, JsValue>;
}

/// Why opening did not give a database.
pub(crate) enum OpenFout {
    /// `indexedDB` is missing or refused.
    NietBeschikbaar(JsValue),
    /// The database on disk has a newer version than [`VERSIE`]; it was not touched.
    NieuwereVersie,
    /// No answer in time: blocked by another tab, or the browser hangs.
    GeenAntwoord,
    /// The database opened but lacks the stores this code needs.
    AndereVorm,
    Mislukt(JsValue),
}

/// Opens (and if needed creates or upgrades) the database `naam`.
pub(crate) async fn open(naam: &str) -> Result<IdbDatabase, OpenFout> {
    let venster = web_sys::window().ok_or(OpenFout::NietBeschikbaar(JsValue::UNDEFINED))?;
    let fabriek = match venster.indexed_db() {
        Ok(Some(f)) => f,
        Ok(None) => return Err(OpenFout::NietBeschikbaar(JsValue::UNDEFINED)),
        Err(e) => return Err(OpenFout::NietBeschikbaar(e)),
    };
    let verzoek = fabriek.open_with_u32(naam, VERSIE).map_err(OpenFout::NietBeschikbaar)?;

    let (belofte, klaar, mislukt) = belofte();
    let opgegeven = Rc::new(Cell::new(false));

    let bij_upgrade = {
        let verzoek = verzoek.clone();
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |ev: IdbVersionChangeEvent| {
            let db = verzoek.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let (Some(db), Some(tx)) = (db, verzoek.transaction()) {
                if let Err(e) = upgrade(&db, &tx, ev.old_version() as u32) {
                    web_sys::console::warn_2(&"Afsprakenmonitor: upgrade mislukt".into(), &e);
                    let _ = tx.abort();
                }
            }
        })
    };
    let bij_succes = {
        let verzoek = verzoek.clone();
        let opgegeven = opgegeven.clone();
        let klaar = klaar.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Ok(db) = verzoek.result() else { return };
            if opgegeven.get() {
                // Too late: we already went on without it. Close, so others are not blocked.
                db.unchecked_into::<IdbDatabase>().close();
            } else {
                let _ = klaar.call1(&JsValue::NULL, &db);
            }
        })
    };
    let bij_fout = {
        let verzoek = verzoek.clone();
        let mislukt = mislukt.clone();
        Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            ev.prevent_default();
            let fout = verzoek.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = mislukt.call1(&JsValue::NULL, &fout);
        })
    };
    let bij_blokkade = Closure::<dyn FnMut()>::new(|| {
        web_sys::console::warn_1(&"Afsprakenmonitor: opslag wacht op een ander tabblad".into());
    });
    let bij_tijd = {
        let opgegeven = opgegeven.clone();
        Closure::<dyn FnMut()>::new(move || {
            opgegeven.set(true);
            let _ = mislukt.call1(&JsValue::NULL, &JsValue::from_str(GEEN_ANTWOORD));
        })
    };
    verzoek.set_onupgradeneeded(Some(bij_upgrade.as_ref().unchecked_ref()));
    verzoek.set_onsuccess(Some(bij_succes.as_ref().unchecked_ref()));
    verzoek.set_onerror(Some(bij_fout.as_ref().unchecked_ref()));
    verzoek.set_onblocked(Some(bij_blokkade.as_ref().unchecked_ref()));
    let wekker = venster
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            bij_tijd.as_ref().unchecked_ref(),
            OPEN_WACHTTIJD_MS,
        )
        .ok();

    let uitkomst = JsFuture::from(belofte).await;
    if let Some(w) = wekker {
        venster.clear_timeout_with_handle(w);
    }
    drop(bij_tijd);
    if opgegeven.get() {
        // The request may still answer later; its handlers must stay callable.
        bij_upgrade.forget();
        bij_succes.forget();
        bij_fout.forget();
        bij_blokkade.forget();
        return Err(OpenFout::GeenAntwoord);
    }
    verzoek.set_onupgradeneeded(None);
    verzoek.set_onsuccess(None);
    verzoek.set_onerror(None);
    verzoek.set_onblocked(None);

    match uitkomst {
        Ok(db) => {
            let db: IdbDatabase = db.unchecked_into();
            let namen = db.object_store_names();
            if [WERKRUIMTES, WIJZIGINGEN, META, OPNAMES, SINDS].iter().all(|n| namen.contains(n)) {
                Ok(db)
            } else {
                db.close();
                Err(OpenFout::AndereVorm)
            }
        }
        Err(e) if super::fout::fout_naam(&e) == "VersionError" => Err(OpenFout::NieuwereVersie),
        Err(e) => Err(OpenFout::Mislukt(e)),
    }
}

/// Creates or migrates the schema from version `oud` to [`VERSIE`], one step per version, inside
/// the `versionchange` transaction. A database written by an older version is brought up to date
/// here; its records stay as they are unless a step rewrites them.
fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, oud: u32) -> Result<(), JsValue> {
    if oud < 1 {
        let sleutel_id = IdbObjectStoreParameters::new();
        sleutel_id.set_key_path(&JsValue::from_str("id"));
        db.create_object_store_with_optional_parameters(WERKRUIMTES, &sleutel_id)?;
        let wijzigingen =
            db.create_object_store_with_optional_parameters(WIJZIGINGEN, &sleutel_id)?;
        wijzigingen.create_index_with_str(INDEX_WERKRUIMTE, "werkruimte")?;
        db.create_object_store(META)?;
    }
    if oud < 2 {
        // A quick read at start-up: one record per workspace instead of one per change. Existing
        // workspaces get theirs the first time they are opened.
        let sleutel_werkruimte = IdbObjectStoreParameters::new();
        sleutel_werkruimte.set_key_path(&JsValue::from_str("werkruimte"));
        db.create_object_store_with_optional_parameters(OPNAMES, &sleutel_werkruimte)?;
        let sleutel_id = IdbObjectStoreParameters::new();
        sleutel_id.set_key_path(&JsValue::from_str("id"));
        let sinds = db.create_object_store_with_optional_parameters(SINDS, &sleutel_id)?;
        sinds.create_index_with_str(INDEX_WERKRUIMTE, "werkruimte")?;
    }
    // A later version adds its step here, e.g.:
    // if oud < 3 { let w = tx.object_store(WIJZIGINGEN)?; w.create_index_with_str("tijd", "tijd")?; }
    let schema = Object::new();
    Reflect::set(&schema, &"versie".into(), &VERSIE.into())?;
    Reflect::set(&schema, &"vorige_versie".into(), &oud.into())?;
    Reflect::set(&schema, &"bijgewerkt".into(), &js_sys::Date::now().into())?;
    tx.object_store(META)?.put_with_key(&schema, &"schema".into())?;
    Ok(())
}

/// A promise with its resolve and reject functions.
fn belofte() -> (Promise, Function, Function) {
    let mut functies = None;
    let p = Promise::new(&mut |klaar, mislukt| functies = Some((klaar, mislukt)));
    // The executor runs synchronously, so `functies` is set; the fallback is never used.
    let (klaar, mislukt) =
        functies.unwrap_or_else(|| (Function::new_no_args(""), Function::new_no_args("")));
    (p, klaar, mislukt)
}

/// One transaction. Make every request before awaiting [`Transactie::klaar`].
pub(crate) struct Transactie {
    tx: IdbTransaction,
    einde: Promise,
    /// The error that made us abort, if it was ours (a throw in our own code).
    eigen_fout: Rc<RefCell<Option<JsValue>>>,
    _bij_einde: Closure<dyn FnMut(Event)>,
    bij_fout: Option<Closure<dyn FnMut(Event)>>,
    bij_succes: Vec<(IdbRequest, Closure<dyn FnMut()>)>,
}

impl Transactie {
    /// Starts a transaction on `stores`; a writing one with `durability: "strict"`, so
    /// `complete` means the data is on disk.
    pub(crate) fn begin(
        db: &IdbDatabase,
        stores: &[&str],
        schrijven: bool,
    ) -> Result<Transactie, JsValue> {
        let namen: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let opties = Object::new();
        let modus = if schrijven {
            Reflect::set(&opties, &"durability".into(), &"strict".into())?;
            "readwrite"
        } else {
            "readonly"
        };
        let tx = db.unchecked_ref::<DbMetOpties>().transaction(&namen, modus, &opties)?;

        let (einde, klaar, mislukt) = belofte();
        let bij_einde = {
            let tx = tx.clone();
            Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
                if ev.type_() == "complete" {
                    let _ = klaar.call0(&JsValue::NULL);
                } else {
                    let fout = tx.error().map(JsValue::from).unwrap_or_else(|| "AbortError".into());
                    let _ = mislukt.call1(&JsValue::NULL, &fout);
                }
            })
        };
        tx.set_oncomplete(Some(bij_einde.as_ref().unchecked_ref()));
        tx.set_onabort(Some(bij_einde.as_ref().unchecked_ref()));
        Ok(Transactie {
            tx,
            einde,
            eigen_fout: Rc::new(RefCell::new(None)),
            _bij_einde: bij_einde,
            bij_fout: None,
            bij_succes: Vec::new(),
        })
    }

    pub(crate) fn store(&self, naam: &str) -> Result<IdbObjectStore, JsValue> {
        self.tx.object_store(naam)
    }

    /// A request that fails with `ConstraintError` (an `add` of a key that exists) does not
    /// abort the transaction: the record that is there stays as it is.
    pub(crate) fn negeer_bestaande_sleutels(&mut self) {
        let bij_fout = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            let naam = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map(|e| e.name());
            if naam.as_deref() == Some("ConstraintError") {
                ev.prevent_default();
                ev.stop_propagation();
            }
        });
        self.tx.set_onerror(Some(bij_fout.as_ref().unchecked_ref()));
        self.bij_fout = Some(bij_fout);
    }

    /// Runs `f`, which makes requests. If it throws, the transaction is aborted (nothing of it is
    /// kept) and [`Transactie::klaar`] returns that error.
    pub(crate) fn doe(&self, f: impl FnOnce() -> Result<(), JsValue>) {
        if let Err(e) = f() {
            self.breek_af(e);
        }
    }

    /// Calls `f` when `verzoek` succeeds (still inside the transaction, so `f` may make more
    /// requests). If `f` throws, the transaction is aborted.
    pub(crate) fn bij_succes(
        &mut self,
        verzoek: IdbRequest,
        f: impl Fn(&IdbRequest) -> Result<(), JsValue> + 'static,
    ) {
        let tx = self.tx.clone();
        let eigen_fout = self.eigen_fout.clone();
        let v = verzoek.clone();
        let handler = Closure::<dyn FnMut()>::new(move || {
            if let Err(e) = f(&v) {
                eigen_fout.borrow_mut().get_or_insert(e);
                let _ = tx.abort();
            }
        });
        verzoek.set_onsuccess(Some(handler.as_ref().unchecked_ref()));
        self.bij_succes.push((verzoek, handler));
    }

    fn breek_af(&self, fout: JsValue) {
        self.eigen_fout.borrow_mut().get_or_insert(fout);
        let _ = self.tx.abort();
    }

    /// Waits for the end of the transaction: `Ok` after `complete`, the error after `abort`.
    pub(crate) async fn klaar(self) -> Result<(), JsValue> {
        if let Some(e) = self.eigen_fout.borrow().clone() {
            return Err(e);
        }
        let uitkomst = JsFuture::from(self.einde.clone()).await;
        if let Some(e) = self.eigen_fout.borrow().clone() {
            return Err(e);
        }
        uitkomst.map(|_| ())
    }
}

impl Drop for Transactie {
    fn drop(&mut self) {
        // If the future was dropped early, the browser must not call the closures we free.
        self.tx.set_oncomplete(None);
        self.tx.set_onabort(None);
        if self.bij_fout.is_some() {
            self.tx.set_onerror(None);
        }
        for (verzoek, _) in &self.bij_succes {
            verzoek.set_onsuccess(None);
        }
    }
}

/// A plain object with string fields, as stored in a record.
pub(crate) fn record(velden: &[(&str, &str)]) -> Result<JsValue, JsValue> {
    let o = Object::new();
    for (k, v) in velden {
        Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v))?;
    }
    Ok(o.into())
}

/// The string field `veld` of a record, if it is one.
pub(crate) fn tekst_veld(record: &JsValue, veld: &str) -> Option<String> {
    Reflect::get(record, &JsValue::from_str(veld)).ok()?.as_string()
}

/// Deletes the database `naam` (tests and a future "wipe everything"). Resolves when done;
/// fails when another connection keeps it blocked for longer than the open time limit.
pub async fn verwijder_database(naam: &str) -> Result<(), JsValue> {
    let venster = web_sys::window().ok_or(JsValue::UNDEFINED)?;
    let fabriek = venster.indexed_db()?.ok_or(JsValue::UNDEFINED)?;
    let verzoek: IdbOpenDbRequest = fabriek.delete_database(naam)?;
    let (belofte, klaar, mislukt) = belofte();
    let bij_succes = Closure::<dyn FnMut()>::new(move || {
        let _ = klaar.call0(&JsValue::NULL);
    });
    let bij_fout = {
        let mislukt = mislukt.clone();
        let verzoek = verzoek.clone();
        Closure::<dyn FnMut()>::new(move || {
            let fout = verzoek.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = mislukt.call1(&JsValue::NULL, &fout);
        })
    };
    let bij_tijd = Closure::<dyn FnMut()>::new(move || {
        let _ = mislukt.call1(&JsValue::NULL, &JsValue::from_str(GEEN_ANTWOORD));
    });
    verzoek.set_onsuccess(Some(bij_succes.as_ref().unchecked_ref()));
    verzoek.set_onerror(Some(bij_fout.as_ref().unchecked_ref()));
    let wekker = venster.set_timeout_with_callback_and_timeout_and_arguments_0(
        bij_tijd.as_ref().unchecked_ref(),
        OPEN_WACHTTIJD_MS,
    )?;
    let uitkomst = JsFuture::from(belofte).await;
    venster.clear_timeout_with_handle(wekker);
    if uitkomst.is_ok() {
        verzoek.set_onsuccess(None);
        verzoek.set_onerror(None);
    } else {
        // Still pending: keep the handlers callable.
        bij_succes.forget();
        bij_fout.forget();
    }
    uitkomst.map(|_| ())
}
