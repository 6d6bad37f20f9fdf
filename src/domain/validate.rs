//! Validation of everything that comes in: a file is read whole and checked whole before any of
//! it is used. The result is a complete [`Bestand`] with its [`History`], or one [`ImportFout`]
//! with a Dutch message that names the place — never a panic, never a partial result.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde_json::value::RawValue;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::change::{Actor, Change};
use super::format::{Bestand, ExportSoort, FORMAAT, VERSIE};
use super::history::{History, InsertError};
use super::schema::{ItemSoort, VeldType, MAX_LIJST, MAX_TEKST, VERWIJDERD};

/// The largest file we read, in bytes.
pub const MAX_BESTAND: usize = 64 * 1024 * 1024;
/// The most changes one file may hold.
pub const MAX_WIJZIGINGEN: usize = 1_000_000;
/// The longest party or author name.
const MAX_NAAM: usize = 500;
/// The most ids a delete's `gezien` may hold.
const MAX_GEZIEN: usize = 1_000_000;

/// What kind of problem a file has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoutSoort {
    /// Not JSON at all.
    GeenJson,
    /// JSON that stops in the middle: the file is incomplete.
    Afgebroken,
    /// JSON, but not a file of this app.
    Vreemd,
    /// Made by a newer version of the app.
    NieuwereVersie,
    /// An old version number we cannot read.
    OnbekendeVersie,
    /// A field has the wrong type or an impossible value.
    VerkeerdeWaarde,
    /// A required field is missing.
    Ontbreekt,
    /// Two changes with the same id but different content, or an id used for two kinds.
    DubbeleId,
    /// A reference to something that is not in the file.
    LosseVerwijzing,
    /// Too big: the file, a text, a list, or the nesting.
    TeGroot,
}

/// Why a file cannot be imported: what is wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFout {
    pub soort: FoutSoort,
    /// Where: a field path such as `wijzigingen[12].waarde`, with the item's code when known.
    pub plaats: Option<String>,
    /// What is wrong, in Dutch at B1 level.
    pub bericht: String,
}

impl fmt::Display for ImportFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.plaats {
            Some(p) => write!(f, "{} (plaats: {p})", self.bericht),
            None => write!(f, "{}", self.bericht),
        }
    }
}

impl std::error::Error for ImportFout {}

fn fout(soort: FoutSoort, plaats: impl Into<Option<String>>, bericht: impl Into<String>) -> ImportFout {
    ImportFout { soort, plaats: plaats.into(), bericht: bericht.into() }
}

/// Reads and checks a file's text.
pub fn lees_bestand(tekst: &str) -> Result<Bestand, ImportFout> {
    lees_bestand_met_history(tekst).map(|(b, _)| b)
}

/// Reads and checks a file's text, and builds its history.
pub fn lees_bestand_met_history(tekst: &str) -> Result<(Bestand, History), ImportFout> {
    Lezer::begin(tekst)?.einde()
}

/// Reads a file in steps, so a large file does not hold up the page in one go:
/// [`Lezer::begin`] checks the JSON of the whole text in one quick scan and the file's own fields,
/// each [`Lezer::stap`] does a part of the rest (reading changes, checking them together,
/// building the history), and [`Lezer::einde`] finishes. The checks, their order, messages and
/// places are those of reading at once, which is [`lees_bestand_met_history`].
pub struct Lezer<'a> {
    tekst: &'a str,
    werk: Result<Inlezen<'a>, Option<Value>>,
}

