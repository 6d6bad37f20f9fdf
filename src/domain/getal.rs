//! Numbers as Dutch users type and read them: a decimal comma ("68,5"), a dot between thousands
//! ("1.250"). Typed input is read here before it becomes a `Getal` field.

/// Typed text that is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeenGetal;

/// Reads a typed number. Empty input is `Ok(None)`; anything that is not a number is
/// `Err(GeenGetal)`.
///
/// - `68,5` and `68.5` are both 68.5; `-2,75` is -2.75.
/// - With both a dot and a comma the dot separates thousands: `1.250,5` is 1250.5.
/// - A dot followed by groups of exactly three digits separates thousands: `1.250` is 1250.
/// - Spaces (also non-breaking ones) are ignored: `1 250` is 1250.
pub fn lees_getal(invoer: &str) -> Result<Option<f64>, GeenGetal> {
    let s: String = invoer.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    if s.is_empty() {
        return Ok(None);
    }
    let (teken, rest) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(r) => (-1.0, r),
        None => (1.0, s.strip_prefix('+').unwrap_or(&s)),
    };
    if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(GeenGetal);
    }
    let komma = rest.matches(',').count();
    let punt = rest.matches('.').count();
    let genormaliseerd = if komma > 1 {
        return Err(GeenGetal);
    } else if komma == 1 {
        // The comma is the decimal sign; dots may only separate thousands.
        let (heel, deel) = rest.split_once(',').ok_or(GeenGetal)?;
        if punt > 0 && !duizendtallen(heel) {
            return Err(GeenGetal);
        }
        format!("{}.{deel}", heel.replace('.', ""))
    } else if punt == 0 {
        rest.to_string()
    } else if duizendtallen(rest) && (punt > 1 || !rest.starts_with('0')) {
        rest.replace('.', "")
    } else if punt == 1 {
        rest.to_string()
    } else {
        return Err(GeenGetal);
    };
    let genormaliseerd = if genormaliseerd.starts_with('.') { format!("0{genormaliseerd}") } else { genormaliseerd };
    if genormaliseerd.ends_with('.') {
        return Err(GeenGetal);
    }
    match genormaliseerd.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(teken * x)),
        _ => Err(GeenGetal),
    }
}

/// `1.250` or `12.345.678`: one to three digits, then groups of a dot and three digits.
fn duizendtallen(s: &str) -> bool {
    let mut delen = s.split('.');
    let eerste = delen.next().unwrap_or("");
    let mut n = 0;
    let rest_ok = delen.all(|d| {
        n += 1;
        d.len() == 3 && d.chars().all(|c| c.is_ascii_digit())
    });
    n > 0 && rest_ok && (1..=3).contains(&eerste.len()) && eerste.chars().all(|c| c.is_ascii_digit())
}

/// A number as Dutch users read it: `68,5`, `120`, `-2,75`. No thousands separator, so the text
/// can be typed back in as it is.
pub fn getal_tekst(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_english_decimals() {
        assert_eq!(lees_getal("68,5"), Ok(Some(68.5)));
        assert_eq!(lees_getal("68.5"), Ok(Some(68.5)));
        assert_eq!(lees_getal(" 70 "), Ok(Some(70.0)));
        assert_eq!(lees_getal("-2,75"), Ok(Some(-2.75)));
        assert_eq!(lees_getal("+3"), Ok(Some(3.0)));
        assert_eq!(lees_getal(",5"), Ok(Some(0.5)));
        assert_eq!(lees_getal("0.250"), Ok(Some(0.25)));
    }

    #[test]
    fn thousands() {
        assert_eq!(lees_getal("1.250"), Ok(Some(1250.0)));
        assert_eq!(lees_getal("1.250,5"), Ok(Some(1250.5)));
        assert_eq!(lees_getal("12.345.678"), Ok(Some(12_345_678.0)));
        assert_eq!(lees_getal("1 250"), Ok(Some(1250.0)));
        assert_eq!(lees_getal("1\u{a0}250,25"), Ok(Some(1250.25)));
    }

    #[test]
    fn empty_and_wrong() {
        assert_eq!(lees_getal(""), Ok(None));
        assert_eq!(lees_getal("   "), Ok(None));
        for fout in ["abc", "1,2,3", "1.2.3", "12,5%", "1.25,5", "5.", "-", "1e400", "NaN", "inf", "1,2.5"] {
            assert_eq!(lees_getal(fout), Err(GeenGetal), "{fout}");
        }
    }

    #[test]
    fn text_round_trips() {
        for x in [0.0, 68.5, 120.0, -2.75, 0.125, 1250.5] {
            assert_eq!(lees_getal(&getal_tekst(x)), Ok(Some(x)), "{x}");
        }
        assert_eq!(getal_tekst(68.5), "68,5");
        assert_eq!(getal_tekst(120.0), "120");
    }
}
