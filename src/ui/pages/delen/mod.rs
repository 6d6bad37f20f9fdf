//! The sharing page (`#/delen`): export the workspace for other parties or as a backup, and import
//! a file that came by email — read with progress, checked whole, shown as a preview (new items,
//! changed fields, conflicts, each with party and author) before anything changes, applied with
//! one click and undone with one click. Conflicts are resolved right after applying. A file can
//! also be compared with the local copy without merging.
//!
//! The page keeps its import step outside the component ([`Sessie`]), because opening the
//! file's workspace rebuilds the page; leaving the page forgets the step and the undo.

mod lezen;
mod toegepast;
mod voorbeeld;

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::ui::components::uitleg::Inleiding;
use crate::domain::change::{Actor, Tijd};
use crate::domain::format::{self, ExportSoort};
use crate::domain::history::History;
use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::domain::validate;
use crate::storage::nu;
use crate::ui::components::meldingen::MeldingHier;
use crate::ui::state::{use_app, AppState};
use crate::ui::teksten::{t, vul};

use lezen::{focus, lees_tekst, pauze, pauze_voor_scherm, LeesFout};

/// A step of reading a file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Stap {
    Lezen,
    Controleren,
    Vergelijken,
}

/// Where the import stands.
#[derive(Clone, Debug, Default)]
pub(super) enum Fase {
    #[default]
    Leeg,
    /// Reading or checking; `deel` is the part done (0.0–1.0).
    Bezig { stap: Stap, deel: f64 },
    /// The file cannot be used. `nl`: the message is the Dutch message of the check.
    Fout { bericht: String, plaats: Option<String>, nl: bool },
    /// A valid file, not applied yet.
    Gelezen(Arc<Gelezen>),
    /// Applied: conflicts to resolve, undo.
    Toegepast(Arc<Toegepast>),
}

impl PartialEq for Fase {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Fase::Leeg, Fase::Leeg) => true,
            (Fase::Bezig { stap: a, deel: x }, Fase::Bezig { stap: b, deel: y }) => a == b && x == y,
            (Fase::Fout { bericht: a, plaats: p, nl: n }, Fase::Fout { bericht: b, plaats: q, nl: m }) => a == b && p == q && n == m,
            (Fase::Gelezen(a), Fase::Gelezen(b)) => Arc::ptr_eq(a, b),
            (Fase::Toegepast(a), Fase::Toegepast(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A file that passed the check.
#[derive(Debug)]
pub(super) struct Gelezen {
    pub naam: String,
    pub werkruimte: Uuid,
    pub titel: String,
    pub soort: ExportSoort,
    pub door: Actor,
    pub op: Tijd,
    pub aantal: usize,
    pub history: History,
    /// The ids of the file's changes in the order of the file, to name the place of a change.
    pub volgorde: Vec<Uuid>,
    /// The file's workspace was opened for it (it was not the active one).
    pub geopend: bool,
}

/// What an applied import left to do.
#[derive(Debug)]
pub(super) struct Toegepast {
    pub werkruimte: Uuid,
    pub aantal: usize,
    pub conflicten: Vec<ConflictPlek>,
}

/// A field that the import put in conflict.
#[derive(Clone, Debug)]
pub(super) struct ConflictPlek {
    pub item: Uuid,
    pub soort: ItemSoort,
    pub veld: String,
    pub label: String,
    /// The competing changes that came with the file (the others were here already).
    pub uit_bestand: Vec<Uuid>,
}

thread_local! {
    static SESSIE: RefCell<Fase> = const { RefCell::new(Fase::Leeg) };
}

/// The import step of this page, kept while the page is rebuilt (language or workspace switch).
#[derive(Clone, Copy)]
pub(super) struct Sessie {
    pub fase: RwSignal<Fase>,
}

impl Sessie {
    fn new() -> Self {
        Sessie { fase: RwSignal::new(SESSIE.with(|s| s.borrow().clone())) }
    }

    /// Moves to another step (also when this page was rebuilt meanwhile).
    pub fn zet(&self, f: Fase) {
        SESSIE.with(|s| *s.borrow_mut() = f.clone());
        let _ = self.fase.try_set(f);
    }
}

fn use_sessie() -> Sessie {
    expect_context::<Sessie>()
}

#[component]
pub fn Delen() -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    crate::ui::zet_titel(d.titel);
    let sessie = Sessie::new();
    provide_context(sessie);
    // A file dropped next to the drop zone must not replace the app in the window.
    let over = window_event_listener(leptos::ev::dragover, weiger_slepen);
    let los = window_event_listener(leptos::ev::drop, weiger_slepen);
    on_cleanup(move || {
        over.remove();
        los.remove();
        // Rebuilt in place (language, workspace) keeps the step; leaving the page ends it.
        if !crate::ui::router::current_path().starts_with("/delen") {
            SESSIE.with(|s| *s.borrow_mut() = Fase::Leeg);
            app.laatste_import.set(None);
        }
    });
    view! {
        <h1>{d.titel}</h1>
        <Inleiding tekst=d.intro/>
        <Exporteren/>
        <Importeren/>
    }
}

fn weiger_slepen(ev: leptos::ev::DragEvent) {
    if !ev.default_prevented() {
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("none");
        }
    }
}

