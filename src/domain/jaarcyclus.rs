//! The year cycle. Kaderafspraken hold for the whole period; every year new jaarafspraken are
//! made, many continuing last year's. Here:
//!
//! - preparing a new year ("nieuw jaar voorbereiden"): every jaarafspraak of the year before with
//!   a proposed choice (unfinished ones continue), the user's choices as a [`Plan`], its
//!   [`Voorbeeld`] (what will be made) and the edits that make it ([`bewerkingen`]);
//! - the line through the years of a jaarafspraak ([`lijn`]: what it continues and what continues
//!   it, each with its year's status), a kaderafspraak's jaarafspraken per year
//!   ([`kader_per_jaar`]) and comparing two years ([`vergelijk_jaren`]).
//!
//! **Done twice, made once.** The continuation of jaarafspraak X in year Y has an id derived from
//! X and Y ([`vervolg_id`]), and a jaarafspraak made from kaderafspraak K for year Y one derived
//! from K and Y ([`uit_kader_id`]). A plan skips what already exists (also a continuation made
//! by hand: any jaarafspraak of year Y whose `vorige` is X), so applying it twice makes nothing
//! twice. Two parties who each continue J 2.2 into 2025 make the *same* item: after exchanging
//! files there is one J 2.2 for 2025, and where they chose differently (a prioriteit) that field
//! shows a conflict to resolve, never a silent double.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::{json, Value};
use uuid::Uuid;

use super::formulier::Bewerking;
use super::history::History;
use super::model::{Fields, Jaarafspraak, Status, Werkruimte};
use super::report::Telling;
use super::schema::{ItemSoort, VERWIJDERD};

/// What happens to a jaarafspraak of the year before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keuze {
    /// A new jaarafspraak for the new year with the same content, `vorige` pointing back.
    Voortzetten,
    /// Done: not carried.
    Afgerond,
    /// Carried with another code, title or text.
    Anders,
}

impl Keuze {
    pub const ALL: [Keuze; 3] = [Keuze::Voortzetten, Keuze::Afgerond, Keuze::Anders];

    /// The proposed choice: unfinished work (geel, rood, niet beoordeeld) continues; groen is done.
    pub fn voorstel(status: Status) -> Keuze {
        match status {
            Status::Groen => Keuze::Afgerond,
            _ => Keuze::Voortzetten,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Keuze::Voortzetten => "voortzetten",
            Keuze::Afgerond => "afgerond",
            Keuze::Anders => "anders",
        }
    }

    pub fn neemt_mee(self) -> bool {
        self != Keuze::Afgerond
    }
}

/// The tertiaal of a date (`YYYY-MM-DD`): T1 january–april, T2 may–august, T3
/// september–december. `None` for a text that is not a date.
pub fn tertiaal_van(datum: &str) -> Option<&'static str> {
    super::time::parse_datum(datum)?;
    match datum.get(5..7)?.parse::<u32>().ok()? {
        1..=4 => Some("T1"),
        5..=8 => Some("T2"),
        _ => Some("T3"),
    }
}

/// The id of the continuation of jaarafspraak `vorige` in `jaar`: the same in every copy.
pub fn vervolg_id(vorige: Uuid, jaar: i64) -> Uuid {
    Uuid::new_v5(&vorige, format!("vervolg:{jaar}").as_bytes())
}

/// The id of the jaarafspraak made from kaderafspraak `kader` for `jaar` in a new-year plan.
pub fn uit_kader_id(kader: Uuid, jaar: i64) -> Uuid {
    Uuid::new_v5(&kader, format!("jaarafspraak:{jaar}").as_bytes())
}

/// One jaarafspraak on a line through the years.
#[derive(Clone, Debug, PartialEq)]
pub struct Schakel {
    pub id: Uuid,
    pub jaar: Option<i64>,
    pub code: String,
    pub titel: String,
    pub status: Status,
    pub conflict: bool,
}

impl Schakel {
    fn van(j: &Jaarafspraak) -> Schakel {
        Schakel { id: j.id, jaar: j.jaar, code: j.code.clone(), titel: j.titel.clone(), status: j.status, conflict: j.conflict }
    }

    fn lees(h: &History, id: Uuid) -> Schakel {
        Schakel::van(&Werkruimte::new(h).jaarafspraak(id))
    }
}

/// Whether `id` is a jaarafspraak that is in view.
fn levend(h: &History, id: Uuid) -> bool {
    h.soort(id) == Some(ItemSoort::Jaarafspraak) && !h.is_deleted(id)
}