impl<'a> Lezer<'a> {
    pub fn begin(tekst: &'a str) -> Result<Lezer<'a>, ImportFout> {
        if tekst.len() > MAX_BESTAND {
            return Err(fout(
                FoutSoort::TeGroot,
                None,
                format!(
                    "Dit bestand is te groot ({} MB). Het grootste bestand dat de Afsprakenmonitor leest is {} MB.",
                    tekst.len() / (1024 * 1024),
                    MAX_BESTAND / (1024 * 1024)
                ),
            ));
        }
        let trimmed = tekst.trim_start_matches('\u{feff}');
        if trimmed.trim().is_empty() {
            return Err(fout(FoutSoort::GeenJson, None, "Dit bestand is leeg."));
        }
        if !trimmed.trim_start().starts_with('{') {
            // Not an object: refused by the checks of a whole value, as before.
            let v: Value = serde_json::from_str(trimmed).map_err(json_fout)?;
            return Ok(Lezer { tekst, werk: Err(Some(v)) });
        }
        // One scan of the whole text; the list of changes is scanned once more, then read in steps.
        let velden: BTreeMap<String, &'a RawValue> = serde_json::from_str(trimmed).map_err(json_fout)?;
        let mut kop = Map::new();
        let mut ruw = None;
        for (naam, waarde) in velden {
            if naam == "wijzigingen" && waarde.get().starts_with('[') {
                let lijst: Vec<&'a RawValue> = serde_json::from_str(waarde.get()).map_err(|e| json_fout_in(tekst, waarde, e))?;
                ruw = Some(lijst);
            } else {
                kop.insert(naam, waarde_in(tekst, waarde)?);
            }
        }
        let werk = Inlezen::nieuw(&kop, ruw.map(Lijst::Ruw), Some(tekst))?;
        Ok(Lezer { tekst, werk: Ok(werk) })
    }

    /// How many changes the file lists.
    pub fn aantal(&self) -> usize {
        self.werk.as_ref().map_or(0, |w| w.lijst.len())
    }

    /// How far the work is, from 0 to 1.
    pub fn deel(&self) -> f64 {
        self.werk.as_ref().map_or(1.0, Inlezen::deel)
    }

    /// Does about `n` changes' worth of the remaining work; `true` when all is done.
    pub fn stap(&mut self, n: usize) -> Result<bool, ImportFout> {
        match &mut self.werk {
            Ok(w) => w.stap(n),
            Err(_) => Ok(true),
        }
    }

    /// Finishes: a complete history, or the first error with its place.
    pub fn einde(self) -> Result<(Bestand, History), ImportFout> {
        let _ = self.tekst;
        match self.werk {
            Err(Some(v)) => lees_waarde(v),
            Err(None) => Err(vreemd()),
            Ok(mut w) => {
                while !w.stap(10_000)? {}
                Ok(w.uitkomst())
            }
        }
    }
}

/// One part of the file read as a value; an error names its line and column in the file.
fn waarde_in(tekst: &str, deel: &RawValue) -> Result<Value, ImportFout> {
    serde_json::from_str(deel.get()).map_err(|e| json_fout_in(tekst, deel, e))
}

/// [`json_fout`] for an error inside `deel`, with the place counted from the file's start.
fn json_fout_in(tekst: &str, deel: &RawValue, e: serde_json::Error) -> ImportFout {
    let begin = (deel.get().as_ptr() as usize).saturating_sub(tekst.as_ptr() as usize).min(tekst.len());
    let voor = &tekst.as_bytes()[..begin];
    let regel = voor.iter().filter(|b| **b == b'\n').count();
    let kolom = begin - voor.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let mut f = json_fout(e);
    if let Some((r, k)) = f.plaats.as_deref().and_then(regel_kolom) {
        let (r2, k2) = if r == 1 { (regel + 1, kolom + k) } else { (regel + r, k) };
        f.plaats = Some(format!("regel {r2}, kolom {k2}"));
    }
    f
}

/// The list of changes: still as text (read in steps), or already read.
enum Lijst<'a> {
    Ruw(Vec<&'a RawValue>),
    Waarden(Vec<Value>),
}

impl Lijst<'_> {
    fn len(&self) -> usize {
        match self {
            Lijst::Ruw(r) => r.len(),
            Lijst::Waarden(w) => w.len(),
        }
    }
}

enum Fase {
    Wijzigingen,
    Samenhang,
    Geschiedenis(usize),
    /// A file of an older format: the changes that bring it up to date are added.
    Bijwerken,
    Klaar,
}

/// The checks after the file's own fields, in steps.
struct Inlezen<'a> {
    tekst: Option<&'a str>,
    versie: u64,
    soort: ExportSoort,
    werkruimte: Uuid,
    titel: String,
    geexporteerd_op: i64,
    door: Actor,
    lijst: Lijst<'a>,
    changes: Vec<Change>,
    history: History,
    fase: Fase,
}

