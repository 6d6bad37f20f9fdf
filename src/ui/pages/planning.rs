//! The planning of a year: its jaarafspraken in five columns by when in the year they are worked
//! on (T1, T2, T3, doorlopend, overig). The year lives in the hash (`#/planning?jaar=2024`). A card
//! moves to another column with the choice of tertiaal on it (keyboard first).
//!
//! Also holds small helpers shared by the monitoring screens (planning, peilmomenten,
//! overleggen): reading the query and printing.

use leptos::prelude::*;
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::model::Status;
use crate::domain::report::{self, Kolom};
use crate::domain::schema::ItemSoort;
use crate::ui::components::focus::focus_later;
use crate::ui::components::status::StatusLabel;
use crate::ui::router::{afspraak_href, navigate};
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

/// The value of `sleutel` in a query string such as `jaar=2024&x=y`; `None` when absent or empty.
/// The values these screens use (years, ids, `nu`) need no decoding.
pub(crate) fn query_waarde(query: &str, sleutel: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|deel| deel.split_once('='))
        .filter(|(k, _)| *k == sleutel)
        .map(|(_, v)| v.trim().to_string())
        .next_back()
        .filter(|v| !v.is_empty())
}

/// Prints the page without the passing message at the top (it is not part of the report).
pub(crate) fn afdrukken(app: crate::ui::state::AppState) {
    app.melding.set(None);
    request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}

/// The default year: this year when it has planned jaarafspraken, else the latest planned year
/// before it, else the first year. `jaren` are the years with a prioriteit set (or, when no year
/// has one, all years), so plans without a tertiaal yet do not hide the monitored year.
pub(crate) fn standaard_jaar(jaren: &[i64]) -> Option<i64> {
    let dit_jaar = js_sys::Date::new_0().get_full_year() as i64;
    jaren.iter().copied().filter(|j| *j <= dit_jaar).max().or_else(|| jaren.first().copied())
}

fn kolom_kop(k: Kolom) -> &'static str {
    let m = t().monitoring;
    match k {
        Kolom::T1 => m.kolom_t1,
        Kolom::T2 => m.kolom_t2,
        Kolom::T3 => m.kolom_t3,
        Kolom::Doorlopend => m.kolom_doorlopend,
        Kolom::Overig => m.kolom_overig,
    }
}

/// "1 afspraak" / "5 afspraken".
pub(crate) fn aantal_afspraken(n: usize) -> String {
    let m = t().monitoring;
    if n == 1 { m.aantal_een.to_string() } else { vul(m.aantal_meer, &[&n.to_string()]) }
}

/// One card in a column.
#[derive(Clone, Debug, PartialEq)]
struct Kaart {
    id: Uuid,
    code: String,
    titel: String,
    status: Status,
    trekker: String,
    prioriteit: String,
    conflict: bool,
}

