//! Moving keyboard focus: to an element by id, now or after the screen has been updated, and to
//! the heading of a page that has just opened (so the next Tab goes into the page, not through
//! the menu again).
//!
//! A move after an update is planned for the next frame, when the new elements exist. It is
//! skipped when the user has put the focus somewhere else in the meantime: a fast click or Tab
//! into a field is never undone by a move that was planned before it. Of several planned moves,
//! only the last one is made: it belongs to what the user did last.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The element that has the focus now, unless that is the page itself.
fn actief() -> Option<web_sys::Element> {
    let d = document()?;
    d.active_element().filter(|el| Some(el) != d.body().as_ref().map(|b| b.as_ref()))
}

thread_local! {
    /// Counts planned moves: a move that is no longer the last one planned is skipped.
    static GEPLAND: Cell<u64> = const { Cell::new(0) };
    static NA_NAVIGATIE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Plans a move: its number, to check it is still the last one when its frame comes.
fn plan() -> u64 {
    GEPLAND.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}

fn nog_de_laatste(nummer: u64) -> bool {
    GEPLAND.with(Cell::get) == nummer
}

/// Puts the focus on the element with this id, if it is there.
pub fn focus(id: &str) {
    if let Some(el) = element(id) {
        let _ = el.focus();
    }
}

/// Puts the focus on the element with `id` once the screen has been updated, unless the user
/// moved the focus in between (to an element that is still on the page) or a later move was
/// planned.
pub fn focus_later(id: impl Into<String>) {
    let id: String = id.into();
    let voor = actief();
    let nummer = plan();
    request_animation_frame(move || {
        if !nog_de_laatste(nummer) {
            return;
        }
        let nu = actief();
        let verplaatst = nu.as_ref().is_some_and(|el| el.is_connected() && Some(el) != voor.as_ref());
        if !verplaatst {
            focus(&id);
        }
    });
}

/// The same as [`focus_later`].
pub fn focus_straks(id: impl Into<String>) {
    focus_later(id);
}

/// The page about to open puts the focus on this element instead of its heading (for a link
/// that leads straight to a form field).
pub fn na_navigatie(id: &str) {
    NA_NAVIGATIE.with(|n| *n.borrow_mut() = Some(id.to_string()));
}

/// After a page opened: the focus goes to its heading (the first `h1` in `main`), which gets
/// `tabindex="-1"` so it can hold focus without becoming a Tab stop. Waits for the page to draw
/// its heading (a page may show it once its data is read). Moves planned on the page before are
/// skipped.
pub fn focus_op_kop() {
    let doel = NA_NAVIGATIE.with(|n| n.borrow_mut().take());
    let selector = match &doel {
        Some(id) => format!("#{id}"),
        None => "main h1".to_string(),
    };
    let nummer = plan();
    fn probeer(selector: String, pogingen: u32, nummer: u64) {
        if !nog_de_laatste(nummer) {
            return;
        }
        let kop = document().and_then(|d| d.query_selector(&selector).ok().flatten()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match kop {
            Some(kop) => {
                if !kop.has_attribute("tabindex") && kop.tag_name() == "H1" {
                    let _ = kop.set_attribute("tabindex", "-1");
                }
                let _ = kop.focus();
            }
            None if pogingen > 0 => request_animation_frame(move || probeer(selector, pogingen - 1, nummer)),
            None => {}
        }
    }
    request_animation_frame(move || probeer(selector, 30, nummer));
}
