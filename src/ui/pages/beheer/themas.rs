//! Thema's (chapters, with their ambition, national agreements and joint ambitions) and
//! subthema's (sections).

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::model::{Subthema, Thema, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::begin::Begin;
use crate::ui::components::waarde::kort;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

use super::formulier::{
    focus_straks, knop_id, lees, lees_nu, regels, vergelijkbaar, Doel, FormKnoppen, Formulier, ItemKnoppen, Keuze, NieuwKnop, Veld,
};

const NIEUW_THEMA: &str = "nieuw-thema";
const NIEUW_SUBTHEMA: &str = "nieuw-subthema";

fn thema_naam(nummer: &str, titel: &str) -> String {
    format!("{nummer} {titel}").trim().to_string()
}

#[component]
pub fn Themas() -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let lijst = Memo::new(move |_| lees(app, |h| Werkruimte::new(h).themas()).unwrap_or_default());
    let bewerk = RwSignal::new(None::<Doel>);
    view! {
        <section aria-labelledby="themas-kop" id="themas">
            <h2 id="themas-kop" tabindex="-1">{b.themas}</h2>
            {move || lijst.with(Vec::is_empty).then(|| view! { <p>{b.geen_themas}</p> })}
            <ul class="beheer-lijst" id="thema-lijst">
                <For each=move || lijst.get() key=|x| format!("{x:?}") let:x>
                    <ThemaRij x=x bewerk=bewerk/>
                </For>
            </ul>
            <NieuwKnop bewerk=bewerk id=NIEUW_THEMA label=b.nieuw_thema/>
            {move || (bewerk.get() == Some(Doel::Nieuw)).then(|| view! { <ThemaForm id=None bewerk=bewerk/> })}
        </section>
    }
}

#[component]
fn ThemaRij(x: Thema, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let id = x.id;
    let b = t().beheer;
    let open = Memo::new(move |_| bewerk.get() == Some(Doel::Item(id)));
    view! {
        <li class="beheer-item" id=format!("thema-{id}")>
            {move || if open.get() {
                view! { <ThemaForm id=Some(id) bewerk=bewerk/> }.into_any()
            } else {
                let naam = thema_naam(&x.nummer, &x.titel);
                view! {
                    <h3>{naam.clone()}</h3>
                    {(!x.ambitie.is_empty()).then(|| view! { <p>{kort(&x.ambitie, 240)}</p> })}
                    <p class="beheer-gegevens">
                        {vul(b.aantal_nationaal, &[&x.nationaal.len().to_string()])}" · "{vul(b.aantal_gezamenlijk, &[&x.gezamenlijk.len().to_string()])}
                    </p>
                    <ItemKnoppen item=id soort=ItemSoort::Thema naam=naam bewerk=bewerk/>
                }.into_any()
            }}
        </li>
    }
}

