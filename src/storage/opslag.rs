//! [`Opslag`]: workspaces and their changes in IndexedDB, or in memory when that is not possible.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::Array;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbVersionChangeEvent};

use super::fout::{Handeling, OpslagFout, OpslagFoutSoort};
use super::idb::{self, OpenFout, Transactie, INDEX_WERKRUIMTE, META, OPNAMES, SINDS, WERKRUIMTES, WIJZIGINGEN};
use crate::domain::change::Change;

/// The name of the app's database. Chromium shares one IndexedDB among all `file://` pages, so
/// the name says whose it is.
pub const DB_NAAM: &str = "afsprakenmonitor";

/// Metadata of a workspace kept beside its changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WerkruimteMeta {
    pub id: Uuid,
    pub titel: String,
    /// Milliseconds since 1970-01-01 UTC.
    pub aangemaakt: i64,
    #[serde(default)]
    pub laatste_export: Option<i64>,
    #[serde(default)]
    pub bewerkingen_sinds_export: u32,
    /// When a file was last imported into this workspace (ms).
    #[serde(default)]
    pub laatste_import: Option<i64>,
    /// Set when deleted (soft delete, can be undone for a while).
    #[serde(default)]
    pub verwijderd_op: Option<i64>,
}

/// Where the data goes.
#[derive(Clone, Debug, PartialEq)]
pub enum OpslagSoort {
    IndexedDb,
    /// In memory only: nothing survives a reload.
    Geheugen {
        /// Dutch, plain: why.
        reden: String,
    },
}

const ALLEEN_IN_GEHEUGEN: &str = "Uw werk staat alleen in het geheugen zolang deze pagina open is. \
     Exporteer uw werk voordat u de pagina sluit.";

/// The store of workspaces and changes. Cheap to clone: clones share one connection.
///
/// Records: `werkruimtes` holds `{ id, json }`, `wijzigingen` holds `{ id, werkruimte, json }`;
/// ids are UUID strings and `json` is the serde JSON of [`WerkruimteMeta`] or [`Change`], so a
/// change comes back exactly as it went in. Lists come back ordered by id.
#[derive(Clone)]
pub struct Opslag {
    binnen: Rc<Binnen>,
}

enum Binnen {
    Idb(Verbinding),
    Geheugen { reden: String, data: RefCell<Geheugen> },
}

#[derive(Default)]
struct Geheugen {
    werkruimtes: BTreeMap<Uuid, WerkruimteMeta>,
    wijzigingen: BTreeMap<Uuid, Change>,
}

/// An open connection. It closes itself when another tab opens a newer version (so that tab is
/// not blocked); after that every call fails with a clear message.
struct Verbinding {
    db: IdbDatabase,
    gesloten: Rc<Cell<Option<OpslagFoutSoort>>>,
    _bij_versiewissel: Closure<dyn FnMut(IdbVersionChangeEvent)>,
    _bij_sluiten: Closure<dyn FnMut()>,
}

impl Verbinding {
    fn nieuw(db: IdbDatabase) -> Verbinding {
        let gesloten = Rc::new(Cell::new(None));
        let bij_versiewissel = {
            let db = db.clone();
            let gesloten = gesloten.clone();
            Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |ev: IdbVersionChangeEvent| {
                db.close();
                gesloten.set(Some(if ev.new_version().is_some() {
                    OpslagFoutSoort::NieuwereVersie
                } else {
                    OpslagFoutSoort::Geblokkeerd
                }));
            })
        };
        // `close` fires when the browser closes the connection itself (data wiped, disk error).
        let bij_sluiten = {
            let gesloten = gesloten.clone();
            Closure::<dyn FnMut()>::new(move || {
                if gesloten.get().is_none() {
                    gesloten.set(Some(OpslagFoutSoort::Geblokkeerd));
                }
            })
        };
        db.set_onversionchange(Some(bij_versiewissel.as_ref().unchecked_ref()));
        db.set_onclose(Some(bij_sluiten.as_ref().unchecked_ref()));
        Verbinding { db, gesloten, _bij_versiewissel: bij_versiewissel, _bij_sluiten: bij_sluiten }
    }

    fn db(&self, handeling: Handeling) -> Result<&IdbDatabase, OpslagFout> {
        match self.gesloten.get() {
            Some(soort) => Err(OpslagFout::nieuw(soort, handeling)),
            None => Ok(&self.db),
        }
    }
}

