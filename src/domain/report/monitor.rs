//! The Monitor: the yearly report on the jaarafspraken that the gemeente sends to the raad.
//!
//! For one year, and for "now" or a peilmoment, one table per theme and subtheme in the order of
//! the agreement (code, title and text, trekker, prioriteit, status with oorzaak and actie, every
//! voortgang entry dated and with its party), the counts per status above it, and the rows that
//! are not numbered agreements (5.2.3, M1, M2 in the example) at the end, as the printed Monitor
//! has them. At a peilmoment, status, oorzaak and actie are the frozen ones and the voortgang is
//! what was written up to its date; jaarafspraken made after it are not in it.
//!
//! [`als_html`] writes the Monitor as HTML tables to paste into Word or Outlook.

use serde_json::Value;
use uuid::Uuid;

use super::super::history::History;
use super::super::model::{Fields, Jaarafspraak, Peilmoment, Status, Subthema, Thema, Voortgang, Werkruimte, WerkruimteInfo};
use super::super::schema::ItemSoort;
use super::Telling;

/// One row of a Monitor table.
#[derive(Clone, Debug, PartialEq)]
pub struct MonitorRegel {
    pub id: Uuid,
    pub code: String,
    pub titel: String,
    pub tekst: String,
    pub trekker: String,
    pub prioriteit: String,
    pub status: Status,
    pub oorzaak: String,
    pub actie: String,
    /// Oldest first.
    pub voortgang: Vec<Voortgang>,
}

/// The rows of one subtheme (`None`: of the theme itself, or without a theme).
#[derive(Clone, Debug, PartialEq)]
pub struct MonitorSubthema {
    pub subthema: Option<Subthema>,
    pub regels: Vec<MonitorRegel>,
}

/// The tables of one theme (`None`: jaarafspraken without a theme).
#[derive(Clone, Debug, PartialEq)]
pub struct MonitorThema {
    pub thema: Option<Thema>,
    pub subthemas: Vec<MonitorSubthema>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Monitor {
    pub werkruimte: WerkruimteInfo,
    pub jaar: i64,
    /// `None`: the state of now.
    pub peilmoment: Option<Peilmoment>,
    pub telling: Telling,
    pub themas: Vec<MonitorThema>,
    /// Rows that are not numbered agreements, in list order.
    pub overige: Vec<MonitorRegel>,
}

impl Monitor {
    /// Every row, in the order of the report.
    pub fn regels(&self) -> impl Iterator<Item = &MonitorRegel> {
        self.themas.iter().flat_map(|t| t.subthemas.iter().flat_map(|s| s.regels.iter())).chain(self.overige.iter())
    }
}

/// The frozen stand of one jaarafspraak in a peilmoment's `standen`.
fn bevroren(standen: &Value, id: Uuid) -> Option<(Status, String, String)> {
    let s = standen.get(id.to_string())?;
    let tekst = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let status = s.get("status").and_then(Value::as_str).and_then(Status::from_code).unwrap_or_default();
    Some((status, tekst("oorzaak"), tekst("actie")))
}

/// The Monitor of `jaar`, now (`peil` is `None`) or at a peilmoment.
pub fn monitor(h: &History, jaar: i64, peil: Option<Uuid>) -> Monitor {
    let w = Werkruimte::new(h);
    let peilmoment = peil
        .filter(|id| h.soort(*id) == Some(ItemSoort::Peilmoment) && !h.is_deleted(*id))
        .map(|id| {
            (w.peilmoment(id), Fields::new(h, id).value("standen").cloned().unwrap_or(Value::Null))
        });
    let regel = |j: &Jaarafspraak| -> Option<MonitorRegel> {
        let (status, oorzaak, actie) = match &peilmoment {
            Some((_, standen)) => bevroren(standen, j.id)?,
            None => (j.status, j.oorzaak.clone(), j.actie.clone()),
        };
        let mut voortgang = w.voortgang_van(j.id);
        if let Some((p, _)) = peilmoment.as_ref().filter(|(p, _)| !p.datum.is_empty()) {
            voortgang.retain(|v| v.datum.as_str() <= p.datum.as_str());
        }
        Some(MonitorRegel {
            id: j.id,
            code: j.code.clone(),
            titel: j.titel.clone(),
            tekst: j.tekst.clone(),
            trekker: super::trekker(h, j),
            prioriteit: j.prioriteit.tekst(),
            status,
            oorzaak,
            actie,
            voortgang,
        })
    };
    let van_jaar = super::jaarafspraken(h, Some(jaar));
    let (overig, genummerd): (Vec<&Jaarafspraak>, Vec<&Jaarafspraak>) = van_jaar.iter().partition(|j| j.monitorregel);
    let per_sub = super::thema_per_subthema(&w);
    let subthemas = w.subthemas();
    let mut themas: Vec<MonitorThema> = Vec::new();
    let mut opgenomen = std::collections::HashSet::new();
    for t in w.themas() {
        let mut delen = Vec::new();
        for s in subthemas.iter().filter(|s| per_sub.get(&s.id) == Some(&t.id)) {
            let van_sub: Vec<&Jaarafspraak> = genummerd.iter().copied().filter(|j| j.subthema == Some(s.id)).collect();
            opgenomen.extend(van_sub.iter().map(|j| j.id));
            let regels: Vec<MonitorRegel> = van_sub.into_iter().filter_map(|j| regel(j)).collect();
            if !regels.is_empty() {
                delen.push(MonitorSubthema { subthema: Some(s.clone()), regels });
            }
        }
        if !delen.is_empty() {
            themas.push(MonitorThema { thema: Some(t), subthemas: delen });
        }
    }
    let zonder: Vec<MonitorRegel> = genummerd.iter().filter(|j| !opgenomen.contains(&j.id)).filter_map(|j| regel(j)).collect();
    if !zonder.is_empty() {
        themas.push(MonitorThema { thema: None, subthemas: vec![MonitorSubthema { subthema: None, regels: zonder }] });
    }
    let overige: Vec<MonitorRegel> = overig.iter().filter_map(|j| regel(j)).collect();
    let mut m = Monitor { werkruimte: w.info(), jaar, peilmoment: peilmoment.map(|(p, _)| p), telling: Telling::default(), themas, overige };
    let mut telling = Telling::default();
    m.regels().for_each(|r| telling.tel(r.status));
    m.telling = telling;
    m
}

/// Text for HTML: `&`, `<`, `>` and `"` as entities.
pub fn html_tekst(s: &str) -> String {
    let mut uit = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '"' => uit.push_str("&quot;"),
            c => uit.push(c),
        }
    }
    uit
}