/// Export for other parties, and backup.
#[component]
fn Exporteren() -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let info = Memo::new(move |_| {
        app.history.with(|h| {
            h.as_ref().map(|h| {
                let prive = h.changes().into_iter().filter(|c| c.prive).count();
                (Werkruimte::new(h).info().titel, prive)
            })
        })
    });
    let partij = Memo::new(move |_| app.instellingen.with(|i| i.partij.clone()));
    // The message says where the file went; for a reservekopie, in one line, that it is not
    // for others. It shows by the buttons.
    let exporteer = move |soort: ExportSoort| app.exporteer(soort);
    let naam = move |soort| info.get().map(|(titel, _)| vul(d.bestandsnaam, &[&format::bestandsnaam(&titel, &partij.get(), nu(), soort)]));
    view! {
        <section aria-labelledby="export-kop" class="delen-export">
            <h2 id="export-kop">{d.export_kop}</h2>
            {move || match info.get() {
                None => view! {
                    <p id="export-geen">{d.export_geen_werkruimte}" "<a href="#/werkruimtes">{d.werkruimtes_link}</a></p>
                }.into_any(),
                Some((_, prive)) => view! {
                    {partij.get().is_empty().then(|| view! {
                        <div class="melding" id="wie-onbekend">
                            <p>{d.wie_onbekend}" "<a href="#/instellingen">{d.instellingen_link}</a></p>
                        </div>
                    })}
                    <div class="delen-keuzes">
                        <div class="kaart">
                            <h3>{d.uitwisseling_kop}</h3>
                            <p>{d.uitwisseling_uitleg}</p>
                            {(prive > 0).then(|| view! { <p id="export-prive">{vul(d.uitwisseling_prive, &[&prive.to_string()])}</p> })}
                            <p class="klein" id="export-naam">{move || naam(ExportSoort::Uitwisseling)}</p>
                            <button class="knop" type="button" id="export-uitwisseling"
                                on:click=move |_| exporteer(ExportSoort::Uitwisseling)>{d.uitwisseling_knop}</button>
                        </div>
                        <div class="kaart">
                            <h3>{d.reservekopie_kop}</h3>
                            <p>{d.reservekopie_uitleg}</p>
                            <p class="klein" id="export-naam-reservekopie">{move || naam(ExportSoort::Reservekopie)}</p>
                            <button class="knop knop-secundair" type="button" id="export-reservekopie"
                                on:click=move |_| exporteer(ExportSoort::Reservekopie)>{d.reservekopie_knop}</button>
                        </div>
                    </div>
                    <MeldingHier/>
                }.into_any(),
            }}
        </section>
    }
}

