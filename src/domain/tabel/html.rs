//! Reads the table in clipboard HTML, as Word, Excel, LibreOffice and browsers put it there.
//!
//! Only the subset a table needs is read, as data: rows (`tr`), cells (`td`, `th`) with
//! `colspan` and `rowspan`, paragraphs inside a cell (`p`, `div`, `li`, headings, `br`), character
//! references (`&nbsp;`, `&eacute;`, `&#233;`, `&#xE9;`) and a cell's fill colour (`bgcolor`,
//! `background`/`background-color` in its `style`, or in a class rule of the `<style>` block,
//! as Excel writes it). Everything else (spans, fonts, comments, Word's conditional blocks,
//! scripts) is skipped. Nothing of the input is ever put into the page.
//!
//! A cell covered by a `rowspan` gets the text of the cell above (a theme written once for
//! several rows applies to each); one covered by a `colspan` stays empty. A table inside a cell
//! adds its text to that cell as paragraphs.

use std::collections::HashMap;

use documentmodel::tabel::{Cel, Kleur, Tabel};

/// The most columns a cell may span, and the most rows.
const MAX_COLSPAN: usize = 100;
const MAX_ROWSPAN: usize = 10_000;

/// A cell as read, before spans are laid out.
struct RuweCel {
    tekst: String,
    kleur: Option<Kleur>,
    colspan: usize,
    rowspan: usize,
}

/// Reads the rows of every top-level table in `html`. `None` when there is no table.
pub fn lees_html(html: &str) -> Option<Tabel> {
    let mut lezer = Lezer { rest: html, klassen: HashMap::new() };
    let mut rijen: Vec<Vec<RuweCel>> = Vec::new();
    let mut rij: Option<Vec<RuweCel>> = None;
    let mut cel: Option<RuweCel> = None;
    let mut diepte = 0usize;
    let mut gevonden = false;
    while let Some(stuk) = lezer.volgende() {
        match stuk {
            Stuk::Tekst(t) => {
                if let Some(c) = cel.as_mut() {
                    decodeer_in(t, &mut c.tekst);
                }
            }
            Stuk::Open { naam, attributen } => match naam.as_str() {
                "table" => {
                    diepte += 1;
                    gevonden = true;
                }
                "tr" if diepte == 1 => {
                    sluit_cel(&mut cel, &mut rij);
                    if let Some(r) = rij.take() {
                        rijen.push(r);
                    }
                    rij = Some(Vec::new());
                }
                "td" | "th" if diepte == 1 => {
                    sluit_cel(&mut cel, &mut rij);
                    rij.get_or_insert_with(Vec::new);
                    let getal = |n: &str| attribuut(&attributen, n).and_then(|v| v.trim().parse::<usize>().ok()).filter(|v| *v > 0).unwrap_or(1);
                    cel = Some(RuweCel {
                        tekst: String::new(),
                        kleur: lezer.kleur_van(&attributen),
                        colspan: getal("colspan").min(MAX_COLSPAN),
                        rowspan: getal("rowspan").min(MAX_ROWSPAN),
                    });
                }
                "p" | "div" | "li" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "td" | "th" => {
                    if let Some(c) = cel.as_mut() {
                        c.tekst.push('\n');
                    }
                }
                _ => {}
            },
            Stuk::Sluit(naam) => match naam.as_str() {
                "table" => {
                    if diepte == 1 {
                        sluit_cel(&mut cel, &mut rij);
                        if let Some(r) = rij.take() {
                            rijen.push(r);
                        }
                    }
                    diepte = diepte.saturating_sub(1);
                }
                "tr" if diepte == 1 => {
                    sluit_cel(&mut cel, &mut rij);
                    if let Some(r) = rij.take() {
                        rijen.push(r);
                    }
                }
                "td" | "th" if diepte == 1 => sluit_cel(&mut cel, &mut rij),
                "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "td" | "th" => {
                    if let Some(c) = cel.as_mut() {
                        c.tekst.push('\n');
                    }
                }
                _ => {}
            },
        }
    }
    sluit_cel(&mut cel, &mut rij);
    if let Some(r) = rij.take() {
        rijen.push(r);
    }
    gevonden.then(|| leg_uit(rijen))
}

fn sluit_cel(cel: &mut Option<RuweCel>, rij: &mut Option<Vec<RuweCel>>) {
    if let Some(c) = cel.take() {
        rij.get_or_insert_with(Vec::new).push(c);
    }
}