impl<'a> Inlezen<'a> {
    /// Checks the file's own fields (format, version, kind, workspace, title, export) and the
    /// list, in the order of reading at once. `lijst`: the changes when they were kept apart.
    fn nieuw(obj: &Map<String, Value>, lijst: Option<Lijst<'a>>, tekst: Option<&'a str>) -> Result<Inlezen<'a>, ImportFout> {
        if obj.get("formaat").and_then(Value::as_str) != Some(FORMAAT) {
            return Err(vreemd());
        }
        let versie = match obj.get("versie") {
            Some(Value::Number(n)) => n.as_u64(),
            _ => None,
        }
        .ok_or_else(|| fout(FoutSoort::Ontbreekt, Some("versie".into()), "Het versienummer van het bestand ontbreekt of is ongeldig."))?;
        if versie > VERSIE {
            return Err(fout(
                FoutSoort::NieuwereVersie,
                Some("versie".into()),
                format!(
                    "Dit bestand is gemaakt met een nieuwere versie van de Afsprakenmonitor (formaat {versie}; deze versie leest tot en met formaat {VERSIE}). Gebruik de nieuwste versie van de Afsprakenmonitor."
                ),
            ));
        }
        upgrade(versie)?;
        let soort = match obj.get("soort").and_then(Value::as_str) {
            Some("uitwisseling") => ExportSoort::Uitwisseling,
            Some("reservekopie") => ExportSoort::Reservekopie,
            Some(_) => return Err(fout(FoutSoort::VerkeerdeWaarde, Some("soort".into()), "Het veld 'soort' moet 'uitwisseling' of 'reservekopie' zijn.")),
            None => return Err(fout(FoutSoort::Ontbreekt, Some("soort".into()), "Het veld 'soort' ontbreekt.")),
        };
        let werkruimte = uuid_veld(obj, "werkruimte", || "werkruimte".into())?;
        let titel = tekst_veld(obj, "titel", || "titel".into(), MAX_TEKST)?;
        let geexporteerd_op = obj
            .get("geexporteerd_op")
            .and_then(Value::as_i64)
            .ok_or_else(|| fout(FoutSoort::VerkeerdeWaarde, Some("geexporteerd_op".into()), "Het exportmoment ontbreekt of is geen tijdstip."))?;
        let door = match obj.get("geexporteerd_door") {
            Some(Value::Object(d)) => Actor {
                partij: tekst_veld(d, "partij", || "geexporteerd_door.partij".into(), MAX_NAAM)?,
                auteur: tekst_veld(d, "auteur", || "geexporteerd_door.auteur".into(), MAX_NAAM)?,
            },
            _ => return Err(fout(FoutSoort::Ontbreekt, Some("geexporteerd_door".into()), "Het veld 'geexporteerd_door' ontbreekt of is geen object.")),
        };
        let lijst = match (lijst, obj.get("wijzigingen")) {
            (Some(l), _) => l,
            (None, Some(Value::Array(a))) => Lijst::Waarden(a.clone()),
            (None, Some(_)) => return Err(fout(FoutSoort::VerkeerdeWaarde, Some("wijzigingen".into()), "Het veld 'wijzigingen' moet een lijst zijn.")),
            (None, None) => return Err(fout(FoutSoort::Ontbreekt, Some("wijzigingen".into()), "Het veld 'wijzigingen' ontbreekt.")),
        };
        if lijst.len() > MAX_WIJZIGINGEN {
            return Err(fout(FoutSoort::TeGroot, Some("wijzigingen".into()), format!("Dit bestand heeft te veel wijzigingen ({}); het maximum is {MAX_WIJZIGINGEN}.", lijst.len())));
        }
        Ok(Inlezen {
            tekst,
            versie,
            soort,
            werkruimte,
            titel,
            geexporteerd_op,
            door,
            changes: Vec::with_capacity(lijst.len()),
            lijst,
            history: History::new(werkruimte),
            fase: Fase::Wijzigingen,
        })
    }

    fn deel(&self) -> f64 {
        let n = self.lijst.len().max(1) as f64;
        match self.fase {
            Fase::Wijzigingen => 0.5 * self.changes.len() as f64 / n,
            Fase::Samenhang => 0.5,
            Fase::Geschiedenis(i) => 0.5 + 0.5 * i as f64 / n,
            Fase::Bijwerken => 0.99,
            Fase::Klaar => 1.0,
        }
    }

    fn element(&self, i: usize) -> Result<std::borrow::Cow<'_, Value>, ImportFout> {
        match &self.lijst {
            Lijst::Waarden(w) => Ok(std::borrow::Cow::Borrowed(&w[i])),
            Lijst::Ruw(r) => match self.tekst {
                Some(t) => waarde_in(t, r[i]).map(std::borrow::Cow::Owned),
                None => serde_json::from_str(r[i].get()).map(std::borrow::Cow::Owned).map_err(json_fout),
            },
        }
    }

    /// The codes and titles of all items, to name them in a message: made only for an error.
    fn ctx(&self) -> Ctx {
        let waarden: Vec<Value> = (0..self.lijst.len()).filter_map(|i| self.element(i).ok().map(|v| v.into_owned())).collect();
        Ctx { labels: labels(&waarden) }
    }

    fn stap(&mut self, n: usize) -> Result<bool, ImportFout> {
        let leeg = Ctx { labels: HashMap::new() };
        match self.fase {
            Fase::Wijzigingen => {
                let tot = self.changes.len().saturating_add(n).min(self.lijst.len());
                for i in self.changes.len()..tot {
                    let v = self.element(i)?;
                    match lees_change(&leeg, i, &v, self.werkruimte) {
                        Ok(c) => self.changes.push(c),
                        Err(_) => return Err(lees_change(&self.ctx(), i, &v, self.werkruimte).expect_err("the same check")),
                    }
                }
                if self.changes.len() == self.lijst.len() {
                    self.fase = Fase::Samenhang;
                }
            }
            Fase::Samenhang => {
                if controleer_samenhang(&leeg, &self.changes).is_err() {
                    controleer_samenhang(&self.ctx(), &self.changes)?;
                }
                self.fase = Fase::Geschiedenis(0);
            }
            Fase::Geschiedenis(van) => {
                let tot = van.saturating_add(n).min(self.changes.len());
                for i in van..tot {
                    let c = &self.changes[i];
                    if let Err(e) = self.history.insert(c.clone()) {
                        return Err(history_fout(&self.ctx(), i, c, e));
                    }
                }
                self.fase = if tot == self.changes.len() { Fase::Bijwerken } else { Fase::Geschiedenis(tot) };
            }
            Fase::Bijwerken => {
                if self.versie < 3 {
                    for c in super::bijwerken::naar_formaat_3(&self.history) {
                        if self.history.insert(c.clone()).is_err() {
                            return Err(fout(
                                FoutSoort::DubbeleId,
                                Some(format!("wijzigingen ({}), veld {}", c.item, c.veld)),
                                "Dit bestand van een oudere versie kan niet worden bijgewerkt: het heeft al een wijziging met het id dat het bijwerken maakt, maar met een andere inhoud. Het bestand is aangepast.",
                            ));
                        }
                        self.changes.push(c);
                    }
                }
                self.fase = Fase::Klaar;
            }
            Fase::Klaar => {}
        }
        Ok(matches!(self.fase, Fase::Klaar))
    }

    fn uitkomst(self) -> (Bestand, History) {
        let bestand = Bestand {
            formaat: FORMAAT.to_string(),
            versie: VERSIE,
            soort: self.soort,
            werkruimte: self.werkruimte,
            titel: self.titel,
            geexporteerd_op: self.geexporteerd_op,
            geexporteerd_door: self.door,
            wijzigingen: self.changes,
        };
        (bestand, self.history)
    }
}