/// The jaarafspraken (in view) that continue `id`: their `vorige` is `id`.
pub fn opvolgers(h: &History, id: Uuid) -> Vec<Uuid> {
    h.verwijzend_naar(id, "vorige").into_iter().filter(|o| levend(h, *o)).collect()
}

/// The line of a jaarafspraak through the years: what it continues (back to the first year),
/// itself, and what continues it (also when one was split into several), ordered by year.
/// Costs the length of the line, not the size of the workspace.
pub fn lijn(h: &History, id: Uuid) -> Vec<Schakel> {
    let mut gezien: HashSet<Uuid> = HashSet::from([id]);
    let mut ids = vec![id];
    let mut terug = Fields::new(h, id).id("vorige");
    while let Some(v) = terug.filter(|v| levend(h, *v) && gezien.insert(*v)) {
        ids.push(v);
        terug = Fields::new(h, v).id("vorige");
    }
    let mut te_doen = vec![id];
    while let Some(x) = te_doen.pop() {
        for o in opvolgers(h, x) {
            if gezien.insert(o) {
                ids.push(o);
                te_doen.push(o);
            }
        }
    }
    let mut v: Vec<Schakel> = ids.into_iter().map(|i| Schakel::lees(h, i)).collect();
    v.sort_by(|a, b| (a.jaar.is_none(), a.jaar, &a.code, a.id).cmp(&(b.jaar.is_none(), b.jaar, &b.code, b.id)));
    v
}

/// A kaderafspraak's jaarafspraken per year: every year of the workspace's period (also those
/// without any yet), then other years that have some, then those without a year (`None`).
pub fn kader_per_jaar(h: &History, kader: Uuid) -> Vec<(Option<i64>, Vec<Schakel>)> {
    let info = Werkruimte::new(h).info();
    let mut jaren: BTreeSet<Option<i64>> = BTreeSet::new();
    if let (Some(van), Some(tot)) = (info.periode_van, info.periode_tot) {
        if tot >= van && tot - van < 50 {
            jaren.extend((van..=tot).map(Some));
        }
    }
    let mut schakels: Vec<Schakel> = h
        .verwijzend_naar(kader, "kaderafspraken")
        .into_iter()
        .filter(|j| levend(h, *j))
        .map(|j| Schakel::lees(h, j))
        .collect();
    schakels.sort_by(|a, b| (&a.code, a.id).cmp(&(&b.code, b.id)));
    jaren.extend(schakels.iter().map(|s| s.jaar));
    let mut out: Vec<(Option<i64>, Vec<Schakel>)> = jaren
        .into_iter()
        .filter(Option::is_some)
        .map(|j| (j, schakels.iter().filter(|s| s.jaar == j).cloned().collect()))
        .collect();
    let zonder: Vec<Schakel> = schakels.into_iter().filter(|s| s.jaar.is_none()).collect();
    if !zonder.is_empty() {
        out.push((None, zonder));
    }
    out
}

/// Two years side by side: the status counts of each, and how many of the later year's
/// jaarafspraken continue one of the earlier year.
#[derive(Clone, Debug, PartialEq)]
pub struct JarenVergelijking {
    pub eerder: (i64, Telling),
    pub later: (i64, Telling),
    pub voortgezet: usize,
}

/// Compares two years over jaarafspraken read before (every year).
pub fn vergelijk_jaren(alle: &[Jaarafspraak], eerder: i64, later: i64) -> JarenVergelijking {
    let van = |j: i64| Telling::van_lijst(alle.iter().filter(|a| a.jaar == Some(j)));
    let ids: HashSet<Uuid> = alle.iter().filter(|a| a.jaar == Some(eerder)).map(|a| a.id).collect();
    let voortgezet = alle.iter().filter(|a| a.jaar == Some(later) && a.vorige.is_some_and(|v| ids.contains(&v))).count();
    JarenVergelijking { eerder: (eerder, van(eerder)), later: (later, van(later)), voortgezet }
}

/// A jaarafspraak of the year before, as the new-year screen lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Kandidaat {
    pub afspraak: Jaarafspraak,
    /// The proposed choice ([`Keuze::voorstel`]).
    pub voorstel: Keuze,
    /// Jaarafspraken of the new year that already continue it.
    pub vervolg: Vec<Schakel>,
}

/// Every jaarafspraak of the year before `jaar`, in list order, from jaarafspraken read before.
pub fn kandidaten_uit(h: &History, alle: &[Jaarafspraak], jaar: i64) -> Vec<Kandidaat> {
    alle.iter()
        .filter(|j| j.jaar == Some(jaar - 1))
        .map(|j| Kandidaat {
            afspraak: j.clone(),
            voorstel: Keuze::voorstel(j.status),
            vervolg: vervolg_in(h, j.id, jaar),
        })
        .collect()
}

