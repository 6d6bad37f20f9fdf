//! A new workspace in one flow (`#/nieuwe-werkruimte`): title, gemeente, period, the parties per
//! kind and the themes as a pasted list, written in one go ([`crate::domain::opzet`]); then
//! straight on to adding agreements from a table (`#/tabel`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::domain::history::History;
use crate::domain::opzet::{bewerkingen, Opzet};
use crate::ui::components::focus::focus_later;
use crate::ui::components::uitleg::Inleiding;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

fn lees_jaar(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok().filter(|j| (1900..=2200).contains(j))
}

#[component]
pub fn NieuweWerkruimte() -> impl IntoView {
    let app = use_app();
    let x = t().tabel;
    crate::ui::zet_titel(x.nw_titel);
    let kalender = js_sys::Date::new_0().get_full_year() as i64;
    let titel = RwSignal::new(String::new());
    let gemeente = RwSignal::new(String::new());
    let van = RwSignal::new(kalender.to_string());
    let tot = RwSignal::new((kalender + 3).to_string());
    let themas = RwSignal::new(String::new());
    let soorten: [(&'static str, &'static str, RwSignal<String>); 4] = [
        ("gemeente", x.nw_gemeenten, RwSignal::new(String::new())),
        ("corporatie", x.nw_corporaties, RwSignal::new(String::new())),
        ("huurdersorganisatie", x.nw_huurders, RwSignal::new(String::new())),
        ("partner", x.nw_partners, RwSignal::new(String::new())),
    ];
    let titel_fout = RwSignal::new(false);
    let periode_fout = RwSignal::new(false);
    let maak = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (v, w) = (lees_jaar(&van.get_untracked()), lees_jaar(&tot.get_untracked()));
        titel_fout.set(titel.get_untracked().trim().is_empty());
        periode_fout.set(!matches!((v, w), (Some(a), Some(b)) if a <= b));
        if titel_fout.get_untracked() {
            return focus_later("nw-titel");
        }
        if periode_fout.get_untracked() {
            return focus_later("nw-van");
        }
        let mut g = gemeente.get_untracked();
        let mut partijen: Vec<(&'static str, String)> = soorten.iter().map(|(s, _, n)| (*s, n.get_untracked())).collect();
        // The gemeente is a party too, when none was named.
        if partijen[0].1.trim().is_empty() && !g.trim().is_empty() {
            partijen[0].1 = format!("Gemeente {}", g.trim());
        }
        g = g.trim().to_string();
        let o = Opzet { titel: titel.get_untracked(), gemeente: g, periode_van: v, periode_tot: w, partijen, themas: themas.get_untracked() };
        app.na_wie(move || {
            spawn_local(async move {
                let id = Uuid::new_v4();
                let mut h = History::new(id);
                let (_, geweigerd) = crate::domain::formulier::schrijf(&mut h, &app.actor(), crate::storage::nu(), bewerkingen(id, &o), false);
                if let Some(e) = geweigerd {
                    app.fout(crate::ui::teksten::vul(t().algemeen.wijziging_geweigerd, &[&e.to_string()]));
                    return;
                }
                if let Some(id) = app.voeg_geimporteerde_toe(h).await {
                    app.laad_werkruimte(id).await;
                    crate::ui::router::navigate("/tabel");
                }
            });
        });
    };
    let tekstveld = move |id: &'static str, label: &'static str, s: RwSignal<String>, fout: Option<(RwSignal<bool>, &'static str)>| {
        let fid = format!("{id}-fout");
        let fid2 = fid.clone();
        view! {
            <div class="veld">
                <label for=id>{label}</label>
                {fout.map(|(f, tekst)| { let fid = fid.clone(); view! { {move || f.get().then(|| view! { <p class="veld-fout" id=fid.clone()>{tekst}</p> })} } })}
                <input id=id type="text" prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))
                    aria-invalid=move || fout.is_some_and(|(f, _)| f.get()).then_some("true")
                    aria-describedby=move || fout.is_some_and(|(f, _)| f.get()).then(|| fid2.clone())/>
            </div>
        }
    };
    view! {
        <h1>{x.nw_titel}</h1>
        <Inleiding tekst=x.nw_uitleg/>
        <form class="formulier" on:submit=maak novalidate>
            {tekstveld("nw-titel", x.nw_naam, titel, Some((titel_fout, x.nw_titel_nodig)))}
            {tekstveld("nw-gemeente", x.nw_gemeente, gemeente, None)}
            <div class="veld-rij">
                {tekstveld("nw-van", x.nw_periode_van, van, Some((periode_fout, x.nw_periode_fout)))}
                {tekstveld("nw-tot", x.nw_periode_tot, tot, None)}
            </div>
            <fieldset>
                <legend>{x.nw_partijen_kop}</legend>
                <p class="hulptekst">{x.nw_partijen_uitleg}</p>
                {soorten.into_iter().map(|(soort, label, s)| {
                    let id = format!("nw-partijen-{soort}");
                    view! {
                        <div class="veld">
                            <label for=id.clone()>{label}</label>
                            <textarea id=id rows="2" prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))></textarea>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="veld">
                <label for="nw-themas">{x.nw_themas}</label>
                <p class="hulptekst" id="nw-themas-hulp">{x.nw_themas_hulp}</p>
                <textarea id="nw-themas" rows="6" aria-describedby="nw-themas-hulp" prop:value=move || themas.get() on:input=move |ev| themas.set(event_target_value(&ev))></textarea>
            </div>
            <button class="knop" type="submit" id="nw-maken">{x.nw_maken}</button>
        </form>
    }
}
