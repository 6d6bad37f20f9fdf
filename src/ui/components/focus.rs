//! Moving keyboard focus: to an element by id, now or after the screen has been updated, and to
//! the heading of a page that has just opened (so the next Tab goes into the page, not through
//! the menu again).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Puts the focus on the element with this id, if it is there.
pub fn focus(id: &str) {
    if let Some(el) = element(id) {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the element with this id, after the screen has been updated.
pub fn focus_later(id: impl Into<String>) {
    let id: String = id.into();
    request_animation_frame(move || focus(&id));
}

thread_local! {
    static NA_NAVIGATIE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The page about to open puts the focus on this element instead of its heading (for a link
/// that leads straight to a form field).
pub fn na_navigatie(id: &str) {
    NA_NAVIGATIE.with(|n| *n.borrow_mut() = Some(id.to_string()));
}

/// After a page opened: the focus goes to its heading (the first `h1` in `main`), which gets
/// `tabindex="-1"` so it can hold focus without becoming a Tab stop. Waits for the page to draw
/// its heading (a page may show it once its data is read).
pub fn focus_op_kop() {
    let doel = NA_NAVIGATIE.with(|n| n.borrow_mut().take());
    let selector = match &doel {
        Some(id) => format!("#{id}"),
        None => "main h1".to_string(),
    };
    fn probeer(selector: String, pogingen: u32) {
        let kop = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match kop {
            Some(kop) => {
                if !kop.has_attribute("tabindex") && kop.tag_name() == "H1" {
                    let _ = kop.set_attribute("tabindex", "-1");
                }
                let _ = kop.focus();
            }
            None if pogingen > 0 => request_animation_frame(move || probeer(selector, pogingen - 1)),
            None => {}
        }
    }
    request_animation_frame(move || probeer(selector, 30));
}