impl Drop for Verbinding {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.set_onclose(None);
        self.db.close();
    }
}

impl Opslag {
    /// Opens the app's database. On any failure returns an in-memory store whose
    /// [`Opslag::soort`] says why. Never panics; gives up after about 3 seconds.
    pub async fn open() -> Opslag {
        Opslag::open_named(DB_NAAM).await
    }

    /// Like [`Opslag::open`] with another database name (tests use their own).
    pub async fn open_named(naam: &str) -> Opslag {
        match idb::open(naam).await {
            Ok(db) => Opslag { binnen: Rc::new(Binnen::Idb(Verbinding::nieuw(db))) },
            Err(fout) => {
                let reden = match &fout {
                    OpenFout::NieuwereVersie => format!(
                        "Een nieuwere versie van de Afsprakenmonitor heeft in deze browser \
                         gegevens opgeslagen. Deze versie laat die gegevens ongemoeid. \
                         {ALLEEN_IN_GEHEUGEN} Gebruik de nieuwe versie om verder te werken \
                         met uw opgeslagen gegevens."
                    ),
                    OpenFout::GeenAntwoord => format!(
                        "De opslag van de browser reageert niet. Misschien is de \
                         Afsprakenmonitor nog open in een ander tabblad. {ALLEEN_IN_GEHEUGEN}"
                    ),
                    OpenFout::NietBeschikbaar(_) => format!(
                        "Deze browser laat de Afsprakenmonitor geen gegevens bewaren, \
                         bijvoorbeeld in een privévenster of door een instelling. \
                         {ALLEEN_IN_GEHEUGEN}"
                    ),
                    OpenFout::AndereVorm => format!(
                        "De opslag van de browser bevat gegevens die de Afsprakenmonitor niet \
                         kent. Deze versie laat die gegevens ongemoeid. {ALLEEN_IN_GEHEUGEN}"
                    ),
                    OpenFout::Mislukt(_) => format!(
                        "De opslag van de browser kon niet worden geopend. {ALLEEN_IN_GEHEUGEN}"
                    ),
                };
                if let OpenFout::NietBeschikbaar(e) | OpenFout::Mislukt(e) = &fout {
                    web_sys::console::warn_2(&"Afsprakenmonitor: opslag niet geopend".into(), e);
                }
                Opslag::geheugen(&reden)
            }
        }
    }

    /// A store in memory only; `reden` (Dutch) says why, for the user.
    pub fn geheugen(reden: &str) -> Opslag {
        Opslag {
            binnen: Rc::new(Binnen::Geheugen {
                reden: reden.to_string(),
                data: RefCell::new(Geheugen::default()),
            }),
        }
    }

    pub fn soort(&self) -> OpslagSoort {
        match &*self.binnen {
            Binnen::Idb(_) => OpslagSoort::IndexedDb,
            Binnen::Geheugen { reden, .. } => OpslagSoort::Geheugen { reden: reden.clone() },
        }
    }

    /// Every workspace, soft-deleted ones included, ordered by id. A record that cannot be read
    /// is skipped (and logged).
    pub async fn werkruimtes(&self) -> Result<Vec<WerkruimteMeta>, OpslagFout> {
        match &*self.binnen {
            Binnen::Geheugen { data, .. } => {
                Ok(data.borrow().werkruimtes.values().cloned().collect())
            }
            Binnen::Idb(v) => {
                let h = Handeling::Lezen;
                let db = v.db(h)?;
                let records =
                    lees(db, WERKRUIMTES, None).await.map_err(|e| OpslagFout::van_js(&e, h))?;
                Ok(uit_records(&records))
            }
        }
    }

    /// Adds or replaces the metadata of a workspace.
    pub async fn bewaar_werkruimte(&self, meta: &WerkruimteMeta) -> Result<(), OpslagFout> {
        match &*self.binnen {
            Binnen::Geheugen { data, .. } => {
                data.borrow_mut().werkruimtes.insert(meta.id, meta.clone());
                Ok(())
            }
            Binnen::Idb(v) => {
                let h = Handeling::Bewaren;
                let db = v.db(h)?;
                let json = json(meta, h)?;
                let id = meta.id.to_string();
                schrijf(db, &[WERKRUIMTES], false, |t| {
                    t.store(WERKRUIMTES)?.put(&idb::record(&[("id", &id), ("json", &json)])?)?;
                    Ok(())
                })
                .await
                .map_err(|e| OpslagFout::van_js(&e, h))
            }
        }
    }

