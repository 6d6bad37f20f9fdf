//! Generated test data ("proefdata"): a large workspace as years of use would leave it, made
//! deterministically from a seed through the domain's own API (`History::make_change` and
//! `History::insert`, the examples, the peilmoment standen, `format::export`).
//!
//! It starts from the built-in Heemstede example and adds, per [`Omvang`]: parties up to a total,
//! kaderafspraken up to a total, jaarafspraken per year (each with parties, subtheme, trekker,
//! priority, often a link to last year's), status assessments (up to twice a year, with cause
//! and action for geel and rood), voortgang entries, reacties, peilmomenten that freeze the
//! standen of their year, and indicators with measurements. Every change gets its id from a small
//! seeded generator, so the same seed and size always give the same file, byte for byte.
//!
//! [`extra`] then adds changes "from another party" on top (voortgang, reacties, statuses), for
//! measuring an import into a copy that already holds the base.
//!
//! Used by `examples/genereer/main.rs` (the command) and `tests/genereer.rs` (validity and
//! determinism at a small size).

use serde_json::{json, Value};
use uuid::Uuid;

use afsprakenmonitor::domain::change::{Actor, Tijd};
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{self, Bestand, ExportSoort};
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::model::Werkruimte;
use afsprakenmonitor::domain::report;
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::domain::time::{datum, parse_datum};

/// How much to generate. [`Omvang::STANDAARD`] is eight years of use by a gemeente with its
/// partners (about 50,000 changes, about 20 MB as an exchange file).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Omvang {
    /// Years of jaarafspraken, from 2024 on.
    pub jaren: usize,
    /// New jaarafspraken per year.
    pub per_jaar: usize,
    /// Kaderafspraken in total (the example has 42; more are added up to this number).
    pub kaderafspraken: usize,
    /// Parties in total (the example has 5).
    pub partijen: usize,
    /// Voortgang entries, spread over the years.
    pub voortgang: usize,
    pub reacties: usize,
    pub peilmomenten: usize,
    pub indicatoren: usize,
    pub metingen_per_indicator: usize,
}

impl Omvang {
    pub const STANDAARD: Omvang = Omvang {
        jaren: 8,
        per_jaar: 250,
        kaderafspraken: 60,
        partijen: 12,
        voortgang: 2_500,
        reacties: 500,
        peilmomenten: 20,
        indicatoren: 30,
        metingen_per_indicator: 10,
    };

    /// The standard size with every count multiplied by `factor` (the years and the totals of
    /// parties and kaderafspraken stay; every count stays at least 1).
    pub fn geschaald(factor: f64) -> Omvang {
        let s = Omvang::STANDAARD;
        let maal = |n: usize| ((n as f64 * factor).round() as usize).max(1);
        Omvang {
            per_jaar: maal(s.per_jaar),
            voortgang: maal(s.voortgang),
            reacties: maal(s.reacties),
            peilmomenten: maal(s.peilmomenten),
            indicatoren: maal(s.indicatoren),
            metingen_per_indicator: maal(s.metingen_per_indicator),
            ..s
        }
    }
}

/// The first year of generated jaarafspraken.
pub const EERSTE_JAAR: i64 = 2024;

/// The workspace id for a seed: the same seed gives the same workspace, so a file made with
/// [`extra`] is a later copy of the same workspace.
pub fn werkruimte_id(seed: u64) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_OID, format!("afsprakenmonitor-proefdata-{seed}").as_bytes())
}

/// SplitMix64: small, fast and the same on every machine.
#[derive(Clone, Debug)]
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Self {
        Prng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn onder(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn kans(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn kies<'a, T>(&mut self, uit: &'a [T]) -> &'a T {
        &uit[self.onder(uit.len())]
    }

    /// A random (version 4) uuid from this generator.
    pub fn uuid(&mut self) -> Uuid {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(b).into_uuid()
    }
}

const DAG: Tijd = 86_400_000;

fn dag(jaar: i64, maand: u32, dag: u32) -> Tijd {
    parse_datum(&format!("{jaar:04}-{maand:02}-{dag:02}")).expect("a real date")
}

