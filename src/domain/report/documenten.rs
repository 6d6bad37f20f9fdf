//! What the Word and Excel files say, as [`documentmodel`] values: the Monitor as a Word
//! document ([`monitor_document`]) and the afspraken list as a workbook ([`lijst_werkboek`]).
//! The documents module only turns these into file bytes; every word and number is chosen here.
//!
//! A status is always written as its word (with its sign) *and* shaded with its fill
//! ([`status_vulling`]), so no cell says something by colour alone.

use documentmodel::document::{Alinea, Blok, Cel, Document, Stuk, Tabel, TabelKolom};
use documentmodel::werkboek::{Blad, BladKolom, Werkboek, WerkboekCel};

use super::super::history::History;
use super::super::model::{Jaarafspraak, Kaderafspraak, Status, Thema};
use super::super::time::datum_nl;
use super::lijst::{lijst_rijen, LijstKoppen};
use super::monitor::{Monitor, MonitorRegel};
use super::{Groep, Telling};

/// The words of the generated documents that are not in the data, in the user's language
/// (`src/ui/teksten/documenten.rs`).
#[derive(Clone, Copy, Debug)]
pub struct DocumentWoorden {
    // The Monitor document
    /// {} = date of today.
    pub gemaakt_op: &'static str,
    /// {} = workspace title.
    pub werkruimte: &'static str,
    pub telling_kop: &'static str,
    pub kol_status: &'static str,
    pub kol_aantal: &'static str,
    pub kol_betekenis: &'static str,
    pub totaal: &'static str,
    pub nr: &'static str,
    pub jaarafspraak: &'static str,
    pub trekker: &'static str,
    pub prioriteit: &'static str,
    pub voortgang: &'static str,
    pub oorzaak: &'static str,
    pub actie: &'static str,
    pub geen_voortgang: &'static str,
    pub zonder_thema: &'static str,
    pub overige: &'static str,
    // The workbook
    pub blad_afspraken: &'static str,
    pub blad_tellingen: &'static str,
    pub thema: &'static str,
}

/// The fill of a status in Word and Excel (six hex digits): the light tints of Excel's good,
/// neutral and bad, and grey for not assessed.
pub fn status_vulling(s: Status) -> &'static str {
    match s {
        Status::Groen => "C6EFCE",
        Status::Geel => "FFEB9C",
        Status::Rood => "FFC7CE",
        Status::NietBeoordeeld => "E7E6E6",
    }
}

fn vul(sjabloon: &str, waarde: &str) -> String {
    sjabloon.replacen("{}", waarde, 1)
}

/// A paragraph per line of a text (empty lines dropped).
fn alineas(tekst: &str) -> Vec<Alinea> {
    tekst.split('\n').map(str::trim_end).filter(|r| !r.trim().is_empty()).map(Alinea::tekst).collect()
}

/// The counts per status as a table: status (shaded, worded), number, meaning; and the total.
pub fn telling_tabel(telling: &Telling, w: &DocumentWoorden, status: &dyn Fn(Status) -> String, uitleg: &dyn Fn(Status) -> String) -> Tabel {
    let mut rijen: Vec<Vec<Cel>> = Status::ALL
        .into_iter()
        .map(|s| {
            vec![
                Cel { alineas: vec![Alinea::tekst(status(s))], vulling: Some(status_vulling(s).into()) },
                Cel::tekst(telling.van(s).to_string()),
                Cel::tekst(uitleg(s)),
            ]
        })
        .collect();
    rijen.push(vec![
        Cel { alineas: vec![Alinea::vet(w.totaal)], vulling: None },
        Cel { alineas: vec![Alinea::vet(telling.totaal().to_string())], vulling: None },
        Cel::default(),
    ]);
    Tabel {
        kolommen: vec![
            TabelKolom { kop: w.kol_status.into(), breedte: 3 },
            TabelKolom { kop: w.kol_aantal.into(), breedte: 1 },
            TabelKolom { kop: w.kol_betekenis.into(), breedte: 8 },
        ],
        rijen,
    }
}

