//! The dashboard of a workspace and year: counts per theme and per trekker, the rood and geel
//! items with cause and action, indicators past their signal value, what users changed since a
//! chosen moment (the last week, peilmoment or import; grouped per agreement, only on screen), and a
//! reminder to make a backup.

use leptos::prelude::*;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::format::ExportSoort;
use crate::domain::model::{Status, Werkruimte};
use crate::domain::report::{self, Filter};
use crate::domain::schema::ItemSoort;
use crate::storage::nu;
use crate::ui::components::datum::{begin_van_datum, datum_tekst, tijd_tekst};
use crate::ui::components::waarde::waarde_tekst;
use crate::ui::components::status::StatusLabel;
use crate::ui::components::tabel::TellingTabel;
use crate::ui::components::conflict::ConflictLabel;
use crate::ui::router::afspraak_href;
use crate::ui::state::{use_app, Gedeeld};
use crate::ui::teksten::{t, velden::veldlabel, vul};

/// The year a dashboard opens on: the latest year with an assessed jaarafspraak, else the latest.
fn standaard_jaar_uit(js: &[crate::domain::model::Jaarafspraak]) -> Option<i64> {
    js.iter()
        .filter(|j| j.status != Status::NietBeoordeeld)
        .filter_map(|j| j.jaar)
        .max()
        .or_else(|| js.iter().filter_map(|j| j.jaar).max())
}

/// How many agreements "Wat is er veranderd" shows at first, and adds per click.
const PER_KEER: usize = 20;

/// The moment "Wat is er veranderd" counts from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sinds {
    Week,
    Peilmoment,
    Import,
}

impl Sinds {
    fn uit(s: &str) -> Sinds {
        match s {
            "peilmoment" => Sinds::Peilmoment,
            "import" => Sinds::Import,
            _ => Sinds::Week,
        }
    }
}

/// The name of a kind of part of an agreement, for a line of what changed.
fn soort_label(s: ItemSoort) -> &'static str {
    let a = t().afspraken;
    match s {
        ItemSoort::Voortgang => a.voortgang,
        ItemSoort::Reactie => a.reacties,
        ItemSoort::Indicator | ItemSoort::Meting => a.indicatoren,
        _ => "",
    }
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
    // "Changed since": the last week, the last peilmoment or the last import.
    let sinds = RwSignal::new(Sinds::Week);
    let max = RwSignal::new(PER_KEER);
    let laatste_peil = Memo::new(move |_| app.history.with(|h| {
        let h = h.as_ref()?;
        h.items_of(ItemSoort::Peilmoment).into_iter().filter(|id| !h.is_deleted(*id)).filter_map(|id| {
            let f = crate::domain::model::Fields::new(h, id);
            Some((begin_van_datum(&f.text("datum"))?, f.text("naam")))
        }).max_by_key(|(d, _)| *d)
    }));
    let laatste_import = Memo::new(move |_| {
        let id = app.history.with(|h| h.as_ref().map(|h| h.werkruimte()))?;
        app.werkruimtes.with(|l| l.iter().find(|m| m.id == id).and_then(|m| m.laatste_import))
    });
    let vanaf = move || match sinds.get() {
        Sinds::Week => Some(nu() - 7 * 86_400_000),
        Sinds::Peilmoment => laatste_peil.get().map(|(d, _)| d),
        Sinds::Import => laatste_import.get(),
    };
    let gewijzigd = move || {
        let vanaf = vanaf()?;
        let max = max.get();
        app.history.with(|h| {
            let h = h.as_ref()?;
            let w = Werkruimte::new(h);
            let (groepen, meer) = report::veranderd_per_afspraak(h, vanaf, max);
            let groepen = groepen.into_iter().map(|g| {
                let regels = g.wijzigingen.iter().map(|c| {
                    let wat = match c.soort {
                        ItemSoort::Jaarafspraak | ItemSoort::Kaderafspraak => format!("{}: {}", veldlabel(&c.veld), waarde_tekst(h, &c.waarde)),
                        soort => format!("{} – {}: {}", soort_label(soort), veldlabel(&c.veld), waarde_tekst(h, &c.waarde)),
                    };
                    let wie = if c.auteur.is_empty() { c.partij.clone() } else { format!("{} ({})", c.auteur, c.partij) };
                    (wat, wie, tijd_tekst(c.tijd))
                }).collect::<Vec<_>>();
                (g.afspraak, w.label(g.afspraak), regels)
            }).collect::<Vec<_>>();
            Some((groepen, meer))
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
        <Inleiding tekst=a.overzicht_uitleg/>
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
        // What changed is for the screen, not for a printed report.
        <section aria-labelledby="gewijzigd-kop" class="niet-afdrukken" id="gewijzigd-sectie">
            <h2 id="gewijzigd-kop">{a.gewijzigd_titel}</h2>
            <div class="veld veld-inline">
                <label for="sinds">{a.gewijzigd_sinds}</label>
                <select id="sinds" on:change=move |ev| { max.set(PER_KEER); sinds.set(Sinds::uit(&event_target_value(&ev))); }>
                    <option value="week" selected=move || sinds.get() == Sinds::Week>{a.sinds_week}</option>
                    {move || laatste_peil.get().map(|(d, naam)| view! {
                        <option value="peilmoment" selected=move || sinds.get() == Sinds::Peilmoment>{vul(a.sinds_peilmoment, &[&naam, &datum_tekst(d)])}</option>
                    })}
                    {move || laatste_import.get().map(|d| view! {
                        <option value="import" selected=move || sinds.get() == Sinds::Import>{vul(a.sinds_import, &[&datum_tekst(d)])}</option>
                    })}
                </select>
            </div>
            {move || {
                let Some((groepen, meer)) = gewijzigd() else {
                    return view! { <p id="gewijzigd-leeg">{a.gewijzigd_leeg}</p> }.into_any();
                };
                if groepen.is_empty() {
                    return view! { <p id="gewijzigd-leeg">{a.gewijzigd_leeg}</p> }.into_any();
                }
                view! {
                    <ul class="veranderd" id="gewijzigd">
                        {groepen.into_iter().map(|(id, label, regels)| view! {
                            <li data-afspraak=id.to_string()>
                                <h3><a href=afspraak_href(id)>{label}</a></h3>
                                <ul>
                                    {regels.into_iter().map(|(wat, wie, wanneer)| view! {
                                        <li>{wat}<span class="zacht-regel">{format!(" — {wie}, {wanneer}")}</span></li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                    {meer.then(|| view! {
                        <p><button class="knop knop-secundair" type="button" id="gewijzigd-meer" on:click=move |_| max.update(|m| *m += PER_KEER)>{a.gewijzigd_meer}</button></p>
                    })}
                }.into_any()
            }}
        </section>
    }
}
