//! The afspraken list as a table to take away: one row per agreement as filtered on screen, with
//! every column a spreadsheet user needs, written as CSV that Dutch Excel opens by double-click.
//!
//! CSV is written here rather than with the `csv` crate: quoting is a few lines, the crate would
//! add about 22 KB gzipped to the start-up of the single file.

use std::collections::HashMap;

use uuid::Uuid;

use super::super::history::History;
use super::super::model::{Jaarafspraak, Kaderafspraak, Status, Werkruimte};
use super::Groep;

/// The column headings and the words for the two kinds of agreement, in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct LijstKoppen<'a> {
    pub soort: &'a str,
    pub code: &'a str,
    pub titel: &'a str,
    pub tekst: &'a str,
    pub thema: &'a str,
    pub subthema: &'a str,
    pub partijen: &'a str,
    pub trekker: &'a str,
    pub prioriteit: &'a str,
    pub jaar: &'a str,
    pub status: &'a str,
    pub oorzaak: &'a str,
    pub actie: &'a str,
    pub laatste_voortgang: &'a str,
    pub voortgang_datum: &'a str,
    pub kaderafspraken: &'a str,
    pub soort_jaar: &'a str,
    pub soort_kader: &'a str,
}

/// The theme and subtheme of a group, as "1 Passend wonen" and "1.1 Sociale huur".
fn kop_van<T>(g: &Groep<T>) -> (String, String) {
    (
        g.thema.as_ref().map(|t| format!("{} {}", t.nummer, t.titel).trim().to_string()).unwrap_or_default(),
        g.subthema.as_ref().map(|s| format!("{} {}", s.nummer, s.titel).trim().to_string()).unwrap_or_default(),
    )
}

/// The heading row and one row per agreement of the groups, in their order: jaarafspraken,
/// then kaderafspraken. `status` gives the word of a status.
pub fn lijst_rijen(
    h: &History,
    jaar: &[Groep<Jaarafspraak>],
    kader: &[Groep<Kaderafspraak>],
    k: &LijstKoppen,
    status: impl Fn(Status) -> String,
) -> Vec<Vec<String>> {
    let w = Werkruimte::new(h);
    let partijen: HashMap<Uuid, String> = w.partijen().into_iter().map(|p| (p.id, p.naam)).collect();
    let namen = |ids: &[Uuid]| ids.iter().filter_map(|id| partijen.get(id).cloned()).collect::<Vec<_>>().join(", ");
    let mut rijen = vec![[
        k.soort, k.code, k.titel, k.tekst, k.thema, k.subthema, k.partijen, k.trekker, k.prioriteit, k.jaar, k.status, k.oorzaak,
        k.actie, k.laatste_voortgang, k.voortgang_datum, k.kaderafspraken,
    ]
    .map(str::to_string)
    .to_vec()];
    for g in jaar {
        let (thema, subthema) = kop_van(g);
        for j in &g.items {
            let laatste = w.voortgang_van(j.id).pop();
            let kaders = j.kaderafspraken.iter().filter(|id| h.exists(**id) && !h.is_deleted(**id)).map(|id| w.kaderafspraak(*id).code).collect::<Vec<_>>().join(", ");
            rijen.push(vec![
                k.soort_jaar.to_string(),
                j.code.clone(),
                j.titel.clone(),
                j.tekst.clone(),
                thema.clone(),
                subthema.clone(),
                namen(&j.partijen),
                super::trekker(h, j),
                j.prioriteit.tekst(),
                j.jaar.map(|y| y.to_string()).unwrap_or_default(),
                status(j.status),
                j.oorzaak.clone(),
                j.actie.clone(),
                laatste.as_ref().map(|v| v.tekst.clone()).unwrap_or_default(),
                laatste.map(|v| super::super::time::datum_nl(&v.datum)).unwrap_or_default(),
                kaders,
            ]);
        }
    }
    for g in kader {
        let (thema, subthema) = kop_van(g);
        for a in &g.items {
            let mut rij = vec![String::new(); 16];
            rij[0] = k.soort_kader.to_string();
            rij[1] = a.code.clone();
            rij[2] = a.titel.clone();
            rij[3] = a.tekst.clone();
            rij[4] = thema.clone();
            rij[5] = subthema.clone();
            rij[6] = namen(&a.partijen);
            rijen.push(rij);
        }
    }
    rijen
}

/// A CSV file that Dutch Excel opens correctly by double-click: UTF-8 with a byte order mark,
/// `;` between fields, CRLF after each row, and quotes around a field that holds a `;`, a quote
/// or a line break (a quote inside is doubled). A field that starts with `=`, `+`, `-` or `@`
/// gets a leading `'`, so a spreadsheet never runs it as a formula.
pub fn als_csv(rijen: &[Vec<String>]) -> String {
    let mut uit = String::from("\u{feff}");
    for rij in rijen {
        let velden: Vec<String> = rij.iter().map(|v| csv_veld(v)).collect();
        uit.push_str(&velden.join(";"));
        uit.push_str("\r\n");
    }
    uit
}

fn csv_veld(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@']) { format!("'{v}") } else { v.to_string() };
    let v = v.replace("\r\n", "\n");
    if v.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

