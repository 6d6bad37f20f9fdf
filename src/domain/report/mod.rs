//! What the screens show: counts, lists, groupings, planning and the agenda, as pure functions
//! over a [`History`]. They return data; the UI phrases it.
//!
//! - [`filter`]: the list filter, its query string and the accent-insensitive search.
//! - [`standen`]: a peilmoment's frozen statuses, and comparing two of them.
//! - [`monitor`]: the yearly Monitor for the raad, and its tables as HTML.
//! - [`lijst`]: the afspraken list as a table, and CSV.
//! - [`documenten`]: the Monitor as a Word document and the list as a workbook (documentmodel).
//! - [`tempo`]: an indicator per year of the period, and whether the pace reaches its target.

pub mod documenten;
pub mod filter;
pub mod lijst;
pub mod monitor;
pub mod raadsbericht;
pub mod standen;
pub mod tempo;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use uuid::Uuid;

use super::change::{Change, Tijd};
use super::history::History;
use super::model::{
    Indicator, Jaarafspraak, Kaderafspraak, Meting, Prioriteit, Status, Subthema, Thema, Voortgang, Werkruimte,
};
use super::schema::ItemSoort;

pub use filter::{vouw, Filter, Zoekcache};
pub use standen::{huidige_standen, peilmoment_standen, vergelijk_standen, StandVerschil};

/// How many jaarafspraken have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Telling {
    pub groen: usize,
    pub geel: usize,
    pub rood: usize,
    pub niet_beoordeeld: usize,
}

impl Telling {
    pub fn totaal(&self) -> usize {
        self.groen + self.geel + self.rood + self.niet_beoordeeld
    }

    pub fn van(&self, status: Status) -> usize {
        match status {
            Status::Groen => self.groen,
            Status::Geel => self.geel,
            Status::Rood => self.rood,
            Status::NietBeoordeeld => self.niet_beoordeeld,
        }
    }

    fn tel(&mut self, status: Status) {
        match status {
            Status::Groen => self.groen += 1,
            Status::Geel => self.geel += 1,
            Status::Rood => self.rood += 1,
            Status::NietBeoordeeld => self.niet_beoordeeld += 1,
        }
    }

    /// The counts of these jaarafspraken.
    pub fn van_lijst<'a>(js: impl IntoIterator<Item = &'a Jaarafspraak>) -> Telling {
        let mut t = Telling::default();
        js.into_iter().for_each(|j| t.tel(j.status));
        t
    }
}

/// The jaarafspraken (monitor rows included) of one year, or of all years, in list order.
pub fn jaarafspraken(h: &History, jaar: Option<i64>) -> Vec<Jaarafspraak> {
    Werkruimte::new(h).jaarafspraken().into_iter().filter(|j| jaar.is_none() || j.jaar == jaar).collect()
}

/// Subtheme id → theme id, for subthemes and themes that are not deleted.
fn thema_per_subthema(w: &Werkruimte) -> HashMap<Uuid, Uuid> {
    let themas: BTreeSet<Uuid> = w.themas().into_iter().map(|t| t.id).collect();
    w.subthemas()
        .into_iter()
        .filter_map(|s| s.thema.filter(|t| themas.contains(t)).map(|t| (s.id, t)))
        .collect()
}

/// The theme an agreement belongs to through its subtheme.
pub fn thema_van(h: &History, subthema: Option<Uuid>) -> Option<Thema> {
    let w = Werkruimte::new(h);
    let s = subthema.filter(|s| h.soort(*s) == Some(ItemSoort::Subthema) && !h.is_deleted(*s))?;
    let t = w.subthema(s).thema.filter(|t| h.soort(*t) == Some(ItemSoort::Thema) && !h.is_deleted(*t))?;
    Some(w.thema(t))
}

/// Status counts per theme, themes in order (all of them, also with zero); `None` collects the
/// jaarafspraken without a theme (such as monitor rows) and is left out when empty.
pub fn per_thema(h: &History, jaar: Option<i64>) -> Vec<(Option<Thema>, Telling)> {
    per_thema_uit(h, &jaarafspraken(h, jaar))
}