/// Lays the cells out on a grid, following `colspan` and `rowspan`.
fn leg_uit(rijen: Vec<Vec<RuweCel>>) -> Tabel {
    // Per column: the cell that still covers rows below, and for how many more rows.
    let mut lopend: Vec<Option<(Cel, usize)>> = Vec::new();
    let mut uit: Vec<Vec<Cel>> = Vec::with_capacity(rijen.len());
    for rij in rijen {
        let mut nieuw: Vec<Cel> = Vec::new();
        let mut k = 0usize;
        let mut cellen = rij.into_iter();
        loop {
            // Columns covered from above.
            while let Some(Some((c, n))) = lopend.get_mut(k) {
                nieuw.push(c.clone());
                *n -= 1;
                if *n == 0 {
                    lopend[k] = None;
                }
                k += 1;
            }
            let Some(r) = cellen.next() else { break };
            let cel = Cel { alineas: documentmodel::tabel::alineas(&r.tekst), kleur: r.kleur };
            for i in 0..r.colspan {
                let deze = if i == 0 { cel.clone() } else { Cel::default() };
                if r.rowspan > 1 {
                    if lopend.len() <= k + i {
                        lopend.resize(k + i + 1, None);
                    }
                    lopend[k + i] = Some((deze.clone(), r.rowspan - 1));
                }
                nieuw.push(deze);
            }
            k += r.colspan;
        }
        uit.push(nieuw);
    }
    Tabel { rijen: uit }
}

/// A piece of the input.
enum Stuk<'a> {
    Tekst(&'a str),
    Open { naam: String, attributen: Vec<(String, String)> },
    Sluit(String),
}

struct Lezer<'a> {
    rest: &'a str,
    /// Fill colours of CSS classes (`.xl65 { background:#92D050 }`), from `<style>` blocks.
    klassen: HashMap<String, Kleur>,
}

impl<'a> Lezer<'a> {
    fn volgende(&mut self) -> Option<Stuk<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(p) = self.rest.find('<') else {
                let t = self.rest;
                self.rest = "";
                return Some(Stuk::Tekst(t));
            };
            if p > 0 {
                let t = &self.rest[..p];
                self.rest = &self.rest[p..];
                return Some(Stuk::Tekst(t));
            }
            let na = &self.rest[1..];
            if let Some(na) = na.strip_prefix("!--") {
                self.rest = na.find("-->").map_or("", |e| &na[e + 3..]);
                continue;
            }
            if na.starts_with('!') || na.starts_with('?') {
                self.rest = na.find('>').map_or("", |e| &na[e + 1..]);
                continue;
            }
            let sluit = na.starts_with('/');
            let naam_begin = if sluit { &na[1..] } else { na };
            let naam_len = naam_begin.find(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '-')).unwrap_or(naam_begin.len());
            if naam_len == 0 {
                // A lone `<` in text.
                self.rest = na;
                return Some(Stuk::Tekst("<"));
            }
            let naam = naam_begin[..naam_len].to_ascii_lowercase();
            let (attributen, verder) = lees_attributen(&naam_begin[naam_len..]);
            self.rest = verder;
            if sluit {
                return Some(Stuk::Sluit(naam));
            }
            if naam == "style" || naam == "script" || naam == "title" {
                let eind = format!("</{naam}");
                let inhoud_eind = zoek_zonder_hoofdletters(self.rest, &eind).unwrap_or(self.rest.len());
                let inhoud = &self.rest[..inhoud_eind];
                if naam == "style" {
                    self.lees_stijlblok(inhoud);
                }
                let na_eind = &self.rest[inhoud_eind..];
                self.rest = na_eind.find('>').map_or("", |e| &na_eind[e + 1..]);
                continue;
            }
            return Some(Stuk::Open { naam, attributen });
        }
    }

    fn lees_stijlblok(&mut self, css: &str) {
        for regel in css.split('}') {
            let Some((kiezer, inhoud)) = regel.split_once('{') else { continue };
            let Some(kleur) = kleur_uit_stijl(inhoud) else { continue };
            for deel in kiezer.split([',', ' ', '\n', '\r', '\t']) {
                if let Some((_, klasse)) = deel.rsplit_once('.') {
                    if !klasse.is_empty() {
                        self.klassen.insert(klasse.to_ascii_lowercase(), kleur);
                    }
                }
            }
        }
    }

    fn kleur_van(&self, attributen: &[(String, String)]) -> Option<Kleur> {
        attribuut(attributen, "style")
            .and_then(|s| kleur_uit_stijl(s))
            .or_else(|| attribuut(attributen, "bgcolor").and_then(|s| kleur_uit_waarde(s)))
            .or_else(|| {
                attribuut(attributen, "class")?.split_whitespace().find_map(|k| self.klassen.get(&k.to_ascii_lowercase()).copied())
            })
    }
}

fn zoek_zonder_hoofdletters(tekst: &str, naald: &str) -> Option<usize> {
    let n = naald.as_bytes();
    tekst.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// Reads the attributes of a tag up to its `>`: (attributes, the input after the tag).
fn lees_attributen(s: &str) -> (Vec<(String, String)>, &str) {
    let mut uit = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return (uit, "");
        }
        if let Some(na) = rest.strip_prefix('>') {
            return (uit, na);
        }
        let len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(rest.len()).max(1);
        let naam = rest[..len].to_ascii_lowercase();
        rest = rest[len..].trim_start();
        let mut waarde = String::new();
        if let Some(na) = rest.strip_prefix('=') {
            let na = na.trim_start();
            if let Some(q) = na.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let binnen = &na[1..];
                let eind = binnen.find(q).unwrap_or(binnen.len());
                decodeer_in(&binnen[..eind], &mut waarde);
                rest = binnen.get(eind + 1..).unwrap_or("");
            } else {
                let eind = na.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(na.len());
                decodeer_in(&na[..eind], &mut waarde);
                rest = &na[eind..];
            }
        }
        uit.push((naam, waarde));
    }
}

