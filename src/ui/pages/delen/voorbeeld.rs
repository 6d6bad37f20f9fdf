//! A checked file before anything changes: what it is, which workspace it belongs to, the preview
//! of the import (new items, changed fields, conflicts, each with party, author and time), and
//! the comparison without merging.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::components::conflict::{verwijder_zinnen, ConflictLabel};
use leptos::task::spawn_local;
use serde_json::Value;
use uuid::Uuid;

use crate::domain::change::{Change, Tijd};
use crate::domain::format::ExportSoort;
use crate::domain::history::{History, InsertError};
use crate::domain::merge::{self, ImportVoorbeeld, Kandidaat};
use crate::domain::model::{Fields, Status};
use crate::domain::schema::ItemSoort;
use crate::ui::components::datum::{datum_tekst, tijd_tekst};
use crate::ui::components::status::StatusLabel;
use crate::ui::components::waarde::waarde_tekst;
use crate::ui::state::{use_app, AppState, MeldingSoort};
use crate::ui::teksten::delen::soortnaam;
use crate::ui::teksten::{t, velden::veldnaam, vul};

use super::lezen::{focus, pauze};
use super::{use_sessie, ConflictPlek, Fase, Gelezen, Sessie, Toegepast};

/// At most this many rows per table; the counts above them are always complete.
const MAX_RIJEN: usize = 1000;
/// How many changes of an import are added per step before the page gets the main thread back.
const TOEPASSEN_PER_STAP: usize = 2000;

/// How the file's workspace relates to the local ones.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Relatie {
    /// The active workspace: preview.
    Actief,
    /// Present locally but not active: being opened.
    Openen,
    /// Present locally but deleted (since then).
    Verwijderd(Tijd),
    /// Not here: can be added as a new workspace.
    Onbekend,
}

/// "Auteur (partij)", or only the party.
pub(super) fn wie(partij: &str, auteur: &str) -> String {
    if auteur.is_empty() {
        partij.to_string()
    } else if partij.is_empty() {
        auteur.to_string()
    } else {
        format!("{auteur} ({partij})")
    }
}

/// A value as text, or as a status label for a status.
pub(super) fn waarde_weergave(h: &History, veld: &str, v: Option<&Value>) -> AnyView {
    match v {
        None => t().afspraken.leeg.into_any(),
        Some(v) => match (veld, v.as_str().and_then(Status::from_code)) {
            ("status", Some(s)) => view! { <StatusLabel status=s/> }.into_any(),
            _ => waarde_tekst(h, v).into_any(),
        },
    }
}

