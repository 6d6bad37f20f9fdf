//! The detail page of one agreement (jaar- or kaderafspraak): every field, linked agreements,
//! indicators with measurements, the voortgang timeline, reacties, conflicts to resolve, the change
//! history (who, when, what), and editing.

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::history::History;
use crate::domain::model::{Fields, Status, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::datum::tijd_tekst;
use crate::ui::components::status::{status_uitleg, StatusLabel};
use crate::ui::components::tekst::{Tekst, Term};
use crate::ui::components::waarde::waarde_tekst;
use crate::ui::router::afspraak_href;
use crate::ui::components::conflict::{verwijder_zinnen, ConflictLabel};
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, velden::veldnaam, vul};

#[component]
pub fn Afspraak(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let soort = Memo::new(move |_| app.history.with(|h| h.as_ref().and_then(|h| h.soort(id))));
    move || match soort.get() {
        Some(s @ (ItemSoort::Jaarafspraak | ItemSoort::Kaderafspraak)) => view! { <Detail id=id soort=s/> }.into_any(),
        _ => {
            crate::ui::zet_titel(a.niet_gevonden);
            view! {
                <h1>{a.niet_gevonden}</h1>
                <p><a href="#/afspraken">{a.terug_lijst}</a></p>
            }
            .into_any()
        }
    }
}

/// Reads from the active history; `None` when no workspace is open.
fn lees<T>(app: crate::ui::state::AppState, f: impl FnOnce(&History) -> T) -> Option<T> {
    app.history.with(|h| h.as_ref().map(f))
}

#[component]
fn Detail(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let is_jaar = soort == ItemSoort::Jaarafspraak;
    let kop = move || {
        lees(app, |h| {
            let f = Fields::new(h, id);
            format!("{} {}", f.text("code"), f.text("titel")).trim().to_string()
        })
        .unwrap_or_default()
    };
    crate::ui::zet_titel(&kop());
    let verwijderd = move || lees(app, |h| h.is_deleted(id)).unwrap_or(false);
    let status = move || lees(app, |h| Werkruimte::new(h).jaarafspraak(id).status).unwrap_or_default();
    // Memos: a section is drawn again only when what it shows changed, not on every edit.
    let tekst = Memo::new(move |_| lees(app, |h| Fields::new(h, id).text("tekst")).unwrap_or_default());
    let begrippen = Memo::new(move |_| {
        lees(app, |h| Werkruimte::new(h).begrippen().into_iter().map(|b| Term { term: b.term, uitleg: b.uitleg }).collect::<Vec<_>>()).unwrap_or_default()
    });
    view! {
        <p class="niet-afdrukken"><a href="#/afspraken">{a.terug_lijst}</a></p>
        <article class="afspraak" data-afspraak=id.to_string()>
            <h1 id="afspraak-kop">{kop}</h1>
            {move || verwijderd().then(|| view! {
                <div class="melding melding-fout" id="verwijderd-melding">
                    <p>{a.afspraak_verwijderd}</p>
                    <button class="knop" type="button" on:click=move |_| app.herstel_item(id, soort)>{t().algemeen.ongedaan_maken}</button>
                </div>
            })}
            {is_jaar.then(|| view! {
                <p class="samenvatting">
                    {move || view! { <StatusLabel status=status()/> }}
                    {move || lees(app, |h| {
                        let j = Werkruimte::new(h).jaarafspraak(id);
                        view! {
                            {(!j.trekker.is_empty()).then(|| view! { " · "{a.trekker}": "{j.trekker.clone()} })}
                            {(!j.prioriteit.tekst().is_empty()).then(|| view! { " · "{a.prioriteit}": "{j.prioriteit.tekst()} })}
                            {j.jaar.map(|y| view! { " · "{a.jaar}": "{y} })}
                            {j.monitorregel.then(|| view! { " · "{a.monitorregel} })}
                        }
                    })}
                </p>
            })}
            <VerwijderConflict id=id soort=soort/>
            <Conflicten id=id soort=soort/>
            {is_jaar.then(|| view! { <StatusForm id=id/> })}
            {move || lees(app, |h| {
                let j = Werkruimte::new(h).jaarafspraak(id);
                (is_jaar && j.status.vraagt_toelichting()).then(|| view! {
                    <dl class="toelichting">
                        <dt>{a.oorzaak}</dt><dd>{if j.oorzaak.is_empty() { "–".into() } else { j.oorzaak.clone() }}</dd>
                        <dt>{a.actie}</dt><dd>{if j.actie.is_empty() { "–".into() } else { j.actie.clone() }}</dd>
                    </dl>
                })
            })}
            <section aria-labelledby="tekst-kop">
                <h2 id="tekst-kop">{a.tekst}</h2>
                {move || view! { <Tekst tekst=tekst.get() begrippen=begrippen.get()/> }}
            </section>
            <Gegevens id=id soort=soort/>
            <crate::ui::components::jaarlijn::Jaarlijn id=id soort=soort/>
            <Bewerken id=id soort=soort/>
            <crate::ui::pages::koppelingen::Koppelingen id=id soort=soort/>
            <Indicatoren id=id/>
            <crate::ui::components::notities::Voortgang id=id/>
            <crate::ui::components::notities::Reacties id=id/>
            <Geschiedenis id=id/>
            <p class="knoppen niet-afdrukken">
                <button class="knop knop-secundair" type="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{a.afdrukken}</button>
                {move || (!verwijderd()).then(|| view! {
                    <button class="knop knop-gevaar" type="button" on:click=move |_| {
                        app.verwijder_item(id, soort);
                        app.info(MeldingSoort::Info, a.afspraak_verwijderd);
                    }>{t().algemeen.verwijderen}</button>
                })}
            </p>
        </article>
    }
}