/// Text with its line breaks as `<br>`.
fn html_regels(s: &str) -> String {
    html_tekst(s).replace('\n', "<br>")
}

/// The words a table needs, in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct Kolomnamen<'a> {
    pub nr: &'a str,
    pub jaarafspraak: &'a str,
    pub trekker: &'a str,
    pub prioriteit: &'a str,
    pub status: &'a str,
    pub voortgang: &'a str,
    pub oorzaak: &'a str,
    pub actie: &'a str,
    pub zonder_thema: &'a str,
    pub overige: &'a str,
}

/// The Monitor as HTML to paste into Word or Outlook: a heading per theme and subtheme and one
/// table each, every text escaped. `status` gives the word of a status (with its sign), so the
/// pasted table never shows a status by colour alone.
pub fn als_html(m: &Monitor, k: &Kolomnamen, status: impl Fn(Status) -> String) -> String {
    let mut uit = String::new();
    let tabel = |uit: &mut String, regels: &[MonitorRegel]| {
        uit.push_str("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><thead><tr>");
        for kop in [k.nr, k.jaarafspraak, k.trekker, k.prioriteit, k.status, k.voortgang] {
            uit.push_str(&format!("<th>{}</th>", html_tekst(kop)));
        }
        uit.push_str("</tr></thead><tbody>");
        for r in regels {
            uit.push_str(&format!("<tr><td>{}</td><td><b>{}</b>", html_tekst(&r.code), html_tekst(&r.titel)));
            if !r.tekst.is_empty() {
                uit.push_str(&format!("<br>{}", html_regels(&r.tekst)));
            }
            uit.push_str(&format!("</td><td>{}</td><td>{}</td><td>{}", html_tekst(&r.trekker), html_tekst(&r.prioriteit), html_tekst(&status(r.status))));
            if !r.oorzaak.is_empty() {
                uit.push_str(&format!("<br>{}: {}", html_tekst(k.oorzaak), html_regels(&r.oorzaak)));
            }
            if !r.actie.is_empty() {
                uit.push_str(&format!("<br>{}: {}", html_tekst(k.actie), html_regels(&r.actie)));
            }
            uit.push_str("</td><td>");
            let delen: Vec<String> = r
                .voortgang
                .iter()
                .map(|v| format!("<i>{} {}</i><br>{}", html_tekst(&super::super::time::datum_nl(&v.datum)), html_tekst(&v.partij), html_regels(&v.tekst)))
                .collect();
            uit.push_str(&delen.join("<br><br>"));
            uit.push_str("</td></tr>");
        }
        uit.push_str("</tbody></table>");
    };
    for t in &m.themas {
        let kop = t.thema.as_ref().map_or(k.zonder_thema.to_string(), |t| format!("{} {}", t.nummer, t.titel).trim().to_string());
        uit.push_str(&format!("<h2>{}</h2>", html_tekst(&kop)));
        for s in &t.subthemas {
            if let Some(s) = &s.subthema {
                uit.push_str(&format!("<h3>{}</h3>", html_tekst(format!("{} {}", s.nummer, s.titel).trim())));
            }
            tabel(&mut uit, &s.regels);
        }
    }
    if !m.overige.is_empty() {
        uit.push_str(&format!("<h2>{}</h2>", html_tekst(k.overige)));
        tabel(&mut uit, &m.overige);
    }
    uit
}