#[component]
fn ThemaForm(id: Option<Uuid>, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let item = id.unwrap_or_else(Uuid::new_v4);
    let huidig = id.and_then(|id| lees_nu(app, |h| Werkruimte::new(h).thema(id)));
    let veld = |f: fn(&Thema) -> String| RwSignal::new(huidig.as_ref().map(f).unwrap_or_default());
    let nummer = veld(|x| x.nummer.clone());
    let titel = veld(|x| x.titel.clone());
    let ambitie = veld(|x| x.ambitie.clone());
    let nationaal = veld(|x| x.nationaal.join("\n"));
    let gezamenlijk = veld(|x| x.gezamenlijk.join("\n"));
    let s = ItemSoort::Thema;
    let waarden = move || {
        vec![
            ("nummer", json!(nummer.get_untracked().trim())),
            ("titel", json!(titel.get_untracked().trim())),
            ("ambitie", json!(ambitie.get_untracked().trim())),
            ("nationaal", json!(regels(&nationaal.get_untracked()))),
            ("gezamenlijk", json!(regels(&gezamenlijk.get_untracked()))),
        ]
    };
    let begin = Begin::new(if id.is_some() { Beginwaarden::geopend(item, s, waarden()) } else { Beginwaarden::nieuw(item, s) });
    let form = Formulier::new(format!("thema-{item}"));
    focus_straks(form.id("nummer"));
    let terug = if id.is_some() { knop_id(item) } else { NIEUW_THEMA.to_string() };
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = nummer.get_untracked().trim().to_string();
        let ti = titel.get_untracked().trim().to_string();
        let mut fouten = Vec::new();
        if !n.is_empty() && lees_nu(app, |h| Werkruimte::new(h).themas().iter().any(|x| x.id != item && vergelijkbaar(&x.nummer) == vergelijkbaar(&n))).unwrap_or(false) {
            fouten.push(("nummer", vul(b.nummer_dubbel, &[&n])));
        }
        if ti.is_empty() {
            fouten.push(("titel", b.titel_nodig.to_string()));
        }
        if !form.controleer(fouten) {
            return;
        }
        begin.bewaar(app, &waarden(), b.opgeslagen);
        bewerk.set(None);
        focus_straks(knop_id(item));
    };
    let kop = if id.is_some() { b.thema_bewerken } else { b.nieuw_thema };
    view! {
        <form class="formulier beheer-formulier" on:submit=bewaar novalidate aria-label=kop>
            <h3>{kop}</h3>
            <Veld form=form veld="nummer" label=b.nummer waarde=nummer hulp=b.thema_nummer_hulp/>
            <Veld form=form veld="titel" label=b.titel waarde=titel verplicht=true/>
            <Veld form=form veld="ambitie" label=b.ambitie waarde=ambitie regels=4/>
            <Veld form=form veld="nationaal" label=b.nationaal waarde=nationaal regels=5 hulp=b.per_regel_hulp/>
            <Veld form=form veld="gezamenlijk" label=b.gezamenlijk waarde=gezamenlijk regels=5 hulp=b.per_regel_hulp/>
            <FormKnoppen bewerk=bewerk terug=terug/>
        </form>
    }
}

