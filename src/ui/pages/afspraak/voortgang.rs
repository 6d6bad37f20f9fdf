//! The voortgang timeline of an agreement, adding an entry stamped with today's date and the
//! user's party, deleting one and bringing it back.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::model::{Fields, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::datum::vandaag_iso;
use crate::ui::components::tekst::Tekst;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

use super::lees;

/// The voortgang timeline, and adding an entry stamped with today's date and the user's party.
#[component]
pub(super) fn Voortgang(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let tekst = RwSignal::new(String::new());
    let fout = RwSignal::new(false);
    let voeg_toe = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = tekst.get_untracked().trim().to_string();
        if v.is_empty() {
            fout.set(true);
            return;
        }
        fout.set(false);
        // Stamped with the party and name: asked first when not known.
        app.na_wie(move || {
            let actor = app.actor();
            let vid = Uuid::new_v4();
            let s = ItemSoort::Voortgang;
            app.bewerk(vec![
                (vid, s, "afspraak", json!(id.to_string())),
                (vid, s, "datum", json!(vandaag_iso())),
                (vid, s, "partij", json!(actor.partij)),
                (vid, s, "auteur", json!(actor.auteur)),
                (vid, s, "tekst", json!(v)),
            ]);
            tekst.set(String::new());
        });
    };
    let lijst = Memo::new(move |_| lees(app, |h| Werkruimte::new(h).voortgang_van(id)).unwrap_or_default());
    let lijst = move || lijst.get();
    // Deleted entries of this agreement, to restore them.
    let verwijderd = move || {
        lees(app, |h| {
            h.kinderen_van(id)
                .into_iter()
                .filter(|v| h.soort(*v) == Some(ItemSoort::Voortgang) && h.is_deleted(*v))
                .map(|v| {
                    let f = Fields::new(h, v);
                    (v, format!("{} · {}: {}", crate::domain::time::datum_nl(&f.text("datum")), f.text("partij"), crate::ui::components::waarde::kort(&f.text("tekst"), 80)))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="voortgang-kop">
            <h2 id="voortgang-kop">{a.voortgang}</h2>
            {move || {
                let l = lijst();
                if l.is_empty() {
                    return view! { <p>{a.voortgang_leeg}</p> }.into_any();
                }
                view! {
                    <ol class="tijdlijn" id="voortgang">
                        {l.into_iter().rev().map(|v| view! {
                            <li>
                                <p class="tijdlijn-kop"><strong>{crate::domain::time::datum_nl(&v.datum)}</strong>" · "{v.partij.clone()}{(!v.auteur.is_empty()).then(|| format!(" ({})", v.auteur))}</p>
                                <Tekst tekst=v.tekst.clone()/>
                                <button class="knop knop-secundair niet-afdrukken" type="button"
                                    on:click=move |_| app.verwijder_item(v.id, ItemSoort::Voortgang)>
                                    // Its name says which entry: "Verwijder voortgang van 28-11-2026".
                                    {a.verwijder}<span class="visueel-verborgen">{vul(a.voortgang_van, &[&crate::domain::time::datum_nl(&v.datum)])}</span>
                                </button>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {move || {
                let weg = verwijderd();
                (!weg.is_empty()).then(|| view! {
                    <div class="melding niet-afdrukken" id="voortgang-verwijderd">
                        <p>{a.voortgang_verwijderd}</p>
                        <ul>
                            {weg.into_iter().map(|(vid, label)| view! {
                                <li>
                                    {label.clone()}" "
                                    <button class="knop knop-secundair" type="button" aria-label=format!("{}: {label}", t().algemeen.ongedaan_maken)
                                        on:click=move |_| app.herstel_item(vid, ItemSoort::Voortgang)>{t().algemeen.ongedaan_maken}</button>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <form class="formulier niet-afdrukken" on:submit=voeg_toe novalidate>
                <div class="veld">
                    <label for="voortgang-tekst">{a.voortgang_tekst}</label>
                    {move || fout.get().then(|| view! { <p class="veld-fout" id="voortgang-fout">{a.voortgang_tekst}</p> })}
                    <textarea id="voortgang-tekst" rows="4" aria-invalid=move || fout.get().then_some("true")
                        aria-describedby=move || fout.get().then_some("voortgang-fout")
                        prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
                </div>
                <button class="knop" type="submit" id="voortgang-toevoegen">{a.voortgang_toevoegen}</button>
            </form>
        </section>
    }
}

