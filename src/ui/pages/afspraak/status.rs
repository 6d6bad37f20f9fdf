//! Changing the status of a jaarafspraak: geel and rood ask for a cause and an action. The
//! current cause and action are in the form; on paper they are printed as text.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::{Status, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::focus::focus;
use crate::ui::components::meldingen::MeldingHier;
use crate::ui::components::status::{status_uitleg, StatusLabel};
use crate::ui::state::use_app;
use crate::ui::teksten::t;

/// Changing the status: geel and rood ask for a cause and an action.
#[component]
pub(super) fn StatusForm(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let huidig = app.history.with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).jaarafspraak(id))).expect("open workspace");
    let keuze = RwSignal::new(huidig.status);
    let oorzaak = RwSignal::new(huidig.oorzaak.clone());
    let actie = RwSignal::new(huidig.actie.clone());
    let fout_oorzaak = RwSignal::new(false);
    let fout_actie = RwSignal::new(false);
    // The values as the form writes them: status, and the trimmed cause and action.
    let waarden = move |s: Status, toelichting: bool| {
        let mut v = vec![("status", json!(s.code()))];
        if toelichting {
            v.push(("oorzaak", json!(oorzaak.get_untracked().trim())));
            v.push(("actie", json!(actie.get_untracked().trim())));
        }
        v
    };
    let begin = Begin::new(Beginwaarden::geopend(id, ItemSoort::Jaarafspraak, waarden(huidig.status, true)));
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = keuze.get_untracked();
        let (o, ac) = (oorzaak.get_untracked().trim().to_string(), actie.get_untracked().trim().to_string());
        fout_oorzaak.set(s.vraagt_toelichting() && o.is_empty());
        fout_actie.set(s.vraagt_toelichting() && ac.is_empty());
        if fout_oorzaak.get_untracked() || fout_actie.get_untracked() {
            focus(if fout_oorzaak.get_untracked() { "oorzaak" } else { "actie" });
            return;
        }
        // Cause and action count only for geel and rood; only what changed is written.
        begin.bewaar(app, &waarden(s, s.vraagt_toelichting()), a.status_opgeslagen);
    };
    // On paper: the stored cause and action as text (the form is not printed).
    let toelichting = move || {
        app.history.with(|h| {
            let j = Werkruimte::new(h.as_ref()?).jaarafspraak(id);
            j.status.vraagt_toelichting().then_some((j.oorzaak, j.actie))
        })
    };
    view! {
        {move || toelichting().map(|(oorzaak, actie)| view! {
            <dl class="toelichting alleen-afdrukken">
                <dt>{a.oorzaak}</dt><dd>{if oorzaak.is_empty() { "–".to_string() } else { oorzaak }}</dd>
                <dt>{a.actie}</dt><dd>{if actie.is_empty() { "–".to_string() } else { actie }}</dd>
            </dl>
        })}
        <section aria-labelledby="status-kop" class="niet-afdrukken" id="status-sectie">
            <h2 id="status-kop">{a.status_wijzigen}</h2>
            <form class="formulier" on:submit=bewaar novalidate>
                <fieldset>
                    <legend>{a.status}</legend>
                    <div class="keuzes">
                        {Status::ALL.into_iter().map(|s| {
                            let rid = format!("status-{}", s.code());
                            view! {
                                <div class="keuze">
                                    <input type="radio" name="status" id=rid.clone() value=s.code()
                                        prop:checked=move || keuze.get() == s on:change=move |_| keuze.set(s)/>
                                    <label for=rid>
                                        <StatusLabel status=s/>
                                        <span class="klein">" "{status_uitleg(s)}</span>
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                {move || keuze.get().vraagt_toelichting().then(|| view! {
                    <div class="veld">
                        <label for="oorzaak">{a.oorzaak}" ("{t().algemeen.verplicht}")"</label>
                        {move || fout_oorzaak.get().then(|| view! { <p class="veld-fout" id="oorzaak-fout">{a.oorzaak_nodig}</p> })}
                        <textarea id="oorzaak" rows="3" aria-invalid=move || fout_oorzaak.get().then_some("true")
                            aria-describedby=move || fout_oorzaak.get().then_some("oorzaak-fout")
                            prop:value=move || oorzaak.get() on:input=move |ev| oorzaak.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="veld">
                        <label for="actie">{a.actie}" ("{t().algemeen.verplicht}")"</label>
                        {move || fout_actie.get().then(|| view! { <p class="veld-fout" id="actie-fout">{a.actie_nodig}</p> })}
                        <textarea id="actie" rows="3" aria-invalid=move || fout_actie.get().then_some("true")
                            aria-describedby=move || fout_actie.get().then_some("actie-fout")
                            prop:value=move || actie.get() on:input=move |ev| actie.set(event_target_value(&ev))></textarea>
                    </div>
                })}
                <button class="knop" type="submit" id="status-opslaan">{t().algemeen.opslaan}</button>
            </form>
            <MeldingHier/>
        </section>
    }
}

