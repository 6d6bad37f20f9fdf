//! A kaderafspraak's indicator over the period of the agreements: its value per year as a small
//! bar chart (inline SVG drawn by the app, with a text alternative), the same numbers as a table,
//! and whether the pace so far reaches the target at the end of the period
//! ([`crate::domain::report::tempo`]).

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::getal::getal_tekst;
use crate::domain::model::Werkruimte;
use crate::domain::report::tempo::{self, Soort, Tempo};
use crate::domain::schema::ItemSoort;
use crate::domain::time::datum_nl;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

const BREED: f64 = 360.0;
const HOOG: f64 = 170.0;
const LINKS: f64 = 36.0;
const ONDER: f64 = 24.0;
const BOVEN: f64 = 16.0;

/// Shown under an indicator of a kaderafspraak that has a target, when the workspace has a
/// period; nothing otherwise.
#[component]
pub fn IndicatorTempo(indicator: Uuid) -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        app.history.with(|h| {
            let h = h.as_ref()?;
            let w = Werkruimte::new(h);
            let ind = w.indicator(indicator);
            let afspraak = ind.afspraak?;
            if h.soort(afspraak) != Some(ItemSoort::Kaderafspraak) || ind.doel.is_none() {
                return None;
            }
            let info = w.info();
            let (van, tot) = (info.periode_van?, info.periode_tot?);
            if tot < van || tot - van > 30 {
                return None;
            }
            let eenheid = if ind.eenheid == "%" { " %".to_string() } else if ind.eenheid.is_empty() { String::new() } else { format!(" {}", ind.eenheid) };
            Some((ind.naam.clone(), eenheid, tempo::tempo(&ind, &w.metingen_van(indicator), van, tot)))
        })
    });
    move || data.get().map(|(naam, eenheid, tempo)| view! { <Weergave id=indicator naam=naam eenheid=eenheid tempo=tempo/> })
}

