//! The meeting cycle: ambtelijke and bestuurlijke overleggen grouped by seizoen, with create,
//! edit and delete (undoable), and for a chosen meeting (`#/overleggen?overleg=<id>`) a generated
//! agenda: rood and geel items with cause and action, items whose trekker added no voortgang since
//! the previous meeting, and indicators past their signal value. The agenda prints on its own.

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::formulier::Beginwaarden;
use crate::domain::history::History;
use crate::domain::model::{Overleg, Status, Werkruimte};
use crate::domain::report;
use crate::domain::schema::ItemSoort;
use crate::domain::time::{datum_nl, parse_datum};
use crate::ui::components::begin::{meld, Begin};
use crate::ui::components::status::StatusLabel;
use crate::ui::components::focus::focus_later;
use crate::ui::components::ongedaan::{Ongedaan, Verwijderd};
use crate::ui::pages::planning::{afdrukken, query_waarde};
use crate::ui::router::afspraak_href;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

fn soort_woord(s: &str) -> Option<&'static str> {
    let m = t().monitoring;
    match s {
        "ambtelijk" => Some(m.ambtelijk),
        "bestuurlijk" => Some(m.bestuurlijk),
        _ => None,
    }
}

fn seizoen_woord(s: &str) -> &'static str {
    let m = t().monitoring;
    match s {
        "voorjaar" => m.voorjaar,
        "najaar" => m.najaar,
        _ => m.zonder_seizoen,
    }
}

/// Which meeting form is open (one at a time, so the field ids stay unique).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Bewerk {
    Nieuw,
    Bestaand(Uuid),
}

/// Opens the form `doel` (closing any other), or closes it when it is open. An opened form gets
/// the focus on its first field.
fn wissel(bewerk: RwSignal<Option<Bewerk>>, doel: Bewerk) {
    if bewerk.get_untracked() == Some(doel) {
        bewerk.set(None);
    } else {
        bewerk.set(Some(doel));
        focus_later("overleg-naam");
    }
}

