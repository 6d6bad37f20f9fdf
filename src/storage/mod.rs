//! Browser storage: workspaces and their changes in IndexedDB ([`Opslag`]), settings in
//! localStorage ([`instellingen`]), messages between tabs ([`tabs`]), persistent storage
//! ([`persistent`]), file downloads for exports ([`download`]) and the documents module that
//! writes Word and Excel files ([`documenten`]).
//!
//! The app is one HTML file opened from `file://`. Chromium shares one IndexedDB and one
//! localStorage among all `file://` pages, so every name starts with "afsprakenmonitor". Firefox
//! keeps storage per file path: the same file opened from another folder starts empty.
//!
//! Every edit is stored as one appended change ([`Opslag::voeg_toe`]); its future resolves only
//! after the transaction's `complete` event, with `durability: "strict"` where the browser knows
//! it. When IndexedDB cannot be used, [`Opslag::open`] returns a store in memory and
//! [`Opslag::soort`] says why, in Dutch, for the user.
//!
//! Database schema (version [`DB_VERSIE`]):
//! - `werkruimtes` (keyPath `id`): `{ id, json }`, `json` = [`WerkruimteMeta`] as JSON;
//! - `wijzigingen` (keyPath `id`, index `werkruimte`): `{ id, werkruimte, json }`, `json` =
//!   [`crate::domain::change::Change`] as JSON;
//! - `meta` (own keys): record `"schema"` = `{ versie, vorige_versie, bijgewerkt }`, and per
//!   workspace `"opname-generatie:<id>"`, changed whenever its opname is dropped;
//! - `opnames` (keyPath `werkruimte`, since version 2): `{ werkruimte, utf8, aantal }`, all
//!   changes of a workspace as one JSON array (UTF-8 bytes), so a start reads one record
//!   ([`Opslag::laad`]); written when the screen is idle ([`Opslag::bewaar_opname`]);
//! - `sinds` (keyPath `id`, index `werkruimte`, since version 2): the changes of small writes
//!   made after the opname (a large write drops the opname instead); emptied by the next opname.
//!
//! `wijzigingen` stays the truth: an opname is a copy that is dropped when changes are removed
//! (undo of an import) or a large batch is added, and then made again from a full read.
//!
//! A database with a newer version than this code knows is never touched.

pub mod documenten;
mod fout;
mod idb;
pub mod instellingen;
mod opslag;
pub mod persistent;
pub mod tabs;

pub use fout::{OpslagFout, OpslagFoutSoort};
pub use idb::verwijder_database;
pub use opslag::{Geladen, NieuweOpname, Opslag, OpslagSoort, WerkruimteMeta, DB_NAAM};

use wasm_bindgen::{JsCast, JsValue};

/// The schema version of the database this code reads and writes.
pub const DB_VERSIE: u32 = idb::VERSIE;

/// The time now, in milliseconds since 1970-01-01 UTC.
pub fn nu() -> i64 {
    js_sys::Date::now() as i64
}

/// Lets the browser save a file: how exports are saved. Failures are logged; use
/// [`probeer_download`] to know about them.
pub fn download(naam: &str, inhoud: &str, mime: &str) {
    if let Err(e) = probeer_download(naam, inhoud, mime) {
        web_sys::console::warn_2(&"Afsprakenmonitor: download mislukt".into(), &e);
    }
}

/// Like [`download`], with the error.
pub fn probeer_download(naam: &str, inhoud: &str, mime: &str) -> Result<(), JsValue> {
    let delen = js_sys::Array::of1(&JsValue::from_str(inhoud));
    let soort = web_sys::BlobPropertyBag::new();
    soort.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&delen, &soort)?;
    download_blob(naam, &blob)
}

/// Lets the browser save a blob as a file (text exports, and the documents module's files).
pub fn download_blob(naam: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let venster = web_sys::window().ok_or(JsValue::UNDEFINED)?;
    let document = venster.document().ok_or(JsValue::UNDEFINED)?;
    let body = document.body().ok_or(JsValue::UNDEFINED)?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;

    let klik = || -> Result<(), JsValue> {
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(naam);
        a.set_hidden(true);
        body.append_child(&a)?;
        a.click();
        a.remove();
        Ok(())
    };
    let uitkomst = klik();
    // Some browsers read the blob after the click returns: free the URL a while later.
    let url_vrij = url.clone();
    let vrijgeven = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url_vrij);
    });
    if venster
        .set_timeout_with_callback_and_timeout_and_arguments_0(vrijgeven.unchecked_ref(), 60_000)
        .is_err()
    {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    uitkomst
}

/// A User Timing mark (`performance.mark`), so the benchmark can see the parts of start-up:
/// storage open, changes read, history built, data shown. Costs nothing the user notices.
pub fn markeer(naam: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(naam);
    }
}

/// Gives the browser the main thread back for `ms` milliseconds (0: until its other work is done).
pub async fn wacht(ms: i32) {
    let belofte = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let gepland = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).is_ok())
            .unwrap_or(false);
        if !gepland {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(belofte).await;
}
