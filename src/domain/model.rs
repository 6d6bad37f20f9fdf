//! Typed views of a workspace, read from its [`History`]: the domain words as Rust types.
//!
//! These are snapshots for reading (screens, reports, tests). Edits never write these structs
//! back; they go through changes ([`History::apply`]).

use serde_json::Value;
use uuid::Uuid;

use super::history::History;
use super::schema::ItemSoort;

/// The stoplicht status of a jaarafspraak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Status {
    /// Op schema of gedaan.
    Groen,
    /// Vereist actie.
    Geel,
    /// Loopt achter of nog geen actie.
    Rood,
    #[default]
    NietBeoordeeld,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Groen, Status::Geel, Status::Rood, Status::NietBeoordeeld];

    pub fn code(self) -> &'static str {
        match self {
            Status::Groen => "groen",
            Status::Geel => "geel",
            Status::Rood => "rood",
            Status::NietBeoordeeld => "niet_beoordeeld",
        }
    }

    pub fn from_code(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.code() == s)
    }

    /// Geel and rood need a cause and an action.
    pub fn vraagt_toelichting(self) -> bool {
        matches!(self, Status::Geel | Status::Rood)
    }
}

/// When in the year a jaarafspraak is planned.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Prioriteit {
    T1,
    T2,
    T3,
    Doorlopend,
    /// Free text such as "Zie Haarlem" or "Te bepalen in Werkgroep Duurzaamheid".
    Anders(String),
    Geen,
}

impl Prioriteit {
    /// Reads the stored text: "T1", "t2", "Doorlopend" … become the fixed values, anything else
    /// stays free text.
    pub fn parse(s: &str) -> Prioriteit {
        let t = s.trim();
        match t.to_lowercase().as_str() {
            "" => Prioriteit::Geen,
            "t1" => Prioriteit::T1,
            "t2" => Prioriteit::T2,
            "t3" => Prioriteit::T3,
            "doorlopend" => Prioriteit::Doorlopend,
            _ => Prioriteit::Anders(t.to_string()),
        }
    }

    pub fn tekst(&self) -> String {
        match self {
            Prioriteit::T1 => "T1".into(),
            Prioriteit::T2 => "T2".into(),
            Prioriteit::T3 => "T3".into(),
            Prioriteit::Doorlopend => "Doorlopend".into(),
            Prioriteit::Anders(s) => s.clone(),
            Prioriteit::Geen => String::new(),
        }
    }
}

/// Reads fields of one item (the item is looked up once, not per field).
pub struct Fields<'a> {
    pub history: &'a History,
    pub id: Uuid,
    velden: super::history::ItemVelden<'a>,
}

