//! The concept-raadsinformatiebericht: what the college tells the raad about a year of the
//! prestatieafspraken, in the structure of Heemstede's bericht of 25 maart 2025.
//!
//! [`raadsbericht`] gathers what the bericht says from the data — the counts of the Monitor
//! (now or at a peilmoment), the rood and geel rows with oorzaak and actie, the jaarafspraken a
//! user marked *uitgelicht* with their short text, the next year's jaarafspraken (new ones named,
//! continued ones counted), and a section per other workspace the user includes.
//! [`raadsbericht_document`] writes it as a Word document in plain B1 sentences; every number in
//! it comes from the [`Raadsbericht`]. The words are the user's language's ([`RibWoorden`]).
//!
//! It is a *concept*: places only a person can fill in (the date of the collegevergadering) say so.

use std::collections::HashMap;

use documentmodel::document::{Alinea, Blok, Document, Stuk};

use super::super::history::History;
use super::super::model::{Jaarafspraak, Kaderafspraak, Peilmoment, Status, Werkruimte, WerkruimteInfo};
use super::documenten::{telling_tabel, DocumentWoorden};
use super::monitor::{Monitor, MonitorRegel};
use super::Telling;

/// One agreement with the text the bericht gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Uitlichting {
    pub code: String,
    pub titel: String,
    /// The short text: the uitgelicht text, else the latest voortgang, else the agreement's text.
    pub tekst: String,
}

impl Uitlichting {
    /// "J 2.8 Woonwagens" (or the title alone when there is no code).
    pub fn kop(&self) -> String {
        format!("{} {}", self.code, self.titel).trim().to_string()
    }
}

/// The section about another workspace (such as the agreements with Woonzorg Nederland).
#[derive(Clone, Debug, PartialEq)]
pub struct AndereWerkruimte {
    pub titel: String,
    /// The counts of its jaarafspraken of the year; `None`: it has none that year (then
    /// `afspraken` are its kaderafspraken, as with Woonzorg Nederland in the example).
    pub telling: Option<Telling>,
    /// Its uitgelicht jaarafspraken of the year; when none is marked, every jaarafspraak of the
    /// year; when it has none, its kaderafspraken.
    pub afspraken: Vec<Uitlichting>,
}

/// What the raadsinformatiebericht of one year says.
#[derive(Clone, Debug, PartialEq)]
pub struct Raadsbericht {
    pub werkruimte: WerkruimteInfo,
    pub jaar: i64,
    /// The Monitor's peilmoment, if it shows one.
    pub peilmoment: Option<Peilmoment>,
    /// The names of the parties, in the workspace's order.
    pub partijen: Vec<String>,
    pub aantal_kaderafspraken: usize,
    /// The peilmomenten of the year (or of every year), oldest first.
    pub peilmomenten: Vec<Peilmoment>,
    pub telling: Telling,
    /// The rood rows, then the geel rows, each in the Monitor's order.
    pub aandacht: Vec<MonitorRegel>,
    /// "Wat wij hebben bereikt": the uitgelicht jaarafspraken of the year, in the Monitor's order.
    pub bereikt: Vec<Uitlichting>,
    /// Jaarafspraken of the next year that continue one of an earlier year.
    pub voortgezet: usize,
    /// Jaarafspraken of the next year that are new, in list order.
    pub nieuw: Vec<Uitlichting>,
    pub andere: Vec<AndereWerkruimte>,
}

/// The latest voortgang of an agreement, else its own text.
fn laatste_of(w: &Werkruimte, id: uuid::Uuid, tekst: &str) -> String {
    match w.voortgang_van(id).into_iter().filter(|v| !v.tekst.trim().is_empty()).next_back() {
        Some(v) => v.tekst,
        None => tekst.to_string(),
    }
}

/// A jaarafspraak with its uitgelicht text, else its latest voortgang, else its text.
fn uitlichting(w: &Werkruimte, j: &Jaarafspraak) -> Uitlichting {
    let tekst = if j.uitgelicht_tekst.trim().is_empty() { laatste_of(w, j.id, &j.tekst) } else { j.uitgelicht_tekst.clone() };
    Uitlichting { code: j.code.clone(), titel: j.titel.clone(), tekst }
}

fn kader_uitlichting(w: &Werkruimte, k: &Kaderafspraak) -> Uitlichting {
    Uitlichting { code: k.code.clone(), titel: k.titel.clone(), tekst: laatste_of(w, k.id, &k.tekst) }
}