/// Why a change of a checked file does not fit the history being built.
fn history_fout(ctx: &Ctx, i: usize, c: &Change, e: InsertError) -> ImportFout {
    match e {
        InsertError::AndereWerkruimte => fout(FoutSoort::VerkeerdeWaarde, Some(format!("wijzigingen[{i}].werkruimte")), "Deze wijziging hoort bij een andere werkruimte dan het bestand."),
        InsertError::AndereSoort { .. } => fout(FoutSoort::DubbeleId, ctx.plaats(&format!("wijzigingen[{i}].soort"), Some(&c.item.to_string())), "Dit onderdeel komt in het bestand voor als twee verschillende soorten."),
        InsertError::AndereInhoud(_) => fout(
            FoutSoort::DubbeleId,
            ctx.plaats(&format!("wijzigingen[{i}].id"), Some(&c.item.to_string())).map(|p| format!("{p}, veld {}", c.veld)),
            "Twee wijzigingen in het bestand hebben hetzelfde id maar een andere inhoud.",
        ),
        // Only a change made in this copy can be refused for these (see `History::make_change`).
        e @ (InsertError::OnbekendVeld { .. } | InsertError::OngeldigeWaarde { .. } | InsertError::LosseVerwijzing { .. }) => {
            fout(FoutSoort::VerkeerdeWaarde, Some(format!("wijzigingen[{i}]")), e.to_string())
        }
    }
}

/// "regel 3, kolom 14" → (3, 14).
fn regel_kolom(plaats: &str) -> Option<(usize, usize)> {
    let (r, k) = plaats.strip_prefix("regel ")?.split_once(", kolom ")?;
    Some((r.parse().ok()?, k.parse().ok()?))
}

fn json_fout(e: serde_json::Error) -> ImportFout {
    let plaats = Some(format!("regel {}, kolom {}", e.line(), e.column()));
    let msg = e.to_string();
    if msg.contains("recursion limit") {
        return fout(FoutSoort::TeGroot, plaats, "Dit bestand is te diep genest om te lezen. Het is geen bestand van de Afsprakenmonitor of het is beschadigd.");
    }
    match e.classify() {
        serde_json::error::Category::Eof => fout(
            FoutSoort::Afgebroken,
            plaats,
            "Dit bestand is niet compleet: het houdt midden in op. Vraag de afzender het opnieuw te sturen.",
        ),
        _ => fout(
            FoutSoort::GeenJson,
            plaats,
            "Dit is geen geldig JSON-bestand. Kies een bestand dat met de Afsprakenmonitor is gemaakt.",
        ),
    }
}

/// Checks a parsed JSON value.
pub fn lees_waarde(value: Value) -> Result<(Bestand, History), ImportFout> {
    let Value::Object(obj) = value else {
        return Err(vreemd());
    };
    let mut werk = Inlezen::nieuw(&obj, None, None)?;
    while !werk.stap(usize::MAX)? {}
    Ok(werk.uitkomst())
}

