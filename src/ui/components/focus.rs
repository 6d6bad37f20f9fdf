//! Moving keyboard focus after the screen changed (a form opened, an item saved or deleted).
//!
//! A move is planned for the next frame, when the new elements exist. It is skipped when the user
//! has put the focus somewhere else in the meantime: a fast click or Tab into a field is never
//! undone by a move that was planned before it. Of several moves planned for one frame, only the
//! last one is made: it is the one that belongs to what the user did last.

use std::cell::Cell;

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The element that has the focus now, unless that is the page itself.
fn actief() -> Option<web_sys::Element> {
    let d = document()?;
    d.active_element().filter(|el| Some(el) != d.body().as_ref().map(|b| b.as_ref()))
}

thread_local! {
    /// Counts planned moves: a move that is no longer the last one planned is skipped.
    static GEPLAND: Cell<u64> = const { Cell::new(0) };
}

/// Puts the focus on the element with `id` once the screen has been updated, unless the user
/// moved the focus in between (to an element that is still on the page) or a later move was
/// planned.
pub fn focus_straks(id: impl Into<String>) {
    let id: String = id.into();
    let voor = actief();
    let nummer = GEPLAND.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    request_animation_frame(move || {
        if GEPLAND.with(Cell::get) != nummer {
            return;
        }
        let nu = actief();
        let verplaatst = nu.as_ref().is_some_and(|el| el.is_connected() && Some(el) != voor.as_ref());
        if !verplaatst {
            focus(&id);
        }
    });
}

/// Puts the focus on the element with `id` now, and shows it.
pub fn focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view_with_bool(false);
        let _ = el.focus();
    }
}