/// The jaarafspraken of `jaar` that continue `bron` (in view).
fn vervolg_in(h: &History, bron: Uuid, jaar: i64) -> Vec<Schakel> {
    opvolgers(h, bron).into_iter().map(|o| Schakel::lees(h, o)).filter(|s| s.jaar == Some(jaar)).collect()
}

/// Another code, title or text for a jaarafspraak that is carried ([`Keuze::Anders`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aanpassing {
    pub code: String,
    pub titel: String,
    pub tekst: String,
}

/// The choice for one jaarafspraak of the year before.
#[derive(Clone, Debug, PartialEq)]
pub struct Regel {
    pub bron: Uuid,
    pub keuze: Keuze,
    /// The prioriteit in the new year ("T1" …); empty: to be chosen later.
    pub prioriteit: String,
    /// Used with [`Keuze::Anders`].
    pub aanpassing: Aanpassing,
}

/// A new jaarafspraak from a kaderafspraak.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UitKader {
    pub kader: Uuid,
    pub code: String,
    pub titel: String,
    pub prioriteit: String,
}

/// The user's choices for a new year.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub jaar: i64,
    pub regels: Vec<Regel>,
    pub uit_kader: Vec<UitKader>,
}

impl Plan {
    /// The proposed plan: each candidate with its proposed choice, nothing from kaderafspraken.
    pub fn voorgesteld(jaar: i64, kandidaten: &[Kandidaat]) -> Plan {
        Plan {
            jaar,
            regels: kandidaten
                .iter()
                .map(|k| Regel {
                    bron: k.afspraak.id,
                    keuze: k.voorstel,
                    prioriteit: String::new(),
                    aanpassing: Aanpassing {
                        code: k.afspraak.code.clone(),
                        titel: k.afspraak.titel.clone(),
                        tekst: k.afspraak.tekst.clone(),
                    },
                })
                .collect(),
            uit_kader: Vec::new(),
        }
    }
}

/// A jaarafspraak a plan makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Nieuw {
    pub id: Uuid,
    /// The jaarafspraak it continues.
    pub vorige: Option<Uuid>,
    /// The kaderafspraak it is made from.
    pub kader: Option<Uuid>,
    pub code: String,
    pub titel: String,
    pub prioriteit: String,
    /// Carried with another code, title or text.
    pub aangepast: bool,
    /// Made before and deleted since (a plan taken back): it comes back, with this plan's choices.
    pub terug: bool,
}

/// What a plan does, before it is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Voorbeeld {
    /// The new year.
    pub jaar: Option<i64>,
    pub nieuw: Vec<Nieuw>,
    /// Chosen to carry, but already continued in the new year: (jaarafspraak, its continuation).
    pub al_gedaan: Vec<(Uuid, Uuid)>,
    /// Chosen from a kaderafspraak, but made before: (kaderafspraak, the jaarafspraak).
    pub al_uit_kader: Vec<(Uuid, Uuid)>,
    /// Done: not carried.
    pub afgerond: Vec<Uuid>,
}

impl Voorbeeld {
    pub fn is_leeg(&self) -> bool {
        self.nieuw.is_empty()
    }

    /// New jaarafspraken whose code another jaarafspraak of the new year already has (ignoring
    /// case and spacing), with that one: (new, existing). A code is a label, so this is only a
    /// warning; `alle`: the jaarafspraken read before.
    pub fn zelfde_code(&self, alle: &[Jaarafspraak]) -> Vec<(Uuid, Uuid)> {
        let sleutel = |c: &str| c.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let Some(jaar) = self.jaar else { return Vec::new() };
        let mut per_code: HashMap<String, Vec<Uuid>> = HashMap::new();
        for j in alle.iter().filter(|j| j.jaar == Some(jaar)) {
            let k = sleutel(&j.code);
            if !k.is_empty() {
                per_code.entry(k).or_default().push(j.id);
            }
        }
        let mut out = Vec::new();
        for n in self.nieuw.iter().filter(|n| !n.terug) {
            if let Some(ids) = per_code.get(&sleutel(&n.code)) {
                out.extend(ids.iter().filter(|b| **b != n.id).map(|b| (n.id, *b)));
            }
        }
        out
    }
}