/// Choosing or dropping a file, progress, errors, and the steps after reading.
#[component]
fn Importeren() -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let sessie = use_sessie();
    // dragenter/dragleave also fire for the zone's children: count them.
    let boven = RwSignal::new(0i32);
    let bezig = Memo::new(move |_| matches!(sessie.fase.get(), Fase::Bezig { .. }));
    // The step without its progress, so the content below is not rebuilt on every slice.
    let weergave = Memo::new(move |_| match sessie.fase.get() {
        Fase::Bezig { stap, .. } => Fase::Bezig { stap, deel: 0.0 },
        f => f,
    });
    let kies = move |ev: leptos::ev::Event| {
        let invoer: web_sys::HtmlInputElement = event_target(&ev);
        let bestand = invoer.files().and_then(|l| l.get(0));
        // Cleared, so choosing the same file again reads it again.
        invoer.set_value("");
        if let Some(b) = bestand {
            start(app, sessie, b);
        }
    };
    let laat_vallen = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        boven.set(0);
        if bezig.get_untracked() {
            return;
        }
        if let Some(b) = ev.data_transfer().and_then(|dt| dt.files()).and_then(|l| l.get(0)) {
            start(app, sessie, b);
        }
    };
    let sleep_boven = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect(if bezig.get_untracked() { "none" } else { "copy" });
        }
    };
    let sleept = Memo::new(move |_| boven.get() > 0);
    let sleep_in = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        boven.update(|n| *n += 1);
    };
    view! {
        <section aria-labelledby="import-kop" class="delen-import">
            <h2 id="import-kop">{d.import_kop}</h2>
            <p>{d.import_uitleg}</p>
            <ol class="stappen">
                <li>{d.stap_1}</li>
                <li>{d.stap_2}</li>
                <li>{d.stap_3}</li>
            </ol>
            <div id="importzone" class="importzone" class:importzone-boven=sleept
                on:dragenter=sleep_in
                on:dragleave=move |_| boven.update(|n| *n = (*n - 1).max(0))
                on:dragover=sleep_boven
                on:drop=laat_vallen>
                <label for="import-bestand">{d.bestand_kiezen}</label>
                <input type="file" id="import-bestand" accept=".json,application/json"
                    aria-describedby="importzone-uitleg" disabled=move || bezig.get() on:change=kies/>
                <p id="importzone-uitleg" class="importzone-uitleg">
                    <span class="importzone-icoon" aria-hidden="true">"⇩ "</span>
                    {move || if sleept.get() { d.sleep_los } else { d.sleep_hier }}
                </p>
                <p class="klein">{d.toetsenbord}</p>
            </div>
            <div aria-live="polite" class="visueel-verborgen" id="import-status">
                {move || match sessie.fase.get() {
                    Fase::Bezig { stap, .. } => stap_tekst(stap),
                    _ => "",
                }}
            </div>
            <Voortgang/>
            {move || match weergave.get() {
                Fase::Leeg | Fase::Bezig { .. } => ().into_any(),
                Fase::Fout { bericht, plaats, nl } => view! { <FoutMelding bericht=bericht plaats=plaats nl=nl/> }.into_any(),
                Fase::Gelezen(g) => view! { <voorbeeld::GelezenBestand g=g/> }.into_any(),
                Fase::Toegepast(r) => view! { <toegepast::NaImport r=r/> }.into_any(),
            }}
        </section>
    }
}

fn stap_tekst(stap: Stap) -> &'static str {
    let d = t().delen;
    match stap {
        Stap::Lezen => d.bezig_lezen,
        Stap::Controleren => d.bezig_controleren,
        Stap::Vergelijken => d.bezig_vergelijken,
    }
}

/// The progress bar while a file is read and checked.
#[component]
fn Voortgang() -> impl IntoView {
    let d = t().delen;
    let sessie = use_sessie();
    let stand = Memo::new(move |_| match sessie.fase.get() {
        Fase::Bezig { stap, deel } => {
            // Reading is the first 80 %, checking and comparing the rest.
            let p = match stap {
                Stap::Lezen => deel * 80.0,
                Stap::Controleren => 85.0,
                Stap::Vergelijken => 95.0,
            };
            Some((stap, p.round() as u32))
        }
        _ => None,
    });
    move || {
        stand.get().map(|(stap, p)| {
            view! {
                <div class="import-bezig" id="import-bezig">
                    <label for="import-voortgang">{stap_tekst(stap)}</label>
                    <progress id="import-voortgang" max="100" prop:value=p>{vul(d.procent, &[&p.to_string()])}</progress>
                    <span class="klein" aria-hidden="true">{format!(" {p} %")}</span>
                </div>
            }
        })
    }
}

