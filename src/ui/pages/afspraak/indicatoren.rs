//! The indicators of an agreement with their measurements; a measurement past the signal value
//! says so in words.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::model::Werkruimte;
use crate::ui::components::tekst::Tekst;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

use super::lees;

fn getal(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}").replace('.', ",") }
}

/// Indicators of this agreement with their measurements; a measurement past the signal value
/// says so in words.
#[component]
pub(super) fn Indicatoren(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    move || {
        lees(app, |h| {
            let w = Werkruimte::new(h);
            let inds: Vec<_> = w.indicatoren().into_iter().filter(|i| i.afspraak == Some(id)).collect();
            view! {
                <section aria-labelledby="ind-kop">
                    <h2 id="ind-kop">{a.indicatoren}</h2>
                    {inds.is_empty().then(|| view! { <p>{a.indicatoren_leeg}</p> })}
                    {inds.into_iter().map(|ind| {
                        let metingen = w.metingen_van(ind.id);
                        let eenheid = if ind.eenheid == "%" { " %".to_string() } else { format!(" {}", ind.eenheid) };
                        view! {
                            <h3>{ind.naam.clone()}</h3>
                            <p class="niet-afdrukken">
                                <a href=crate::ui::pages::beheer::indicator_href(ind.id) aria-label=format!("{}: {}", t().beheer.indicator_beheren, ind.naam)>
                                    {t().beheer.indicator_beheren}
                                </a>
                            </p>
                            <dl class="kort">
                                {ind.doel.map(|d| {
                                    let richting = if ind.richting == "maximaal" { a.maximaal } else { a.minimaal };
                                    view! { <dt>{a.doel}</dt><dd>{format!("{richting} {}{}", getal(d), eenheid)}</dd> }
                                })}
                                {ind.signaalwaarde.map(|d| view! { <dt>{a.signaalwaarde}</dt><dd>{format!("{}{}", getal(d), eenheid)}</dd> })}
                            </dl>
                            {(!ind.toelichting.is_empty()).then(|| view! { <Tekst tekst=ind.toelichting.clone()/> })}
                            <crate::ui::components::tempo::IndicatorTempo indicator=ind.id/>
                            {(!metingen.is_empty()).then(|| view! {
                                <div class="tabel-houder" role="region" tabindex="0" aria-label=format!("{}: {}", a.metingen, ind.naam)>
                                    <table>
                                        <caption>{format!("{}: {}", a.metingen, ind.naam)}</caption>
                                        <thead><tr><th scope="col">{a.datum}</th><th scope="col">{a.partij}</th><th scope="col" class="getal">{a.waarde}</th><th scope="col">{a.toelichting}</th></tr></thead>
                                        <tbody>
                                            {metingen.into_iter().map(|m| {
                                                let buiten = m.waarde.is_some_and(|v| ind.buiten_signaal(v));
                                                view! {
                                                    <tr class:buiten-signaal=buiten>
                                                        <td>{crate::domain::time::datum_nl(&m.datum)}</td>
                                                        <td>{m.partij.and_then(|p| w.partij(p)).map(|p| p.naam).unwrap_or_else(|| a.alle_partijen.to_string())}</td>
                                                        <td class="getal">{m.waarde.map(|v| format!("{}{}", getal(v), eenheid)).unwrap_or_default()}</td>
                                                        <td>
                                                            {buiten.then(|| view! { <strong class="signaal">{"⚠ "}{a.buiten_signaal}</strong>" " })}
                                                            {m.toelichting.clone()}
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            })}
                        }
                    }).collect_view()}
                    <p class="niet-afdrukken"><a href=crate::ui::pages::beheer::nieuwe_indicator_href(id)>{t().beheer.indicator_toevoegen}</a></p>
                </section>
            }
        })
    }
}