/// The fields two parties filled in differently, each value with who and when, and a button to
/// choose it. Choosing is a change that supersedes both and travels with the next export.
#[component]
fn Conflicten(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let lijst = move || {
        lees(app, |h| {
            h.fields_of(id)
                .into_iter()
                .filter_map(|veld| {
                    h.conflict(id, veld).map(|cs| {
                        (veld.to_string(), cs.into_iter().map(|c| (c.waarde.clone(), waarde_tekst(h, &c.waarde), c.partij.clone(), c.auteur.clone(), c.tijd)).collect::<Vec<_>>())
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    move || {
        let l = lijst();
        (!l.is_empty()).then(|| view! {
            <section class="conflicten melding" aria-labelledby="conflict-kop" id="conflicten">
                <h2 id="conflict-kop">{t().algemeen.conflict}</h2>
                {l.into_iter().map(|(veld, kandidaten)| {
                    let Some(veld_s) = soort.veld(&veld).map(|d| d.naam) else { return None };
                    Some(view! {
                        <h3>{veldnaam(&veld)}</h3>
                        <ul class="kandidaten">
                            {kandidaten.into_iter().map(|(waarde, tekst, partij, auteur, tijd)| {
                                let wie = if auteur.is_empty() { partij.clone() } else { format!("{auteur}, {partij}") };
                                view! {
                                    <li>
                                        <p><strong>{tekst}</strong>" — "{vul(a.waarde_van, &["", &wie, &tijd_tekst(tijd)]).trim_start().to_string()}</p>
                                        <button class="knop knop-secundair" type="button" on:click=move |_| {
                                            app.bewerk(vec![(id, soort, veld_s, waarde.clone())]);
                                            app.info(MeldingSoort::Succes, a.conflict_gekozen);
                                        }>{a.conflict_kies}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })
                }).collect_view()}
            </section>
        })
    }
}

/// Deleted by one party while another worked on it without knowing: who did what, and the
/// choice to keep it or delete it after all (a change that travels like any resolution).
#[component]
fn VerwijderConflict(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let c = t().conflicten;
    let regels = move || {
        lees(app, |h| {
            let vc = h.verwijder_conflict(id)?;
            Some(verwijder_zinnen(
                &Werkruimte::new(h).label(id),
                vc.verwijderd.iter().map(|d| d.partij.as_str()),
                vc.intussen.iter().map(|w| (w.soort, w.veld.as_str(), w.partij.as_str())),
            ))
        })
        .flatten()
    };
    move || {
        regels().map(|regels| view! {
            <section class="conflicten melding" aria-labelledby="verwijder-conflict-kop" id="verwijder-conflict">
                <h2 id="verwijder-conflict-kop"><ConflictLabel/>" "{c.verwijder_kop}</h2>
                {regels.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
                <p>{c.verwijder_uitleg}</p>
                <p class="knoppen">
                    <button class="knop" type="button" id="conflict-behouden" on:click=move |_| {
                        app.herstel_item(id, soort);
                        app.info(MeldingSoort::Succes, c.behouden_gedaan);
                    }>{c.behouden}</button>
                    <button class="knop knop-gevaar" type="button" id="conflict-verwijderen" on:click=move |_| {
                        app.verwijder_item(id, soort);
                        app.info(MeldingSoort::Succes, c.verwijderd_gedaan);
                    }>{c.toch_verwijderen}</button>
                </p>
            </section>
        })
    }
}

/// Changing the status: geel and rood ask for a cause and an action.
#[component]
fn StatusForm(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let huidig = app.history.with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).jaarafspraak(id))).expect("open workspace");
    let keuze = RwSignal::new(huidig.status);
    let oorzaak = RwSignal::new(huidig.oorzaak.clone());
    let actie = RwSignal::new(huidig.actie.clone());
    let fout_oorzaak = RwSignal::new(false);
    let fout_actie = RwSignal::new(false);
    // The values as the form writes them: status, and the trimmed cause and action.
    let waarden = move |s: Status, toelichting: bool| {
        let mut v = vec![("status", json!(s.code()))];
        if toelichting {
            v.push(("oorzaak", json!(oorzaak.get_untracked().trim())));
            v.push(("actie", json!(actie.get_untracked().trim())));
        }
        v
    };
    let begin = Begin::new(Beginwaarden::geopend(id, ItemSoort::Jaarafspraak, waarden(huidig.status, true)));
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = keuze.get_untracked();
        let (o, ac) = (oorzaak.get_untracked().trim().to_string(), actie.get_untracked().trim().to_string());
        fout_oorzaak.set(s.vraagt_toelichting() && o.is_empty());
        fout_actie.set(s.vraagt_toelichting() && ac.is_empty());
        if fout_oorzaak.get_untracked() || fout_actie.get_untracked() {
            focus(if fout_oorzaak.get_untracked() { "oorzaak" } else { "actie" });
            return;
        }
        // Cause and action count only for geel and rood; only what changed is written.
        begin.bewaar(app, &waarden(s, s.vraagt_toelichting()), a.status_opgeslagen);
    };
    view! {
        <section aria-labelledby="status-kop" class="niet-afdrukken">
            <h2 id="status-kop">{a.status_wijzigen}</h2>
            <form class="formulier" on:submit=bewaar novalidate>
                <fieldset>
                    <legend>{a.status}</legend>
                    <div class="keuzes">
                        {Status::ALL.into_iter().map(|s| {
                            let rid = format!("status-{}", s.code());
                            view! {
                                <div class="keuze">
                                    <input type="radio" name="status" id=rid.clone() value=s.code()
                                        prop:checked=move || keuze.get() == s on:change=move |_| keuze.set(s)/>
                                    <label for=rid>
                                        <StatusLabel status=s/>
                                        <span class="klein">" "{status_uitleg(s)}</span>
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                {move || keuze.get().vraagt_toelichting().then(|| view! {
                    <div class="veld">
                        <label for="oorzaak">{a.oorzaak}" ("{t().algemeen.verplicht}")"</label>
                        {move || fout_oorzaak.get().then(|| view! { <p class="veld-fout" id="oorzaak-fout">{a.oorzaak_nodig}</p> })}
                        <textarea id="oorzaak" rows="3" aria-invalid=move || fout_oorzaak.get().then_some("true")
                            aria-describedby=move || fout_oorzaak.get().then_some("oorzaak-fout")
                            prop:value=move || oorzaak.get() on:input=move |ev| oorzaak.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="veld">
                        <label for="actie">{a.actie}" ("{t().algemeen.verplicht}")"</label>
                        {move || fout_actie.get().then(|| view! { <p class="veld-fout" id="actie-fout">{a.actie_nodig}</p> })}
                        <textarea id="actie" rows="3" aria-invalid=move || fout_actie.get().then_some("true")
                            aria-describedby=move || fout_actie.get().then_some("actie-fout")
                            prop:value=move || actie.get() on:input=move |ev| actie.set(event_target_value(&ev))></textarea>
                    </div>
                })}
                <button class="knop" type="submit" id="status-opslaan">{t().algemeen.opslaan}</button>
            </form>
        </section>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Parties, theme, linked agreements, footnotes.
#[component]
fn Gegevens(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    move || {
        lees(app, |h| {
            let w = Werkruimte::new(h);
            let f = Fields::new(h, id);
            let partijen: Vec<String> = f.ids("partijen").into_iter().filter_map(|p| w.partij(p)).map(|p| p.naam).collect();
            let sub = f.id("subthema").filter(|s| h.exists(*s)).map(|s| w.subthema(s));
            let thema = sub.as_ref().and_then(|s| s.thema).map(|t| w.thema(t));
            let links = |ids: Vec<Uuid>| ids.into_iter().filter(|k| h.exists(*k) && !h.is_deleted(*k)).map(|k| (k, w.label(k), Fields::new(h, k).text("titel"))).collect::<Vec<_>>();
            let kaders = links(f.ids("kaderafspraken"));
            let vorige = links(f.id("vorige").into_iter().collect());
            let bij_kader: Vec<_> = if soort == ItemSoort::Kaderafspraak {
                app.afspraken.with(|a| a.0 .0.iter().filter(|j| j.kaderafspraken.contains(&id)).map(|j| (j.id, j.code.clone(), j.titel.clone())).collect())
            } else {
                Vec::new()
            };
            let voetnoten = f.texts("voetnoten");
            let link_lijst = |l: Vec<(Uuid, String, String)>| view! {
                <ul>{l.into_iter().map(|(k, code, titel)| view! { <li><a href=afspraak_href(k)>{format!("{code} {titel}").trim().to_string()}</a></li> }).collect_view()}</ul>
            };
            view! {
                <dl class="gegevens">
                    {(!partijen.is_empty()).then(|| view! { <dt>{a.partijen}</dt><dd>{partijen.join(", ")}</dd> })}
                    {thema.map(|t| view! { <dt>{a.thema}</dt><dd>{format!("{} {}", t.nummer, t.titel)}</dd> })}
                    {sub.map(|s| view! { <dt>{a.subthema}</dt><dd>{format!("{} {}", s.nummer, s.titel)}</dd> })}
                    {(!kaders.is_empty()).then(|| view! { <dt>{a.hoort_bij_kader}</dt><dd>{link_lijst(kaders)}</dd> })}
                    {(!vorige.is_empty()).then(|| view! { <dt>{a.vorige}</dt><dd>{link_lijst(vorige)}</dd> })}
                    {(!bij_kader.is_empty()).then(|| view! { <dt>{a.jaarafspraken_bij}</dt><dd>{link_lijst(bij_kader)}</dd> })}
                    {(!voetnoten.is_empty()).then(|| view! { <dt>{a.voetnoten}</dt><dd><ol>{voetnoten.into_iter().map(|v| view! { <li>{v}</li> }).collect_view()}</ol></dd> })}
                </dl>
            }
        })
    }
}

/// Editing code, title, text, and for jaarafspraken trekker, prioriteit and year.
#[component]
fn Bewerken(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let open = RwSignal::new(false);
    let is_jaar = soort == ItemSoort::Jaarafspraak;
    let velden: Vec<(&'static str, &'static str, bool, Option<&'static str>)> = {
        let mut v = vec![("code", a.code, false, None), ("titel", a.titel, false, None), ("tekst", a.tekst, true, None)];
        if is_jaar {
            v.push(("trekker", a.trekker, false, Some(a.trekker_hulp)));
            v.push(("prioriteit", a.prioriteit, false, Some(a.prioriteit_hulp)));
            v.push(("jaar", a.jaar, false, None));
        }
        v
    };
    let waarden: Vec<(&'static str, RwSignal<String>)> = velden.iter().map(|(veld, ..)| (*veld, RwSignal::new(String::new()))).collect();
    // The values as the form writes them; `Err` when the year is not a year (`streng`), else
    // such a year as it was typed.
    let lees_waarden = {
        let waarden = waarden.clone();
        move |streng: bool| -> Result<Vec<(&'static str, Value)>, ()> {
            waarden
                .iter()
                .map(|(veld, s)| {
                    let v = s.get_untracked();
                    let waarde = match *veld {
                        "jaar" => match v.trim().parse::<i64>() {
                            Ok(j) if (1900..=2200).contains(&j) => json!(j),
                            _ if v.trim().is_empty() => Value::Null,
                            _ if !streng => json!(v.trim()),
                            _ => return Err(()),
                        },
                        "tekst" => json!(v),
                        _ => json!(v.trim()),
                    };
                    Ok((*veld, waarde))
                })
                .collect()
        }
    };
    let begin = Begin::new(Beginwaarden::nieuw(id, soort));
    let waarden2 = waarden.clone();
    let lees_begin = lees_waarden.clone();
    let vul_in = move || {
        app.history.with_untracked(|h| {
            if let Some(h) = h.as_ref() {
                let f = Fields::new(h, id);
                for (veld, s) in &waarden2 {
                    let v = match f.value(veld) {
                        Some(Value::String(x)) => x.clone(),
                        Some(Value::Number(n)) => n.to_string(),
                        _ => String::new(),
                    };
                    s.set(v);
                }
            }
        });
        // The form remembers what it was opened with: only fields that differ are written.
        begin.zet(Beginwaarden::geopend(id, soort, lees_begin(false).unwrap_or_default()));
    };
    let jaar_fout = RwSignal::new(false);
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(nu) = lees_waarden(true) else {
            jaar_fout.set(true);
            return;
        };
        jaar_fout.set(false);
        begin.bewaar(app, &nu, t().beheer.opgeslagen);
        open.set(false);
    };
    view! {
        <section aria-labelledby="bewerk-kop" class="niet-afdrukken">
            <h2 id="bewerk-kop">
                <button class="knop knop-secundair" type="button" aria-expanded=move || open.get().to_string()
                    on:click=move |_| { if !open.get_untracked() { vul_in(); } open.update(|o| *o = !*o); }>{a.velden_bewerken}</button>
            </h2>
            {move || open.get().then(|| view! {
                <form class="formulier" on:submit=bewaar.clone() novalidate>
                    {velden.iter().zip(waarden.iter()).map(|((veld, label, lang, hulp), (_, s))| {
                        let s = *s;
                        let vid = format!("bewerk-{veld}");
                        let hid = format!("{vid}-hulp");
                        let is_jaar_veld = *veld == "jaar";
                        view! {
                            <div class="veld">
                                <label for=vid.clone()>{*label}</label>
                                {hulp.map(|h| view! { <p class="hulptekst" id=hid.clone()>{h}</p> })}
                                {(is_jaar_veld).then(|| view! { {move || jaar_fout.get().then(|| view! { <p class="veld-fout">{"1900–2200"}</p> })} })}
                                {if *lang {
                                    view! { <textarea id=vid.clone() rows="8" prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))></textarea> }.into_any()
                                } else {
                                    view! { <input id=vid.clone() type="text" inputmode=is_jaar_veld.then_some("numeric")
                                        aria-describedby=hulp.map(|_| hid.clone())
                                        prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))/> }.into_any()
                                }}
                            </div>
                        }
                    }).collect_view()}
                    <p class="knoppen">
                        <button class="knop" type="submit" id="bewerk-opslaan">{t().algemeen.opslaan}</button>
                        <button class="knop knop-secundair" type="button" on:click=move |_| open.set(false)>{t().algemeen.annuleren}</button>
                    </p>
                </form>
            })}
        </section>
    }
}

fn getal(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}").replace('.', ",") }
}

/// Indicators of this agreement with their measurements; a measurement past the signal value
/// says so in words.
#[component]
fn Indicatoren(id: Uuid) -> impl IntoView {
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
                                <div class="tabel-houder">
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

/// Every change to this agreement and to its voortgang, oldest last: who, when, what.
#[component]
fn Geschiedenis(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let rijen = move || {
        lees(app, |h| {
            let mut items = vec![id];
            // Its voortgang and reacties, removed ones too: an edit or removal shows here.
            items.extend(h.kinderen_van(id).into_iter().filter(|k| matches!(h.soort(*k), Some(ItemSoort::Voortgang | ItemSoort::Reactie))));
            // Causal order, newest first: a change is listed above the changes it follows. The
            // order of items in lists is kept, but is no news to a reader.
            let mut cs: Vec<_> = h.causale_geschiedenis(&items).into_iter().filter(|c| c.veld != "volgorde").collect();
            cs.reverse();
            cs.into_iter()
                .map(|c| {
                    let wie = if c.auteur.is_empty() { c.partij.clone() } else { format!("{} ({})", c.auteur, c.partij) };
                    let wat = if c.item == id {
                        format!("{}: {}", veldnaam(&c.veld), waarde_tekst(h, &c.waarde))
                    } else {
                        let soort = if c.soort == ItemSoort::Reactie { a.reacties } else { a.voortgang };
                        format!("{} – {}: {}", soort, veldnaam(&c.veld), waarde_tekst(h, &c.waarde))
                    };
                    (tijd_tekst(c.tijd), wie, wat, h.is_head(c))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="geschiedenis-kop">
            <h2 id="geschiedenis-kop">{a.geschiedenis}</h2>
            <p>{a.geschiedenis_uitleg}" "{t().conflicten.geschiedenis_volgorde}</p>
            <div class="tabel-houder">
                <table id="geschiedenis">
                    <caption class="visueel-verborgen">{a.geschiedenis}</caption>
                    <thead><tr><th scope="col">{a.wanneer}</th><th scope="col">{a.wie}</th><th scope="col">{a.wat}</th></tr></thead>
                    <tbody>
                        {move || rijen().into_iter().map(|(wanneer, wie, wat, nu)| view! {
                            <tr class:huidig=nu><td>{wanneer}</td><td>{wie}</td><td>{wat}{nu.then(|| view! { " " <span class="label label-nu">{t().conflicten.huidig}</span> })}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