#[component]
pub(super) fn GelezenBestand(g: Arc<Gelezen>) -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let sessie = use_sessie();
    let wr = g.werkruimte;
    let relatie = Memo::new(move |_| {
        if app.history.with(|h| h.as_ref().map(History::werkruimte)) == Some(wr) {
            return Relatie::Actief;
        }
        match app.werkruimtes.with(|l| l.iter().find(|m| m.id == wr).map(|m| m.verwijderd_op)) {
            Some(None) => Relatie::Openen,
            Some(Some(op)) => Relatie::Verwijderd(op),
            None => Relatie::Onbekend,
        }
    });
    // Someone who has not said who they are yet may well be reading their own backup.
    let mijn_partij = app.instellingen.with_untracked(|i| i.partij.trim().to_string());
    let van_ander = g.soort == ExportSoort::Reservekopie && !mijn_partij.is_empty() && g.door.partij != mijn_partij;
    let g2 = g.clone();
    view! {
        <div class="import-bestand-info">
            <h3 id="import-info-kop">{d.info_kop}</h3>
            <dl class="kort" id="import-info">
                <dt>{d.info_bestand}</dt><dd>{g.naam.clone()}</dd>
                <dt>{d.info_werkruimte}</dt><dd>{g.titel.clone()}</dd>
                <dt>{d.info_door}</dt><dd>{wie(&g.door.partij, &g.door.auteur)}</dd>
                <dt>{d.info_op}</dt><dd>{tijd_tekst(g.op)}</dd>
                <dt>{d.info_soort}</dt><dd>{match g.soort { ExportSoort::Uitwisseling => d.soort_uitwisseling, ExportSoort::Reservekopie => d.soort_reservekopie }}</dd>
                <dt>{d.info_aantal}</dt><dd>{g.aantal}</dd>
            </dl>
            <p class="hulptekst" id="partij-niet-gecontroleerd">{d.partij_niet_gecontroleerd}</p>
            {van_ander.then(|| view! { <p class="melding" id="reservekopie-van-ander">{d.reservekopie_van_ander}</p> })}
        </div>
        {move || {
            let g = g2.clone();
            match relatie.get() {
                Relatie::Actief => view! { <Voorbeeld g=g/> }.into_any(),
                Relatie::Openen => view! {
                    <p role="status" id="import-resultaat" tabindex="-1">{vul(d.openen_bezig, &[&g.titel])}</p>
                }.into_any(),
                Relatie::Verwijderd(op) => view! {
                    <section class="melding" aria-labelledby="import-resultaat" id="import-verwijderd">
                        <h3 id="import-resultaat" tabindex="-1">{d.verwijderd_kop}</h3>
                        <p>{vul(d.verwijderd_uitleg, &[&g.titel, &datum_tekst(op)])}</p>
                        <div class="knoppen">
                            <button class="knop" type="button" id="import-herstellen" on:click=move |_| {
                                app.herstel_werkruimte(wr);
                                app.kies_werkruimte(wr);
                            }>{d.verwijderd_knop}</button>
                            <AnderBestand/>
                        </div>
                    </section>
                }.into_any(),
                Relatie::Onbekend => match (g.soort, app.alleen_onaangeroerd_voorbeeld()) {
                    (ExportSoort::Reservekopie, Some(voorbeeld)) => {
                    // The user's own backup where only the untouched example is: it takes the
                    // example's place (no second workspace beside it).
                    let titel = g.titel.clone();
                    view! {
                        <section class="melding" aria-labelledby="import-resultaat" id="import-eigen-reservekopie">
                            <h3 id="import-resultaat" tabindex="-1">{d.eigen_reservekopie_kop}</h3>
                            <p>{vul(d.eigen_reservekopie_uitleg, &[&g.titel])}</p>
                            <div class="knoppen">
                                <button class="knop" type="button" id="reservekopie-inlezen" on:click=move |_| {
                                    let g = g.clone();
                                    let titel = titel.clone();
                                    spawn_local(async move {
                                        if app.vervang_voorbeeld(g.history.clone(), voorbeeld, g.door.clone()).await.is_some() {
                                            sessie.zet(Fase::Leeg);
                                            app.info(MeldingSoort::Succes, vul(d.eigen_reservekopie_klaar, &[&titel]));
                                            pauze().await;
                                            focus("melding");
                                        }
                                    });
                                }>{d.eigen_reservekopie_knop}</button>
                                <AnderBestand/>
                            </div>
                        </section>
                    }.into_any()
                    }
                    _ => {
                    let titel = g.titel.clone();
                    view! {
                        <section class="melding" aria-labelledby="import-resultaat" id="import-nieuwe-werkruimte">
                            <h3 id="import-resultaat" tabindex="-1">{d.nieuwe_werkruimte_kop}</h3>
                            <p>{vul(d.nieuwe_werkruimte_uitleg, &[&g.titel])}</p>
                            <div class="knoppen">
                                <button class="knop" type="button" id="nieuwe-werkruimte-toevoegen" on:click=move |_| {
                                    let g = g.clone();
                                    let titel = titel.clone();
                                    spawn_local(async move {
                                        if let Some(id) = app.voeg_geimporteerde_toe(g.history.clone()).await {
                                            sessie.zet(Fase::Leeg);
                                            app.info(MeldingSoort::Succes, vul(d.nieuwe_werkruimte_klaar, &[&titel]));
                                            app.laad_werkruimte(id).await;
                                            pauze().await;
                                            focus("melding");
                                        }
                                    });
                                }>{d.nieuwe_werkruimte_knop}</button>
                                <AnderBestand/>
                            </div>
                        </section>
                    }.into_any()
                    }
                },
            }
        }}
    }
}