/// The section about another workspace, for the year `jaar`.
pub fn andere_werkruimte(h: &History, jaar: i64) -> AndereWerkruimte {
    let w = Werkruimte::new(h);
    let js = super::jaarafspraken(h, Some(jaar));
    let titel = w.info().titel;
    if js.is_empty() {
        return AndereWerkruimte { titel, telling: None, afspraken: w.kaderafspraken().iter().map(|k| kader_uitlichting(&w, k)).collect() };
    }
    let gekozen: Vec<&Jaarafspraak> = if js.iter().any(|j| j.uitgelicht) { js.iter().filter(|j| j.uitgelicht).collect() } else { js.iter().collect() };
    AndereWerkruimte { titel, telling: Some(Telling::van_lijst(js.iter())), afspraken: gekozen.into_iter().map(|j| uitlichting(&w, j)).collect() }
}

/// The raadsinformatiebericht of the Monitor `m` of workspace `h`, with a section for each
/// workspace in `andere`.
pub fn raadsbericht(h: &History, m: &Monitor, andere: &[&History]) -> Raadsbericht {
    let w = Werkruimte::new(h);
    let jaar = m.jaar;
    let van_jaar: HashMap<_, Jaarafspraak> = super::jaarafspraken(h, Some(jaar)).into_iter().map(|j| (j.id, j)).collect();
    let regels: Vec<&MonitorRegel> = m.regels().collect();
    let aandacht = [Status::Rood, Status::Geel]
        .into_iter()
        .flat_map(|s| regels.iter().filter(move |r| r.status == s).map(|r| (*r).clone()))
        .collect();
    let bereikt = regels.iter().filter_map(|r| van_jaar.get(&r.id)).filter(|j| j.uitgelicht).map(|j| uitlichting(&w, j)).collect();
    let volgend = super::jaarafspraken(h, Some(jaar + 1));
    let voortgezet = volgend.iter().filter(|j| j.vorige.is_some()).count();
    let nieuw = volgend.iter().filter(|j| j.vorige.is_none()).map(|j| uitlichting(&w, j)).collect();
    let mut peilmomenten: Vec<Peilmoment> = w.peilmomenten().into_iter().filter(|p| p.jaar.is_none_or(|pj| pj == jaar)).collect();
    peilmomenten.sort_by(|a, b| a.datum.cmp(&b.datum));
    Raadsbericht {
        werkruimte: m.werkruimte.clone(),
        jaar,
        peilmoment: m.peilmoment.clone(),
        partijen: w.partijen().into_iter().map(|p| p.naam).filter(|n| !n.trim().is_empty()).collect(),
        aantal_kaderafspraken: w.kaderafspraken().len(),
        peilmomenten,
        telling: m.telling.clone(),
        aandacht,
        bereikt,
        voortgezet,
        nieuw,
        andere: andere.iter().map(|a| andere_werkruimte(a, jaar)).collect(),
    }
}

/// The fixed words and sentence templates of the bericht; `{}` is filled in order.
#[derive(Clone, Copy, Debug)]
pub struct RibWoorden {
    pub titel: &'static str,
    pub concept: &'static str,
    pub collegevergadering: &'static str,
    pub onderwerp_kop: &'static str,
    /// {} = gemeente, {} = year.
    pub onderwerp: &'static str,
    /// {} = gemeente.
    pub onderwerp_zin: &'static str,
    pub aanleiding_kop: &'static str,
    /// {} = the parties, {} = the workspace's title.
    pub aanleiding: &'static str,
    /// {} = from, {} = to (years).
    pub aanleiding_periode: &'static str,
    /// {} = number of kaderafspraken, {} = year, {} = number of jaarafspraken.
    pub aanleiding_afspraken: &'static str,
    /// {} = year.
    pub aanleiding_doel: &'static str,
    pub monitoren_kop: &'static str,
    pub monitoren: &'static str,
    /// {} = number, {} = year, {} = the dates.
    pub peilmomenten: &'static str,
    /// {} = year.
    pub stand_kop: &'static str,
    /// {} = total, {} = year, {} = groen, {} = geel, {} = rood.
    pub stand: &'static str,
    /// {} = number not assessed.
    pub stand_niet_beoordeeld: &'static str,
    /// {} = the peilmoment's name, {} = its date.
    pub stand_peilmoment: &'static str,
    pub aandacht: &'static str,
    pub geen_aandacht: &'static str,
    pub status: &'static str,
    /// {} = year.
    pub bereikt_kop: &'static str,
    /// {} = gemeente, {} = year.
    pub bereikt: &'static str,
    pub niets_uitgelicht: &'static str,
    /// {} = year.
    pub plannen_kop: &'static str,
    /// {} = number continued, {} = year, {} = number new.
    pub plannen_voortgezet: &'static str,
    /// {} = number new, {} = year.
    pub plannen_nieuw: &'static str,
    /// {} = year.
    pub geen_plannen: &'static str,
    /// {} = title of the other workspace.
    pub andere_kop: &'static str,
    /// {} = total, {} = year, {} = groen, {} = geel, {} = rood.
    pub andere_stand: &'static str,
    /// {} = number of kaderafspraken, {} = year.
    pub andere_kader: &'static str,
    pub bijlagen_kop: &'static str,
    /// {} = gemeente, {} = year.
    pub bijlage_monitor: &'static str,
    /// " en " between the last two of a list.
    pub en: &'static str,
}