/// [`per_thema`] of jaarafspraken read before (already of the wanted year).
pub fn per_thema_uit(h: &History, js: &[Jaarafspraak]) -> Vec<(Option<Thema>, Telling)> {
    let w = Werkruimte::new(h);
    let per_sub = thema_per_subthema(&w);
    let thema_id = |j: &Jaarafspraak| j.subthema.and_then(|s| per_sub.get(&s).copied());
    let mut out: Vec<(Option<Thema>, Telling)> = w
        .themas()
        .into_iter()
        .map(|t| {
            let telling = Telling::van_lijst(js.iter().filter(|j| thema_id(j) == Some(t.id)));
            (Some(t), telling)
        })
        .collect();
    let zonder = Telling::van_lijst(js.iter().filter(|j| thema_id(j).is_none()));
    if zonder.totaal() > 0 {
        out.push((None, zonder));
    }
    out
}

/// The trekker as shown: the trekker text, or else the short names of the trekker parties
/// joined by ", "; empty when there is none.
pub fn trekker(h: &History, j: &Jaarafspraak) -> String {
    let t = j.trekker.trim();
    if !t.is_empty() {
        return t.to_string();
    }
    let w = Werkruimte::new(h);
    j.trekker_partijen
        .iter()
        .filter_map(|id| w.partij(*id))
        .map(|p| if p.kort.trim().is_empty() { p.naam } else { p.kort })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Status counts per trekker (see [`trekker`]), sorted by label; the empty label (no trekker)
/// comes last.
pub fn per_trekker(h: &History, jaar: Option<i64>) -> Vec<(String, Telling)> {
    per_trekker_uit(h, &jaarafspraken(h, jaar))
}

/// [`per_trekker`] of jaarafspraken read before (already of the wanted year).
pub fn per_trekker_uit(h: &History, js: &[Jaarafspraak]) -> Vec<(String, Telling)> {
    let mut per: BTreeMap<(bool, String, String), Telling> = BTreeMap::new();
    for j in js {
        let label = trekker(h, j);
        per.entry((label.is_empty(), vouw(&label), label)).or_default().tel(j.status);
    }
    per.into_iter().map(|((_, _, label), t)| (label, t)).collect()
}

/// The jaarafspraken that need attention: rood first, then geel, each in list order.
pub fn aandacht(h: &History, jaar: Option<i64>) -> Vec<Jaarafspraak> {
    aandacht_uit(&jaarafspraken(h, jaar))
}

/// [`aandacht`] of jaarafspraken read before (already of the wanted year).
pub fn aandacht_uit(js: &[Jaarafspraak]) -> Vec<Jaarafspraak> {
    let mut out: Vec<Jaarafspraak> = js.iter().filter(|j| j.status == Status::Rood).cloned().collect();
    out.extend(js.iter().filter(|j| j.status == Status::Geel).cloned());
    out
}

/// The distinct years of the jaarafspraken, ascending.
pub fn jaren(h: &History) -> Vec<i64> {
    let set: BTreeSet<i64> = jaarafspraken(h, None).into_iter().filter_map(|j| j.jaar).collect();
    set.into_iter().collect()
}

/// Agreements of one theme and subtheme.
#[derive(Clone, Debug, PartialEq)]
pub struct Groep<T> {
    pub thema: Option<Thema>,
    pub subthema: Option<Subthema>,
    pub items: Vec<T>,
}

impl<T> Groep<T> {
    /// The first `n` items over all groups, in order (groups left empty are dropped), and the
    /// total number of items: long lists are shown in parts.
    pub fn eerste_van(groepen: &[Groep<T>], n: usize) -> (Vec<Groep<T>>, usize)
    where
        T: Clone,
    {
        let totaal = groepen.iter().map(|g| g.items.len()).sum();
        let mut over = n;
        let mut out = Vec::new();
        for g in groepen {
            if over == 0 {
                break;
            }
            let items: Vec<T> = g.items.iter().take(over).cloned().collect();
            over -= items.len();
            out.push(Groep { thema: g.thema.clone(), subthema: g.subthema.clone(), items });
        }
        (out, totaal)
    }
}

/// Groups items by theme and subtheme in source order: per theme its subthemes; then subthemes
/// without a (living) theme; then items without a subtheme. Empty groups are left out.
fn groepeer<T>(h: &History, items: Vec<T>, subthema: impl Fn(&T) -> Option<Uuid>) -> Vec<Groep<T>> {
    let w = Werkruimte::new(h);
    let themas = w.themas();
    let subthemas = w.subthemas();
    let mut volgorde: Vec<(Option<Thema>, Option<Subthema>)> = Vec::new();
    for t in &themas {
        for s in subthemas.iter().filter(|s| s.thema == Some(t.id)) {
            volgorde.push((Some(t.clone()), Some(s.clone())));
        }
    }
    for s in subthemas.iter().filter(|s| !themas.iter().any(|t| Some(t.id) == s.thema)) {
        volgorde.push((None, Some(s.clone())));
    }
    volgorde.push((None, None));
    let index: HashMap<Uuid, usize> =
        volgorde.iter().enumerate().filter_map(|(i, (_, s))| s.as_ref().map(|s| (s.id, i))).collect();
    let geen = volgorde.len() - 1;
    let mut bakken: Vec<Vec<T>> = volgorde.iter().map(|_| Vec::new()).collect();
    for item in items {
        let i = subthema(&item).and_then(|s| index.get(&s).copied()).unwrap_or(geen);
        bakken[i].push(item);
    }
    volgorde
        .into_iter()
        .zip(bakken)
        .filter(|(_, items)| !items.is_empty())
        .map(|((thema, subthema), items)| Groep { thema, subthema, items })
        .collect()
}

/// The jaarafspraken that pass the filter, grouped by theme and subtheme.
pub fn gegroepeerd_jaar(h: &History, f: &Filter) -> Vec<Groep<Jaarafspraak>> {
    gegroepeerd(h, f, &mut Zoekcache::default()).0
}

/// The kaderafspraken that pass the filter, grouped by theme and subtheme.
pub fn gegroepeerd_kader(h: &History, f: &Filter) -> Vec<Groep<Kaderafspraak>> {
    gegroepeerd(h, f, &mut Zoekcache::default()).1
}

/// Both lists at once, each agreement read once, search texts kept in `cache`.
pub fn gegroepeerd(h: &History, f: &Filter, cache: &mut Zoekcache) -> (Vec<Groep<Jaarafspraak>>, Vec<Groep<Kaderafspraak>>) {
    let w = Werkruimte::new(h);
    gegroepeerd_uit(h, f, &w.jaarafspraken(), &w.kaderafspraken(), cache)
}

/// [`gegroepeerd`] over agreements the caller read before (and keeps while the data does not
/// change), so a new filter costs one pass over them.
pub fn gegroepeerd_uit(
    h: &History,
    f: &Filter,
    alle_jaar: &[Jaarafspraak],
    alle_kader: &[Kaderafspraak],
    cache: &mut Zoekcache,
) -> (Vec<Groep<Jaarafspraak>>, Vec<Groep<Kaderafspraak>>) {
    let kader: Vec<Kaderafspraak> =
        alle_kader.iter().filter(|k| f.past_kader_met(h, k, alle_jaar, cache)).cloned().collect();
    let jaar: Vec<Jaarafspraak> = alle_jaar.iter().filter(|j| f.past_jaar_met(h, j, cache)).cloned().collect();
    (groepeer(h, jaar, |j| j.subthema), groepeer(h, kader, |k| k.subthema))
}

/// A column of the planning: when in the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kolom {
    T1,
    T2,
    T3,
    Doorlopend,
    /// Free text ("Zie Haarlem", "Kan per direct") or no prioriteit.
    Overig,
}