const NIEUWE_PARTIJEN: &[(&str, &str, &str)] = &[
    ("Woonstichting Kennemerland", "WSK", "corporatie"),
    ("Huurdersvereniging Kennemerland", "HVK", "huurdersorganisatie"),
    ("Woningcorporatie Duinzicht", "Duinzicht", "corporatie"),
    ("Huurdersbelang Duinzicht", "HBD", "huurdersorganisatie"),
    ("Stichting Welzijn Heemstede", "Welzijn", "partner"),
    ("Zorgpartner Zuid-Kennemerland", "Zorgpartner", "partner"),
    ("GGD Kennemerland", "GGD", "partner"),
    ("Stichting Wonen en Zorg", "SWZ", "partner"),
    ("Huurdersraad Heemstede", "HRH", "huurdersorganisatie"),
    ("Woonpartners Haarlem", "WPH", "corporatie"),
];

const VOORNAMEN: &[&str] = &[
    "Anne", "Bas", "Carla", "Daan", "Eva", "Fatima", "Gert", "Hanneke", "Ivo", "Jasmijn", "Koen",
    "Lotte", "Mehmet", "Noor", "Otto", "Petra", "Ruben", "Sanne", "Thijs", "Yara",
];
const ACHTERNAMEN: &[&str] = &[
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "Yılmaz", "El Amrani",
];

const ONDERWERPEN: &[&str] = &[
    "Nieuwbouw sociale huur", "Doorstroming senioren", "Verduurzaming portefeuille",
    "Woningtoewijzing urgenten", "Middenhuur", "Flexwonen", "Betaalbaarheid", "Leefbaarheid wijken",
    "Wonen en zorg", "Huisvesting statushouders", "Energiearmoede", "Woningdelen",
    "Onderhoud en renovatie", "Woonfraude", "Participatie huurders", "Grondprijzen",
    "Tijdelijke woonvormen", "Jongerenhuisvesting", "Aardgasvrije wijken", "Vroegsignalering schulden",
];

const WOORDEN: &[&str] = &[
    "de", "het", "een", "gemeente", "corporaties", "huurders", "woningen", "sociale", "huur",
    "afspraak", "plan", "uitvoering", "komend", "jaar", "samen", "onderzoeken", "realiseren",
    "bewoners", "wijk", "aantal", "per", "rapportage", "voortgang", "overleg", "werkgroep",
    "verduurzaming", "isolatie", "toewijzing", "doorstroming", "senioren", "jongeren", "zorg",
    "betaalbaarheid", "energie", "labels", "nieuwbouw", "locatie", "vergunning", "planning",
    "budget", "monitoring", "evaluatie", "met", "voor", "van", "in", "op", "naar", "door", "en",
    "wordt", "worden", "zijn", "is", "heeft", "hebben", "gerealiseerd", "vertraagd", "gestart",
    "afgerond", "besproken", "uitgewerkt", "ambtelijk", "bestuurlijk", "prestatieafspraken",
    "huurverhoging", "leefbaarheid", "urgentie", "statushouders", "woningzoekenden", "wachttijd",
];

const OORZAKEN: &[&str] = &[
    "Stikstofregels vertragen de vergunning",
    "Personeelstekort bij de aannemer",
    "Hogere bouwkosten dan begroot",
    "De locatie is nog niet beschikbaar",
    "Bezwaar van omwonenden",
    "Afhankelijk van landelijke regelgeving",
    "Capaciteit bij de corporatie ontbreekt",
];
const ACTIES: &[&str] = &[
    "Bestuurlijk overleg in het volgende tertiaal",
    "Werkgroep zoekt een alternatieve locatie",
    "Planning wordt herzien en opnieuw voorgelegd",
    "Extra capaciteit inhuren",
    "Gesprek met de provincie over versnelling",
    "Bewonersavond organiseren",
];

