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
use super::idb::{self, OpenFout, Transactie, INDEX_WERKRUIMTE, WERKRUIMTES, WIJZIGINGEN};
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

const ALLEEN_IN_GEHEUGEN: &str = "Uw werk blijft alleen bewaard zolang deze pagina open is. \
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
                         gegevens bewaard. Deze versie laat die gegevens ongemoeid. \
                         {ALLEEN_IN_GEHEUGEN} Gebruik de nieuwe versie om verder te werken \
                         met uw bewaarde gegevens."
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
                let mut t = Transactie::begin(db, &[WERKRUIMTES, WIJZIGINGEN], true)
                    .map_err(|e| OpslagFout::van_js(&e, h))?;
                let mut sleutels = None;
                t.doe(|| {
                    t.store(WERKRUIMTES)?.delete(&sleutel)?;
                    let wijzigingen = t.store(WIJZIGINGEN)?;
                    sleutels =
                        Some(wijzigingen.index(INDEX_WERKRUIMTE)?.get_all_keys_with_key(&sleutel)?);
                    Ok(())
                });
                if let Some(verzoek) = sleutels {
                    let wijzigingen =
                        t.store(WIJZIGINGEN).map_err(|e| OpslagFout::van_js(&e, h))?;
                    t.bij_succes(verzoek, move |v| {
                        for k in Array::from(&v.result()?).iter() {
                            wijzigingen.delete(&k)?;
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
                let mut records = Vec::with_capacity(changes.len());
                for c in changes {
                    records.push((c.id.to_string(), c.werkruimte.to_string(), json(c, h)?));
                }
                schrijf(db, &[WIJZIGINGEN], true, |t| {
                    let store = t.store(WIJZIGINGEN)?;
                    for (id, werkruimte, json) in &records {
                        store.add(&idb::record(&[
                            ("id", id),
                            ("werkruimte", werkruimte),
                            ("json", json),
                        ])?)?;
                    }
                    Ok(())
                })
                .await
                .map_err(|e| OpslagFout::van_js(&e, h))
            }
        }
    }

    /// Removes changes by id (undo of an import). Unknown ids are ignored.
    pub async fn verwijder_wijzigingen(&self, ids: &[Uuid]) -> Result<(), OpslagFout> {
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
                schrijf(db, &[WIJZIGINGEN], false, |t| {
                    let store = t.store(WIJZIGINGEN)?;
                    for id in ids {
                        store.delete(&JsValue::from_str(&id.to_string()))?;
                    }
                    Ok(())
                })
                .await
                .map_err(|e| OpslagFout::van_js(&e, h))
            }
        }
    }
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
