//! The built-in examples, transcribed from public documents of the gemeente Heemstede (see
//! `examples/README.md` for the authoring format and the sources).
//!
//! An example is turned into a workspace *with its change history*: every field of every item is a
//! change by the party that wrote the source document, so an example behaves exactly like a
//! workspace a user built by hand. Ids derive from the workspace id (uuid v5), so building the same
//! example for the same workspace id gives the same history.

use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use uuid::Uuid;

use super::change::{Change, Tijd};
use super::history::History;
use super::schema::ItemSoort;
use super::time::parse_datum;

/// A built-in example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voorbeeld {
    /// Prestatieafspraken Heemstede 2024 t/m 2027, with the Monitor 2024.
    Heemstede,
    /// Heemstede – Woonzorg Nederland 2024 t/m 2027.
    Woonzorg,
}

impl Voorbeeld {
    pub const ALL: [Voorbeeld; 2] = [Voorbeeld::Heemstede, Voorbeeld::Woonzorg];

    pub fn titel(self) -> &'static str {
        match self {
            Voorbeeld::Heemstede => "Prestatieafspraken Heemstede 2024 t/m 2027",
            Voorbeeld::Woonzorg => "Heemstede – Woonzorg Nederland 2024 t/m 2027",
        }
    }

    /// Builds the example as a new workspace with id `werkruimte`.
    pub fn bouw(self, werkruimte: Uuid) -> History {
        let b = match self {
            Voorbeeld::Heemstede => heemstede(werkruimte),
            Voorbeeld::Woonzorg => woonzorg(werkruimte),
        };
        b.expect("the built-in examples are checked by the tests")
    }
}

const AFSPRAKEN: &str = include_str!("examples/heemstede_afspraken.json");
const JAAR_2024: &str = include_str!("examples/heemstede_jaarafspraken_2024.json");
const RIB_2024: &str = include_str!("examples/heemstede_rib_2024.json");
const WOONZORG: &str = include_str!("examples/woonzorg.json");

const BRON_AFSPRAKEN: &str = "Prestatieafspraken 2024 t/m 2027";
const BRON_MONITOR: &str = "Monitor Prestatieafspraken 2024";
const BRON_RIB: &str = "Raadsinformatiebericht 25 maart 2025";
const PARTIJ_GEMEENTE: &str = "Gemeente Heemstede";

/// Whether a workspace was made from a built-in example and still carries its title.
pub fn is_voorbeeld(h: &History) -> bool {
    let koppen = h.heads(h.werkruimte(), "titel");
    !koppen.is_empty() && koppen.into_iter().all(uit_voorbeeld)
}

/// Whether a workspace holds nothing but a built-in example: no one has changed anything in it.
pub fn onaangeroerd_voorbeeld(h: &History) -> bool {
    !h.is_empty() && h.changes().into_iter().all(uit_voorbeeld)
}

/// Whether a change came with a built-in example (made by [`Voorbeeld::bouw`]: the gemeente as
/// party, one of the source documents as author), and not by a user.
pub fn uit_voorbeeld(c: &Change) -> bool {
    c.partij == PARTIJ_GEMEENTE && [BRON_AFSPRAKEN, BRON_MONITOR, BRON_RIB].contains(&c.auteur.as_str())
}
/// Signing date of the Prestatieafspraken; date of the raadsinformatiebericht with the Monitor.
const DATUM_AFSPRAKEN: &str = "2023-12-05";
const DATUM_MONITOR: &str = "2025-03-25";

#[derive(Deserialize)]
struct Afspraken {
    titel: String,
    gemeente: String,
    periode_van: i64,
    periode_tot: i64,
    #[serde(default)]
    inleiding: String,
    #[serde(default)]
    voetnoten: Vec<String>,
    /// Our description of the example (not source text).
    #[serde(default)]
    omschrijving: String,
    partijen: Vec<APartij>,
    #[serde(default)]
    themas: Vec<AThema>,
    #[serde(default)]
    kaderafspraken: Vec<AKader>,
    #[serde(default)]
    begrippen: Vec<ABegrip>,
    #[serde(default)]
    overleggen: Vec<AOverleg>,
    #[serde(default)]
    jaarafspraken: Vec<AJaar>,
}

#[derive(Deserialize)]
struct APartij {
    sleutel: String,
    naam: String,
    kort: String,
    soort: String,
}

#[derive(Deserialize)]
struct AThema {
    nummer: String,
    titel: String,
    #[serde(default)]
    ambitie: String,
    #[serde(default)]
    nationaal: Vec<String>,
    #[serde(default)]
    gezamenlijk: Vec<String>,
    #[serde(default)]
    subthemas: Vec<ASubthema>,
}