/// Ends this file's step; the file chooser is above.
#[component]
fn AnderBestand() -> impl IntoView {
    let sessie = use_sessie();
    view! {
        <button class="knop knop-secundair" type="button" id="import-annuleren" on:click=move |_| {
            sessie.zet(Fase::Leeg);
            focus("import-bestand");
        }>{t().delen.ander_bestand}</button>
    }
}

/// The preview of importing the file into the active workspace, the button to apply it, and
/// the comparison without merging.
#[component]
fn Voorbeeld(g: Arc<Gelezen>) -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let sessie = use_sessie();
    let wr = g.werkruimte;
    let gv = g.clone();
    // Always the preview against the copy as it is now, so applying does exactly what is shown.
    let voorbeeld = Memo::new(move |_| {
        // Once applied, the preview is gone: do not compute it again against the merged copy.
        if !matches!(sessie.fase.get(), Fase::Gelezen(_)) {
            return None;
        }
        let v = app.history.with(|h| h.as_ref().filter(|h| h.werkruimte() == wr).map(|h| Arc::new(merge::voorbeeld(Some(h), &gv.history))));
        crate::storage::markeer("am-import-voorbeeld");
        v
    });
    let vergelijken = RwSignal::new(false);
    let ga = g.clone();
    // Set while an import is being applied: a second click does nothing.
    let bezig = StoredValue::new(false);
    let toepassen = move |_| {
        let Some(v) = voorbeeld.get_untracked() else { return };
        if v.fout.is_some() || v.niets_nieuw() || bezig.get_value() {
            return;
        }
        bezig.set_value(true);
        crate::storage::markeer("am-import-toepassen");
        // Checked whole first; then added in parts with the page given back in between, and
        // drawn once at the end (nothing is stored before every part is in).
        let begin = app.history.with_untracked(|h| {
            h.as_ref().filter(|h| h.werkruimte() == wr).map(|h| merge::Toepassing::begin(h, &ga.history, &v.nieuwe_wijzigingen))
        });
        let ga = ga.clone();
        spawn_local(async move {
            let uitkomst = match begin {
                Some(Ok(mut toepassing)) => {
                    loop {
                        let klaar = app
                            .history
                            .try_update_untracked(|h| h.as_mut().filter(|h| h.werkruimte() == wr).map(|h| toepassing.stap(h, &ga.history, TOEPASSEN_PER_STAP)))
                            .flatten();
                        match klaar {
                            Some(false) => crate::ui::wacht(0).await,
                            Some(true) => break,
                            // Another workspace was opened meanwhile: what was added went with
                            // the copy in memory; nothing was stored.
                            None => return,
                        }
                    }
                    app.history.notify();
                    Some(Ok(toepassing.ids()))
                }
                Some(Err(e)) => Some(Err(e)),
                None => None,
            };
            crate::storage::markeer("am-import-toegepast");
            let _ = bezig.try_set_value(false);
            na_toepassen(app, sessie, &ga, &v, uitkomst);
        });
    };
    let gw = g.clone();
    view! {
        {g.geopend.then(|| view! { <p class="melding" id="import-geopend">{vul(d.geopend, &[&g.titel])}</p> })}
        {move || voorbeeld.get().map(|v| {
            let g = gw.clone();
            let toepassen = toepassen.clone();
            if let Some(e) = &v.fout {
                let (bericht, plaats) = weigering(app, &g, e);
                return view! {
                    <div class="melding melding-fout" role="alert" id="import-fout" tabindex="-1">
                        <h3 id="import-resultaat" tabindex="-1">{d.fout_kop}</h3>
                        <p id="import-fout-bericht">{bericht}</p>
                        {plaats.map(|p| view! { <p id="import-fout-plaats">{vul(d.fout_plaats, &[""])}<code lang="nl">{p}</code></p> })}
                        <p>{d.fout_niets_veranderd}</p>
                        <div class="knoppen"><AnderBestand/></div>
                    </div>
                }.into_any();
            }
            if v.niets_nieuw() {
                return view! {
                    <section class="melding melding-succes" aria-labelledby="import-resultaat" id="niets-nieuw">
                        <h3 id="import-resultaat" tabindex="-1">{d.voorbeeld_kop}</h3>
                        <p>{d.niets_nieuw}</p>
                        <div class="knoppen">
                            <VergelijkKnop open=vergelijken/>
                            <AnderBestand/>
                        </div>
                    </section>
                }.into_any();
            }
            app.history.with_untracked(|lokaal| {
                let lokaal = lokaal.as_ref().expect("the preview needs the open workspace");
                view! {
                    <section class="import-voorbeeld" aria-labelledby="import-resultaat" id="import-voorbeeld">
                        <h3 id="import-resultaat" tabindex="-1">{d.voorbeeld_kop}</h3>
                        <p><strong>{d.voorbeeld_uitleg}</strong></p>
                        <p id="import-samenvatting">{vul(d.samenvatting, &[
                            &v.nieuwe_wijzigingen.len().to_string(),
                            &v.nieuwe_items.len().to_string(),
                            &v.gewijzigde_velden.len().to_string(),
                            &(v.conflicten.len() + v.verwijder_conflicten.len()).to_string(),
                        ])}</p>
                        {v.niets_zichtbaar().then(|| view! { <p id="niets-zichtbaar">{vul(d.niets_zichtbaar, &[&v.nieuwe_wijzigingen.len().to_string()])}</p> })}
                        {nieuwe_items(lokaal, &g.history, &v)}
                        {gewijzigde_velden(lokaal, &g.history, &v)}
                        {verwijder_conflicten(&v)}
                        {conflicten(lokaal, &g.history, &v)}
                        <p>{d.toepassen_uitleg}</p>
                        <div class="knoppen">
                            <button class="knop" type="button" id="import-toepassen" on:click=toepassen>{d.toepassen}</button>
                            <VergelijkKnop open=vergelijken/>
                            <AnderBestand/>
                        </div>
                    </section>
                }.into_any()
            })
        })}
        {move || vergelijken.get().then(|| view! { <Vergelijking g=g.clone() open=vergelijken/> })}
    }
}