impl Kolom {
    pub const ALL: [Kolom; 5] = [Kolom::T1, Kolom::T2, Kolom::T3, Kolom::Doorlopend, Kolom::Overig];

    /// The word used in filters and links: `T1`, `T2`, `T3`, `doorlopend`, `anders`.
    pub fn code(self) -> &'static str {
        match self {
            Kolom::T1 => "T1",
            Kolom::T2 => "T2",
            Kolom::T3 => "T3",
            Kolom::Doorlopend => "doorlopend",
            Kolom::Overig => "anders",
        }
    }

    pub fn from_code(s: &str) -> Option<Kolom> {
        Kolom::ALL.into_iter().find(|k| k.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The column for a prioriteit text: the first of T1/T2/T3 in it wins ("T1 en daarna
    /// doorlopend" → T1), else "doorlopend" anywhere ("Doorlopend – monitor"), else Overig.
    pub fn van_tekst(s: &str) -> Kolom {
        let lower = s.to_lowercase();
        let woorden: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let t = woorden.iter().find_map(|w| match *w {
            "t1" => Some(Kolom::T1),
            "t2" => Some(Kolom::T2),
            "t3" => Some(Kolom::T3),
            _ => None,
        });
        t.or_else(|| woorden.contains(&"doorlopend").then_some(Kolom::Doorlopend)).unwrap_or(Kolom::Overig)
    }

    pub fn van(p: &Prioriteit) -> Kolom {
        match p {
            Prioriteit::T1 => Kolom::T1,
            Prioriteit::T2 => Kolom::T2,
            Prioriteit::T3 => Kolom::T3,
            Prioriteit::Doorlopend => Kolom::Doorlopend,
            Prioriteit::Anders(s) => Kolom::van_tekst(s),
            Prioriteit::Geen => Kolom::Overig,
        }
    }
}

/// The planning of a year: always the five columns in order, each jaarafspraak in exactly one.
pub fn planning(h: &History, jaar: Option<i64>) -> Vec<(Kolom, Vec<Jaarafspraak>)> {
    let mut out: Vec<(Kolom, Vec<Jaarafspraak>)> = Kolom::ALL.into_iter().map(|k| (k, Vec::new())).collect();
    for j in jaarafspraken(h, jaar) {
        let k = Kolom::van(&j.prioriteit);
        out[Kolom::ALL.iter().position(|x| *x == k).expect("every column")].1.push(j);
    }
    out
}

/// The changes made after `sinds`, newest first.
pub fn gewijzigd_sinds(h: &History, sinds: Tijd) -> Vec<&Change> {
    h.changes_na(sinds).collect()
}

/// The latest `n` changes made after `sinds`, newest first: the cost depends on `n`, not on the
/// length of the history.
pub fn laatst_gewijzigd(h: &History, sinds: Tijd, n: usize) -> Vec<&Change> {
    h.changes_na(sinds).take(n).collect()
}

/// Whether a reader wants to see this change in a history: not the fields a user never edits
/// (author, order, monitor row), not the stamps a new entry gets (its agreement, party, date and
/// indicator) unless they were edited later, and not an empty value that replaced nothing.
pub fn zichtbare_wijziging(c: &Change) -> bool {
    if matches!(c.veld.as_str(), "auteur" | "volgorde" | "monitorregel") {
        return false;
    }
    let eerste = c.volgt.is_empty();
    let stempel = matches!(c.soort, ItemSoort::Voortgang | ItemSoort::Reactie | ItemSoort::Meting)
        && matches!(c.veld.as_str(), "afspraak" | "partij" | "datum" | "indicator");
    let leeg = match &c.waarde {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    };
    !(eerste && (stempel || leeg))
}

/// The user edits of one agreement since a moment, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Veranderd {
    pub afspraak: Uuid,
    pub wijzigingen: Vec<Change>,
}

/// How many changes [`veranderd_per_afspraak`] looks at, at most: what it shows, not the history.
pub const MAX_BEKEKEN: usize = 5_000;
/// How many changes of one agreement it lists, at most (the newest).
pub const MAX_PER_AFSPRAAK: usize = 8;

/// What users changed since `sinds`, grouped per agreement (the agreement whose field, voortgang,
/// reactie, indicator or meting changed), the most recently changed agreement first: at most
/// `max` agreements. Changes that came with a built-in example and changes a reader does not
/// want to see ([`zichtbare_wijziging`]) are left out; of one field only the newest change counts.
/// Walks the changes newest first and stops when it has `max` agreements or looked at
/// [`MAX_BEKEKEN`] changes, so it costs what it shows. The flag says whether there is more.
pub fn veranderd_per_afspraak(h: &History, sinds: Tijd, max: usize) -> (Vec<Veranderd>, bool) {
    let mut groepen: Vec<Veranderd> = Vec::new();
    let mut plek: HashMap<Uuid, usize> = HashMap::new();
    let mut gezien: std::collections::HashSet<(Uuid, &str)> = Default::default();
    for (n, c) in h.changes_na(sinds).enumerate() {
        if n >= MAX_BEKEKEN {
            return (groepen, true);
        }
        if crate::domain::examples::uit_voorbeeld(c) || !zichtbare_wijziging(c) || !gezien.insert((c.item, c.veld.as_str())) {
            continue;
        }
        let Some(afspraak) = afspraak_van(h, c.item) else { continue };
        match plek.get(&afspraak) {
            Some(&i) => {
                if groepen[i].wijzigingen.len() < MAX_PER_AFSPRAAK {
                    groepen[i].wijzigingen.push(c.clone());
                }
            }
            None if groepen.len() >= max => return (groepen, true),
            None => {
                plek.insert(afspraak, groepen.len());
                groepen.push(Veranderd { afspraak, wijzigingen: vec![c.clone()] });
            }
        }
    }
    (groepen, false)
}

/// The agreement an item is part of: itself, or the agreement of its voortgang, reactie,
/// indicator, or the indicator of its meting.
fn afspraak_van(h: &History, item: Uuid) -> Option<Uuid> {
    let veld_id = |id: Uuid, veld: &str| h.value(id, veld).and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok());
    match h.soort(item)? {
        ItemSoort::Jaarafspraak | ItemSoort::Kaderafspraak => Some(item),
        ItemSoort::Voortgang | ItemSoort::Reactie | ItemSoort::Indicator => veld_id(item, "afspraak"),
        ItemSoort::Meting => afspraak_van(h, veld_id(item, "indicator")?),
        _ => None,
    }
    .filter(|a| matches!(h.soort(*a), Some(ItemSoort::Jaarafspraak | ItemSoort::Kaderafspraak)))
}

