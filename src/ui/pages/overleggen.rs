//! Placeholder; replaced by the real screen.

use leptos::prelude::*;

#[component]
pub fn Overleggen(query: Signal<String>) -> impl IntoView {
    let _ = query;
    view! { <h1>"Overleggen"</h1> }
}