/// What follows an applied (or refused) import: stored, the result shown with its conflicts.
fn na_toepassen(app: AppState, sessie: Sessie, g: &Gelezen, v: &ImportVoorbeeld, uitkomst: Option<Result<Vec<Uuid>, InsertError>>) {
    let wr = g.werkruimte;
    match uitkomst {
        Some(Ok(ids)) => {
            let nieuw: BTreeSet<Uuid> = ids.iter().copied().collect();
            let changes: Vec<Change> = ids.iter().filter_map(|id| g.history.change(id).cloned()).collect();
            app.na_import(wr, changes);
            let conflicten = v
                .conflicten
                .iter()
                .map(|c| ConflictPlek {
                    item: c.item,
                    soort: c.soort,
                    veld: c.veld.clone(),
                    label: c.label.clone(),
                    uit_bestand: c.waarden.iter().map(|k| k.change).filter(|id| nieuw.contains(id)).collect(),
                })
                .collect();
            sessie.zet(Fase::Toegepast(Arc::new(Toegepast { werkruimte: wr, aantal: ids.len(), conflicten })));
            spawn_local(async {
                pauze().await;
                focus("import-toegepast");
            });
        }
        Some(Err(e)) => {
            let (bericht, plaats) = weigering(app, g, &e);
            sessie.zet(Fase::Fout { bericht: bericht.to_string(), plaats, nl: false });
        }
        None => {}
    }
}

/// Why the file does not fit the open workspace, and where in the file: the change (its place
/// in `wijzigingen`, the item's code and the field), or the item of another kind.
fn weigering(app: AppState, g: &Gelezen, e: &InsertError) -> (&'static str, Option<String>) {
    let d = t().delen;
    let bericht = match e {
        InsertError::AndereSoort { .. } => d.fout_andere_soort,
        _ => d.fout_samenvoegen,
    };
    let plaats = app.history.with_untracked(|h| h.as_ref().and_then(|h| merge::weigering(h, &g.history, &g.volgorde, e).plaats));
    (bericht, plaats)
}

#[component]
fn VergelijkKnop(open: RwSignal<bool>) -> impl IntoView {
    let d = t().delen;
    view! {
        <button class="knop knop-secundair" type="button" id="import-vergelijken" aria-expanded=move || open.get().to_string()
            on:click=move |_| {
                open.update(|o| *o = !*o);
                if open.get_untracked() {
                    spawn_local(async {
                        pauze().await;
                        focus("vergelijking-kop");
                    });
                }
            }>
            {move || if open.get() { d.vergelijking_sluiten } else { d.vergelijken_knop }}
        </button>
    }
}

