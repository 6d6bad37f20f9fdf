//! The stoplicht status as icon + word + colour (never colour alone).

use leptos::prelude::*;

use crate::domain::model::Status;
use crate::ui::teksten::t;

pub fn status_woord(s: Status) -> &'static str {
    let a = t().algemeen;
    match s {
        Status::Groen => a.status_groen,
        Status::Geel => a.status_geel,
        Status::Rood => a.status_rood,
        Status::NietBeoordeeld => a.status_niet_beoordeeld,
    }
}

pub fn status_uitleg(s: Status) -> &'static str {
    let a = t().algemeen;
    match s {
        Status::Groen => a.status_groen_uitleg,
        Status::Geel => a.status_geel_uitleg,
        Status::Rood => a.status_rood_uitleg,
        Status::NietBeoordeeld => a.status_niet_beoordeeld_uitleg,
    }
}

pub fn status_klasse(s: Status) -> &'static str {
    match s {
        Status::Groen => "status status-groen",
        Status::Geel => "status status-geel",
        Status::Rood => "status status-rood",
        Status::NietBeoordeeld => "status status-niet-beoordeeld",
    }
}

/// A distinct shape per status, so it also reads in black and white.
fn icoon(s: Status) -> impl IntoView {
    let pad = match s {
        // check mark in a circle
        Status::Groen => "M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0zm3.5 4.8L6.9 9.4 4.6 7.1 3.4 8.3l3.5 3.5 5.8-5.8z",
        // exclamation mark in a triangle
        Status::Geel => "M8 0.8l7.6 14H0.4zM7 6v4.5h2V6zm0 5.8V13.6h2v-1.8z",
        // cross in a square
        Status::Rood => "M1 1h14v14H1zm3.6 2.2L3.2 4.6 6.6 8l-3.4 3.4 1.4 1.4L8 9.4l3.4 3.4 1.4-1.4L9.4 8l3.4-3.4-1.4-1.4L8 6.6z",
        // dashed circle
        Status::NietBeoordeeld => "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 2a5 5 0 1 0 0 10A5 5 0 0 0 8 3zM4.5 7h7v2h-7z",
    };
    view! {
        <svg class="status-icoon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path fill="currentColor" fill-rule="evenodd" d=pad></path>
        </svg>
    }
}

/// A status badge: icon, word, and colour.
#[component]
pub fn StatusLabel(status: Status) -> impl IntoView {
    view! {
        <span class=status_klasse(status) title=status_uitleg(status)>
            {icoon(status)}
            <span>{status_woord(status)}</span>
        </span>
    }
}
