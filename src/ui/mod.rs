//! The user interface: Leptos components that render state and dispatch actions.

pub mod router;

use leptos::prelude::*;

/// Mounts the app on the page body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let path = router::use_hash_path();
    view! {
        <a class="skiplink" href="#inhoud" on:click=|ev| { ev.prevent_default(); focus_main(); }>"Naar de inhoud"</a>
        <header class="kop">
            <p class="kop-titel">"Afsprakenmonitor"</p>
            <nav aria-label="Hoofdmenu">
                <ul>
                    <li><a href="#/" aria-current=move || (path.get() == "/").then_some("page")>"Overzicht"</a></li>
                    <li><a href="#/afspraken" aria-current=move || path.get().starts_with("/afspraken").then_some("page")>"Afspraken"</a></li>
                </ul>
            </nav>
        </header>
        <main id="inhoud" tabindex="-1" data-app-mounted="true">
            {move || match path.get().as_str() {
                "/" => view! { <h1>"Overzicht"</h1><p>"Welkom bij de Afsprakenmonitor."</p> }.into_any(),
                p if p.starts_with("/afspraken") => view! { <h1>"Afspraken"</h1><p>"Hier komen de afspraken."</p> }.into_any(),
                _ => view! { <h1>"Pagina niet gevonden"</h1><p><a href="#/">"Terug naar het overzicht"</a></p> }.into_any(),
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