fn meer(n: usize) -> Option<impl IntoView> {
    (n > MAX_RIJEN).then(|| view! { <p class="klein">{format!("… +{}", n - MAX_RIJEN)}</p> })
}

fn kandidaat_wie(k: &Kandidaat) -> String {
    wie(&k.partij, &k.auteur)
}

/// The code of a new kader- or jaarafspraak when the local copy already has one with that code
/// (codes are labels: both stay, but the user should know).
fn dubbele_code(lokaal: &History, inkomend: &History, item: Uuid, soort: ItemSoort) -> Option<String> {
    if !matches!(soort, ItemSoort::Jaarafspraak | ItemSoort::Kaderafspraak) {
        return None;
    }
    let code = Fields::new(inkomend, item).text("code");
    let sleutel = code.trim().to_lowercase();
    let bestaat = !sleutel.is_empty()
        && lokaal.items_of(soort).into_iter().any(|i| Fields::new(lokaal, i).text("code").trim().to_lowercase() == sleutel);
    bestaat.then_some(code)
}

fn nieuwe_items(lokaal: &History, inkomend: &History, v: &ImportVoorbeeld) -> Option<AnyView> {
    let d = t().delen;
    let a = t().afspraken;
    if v.nieuwe_items.is_empty() {
        return None;
    }
    let rijen: Vec<_> = v
        .nieuwe_items
        .iter()
        .take(MAX_RIJEN)
        .map(|n| {
            let eerste = inkomend.changes_of_item(n.item).into_iter().next();
            let door = eerste.map(|c| wie(&c.partij, &c.auteur)).unwrap_or_else(|| n.door.clone());
            let wanneer = eerste.map(|c| tijd_tekst(c.tijd)).unwrap_or_default();
            let dubbel = dubbele_code(lokaal, inkomend, n.item, n.soort);
            view! {
                <tr data-item=n.item.to_string()>
                    <td>
                        {n.label.clone()}
                        {dubbel.map(|code| view! { <br/><strong class="dubbele-code">{"⚠ "}{vul(a.dubbele_code, &[&code])}</strong> })}
                    </td>
                    <td>{soortnaam(n.soort)}</td>
                    <td>{door}</td>
                    <td>{wanneer}</td>
                </tr>
            }
        })
        .collect();
    Some(view! {
        <h4 id="nieuwe-items-kop">{format!("{} ({})", d.nieuwe_items_kop, v.nieuwe_items.len())}</h4>
        <div class="tabel-houder" role="region" tabindex="0" aria-labelledby="nieuwe-items-kop">
            <table id="nieuwe-items" aria-labelledby="nieuwe-items-kop">
                <thead><tr>
                    <th scope="col">{d.kol_onderdeel}</th><th scope="col">{d.kol_soort}</th>
                    <th scope="col">{d.kol_door}</th><th scope="col">{a.wanneer}</th>
                </tr></thead>
                <tbody>{rijen}</tbody>
            </table>
        </div>
        {meer(v.nieuwe_items.len())}
    }.into_any())
}

