//! Voortgang and reacties of an agreement: dated notes by a party. A note has its own date
//! (today unless chosen) and, for voortgang, the round it belongs to (a tertiaal or voorjaar and
//! najaar; it follows the date until chosen), so a T2 note can be written afterwards. Its author
//! can edit or remove it: an edit is a change like any other (the history keeps the earlier text,
//! shown under the note), a removal can be undone. Reacties can be "alleen voor ons".

use leptos::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::formulier::Beginwaarden;
use crate::domain::history::History;
use crate::domain::jaarcyclus::tertiaal_van;
use crate::domain::model::Werkruimte;
use crate::domain::schema::{ItemSoort, RONDES};
use crate::domain::time::{datum_nl, parse_datum};
use crate::ui::components::begin::Begin;
use crate::ui::components::datum::{tijd_tekst, vandaag_iso};
use crate::ui::components::tekst::Tekst;
use crate::ui::components::focus::focus_later;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, vul};

/// The name of a round ("T2 (mei–augustus)", "Voorjaar"); the code itself when unknown.
pub fn ronde_naam(code: &str) -> String {
    let j = t().jaarcyclus;
    match code {
        "T1" => j.ronde_t1,
        "T2" => j.ronde_t2,
        "T3" => j.ronde_t3,
        "voorjaar" => j.ronde_voorjaar,
        "najaar" => j.ronde_najaar,
        other => return other.to_string(),
    }
    .to_string()
}

/// A short name of a round for a line of data: "T2", "voorjaar".
fn ronde_kort(code: &str) -> String {
    match code {
        "voorjaar" | "najaar" => ronde_naam(code).to_lowercase(),
        other => other.to_string(),
    }
}

/// One note as shown.
#[derive(Clone, Debug, PartialEq)]
struct Notitie {
    id: Uuid,
    datum: String,
    ronde: String,
    partij: String,
    auteur: String,
    tekst: String,
    prive: bool,
    /// Earlier texts, newest first: (who, when, text).
    eerder: Vec<(String, String, String)>,
}

/// The notes of one kind on an agreement, in the order they are shown.
fn lees_notities(h: &History, afspraak: Uuid, soort: ItemSoort) -> Vec<Notitie> {
    let w = Werkruimte::new(h);
    let mut v: Vec<Notitie> = h
        .kinderen_soort(afspraak, soort)
        .into_iter()
        .map(|id| {
            let n = w.voortgang(id);
            let mut eerder: Vec<(String, String, String)> = h
                .changes_of_item(id)
                .into_iter()
                .filter(|c| c.veld == "tekst" && !h.is_head(c))
                .map(|c| {
                    let wie = if c.auteur.is_empty() { c.partij.clone() } else { format!("{} ({})", c.auteur, c.partij) };
                    (wie, tijd_tekst(c.tijd), c.waarde.as_str().unwrap_or_default().to_string())
                })
                .collect();
            eerder.reverse();
            Notitie { id, datum: n.datum, ronde: n.ronde, partij: n.partij, auteur: n.auteur, tekst: n.tekst, prive: h.is_prive(id), eerder }
        })
        .collect();
    // Voortgang newest first (the latest made first on the same date); reacties as a
    // conversation, oldest first.
    if soort == ItemSoort::Voortgang {
        v.reverse();
        v.sort_by(|a, b| b.datum.cmp(&a.datum));
    } else {
        v.sort_by(|a, b| a.datum.cmp(&b.datum));
    }
    v
}

/// Deleted notes of one kind on an agreement: (id, label).
fn verwijderde(h: &History, afspraak: Uuid, soort: ItemSoort) -> Vec<(Uuid, String)> {
    h.kinderen_van(afspraak)
        .into_iter()
        .filter(|v| h.soort(*v) == Some(soort) && h.is_deleted(*v))
        .map(|v| {
            let n = Werkruimte::new(h).voortgang(v);
            (v, format!("{} · {}: {}", datum_nl(&n.datum), n.partij, crate::ui::components::waarde::kort(&n.tekst, 80)))
        })
        .collect()
}

