//! Preparing a new year (`#/nieuw-jaar?jaar=2025`): every jaarafspraak of the year before with
//! its status and a choice (voortzetten, afgerond, anders; unfinished ones are proposed to
//! continue) and a prioriteit for the new year, new jaarafspraken from kaderafspraken, a live
//! preview of what will be made, and applying it as one step that can be undone. The logic is
//! [`crate::domain::jaarcyclus`]; this screen only holds the choices.

use std::collections::{BTreeSet, HashMap, HashSet};

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::jaarcyclus::{self, Aanpassing, Kandidaat, Keuze, Plan, Regel, UitKader};
use crate::domain::model::Kaderafspraak;
use crate::ui::components::status::StatusLabel;
use crate::ui::components::focus::focus_later;
use crate::ui::pages::planning::query_waarde;
use crate::ui::router::{afspraak_href, navigate};
use crate::ui::state::{use_app, Jaarstap};
use crate::ui::teksten::{t, vul};

/// How many jaarafspraken are shown at first; more on request.
const DEEL: usize = 100;

/// The prioriteiten offered for the new year (empty: choose later).
const PRIORITEITEN: [&str; 5] = ["", "T1", "T2", "T3", "Doorlopend"];

/// The year proposed: the first year after one with jaarafspraken that was not prepared yet (no
/// jaarafspraak of it continues one of the year before), else the year after the last.
fn standaard_jaar(alle: &[crate::domain::model::Jaarafspraak]) -> Option<i64> {
    let jaren: BTreeSet<i64> = alle.iter().filter_map(|j| j.jaar).collect();
    let jaar_van: HashMap<Uuid, i64> = alle.iter().filter_map(|j| Some((j.id, j.jaar?))).collect();
    let voorbereid: HashSet<i64> = alle
        .iter()
        .filter_map(|j| {
            let y = j.jaar?;
            (jaar_van.get(&j.vorige?) == Some(&(y - 1))).then_some(y)
        })
        .collect();
    jaren.iter().map(|y| y + 1).find(|y| !voorbereid.contains(y)).or_else(|| jaren.last().map(|y| y + 1))
}

fn prioriteit_naam(p: &str) -> String {
    if p.is_empty() { t().jaarcyclus.nj_later_kiezen.to_string() } else { p.to_string() }
}

fn keuze_woord(k: Keuze) -> &'static str {
    let j = t().jaarcyclus;
    match k {
        Keuze::Voortzetten => j.nj_voortzetten,
        Keuze::Afgerond => j.nj_afgerond,
        Keuze::Anders => j.nj_anders,
    }
}

fn label(code: &str, titel: &str) -> String {
    format!("{code} {titel}").trim().to_string()
}

