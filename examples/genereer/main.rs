//! Writes a large generated workspace as an exchange file, for the benchmark (`scripts/bench.sh`).
//!
//!   cargo run --release --example genereer -- --seed 1 --uit groot.json
//!       [--schaal 1.0] [--uit2 groot-plus.json] [--extra 10000]
//!
//! `--uit`: the workspace (the Heemstede example plus eight years of use, about 50,000 changes at
//! `--schaal 1`); its id follows from the seed, so the app adds it as a new workspace.
//! `--uit2`: the same workspace with `--extra` more changes by another party on top, to import
//! into a copy that holds the first file. Both files are checked with the app's own validation
//! before the command ends, and written in the oldest format version that holds them (format 1),
//! so older builds can import them for a comparison. Same seed and size → the same bytes.

mod proefdata;

use std::process::ExitCode;

use afsprakenmonitor::domain::format;
use afsprakenmonitor::domain::validate;

use proefdata::{extra, genereer, Omvang};

struct Opties {
    seed: u64,
    uit: String,
    schaal: f64,
    uit2: Option<String>,
    extra: usize,
}

fn opties() -> Result<Opties, String> {
    let mut o = Opties { seed: 1, uit: String::new(), schaal: 1.0, uit2: None, extra: 10_000 };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut waarde = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--seed" => o.seed = waarde()?.parse().map_err(|_| "--seed: a whole number")?,
            "--uit" => o.uit = waarde()?,
            "--schaal" => o.schaal = waarde()?.parse().map_err(|_| "--schaal: a number such as 0.5")?,
            "--uit2" => o.uit2 = Some(waarde()?),
            "--extra" => o.extra = waarde()?.parse().map_err(|_| "--extra: a whole number")?,
            "-h" | "--help" => return Err(String::new()),
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if o.uit.is_empty() {
        return Err("--uit FILE is required".into());
    }
    if !(o.schaal > 0.0) {
        return Err("--schaal must be more than 0".into());
    }
    Ok(o)
}

/// Writes the file and checks it as the app does on import; returns (changes, bytes).
fn schrijf(pad: &str, bestand: &format::Bestand) -> Result<(usize, usize), String> {
    let tekst = format::to_json(bestand);
    let (gelezen, _) = validate::lees_bestand_met_history(&tekst).map_err(|e| format!("{pad}: the app would refuse it: {e}"))?;
    // Read as an older format, each peilmoment gets its year (format 3): not counted here.
    let eigen = gelezen.wijzigingen.iter().filter(|c| !afsprakenmonitor::domain::bijwerken::is_bijwerking(c)).count();
    if eigen != bestand.wijzigingen.len() {
        return Err(format!("{pad}: read back {eigen} of {} changes", bestand.wijzigingen.len()));
    }
    std::fs::write(pad, &tekst).map_err(|e| format!("{pad}: {e}"))?;
    Ok((bestand.wijzigingen.len(), tekst.len()))
}

fn main() -> ExitCode {
    let o = match opties() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("genereer: {e}");
            }
            eprintln!("usage: cargo run --release --example genereer -- --seed N --uit FILE [--schaal F] [--uit2 FILE2 [--extra N]]");
            return ExitCode::from(2);
        }
    };
    let omvang = Omvang::geschaald(o.schaal);
    let basis = genereer(o.seed, omvang);
    let gemeente = basis.gemeente();
    match schrijf(&o.uit, &basis.bestand(&gemeente)) {
        Ok((n, bytes)) => println!("{}: {n} changes, {bytes} bytes (workspace {})", o.uit, basis.history().werkruimte()),
        Err(e) => {
            eprintln!("genereer: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Some(uit2) = &o.uit2 {
        let meer = extra(&basis, o.extra);
        let ander = meer.andere_partij();
        match schrijf(uit2, &meer.bestand(&ander)) {
            Ok((n, bytes)) => println!("{uit2}: {n} changes ({} new, by {}), {bytes} bytes", o.extra, ander.partij),
            Err(e) => {
                eprintln!("genereer: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
