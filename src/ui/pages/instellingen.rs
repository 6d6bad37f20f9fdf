//! Settings: who am I (party and name that edits are recorded under), the language (changes at
//! once, asks for nothing else), backup reminders, and the state of the browser storage.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::format::ExportSoort;
use crate::storage::{persistent, OpslagSoort};
use crate::ui::components::datum::tijd_tekst;
use crate::ui::components::meldingen::MeldingHier;
use crate::ui::components::wie::{Wie, WieVelden};
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, vul};


#[component]
pub fn Instellingen() -> impl IntoView {
    let app = use_app();
    let w = t().werkruimtes;
    crate::ui::zet_titel(w.instellingen_titel);
    let huidig = app.instellingen.get_untracked();
    let wie = Wie::new(app);
    let dagen = RwSignal::new(huidig.herinnering_dagen.to_string());
    let bewerkingen = RwSignal::new(huidig.herinnering_bewerkingen.to_string());
    // Who you are: a party is needed for this form only.
    let bewaar_wie = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((partij, naam)) = wie.lees() else { return };
        let mut i = app.instellingen.get_untracked();
        i.partij = partij;
        i.naam = naam;
        app.bewaar_instellingen(i);
        app.info(MeldingSoort::Succes, w.bewaard);
    };
    let bewaar_herinnering = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut i = app.instellingen.get_untracked();
        i.herinnering_dagen = dagen.get_untracked().trim().parse().unwrap_or(i.herinnering_dagen);
        i.herinnering_bewerkingen = bewerkingen.get_untracked().trim().parse().unwrap_or(i.herinnering_bewerkingen);
        app.bewaar_instellingen(i);
        app.info(MeldingSoort::Succes, w.bewaard);
    };
    // The language changes at once, without asking for anything else.
    let kies_taal = move |ev: leptos::ev::Event| {
        let mut i = app.instellingen.get_untracked();
        i.taal = event_target_value(&ev);
        app.bewaar_instellingen(i);
    };
    let persistent_staat = RwSignal::new(None::<Option<bool>>);
    spawn_local(async move { persistent_staat.set(Some(persistent::is_persistent().await)) });
    let vraag_persistent = move |_| {
        spawn_local(async move {
            let r = persistent::vraag_persistent().await;
            persistent_staat.set(Some(r));
        })
    };
    let laatste_export = move || {
        let id = app.history.with(|h| h.as_ref().map(|h| h.werkruimte()))?;
        let m = app.werkruimtes.with(|l| l.iter().find(|m| m.id == id).cloned())?;
        Some(vul(w.laatste_export_van, &[&m.laatste_export.map(tijd_tekst).unwrap_or_else(|| w.nooit.to_string())]))
    };
    view! {
        <h1>{w.instellingen_titel}</h1>
        <Inleiding tekst=w.instellingen_uitleg/>
        <form class="formulier" on:submit=bewaar_wie novalidate id="wie-form">
            <fieldset>
                <legend>{w.wie_titel}</legend>
                <p class="hulptekst">{w.wie_uitleg}</p>
                <WieVelden wie=wie prefix=""/>
            </fieldset>
            <button class="knop" type="submit">{w.bewaren}</button>
            <MeldingHier/>
        </form>
        <div class="veld">
            <label for="taal">{w.taal}</label>
            <p class="hulptekst" id="taal-hulp">{w.taal_uitleg}</p>
            <select id="taal" aria-describedby="taal-hulp" on:change=kies_taal>
                <option value="nl" selected=huidig.taal != "en" lang="nl">"Nederlands"</option>
                <option value="en" selected=huidig.taal == "en" lang="en">"English"</option>
            </select>
        </div>
        <form class="formulier" on:submit=bewaar_herinnering novalidate id="herinnering-form">
            <fieldset>
                <legend>{w.herinneringen_titel}</legend>
                <div class="veld">
                    <label for="herinnering-dagen">{w.herinnering_dagen}</label>
                    <input id="herinnering-dagen" type="number" min="1" max="365" inputmode="numeric" prop:value=move || dagen.get() on:input=move |ev| dagen.set(event_target_value(&ev))/>
                </div>
                <div class="veld">
                    <label for="herinnering-bewerkingen">{w.herinnering_bewerkingen}</label>
                    <input id="herinnering-bewerkingen" type="number" min="1" max="10000" inputmode="numeric" prop:value=move || bewerkingen.get() on:input=move |ev| bewerkingen.set(event_target_value(&ev))/>
                </div>
            </fieldset>
            <button class="knop" type="submit">{w.bewaren}</button>
            <MeldingHier/>
        </form>
        <section aria-labelledby="opslag-kop">
            <h2 id="opslag-kop">{w.opslag_titel}</h2>
            <p id="opslag-soort">{move || match app.opslag_soort.get() {
                Some(OpslagSoort::IndexedDb) => w.opslag_indexeddb.to_string(),
                Some(OpslagSoort::Geheugen { reden }) => vul(w.opslag_geheugen, &[&reden]),
                None => t().algemeen.laden.to_string(),
            }}</p>
            <p id="persistent">{move || match persistent_staat.get() {
                Some(Some(true)) => w.persistent_ja,
                Some(Some(false)) => w.persistent_nee,
                _ => w.persistent_onbekend,
            }}</p>
            {move || (persistent_staat.get() != Some(Some(true))).then(|| view! {
                <button class="knop knop-secundair" type="button" on:click=vraag_persistent>{w.persistent_vragen}</button>
            })}
            <h3>{w.reservekopie_titel}</h3>
            <p>{w.reservekopie_uitleg}</p>
            <p>{laatste_export}</p>
            <button class="knop" type="button" on:click=move |_| app.exporteer(ExportSoort::Reservekopie)
                disabled=move || app.history.with(Option::is_none)>{w.reservekopie_maken}</button>
            <MeldingHier/>
        </section>
    }
}
