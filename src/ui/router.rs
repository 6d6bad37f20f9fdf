//! A small hash router: the route lives in `location.hash` (`#/…`), so deep links, reload, back
//! and forward work from `file://`, where `pushState` is not allowed.

use leptos::prelude::*;

/// The current hash path without the leading `#`, e.g. `/afspraken`. Empty hash means `/`.
pub fn current_path() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    normalize(&hash)
}

fn normalize(hash: &str) -> String {
    let path = hash.trim_start_matches('#');
    if path.is_empty() {
        "/".to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    }
}

/// A signal holding the current hash path; updated on every `hashchange`.
pub fn use_hash_path() -> ReadSignal<String> {
    let (path, set_path) = signal(current_path());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_path.set(current_path()));
    on_cleanup(move || handle.remove());
    path
}

/// Goes to `path` (e.g. `/afspraken`) by setting the hash, which adds a history entry.
pub fn navigate(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(path);
    }
}