/// Whether the user wrote this note: same party and (non-empty) name.
fn is_eigen(app: crate::ui::state::AppState, n: &Notitie) -> bool {
    app.instellingen.with(|i| !i.naam.trim().is_empty() && i.naam == n.auteur && i.partij == n.partij)
}

/// The choice of a round: "geen", or one of [`RONDES`].
#[component]
fn RondeKeuze(#[prop(into)] id: String, waarde: RwSignal<String>, #[prop(into)] hulp_id: String, gekozen: RwSignal<bool>) -> impl IntoView {
    let j = t().jaarcyclus;
    view! {
        <select id=id aria-describedby=hulp_id on:change=move |ev| { waarde.set(event_target_value(&ev)); gekozen.set(true); }>
            <option value="" prop:selected=move || waarde.get().is_empty()>{j.vg_ronde_geen}</option>
            {RONDES.iter().map(|r| {
                let r = *r;
                view! { <option value=r prop:selected=move || waarde.get() == r>{ronde_naam(r)}</option> }
            }).collect_view()}
        </select>
    }
}

/// One note: date, round, party and author, text, earlier versions; edit and remove for its
/// author.
#[component]
fn NotitieRegel(n: Notitie, soort: ItemSoort, bewerk: RwSignal<Option<Uuid>>) -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let a = t().afspraken;
    let id = n.id;
    let datum = datum_nl(&n.datum);
    let is_voortgang = soort == ItemSoort::Voortgang;
    // The buttons say what they act on, for screen readers: "Bewerken: voortgang van 30-06-2024".
    // "Verwijder voortgang van 28-11-2026": the buttons say which note they act on.
    let context = vul(if is_voortgang { j.vg_context } else { j.re_context }, &[&datum]);
    let eigen = {
        let n = n.clone();
        move || is_eigen(app, &n)
    };
    let eerder = n.eerder.clone();
    let n2 = n.clone();
    view! {
        <li data-notitie=id.to_string()>
            <p class="tijdlijn-kop">
                <strong>{datum.clone()}</strong>
                {(!n.ronde.is_empty()).then(|| view! { " · "<span class="ronde">{ronde_kort(&n.ronde)}</span> })}
                " · "{n.partij.clone()}{(!n.auteur.is_empty()).then(|| format!(" ({})", n.auteur))}
                {n.prive.then(|| view! { " " <span class="label">{a.alleen_voor_ons}</span> })}
                {(!eerder.is_empty()).then(|| view! { " " <span class="label">{j.bewerkt}</span> })}
            </p>
            {move || if bewerk.get() == Some(id) {
                view! { <NotitieBewerken n=n2.clone() soort=soort bewerk=bewerk/> }.into_any()
            } else {
                view! { <Tekst tekst=n2.tekst.clone()/> }.into_any()
            }}
            {(!eerder.is_empty()).then(|| view! {
                <details class="eerdere-versies">
                    <summary>{vul(j.eerdere_versies, &[&eerder.len().to_string()])}</summary>
                    <ol>
                        {eerder.clone().into_iter().map(|(wie, wanneer, tekst)| view! {
                            <li><p class="klein">{vul(j.eerder_door, &[&wie, &wanneer])}</p><Tekst tekst=tekst/></li>
                        }).collect_view()}
                    </ol>
                </details>
            })}
            {move || (eigen() && bewerk.get() != Some(id)).then(|| {
                // The visible word starts the button's name; the rest says which note, for a
                // screen reader: "Verwijder voortgang van 28-11-2026".
                let naam = |patroon: &str| -> (String, String) {
                    let vol = vul(patroon, &[&context]);
                    match vol.split_once(' ') {
                        Some((woord, rest)) => (woord.to_string(), format!(" {rest}")),
                        None => (vol, String::new()),
                    }
                };
                let ((bw, br), (vw, vr)) = (naam(j.bewerk_naam), naam(j.verwijder_naam));
                view! {
                    <p class="knoppen niet-afdrukken">
                        <button class="knop knop-secundair" type="button"
                            on:click=move |_| { bewerk.set(Some(id)); focus_later(format!("notitie-tekst-{id}")); }>
                            {bw}<span class="visueel-verborgen">{br}</span>
                        </button>
                        <button class="knop knop-secundair" type="button" on:click=move |_| app.verwijder_item(id, soort)>
                            {vw}<span class="visueel-verborgen">{vr}</span>
                        </button>
                    </p>
                }
            })}
        </li>
    }
}