#[derive(Deserialize)]
struct ASubthema {
    nummer: String,
    titel: String,
    #[serde(default)]
    inleiding: String,
    #[serde(default)]
    voetnoten: Vec<String>,
}

#[derive(Deserialize)]
struct AKader {
    sleutel: String,
    code: String,
    #[serde(default)]
    titel: String,
    tekst: String,
    #[serde(default)]
    partijen: Vec<String>,
    subthema: Option<String>,
    #[serde(default)]
    voetnoten: Vec<String>,
}

#[derive(Deserialize)]
struct ABegrip {
    term: String,
    uitleg: String,
}

#[derive(Deserialize)]
struct AOverleg {
    naam: String,
    soort: String,
    seizoen: Option<String>,
    #[serde(default)]
    deelnemers: Vec<String>,
    #[serde(default)]
    onderwerpen: Vec<String>,
}

#[derive(Deserialize)]
struct JaarBestand {
    jaarafspraken: Vec<AJaar>,
    #[serde(default)]
    overige_regels: Vec<AJaar>,
    #[serde(default)]
    begrippen: Vec<ABegrip>,
}

#[derive(Deserialize)]
struct AJaar {
    sleutel: Option<String>,
    jaar: Option<i64>,
    code: String,
    titel: String,
    #[serde(default)]
    tekst: String,
    #[serde(default)]
    partijen: Vec<String>,
    subthema: Option<String>,
    #[serde(default)]
    kaderafspraken: Vec<String>,
    #[serde(default)]
    trekker: String,
    #[serde(default)]
    trekker_partijen: Vec<String>,
    #[serde(default)]
    prioriteit: String,
    #[serde(default)]
    voortgang: String,
}

#[derive(Deserialize)]
struct Rib {
    statussen: Vec<AStatus>,
    indicatoren: Vec<AIndicator>,
    #[serde(default)]
    hoogtepunten_2024: Vec<AHoogtepunt>,
    #[serde(default)]
    nieuw_2025: Vec<ANieuw>,
}

#[derive(Deserialize)]
struct AStatus {
    sleutel: String,
    status: String,
    oorzaak: String,
    actie: String,
}

#[derive(Deserialize)]
struct AIndicator {
    afspraak: String,
    naam: String,
    eenheid: String,
    doel: Option<f64>,
    richting: String,
    signaalwaarde: Option<f64>,
    #[serde(default)]
    toelichting: String,
    #[serde(default)]
    metingen: Vec<AMeting>,
}

#[derive(Deserialize)]
struct AMeting {
    datum: String,
    partij: Option<String>,
    waarde: f64,
    #[serde(default)]
    toelichting: String,
}

#[derive(Deserialize)]
struct AHoogtepunt {
    sleutel: String,
    titel: String,
    tekst: String,
}

#[derive(Deserialize)]
struct ANieuw {
    code: String,
    titel: String,
    tekst: String,
    subthema: Option<String>,
    #[serde(default)]
    kaderafspraken: Vec<String>,
}

/// Writes an example's items as changes, with ids derived from the workspace id.
struct Bouwer {
    history: History,
    /// Authoring key → item id.
    sleutels: HashMap<String, Uuid>,
    volgnummer: u64,
}

impl Bouwer {
    fn new(werkruimte: Uuid) -> Self {
        Bouwer { history: History::new(werkruimte), sleutels: HashMap::new(), volgnummer: 0 }
    }

    fn id(&self, naam: &str) -> Uuid {
        Uuid::new_v5(&self.history.werkruimte(), naam.as_bytes())
    }

    /// The item id for an authoring key (made on first use).
    fn item(&mut self, sleutel: &str) -> Uuid {
        if let Some(id) = self.sleutels.get(sleutel) {
            return *id;
        }
        let id = self.id(&format!("item:{sleutel}"));
        self.sleutels.insert(sleutel.to_string(), id);
        id
    }

    fn known(&self, sleutel: &str) -> Result<Uuid, String> {
        self.sleutels.get(sleutel).copied().ok_or_else(|| format!("onbekende sleutel {sleutel}"))
    }

    fn ids(&self, sleutels: &[String]) -> Result<Value, String> {
        let v: Result<Vec<Value>, String> =
            sleutels.iter().map(|s| self.known(s).map(|id| json!(id.to_string()))).collect();
        Ok(Value::Array(v?))
    }

