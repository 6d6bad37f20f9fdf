//! The lists of jaarafspraken and kaderafspraken, grouped by theme and subtheme as in the source,
//! with filters and free-text search. The filters live in the URL hash (`#/afspraken?…`), so a
//! view can be bookmarked and survives a reload.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::model::{Status, Werkruimte};
use crate::domain::report::{self, Filter, Groep, Kolom};

/// How many rows of a list are shown at first, and added per click on "Toon nog".
const PER_KEER: usize = 100;
/// How long after the last keystroke the search is written to the URL (ms).
const ZOEK_NAAR_URL_MS: i32 = 400;


use crate::domain::schema::ItemSoort;
use crate::ui::components::conflict::ConflictLabel;
use crate::ui::components::status::{status_woord, StatusLabel};
use crate::ui::router::{afspraak_href, navigate, replace};
use crate::ui::state::{use_app, Gedeeld};
use crate::ui::teksten::{t, vul};

fn ga_naar(f: &Filter, nieuw_item: bool) {
    let q = f.to_query();
    let pad = if q.is_empty() { "/afspraken".to_string() } else { format!("/afspraken?{q}") };
    if nieuw_item { navigate(&pad) } else { replace(&pad) }
}

#[component]
pub fn Afspraken(query: Signal<String>) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    crate::ui::zet_titel(a.lijst_titel);
    // The filters come from the URL, the search text from the field: typing filters at once,
    // and the URL follows when the user stops typing or leaves the field.
    let uit_url = Memo::new(move |_| Filter::from_query(&query.get()));
    let zoek = RwSignal::new(uit_url.get_untracked().zoek);
    // The search text last written to (or read from) the URL.
    let geschreven = StoredValue::new(zoek.get_untracked());
    Effect::new(move |_| {
        let z = uit_url.with(|f| f.zoek.clone());
        // Only a URL the user changed (back, forward, a link) sets the field.
        if geschreven.get_value() != z {
            geschreven.set_value(z.clone());
            zoek.set(z);
        }
    });
    let filter = Memo::new(move |_| {
        let mut f = uit_url.get();
        f.zoek = zoek.get();
        f
    });
    let schrijf = move |f: &Filter, nieuw_item: bool| {
        geschreven.set_value(f.zoek.clone());
        ga_naar(f, nieuw_item);
    };
    // Pending URL writes while typing: only the last one is made.
    let getypt = StoredValue::new(0u32);
    let schrijf_zoek = move || {
        let f = filter.get_untracked();
        if geschreven.get_value() != f.zoek && matches!(crate::ui::router::Route::parse(&crate::ui::router::current_path()), crate::ui::router::Route::Afspraken(_)) {
            schrijf(&f, false);
        }
    };
    let alle = app.afspraken;
    let opties = Memo::new(move |_| {
        let alle = alle.get();
        app.history.with(|h| {
            let Some(h) = h.as_ref() else { return Opties::default() };
            let w = Werkruimte::new(h);
            let mut trekkers: Vec<String> = alle.0 .0.iter().map(|j| report::trekker(h, j)).filter(|t| !t.is_empty()).collect();
            trekkers.sort();
            trekkers.dedup();
            let jaren: std::collections::BTreeSet<i64> = alle.0 .0.iter().filter_map(|j| j.jaar).collect();
            Opties {
                jaren: jaren.into_iter().collect(),
                themas: w.themas().into_iter().map(|t| (t.id, format!("{} {}", t.nummer, t.titel))).collect(),
                partijen: w.partijen().into_iter().map(|p| (p.id, p.naam)).collect(),
                trekkers,
            }
        })
    });
    let resultaat = Memo::new(move |_| {
        let f = filter.get();
        let alle = alle.get();
        app.history.with(|h| match h.as_ref() {
            Some(h) => Gedeeld(std::sync::Arc::new(
                app.zoekcache.try_update_value(|cache| report::gegroepeerd_uit(h, &f, &alle.0 .0, &alle.0 .1, cache)).unwrap_or_default(),
            )),
            None => Gedeeld(Default::default()),
        })
    });
    let lijst_melding = RwSignal::new(None::<String>);
    let dubbel = Memo::new(move |_| alle.with(|a| report::dubbele_codes_uit(&a.0 .0, &a.0 .1)));
    // Long lists are shown in parts: the first rows, and a button for more.
    let toon_jaar = RwSignal::new(PER_KEER);
    let toon_kader = RwSignal::new(PER_KEER);
    Effect::new(move |_| {
        filter.track();
        toon_jaar.set(PER_KEER);
        toon_kader.set(PER_KEER);
    });
    // Agreements with a measurement on the wrong side of its signal value are marked in the list.
    let signalen = Memo::new(move |_| {
        app.history.with(|h| match h.as_ref() {
            Some(h) => Werkruimte::new(h).buiten_signaal().into_iter().filter_map(|(i, _)| i.afspraak).collect::<Vec<Uuid>>(),
            None => Vec::new(),
        })
    });
    // What the rows show, per group: a row or group is drawn again only when what it shows changes.
    let jaar_delen = Memo::new(move |_| {
        let signalen = signalen.get();
        resultaat.with(|r| {
            let (groepen, totaal) = Groep::eerste_van(&r.0 .0, toon_jaar.get());
            (groepen.iter().map(|g| Deel::van(g, |j| JaarRegel::van(j, &signalen))).collect::<Vec<_>>(), totaal)
        })
    });
    let kader_delen = Memo::new(move |_| {
        let signalen = signalen.get();
        resultaat.with(|r| {
            let (groepen, totaal) = Groep::eerste_van(&r.0 .1, toon_kader.get());
            (groepen.iter().map(|g| Deel::van(g, |k| KaderRegel::van(k, &signalen))).collect::<Vec<_>>(), totaal)
        })
    });
    let wijzig = move |f: &dyn Fn(&mut Filter)| {
        let mut nieuw = filter.get_untracked();
        f(&mut nieuw);
        schrijf(&nieuw, true);
    };
    // Each choice follows its own filter only, so typing a search redraws none of them.
    let jaar_gekozen = Memo::new(move |_| filter.with(|f| f.jaar.map(|j| j.to_string()).unwrap_or_default()));
    let status_gekozen = Memo::new(move |_| filter.with(|f| f.status.map(|s| s.code().to_string()).unwrap_or_default()));
    let thema_gekozen = Memo::new(move |_| filter.with(|f| f.thema.map(|j| j.to_string()).unwrap_or_default()));
    let partij_gekozen = Memo::new(move |_| filter.with(|f| f.partij.map(|j| j.to_string()).unwrap_or_default()));
    let trekker_gekozen = Memo::new(move |_| filter.with(|f| f.trekker.clone().unwrap_or_default()));
    let prioriteit_gekozen = Memo::new(move |_| filter.with(|f| f.prioriteit.clone().unwrap_or_default()));
    let conflict_gekozen = Memo::new(move |_| filter.with(|f| f.conflict));
    let aantal = move || {
        resultaat.with(|r| {
            let (j, k) = &*r.0;
            let nj: usize = j.iter().map(|g| g.items.len()).sum();
            let nk: usize = k.iter().map(|g| g.items.len()).sum();
            if nj + nk > 0 {
                let jaar = if nj == 1 { a.een_jaarafspraak.to_string() } else { vul(a.n_jaarafspraken, &[&nj.to_string()]) };
                let kader = if nk == 1 { a.een_kaderafspraak.to_string() } else { vul(a.n_kaderafspraken, &[&nk.to_string()]) };
                vul(a.aantal_gevonden, &[&jaar, &kader])
            } else if filter.with(|f| *f == Filter::default()) {
                // Nothing to filter away: the workspace has no agreements yet.
                a.nog_geen_afspraken.to_string()
            } else {
                a.niets_gevonden.to_string()
            }
        })
    };
    // The less used filters are folded away, and open when one of them is set.
    let meer_open = filter.with_untracked(|f| f.thema.is_some() || f.partij.is_some() || f.trekker.is_some() || f.prioriteit.is_some() || f.conflict);
    let c = t().conflicten;
    let keuze = |id: &'static str, label: &'static str, alle: &'static str, waarde: Box<dyn Fn() -> String + Send + Sync>, opties: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>, zet: Box<dyn Fn(String) + Send + Sync>| {
        let waarde = std::sync::Arc::new(waarde);
        let w2 = waarde.clone();
        view! {
            <div class="veld">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| zet(event_target_value(&ev))>
                    <option value="" selected=move || w2().is_empty()>{alle}</option>
                    {move || { let w = waarde.clone(); opties().into_iter().map(move |(v, l)| {
                        let w = w.clone();
                        let v2 = v.clone();
                        view! { <option value=v selected=move || w() == v2>{l}</option> }
                    }).collect_view() }}
                </select>
            </div>
        }
    };
    view! {
        <h1>{a.lijst_titel}</h1>
        <Inleiding tekst=a.lijst_uitleg/>
        <form class="filters niet-afdrukken" role="search" aria-label=a.filters on:submit=move |ev| {
            ev.prevent_default();
            wijzig(&|_| {});
        }>
            // Search, year and status on one row; the less used filters folded below it.
            <div class="filter-rij filter-hoofd">
                <div class="veld veld-zoek">
                    <label for="zoek">{a.zoeken}</label>
                    <p class="hulptekst" id="zoek-hulp">{a.zoeken_hulp}</p>
                    <input id="zoek" type="search" aria-describedby="zoek-hulp" prop:value=move || zoek.get()
                        on:input=move |ev| {
                            zoek.set(event_target_value(&ev));
                            getypt.update_value(|n| *n = n.wrapping_add(1));
                            let deze = getypt.get_value();
                            leptos::task::spawn_local(async move {
                                crate::ui::wacht(ZOEK_NAAR_URL_MS).await;
                                if getypt.try_get_value() == Some(deze) {
                                    schrijf_zoek();
                                }
                            });
                        }
                        // Leaving the field (to a result, by click or Tab) writes the URL first.
                        on:change=move |_| schrijf_zoek()/>
                </div>
                {keuze("f-jaar", a.jaar, a.alle_jaren,
                    Box::new(move || jaar_gekozen.get()),
                    Box::new(move || opties.get().jaren.into_iter().map(|j| (j.to_string(), j.to_string())).collect()),
                    Box::new(move |v| wijzig(&|f| f.jaar = v.parse().ok())))}
                {keuze("f-status", a.status, a.alle,
                    Box::new(move || status_gekozen.get()),
                    Box::new(move || Status::ALL.into_iter().map(|s| (s.code().to_string(), status_woord(s).to_string())).collect()),
                    Box::new(move |v| wijzig(&|f| f.status = Status::from_code(&v))))}
                <p class="knoppen">
                    <button class="knop" type="submit">{a.zoeken}</button>
                    <a class="knop knop-secundair" href="#/afspraken" on:click=move |_| zoek.set(String::new())>{a.filters_wissen}</a>
                </p>
            </div>
            <details class="meer-filters" open=meer_open>
                <summary>{a.meer_filters}</summary>
                <div class="filter-rij">
                    {keuze("f-thema", a.thema, a.alle,
                    Box::new(move || thema_gekozen.get()),
                    Box::new(move || opties.get().themas.into_iter().map(|(id, l)| (id.to_string(), l)).collect()),
                    Box::new(move |v| wijzig(&|f| f.thema = Uuid::parse_str(&v).ok())))}
                {keuze("f-partij", a.partij, a.alle,
                    Box::new(move || partij_gekozen.get()),
                    Box::new(move || opties.get().partijen.into_iter().map(|(id, l)| (id.to_string(), l)).collect()),
                    Box::new(move |v| wijzig(&|f| f.partij = Uuid::parse_str(&v).ok())))}
                {keuze("f-trekker", a.trekker, a.alle,
                    Box::new(move || trekker_gekozen.get()),
                    Box::new(move || opties.get().trekkers.into_iter().map(|t| (t.clone(), t)).collect()),
                    Box::new(move |v| wijzig(&|f| f.trekker = (!v.is_empty()).then(|| v.clone()))))}
                    {keuze("f-prioriteit", a.prioriteit, a.alle,
                    Box::new(move || prioriteit_gekozen.get()),
                    Box::new(move || [Kolom::T1, Kolom::T2, Kolom::T3, Kolom::Doorlopend, Kolom::Overig].into_iter().map(|k| (k.code().to_string(), kolom_naam(k).to_string())).collect()),
                    Box::new(move |v| wijzig(&|f| f.prioriteit = (!v.is_empty()).then(|| v.clone()))))}
                </div>
            <div class="veld veld-vinkje">
                    <input id="f-conflict" type="checkbox" prop:checked=move || conflict_gekozen.get()
                        on:change=move |ev| { let aan = event_target_checked(&ev); wijzig(&|f| f.conflict = aan) }/>
                    <label for="f-conflict">{c.alleen_conflict}</label>
                </div>
            </details>
        </form>
        <div class="lijst-kop">
            <p role="status" id="aantal">{aantal}</p>
            <button class="knop knop-secundair niet-afdrukken" type="button" id="lijst-csv" aria-describedby="lijst-csv-uitleg"
                on:click=move |_| download_csv(app, &resultaat.get_untracked())>{t().rapport.csv}</button>
            <span class="visueel-verborgen" id="lijst-csv-uitleg">{t().rapport.csv_uitleg}</span>
            <button class="knop knop-secundair niet-afdrukken" type="button" id="lijst-xlsx" aria-describedby="lijst-xlsx-uitleg"
                on:click=move |_| download_xlsx(app, &resultaat.get_untracked(), lijst_melding)>{t().documenten.excel}</button>
            <span class="visueel-verborgen" id="lijst-xlsx-uitleg">{t().documenten.excel_uitleg}</span>
            <p role="status" id="lijst-melding" class="niet-afdrukken">{move || lijst_melding.get()}</p>
        </div>
        <section aria-labelledby="jaar-kop">
            <h2 id="jaar-kop">{a.jaarafspraken}</h2>
            <Delen delen=jaar_delen regel=jaar_regel/>
            {move || { toon_jaar.track(); let totaal = jaar_delen.with(|d| d.1); view! { <MeerTonen id="meer-jaar" toon=toon_jaar totaal=totaal/> } }}
            <NieuweAfspraak soort=ItemSoort::Jaarafspraak jaar=move || filter.get_untracked().jaar/>
        </section>
        <section aria-labelledby="kader-kop">
            <h2 id="kader-kop">{a.kaderafspraken}</h2>
            <Delen delen=kader_delen regel=kader_regel/>
            {move || { toon_kader.track(); let totaal = kader_delen.with(|d| d.1); view! { <MeerTonen id="meer-kader" toon=toon_kader totaal=totaal/> } }}
            <NieuweAfspraak soort=ItemSoort::Kaderafspraak jaar=|| None/>
        </section>
        {move || {
            let dubbel = dubbel.get();
            (!dubbel.is_empty()).then(|| view! {
                <div class="melding" id="dubbele-codes">
                    <ul>{dubbel.into_iter().map(|(code, _)| view! { <li>{vul(a.dubbele_code, &[&code])}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}

#[derive(Clone, Default, PartialEq)]
struct Opties {
    jaren: Vec<i64>,
    themas: Vec<(Uuid, String)>,
    partijen: Vec<(Uuid, String)>,
    trekkers: Vec<String>,
}

pub fn kolom_naam(k: Kolom) -> &'static str {
    match k {
        Kolom::T1 => "T1",
        Kolom::T2 => "T2",
        Kolom::T3 => "T3",
        Kolom::Doorlopend => "Doorlopend",
        Kolom::Overig => t().afspraken.anders,
    }
}

/// "1 Passend wonen voor iedereen – 1.1 Sociale huurwoningen …": the heading of a group.
fn groep_kop<T>(g: &Groep<T>) -> String {
    let thema = g.thema.as_ref().map(|t| format!("{} {}", t.nummer, t.titel));
    let sub = g.subthema.as_ref().map(|s| format!("{} {}", s.nummer, s.titel));
    match (thema, sub) {
        (Some(t), Some(s)) => format!("{t} – {s}"),
        (None, Some(s)) => s,
        (Some(t), None) => t,
        (None, None) => t().afspraken.zonder_thema.to_string(),
    }
}

/// One group of the list as drawn: its heading and what its rows show.
#[derive(Clone, PartialEq)]
struct Deel<R> {
    sleutel: (Option<Uuid>, Option<Uuid>, String),
    regels: Vec<R>,
}

impl<R> Deel<R> {
    fn van<T>(g: &Groep<T>, regel: impl Fn(&T) -> R) -> Self {
        Deel {
            sleutel: (g.thema.as_ref().map(|t| t.id), g.subthema.as_ref().map(|s| s.id), groep_kop(g)),
            regels: g.items.iter().map(regel).collect(),
        }
    }
}

/// What a row of a jaarafspraak shows.
#[derive(Clone, PartialEq, Eq, Hash)]
struct JaarRegel {
    id: Uuid,
    code: String,
    titel: String,
    status: Status,
    conflict: bool,
    signaal: bool,
    trekker: String,
    prioriteit: String,
    jaar: Option<i64>,
}

impl JaarRegel {
    fn van(j: &crate::domain::model::Jaarafspraak, signalen: &[Uuid]) -> Self {
        JaarRegel {
            id: j.id,
            code: j.code.clone(),
            titel: j.titel.clone(),
            status: j.status,
            conflict: j.conflict,
            signaal: signalen.contains(&j.id),
            trekker: j.trekker.clone(),
            prioriteit: j.prioriteit.tekst(),
            jaar: j.jaar,
        }
    }
}

/// What a row of a kaderafspraak shows.
#[derive(Clone, PartialEq, Eq, Hash)]
struct KaderRegel {
    id: Uuid,
    code: String,
    titel: String,
    conflict: bool,
    signaal: bool,
}

impl KaderRegel {
    fn van(k: &crate::domain::model::Kaderafspraak, signalen: &[Uuid]) -> Self {
        let titel = if k.titel.is_empty() { eerste_woorden(&k.tekst) } else { k.titel.clone() };
        KaderRegel { id: k.id, code: k.code.clone(), titel, conflict: k.conflict, signaal: signalen.contains(&k.id) }
    }
}

/// The groups of a list, each a heading and its rows. Keyed: a group or row that stays as it was
/// keeps its elements, so a keystroke in the search redraws only what changed.
#[component]
fn Delen<R>(delen: Memo<(Vec<Deel<R>>, usize)>, regel: fn(R) -> AnyView) -> impl IntoView
where
    R: Clone + PartialEq + Eq + std::hash::Hash + Send + Sync + 'static,
{
    view! {
        <For each=move || delen.with(|d| d.0.iter().map(|d| d.sleutel.clone()).collect::<Vec<_>>()) key=|k| k.clone() children=move |sleutel| {
            let kop = sleutel.2.clone();
            let regels = Memo::new(move |_| delen.with(|d| d.0.iter().find(|d| d.sleutel == sleutel).map(|d| d.regels.clone()).unwrap_or_default()));
            view! {
                <h3 class="groep-kop">{kop}</h3>
                <ul class="afspraken-lijst">
                    <For each=move || regels.get() key=|r| r.clone() children=regel/>
                </ul>
            }
        }/>
    }
}

fn jaar_regel(j: JaarRegel) -> AnyView {
    let a = t().afspraken;
    view! {
        <li class="afspraak-regel" data-code=j.code.clone()>
            <a href=afspraak_href(j.id) class="afspraak-titel">
                <span class="code">{j.code.clone()}</span>" "{j.titel}
            </a>
            <span class="regel-gegevens">
                <StatusLabel status=j.status/>
                {j.conflict.then(|| view! { <ConflictLabel/> })}
                {j.signaal.then(|| view! { <SignaalLabel/> })}
                {(!j.trekker.is_empty()).then(|| view! { <span>{a.trekker}": "{j.trekker}</span> })}
                {(!j.prioriteit.is_empty()).then(|| view! { <span>{a.prioriteit}": "{j.prioriteit}</span> })}
                {j.jaar.map(|y| view! { <span>{a.jaar}": "{y}</span> })}
            </span>
        </li>
    }
    .into_any()
}

fn kader_regel(k: KaderRegel) -> AnyView {
    view! {
        <li class="afspraak-regel" data-code=k.code.clone()>
            <a href=afspraak_href(k.id) class="afspraak-titel"><span class="code">{k.code.clone()}</span>" "{k.titel}</a>
            {(k.conflict || k.signaal).then(|| view! {
                <span class="regel-gegevens">
                    {k.conflict.then(|| view! { <ConflictLabel/> })}
                    {k.signaal.then(|| view! { <SignaalLabel/> })}
                </span>
            })}
        </li>
    }
    .into_any()
}

/// "12 van de 2.000 getoond" and a button that shows the next part of a long list.
#[component]
fn MeerTonen(id: &'static str, toon: RwSignal<usize>, totaal: usize) -> impl IntoView {
    let c = t().conflicten;
    let getoond = toon.get_untracked().min(totaal);
    (totaal > getoond).then(|| {
        let volgende = (totaal - getoond).min(PER_KEER);
        view! {
            <p class="meer-tonen niet-afdrukken">
                <span>{vul(c.getoond, &[&getoond.to_string(), &totaal.to_string()])}</span>" "
                <button class="knop knop-secundair" type="button" id=id on:click=move |_| toon.update(|n| *n += PER_KEER)>
                    {vul(c.toon_meer, &[&volgende.to_string()])}
                </button>" "
                <button class="knop knop-secundair" type="button" on:click=move |_| toon.set(usize::MAX)>{c.toon_alles}</button>
            </p>
        }
    })
}

/// "Voorbij de signaalwaarde", in words with a warning sign.
#[component]
fn SignaalLabel() -> impl IntoView {
    view! { <span class="label label-signaal"><span aria-hidden="true">"⚠ "</span>{t().afspraken.buiten_signaal}</span> }
}

/// The start of a text, for items without a title.
pub fn eerste_woorden(tekst: &str) -> String {
    let woorden: Vec<&str> = tekst.split_whitespace().take(12).collect();
    let mut s = woorden.join(" ");
    if tekst.split_whitespace().count() > 12 {
        s.push('…');
    }
    s
}

/// A small form to create a jaar- or kaderafspraak; opens it for editing.
#[component]
fn NieuweAfspraak(soort: ItemSoort, jaar: impl Fn() -> Option<i64> + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let open = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let titel = RwSignal::new(String::new());
    let fout = RwSignal::new(false);
    let prefix = if soort == ItemSoort::Jaarafspraak { "nj" } else { "nk" };
    let label = if soort == ItemSoort::Jaarafspraak { a.nieuwe_jaarafspraak } else { a.nieuwe_kaderafspraak };
    let jaar = std::sync::Arc::new(jaar);
    let maak = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let titel_v = titel.get_untracked().trim().to_string();
        if titel_v.is_empty() {
            fout.set(true);
            return;
        }
        let id = Uuid::new_v4();
        let code_v = code.get_untracked().trim().to_string();
        let mut velden = vec![(id, soort, "titel", json!(titel_v))];
        if !code_v.is_empty() {
            velden.insert(0, (id, soort, "code", json!(code_v)));
        }
        if soort == ItemSoort::Jaarafspraak {
            // Without a chosen year: a year of the workspace's period, never the calendar alone.
            let j = jaar().unwrap_or_else(|| {
                let kalender = js_sys::Date::new_0().get_full_year() as i64;
                let info = app.history.with_untracked(|h| h.as_ref().map(|h| crate::domain::model::Werkruimte::new(h).info()));
                info.map_or(kalender, |i| crate::domain::opzet::jaar_in_periode(i.periode_van, i.periode_tot, kalender))
            });
            velden.push((id, soort, "jaar", json!(j)));
        }
        app.bewerk(velden);
        navigate(&format!("/afspraak/{id}"));
    };
    let (code_id, code_hulp, titel_id, fout_id) = if prefix == "nj" {
        ("nj-code", "nj-code-hulp", "nj-titel", "nj-fout")
    } else {
        ("nk-code", "nk-code-hulp", "nk-titel", "nk-fout")
    };
    view! {
        <div class="nieuw niet-afdrukken">
            <button class="knop knop-secundair" type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>{label}</button>
            {move || open.get().then(|| view! {
                <form class="formulier" on:submit=maak.clone()>
                    <div class="veld">
                        <label for=code_id>{a.code}</label>
                        <p class="hulptekst" id=code_hulp>{a.nieuw_code_hulp}</p>
                        <input id=code_id type="text" aria-describedby=code_hulp on:input=move |ev| code.set(event_target_value(&ev))/>
                    </div>
                    <div class="veld">
                        <label for=titel_id>{a.titel}" ("{t().algemeen.verplicht}")"</label>
                        {move || fout.get().then(|| view! { <p class="veld-fout" id=fout_id>{t().werkruimtes.titel_nodig}</p> })}
                        <input id=titel_id type="text" required aria-invalid=move || fout.get().then_some("true")
                            aria-describedby=move || fout.get().then_some(fout_id)
                            on:input=move |ev| titel.set(event_target_value(&ev))/>
                    </div>
                    <button class="knop" type="submit">{t().algemeen.toevoegen}</button>
                </form>
            })}
        </div>
    }
}

/// The column headings of the list's exports, in the user's language.
fn lijst_koppen() -> report::lijst::LijstKoppen<'static> {
    t().rapport.lijst_koppen()
}

type Resultaat = Gedeeld<(Vec<Groep<crate::domain::model::Jaarafspraak>>, Vec<Groep<crate::domain::model::Kaderafspraak>>)>;

/// The gemeente (or the workspace title) for a file name.
fn plaats_slug(w: &crate::domain::model::WerkruimteInfo) -> String {
    crate::domain::format::slug(if w.gemeente.trim().is_empty() { &w.titel } else { &w.gemeente })
}

/// Downloads the list as shown (every row of the filter, not only those drawn) as CSV for Excel.
fn download_csv(app: crate::ui::state::AppState, resultaat: &Resultaat) {
    let koppen = lijst_koppen();
    let Some((csv, info)) = app.history.with_untracked(|h| {
        h.as_ref().map(|h| {
            let (jaar, kader) = &*resultaat.0;
            let rijen = report::lijst::lijst_rijen(h, jaar, kader, &koppen, |s| status_woord(s).to_string());
            (report::lijst::als_csv(&rijen), Werkruimte::new(h).info())
        })
    }) else {
        return;
    };
    let naam = format!("afspraken-{}-{}.csv", plaats_slug(&info), crate::ui::components::datum::vandaag_iso());
    crate::storage::download(&naam, &csv, "text/csv;charset=utf-8");
}

/// Downloads the list as shown as an Excel workbook (the documents module): every column, the
/// status on its fill, and a sheet with the counts per theme and per trekker.
fn download_xlsx(app: crate::ui::state::AppState, resultaat: &Resultaat, melding: RwSignal<Option<String>>) {
    let koppen = lijst_koppen();
    let d = t().documenten;
    let Some((werkboek, info)) = app.history.with_untracked(|h| {
        h.as_ref().map(|h| {
            let (jaar, kader) = &*resultaat.0;
            let info = Werkruimte::new(h).info();
            let werkboek = report::documenten::lijst_werkboek(h, jaar, kader, &info.titel, &koppen, &d.woorden, &|s| status_woord(s).to_string());
            (werkboek, info)
        })
    }) else {
        return;
    };
    let naam = format!("afspraken-{}-{}.xlsx", plaats_slug(&info), crate::ui::components::datum::vandaag_iso());
    crate::ui::components::document::maak_en_download(crate::storage::documenten::Soort::Xlsx, naam, &werkboek, melding);
}
