//! Placeholder; replaced by the real screen.

use leptos::prelude::*;

#[component]
pub fn Planning(query: Signal<String>) -> impl IntoView {
    let _ = query;
    view! { <h1>"Planning"</h1> }
}
