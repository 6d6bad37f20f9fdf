//! The dashboard of a workspace and year: counts per theme and per trekker, the rood and geel
//! items with cause and action, indicators past their signal value, what changed since a chosen
//! peilmoment, and a reminder to make a backup.

use leptos::prelude::*;

use crate::domain::format::ExportSoort;
use crate::domain::model::{Status, Werkruimte};
use crate::domain::report::{self, Filter};
use crate::domain::schema::ItemSoort;
use crate::domain::time::parse_datum;
use crate::storage::nu;
use crate::ui::components::datum::{datum_tekst, tijd_tekst};
use crate::ui::components::status::StatusLabel;
use crate::ui::components::tabel::TellingTabel;
use crate::ui::components::conflict::ConflictLabel;
use crate::ui::router::afspraak_href;
use crate::ui::state::{use_app, Gedeeld};
use crate::ui::teksten::{t, vul};

/// The year a dashboard opens on: the latest year with an assessed jaarafspraak, else the latest.
fn standaard_jaar_uit(js: &[crate::domain::model::Jaarafspraak]) -> Option<i64> {
    js.iter()
        .filter(|j| j.status != Status::NietBeoordeeld)
        .filter_map(|j| j.jaar)
        .max()
        .or_else(|| js.iter().filter_map(|j| j.jaar).max())
}

fn getal(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}").replace('.', ",") }
}