/// Fills each `{}` of `sjabloon` with the next of `waarden`.
fn vul(sjabloon: &str, waarden: &[&str]) -> String {
    let mut uit = String::with_capacity(sjabloon.len() + 32);
    let mut rest = sjabloon;
    for w in waarden {
        match rest.find("{}") {
            Some(i) => {
                uit.push_str(&rest[..i]);
                uit.push_str(w);
                rest = &rest[i + 2..];
            }
            None => break,
        }
    }
    uit.push_str(rest);
    uit
}

/// "a, b en c".
fn opsomming(namen: &[String], en: &str) -> String {
    match namen {
        [] => String::new(),
        [een] => een.clone(),
        [rest @ .., laatste] => format!("{}{en}{laatste}", rest.join(", ")),
    }
}

/// One paragraph per non-empty line of a text.
fn alineas(tekst: &str) -> Vec<Blok> {
    tekst.split('\n').map(str::trim).filter(|r| !r.is_empty()).map(|r| Blok::Alinea(Alinea::tekst(r))).collect()
}

fn uitlichtingen(b: &mut Vec<Blok>, items: &[Uitlichting]) {
    for u in items {
        b.push(Blok::Kop { niveau: 3, tekst: u.kop() });
        b.extend(alineas(&u.tekst));
    }
}

/// The counts in one sentence.
fn stand_zin(sjabloon: &str, t: &Telling, jaar: i64) -> String {
    vul(
        sjabloon,
        &[&t.totaal().to_string(), &jaar.to_string(), &t.van(Status::Groen).to_string(), &t.van(Status::Geel).to_string(), &t.van(Status::Rood).to_string()],
    )
}

