//! Begrippen: the glossary, A to Z with a letter index and a search box. Each term shows its
//! source (bron): two documents may explain the same term differently, with other amounts. Terms
//! can be added, edited and deleted (with undo). Terms are marked in the texts of the agreements.

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::{Begrip, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::tekst::Tekst;
use crate::ui::pages::beheer::{
    focus_straks, knop_id, lees, lees_nu, vergelijkbaar, Doel, FormKnoppen, Formulier, ItemKnoppen, NieuwKnop, Ongedaan, OngedaanBalk,
    Veld, Verwijderd,
};
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

const NIEUW_KNOP: &str = "nieuw-begrip";

/// Lowercase without accents, for searching and sorting ("Pré" finds "pre").
fn zonder_accenten(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// The key a term is sorted by: quotes and other leading signs do not count.
fn sorteersleutel(term: &str) -> String {
    zonder_accenten(term.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// The letter a term is listed under: A–Z, or "#" for digits and other signs.
fn letter(term: &str) -> String {
    match sorteersleutel(term).chars().next() {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase().to_string(),
        _ => "#".to_string(),
    }
}

fn letter_id(l: &str) -> String {
    if l == "#" { "letter-overig".to_string() } else { format!("letter-{l}") }
}

/// The terms per letter, in order.
fn per_letter(mut lijst: Vec<Begrip>) -> Vec<(String, Vec<Begrip>)> {
    lijst.sort_by(|a, b| sorteersleutel(&a.term).cmp(&sorteersleutel(&b.term)).then_with(|| a.bron.cmp(&b.bron)));
    let mut groepen: Vec<(String, Vec<Begrip>)> = Vec::new();
    for x in lijst {
        let l = letter(&x.term);
        match groepen.last_mut() {
            Some((g, v)) if *g == l => v.push(x),
            _ => groepen.push((l, vec![x])),
        }
    }
    // "#" (digits, signs) last.
    groepen.sort_by_key(|(l, _)| l == "#");
    groepen
}

#[component]
pub fn Begrippen() -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    crate::ui::zet_titel(b.begrippen_titel);
    Ongedaan::geef();
    let zoek = RwSignal::new(String::new());
    let alle = Memo::new(move |_| lees(app, |h| Werkruimte::new(h).begrippen()).unwrap_or_default());
    let gevonden = Memo::new(move |_| {
        let q = zonder_accenten(zoek.get().trim());
        alle.get()
            .into_iter()
            .filter(|x| q.is_empty() || [&x.term, &x.uitleg, &x.bron].iter().any(|s| zonder_accenten(s).contains(&q)))
            .collect::<Vec<_>>()
    });
    let groepen = Memo::new(move |_| per_letter(gevonden.get()));
    let letters = move || groepen.with(|g| g.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>());
    let bewerk = RwSignal::new(None::<Doel>);
    let aantal = move || {
        let (n, totaal) = (gevonden.with(Vec::len), alle.with(Vec::len));
        if zoek.with(|z| z.trim().is_empty()) {
            vul(b.begrippen_aantal, &[&totaal.to_string()])
        } else if n == 0 {
            vul(b.begrippen_niets, &[zoek.get().trim()])
        } else {
            vul(b.begrippen_gevonden, &[&n.to_string(), &totaal.to_string()])
        }
    };
    view! {
        <h1>{b.begrippen_titel}</h1>
        <p>{b.begrippen_uitleg}</p>
        <OngedaanBalk/>
        <div class="zoekbalk niet-afdrukken" role="search">
            <div class="veld">
                <label for="begrip-zoek">{b.begrippen_zoeken}</label>
                <p class="hulptekst" id="begrip-zoek-hulp">{b.begrippen_zoeken_hulp}</p>
                <input id="begrip-zoek" type="search" autocomplete="off" aria-describedby="begrip-zoek-hulp"
                    prop:value=move || zoek.get() on:input=move |ev| zoek.set(event_target_value(&ev))/>
            </div>
        </div>
        <p role="status" id="begrip-aantal">{aantal}</p>
        <nav aria-label=b.letters class="letters niet-afdrukken">
            <ul>
                <For each=letters key=|l| l.clone() let:l>
                    {
                        let id = letter_id(&l);
                        let label = if l == "#" { b.letter_overig.to_string() } else { l.clone() };
                        view! {
                            <li><a href=format!("#{id}") on:click=move |ev| {
                                ev.prevent_default();
                                crate::ui::pages::beheer::focus_straks(id.clone());
                            }>{label}</a></li>
                        }
                    }
                </For>
            </ul>
        </nav>
        <NieuwKnop bewerk=bewerk id=NIEUW_KNOP label=b.nieuw_begrip/>
        {move || (bewerk.get() == Some(Doel::Nieuw)).then(|| view! { <BegripForm id=None bewerk=bewerk/> })}
        <div id="begrippen-lijst">
            <For each=move || groepen.get() key=|(l, v)| format!("{l}{v:?}") let:groep>
                {
                    let (l, items) = groep;
                    let id = letter_id(&l);
                    let kop_id = id.clone();
                    let label = if l == "#" { b.letter_overig.to_string() } else { l.clone() };
                    view! {
                        <section class="begrippen-letter" aria-labelledby=kop_id>
                            <h2 id=id tabindex="-1">{label}</h2>
                            <ul class="beheer-lijst begrippen-lijst">
                                {items.into_iter().map(|x| view! { <BegripRij x=x bewerk=bewerk/> }).collect_view()}
                            </ul>
                        </section>
                    }
                }
            </For>
        </div>
        <Verwijderd alleen=ItemSoort::Begrip/>
    }
}

#[component]
fn BegripRij(x: Begrip, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let id = x.id;
    let b = t().beheer;
    let open = Memo::new(move |_| bewerk.get() == Some(Doel::Item(id)));
    view! {
        <li class="beheer-item begrip-item" id=format!("begrip-{id}")>
            {move || if open.get() {
                view! { <BegripForm id=Some(id) bewerk=bewerk/> }.into_any()
            } else {
                view! {
                    <h3 class="begrip-term">{x.term.clone()}</h3>
                    <div class="begrip-tekst"><Tekst tekst=x.uitleg.clone()/></div>
                    <p class="begrip-bron">
                        <span class="begrip-bron-label">{b.bron}": "</span>
                        {if x.bron.trim().is_empty() { b.geen_bron.to_string() } else { x.bron.clone() }}
                    </p>
                    <ItemKnoppen item=id soort=ItemSoort::Begrip naam=x.term.clone() bewerk=bewerk/>
                }.into_any()
            }}
        </li>
    }
}

#[component]
fn BegripForm(id: Option<Uuid>, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let item = id.unwrap_or_else(Uuid::new_v4);
    let alle = lees_nu(app, |h| Werkruimte::new(h).begrippen()).unwrap_or_default();
    let huidig = id.and_then(|id| alle.iter().find(|x| x.id == id).cloned());
    let term = RwSignal::new(huidig.as_ref().map(|x| x.term.clone()).unwrap_or_default());
    let uitleg = RwSignal::new(huidig.as_ref().map(|x| x.uitleg.clone()).unwrap_or_default());
    let bron = RwSignal::new(huidig.as_ref().map(|x| x.bron.clone()).unwrap_or_default());
    let s = ItemSoort::Begrip;
    let waarden = move || {
        vec![("term", json!(term.get_untracked().trim())), ("uitleg", json!(uitleg.get_untracked().trim())), ("bron", json!(bron.get_untracked().trim()))]
    };
    let begin = Begin::new(if id.is_some() { Beginwaarden::geopend(item, s, waarden()) } else { Beginwaarden::nieuw(item, s) });
    let form = Formulier::new(format!("begrip-{item}"));
    focus_straks(form.id("term"));
    let terug = if id.is_some() { knop_id(item) } else { NIEUW_KNOP.to_string() };
    // Sources already in use, offered as suggestions.
    let mut bronnen: Vec<String> = alle.iter().map(|x| x.bron.trim().to_string()).filter(|s| !s.is_empty()).collect();
    bronnen.sort();
    bronnen.dedup();
    let lijst_id = format!("{}-bronnen", form.id("bron"));
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let te = term.get_untracked().trim().to_string();
        let ui = uitleg.get_untracked().trim().to_string();
        let br = bron.get_untracked().trim().to_string();
        let mut fouten = Vec::new();
        if te.is_empty() {
            fouten.push(("term", b.term_nodig.to_string()));
        } else if lees_nu(app, |h| {
            Werkruimte::new(h).begrippen().iter().any(|x| x.id != item && vergelijkbaar(&x.term) == vergelijkbaar(&te) && vergelijkbaar(&x.bron) == vergelijkbaar(&br))
        })
        .unwrap_or(false)
        {
            fouten.push(("term", b.term_dubbel.to_string()));
        }
        if ui.is_empty() {
            fouten.push(("uitleg", b.uitleg_nodig.to_string()));
        }
        if !form.controleer(fouten) {
            return;
        }
        begin.bewaar(app, &waarden(), vul(b.begrip_opgeslagen, &[&te]));
        bewerk.set(None);
        focus_straks(knop_id(item));
    };
    let kop = if id.is_some() { b.begrip_bewerken } else { b.nieuw_begrip };
    view! {
        <form class="formulier beheer-formulier" on:submit=bewaar novalidate aria-label=kop>
            <h3>{kop}</h3>
            <Veld form=form veld="term" label=b.term waarde=term verplicht=true/>
            <Veld form=form veld="uitleg" label=b.uitleg_veld waarde=uitleg regels=4 verplicht=true/>
            <Veld form=form veld="bron" label=b.bron waarde=bron hulp=b.bron_hulp lijst=lijst_id.clone()/>
            <datalist id=lijst_id>
                {bronnen.into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
            </datalist>
            <FormKnoppen bewerk=bewerk terug=terug/>
        </form>
    }
}