#[component]
fn Weergave(id: Uuid, naam: String, eenheid: String, tempo: Tempo) -> impl IntoView {
    let j = t().jaarcyclus;
    let eenheid = std::sync::Arc::new(eenheid);
    let getal = {
        let eenheid = eenheid.clone();
        move |x: f64| format!("{}{}", getal_tekst((x * 10.0).round() / 10.0), eenheid)
    };
    let doel = tempo.doel.unwrap_or_default();
    let oordeel = match (tempo.soort, tempo.haalt, &tempo.laatste) {
        (_, None, _) | (_, _, None) => j.tp_geen.to_string(),
        (Soort::Cumulatief, Some(h), Some(_)) => {
            let eind = tempo.verwacht_eind.map(&getal).unwrap_or_default();
            vul(if h { j.tp_op_koers } else { j.tp_achter }, &[&tempo.tot.to_string(), &eind, &getal(doel)])
        }
        (Soort::Niveau, Some(h), Some((_, w))) => vul(if h { j.tp_niveau_ok } else { j.tp_niveau_niet }, &[&getal(*w), &getal(doel)]),
    };
    let nodig = match (tempo.soort, tempo.nodig_nu, &tempo.laatste) {
        (Soort::Cumulatief, Some(n), Some((d, _))) => Some(vul(j.tp_nodig, &[&datum_nl(d), &getal(n)])),
        _ => None,
    };
    let titel_id = format!("tempo-titel-{id}");
    let desc_id = format!("tempo-uitleg-{id}");
    let beschrijving = vul(j.tp_grafiek, &[&naam, &tempo.van.to_string(), &tempo.tot.to_string(), &getal(doel)]);
    let bijschrift = vul(j.tp_bijschrift, &[&naam, &tempo.van.to_string(), &tempo.tot.to_string()]);
    let haalt = tempo.haalt;
    view! {
        <div class="tempo" data-tempo=id.to_string()>
            <h4>{j.tp_kop}</h4>
            <p>{vul(j.tp_doel, &[&tempo.tot.to_string(), &getal(doel)])}</p>
            <p class="tempo-oordeel" data-haalt=haalt.map(|h| h.to_string()).unwrap_or_default()>
                {haalt.map(|h| view! { <span aria-hidden="true">{if h { "✓ " } else { "⚠ " }}</span> })}
                {oordeel}
            </p>
            {nodig.map(|n| view! { <p class="klein">{n}</p> })}
            {grafiek(&tempo, &titel_id, &desc_id, &bijschrift, &beschrijving)}
            <div class="tabel-houder">
                <table class="tempo-tabel">
                    <caption>{bijschrift.clone()}</caption>
                    <thead><tr><th scope="col">{j.tp_jaar}</th><th scope="col" class="getal">{j.tp_waarde}</th><th scope="col">{j.tp_datum}</th></tr></thead>
                    <tbody>
                        {tempo.per_jaar.iter().map(|jw| view! {
                            <tr>
                                <th scope="row">{jw.jaar}</th>
                                <td class="getal">{jw.waarde.map(&getal).unwrap_or_else(|| j.tp_geen_waarde.to_string())}</td>
                                <td>{jw.datum.as_deref().map(datum_nl).unwrap_or_else(|| j.tp_geen_waarde.to_string())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// The bar chart: a bar per year with its value, the target as a dashed line and (for a count)
/// the even pace to the target as a dotted line.
fn grafiek(tempo: &Tempo, titel_id: &str, desc_id: &str, titel: &str, beschrijving: &str) -> impl IntoView {
    let doel = tempo.doel.unwrap_or_default();
    let hoogste = tempo.per_jaar.iter().filter_map(|j| j.waarde).fold(doel, f64::max).max(1.0) * 1.1;
    let n = tempo.per_jaar.len().max(1) as f64;
    let vak = (BREED - LINKS) / n;
    let y = move |w: f64| HOOG - ONDER - (w / hoogste) * (HOOG - ONDER - BOVEN);
    let staven: Vec<_> = tempo
        .per_jaar
        .iter()
        .enumerate()
        .map(|(i, jw)| {
            let x = LINKS + vak * i as f64;
            let midden = x + vak / 2.0;
            let staaf = jw.waarde.map(|w| {
                let top = y(w.max(0.0));
                view! {
                    <rect class="tempo-staaf" x=format!("{:.1}", x + vak * 0.2) y=format!("{top:.1}") width=format!("{:.1}", vak * 0.6) height=format!("{:.1}", (HOOG - ONDER - top).max(0.0))></rect>
                    <text class="tempo-getal" x=format!("{midden:.1}") y=format!("{:.1}", top - 3.0) text-anchor="middle">{getal_tekst((w * 10.0).round() / 10.0)}</text>
                }
            });
            view! {
                {staaf}
                <text class="tempo-jaar" x=format!("{midden:.1}") y=format!("{:.1}", HOOG - 6.0) text-anchor="middle">{jw.jaar}</text>
            }
        })
        .collect();
    let doel_y = y(doel);
    let tempo_lijn = (tempo.soort == Soort::Cumulatief).then(|| {
        view! { <line class="tempo-tempo" x1=format!("{LINKS:.1}") y1=format!("{:.1}", y(0.0)) x2=format!("{BREED:.1}") y2=format!("{doel_y:.1}")></line> }
    });
    view! {
        <svg class="tempo-grafiek" viewBox=format!("0 0 {BREED} {HOOG}") width=BREED.to_string() height=HOOG.to_string() role="img" aria-labelledby=format!("{titel_id} {desc_id}") focusable="false">
            <title id=titel_id.to_string()>{titel.to_string()}</title>
            <desc id=desc_id.to_string()>{beschrijving.to_string()}</desc>
            <line class="tempo-as" x1=format!("{LINKS:.1}") y1=format!("{:.1}", HOOG - ONDER) x2=format!("{BREED:.1}") y2=format!("{:.1}", HOOG - ONDER)></line>
            {staven}
            {tempo_lijn}
            <line class="tempo-doel" x1=format!("{LINKS:.1}") y1=format!("{doel_y:.1}") x2=format!("{BREED:.1}") y2=format!("{doel_y:.1}")></line>
            <text class="tempo-doel-tekst" x="2" y=format!("{:.1}", doel_y + 4.0)>{getal_tekst(doel)}</text>
        </svg>
    }
}