#[component]
pub fn Overleggen(query: Signal<String>) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    crate::ui::zet_titel(m.overleg_titel);
    let lijst = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| Werkruimte::new(h).overleggen()).unwrap_or_default()));
    let gekozen = Memo::new(move |_| query_waarde(&query.get(), "overleg").and_then(|v| Uuid::parse_str(&v).ok()));
    let bewerk = RwSignal::new(None::<Bewerk>);
    let laatste = RwSignal::new(None::<Verwijderd>);
    // After choosing a meeting, focus goes to its agenda; after closing it, back to the meeting.
    Effect::new(move |vorige: Option<Option<Uuid>>| {
        let nu = gekozen.get();
        match (vorige, nu) {
            (Some(v), Some(_)) if v != nu => focus_later("agenda-kop"),
            (Some(Some(oud)), None) => focus_later(format!("overleg-{oud}")),
            _ => {}
        }
        nu
    });
    let agenda_open = move || gekozen.get().is_some();
    let groepen = move || {
        let l = lijst.get();
        ["voorjaar", "najaar", ""]
            .into_iter()
            .map(|s| {
                let items: Vec<Overleg> = l
                    .iter()
                    .filter(|o| if s.is_empty() { o.seizoen != "voorjaar" && o.seizoen != "najaar" } else { o.seizoen == s })
                    .cloned()
                    .collect();
                (s, items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect::<Vec<_>>()
    };
    view! {
        <h1 class:niet-afdrukken=agenda_open>{m.overleg_titel}</h1>
        <div class:niet-afdrukken=agenda_open><Inleiding tekst=m.overleg_uitleg/></div>
        {move || gekozen.get().map(|id| view! { <AgendaVan id=id/> })}
        <div class="overleggen" class:niet-afdrukken=agenda_open>
            <Ongedaan laatste=laatste id="overleg-ongedaan" kop_prefix="overleg-"/>
            <p class="niet-afdrukken">
                <button class="knop knop-secundair" type="button" id="overleg-nieuw"
                    aria-expanded=move || (bewerk.get() == Some(Bewerk::Nieuw)).to_string()
                    on:click=move |_| wissel(bewerk, Bewerk::Nieuw)>
                    {m.nieuw_overleg}
                </button>
            </p>
            {move || (bewerk.get() == Some(Bewerk::Nieuw)).then(|| view! { <OverlegForm bestaand=None bewerk=bewerk/> })}
            {move || lijst.with(Vec::is_empty).then(|| view! { <p id="overleg-leeg">{m.geen_overleggen}</p> })}
            {move || groepen().into_iter().map(|(seizoen, items)| {
                let kop_id = format!("seizoen-{}", if seizoen.is_empty() { "geen" } else { seizoen });
                let kop_ref = kop_id.clone();
                view! {
                    <section aria-labelledby=kop_ref class="seizoen">
                        <h2 id=kop_id>{seizoen_woord(seizoen)}</h2>
                        <ul class="overleg-lijst">
                            {items.into_iter().map(|o| view! { <OverlegRegel overleg=o gekozen=gekozen bewerk=bewerk laatste=laatste/> }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn OverlegRegel(
    overleg: Overleg,
    gekozen: Memo<Option<Uuid>>,
    bewerk: RwSignal<Option<Bewerk>>,
    laatste: RwSignal<Option<Verwijderd>>,
) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let id = overleg.id;
    let naam = overleg.naam.clone();
    let (n1, n2, n3, n4, n5) = (naam.clone(), naam.clone(), naam.clone(), naam.clone(), naam.clone());
    let o = overleg.clone();
    view! {
        <li class="overleg-regel" data-overleg=id.to_string() data-naam=n4>
            <h3 id=format!("overleg-{id}") tabindex="-1">{n5}</h3>
            <p class="regel-gegevens">
                {soort_woord(&overleg.soort).map(|s| view! { <span>{s}</span> })}
                {overleg.jaar.map(|j| view! { <span>{m.jaar}": "{j}</span> })}
                <span>{m.datum}": "{if overleg.datum.is_empty() { m.geen_datum.to_string() } else { datum_nl(&overleg.datum) }}</span>
            </p>
            {(!overleg.deelnemers.is_empty() || !overleg.onderwerpen.is_empty()).then(|| view! {
                <dl class="kort">
                    {(!overleg.deelnemers.is_empty()).then(|| view! { <dt>{m.deelnemers}</dt><dd>{overleg.deelnemers.join(", ")}</dd> })}
                    {(!overleg.onderwerpen.is_empty()).then(|| view! {
                        <dt>{m.onderwerpen}</dt>
                        <dd><ul>{overleg.onderwerpen.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul></dd>
                    })}
                </dl>
            })}
            <p class="knoppen niet-afdrukken">
                <a class="knop" href=format!("#/overleggen?overleg={id}") aria-current=move || (gekozen.get() == Some(id)).then_some("true")>
                    {m.agenda_maken}<span class="visueel-verborgen">": "{n1}</span>
                </a>
                <button class="knop knop-secundair" type="button"
                    aria-expanded=move || (bewerk.get() == Some(Bewerk::Bestaand(id))).to_string()
                    on:click=move |_| wissel(bewerk, Bewerk::Bestaand(id))>
                    {t().algemeen.bewerken}<span class="visueel-verborgen">": "{n2}</span>
                </button>
                <button class="knop knop-secundair" type="button" on:click=move |_| {
                    app.verwijder_item(id, ItemSoort::Overleg);
                    laatste.set(Some(Verwijderd { id, soort: ItemSoort::Overleg, tekst: vul(m.overleg_verwijderd, &[&n3]) }));
                    if bewerk.get_untracked() == Some(Bewerk::Bestaand(id)) {
                        bewerk.set(None);
                    }
                    focus_later("overleg-ongedaan-knop");
                }>
                    {t().algemeen.verwijderen}<span class="visueel-verborgen">": "{naam}</span>
                </button>
            </p>
            {move || (bewerk.get() == Some(Bewerk::Bestaand(id))).then(|| view! { <OverlegForm bestaand=Some(o.clone()) bewerk=bewerk/> })}
        </li>
    }
}

/// Lines of a textarea as a list, empty lines left out.
fn regels(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|r| !r.is_empty()).map(str::to_string).collect()
}

/// Creating or editing a meeting.
#[component]
fn OverlegForm(bestaand: Option<Overleg>, bewerk: RwSignal<Option<Bewerk>>) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let b = bestaand.clone();
    let naam = RwSignal::new(b.as_ref().map(|o| o.naam.clone()).unwrap_or_default());
    let soort = RwSignal::new(b.as_ref().map(|o| o.soort.clone()).unwrap_or_default());
    let seizoen = RwSignal::new(b.as_ref().map(|o| o.seizoen.clone()).unwrap_or_default());
    let jaar = RwSignal::new(b.as_ref().and_then(|o| o.jaar).map(|j| j.to_string()).unwrap_or_default());
    let datum = RwSignal::new(b.as_ref().map(|o| o.datum.clone()).unwrap_or_default());
    let deelnemers = RwSignal::new(b.as_ref().map(|o| o.deelnemers.join("\n")).unwrap_or_default());
    let onderwerpen = RwSignal::new(b.as_ref().map(|o| o.onderwerpen.join("\n")).unwrap_or_default());
    let fout_naam = RwSignal::new(false);
    let fout_jaar = RwSignal::new(false);
    let bestaand_id = bestaand.as_ref().map(|o| o.id);
    let id = bestaand_id.unwrap_or_else(Uuid::new_v4);
    let s = ItemSoort::Overleg;
    // The values as the form writes them, with the year as read from its field.
    let waarden = move |jaar_waarde: Value| {
        let keuze = |s: String| if s.is_empty() { Value::Null } else { json!(s) };
        let d = datum.get_untracked().trim().to_string();
        let d = if parse_datum(&d).is_some() { json!(d) } else { Value::Null };
        vec![
            ("naam", json!(naam.get_untracked().trim())),
            ("soort", keuze(soort.get_untracked())),
            ("seizoen", keuze(seizoen.get_untracked())),
            ("jaar", jaar_waarde),
            ("datum", d),
            ("deelnemers", json!(regels(&deelnemers.get_untracked()))),
            ("onderwerpen", json!(regels(&onderwerpen.get_untracked()))),
        ]
    };
    let begin = Begin::new(match &bestaand {
        Some(o) => Beginwaarden::geopend(id, s, waarden(o.jaar.map_or(Value::Null, |j| json!(j)))),
        None => Beginwaarden::nieuw(id, s),
    });
    let terug = move || match bestaand_id {
        Some(id) => focus_later(format!("overleg-{id}")),
        None => focus_later("overleg-nieuw"),
    };
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = naam.get_untracked().trim().to_string();
        let j = jaar.get_untracked().trim().to_string();
        let jaar_waarde = match j.parse::<i64>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(json!(y)),
            _ if j.is_empty() => Some(Value::Null),
            _ => None,
        };
        fout_naam.set(n.is_empty());
        fout_jaar.set(jaar_waarde.is_none());
        if n.is_empty() {
            focus_later("overleg-naam");
            return;
        }
        let Some(jaar_waarde) = jaar_waarde else {
            focus_later("overleg-jaar");
            return;
        };
        // Only what changed since the form was opened is written; an empty field that was never
        // set stays unset.
        let mut velden = begin.wijzigingen(&waarden(jaar_waarde));
        if bestaand_id.is_none() {
            // A new meeting comes last in the list.
            let volgende = app.history.with_untracked(|h| h.as_ref().map(volgende_volgorde).unwrap_or(0.0));
            velden.push((id, s, "volgorde", json!(volgende)));
        }
        meld(app, !velden.is_empty(), m.overleg_opgeslagen);
        if !velden.is_empty() {
            app.bewerk(velden);
        }
        bewerk.set(None);
        focus_later(format!("overleg-{id}"));
    };
    let keuze_lijst = |id: &'static str, label: &'static str, waarde: RwSignal<String>, opties: Vec<(&'static str, &'static str)>| {
        view! {
            <div class="veld">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| waarde.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || waarde.get().is_empty()>{m.geen_keuze}</option>
                    {opties.into_iter().map(|(v, l)| view! { <option value=v prop:selected=move || waarde.get() == v>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form class="formulier overleg-form niet-afdrukken" id="overleg-form" on:submit=bewaar novalidate>
            <div class="veld">
                <label for="overleg-naam">{m.naam}" ("{t().algemeen.verplicht}")"</label>
                {move || fout_naam.get().then(|| view! { <p class="veld-fout" id="overleg-naam-fout">{m.naam_nodig}</p> })}
                <input id="overleg-naam" type="text" required autocomplete="off"
                    aria-invalid=move || fout_naam.get().then_some("true")
                    aria-describedby=move || fout_naam.get().then_some("overleg-naam-fout")
                    prop:value=move || naam.get() on:input=move |ev| naam.set(event_target_value(&ev))/>
            </div>
            {keuze_lijst("overleg-soort", m.soort, soort, vec![("ambtelijk", m.ambtelijk), ("bestuurlijk", m.bestuurlijk)])}
            {keuze_lijst("overleg-seizoen", m.seizoen, seizoen, vec![("voorjaar", m.voorjaar), ("najaar", m.najaar)])}
            <div class="veld">
                <label for="overleg-jaar">{m.jaar}</label>
                {move || fout_jaar.get().then(|| view! { <p class="veld-fout" id="overleg-jaar-fout">{m.jaar_fout}</p> })}
                <input id="overleg-jaar" type="text" inputmode="numeric" autocomplete="off" size="6"
                    aria-invalid=move || fout_jaar.get().then_some("true")
                    aria-describedby=move || fout_jaar.get().then_some("overleg-jaar-fout")
                    prop:value=move || jaar.get() on:input=move |ev| jaar.set(event_target_value(&ev))/>
            </div>
            <div class="veld">
                <label for="overleg-datum">{m.datum}</label>
                <input id="overleg-datum" type="date" prop:value=move || datum.get() on:input=move |ev| datum.set(event_target_value(&ev))/>
            </div>
            <div class="veld">
                <label for="overleg-deelnemers">{m.deelnemers}</label>
                <p class="hulptekst" id="overleg-deelnemers-hulp">{m.een_per_regel}</p>
                <textarea id="overleg-deelnemers" rows="3" aria-describedby="overleg-deelnemers-hulp"
                    prop:value=move || deelnemers.get() on:input=move |ev| deelnemers.set(event_target_value(&ev))></textarea>
            </div>
            <div class="veld">
                <label for="overleg-onderwerpen">{m.onderwerpen}</label>
                <p class="hulptekst" id="overleg-onderwerpen-hulp">{m.een_per_regel}</p>
                <textarea id="overleg-onderwerpen" rows="4" aria-describedby="overleg-onderwerpen-hulp"
                    prop:value=move || onderwerpen.get() on:input=move |ev| onderwerpen.set(event_target_value(&ev))></textarea>
            </div>
            <p class="knoppen">
                <button class="knop" type="submit" id="overleg-opslaan">{t().algemeen.opslaan}</button>
                <button class="knop knop-secundair" type="button" on:click=move |_| { bewerk.set(None); terug(); }>{t().algemeen.annuleren}</button>
            </p>
        </form>
    }
}

/// One more than the highest `volgorde` of the meetings, so a new one comes last.
fn volgende_volgorde(h: &History) -> f64 {
    Werkruimte::new(h).overleggen().into_iter().map(|o| o.volgorde).filter(|v| *v < f64::MAX).fold(-1.0, f64::max) + 1.0
}

/// The date (`YYYY-MM-DD`) of the meeting before `o`: the latest date before its own; for a
/// meeting without a date, the latest date of the meetings listed before it.
fn vorige_datum(alle: &[Overleg], o: &Overleg) -> Option<String> {
    let gedateerd = |x: &&Overleg| x.id != o.id && parse_datum(&x.datum).is_some();
    if parse_datum(&o.datum).is_some() {
        alle.iter().filter(gedateerd).filter(|x| x.datum < o.datum).map(|x| x.datum.clone()).max()
    } else {
        let pos = alle.iter().position(|x| x.id == o.id)?;
        alle[..pos].iter().filter(gedateerd).map(|x| x.datum.clone()).max()
    }
}

#[derive(Clone, Debug, PartialEq)]
struct AgendaRegel {
    id: Uuid,
    code: String,
    titel: String,
    status: Status,
    trekker: String,
    oorzaak: String,
    actie: String,
}

#[derive(Clone, Debug, PartialEq)]
struct SignaalRegel {
    afspraak: Option<(Uuid, String)>,
    indicator: String,
    tekst: String,
}

#[derive(Clone, Debug, PartialEq)]
struct AgendaData {
    overleg: Overleg,
    jaar: Option<i64>,
    sinds: Option<String>,
    aandacht: Vec<AgendaRegel>,
    zonder_voortgang: Vec<AgendaRegel>,
    signalen: Vec<SignaalRegel>,
}

fn getal(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}").replace('.', ",") }
}

fn agenda_data(h: &History, id: Uuid) -> Option<AgendaData> {
    if h.soort(id) != Some(ItemSoort::Overleg) || h.is_deleted(id) {
        return None;
    }
    let w = Werkruimte::new(h);
    let alle = w.overleggen();
    let o = alle.iter().find(|o| o.id == id)?.clone();
    let jaar = o.jaar.or_else(|| o.datum.get(0..4).filter(|_| parse_datum(&o.datum).is_some()).and_then(|y| y.parse().ok()));
    let sinds = vorige_datum(&alle, &o);
    let a = report::agenda(h, jaar, sinds.as_deref());
    let regel = |j: crate::domain::model::Jaarafspraak| AgendaRegel {
        id: j.id,
        trekker: report::trekker(h, &j),
        code: j.code,
        titel: j.titel,
        status: j.status,
        oorzaak: j.oorzaak,
        actie: j.actie,
    };
    let m = t().monitoring;
    let signalen = a
        .buiten_signaal
        .into_iter()
        .map(|(ind, meting)| {
            let eenheid = match ind.eenheid.trim() {
                "" => String::new(),
                "%" => " %".to_string(),
                e => format!(" {e}"),
            };
            let partij = meting.partij.and_then(|p| w.partij(p)).map(|p| p.naam).unwrap_or_else(|| t().afspraken.alle_partijen.to_string());
            let tekst = vul(m.signaal_regel, &[
                &partij,
                &meting.waarde.map(|v| format!("{}{eenheid}", getal(v))).unwrap_or_default(),
                &datum_nl(&meting.datum),
                &ind.signaalwaarde.or(ind.doel).map(|v| format!("{}{eenheid}", getal(v))).unwrap_or_default(),
            ]);
            let afspraak = ind.afspraak.filter(|a| h.exists(*a) && !h.is_deleted(*a)).map(|a| (a, w.label(a)));
            SignaalRegel { afspraak, indicator: ind.naam, tekst }
        })
        .collect();
    Some(AgendaData {
        overleg: o,
        jaar,
        sinds,
        aandacht: a.aandacht.into_iter().map(regel).collect(),
        zonder_voortgang: a.zonder_voortgang.into_iter().map(regel).collect(),
        signalen,
    })
}

/// The generated agenda of one meeting.
#[component]
fn AgendaVan(id: Uuid) -> impl IntoView {
    let app = use_app();
    let m = t().monitoring;
    let a = t().afspraken;
    let data = Memo::new(move |_| app.history.with(|h| h.as_ref().and_then(|h| agenda_data(h, id))));
    let regel_kop = move |r: &AgendaRegel| {
        let label = format!("{} {}", r.code, r.titel).trim().to_string();
        view! {
            <a href=afspraak_href(r.id) class="afspraak-titel">{label}</a>
            " "
            <StatusLabel status=r.status/>
            {(!r.trekker.is_empty()).then(|| view! { <span class="agenda-trekker">" · "{a.trekker}": "{r.trekker.clone()}</span> })}
        }
    };
    move || {
        let Some(d) = data.get() else {
            return view! {
                <section class="agenda" id="agenda" aria-labelledby="agenda-kop">
                    <h2 id="agenda-kop" tabindex="-1">{m.overleg_onbekend}</h2>
                    <p><a href="#/overleggen">{m.agenda_sluiten}</a></p>
                </section>
            }
            .into_any();
        };
        let o = d.overleg.clone();
        let jaar_tekst = d.jaar.map(|j| j.to_string()).unwrap_or_else(|| m.alle_jaren.to_lowercase());
        let zonder_kop = match &d.sinds {
            Some(s) => vul(m.agenda_zonder_voortgang_sinds, &[&datum_nl(s)]),
            None => m.agenda_zonder_voortgang.to_string(),
        };
        view! {
            <section class="agenda" id="agenda" aria-labelledby="agenda-kop" data-overleg=id.to_string()>
                <h2 id="agenda-kop" tabindex="-1">{vul(m.agenda_kop, &[&o.naam])}</h2>
                <p class="regel-gegevens">
                    {soort_woord(&o.soort).map(|s| view! { <span>{s}</span> })}
                    <span>{m.datum}": "{if o.datum.is_empty() { m.geen_datum.to_string() } else { datum_nl(&o.datum) }}</span>
                    {(!o.deelnemers.is_empty()).then(|| view! { <span>{m.deelnemers}": "{o.deelnemers.join(", ")}</span> })}
                </p>
                <p>
                    {vul(m.agenda_jaar, &[&jaar_tekst])}" "
                    {match &d.sinds {
                        Some(s) => vul(m.agenda_sinds, &[&datum_nl(s)]),
                        None => m.agenda_zonder_sinds.to_string(),
                    }}
                </p>
                <p class="knoppen niet-afdrukken">
                    <button class="knop" type="button" id="agenda-afdrukken" on:click=move |_| afdrukken(app)>{m.agenda_afdrukken}</button>
                    <a class="knop knop-secundair" href="#/overleggen">{m.agenda_sluiten}</a>
                </p>
                {(!o.onderwerpen.is_empty()).then(|| view! {
                    <h3>{m.agenda_onderwerpen}</h3>
                    <ol id="agenda-onderwerpen">{o.onderwerpen.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ol>
                })}
                <h3>{m.agenda_aandacht}</h3>
                {if d.aandacht.is_empty() {
                    view! { <p id="agenda-aandacht">{m.agenda_aandacht_leeg}</p> }.into_any()
                } else {
                    view! {
                        <ul class="agenda-lijst" id="agenda-aandacht">
                            {d.aandacht.iter().map(|r| view! {
                                <li data-code=r.code.clone()>
                                    <p class="agenda-regel">{regel_kop(r)}</p>
                                    <dl class="kort">
                                        <dt>{a.oorzaak}</dt><dd>{if r.oorzaak.is_empty() { "–".to_string() } else { r.oorzaak.clone() }}</dd>
                                        <dt>{a.actie}</dt><dd>{if r.actie.is_empty() { "–".to_string() } else { r.actie.clone() }}</dd>
                                    </dl>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <h3>{zonder_kop}</h3>
                {if d.zonder_voortgang.is_empty() {
                    view! { <p id="agenda-zonder-voortgang">{m.agenda_zonder_voortgang_leeg}</p> }.into_any()
                } else {
                    view! {
                        <ul class="agenda-lijst" id="agenda-zonder-voortgang">
                            {d.zonder_voortgang.iter().map(|r| view! {
                                <li data-code=r.code.clone()><p class="agenda-regel">{regel_kop(r)}</p></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <h3>{m.agenda_signaal}</h3>
                {if d.signalen.is_empty() {
                    view! { <p id="agenda-signalen">{m.agenda_signaal_leeg}</p> }.into_any()
                } else {
                    view! {
                        <ul class="agenda-lijst" id="agenda-signalen">
                            {d.signalen.iter().map(|s| view! {
                                <li>
                                    <p class="agenda-regel">
                                        <strong>{s.indicator.clone()}</strong>
                                        {s.afspraak.clone().map(|(aid, label)| view! { " (" <a href=afspraak_href(aid)>{label}</a> ")" })}
                                    </p>
                                    <p class="signaal">{"⚠ "}{s.tekst.clone()}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}
