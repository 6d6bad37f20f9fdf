//! Persistent storage: asks the browser not to clear our data when the disk fills up.
//!
//! `navigator.storage.persist()` resolves `false` on `file://` in Chromium; in Firefox it shows a
//! prompt and waits for the user. So: only call [`vraag_persistent`] from a click, never await it
//! at start-up.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether the browser keeps our data persistently; `None` when it cannot say.
pub async fn is_persistent() -> Option<bool> {
    roep("persisted").await
}

/// Asks for persistent storage; `None` when the browser does not support it. Call it from a
/// click handler.
pub async fn vraag_persistent() -> Option<bool> {
    roep("persist").await
}

/// Calls `navigator.storage[methode]()` and awaits its boolean.
async fn roep(methode: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let opslag = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if opslag.is_undefined() || opslag.is_null() {
        return None;
    }
    let functie =
        Reflect::get(&opslag, &JsValue::from_str(methode)).ok()?.dyn_into::<Function>().ok()?;
    let belofte = functie.call0(&opslag).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(belofte).await.ok()?.as_bool()
}
