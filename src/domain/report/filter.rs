//! The list filter: what it keeps, how it travels in a link (query string), and the search that
//! ignores case and accents ("pre" finds "Pré").
//!
//! A search reads each agreement's text with its voortgang and reacties, folded to lowercase
//! without accents. [`Zoekcache`] keeps that text per agreement until the agreement (or
//! something that belongs to it) changes, so a keystroke costs a substring test per agreement.

use std::collections::HashMap;

use uuid::Uuid;

use super::super::history::History;
use super::super::model::{Jaarafspraak, Kaderafspraak, Status, Werkruimte};
use super::super::schema::ItemSoort;
use super::Kolom;

/// What a list shows. Empty parts filter nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub jaar: Option<i64>,
    /// A theme (or a subtheme) id.
    pub thema: Option<Uuid>,
    /// A party involved: in `partijen` or `trekker_partijen`.
    pub partij: Option<Uuid>,
    /// The trekker label as [`super::trekker`] shows it (case and accents ignored).
    pub trekker: Option<String>,
    pub status: Option<Status>,
    /// A planning column code: "T1", "T2", "T3", "doorlopend", "anders" (see [`Kolom::code`]).
    pub prioriteit: Option<String>,
    /// Words that must all occur (case and accents ignored).
    pub zoek: String,
    /// Only agreements with an open conflict.
    pub conflict: bool,
}

const SLEUTELS: [&str; 8] = ["jaar", "thema", "partij", "trekker", "status", "prioriteit", "conflict", "zoek"];

/// The folded search text of each agreement, kept while the agreement does not change.
#[derive(Clone, Debug, Default)]
pub struct Zoekcache {
    teksten: HashMap<Uuid, (u64, String)>,
}

impl Zoekcache {
    /// A key that changes when the agreement, something that belongs to it, or a trekker party
    /// (whose name can be the trekker shown) changes.
    fn sleutel(h: &History, id: Uuid, partijen: &[Uuid]) -> u64 {
        partijen.iter().fold(h.item_versie(id), |k, p| k.wrapping_mul(31).wrapping_add(h.item_versie(*p)))
    }

    /// Makes the search text of a jaarafspraak ready, so a later search is quick.
    pub fn bereid_jaar(&mut self, h: &History, j: &Jaarafspraak) {
        self.tekst(h, j.id, &j.trekker_partijen, || zoekteksten_jaar(h, j));
    }

    /// Makes the search text of a kaderafspraak ready.
    pub fn bereid_kader(&mut self, h: &History, k: &Kaderafspraak) {
        self.tekst(h, k.id, &[], || zoekteksten_kader(h, k));
    }

    fn tekst(&mut self, h: &History, id: Uuid, partijen: &[Uuid], maak: impl FnOnce() -> Vec<String>) -> &str {
        let sleutel = Zoekcache::sleutel(h, id, partijen);
        let entry = self.teksten.entry(id).or_insert_with(|| (sleutel.wrapping_add(1), String::new()));
        if entry.0 != sleutel {
            *entry = (sleutel, vouw(&maak().join("\n")));
        }
        &entry.1
    }
}

impl Filter {
    /// Whether the filter filters nothing.
    pub fn is_leeg(&self) -> bool {
        self.jaar.is_none()
            && self.thema.is_none()
            && self.partij.is_none()
            && self.trekker.is_none()
            && self.status.is_none()
            && self.prioriteit.is_none()
            && !self.conflict
            && self.zoek.trim().is_empty()
    }

    /// Reads a query string such as `jaar=2024&status=rood` (a leading `?` is allowed). Unknown
    /// keys and unreadable values are ignored; a key given twice counts the last time.
    pub fn from_query(q: &str) -> Filter {
        let mut f = Filter::default();
        for deel in q.strip_prefix('?').unwrap_or(q).split('&') {
            let (k, v) = deel.split_once('=').unwrap_or((deel, ""));
            let (k, v) = (decode(k), decode(v));
            let tekst = (!v.is_empty()).then(|| v.clone());
            match k.as_str() {
                "jaar" => f.jaar = v.trim().parse().ok(),
                "thema" => f.thema = Uuid::parse_str(v.trim()).ok(),
                "partij" => f.partij = Uuid::parse_str(v.trim()).ok(),
                "trekker" => f.trekker = tekst,
                "status" => f.status = Status::from_code(v.trim()),
                "prioriteit" => f.prioriteit = tekst,
                "conflict" => f.conflict = matches!(v.trim(), "ja" | "1" | "true"),
                "zoek" => f.zoek = v,
                _ => {}
            }
        }
        f
    }

