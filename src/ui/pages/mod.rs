//! One module per screen. [`pagina`] picks the screen for a route.

pub mod afspraak;
pub mod afspraken;
pub mod begrippen;
pub mod beheer;
pub mod delen;
pub mod instellingen;
pub mod monitor;
pub mod nieuw_jaar;
pub mod overleggen;
pub mod overzicht;
pub mod peilmomenten;
pub mod tabel;
pub mod nieuwe_werkruimte;
pub mod planning;
pub mod werkruimtes;

use leptos::prelude::*;

use crate::ui::router::Route;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

/// The view for a route.
pub fn pagina(route: Route, query: Signal<String>) -> AnyView {
    let heeft_werkruimte = use_app().history.with_untracked(Option::is_some);
    let nodig = !matches!(route, Route::Werkruimtes | Route::NieuweWerkruimte | Route::Instellingen | Route::Uitwisselen | Route::NietGevonden);
    if nodig && !heeft_werkruimte {
        return view! { <GeenWerkruimte/> }.into_any();
    }
    match route {
        Route::Overzicht => view! { <overzicht::Overzicht/> }.into_any(),
        Route::Afspraken(_) => view! { <afspraken::Afspraken query=query/> }.into_any(),
        Route::Afspraak(id) => view! { <afspraak::Afspraak id=id/> }.into_any(),
        Route::Planning(_) => view! { <planning::Planning query=query/> }.into_any(),
        Route::NieuwJaar(_) => view! { <nieuw_jaar::NieuwJaar query=query/> }.into_any(),
        Route::Peilmomenten(_) => view! { <peilmomenten::Peilmomenten query=query/> }.into_any(),
        Route::Overleggen(_) => view! { <overleggen::Overleggen query=query/> }.into_any(),
        Route::Monitor(_) => view! { <monitor::MonitorPagina query=query/> }.into_any(),
        Route::Begrippen => view! { <begrippen::Begrippen/> }.into_any(),
        Route::Beheer(_) => view! { <beheer::Beheer query=query/> }.into_any(),
        Route::Uitwisselen => view! { <delen::Delen/> }.into_any(),
        Route::Werkruimtes => view! { <werkruimtes::Werkruimtes/> }.into_any(),
        Route::NieuweWerkruimte => view! { <nieuwe_werkruimte::NieuweWerkruimte/> }.into_any(),
        Route::Tabel => view! { <tabel::TabelPagina/> }.into_any(),
        Route::Instellingen => view! { <instellingen::Instellingen/> }.into_any(),
        Route::NietGevonden => view! { <NietGevonden/> }.into_any(),
    }
}

#[component]
fn GeenWerkruimte() -> impl IntoView {
    let a = t().algemeen;
    crate::ui::zet_titel(a.app_naam);
    view! {
        <h1>{a.app_naam}</h1>
        <p>{a.geen_werkruimte}</p>
        <p><a href="#/werkruimtes">{a.nav_werkruimtes}</a></p>
    }
}

#[component]
fn NietGevonden() -> impl IntoView {
    let a = t().algemeen;
    crate::ui::zet_titel(a.niet_gevonden);
    view! {
        <h1>{a.niet_gevonden}</h1>
        <p><a href="#/">{a.terug_overzicht}</a></p>
    }
}
