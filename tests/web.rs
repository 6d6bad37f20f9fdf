//! Smoke test of the library in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! the app mounts and the hash router switches views.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test.sh does this).
//! On other targets this file compiles to nothing.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resolves after `ms` milliseconds (lets the browser run pending renders and events).
async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `selector` matches an element whose text contains `text`; panics after ~5 s.
async fn wait_for_text(selector: &str, text: &str) -> String {
    let mut last = String::new();
    for _ in 0..500 {
        if let Some(el) = document().query_selector(selector).unwrap() {
            last = el.text_content().unwrap_or_default();
            if last.contains(text) {
                return last;
            }
        }
        tick(10).await;
    }
    panic!("{selector} did not show {text:?}; last text: {last:?}");
}

#[wasm_bindgen_test]
async fn app_mounts_and_routes_by_hash() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("").unwrap();

    afsprakenmonitor::ui::start();

    let main = document()
        .query_selector("main#inhoud[data-app-mounted]")
        .unwrap()
        .expect("the app renders <main id=\"inhoud\" data-app-mounted>");
    assert_eq!(main.get_attribute("data-app-mounted").as_deref(), Some("true"));
    wait_for_text("main h1", "Overzicht").await;

    // Setting the hash fires `hashchange`; the router must follow.
    afsprakenmonitor::ui::router::navigate("/afspraken");
    wait_for_text("main h1", "Afspraken").await;
    assert_eq!(window.location().hash().unwrap(), "#/afspraken");

    afsprakenmonitor::ui::router::navigate("/");
    wait_for_text("main h1", "Overzicht").await;
}

#[wasm_bindgen_test]
fn router_reads_the_current_hash() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/afspraken").unwrap();
    assert_eq!(afsprakenmonitor::ui::router::current_path(), "/afspraken");
    window.location().set_hash("").unwrap();
    assert_eq!(afsprakenmonitor::ui::router::current_path(), "/");
}
