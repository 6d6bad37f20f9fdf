//! Workspaces: list, open, create (empty or from an example), rename, duplicate, delete (asks
//! first; restorable for 30 days).

use leptos::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::examples::Voorbeeld;
use crate::domain::formulier::Beginwaarden;
use crate::domain::schema::ItemSoort;
use crate::storage::WerkruimteMeta;
use crate::ui::components::begin::Begin;
use crate::ui::components::datum::{datum_tekst, tijd_tekst};
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

#[component]
pub fn Werkruimtes() -> impl IntoView {
    let app = use_app();
    let w = t().werkruimtes;
    crate::ui::zet_titel(w.titel);
    let actief = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| h.werkruimte())));
    let lijst = Memo::new(move |_| app.werkruimtes.get().into_iter().filter(|m| m.verwijderd_op.is_none()).collect::<Vec<_>>());
    let verwijderd = Memo::new(move |_| app.werkruimtes.get().into_iter().filter(|m| m.verwijderd_op.is_some()).collect::<Vec<_>>());
    let nieuw_titel = RwSignal::new(String::new());
    let nieuw_fout = RwSignal::new(false);
    let maak = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let titel = nieuw_titel.get_untracked().trim().to_string();
        if titel.is_empty() {
            nieuw_fout.set(true);
            return;
        }
        nieuw_fout.set(false);
        nieuw_titel.set(String::new());
        app.nieuwe_werkruimte(titel);
        crate::ui::router::navigate("/");
    };
    view! {
        <h1>{w.titel}</h1>
        <Inleiding tekst=w.uitleg/>
        <ul class="kaarten" id="werkruimte-lijst">
            <For each=move || lijst.get() key=|m| (m.id, m.titel.clone(), m.laatste_export, m.bewerkingen_sinds_export) let:m>
                <WerkruimteKaart meta=m actief=actief/>
            </For>
        </ul>
        <section aria-labelledby="nieuw-kop">
            <h2 id="nieuw-kop">{w.nieuw}</h2>
            <form on:submit=maak class="formulier">
                <div class="veld">
                    <label for="nieuw-titel">{w.nieuw_titel_label}</label>
                    {move || nieuw_fout.get().then(|| view! { <p class="veld-fout" id="nieuw-titel-fout">{w.titel_nodig}</p> })}
                    <input id="nieuw-titel" type="text" prop:value=move || nieuw_titel.get()
                        aria-invalid=move || nieuw_fout.get().then_some("true")
                        aria-describedby=move || nieuw_fout.get().then_some("nieuw-titel-fout")
                        on:input=move |ev| nieuw_titel.set(event_target_value(&ev))/>
                </div>
                <button class="knop" type="submit">{w.aanmaken}</button>
            </form>
            <p><a href="#/nieuwe-werkruimte" id="nieuw-met-tabel">{t().tabel.nw_link}</a></p>
        </section>
        <section aria-labelledby="voorbeelden-kop">
            <h2 id="voorbeelden-kop">{w.voorbeelden}</h2>
            <p>{w.voorbeelden_uitleg}</p>
            <ul class="knoppenlijst">
                {Voorbeeld::ALL.into_iter().map(|v| view! {
                    <li><button class="knop knop-secundair" type="button" on:click=move |_| { app.voorbeeld_toevoegen(v); crate::ui::router::navigate("/"); }>
                        {vul(w.voorbeeld_toevoegen, &[v.titel()])}
                    </button></li>
                }).collect_view()}
            </ul>
        </section>
        {move || (!verwijderd.get().is_empty()).then(|| view! {
            <section aria-labelledby="verwijderd-kop">
                <h2 id="verwijderd-kop">{w.verwijderd_lijst}</h2>
                <ul class="kaarten">
                    {verwijderd.get().into_iter().map(|m| {
                        let id = m.id;
                        view! {
                            <li class="kaart">
                                <p><strong>{m.titel.clone()}</strong>" – "{vul(w.verwijderd_op, &[&datum_tekst(m.verwijderd_op.unwrap_or_default())])}</p>
                                <button class="knop knop-secundair" type="button" on:click=move |_| app.herstel_werkruimte(id)>{w.herstellen}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn WerkruimteKaart(meta: WerkruimteMeta, actief: Memo<Option<Uuid>>) -> impl IntoView {
    let app = use_app();
    let w = t().werkruimtes;
    let a = t().algemeen;
    let id = meta.id;
    let titel = meta.titel.clone();
    let hernoemen = RwSignal::new(false);
    let vraag = RwSignal::new(false);
    let nieuwe = RwSignal::new(meta.titel.clone());
    // Renaming to the same title writes nothing.
    let begin = Begin::new(Beginwaarden::geopend(id, ItemSoort::Werkruimte, vec![("titel", json!(meta.titel.trim()))]));
    let export = match meta.laatste_export {
        Some(t) => tijd_tekst(t),
        None => w.nooit.to_string(),
    };
    let veld_id = format!("hernoem-{id}");
    let veld_id2 = veld_id.clone();
    view! {
        <li class="kaart" data-werkruimte=id.to_string()>
            <h3>
                {titel.clone()}
                {move || (actief.get() == Some(id)).then(|| view! { " " <span class="label">{w.actief}</span> })}
            </h3>
            <p class="klein">{vul(w.laatste_export, &[&export])}" · "{vul(w.bewerkingen_sinds, &[&meta.bewerkingen_sinds_export.to_string()])}</p>
            <div class="knoppen">
                <button class="knop" type="button" on:click=move |_| { app.kies_werkruimte(id); crate::ui::router::navigate("/"); }>{w.openen}</button>
                <button class="knop knop-secundair" type="button" aria-expanded=move || hernoemen.get().to_string() on:click=move |_| hernoemen.update(|v| *v = !*v)>{w.hernoemen}</button>
                <button class="knop knop-secundair" type="button" on:click=move |_| app.dupliceer(id, w.kopie)>{w.dupliceren}</button>
                <button class="knop knop-secundair" type="button" on:click=move |_| vraag.set(true)>{a.verwijderen}</button>
            </div>
            {move || hernoemen.get().then(|| {
                let veld_id = veld_id.clone();
                view! {
                    <form class="formulier" on:submit=move |ev| {
                        ev.prevent_default();
                        let t = nieuwe.get_untracked().trim().to_string();
                        if t.is_empty() { return; }
                        if !begin.wijzigingen(&[("titel", json!(t))]).is_empty() { app.hernoem(id, t); }
                        hernoemen.set(false);
                    }>
                        <div class="veld">
                            <label for=veld_id.clone()>{w.nieuwe_titel}</label>
                            <input id=veld_id.clone() type="text" prop:value=move || nieuwe.get() on:input=move |ev| nieuwe.set(event_target_value(&ev))/>
                        </div>
                        <button class="knop" type="submit">{a.opslaan}</button>
                    </form>
                }
            })}
            {move || vraag.get().then(|| {
                let titel = titel.clone();
                view! {
                    <div class="bevestig" role="alertdialog" aria-labelledby=format!("{veld_id2}-vraag")>
                        <p id=format!("{veld_id2}-vraag")>{vul(w.verwijderen_vraag, &[&titel])}</p>
                        <button class="knop knop-gevaar" type="button" on:click=move |_| { vraag.set(false); app.verwijder_werkruimte(id); }>{w.ja_verwijderen}</button>
                        " "
                        <button class="knop knop-secundair" type="button" on:click=move |_| vraag.set(false)>{a.annuleren}</button>
                    </div>
                }
            })}
        </li>
    }
}