fn vreemd() -> ImportFout {
    fout(
        FoutSoort::Vreemd,
        Some("formaat".into()),
        "Dit is geen bestand van de Afsprakenmonitor. Kies een bestand dat u met 'Exporteren' hebt gemaakt of hebt gekregen.",
    )
}

/// Whether a file of this format version can be read. Version 2 added `gezien` to deletes; a
/// version 1 file reads as it is (its deletes saw what came before them in time). Version 3 gave
/// a peilmoment its year and round: files of versions 1 and 2 get the year of each peilmoment
/// added after they are read ([`super::bijwerken`]).
fn upgrade(versie: u64) -> Result<(), ImportFout> {
    match versie {
        1..=VERSIE => Ok(()),
        _ => Err(fout(
            FoutSoort::OnbekendeVersie,
            Some("versie".into()),
            format!("Formaatversie {versie} bestaat niet. Het bestand is beschadigd of niet van de Afsprakenmonitor."),
        )),
    }
}

struct Ctx {
    /// Item id → its code or title, to name items in messages.
    labels: HashMap<String, String>,
}

impl Ctx {
    fn plaats(&self, pad: &str, item: Option<&str>) -> Option<String> {
        match item.and_then(|i| self.labels.get(i)) {
            Some(label) => Some(format!("{pad} ({label})")),
            None => Some(pad.to_string()),
        }
    }
}

/// Codes and titles of the items in a file, found before the real check so messages can name
/// the item ("J 1.9") rather than only its id.
fn labels(lijst: &[Value]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for v in lijst {
        let (Some(item), Some(veld), Some(Value::String(w))) =
            (v.get("item").and_then(Value::as_str), v.get("veld").and_then(Value::as_str), v.get("waarde"))
        else {
            continue;
        };
        if w.len() > 200 {
            continue;
        }
        match veld {
            "code" if !w.trim().is_empty() => {
                out.insert(item.to_string(), w.clone());
            }
            "titel" | "naam" | "term" => {
                out.entry(item.to_string()).or_insert_with(|| w.clone());
            }
            _ => {}
        }
    }
    out
}

/// `pad`: the place, made only when there is something to report.
fn uuid_veld(obj: &Map<String, Value>, naam: &str, pad: impl Fn() -> String) -> Result<Uuid, ImportFout> {
    match obj.get(naam) {
        Some(Value::String(s)) => Uuid::parse_str(s).map_err(|_| fout(FoutSoort::VerkeerdeWaarde, Some(pad()), format!("'{naam}' is geen geldig id."))),
        Some(_) => Err(fout(FoutSoort::VerkeerdeWaarde, Some(pad()), format!("'{naam}' moet een id (tekst) zijn."))),
        None => Err(fout(FoutSoort::Ontbreekt, Some(pad()), format!("Het veld '{naam}' ontbreekt."))),
    }
}

fn tekst_veld(obj: &Map<String, Value>, naam: &str, pad: impl Fn() -> String, max: usize) -> Result<String, ImportFout> {
    match obj.get(naam) {
        Some(Value::String(s)) if s.chars().count() <= max => Ok(s.clone()),
        Some(Value::String(_)) => Err(te_lang(Some(pad()), max)),
        Some(_) => Err(fout(FoutSoort::VerkeerdeWaarde, Some(pad()), format!("'{naam}' moet tekst zijn."))),
        None => Err(fout(FoutSoort::Ontbreekt, Some(pad()), format!("Het veld '{naam}' ontbreekt."))),
    }
}

fn te_lang(plaats: Option<String>, max: usize) -> ImportFout {
    fout(FoutSoort::TeGroot, plaats, format!("Deze tekst is te lang: het maximum is {max} tekens."))
}

const CHANGE_VELDEN: &[&str] = &["id", "werkruimte", "item", "soort", "veld", "waarde", "tijd", "partij", "auteur", "volgt", "prive", "gezien"];