#[component]
pub fn Planning(query: Signal<String>) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let jaren = Memo::new(move |_| app.history.with(|h| h.as_ref().map(report::jaren).unwrap_or_default()));
    let geplande_jaren = Memo::new(move |_| {
        app.history.with(|h| {
            let Some(h) = h.as_ref() else { return Vec::new() };
            let mut v: Vec<i64> = report::jaarafspraken(h, None)
                .into_iter()
                .filter(|j| j.prioriteit != crate::domain::model::Prioriteit::Geen)
                .filter_map(|j| j.jaar)
                .collect();
            v.sort();
            v.dedup();
            v
        })
    });
    let jaar = Memo::new(move |_| {
        query_waarde(&query.get(), "jaar").and_then(|v| v.parse::<i64>().ok()).or_else(|| {
            let gepland = geplande_jaren.get();
            standaard_jaar(&if gepland.is_empty() { jaren.get() } else { gepland })
        })
    });
    let opties = Memo::new(move |_| {
        let mut v = jaren.get();
        if let Some(j) = jaar.get() {
            if !v.contains(&j) {
                v.push(j);
                v.sort_unstable();
            }
        }
        v
    });
    let kolommen = Memo::new(move |_| {
        let j = jaar.get();
        app.history.with(|h| {
            let Some(h) = h.as_ref() else { return Vec::new() };
            report::planning(h, j)
                .into_iter()
                .map(|(k, js)| {
                    let kaarten: Vec<Kaart> = js
                        .into_iter()
                        .map(|a| Kaart {
                            id: a.id,
                            trekker: report::trekker(h, &a),
                            prioriteit: a.prioriteit.tekst(),
                            code: a.code,
                            titel: a.titel,
                            status: a.status,
                            conflict: a.conflict,
                        })
                        .collect();
                    (k, kaarten)
                })
                .collect::<Vec<_>>()
        })
    });
    let leeg = move || kolommen.with(|k| k.iter().all(|(_, v)| v.is_empty()));
    Effect::new(move |_| match jaar.get() {
        Some(j) => crate::ui::zet_titel(&format!("{} {j}", m.planning_titel)),
        None => crate::ui::zet_titel(m.planning_titel),
    });
    view! {
        <h1>{m.planning_titel}</h1>
        <Inleiding tekst=m.planning_uitleg/>
        <p class="niet-afdrukken"><a href="#/nieuw-jaar" id="nieuw-jaar-link">{t().jaarcyclus.nj_link}</a>{" – "}{t().jaarcyclus.nj_link_uitleg}</p>
        // On paper the year choice is hidden; the year is printed here instead.
        {move || jaar.get().map(|j| view! { <p class="planning-jaar-afdruk">{m.jaar}": "{j}</p> })}
        {move || (!opties.get().is_empty()).then(|| view! {
            <div class="veld niet-afdrukken">
                <label for="planning-jaar">{m.jaar}</label>
                <select id="planning-jaar" on:change=move |ev| navigate(&format!("/planning?jaar={}", event_target_value(&ev)))>
                    {opties.get().into_iter().map(|y| view! {
                        <option value=y.to_string() prop:selected=move || jaar.get() == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </div>
        })}
        {move || leeg().then(|| view! { <p id="planning-leeg">{m.planning_leeg}</p> })}
        <div class="planning-kolommen" id="planning">
            {move || kolommen.get().into_iter().map(|(k, kaarten)| {
                let kop_id = format!("kolom-{}", k.code().to_lowercase());
                let kop_ref = kop_id.clone();
                let n = kaarten.len();
                let overig = k == Kolom::Overig;
                view! {
                    <section class="planning-kolom" aria-labelledby=kop_ref data-kolom=k.code()>
                        <h2 id=kop_id>
                            {kolom_kop(k)}
                            <span class="planning-aantal">{aantal_afspraken(n)}</span>
                        </h2>
                        {if kaarten.is_empty() {
                            view! { <p class="planning-leeg">{m.kolom_leeg}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="planning-lijst">
                                    {kaarten.into_iter().map(|c| view! {
                                        <li class="planning-kaart" data-code=c.code.clone()>
                                            // The data is Dutch in both languages: hyphenated as Dutch.
                                            <a href=afspraak_href(c.id) class="afspraak-titel" lang="nl">
                                                <span class="code">{c.code.clone()}</span>" "{c.titel.clone()}
                                            </a>
                                            <span class="regel-gegevens">
                                                <StatusLabel status=c.status/>
                                                {c.conflict.then(|| view! { <crate::ui::components::conflict::ConflictLabel/> })}
                                                {(!c.trekker.is_empty()).then(|| view! { <span>{t().afspraken.trekker}": "{c.trekker.clone()}</span> })}
                                                {(overig && !c.prioriteit.is_empty()).then(|| view! { <span>{m.planning_tekst}": "{c.prioriteit.clone()}</span> })}
                                            </span>
                                            <TertiaalKeuze id=c.id code=c.code.clone() kolom=k prioriteit=c.prioriteit.clone()/>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

/// Moving a card to another column with the keyboard: a choice of tertiaal on the card. Choosing
/// writes the jaarafspraak's prioriteit; the focus follows the card to its new column.
#[component]
fn TertiaalKeuze(id: Uuid, code: String, kolom: Kolom, prioriteit: String) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let keuze_id = format!("tertiaal-{id}");
    let wissel = move |ev: leptos::ev::Event| {
        let Some(naar) = Kolom::from_code(&event_target_value(&ev)) else { return };
        let waarde = match naar {
            Kolom::T1 => "T1",
            Kolom::T2 => "T2",
            Kolom::T3 => "T3",
            Kolom::Doorlopend => "Doorlopend",
            Kolom::Overig => return,
        };
        app.bewerk(vec![(id, ItemSoort::Jaarafspraak, "prioriteit", serde_json::json!(waarde))]);
        focus_later(format!("tertiaal-{id}"));
    };
    view! {
        <div class="veld tertiaal-keuze niet-afdrukken">
            <label for=keuze_id.clone()>{m.tertiaal_label}<span class="visueel-verborgen">{vul(m.tertiaal_van, &[&code])}</span></label>
            <select id=keuze_id on:change=wissel>
                {[Kolom::T1, Kolom::T2, Kolom::T3, Kolom::Doorlopend].into_iter().map(|k| view! {
                    <option value=k.code() selected=k == kolom>{kolom_kort(k)}</option>
                }).collect_view()}
                {(kolom == Kolom::Overig).then(|| view! {
                    <option value="anders" selected=true>{if prioriteit.is_empty() { m.tertiaal_geen.to_string() } else { prioriteit.clone() }}</option>
                })}
            </select>
        </div>
    }
}

/// The short name of a column in the choice on a card.
fn kolom_kort(k: Kolom) -> &'static str {
    let m = t().monitoring;
    match k {
        Kolom::T1 => "T1",
        Kolom::T2 => "T2",
        Kolom::T3 => "T3",
        Kolom::Doorlopend => m.doorlopend,
        Kolom::Overig => m.tertiaal_geen,
    }
}
