//! The user interface: Leptos components that render state and dispatch actions.
//!
//! - [`state`]: the shared state (context) and every action that changes data.
//! - [`router`]: the hash router (`#/…`), so the single file works from `file://`.
//! - [`teksten`]: all UI text, Dutch and English.
//! - [`components`]: shared building blocks (status label, header, messages, text rendering).
//! - [`pages`]: one module per screen.

pub mod components;
pub mod pages;
pub mod router;
pub mod state;
pub mod teksten;

use leptos::prelude::*;

use components::kop::Kop;
use components::meldingen::{Melding, OpslagWaarschuwing};
use components::verplaatst::VerplaatstMelding;
use components::welkom::{VoorbeeldMelding, Welkom};
use components::wie::WieDialoog;
use router::{use_route, Route};
use state::{use_app, AppState};
use teksten::{t, zet_taal, Taal};

/// Mounts the app on the page body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    app.start();
    // Warn before closing while an edit is not stored yet.
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if app.heeft_onopgeslagen() {
            ev.prevent_default();
            ev.set_return_value(t().algemeen.nog_niet_opgeslagen_vraag);
        }
    });
    on_cleanup(move || handle.remove());
    let taal = Memo::new(move |_| Taal::from_code(&app.instellingen.with(|i| i.taal.clone())));
    // Switching the language rebuilds the whole view with the other texts.
    move || {
        let taal = taal.get();
        zet_taal(taal);
        set_html_lang(taal);
        view! { <Shell/> }
    }
}

fn set_html_lang(taal: Taal) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", taal.code());
    }
}

#[component]
fn Shell() -> impl IntoView {
    let app = use_app();
    let route = use_route();
    let a = t().algemeen;
    // Re-render the page when another workspace becomes active, not on every edit.
    let actief = Memo::new(move |_| app.history.with(|h| h.as_ref().map(crate::domain::history::History::werkruimte)));
    let sleutel = Memo::new(move |_| route.with(Route::sleutel));
    let query = Memo::new(move |_| route.with(|r| r.query().to_string()));
    // A new page starts at the top, like a normal link would, without the messages of the page
    // before; the focus goes to its heading, so the next Tab goes into the page.
    Effect::new(move |vorige: Option<String>| {
        let nu = sleutel.get();
        if vorige.is_some_and(|v| v != nu) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            app.nieuwe_pagina();
            components::focus::focus_op_kop();
        }
        nu
    });
    Effect::new(move |_| {
        if app.geladen.get() {
            crate::storage::markeer("am-getoond");
        }
    });
    view! {
        <a class="skiplink" href="#inhoud" on:click=|ev| { ev.prevent_default(); focus_main(); }>{a.naar_inhoud}</a>
        <Kop route=route/>
        <WieDialoog/>
        // `data-gegevens-getoond`: the page shows the stored data (for tests and the benchmark).
        <main id="inhoud" tabindex="-1" data-app-mounted="true" data-gegevens-getoond=move || app.geladen.get().then_some("true")>
            <OpslagWaarschuwing/>
            <VerplaatstMelding/>
            <Welkom/>
            <VoorbeeldMelding/>
            <Melding/>
            {move || {
                if !app.geladen.get() {
                    return view! { <p class="laden">{a.laden}</p> }.into_any();
                }
                let _ = actief.get();
                let _ = sleutel.get();
                pages::pagina(route.get_untracked(), query.into())
            }}
        </main>
    }
}

fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("inhoud"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Sets the document title (WCAG 2.4.2: each view has its own title).
pub fn zet_titel(paginatitel: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&format!("{paginatitel} – {}", t().algemeen.app_naam));
    }
}

/// Waits until the screen has been drawn and the user has had a moment (1.5 s): for work that
/// can wait, such as writing the quick-start copy of a workspace.
pub async fn na_tekenen() {
    wacht(1500).await;
}

/// Gives the browser the main thread back for `ms` milliseconds (0: until its other work is done).
pub async fn wacht(ms: i32) {
    crate::storage::wacht(ms).await;
}