    /// Sets the given fields of an item; empty texts, lists and nulls are left unset.
    fn zet(
        &mut self,
        item: Uuid,
        soort: ItemSoort,
        velden: Vec<(&str, Value)>,
        bron: &str,
        datum: &str,
    ) -> Result<(), String> {
        let tijd: Tijd = parse_datum(datum).ok_or("ongeldige datum")? + 12 * 3_600_000;
        for (veld, waarde) in velden {
            let leeg = match &waarde {
                Value::Null => true,
                Value::String(s) => s.is_empty(),
                Value::Array(a) => a.is_empty(),
                _ => false,
            };
            if leeg {
                continue;
            }
            if soort.veld(veld).is_none() {
                return Err(format!("{} heeft geen veld {veld}", soort.naam()));
            }
            super::validate::controleer_waarde(&waarde, soort.veld(veld).unwrap().soort)
                .map_err(|e| format!("{veld}: {e}"))?;
            self.volgnummer += 1;
            let id = self.id(&format!("change:{item}:{veld}"));
            let change = Change {
                id,
                werkruimte: self.history.werkruimte(),
                item,
                soort,
                veld: veld.to_string(),
                waarde,
                tijd,
                partij: PARTIJ_GEMEENTE.to_string(),
                auteur: bron.to_string(),
                volgt: Vec::new(),
                prive: false,
                gezien: None,
            };
            self.history.insert(change).map_err(|e| format!("{e:?}"))?;
        }
        Ok(())
    }

    /// The agreements document: `bron` and `datum` name the document the texts come from.
    fn afspraken(&mut self, a: &Afspraken, bron: &str, datum: &str) -> Result<(), String> {
        let wr = self.history.werkruimte();
        self.zet(
            wr,
            ItemSoort::Werkruimte,
            vec![
                ("titel", json!(a.titel)),
                ("gemeente", json!(a.gemeente)),
                ("periode_van", json!(a.periode_van)),
                ("periode_tot", json!(a.periode_tot)),
                ("inleiding", json!(a.inleiding)),
                ("voetnoten", json!(a.voetnoten)),
                ("omschrijving", json!(a.omschrijving)),
            ],
            bron,
            datum,
        )?;
        for (i, p) in a.partijen.iter().enumerate() {
            let id = self.item(&format!("partij:{}", p.sleutel));
            self.sleutels.insert(p.sleutel.clone(), id);
            self.zet(
                id,
                ItemSoort::Partij,
                vec![("naam", json!(p.naam)), ("kort", json!(p.kort)), ("soort", json!(p.soort)), ("volgorde", json!(i))],
                bron,
                datum,
            )?;
        }
        let mut volg = 0;
        for t in &a.themas {
            let tid = self.item(&format!("thema:{}", t.nummer));
            volg += 1;
            self.zet(
                tid,
                ItemSoort::Thema,
                vec![
                    ("nummer", json!(t.nummer)),
                    ("titel", json!(t.titel)),
                    ("ambitie", json!(t.ambitie)),
                    ("nationaal", json!(t.nationaal)),
                    ("gezamenlijk", json!(t.gezamenlijk)),
                    ("volgorde", json!(volg)),
                ],
                bron,
                datum,
            )?;
            for s in &t.subthemas {
                let sid = self.item(&format!("subthema:{}", s.nummer));
                volg += 1;
                self.zet(
                    sid,
                    ItemSoort::Subthema,
                    vec![
                        ("thema", json!(tid.to_string())),
                        ("nummer", json!(s.nummer)),
                        ("titel", json!(s.titel)),
                        ("inleiding", json!(s.inleiding)),
                        ("voetnoten", json!(s.voetnoten)),
                        ("volgorde", json!(volg)),
                    ],
                    bron,
                    datum,
                )?;
            }
        }
        for (i, k) in a.kaderafspraken.iter().enumerate() {
            let id = self.item(&k.sleutel);
            let subthema = self.subthema(k.subthema.as_deref())?;
            let partijen = self.ids(&k.partijen)?;
            self.zet(
                id,
                ItemSoort::Kaderafspraak,
                vec![
                    ("code", json!(k.code)),
                    ("titel", json!(k.titel)),
                    ("tekst", json!(k.tekst)),
                    ("partijen", partijen),
                    ("subthema", subthema),
                    ("voetnoten", json!(k.voetnoten)),
                    ("volgorde", json!(i)),
                ],
                bron,
                datum,
            )?;
        }
        self.begrippen(&a.begrippen, bron, datum)?;
        for (i, o) in a.overleggen.iter().enumerate() {
            let id = self.item(&format!("overleg:{i}"));
            self.zet(
                id,
                ItemSoort::Overleg,
                vec![
                    ("naam", json!(o.naam)),
                    ("soort", json!(o.soort)),
                    ("seizoen", json!(o.seizoen)),
                    ("deelnemers", json!(o.deelnemers)),
                    ("onderwerpen", json!(o.onderwerpen)),
                    ("volgorde", json!(i)),
                ],
                bron,
                datum,
            )?;
        }
        Ok(())
    }

