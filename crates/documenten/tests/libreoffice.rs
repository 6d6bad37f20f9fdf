//! The Word and Excel files of the Heemstede example, read by an independent reader:
//! LibreOffice (`soffice --headless --convert-to`), installed by `scripts/setup.sh`. Each file
//! must convert without error, and what LibreOffice reads must hold the codes, counts and
//! statuses; in the workbook each status cell must carry its fill.
//!
//! The files are left in `target/documenten-voorbeeld/` to open by hand.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use afsprakenmonitor::domain::model::Status;
use afsprakenmonitor::domain::report::documenten::status_vulling;
use afsprakenmonitor::domain::report::monitor::monitor;
use afsprakenmonitor::domain::report::{gegroepeerd, Filter, Telling, Zoekcache};

mod domain {
    pub use afsprakenmonitor::domain::*;
}
#[path = "../../../src/ui/teksten/documenten.rs"]
mod documenten_teksten;
mod voorbeeld;

fn map() -> PathBuf {
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/documenten-voorbeeld");
    fs::create_dir_all(&map).unwrap();
    map.canonicalize().unwrap()
}

/// Converts `bestand` with LibreOffice to `naar` ("txt:Text", "csv:…", "fods"); the output's path.
fn converteer(bestand: &Path, naar: &str, extensie: &str) -> PathBuf {
    let uit = bestand.parent().unwrap().join(format!("soffice-{extensie}"));
    fs::create_dir_all(&uit).unwrap();
    // A profile of its own, so a LibreOffice already running (or another test) does not interfere.
    let profiel = bestand.parent().unwrap().join(format!("soffice-profiel-{extensie}"));
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profiel.display()))
        .args(["--headless", "--norestore", "--convert-to", naar, "--outdir"])
        .arg(&uit)
        .arg(bestand)
        .status()
        .expect("soffice (LibreOffice) is installed by scripts/setup.sh");
    assert!(status.success(), "soffice could not convert {}", bestand.display());
    let pad = uit.join(bestand.with_extension(extensie).file_name().unwrap());
    assert!(pad.exists(), "soffice wrote no {}", pad.display());
    pad
}

#[test]
fn de_monitor_in_word_leest_libreoffice_met_codes_statussen_en_aantallen() {
    let h = voorbeeld::heemstede();
    let bytes = documenten::docx::schrijf(&voorbeeld::monitor_2024(&h)).unwrap();
    let pad = map().join("monitor-heemstede-2024.docx");
    fs::write(&pad, bytes).unwrap();
    let tekst = fs::read_to_string(converteer(&pad, "txt:Text", "txt")).unwrap();
    let m = monitor(&h, 2024, None);
    assert!(tekst.contains("Monitor prestatieafspraken Heemstede 2024"));
    assert!(tekst.contains("Stand van zaken"));
    for r in m.regels().filter(|r| !r.code.is_empty()) {
        assert!(tekst.contains(&r.code), "code {} in the Word file", r.code);
    }
    for s in Status::ALL {
        let regels = tekst.lines().filter(|l| l.trim() == voorbeeld::status_tekst(s)).count();
        // Every row of that status, plus its line in the counts table.
        assert_eq!(regels, m.telling.van(s) + 1, "{s:?} rows in the Word file");
    }
    assert!(tekst.contains(&m.telling.totaal().to_string()));
    // The status cells are shaded: the fills are in the document's XML as LibreOffice writes it back.
    let fods = fs::read_to_string(converteer(&pad, "fodt", "fodt")).unwrap().to_lowercase();
    for s in Status::ALL.into_iter().filter(|s| m.telling.van(*s) > 0) {
        assert!(fods.contains(&format!("fo:background-color=\"#{}\"", status_vulling(s).to_lowercase())), "{s:?} fill in the Word file");
    }
}

#[test]
fn het_raadsinformatiebericht_in_word_leest_libreoffice_met_secties_en_aantallen() {
    let h = voorbeeld::heemstede();
    let bytes = documenten::docx::schrijf(&voorbeeld::raadsbericht_2024(&h)).unwrap();
    let pad = map().join("raadsinformatiebericht-concept-heemstede-2024.docx");
    fs::write(&pad, bytes).unwrap();
    let tekst = fs::read_to_string(converteer(&pad, "txt:Text", "txt")).unwrap();
    let m = monitor(&h, 2024, None);
    let mut vanaf = 0;
    for kop in ["Onderwerp", "Aanleiding", "Stand van zaken jaarafspraken 2024", "Wat wij hebben bereikt in 2024", "J 2.8 Nieuw woonwagenbeleid", "Wat wij in 2025 willen realiseren", "Heemstede – Woonzorg Nederland", "Bijlagen"] {
        let i = tekst[vanaf..].find(kop).unwrap_or_else(|| panic!("{kop} after the previous section"));
        vanaf += i + kop.len();
    }
    let zin = format!("Er zijn {} jaarafspraken voor 2024. Daarvan zijn er {} groen", m.telling.totaal(), m.telling.van(Status::Groen));
    assert!(tekst.contains(&zin), "{zin}");
    assert!(tekst.contains("J 1.8") && tekst.contains(&voorbeeld::status_tekst(Status::Rood)));
}

