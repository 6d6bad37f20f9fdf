//! Dates and times as Dutch users read them, in the browser's local time zone.

use crate::domain::change::Tijd;
use crate::domain::time;

/// The local time zone offset in ms at moment `t` (positive east of UTC).
fn offset(t: Tijd) -> i64 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t as f64));
    -(d.get_timezone_offset() as i64) * 60_000
}

/// `25-03-2025 14:05`, local time.
pub fn tijd_tekst(t: Tijd) -> String {
    let lokaal = t + offset(t);
    let iso = time::datum_tijd(lokaal);
    let (d, u) = iso.split_once(' ').unwrap_or((&iso, ""));
    format!("{} {u}", time::datum_nl(d))
}

/// `25-03-2025`, local date.
pub fn datum_tekst(t: Tijd) -> String {
    time::datum_nl(&vandaag_iso_van(t))
}

/// `YYYY-MM-DD` of a moment in local time.
pub fn vandaag_iso_van(t: Tijd) -> String {
    time::datum(t + offset(t))
}

/// The moment a local date (`YYYY-MM-DD`) begins: midnight in the browser's time zone, so a
/// peilmoment of today includes what was done today, also in the first hour after midnight.
pub fn begin_van_datum(iso: &str) -> Option<Tijd> {
    let utc = time::parse_datum(iso)?;
    Some(utc - offset(utc))
}

/// Today's local date as `YYYY-MM-DD`.
pub fn vandaag_iso() -> String {
    vandaag_iso_van(crate::storage::nu())
}
