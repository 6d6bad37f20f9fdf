//! The UI texts keep to the glossary of the screens (`docs/woordenlijst.md`): no Dutch text uses a
//! word the glossary says not to use, no sentence is longer than 25 words, and the explanations of
//! the UI's terms in `src/ui/teksten/woorden.rs` are those of the glossary.

use std::fs;
use std::path::Path;

const MAX_WOORDEN: usize = 25;

/// The rows of a Markdown table under a heading: cells per row, without the header.
fn tabel(doc: &str, kop: &str) -> Vec<Vec<String>> {
    let start = doc.find(kop).unwrap_or_else(|| panic!("heading {kop} in docs/woordenlijst.md"));
    doc[start..]
        .lines()
        .skip_while(|r| !r.starts_with('|'))
        .take_while(|r| r.starts_with('|'))
        .skip(2)
        .map(|r| r.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect())
        .collect()
}

/// Every string literal of the `NL` constant of each file in `src/ui/teksten/`: (file, text).
fn nederlandse_teksten() -> Vec<(String, String)> {
    let mut uit = Vec::new();
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/teksten")).unwrap() {
        let pad = entry.unwrap().path();
        let bron = fs::read_to_string(&pad).unwrap();
        let naam = pad.file_name().unwrap().to_string_lossy().to_string();
        let Some(begin) = bron.find("const NL") else { continue };
        let eind = bron[begin..].find("const EN").map(|e| begin + e).unwrap_or(bron.len());
        let deel = &bron[begin..eind];
        let mut rest = deel;
        while let Some(p) = rest.find('"') {
            let na = &rest[p + 1..];
            let mut eind = 0;
            let mut vorige = ' ';
            for (i, c) in na.char_indices() {
                if c == '"' && vorige != '\\' {
                    eind = i;
                    break;
                }
                vorige = c;
            }
            uit.push((naam.clone(), na[..eind].replace("\\u{201c}", "“").replace("\\u{201d}", "”")));
            rest = &na[eind + 1..];
        }
    }
    assert!(uit.len() > 300, "found the Dutch texts");
    uit
}

fn bevat_woord(tekst: &str, woord: &str) -> bool {
    let t = tekst.to_lowercase();
    let w = woord.to_lowercase();
    t.match_indices(&w).any(|(p, _)| {
        let voor = t[..p].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let na = t[p + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        voor && na
    })
}

fn woordenlijst() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/woordenlijst.md")).unwrap()
}

#[test]
fn dutch_texts_use_one_word_per_thing() {
    let doc = woordenlijst();
    let mut verboden: Vec<(String, String)> = Vec::new();
    for rij in tabel(&doc, "## Vaktermen").into_iter().chain(tabel(&doc, "## Andere woorden")) {
        for w in rij[2].split(',').map(str::trim).filter(|w| !w.is_empty()) {
            verboden.push((w.to_string(), rij[0].clone()));
        }
    }
    assert!(verboden.iter().any(|(w, _)| w == "bewaren"));
    let fouten: Vec<String> = nederlandse_teksten()
        .into_iter()
        .flat_map(|(bestand, tekst)| {
            verboden
                .iter()
                .filter(|(w, _)| bevat_woord(&tekst, w))
                .map(|(w, goed)| format!("{bestand}: “{w}” (gebruik: {goed}) in “{tekst}”"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(fouten.is_empty(), "{}", fouten.join("\n"));
}

#[test]
fn dutch_sentences_are_short() {
    let fouten: Vec<String> = nederlandse_teksten()
        .into_iter()
        .flat_map(|(bestand, tekst)| {
            tekst
                .split(['.', '?', '!', ':'])
                .filter(|z| z.split_whitespace().count() > MAX_WOORDEN)
                .map(|z| format!("{bestand}: {} woorden: “{}”", z.split_whitespace().count(), z.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(fouten.is_empty(), "{}", fouten.join("\n"));
}

#[test]
fn the_terms_are_explained_as_in_the_glossary() {
    let doc = woordenlijst();
    let bron = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/teksten/woorden.rs")).unwrap();
    let nl = &bron[bron.find("const NL").unwrap()..bron.find("const EN").unwrap()];
    let termen = tabel(&doc, "## Vaktermen");
    assert_eq!(termen.len(), 6);
    for rij in termen {
        let regel = format!("(\"{}\", \"{}\")", rij[0], rij[1]);
        assert!(nl.contains(&regel), "woorden.rs explains {} as the glossary does: {regel}", rij[0]);
    }
}
