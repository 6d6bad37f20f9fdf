//! The workspace itself: title, gemeente, period, introduction and the users' own description.

use leptos::prelude::*;
use serde_json::{json, Value};

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::{meld, Begin};
use crate::ui::state::use_app;
use crate::ui::teksten::t;

use super::formulier::{jaar_of_fout, lees_nu, Formulier, Veld};

#[component]
pub fn WerkruimteGegevens() -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let Some(info) = lees_nu(app, |h| Werkruimte::new(h).info()) else { return ().into_any() };
    let id = info.id;
    let jaar = |j: Option<i64>| j.map(|j| j.to_string()).unwrap_or_default();
    let titel = RwSignal::new(info.titel.clone());
    let gemeente = RwSignal::new(info.gemeente.clone());
    let van = RwSignal::new(jaar(info.periode_van));
    let tot = RwSignal::new(jaar(info.periode_tot));
    let inleiding = RwSignal::new(info.inleiding.clone());
    let omschrijving = RwSignal::new(info.omschrijving.clone());
    let s = ItemSoort::Werkruimte;
    let of_null = |j: Option<i64>| j.map_or(Value::Null, |j| json!(j));
    // The values as the form writes them, with the years as read from their fields.
    let waarden = move |van_v: Option<i64>, tot_v: Option<i64>| {
        vec![
            ("titel", json!(titel.get_untracked().trim())),
            ("gemeente", json!(gemeente.get_untracked().trim())),
            ("periode_van", of_null(van_v)),
            ("periode_tot", of_null(tot_v)),
            ("inleiding", json!(inleiding.get_untracked().trim())),
            ("omschrijving", json!(omschrijving.get_untracked().trim())),
        ]
    };
    // The form stays open: after a save, the saved values are its start values.
    let begin = Begin::new(Beginwaarden::geopend(id, s, waarden(info.periode_van, info.periode_tot)));
    let form = Formulier::new("werkruimte");
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut fouten = Vec::new();
        let t_v = titel.get_untracked().trim().to_string();
        if t_v.is_empty() {
            fouten.push(("titel", b.titel_nodig.to_string()));
        }
        let van_v = jaar_of_fout(&van.get_untracked()).unwrap_or_else(|m| {
            fouten.push(("periode_van", m));
            None
        });
        let tot_v = jaar_of_fout(&tot.get_untracked()).unwrap_or_else(|m| {
            fouten.push(("periode_tot", m));
            None
        });
        if let (Some(v), Some(w)) = (van_v, tot_v) {
            if w < v {
                fouten.push(("periode_tot", b.periode_volgorde.to_string()));
            }
        }
        if !form.controleer(fouten) {
            return;
        }
        let nu = waarden(van_v, tot_v);
        let (titel_nieuw, rest): (Vec<_>, Vec<_>) = begin.wijzigingen(&nu).into_iter().partition(|(_, _, veld, _)| *veld == "titel");
        begin.zet(Beginwaarden::geopend(id, s, nu));
        meld(app, !titel_nieuw.is_empty() || !rest.is_empty(), b.opgeslagen);
        if !rest.is_empty() {
            app.bewerk(rest);
        }
        if !titel_nieuw.is_empty() {
            // Also renames it in the list of workspaces.
            app.hernoem(id, t_v);
        }
    };
    view! {
        <section aria-labelledby="werkruimte-kop" id="werkruimte">
            <h2 id="werkruimte-kop" tabindex="-1">{b.werkruimte}</h2>
            <form class="formulier beheer-formulier" on:submit=bewaar novalidate>
                <Veld form=form veld="titel" label=b.titel waarde=titel verplicht=true/>
                <Veld form=form veld="gemeente" label=b.gemeente waarde=gemeente/>
                <div class="veld-rij">
                    <Veld form=form veld="periode_van" label=b.periode_van waarde=van inputmode="numeric" hulp=b.jaar_hulp/>
                    <Veld form=form veld="periode_tot" label=b.periode_tot waarde=tot inputmode="numeric" hulp=b.jaar_hulp/>
                </div>
                <Veld form=form veld="inleiding" label=b.inleiding waarde=inleiding regels=5/>
                <Veld form=form veld="omschrijving" label=t().jaarcyclus.omschrijving waarde=omschrijving regels=4 hulp=t().jaarcyclus.omschrijving_hulp/>
                <p class="knoppen">
                    <button class="knop" type="submit" id="werkruimte-opslaan">{t().algemeen.opslaan}</button>
                </p>
            </form>
        </section>
    }
    .into_any()
}