    /// The query string: keys in a fixed order, values percent-encoded, empty parts left out.
    pub fn to_query(&self) -> String {
        let waarden: [Option<String>; 8] = [
            self.jaar.map(|j| j.to_string()),
            self.thema.map(|t| t.to_string()),
            self.partij.map(|p| p.to_string()),
            self.trekker.clone(),
            self.status.map(|s| s.code().to_string()),
            self.prioriteit.clone(),
            self.conflict.then(|| "ja".to_string()),
            Some(self.zoek.clone()),
        ];
        SLEUTELS
            .iter()
            .zip(waarden)
            .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={}", encode(&v))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether a jaarafspraak passes.
    pub fn past_jaar(&self, h: &History, j: &Jaarafspraak) -> bool {
        self.past_jaar_met(h, j, &mut Zoekcache::default())
    }

    /// [`Filter::past_jaar`] with the search texts kept in `cache`.
    pub fn past_jaar_met(&self, h: &History, j: &Jaarafspraak, cache: &mut Zoekcache) -> bool {
        if self.jaar.is_some_and(|y| j.jaar != Some(y)) {
            return false;
        }
        if self.conflict && !j.conflict {
            return false;
        }
        if self.thema.is_some_and(|t| !in_thema(h, j.subthema, t)) {
            return false;
        }
        if self.partij.is_some_and(|p| !j.partijen.contains(&p) && !j.trekker_partijen.contains(&p)) {
            return false;
        }
        if !self.past_jaar_eigen(h, j) {
            return false;
        }
        let woorden = self.woorden();
        if woorden.is_empty() {
            return true;
        }
        let hooiberg = cache.tekst(h, j.id, &j.trekker_partijen, || zoekteksten_jaar(h, j));
        woorden.iter().all(|w| hooiberg.contains(w.as_str()))
    }

    /// The parts only jaarafspraken have: trekker, status, prioriteit.
    fn past_jaar_eigen(&self, h: &History, j: &Jaarafspraak) -> bool {
        if let Some(t) = &self.trekker {
            if vouw(t.trim()) != vouw(&super::trekker(h, j)) {
                return false;
            }
        }
        if self.status.is_some_and(|s| j.status != s) {
            return false;
        }
        if let Some(p) = &self.prioriteit {
            if !Kolom::van(&j.prioriteit).code().eq_ignore_ascii_case(p.trim()) {
                return false;
            }
        }
        true
    }

    /// Whether a kaderafspraak passes. Kaderafspraken span years and have no trekker, status or
    /// prioriteit: when one of those is set, a kaderafspraak passes if one of its jaarafspraken
    /// (of the filter's year, if set) passes them. The year alone does not filter kaderafspraken.
    pub fn past_kader(&self, h: &History, k: &Kaderafspraak) -> bool {
        let jaarafspraken = Werkruimte::new(h).jaarafspraken();
        self.past_kader_met(h, k, &jaarafspraken, &mut Zoekcache::default())
    }

    /// [`Filter::past_kader`] with the workspace's jaarafspraken read once by the caller, and the
    /// search texts kept in `cache`.
    pub fn past_kader_met(&self, h: &History, k: &Kaderafspraak, jaarafspraken: &[Jaarafspraak], cache: &mut Zoekcache) -> bool {
        if self.conflict && !k.conflict {
            return false;
        }
        if self.thema.is_some_and(|t| !in_thema(h, k.subthema, t)) {
            return false;
        }
        if self.partij.is_some_and(|p| !k.partijen.contains(&p)) {
            return false;
        }
        if self.trekker.is_some() || self.status.is_some() || self.prioriteit.is_some() {
            let via = jaarafspraken.iter().any(|j| {
                j.kaderafspraken.contains(&k.id)
                    && self.jaar.is_none_or(|y| j.jaar == Some(y))
                    && self.past_jaar_eigen(h, j)
            });
            if !via {
                return false;
            }
        }
        let woorden = self.woorden();
        if woorden.is_empty() {
            return true;
        }
        let hooiberg = cache.tekst(h, k.id, &[], || zoekteksten_kader(h, k));
        woorden.iter().all(|w| hooiberg.contains(w.as_str()))
    }

    fn woorden(&self) -> Vec<String> {
        self.zoek.split_whitespace().map(vouw).collect()
    }
}

/// What a search looks through for a jaarafspraak.
fn zoekteksten_jaar(h: &History, j: &Jaarafspraak) -> Vec<String> {
    let w = Werkruimte::new(h);
    let mut teksten = vec![j.code.clone(), j.titel.clone(), j.tekst.clone(), super::trekker(h, j), j.oorzaak.clone(), j.actie.clone()];
    teksten.extend(bijbehorend(&w, j.id));
    teksten
}

/// What a search looks through for a kaderafspraak.
fn zoekteksten_kader(h: &History, k: &Kaderafspraak) -> Vec<String> {
    let w = Werkruimte::new(h);
    let mut teksten = vec![k.code.clone(), k.titel.clone(), k.tekst.clone()];
    teksten.extend(k.voetnoten.iter().cloned());
    teksten.extend(bijbehorend(&w, k.id));
    teksten
}

/// The texts of an agreement's voortgang and reacties, with who wrote them.
fn bijbehorend(w: &Werkruimte, afspraak: Uuid) -> Vec<String> {
    let mut out = Vec::new();
    for v in w.voortgang_van(afspraak) {
        out.extend([v.tekst, v.partij]);
    }
    for r in w.reacties_van(afspraak) {
        out.extend([r.tekst, r.partij]);
    }
    out
}

/// Whether a subtheme is `thema` or lies in it.
fn in_thema(h: &History, subthema: Option<Uuid>, thema: Uuid) -> bool {
    let Some(s) = subthema else { return false };
    s == thema
        || (h.soort(s) == Some(ItemSoort::Subthema) && Werkruimte::new(h).subthema(s).thema == Some(thema))
}

/// Lowercase without accents, for comparing and searching: "Pré Wonen" → "pre wonen".
pub fn vouw(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let r: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ĳ' => "ij",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ß' => "ss",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '‘' | '’' | '‚' | '′' => "'",
            '“' | '”' | '„' | '″' => "\"",
            '–' | '—' | '‐' | '‑' => "-",
            // Combining accents (decomposed text) are dropped.
            '\u{300}'..='\u{36f}' => "",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(r);
    }
    out
}

/// Percent-encodes everything but unreserved ASCII (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes and `+` (space); a `%` without two hex digits stays as it is.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            x => {
                out.push(x);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}