/// Editing a note in place: date, round (voortgang) and text; only what changed is written.
#[component]
fn NotitieBewerken(n: Notitie, soort: ItemSoort, bewerk: RwSignal<Option<Uuid>>) -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let id = n.id;
    let is_voortgang = soort == ItemSoort::Voortgang;
    let datum = RwSignal::new(n.datum.clone());
    let ronde = RwSignal::new(n.ronde.clone());
    let ronde_gekozen = RwSignal::new(true);
    let tekst = RwSignal::new(n.tekst.clone());
    let fout_datum = RwSignal::new(false);
    let fout_tekst = RwSignal::new(false);
    let waarden = move || {
        let mut v = vec![("datum", json!(datum.get_untracked().trim())), ("tekst", json!(tekst.get_untracked().trim()))];
        if is_voortgang {
            let r = ronde.get_untracked();
            v.push(("ronde", if r.is_empty() { Value::Null } else { json!(r) }));
        }
        v
    };
    let begin = Begin::new(Beginwaarden::geopend(id, soort, waarden()));
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        fout_datum.set(parse_datum(datum.get_untracked().trim()).is_none());
        fout_tekst.set(tekst.get_untracked().trim().is_empty());
        if fout_datum.get_untracked() || fout_tekst.get_untracked() {
            focus_later(if fout_datum.get_untracked() { format!("notitie-datum-{id}") } else { format!("notitie-tekst-{id}") });
            return;
        }
        begin.bewaar(app, &waarden(), if is_voortgang { j.vg_gewijzigd } else { j.re_gewijzigd });
        bewerk.set(None);
    };
    let (did, rid, tid, hid) = (format!("notitie-datum-{id}"), format!("notitie-ronde-{id}"), format!("notitie-tekst-{id}"), format!("notitie-ronde-hulp-{id}"));
    view! {
        <form class="formulier notitie-bewerken" on:submit=bewaar novalidate aria-label=if is_voortgang { j.vg_bewerk_kop } else { j.re_bewerk_kop }>
            <div class="veld-rij">
                <div class="veld">
                    <label for=did.clone()>{j.vg_datum}</label>
                    {move || fout_datum.get().then(|| view! { <p class="veld-fout" id=format!("notitie-datum-fout-{id}")>{j.vg_datum_fout}</p> })}
                    <input id=did type="date" prop:value=move || datum.get() on:input=move |ev| datum.set(event_target_value(&ev))
                        aria-invalid=move || fout_datum.get().then_some("true")
                        aria-describedby=move || fout_datum.get().then(|| format!("notitie-datum-fout-{id}"))/>
                </div>
                {is_voortgang.then(|| view! {
                    <div class="veld">
                        <label for=rid.clone()>{j.vg_ronde}</label>
                        <p class="hulptekst" id=hid.clone()>{j.vg_ronde_hulp}</p>
                        <RondeKeuze id=rid.clone() waarde=ronde hulp_id=hid.clone() gekozen=ronde_gekozen/>
                    </div>
                })}
            </div>
            <div class="veld">
                <label for=tid.clone()>{t().afspraken.voortgang_tekst}</label>
                {move || fout_tekst.get().then(|| view! { <p class="veld-fout" id=format!("notitie-tekst-fout-{id}")>{j.re_tekst_nodig}</p> })}
                <textarea id=tid rows="4" prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))
                    aria-invalid=move || fout_tekst.get().then_some("true")
                    aria-describedby=move || fout_tekst.get().then(|| format!("notitie-tekst-fout-{id}"))></textarea>
            </div>
            <p class="knoppen">
                <button class="knop" type="submit" id=format!("notitie-opslaan-{id}")>{t().algemeen.opslaan}</button>
                <button class="knop knop-secundair" type="button" on:click=move |_| bewerk.set(None)>{t().algemeen.annuleren}</button>
            </p>
        </form>
    }
}