#[component]
pub fn Overzicht() -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    crate::ui::zet_titel(a.overzicht_titel);
    let alle = app.afspraken;
    let jaren = Memo::new(move |_| {
        alle.with(|a| a.0 .0.iter().filter_map(|j| j.jaar).collect::<std::collections::BTreeSet<i64>>().into_iter().collect::<Vec<_>>())
    });
    let jaar = RwSignal::new(alle.with_untracked(|a| standaard_jaar_uit(&a.0 .0)));
    // The jaarafspraken of the chosen year, shared by the counts and the attention list.
    let van_jaar = Memo::new(move |_| {
        let j = jaar.get();
        alle.with(|a| Gedeeld(std::sync::Arc::new(a.0 .0.iter().filter(|x| j.is_none() || x.jaar == j).cloned().collect::<Vec<_>>())))
    });
    // "changed since": 0 = the start, else a peilmoment's date (ms)
    let sinds = RwSignal::new(0i64);
    let titel = move || app.history.with(|h| h.as_ref().map(|h| Werkruimte::new(h).info().titel).unwrap_or_default());
    let filter_link = move |wijzig: &dyn Fn(&mut Filter)| {
        let mut f = Filter { jaar: jaar.get_untracked(), ..Filter::default() };
        wijzig(&mut f);
        format!("#/afspraken?{}", f.to_query())
    };

    let per_thema = move || {
        let js = van_jaar.get();
        app.history.with(|h| {
            let h = h.as_ref()?;
            Some(report::per_thema_uit(h, &js.0).into_iter().map(|(th, tel)| match th {
                Some(th) => {
                    let link = filter_link(&|f| f.thema = Some(th.id));
                    (format!("{} {}", th.nummer, th.titel), Some(link), tel)
                }
                None => (a.zonder_thema.to_string(), None, tel),
            }).collect::<Vec<_>>())
        })
    };
    let per_trekker = move || {
        let js = van_jaar.get();
        app.history.with(|h| {
            let h = h.as_ref()?;
            Some(report::per_trekker_uit(h, &js.0).into_iter().map(|(naam, tel)| {
                // Jaarafspraken without a trekker (new plans) are counted, not linked.
                if naam.is_empty() {
                    return (t().jaarcyclus.zonder_trekker.to_string(), None, tel);
                }
                let link = filter_link(&|f| f.trekker = Some(naam.clone()));
                (naam, Some(link), tel)
            }).collect::<Vec<_>>())
        })
    };
    let aandacht = move || van_jaar.with(|js| report::aandacht_uit(&js.0));
    let signalen = move || {
        app.history.with(|h| {
            let Some(h) = h.as_ref() else { return Vec::new() };
            let w = Werkruimte::new(h);
            w.buiten_signaal().into_iter().map(|(ind, m)| {
                let partij = m.partij.and_then(|p| w.partij(p)).map(|p| p.naam).unwrap_or_else(|| a.alle_partijen.to_string());
                let afspraak = ind.afspraak.map(|id| (id, w.label(id)));
                let regel = vul(a.signaal_regel, &[
                    &ind.naam,
                    &partij,
                    &format!("{}{}", m.waarde.map(getal).unwrap_or_default(), if ind.eenheid == "%" { " %" } else { "" }),
                    &crate::domain::time::datum_nl(&m.datum),
                    &ind.signaalwaarde.or(ind.doel).map(getal).unwrap_or_default(),
                ]);
                (afspraak, regel)
            }).collect::<Vec<_>>()
        })
    };
    let peilmomenten = Memo::new(move |_| app.history.with(|h| {
        let Some(h) = h.as_ref() else { return Vec::new() };
        let mut v: Vec<(String, i64)> = h.items_of(ItemSoort::Peilmoment).into_iter().filter_map(|id| {
            let f = crate::domain::model::Fields::new(h, id);
            Some((f.text("naam"), parse_datum(&f.text("datum"))?))
        }).collect();
        v.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
        v
    }));
    let gewijzigd = move || {
        let s = sinds.get();
        app.history.with(|h| {
            let Some(h) = h.as_ref() else { return Vec::new() };
            let w = Werkruimte::new(h);
            report::laatst_gewijzigd(h, s, 50).into_iter().map(|c| {
                let item = c.item;
                let doel = match h.soort(item) {
                    Some(ItemSoort::Jaarafspraak | ItemSoort::Kaderafspraak) => Some(item),
                    Some(ItemSoort::Voortgang | ItemSoort::Reactie | ItemSoort::Indicator) => crate::domain::model::Fields::new(h, item).id("afspraak"),
                    _ => None,
                };
                (doel, w.label(doel.unwrap_or(item)), c.veld.clone(), c.partij.clone(), c.auteur.clone(), c.tijd)
            }).collect::<Vec<_>>()
        })
    };
    // Agreements with an open conflict, over all years: a conflict must not wait unseen.
    let conflicten = Memo::new(move |_| {
        alle.with(|a| a.0 .0.iter().filter(|j| j.conflict).count() + a.0 .1.iter().filter(|k| k.conflict).count())
    });
    let herinnering = move || {
        let id = app.history.with(|h| h.as_ref().map(|h| h.werkruimte()))?;
        let m = app.werkruimtes.with(|l| l.iter().find(|m| m.id == id).cloned())?;
        let i = app.instellingen.get();
        let sinds_export = nu() - m.laatste_export.unwrap_or(m.aangemaakt);
        let te_lang = sinds_export > i.herinnering_dagen as i64 * 86_400_000;
        let te_veel = m.bewerkingen_sinds_export >= i.herinnering_bewerkingen;
        (m.bewerkingen_sinds_export > 0 && (te_lang || te_veel)).then(|| {
            let w = t().werkruimtes;
            let wanneer = m.laatste_export.map(datum_tekst).unwrap_or_else(|| w.nooit.to_string());
            vul(w.herinnering, &[&wanneer, &m.bewerkingen_sinds_export.to_string()])
        })
    };

    view! {
        <h1>{a.overzicht_titel}<span class="ondertitel">{titel}</span></h1>
        <crate::ui::components::jaren::OverDeWerkruimte/>
        {move || herinnering().map(|tekst| view! {
            <div class="melding" id="herinnering">
                <p>{tekst}</p>
                <button class="knop" type="button" on:click=move |_| app.exporteer(ExportSoort::Reservekopie)>{t().werkruimtes.reservekopie_maken}</button>
            </div>
        })}
        <section aria-labelledby="conflict-kop" id="conflicten">
            <h2 id="conflict-kop">{t().conflicten.overzicht_kop}</h2>
            {move || match conflicten.get() {
                0 => view! { <p id="conflict-aantal">{t().conflicten.open_geen}</p> }.into_any(),
                n => view! {
                    <p id="conflict-aantal"><ConflictLabel/>" "{vul(t().conflicten.open_aantal, &[&n.to_string()])}</p>
                    <p><a href="#/afspraken?conflict=ja" id="conflict-link">{t().conflicten.open_bekijken}</a></p>
                }.into_any(),
            }}
        </section>
        <div class="veld veld-inline niet-afdrukken">
            <label for="jaar">{a.jaar}</label>
            <select id="jaar" on:change=move |ev| jaar.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || jaar.get().is_none()>{a.alle_jaren}</option>
                {move || jaren.get().into_iter().map(|j| view! {
                    <option value=j.to_string() selected=move || jaar.get() == Some(j)>{j}</option>
                }).collect_view()}
            </select>
        </div>
        <section aria-labelledby="aandacht-kop">
            <h2 id="aandacht-kop">{a.aandacht_titel}</h2>
            {move || {
                let lijst = aandacht();
                if lijst.is_empty() {
                    return view! { <p>{a.aandacht_leeg}</p> }.into_any();
                }
                view! {
                    <ul class="kaarten" id="aandacht">
                        {lijst.into_iter().map(|j| view! {
                            <li class="kaart">
                                <h3><a href=afspraak_href(j.id)>{format!("{} {}", j.code, j.titel)}</a></h3>
                                <p><StatusLabel status=j.status/>{j.conflict.then(|| view! { " " <ConflictLabel/> })}" · "{a.trekker}": "{j.trekker.clone()}</p>
                                <dl class="kort">
                                    <dt>{a.oorzaak}</dt><dd>{if j.oorzaak.is_empty() { "–".to_string() } else { j.oorzaak.clone() }}</dd>
                                    <dt>{a.actie}</dt><dd>{if j.actie.is_empty() { "–".to_string() } else { j.actie.clone() }}</dd>
                                </dl>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="signaal-kop">
            <h2 id="signaal-kop">{a.signaal_titel}</h2>
            {move || {
                let lijst = signalen();
                if lijst.is_empty() {
                    return view! { <p>{a.signaal_leeg}</p> }.into_any();
                }
                view! {
                    <ul id="signalen">
                        {lijst.into_iter().map(|(afspraak, regel)| view! {
                            <li>
                                {afspraak.map(|(id, label)| view! { <a href=afspraak_href(id)>{label}</a>": " })}
                                {regel}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="thema-kop">
            <h2 id="thema-kop">{a.per_thema}</h2>
            {move || per_thema().map(|rijen| view! { <TellingTabel id="per-thema" bijschrift=a.per_thema eerste_kolom=a.thema rijen=rijen/> })}
        </section>
        <section aria-labelledby="trekker-kop">
            <h2 id="trekker-kop">{a.per_trekker}</h2>
            {move || per_trekker().map(|rijen| view! { <TellingTabel id="per-trekker" bijschrift=a.per_trekker eerste_kolom=a.trekker rijen=rijen/> })}
        </section>
        <crate::ui::components::jaren::JarenVergelijken/>
        <section aria-labelledby="gewijzigd-kop">
            <h2 id="gewijzigd-kop">{a.gewijzigd_titel}</h2>
            <div class="veld veld-inline niet-afdrukken">
                <label for="sinds">{a.gewijzigd_sinds}</label>
                <select id="sinds" on:change=move |ev| sinds.set(event_target_value(&ev).parse().unwrap_or(0))>
                    <option value="0">{a.peil_begin}</option>
                    {move || peilmomenten.get().into_iter().map(|(naam, d)| view! {
                        <option value=d.to_string()>{format!("{naam} ({})", datum_tekst(d))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || {
                let lijst = gewijzigd();
                if lijst.is_empty() {
                    return view! { <p>{a.gewijzigd_leeg}</p> }.into_any();
                }
                view! {
                    <div class="tabel-houder">
                        <table id="gewijzigd">
                            <caption class="visueel-verborgen">{a.gewijzigd_titel}</caption>
                            <thead><tr><th scope="col">{a.wanneer}</th><th scope="col">{a.wie}</th><th scope="col">{a.wat}</th></tr></thead>
                            <tbody>
                                {lijst.into_iter().map(|(doel, label, veld, partij, auteur, tijd)| view! {
                                    <tr>
                                        <td>{tijd_tekst(tijd)}</td>
                                        <td>{if auteur.is_empty() { partij.clone() } else { format!("{auteur} ({partij})") }}</td>
                                        <td>{match doel {
                                            Some(id) => view! { <a href=afspraak_href(id)>{label}</a> }.into_any(),
                                            None => label.into_any(),
                                        }}": "{crate::ui::teksten::velden::veldnaam(&veld)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