/// The bericht as a Word document (A4 portrait). `vandaag` is an ISO date; `datum` writes a date
/// for people ("25 maart 2025").
pub fn raadsbericht_document(
    r: &Raadsbericht,
    w: &RibWoorden,
    dw: &DocumentWoorden,
    status: &dyn Fn(Status) -> String,
    uitleg: &dyn Fn(Status) -> String,
    datum: &dyn Fn(&str) -> String,
) -> Document {
    let gemeente = if r.werkruimte.gemeente.trim().is_empty() { r.werkruimte.titel.clone() } else { r.werkruimte.gemeente.clone() };
    let jaar = r.jaar.to_string();
    let volgend = (r.jaar + 1).to_string();
    let mut b = vec![
        Blok::Kop { niveau: 1, tekst: w.titel.to_string() },
        Blok::Alinea(Alinea::vet(w.concept)),
        Blok::Alinea(Alinea::tekst(w.collegevergadering)),
        Blok::Kop { niveau: 2, tekst: w.onderwerp_kop.to_string() },
        Blok::Alinea(Alinea::vet(vul(w.onderwerp, &[&gemeente, &jaar]))),
        Blok::Alinea(Alinea::tekst(vul(w.onderwerp_zin, &[&gemeente]))),
        Blok::Kop { niveau: 2, tekst: w.aanleiding_kop.to_string() },
    ];
    let mut aanleiding = vul(w.aanleiding, &[&opsomming(&r.partijen, w.en), &r.werkruimte.titel]);
    if let (Some(van), Some(tot)) = (r.werkruimte.periode_van, r.werkruimte.periode_tot) {
        aanleiding.push(' ');
        aanleiding.push_str(&vul(w.aanleiding_periode, &[&van.to_string(), &tot.to_string()]));
    }
    aanleiding.push(' ');
    aanleiding.push_str(&vul(w.aanleiding_afspraken, &[&r.aantal_kaderafspraken.to_string(), &jaar, &r.telling.totaal().to_string()]));
    aanleiding.push(' ');
    aanleiding.push_str(&vul(w.aanleiding_doel, &[&jaar]));
    b.push(Blok::Alinea(Alinea::tekst(aanleiding)));

    b.push(Blok::Kop { niveau: 2, tekst: w.monitoren_kop.to_string() });
    b.push(Blok::Alinea(Alinea::tekst(w.monitoren)));
    if !r.peilmomenten.is_empty() {
        let data: Vec<String> = r.peilmomenten.iter().map(|p| if p.datum.is_empty() { p.naam.clone() } else { datum(&p.datum) }).collect();
        b.push(Blok::Alinea(Alinea::tekst(vul(w.peilmomenten, &[&r.peilmomenten.len().to_string(), &jaar, &opsomming(&data, w.en)]))));
    }

    b.push(Blok::Kop { niveau: 2, tekst: vul(w.stand_kop, &[&jaar]) });
    if let Some(p) = &r.peilmoment {
        b.push(Blok::Alinea(Alinea::tekst(vul(w.stand_peilmoment, &[&p.naam, &datum(&p.datum)]))));
    }
    let mut stand = stand_zin(w.stand, &r.telling, r.jaar);
    let niet = r.telling.van(Status::NietBeoordeeld);
    if niet > 0 {
        stand.push(' ');
        stand.push_str(&vul(w.stand_niet_beoordeeld, &[&niet.to_string()]));
    }
    b.push(Blok::Alinea(Alinea::tekst(stand)));
    b.push(Blok::Tabel(telling_tabel(&r.telling, dw, status, uitleg)));
    if r.aandacht.is_empty() {
        b.push(Blok::Alinea(Alinea::tekst(w.geen_aandacht)));
    } else {
        b.push(Blok::Alinea(Alinea::tekst(w.aandacht)));
        for regel in &r.aandacht {
            b.push(Blok::Kop { niveau: 3, tekst: format!("{} {}", regel.code, regel.titel).trim().to_string() });
            b.push(Blok::Alinea(Alinea { stukken: vec![Stuk::vet(format!("{}: ", w.status)), Stuk::tekst(status(regel.status))] }));
            for (kop, tekst) in [(dw.oorzaak, &regel.oorzaak), (dw.actie, &regel.actie)] {
                if !tekst.trim().is_empty() {
                    b.push(Blok::Alinea(Alinea { stukken: vec![Stuk::vet(format!("{kop}: ")), Stuk::tekst(tekst.trim())] }));
                }
            }
        }
    }

    b.push(Blok::Kop { niveau: 2, tekst: vul(w.bereikt_kop, &[&jaar]) });
    if r.bereikt.is_empty() {
        b.push(Blok::Alinea(Alinea::tekst(w.niets_uitgelicht)));
    } else {
        b.push(Blok::Alinea(Alinea::tekst(vul(w.bereikt, &[&gemeente, &jaar]))));
        uitlichtingen(&mut b, &r.bereikt);
    }

    b.push(Blok::Kop { niveau: 2, tekst: vul(w.plannen_kop, &[&volgend]) });
    match (r.voortgezet, r.nieuw.len()) {
        (0, 0) => b.push(Blok::Alinea(Alinea::tekst(vul(w.geen_plannen, &[&volgend])))),
        (0, n) => b.push(Blok::Alinea(Alinea::tekst(vul(w.plannen_nieuw, &[&n.to_string(), &volgend])))),
        (v, n) => b.push(Blok::Alinea(Alinea::tekst(vul(w.plannen_voortgezet, &[&v.to_string(), &jaar, &n.to_string()])))),
    }
    uitlichtingen(&mut b, &r.nieuw);

    for a in &r.andere {
        b.push(Blok::Kop { niveau: 2, tekst: vul(w.andere_kop, &[&a.titel]) });
        let zin = match &a.telling {
            Some(t) => stand_zin(w.andere_stand, t, r.jaar),
            None => vul(w.andere_kader, &[&a.afspraken.len().to_string(), &jaar]),
        };
        b.push(Blok::Alinea(Alinea::tekst(zin)));
        uitlichtingen(&mut b, &a.afspraken);
    }

    b.push(Blok::Kop { niveau: 2, tekst: w.bijlagen_kop.to_string() });
    let mut bijlagen = vec![r.werkruimte.titel.clone()];
    bijlagen.extend(r.andere.iter().map(|a| a.titel.clone()));
    bijlagen.push(vul(w.bijlage_monitor, &[&gemeente, &jaar]));
    b.extend(bijlagen.iter().enumerate().map(|(i, t)| Blok::Alinea(Alinea::tekst(format!("{}. {t}", i + 1)))));
    Document { liggend: false, blokken: b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vul_fills_in_order_and_keeps_the_rest() {
        assert_eq!(vul("{} en {}.", &["a", "b"]), "a en b.");
        assert_eq!(vul("{} en {}", &["a"]), "a en {}");
        assert_eq!(vul("geen", &["a"]), "geen");
    }

    #[test]
    fn opsomming_joins_with_en() {
        let n = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(opsomming(&n(&[]), " en "), "");
        assert_eq!(opsomming(&n(&["a"]), " en "), "a");
        assert_eq!(opsomming(&n(&["a", "b", "c"]), " en "), "a, b en c");
    }
}