#[component]
pub fn Subthemas() -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let lijst = Memo::new(move |_| {
        lees(app, |h| {
            let w = Werkruimte::new(h);
            w.subthemas()
                .into_iter()
                .map(|s| {
                    let thema = s.thema.filter(|t| h.exists(*t)).map(|t| w.thema(t)).map(|t| thema_naam(&t.nummer, &t.titel));
                    (s, thema)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let bewerk = RwSignal::new(None::<Doel>);
    view! {
        <section aria-labelledby="subthemas-kop" id="subthemas">
            <h2 id="subthemas-kop" tabindex="-1">{b.subthemas}</h2>
            {move || lijst.with(Vec::is_empty).then(|| view! { <p>{b.geen_subthemas}</p> })}
            <ul class="beheer-lijst" id="subthema-lijst">
                <For each=move || lijst.get() key=|x| format!("{x:?}") let:x>
                    <SubthemaRij x=x.0 thema=x.1 bewerk=bewerk/>
                </For>
            </ul>
            <NieuwKnop bewerk=bewerk id=NIEUW_SUBTHEMA label=b.nieuw_subthema/>
            {move || (bewerk.get() == Some(Doel::Nieuw)).then(|| view! { <SubthemaForm id=None bewerk=bewerk/> })}
        </section>
    }
}

#[component]
fn SubthemaRij(x: Subthema, thema: Option<String>, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let id = x.id;
    let b = t().beheer;
    let open = Memo::new(move |_| bewerk.get() == Some(Doel::Item(id)));
    view! {
        <li class="beheer-item" id=format!("subthema-{id}")>
            {move || if open.get() {
                view! { <SubthemaForm id=Some(id) bewerk=bewerk/> }.into_any()
            } else {
                let naam = thema_naam(&x.nummer, &x.titel);
                view! {
                    <h3>{naam.clone()}</h3>
                    <p class="beheer-gegevens">{b.thema}": "{thema.clone().unwrap_or_else(|| b.geen_thema.to_string())}</p>
                    {(!x.inleiding.is_empty()).then(|| view! { <p>{kort(&x.inleiding, 240)}</p> })}
                    {(!x.voetnoten.is_empty()).then(|| view! {
                        <p class="beheer-gegevens">{t().jaarcyclus.ov_voetnoten}":"</p>
                        <ol class="voetnoten klein">{x.voetnoten.iter().map(|v| view! { <li>{v.clone()}</li> }).collect_view()}</ol>
                    })}
                    <ItemKnoppen item=id soort=ItemSoort::Subthema naam=naam bewerk=bewerk/>
                }.into_any()
            }}
        </li>
    }
}

#[component]
fn SubthemaForm(id: Option<Uuid>, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let item = id.unwrap_or_else(Uuid::new_v4);
    let huidig = id.and_then(|id| lees_nu(app, |h| Werkruimte::new(h).subthema(id)));
    let thema = RwSignal::new(huidig.as_ref().and_then(|x| x.thema).map(|t| t.to_string()).unwrap_or_default());
    let nummer = RwSignal::new(huidig.as_ref().map(|x| x.nummer.clone()).unwrap_or_default());
    let titel = RwSignal::new(huidig.as_ref().map(|x| x.titel.clone()).unwrap_or_default());
    let inleiding = RwSignal::new(huidig.as_ref().map(|x| x.inleiding.clone()).unwrap_or_default());
    let s = ItemSoort::Subthema;
    let waarden = move || {
        vec![
            ("thema", json!(thema.get_untracked())),
            ("nummer", json!(nummer.get_untracked().trim())),
            ("titel", json!(titel.get_untracked().trim())),
            ("inleiding", json!(inleiding.get_untracked().trim())),
        ]
    };
    let begin = Begin::new(if id.is_some() { Beginwaarden::geopend(item, s, waarden()) } else { Beginwaarden::nieuw(item, s) });
    let form = Formulier::new(format!("subthema-{item}"));
    focus_straks(form.id("thema"));
    let terug = if id.is_some() { knop_id(item) } else { NIEUW_SUBTHEMA.to_string() };
    let themas = lees_nu(app, |h| Werkruimte::new(h).themas()).unwrap_or_default();
    let mut opties: Vec<(String, String)> = themas.iter().map(|x| (x.id.to_string(), thema_naam(&x.nummer, &x.titel))).collect();
    // A theme that was deleted stays choosable while this subtheme points to it.
    if let Some(oud) = huidig.as_ref().and_then(|x| x.thema).filter(|t| !themas.iter().any(|x| x.id == *t)) {
        let label = lees_nu(app, |h| Werkruimte::new(h).label(oud)).unwrap_or_default();
        opties.push((oud.to_string(), vul(b.verwijderd_label, &[&label])));
    }
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let th = thema.get_untracked();
        let ti = titel.get_untracked().trim().to_string();
        let mut fouten = Vec::new();
        if Uuid::parse_str(&th).is_err() {
            fouten.push(("thema", b.thema_nodig.to_string()));
        }
        if ti.is_empty() {
            fouten.push(("titel", b.titel_nodig.to_string()));
        }
        if !form.controleer(fouten) {
            return;
        }
        begin.bewaar(app, &waarden(), b.opgeslagen);
        bewerk.set(None);
        focus_straks(knop_id(item));
    };
    let kop = if id.is_some() { b.subthema_bewerken } else { b.nieuw_subthema };
    view! {
        <form class="formulier beheer-formulier" on:submit=bewaar novalidate aria-label=kop>
            <h3>{kop}</h3>
            <Keuze form=form veld="thema" label=b.thema waarde=thema groepen=vec![(String::new(), opties)] leeg=b.kies verplicht=true/>
            <Veld form=form veld="nummer" label=b.nummer waarde=nummer hulp=b.subthema_nummer_hulp/>
            <Veld form=form veld="titel" label=b.titel waarde=titel verplicht=true/>
            <Veld form=form veld="inleiding" label=b.inleiding waarde=inleiding regels=4/>
            <FormKnoppen bewerk=bewerk terug=terug/>
        </form>
    }
}
