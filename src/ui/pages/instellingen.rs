//! Settings: who am I (party and name that edits are recorded under), language, backup
//! reminders, and the state of the browser storage.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::format::ExportSoort;
use crate::domain::model::Werkruimte;
use crate::storage::{persistent, OpslagSoort};
use crate::ui::components::datum::tijd_tekst;
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, vul};

const ANDERS: &str = "__anders__";

#[component]
pub fn Instellingen() -> impl IntoView {
    let app = use_app();
    let w = t().werkruimtes;
    crate::ui::zet_titel(w.instellingen_titel);
    let huidig = app.instellingen.get_untracked();
    let partijen: Vec<String> = app
        .history
        .with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).partijen().into_iter().map(|p| p.naam).collect()))
        .unwrap_or_default();
    let bekend = partijen.contains(&huidig.partij);
    let keuze = RwSignal::new(if huidig.partij.is_empty() { String::new() } else if bekend { huidig.partij.clone() } else { ANDERS.to_string() });
    let anders = RwSignal::new(if bekend { String::new() } else { huidig.partij.clone() });
    let naam = RwSignal::new(huidig.naam.clone());
    let taal = RwSignal::new(huidig.taal.clone());
    let dagen = RwSignal::new(huidig.herinnering_dagen.to_string());
    let bewerkingen = RwSignal::new(huidig.herinnering_bewerkingen.to_string());
    let fout = RwSignal::new(false);
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = keuze.get_untracked();
        let partij = if k == ANDERS { anders.get_untracked().trim().to_string() } else { k };
        if partij.is_empty() {
            fout.set(true);
            return;
        }
        fout.set(false);
        let mut i = app.instellingen.get_untracked();
        i.partij = partij;
        i.naam = naam.get_untracked().trim().to_string();
        i.herinnering_dagen = dagen.get_untracked().trim().parse().unwrap_or(i.herinnering_dagen);
        i.herinnering_bewerkingen = bewerkingen.get_untracked().trim().parse().unwrap_or(i.herinnering_bewerkingen);
        let taal_wissel = i.taal != taal.get_untracked();
        i.taal = taal.get_untracked();
        app.bewaar_instellingen(i);
        if !taal_wissel {
            app.info(MeldingSoort::Succes, w.bewaard);
        }
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
        <form class="formulier" on:submit=bewaar novalidate>
            <fieldset>
                <legend>{w.wie_titel}</legend>
                <p class="hulptekst">{w.wie_uitleg}</p>
                <div class="veld">
                    <label for="partij">{w.partij}</label>
                    {move || fout.get().then(|| view! { <p class="veld-fout" id="partij-fout">{w.partij_nodig}</p> })}
                    <select id="partij" on:change=move |ev| keuze.set(event_target_value(&ev))
                        aria-invalid=move || fout.get().then_some("true") aria-describedby=move || fout.get().then_some("partij-fout")>
                        <option value="" selected=keuze.get_untracked().is_empty()>{w.partij_kies}</option>
                        {partijen.iter().map(|p| {
                            let p = p.clone();
                            let sel = keuze.get_untracked() == p;
                            view! { <option value=p.clone() selected=sel>{p.clone()}</option> }
                        }).collect_view()}
                        <option value=ANDERS selected=keuze.get_untracked() == ANDERS>{w.partij_anders}</option>
                    </select>
                </div>
                {move || (keuze.get() == ANDERS).then(|| view! {
                    <div class="veld">
                        <label for="partij-anders">{w.partij_anders_label}</label>
                        <input id="partij-anders" type="text" prop:value=move || anders.get() on:input=move |ev| anders.set(event_target_value(&ev))/>
                    </div>
                })}
                <div class="veld">
                    <label for="naam">{w.naam}</label>
                    <p class="hulptekst" id="naam-hulp">{w.naam_hulp}</p>
                    <input id="naam" type="text" autocomplete="name" aria-describedby="naam-hulp" prop:value=move || naam.get() on:input=move |ev| naam.set(event_target_value(&ev))/>
                </div>
            </fieldset>
            <div class="veld">
                <label for="taal">{w.taal}</label>
                <select id="taal" on:change=move |ev| taal.set(event_target_value(&ev))>
                    <option value="nl" selected=huidig.taal != "en" lang="nl">"Nederlands"</option>
                    <option value="en" selected=huidig.taal == "en" lang="en">"English"</option>
                </select>
            </div>
            <div class="veld">
                <label for="herinnering-dagen">{w.herinnering_dagen}</label>
                <input id="herinnering-dagen" type="number" min="1" max="365" inputmode="numeric" prop:value=move || dagen.get() on:input=move |ev| dagen.set(event_target_value(&ev))/>
            </div>
            <div class="veld">
                <label for="herinnering-bewerkingen">{w.herinnering_bewerkingen}</label>
                <input id="herinnering-bewerkingen" type="number" min="1" max="10000" inputmode="numeric" prop:value=move || bewerkingen.get() on:input=move |ev| bewerkingen.set(event_target_value(&ev))/>
            </div>
            <button class="knop" type="submit">{w.bewaren}</button>
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
        </section>
    }
}