    /// Removes a workspace's metadata and all its changes, in one transaction.
    pub async fn verwijder_werkruimte(&self, id: Uuid) -> Result<(), OpslagFout> {
        match &*self.binnen {
            Binnen::Geheugen { data, .. } => {
                let mut d = data.borrow_mut();
                d.werkruimtes.remove(&id);
                d.wijzigingen.retain(|_, c| c.werkruimte != id);
                Ok(())
            }
            Binnen::Idb(v) => {
                let h = Handeling::Verwijderen;
                let db = v.db(h)?;
                let sleutel = JsValue::from_str(&id.to_string());
                let mut t = Transactie::begin(db, &[WERKRUIMTES, WIJZIGINGEN, OPNAMES, SINDS, META], true)
                    .map_err(|e| OpslagFout::van_js(&e, h))?;
                let mut sleutels = Vec::new();
                t.doe(|| {
                    t.store(WERKRUIMTES)?.delete(&sleutel)?;
                    vergeet_opname(&t, &id)?;
                    for store in [WIJZIGINGEN, SINDS] {
                        let s = t.store(store)?;
                        sleutels.push((s.index(INDEX_WERKRUIMTE)?.get_all_keys_with_key(&sleutel)?, s));
                    }
                    Ok(())
                });
                for (verzoek, store) in sleutels {
                    t.bij_succes(verzoek, move |v| {
                        for k in Array::from(&v.result()?).iter() {
                            store.delete(&k)?;
                        }
                        Ok(())
                    });
                }
                t.klaar().await.map_err(|e| OpslagFout::van_js(&e, h))
            }
        }
    }

    /// The changes of one workspace, ordered by id. A record that cannot be read is skipped (and
    /// logged).
    pub async fn wijzigingen(&self, werkruimte: Uuid) -> Result<Vec<Change>, OpslagFout> {
        match &*self.binnen {
            Binnen::Geheugen { data, .. } => Ok(data
                .borrow()
                .wijzigingen
                .values()
                .filter(|c| c.werkruimte == werkruimte)
                .cloned()
                .collect()),
            Binnen::Idb(v) => {
                let h = Handeling::Lezen;
                let db = v.db(h)?;
                let records = lees(db, WIJZIGINGEN, Some(&werkruimte.to_string()))
                    .await
                    .map_err(|e| OpslagFout::van_js(&e, h))?;
                super::markeer("am-idb");
                Ok(uit_records(&records))
            }
        }
    }

    /// Appends changes in ONE readwrite transaction; resolves after it committed (`complete`).
    /// Changes already present (same id) are left as they are. On an error nothing of the batch
    /// is kept.
    pub async fn voeg_toe(&self, changes: &[Change]) -> Result<(), OpslagFout> {
        if changes.is_empty() {
            return Ok(());
        }
        match &*self.binnen {
            Binnen::Geheugen { data, .. } => {
                let mut d = data.borrow_mut();
                for c in changes {
                    d.wijzigingen.entry(c.id).or_insert_with(|| c.clone());
                }
                Ok(())
            }
            Binnen::Idb(v) => {
                let h = Handeling::Bewaren;
                let db = v.db(h)?;
                // Many changes (an import) are turned into text in parts, with the page free
                // in between; the transaction then adds them all at once.
                let mut records = Vec::with_capacity(changes.len());
                for deel in changes.chunks(2_000) {
                    if !records.is_empty() {
                        super::wacht(0).await;
                    }
                    for c in deel {
                        records.push((c.id.to_string(), c.werkruimte.to_string(), json(c, h)?));
                    }
                }
                // A few changes (edits) also go to `sinds`, so the next start reads them beside the
                // opname. A large batch (an import, a new workspace) makes the opname stale instead:
                // the app writes a new one when it is idle, or the next start reads one by one.
                let groot = records.len() > SINDS_GRENS;
                let werkruimtes: std::collections::BTreeSet<Uuid> = changes.iter().map(|c| c.werkruimte).collect();
                schrijf(db, &[WIJZIGINGEN, SINDS, OPNAMES, META], true, |t| {
                    let store = t.store(WIJZIGINGEN)?;
                    let sinds = t.store(SINDS)?;
                    for (id, werkruimte, json) in &records {
                        let record = idb::record(&[("id", id), ("werkruimte", werkruimte), ("json", json)])?;
                        store.add(&record)?;
                        if !groot {
                            sinds.add(&record)?;
                        }
                    }
                    if groot {
                        for wr in &werkruimtes {
                            vergeet_opname(t, wr)?;
                        }
                    }
                    Ok(())
                })
                .await
                .map_err(|e| OpslagFout::van_js(&e, h))
            }
        }
    }

