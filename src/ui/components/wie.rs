//! Who is editing: the party and name every change is recorded under. [`WieVelden`] are the
//! fields (on the Instellingen page and in the dialog); [`WieDialoog`] asks for them before the
//! first edit of someone who has not said who they are, so no change is stored without a party.

use leptos::prelude::*;

use crate::domain::model::Werkruimte;
use crate::ui::state::{use_app, AppState, MeldingSoort};
use crate::ui::teksten::t;

/// The value of the party choice for "another party".
pub const ANDERS: &str = "__anders__";

/// The state of the who-fields while they are open.
#[derive(Clone, Copy)]
pub struct Wie {
    pub keuze: RwSignal<String>,
    pub anders: RwSignal<String>,
    pub naam: RwSignal<String>,
    pub fout: RwSignal<bool>,
    /// The parties of the open workspace, read when the fields opened.
    pub partijen: StoredValue<Vec<String>>,
}

impl Wie {
    /// Filled with the current settings.
    pub fn new(app: AppState) -> Self {
        let huidig = app.instellingen.get_untracked();
        let partijen: Vec<String> = app
            .history
            .with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).partijen().into_iter().map(|p| p.naam).collect()))
            .unwrap_or_default();
        let bekend = partijen.contains(&huidig.partij);
        Wie {
            keuze: RwSignal::new(if huidig.partij.is_empty() {
                String::new()
            } else if bekend {
                huidig.partij.clone()
            } else {
                ANDERS.to_string()
            }),
            anders: RwSignal::new(if bekend { String::new() } else { huidig.partij.clone() }),
            naam: RwSignal::new(huidig.naam.clone()),
            fout: RwSignal::new(false),
            partijen: StoredValue::new(partijen),
        }
    }

    /// The chosen party and name; `None` (and the error shown) without a party.
    pub fn lees(&self) -> Option<(String, String)> {
        let k = self.keuze.get_untracked();
        let partij = if k == ANDERS { self.anders.get_untracked().trim().to_string() } else { k };
        self.fout.set(partij.is_empty());
        (!partij.is_empty()).then(|| (partij, self.naam.get_untracked().trim().to_string()))
    }
}

/// The party (a list of the workspace's parties, or another) and the name. `prefix` makes the ids
/// unique: `{prefix}partij`, `{prefix}naam`.
#[component]
pub fn WieVelden(wie: Wie, prefix: &'static str) -> impl IntoView {
    let w = t().werkruimtes;
    let id = move |s: &str| format!("{prefix}{s}");
    let (partij_id, fout_id, anders_id, naam_id, hulp_id) = (id("partij"), id("partij-fout"), id("partij-anders"), id("naam"), id("naam-hulp"));
    let fout_id2 = fout_id.clone();
    let keuze = wie.keuze;
    view! {
        <div class="veld">
            <label for=partij_id.clone()>{w.partij}</label>
            {move || wie.fout.get().then(|| view! { <p class="veld-fout" id=fout_id.clone()>{w.partij_nodig}</p> })}
            <select id=partij_id on:change=move |ev| keuze.set(event_target_value(&ev))
                aria-invalid=move || wie.fout.get().then_some("true") aria-describedby=move || wie.fout.get().then(|| fout_id2.clone())>
                <option value="" selected=keuze.get_untracked().is_empty()>{w.partij_kies}</option>
                {wie.partijen.get_value().into_iter().map(|p| {
                    let sel = keuze.get_untracked() == p;
                    view! { <option value=p.clone() selected=sel>{p.clone()}</option> }
                }).collect_view()}
                <option value=ANDERS selected=keuze.get_untracked() == ANDERS>{w.partij_anders}</option>
            </select>
        </div>
        {move || (keuze.get() == ANDERS).then(|| view! {
            <div class="veld">
                <label for=anders_id.clone()>{w.partij_anders_label}</label>
                <input id=anders_id.clone() type="text" prop:value=move || wie.anders.get() on:input=move |ev| wie.anders.set(event_target_value(&ev))/>
            </div>
        })}
        <div class="veld">
            <label for=naam_id.clone()>{w.naam}</label>
            <p class="hulptekst" id=hulp_id.clone()>{w.naam_hulp}</p>
            <input id=naam_id type="text" autocomplete="name" aria-describedby=hulp_id prop:value=move || wie.naam.get()
                on:input=move |ev| wie.naam.set(event_target_value(&ev))/>
        </div>
    }
}

/// A modal dialog that asks who you are when an edit is made while no party is set. The edit
/// waits: it is stored, under the party and name given, when the user confirms; when the user
/// cancels, it is not stored, and the page says so.
#[component]
pub fn WieDialoog() -> impl IntoView {
    let app = use_app();
    let w = t().werkruimtes;
    let dialoog = NodeRef::<leptos::html::Dialog>::new();
    // Where the focus was when the dialog opened: it goes back there, so the message of the
    // waiting edit shows next to the action that caused it.
    let terug = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let sluit = move || {
        if let Some(d) = dialoog.get_untracked() {
            if d.open() {
                d.close();
            }
        }
        if let Some(el) = terug.get_value() {
            let _ = el.focus();
        }
    };
    // Open and close the element with the state (showModal keeps the focus inside).
    Effect::new(move |_| {
        let open = app.vraag_wie.get();
        if let Some(d) = dialoog.get() {
            if open && !d.open() {
                use wasm_bindgen::JsCast;
                terug.set_value(
                    web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|doc| doc.active_element())
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
                );
                let _ = d.show_modal();
            } else if !open && d.open() {
                sluit();
            }
        }
    });
    let annuleer = move || {
        if app.vraag_wie.get_untracked() {
            sluit();
            app.vraag_wie.set(false);
            app.vergeet_wachtende();
            app.info(MeldingSoort::Fout, w.wie_niet_opgeslagen);
        }
    };
    view! {
        <dialog node_ref=dialoog class="wie-dialoog" id="wie-dialoog" aria-labelledby="wie-dialoog-kop"
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); annuleer(); }>
            {move || app.vraag_wie.get().then(|| {
                let wie = Wie::new(app);
                view! {
                    <form class="formulier" novalidate on:submit=move |ev| {
                        ev.prevent_default();
                        if let Some((partij, naam)) = wie.lees() {
                            let mut i = app.instellingen.get_untracked();
                            i.partij = partij;
                            i.naam = naam;
                            app.bewaar_instellingen(i);
                            sluit();
                            app.doe_wachtende();
                            app.vraag_wie.set(false);
                        }
                    }>
                        <h2 id="wie-dialoog-kop">{w.wie_titel}</h2>
                        <p>{w.wie_dialoog_uitleg}</p>
                        <WieVelden wie=wie prefix="wie-"/>
                        <p class="knoppen">
                            <button class="knop" type="submit" id="wie-opslaan">{w.wie_doorgaan}</button>
                            <button class="knop knop-secundair" type="button" on:click=move |_| annuleer()>{t().algemeen.annuleren}</button>
                        </p>
                    </form>
                }
            })}
        </dialog>
    }
}
