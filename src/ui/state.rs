//! Shared UI state (provided as context) and the actions that change it.
//!
//! Every edit goes the same way: a change is made on the active [`History`] (so the screen
//! updates at once), appended to storage, and announced to other tabs. The header shows
//! "opgeslagen" only after storage has committed; if storage fails, the change stays in memory
//! in a queue that is retried with the next edit, the user is told, and can export.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use uuid::Uuid;

use crate::domain::change::{Actor, Change};
use crate::domain::examples::Voorbeeld;
use crate::domain::format::{self, ExportSoort};
use crate::domain::history::History;
use crate::domain::kopie::kopie_als;
use crate::domain::model::{Jaarafspraak, Kaderafspraak, Werkruimte};
use crate::domain::schema::{ItemSoort, VERWIJDERD};
use crate::storage::instellingen::{self, Instellingen};
use crate::storage::tabs::{TabBericht, Tabs};
use crate::storage::{self, nu, Opslag, OpslagSoort, WerkruimteMeta};

/// How long a deleted workspace can be restored (ms): 30 days.
const HERSTEL_TERMIJN: i64 = 30 * 24 * 3_600_000;
/// Marks that this browser (for this file) has started before, so an emptied list is respected.
const GESTART_SLEUTEL: &str = "afsprakenmonitor.gestart";
/// The user acted on the notice that the data may be with the file at its old place.
const VERPLAATST_GEZIEN: &str = "afsprakenmonitor.verplaatst-gezien";

