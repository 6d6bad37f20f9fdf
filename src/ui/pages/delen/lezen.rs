//! Reading a chosen or dropped file in slices, so a large file shows progress and the page stays
//! responsive, and small helpers to give the browser a moment between heavy steps.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How much of the file is read per step (bytes).
const BLOK: f64 = 1024.0 * 1024.0;

/// Why a file could not be read.
pub enum LeesFout {
    /// The browser could not read it (e.g. a network drive went away).
    Lezen,
    /// The bytes are not UTF-8 text.
    GeenTekst,
}

/// Reads the whole file as UTF-8 text, one slice at a time. `voortgang` gets the part read so
/// far (0.0–1.0) after each slice; between slices the browser can update the screen.
pub async fn lees_tekst(bestand: &web_sys::File, mut voortgang: impl FnMut(f64)) -> Result<String, LeesFout> {
    let totaal = bestand.size();
    let mut bytes: Vec<u8> = Vec::with_capacity(totaal as usize);
    let mut positie = 0.0;
    while positie < totaal {
        let eind = (positie + BLOK).min(totaal);
        let deel = bestand.slice_with_f64_and_f64(positie, eind).map_err(|_| LeesFout::Lezen)?;
        let buffer = JsFuture::from(deel.array_buffer()).await.map_err(|_| LeesFout::Lezen)?;
        let rij = js_sys::Uint8Array::new(&buffer);
        let begin = bytes.len();
        bytes.resize(begin + rij.length() as usize, 0);
        rij.copy_to(&mut bytes[begin..]);
        positie = eind;
        voortgang(positie / totaal);
        pauze().await;
    }
    String::from_utf8(bytes).map_err(|_| LeesFout::GeenTekst)
}

/// Lets the browser handle events and run pending updates (a `setTimeout(0)` task).
pub async fn pauze() {
    let belofte = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let gepland = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok())
            .unwrap_or(false);
        if !gepland {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(belofte).await;
}

/// Waits until the browser has drawn the screen once (or at most 100 ms, e.g. in a hidden tab),
/// so a progress message is visible before a step that keeps the page busy.
pub async fn pauze_voor_scherm() {
    let belofte = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let na_tekenen = resolve.clone();
        let venster = w.clone();
        let terug = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = venster.set_timeout_with_callback_and_timeout_and_arguments_0(&na_tekenen, 0);
        });
        let _ = w.request_animation_frame(terug.unchecked_ref());
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = JsFuture::from(belofte).await;
}

pub use crate::ui::components::focus::focus;
