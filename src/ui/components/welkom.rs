//! The first start and the example: one sentence on what the app is for with the choice to begin
//! with your own agreements or look at the example ([`Welkom`]), and, in a workspace made from a
//! built-in example, a notice that it is an example ([`VoorbeeldMelding`]): shown once per
//! session until closed, in the current language, nowhere else.

use leptos::prelude::*;

use crate::domain::examples::is_voorbeeld;
use crate::domain::model::Werkruimte;
use crate::ui::components::focus::{focus_op_kop, na_navigatie};
use crate::ui::components::tekst::Tekst;
use crate::ui::components::uitleg::ui_begrippen;
use crate::ui::router::navigate;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

/// sessionStorage: the example notice was closed in this session.
const GESLOTEN: &str = "afsprakenmonitor.voorbeeld-gesloten";

fn sessie() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// What the app is for, on the first start: begin with your own agreements, or look at the example.
#[component]
pub fn Welkom() -> impl IntoView {
    let app = use_app();
    let a = t().algemeen;
    move || {
        // In Firefox a moved file has its own notice first.
        (app.eerste_start.get() && !app.mogelijk_verplaatst.get()).then(|| view! {
            <section class="welkom niet-afdrukken" aria-labelledby="welkom-kop" id="welkom">
                <h2 id="welkom-kop">{a.welkom_kop}</h2>
                <p>{a.welkom_zin}</p>
                <p class="knoppen">
                    <button class="knop" type="button" id="welkom-eigen" on:click=move |_| {
                        app.eerste_start.set(false);
                        na_navigatie("nieuw-titel");
                        navigate("/werkruimtes");
                    }>{a.welkom_eigen}</button>
                    <button class="knop knop-secundair" type="button" id="welkom-voorbeeld" on:click=move |_| {
                        app.eerste_start.set(false);
                        focus_op_kop();
                    }>{a.welkom_voorbeeld}</button>
                </p>
            </section>
        })
    }
}

/// "Dit is een voorbeeld: …", only in a workspace made from a built-in example, until closed in
/// this session.
#[component]
pub fn VoorbeeldMelding() -> impl IntoView {
    let app = use_app();
    let a = t().algemeen;
    let gesloten = RwSignal::new(sessie().and_then(|s| s.get_item(GESLOTEN).ok().flatten()).is_some());
    let titel = Memo::new(move |_| {
        app.history.with(|h| h.as_ref().filter(|h| is_voorbeeld(h)).map(|h| Werkruimte::new(h).info().titel))
    });
    move || {
        if gesloten.get() || app.eerste_start.get() || app.mogelijk_verplaatst.get() {
            return None;
        }
        titel.get().map(|titel| view! {
            <div class="melding voorbeeld-melding niet-afdrukken" id="voorbeeld-melding">
                <div class="voorbeeld-tekst"><Tekst tekst=vul(a.voorbeeld_melding, &[&titel]) begrippen=ui_begrippen()/></div>
                <button class="knop knop-secundair" type="button" id="voorbeeld-sluiten" on:click=move |_| {
                    if let Some(s) = sessie() {
                        let _ = s.set_item(GESLOTEN, "1");
                    }
                    gesloten.set(true);
                    focus_op_kop();
                }>{a.sluiten}</button>
            </div>
        })
    }
}