    /// Removes changes by id (undo of an import) of the workspaces `werkruimtes`. Unknown ids are
    /// ignored.
    pub async fn verwijder_wijzigingen(&self, werkruimtes: &[Uuid], ids: &[Uuid]) -> Result<(), OpslagFout> {
        if ids.is_empty() {
            return Ok(());
        }
        match &*self.binnen {
            Binnen::Geheugen { data, .. } => {
                let mut d = data.borrow_mut();
                for id in ids {
                    d.wijzigingen.remove(id);
                }
                Ok(())
            }
            Binnen::Idb(v) => {
                let h = Handeling::Verwijderen;
                let db = v.db(h)?;
                schrijf(db, &[WIJZIGINGEN, OPNAMES, SINDS, META], false, |t| {
                    let store = t.store(WIJZIGINGEN)?;
                    let sinds = t.store(SINDS)?;
                    for id in ids {
                        store.delete(&JsValue::from_str(&id.to_string()))?;
                        sinds.delete(&JsValue::from_str(&id.to_string()))?;
                    }
                    // Every opname that may hold them is dropped; the next start reads the
                    // changes one by one and writes a new one.
                    for wr in werkruimtes {
                        vergeet_opname(t, wr)?;
                    }
                    Ok(())
                })
                .await
                .map_err(|e| OpslagFout::van_js(&e, h))
            }
        }
    }
}

/// A workspace's changes as read at start-up, and what is needed to make the next start quick.
pub struct Geladen {
    pub changes: Vec<Change>,
    /// A new opname to write when the machine is idle: it was missing, or changes were added
    /// since. `None` when the opname is up to date (or storage is in memory).
    pub nieuwe_opname: Option<NieuweOpname>,
}

impl NieuweOpname {
    /// An opname of changes held in memory (`json`: their JSON array), for the generation read
    /// before they were serialised. The `sinds` records stay: the next start merges them in.
    pub fn uit_geheugen(werkruimte: Uuid, json: String, aantal: usize, generatie: JsValue) -> Self {
        NieuweOpname { werkruimte, json, aantal, sinds: Vec::new(), generatie }
    }
}

/// Up to this many changes in one write go to `sinds` too; a larger write drops the opname.
const SINDS_GRENS: usize = 200;

/// The JSON array of all changes read, with the `sinds` records it takes up.
pub struct NieuweOpname {
    werkruimte: Uuid,
    json: String,
    aantal: usize,
    sinds: Vec<JsValue>,
    generatie: JsValue,
}