/// What to discuss in a meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda {
    /// Rood, then geel.
    pub aandacht: Vec<Jaarafspraak>,
    /// Jaarafspraken whose trekker added no voortgang since the previous meeting.
    pub zonder_voortgang: Vec<Jaarafspraak>,
    /// Indicators with a measurement past the signal value.
    pub buiten_signaal: Vec<(Indicator, Meting)>,
}

/// Whether a voortgang entry is by (one of) the trekker parties; with no trekker parties known,
/// any entry counts.
fn door_trekker(w: &Werkruimte, j: &Jaarafspraak, v: &Voortgang) -> bool {
    if j.trekker_partijen.is_empty() {
        return true;
    }
    let p = vouw(v.partij.trim());
    j.trekker_partijen.iter().filter_map(|id| w.partij(*id)).any(|t| vouw(t.naam.trim()) == p || vouw(t.kort.trim()) == p)
}

/// The agenda for a meeting: attention items, jaarafspraken without voortgang by their trekker
/// dated after `sinds` (the previous meeting, `YYYY-MM-DD`; without it, or when it is not a date:
/// without any voortgang by the trekker), and the signals. Indicators of jaarafspraken of another
/// year are left out; those of kaderafspraken always count.
pub fn agenda(h: &History, jaar: Option<i64>, sinds: Option<&str>) -> Agenda {
    let w = Werkruimte::new(h);
    let sinds = sinds.filter(|s| super::time::parse_datum(s).is_some());
    let zonder_voortgang = jaarafspraken(h, jaar)
        .into_iter()
        .filter(|j| {
            !w.voortgang_van(j.id)
                .iter()
                .any(|v| door_trekker(&w, j, v) && sinds.is_none_or(|s| v.datum.as_str() > s))
        })
        .collect();
    let buiten_signaal = w
        .buiten_signaal()
        .into_iter()
        .filter(|(ind, _)| match (jaar, ind.afspraak) {
            (Some(y), Some(a)) if h.soort(a) == Some(ItemSoort::Jaarafspraak) => w.jaarafspraak(a).jaar == Some(y),
            _ => true,
        })
        .collect();
    Agenda { aandacht: aandacht(h, jaar), zonder_voortgang, buiten_signaal }
}

