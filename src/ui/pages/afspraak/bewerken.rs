//! Editing an agreement's code, title and text, and for a jaarafspraak its trekker, prioriteit and
//! year. Opened with a button; only the fields that changed are written.

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::Fields;
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::focus::focus_later;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

/// Editing code, title, text, and for jaarafspraken trekker, prioriteit and year.
#[component]
pub(super) fn Bewerken(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let open = RwSignal::new(false);
    let is_jaar = soort == ItemSoort::Jaarafspraak;
    let velden: Vec<(&'static str, &'static str, bool, Option<&'static str>)> = {
        let mut v = vec![("code", a.code, false, None), ("titel", a.titel, false, None), ("tekst", a.tekst, true, None)];
        if is_jaar {
            v.push(("trekker", a.trekker, false, Some(a.trekker_hulp)));
            v.push(("prioriteit", a.prioriteit, false, Some(a.prioriteit_hulp)));
            v.push(("jaar", a.jaar, false, None));
        }
        v
    };
    let waarden: Vec<(&'static str, RwSignal<String>)> = velden.iter().map(|(veld, ..)| (*veld, RwSignal::new(String::new()))).collect();
    // The values as the form writes them; `Err` when the year is not a year (`streng`), else
    // such a year as it was typed.
    let lees_waarden = {
        let waarden = waarden.clone();
        move |streng: bool| -> Result<Vec<(&'static str, Value)>, ()> {
            waarden
                .iter()
                .map(|(veld, s)| {
                    let v = s.get_untracked();
                    let waarde = match *veld {
                        "jaar" => match v.trim().parse::<i64>() {
                            Ok(j) if (1900..=2200).contains(&j) => json!(j),
                            _ if v.trim().is_empty() => Value::Null,
                            _ if !streng => json!(v.trim()),
                            _ => return Err(()),
                        },
                        "tekst" => json!(v),
                        _ => json!(v.trim()),
                    };
                    Ok((*veld, waarde))
                })
                .collect()
        }
    };
    let begin = Begin::new(Beginwaarden::nieuw(id, soort));
    let waarden2 = waarden.clone();
    let lees_begin = lees_waarden.clone();
    let vul_in = move || {
        app.history.with_untracked(|h| {
            if let Some(h) = h.as_ref() {
                let f = Fields::new(h, id);
                for (veld, s) in &waarden2 {
                    let v = match f.value(veld) {
                        Some(Value::String(x)) => x.clone(),
                        Some(Value::Number(n)) => n.to_string(),
                        _ => String::new(),
                    };
                    s.set(v);
                }
            }
        });
        // The form remembers what it was opened with: only fields that differ are written.
        begin.zet(Beginwaarden::geopend(id, soort, lees_begin(false).unwrap_or_default()));
    };
    let jaar_fout = RwSignal::new(false);
    let sluit = move || {
        open.set(false);
        focus_later("bewerk-knop");
    };
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(nu) = lees_waarden(true) else {
            jaar_fout.set(true);
            return;
        };
        jaar_fout.set(false);
        begin.bewaar(app, &nu, t().beheer.opgeslagen);
        sluit();
    };
    view! {
        <div class="bewerk-deel">
            <button class="knop knop-secundair" type="button" id="bewerk-knop" aria-expanded=move || open.get().to_string()
                on:click=move |_| { if !open.get_untracked() { vul_in(); } open.update(|o| *o = !*o); }>{a.velden_bewerken}</button>
            {move || open.get().then(|| view! {
                <form class="formulier" on:submit=bewaar.clone() novalidate>
                    {velden.iter().zip(waarden.iter()).map(|((veld, label, lang, hulp), (_, s))| {
                        let s = *s;
                        let hulp = *hulp;
                        let vid = format!("bewerk-{veld}");
                        let hid = format!("{vid}-hulp");
                        let fid = format!("{vid}-fout");
                        let is_jaar_veld = *veld == "jaar";
                        let beschrijving = move || {
                            let mut ids = Vec::new();
                            if hulp.is_some() { ids.push(hid.clone()); }
                            if is_jaar_veld && jaar_fout.get() { ids.push(fid.clone()); }
                            (!ids.is_empty()).then(|| ids.join(" "))
                        };
                        view! {
                            <div class="veld">
                                <label for=vid.clone()>{*label}</label>
                                {hulp.map(|h| view! { <p class="hulptekst" id=format!("{vid}-hulp")>{h}</p> })}
                                {is_jaar_veld.then(|| { let fid = format!("{vid}-fout"); view! { {move || jaar_fout.get().then(|| view! { <p class="veld-fout" id=fid.clone()>{a.jaar_nodig}</p> })} } })}
                                {if *lang {
                                    view! { <textarea id=vid.clone() rows="8" prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))></textarea> }.into_any()
                                } else {
                                    view! { <input id=vid.clone() type="text" inputmode=is_jaar_veld.then_some("numeric")
                                        aria-describedby=beschrijving
                                        aria-invalid=move || (is_jaar_veld && jaar_fout.get()).then_some("true")
                                        prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))/> }.into_any()
                                }}
                            </div>
                        }
                    }).collect_view()}
                    <p class="knoppen">
                        <button class="knop" type="submit" id="bewerk-opslaan">{t().algemeen.opslaan}</button>
                        <button class="knop knop-secundair" type="button" on:click=move |_| sluit()>{t().algemeen.annuleren}</button>
                    </p>
                </form>
            })}
        </div>
    }
}
