//! Editing how an agreement is linked: its subtheme, the parties involved, and for a
//! jaarafspraak the parties behind the trekker, the kaderafspraken it belongs to and the
//! jaarafspraak of an earlier year that it continues. Part of the detail page, opened with a
//! button in its Bewerken section.

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::formulier::{in_beginvolgorde, Beginwaarden};
use crate::domain::model::{Fields, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::focus::focus_later;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

/// Choices read once when the form opens: (id, label).
#[derive(Clone, Default)]
struct Keuzes {
    subthemas: Vec<(Uuid, String)>,
    partijen: Vec<(Uuid, String)>,
    kaders: Vec<(Uuid, String)>,
    eerdere: Vec<(Uuid, String)>,
}

#[component]
pub fn Koppelingen(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let is_jaar = soort == ItemSoort::Jaarafspraak;
    let open = RwSignal::new(false);
    let keuzes = RwSignal::new(Keuzes::default());
    let subthema = RwSignal::new(String::new());
    let partijen = RwSignal::new(Vec::<Uuid>::new());
    let trekkers = RwSignal::new(Vec::<Uuid>::new());
    let kaders = RwSignal::new(Vec::<Uuid>::new());
    let vorige = RwSignal::new(String::new());
    let vul_in = move || {
        app.history.with_untracked(|h| {
            let Some(h) = h.as_ref() else { return };
            let w = Werkruimte::new(h);
            let f = Fields::new(h, id);
            let jaar = f.int("jaar");
            keuzes.set(Keuzes {
                subthemas: w.subthemas().into_iter().map(|s| (s.id, format!("{} {}", s.nummer, s.titel))).collect(),
                partijen: w.partijen().into_iter().map(|p| (p.id, p.naam)).collect(),
                kaders: w.kaderafspraken().into_iter().map(|k| (k.id, format!("{} {}", k.code, k.titel).trim().to_string())).collect(),
                eerdere: w
                    .jaarafspraken()
                    .into_iter()
                    .filter(|j| j.id != id && (jaar.is_none() || j.jaar < jaar))
                    .map(|j| (j.id, format!("{} {} ({})", j.code, j.titel, j.jaar.map(|y| y.to_string()).unwrap_or_default())))
                    .collect(),
            });
            subthema.set(f.id("subthema").map(|u| u.to_string()).unwrap_or_default());
            partijen.set(f.ids("partijen"));
            trekkers.set(f.ids("trekker_partijen"));
            kaders.set(f.ids("kaderafspraken"));
            vorige.set(f.id("vorige").map(|u| u.to_string()).unwrap_or_default());
        });
    };
    let begin = Begin::new(Beginwaarden::nieuw(id, soort));
    // The values as the form writes them. Ticked boxes keep the order they had when the form
    // opened, so unticking and ticking one again is no change.
    let waarden = move || {
        let ids = |veld: &str, gekozen: Vec<Uuid>| {
            let eerst: Vec<Uuid> = match begin.waarde(veld) {
                Some(Value::Array(l)) => l.iter().filter_map(|u| u.as_str().and_then(|u| Uuid::parse_str(u).ok())).collect(),
                _ => Vec::new(),
            };
            Value::Array(in_beginvolgorde(&gekozen, &eerst).into_iter().map(|u| json!(u.to_string())).collect())
        };
        let optioneel = |s: String| if s.is_empty() { Value::Null } else { json!(s) };
        let mut v = vec![("subthema", optioneel(subthema.get_untracked())), ("partijen", ids("partijen", partijen.get_untracked()))];
        if is_jaar {
            v.push(("trekker_partijen", ids("trekker_partijen", trekkers.get_untracked())));
            v.push(("kaderafspraken", ids("kaderafspraken", kaders.get_untracked())));
            v.push(("vorige", optioneel(vorige.get_untracked())));
        }
        v
    };
    let open_met = move || {
        vul_in();
        // Without start values yet, the lists keep their stored order.
        begin.zet(Beginwaarden::nieuw(id, soort));
        begin.zet(Beginwaarden::geopend(id, soort, waarden()));
    };
    let sluit = move || {
        open.set(false);
        focus_later("koppel-knop");
    };
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        begin.bewaar(app, &waarden(), a.koppelingen_bewaard);
        sluit();
    };
    view! {
        <div class="bewerk-deel">
            <button class="knop knop-secundair" type="button" id="koppel-knop" aria-expanded=move || open.get().to_string()
                on:click=move |_| { if !open.get_untracked() { open_met(); } open.update(|o| *o = !*o); }>{a.koppelingen_bewerken}</button>
            {move || open.get().then(|| view! {
                <form class="formulier" on:submit=bewaar>
                    <div class="veld">
                        <label for="koppel-subthema">{a.subthema}</label>
                        <select id="koppel-subthema" on:change=move |ev| subthema.set(event_target_value(&ev))>
                            <option value="" selected=subthema.get_untracked().is_empty()>{a.geen}</option>
                            {keuzes.get_untracked().subthemas.into_iter().map(|(sid, label)| {
                                let sel = subthema.get_untracked() == sid.to_string();
                                view! { <option value=sid.to_string() selected=sel>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <Vinkjes id="koppel-partijen" legenda=a.partijen keuzes=keuzes.get_untracked().partijen gekozen=partijen/>
                    {is_jaar.then(|| view! {
                        <Vinkjes id="koppel-trekkers" legenda=a.trekker_partijen keuzes=keuzes.get_untracked().partijen gekozen=trekkers/>
                        <Vinkjes id="koppel-kaders" legenda=a.hoort_bij_kader keuzes=keuzes.get_untracked().kaders gekozen=kaders/>
                        <div class="veld">
                            <label for="koppel-vorige">{a.vorige}</label>
                            <select id="koppel-vorige" on:change=move |ev| vorige.set(event_target_value(&ev))>
                                <option value="" selected=vorige.get_untracked().is_empty()>{a.geen}</option>
                                {keuzes.get_untracked().eerdere.into_iter().map(|(jid, label)| {
                                    let sel = vorige.get_untracked() == jid.to_string();
                                    view! { <option value=jid.to_string() selected=sel>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    })}
                    <p class="knoppen">
                        <button class="knop" type="submit" id="koppel-opslaan">{t().algemeen.opslaan}</button>
                        <button class="knop knop-secundair" type="button" on:click=move |_| sluit()>{t().algemeen.annuleren}</button>
                    </p>
                </form>
            })}
        </div>
    }
}

/// A group of checkboxes for a list of ids.
#[component]
fn Vinkjes(id: &'static str, legenda: &'static str, keuzes: Vec<(Uuid, String)>, gekozen: RwSignal<Vec<Uuid>>) -> impl IntoView {
    view! {
        <fieldset class="vinkjes" id=id>
            <legend>{legenda}</legend>
            {keuzes.into_iter().enumerate().map(|(i, (kid, label))| {
                let vid = format!("{id}-{i}");
                view! {
                    <div class="veld-vink">
                        <input type="checkbox" id=vid.clone() prop:checked=move || gekozen.with(|g| g.contains(&kid))
                            on:change=move |ev| {
                                let aan = event_target_checked(&ev);
                                gekozen.update(|g| {
                                    g.retain(|x| *x != kid);
                                    if aan { g.push(kid); }
                                });
                            }/>
                        <label for=vid>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
