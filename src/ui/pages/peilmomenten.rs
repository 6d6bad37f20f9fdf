//! Peilmomenten: recording a monitoring round (each jaarafspraak's status and latest voortgang
//! frozen as the peilmoment's `standen`) with the year and round it belongs to, the list of
//! rounds, and comparing two states (a round or now) item by item; a peilmoment of one year is
//! compared on the jaarafspraken of that year. What is compared lives in the hash (`#/peilmomenten?voor=<id>&na=nu`),
//! so it survives a reload.

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::history::History;
use crate::domain::model::{Fields, Status};
use crate::domain::report::{self, StandVerschil, Telling};
use crate::domain::schema::ItemSoort;
use crate::domain::time::{datum_nl, parse_datum};
use crate::ui::components::datum::vandaag_iso;
use crate::ui::components::notities::ronde_naam;
use crate::ui::components::status::StatusLabel;
use crate::ui::components::tekst::Tekst;
use crate::ui::components::waarde::kort;
use crate::ui::components::focus::focus_later;
use crate::ui::components::ongedaan::{Ongedaan, Verwijderd};
use crate::ui::pages::planning::{afdrukken, query_waarde};
use crate::ui::router::{afspraak_href, navigate};
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, vul};

/// Voortgang longer than this is shortened in the comparison (with the whole text one click away).
const KORT: usize = 160;

/// A recorded peilmoment as listed.
#[derive(Clone, Debug, PartialEq)]
struct Peil {
    id: Uuid,
    naam: String,
    datum: String,
    /// The year it belongs to; `None`: every year.
    jaar: Option<i64>,
    ronde: String,
    aantal: usize,
    telling: Telling,
}

impl Peil {
    fn label(&self) -> String {
        if self.datum.is_empty() { self.naam.clone() } else { format!("{} ({})", self.naam, datum_nl(&self.datum)) }
    }
}

fn tel(telling: &mut Telling, s: Status) {
    match s {
        Status::Groen => telling.groen += 1,
        Status::Geel => telling.geel += 1,
        Status::Rood => telling.rood += 1,
        Status::NietBeoordeeld => telling.niet_beoordeeld += 1,
    }
}

/// The peilmomenten, newest first (by date, then the last recorded first).
fn peilmomenten(h: &History) -> Vec<Peil> {
    let mut v: Vec<(usize, Peil)> = h
        .items_of(ItemSoort::Peilmoment)
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let f = Fields::new(h, id);
            let mut telling = Telling::default();
            let mut aantal = 0;
            if let Some(m) = f.value("standen").and_then(Value::as_object) {
                for s in m.values() {
                    aantal += 1;
                    tel(&mut telling, s.get("status").and_then(Value::as_str).and_then(Status::from_code).unwrap_or_default());
                }
            }
            (i, Peil { id, naam: f.text("naam"), datum: f.text("datum"), jaar: f.int("jaar"), ronde: f.text("ronde"), aantal, telling })
        })
        .collect();
    v.sort_by(|(ia, a), (ib, b)| b.datum.cmp(&a.datum).then(ib.cmp(ia)));
    v.into_iter().map(|(_, p)| p).collect()
}

/// One side of a comparison: now, or a peilmoment.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stand {
    Nu,
    Peil(Uuid),
}

impl Stand {
    fn parse(s: &str) -> Option<Stand> {
        if s == "nu" { Some(Stand::Nu) } else { Uuid::parse_str(s).ok().map(Stand::Peil) }
    }
}

/// The frozen standen of a living peilmoment.
fn peil_standen(h: &History, id: Uuid) -> Option<Value> {
    (h.soort(id) == Some(ItemSoort::Peilmoment) && !h.is_deleted(id)).then(|| Fields::new(h, id).value("standen").cloned().unwrap_or(json!({})))
}

/// Keeps the standen of the jaarafspraken of one year.
fn beperk(h: &History, mut standen: Value, jaar: i64) -> Value {
    if let Value::Object(m) = &mut standen {
        m.retain(|k, _| Uuid::parse_str(k).is_ok_and(|id| Fields::new(h, id).int("jaar") == Some(jaar)));
    }
    standen
}