fn gewijzigde_velden(lokaal: &History, inkomend: &History, v: &ImportVoorbeeld) -> Option<AnyView> {
    let d = t().delen;
    if v.gewijzigde_velden.is_empty() {
        return None;
    }
    let rijen: Vec<_> = v
        .gewijzigde_velden
        .iter()
        .take(MAX_RIJEN)
        .map(|w| {
            let door = w.door.iter().map(kandidaat_wie).collect::<Vec<_>>().join("; ");
            let wanneer = w.door.first().map(|k| tijd_tekst(k.tijd)).unwrap_or_default();
            let was_conflict = (!w.conflict_voor.is_empty()).then(|| {
                let waarden = w.conflict_voor.iter().map(|x| waarde_tekst(lokaal, x)).collect::<Vec<_>>().join(" / ");
                view! { <br/><span class="klein">{vul(d.was_conflict, &[&waarden])}</span> }
            });
            view! {
                <tr data-item=w.item.to_string() data-veld=w.veld.clone()>
                    <th scope="row">{w.label.clone()}</th>
                    <td>{veldnaam(&w.veld)}</td>
                    <td>{waarde_weergave(lokaal, &w.veld, w.oud.as_ref())}{was_conflict}</td>
                    <td>{waarde_weergave(inkomend, &w.veld, w.nieuw.as_ref())}</td>
                    <td>{door}</td>
                    <td>{wanneer}</td>
                </tr>
            }
        })
        .collect();
    Some(view! {
        <h4 id="gewijzigd-kop">{format!("{} ({})", d.gewijzigd_kop, v.gewijzigde_velden.len())}</h4>
        <div class="tabel-houder" role="region" tabindex="0" aria-labelledby="gewijzigd-kop">
            <table id="gewijzigde-velden" aria-labelledby="gewijzigd-kop">
                <thead><tr>
                    <th scope="col">{d.kol_onderdeel}</th><th scope="col">{d.kol_veld}</th>
                    <th scope="col">{d.kol_was}</th><th scope="col">{d.kol_wordt}</th>
                    <th scope="col">{d.kol_door}</th><th scope="col">{d.kol_wanneer}</th>
                </tr></thead>
                <tbody>{rijen}</tbody>
            </table>
        </div>
        {meer(v.gewijzigde_velden.len())}
    }.into_any())
}

/// Items one party deleted while the other worked on them: named as a conflict, never as a
/// plain change, so nobody's work disappears unseen.
fn verwijder_conflicten(v: &ImportVoorbeeld) -> Option<AnyView> {
    let c = t().conflicten;
    if v.verwijder_conflicten.is_empty() {
        return None;
    }
    let lijst: Vec<_> = v
        .verwijder_conflicten
        .iter()
        .take(MAX_RIJEN)
        .map(|vc| {
            let zinnen = verwijder_zinnen(
                &vc.label,
                vc.verwijderd.iter().map(|k| k.partij.as_str()),
                vc.intussen.iter().map(|(soort, veld, k)| (*soort, veld.as_str(), k.partij.as_str())),
            );
            view! {
                <li data-item=vc.item.to_string()><ConflictLabel/>" "{zinnen.join(" ")}</li>
            }
        })
        .collect();
    Some(view! {
        <h4 id="verwijder-conflicten-kop">{format!("{} ({})", c.voorbeeld_kop, v.verwijder_conflicten.len())}</h4>
        <p>{c.voorbeeld_hulp}</p>
        <ul id="import-verwijder-conflicten">{lijst}</ul>
        {meer(v.verwijder_conflicten.len())}
    }.into_any())
}

