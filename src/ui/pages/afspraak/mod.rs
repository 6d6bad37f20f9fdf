//! The detail page of one agreement (jaar- or kaderafspraak), in the order a reader needs it:
//! the agreement itself (title, status line, text, parties, theme, kaderafspraken), then status and
//! voortgang, indicators and reacties, then editing, and the change history last. Conflicts to
//! resolve come right under the title.
//!
//! One file per part: [`status`], [`voortgang`], [`indicatoren`], [`reacties`], [`bewerken`],
//! [`koppelingen`], [`conflicten`], [`geschiedenis`].

mod bewerken;
mod conflicten;
mod geschiedenis;
mod indicatoren;
pub mod koppelingen;
mod status;
mod uitlichten;

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::history::History;
use crate::domain::model::{Fields, Werkruimte};
use crate::domain::schema::ItemSoort;
use crate::ui::components::meldingen::MeldingHier;
use crate::ui::components::status::StatusLabel;
use crate::ui::components::tekst::{Tekst, Term};
use crate::ui::router::afspraak_href;
use crate::ui::state::{use_app, AppState, MeldingSoort};
use crate::ui::teksten::t;

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
fn lees<T>(app: AppState, f: impl FnOnce(&History) -> T) -> Option<T> {
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
            <h1 id="afspraak-kop" tabindex="-1">{kop}</h1>
            {move || verwijderd().then(|| view! {
                <div class="melding melding-fout" id="verwijderd-melding">
                    <p>{a.afspraak_verwijderd}</p>
                    <button class="knop" type="button" on:click=move |_| app.herstel_item(id, soort)>{t().algemeen.ongedaan_maken}</button>
                </div>
            })}
            <conflicten::VerwijderConflict id=id soort=soort/>
            <conflicten::Conflicten id=id soort=soort/>
            // The agreement first: who leads it, when, which year; its status comes after its text.
            {is_jaar.then(|| view! {
                <p class="afspraak-kenmerken" id="afspraak-kenmerken">
                    {move || lees(app, |h| {
                        let j = Werkruimte::new(h).jaarafspraak(id);
                        let mut delen = Vec::new();
                        if !j.trekker.is_empty() { delen.push(format!("{}: {}", a.trekker, j.trekker)); }
                        if !j.prioriteit.tekst().is_empty() { delen.push(format!("{}: {}", a.prioriteit, j.prioriteit.tekst())); }
                        if let Some(y) = j.jaar { delen.push(format!("{}: {y}", a.jaar)); }
                        if j.monitorregel { delen.push(a.monitorregel.to_string()); }
                        delen.join(" · ")
                    })}
                </p>
            })}
            <section aria-labelledby="tekst-kop">
                <h2 id="tekst-kop">{a.tekst}</h2>
                {move || view! { <Tekst tekst=tekst.get() begrippen=begrippen.get()/> }}
            </section>
            <Gegevens id=id soort=soort/>
            <crate::ui::components::jaarlijn::Jaarlijn id=id soort=soort/>
            {is_jaar.then(|| view! {
                <p class="samenvatting" id="huidige-status">
                    <strong>{a.status}": "</strong>
                    {move || view! { <StatusLabel status=status()/> }}
                </p>
                <status::StatusForm id=id/>
            })}
            <crate::ui::components::notities::Voortgang id=id/>
            {is_jaar.then(|| view! { <uitlichten::Uitlichten id=id/> })}
            <indicatoren::Indicatoren id=id/>
            <crate::ui::components::notities::Reacties id=id/>
            <section aria-labelledby="bewerk-kop" class="niet-afdrukken bewerken">
                <h2 id="bewerk-kop">{a.bewerken_kop}</h2>
                <bewerken::Bewerken id=id soort=soort/>
                <koppelingen::Koppelingen id=id soort=soort/>
                <MeldingHier/>
            </section>
            <geschiedenis::Geschiedenis id=id/>
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

