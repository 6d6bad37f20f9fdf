//! From a read table and its column mapping to a preview, and to the edits that make it.
//!
//! [`maak_plan`] reads every row once: what it becomes (a kaderafspraak, a jaarafspraak, or a
//! theme heading that applies to the rows below it), what it needs that does not exist yet
//! (themes, subthemes, parties), and its problems, each with row and column. A row with a
//! problem is never written; the user sees it and may go on without it. The plan's
//! [`Plan::bewerkingen`] are ordinary edits, written in one go by the app's write path
//! ([`crate::domain::formulier::schrijf`]); taking the import back removes exactly those changes
//! ([`crate::domain::merge::ongedaan_maken`]).
//!
//! Themes, subthemes, parties and kaderafspraken are matched by number or by name (ignoring
//! case, accents and spacing), so rows added to an existing workspace use what is there instead
//! of making it twice. Ids are derived from the import's key and the row, so the same plan
//! always makes the same items.

use std::collections::{BTreeSet, HashMap};

use documentmodel::tabel::{Kleur, Tabel};
use serde_json::{json, Value};
use uuid::Uuid;

use super::kolommen::Veld;
use crate::domain::formulier::Bewerking;
use crate::domain::history::History;
use crate::domain::model::{Prioriteit, Status, Werkruimte};
use crate::domain::report::vouw;
use crate::domain::schema::{ItemSoort, MAX_TEKST};

/// The user's choices for a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Koppeling {
    /// Per column what it holds; `None`: not read.
    pub kolommen: Vec<Option<Veld>>,
    /// The first row names the columns and is not read as an agreement.
    pub kopregel: bool,
    /// The kind of a row whose code does not say it (a code beginning with K is a
    /// kaderafspraak, with J a jaarafspraak).
    pub soort: ItemSoort,
    /// The year of a jaarafspraak whose row has none.
    pub jaar: Option<i64>,
    /// A status cell with only a fill colour (green, yellow, red) is read as that status.
    pub kleur_als_status: bool,
}

/// What is wrong with a row; the app says it in words.
#[derive(Clone, Debug, PartialEq)]
pub enum ProbleemSoort {
    GeenTitel,
    /// A jaarafspraak without a year, and none chosen for the table.
    GeenJaar,
    OnbekendJaar(String),
    OnbekendeStatus(String),
    /// A kaderafspraak with this code exists, or a jaarafspraak with this code in that year.
    CodeBestaat(String),
    /// An earlier row of the table (its number) has the same code (and year).
    CodeDubbel { code: String, rij: usize },
    OnbekendeKaderafspraak(String),
    /// A cell longer than a field may hold: its length in characters.
    TeLang(usize),
    /// A cell holding a formula instead of its value.
    Formule(String),
}

/// A problem in one row: where (the column, 0-based; `None`: the row as a whole) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Probleem {
    pub kolom: Option<usize>,
    pub soort: ProbleemSoort,
}

/// What a row becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uitkomst {
    /// A new agreement.
    Nieuw,
    /// A theme or subtheme heading: the rows below it belong to it.
    Kop,
    /// Not written: it has a problem.
    Probleem,
    /// Not written: the user left it out.
    Overgeslagen,
}

/// One row of the table in the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Rij {
    /// The row number in the table as the user sees it (1: the first row, the header too).
    pub nummer: usize,
    pub uitkomst: Uitkomst,
    /// Kaderafspraak or jaarafspraak (for a heading: thema or subthema).
    pub soort: ItemSoort,
    /// The agreement (or heading) it makes or refers to.
    pub id: Uuid,
    pub code: String,
    pub titel: String,
    pub jaar: Option<i64>,
    pub status: Option<Status>,
    /// The status was read from the cell's colour.
    pub status_uit_kleur: bool,
    /// The theme and subtheme as shown ("1 Passend wonen › 1.1 Betaalbaarheid"), empty when none.
    pub thema: String,
    pub problemen: Vec<Probleem>,
}

/// A theme, subtheme or party the import makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Nieuw {
    pub id: Uuid,
    pub naam: String,
}

/// The preview of a table and the edits that make it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub rijen: Vec<Rij>,
    pub themas: Vec<Nieuw>,
    pub subthemas: Vec<Nieuw>,
    pub partijen: Vec<Nieuw>,
    /// Some status cell has a fill colour and no text: the user may read colours as statuses.
    pub kleuren_gevonden: bool,
    pub bewerkingen: Vec<Bewerking>,
}

impl Plan {
    /// The agreements it makes: (kaderafspraken, jaarafspraken).
    pub fn aantallen(&self) -> (usize, usize) {
        let n = |s| self.rijen.iter().filter(|r| r.uitkomst == Uitkomst::Nieuw && r.soort == s).count();
        (n(ItemSoort::Kaderafspraak), n(ItemSoort::Jaarafspraak))
    }

    pub fn met_probleem(&self) -> impl Iterator<Item = &Rij> {
        self.rijen.iter().filter(|r| !r.problemen.is_empty())
    }

    /// The items it makes (agreements, themes, subthemes, parties, voortgang).
    pub fn items(&self) -> BTreeSet<Uuid> {
        self.bewerkingen.iter().map(|(i, ..)| *i).collect()
    }
}