impl<'a> Fields<'a> {
    pub fn new(history: &'a History, id: Uuid) -> Self {
        Fields { history, id, velden: history.item_velden(id) }
    }
    pub fn value(&self, veld: &str) -> Option<&'a Value> {
        self.velden.value(veld)
    }
    pub fn text(&self, veld: &str) -> String {
        self.value(veld).and_then(Value::as_str).unwrap_or_default().to_string()
    }
    pub fn opt_text(&self, veld: &str) -> Option<String> {
        self.value(veld).and_then(Value::as_str).map(str::to_string)
    }
    pub fn number(&self, veld: &str) -> Option<f64> {
        self.value(veld).and_then(Value::as_f64)
    }
    pub fn int(&self, veld: &str) -> Option<i64> {
        self.value(veld).and_then(Value::as_i64)
    }
    pub fn bool(&self, veld: &str) -> bool {
        self.value(veld).and_then(Value::as_bool).unwrap_or(false)
    }
    pub fn texts(&self, veld: &str) -> Vec<String> {
        self.value(veld)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default()
    }
    pub fn id(&self, veld: &str) -> Option<Uuid> {
        self.value(veld).and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok())
    }
    pub fn ids(&self, veld: &str) -> Vec<Uuid> {
        self.value(veld)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).filter_map(|s| Uuid::parse_str(s).ok()).collect())
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct WerkruimteInfo {
    pub id: Uuid,
    pub titel: String,
    pub gemeente: String,
    pub periode_van: Option<i64>,
    pub periode_tot: Option<i64>,
    pub inleiding: String,
    pub voetnoten: Vec<String>,
    /// A description of the workspace by its users (not text of the agreements).
    pub omschrijving: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Partij {
    pub id: Uuid,
    pub naam: String,
    pub kort: String,
    pub soort: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Thema {
    pub id: Uuid,
    pub nummer: String,
    pub titel: String,
    pub ambitie: String,
    pub nationaal: Vec<String>,
    pub gezamenlijk: Vec<String>,
    pub volgorde: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subthema {
    pub id: Uuid,
    pub thema: Option<Uuid>,
    pub nummer: String,
    pub titel: String,
    pub inleiding: String,
    pub voetnoten: Vec<String>,
    pub volgorde: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Kaderafspraak {
    pub id: Uuid,
    pub code: String,
    pub titel: String,
    pub tekst: String,
    pub partijen: Vec<Uuid>,
    pub subthema: Option<Uuid>,
    pub voetnoten: Vec<String>,
    pub volgorde: f64,
    /// A field is in conflict, or a delete is in conflict with work it did not see.
    pub conflict: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Jaarafspraak {
    pub id: Uuid,
    pub jaar: Option<i64>,
    pub code: String,
    pub titel: String,
    pub tekst: String,
    pub partijen: Vec<Uuid>,
    pub subthema: Option<Uuid>,
    pub kaderafspraken: Vec<Uuid>,
    pub trekker: String,
    pub trekker_partijen: Vec<Uuid>,
    pub prioriteit: Prioriteit,
    pub status: Status,
    pub oorzaak: String,
    pub actie: String,
    pub vorige: Option<Uuid>,
    /// A row of the monitor that is not a numbered jaarafspraak (5.2.3, M1, M2).
    pub monitorregel: bool,
    pub volgorde: f64,
    /// Highlighted in the raadsinformatiebericht ("Wat wij hebben bereikt"), with a short text.
    pub uitgelicht: bool,
    pub uitgelicht_tekst: String,
    /// A field is in conflict, or a delete is in conflict with work it did not see.
    pub conflict: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Voortgang {
    pub id: Uuid,
    pub afspraak: Option<Uuid>,
    pub datum: String,
    /// The round it belongs to ("T2", "voorjaar" …), empty when not given.
    pub ronde: String,
    pub partij: String,
    pub auteur: String,
    pub tekst: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: Uuid,
    pub afspraak: Option<Uuid>,
    pub naam: String,
    pub eenheid: String,
    pub doel: Option<f64>,
    pub richting: String,
    pub signaalwaarde: Option<f64>,
    pub toelichting: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Meting {
    pub id: Uuid,
    pub indicator: Option<Uuid>,
    pub datum: String,
    pub partij: Option<Uuid>,
    pub waarde: Option<f64>,
    pub toelichting: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Begrip {
    pub id: Uuid,
    pub term: String,
    pub uitleg: String,
    pub bron: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Overleg {
    pub id: Uuid,
    pub naam: String,
    pub soort: String,
    pub seizoen: String,
    pub jaar: Option<i64>,
    pub datum: String,
    pub deelnemers: Vec<String>,
    pub onderwerpen: Vec<String>,
    pub volgorde: f64,
}

/// A monitoring round whose statuses are frozen (`standen`).
#[derive(Clone, Debug, PartialEq)]
pub struct Peilmoment {
    pub id: Uuid,
    pub naam: String,
    pub datum: String,
    /// The year it belongs to; `None`: every year (or, made before format 3, not one year).
    pub jaar: Option<i64>,
    /// "voorjaar", "najaar", "T1", "T2" or "T3"; empty when not known.
    pub ronde: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reactie {
    pub id: Uuid,
    pub afspraak: Option<Uuid>,
    pub datum: String,
    pub partij: String,
    pub auteur: String,
    pub tekst: String,
    pub prive: bool,
}

impl Indicator {
    /// Whether a measured value is on the wrong side of the signal value (or, without one, of the
    /// target).
    pub fn buiten_signaal(&self, waarde: f64) -> bool {
        let Some(grens) = self.signaalwaarde.or(self.doel) else { return false };
        match self.richting.as_str() {
            "maximaal" => waarde > grens,
            _ => waarde < grens,
        }
    }
}

/// Read access to a workspace's items as typed values.
pub struct Werkruimte<'a> {
    pub history: &'a History,
}

/// Sorts by `volgorde`, then by a text (a code or name), borrowing both: a list of thousands is
/// sorted without copying a string per comparison.
fn sort_volgorde<T>(v: &mut [T], key: impl Fn(&T) -> (f64, &str)) {
    v.sort_by(|a, b| {
        let (ka, sa) = key(a);
        let (kb, sb) = key(b);
        ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal).then(sa.cmp(sb))
    });
}

impl<'a> Werkruimte<'a> {
    pub fn new(history: &'a History) -> Self {
        Werkruimte { history }
    }

    fn f(&self, id: Uuid) -> Fields<'a> {
        Fields::new(self.history, id)
    }

    pub fn info(&self) -> WerkruimteInfo {
        let id = self.history.werkruimte();
        let f = self.f(id);
        WerkruimteInfo {
            id,
            titel: f.text("titel"),
            gemeente: f.text("gemeente"),
            periode_van: f.int("periode_van"),
            periode_tot: f.int("periode_tot"),
            inleiding: f.text("inleiding"),
            voetnoten: f.texts("voetnoten"),
            omschrijving: f.text("omschrijving"),
        }
    }

    pub fn partijen(&self) -> Vec<Partij> {
        let mut v: Vec<(f64, Partij)> = self
            .history
            .items_of(ItemSoort::Partij)
            .into_iter()
            .map(|id| {
                let f = self.f(id);
                (
                    f.number("volgorde").unwrap_or(f64::MAX),
                    Partij { id, naam: f.text("naam"), kort: f.text("kort"), soort: f.text("soort") },
                )
            })
            .collect();
        sort_volgorde(&mut v, |(k, p)| (*k, p.naam.as_str()));
        v.into_iter().map(|(_, p)| p).collect()
    }

    pub fn partij(&self, id: Uuid) -> Option<Partij> {
        (self.history.soort(id) == Some(ItemSoort::Partij)).then(|| {
            let f = self.f(id);
            Partij { id, naam: f.text("naam"), kort: f.text("kort"), soort: f.text("soort") }
        })
    }

    pub fn themas(&self) -> Vec<Thema> {
        let mut v: Vec<Thema> =
            self.history.items_of(ItemSoort::Thema).into_iter().map(|id| self.thema(id)).collect();
        sort_volgorde(&mut v, |t| (t.volgorde, t.nummer.as_str()));
        v
    }

    pub fn thema(&self, id: Uuid) -> Thema {
        let f = self.f(id);
        Thema {
            id,
            nummer: f.text("nummer"),
            titel: f.text("titel"),
            ambitie: f.text("ambitie"),
            nationaal: f.texts("nationaal"),
            gezamenlijk: f.texts("gezamenlijk"),
            volgorde: f.number("volgorde").unwrap_or(f64::MAX),
        }
    }

    pub fn subthemas(&self) -> Vec<Subthema> {
        let mut v: Vec<Subthema> = self
            .history
            .items_of(ItemSoort::Subthema)
            .into_iter()
            .map(|id| self.subthema(id))
            .collect();
        sort_volgorde(&mut v, |t| (t.volgorde, t.nummer.as_str()));
        v
    }

    pub fn subthema(&self, id: Uuid) -> Subthema {
        let f = self.f(id);
        Subthema {
            id,
            thema: f.id("thema"),
            nummer: f.text("nummer"),
            titel: f.text("titel"),
            inleiding: f.text("inleiding"),
            voetnoten: f.texts("voetnoten"),
            volgorde: f.number("volgorde").unwrap_or(f64::MAX),
        }
    }

    pub fn kaderafspraken(&self) -> Vec<Kaderafspraak> {
        let mut v: Vec<Kaderafspraak> = self
            .history
            .items_of(ItemSoort::Kaderafspraak)
            .into_iter()
            .map(|id| self.kaderafspraak(id))
            .collect();
        sort_volgorde(&mut v, |k| (k.volgorde, k.code.as_str()));
        v
    }

    pub fn kaderafspraak(&self, id: Uuid) -> Kaderafspraak {
        let f = self.f(id);
        Kaderafspraak {
            id,
            code: f.text("code"),
            titel: f.text("titel"),
            tekst: f.text("tekst"),
            partijen: f.ids("partijen"),
            subthema: f.id("subthema"),
            voetnoten: f.texts("voetnoten"),
            volgorde: f.number("volgorde").unwrap_or(f64::MAX),
            conflict: self.history.heeft_conflict(id),
        }
    }

    pub fn jaarafspraken(&self) -> Vec<Jaarafspraak> {
        let mut v: Vec<Jaarafspraak> = self
            .history
            .items_of(ItemSoort::Jaarafspraak)
            .into_iter()
            .map(|id| self.jaarafspraak(id))
            .collect();
        sort_volgorde(&mut v, |j| (j.volgorde, j.code.as_str()));
        v
    }

    pub fn jaarafspraak(&self, id: Uuid) -> Jaarafspraak {
        let f = self.f(id);
        Jaarafspraak {
            id,
            jaar: f.int("jaar"),
            code: f.text("code"),
            titel: f.text("titel"),
            tekst: f.text("tekst"),
            partijen: f.ids("partijen"),
            subthema: f.id("subthema"),
            kaderafspraken: f.ids("kaderafspraken"),
            trekker: f.text("trekker"),
            trekker_partijen: f.ids("trekker_partijen"),
            prioriteit: Prioriteit::parse(&f.text("prioriteit")),
            status: f.opt_text("status").and_then(|s| Status::from_code(&s)).unwrap_or_default(),
            oorzaak: f.text("oorzaak"),
            actie: f.text("actie"),
            vorige: f.id("vorige"),
            monitorregel: f.bool("monitorregel"),
            volgorde: f.number("volgorde").unwrap_or(f64::MAX),
            uitgelicht: f.bool("uitgelicht"),
            uitgelicht_tekst: f.text("uitgelicht_tekst"),
            conflict: self.history.heeft_conflict(id),
        }
    }

    /// The voortgang entries of an agreement, oldest first.
    pub fn voortgang_van(&self, afspraak: Uuid) -> Vec<Voortgang> {
        let mut v: Vec<Voortgang> = self
            .history
            .kinderen_soort(afspraak, ItemSoort::Voortgang)
            .into_iter()
            .map(|id| self.voortgang(id))
            .collect();
        v.sort_by(|a, b| a.datum.cmp(&b.datum));
        v
    }

    pub fn voortgang(&self, id: Uuid) -> Voortgang {
        let f = self.f(id);
        Voortgang {
            id,
            afspraak: f.id("afspraak"),
            datum: f.text("datum"),
            ronde: f.text("ronde"),
            partij: f.text("partij"),
            auteur: f.text("auteur"),
            tekst: f.text("tekst"),
        }
    }

    pub fn indicatoren(&self) -> Vec<Indicator> {
        self.history.items_of(ItemSoort::Indicator).into_iter().map(|id| self.indicator(id)).collect()
    }

    /// The indicators of one agreement, in creation order.
    pub fn indicatoren_van(&self, afspraak: Uuid) -> Vec<Indicator> {
        self.history
            .kinderen_soort(afspraak, ItemSoort::Indicator)
            .into_iter()
            .map(|id| self.indicator(id))
            .collect()
    }

    pub fn indicator(&self, id: Uuid) -> Indicator {
        let f = self.f(id);
        Indicator {
            id,
            afspraak: f.id("afspraak"),
            naam: f.text("naam"),
            eenheid: f.text("eenheid"),
            doel: f.number("doel"),
            richting: f.text("richting"),
            signaalwaarde: f.number("signaalwaarde"),
            toelichting: f.text("toelichting"),
        }
    }

    /// The measurements of an indicator, oldest first.
    pub fn metingen_van(&self, indicator: Uuid) -> Vec<Meting> {
        let mut v: Vec<Meting> = self
            .history
            .kinderen_soort(indicator, ItemSoort::Meting)
            .into_iter()
            .map(|id| {
                let f = self.f(id);
                Meting {
                    id,
                    indicator: f.id("indicator"),
                    datum: f.text("datum"),
                    partij: f.id("partij"),
                    waarde: f.number("waarde"),
                    toelichting: f.text("toelichting"),
                }
            })
            .collect();
        v.sort_by(|a, b| a.datum.cmp(&b.datum));
        v
    }

    /// Agreements with a measurement on the wrong side of its indicator's signal value: the
    /// latest measurement per party counts.
    pub fn buiten_signaal(&self) -> Vec<(Indicator, Meting)> {
        let mut out = Vec::new();
        for ind in self.indicatoren() {
            let metingen = self.metingen_van(ind.id);
            let mut laatste: Vec<&Meting> = Vec::new();
            for m in metingen.iter().rev() {
                if !laatste.iter().any(|l| l.partij == m.partij) {
                    laatste.push(m);
                }
            }
            for m in laatste.into_iter().rev() {
                if m.waarde.is_some_and(|w| ind.buiten_signaal(w)) {
                    out.push((ind.clone(), m.clone()));
                }
            }
        }
        out
    }

    pub fn begrippen(&self) -> Vec<Begrip> {
        let mut v: Vec<Begrip> = self
            .history
            .items_of(ItemSoort::Begrip)
            .into_iter()
            .map(|id| {
                let f = self.f(id);
                Begrip { id, term: f.text("term"), uitleg: f.text("uitleg"), bron: f.text("bron") }
            })
            .collect();
        v.sort_by_key(|b| b.term.to_lowercase());
        v
    }

    pub fn overleggen(&self) -> Vec<Overleg> {
        let mut v: Vec<Overleg> = self
            .history
            .items_of(ItemSoort::Overleg)
            .into_iter()
            .map(|id| {
                let f = self.f(id);
                Overleg {
                    id,
                    naam: f.text("naam"),
                    soort: f.text("soort"),
                    seizoen: f.text("seizoen"),
                    jaar: f.int("jaar"),
                    datum: f.text("datum"),
                    deelnemers: f.texts("deelnemers"),
                    onderwerpen: f.texts("onderwerpen"),
                    volgorde: f.number("volgorde").unwrap_or(f64::MAX),
                }
            })
            .collect();
        sort_volgorde(&mut v, |o| (o.volgorde, o.naam.as_str()));
        v
    }

    pub fn peilmoment(&self, id: Uuid) -> Peilmoment {
        let f = self.f(id);
        Peilmoment { id, naam: f.text("naam"), datum: f.text("datum"), jaar: f.int("jaar"), ronde: f.text("ronde") }
    }

    /// The peilmomenten, newest first (by date, then the last made first).
    pub fn peilmomenten(&self) -> Vec<Peilmoment> {
        let mut v: Vec<(usize, Peilmoment)> =
            self.history.items_of(ItemSoort::Peilmoment).into_iter().enumerate().map(|(i, id)| (i, self.peilmoment(id))).collect();
        v.sort_by(|(ia, a), (ib, b)| b.datum.cmp(&a.datum).then(ib.cmp(ia)));
        v.into_iter().map(|(_, p)| p).collect()
    }

    /// The reacties on an agreement, oldest first.
    pub fn reacties_van(&self, afspraak: Uuid) -> Vec<Reactie> {
        let mut v: Vec<Reactie> = self
            .history
            .kinderen_soort(afspraak, ItemSoort::Reactie)
            .into_iter()
            .map(|id| {
                // A reactie has the fields of a voortgang entry, and can be "alleen voor ons".
                let v = self.voortgang(id);
                Reactie {
                    id,
                    afspraak: v.afspraak,
                    datum: v.datum,
                    partij: v.partij,
                    auteur: v.auteur,
                    tekst: v.tekst,
                    prive: self.history.is_prive(id),
                }
            })
            .collect();
        v.sort_by(|a, b| a.datum.cmp(&b.datum));
        v
    }

    /// A short label for any item, for messages and history: its code, title, name or term.
    pub fn label(&self, id: Uuid) -> String {
        let f = self.f(id);
        for veld in ["code", "naam", "term", "nummer", "titel"] {
            let t = f.text(veld);
            if !t.trim().is_empty() {
                return t;
            }
        }
        self.history.soort(id).map(|s| s.naam().to_string()).unwrap_or_default()
    }
}
