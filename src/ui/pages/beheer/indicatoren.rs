//! Indicatoren (measurable targets of an agreement) and their metingen (measured values).

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::getal::getal_tekst;
use crate::domain::history::History;
use crate::domain::model::{Indicator, Meting, Werkruimte};
use crate::domain::schema::{ItemSoort, RICHTINGEN};
use crate::domain::time::{datum_nl, parse_datum};
use crate::ui::components::begin::Begin;
use crate::ui::components::waarde::kort;
use crate::ui::router::afspraak_href;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

use super::formulier::{
    focus_straks, getal_of_fout, knop_id, lees, lees_nu, Doel, FormKnoppen, Formulier, Groep, ItemKnoppen, Keuze, NieuwKnop, Optie, Veld,
};

const NIEUWE_INDICATOR: &str = "nieuwe-indicator";

/// The id of an indicator's heading: the Beheer page scrolls there from an agreement.
pub fn indicator_kop_id(id: Uuid) -> String {
    format!("indicator-kop-{id}")
}

fn eenheid_tekst(eenheid: &str) -> String {
    match eenheid.trim() {
        "" => String::new(),
        e => format!(" {e}"),
    }
}

fn richting_woord(richting: &str) -> &'static str {
    let b = t().beheer;
    if richting == "maximaal" { b.maximaal_kort } else { b.minimaal_kort }
}

/// "K 1.1 Title" of an agreement, shortened for a select list.
fn afspraak_label(h: &History, id: Uuid) -> String {
    let w = Werkruimte::new(h);
    let f = crate::domain::model::Fields::new(h, id);
    kort(format!("{} {}", w.label(id), f.text("titel")).trim(), 90)
}

/// Agreements to choose from: kaderafspraken, then jaarafspraken per year.
fn afspraak_groepen(h: &History) -> Vec<Groep> {
    let b = t().beheer;
    let w = Werkruimte::new(h);
    let mut groepen: Vec<Groep> = Vec::new();
    let kaders: Vec<Optie> = w.kaderafspraken().into_iter().map(|k| (k.id.to_string(), afspraak_label(h, k.id))).collect();
    if !kaders.is_empty() {
        groepen.push((b.kaderafspraken.to_string(), kaders));
    }
    // (year, options) in order of appearance; sorted by year below.
    let mut jaren: Vec<(Option<i64>, Vec<Optie>)> = Vec::new();
    for j in w.jaarafspraken() {
        let optie = (j.id.to_string(), afspraak_label(h, j.id));
        match jaren.iter_mut().find(|(y, _)| *y == j.jaar) {
            Some((_, v)) => v.push(optie),
            None => jaren.push((j.jaar, vec![optie])),
        }
    }
    jaren.sort_by_key(|(y, _)| *y);
    for (y, v) in jaren {
        let label = match y {
            Some(y) => vul(b.jaarafspraken_jaar, &[&y.to_string()]),
            None => b.jaarafspraken.to_string(),
        };
        groepen.push((label, v));
    }
    groepen
}