/// What applying `plan` would make. Costs the plan, not the workspace.
pub fn voorbeeld(h: &History, plan: &Plan) -> Voorbeeld {
    let mut v = Voorbeeld { jaar: Some(plan.jaar), ..Voorbeeld::default() };
    for r in &plan.regels {
        if !levend(h, r.bron) {
            continue;
        }
        if !r.keuze.neemt_mee() {
            v.afgerond.push(r.bron);
            continue;
        }
        let id = vervolg_id(r.bron, plan.jaar);
        if let Some(bestaand) = vervolg_in(h, r.bron, plan.jaar).first() {
            v.al_gedaan.push((r.bron, bestaand.id));
            continue;
        }
        // Made by a plan before and changed since (another year, another `vorige`): done.
        if levend(h, id) {
            v.al_gedaan.push((r.bron, id));
            continue;
        }
        let f = Fields::new(h, r.bron);
        let anders = r.keuze == Keuze::Anders;
        let (code, titel) = if anders {
            (r.aanpassing.code.trim().to_string(), r.aanpassing.titel.trim().to_string())
        } else {
            (f.text("code"), f.text("titel"))
        };
        v.nieuw.push(Nieuw {
            id,
            vorige: Some(r.bron),
            kader: None,
            aangepast: anders && (code != f.text("code") || titel != f.text("titel") || r.aanpassing.tekst != f.text("tekst")),
            code,
            titel,
            prioriteit: r.prioriteit.trim().to_string(),
            // It exists only as a deleted item here.
            terug: h.exists(id),
        });
    }
    for u in &plan.uit_kader {
        if h.soort(u.kader) != Some(ItemSoort::Kaderafspraak) || h.is_deleted(u.kader) {
            continue;
        }
        let id = uit_kader_id(u.kader, plan.jaar);
        if levend(h, id) {
            v.al_uit_kader.push((u.kader, id));
            continue;
        }
        let k = Fields::new(h, u.kader);
        let titel = if u.titel.trim().is_empty() { k.text("titel") } else { u.titel.trim().to_string() };
        v.nieuw.push(Nieuw {
            id,
            vorige: None,
            kader: Some(u.kader),
            code: u.code.trim().to_string(),
            titel,
            prioriteit: u.prioriteit.trim().to_string(),
            aangepast: false,
            terug: h.exists(id),
        });
    }
    v
}

/// The fields a continuation takes over unchanged.
const MEE: &[&str] = &["partijen", "subthema", "kaderafspraken", "trekker", "trekker_partijen", "monitorregel", "volgorde"];

/// The edits that apply `plan`: for each new jaarafspraak its fields (a continuation: the
/// year, `vorige`, code, title, text, parties, subtheme, kaderafspraken, trekker and the chosen
/// prioriteit; its status starts as niet beoordeeld and no voortgang comes along). One made
/// before and deleted since comes back with these fields. Write them in one go
/// ([`super::formulier::schrijf`], which skips values already shown) to apply the plan as one
/// step.
pub fn bewerkingen(h: &History, plan: &Plan) -> Vec<Bewerking> {
    let v = voorbeeld(h, plan);
    let s = ItemSoort::Jaarafspraak;
    let mut out: Vec<Bewerking> = Vec::new();
    for n in &v.nieuw {
        if n.terug {
            out.push((n.id, s, VERWIJDERD, json!(false)));
        }
        out.push((n.id, s, "jaar", json!(plan.jaar)));
        out.push((n.id, s, "code", json!(n.code)));
        out.push((n.id, s, "titel", json!(n.titel)));
        if let Some(bron) = n.vorige {
            let regel = plan.regels.iter().find(|r| r.bron == bron);
            let tekst = match regel {
                Some(r) if r.keuze == Keuze::Anders => json!(r.aanpassing.tekst),
                _ => h.value(bron, "tekst").cloned().unwrap_or(Value::Null),
            };
            out.push((n.id, s, "tekst", tekst));
            for veld in MEE {
                if let Some(w) = h.value(bron, veld) {
                    out.push((n.id, s, veld, w.clone()));
                }
            }
            out.push((n.id, s, "vorige", json!(bron.to_string())));
        }
        if let Some(k) = n.kader {
            out.push((n.id, s, "kaderafspraken", json!([k.to_string()])));
            for veld in ["subthema", "partijen"] {
                if let Some(w) = h.value(k, veld) {
                    out.push((n.id, s, veld, w.clone()));
                }
            }
        }
        if !n.prioriteit.is_empty() {
            out.push((n.id, s, "prioriteit", json!(n.prioriteit)));
        }
    }
    out
}

/// The edits that take back an applied plan: the jaarafspraken it made (or brought back) are
/// deleted again, as any delete: it travels with the next export, and each can be restored.
pub fn ongedaan(h: &History, items: &[Uuid]) -> Vec<Bewerking> {
    items.iter().filter(|i| levend(h, **i)).map(|i| (*i, ItemSoort::Jaarafspraak, VERWIJDERD, json!(true))).collect()
}