/// The round of the year a date falls in, as a peilmoment is proposed: voorjaar until June.
fn ronde_van(datum: &str) -> &'static str {
    match datum.get(5..7).and_then(|m| m.parse::<u32>().ok()) {
        Some(m) if m > 6 => "najaar",
        _ => "voorjaar",
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Uitkomst {
    /// Nothing chosen (yet).
    Niets,
    /// A chosen peilmoment does not exist (any more).
    Onbekend,
    Klaar { voor: String, na: String, rijen: Vec<StandVerschil> },
}

fn vergelijk(h: &History, voor: Stand, na: Stand) -> Uitkomst {
    let m = t().monitoring;
    let lees = |s: Stand| match s {
        Stand::Nu => Some((None, None, m.nu_kort.to_string())),
        Stand::Peil(id) => {
            let standen = peil_standen(h, id)?;
            let f = Fields::new(h, id);
            let (naam, datum) = (f.text("naam"), f.text("datum"));
            let label = if datum.is_empty() { naam } else { format!("{naam} ({})", datum_nl(&datum)) };
            Some((Some(standen), f.int("jaar"), label))
        }
    };
    let (Some((sv, jv, voor_naam)), Some((sn, jn, na_naam))) = (lees(voor), lees(na)) else { return Uitkomst::Onbekend };
    // Compare like with like: a peilmoment of one year only on that year (of now, or of a
    // peilmoment of every year); two of different years on everything.
    let jaar = match (jv, jn) {
        (Some(a), Some(b)) => (a == b).then_some(a),
        (a, b) => a.or(b),
    };
    let sv = sv.unwrap_or_else(|| report::huidige_standen(h));
    let sn = sn.unwrap_or_else(|| report::huidige_standen(h));
    let (sv2, sn2) = match jaar {
        Some(j) => (beperk(h, sv, j), beperk(h, sn, j)),
        None => (sv, sn),
    };
    Uitkomst::Klaar { voor: voor_naam, na: na_naam, rijen: report::vergelijk_standen(&sv2, &sn2, h) }
}

#[component]
pub fn Peilmomenten(query: Signal<String>) -> impl IntoView {
    let m = t().monitoring;
    crate::ui::zet_titel(m.peil_titel);
    view! {
        <h1>{m.peil_titel}</h1>
        <Inleiding tekst=m.peil_uitleg/>
        <NieuwPeilmoment/>
        <Lijst/>
        <Vergelijken query=query/>
    }
}

/// The form to record a peilmoment: name, date (today by default) and optionally one year.
#[component]
fn NieuwPeilmoment() -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let naam = RwSignal::new(String::new());
    let datum = RwSignal::new(vandaag_iso());
    // The year being monitored: the latest with an assessed jaarafspraak, else the latest.
    let jaar = RwSignal::new(app.afspraken.with_untracked(|a| {
        let js = &a.0 .0;
        js.iter().filter(|j| j.status != Status::NietBeoordeeld).filter_map(|j| j.jaar).max().or_else(|| js.iter().filter_map(|j| j.jaar).max())
    }).map(|y| y.to_string()).unwrap_or_default());
    // The round follows the date until chosen.
    let ronde = RwSignal::new(ronde_van(&vandaag_iso()).to_string());
    let ronde_gekozen = RwSignal::new(false);
    let fout_naam = RwSignal::new(false);
    let fout_datum = RwSignal::new(false);
    let jaren = Memo::new(move |_| app.history.with(|h| h.as_ref().map(report::jaren).unwrap_or_default()));
    let leg_vast = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = naam.get_untracked().trim().to_string();
        let d = datum.get_untracked().trim().to_string();
        fout_naam.set(n.is_empty());
        fout_datum.set(parse_datum(&d).is_none());
        if fout_naam.get_untracked() {
            focus_later("peil-naam");
            return;
        }
        if fout_datum.get_untracked() {
            focus_later("peil-datum");
            return;
        }
        let j = jaar.get_untracked().parse::<i64>().ok();
        let Some(standen) = app.history.with_untracked(|h| h.as_ref().map(|h| report::peilmoment_standen(h, j))) else { return };
        let id = Uuid::new_v4();
        let s = ItemSoort::Peilmoment;
        // The year is always written (empty: every year), so a peilmoment of this version is
        // never mistaken for one made before peilmomenten had a year.
        let mut velden = vec![(id, s, "naam", json!(n)), (id, s, "datum", json!(d)), (id, s, "jaar", j.map_or(Value::Null, |j| json!(j)))];
        let r = ronde.get_untracked();
        if !r.is_empty() {
            velden.push((id, s, "ronde", json!(r)));
        }
        velden.push((id, s, "standen", standen));
        app.bewerk(velden);
        app.info(MeldingSoort::Succes, vul(m.vastgelegd, &[&n]));
        naam.set(String::new());
    };
    view! {
        <section aria-labelledby="nieuw-peil-kop" class="niet-afdrukken">
            <h2 id="nieuw-peil-kop">{m.nieuw_peil_kop}</h2>
            <form class="formulier" id="peil-form" on:submit=leg_vast novalidate>
                <div class="veld">
                    <label for="peil-naam">{m.naam}" ("{t().algemeen.verplicht}")"</label>
                    <p class="hulptekst" id="peil-naam-hulp">{m.peil_naam_hulp}</p>
                    {move || fout_naam.get().then(|| view! { <p class="veld-fout" id="peil-naam-fout">{m.naam_nodig}</p> })}
                    <input id="peil-naam" type="text" required autocomplete="off"
                        aria-invalid=move || fout_naam.get().then_some("true")
                        aria-describedby=move || if fout_naam.get() { "peil-naam-hulp peil-naam-fout" } else { "peil-naam-hulp" }
                        prop:value=move || naam.get() on:input=move |ev| naam.set(event_target_value(&ev))/>
                </div>
                <div class="veld">
                    <label for="peil-datum">{m.datum}" ("{t().algemeen.verplicht}")"</label>
                    {move || fout_datum.get().then(|| view! { <p class="veld-fout" id="peil-datum-fout">{m.datum_nodig}</p> })}
                    <input id="peil-datum" type="date" required
                        aria-invalid=move || fout_datum.get().then_some("true")
                        aria-describedby=move || fout_datum.get().then_some("peil-datum-fout")
                        prop:value=move || datum.get() on:input=move |ev| {
                            let d = event_target_value(&ev);
                            if !ronde_gekozen.get_untracked() && parse_datum(&d).is_some() {
                                ronde.set(ronde_van(&d).to_string());
                            }
                            datum.set(d);
                        }/>
                </div>
                <div class="veld">
                    <label for="peil-ronde">{t().jaarcyclus.pm_ronde}</label>
                    <p class="hulptekst" id="peil-ronde-hulp">{t().jaarcyclus.pm_ronde_hulp}</p>
                    <select id="peil-ronde" aria-describedby="peil-ronde-hulp" on:change=move |ev| { ronde.set(event_target_value(&ev)); ronde_gekozen.set(true); }>
                        {crate::domain::schema::RONDES.iter().map(|r| {
                            let r = *r;
                            view! { <option value=r prop:selected=move || ronde.get() == r>{ronde_naam(r)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="veld">
                    <label for="peil-jaar">{m.peil_jaar}</label>
                    <p class="hulptekst" id="peil-jaar-hulp">{m.peil_jaar_hulp}</p>
                    <select id="peil-jaar" aria-describedby="peil-jaar-hulp" on:change=move |ev| jaar.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || jaar.get().is_empty()>{m.alle_jaren}</option>
                        {move || jaren.get().into_iter().map(|y| view! {
                            <option value=y.to_string() prop:selected=move || jaar.get() == y.to_string()>{y}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button class="knop" type="submit" id="peil-vastleggen">{m.vastleggen}</button>
            </form>
        </section>
    }
}

/// The recorded peilmomenten, newest first, each with its counts, a compare link and delete.
#[component]
fn Lijst() -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let lijst = Memo::new(move |_| app.history.with(|h| h.as_ref().map(peilmomenten).unwrap_or_default()));
    let laatste = RwSignal::new(None::<Verwijderd>);
    view! {
        <section aria-labelledby="peil-lijst-kop">
            <h2 id="peil-lijst-kop">{m.peil_lijst_kop}</h2>
            <Ongedaan laatste=laatste id="peil-ongedaan" kop_prefix="peil-"/>
            {move || {
                let l = lijst.get();
                if l.is_empty() {
                    return view! { <p id="peil-leeg">{m.peil_leeg}</p> }.into_any();
                }
                view! {
                    <ul class="peil-lijst" id="peilmomenten">
                        {l.into_iter().map(|p| {
                            let id = p.id;
                            let naam = p.naam.clone();
                            let naam2 = p.naam.clone();
                            let naam3 = p.naam.clone();
                            view! {
                                <li class="peil-regel" data-peil=id.to_string()>
                                    <h3 class="peil-naam" id=format!("peil-{id}") tabindex="-1">{p.naam.clone()}</h3>
                                    <p class="regel-gegevens">
                                        <span class="peil-jaar-ronde">{format!("{} · {}",
                                            p.jaar.map(|y| y.to_string()).unwrap_or_else(|| t().jaarcyclus.pm_alle_jaren.to_string()),
                                            if p.ronde.is_empty() { t().jaarcyclus.pm_ronde_onbekend.to_string() } else { ronde_naam(&p.ronde) })}</span>
                                        <span>{m.datum}": "{datum_nl(&p.datum)}</span>
                                        <span>{vul(m.peil_aantal, &[&p.aantal.to_string()])}</span>
                                    </p>
                                    <ul class="peil-telling">
                                        {Status::ALL.into_iter().filter(|s| p.telling.van(*s) > 0).map(|s| view! {
                                            <li><StatusLabel status=s/>" "{p.telling.van(s)}</li>
                                        }).collect_view()}
                                    </ul>
                                    <p class="knoppen niet-afdrukken">
                                        <a class="knop knop-secundair" href=format!("#/peilmomenten?voor={id}&na=nu")>
                                            {m.vergelijk_met_nu}<span class="visueel-verborgen">": "{naam}</span>
                                        </a>
                                        <button class="knop knop-secundair" type="button" on:click=move |_| {
                                            app.verwijder_item(id, ItemSoort::Peilmoment);
                                            laatste.set(Some(Verwijderd { id, soort: ItemSoort::Peilmoment, tekst: vul(m.peil_verwijderd, &[&naam2]) }));
                                            focus_later("peil-ongedaan-knop");
                                        }>
                                            {t().algemeen.verwijderen}<span class="visueel-verborgen">": "{naam3}</span>
                                        </button>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Choosing two states and the table of what differs between them.
#[component]
fn Vergelijken(query: Signal<String>) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let lijst = Memo::new(move |_| app.history.with(|h| h.as_ref().map(peilmomenten).unwrap_or_default()));
    // The user's choice in the form, until the query changes.
    let gekozen_voor = RwSignal::new(None::<String>);
    let gekozen_na = RwSignal::new(None::<String>);
    Effect::new(move |vorige: Option<String>| {
        let q = query.get();
        gekozen_voor.set(None);
        gekozen_na.set(None);
        // Came here by a link or the form (not by opening the page): show the result.
        if vorige.is_some_and(|v| v != q) && query_waarde(&q, "voor").is_some() {
            focus_later("verschillen-kop");
        }
        q
    });
    // A value from the link only counts when it is one of the options (not a deleted peilmoment).
    let bestaat = move |w: &String| w == "nu" || lijst.with(|l| l.iter().any(|p| p.id.to_string() == *w));
    let voor = Memo::new(move |_| {
        gekozen_voor
            .get()
            .or_else(|| query_waarde(&query.get(), "voor").filter(bestaat))
            .or_else(|| lijst.with(|l| l.first().map(|p| p.id.to_string())))
            .unwrap_or_else(|| "nu".to_string())
    });
    let na = Memo::new(move |_| {
        gekozen_na.get().or_else(|| query_waarde(&query.get(), "na").filter(bestaat)).unwrap_or_else(|| "nu".to_string())
    });
    let uitkomst = Memo::new(move |_| {
        let q = query.get();
        let (Some(v), Some(n)) = (query_waarde(&q, "voor").and_then(|s| Stand::parse(&s)), query_waarde(&q, "na").and_then(|s| Stand::parse(&s))) else {
            return Uitkomst::Niets;
        };
        app.history.with(|h| h.as_ref().map(|h| vergelijk(h, v, n)).unwrap_or(Uitkomst::Niets))
    });
    let kies = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&format!("/peilmomenten?voor={}&na={}", voor.get_untracked(), na.get_untracked()));
        focus_later("verschillen-kop");
    };
    let opties = move |gekozen: Memo<String>| {
        view! {
            <option value="nu" prop:selected=move || gekozen.get() == "nu">{m.nu}</option>
            {move || lijst.get().into_iter().map(|p| {
                let waarde = p.id.to_string();
                let w2 = waarde.clone();
                view! { <option value=waarde prop:selected=move || gekozen.get() == w2>{p.label()}</option> }
            }).collect_view()}
        }
    };
    view! {
        <section aria-labelledby="vergelijk-kop">
            <h2 id="vergelijk-kop">{m.vergelijk_kop}</h2>
            <p class="niet-afdrukken">{m.vergelijk_uitleg}</p>
            <form class="formulier filter-rij niet-afdrukken" id="vergelijk-form" on:submit=kies>
                <div class="veld">
                    <label for="vergelijk-voor">{m.eerder}</label>
                    <select id="vergelijk-voor" on:change=move |ev| gekozen_voor.set(Some(event_target_value(&ev)))>{opties(voor)}</select>
                </div>
                <div class="veld">
                    <label for="vergelijk-na">{m.later}</label>
                    <select id="vergelijk-na" on:change=move |ev| gekozen_na.set(Some(event_target_value(&ev)))>{opties(na)}</select>
                </div>
                <div class="veld">
                    <button class="knop" type="submit" id="vergelijk-knop">{m.vergelijken}</button>
                </div>
            </form>
            {move || match uitkomst.get() {
                Uitkomst::Niets => ().into_any(),
                Uitkomst::Onbekend => view! { <div class="melding melding-fout" id="vergelijking"><p>{m.peil_onbekend}</p></div> }.into_any(),
                Uitkomst::Klaar { voor, na, rijen } => view! { <Verschillen voor=voor na=na rijen=rijen/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Verschillen(voor: String, na: String, rijen: Vec<StandVerschil>) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let kop = vul(m.verschillen_kop, &[&voor, &na]);
    let aantal = match rijen.len() {
        0 => m.geen_verschillen.to_string(),
        1 => m.een_verschil.to_string(),
        n => vul(m.verschillen, &[&n.to_string()]),
    };
    let status = |s: Option<Status>| match s {
        Some(s) => view! { <StatusLabel status=s/> }.into_any(),
        None => view! { <span class="zacht">{m.niet_in_stand}</span> }.into_any(),
    };
    view! {
        <div class="peil-vergelijking" id="vergelijking">
            <h3 id="verschillen-kop" tabindex="-1">{kop.clone()}</h3>
            <p id="verschillen-aantal">{aantal}</p>
            {(!rijen.is_empty()).then(|| view! {
                <div class="tabel-houder" role="region" tabindex="0" aria-labelledby="verschillen-kop">
                    <table id="verschillen" class="verschillen">
                        <caption class="visueel-verborgen">{kop}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{m.kol_afspraak}</th>
                                <th scope="col">{m.kol_status}</th>
                                <th scope="col">{m.kol_voortgang_eerder}</th>
                                <th scope="col">{m.kol_voortgang_later}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rijen.into_iter().map(|r| {
                                let label = format!("{} {}", r.code, r.titel).trim().to_string();
                                view! {
                                    <tr data-code=r.code.clone()>
                                        <th scope="row"><a href=afspraak_href(r.afspraak)>{label}</a></th>
                                        <td class="status-verloop">
                                            {status(r.status_voor)}
                                            <span aria-hidden="true">" → "</span>
                                            <span class="visueel-verborgen">" "{m.wordt}" "</span>
                                            {status(r.status_na)}
                                        </td>
                                        <td>{voortgang_cel(r.voortgang_voor)}</td>
                                        <td>{voortgang_cel(r.voortgang_na)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="knoppen niet-afdrukken">
                    <button class="knop knop-secundair" type="button" on:click=move |_| afdrukken(app)>{m.afdrukken}</button>
                </p>
            })}
        </div>
    }
}

/// A voortgang text: short ones whole; long ones shortened with the whole text behind a
/// details/summary.
fn voortgang_cel(v: Option<String>) -> AnyView {
    let m = t().monitoring;
    match v {
        None => view! { <span class="zacht">{m.geen_voortgang}</span> }.into_any(),
        Some(tekst) if tekst.chars().count() <= KORT => view! { <div class="voortgang-tekst"><Tekst tekst=tekst/></div> }.into_any(),
        Some(tekst) => {
            let plat = tekst.split_whitespace().collect::<Vec<_>>().join(" ");
            view! {
                <div class="voortgang-tekst">
                    <p class="voortgang-kort">{kort(&plat, KORT)}</p>
                    <details class="voortgang-uitklap">
                        <summary>{m.lees_alles}</summary>
                        <Tekst tekst=tekst/>
                    </details>
                </div>
            }
            .into_any()
        }
    }
}