fn lees_change(ctx: &Ctx, i: usize, v: &Value, werkruimte: Uuid) -> Result<Change, ImportFout> {
    let pad = || format!("wijzigingen[{i}]");
    let Value::Object(obj) = v else {
        return Err(fout(FoutSoort::VerkeerdeWaarde, Some(pad()), "Een wijziging moet een object zijn."));
    };
    let item_str = obj.get("item").and_then(Value::as_str);
    let plaats = |veld: &str| ctx.plaats(&format!("{}.{veld}", pad()), item_str);
    if let Some(k) = obj.keys().find(|k| !CHANGE_VELDEN.contains(&k.as_str())) {
        return Err(fout(FoutSoort::VerkeerdeWaarde, plaats(k), format!("Onbekend veld '{k}' in een wijziging.")));
    }
    let id = uuid_veld(obj, "id", || format!("{}.id", pad()))?;
    let wr = uuid_veld(obj, "werkruimte", || format!("{}.werkruimte", pad()))?;
    if wr != werkruimte {
        return Err(fout(FoutSoort::VerkeerdeWaarde, plaats("werkruimte"), "Deze wijziging hoort bij een andere werkruimte dan het bestand."));
    }
    let item = uuid_veld(obj, "item", || format!("{}.item", pad()))?;
    let soort_naam = obj.get("soort").and_then(Value::as_str).ok_or_else(|| fout(FoutSoort::Ontbreekt, plaats("soort"), "De soort van het onderdeel ontbreekt."))?;
    let soort = ItemSoort::from_naam(soort_naam).ok_or_else(|| fout(FoutSoort::VerkeerdeWaarde, plaats("soort"), format!("Onbekende soort '{}'.", kort(soort_naam))))?;
    if (soort == ItemSoort::Werkruimte) != (item == werkruimte) {
        return Err(fout(FoutSoort::VerkeerdeWaarde, plaats("item"), "Alleen de werkruimte zelf heeft de soort 'werkruimte'."));
    }
    let veld_naam = obj.get("veld").and_then(Value::as_str).ok_or_else(|| fout(FoutSoort::Ontbreekt, plaats("veld"), "Het veld van de wijziging ontbreekt."))?;
    let def = soort.veld(veld_naam).ok_or_else(|| fout(FoutSoort::VerkeerdeWaarde, plaats("veld"), format!("Een {} heeft geen veld '{}'.", soort.naam(), kort(veld_naam))))?;
    let waarde = obj.get("waarde").cloned().ok_or_else(|| fout(FoutSoort::Ontbreekt, plaats("waarde"), "De waarde van de wijziging ontbreekt."))?;
    controleer_waarde(&waarde, def.soort).map_err(|e| {
        let soort = if e.te_groot() { FoutSoort::TeGroot } else { FoutSoort::VerkeerdeWaarde };
        fout(soort, ctx.plaats(&format!("{}.waarde", pad()), item_str).map(|p| format!("{p}, veld {veld_naam}")), e.to_string())
    })?;
    let tijd = obj.get("tijd").and_then(Value::as_i64).filter(|t| (0..=8_000_000_000_000).contains(t)).ok_or_else(|| fout(FoutSoort::VerkeerdeWaarde, plaats("tijd"), "Het tijdstip van de wijziging ontbreekt of is onmogelijk."))?;
    let partij = tekst_veld(obj, "partij", || format!("{}.partij", pad()), MAX_NAAM)?;
    let auteur = tekst_veld(obj, "auteur", || format!("{}.auteur", pad()), MAX_NAAM)?;
    let volgt = match obj.get("volgt") {
        None => Vec::new(),
        Some(Value::Array(a)) if a.len() <= MAX_LIJST => a
            .iter()
            .map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()))
            .collect::<Option<Vec<Uuid>>>()
            .ok_or_else(|| fout(FoutSoort::VerkeerdeWaarde, plaats("volgt"), "'volgt' moet een lijst van ids zijn."))?,
        Some(_) => return Err(fout(FoutSoort::VerkeerdeWaarde, plaats("volgt"), "'volgt' moet een lijst van ids zijn.")),
    };
    let prive = match obj.get("prive") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(fout(FoutSoort::VerkeerdeWaarde, plaats("prive"), "'prive' moet waar of onwaar zijn.")),
    };
    let gezien = match obj.get("gezien") {
        None => None,
        Some(Value::Array(a)) if veld_naam == VERWIJDERD && waarde == Value::Bool(true) && a.len() <= MAX_GEZIEN => Some(
            a.iter()
                .map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()))
                .collect::<Option<Vec<Uuid>>>()
                .ok_or_else(|| fout(FoutSoort::VerkeerdeWaarde, plaats("gezien"), "'gezien' moet een lijst van ids zijn."))?,
        ),
        Some(Value::Array(a)) if a.len() > MAX_GEZIEN => {
            return Err(fout(FoutSoort::TeGroot, plaats("gezien"), format!("Deze lijst is te lang: het maximum is {MAX_GEZIEN}.")))
        }
        Some(Value::Array(_)) => {
            return Err(fout(FoutSoort::VerkeerdeWaarde, plaats("gezien"), "Alleen een wijziging die iets verwijdert, heeft 'gezien'."))
        }
        Some(_) => return Err(fout(FoutSoort::VerkeerdeWaarde, plaats("gezien"), "'gezien' moet een lijst van ids zijn.")),
    };
    Ok(Change { id, werkruimte, item, soort, veld: veld_naam.to_string(), waarde, tijd, partij, auteur, volgt, prive, gezien })
}

