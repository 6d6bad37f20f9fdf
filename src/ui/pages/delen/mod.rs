//! Placeholder; replaced by the real screen.

use leptos::prelude::*;

#[component]
pub fn Delen() -> impl IntoView {
    view! { <h1>"Delen"</h1> }
}