    fn subthema(&self, nummer: Option<&str>) -> Result<Value, String> {
        match nummer {
            None | Some("") => Ok(Value::Null),
            Some(n) => self.known(&format!("subthema:{n}")).map(|id| json!(id.to_string())),
        }
    }

    fn begrippen(&mut self, begrippen: &[ABegrip], bron: &str, datum: &str) -> Result<(), String> {
        for b in begrippen {
            let id = self.item(&format!("begrip:{bron}:{}", b.term));
            self.zet(
                id,
                ItemSoort::Begrip,
                vec![("term", json!(b.term)), ("uitleg", json!(b.uitleg)), ("bron", json!(bron))],
                bron,
                datum,
            )?;
        }
        Ok(())
    }

    /// A jaarafspraak with its Monitor fields; its voortgang text becomes a voortgang entry.
    fn jaarafspraak(&mut self, j: &AJaar, sleutel: &str, monitorregel: bool, volgorde: usize, jaar: i64, bron: &str, datum: &str) -> Result<Uuid, String> {
        let id = self.item(sleutel);
        let subthema = self.subthema(j.subthema.as_deref())?;
        let partijen = self.ids(&j.partijen)?;
        let kader = self.ids(&j.kaderafspraken)?;
        let trekkers = self.ids(&j.trekker_partijen)?;
        self.zet(
            id,
            ItemSoort::Jaarafspraak,
            vec![
                ("jaar", json!(j.jaar.unwrap_or(jaar))),
                ("code", json!(j.code)),
                ("titel", json!(j.titel)),
                ("tekst", json!(j.tekst)),
                ("partijen", partijen),
                ("subthema", subthema),
                ("kaderafspraken", kader),
                ("trekker", json!(j.trekker)),
                ("trekker_partijen", trekkers),
                ("prioriteit", json!(j.prioriteit)),
                ("monitorregel", if monitorregel { json!(true) } else { Value::Null }),
                ("volgorde", json!(volgorde)),
            ],
            bron,
            datum,
        )?;
        if !j.voortgang.trim().is_empty() {
            self.voortgang(id, &format!("voortgang:{sleutel}:monitor"), &j.voortgang, BRON_MONITOR)?;
        }
        Ok(id)
    }

    fn voortgang(&mut self, afspraak: Uuid, sleutel: &str, tekst: &str, bron: &str) -> Result<(), String> {
        let vid = self.item(sleutel);
        self.zet(
            vid,
            ItemSoort::Voortgang,
            vec![
                ("afspraak", json!(afspraak.to_string())),
                ("datum", json!(DATUM_MONITOR)),
                ("partij", json!(PARTIJ_GEMEENTE)),
                ("auteur", json!(bron)),
                ("tekst", json!(tekst)),
            ],
            bron,
            DATUM_MONITOR,
        )
    }
}

fn parse<T: for<'de> Deserialize<'de>>(naam: &str, tekst: &str) -> Result<T, String> {
    serde_json::from_str(tekst).map_err(|e| format!("{naam}: {e}"))
}

