//! Partijen: gemeente, woningcorporaties, huurdersorganisaties and partners.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::{Partij, Werkruimte};
use crate::domain::schema::{ItemSoort, PARTIJ_SOORTEN};
use crate::ui::components::begin::Begin;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

use super::formulier::{focus_straks, knop_id, lees, lees_nu, vergelijkbaar, Doel, FormKnoppen, Formulier, ItemKnoppen, Keuze, NieuwKnop, Veld};

const NIEUW_KNOP: &str = "nieuwe-partij";

/// The user's word for a kind of party.
pub fn soort_naam(code: &str) -> &'static str {
    let b = t().beheer;
    match code {
        "gemeente" => b.soort_gemeente,
        "corporatie" => b.soort_corporatie,
        "huurdersorganisatie" => b.soort_huurders,
        "partner" => b.soort_partner,
        _ => "",
    }
}

#[component]
pub fn Partijen() -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let lijst = Memo::new(move |_| lees(app, |h| Werkruimte::new(h).partijen()).unwrap_or_default());
    let bewerk = RwSignal::new(None::<Doel>);
    view! {
        <section aria-labelledby="partijen-kop" id="partijen">
            <h2 id="partijen-kop" tabindex="-1">{b.partijen}</h2>
            {move || lijst.with(Vec::is_empty).then(|| view! { <p>{b.geen_partijen}</p> })}
            <ul class="beheer-lijst" id="partij-lijst">
                <For each=move || lijst.get() key=|p| format!("{p:?}") let:p>
                    <PartijRij p=p bewerk=bewerk/>
                </For>
            </ul>
            <NieuwKnop bewerk=bewerk id=NIEUW_KNOP label=b.nieuwe_partij/>
            {move || (bewerk.get() == Some(Doel::Nieuw)).then(|| view! { <PartijForm id=None bewerk=bewerk/> })}
        </section>
    }
}

#[component]
fn PartijRij(p: Partij, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let id = p.id;
    let open = Memo::new(move |_| bewerk.get() == Some(Doel::Item(id)));
    view! {
        <li class="beheer-item" id=format!("partij-{id}")>
            {move || if open.get() {
                view! { <PartijForm id=Some(id) bewerk=bewerk/> }.into_any()
            } else {
                let kort = (!p.kort.is_empty()).then(|| p.kort.clone());
                view! {
                    <h3>{p.naam.clone()}</h3>
                    <p class="beheer-gegevens">
                        {soort_naam(&p.soort)}
                        {kort.map(|k| view! { " · "{t().beheer.kort}": "{k} })}
                    </p>
                    <ItemKnoppen item=id soort=ItemSoort::Partij naam=p.naam.clone() bewerk=bewerk/>
                }.into_any()
            }}
        </li>
    }
}

#[component]
fn PartijForm(id: Option<Uuid>, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let item = id.unwrap_or_else(Uuid::new_v4);
    let huidig = id.and_then(|id| lees_nu(app, |h| Werkruimte::new(h).partij(id)).flatten());
    let naam = RwSignal::new(huidig.as_ref().map(|p| p.naam.clone()).unwrap_or_default());
    let kort = RwSignal::new(huidig.as_ref().map(|p| p.kort.clone()).unwrap_or_default());
    let soort = RwSignal::new(huidig.as_ref().map(|p| p.soort.clone()).unwrap_or_default());
    let ps = ItemSoort::Partij;
    let waarden = move || vec![("naam", json!(naam.get_untracked().trim())), ("kort", json!(kort.get_untracked().trim())), ("soort", json!(soort.get_untracked()))];
    let begin = Begin::new(if id.is_some() { Beginwaarden::geopend(item, ps, waarden()) } else { Beginwaarden::nieuw(item, ps) });
    let form = Formulier::new(format!("partij-{item}"));
    focus_straks(form.id("naam"));
    let terug = if id.is_some() { knop_id(item) } else { NIEUW_KNOP.to_string() };
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = naam.get_untracked().trim().to_string();
        let s = soort.get_untracked();
        let mut fouten = Vec::new();
        if n.is_empty() {
            fouten.push(("naam", b.naam_nodig.to_string()));
        } else if lees_nu(app, |h| Werkruimte::new(h).partijen().iter().any(|p| p.id != item && vergelijkbaar(&p.naam) == vergelijkbaar(&n))).unwrap_or(false) {
            fouten.push(("naam", b.partij_dubbel.to_string()));
        }
        if !PARTIJ_SOORTEN.contains(&s.as_str()) {
            fouten.push(("soort", b.soort_nodig.to_string()));
        }
        if !form.controleer(fouten) {
            return;
        }
        begin.bewaar(app, &waarden(), b.opgeslagen);
        bewerk.set(None);
        focus_straks(knop_id(item));
    };
    let opties = vec![(String::new(), PARTIJ_SOORTEN.iter().map(|s| (s.to_string(), soort_naam(s).to_string())).collect())];
    let kop = if id.is_some() { b.partij_bewerken } else { b.nieuwe_partij };
    view! {
        <form class="formulier beheer-formulier" on:submit=bewaar novalidate aria-label=kop>
            <h3>{kop}</h3>
            <Veld form=form veld="naam" label=b.naam waarde=naam verplicht=true/>
            <Veld form=form veld="kort" label=b.kort waarde=kort hulp=b.kort_hulp/>
            <Keuze form=form veld="soort" label=b.soort waarde=soort groepen=opties leeg=b.kies verplicht=true/>
            <FormKnoppen bewerk=bewerk terug=terug/>
        </form>
    }
}