/// A code's key: uppercase, without spaces, and without a dot right after the letters:
/// "K.1.14", "K 1.14" and "k1.14" are one code.
pub fn code_sleutel(code: &str) -> String {
    let s: String = code.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect();
    let letters = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    let (voor, na) = s.split_at(letters);
    format!("{voor}{}", na.strip_prefix('.').unwrap_or(na))
}

/// Whether a text looks like an agreement code: letters then numbers ("K1.12", "J. 2.7").
pub fn lijkt_code(s: &str) -> bool {
    let k = code_sleutel(s);
    let letters = k.find(|c: char| !c.is_alphabetic()).unwrap_or(k.len());
    (1..=3).contains(&letters) && k.len() > letters && k[letters..].chars().all(|c| c.is_ascii_digit() || c == '.') && k[letters..].starts_with(|c: char| c.is_ascii_digit())
}

/// A theme or subtheme as written: "1 Passend wonen", "1.1. Betaalbaarheid", "Thema 2: …",
/// "Passend wonen" → (number, title).
pub fn lees_kop(s: &str) -> (String, String) {
    let t = s.trim();
    let zonder = ["thema", "subthema", "hoofdstuk", "paragraaf"]
        .iter()
        .find_map(|w| t.get(..w.len()).filter(|v| v.eq_ignore_ascii_case(w)).map(|_| t[w.len()..].trim_start()))
        .unwrap_or(t);
    let eind = zonder.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(zonder.len());
    let nummer = zonder[..eind].trim_end_matches('.');
    if nummer.is_empty() || !nummer.starts_with(|c: char| c.is_ascii_digit()) {
        return (String::new(), t.to_string());
    }
    let titel = zonder[eind..].trim_start_matches([':', '-', '–', ' ', '\u{a0}', '.']).trim();
    (nummer.to_string(), titel.to_string())
}

/// The status a word says: the stoplicht colours and the words of the monitors.
pub fn status_uit_woord(s: &str) -> Option<Status> {
    let w = vouw(s).replace(['_', '-', '.', '!'], " ");
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "groen" | "green" | "op schema" | "gereed" | "afgerond" | "klaar" | "gedaan" | "uitgevoerd" => Status::Groen,
        "geel" | "oranje" | "yellow" | "amber" | "vereist actie" | "aandacht" | "actie vereist" => Status::Geel,
        "rood" | "red" | "loopt achter" | "achter" | "nog geen actie" | "achterstand" => Status::Rood,
        "niet beoordeeld" | "nog niet beoordeeld" | "onbekend" => Status::NietBeoordeeld,
        _ => return None,
    })
}