impl Opslag {
    /// The changes of one workspace, read for showing it. With an opname (one record with all
    /// changes) this is one read plus the few changes made since; otherwise every change is read
    /// one by one, and [`Geladen::nieuwe_opname`] is the opname to write with
    /// [`Opslag::bewaar_opname`]. A record that cannot be read is skipped (and logged).
    pub async fn laad(&self, werkruimte: Uuid) -> Result<Geladen, OpslagFout> {
        let Binnen::Idb(v) = &*self.binnen else {
            return Ok(Geladen { changes: self.wijzigingen(werkruimte).await?, nieuwe_opname: None });
        };
        let h = Handeling::Lezen;
        let db = v.db(h)?;
        let sleutel = JsValue::from_str(&werkruimte.to_string());
        let fout = |e: JsValue| OpslagFout::van_js(&e, h);
        let t = Transactie::begin(db, &[OPNAMES, SINDS, META], false).map_err(fout)?;
        let opname = t.store(OPNAMES).and_then(|s| s.get(&sleutel)).map_err(fout)?;
        let sinds = t.store(SINDS).and_then(|s| s.index(INDEX_WERKRUIMTE)?.get_all_with_key(&sleutel)).map_err(fout)?;
        let generatie = t.store(META).and_then(|s| s.get(&generatie_sleutel(&werkruimte))).map_err(fout)?;
        t.klaar().await.map_err(fout)?;
        let generatie = generatie.result().unwrap_or(JsValue::UNDEFINED);
        let sinds = Array::from(&sinds.result().map_err(fout)?);
        let sinds_json: Vec<String> = sinds.iter().filter_map(|r| idb::tekst_veld(&r, "json")).collect();
        let sinds_ids: Vec<JsValue> = sinds.iter().filter_map(|r| js_sys::Reflect::get(&r, &"id".into()).ok()).collect();
        // The opname's JSON is stored as UTF-8 bytes: copied into memory as they are.
        let opname_json = opname
            .result()
            .ok()
            .and_then(|r| js_sys::Reflect::get(&r, &"utf8".into()).ok())
            .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
            .and_then(|b| String::from_utf8(b.to_vec()).ok());
        super::markeer("am-idb");

        let uit_opname = opname_json.and_then(|json| Some((serde_json::from_str::<Vec<Change>>(&json).ok()?, json)));
        let (mut changes, json, snel) = match uit_opname {
            Some((changes, json)) => (changes, json, true),
            // Every change one by one: the `sinds` records are among them.
            None => {
                let (changes, json) = self.alles_los(werkruimte, h).await?;
                (changes, json, false)
            }
        };
        if snel && sinds_json.is_empty() {
            return Ok(Geladen { changes, nieuwe_opname: None });
        }
        // Add what came after the opname, and prepare the next one.
        let mut nieuw = json;
        let mut bekend: std::collections::HashSet<Uuid> = changes.iter().map(|c| c.id).collect();
        for j in sinds_json.iter().filter(|_| snel) {
            if let Some(c) = serde_json::from_str::<Change>(j).ok().filter(|c| bekend.insert(c.id)) {
                changes.push(c);
                nieuw.pop(); // the closing ']'
                if nieuw.len() > 1 {
                    nieuw.push(',');
                }
                nieuw.push_str(j);
                nieuw.push(']');
            }
        }
        let aantal = changes.len();
        Ok(Geladen {
            changes,
            nieuwe_opname: Some(NieuweOpname { werkruimte, json: nieuw, aantal, sinds: sinds_ids, generatie }),
        })
    }

    /// The start of a new opname made from changes in memory (after a large import): the
    /// current generation, so the opname is not written when an undo came in between. The caller
    /// adds the JSON with [`NieuweOpname::uit_geheugen`].
    pub async fn opname_generatie(&self, werkruimte: Uuid) -> Result<JsValue, OpslagFout> {
        let Binnen::Idb(v) = &*self.binnen else { return Ok(JsValue::UNDEFINED) };
        let h = Handeling::Lezen;
        let db = v.db(h)?;
        let fout = |e: JsValue| OpslagFout::van_js(&e, h);
        let t = Transactie::begin(db, &[META], false).map_err(fout)?;
        let verzoek = t.store(META).and_then(|s| s.get(&generatie_sleutel(&werkruimte))).map_err(fout)?;
        t.klaar().await.map_err(fout)?;
        Ok(verzoek.result().unwrap_or(JsValue::UNDEFINED))
    }

    /// Every change read one by one (the slow way), with the JSON array of them.
    async fn alles_los(&self, werkruimte: Uuid, h: Handeling) -> Result<(Vec<Change>, String), OpslagFout> {
        let Binnen::Idb(v) = &*self.binnen else { return Ok((Vec::new(), "[]".into())) };
        let db = v.db(h)?;
        let records = lees(db, WIJZIGINGEN, Some(&werkruimte.to_string())).await.map_err(|e| OpslagFout::van_js(&e, h))?;
        let mut json = String::from("[");
        let mut changes = Vec::with_capacity(records.length() as usize);
        for r in records.iter() {
            let Some(j) = idb::tekst_veld(&r, "json") else { continue };
            match serde_json::from_str::<Change>(&j) {
                Ok(c) => {
                    if json.len() > 1 {
                        json.push(',');
                    }
                    json.push_str(&j);
                    changes.push(c);
                }
                Err(_) => web_sys::console::warn_2(&"Afsprakenmonitor: onleesbaar record overgeslagen".into(), &r),
            }
        }
        json.push(']');
        Ok((changes, json))
    }

