//! The Monitor page (`#/monitor?jaar=2024&stand=nu|<peilmoment>`): the yearly report for the
//! raad, one table per theme and subtheme (see [`crate::domain::report::monitor`]). It prints as
//! the document itself (A4 landscape, a header line with title, year and date above every table
//! on every page, no navigation), copies as HTML tables for Word, and downloads as a Word file
//! (the documents module, see [`crate::domain::report::documenten`]).

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::model::Status;
use crate::domain::report::monitor::{self as rapport, Kolomnamen, Monitor, MonitorRegel};
use crate::domain::report::{self, documenten, raadsbericht, Telling};
use crate::storage::documenten::Soort;
use crate::ui::components::document::maak_en_download;
use crate::domain::time::datum_nl;
use crate::ui::components::datum::vandaag_iso;
use crate::ui::components::status::{status_uitleg, status_woord, StatusLabel};
use crate::ui::components::tekst::Tekst;
use crate::ui::components::uitleg::Inleiding;
use crate::ui::pages::planning::{afdrukken, query_waarde, standaard_jaar};
use crate::ui::router::{afspraak_href, navigate};
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

/// What the report is about: now, or a peilmoment.
fn stand_uit(query: &str) -> Option<Uuid> {
    query_waarde(query, "stand").and_then(|v| Uuid::parse_str(&v).ok())
}

fn href(jaar: Option<i64>, stand: Option<Uuid>) -> String {
    let mut q = Vec::new();
    if let Some(j) = jaar {
        q.push(format!("jaar={j}"));
    }
    if let Some(s) = stand {
        q.push(format!("stand={s}"));
    }
    if q.is_empty() { "/monitor".to_string() } else { format!("/monitor?{}", q.join("&")) }
}

/// The words of the tables, in the user's language.
fn kolomnamen() -> Kolomnamen<'static> {
    let r = t().rapport;
    Kolomnamen {
        nr: r.nr,
        jaarafspraak: r.jaarafspraak,
        trekker: r.trekker,
        prioriteit: r.prioriteit,
        status: r.status,
        voortgang: r.voortgang,
        oorzaak: r.oorzaak,
        actie: r.actie,
        zonder_thema: r.zonder_thema,
        overige: r.overige,
    }
}

/// The status as a sign and a word, for text without colour.
pub(crate) fn status_tekst(s: Status) -> String {
    let teken = match s {
        Status::Groen => "✓",
        Status::Geel => "!",
        Status::Rood => "✗",
        Status::NietBeoordeeld => "–",
    };
    format!("{teken} {}", status_woord(s))
}

/// The gemeente (or the workspace title) for a file name: "heemstede".
fn plaats_slug(m: &Monitor) -> String {
    let plaats = if m.werkruimte.gemeente.trim().is_empty() { &m.werkruimte.titel } else { &m.werkruimte.gemeente };
    crate::domain::format::slug(plaats)
}

/// The report's title line and the date or peilmoment it shows.
fn kop_en_stand(m: &Monitor) -> (String, String) {
    let r = t().rapport;
    let naam = if m.werkruimte.gemeente.trim().is_empty() { m.werkruimte.titel.clone() } else { m.werkruimte.gemeente.clone() };
    let kop = vul(r.kop, &[&naam, &m.jaar.to_string()]);
    let stand = match &m.peilmoment {
        Some(p) => vul(r.stand_peilmoment, &[&p.naam, &datum_nl(&p.datum)]),
        None => vul(r.stand_van, &[&datum_nl(&vandaag_iso())]),
    };
    (kop, stand)
}