/// The status a fill colour shows: green, yellow or orange, red; `None` for white, grey and
/// other colours.
pub fn status_uit_kleur(k: Kleur) -> Option<Status> {
    let (r, g, b) = (k.r as f64 / 255.0, k.g as f64 / 255.0, k.b as f64 / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let d = max - min;
    if max < 0.3 || d / max < 0.35 {
        return None;
    }
    let tint = if max == r {
        60.0 * (((g - b) / d).rem_euclid(6.0))
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    match tint {
        t if !(20.0..340.0).contains(&t) => Some(Status::Rood),
        t if t < 70.0 => Some(Status::Geel),
        t if t < 170.0 => Some(Status::Groen),
        _ => None,
    }
}

fn sleutel_naam(s: &str) -> String {
    vouw(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The kind a party's name suggests.
fn partij_soort(naam: &str) -> &'static str {
    let n = vouw(naam);
    if n.contains("gemeente") {
        "gemeente"
    } else if n.contains("huurder") || n.contains("bewoners") {
        "huurdersorganisatie"
    } else if n.contains("wonen") || n.contains("woning") || n.contains("corporatie") || n.contains("woonzorg") {
        "corporatie"
    } else {
        "partner"
    }
}

/// The kind of parties a group word names ("Corporaties", "alle partijen" …); `Some(None)`: all.
fn groep(naam: &str) -> Option<Option<&'static str>> {
    match sleutel_naam(naam).as_str() {
        "corporaties" | "woningcorporaties" | "de corporaties" => Some(Some("corporatie")),
        "huurdersorganisaties" | "huurders" | "huurdersverenigingen" => Some(Some("huurdersorganisatie")),
        "partners" => Some(Some("partner")),
        "gemeente" | "de gemeente" => Some(Some("gemeente")),
        "alle partijen" | "allen" | "alle" | "iedereen" => Some(None),
        _ => None,
    }
}

/// The names in a list of parties: split at commas, semicolons, slashes, "+", line breaks and " en ".
fn namen(s: &str) -> Vec<String> {
    s.split([',', ';', '/', '+', '\n', '&'])
        .flat_map(|d| d.split(" en "))
        .map(|d| d.trim().trim_end_matches('.').trim().to_string())
        .filter(|d| !d.is_empty())
        .collect()
}

/// The year in a cell: a whole number 1900–2200 ("2025", "2025.0" as a spreadsheet may write it).
fn lees_jaar(s: &str) -> Option<i64> {
    let t = s.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse::<i64>().ok().filter(|j| (1900..=2200).contains(j))
}

fn lijkt_formule(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with('=') && t[1..].starts_with(|c: char| c.is_alphabetic()) && t.contains('(')
}

/// What is known while reading: existing and new themes, subthemes, parties, codes.
struct Register<'a> {
    h: &'a History,
    sleutel: Uuid,
    /// Themes: (id, number, title key).
    themas: Vec<(Uuid, String, String)>,
    /// Subthemes: (id, theme, number, title key).
    subthemas: Vec<(Uuid, Option<Uuid>, String, String)>,
    /// Parties: (id, name key, short name key, kind).
    partijen: Vec<(Uuid, String, String, String)>,
    nieuwe_themas: Vec<(Nieuw, String, String)>,
    nieuwe_subthemas: Vec<(Nieuw, Option<Uuid>, String, String)>,
    nieuwe_partijen: Vec<(Nieuw, String)>,
    volgorde: HashMap<ItemSoort, f64>,
}

impl<'a> Register<'a> {
    fn new(h: &'a History, sleutel: Uuid) -> Self {
        let w = Werkruimte::new(h);
        let mut volgorde = HashMap::new();
        let mut hoogste = |soort: ItemSoort| {
            let m = h.items_of(soort).into_iter().filter_map(|i| h.value(i, "volgorde").and_then(Value::as_f64)).fold(0.0f64, f64::max);
            volgorde.insert(soort, m.floor() + 1.0);
        };
        for s in [ItemSoort::Thema, ItemSoort::Subthema, ItemSoort::Partij, ItemSoort::Kaderafspraak, ItemSoort::Jaarafspraak] {
            hoogste(s);
        }
        Register {
            h,
            sleutel,
            themas: w.themas().into_iter().filter(|t| !h.is_deleted(t.id)).map(|t| (t.id, t.nummer.trim().trim_end_matches('.').to_string(), sleutel_naam(&t.titel))).collect(),
            subthemas: w.subthemas().into_iter().filter(|s| !h.is_deleted(s.id)).map(|s| (s.id, s.thema, s.nummer.trim().trim_end_matches('.').to_string(), sleutel_naam(&s.titel))).collect(),
            partijen: w.partijen().into_iter().filter(|p| !h.is_deleted(p.id)).map(|p| (p.id, sleutel_naam(&p.naam), sleutel_naam(&p.kort), p.soort)).collect(),
            nieuwe_themas: Vec::new(),
            nieuwe_subthemas: Vec::new(),
            nieuwe_partijen: Vec::new(),
            volgorde,
        }
    }

    fn id(&self, wat: &str) -> Uuid {
        Uuid::new_v5(&self.sleutel, wat.as_bytes())
    }

    fn volgende(&mut self, soort: ItemSoort) -> f64 {
        let v = self.volgorde.entry(soort).or_insert(1.0);
        let n = *v;
        *v += 1.0;
        n
    }

    /// The theme with this number or title; made when `maak` and it has a title.
    fn thema(&mut self, nummer: &str, titel: &str, maak: bool) -> Option<Uuid> {
        let tk = sleutel_naam(titel);
        let gevonden = self
            .themas
            .iter()
            .find(|(_, n, _)| !nummer.is_empty() && n == nummer)
            .or_else(|| self.themas.iter().find(|(_, _, t)| !tk.is_empty() && *t == tk))
            .map(|(id, ..)| *id);
        if gevonden.is_some() || !maak || titel.trim().is_empty() {
            return gevonden;
        }
        let id = self.id(&format!("thema:{nummer}:{tk}"));
        let naam = if nummer.is_empty() { titel.trim().to_string() } else { format!("{nummer} {}", titel.trim()) };
        self.themas.push((id, nummer.to_string(), tk));
        self.nieuwe_themas.push((Nieuw { id, naam }, nummer.to_string(), titel.trim().to_string()));
        Some(id)
    }

    /// The subtheme with this number or title (within `thema` when known); made when it has a title.
    fn subthema(&mut self, thema: Option<Uuid>, nummer: &str, titel: &str) -> Option<Uuid> {
        let tk = sleutel_naam(titel);
        let past = |t: &Option<Uuid>| thema.is_none() || *t == thema;
        let gevonden = self
            .subthemas
            .iter()
            .find(|(_, t, n, _)| past(t) && !nummer.is_empty() && n == nummer)
            .or_else(|| self.subthemas.iter().find(|(_, t, _, k)| past(t) && !tk.is_empty() && *k == tk))
            .map(|(id, ..)| *id);
        if gevonden.is_some() || titel.trim().is_empty() {
            return gevonden;
        }
        // A subtheme numbered 2.3 belongs to theme 2 when none was given.
        let thema = thema.or_else(|| {
            let voor = nummer.split('.').next().unwrap_or_default();
            self.themas.iter().find(|(_, n, _)| !voor.is_empty() && n == voor).map(|(id, ..)| *id)
        });
        let id = self.id(&format!("subthema:{thema:?}:{nummer}:{tk}"));
        let naam = if nummer.is_empty() { titel.trim().to_string() } else { format!("{nummer} {}", titel.trim()) };
        self.subthemas.push((id, thema, nummer.to_string(), tk));
        self.nieuwe_subthemas.push((Nieuw { id, naam }, thema, nummer.to_string(), titel.trim().to_string()));
        Some(id)
    }

    /// The subtheme that stands for a whole theme (same number and title), for a row that names
    /// only its theme.
    fn subthema_van_thema(&mut self, thema: Uuid) -> Option<Uuid> {
        let (nummer, titel) = self.thema_tekst(thema);
        self.subthema(Some(thema), &nummer, &titel)
    }

    fn thema_tekst(&self, thema: Uuid) -> (String, String) {
        if let Some((_, nummer, titel)) = self.nieuwe_themas.iter().find(|(n, ..)| n.id == thema) {
            return (nummer.clone(), titel.clone());
        }
        let t = Werkruimte::new(self.h).thema(thema);
        (t.nummer.trim().trim_end_matches('.').to_string(), t.titel)
    }

    fn label(&self, id: Option<Uuid>) -> String {
        let Some(id) = id else { return String::new() };
        if let Some((n, ..)) = self.nieuwe_themas.iter().find(|(n, ..)| n.id == id) {
            return n.naam.clone();
        }
        if let Some((n, ..)) = self.nieuwe_subthemas.iter().find(|(n, ..)| n.id == id) {
            return n.naam.clone();
        }
        let w = Werkruimte::new(self.h);
        let (nummer, titel) = match self.h.soort(id) {
            Some(ItemSoort::Thema) => {
                let t = w.thema(id);
                (t.nummer, t.titel)
            }
            _ => {
                let s = w.subthema(id);
                (s.nummer, s.titel)
            }
        };
        format!("{nummer} {titel}").trim().to_string()
    }

    fn thema_van_subthema(&self, sub: Uuid) -> Option<Uuid> {
        self.subthemas.iter().find(|(id, ..)| *id == sub).and_then(|(_, t, ..)| *t)
    }

    /// The parties a list names: matched by name or short name, groups by kind; unknown names
    /// are made when `maak`, else returned as not found.
    fn partijen(&mut self, tekst: &str, maak: bool) -> (Vec<Uuid>, Vec<String>) {
        let mut uit: Vec<Uuid> = Vec::new();
        let mut onbekend = Vec::new();
        for naam in namen(tekst) {
            let k = sleutel_naam(&naam);
            let gevonden: Vec<Uuid> = match groep(&naam) {
                Some(soort) => self.partijen.iter().filter(|(_, _, _, s)| soort.is_none_or(|x| x == s)).map(|(id, ..)| *id).collect(),
                None => self.partijen.iter().find(|(_, n, kort, _)| *n == k || (!kort.is_empty() && *kort == k)).map(|(id, ..)| *id).into_iter().collect(),
            };
            if !gevonden.is_empty() {
                uit.extend(gevonden.into_iter().filter(|g| !uit.contains(g)).collect::<Vec<_>>());
            } else if maak && groep(&naam).is_none() {
                let id = self.id(&format!("partij:{k}"));
                let soort = partij_soort(&naam);
                self.partijen.push((id, k, String::new(), soort.to_string()));
                self.nieuwe_partijen.push((Nieuw { id, naam: naam.clone() }, soort.to_string()));
                uit.push(id);
            } else {
                onbekend.push(naam);
            }
        }
        (uit, onbekend)
    }
}

/// The values of one row, per field.
struct Waarden {
    per_veld: HashMap<Veld, (usize, String)>,
    tekst: String,
    status_kleur: Option<Kleur>,
    problemen: Vec<Probleem>,
    gevuld: usize,
    /// The only filled cell's text, when exactly one cell is filled.
    enige: Option<String>,
}

fn lees_rij(t: &Tabel, r: usize, k: &Koppeling) -> Waarden {
    let mut w = Waarden { per_veld: HashMap::new(), tekst: String::new(), status_kleur: None, problemen: Vec::new(), gevuld: 0, enige: None };
    let rij = &t.rijen[r];
    for cel in rij {
        if !cel.is_leeg() {
            w.gevuld += 1;
            w.enige = (w.gevuld == 1).then(|| cel.regel());
        }
    }
    for (kol, veld) in k.kolommen.iter().enumerate() {
        let Some(veld) = *veld else { continue };
        let cel = t.cel(r, kol);
        let lengte: usize = cel.alineas.iter().map(|a| a.chars().count()).sum();
        if lengte > MAX_TEKST {
            w.problemen.push(Probleem { kolom: Some(kol), soort: ProbleemSoort::TeLang(lengte) });
            continue;
        }
        if let Some(a) = cel.alineas.iter().find(|a| lijkt_formule(a)) {
            let kort: String = a.chars().take(40).collect();
            w.problemen.push(Probleem { kolom: Some(kol), soort: ProbleemSoort::Formule(kort) });
            continue;
        }
        if veld == Veld::Status && cel.is_leeg() {
            w.status_kleur = w.status_kleur.or(cel.kleur);
        }
        if cel.is_leeg() {
            continue;
        }
        let waarde = match veld {
            Veld::Tekst | Veld::Voortgang | Veld::Titel => cel.tekst(),
            _ => cel.regel(),
        };
        match veld {
            Veld::Tekst => {
                if !w.tekst.is_empty() {
                    w.tekst.push_str("\n\n");
                }
                w.tekst.push_str(&waarde);
                w.per_veld.entry(veld).or_insert((kol, String::new()));
            }
            _ => {
                w.per_veld.entry(veld).or_insert((kol, waarde));
            }
        }
    }
    w
}

/// The preview of `tabel` read with `koppeling`, on workspace `h`. `sleutel`: this import's key
/// (ids derive from it); `overslaan`: row numbers the user leaves out; `datum` (`YYYY-MM-DD`) and
/// `partij`: of voortgang notes read from the table.
pub fn maak_plan(h: &History, tabel: &Tabel, koppeling: &Koppeling, sleutel: Uuid, overslaan: &BTreeSet<usize>, datum: &str, partij: &str) -> Plan {
    let mut reg = Register::new(h, sleutel);
    let mut plan = Plan::default();
    let heeft = |v: Veld| koppeling.kolommen.contains(&Some(v));
    let kolom_van = |v: Veld| koppeling.kolommen.iter().position(|k| *k == Some(v));

    // Codes that exist: kaderafspraken by code, jaarafspraken by (code, year).
    let w = Werkruimte::new(h);
    let mut kaders: HashMap<String, Uuid> = HashMap::new();
    for ka in w.kaderafspraken().into_iter().filter(|k| !h.is_deleted(k.id)) {
        let s = code_sleutel(&ka.code);
        if !s.is_empty() {
            kaders.entry(s).or_insert(ka.id);
        }
    }
    let bestaande_kaders: BTreeSet<String> = kaders.keys().cloned().collect();
    let bestaande_jaar: BTreeSet<(String, Option<i64>)> = w
        .jaarafspraken()
        .into_iter()
        .filter(|j| !h.is_deleted(j.id))
        .map(|j| (code_sleutel(&j.code), j.jaar))
        .filter(|(c, _)| !c.is_empty())
        .collect();
    let mut in_tabel: HashMap<(String, Option<i64>), usize> = HashMap::new();

    let begin = if koppeling.kopregel { tabel.rijen.iter().position(|r| r.iter().any(|c| !c.is_leeg())).map_or(0, |p| p + 1) } else { 0 };
    let mut uit_tabel: BTreeSet<Uuid> = BTreeSet::new();
    // First pass: the kaderafspraken of the table, so a jaarafspraak may name one below it.
    for r in begin..tabel.rijen.len() {
        let w = lees_rij(tabel, r, koppeling);
        if let Some((_, code)) = w.per_veld.get(&Veld::Code) {
            let s = code_sleutel(code);
            let soort = soort_van(&s, koppeling.soort);
            if soort == ItemSoort::Kaderafspraak && !s.is_empty() && !kaders.contains_key(&s) {
                let id = reg.id(&format!("rij:{}", r + 1));
                kaders.insert(s, id);
                uit_tabel.insert(id);
            }
        }
    }

    let mut huidig_thema: Option<Uuid> = None;
    let mut huidig_sub: Option<Uuid> = None;
    let mut bewerkingen: Vec<Bewerking> = Vec::new();
    let mut afspraken: Vec<Bewerking> = Vec::new();
    // Jaarafspraken that name a kaderafspraak of the table: (index in the preview, its code).
    let mut hangt_af: Vec<(usize, Uuid, String)> = Vec::new();
    for r in begin..tabel.rijen.len() {
        let nummer = r + 1;
        let mut wr = lees_rij(tabel, r, koppeling);
        if wr.gevuld == 0 && wr.status_kleur.is_none() {
            continue;
        }
        let waarde = |v: Veld| wr.per_veld.get(&v).map(|(_, s)| s.clone()).unwrap_or_default();
        let mut code = waarde(Veld::Code);
        let (mut titel, mut tekst) = (waarde(Veld::Titel), wr.tekst.clone());
        if heeft(Veld::Titel) {
            // A title cell with paragraphs: the title, then text.
            let (t, rest) = titel_en_tekst(&titel);
            titel = t;
            tekst = [rest, tekst].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n\n");
        } else {
            // No title column: the text's first paragraph is the title.
            (titel, tekst) = titel_en_tekst(&tekst);
        }
        // A row with only a theme or subtheme heading in it ("1 Passend wonen", "2.3 Aanbod").
        if wr.gevuld == 1 && wr.problemen.is_empty() {
            let kop = wr.enige.clone().unwrap_or_default();
            let (n, t) = lees_kop(&kop);
            if !n.is_empty() && t.chars().any(char::is_alphabetic) && t.chars().count() <= 120 && !lijkt_code(&kop) {
                let (soort, id) = if n.contains('.') {
                    let id = reg.subthema(huidig_thema, &n, &t);
                    huidig_sub = id;
                    if let Some(th) = id.and_then(|s| reg.thema_van_subthema(s)) {
                        huidig_thema = Some(th);
                    }
                    (ItemSoort::Subthema, id)
                } else {
                    huidig_thema = reg.thema(&n, &t, true);
                    huidig_sub = None;
                    (ItemSoort::Thema, huidig_thema)
                };
                plan.rijen.push(Rij {
                    nummer,
                    uitkomst: Uitkomst::Kop,
                    soort,
                    id: id.unwrap_or_default(),
                    code: String::new(),
                    titel: kop.clone(),
                    jaar: None,
                    status: None,
                    status_uit_kleur: false,
                    thema: reg.label(id),
                    problemen: Vec::new(),
                });
                continue;
            }
        }
        code = code.split_whitespace().collect::<Vec<_>>().join(" ");
        let sleutel_code = code_sleutel(&code);
        let soort = soort_van(&sleutel_code, koppeling.soort);
        let id = reg.id(&format!("rij:{nummer}"));
        let mut problemen = std::mem::take(&mut wr.problemen);
        if titel.trim().is_empty() {
            problemen.push(Probleem { kolom: kolom_van(Veld::Titel).or(kolom_van(Veld::Tekst)), soort: ProbleemSoort::GeenTitel });
        }
        // Year.
        let mut jaar = None;
        if soort == ItemSoort::Jaarafspraak {
            match wr.per_veld.get(&Veld::Jaar) {
                Some((kol, s)) => match lees_jaar(s) {
                    Some(j) => jaar = Some(j),
                    None => problemen.push(Probleem { kolom: Some(*kol), soort: ProbleemSoort::OnbekendJaar(s.clone()) }),
                },
                None => match koppeling.jaar {
                    Some(j) => jaar = Some(j),
                    None => problemen.push(Probleem { kolom: kolom_van(Veld::Jaar), soort: ProbleemSoort::GeenJaar }),
                },
            }
        }
        // Status.
        let mut status = None;
        let mut uit_kleur = false;
        if soort == ItemSoort::Jaarafspraak {
            if let Some((kol, s)) = wr.per_veld.get(&Veld::Status) {
                match status_uit_woord(s) {
                    Some(st) => status = Some(st),
                    None => problemen.push(Probleem { kolom: Some(*kol), soort: ProbleemSoort::OnbekendeStatus(s.clone()) }),
                }
            } else if let Some(st) = wr.status_kleur.and_then(status_uit_kleur) {
                plan.kleuren_gevonden = true;
                if koppeling.kleur_als_status {
                    status = Some(st);
                    uit_kleur = true;
                }
            }
        }
        // Codes: existing, or earlier in the table.
        if !sleutel_code.is_empty() {
            let kol = kolom_van(Veld::Code);
            let bestaat = match soort {
                ItemSoort::Kaderafspraak => bestaande_kaders.contains(&sleutel_code),
                _ => bestaande_jaar.contains(&(sleutel_code.clone(), jaar)),
            };
            let sleutel_rij = (format!("{}:{sleutel_code}", soort.naam()), if soort == ItemSoort::Jaarafspraak { jaar } else { None });
            if bestaat {
                problemen.push(Probleem { kolom: kol, soort: ProbleemSoort::CodeBestaat(code.clone()) });
            } else if let Some(eerder) = in_tabel.get(&sleutel_rij) {
                problemen.push(Probleem { kolom: kol, soort: ProbleemSoort::CodeDubbel { code: code.clone(), rij: *eerder } });
            } else {
                in_tabel.insert(sleutel_rij, nummer);
            }
        }
        // Kaderafspraken a jaarafspraak belongs to.
        let mut bij_kaders: Vec<Uuid> = Vec::new();
        if soort == ItemSoort::Jaarafspraak {
            if let Some((kol, s)) = wr.per_veld.get(&Veld::Kaderafspraak) {
                for c in namen(s) {
                    match kaders.get(&code_sleutel(&c)) {
                        Some(k) if !bij_kaders.contains(k) => {
                            if uit_tabel.contains(k) {
                                hangt_af.push((plan.rijen.len(), *k, c.clone()));
                            }
                            bij_kaders.push(*k)
                        }
                        Some(_) => {}
                        None => problemen.push(Probleem { kolom: Some(*kol), soort: ProbleemSoort::OnbekendeKaderafspraak(c) }),
                    }
                }
            }
        }
        let overgeslagen = overslaan.contains(&nummer);
        let schrijft = problemen.is_empty() && !overgeslagen;
        // Theme and subtheme: only a written row makes new ones.
        let (thema_tekst, sub_tekst) = (waarde(Veld::Thema), waarde(Veld::Subthema));
        let mut thema = huidig_thema;
        let mut sub = huidig_sub;
        if !thema_tekst.is_empty() {
            let (n, t) = lees_kop(&thema_tekst);
            thema = reg.thema(&n, &t, schrijft);
            sub = None;
        } else if huidig_thema.is_none() {
            // The number in the code: K2.3 belongs to theme 2, when there is one.
            let getal: String = sleutel_code.trim_start_matches(|c: char| c.is_alphabetic()).split('.').next().unwrap_or_default().to_string();
            if !getal.is_empty() {
                thema = reg.thema(&getal, "", false);
            }
        }
        if !sub_tekst.is_empty() {
            let (n, t) = lees_kop(&sub_tekst);
            sub = if schrijft { reg.subthema(thema, &n, &t) } else { None };
        }
        if sub.is_none() && schrijft {
            if let Some(th) = thema {
                sub = reg.subthema_van_thema(th);
            }
        }
        let label = match (thema, sub) {
            (Some(t), Some(s)) if reg.label(Some(s)) != reg.label(Some(t)) => format!("{} › {}", reg.label(Some(t)), reg.label(Some(s))),
            (Some(t), _) => reg.label(Some(t)),
            (None, s) => reg.label(s),
        };
        let uitkomst = if !problemen.is_empty() {
            Uitkomst::Probleem
        } else if overgeslagen {
            Uitkomst::Overgeslagen
        } else {
            Uitkomst::Nieuw
        };
        if uitkomst == Uitkomst::Nieuw {
            let s = soort;
            let volgorde = reg.volgende(s);
            afspraken.push((id, s, "code", json!(code)));
            afspraken.push((id, s, "titel", json!(titel.trim())));
            if !tekst.is_empty() {
                afspraken.push((id, s, "tekst", json!(tekst)));
            }
            if let Some(sub) = sub {
                afspraken.push((id, s, "subthema", json!(sub.to_string())));
            }
            let (partijen, _) = reg.partijen(&waarde(Veld::Partijen), true);
            if !partijen.is_empty() {
                afspraken.push((id, s, "partijen", ids_json(&partijen)));
            }
            afspraken.push((id, s, "volgorde", json!(volgorde)));
            if s == ItemSoort::Jaarafspraak {
                afspraken.push((id, s, "jaar", json!(jaar)));
                let trekker = waarde(Veld::Trekker);
                if !trekker.is_empty() {
                    let (trekkers, onbekend) = reg.partijen(&trekker, false);
                    if !onbekend.is_empty() {
                        afspraken.push((id, s, "trekker", json!(trekker)));
                    }
                    if !trekkers.is_empty() {
                        afspraken.push((id, s, "trekker_partijen", ids_json(&trekkers)));
                    }
                }
                let prioriteit = Prioriteit::parse(&waarde(Veld::Prioriteit)).tekst();
                if !prioriteit.is_empty() {
                    afspraken.push((id, s, "prioriteit", json!(prioriteit)));
                }
                if let Some(st) = status {
                    afspraken.push((id, s, "status", json!(st.code())));
                }
                if !bij_kaders.is_empty() {
                    afspraken.push((id, s, "kaderafspraken", ids_json(&bij_kaders)));
                }
            }
            let voortgang = waarde(Veld::Voortgang);
            if !voortgang.is_empty() {
                let v = reg.id(&format!("voortgang:{nummer}"));
                let vs = ItemSoort::Voortgang;
                afspraken.push((v, vs, "afspraak", json!(id.to_string())));
                afspraken.push((v, vs, "datum", json!(datum)));
                afspraken.push((v, vs, "partij", json!(partij)));
                afspraken.push((v, vs, "tekst", json!(voortgang)));
            }
        }
        plan.rijen.push(Rij { nummer, uitkomst, soort, id, code, titel: titel.trim().to_string(), jaar, status, status_uit_kleur: uit_kleur, thema: label, problemen });
    }
    // A jaarafspraak whose kaderafspraak in the table is not written is not written either.
    let geschreven: BTreeSet<Uuid> = plan.rijen.iter().filter(|r| r.uitkomst == Uitkomst::Nieuw).map(|r| r.id).collect();
    let kolom = kolom_van(Veld::Kaderafspraak);
    let mut weg: BTreeSet<Uuid> = BTreeSet::new();
    for (i, kader, code) in hangt_af {
        if geschreven.contains(&kader) {
            continue;
        }
        let rij = &mut plan.rijen[i];
        if rij.uitkomst == Uitkomst::Nieuw {
            weg.insert(rij.id);
            weg.insert(reg.id(&format!("voortgang:{}", rij.nummer)));
        }
        rij.uitkomst = Uitkomst::Probleem;
        rij.problemen.push(Probleem { kolom, soort: ProbleemSoort::OnbekendeKaderafspraak(code) });
    }
    afspraken.retain(|(i, ..)| !weg.contains(i));
    // Only what a written row uses is made.
    let gebruikt: BTreeSet<Uuid> = afspraken
        .iter()
        .filter(|(_, _, veld, _)| matches!(*veld, "subthema" | "partijen" | "trekker_partijen"))
        .flat_map(|(_, _, _, w)| match w {
            Value::Array(a) => a.iter().filter_map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok())).collect::<Vec<_>>(),
            v => v.as_str().and_then(|s| Uuid::parse_str(s).ok()).into_iter().collect(),
        })
        .collect();
    reg.nieuwe_subthemas.retain(|(n, ..)| gebruikt.contains(&n.id));
    let themas_gebruikt: BTreeSet<Uuid> = reg.nieuwe_subthemas.iter().filter_map(|(_, t, ..)| *t).collect();
    reg.nieuwe_themas.retain(|(n, ..)| themas_gebruikt.contains(&n.id));
    reg.nieuwe_partijen.retain(|(n, _)| gebruikt.contains(&n.id));
    // What the rows need first: themes, subthemes, parties.
    for (n, nummer, titel) in &reg.nieuwe_themas {
        let s = ItemSoort::Thema;
        let volgorde = reg.volgorde.get(&s).copied().unwrap_or(1.0) + plan.themas.len() as f64;
        if !nummer.is_empty() {
            bewerkingen.push((n.id, s, "nummer", json!(nummer)));
        }
        bewerkingen.push((n.id, s, "titel", json!(titel)));
        bewerkingen.push((n.id, s, "volgorde", json!(volgorde)));
        plan.themas.push(n.clone());
    }
    for (n, thema, nummer, titel) in &reg.nieuwe_subthemas {
        let s = ItemSoort::Subthema;
        let volgorde = reg.volgorde.get(&s).copied().unwrap_or(1.0) + plan.subthemas.len() as f64;
        if let Some(t) = thema {
            bewerkingen.push((n.id, s, "thema", json!(t.to_string())));
        }
        if !nummer.is_empty() {
            bewerkingen.push((n.id, s, "nummer", json!(nummer)));
        }
        bewerkingen.push((n.id, s, "titel", json!(titel)));
        bewerkingen.push((n.id, s, "volgorde", json!(volgorde)));
        plan.subthemas.push(n.clone());
    }
    for (n, soort) in &reg.nieuwe_partijen {
        let s = ItemSoort::Partij;
        let volgorde = reg.volgorde.get(&s).copied().unwrap_or(1.0) + plan.partijen.len() as f64;
        bewerkingen.push((n.id, s, "naam", json!(n.naam)));
        bewerkingen.push((n.id, s, "soort", json!(soort)));
        bewerkingen.push((n.id, s, "volgorde", json!(volgorde)));
        plan.partijen.push(n.clone());
    }
    bewerkingen.extend(afspraken);
    plan.bewerkingen = bewerkingen;
    plan
}