/// One Monitor table: the columns of the Monitor page.
fn monitor_tabel(regels: &[MonitorRegel], w: &DocumentWoorden, status: &dyn Fn(Status) -> String) -> Tabel {
    let rijen = regels
        .iter()
        .map(|r| {
            let mut afspraak = vec![Alinea::vet(r.titel.clone())];
            afspraak.extend(alineas(&r.tekst));
            let mut stand = vec![Alinea::vet(status(r.status))];
            if !r.oorzaak.is_empty() {
                stand.push(Alinea { stukken: vec![Stuk::vet(format!("{}: ", w.oorzaak)), Stuk::tekst(r.oorzaak.clone())] });
            }
            if !r.actie.is_empty() {
                stand.push(Alinea { stukken: vec![Stuk::vet(format!("{}: ", w.actie)), Stuk::tekst(r.actie.clone())] });
            }
            let mut voortgang = Vec::new();
            for v in &r.voortgang {
                let wanneer = if v.partij.is_empty() { datum_nl(&v.datum) } else { format!("{} · {}", datum_nl(&v.datum), v.partij) };
                voortgang.push(Alinea { stukken: vec![Stuk::cursief(wanneer)] });
                voortgang.extend(alineas(&v.tekst));
            }
            if voortgang.is_empty() {
                voortgang.push(Alinea::tekst(w.geen_voortgang));
            }
            vec![
                Cel::tekst(if r.code.is_empty() { r.titel.clone() } else { r.code.clone() }),
                Cel { alineas: afspraak, vulling: None },
                Cel::tekst(r.trekker.clone()),
                Cel::tekst(r.prioriteit.clone()),
                Cel { alineas: stand, vulling: Some(status_vulling(r.status).into()) },
                Cel { alineas: voortgang, vulling: None },
            ]
        })
        .collect();
    Tabel {
        kolommen: vec![
            TabelKolom { kop: w.nr.into(), breedte: 6 },
            TabelKolom { kop: w.jaarafspraak.into(), breedte: 30 },
            TabelKolom { kop: w.trekker.into(), breedte: 11 },
            TabelKolom { kop: w.prioriteit.into(), breedte: 9 },
            TabelKolom { kop: w.kol_status.into(), breedte: 17 },
            TabelKolom { kop: w.voortgang.into(), breedte: 27 },
        ],
        rijen,
    }
}

/// "1 Passend wonen".
pub fn thema_kop(t: &Option<Thema>, zonder: &str) -> String {
    t.as_ref().map_or(zonder.to_string(), |t| format!("{} {}", t.nummer, t.titel).trim().to_string())
}

/// The Monitor as a Word document (A4 landscape): the title `kop`, the line of its stand
/// (`stand`: now or a peilmoment), the workspace and the date it was made, the counts per
/// status, then per theme and subtheme a table with the Monitor page's columns, and the rows
/// that are not numbered agreements last.
pub fn monitor_document(
    m: &Monitor,
    kop: &str,
    stand: &str,
    vandaag: &str,
    w: &DocumentWoorden,
    status: &dyn Fn(Status) -> String,
    uitleg: &dyn Fn(Status) -> String,
) -> Document {
    let mut b = vec![
        Blok::Kop { niveau: 1, tekst: kop.to_string() },
        Blok::Alinea(Alinea::vet(stand)),
        Blok::Alinea(Alinea::tekst(vul(w.werkruimte, &m.werkruimte.titel))),
        Blok::Alinea(Alinea::tekst(vul(w.gemaakt_op, &datum_nl(vandaag)))),
        Blok::Kop { niveau: 2, tekst: w.telling_kop.to_string() },
        Blok::Tabel(telling_tabel(&m.telling, w, status, uitleg)),
    ];
    for t in &m.themas {
        b.push(Blok::Kop { niveau: 2, tekst: thema_kop(&t.thema, w.zonder_thema) });
        for s in &t.subthemas {
            if let Some(s) = &s.subthema {
                b.push(Blok::Kop { niveau: 3, tekst: format!("{} {}", s.nummer, s.titel).trim().to_string() });
            }
            b.push(Blok::Tabel(monitor_tabel(&s.regels, w, status)));
        }
    }
    if !m.overige.is_empty() {
        b.push(Blok::Kop { niveau: 2, tekst: w.overige.to_string() });
        b.push(Blok::Tabel(monitor_tabel(&m.overige, w, status)));
    }
    Document { liggend: true, blokken: b }
}

/// Widths (in characters) and wrapping of the list's columns, in the order of `lijst_rijen`.
const LIJST_KOLOMMEN: [(f64, bool); 16] = [
    (13.0, false), // soort
    (8.0, false),  // code
    (32.0, true),  // titel
    (60.0, true),  // tekst
    (24.0, true),  // thema
    (24.0, true),  // subthema
    (24.0, true),  // partijen
    (18.0, true),  // trekker
    (11.0, false), // prioriteit
    (6.0, false),  // jaar
    (16.0, false), // status
    (36.0, true),  // oorzaak
    (36.0, true),  // actie
    (60.0, true),  // laatste voortgang
    (12.0, false), // datum
    (14.0, true),  // kaderafspraken
];
const STATUS_KOLOM: usize = 10;
const JAAR_KOLOM: usize = 9;

