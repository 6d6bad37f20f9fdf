//! Placeholder; replaced by the real screen.

use leptos::prelude::*;

#[component]
pub fn Peilmomenten(query: Signal<String>) -> impl IntoView {
    let _ = query;
    view! { <h1>"Peilmomenten"</h1> }
}
