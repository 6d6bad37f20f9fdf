//! The example documents, built from the Heemstede example the way the app builds them: the
//! domain decides the content (with the app's own words from `src/ui/teksten/`), this crate
//! writes the bytes.

#![allow(dead_code)]

use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::model::Status;
use afsprakenmonitor::domain::report::documenten::{lijst_werkboek, monitor_document};
use afsprakenmonitor::domain::report::lijst::LijstKoppen;
use afsprakenmonitor::domain::report::monitor::monitor;
use afsprakenmonitor::domain::report::{gegroepeerd, Filter, Zoekcache};
use documentmodel::document::Document;
use documentmodel::werkboek::Werkboek;
use uuid::Uuid;

#[path = "../../../../src/ui/teksten/algemeen.rs"]
mod algemeen;
#[path = "../../../../src/ui/teksten/rapport.rs"]
mod rapport;

pub const WR: Uuid = Uuid::from_u128(0x646f_6375);
pub const VANDAAG: &str = "2025-01-20";

pub fn heemstede() -> History {
    Voorbeeld::Heemstede.bouw(WR)
}

/// As the Monitor page writes a status: its sign and its word.
pub fn status_tekst(s: Status) -> String {
    let a = &algemeen::NL;
    match s {
        Status::Groen => format!("✓ {}", a.status_groen),
        Status::Geel => format!("! {}", a.status_geel),
        Status::Rood => format!("✗ {}", a.status_rood),
        Status::NietBeoordeeld => format!("– {}", a.status_niet_beoordeeld),
    }
}

pub fn status_woord(s: Status) -> String {
    let a = &algemeen::NL;
    match s {
        Status::Groen => a.status_groen,
        Status::Geel => a.status_geel,
        Status::Rood => a.status_rood,
        Status::NietBeoordeeld => a.status_niet_beoordeeld,
    }
    .to_string()
}

pub fn status_uitleg(s: Status) -> String {
    let a = &algemeen::NL;
    match s {
        Status::Groen => a.status_groen_uitleg,
        Status::Geel => a.status_geel_uitleg,
        Status::Rood => a.status_rood_uitleg,
        Status::NietBeoordeeld => a.status_niet_beoordeeld_uitleg,
    }
    .to_string()
}

pub fn woorden() -> afsprakenmonitor::domain::report::documenten::DocumentWoorden {
    crate::documenten_teksten::NL.woorden
}

/// The concept-raadsinformatiebericht 2024 of the example, with the Woonzorg Nederland workspace.
pub fn raadsbericht_2024(h: &History) -> Document {
    use afsprakenmonitor::domain::report::raadsbericht::{raadsbericht, raadsbericht_document};
    let wz = Voorbeeld::Woonzorg.bouw(Uuid::from_u128(0x776f_6f6e));
    let r = raadsbericht(h, &monitor(h, 2024, None), &[&wz]);
    let t = crate::documenten_teksten::NL;
    raadsbericht_document(&r, &t.rib, &t.woorden, &status_tekst, &status_uitleg, &afsprakenmonitor::domain::time::datum_nl)
}

/// The Monitor 2024 of the example, now.
pub fn monitor_2024(h: &History) -> Document {
    let m = monitor(h, 2024, None);
    monitor_document(&m, "Monitor prestatieafspraken Heemstede 2024", "Stand van 20 januari 2025", VANDAAG, &woorden(), &status_tekst, &status_uitleg)
}

pub fn koppen() -> LijstKoppen<'static> {
    rapport::NL.lijst_koppen()
}

/// The afspraken list with `filter`, as a workbook.
pub fn lijst(h: &History, filter: &Filter) -> Werkboek {
    let (jaar, kader) = gegroepeerd(h, filter, &mut Zoekcache::default());
    lijst_werkboek(h, &jaar, &kader, "Afspraken Heemstede", &koppen(), &woorden(), &status_woord)
}