#[derive(Clone, Debug, PartialEq)]
pub enum OpslaanStatus {
    Opgeslagen,
    Bezig,
    Mislukt(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeldingSoort {
    Info,
    Succes,
    Fout,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Melding {
    pub soort: MeldingSoort,
    pub tekst: String,
    /// The id of the message place ([`crate::ui::components::meldingen::MeldingHier`]) next to
    /// the action that caused it; `None`: at the top of the page.
    pub bij: Option<String>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    opslag: StoredValue<Option<Opslag>, LocalStorage>,
    tabs: StoredValue<Option<Tabs>, LocalStorage>,
    /// Changes applied on screen but not yet stored (a failed write); retried with the next one.
    wachtrij: StoredValue<Vec<Change>>,
    /// Writes under way: "opgeslagen" shows only when none is left.
    lopend: StoredValue<u32>,
    pub opslag_soort: RwSignal<Option<OpslagSoort>>,
    pub werkruimtes: RwSignal<Vec<WerkruimteMeta>>,
    /// The active workspace with its whole history.
    pub history: RwSignal<Option<History>>,
    pub instellingen: RwSignal<Instellingen>,
    pub opslaan: RwSignal<OpslaanStatus>,
    pub melding: RwSignal<Option<Melding>>,
    pub geladen: RwSignal<bool>,
    /// The changes the last import added (workspace, ids), for one-click undo.
    pub laatste_import: RwSignal<Option<(Uuid, Vec<Uuid>)>>,
    /// The last new year prepared in this session, for one-click undo.
    pub laatste_jaarstap: RwSignal<Option<Jaarstap>>,
    /// Asking who the user is ([`crate::ui::components::wie::WieDialoog`]): an edit waits for it.
    pub vraag_wie: RwSignal<bool>,
    /// The edits waiting until the user said who they are.
    wachtend: StoredValue<Vec<Box<dyn FnOnce()>>, LocalStorage>,
    /// This start made the example: the welcome shows until the user chooses.
    pub eerste_start: RwSignal<bool>,
    /// Firefox keeps a store per exact file path: this copy holds only the untouched example and
    /// no settings, as a moved or renamed file does. Set at start; ends when the user acts.
    pub mogelijk_verplaatst: RwSignal<bool>,
    /// The folded search text per agreement, kept while it does not change.
    pub zoekcache: StoredValue<crate::domain::report::Zoekcache>,
    /// Every jaarafspraak and kaderafspraak of the active workspace, read once per change of the
    /// data and shared by the screens that list them.
    pub afspraken: Memo<Gedeeld<(Vec<Jaarafspraak>, Vec<Kaderafspraak>)>>,
}

/// A new year prepared by applying a plan ([`crate::domain::jaarcyclus`]): the changes it made.
#[derive(Clone, Debug, PartialEq)]
pub struct Jaarstap {
    pub werkruimte: Uuid,
    pub jaar: i64,
    /// The jaarafspraken it made (or brought back).
    pub items: Vec<Uuid>,
}

/// A value shared by memos: equal only to itself, so comparing never walks a long list.
#[derive(Clone, Default)]
pub struct Gedeeld<T>(pub std::sync::Arc<T>);

impl<T> PartialEq for Gedeeld<T> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn new() -> Self {
        let history: RwSignal<Option<History>> = RwSignal::new(None);
        let afspraken = Memo::new(move |_| {
            history.with(|h| {
                let lijsten = h
                    .as_ref()
                    .map(|h| (Werkruimte::new(h).jaarafspraken(), Werkruimte::new(h).kaderafspraken()))
                    .unwrap_or_default();
                Gedeeld(std::sync::Arc::new(lijsten))
            })
        });
        AppState {
            opslag: StoredValue::new_local(None),
            tabs: StoredValue::new_local(None),
            wachtrij: StoredValue::new(Vec::new()),
            lopend: StoredValue::new(0),
            opslag_soort: RwSignal::new(None),
            werkruimtes: RwSignal::new(Vec::new()),
            history,
            instellingen: RwSignal::new(instellingen::laad()),
            opslaan: RwSignal::new(OpslaanStatus::Opgeslagen),
            melding: RwSignal::new(None),
            geladen: RwSignal::new(false),
            laatste_import: RwSignal::new(None),
            laatste_jaarstap: RwSignal::new(None),
            vraag_wie: RwSignal::new(false),
            wachtend: StoredValue::new_local(Vec::new()),
            eerste_start: RwSignal::new(false),
            mogelijk_verplaatst: RwSignal::new(false),
            zoekcache: StoredValue::new(Default::default()),
            afspraken,
        }
    }

    fn opslag(&self) -> Option<Opslag> {
        self.opslag.get_value()
    }

    /// Opens storage, loads the workspaces, and on a first start adds the Heemstede example.
    pub fn start(self) {
        spawn_local(async move {
            let opslag = Opslag::open().await;
            storage::markeer("am-opslag-open");
            self.opslag_soort.set(Some(opslag.soort()));
            self.opslag.set_value(Some(opslag.clone()));
            let tabs = Tabs::open(move |b| self.ontvang(b));
            self.tabs.set_value(tabs);
            let mut lijst = match opslag.werkruimtes().await {
                Ok(l) => l,
                Err(e) => {
                    self.fout(e.bericht);
                    Vec::new()
                }
            };
            // Deleted workspaces past the restore period go for good.
            let grens = nu() - HERSTEL_TERMIJN;
            for m in lijst.iter().filter(|m| m.verwijderd_op.is_some_and(|t| t < grens)) {
                let _ = opslag.verwijder_werkruimte(m.id).await;
            }
            lijst.retain(|m| m.verwijderd_op.is_none_or(|t| t >= grens));
            self.werkruimtes.set(lijst.clone());
            let eerder_gestart = lees_local(GESTART_SLEUTEL).is_some();
            if lijst.is_empty() && !eerder_gestart {
                // The example is shown at once and stored right after (it is not the user's
                // work; edits made meanwhile are stored after it, in order).
                let h = Voorbeeld::Heemstede.bouw(Uuid::new_v4());
                let id = h.werkruimte();
                self.eerste_start.set(true);
                self.toon(h.clone());
                self.geladen.set(true);
                self.begin_schrijven();
                let bewaard = self.voeg_werkruimte_toe(&h).await.is_some();
                // On failure the message is already shown; the header says so too.
                let fout = (!bewaard).then(|| self.melding.get_untracked().map(|m| m.tekst).unwrap_or_default());
                self.einde_schrijven(fout);
                if bewaard {
                    self.plan_opname(id);
                }
            } else {
                let gewenst = self.instellingen.get_untracked().actieve_werkruimte;
                let actief = lijst
                    .iter()
                    .filter(|m| m.verwijderd_op.is_none())
                    .find(|m| Some(m.id) == gewenst)
                    .or_else(|| lijst.iter().find(|m| m.verwijderd_op.is_none()))
                    .map(|m| m.id);
                if let Some(id) = actief {
                    self.laad_werkruimte(id).await;
                }
            }
            schrijf_local(GESTART_SLEUTEL, "1");
            if self.lijkt_verplaatst() {
                self.mogelijk_verplaatst.set(true);
            }
            // Setting a signal redraws what reads it, even with the same value: only once.
            if !self.geladen.get_untracked() {
                self.geladen.set(true);
            }
        });
    }

    /// In Firefox, with no party set and nothing but the untouched example: the data may be with
    /// the file at its old place (Firefox keeps a store per exact file path). Until the user acts
    /// ([`AppState::verplaatst_afgehandeld`]).
    fn lijkt_verplaatst(&self) -> bool {
        let firefox = web_sys::window().and_then(|w| w.navigator().user_agent().ok()).is_some_and(|u| u.contains("Firefox/"));
        firefox
            && self.wie_onbekend()
            && lees_local(VERPLAATST_GEZIEN).is_none()
            && self.werkruimtes.with_untracked(|l| l.iter().filter(|m| m.verwijderd_op.is_none()).count() == 1)
            && self.history.with_untracked(|h| h.as_ref().is_some_and(crate::domain::examples::onaangeroerd_voorbeeld))
    }

    /// The user acted on the notice about a moved file (began here, or read their backup): it
    /// does not come back.
    pub fn verplaatst_afgehandeld(&self) {
        schrijf_local(VERPLAATST_GEZIEN, "1");
        self.mogelijk_verplaatst.set(false);
    }

    /// Whether the active workspace is the only one and nothing but an untouched example: a
    /// backup read now takes its place.
    pub fn alleen_onaangeroerd_voorbeeld(&self) -> Option<Uuid> {
        let id = self.history.with_untracked(|h| h.as_ref().filter(|h| crate::domain::examples::onaangeroerd_voorbeeld(h)).map(History::werkruimte))?;
        self.werkruimtes
            .with_untracked(|l| l.iter().filter(|m| m.verwijderd_op.is_none()).map(|m| m.id).collect::<Vec<_>>() == vec![id])
            .then_some(id)
    }

    /// The user's own backup where only the untouched example was: the backup's workspace is
    /// added and opened, the example goes, and who the user is comes from the backup when it is
    /// not set here.
    pub async fn vervang_voorbeeld(self, h: History, voorbeeld: Uuid, door: Actor) -> Option<Uuid> {
        let id = self.voeg_werkruimte_toe(&h).await?;
        if let Some(opslag) = self.opslag() {
            if let Err(e) = opslag.verwijder_werkruimte(voorbeeld).await {
                self.fout(e.bericht);
            }
        }
        self.werkruimtes.update(|l| l.retain(|m| m.id != voorbeeld));
        if self.wie_onbekend() && !door.partij.trim().is_empty() {
            let mut i = self.instellingen.get_untracked();
            i.partij = door.partij;
            i.naam = door.auteur;
            self.bewaar_instellingen(i);
        }
        self.verplaatst_afgehandeld();
        self.laad_werkruimte(id).await;
        self.stuur(TabBericht::Werkruimtes);
        Some(id)
    }

    /// Loads a workspace's changes and makes it the active one.
    /// Another stored workspace, read without opening it (for a document that includes it).
    /// `Err`: the storage's message for the user (empty before storage is open).
    pub async fn lees_andere(self, id: Uuid) -> Result<History, String> {
        let opslag = self.opslag().ok_or_else(String::new)?;
        let changes = opslag.wijzigingen(id).await.map_err(|e| e.bericht)?;
        let mut h = History::new(id);
        for c in changes {
            // A change that does not fit is left out, as when opening the workspace.
            let _ = h.insert(c);
        }
        Ok(h)
    }

    pub async fn laad_werkruimte(self, id: Uuid) {
        let Some(opslag) = self.opslag() else { return };
        match opslag.laad(id).await {
            Ok(storage::Geladen { changes, nieuwe_opname }) => {
                storage::markeer("am-gelezen");
                if let Some(opname) = nieuwe_opname {
                    // The next start reads one record: written once the data is on screen.
                    let opslag = opslag.clone();
                    spawn_local(async move {
                        crate::ui::na_tekenen().await;
                        let _ = opslag.bewaar_opname(opname).await;
                    });
                }
                let mut h = History::new(id);
                let mut kapot = 0;
                for c in changes {
                    if h.insert(c).is_err() {
                        kapot += 1;
                    }
                }
                if kapot > 0 {
                    self.fout(crate::ui::teksten::vul(crate::ui::teksten::t().algemeen.wijzigingen_overgeslagen, &[&kapot.to_string()]));
                }
                // Data stored by an older version is brought up to date (the same changes as an
                // import of its file would add) and those changes are stored.
                let bijgewerkt = crate::domain::bijwerken::werk_bij(&mut h);
                storage::markeer("am-history");
                self.toon(h);
                if !bijgewerkt.is_empty() {
                    self.bewaar(bijgewerkt, false);
                }
            }
            Err(e) => self.fout(e.bericht),
        }
    }

    /// Makes a workspace the active one on screen.
    fn toon(self, h: History) {
        let id = h.werkruimte();
        self.zoekcache.set_value(Default::default());
        self.history.set(Some(h));
        self.bereid_zoeken(id);
        self.instellingen.update(|i| i.actieve_werkruimte = Some(id));
        instellingen::bewaar(&self.instellingen.get_untracked());
    }

    /// Prepares the search texts of every agreement in small steps once the screen is drawn, so
    /// the first typed character in a search is as quick as the next.
    fn bereid_zoeken(self, werkruimte: Uuid) {
        spawn_local(async move {
            crate::ui::wacht(200).await;
            let alle = self.afspraken.get_untracked();
            let (jaar, kader) = &*alle.0;
            for deel in jaar.chunks(150) {
                let door = self.history.with_untracked(|h| {
                    let Some(h) = h.as_ref().filter(|h| h.werkruimte() == werkruimte) else { return false };
                    self.zoekcache.update_value(|c| deel.iter().for_each(|j| c.bereid_jaar(h, j)));
                    true
                });
                if !door {
                    return;
                }
                crate::ui::wacht(0).await;
            }
            self.history.with_untracked(|h| {
                if let Some(h) = h.as_ref().filter(|h| h.werkruimte() == werkruimte) {
                    self.zoekcache.update_value(|c| kader.iter().for_each(|k| c.bereid_kader(h, k)));
                }
            });
        });
    }

    pub fn kies_werkruimte(self, id: Uuid) {
        spawn_local(async move { self.laad_werkruimte(id).await });
    }

    pub fn actor(&self) -> Actor {
        let i = self.instellingen.get_untracked();
        Actor::new(i.partij, i.naam)
    }

    /// An error, shown next to the action when it has a message place, else at the top.
    pub fn fout(&self, tekst: impl Into<String>) {
        self.info(MeldingSoort::Fout, tekst);
    }

    /// A message, shown next to the action that caused it (the message place of the form or
    /// section that has the focus), else at the top of the page.
    pub fn info(&self, soort: MeldingSoort, tekst: impl Into<String>) {
        let bij = crate::ui::components::meldingen::plek_bij_focus();
        self.melding.set(Some(Melding { soort, tekst: tekst.into(), bij }));
    }

    /// A page opened: its messages go, errors stay until they are closed.
    pub fn nieuwe_pagina(&self) {
        // The welcome of the first start goes once the user moves on.
        if self.eerste_start.get_untracked() {
            self.eerste_start.set(false);
        }
        if self.melding.with_untracked(|m| m.as_ref().is_some_and(|m| m.soort != MeldingSoort::Fout)) {
            self.melding.set(None);
        }
    }

    /// Sets fields on the active workspace: each `(item, kind, field, value)` becomes a change.
    /// Returns the changes (already on screen; stored in the background).
    pub fn bewerk(&self, velden: Vec<(Uuid, ItemSoort, &str, Value)>) -> Vec<Change> {
        self.bewerk_met(velden, false)
    }

    /// As [`AppState::bewerk`], for items marked "alleen voor ons": never exported to others.
    pub fn bewerk_prive(&self, velden: Vec<(Uuid, ItemSoort, &str, Value)>) -> Vec<Change> {
        self.bewerk_met(velden, true)
    }

    /// Whether no party is set yet: an edit then asks who the user is first.
    pub fn wie_onbekend(&self) -> bool {
        self.instellingen.with_untracked(|i| i.partij.trim().is_empty())
    }

    /// Runs `f` now when the user has said who they are; else asks first and runs it after the
    /// answer (or not at all, when the user cancels).
    pub fn na_wie(&self, f: impl FnOnce() + 'static) {
        if self.wie_onbekend() {
            self.wachtend.update_value(|w| w.push(Box::new(f)));
            self.vraag_wie.set(true);
        } else {
            f();
        }
    }

    /// The user said who they are: the waiting edits are made.
    pub fn doe_wachtende(&self) {
        let wachtend = self.wachtend.try_update_value(std::mem::take).unwrap_or_default();
        for f in wachtend {
            f();
        }
    }

    /// The user cancelled: the waiting edits are not made.
    pub fn vergeet_wachtende(&self) {
        self.wachtend.set_value(Vec::new());
    }

    fn bewerk_met(&self, velden: Vec<(Uuid, ItemSoort, &str, Value)>, prive: bool) -> Vec<Change> {
        if self.wie_onbekend() {
            // No change without a party: ask first, then make it.
            let this = *self;
            let eigen: Vec<(Uuid, ItemSoort, String, Value)> = velden.into_iter().map(|(i, s, v, w)| (i, s, v.to_string(), w)).collect();
            self.na_wie(move || {
                this.bewerk_met(eigen.iter().map(|(i, s, v, w)| (*i, *s, v.as_str(), w.clone())).collect(), prive);
            });
            return Vec::new();
        }
        let actor = self.actor();
        let tijd = nu();
        let mut gemaakt = Vec::new();
        let mut geweigerd = None;
        self.history.update(|h| {
            let Some(h) = h else { return };
            // Nothing is written for a value already shown without conflict.
            (gemaakt, geweigerd) = crate::domain::formulier::schrijf(h, &actor, tijd, velden, prive);
        });
        if let Some(e) = geweigerd {
            // A form that makes a change the schema refuses is a fault of the app: log it too.
            web_sys::console::error_1(&format!("wijziging geweigerd: {e:?}").into());
            self.fout(crate::ui::teksten::vul(crate::ui::teksten::t().algemeen.wijziging_geweigerd, &[&e.to_string()]));
        }
        if !gemaakt.is_empty() {
            self.bewaar(gemaakt.clone(), true);
        }
        gemaakt
    }

    /// Deletes an item (undoable: [`AppState::herstel_item`]).
    pub fn verwijder_item(&self, item: Uuid, soort: ItemSoort) {
        self.bewerk(vec![(item, soort, VERWIJDERD, Value::Bool(true))]);
    }

    pub fn herstel_item(&self, item: Uuid, soort: ItemSoort) {
        self.bewerk(vec![(item, soort, VERWIJDERD, Value::Bool(false))]);
    }

    /// Stores changes of the active workspace (with whatever earlier writes failed), then tells
    /// other tabs. `telt` counts them as edits for the backup reminder.
    pub fn bewaar(&self, changes: Vec<Change>, telt: bool) {
        let this = *self;
        let Some(opslag) = self.opslag() else { return };
        let werkruimte = changes.first().map(|c| c.werkruimte);
        let aantal = changes.len() as u32;
        let mut alles = self.wachtrij.get_value();
        alles.extend(changes.iter().cloned());
        self.begin_schrijven();
        let groot = alles.len() > 200;
        spawn_local(async move {
            if groot {
                // Let the screen show the result first: writing many changes takes a while.
                crate::ui::wacht(0).await;
            }
            match opslag.voeg_toe(&alles).await {
                Ok(()) => {
                    this.wachtrij.update_value(|w| w.retain(|c| !alles.iter().any(|a| a.id == c.id)));
                    this.einde_schrijven(None);
                    if let Some(wr) = werkruimte {
                        if telt {
                            this.pas_meta_aan(wr, |m| m.bewerkingen_sinds_export += aantal).await;
                        }
                        if groot {
                            // Other tabs read many changes from storage rather than from a message.
                            this.stuur(TabBericht::Werkruimtes);
                        } else {
                            this.stuur(TabBericht::Wijzigingen { werkruimte: wr, wijzigingen: alles });
                        }
                    }
                }
                Err(e) => {
                    this.wachtrij.set_value(alles);
                    this.einde_schrijven(Some(e.bericht.clone()));
                    this.fout(e.bericht);
                }
            }
        });
    }

    /// A write starts: the header says "bezig".
    fn begin_schrijven(&self) {
        self.lopend.update_value(|n| *n += 1);
        self.opslaan.set(OpslaanStatus::Bezig);
    }

    /// A write ended (with the message of its failure): "opgeslagen" only when no other write is
    /// under way and nothing waits to be written again.
    fn einde_schrijven(&self, mislukt: Option<String>) {
        self.lopend.update_value(|n| *n = n.saturating_sub(1));
        match mislukt {
            Some(bericht) => self.opslaan.set(OpslaanStatus::Mislukt(bericht)),
            None if self.lopend.get_value() == 0 && self.wachtrij.with_value(Vec::is_empty) => {
                self.opslaan.set(OpslaanStatus::Opgeslagen)
            }
            None => {}
        }
    }

    pub fn heeft_onopgeslagen(&self) -> bool {
        !self.wachtrij.with_value(Vec::is_empty) || self.lopend.get_value() > 0
    }

    fn stuur(&self, b: TabBericht) {
        self.tabs.with_value(|t| {
            if let Some(t) = t {
                t.stuur(&b);
            }
        });
    }

    /// A message from another tab.
    fn ontvang(self, b: TabBericht) {
        match b {
            TabBericht::Wijzigingen { werkruimte, wijzigingen } => {
                self.history.update(|h| {
                    if let Some(h) = h.as_mut().filter(|h| h.werkruimte() == werkruimte) {
                        for c in wijzigingen {
                            let _ = h.insert(c);
                        }
                    }
                });
                spawn_local(async move { self.herlaad_lijst().await });
            }
            TabBericht::Werkruimtes => spawn_local(async move {
                self.herlaad_lijst().await;
                // The active workspace may have been deleted, or its undo import removed changes.
                if let Some(id) = self.history.with_untracked(|h| h.as_ref().map(History::werkruimte)) {
                    if self.werkruimtes.with_untracked(|l| l.iter().any(|m| m.id == id && m.verwijderd_op.is_none())) {
                        self.laad_werkruimte(id).await;
                    } else {
                        self.history.set(None);
                    }
                }
            }),
        }
    }

    pub async fn herlaad_lijst(self) {
        if let Some(opslag) = self.opslag() {
            if let Ok(l) = opslag.werkruimtes().await {
                self.werkruimtes.set(l);
            }
        }
    }

    async fn pas_meta_aan(self, id: Uuid, f: impl FnOnce(&mut WerkruimteMeta)) {
        let Some(opslag) = self.opslag() else { return };
        let Some(mut meta) = self.werkruimtes.with_untracked(|l| l.iter().find(|m| m.id == id).cloned()) else {
            return;
        };
        f(&mut meta);
        if let Err(e) = opslag.bewaar_werkruimte(&meta).await {
            self.fout(e.bericht);
            return;
        }
        self.werkruimtes.update(|l| {
            if let Some(m) = l.iter_mut().find(|m| m.id == id) {
                *m = meta;
            }
        });
    }

    /// Stores a whole new workspace (meta and all changes) and lists it.
    async fn voeg_werkruimte_toe(self, h: &History) -> Option<Uuid> {
        let opslag = self.opslag()?;
        let id = h.werkruimte();
        let meta = WerkruimteMeta {
            id,
            titel: Werkruimte::new(h).info().titel,
            aangemaakt: nu(),
            laatste_export: None,
            bewerkingen_sinds_export: 0,
            laatste_import: None,
            verwijderd_op: None,
        };
        let changes: Vec<Change> = h.changes().into_iter().cloned().collect();
        if let Err(e) = opslag.voeg_toe(&changes).await {
            self.fout(e.bericht);
            return None;
        }
        if let Err(e) = opslag.bewaar_werkruimte(&meta).await {
            self.fout(e.bericht);
            return None;
        }
        self.werkruimtes.update(|l| l.push(meta));
        self.stuur(TabBericht::Werkruimtes);
        Some(id)
    }

    pub async fn voeg_voorbeeld_toe(self, v: Voorbeeld) -> Option<Uuid> {
        let h = v.bouw(Uuid::new_v4());
        self.voeg_werkruimte_toe(&h).await
    }

    /// A new, empty workspace with a title; becomes the active one.
    pub fn nieuwe_werkruimte(self, titel: String) {
        self.na_wie(move || {
            spawn_local(async move {
                let id = Uuid::new_v4();
                let mut h = History::new(id);
                let _ = h.apply(&self.actor(), nu(), id, ItemSoort::Werkruimte, "titel", Value::String(titel));
                if let Some(id) = self.voeg_werkruimte_toe(&h).await {
                    self.laad_werkruimte(id).await;
                }
            })
        });
    }

    pub fn voorbeeld_toevoegen(self, v: Voorbeeld) {
        spawn_local(async move {
            if let Some(id) = self.voeg_voorbeeld_toe(v).await {
                self.laad_werkruimte(id).await;
            }
        });
    }

    /// Adds a workspace that came in as a file (not present locally).
    pub async fn voeg_geimporteerde_toe(self, h: History) -> Option<Uuid> {
        self.voeg_werkruimte_toe(&h).await
    }

    pub fn hernoem(self, id: Uuid, titel: String) {
        self.na_wie(move || self.hernoem_als_bekend(id, titel));
    }

    fn hernoem_als_bekend(self, id: Uuid, titel: String) {
        let actief = self.history.with_untracked(|h| h.as_ref().map(History::werkruimte)) == Some(id);
        spawn_local(async move {
            if actief {
                self.bewerk(vec![(id, ItemSoort::Werkruimte, "titel", Value::String(titel.clone()))]);
            } else if let Some(opslag) = self.opslag() {
                // Rename a workspace that is not open: add the change to its stored history.
                if let Ok(changes) = opslag.wijzigingen(id).await {
                    if let Some(h) = History::from_changes(id, changes).ok().filter(|h| h.value(id, "titel") != Some(&Value::String(titel.clone()))) {
                        let c = match h.make_change(&self.actor(), nu(), id, ItemSoort::Werkruimte, "titel", Value::String(titel.clone())) {
                            Ok(c) => c,
                            Err(e) => {
                                self.fout(crate::ui::teksten::vul(crate::ui::teksten::t().algemeen.wijziging_geweigerd, &[&e.to_string()]));
                                return;
                            }
                        };
                        if let Err(e) = opslag.voeg_toe(&[c]).await {
                            self.fout(e.bericht);
                            return;
                        }
                    }
                }
            }
            self.pas_meta_aan(id, |m| m.titel = titel).await;
            self.stuur(TabBericht::Werkruimtes);
        });
    }

    pub fn dupliceer(self, id: Uuid, achtervoegsel: &'static str) {
        self.na_wie(move || self.dupliceer_als_bekend(id, achtervoegsel));
    }

    fn dupliceer_als_bekend(self, id: Uuid, achtervoegsel: &'static str) {
        spawn_local(async move {
            let Some(opslag) = self.opslag() else { return };
            let Ok(changes) = opslag.wijzigingen(id).await else { return };
            let Ok(bron) = History::from_changes(id, changes) else { return };
            let nieuw = Uuid::new_v4();
            let mut kopie = kopie_als(&bron, nieuw);
            let titel = format!("{} {achtervoegsel}", Werkruimte::new(&kopie).info().titel);
            let _ = kopie.apply(&self.actor(), nu(), nieuw, ItemSoort::Werkruimte, "titel", Value::String(titel));
            self.voeg_werkruimte_toe(&kopie).await;
        });
    }

    /// Marks a workspace deleted; it can be restored for 30 days.
    pub fn verwijder_werkruimte(self, id: Uuid) {
        spawn_local(async move {
            self.pas_meta_aan(id, |m| m.verwijderd_op = Some(nu())).await;
            if self.history.with_untracked(|h| h.as_ref().map(History::werkruimte)) == Some(id) {
                self.history.set(None);
            }
            self.stuur(TabBericht::Werkruimtes);
        });
    }

    pub fn herstel_werkruimte(self, id: Uuid) {
        spawn_local(async move {
            self.pas_meta_aan(id, |m| m.verwijderd_op = None).await;
            self.stuur(TabBericht::Werkruimtes);
        });
    }

    /// Builds the export file of the active workspace and offers it as a download.
    /// Says where the file went, next to the button; for a reservekopie also, in one line, that
    /// it is not for others (and how many changes "alleen voor ons" it holds).
    pub fn exporteer(self, soort: ExportSoort) {
        let Some((naam, tekst, id, prive)) = self.history.with_untracked(|h| {
            h.as_ref().map(|h| {
                let actor = self.actor();
                let tijd = nu();
                let b = format::export(h, soort, &actor, tijd);
                let naam = format::bestandsnaam(&b.titel, &actor.partij, tijd, soort);
                let prive = if soort == ExportSoort::Reservekopie { b.wijzigingen.iter().filter(|c| c.prive).count() } else { 0 };
                (naam, format::to_json(&b), h.werkruimte(), prive)
            })
        }) else {
            return;
        };
        storage::download(&naam, &tekst, "application/json");
        let d = crate::ui::teksten::t().delen;
        let mut melding = crate::ui::teksten::vul(d.geexporteerd, &[&naam]);
        if soort == ExportSoort::Reservekopie {
            melding.push(' ');
            melding.push_str(&if prive > 0 { crate::ui::teksten::vul(d.reservekopie_met_prive, &[&prive.to_string()]) } else { d.reservekopie_niet_sturen.to_string() });
        }
        self.info(MeldingSoort::Succes, melding);
        spawn_local(async move {
            self.pas_meta_aan(id, |m| {
                m.laatste_export = Some(nu());
                m.bewerkingen_sinds_export = 0;
            })
            .await;
        });
    }

    pub fn bewaar_instellingen(&self, i: Instellingen) {
        if !instellingen::bewaar(&i) {
            self.fout(crate::ui::teksten::t().algemeen.instellingen_niet_bewaard);
        }
        self.instellingen.set(i);
    }

    /// Stores the changes an import added and remembers them for undo.
    pub fn na_import(&self, werkruimte: Uuid, nieuw: Vec<Change>) {
        let ids = nieuw.iter().map(|c| c.id).collect();
        self.laatste_import.set(Some((werkruimte, ids)));
        self.bewaar(nieuw, false);
        self.plan_opname(werkruimte);
        let this = *self;
        spawn_local(async move { this.pas_meta_aan(werkruimte, |m| m.laatste_import = Some(nu())).await });
    }

    /// After a large import: writes the workspace's quick-start copy (opname) from memory when
    /// the screen is idle, serialising in small steps so the page stays responsive.
    pub fn plan_opname(self, werkruimte: Uuid) {
        spawn_local(async move {
            crate::ui::na_tekenen().await;
            let Some(opslag) = self.opslag() else { return };
            // Only once everything is stored: the opname holds stored changes.
            while self.heeft_onopgeslagen() {
                crate::ui::na_tekenen().await;
            }
            let Ok(generatie) = opslag.opname_generatie(werkruimte).await else { return };
            let ids: Vec<Uuid> = self.history.with_untracked(|h| {
                h.as_ref().filter(|h| h.werkruimte() == werkruimte).map(|h| h.changes().iter().map(|c| c.id).collect()).unwrap_or_default()
            });
            if ids.is_empty() {
                return;
            }
            let mut json = String::with_capacity(ids.len() * 450);
            json.push('[');
            for deel in ids.chunks(2000) {
                let klaar = self.history.with_untracked(|h| {
                    let Some(h) = h.as_ref().filter(|h| h.werkruimte() == werkruimte) else { return false };
                    for id in deel {
                        if let Some(c) = h.change(id) {
                            if json.len() > 1 {
                                json.push(',');
                            }
                            json.push_str(&serde_json::to_string(c).unwrap_or_default());
                        }
                    }
                    true
                });
                if !klaar {
                    return;
                }
                crate::ui::wacht(0).await;
            }
            json.push(']');
            let opname = storage::NieuweOpname::uit_geheugen(werkruimte, json, ids.len(), generatie);
            let _ = opslag.bewaar_opname(opname).await;
        });
    }

    /// Counts edits made right after an import (choices in its conflicts) as part of it, so one
    /// undo takes them away too.
    pub fn hoort_bij_import(&self, changes: &[Change]) {
        self.laatste_import.update(|l| {
            if let Some((wr, ids)) = l {
                ids.extend(changes.iter().filter(|c| c.werkruimte == *wr).map(|c| c.id));
            }
        });
    }

    /// Takes back the last new year prepared: the jaarafspraken it made are deleted again (one
    /// edit, so it is stored and travels like any delete; each can be restored in Beheer).
    pub fn maak_jaarstap_ongedaan(self) -> bool {
        let Some(stap) = self.laatste_jaarstap.get_untracked() else { return false };
        let Some(b) = self.history.with_untracked(|h| {
            h.as_ref().filter(|h| h.werkruimte() == stap.werkruimte).map(|h| crate::domain::jaarcyclus::ongedaan(h, &stap.items))
        }) else {
            return false;
        };
        self.bewerk(b);
        self.laatste_jaarstap.set(None);
        true
    }

    /// Removes the changes of the last import from the active workspace and from storage.
    /// Returns false when the undo was refused (the user has been told why).
    pub fn maak_import_ongedaan(self) -> bool {
        let Some((wr, ids)) = self.laatste_import.get_untracked() else { return false };
        // Refuse when a later edit (here or in another tab) builds on the imported changes:
        // removing them would leave that edit pointing at nothing.
        let veilig = self.history.with_untracked(|h| match h.as_ref().filter(|h| h.werkruimte() == wr) {
            Some(h) => crate::domain::merge::ongedaan_maken(&mut h.clone(), &ids).is_ok(),
            None => true,
        });
        if !veilig {
            self.fout(crate::ui::teksten::t().algemeen.import_niet_ongedaan);
            return false;
        }
        spawn_local(async move {
            let Some(opslag) = self.opslag() else { return };
            if let Err(e) = opslag.verwijder_wijzigingen(&[wr], &ids).await {
                self.fout(e.bericht);
                return;
            }
            self.laatste_import.set(None);
            self.laad_werkruimte(wr).await;
            self.stuur(TabBericht::Werkruimtes);
        });
        true
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

fn lees_local(sleutel: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(sleutel).ok()?
}

fn schrijf_local(sleutel: &str, waarde: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(sleutel, waarde);
    }
}