fn kort(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Why a value does not fit its field. The sentence for a user is its `Display`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaardeFout {
    TekstTeLang { max: usize },
    LijstTeLang { max: usize },
    GeenTekst,
    GeenTekstLijst,
    GeenGetal,
    GeenJaar,
    GeenDatum,
    GeenJaNee,
    GeenKeuze(&'static [&'static str]),
    GeenId,
    GeenIds,
    OngeldigeStand,
    GeenStanden,
}

impl WaardeFout {
    /// Whether the value is refused for its size (not its kind).
    pub fn te_groot(&self) -> bool {
        matches!(self, WaardeFout::TekstTeLang { .. } | WaardeFout::LijstTeLang { .. })
    }
}

impl std::fmt::Display for WaardeFout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WaardeFout::TekstTeLang { max } => write!(f, "Deze tekst is te lang: het maximum is {max} tekens."),
            WaardeFout::LijstTeLang { max } => write!(f, "Deze lijst is te lang: het maximum is {max}."),
            WaardeFout::GeenTekst => f.write_str("Hier hoort tekst."),
            WaardeFout::GeenTekstLijst => f.write_str("Hier hoort een lijst met teksten."),
            WaardeFout::GeenGetal => f.write_str("Hier hoort een getal."),
            WaardeFout::GeenJaar => f.write_str("Hier hoort een jaartal (1900 tot 2200)."),
            WaardeFout::GeenDatum => f.write_str("Hier hoort een datum (JJJJ-MM-DD)."),
            WaardeFout::GeenJaNee => f.write_str("Hier hoort waar of onwaar."),
            WaardeFout::GeenKeuze(opties) => write!(f, "Hier hoort een van: {}.", opties.join(", ")),
            WaardeFout::GeenId => f.write_str("Hier hoort een id."),
            WaardeFout::GeenIds => f.write_str("Hier hoort een lijst met ids."),
            WaardeFout::OngeldigeStand => f.write_str("Een stand in dit peilmoment is ongeldig."),
            WaardeFout::GeenStanden => f.write_str("Hier hoort de lijst met standen van een peilmoment."),
        }
    }
}

/// Checks a value against its field type. `null` (empty) fits every field.
pub fn controleer_waarde(v: &Value, t: VeldType) -> Result<(), WaardeFout> {
    if v.is_null() {
        return Ok(());
    }
    let tekst = |s: &String| if s.chars().count() > MAX_TEKST { Err(WaardeFout::TekstTeLang { max: MAX_TEKST }) } else { Ok(()) };
    let lijst = |n: usize| if n > MAX_LIJST { Err(WaardeFout::LijstTeLang { max: MAX_LIJST }) } else { Ok(()) };
    let id = |v: &Value| v.as_str().is_some_and(|s| Uuid::parse_str(s).is_ok());
    match (t, v) {
        (VeldType::Tekst, Value::String(s)) => tekst(s),
        (VeldType::Tekst, _) => Err(WaardeFout::GeenTekst),
        (VeldType::TekstLijst, Value::Array(a)) => {
            lijst(a.len())?;
            for x in a {
                match x {
                    Value::String(s) => tekst(s)?,
                    _ => return Err(WaardeFout::GeenTekstLijst),
                }
            }
            Ok(())
        }
        (VeldType::TekstLijst, _) => Err(WaardeFout::GeenTekstLijst),
        (VeldType::Getal, Value::Number(n)) if n.as_f64().is_some_and(f64::is_finite) => Ok(()),
        (VeldType::Getal, _) => Err(WaardeFout::GeenGetal),
        (VeldType::Jaar, Value::Number(n)) if n.as_i64().is_some_and(|y| (1900..=2200).contains(&y)) => Ok(()),
        (VeldType::Jaar, _) => Err(WaardeFout::GeenJaar),
        (VeldType::Datum, Value::String(s)) if super::time::parse_datum(s).is_some() => Ok(()),
        (VeldType::Datum, _) => Err(WaardeFout::GeenDatum),
        (VeldType::JaNee, Value::Bool(_)) => Ok(()),
        (VeldType::JaNee, _) => Err(WaardeFout::GeenJaNee),
        (VeldType::Keuze(opties), Value::String(s)) if opties.contains(&s.as_str()) => Ok(()),
        (VeldType::Keuze(opties), _) => Err(WaardeFout::GeenKeuze(opties)),
        (VeldType::Verwijzing(_), v) if id(v) => Ok(()),
        (VeldType::Verwijzing(_), _) => Err(WaardeFout::GeenId),
        (VeldType::Verwijzingen(_), Value::Array(a)) => {
            lijst(a.len())?;
            if a.iter().all(id) { Ok(()) } else { Err(WaardeFout::GeenIds) }
        }
        (VeldType::Verwijzingen(_), _) => Err(WaardeFout::GeenIds),
        (VeldType::Standen, Value::Object(m)) => {
            lijst(m.len())?;
            for (k, s) in m {
                let ok = Uuid::parse_str(k).is_ok()
                    && s.as_object().is_some_and(|o| {
                        o.iter().all(|(kk, vv)| match kk.as_str() {
                            "status" => vv.as_str().is_some_and(|x| super::schema::STATUSSEN.contains(&x)),
                            "voortgang" | "oorzaak" | "actie" => vv.is_null() || vv.as_str().is_some_and(|x| x.chars().count() <= MAX_TEKST),
                            _ => false,
                        })
                    });
                if !ok {
                    return Err(WaardeFout::OngeldigeStand);
                }
            }
            Ok(())
        }
        (VeldType::Standen, _) => Err(WaardeFout::GeenStanden),
    }
}