#[component]
pub fn NieuwJaar(query: Signal<String>) -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    crate::ui::zet_titel(j.nj_titel);
    let alle = app.afspraken;
    let opties = Memo::new(move |_| {
        alle.with(|a| {
            let jaren: BTreeSet<i64> = a.0 .0.iter().filter_map(|x| x.jaar).collect();
            jaren.iter().map(|y| y + 1).chain(jaren.iter().copied().filter(|y| jaren.contains(&(y - 1)))).collect::<BTreeSet<i64>>().into_iter().collect::<Vec<_>>()
        })
    });
    let jaar = Memo::new(move |_| {
        query_waarde(&query.get(), "jaar")
            .and_then(|v| v.parse::<i64>().ok())
            .filter(|y| (1901..=2200).contains(y))
            .or_else(|| alle.with(|a| standaard_jaar(&a.0 .0)))
    });
    // The user's choices per jaarafspraak and kaderafspraak, for the year chosen.
    let keuzes: RwSignal<HashMap<Uuid, Regel>> = RwSignal::new(HashMap::new());
    let uit_kader: RwSignal<HashMap<Uuid, UitKader>> = RwSignal::new(HashMap::new());
    let getoond = RwSignal::new(DEEL);
    // The list of what will be made is drawn only while it is open.
    let lijst_open = RwSignal::new(false);
    Effect::new(move |vorige: Option<Option<i64>>| {
        let y = jaar.get();
        if vorige.is_some_and(|v| v != y) {
            keuzes.set(HashMap::new());
            uit_kader.set(HashMap::new());
            getoond.set(DEEL);
        }
        y
    });
    let kandidaten = Memo::new(move |_| {
        let Some(y) = jaar.get() else { return Vec::new() };
        let lijst = alle.get();
        app.history.with(|h| h.as_ref().map(|h| jaarcyclus::kandidaten_uit(h, &lijst.0 .0, y)).unwrap_or_default())
    });
    let plan = Memo::new(move |_| {
        let y = jaar.get()?;
        let gekozen = keuzes.get();
        let kand = kandidaten.get();
        let voorgesteld = Plan::voorgesteld(y, &kand);
        let regels = voorgesteld.regels.into_iter().map(|r| gekozen.get(&r.bron).cloned().unwrap_or(r)).collect();
        let mut k: Vec<UitKader> = uit_kader.get().into_values().collect();
        k.sort_by_key(|u| u.kader);
        Some(Plan { jaar: y, regels, uit_kader: k })
    });
    let voorbeeld = Memo::new(move |_| {
        let p = plan.get()?;
        app.history.with(|h| h.as_ref().map(|h| jaarcyclus::voorbeeld(h, &p)))
    });
    let toepassen = move |_| {
        let Some(p) = plan.get_untracked() else { return };
        let Some(b) = app.history.with_untracked(|h| h.as_ref().map(|h| jaarcyclus::bewerkingen(h, &p))) else { return };
        let items: Vec<Uuid> = b.iter().map(|(i, ..)| *i).collect::<BTreeSet<_>>().into_iter().collect();
        let gemaakt = app.bewerk(b);
        if gemaakt.is_empty() {
            return;
        }
        let werkruimte = gemaakt[0].werkruimte;
        app.laatste_jaarstap.set(Some(Jaarstap { werkruimte, jaar: p.jaar, items }));
        keuzes.set(HashMap::new());
        uit_kader.set(HashMap::new());
        focus_later("nj-klaar-kop");
    };
    view! {
        <h1>{j.nj_titel}</h1>
        <p>{j.nj_uitleg}</p>
        <Resultaat/>
        <div class="veld niet-afdrukken">
            <label for="nj-jaar">{j.nj_jaar}</label>
            <select id="nj-jaar" on:change=move |ev| navigate(&format!("/nieuw-jaar?jaar={}", event_target_value(&ev)))>
                {move || {
                    let mut o = opties.get();
                    if let Some(y) = jaar.get() {
                        if !o.contains(&y) {
                            o.push(y);
                            o.sort_unstable();
                        }
                    }
                    o.into_iter().map(|y| view! { <option value=y.to_string() prop:selected=move || jaar.get() == Some(y)>{y}</option> }).collect_view()
                }}
            </select>
        </div>
        {move || jaar.get().map(|y| {
            let vorig = y - 1;
            view! {
                <section aria-labelledby="nj-afspraken-kop" id="nj-afspraken">
                    <h2 id="nj-afspraken-kop">{vul(j.nj_van_naar, &[&vorig.to_string(), &y.to_string()])}</h2>
                    {move || {
                        let k = kandidaten.get();
                        if k.is_empty() {
                            return view! { <p id="nj-geen">{vul(j.nj_geen_vorig, &[&vorig.to_string()])}</p> }.into_any();
                        }
                        let totaal = k.len();
                        view! {
                            <dl class="nj-uitleg">
                                <dt>{j.nj_voortzetten}</dt><dd>{vul(j.nj_voortzetten_uitleg, &[&y.to_string()])}</dd>
                                <dt>{j.nj_afgerond}</dt><dd>{j.nj_afgerond_uitleg}</dd>
                                <dt>{j.nj_anders}</dt><dd>{j.nj_anders_uitleg}</dd>
                            </dl>
                            <p class="knoppen niet-afdrukken">
                                <button class="knop knop-secundair" type="button" id="nj-alles" on:click=move |_| {
                                    let regels: HashMap<Uuid, Regel> = plan.get_untracked().map(|p| p.regels.into_iter().map(|mut r| {
                                        if r.keuze == Keuze::Afgerond { r.keuze = Keuze::Voortzetten; }
                                        (r.bron, r)
                                    }).collect()).unwrap_or_default();
                                    keuzes.set(regels);
                                }>{j.nj_alles_voortzetten}</button>
                                <button class="knop knop-secundair" type="button" id="nj-voorstel" on:click=move |_| keuzes.set(HashMap::new())>{j.nj_voorstel}</button>
                            </p>
                            <ul class="nj-lijst kale-lijst" id="nj-lijst">
                                {move || kandidaten.get().into_iter().take(getoond.get()).map(|kd| view! {
                                    <li><KandidaatRegel kd=kd jaar=y keuzes=keuzes/></li>
                                }).collect_view()}
                            </ul>
                            {move || (getoond.get() < totaal).then(|| view! {
                                <p class="niet-afdrukken">
                                    {vul(t().conflicten.getoond, &[&getoond.get().to_string(), &totaal.to_string()])}" "
                                    <button class="knop knop-secundair" type="button" id="nj-meer" on:click=move |_| getoond.update(|g| *g += DEEL)>
                                        {vul(t().conflicten.toon_meer, &[&DEEL.min(totaal - getoond.get_untracked()).to_string()])}
                                    </button>
                                </p>
                            })}
                        }.into_any()
                    }}
                </section>
                <UitKaderKeuze jaar=y uit_kader=uit_kader/>
            }
        })}
        <section aria-labelledby="nj-voorbeeld-kop" id="nj-voorbeeld">
            <h2 id="nj-voorbeeld-kop">{j.nj_voorbeeld_kop}</h2>
            {move || {
                let (Some(v), Some(y)) = (voorbeeld.get(), jaar.get()) else { return ().into_any() };
                let n = v.nieuw.len();
                let zin = match n {
                    0 => vul(j.nj_niets, &[&y.to_string()]),
                    1 => vul(j.nj_komt_een, &[&n.to_string(), &y.to_string()]),
                    _ => vul(j.nj_komen, &[&n.to_string(), &y.to_string()]),
                };
                let voortgezet = v.nieuw.iter().filter(|x| x.vorige.is_some() && !x.aangepast && !x.terug).count();
                let aangepast = v.nieuw.iter().filter(|x| x.aangepast && !x.terug).count();
                let uit_kader_n = v.nieuw.iter().filter(|x| x.kader.is_some() && !x.terug).count();
                let terug = v.nieuw.iter().filter(|x| x.terug).count();
                let delen: Vec<(usize, &'static str)> = vec![
                    (voortgezet, j.nj_n_voortgezet),
                    (aangepast, j.nj_n_aangepast),
                    (uit_kader_n, j.nj_n_uit_kader),
                    (terug, j.nj_n_terug),
                    (v.afgerond.len(), j.nj_n_afgerond),
                    (v.al_gedaan.len() + v.al_uit_kader.len(), j.nj_n_al),
                ];
                let open = lijst_open.get();
                let (lijst, waarschuwingen) = app.history.with(|h| {
                    let Some(h) = h.as_ref() else { return (Vec::new(), Vec::new()) };
                    let w = crate::domain::model::Werkruimte::new(h);
                    let lijst: Vec<(String, String)> = v.nieuw.iter().filter(|_| open).map(|x| {
                        let herkomst = match (x.vorige, x.kader) {
                            (Some(b), _) => {
                                let bron = w.jaarafspraak(b);
                                vul(j.nj_vervolg_van, &[&label(&bron.code, &bron.titel), &bron.jaar.map(|y| y.to_string()).unwrap_or_default()])
                            }
                            (_, Some(k)) => {
                                let k = w.kaderafspraak(k);
                                vul(j.nj_uit_kader, &[&label(&k.code, &k.titel)])
                            }
                            _ => String::new(),
                        };
                        let prio = if x.prioriteit.is_empty() { j.nj_prioriteit_geen.to_string() } else { x.prioriteit.clone() };
                        (label(&x.code, &x.titel), format!("{herkomst} · {} {prio}", t().afspraken.prioriteit.to_lowercase()))
                    }).collect();
                    let w2 = alle.with(|a| v.zelfde_code(&a.0 .0));
                    let waarschuwingen: Vec<String> = w2.into_iter().map(|(nieuw, bestaand)| {
                        let n = v.nieuw.iter().find(|x| x.id == nieuw).map(|x| x.code.clone()).unwrap_or_default();
                        let b = w.jaarafspraak(bestaand);
                        vul(j.nj_zelfde_code, &[&y.to_string(), &n, &b.titel])
                    }).collect();
                    (lijst, waarschuwingen)
                });
                view! {
                    <p id="nj-aantal" aria-live="polite">{zin}</p>
                    <ul id="nj-delen">
                        {delen.into_iter().filter(|(n, _)| *n > 0).map(|(n, tekst)| view! { <li>{format!("{n} {tekst}")}</li> }).collect_view()}
                    </ul>
                    {(!waarschuwingen.is_empty()).then(|| view! {
                        <div class="melding" id="nj-waarschuwingen">
                            <ul>{waarschuwingen.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    {(n > 0).then(|| view! {
                        <details id="nj-nieuw" prop:open=open on:toggle=move |ev| {
                            let nu = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                            if nu != lijst_open.get_untracked() { lijst_open.set(nu); }
                        }>
                            <summary>{vul(j.nj_komen, &[&n.to_string(), &y.to_string()])}</summary>
                            <ul>{lijst.into_iter().map(|(l, r)| view! { <li><strong>{l}</strong>" — "{r}</li> }).collect_view()}</ul>
                        </details>
                    })}
                    <p class="knoppen">
                        <button class="knop" type="button" id="nj-toepassen" disabled=n == 0 on:click=toepassen>{j.nj_toepassen}</button>
                    </p>
                }.into_any()
            }}
        </section>
    }
}

/// One jaarafspraak of the year before: its status, its choice, its prioriteit in the new year,
/// and for "anders" the code, title and text to carry.
#[component]
fn KandidaatRegel(
    kd: Kandidaat,
    jaar: i64,
    keuzes: RwSignal<HashMap<Uuid, Regel>>,
) -> impl IntoView {
    let j = t().jaarcyclus;
    let a = kd.afspraak.clone();
    let id = a.id;
    // The row's own choice: a lookup, so a choice elsewhere redraws nothing here.
    let voorstel = Plan::voorgesteld(jaar, std::slice::from_ref(&kd)).regels.remove(0);
    let standaard = StoredValue::new(voorstel.clone());
    let zet_regel = move |f: &dyn Fn(&mut Regel)| {
        keuzes.update(|k| f(k.entry(id).or_insert_with(|| standaard.get_value())));
    };
    let gekozen = Memo::new(move |_| keuzes.with(|k| k.get(&id).map(|r| (r.keuze, r.prioriteit.clone()))).unwrap_or((voorstel.keuze, String::new())));
    let keuze = move || gekozen.with(|g| g.0);
    let aanpassing = move || keuzes.with_untracked(|k| k.get(&id).map(|r| r.aanpassing.clone())).unwrap_or_default();
    let legend = label(&a.code, &a.titel);
    let vorig = jaar - 1;
    view! {
        <fieldset class="nj-regel" data-code=a.code.clone() data-afspraak=id.to_string()>
            <legend><a href=afspraak_href(id)>{legend}</a></legend>
            <p class="regel-gegevens">
                {vul(j.nj_status_in, &[&vorig.to_string()])}" " <StatusLabel status=a.status/>
                {(!a.prioriteit.tekst().is_empty()).then(|| view! { <span>{t().afspraken.prioriteit}": "{a.prioriteit.tekst()}</span> })}
            </p>
            {if !kd.vervolg.is_empty() {
                view! {
                    <p class="nj-al">
                        {vul(j.nj_al_voortgezet, &[&jaar.to_string()])}" "
                        {kd.vervolg.iter().map(|s| view! { <a href=afspraak_href(s.id)>{label(&s.code, &s.titel)}</a>" " }).collect_view()}
                    </p>
                }.into_any()
            } else {
                let naam = format!("keuze-{id}");
                view! {
                    <div class="keuzes keuzes-rij">
                        {Keuze::ALL.into_iter().map(|k| {
                            let rid = format!("keuze-{id}-{}", k.code());
                            let woord = keuze_woord(k);
                            view! {
                                <div class="keuze">
                                    <input type="radio" name=naam.clone() id=rid.clone() value=k.code()
                                        prop:checked=move || keuze() == k on:change=move |_| zet_regel(&|r| r.keuze = k)/>
                                    <label for=rid>{woord}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    {move || keuze().neemt_mee().then(|| {
                        let pid = format!("prio-{id}");
                        view! {
                            <div class="veld veld-inline">
                                <label for=pid.clone()>{vul(j.nj_prioriteit, &[&jaar.to_string()])}</label>
                                <select id=pid on:change=move |ev| { let v = event_target_value(&ev); zet_regel(&|r| r.prioriteit = v.clone()); }>
                                    {PRIORITEITEN.into_iter().map(|p| view! {
                                        <option value=p prop:selected=move || gekozen.with(|g| g.1 == p)>{prioriteit_naam(p)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    })}
                    {move || (keuze() == Keuze::Anders).then(|| {
                        view! { <AndersVelden id=id begin=aanpassing() zet_regel=zet_regel/> }
                    })}
                }.into_any()
            }}
        </fieldset>
    }
}

/// The code, title and text a jaarafspraak carries with "anders".
#[component]
fn AndersVelden(id: Uuid, begin: Aanpassing, zet_regel: impl Fn(&dyn Fn(&mut Regel)) + Copy + Send + Sync + 'static) -> impl IntoView {
    let j = t().jaarcyclus;
    let (cid, tid, xid) = (format!("anders-code-{id}"), format!("anders-titel-{id}"), format!("anders-tekst-{id}"));
    view! {
        <div class="nj-anders">
            <div class="veld-rij">
                <div class="veld veld-smal">
                    <label for=cid.clone()>{j.nj_code}</label>
                    <input id=cid type="text" value=begin.code.clone() on:change=move |ev| { let v = event_target_value(&ev); zet_regel(&|r| r.aanpassing.code = v.clone()); }/>
                </div>
                <div class="veld">
                    <label for=tid.clone()>{j.nj_titel_veld}</label>
                    <input id=tid type="text" value=begin.titel.clone() on:change=move |ev| { let v = event_target_value(&ev); zet_regel(&|r| r.aanpassing.titel = v.clone()); }/>
                </div>
            </div>
            <div class="veld">
                <label for=xid.clone()>{j.nj_tekst}</label>
                <textarea id=xid rows="4" prop:value=begin.tekst.clone() on:change=move |ev| { let v = event_target_value(&ev); zet_regel(&|r| r.aanpassing.tekst = v.clone()); }></textarea>
            </div>
        </div>
    }
}

/// New jaarafspraken from kaderafspraken: a box per kaderafspraak, with title, code and
/// prioriteit once ticked.
#[component]
fn UitKaderKeuze(jaar: i64, uit_kader: RwSignal<HashMap<Uuid, UitKader>>) -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let kaders = Memo::new(move |_| app.afspraken.with(|a| a.0 .1.clone()));
    let gemaakt = move |k: Uuid| {
        let id = jaarcyclus::uit_kader_id(k, jaar);
        app.history.with(|h| h.as_ref().filter(|h| h.exists(id) && !h.is_deleted(id)).map(|_| id))
    };
    view! {
        <section aria-labelledby="nj-kader-kop" id="nj-kader">
            <h2 id="nj-kader-kop">{j.nj_kader_kop}</h2>
            <p>{vul(j.nj_kader_uitleg, &[&jaar.to_string()])}</p>
            <ul class="kale-lijst nj-kaders">
                {move || kaders.get().into_iter().map(|k: Kaderafspraak| {
                    let kid = k.id;
                    let naam = label(&k.code, &k.titel);
                    let cb = format!("kader-{kid}");
                    if let Some(bestaand) = gemaakt(kid) {
                        return view! {
                            <li data-code=k.code.clone()>
                                {naam}" – "{vul(j.nj_al_gemaakt, &[&jaar.to_string()])}" "<a href=afspraak_href(bestaand)>{j.nj_bekijk}</a>
                            </li>
                        }.into_any();
                    }
                    let aan = move || uit_kader.with(|u| u.contains_key(&kid));
                    let titel0 = k.titel.clone();
                    view! {
                        <li data-code=k.code.clone()>
                            <div class="veld veld-vink">
                                <input type="checkbox" id=cb.clone() prop:checked=aan on:change=move |ev| {
                                    let aan = event_target_checked(&ev);
                                    let titel = titel0.clone();
                                    uit_kader.update(|u| {
                                        if aan {
                                            u.insert(kid, UitKader { kader: kid, titel, ..Default::default() });
                                        } else {
                                            u.remove(&kid);
                                        }
                                    });
                                }/>
                                <label for=cb>{naam}</label>
                            </div>
                            {move || aan().then(|| {
                                let huidig = uit_kader.with_untracked(|u| u.get(&kid).cloned()).unwrap_or_default();
                                let (tid, cid, pid) = (format!("kader-titel-{kid}"), format!("kader-code-{kid}"), format!("kader-prio-{kid}"));
                                let zet = move |f: &dyn Fn(&mut UitKader)| uit_kader.update(|u| { if let Some(x) = u.get_mut(&kid) { f(x); } });
                                view! {
                                    <div class="veld-rij nj-anders">
                                        <div class="veld">
                                            <label for=tid.clone()>{j.nj_titel_veld}</label>
                                            <input id=tid type="text" value=huidig.titel.clone() on:change=move |ev| { let v = event_target_value(&ev); zet(&|x| x.titel = v.clone()); }/>
                                        </div>
                                        <div class="veld veld-smal">
                                            <label for=cid.clone()>{j.nj_code}</label>
                                            <input id=cid type="text" value=huidig.code.clone() on:change=move |ev| { let v = event_target_value(&ev); zet(&|x| x.code = v.clone()); }/>
                                        </div>
                                        <div class="veld">
                                            <label for=pid.clone()>{vul(j.nj_prioriteit, &[&jaar.to_string()])}</label>
                                            <select id=pid on:change=move |ev| { let v = event_target_value(&ev); zet(&|x| x.prioriteit = v.clone()); }>
                                                {PRIORITEITEN.into_iter().map(|p| view! { <option value=p>{prioriteit_naam(p)}</option> }).collect_view()}
                                            </select>
                                        </div>
                                    </div>
                                }
                            })}
                        </li>
                    }.into_any()
                }).collect_view()}
            </ul>
        </section>
    }
}

/// After applying: what was made, links to it, and undo.
#[component]
fn Resultaat() -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let bericht = RwSignal::new(None::<String>);
    let huidige = move || {
        let stap = app.laatste_jaarstap.get()?;
        let wr = app.history.with(|h| h.as_ref().map(|h| h.werkruimte()))?;
        (stap.werkruimte == wr).then_some(stap)
    };
    view! {
        <div role="status" id="nj-resultaat" class="niet-afdrukken">
            {move || bericht.get().map(|b| view! { <div class="melding melding-succes" id="nj-ongedaan-klaar"><p>{b}</p></div> })}
            {move || huidige().map(|stap| {
                let n = stap.items.len();
                let y = stap.jaar;
                let zin = vul(if n == 1 { j.nj_klaar_een } else { j.nj_klaar }, &[&n.to_string(), &y.to_string()]);
                view! {
                    <div class="melding melding-succes" id="nj-klaar">
                        <h2 id="nj-klaar-kop" tabindex="-1">{zin}</h2>
                        <p>
                            <a href=format!("#/afspraken?jaar={y}")>{vul(j.nj_bekijk_jaar, &[&y.to_string()])}</a>" · "
                            <a href=format!("#/planning?jaar={y}")>{vul(j.nj_planning, &[&y.to_string()])}</a>
                        </p>
                        <button class="knop knop-secundair" type="button" id="nj-ongedaan" on:click=move |_| {
                            if app.maak_jaarstap_ongedaan() {
                                bericht.set(Some(vul(t().jaarcyclus.nj_ongedaan_klaar, &[&y.to_string()])));
                                focus_later("nj-jaar");
                            }
                        }>{j.nj_ongedaan}</button>
                    </div>
                }
            })}
        </div>
    }
}