/// A title from a cell's paragraphs: the first, with the lines that go on with it (those that
/// begin with a small letter, as a title broken over two lines does); the others are text.
fn titel_en_tekst(alineas: &str) -> (String, String) {
    let mut delen = alineas.split("\n\n").filter(|d| !d.is_empty());
    let mut titel = delen.next().unwrap_or_default().to_string();
    let mut rest: Vec<&str> = Vec::new();
    for d in delen {
        if rest.is_empty() && d.starts_with(|c: char| c.is_lowercase()) {
            titel.push(' ');
            titel.push_str(d);
        } else {
            rest.push(d);
        }
    }
    (titel, rest.join("\n\n"))
}

fn soort_van(code_sleutel: &str, standaard: ItemSoort) -> ItemSoort {
    if lijkt_code(code_sleutel) {
        match code_sleutel.chars().next() {
            Some('K') => return ItemSoort::Kaderafspraak,
            Some('J') => return ItemSoort::Jaarafspraak,
            _ => {}
        }
    }
    standaard
}

fn ids_json(ids: &[Uuid]) -> Value {
    Value::Array(ids.iter().map(|i| json!(i.to_string())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_keys() {
        assert_eq!(code_sleutel("K.1.14"), "K1.14");
        assert_eq!(code_sleutel("J. 2.7"), "J2.7");
        assert_eq!(code_sleutel("k1.12"), "K1.12");
        assert!(lijkt_code("K 3.5"));
        assert!(!lijkt_code("Passend wonen"));
        assert!(!lijkt_code("2025"));
    }

    #[test]
    fn headings() {
        assert_eq!(lees_kop("1 Passend wonen voor iedereen"), ("1".into(), "Passend wonen voor iedereen".into()));
        assert_eq!(lees_kop("Thema 2: Duurzaam"), ("2".into(), "Duurzaam".into()));
        assert_eq!(lees_kop("1.1. Betaalbaarheid"), ("1.1".into(), "Betaalbaarheid".into()));
        assert_eq!(lees_kop("Leefbaarheid"), ("".into(), "Leefbaarheid".into()));
    }

    #[test]
    fn status_words_and_colours() {
        assert_eq!(status_uit_woord("Op schema"), Some(Status::Groen));
        assert_eq!(status_uit_woord("vereist actie"), Some(Status::Geel));
        assert_eq!(status_uit_woord("ROOD"), Some(Status::Rood));
        assert_eq!(status_uit_woord("niet_beoordeeld"), Some(Status::NietBeoordeeld));
        assert_eq!(status_uit_woord("prima"), None);
        let k = |s| status_uit_kleur(Kleur::uit_hex(s).unwrap());
        assert_eq!(k("#00B050"), Some(Status::Groen));
        assert_eq!(k("#92D050"), Some(Status::Groen));
        assert_eq!(k("#FFFF00"), Some(Status::Geel));
        assert_eq!(k("#FFC000"), Some(Status::Geel));
        assert_eq!(k("#FF0000"), Some(Status::Rood));
        assert_eq!(k("#C00000"), Some(Status::Rood));
        assert_eq!(k("#FFFFFF"), None);
        assert_eq!(k("#D9D9D9"), None);
        assert_eq!(k("#0070C0"), None);
    }
}