/// A file that cannot be imported: what is wrong and where; nothing changed.
#[component]
fn FoutMelding(bericht: String, plaats: Option<String>, nl: bool) -> impl IntoView {
    let d = t().delen;
    view! {
        <div class="melding melding-fout import-fout" role="alert" id="import-fout" tabindex="-1">
            <h3>{d.fout_kop}</h3>
            <p id="import-fout-bericht" lang=nl.then_some("nl")>{bericht}</p>
            {plaats.map(|p| view! { <p id="import-fout-plaats">{vul(d.fout_plaats, &[""])}<code lang="nl">{p}</code></p> })}
            <p>{d.fout_niets_veranderd}</p>
        </div>
    }
}

/// Reads and checks a file; the result becomes the next step.
/// How many changes of a file are read between two pauses.
const STAP: usize = 3_000;

fn start(app: AppState, sessie: Sessie, bestand: web_sys::File) {
    let d = t().delen;
    let naam = bestand.name();
    // A spreadsheet is a table of agreements, not a file of changes: its own page reads it.
    if crate::domain::tabel::is_tekstbestand(&naam) || crate::domain::tabel::is_werkboek(&naam) {
        return crate::ui::pages::tabel::open_met_bestand(bestand);
    }
    spawn_local(async move {
        let fout = |bericht: String, plaats: Option<String>, nl: bool| async move {
            sessie.zet(Fase::Fout { bericht, plaats, nl });
            pauze().await;
            focus("import-fout");
        };
        let mb = |n: f64| format!("{:.0}", (n / (1024.0 * 1024.0)).ceil());
        if bestand.size() > validate::MAX_BESTAND as f64 {
            let bericht = vul(d.fout_te_groot, &[&mb(bestand.size()), &mb(validate::MAX_BESTAND as f64)]);
            return fout(bericht, None, false).await;
        }
        sessie.zet(Fase::Bezig { stap: Stap::Lezen, deel: 0.0 });
        pauze_voor_scherm().await;
        let tekst = match lees_tekst(&bestand, |deel| sessie.zet(Fase::Bezig { stap: Stap::Lezen, deel })).await {
            Ok(t) => t,
            Err(LeesFout::Lezen) => return fout(d.fout_lezen.to_string(), None, false).await,
            Err(LeesFout::GeenTekst) => return fout(d.fout_geen_tekst.to_string(), None, false).await,
        };
        crate::storage::markeer("am-import-gelezen");
        sessie.zet(Fase::Bezig { stap: Stap::Controleren, deel: 0.0 });
        pauze_voor_scherm().await;
        // In steps with a pause between them, so the page stays responsive with a large file.
        let uitkomst = match validate::Lezer::begin(&tekst) {
            Err(e) => Err(e),
            Ok(mut lezer) => loop {
                match lezer.stap(STAP) {
                    Ok(false) => {
                        let deel = lezer.deel();
                        sessie.zet(Fase::Bezig { stap: Stap::Controleren, deel });
                        pauze().await;
                    }
                    Ok(true) => {
                        pauze().await;
                        break lezer.einde();
                    }
                    Err(e) => break Err(e),
                }
            },
        };
        crate::storage::markeer("am-import-gecontroleerd");
        drop(tekst);
        let (b, history) = match uitkomst {
            Ok(x) => x,
            Err(e) => return fout(e.bericht, e.plaats, true).await,
        };
        let wr = b.werkruimte;
        let bekend = app.werkruimtes.with_untracked(|l| l.iter().any(|m| m.id == wr && m.verwijderd_op.is_none()));
        let actief = app.history.with_untracked(|h| h.as_ref().map(History::werkruimte)) == Some(wr);
        let geopend = bekend && !actief;
        sessie.zet(Fase::Bezig { stap: Stap::Vergelijken, deel: 0.0 });
        pauze_voor_scherm().await;
        let g = Gelezen {
            naam,
            werkruimte: wr,
            titel: b.titel,
            soort: b.soort,
            door: b.geexporteerd_door,
            op: b.geexporteerd_op,
            aantal: b.wijzigingen.len(),
            volgorde: b.wijzigingen.iter().map(|c| c.id).collect(),
            history,
            geopend,
        };
        sessie.zet(Fase::Gelezen(Arc::new(g)));
        if geopend {
            // Opening another workspace rebuilds the page; the step stays in the session.
            app.laad_werkruimte(wr).await;
            pauze().await;
        }
        pauze().await;
        focus("import-resultaat");
    });
}
