//! Placeholder; replaced by the real screen.

use leptos::prelude::*;

#[component]
pub fn Begrippen() -> impl IntoView {
    view! { <h1>"Begrippen"</h1> }
}