fn attribuut<'b>(attributen: &'b [(String, String)], naam: &str) -> Option<&'b str> {
    attributen.iter().find(|(n, _)| n == naam).map(|(_, w)| w.as_str())
}

/// The fill colour in a CSS declaration list (`background:#92D050`, `background-color: rgb(…)`).
fn kleur_uit_stijl(stijl: &str) -> Option<Kleur> {
    stijl.split(';').find_map(|decl| {
        let (eigenschap, waarde) = decl.split_once(':')?;
        let e = eigenschap.trim().to_ascii_lowercase();
        (e == "background" || e == "background-color").then(|| kleur_uit_waarde(waarde).or_else(|| waarde.split_whitespace().find_map(kleur_uit_waarde)))?
    })
}

/// A CSS colour value: `#RGB`, `#RRGGBB` or `rgb(r, g, b)`.
fn kleur_uit_waarde(w: &str) -> Option<Kleur> {
    let w = w.trim();
    if w.starts_with('#') {
        return Kleur::uit_hex(w);
    }
    let binnen = w.strip_prefix("rgb(").or_else(|| w.strip_prefix("rgba("))?;
    let mut delen = binnen.trim_end_matches(')').split(',').map(|d| d.trim().parse::<u8>().ok());
    Some(Kleur { r: delen.next()??, g: delen.next()??, b: delen.next()?? })
}

/// Appends `tekst` with its character references decoded; a line break in the source is a space
/// in HTML.
fn decodeer_in(tekst: &str, uit: &mut String) {
    let mut rest = tekst;
    while let Some(p) = rest.find(['&', '\n', '\r']) {
        uit.push_str(&rest[..p]);
        let na = &rest[p..];
        if !na.starts_with('&') {
            uit.push(' ');
            rest = &na[1..];
            continue;
        }
        let eind = na[1..].find(';').map(|e| e + 1).filter(|e| *e <= 10);
        match eind.and_then(|e| teken(&na[1..e]).map(|c| (c, e))) {
            Some((c, e)) => {
                uit.push(c);
                rest = &na[e + 1..];
            }
            None => {
                uit.push('&');
                rest = &na[1..];
            }
        }
    }
    uit.push_str(rest);
}

/// The character of a reference without `&` and `;`.
fn teken(naam: &str) -> Option<char> {
    if let Some(getal) = naam.strip_prefix('#') {
        let n = match getal.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => getal.parse::<u32>().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match naam {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "euro" => '€',
        "eacute" => 'é',
        "egrave" => 'è',
        "euml" => 'ë',
        "ecirc" => 'ê',
        "Eacute" => 'É',
        "aacute" => 'á',
        "agrave" => 'à',
        "auml" => 'ä',
        "iuml" => 'ï',
        "iacute" => 'í',
        "oacute" => 'ó',
        "ouml" => 'ö',
        "ocirc" => 'ô',
        "uuml" => 'ü',
        "uacute" => 'ú',
        "ccedil" => 'ç',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "copy" => '©',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teksten(t: &Tabel) -> Vec<Vec<String>> {
        t.rijen.iter().map(|r| r.iter().map(Cel::tekst).collect()).collect()
    }

    #[test]
    fn rows_cells_and_references() {
        let t = lees_html("<table><tr><th>Nr</th><td>Caf&eacute;&nbsp;&amp; co &#233;&#xE9; &unknown; a < b</td></tr></table>").unwrap();
        assert_eq!(teksten(&t), [["Nr", "Café & co éé &unknown; a < b"]]);
    }

    #[test]
    fn spans_are_laid_out() {
        let t = lees_html("<table><tr><td rowspan=2>1 Wonen</td><td colspan=2>A</td><td>x</td></tr><tr><td>B</td><td>C</td><td>y</td></tr></table>").unwrap();
        assert_eq!(teksten(&t), [["1 Wonen", "A", "", "x"], ["1 Wonen", "B", "C", "y"]]);
    }

    #[test]
    fn no_table_is_none() {
        assert!(lees_html("<p>Alleen tekst</p>").is_none());
        assert!(lees_html("").is_none());
    }

    #[test]
    fn colours_from_style_bgcolor_and_class() {
        let html = "<style>.xl65\n\t{mso-style-parent:style0;\n\tbackground:#92D050;}\ntd.xl66 {background-color: rgb(255, 0, 0)}</style>\
            <table><tr><td class=xl65>a</td><td class='x xl66'>b</td><td bgcolor=\"#FFFF00\">c</td><td style='border:none;background:#00B050'>d</td><td>e</td></tr></table>";
        let t = lees_html(html).unwrap();
        let k: Vec<Option<String>> = t.rijen[0].iter().map(|c| c.kleur.map(Kleur::hex)).collect();
        assert_eq!(k, [Some("#92d050".into()), Some("#ff0000".into()), Some("#ffff00".into()), Some("#00b050".into()), None]);
    }
}
