//! Reacties (comments) of any party on an agreement; "alleen voor ons" ones never leave this copy.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::ui::components::datum::vandaag_iso;
use crate::ui::components::tekst::Tekst;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

use super::lees;

/// Reacties (comments) of any party; "alleen voor ons" ones never leave this copy.
#[component]
pub(super) fn Reacties(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let tekst = RwSignal::new(String::new());
    let prive = RwSignal::new(false);
    let plaats = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = tekst.get_untracked().trim().to_string();
        if v.is_empty() {
            return;
        }
        // Stamped with the party and name: asked first when not known.
        app.na_wie(move || {
            let actor = app.actor();
            let rid = Uuid::new_v4();
            let s = ItemSoort::Reactie;
            let velden = vec![
                (rid, s, "afspraak", json!(id.to_string())),
                (rid, s, "datum", json!(vandaag_iso())),
                (rid, s, "partij", json!(actor.partij)),
                (rid, s, "auteur", json!(actor.auteur)),
                (rid, s, "tekst", json!(v)),
            ];
            if prive.get_untracked() { app.bewerk_prive(velden) } else { app.bewerk(velden) };
            tekst.set(String::new());
            prive.set(false);
        });
    };
    let lijst = move || lees(app, |h| Werkruimte::new(h).reacties_van(id)).unwrap_or_default();
    view! {
        <section aria-labelledby="reacties-kop">
            <h2 id="reacties-kop">{a.reacties}</h2>
            {move || {
                let l = lijst();
                if l.is_empty() {
                    return view! { <p>{a.reactie_leeg}</p> }.into_any();
                }
                view! {
                    <ul class="reacties" id="reacties">
                        {l.into_iter().map(|r| view! {
                            <li>
                                <p class="tijdlijn-kop">
                                    <strong>{crate::domain::time::datum_nl(&r.datum)}</strong>" · "{r.partij.clone()}
                                    {(!r.auteur.is_empty()).then(|| format!(" ({})", r.auteur))}
                                    {r.prive.then(|| view! { " " <span class="label">{a.alleen_voor_ons}</span> })}
                                </p>
                                <Tekst tekst=r.tekst.clone()/>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="formulier niet-afdrukken" on:submit=plaats>
                <div class="veld">
                    <label for="reactie-tekst">{a.reacties}</label>
                    <textarea id="reactie-tekst" rows="3" prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
                </div>
                <div class="veld veld-vink">
                    <input type="checkbox" id="reactie-prive" prop:checked=move || prive.get() on:change=move |ev| prive.set(event_target_checked(&ev))/>
                    <label for="reactie-prive">{a.reactie_prive}</label>
                </div>
                <button class="knop" type="submit" id="reactie-plaatsen">{a.reactie_toevoegen}</button>
            </form>
        </section>
    }
}

