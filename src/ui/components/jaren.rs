//! Parts of the Overzicht about the workspace and its years: what the workspace is (its
//! description, and the agreements' introduction with footnotes), two years compared side by
//! side with the peilmomenten of each, and the way to prepare a new year.

use leptos::prelude::*;

use crate::domain::jaarcyclus::vergelijk_jaren;
use crate::domain::model::{Status, Werkruimte};
use crate::domain::time::datum_nl;
use crate::ui::components::notities::ronde_naam;
use crate::ui::components::status::StatusLabel;
use crate::ui::components::tekst::Tekst;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

/// The workspace's own description, and the introduction of the agreements with its footnotes
/// (folded away).
#[component]
pub fn OverDeWerkruimte() -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let info = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| Werkruimte::new(h).info())));
    move || {
        let i = info.get()?;
        if i.omschrijving.trim().is_empty() && i.inleiding.trim().is_empty() {
            return None;
        }
        Some(view! {
            <section aria-labelledby="over-kop" id="over-werkruimte">
                <h2 id="over-kop">{j.ov_kop}</h2>
                {(!i.omschrijving.trim().is_empty()).then(|| view! { <div id="omschrijving"><Tekst tekst=i.omschrijving.clone()/></div> })}
                {(!i.inleiding.trim().is_empty()).then(|| view! {
                    <details id="inleiding">
                        <summary>{j.ov_inleiding}</summary>
                        <Tekst tekst=i.inleiding.clone()/>
                        {(!i.voetnoten.is_empty()).then(|| view! {
                            <h3>{j.ov_voetnoten}</h3>
                            <ol class="voetnoten">{i.voetnoten.iter().map(|v| view! { <li>{v.clone()}</li> }).collect_view()}</ol>
                        })}
                    </details>
                })}
            </section>
        })
    }
}

/// Two years side by side: status counts and their difference, how many of the later year
/// continue the earlier, and the peilmomenten of each year. Also the link to prepare a new year.
#[component]
pub fn JarenVergelijken() -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let jaren = Memo::new(move |_| {
        app.afspraken.with(|x| x.0 .0.iter().filter_map(|j| j.jaar).collect::<std::collections::BTreeSet<i64>>().into_iter().collect::<Vec<_>>())
    });
    let later = RwSignal::new(None::<i64>);
    let eerder = RwSignal::new(None::<i64>);
    // Proposed: the latest year against the year before it.
    let paar = Memo::new(move |_| {
        let js = jaren.get();
        let l = later.get().filter(|y| js.contains(y)).or_else(|| js.last().copied())?;
        let e = eerder.get().filter(|y| js.contains(y)).or_else(|| js.iter().rev().find(|y| **y < l).copied()).or_else(|| js.first().copied())?;
        Some((e, l))
    });
    let vergelijking = Memo::new(move |_| {
        let (e, l) = paar.get()?;
        Some(app.afspraken.with(|x| vergelijk_jaren(&x.0 .0, e, l)))
    });
    let peilen = Memo::new(move |_| {
        app.history.with(|h| h.as_ref().map(|h| Werkruimte::new(h).peilmomenten()).unwrap_or_default())
    });
    let keuze = move |id: &'static str, label: &'static str, gekozen: Memo<Option<i64>>, zet: RwSignal<Option<i64>>| {
        view! {
            <div class="veld">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| zet.set(event_target_value(&ev).parse().ok())>
                    {move || jaren.get().into_iter().map(|y| view! { <option value=y.to_string() prop:selected=move || gekozen.get() == Some(y)>{y}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let gekozen_eerder = Memo::new(move |_| paar.get().map(|(e, _)| e));
    let gekozen_later = Memo::new(move |_| paar.get().map(|(_, l)| l));
    view! {
        <section aria-labelledby="jaren-kop" id="jaren-vergelijken">
            <h2 id="jaren-kop">{j.vj_kop}</h2>
            <p class="niet-afdrukken"><a href="#/nieuw-jaar" id="nieuw-jaar-link">{j.nj_link}</a>{" – "}{j.nj_link_uitleg}</p>
            {move || if jaren.with(|v| v.len() < 2) {
                view! { <p>{j.vj_te_weinig}</p> }.into_any()
            } else {
                view! {
                    <div class="veld-rij niet-afdrukken">
                        {keuze("vj-eerder", j.vj_eerder, gekozen_eerder, eerder)}
                        {keuze("vj-later", j.vj_later, gekozen_later, later)}
                    </div>
                }.into_any()
            }}
            {move || vergelijking.get().filter(|v| v.eerder.0 != v.later.0).map(|v| {
                let (e, te) = v.eerder;
                let (l, tl) = v.later;
                let peil_van = move |jaar: i64| peilen.with(|p| p.iter().filter(|x| x.jaar == Some(jaar)).cloned().collect::<Vec<_>>());
                view! {
                    // On a narrow screen the table scrolls inside its own region, named by its caption.
                    <div class="tabel-houder" role="region" tabindex="0" aria-labelledby="jaren-tabel-bijschrift">
                        <table id="jaren-tabel" class="telling">
                            <caption id="jaren-tabel-bijschrift">{vul(j.vj_bijschrift, &[&e.to_string(), &l.to_string()])}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{j.vj_status}</th>
                                    <th scope="col" class="getal">{e}</th>
                                    <th scope="col" class="getal">{l}</th>
                                    <th scope="col" class="getal">{j.vj_verschil}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {Status::ALL.into_iter().map(|s| {
                                    let (x, y) = (te.van(s) as i64, tl.van(s) as i64);
                                    view! {
                                        <tr data-status=s.code()>
                                            <th scope="row"><StatusLabel status=s/></th>
                                            <td class="getal">{x}</td>
                                            <td class="getal">{y}</td>
                                            <td class="getal">{verschil(y - x)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                            <tfoot>
                                <tr>
                                    <th scope="row">{j.vj_totaal}</th>
                                    <td class="getal">{te.totaal()}</td>
                                    <td class="getal">{tl.totaal()}</td>
                                    <td class="getal">{verschil(tl.totaal() as i64 - te.totaal() as i64)}</td>
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                    <p id="jaren-voortgezet">{vul(j.vj_voortgezet, &[&v.voortgezet.to_string(), &tl.totaal().to_string(), &l.to_string(), &e.to_string()])}</p>
                    <div class="veld-rij">
                        {[e, l].into_iter().map(|jaar| {
                            let lijst = peil_van(jaar);
                            view! {
                                <div class="jaar-peil" data-jaar=jaar.to_string()>
                                    <h3>{vul(j.vj_peil, &[&jaar.to_string()])}</h3>
                                    {if lijst.is_empty() {
                                        view! { <p class="zacht">{j.vj_geen_peil}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="kale-lijst">
                                                {lijst.into_iter().map(|p| {
                                                    let ronde = if p.ronde.is_empty() { j.pm_ronde_onbekend.to_string() } else { ronde_naam(&p.ronde) };
                                                    view! {
                                                        <li>
                                                            {format!("{} · {} · {}", p.naam, ronde, datum_nl(&p.datum))}" "
                                                            <a href=format!("#/peilmomenten?voor={}&na=nu", p.id)>{j.vj_vergelijk_nu}<span class="visueel-verborgen">": "{p.naam.clone()}</span></a>
                                                        </li>
                                                    }
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }
            })}
        </section>
    }
}

/// "+3", "−2", "0".
fn verschil(d: i64) -> String {
    match d {
        0 => "0".into(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", -d),
    }
}