fn conflicten(lokaal: &History, inkomend: &History, v: &ImportVoorbeeld) -> Option<AnyView> {
    let d = t().delen;
    if v.conflicten.is_empty() {
        return None;
    }
    let lijst: Vec<_> = v
        .conflicten
        .iter()
        .take(MAX_RIJEN)
        .map(|c| {
            // Your value first, then the file's: the same order in every conflict.
            let mut kolommen: Vec<(bool, &Kandidaat)> = c.waarden.iter().map(|k| (lokaal.contains(&k.change), k)).collect();
            kolommen.sort_by_key(|(hier, _)| !*hier);
            let h_van = |hier: bool| if hier { lokaal } else { inkomend };
            view! {
                <div class="tabel-houder conflict-voorbeeld" role="region" tabindex="0" aria-label=format!("{} – {}", c.label, veldnaam(&c.veld)) data-item=c.item.to_string() data-veld=c.veld.clone()>
                    <table class="naast-elkaar">
                        <caption>{format!("{} – {}", c.label, veldnaam(&c.veld))}</caption>
                        <thead><tr>
                            <td></td>
                            {kolommen.iter().map(|(hier, _)| view! { <th scope="col">{if *hier { d.kol_hier } else { d.kol_bestand }}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            <tr>
                                <th scope="row">{d.kol_waarde}</th>
                                {kolommen.iter().map(|(hier, k)| view! { <td class="conflict-waarde">{waarde_weergave(h_van(*hier), &c.veld, Some(&k.waarde))}</td> }).collect_view()}
                            </tr>
                            <tr>
                                <th scope="row">{d.kol_door}</th>
                                {kolommen.iter().map(|(_, k)| view! { <td>{kandidaat_wie(k)}</td> }).collect_view()}
                            </tr>
                            <tr>
                                <th scope="row">{d.kol_wanneer}</th>
                                {kolommen.iter().map(|(_, k)| view! { <td>{tijd_tekst(k.tijd)}</td> }).collect_view()}
                            </tr>
                        </tbody>
                    </table>
                </div>
            }
        })
        .collect();
    Some(view! {
        <h4 id="conflicten-kop">{format!("{} ({})", d.conflicten_kop, v.conflicten.len())}</h4>
        <p>{d.conflicten_uitleg}</p>
        <div id="import-conflicten">{lijst}</div>
        {meer(v.conflicten.len())}
    }.into_any())
}

/// The local copy and the file side by side: items only here, only in the file, and the fields
/// that differ. Changes nothing.
#[component]
fn Vergelijking(g: Arc<Gelezen>, open: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let inhoud = move || {
        app.history.with(|lokaal| {
            let lokaal = lokaal.as_ref()?;
            let v = merge::vergelijk(lokaal, &g.history);
            let items = |id: &'static str, kop: &'static str, lijst: &[merge::ItemNieuw]| {
                let kop_id = format!("{id}-kop");
                let vak_kop = kop_id.clone();
                view! {
                    <h4 id=kop_id.clone()>{format!("{kop} ({})", lijst.len())}</h4>
                    {if lijst.is_empty() {
                        view! { <p id=id>{d.geen_items}</p> }.into_any()
                    } else {
                        view! {
                            <div class="tabel-houder" role="region" tabindex="0" aria-labelledby=vak_kop>
                                <table id=id aria-labelledby=kop_id>
                                    <thead><tr><th scope="col">{d.kol_onderdeel}</th><th scope="col">{d.kol_soort}</th><th scope="col">{d.kol_door}</th></tr></thead>
                                    <tbody>
                                        {lijst.iter().take(MAX_RIJEN).map(|n| view! {
                                            <tr data-item=n.item.to_string()><td>{n.label.clone()}</td><td>{soortnaam(n.soort)}</td><td>{n.door.clone()}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            {meer(lijst.len())}
                        }.into_any()
                    }}
                }
            };
            Some(view! {
                {items("alleen-hier", d.alleen_hier, &v.alleen_lokaal)}
                {items("alleen-bestand", d.alleen_bestand, &v.alleen_inkomend)}
                <h4 id="verschillen-kop">{format!("{} ({})", d.verschillen, v.verschillen.len())}</h4>
                {if v.verschillen.is_empty() {
                    view! { <p id="verschillen">{d.geen_verschillen}</p> }.into_any()
                } else {
                    view! {
                        <div class="tabel-houder" role="region" tabindex="0" aria-labelledby="verschillen-kop">
                            <table id="verschillen" aria-labelledby="verschillen-kop">
                                <thead><tr>
                                    <th scope="col">{d.kol_onderdeel}</th><th scope="col">{d.kol_veld}</th>
                                    <th scope="col">{d.kol_hier}</th><th scope="col">{d.kol_bestand}</th>
                                </tr></thead>
                                <tbody>
                                    {v.verschillen.iter().take(MAX_RIJEN).map(|(item, label, veld, hier, daar)| view! {
                                        <tr data-item=item.to_string() data-veld=veld.clone()>
                                            <th scope="row">{label.clone()}</th>
                                            <td>{veldnaam(veld)}</td>
                                            <td>{waarde_weergave(lokaal, veld, hier.as_ref())}</td>
                                            <td>{waarde_weergave(&g.history, veld, daar.as_ref())}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        {meer(v.verschillen.len())}
                    }.into_any()
                }}
            })
        })
    };
    view! {
        <section class="vergelijking" id="vergelijking" aria-labelledby="vergelijking-kop">
            <h3 id="vergelijking-kop" tabindex="-1">{d.vergelijking_kop}</h3>
            <p role="status">{d.vergelijking_niets_veranderd}</p>
            {inhoud}
            <p><button class="knop knop-secundair" type="button" on:click=move |_| {
                open.set(false);
                focus("import-vergelijken");
            }>{d.vergelijking_sluiten}</button></p>
        </section>
    }
}