#[test]
fn de_lijst_in_excel_leest_libreoffice_met_kolommen_statussen_en_vullingen() {
    let h = voorbeeld::heemstede();
    let filter = Filter { jaar: Some(2024), ..Filter::default() };
    let werkboek = voorbeeld::lijst(&h, &filter);
    let pad = map().join("afspraken-heemstede.xlsx");
    fs::write(&pad, documenten::xlsx::schrijf(&werkboek).unwrap()).unwrap();
    // Sheet 1 as CSV: the heading row, then one row per agreement with its status word.
    let csv = fs::read_to_string(converteer(&pad, "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false", "csv")).unwrap();
    let mut regels = csv.lines();
    let kop = regels.next().unwrap();
    for k in ["Nr.", "Titel", "Tekst", "Thema", "Subthema", "Partijen", "Trekker", "Prioriteit", "Jaar", "Status", "Oorzaak", "Actie", "Laatste voortgang", "Datum voortgang", "Kaderafspraken"] {
        assert!(kop.split(';').any(|c| c.trim_matches('"') == k), "column {k} in {kop}");
    }
    // Every jaarafspraak of the list once, with its status word in the status column.
    let (jaar, _) = gegroepeerd(&h, &filter, &mut Zoekcache::default());
    let js: Vec<_> = jaar.iter().flat_map(|g| g.items.iter()).collect();
    let rijen = csv_rijen(&csv);
    for j in &js {
        let rij = rijen.iter().find(|r| r.get(1) == Some(&j.code) && r.get(2) == Some(&j.titel)).unwrap_or_else(|| panic!("{} in the sheet", j.code));
        assert_eq!(rij[10], voorbeeld::status_woord(j.status), "status of {}", j.code);
    }
    let m = Telling::van_lijst(js.iter().copied());
    for s in Status::ALL {
        let n = rijen.iter().filter(|r| r.get(10).map(String::as_str) == Some(voorbeeld::status_woord(s).as_str())).count();
        assert_eq!(n, m.van(s), "{s:?} rows in the sheet");
    }
    // The status cells carry their fill: in LibreOffice's flat XML, each status word sits in a
    // cell whose style has that background colour.
    let fods = fs::read_to_string(converteer(&pad, "fods", "fods")).unwrap();
    for s in Status::ALL.into_iter().filter(|s| m.van(*s) > 0) {
        let kleur = format!("fo:background-color=\"#{}\"", status_vulling(s).to_lowercase());
        let stijlen = stijlen_met(&fods, &kleur);
        assert!(!stijlen.is_empty(), "a cell style with {kleur}");
        let woord = format!("<text:p>{}</text:p>", voorbeeld::status_woord(s));
        let gevuld = fods
            .split("<table:table-cell ")
            .filter(|c| c.contains(&woord))
            .filter(|c| stijlen.iter().any(|st| c.starts_with(&format!("table:style-name=\"{st}\""))))
            .count();
        assert_eq!(gevuld, m.van(s), "{s:?} cells with their fill");
    }
    assert!(fods.contains("table:target-range-address=\"Afspraken.A1:Afspraken.P") && fods.contains("table:display-filter-buttons=\"true\""), "autofilter over the list");
    // The frozen heading row, read from the sheet's XML with Python's zipfile.
    let blad = Command::new("python3")
        .args(["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())"])
        .arg(&pad)
        .output()
        .expect("python3");
    let blad = String::from_utf8(blad.stdout).unwrap();
    assert!(blad.contains("ySplit=\"1\"") && blad.contains("state=\"frozen\""), "the heading row is frozen");
    // Sheet 2: the counts, totals per theme adding up to the year's total.
    assert!(fods.contains("table:name=\"Aantallen\""));
    assert!(fods.contains(&format!("office:value=\"{}\"", m.totaal())));
}

/// The names of the cell styles whose properties have `kleur`.
fn stijlen_met(fods: &str, kleur: &str) -> Vec<String> {
    fods.split("<style:style ")
        .filter(|s| s.contains("style:family=\"table-cell\"") && s.split("</style:style>").next().unwrap_or("").contains(kleur))
        .filter_map(|s| s.split("style:name=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string))
        .collect()
}

/// The rows of a CSV with `;` and `"` (quoted fields may hold `;`, `""` and line breaks).
fn csv_rijen(csv: &str) -> Vec<Vec<String>> {
    let mut rijen = Vec::new();
    let (mut rij, mut veld, mut binnen) = (Vec::new(), String::new(), false);
    let mut tekens = csv.chars().peekable();
    while let Some(c) = tekens.next() {
        match (c, binnen) {
            ('"', true) if tekens.peek() == Some(&'"') => {
                veld.push('"');
                tekens.next();
            }
            ('"', _) => binnen = !binnen,
            (';', false) => rij.push(std::mem::take(&mut veld)),
            ('\n', false) => {
                rij.push(std::mem::take(&mut veld));
                rijen.push(std::mem::take(&mut rij));
            }
            ('\r', false) => {}
            (c, _) => veld.push(c),
        }
    }
    if !veld.is_empty() || !rij.is_empty() {
        rij.push(veld);
        rijen.push(rij);
    }
    rijen
}