/// Prestatieafspraken Heemstede 2024 t/m 2027 with the jaarafspraken 2024, the Monitor 2024 and
/// what the raadsinformatiebericht of 25 maart 2025 adds (statuses, indicators, plans for 2025).
pub fn heemstede(werkruimte: Uuid) -> Result<History, String> {
    let afspraken: Afspraken = parse("heemstede_afspraken", AFSPRAKEN)?;
    let jaar: JaarBestand = parse("heemstede_jaarafspraken_2024", JAAR_2024)?;
    let rib: Rib = parse("heemstede_rib_2024", RIB_2024)?;
    let mut b = Bouwer::new(werkruimte);
    b.afspraken(&afspraken, BRON_AFSPRAKEN, DATUM_AFSPRAKEN)?;
    let mut volg = 0;
    for j in &jaar.jaarafspraken {
        let sleutel = j.sleutel.clone().ok_or("jaarafspraak zonder sleutel")?;
        b.jaarafspraak(j, &sleutel, false, volg, 2024, BRON_AFSPRAKEN, DATUM_AFSPRAKEN)?;
        volg += 1;
    }
    for r in &jaar.overige_regels {
        let sleutel = format!("regel:{}", r.code);
        b.jaarafspraak(r, &sleutel, true, volg, 2024, BRON_MONITOR, DATUM_MONITOR)?;
        volg += 1;
    }
    b.begrippen(&jaar.begrippen, BRON_MONITOR, DATUM_MONITOR)?;
    for s in &rib.statussen {
        let id = b.known(&s.sleutel)?;
        b.zet(
            id,
            ItemSoort::Jaarafspraak,
            vec![("status", json!(s.status)), ("oorzaak", json!(s.oorzaak)), ("actie", json!(s.actie))],
            BRON_RIB,
            DATUM_MONITOR,
        )?;
    }
    for h in &rib.hoogtepunten_2024 {
        let id = b.known(&h.sleutel).or_else(|_| b.known(&format!("regel:{}", h.sleutel.trim_start_matches('J'))))?;
        let tekst = format!("{}\n\n{}", h.titel, h.tekst);
        b.voortgang(id, &format!("voortgang:{}:rib", h.sleutel), &tekst, BRON_RIB)?;
        // The raadsinformatiebericht highlights it under "Wat wij hebben bereikt in 2024".
        b.zet(
            id,
            ItemSoort::Jaarafspraak,
            vec![("uitgelicht", json!(true)), ("uitgelicht_tekst", json!(h.tekst))],
            BRON_RIB,
            DATUM_MONITOR,
        )?;
    }
    for (i, n) in rib.nieuw_2025.iter().enumerate() {
        let j = AJaar {
            sleutel: None,
            jaar: Some(2025),
            code: n.code.clone(),
            titel: n.titel.clone(),
            tekst: n.tekst.clone(),
            partijen: Vec::new(),
            // Under the kaderafspraak their code names (K 3.5 …), in its subtheme.
            subthema: n.subthema.clone(),
            kaderafspraken: n.kaderafspraken.clone(),
            trekker: String::new(),
            trekker_partijen: Vec::new(),
            prioriteit: String::new(),
            voortgang: String::new(),
        };
        b.jaarafspraak(&j, &format!("nieuw2025:{i}"), false, volg, 2025, BRON_RIB, DATUM_MONITOR)?;
        volg += 1;
    }
    for (i, ind) in rib.indicatoren.iter().enumerate() {
        let afspraak = b.known(&ind.afspraak)?;
        let id = b.item(&format!("indicator:{i}"));
        b.zet(
            id,
            ItemSoort::Indicator,
            vec![
                ("afspraak", json!(afspraak.to_string())),
                ("naam", json!(ind.naam)),
                ("eenheid", json!(ind.eenheid)),
                ("doel", json!(ind.doel)),
                ("richting", json!(ind.richting)),
                ("signaalwaarde", json!(ind.signaalwaarde)),
                ("toelichting", json!(ind.toelichting)),
            ],
            BRON_RIB,
            DATUM_MONITOR,
        )?;
        for (k, m) in ind.metingen.iter().enumerate() {
            let mid = b.item(&format!("meting:{i}:{k}"));
            let partij = match &m.partij {
                Some(p) => json!(b.known(p)?.to_string()),
                None => Value::Null,
            };
            b.zet(
                mid,
                ItemSoort::Meting,
                vec![
                    ("indicator", json!(id.to_string())),
                    ("datum", json!(m.datum)),
                    ("partij", partij),
                    ("waarde", json!(m.waarde)),
                    ("toelichting", json!(m.toelichting)),
                ],
                BRON_MONITOR,
                DATUM_MONITOR,
            )?;
        }
    }
    Ok(b.history)
}

/// Heemstede – Woonzorg Nederland 2024 t/m 2027, as the raadsinformatiebericht describes it.
pub fn woonzorg(werkruimte: Uuid) -> Result<History, String> {
    let a: Afspraken = parse("woonzorg", WOONZORG)?;
    let mut b = Bouwer::new(werkruimte);
    // Every text of this example comes from the raadsinformatiebericht.
    b.afspraken(&a, BRON_RIB, DATUM_MONITOR)?;
    for (i, j) in a.jaarafspraken.iter().enumerate() {
        let sleutel = j.sleutel.clone().unwrap_or_else(|| format!("jaar:{i}"));
        b.jaarafspraak(j, &sleutel, false, i, 2024, BRON_RIB, DATUM_MONITOR)?;
    }
    Ok(b.history)
}
