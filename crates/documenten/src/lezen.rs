//! Reading the first sheet of an .xlsx workbook into a [`Tabel`]: each cell's value as text
//! (calamine reads the values and the cached results of formulas) and its fill colour (from the
//! cell's style in `xl/styles.xml`, also read by calamine), so a status written only as a green,
//! yellow or red cell reaches the preview. Row and column numbers stay those of the sheet
//! (row 1 is the table's first row), so a message about "rij 4, kolom C" points at the same cell
//! in Excel.

use std::io::Cursor;

use calamine::{Data, FillPattern, Reader, Xlsx};
use documentmodel::tabel::{Cel, Kleur, Tabel};

/// The most rows a sheet may have.
pub const MAX_RIJEN: usize = 20_000;
/// How many columns past the last value a column of colours only is looked for.
const KLEUR_KOLOMMEN: u32 = 20;

/// Why a workbook gave no table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WerkboekFout {
    /// Not an .xlsx file (or a damaged one): calamine's reason.
    GeenWerkboek(String),
    /// The workbook has no sheet with a value in it.
    Leeg,
    /// More rows than [`MAX_RIJEN`]: the number found.
    TeVeelRijen(usize),
}

/// The text of a value as the sheet shows it: whole numbers without decimals, a formula
/// without a cached result as its formula (so the preview can say so).
fn tekst(d: &Data, formule: Option<&String>) -> String {
    match d {
        Data::Empty => formule.filter(|f| !f.is_empty()).map(|f| format!("={f}")).unwrap_or_default(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "WAAR".into() } else { "ONWAAR".into() },
        Data::Error(_) => String::new(),
        other => other.to_string(),
    }
}

/// The first sheet that has a value in it, as a table.
pub fn lees_xlsx(bytes: &[u8]) -> Result<Tabel, WerkboekFout> {
    let mut boek: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| WerkboekFout::GeenWerkboek(e.to_string()))?;
    for naam in boek.sheet_names() {
        let Ok(waarden) = boek.worksheet_range(&naam) else { continue };
        let Some((_, eind)) = waarden.start().zip(waarden.end()) else { continue };
        if waarden.used_cells().all(|(_, _, d)| matches!(d, Data::Empty)) {
            continue;
        }
        let hoogte = eind.0 as usize + 1;
        if hoogte > MAX_RIJEN {
            return Err(WerkboekFout::TeVeelRijen(hoogte));
        }
        let formules = boek.worksheet_formula(&naam).ok();
        let stijlen = boek.worksheet_style(&naam).ok();
        let breedte_stijl = stijlen.as_ref().and_then(|s| s.end()).map_or(0, |e| e.1.min(eind.1 + KLEUR_KOLOMMEN));
        let breedte = eind.1.max(breedte_stijl) + 1;
        let mut rijen = Vec::with_capacity(hoogte);
        for r in 0..=eind.0 {
            let mut rij = Vec::with_capacity(breedte as usize);
            for k in 0..breedte {
                let waarde = waarden.get_value((r, k)).unwrap_or(&Data::Empty);
                let formule = formules.as_ref().and_then(|f| f.get_value((r, k)));
                let kleur = stijlen.as_ref().and_then(|s| s.get((r, k))).and_then(|s| s.fill.as_ref()).and_then(|f| {
                    (f.pattern == FillPattern::Solid).then_some(f.foreground_color.or(f.background_color)).flatten()
                });
                let mut cel = Cel::uit_tekst(&tekst(waarde, formule));
                cel.kleur = kleur.map(|c| Kleur { r: c.red, g: c.green, b: c.blue });
                rij.push(cel);
            }
            while rij.last().is_some_and(|c: &Cel| c.is_leeg() && c.kleur.is_none()) {
                rij.pop();
            }
            rijen.push(rij);
        }
        return Ok(Tabel { rijen });
    }
    Err(WerkboekFout::Leeg)
}