/// Codes used more than once: the same non-empty code (ignoring case and spacing) on two or more
/// jaarafspraken of the same year, or on two or more kaderafspraken. Each with the code as first
/// written and the ids in list order; jaarafspraken first.
pub fn dubbele_codes(h: &History) -> Vec<(String, Vec<Uuid>)> {
    let w = Werkruimte::new(h);
    dubbele_codes_uit(&w.jaarafspraken(), &w.kaderafspraken())
}

/// [`dubbele_codes`] of agreements read before.
pub fn dubbele_codes_uit(jaarafspraken: &[Jaarafspraak], kaderafspraken: &[Kaderafspraak]) -> Vec<(String, Vec<Uuid>)> {
    let sleutel = |code: &str| code.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let mut out = Vec::new();
    let mut verzamel = |items: Vec<(Option<i64>, String, Uuid)>| {
        // (year, normalized code) → index in `inhoud` (code as first written, ids), in order
        // of first use.
        let mut groepen: HashMap<(Option<i64>, String), usize> = HashMap::new();
        let mut inhoud: Vec<(String, Vec<Uuid>)> = Vec::new();
        for (jaar, code, id) in items {
            let k = (jaar, sleutel(&code));
            if k.1.is_empty() {
                continue;
            }
            match groepen.get(&k) {
                Some(i) => inhoud[*i].1.push(id),
                None => {
                    groepen.insert(k, inhoud.len());
                    inhoud.push((code.trim().to_string(), vec![id]));
                }
            }
        }
        out.extend(inhoud.into_iter().filter(|g| g.1.len() > 1));
    };
    verzamel(jaarafspraken.iter().map(|j| (j.jaar, j.code.clone(), j.id)).collect());
    verzamel(kaderafspraken.iter().map(|k| (None, k.code.clone(), k.id)).collect());
    out
}
