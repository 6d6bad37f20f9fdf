//! Reads tables written as text: tab-separated rows (Excel puts a copied range on the clipboard
//! so) and CSV files (`;` as Dutch Excel writes them, or `,`).
//!
//! A field in double quotes may hold the separator, line breaks (a cell with several lines) and
//! `""` for a quote. File bytes are decoded as UTF-8 (with or without a byte order mark),
//! UTF-16 with a byte order mark (Excel's "Unicode text"), or else Windows-1252, as older Excel
//! writes a CSV.

use documentmodel::tabel::{Cel, Tabel};

/// The characters Windows-1252 puts at 0x80–0x9F (0 where it has none); the other bytes are
/// the same code points in Latin-1.
const CP1252: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018,
    0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// How the bytes of a text file were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codering {
    Utf8,
    Utf16,
    Windows1252,
}

/// The text of a file's bytes, and how it was read.
pub fn decodeer(bytes: &[u8]) -> (String, Codering) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), Codering::Utf8);
    }
    let utf16 = |rest: &[u8], le: bool| {
        let eenheden = rest.chunks_exact(2).map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
        char::decode_utf16(eenheden).map(|c| c.unwrap_or('\u{fffd}')).collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(rest, true), Codering::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(rest, false), Codering::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Codering::Utf8),
        Err(_) => {
            let s = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => char::from_u32(CP1252[(b - 0x80) as usize] as u32).filter(|c| *c != '\0').unwrap_or('\u{fffd}'),
                    _ => b as char,
                })
                .collect();
            (s, Codering::Windows1252)
        }
    }
}

/// The separator of a text table: a tab if the first line has one, else `;` or `,`, whichever
/// the first line (outside quotes) has more of; `;` when it has neither.
pub fn raad_scheiding(tekst: &str) -> char {
    let mut tel = [0usize; 3];
    let mut binnen = false;
    for c in tekst.chars() {
        match c {
            '"' => binnen = !binnen,
            '\n' | '\r' if !binnen => break,
            '\t' if !binnen => tel[0] += 1,
            ';' if !binnen => tel[1] += 1,
            ',' if !binnen => tel[2] += 1,
            _ => {}
        }
    }
    if tel[0] > 0 {
        '\t'
    } else if tel[2] > tel[1] {
        ','
    } else {
        ';'
    }
}

/// Reads rows separated by line breaks and fields by `scheiding`.
pub fn lees_tekst(tekst: &str, scheiding: char) -> Tabel {
    let tekst = tekst.strip_prefix('\u{feff}').unwrap_or(tekst);
    let mut rijen: Vec<Vec<Cel>> = Vec::new();
    let mut rij: Vec<Cel> = Vec::new();
    let mut veld = String::new();
    let mut tekens = tekst.chars().peekable();
    // Inside quotes; the field began with a quote.
    let mut binnen = false;
    let mut aan_begin = true;
    while let Some(c) = tekens.next() {
        if binnen {
            if c == '"' {
                if tekens.peek() == Some(&'"') {
                    tekens.next();
                    veld.push('"');
                } else {
                    binnen = false;
                }
            } else {
                veld.push(c);
            }
            continue;
        }
        match c {
            '"' if aan_begin => {
                binnen = true;
                aan_begin = false;
            }
            c if c == scheiding => {
                rij.push(Cel::uit_tekst(&std::mem::take(&mut veld)));
                aan_begin = true;
            }
            '\r' | '\n' => {
                if c == '\r' && tekens.peek() == Some(&'\n') {
                    tekens.next();
                }
                rij.push(Cel::uit_tekst(&std::mem::take(&mut veld)));
                rijen.push(std::mem::take(&mut rij));
                aan_begin = true;
            }
            c => {
                veld.push(c);
                aan_begin = false;
            }
        }
    }
    if !veld.is_empty() || !rij.is_empty() {
        rij.push(Cel::uit_tekst(&veld));
        rijen.push(rij);
    }
    Tabel { rijen }
}

/// Reads a CSV file: decodes its bytes and guesses the separator.
pub fn lees_csv(bytes: &[u8]) -> (Tabel, Codering) {
    let (tekst, codering) = decodeer(bytes);
    (lees_tekst(&tekst, raad_scheiding(&tekst)), codering)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teksten(t: &Tabel) -> Vec<Vec<String>> {
        t.rijen.iter().map(|r| r.iter().map(Cel::tekst).collect()).collect()
    }

    #[test]
    fn quotes_separators_and_lines() {
        let t = lees_tekst("a;\"b;c\";\"regel 1\nregel 2\"\r\n\"zei \"\"ja\"\"\";x;\n", ';');
        assert_eq!(teksten(&t), [vec!["a", "b;c", "regel 1\n\nregel 2"], vec!["zei \"ja\"", "x", ""]]);
    }

    #[test]
    fn separator_guess() {
        assert_eq!(raad_scheiding("Nr\tAfspraak\n"), '\t');
        assert_eq!(raad_scheiding("Nr;Afspraak;\"a,b,c\"\n"), ';');
        assert_eq!(raad_scheiding("Nr,Afspraak\n1;2;3;4"), ',');
    }

    #[test]
    fn encodings() {
        assert_eq!(decodeer(b"\xEF\xBB\xBFcaf\xC3\xA9"), ("café".to_string(), Codering::Utf8));
        assert_eq!(decodeer(b"caf\xE9 \x80"), ("café €".to_string(), Codering::Windows1252));
        assert_eq!(decodeer(b"\xFF\xFEa\x00\xE9\x00"), ("aé".to_string(), Codering::Utf16));
    }
}