/// The ids a reference field's value points to, with the kinds it may point to (none for other
/// fields).
pub fn verwijzingen(t: VeldType, v: &Value) -> Option<(&'static [ItemSoort], Vec<Uuid>)> {
    let id = |x: &Value| x.as_str().and_then(|x| Uuid::parse_str(x).ok());
    match t {
        VeldType::Verwijzing(s) => Some((s, id(v).into_iter().collect())),
        VeldType::Verwijzingen(s) => Some((s, v.as_array().map(|a| a.iter().filter_map(id).collect()).unwrap_or_default())),
        _ => None,
    }
}

/// Checks what single changes cannot: no id twice with different content, one kind per item,
/// and every reference (`volgt`, and fields that point to items) resolved within the file.
fn controleer_samenhang(ctx: &Ctx, changes: &[Change]) -> Result<(), ImportFout> {
    let mut by_id: HashMap<Uuid, usize> = HashMap::with_capacity(changes.len());
    let mut soorten: BTreeMap<Uuid, ItemSoort> = BTreeMap::new();
    for (i, c) in changes.iter().enumerate() {
        if let Some(&j) = by_id.get(&c.id) {
            if !changes[j].zelfde_inhoud(c) {
                let plaats = ctx.plaats(&format!("wijzigingen[{i}].id"), Some(&c.item.to_string())).map(|p| format!("{p}, veld {}", c.veld));
                return Err(fout(FoutSoort::DubbeleId, plaats, format!("Wijziging {i} heeft hetzelfde id als wijziging {j}, maar een andere inhoud.")));
            }
        } else {
            by_id.insert(c.id, i);
        }
        match soorten.get(&c.item) {
            Some(s) if *s != c.soort => {
                return Err(fout(FoutSoort::DubbeleId, ctx.plaats(&format!("wijzigingen[{i}].soort"), Some(&c.item.to_string())), format!("Dit onderdeel komt in het bestand voor als {} en als {}.", s.naam(), c.soort.naam())));
            }
            _ => {
                soorten.insert(c.item, c.soort);
            }
        }
    }
    let item_str = |c: &Change| c.item.to_string();
    for (i, c) in changes.iter().enumerate() {
        for v in &c.volgt {
            match by_id.get(v).map(|&j| &changes[j]) {
                Some(p) if p.item == c.item && p.veld == c.veld => {}
                Some(_) => return Err(fout(FoutSoort::LosseVerwijzing, ctx.plaats(&format!("wijzigingen[{i}].volgt"), Some(&item_str(c))), "Deze wijziging volgt op een wijziging van een ander veld.")),
                None => return Err(fout(FoutSoort::LosseVerwijzing, ctx.plaats(&format!("wijzigingen[{i}].volgt"), Some(&item_str(c))), "Deze wijziging volgt op een wijziging die niet in het bestand staat. Het bestand is onvolledig of aangepast.")),
            }
        }
        let Some(def) = c.soort.veld(&c.veld) else { continue };
        let Some((toegestaan, ids)) = verwijzingen(def.soort, &c.waarde) else { continue };
        for id in ids {
            match soorten.get(&id) {
                Some(s) if toegestaan.contains(s) => {}
                Some(s) => return Err(fout(FoutSoort::LosseVerwijzing, ctx.plaats(&format!("wijzigingen[{i}].waarde"), Some(&item_str(c))).map(|p| format!("{p}, veld {}", c.veld)), format!("Dit veld verwijst naar een {}, maar dat kan hier niet.", s.naam()))),
                None => return Err(fout(FoutSoort::LosseVerwijzing, ctx.plaats(&format!("wijzigingen[{i}].waarde"), Some(&item_str(c))).map(|p| format!("{p}, veld {}", c.veld)), "Dit veld verwijst naar een onderdeel dat niet in het bestand staat.")),
            }
        }
    }
    Ok(())
}
