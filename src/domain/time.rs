//! Calendar dates from millisecond timestamps, and date checks. No clock: callers pass the time.

use super::change::Tijd;

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a timestamp (UTC).
pub fn datum(t: Tijd) -> String {
    let (y, m, d) = civil_from_days(t.div_euclid(86_400_000));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM` of a timestamp (UTC).
pub fn datum_tijd(t: Tijd) -> String {
    let ms = t.rem_euclid(86_400_000);
    let (h, min) = (ms / 3_600_000, (ms / 60_000) % 60);
    format!("{} {h:02}:{min:02}", datum(t))
}

/// Midnight UTC of a `YYYY-MM-DD` date, if the text is a real date.
pub fn parse_datum(s: &str) -> Option<Tijd> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400_000)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A date as Dutch users write it: `25-03-2025`.
pub fn datum_nl(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if parse_datum(iso).is_some() => format!("{d}-{m}-{y}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for s in ["1970-01-01", "2024-02-29", "2025-03-25", "2000-12-31", "1969-07-20"] {
            assert_eq!(datum(parse_datum(s).unwrap()), s);
        }
        assert_eq!(parse_datum("2025-02-29"), None);
        assert_eq!(parse_datum("2025-13-01"), None);
        assert_eq!(parse_datum("25-03-2025"), None);
        assert_eq!(datum_tijd(parse_datum("2025-03-25").unwrap() + 3_600_000 * 14 + 60_000 * 5), "2025-03-25 14:05");
        assert_eq!(datum_nl("2025-03-25"), "25-03-2025");
    }
}
