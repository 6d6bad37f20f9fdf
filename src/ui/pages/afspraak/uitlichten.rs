//! Marking a jaarafspraak as *uitgelicht*: it then appears, with its short text, under "Wat wij
//! hebben bereikt" in the concept-raadsinformatiebericht (`domain::report::raadsbericht`). Both are
//! ordinary fields of the jaarafspraak: stored, exchanged and merged like any other change.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::meldingen::MeldingHier;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

#[component]
pub(super) fn Uitlichten(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let huidig = app.history.with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).jaarafspraak(id))).expect("open workspace");
    let aan = RwSignal::new(huidig.uitgelicht);
    let tekst = RwSignal::new(huidig.uitgelicht_tekst.clone());
    let waarden = move || vec![("uitgelicht", json!(aan.get_untracked())), ("uitgelicht_tekst", json!(tekst.get_untracked().trim()))];
    let begin = Begin::new(Beginwaarden::geopend(id, ItemSoort::Jaarafspraak, waarden()));
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        begin.bewaar(app, &waarden(), a.uitgelicht_opgeslagen);
    };
    view! {
        <section aria-labelledby="uitlichten-kop" class="niet-afdrukken" id="uitlichten-sectie">
            <h2 id="uitlichten-kop">{a.uitlichten_kop}</h2>
            <p class="klein" id="uitlichten-uitleg">{a.uitlichten_uitleg}</p>
            <form class="formulier" on:submit=bewaar novalidate>
                <div class="keuze">
                    <input type="checkbox" id="uitgelicht" aria-describedby="uitlichten-uitleg"
                        prop:checked=move || aan.get() on:change=move |ev| aan.set(event_target_checked(&ev))/>
                    <label for="uitgelicht">{a.uitgelicht}</label>
                </div>
                <div class="veld">
                    <label for="uitgelicht-tekst">{a.uitgelicht_tekst}</label>
                    <textarea id="uitgelicht-tekst" rows="5" prop:value=move || tekst.get()
                        on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
                </div>
                <button class="knop" type="submit" id="uitlichten-opslaan">{t().algemeen.opslaan}</button>
            </form>
            <MeldingHier/>
        </section>
    }
}