#[component]
pub fn MonitorPagina(query: Signal<String>) -> impl IntoView {
    let app = use_app();
    let r = t().rapport;
    let jaren = Memo::new(move |_| app.history.with(|h| h.as_ref().map(report::jaren).unwrap_or_default()));
    let jaar = Memo::new(move |_| query_waarde(&query.get(), "jaar").and_then(|v| v.parse::<i64>().ok()).or_else(|| standaard_jaar(&jaren.get())));
    let peilen = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| crate::domain::model::Werkruimte::new(h).peilmomenten()).unwrap_or_default()));
    let stand = Memo::new(move |_| stand_uit(&query.get()));
    let monitor = Memo::new(move |_| {
        let j = jaar.get()?;
        let s = stand.get();
        app.history.with(|h| h.as_ref().map(|h| rapport::monitor(h, j, s)))
    });
    let melding = RwSignal::new(None::<String>);
    Effect::new(move |_| match jaar.get() {
        Some(j) => crate::ui::zet_titel(&format!("{} {j}", r.titel)),
        None => crate::ui::zet_titel(r.titel),
    });
    let kopieer = move |_| {
        let Some(m) = monitor.get_untracked() else { return };
        let (kop, regel) = kop_en_stand(&m);
        let html = format!(
            "<h1>{}</h1><p>{}</p>{}",
            rapport::html_tekst(&kop),
            rapport::html_tekst(&regel),
            rapport::als_html(&m, &kolomnamen(), status_tekst)
        );
        let tekst = format!("{kop}\n{regel}");
        let belofte = naar_klembord(&html, &tekst);
        wasm_bindgen_futures::spawn_local(async move {
            let gelukt = match belofte {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                Err(_) => false,
            };
            melding.set(Some(if gelukt { r.gekopieerd } else { r.kopieer_mislukt }.to_string()));
        });
    };
    let word = move |_| {
        let Some(m) = monitor.get_untracked() else { return };
        let (kop, regel) = kop_en_stand(&m);
        let vandaag = vandaag_iso();
        let d = t().documenten;
        let document = documenten::monitor_document(&m, &kop, &regel, &vandaag, &d.woorden, &status_tekst, &|s| status_uitleg(s).to_string());
        let naam = format!("monitor-{}-{}-{vandaag}.docx", plaats_slug(&m), m.jaar);
        maak_en_download(Soort::Docx, naam, &document, melding);
    };
    // Other workspaces to include in the raadsinformatiebericht (such as Woonzorg Nederland).
    let huidige = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| h.werkruimte())));
    let andere_werkruimtes = Memo::new(move |_| {
        let hier = huidige.get();
        app.werkruimtes.with(|ws| ws.iter().filter(|w| Some(w.id) != hier).map(|w| (w.id, w.titel.clone())).collect::<Vec<_>>())
    });
    let opgenomen = RwSignal::new(Vec::<Uuid>::new());
    let rib = move |_| {
        let Some(m) = monitor.get_untracked() else { return };
        let d = t().documenten;
        let gekozen: Vec<(Uuid, String)> = andere_werkruimtes.get_untracked().into_iter().filter(|(id, _)| opgenomen.with_untracked(|o| o.contains(id))).collect();
        melding.set(Some(d.bezig.to_string()));
        wasm_bindgen_futures::spawn_local(async move {
            let mut andere = Vec::new();
            for (id, titel) in gekozen {
                match app.lees_andere(id).await {
                    Ok(h) => andere.push(h),
                    Err(e) => {
                        melding.set(Some(format!("{} {e}", vul(d.rib_andere_mislukt, &[&titel])).trim().to_string()));
                        return;
                    }
                }
            }
            let verwijzingen: Vec<&crate::domain::history::History> = andere.iter().collect();
            let Some(bericht) = app.history.with_untracked(|h| h.as_ref().map(|h| raadsbericht::raadsbericht(h, &m, &verwijzingen))) else { return };
            let document = raadsbericht::raadsbericht_document(&bericht, &d.rib, &d.woorden, &status_tekst, &|s| status_uitleg(s).to_string(), &datum_nl);
            let naam = format!("raadsinformatiebericht-concept-{}-{}-{}.docx", plaats_slug(&m), m.jaar, vandaag_iso());
            maak_en_download(Soort::Docx, naam, &document, melding);
        });
    };
    view! {
        <h1 class="niet-afdrukken">{r.titel}</h1>
        <div class="niet-afdrukken"><Inleiding tekst=r.uitleg/></div>
        {move || if jaren.with(Vec::is_empty) {
            view! { <p id="monitor-leeg">{r.geen_jaren}</p> }.into_any()
        } else {
            view! {
                <div class="monitor-keuze niet-afdrukken">
                    <div class="veld">
                        <label for="monitor-jaar">{r.jaar}</label>
                        <select id="monitor-jaar" on:change=move |ev| navigate(&href(event_target_value(&ev).parse().ok(), stand.get_untracked()))>
                            {jaren.get().into_iter().map(|y| view! {
                                <option value=y.to_string() prop:selected=move || jaar.get() == Some(y)>{y}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="veld">
                        <label for="monitor-stand">{r.stand}</label>
                        <select id="monitor-stand" on:change=move |ev| navigate(&href(jaar.get_untracked(), Uuid::parse_str(&event_target_value(&ev)).ok()))>
                            <option value="nu" prop:selected=move || stand.get().is_none()>{r.stand_nu}</option>
                            // The peilmomenten of the chosen year (and those without a year).
                            {move || peilen.get().into_iter().filter(|p| p.jaar.is_none() || p.jaar == jaar.get()).map(|p| {
                                let label = if p.datum.is_empty() { p.naam.clone() } else { format!("{} ({})", p.naam, datum_nl(&p.datum)) };
                                view! { <option value=p.id.to_string() prop:selected=move || stand.get() == Some(p.id)>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <p class="knoppen">
                        <button class="knop" type="button" id="monitor-afdrukken" on:click=move |_| afdrukken(app)>{r.afdrukken}</button>
                        <button class="knop knop-secundair" type="button" id="monitor-kopieer" on:click=kopieer>{r.kopieer}</button>
                        <button class="knop knop-secundair" type="button" id="monitor-word" aria-describedby="monitor-word-uitleg" on:click=word>{t().documenten.word_monitor}</button>
                        <span class="visueel-verborgen" id="monitor-word-uitleg">{t().documenten.word_monitor_uitleg}</span>
                        <button class="knop knop-secundair" type="button" id="monitor-rib" aria-describedby="monitor-rib-uitleg" on:click=rib>{t().documenten.rib_knop}</button>
                    </p>
                    <p class="klein" id="monitor-rib-uitleg">{t().documenten.rib_uitleg}</p>
                    {move || {
                        let ws = andere_werkruimtes.get();
                        (!ws.is_empty()).then(|| view! {
                            <fieldset class="monitor-andere" id="monitor-andere">
                                <legend>{t().documenten.rib_andere}</legend>
                                {ws.into_iter().map(|(id, titel)| {
                                    let vid = format!("rib-andere-{id}");
                                    view! {
                                        <div class="keuze">
                                            <input type="checkbox" id=vid.clone() prop:checked=move || opgenomen.with(|o| o.contains(&id))
                                                on:change=move |ev| {
                                                    let aan = event_target_checked(&ev);
                                                    opgenomen.update(|o| { o.retain(|x| *x != id); if aan { o.push(id); } });
                                                }/>
                                            <label for=vid>{titel}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                        })
                    }}
                    <p role="status" id="monitor-melding">{move || melding.get()}</p>
                </div>
                {move || monitor.get().map(|m| view! { <Rapport m=m/> })}
            }.into_any()
        }}
    }
}

#[component]
fn Rapport(m: Monitor) -> impl IntoView {
    let r = t().rapport;
    let (kop, regel) = kop_en_stand(&m);
    let afdrukkop = format!("{kop} · {regel}");
    let leeg = m.telling.totaal() == 0;
    let themas = m.themas.clone();
    let overige = m.overige.clone();
    let a = afdrukkop.clone();
    view! {
        <article class="monitor" id="monitor" aria-labelledby="monitor-kop">
            <h2 id="monitor-kop" class="monitor-titel">{kop}</h2>
            <p class="monitor-stand" id="monitor-stand-tekst">{regel}</p>
            {if leeg {
                view! { <p id="monitor-geen">{r.geen_regels}</p> }.into_any()
            } else {
                view! {
                    <Telling telling=m.telling/>
                    {themas.into_iter().map(|t| {
                        let titel = t.thema.as_ref().map_or(r.zonder_thema.to_string(), |t| format!("{} {}", t.nummer, t.titel).trim().to_string());
                        let a = a.clone();
                        let kop = titel.clone();
                        view! {
                            <section class="monitor-thema">
                                <h3>{kop}</h3>
                                {t.subthemas.into_iter().map(|s| {
                                    let a = a.clone();
                                    view! {
                                        {s.subthema.as_ref().map(|s| view! { <h4>{format!("{} {}", s.nummer, s.titel).trim().to_string()}</h4> })}
                                        <Tabel regels=s.regels afdrukkop=a
                                            label=s.subthema.as_ref().map_or(titel.clone(), |s| format!("{} {}", s.nummer, s.titel).trim().to_string())/>
                                    }
                                }).collect_view()}
                            </section>
                        }
                    }).collect_view()}
                    {(!overige.is_empty()).then(|| view! {
                        <section class="monitor-thema">
                            <h3>{r.overige}</h3>
                            <Tabel regels=overige.clone() afdrukkop=afdrukkop.clone() label=r.overige.to_string()/>
                        </section>
                    })}
                }.into_any()
            }}
        </article>
    }
}

/// The counts per status, and what each status means.
#[component]
fn Telling(telling: Telling) -> impl IntoView {
    let r = t().rapport;
    view! {
        <section class="monitor-telling" aria-labelledby="monitor-telling-kop">
            <h3 id="monitor-telling-kop">{r.telling_kop}</h3>
            <ul class="monitor-aantallen">
                {Status::ALL.into_iter().map(|s| view! {
                    <li data-status=s.code()>
                        <StatusLabel status=s/>
                        <span class="monitor-aantal">": "{telling.van(s)}</span>
                        <span class="monitor-uitleg">" – "{status_uitleg(s)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Tabel(regels: Vec<MonitorRegel>, afdrukkop: String, label: String) -> impl IntoView {
    let r = t().rapport;
    // On a narrow screen the table scrolls inside its own region, which has a name and a Tab stop.
    view! {
        <div class="tabel-houder" role="region" tabindex="0" aria-label=label>
        <table class="monitor-tabel">
            <thead>
                // On paper, every page that holds (part of) a table starts with the report's title.
                <tr class="alleen-afdruk" aria-hidden="true"><th colspan="6">{afdrukkop}</th></tr>
                <tr>
                    <th scope="col" class="kol-nr">{r.nr}</th>
                    <th scope="col" class="kol-afspraak">{r.jaarafspraak}</th>
                    <th scope="col" class="kol-trekker">{r.trekker}</th>
                    <th scope="col" class="kol-prioriteit">{r.prioriteit}</th>
                    <th scope="col" class="kol-status">{r.status}</th>
                    <th scope="col" class="kol-voortgang">{r.voortgang}</th>
                </tr>
            </thead>
            <tbody>
                {regels.into_iter().map(|g| view! { <Rij g=g/> }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
fn Rij(g: MonitorRegel) -> impl IntoView {
    let r = t().rapport;
    view! {
        <tr data-code=g.code.clone()>
            // A row without a number links with its title.
            <th scope="row" class="kol-nr"><a href=afspraak_href(g.id)>{if g.code.is_empty() { g.titel.clone() } else { g.code.clone() }}</a></th>
            <td class="kol-afspraak">
                <p class="monitor-afspraak-titel">{g.titel.clone()}</p>
                <Tekst tekst=g.tekst.clone()/>
            </td>
            <td>{g.trekker.clone()}</td>
            <td>{g.prioriteit.clone()}</td>
            <td class="kol-status">
                <StatusLabel status=g.status/>
                {(!g.oorzaak.is_empty()).then(|| view! { <p class="monitor-toelichting"><strong>{r.oorzaak}": "</strong>{g.oorzaak.clone()}</p> })}
                {(!g.actie.is_empty()).then(|| view! { <p class="monitor-toelichting"><strong>{r.actie}": "</strong>{g.actie.clone()}</p> })}
            </td>
            <td class="kol-voortgang">
                {if g.voortgang.is_empty() {
                    view! { <p class="klein">{r.geen_voortgang}</p> }.into_any()
                } else {
                    g.voortgang.into_iter().map(|v| view! {
                        <div class="monitor-voortgang">
                            <p class="klein">{datum_nl(&v.datum)}{(!v.partij.is_empty()).then(|| format!(" · {}", v.partij))}</p>
                            <Tekst tekst=v.tekst/>
                        </div>
                    }).collect_view().into_any()
                }}
            </td>
        </tr>
    }
}

/// Puts HTML (and plain text for programs without HTML) on the clipboard; the promise settles
/// when it is there, or is refused.
fn naar_klembord(html: &str, tekst: &str) -> Result<js_sys::Promise, JsValue> {
    let venster = web_sys::window().ok_or(JsValue::UNDEFINED)?;
    let klembord = js_sys::Reflect::get(&js_sys::Reflect::get(&venster, &"navigator".into())?, &"clipboard".into())?;
    let maker: js_sys::Function = js_sys::Reflect::get(&venster, &"ClipboardItem".into())?.dyn_into()?;
    let blob = |inhoud: &str, soort: &str| -> Result<web_sys::Blob, JsValue> {
        let opties = web_sys::BlobPropertyBag::new();
        opties.set_type(soort);
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&inhoud.into()), &opties)
    };
    let delen = js_sys::Object::new();
    js_sys::Reflect::set(&delen, &"text/html".into(), &blob(html, "text/html")?.into())?;
    js_sys::Reflect::set(&delen, &"text/plain".into(), &blob(tekst, "text/plain")?.into())?;
    let item = js_sys::Reflect::construct(&maker, &js_sys::Array::of1(&delen))?;
    let schrijf: js_sys::Function = js_sys::Reflect::get(&klembord, &"write".into())?.dyn_into()?;
    schrijf.call1(&klembord, &js_sys::Array::of1(&item))?.dyn_into()
}
