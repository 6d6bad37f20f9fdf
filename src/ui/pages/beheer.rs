//! Beheer (manage data): the workspace itself, partijen, thema's and subthema's, indicatoren with
//! their metingen; create, edit, delete (with undo), and items deleted earlier to put back.
//!
//! `#/beheer?indicator=<id>` scrolls to one indicator; `#/beheer?afspraak=<id>` opens the form
//! for a new indicator of that agreement.

mod formulier;
mod indicatoren;
mod partijen;
mod themas;
mod verwijderd;
mod werkruimte;

pub(crate) use formulier::{
    focus_straks, knop_id, lees, lees_nu, vergelijkbaar, Doel, FormKnoppen, Formulier, ItemKnoppen, NieuwKnop, Ongedaan, OngedaanBalk,
    Veld,
};
pub(crate) use indicatoren::indicator_kop_id;
pub(crate) use verwijderd::Verwijderd;

use leptos::prelude::*;
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::ui::teksten::t;

/// The link to an indicator on the Beheer page.
pub fn indicator_href(id: Uuid) -> String {
    format!("#/beheer?indicator={id}")
}

/// The link that opens the form for a new indicator of an agreement.
pub fn nieuwe_indicator_href(afspraak: Uuid) -> String {
    format!("#/beheer?afspraak={afspraak}")
}

fn query_id(query: &str, sleutel: &str) -> Option<Uuid> {
    query.split('&').filter_map(|p| p.split_once('=')).find(|(k, _)| *k == sleutel).and_then(|(_, v)| Uuid::parse_str(v).ok())
}

#[component]
pub fn Beheer(query: Signal<String>) -> impl IntoView {
    let b = t().beheer;
    crate::ui::zet_titel(b.pagina_titel);
    Ongedaan::geef();
    let voor_afspraak = query.with_untracked(|q| query_id(q, "afspraak"));
    // Go to the indicator named in the link, once it is on screen.
    Effect::new(move |_| {
        if let Some(id) = query.with(|q| query_id(q, "indicator")) {
            request_animation_frame(move || formulier::ga_naar(&indicator_kop_id(id)));
        }
    });
    let inhoud = [
        ("#werkruimte", b.werkruimte),
        ("#partijen", b.partijen),
        ("#themas", b.themas),
        ("#subthemas", b.subthemas),
        ("#indicatoren", b.indicatoren),
    ];
    view! {
        <h1>{b.pagina_titel}</h1>
        <Inleiding tekst=b.uitleg/>
        <nav aria-label=b.op_deze_pagina class="inhoudsopgave niet-afdrukken">
            <ul>
                {inhoud.into_iter().map(|(href, label)| {
                    let doel = href.trim_start_matches('#');
                    view! {
                        <li><a href=href on:click=move |ev| { ev.prevent_default(); formulier::ga_naar(&format!("{doel}-kop")); }>{label}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <OngedaanBalk/>
        <werkruimte::WerkruimteGegevens/>
        <partijen::Partijen/>
        <themas::Themas/>
        <themas::Subthemas/>
        <indicatoren::Indicatoren voor_afspraak=voor_afspraak/>
        <Verwijderd/>
    }
}