    /// Writes a workspace's opname and removes the `sinds` records it holds, in one transaction;
    /// skipped when an undo of an import removed changes since it was read.
    pub async fn bewaar_opname(&self, opname: NieuweOpname) -> Result<(), OpslagFout> {
        let Binnen::Idb(v) = &*self.binnen else { return Ok(()) };
        let h = Handeling::Bewaren;
        let db = v.db(h)?;
        let mut t = Transactie::begin(db, &[OPNAMES, SINDS, META], true).map_err(|e| OpslagFout::van_js(&e, h))?;
        let mut generatie = None;
        t.doe(|| {
            generatie = Some(t.store(META)?.get(&generatie_sleutel(&opname.werkruimte))?);
            Ok(())
        });
        if let Some(verzoek) = generatie {
            let opnames = t.store(OPNAMES).map_err(|e| OpslagFout::van_js(&e, h))?;
            let sinds = t.store(SINDS).map_err(|e| OpslagFout::van_js(&e, h))?;
            t.bij_succes(verzoek, move |v| {
                if !js_sys::Object::is(&v.result()?, &opname.generatie) {
                    return Ok(());
                }
                let record = js_sys::Object::new();
                js_sys::Reflect::set(&record, &"werkruimte".into(), &opname.werkruimte.to_string().into())?;
                js_sys::Reflect::set(&record, &"utf8".into(), &js_sys::Uint8Array::from(opname.json.as_bytes()))?;
                js_sys::Reflect::set(&record, &"aantal".into(), &(opname.aantal as f64).into())?;
                opnames.put(&record)?;
                for id in &opname.sinds {
                    sinds.delete(id)?;
                }
                Ok(())
            });
        }
        t.klaar().await.map_err(|e| OpslagFout::van_js(&e, h))
    }
}

/// The `meta` key that counts how often a workspace's opname was dropped.
fn generatie_sleutel(werkruimte: &Uuid) -> JsValue {
    JsValue::from_str(&format!("opname-generatie:{werkruimte}"))
}

/// Drops a workspace's opname (inside a readwrite transaction on `OPNAMES` and `META`), and
/// counts its generation up so an opname being made from an earlier read is not written.
/// Its `sinds` records may stay: they are changes that are still stored, and the next full read
/// takes them up.
fn vergeet_opname(t: &Transactie, werkruimte: &Uuid) -> Result<(), JsValue> {
    t.store(OPNAMES)?.delete(&JsValue::from_str(&werkruimte.to_string()))?;
    t.store(META)?.put_with_key(&JsValue::from_f64(js_sys::Math::random()), &generatie_sleutel(werkruimte))?;
    Ok(())
}

fn json<T: Serialize>(waarde: &T, h: Handeling) -> Result<String, OpslagFout> {
    serde_json::to_string(waarde).map_err(|_| OpslagFout::nieuw(OpslagFoutSoort::Onbekend, h))
}

/// One readwrite transaction on `stores` in which `f` makes the requests.
async fn schrijf(
    db: &IdbDatabase,
    stores: &[&str],
    negeer_bestaande: bool,
    f: impl FnOnce(&Transactie) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let mut t = Transactie::begin(db, stores, true)?;
    if negeer_bestaande {
        t.negeer_bestaande_sleutels();
    }
    t.doe(|| f(&t));
    t.klaar().await
}

/// All records of `store`, or those whose `werkruimte` index equals `werkruimte`.
async fn lees(db: &IdbDatabase, store: &str, werkruimte: Option<&str>) -> Result<Array, JsValue> {
    let t = Transactie::begin(db, &[store], false)?;
    let s = t.store(store)?;
    let verzoek = match werkruimte {
        Some(w) => s.index(INDEX_WERKRUIMTE)?.get_all_with_key(&JsValue::from_str(w))?,
        None => s.get_all()?,
    };
    t.klaar().await?;
    Ok(Array::from(&verzoek.result()?))
}

fn uit_records<T: for<'de> Deserialize<'de>>(records: &Array) -> Vec<T> {
    records
        .iter()
        .filter_map(|r| {
            let gelezen = idb::tekst_veld(&r, "json").and_then(|j| serde_json::from_str(&j).ok());
            if gelezen.is_none() {
                web_sys::console::warn_2(
                    &"Afsprakenmonitor: onleesbaar record overgeslagen".into(),
                    &r,
                );
            }
            gelezen
        })
        .collect()
}
