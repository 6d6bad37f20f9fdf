//! A small hash router: the route lives in `location.hash` (`#/…`), so deep links, reload, back
//! and forward work from `file://`, where `pushState` is not allowed.
//!
//! A route is a path plus an optional query: `#/afspraken?jaar=2024&status=rood`. Filters live in
//! the query so a view can be bookmarked and survives a reload.

use leptos::prelude::*;
use uuid::Uuid;

/// The screens of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Overzicht,
    /// Lists of kader- and jaarafspraken; the query holds the filters.
    Afspraken(String),
    /// One agreement (kader- or jaarafspraak), by id.
    Afspraak(Uuid),
    Planning(String),
    /// Preparing a new year from the year before; the query may hold the year (`jaar=2025`).
    NieuwJaar(String),
    Peilmomenten(String),
    Overleggen(String),
    /// The yearly Monitor; the query holds `jaar` and `stand` (`nu` or a peilmoment id).
    Monitor(String),
    Begrippen,
    /// Managing the data: workspace, parties, themes, indicators; the query may name an
    /// indicator (`indicator=<id>`) or an agreement to add one to (`afspraak=<id>`).
    Beheer(String),
    Uitwisselen,
    Werkruimtes,
    /// Setting up a new workspace in one go: period, parties, themes.
    NieuweWerkruimte,
    /// Agreements from a pasted table or a CSV file.
    Tabel,
    Instellingen,
    NietGevonden,
}

impl Route {
    pub fn parse(path: &str) -> Route {
        let (pad, query) = path.split_once('?').unwrap_or((path, ""));
        let delen: Vec<&str> = pad.trim_matches('/').split('/').filter(|s| !s.is_empty()).collect();
        let q = query.to_string();
        match delen.as_slice() {
            [] => Route::Overzicht,
            ["afspraken"] => Route::Afspraken(q),
            ["afspraak", id] => Uuid::parse_str(id).map(Route::Afspraak).unwrap_or(Route::NietGevonden),
            ["planning"] => Route::Planning(q),
            ["nieuw-jaar"] => Route::NieuwJaar(q),
            ["peilmomenten"] => Route::Peilmomenten(q),
            ["overleggen"] => Route::Overleggen(q),
            ["monitor"] => Route::Monitor(q),
            ["begrippen"] => Route::Begrippen,
            ["beheer"] => Route::Beheer(q),
            ["delen"] => Route::Uitwisselen,
            ["werkruimtes"] => Route::Werkruimtes,
            ["nieuwe-werkruimte"] => Route::NieuweWerkruimte,
            ["tabel"] => Route::Tabel,
            ["instellingen"] => Route::Instellingen,
            _ => Route::NietGevonden,
        }
    }

    /// The route without its query: pages are rebuilt only when this changes, so typing in a
    /// filter (which changes the query) keeps focus.
    pub fn sleutel(&self) -> String {
        match self {
            Route::Afspraak(id) => format!("afspraak/{id}"),
            Route::NieuwJaar(_) => "nieuw-jaar".to_string(),
            Route::NieuweWerkruimte => "nieuwe-werkruimte".to_string(),
            Route::Tabel => "tabel".to_string(),
            r => r.sectie().to_string(),
        }
    }

    /// The query part of the route (filters), empty when none.
    pub fn query(&self) -> &str {
        match self {
            Route::Afspraken(q) | Route::Planning(q) | Route::NieuwJaar(q) | Route::Peilmomenten(q) | Route::Overleggen(q) | Route::Monitor(q) | Route::Beheer(q) => q,
            _ => "",
        }
    }

    /// The first path segment, to mark the current menu item.
    pub fn sectie(&self) -> &'static str {
        match self {
            Route::Overzicht => "",
            Route::Afspraken(_) | Route::Afspraak(_) => "afspraken",
            Route::Planning(_) | Route::NieuwJaar(_) => "planning",
            Route::Peilmomenten(_) => "peilmomenten",
            Route::Overleggen(_) => "overleggen",
            Route::Monitor(_) => "monitor",
            Route::Begrippen => "begrippen",
            Route::Beheer(_) => "beheer",
            Route::Uitwisselen => "delen",
            Route::Werkruimtes | Route::NieuweWerkruimte => "werkruimtes",
            Route::Tabel => "beheer",
            Route::Instellingen => "instellingen",
            Route::NietGevonden => "?",
        }
    }
}

/// The link to an agreement's detail page.
pub fn afspraak_href(id: Uuid) -> String {
    format!("#/afspraak/{id}")
}

/// The current hash path without the leading `#`, e.g. `/afspraken`. Empty hash means `/`.
pub fn current_path() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
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

/// A signal holding the current route; updated on every `hashchange`.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_path()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(Route::parse(&current_path())));
    on_cleanup(move || handle.remove());
    route
}

/// Goes to `path` (e.g. `/afspraken`) by setting the hash, which adds a history entry.
pub fn navigate(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(path);
    }
}

/// Replaces the current history entry (for filter changes while typing).
pub fn replace(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&format!("#{path}"));
    }
}