/// A sentence of `min..=max` words, capitalised, ending with a full stop.
fn zin(rng: &mut Prng, min: usize, max: usize) -> String {
    let n = min + rng.onder(max - min + 1);
    let mut s = String::new();
    for i in 0..n {
        let w = *rng.kies(WOORDEN);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// A text of `zinnen` sentences.
fn tekst(rng: &mut Prng, zinnen: usize) -> String {
    (0..zinnen).map(|_| zin(rng, 6, 16)).collect::<Vec<_>>().join(" ")
}

fn ids(v: &[Uuid]) -> Value {
    Value::Array(v.iter().map(|id| json!(id.to_string())).collect())
}

#[derive(Clone)]
struct PartijInfo {
    id: Uuid,
    naam: String,
    auteurs: Vec<String>,
}

/// The workspace being generated: its history, the random source and the clock.
#[derive(Clone)]
pub struct Generator {
    h: History,
    rng: Prng,
    /// The time of the last change; every change is a little later.
    tijd: Tijd,
    partijen: Vec<PartijInfo>,
    /// (subthema id, theme number)
    subthemas: Vec<(Uuid, String)>,
    kaders: Vec<Uuid>,
    /// Jaarafspraken per generated year.
    per_jaar: Vec<Vec<Uuid>>,
}

impl Generator {
    /// Moves the clock to at least `t`.
    fn klok(&mut self, t: Tijd) {
        self.tijd = self.tijd.max(t);
    }

    fn auteur(&mut self, partij: usize) -> Actor {
        let p = &self.partijen[partij];
        let a = p.auteurs[self.rng.onder(p.auteurs.len())].clone();
        Actor::new(p.naam.clone(), a)
    }

    fn willekeurige_auteur(&mut self) -> Actor {
        let p = self.rng.onder(self.partijen.len());
        self.auteur(p)
    }

    /// Sets fields of an item, each as one change, a few seconds to a few minutes apart.
    fn zet(&mut self, wie: &Actor, item: Uuid, soort: ItemSoort, velden: Vec<(&str, Value)>) {
        for (veld, waarde) in velden {
            self.tijd += 1_000 + self.rng.onder(120_000) as Tijd;
            let mut c = self.h.make_change(wie, self.tijd, item, soort, veld, waarde).expect("generated data fits the schema");
            c.id = self.rng.uuid();
            self.h.insert(c).expect("a generated change fits its history");
        }
    }

    fn nieuw_item(&mut self) -> Uuid {
        self.rng.uuid()
    }

    fn partij_ids(&mut self, min: usize, max: usize) -> Vec<usize> {
        let n = (min + self.rng.onder(max - min + 1)).min(self.partijen.len());
        let mut gekozen: Vec<usize> = Vec::new();
        while gekozen.len() < n {
            let p = self.rng.onder(self.partijen.len());
            if !gekozen.contains(&p) {
                gekozen.push(p);
            }
        }
        gekozen
    }

    fn partijen_top(&mut self, totaal: usize) {
        let gemeente = self.auteur(0);
        let bestaand = self.partijen.len();
        for (i, (naam, kort, soort)) in NIEUWE_PARTIJEN.iter().take(totaal.saturating_sub(bestaand)).enumerate() {
            let id = self.nieuw_item();
            self.zet(
                &gemeente,
                id,
                ItemSoort::Partij,
                vec![("naam", json!(naam)), ("kort", json!(kort)), ("soort", json!(soort)), ("volgorde", json!(bestaand + i))],
            );
            let n = 2 + self.rng.onder(2);
            let auteurs = self.namen(n);
            self.partijen.push(PartijInfo { id, naam: naam.to_string(), auteurs });
        }
    }

    fn namen(&mut self, n: usize) -> Vec<String> {
        (0..n).map(|_| format!("{} {}", self.rng.kies(VOORNAMEN), self.rng.kies(ACHTERNAMEN))).collect()
    }

    fn kaders_top(&mut self, totaal: usize) {
        let gemeente = self.auteur(0);
        let bestaand = self.kaders.len();
        for i in bestaand..totaal {
            let id = self.nieuw_item();
            let (sub, thema) = self.subthemas[self.rng.onder(self.subthemas.len())].clone();
            let partijen: Vec<Uuid> = self.partij_ids(2, 4).into_iter().map(|p| self.partijen[p].id).collect();
            let titel = format!("{} {}", self.rng.kies(ONDERWERPEN), i + 1);
            let t = tekst(&mut self.rng, 3);
            self.zet(
                &gemeente,
                id,
                ItemSoort::Kaderafspraak,
                vec![
                    ("code", json!(format!("K {thema}.{}", 51 + i - bestaand))),
                    ("titel", json!(titel)),
                    ("tekst", json!(t)),
                    ("partijen", ids(&partijen)),
                    ("subthema", json!(sub.to_string())),
                    ("volgorde", json!(i)),
                ],
            );
            self.kaders.push(id);
        }
    }

    fn jaarafspraken(&mut self, jaar: i64, n: usize) {
        let gemeente = self.auteur(0);
        let vorig: Vec<Uuid> = self.per_jaar.last().cloned().unwrap_or_default();
        let mut nummers: std::collections::HashMap<String, usize> = Default::default();
        let mut dit_jaar = Vec::with_capacity(n);
        for i in 0..n {
            let id = self.nieuw_item();
            let (sub, thema) = self.subthemas[self.rng.onder(self.subthemas.len())].clone();
            let nr = nummers.entry(thema.clone()).or_insert(50);
            *nr += 1;
            let code = format!("J {thema}.{nr}");
            let partijen_i = self.partij_ids(1, 4);
            let partijen: Vec<Uuid> = partijen_i.iter().map(|p| self.partijen[*p].id).collect();
            let trekker_i = partijen_i[self.rng.onder(partijen_i.len())];
            let kaders: Vec<Uuid> = if self.rng.kans(0.5) { vec![*self.rng.kies(&self.kaders)] } else { Vec::new() };
            let prioriteit = *self.rng.kies(&["T1", "T2", "T3", "Doorlopend"]);
            let titel = format!("{} {}", self.rng.kies(ONDERWERPEN), zin(&mut self.rng, 2, 5).trim_end_matches('.').to_lowercase());
            let zinnen = 1 + self.rng.onder(3);
            let t = tekst(&mut self.rng, zinnen);
            let mut velden = vec![
                ("jaar", json!(jaar)),
                ("code", json!(code)),
                ("titel", json!(titel)),
                ("tekst", json!(t)),
                ("partijen", ids(&partijen)),
                ("subthema", json!(sub.to_string())),
                ("kaderafspraken", ids(&kaders)),
                ("trekker", json!(self.partijen[trekker_i].naam)),
                ("trekker_partijen", ids(&[self.partijen[trekker_i].id])),
                ("prioriteit", json!(prioriteit)),
                ("volgorde", json!(1_000 + i)),
            ];
            if !vorig.is_empty() && self.rng.kans(0.5) {
                velden.push(("vorige", json!(vorig[i % vorig.len()].to_string())));
            }
            self.zet(&gemeente, id, ItemSoort::Jaarafspraak, velden);
            dit_jaar.push(id);
        }
        self.per_jaar.push(dit_jaar);
    }

    /// A status assessment of an agreement by one of its parties; geel and rood with cause and
    /// action.
    fn status(&mut self, afspraak: Uuid) {
        let wie = self.willekeurige_auteur();
        let s = match self.rng.onder(10) {
            0..=4 => "groen",
            5..=7 => "geel",
            _ => "rood",
        };
        let mut velden = vec![("status", json!(s))];
        if s != "groen" {
            velden.push(("oorzaak", json!(format!("{}.", self.rng.kies(OORZAKEN)))));
            velden.push(("actie", json!(format!("{}.", self.rng.kies(ACTIES)))));
        }
        self.zet(&wie, afspraak, ItemSoort::Jaarafspraak, velden);
    }

    /// A voortgang entry or reactie on an agreement.
    fn bericht(&mut self, soort: ItemSoort, afspraak: Uuid, zinnen: usize) {
        let wie = self.willekeurige_auteur();
        let id = self.nieuw_item();
        let t = tekst(&mut self.rng, zinnen);
        self.tijd += 60_000;
        let d = datum(self.tijd);
        self.zet(
            &wie,
            id,
            soort,
            vec![
                ("afspraak", json!(afspraak.to_string())),
                ("datum", json!(d)),
                ("partij", json!(wie.partij)),
                ("auteur", json!(wie.auteur)),
                ("tekst", json!(t)),
            ],
        );
    }

    fn berichten(&mut self, soort: ItemSoort, jaar: usize, n: usize, tot: Tijd) {
        let zinnen = if soort == ItemSoort::Voortgang { 3 } else { 1 };
        let start = self.tijd;
        for k in 0..n {
            // Spread evenly up to `tot`.
            self.klok(start + (tot - start).max(0) * k as Tijd / n.max(1) as Tijd);
            let lijst = &self.per_jaar[jaar];
            let afspraak = lijst[self.rng.onder(lijst.len())];
            self.bericht(soort, afspraak, zinnen);
        }
    }

    fn peilmoment(&mut self, jaar: i64, naam: String) {
        let wie = self.auteur(0);
        let id = self.nieuw_item();
        let standen = report::peilmoment_standen(&self.h, Some(jaar));
        let d = datum(self.tijd);
        self.zet(&wie, id, ItemSoort::Peilmoment, vec![("naam", json!(naam)), ("datum", json!(d)), ("standen", standen)]);
    }

    fn indicatoren(&mut self, n: usize) -> Vec<Uuid> {
        let wie = self.auteur(0);
        let mut out = Vec::new();
        for i in 0..n {
            let id = self.nieuw_item();
            let afspraak = if self.rng.kans(0.5) { *self.rng.kies(&self.kaders) } else { *self.rng.kies(&self.per_jaar[0]) };
            let (eenheid, doel, signaal, richting) = if self.rng.kans(0.5) {
                ("%", 60 + self.rng.onder(35), 50, "minimaal")
            } else {
                ("woningen", 20 + self.rng.onder(200), 10, "minimaal")
            };
            let richting = if i % 7 == 6 { "maximaal" } else { richting };
            let signaal = if richting == "maximaal" { doel + 20 } else { signaal.min(doel) };
            let toelichting = tekst(&mut self.rng, 1);
            let naam = format!("{} (indicator {})", self.rng.kies(ONDERWERPEN), i + 1);
            self.zet(
                &wie,
                id,
                ItemSoort::Indicator,
                vec![
                    ("afspraak", json!(afspraak.to_string())),
                    ("naam", json!(naam)),
                    ("eenheid", json!(eenheid)),
                    ("doel", json!(doel)),
                    ("richting", json!(richting)),
                    ("signaalwaarde", json!(signaal)),
                    ("toelichting", json!(toelichting)),
                ],
            );
            out.push(id);
        }
        out
    }

    fn meting(&mut self, indicator: Uuid) {
        let wie = self.willekeurige_auteur();
        let id = self.nieuw_item();
        let partij = if self.rng.kans(0.3) { Value::Null } else { json!(self.partijen[self.rng.onder(self.partijen.len())].id.to_string()) };
        let waarde = (self.rng.onder(2_000) as f64) / 10.0;
        let d = datum(self.tijd);
        let toelichting = zin(&mut self.rng, 4, 10);
        self.zet(
            &wie,
            id,
            ItemSoort::Meting,
            vec![
                ("indicator", json!(indicator.to_string())),
                ("datum", json!(d)),
                ("partij", partij),
                ("waarde", json!(waarde)),
                ("toelichting", json!(toelichting)),
            ],
        );
    }

    pub fn history(&self) -> &History {
        &self.h
    }

    /// The file of the workspace as it is now, exported for other parties by `door`, in the
    /// oldest format version that holds it (format 1 as long as nothing is deleted), so builds
    /// from before a format change can import it too and can be compared with.
    pub fn bestand(&self, door: &Actor) -> Bestand {
        let mut b = format::export(&self.h, ExportSoort::Uitwisseling, door, self.tijd + 3_600_000);
        if b.wijzigingen.iter().all(|c| c.gezien.is_none()) {
            b.versie = 1;
        }
        b
    }

    /// The actor of the gemeente (who exports the base file).
    pub fn gemeente(&self) -> Actor {
        Actor::new(self.partijen[0].naam.clone(), self.partijen[0].auteurs[0].clone())
    }

    /// The actor of another party (a huurdersorganisatie), who sends [`extra`] changes.
    pub fn andere_partij(&self) -> Actor {
        let p = self.partijen.iter().rev().find(|p| p.naam.starts_with("Huurders")).unwrap_or(&self.partijen[self.partijen.len() - 1]);
        Actor::new(p.naam.clone(), p.auteurs[0].clone())
    }
}

/// Fields added in format 3 (left out, see [`genereer`]).
fn nieuw_in_formaat_3(c: &afsprakenmonitor::domain::change::Change) -> bool {
    matches!(
        (c.soort, c.veld.as_str()),
        (ItemSoort::Werkruimte, "voetnoten" | "omschrijving") | (ItemSoort::Subthema, "voetnoten") | (ItemSoort::Voortgang, "ronde") | (ItemSoort::Peilmoment, "jaar" | "ronde")
    )
}

/// Generates the large workspace for `seed`.
pub fn genereer(seed: u64, omvang: Omvang) -> Generator {
    let wr = werkruimte_id(seed);
    // Without the fields of format 3, so builds from before it can import the file too.
    let voorbeeld = Voorbeeld::Heemstede.bouw(wr);
    let h = History::from_changes(wr, voorbeeld.changes().into_iter().filter(|c| !nieuw_in_formaat_3(c)).cloned()).expect("a part of a valid history");
    let mut rng = Prng::new(seed);
    let (partijen, subthemas, kaders) = {
        let w = Werkruimte::new(&h);
        let partijen: Vec<PartijInfo> = w
            .partijen()
            .into_iter()
            .map(|p| {
                let n = 2 + rng.onder(2);
                let auteurs = (0..n).map(|_| format!("{} {}", rng.kies(VOORNAMEN), rng.kies(ACHTERNAMEN))).collect();
                PartijInfo { id: p.id, naam: p.naam, auteurs }
            })
            .collect();
        let subthemas: Vec<(Uuid, String)> = w
            .subthemas()
            .into_iter()
            .map(|s| {
                let thema = s.nummer.split('.').next().unwrap_or("0").to_string();
                (s.id, thema)
            })
            .collect();
        let kaders: Vec<Uuid> = w.kaderafspraken().into_iter().map(|k| k.id).collect();
        (partijen, subthemas, kaders)
    };
    let mut g = Generator { h, rng, tijd: dag(EERSTE_JAAR, 1, 2), partijen, subthemas, kaders, per_jaar: Vec::new() };

    let gemeente = g.auteur(0);
    let laatste = EERSTE_JAAR + omvang.jaren as i64 - 1;
    g.zet(
        &gemeente,
        wr,
        ItemSoort::Werkruimte,
        vec![
            ("titel", json!(format!("Proefdata Heemstede {EERSTE_JAAR} t/m {laatste} (seed {seed})"))),
            ("periode_van", json!(EERSTE_JAAR)),
            ("periode_tot", json!(laatste)),
        ],
    );
    g.partijen_top(omvang.partijen);
    g.kaders_top(omvang.kaderafspraken);

    // Peilmomenten fall on three moments a year (after each status round and at the year's
    // end); `peilmomenten` of those 3 × jaren slots are used, evenly spread.
    let slots = 3 * omvang.jaren;
    let peil_slots: Vec<usize> = (0..omvang.peilmomenten.min(slots)).map(|k| k * slots / omvang.peilmomenten.min(slots)).collect();
    let deel = |totaal: usize, jaar: usize| -> usize {
        // The share of `totaal` for this year (the first years take the remainder).
        totaal / omvang.jaren + usize::from(jaar < totaal % omvang.jaren)
    };
    let mut indicatoren: Vec<Uuid> = Vec::new();
    for j in 0..omvang.jaren {
        let jaar = EERSTE_JAAR + j as i64;
        g.klok(dag(jaar, 1, 10));
        g.jaarafspraken(jaar, omvang.per_jaar);
        if j == 0 {
            indicatoren = g.indicatoren(omvang.indicatoren);
        }
        let voortgang = deel(omvang.voortgang, j);
        let reacties = deel(omvang.reacties, j);
        // February to May: first third of the messages.
        g.klok(dag(jaar, 2, 1));
        g.berichten(ItemSoort::Voortgang, j, voortgang / 3, dag(jaar, 5, 1));
        g.berichten(ItemSoort::Reactie, j, reacties / 3, dag(jaar, 5, 10));
        // May: first status round.
        g.klok(dag(jaar, 5, 15));
        let lijst = g.per_jaar[j].clone();
        let mut beoordeeld = Vec::new();
        for &a in &lijst {
            if g.rng.kans(0.8) {
                g.status(a);
                beoordeeld.push(a);
            }
        }
        g.klok(dag(jaar, 6, 1));
        if peil_slots.contains(&(3 * j)) {
            g.peilmoment(jaar, format!("Peilmoment T2 {jaar}"));
        }
        g.klok(dag(jaar, 6, 5));
        g.berichten(ItemSoort::Voortgang, j, voortgang / 3, dag(jaar, 9, 1));
        g.berichten(ItemSoort::Reactie, j, reacties / 3, dag(jaar, 9, 10));
        // September: second round for about half of the assessed ones.
        g.klok(dag(jaar, 9, 15));
        for &a in &beoordeeld {
            if g.rng.kans(0.5) {
                g.status(a);
            }
        }
        g.klok(dag(jaar, 10, 1));
        if peil_slots.contains(&(3 * j + 1)) {
            g.peilmoment(jaar, format!("Peilmoment T3 {jaar}"));
        }
        g.klok(dag(jaar, 10, 5));
        g.berichten(ItemSoort::Voortgang, j, voortgang - 2 * (voortgang / 3), dag(jaar, 12, 1));
        g.berichten(ItemSoort::Reactie, j, reacties - 2 * (reacties / 3), dag(jaar, 12, 5));
        // December: the measurements of this year, then the year's last peilmoment.
        g.klok(dag(jaar, 12, 10));
        for &ind in &indicatoren {
            // Measurement m of an indicator falls in year m · jaren / metingen.
            let n = (0..omvang.metingen_per_indicator).filter(|m| m * omvang.jaren / omvang.metingen_per_indicator == j).count();
            for _ in 0..n {
                g.tijd += DAG / 200;
                g.meting(ind);
            }
        }
        g.klok(dag(jaar, 12, 20));
        if peil_slots.contains(&(3 * j + 2)) {
            g.peilmoment(jaar, format!("Jaarafsluiting {jaar}"));
        }
    }
    g
}

/// Adds exactly `n` changes by another party on top of `basis`: voortgang entries, reacties
/// and status assessments on the agreements of the last year, starting a week after the base.
pub fn extra(basis: &Generator, n: usize) -> Generator {
    let mut g = basis.clone();
    let wie = g.andere_partij();
    let doel = g.h.len() + n;
    g.tijd += 7 * DAG;
    let laatste = g.per_jaar.len() - 1;
    while g.h.len() < doel {
        let over = doel - g.h.len();
        let lijst = &g.per_jaar[laatste];
        let afspraak = lijst[g.rng.onder(lijst.len())];
        let keuze = g.rng.onder(4);
        if over >= 5 && keuze < 2 {
            let id = g.nieuw_item();
            let t = tekst(&mut g.rng, 3);
            g.tijd += 600_000;
            let d = datum(g.tijd);
            g.zet(&wie, id, ItemSoort::Voortgang, vec![
                ("afspraak", json!(afspraak.to_string())),
                ("datum", json!(d)),
                ("partij", json!(wie.partij)),
                ("auteur", json!(wie.auteur)),
                ("tekst", json!(t)),
            ]);
        } else if over >= 5 && keuze == 2 {
            let id = g.nieuw_item();
            let t = tekst(&mut g.rng, 1);
            g.tijd += 600_000;
            let d = datum(g.tijd);
            g.zet(&wie, id, ItemSoort::Reactie, vec![
                ("afspraak", json!(afspraak.to_string())),
                ("datum", json!(d)),
                ("partij", json!(wie.partij)),
                ("auteur", json!(wie.auteur)),
                ("tekst", json!(t)),
            ]);
        } else if over >= 3 {
            let s = if g.rng.kans(0.5) { "geel" } else { "rood" };
            let oorzaak = format!("{}.", g.rng.kies(OORZAKEN));
            let actie = format!("{}.", g.rng.kies(ACTIES));
            g.zet(&wie, afspraak, ItemSoort::Jaarafspraak, vec![("status", json!(s)), ("oorzaak", json!(oorzaak)), ("actie", json!(actie))]);
        } else {
            g.zet(&wie, afspraak, ItemSoort::Jaarafspraak, vec![("status", json!("groen"))]);
        }
    }
    g
}