#[component]
pub fn Indicatoren(voor_afspraak: Option<Uuid>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let lijst = Memo::new(move |_| {
        lees(app, |h| {
            Werkruimte::new(h)
                .indicatoren()
                .into_iter()
                .map(|i| {
                    let afspraak = i.afspraak.filter(|a| h.exists(*a)).map(|a| (a, afspraak_label(h, a), h.is_deleted(a)));
                    (i, afspraak)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let voor_afspraak = voor_afspraak.filter(|a| lees_nu(app, |h| h.exists(*a)).unwrap_or(false));
    let bewerk = RwSignal::new(voor_afspraak.map(|_| Doel::Nieuw));
    view! {
        <section aria-labelledby="indicatoren-kop" id="indicatoren">
            <h2 id="indicatoren-kop" tabindex="-1">{b.indicatoren}</h2>
            <p>{b.indicatoren_uitleg}</p>
            {move || lijst.with(Vec::is_empty).then(|| view! { <p>{b.geen_indicatoren}</p> })}
            <ul class="beheer-lijst" id="indicator-lijst">
                <For each=move || lijst.get() key=|x| format!("{x:?}") let:x>
                    <IndicatorRij x=x.0 afspraak=x.1 bewerk=bewerk/>
                </For>
            </ul>
            <NieuwKnop bewerk=bewerk id=NIEUWE_INDICATOR label=b.nieuwe_indicator/>
            {move || (bewerk.get() == Some(Doel::Nieuw)).then(|| view! { <IndicatorForm id=None bewerk=bewerk voor_afspraak=voor_afspraak/> })}
        </section>
    }
}

#[component]
fn IndicatorRij(x: Indicator, afspraak: Option<(Uuid, String, bool)>, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let id = x.id;
    let b = t().beheer;
    let open = Memo::new(move |_| bewerk.get() == Some(Doel::Item(id)));
    let ind = x.clone();
    view! {
        <li class="beheer-item indicator" id=format!("indicator-{id}")>
            {move || if open.get() {
                view! { <IndicatorForm id=Some(id) bewerk=bewerk voor_afspraak=None/> }.into_any()
            } else {
                let e = eenheid_tekst(&x.eenheid);
                view! {
                    <h3 id=indicator_kop_id(id) tabindex="-1">{x.naam.clone()}</h3>
                    <dl class="kort beheer-gegevens">
                        <dt>{b.afspraak}</dt>
                        <dd>{match afspraak.clone() {
                            Some((a, label, verwijderd)) => view! {
                                <a href=afspraak_href(a)>{label}</a>
                                {verwijderd.then(|| view! { " "<span class="label">{b.verwijderd}</span> })}
                            }.into_any(),
                            None => b.geen_afspraak.into_any(),
                        }}</dd>
                        {x.doel.map(|d| view! { <dt>{b.doel}</dt><dd>{format!("{} {}{e}", richting_woord(&x.richting), getal_tekst(d))}</dd> })}
                        {x.signaalwaarde.map(|d| view! { <dt>{b.signaalwaarde}</dt><dd>{format!("{}{e}", getal_tekst(d))}</dd> })}
                    </dl>
                    {(!x.toelichting.is_empty()).then(|| view! { <p class="beheer-toelichting">{kort(&x.toelichting, 300)}</p> })}
                    <ItemKnoppen item=id soort=ItemSoort::Indicator naam=x.naam.clone() bewerk=bewerk/>
                }.into_any()
            }}
            <Metingen ind=ind/>
        </li>
    }
}

#[component]
fn IndicatorForm(id: Option<Uuid>, bewerk: RwSignal<Option<Doel>>, voor_afspraak: Option<Uuid>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let item = id.unwrap_or_else(Uuid::new_v4);
    let huidig: Option<Indicator> = id.and_then(|id| lees_nu(app, |h| Werkruimte::new(h).indicatoren().into_iter().find(|i| i.id == id)).flatten());
    let tekst = |f: fn(&Indicator) -> String| RwSignal::new(huidig.as_ref().map(f).unwrap_or_default());
    let afspraak = RwSignal::new(huidig.as_ref().and_then(|i| i.afspraak).or(voor_afspraak).map(|a| a.to_string()).unwrap_or_default());
    let naam = tekst(|i| i.naam.clone());
    let eenheid = tekst(|i| i.eenheid.clone());
    let doel = tekst(|i| i.doel.map(getal_tekst).unwrap_or_default());
    let richting = RwSignal::new(huidig.as_ref().map(|i| i.richting.clone()).filter(|r| !r.is_empty()).unwrap_or_else(|| "minimaal".into()));
    let signaal = tekst(|i| i.signaalwaarde.map(getal_tekst).unwrap_or_default());
    let toelichting = tekst(|i| i.toelichting.clone());
    let is = ItemSoort::Indicator;
    let getal = |x: Option<f64>| x.map_or(Value::Null, |x| json!(x));
    // The values as the form writes them, with the numbers as read from the fields.
    let waarden = move |d: Option<f64>, s: Option<f64>| {
        vec![
            ("afspraak", json!(afspraak.get_untracked())),
            ("naam", json!(naam.get_untracked().trim())),
            ("eenheid", json!(eenheid.get_untracked().trim())),
            ("doel", getal(d)),
            ("richting", json!(richting.get_untracked())),
            ("signaalwaarde", getal(s)),
            ("toelichting", json!(toelichting.get_untracked().trim())),
        ]
    };
    let begin = Begin::new(match id {
        Some(_) => {
            let getal_nu = |x: RwSignal<String>| getal_of_fout(&x.get_untracked()).ok().flatten();
            Beginwaarden::geopend(item, is, waarden(getal_nu(doel), getal_nu(signaal)))
        }
        None => Beginwaarden::nieuw(item, is),
    });
    let form = Formulier::new(format!("indicator-{item}"));
    focus_straks(form.id(if voor_afspraak.is_some() { "naam" } else { "afspraak" }));
    let terug = if id.is_some() { knop_id(item) } else { NIEUWE_INDICATOR.to_string() };
    let mut groepen = lees_nu(app, afspraak_groepen).unwrap_or_default();
    // An agreement that was deleted stays choosable while this indicator points to it.
    if let Some(oud) = huidig.as_ref().and_then(|i| i.afspraak) {
        if !groepen.iter().any(|(_, v)| v.iter().any(|(o, _)| *o == oud.to_string())) {
            let label = lees_nu(app, |h| afspraak_label(h, oud)).unwrap_or_default();
            groepen.push((String::new(), vec![(oud.to_string(), vul(b.verwijderd_label, &[&label]))]));
        }
    }
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut fouten = Vec::new();
        let a = afspraak.get_untracked();
        if Uuid::parse_str(&a).is_err() {
            fouten.push(("afspraak", b.afspraak_nodig.to_string()));
        }
        let n = naam.get_untracked().trim().to_string();
        if n.is_empty() {
            fouten.push(("naam", b.naam_nodig.to_string()));
        }
        let d = getal_of_fout(&doel.get_untracked()).unwrap_or_else(|m| {
            fouten.push(("doel", m));
            None
        });
        let r = richting.get_untracked();
        if !RICHTINGEN.contains(&r.as_str()) {
            fouten.push(("richting", b.richting_nodig.to_string()));
        }
        let s = getal_of_fout(&signaal.get_untracked()).unwrap_or_else(|m| {
            fouten.push(("signaalwaarde", m));
            None
        });
        if !form.controleer(fouten) {
            return;
        }
        begin.bewaar(app, &waarden(d, s), b.opgeslagen);
        bewerk.set(None);
        focus_straks(knop_id(item));
    };
    let richtingen = vec![(String::new(), vec![("minimaal".to_string(), b.minimaal.to_string()), ("maximaal".to_string(), b.maximaal.to_string())])];
    let kop = if id.is_some() { b.indicator_bewerken } else { b.nieuwe_indicator };
    view! {
        <form class="formulier beheer-formulier" on:submit=bewaar novalidate aria-label=kop>
            <h3>{kop}</h3>
            <Keuze form=form veld="afspraak" label=b.afspraak waarde=afspraak groepen=groepen leeg=b.kies verplicht=true/>
            <Veld form=form veld="naam" label=b.naam waarde=naam verplicht=true/>
            <Veld form=form veld="eenheid" label=b.eenheid waarde=eenheid hulp=b.eenheid_hulp/>
            <div class="veld-rij">
                <Veld form=form veld="doel" label=b.doel waarde=doel inputmode="decimal" hulp=b.getal_hulp/>
                <Keuze form=form veld="richting" label=b.richting waarde=richting groepen=richtingen/>
                <Veld form=form veld="signaalwaarde" label=b.signaalwaarde waarde=signaal inputmode="decimal" hulp=b.signaal_hulp/>
            </div>
            <Veld form=form veld="toelichting" label=b.toelichting waarde=toelichting regels=4/>
            <FormKnoppen bewerk=bewerk terug=terug/>
        </form>
    }
}

/// The measurements of one indicator: a table, and adding, editing and deleting them.
#[component]
fn Metingen(ind: Indicator) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let ind_id = ind.id;
    let lijst = Memo::new(move |_| {
        lees(app, |h| {
            let w = Werkruimte::new(h);
            w.metingen_van(ind_id)
                .into_iter()
                .map(|m| {
                    let partij = m.partij.and_then(|p| w.partij(p)).map(|p| p.naam).unwrap_or_else(|| b.alle_partijen.to_string());
                    (m, partij)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let bewerk = RwSignal::new(None::<Doel>);
    let nieuw_knop = format!("nieuwe-meting-{ind_id}");
    let nieuw_knop2 = nieuw_knop.clone();
    let naam = ind.naam.clone();
    let ind2 = ind.clone();
    view! {
        <div class="metingen">
            <h4>{b.metingen}</h4>
            {move || {
                if lijst.with(Vec::is_empty) {
                    return view! { <p>{b.geen_metingen}</p> }.into_any();
                }
                let ind = ind2.clone();
                let naam = naam.clone();
                view! {
                    <div class="tabel-houder" role="region" tabindex="0" aria-label=format!("{}: {naam}", b.metingen)>
                        <table id=format!("metingen-{ind_id}")>
                            <caption class="visueel-verborgen">{format!("{}: {naam}", b.metingen)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{b.datum}</th>
                                    <th scope="col">{b.partij}</th>
                                    <th scope="col" class="getal">{b.waarde}</th>
                                    <th scope="col">{b.toelichting}</th>
                                    <th scope="col"><span class="visueel-verborgen">{b.acties}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || lijst.get() key=|x| format!("{x:?}") let:x>
                                    <MetingRij m=x.0 partij=x.1 ind=ind.clone() bewerk=bewerk/>
                                </For>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <NieuwKnop bewerk=bewerk id=nieuw_knop label=b.nieuwe_meting/>
            {move || (bewerk.get() == Some(Doel::Nieuw)).then(|| view! { <MetingForm ind=ind_id id=None bewerk=bewerk nieuw_knop=nieuw_knop2.clone()/> })}
        </div>
    }
}

#[component]
fn MetingRij(m: Meting, partij: String, ind: Indicator, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let id = m.id;
    let b = t().beheer;
    let open = Memo::new(move |_| bewerk.get() == Some(Doel::Item(id)));
    move || {
        if open.get() {
            return view! {
                <tr class="meting-bewerken"><td colspan="5"><MetingForm ind=ind.id id=Some(id) bewerk=bewerk nieuw_knop=String::new()/></td></tr>
            }
            .into_any();
        }
        let buiten = m.waarde.is_some_and(|v| ind.buiten_signaal(v));
        let naam = format!("{} {}", datum_nl(&m.datum), partij);
        view! {
            <tr class:buiten-signaal=buiten>
                <td>{datum_nl(&m.datum)}</td>
                <td>{partij.clone()}</td>
                <td class="getal">{m.waarde.map(|v| format!("{}{}", getal_tekst(v), eenheid_tekst(&ind.eenheid))).unwrap_or_default()}</td>
                <td>
                    {buiten.then(|| view! { <strong class="signaal">"⚠ "{b.buiten_signaal}</strong>" " })}
                    {m.toelichting.clone()}
                </td>
                <td><ItemKnoppen item=id soort=ItemSoort::Meting naam=naam bewerk=bewerk/></td>
            </tr>
        }
        .into_any()
    }
}

#[component]
fn MetingForm(ind: Uuid, id: Option<Uuid>, bewerk: RwSignal<Option<Doel>>, nieuw_knop: String) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let item = id.unwrap_or_else(Uuid::new_v4);
    let huidig: Option<Meting> = id.and_then(|id| lees_nu(app, |h| Werkruimte::new(h).metingen_van(ind).into_iter().find(|m| m.id == id)).flatten());
    let datum = RwSignal::new(huidig.as_ref().map(|m| m.datum.clone()).unwrap_or_default());
    let partij = RwSignal::new(huidig.as_ref().and_then(|m| m.partij).map(|p| p.to_string()).unwrap_or_default());
    let waarde = RwSignal::new(huidig.as_ref().and_then(|m| m.waarde).map(getal_tekst).unwrap_or_default());
    let toelichting = RwSignal::new(huidig.as_ref().map(|m| m.toelichting.clone()).unwrap_or_default());
    let ms = ItemSoort::Meting;
    // The values as the form writes them, with the number as read from its field.
    let waarden = move |w: Option<f64>| {
        let p = partij.get_untracked();
        let d = datum.get_untracked().trim().to_string();
        vec![
            ("indicator", json!(ind.to_string())),
            ("datum", json!(d)),
            ("partij", if Uuid::parse_str(&p).is_ok() { json!(p) } else { Value::Null }),
            ("waarde", w.map_or(Value::Null, |w| json!(w))),
            ("toelichting", json!(toelichting.get_untracked().trim())),
        ]
    };
    let begin = Begin::new(match id {
        Some(_) => Beginwaarden::geopend(item, ms, waarden(getal_of_fout(&waarde.get_untracked()).ok().flatten())),
        None => Beginwaarden::nieuw(item, ms),
    });
    let form = Formulier::new(format!("meting-{item}"));
    focus_straks(form.id("datum"));
    let terug = if id.is_some() { knop_id(item) } else { nieuw_knop };
    let partijen = lees_nu(app, |h| Werkruimte::new(h).partijen()).unwrap_or_default();
    let mut opties: Vec<(String, String)> = partijen.iter().map(|p| (p.id.to_string(), p.naam.clone())).collect();
    if let Some(oud) = huidig.as_ref().and_then(|m| m.partij).filter(|p| !partijen.iter().any(|x| x.id == *p)) {
        let label = lees_nu(app, |h| Werkruimte::new(h).label(oud)).unwrap_or_default();
        opties.push((oud.to_string(), vul(b.verwijderd_label, &[&label])));
    }
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut fouten = Vec::new();
        let d = datum.get_untracked().trim().to_string();
        if d.is_empty() {
            fouten.push(("datum", b.datum_nodig.to_string()));
        } else if parse_datum(&d).is_none() {
            fouten.push(("datum", b.datum_fout.to_string()));
        }
        let w = match getal_of_fout(&waarde.get_untracked()) {
            Ok(Some(w)) => Some(w),
            Ok(None) => {
                fouten.push(("waarde", b.waarde_nodig.to_string()));
                None
            }
            Err(m) => {
                fouten.push(("waarde", m));
                None
            }
        };
        if !form.controleer(fouten) {
            return;
        }
        begin.bewaar(app, &waarden(w), b.opgeslagen);
        bewerk.set(None);
        focus_straks(knop_id(item));
    };
    let kop = if id.is_some() { b.meting_bewerken } else { b.nieuwe_meting };
    view! {
        <form class="formulier beheer-formulier" on:submit=bewaar novalidate aria-label=kop>
            <h5 class="formulier-kop">{kop}</h5>
            <div class="veld-rij">
                <Veld form=form veld="datum" label=b.datum waarde=datum soort="date" verplicht=true/>
                <Keuze form=form veld="partij" label=b.partij waarde=partij groepen=vec![(String::new(), opties)] leeg=b.alle_partijen/>
                <Veld form=form veld="waarde" label=b.waarde waarde=waarde inputmode="decimal" verplicht=true hulp=b.getal_hulp/>
            </div>
            <Veld form=form veld="toelichting" label=b.toelichting waarde=toelichting regels=2/>
            <FormKnoppen bewerk=bewerk terug=terug/>
        </form>
    }
}
