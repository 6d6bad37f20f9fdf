//! The page header: app name, active workspace, who am I, save state, and the main menu.

use leptos::prelude::*;

use crate::domain::model::Werkruimte;
use crate::ui::components::meldingen::OpslaanIndicator;
use crate::ui::router::Route;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

#[component]
pub fn Kop(route: ReadSignal<Route>) -> impl IntoView {
    let app = use_app();
    let a = t().algemeen;
    let titel = move || app.history.with(|h| h.as_ref().map(|h| Werkruimte::new(h).info().titel));
    let wie = move || {
        let i = app.instellingen.get();
        if i.partij.is_empty() {
            None
        } else if i.naam.is_empty() {
            Some(i.partij)
        } else {
            Some(format!("{} ({})", i.naam, i.partij))
        }
    };
    let menu = [
        ("#/", "", a.nav_overzicht),
        ("#/afspraken", "afspraken", a.nav_afspraken),
        ("#/planning", "planning", a.nav_planning),
        ("#/peilmomenten", "peilmomenten", a.nav_peilmomenten),
        ("#/monitor", "monitor", t().rapport.titel),
        ("#/overleggen", "overleggen", a.nav_overleggen),
        ("#/begrippen", "begrippen", a.nav_begrippen),
        ("#/delen", "delen", a.nav_uitwisselen),
        ("#/beheer", "beheer", t().beheer.nav),
        ("#/werkruimtes", "werkruimtes", a.nav_werkruimtes),
        ("#/instellingen", "instellingen", a.nav_instellingen),
    ];
    view! {
        <header class="kop">
            <div class="kop-regel">
                <p class="kop-titel">
                    <span>{a.app_naam}</span>
                    {move || titel().map(|t| view! { <span class="visueel-verborgen">": "</span><span class="kop-werkruimte">{t}</span> })}
                </p>
                <div class="kop-status">
                    <p class="kop-wie">
                        {move || match wie() {
                            Some(w) => view! { <span>{a.ingelogd_als}" "<a href="#/instellingen">{w}</a></span> }.into_any(),
                            None => view! { <a href="#/instellingen" class="kop-wie-leeg">{a.wie_bent_u}</a> }.into_any(),
                        }}
                    </p>
                    <OpslaanIndicator/>
                </div>
            </div>
            <nav aria-label=a.hoofdmenu class="niet-afdrukken">
                <ul>
                    {menu.into_iter().map(|(href, sectie, label)| view! {
                        <li>
                            <a href=href aria-current=move || (route.get().sectie() == sectie).then_some("page")>{label}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}