/// The afspraken list as filtered on screen as a workbook: sheet one has every column of the CSV
/// (heading row frozen, autofilter, widths, wrapping; the status as a word on its fill), sheet
/// two the counts per status of its jaarafspraken per theme and per trekker.
pub fn lijst_werkboek(
    h: &History,
    jaar: &[Groep<Jaarafspraak>],
    kader: &[Groep<Kaderafspraak>],
    titel: &str,
    k: &LijstKoppen,
    w: &DocumentWoorden,
    status: &dyn Fn(Status) -> String,
) -> Werkboek {
    let mut rijen = lijst_rijen(h, jaar, kader, k, status);
    let koppen = rijen.remove(0);
    let statussen: Vec<Option<Status>> =
        jaar.iter().flat_map(|g| g.items.iter().map(|j| Some(j.status))).chain(kader.iter().flat_map(|g| g.items.iter().map(|_| None))).collect();
    let afspraken = Blad {
        naam: w.blad_afspraken.to_string(),
        kolommen: koppen
            .into_iter()
            .zip(LIJST_KOLOMMEN)
            .map(|(kop, (breedte, terugloop))| BladKolom { kop, breedte, terugloop })
            .collect(),
        rijen: rijen
            .into_iter()
            .zip(statussen)
            .map(|(rij, s)| {
                rij.into_iter()
                    .enumerate()
                    .map(|(i, v)| match (i, s) {
                        (STATUS_KOLOM, Some(s)) => WerkboekCel { vulling: Some(status_vulling(s).into()), ..WerkboekCel::tekst(v) },
                        (JAAR_KOLOM, _) if !v.is_empty() => v.parse::<f64>().map(WerkboekCel::getal).unwrap_or_else(|_| WerkboekCel::tekst(v)),
                        _ => WerkboekCel::tekst(v),
                    })
                    .collect()
            })
            .collect(),
        kop_vast: true,
        filter: true,
    };
    let js: Vec<Jaarafspraak> = jaar.iter().flat_map(|g| g.items.iter().cloned()).collect();
    Werkboek { titel: titel.to_string(), bladen: vec![afspraken, tellingen(h, &js, k, w, status)] }
}

/// Per theme, then per trekker: the number of jaarafspraken of each status and the total.
fn tellingen(h: &History, js: &[Jaarafspraak], k: &LijstKoppen, w: &DocumentWoorden, status: &dyn Fn(Status) -> String) -> Blad {
    let mut kolommen = vec![BladKolom { kop: w.thema.to_string(), breedte: 36.0, terugloop: true }];
    kolommen.extend(Status::ALL.into_iter().map(|s| BladKolom { kop: status(s), breedte: 16.0, terugloop: false }));
    kolommen.push(BladKolom { kop: w.totaal.to_string(), breedte: 10.0, terugloop: false });
    let rij = |naam: String, t: &Telling, vet: bool| -> Vec<WerkboekCel> {
        let mut r = vec![WerkboekCel { vet, ..WerkboekCel::tekst(naam) }];
        r.extend(Status::ALL.into_iter().map(|s| WerkboekCel { vet, ..WerkboekCel::getal(t.van(s) as f64) }));
        r.push(WerkboekCel { vet, ..WerkboekCel::getal(t.totaal() as f64) });
        r
    };
    let mut rijen: Vec<Vec<WerkboekCel>> = super::per_thema_uit(h, js).iter().map(|(t, telling)| rij(thema_kop(t, w.zonder_thema), telling, false)).collect();
    rijen.push(rij(w.totaal.to_string(), &Telling::van_lijst(js), true));
    rijen.push(Vec::new());
    let mut kop = vec![WerkboekCel { vet: true, ..WerkboekCel::tekst(k.trekker) }];
    kop.extend(Status::ALL.into_iter().map(|s| WerkboekCel { vet: true, ..WerkboekCel::tekst(status(s)) }));
    kop.push(WerkboekCel { vet: true, ..WerkboekCel::tekst(w.totaal) });
    rijen.push(kop);
    rijen.extend(super::per_trekker_uit(h, js).iter().map(|(naam, telling)| rij(naam.clone(), telling, false)));
    Blad { naam: w.blad_tellingen.to_string(), kolommen, rijen, kop_vast: true, filter: false }
}