/// The list of notes of one kind, the deleted ones to restore, and (given) the form to add one.
#[component]
fn Lijst(afspraak: Uuid, soort: ItemSoort, #[prop(into)] lijst_id: String, #[prop(into)] weg_id: String, leeg: &'static str, weg_uitleg: &'static str) -> impl IntoView {
    let app = use_app();
    let bewerk = RwSignal::new(None::<Uuid>);
    let lijst = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| lees_notities(h, afspraak, soort)).unwrap_or_default()));
    let weg = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| verwijderde(h, afspraak, soort)).unwrap_or_default()));
    let lijst_id2 = lijst_id.clone();
    view! {
        {move || {
            let l = lijst.get();
            if l.is_empty() {
                return view! { <p>{leeg}</p> }.into_any();
            }
            let tag_lijst = l.into_iter().map(|n| view! { <NotitieRegel n=n soort=soort bewerk=bewerk/> }).collect_view();
            if soort == ItemSoort::Voortgang {
                view! { <ol class="tijdlijn" id=lijst_id2.clone()>{tag_lijst}</ol> }.into_any()
            } else {
                view! { <ul class="reacties" id=lijst_id2.clone()>{tag_lijst}</ul> }.into_any()
            }
        }}
        {move || {
            let w = weg.get();
            (!w.is_empty()).then(|| view! {
                <div class="melding niet-afdrukken" id=weg_id.clone()>
                    <p>{weg_uitleg}</p>
                    <ul>
                        {w.into_iter().map(|(vid, label)| view! {
                            <li>
                                {label.clone()}" "
                                <button class="knop knop-secundair" type="button" aria-label=format!("{}: {label}", t().algemeen.ongedaan_maken)
                                    on:click=move |_| app.herstel_item(vid, soort)>{t().algemeen.ongedaan_maken}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

/// The voortgang timeline, newest first, and adding a note with its date and round.
#[component]
pub fn Voortgang(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let j = t().jaarcyclus;
    let tekst = RwSignal::new(String::new());
    let datum = RwSignal::new(vandaag_iso());
    let ronde = RwSignal::new(tertiaal_van(&vandaag_iso()).unwrap_or_default().to_string());
    // The round follows the date until the user chooses one.
    let ronde_gekozen = RwSignal::new(false);
    let fout = RwSignal::new(false);
    let fout_datum = RwSignal::new(false);
    let voeg_toe = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = tekst.get_untracked().trim().to_string();
        let d = datum.get_untracked().trim().to_string();
        fout.set(v.is_empty());
        fout_datum.set(parse_datum(&d).is_none());
        if fout.get_untracked() || fout_datum.get_untracked() {
            focus_later(if fout.get_untracked() { "voortgang-tekst" } else { "voortgang-datum" });
            return;
        }
        // The note is stamped with the user's party: asked first when unknown. Cancelled, the
        // text stays in the field and nothing is stored.
        app.na_wie(move || {
            let actor = app.actor();
            let vid = Uuid::new_v4();
            let s = ItemSoort::Voortgang;
            let r = ronde.get_untracked();
            let mut velden = vec![
                (vid, s, "afspraak", json!(id.to_string())),
                (vid, s, "datum", json!(d)),
                (vid, s, "partij", json!(actor.partij)),
                (vid, s, "auteur", json!(actor.auteur)),
                (vid, s, "tekst", json!(v)),
            ];
            if !r.is_empty() {
                velden.push((vid, s, "ronde", json!(r)));
            }
            app.bewerk(velden);
            tekst.set(String::new());
        });
    };
    view! {
        <section aria-labelledby="voortgang-kop">
            <h2 id="voortgang-kop">{a.voortgang}</h2>
            <Lijst afspraak=id soort=ItemSoort::Voortgang lijst_id="voortgang" weg_id="voortgang-verwijderd" leeg=a.voortgang_leeg weg_uitleg=a.voortgang_verwijderd/>
            <form class="formulier niet-afdrukken" on:submit=voeg_toe novalidate>
                <div class="veld">
                    <label for="voortgang-tekst">{a.voortgang_tekst}</label>
                    {move || fout.get().then(|| view! { <p class="veld-fout" id="voortgang-fout">{j.re_tekst_nodig}</p> })}
                    <textarea id="voortgang-tekst" rows="4" aria-invalid=move || fout.get().then_some("true")
                        aria-describedby=move || fout.get().then_some("voortgang-fout")
                        prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
                </div>
                <div class="veld-rij">
                    <div class="veld">
                        <label for="voortgang-datum">{j.vg_datum}</label>
                        {move || fout_datum.get().then(|| view! { <p class="veld-fout" id="voortgang-datum-fout">{j.vg_datum_fout}</p> })}
                        <input id="voortgang-datum" type="date" prop:value=move || datum.get()
                            aria-invalid=move || fout_datum.get().then_some("true")
                            aria-describedby=move || fout_datum.get().then_some("voortgang-datum-fout")
                            on:input=move |ev| {
                                let d = event_target_value(&ev);
                                if !ronde_gekozen.get_untracked() {
                                    if let Some(r) = tertiaal_van(&d) {
                                        ronde.set(r.to_string());
                                    }
                                }
                                datum.set(d);
                            }/>
                    </div>
                    <div class="veld">
                        <label for="voortgang-ronde">{j.vg_ronde}</label>
                        <p class="hulptekst" id="voortgang-ronde-hulp">{j.vg_ronde_hulp}</p>
                        <RondeKeuze id="voortgang-ronde" waarde=ronde hulp_id="voortgang-ronde-hulp" gekozen=ronde_gekozen/>
                    </div>
                </div>
                <button class="knop" type="submit" id="voortgang-toevoegen">{a.voortgang_toevoegen}</button>
            </form>
        </section>
    }
}

/// Reacties (comments) of any party; "alleen voor ons" ones never leave this copy. Their author
/// can edit and remove them.
#[component]
pub fn Reacties(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let j = t().jaarcyclus;
    let tekst = RwSignal::new(String::new());
    let prive = RwSignal::new(false);
    let plaats = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = tekst.get_untracked().trim().to_string();
        if v.is_empty() {
            return;
        }
        app.na_wie(move || {
            let actor = app.actor();
            let rid = Uuid::new_v4();
            let s = ItemSoort::Reactie;
            let velden = vec![
                (rid, s, "afspraak", json!(id.to_string())),
                (rid, s, "datum", json!(vandaag_iso())),
                (rid, s, "partij", json!(actor.partij)),
                (rid, s, "auteur", json!(actor.auteur)),
                (rid, s, "tekst", json!(v)),
            ];
            if prive.get_untracked() { app.bewerk_prive(velden) } else { app.bewerk(velden) };
            tekst.set(String::new());
            prive.set(false);
        });
    };
    view! {
        <section aria-labelledby="reacties-kop">
            <h2 id="reacties-kop">{a.reacties}</h2>
            <Lijst afspraak=id soort=ItemSoort::Reactie lijst_id="reacties" weg_id="reacties-verwijderd" leeg=a.reactie_leeg weg_uitleg=j.re_verwijderd/>
            <form class="formulier niet-afdrukken" on:submit=plaats>
                <div class="veld">
                    <label for="reactie-tekst">{a.reacties}</label>
                    <textarea id="reactie-tekst" rows="3" prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
                </div>
                <div class="veld veld-vink">
                    <input type="checkbox" id="reactie-prive" prop:checked=move || prive.get() on:change=move |ev| prive.set(event_target_checked(&ev))/>
                    <label for="reactie-prive">{a.reactie_prive}</label>
                </div>
                <button class="knop" type="submit" id="reactie-plaatsen">{a.reactie_toevoegen}</button>
            </form>
        </section>
    }
}
