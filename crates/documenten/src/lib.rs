//! The documents module: a second WebAssembly module in the single HTML file, decoded and
//! started only when the user first asks for a Word or Excel file (or reads one), so it adds
//! nothing to the start-up of the app.
//!
//! It renders [`documentmodel`] data into file bytes and reads file bytes into a
//! [`documentmodel::tabel`]; what the documents say is decided by the app's domain.
//!
//! - [`docx`]: a [`documentmodel::document::Document`] as a Word file (docx-rs).
//! - [`xlsx`]: a [`documentmodel::werkboek::Werkboek`] as an Excel file (rust_xlsxwriter).
//! - [`lezen`]: the first sheet of an .xlsx workbook as a [`documentmodel::tabel::Tabel`], with
//!   cell fill colours (calamine).
//!
//! In the browser (wasm32) the functions are exported through wasm-bindgen under the global
//! `afsprakenmonitor_documenten` (see `scripts/documenten.sh`): each takes the model as JSON and
//! returns the file's bytes, or throws with the reason.

pub mod docx;
pub mod lezen;
pub mod xlsx;

#[cfg(target_arch = "wasm32")]
mod export {
    use wasm_bindgen::prelude::*;

    /// A Word file from a `Document` as JSON.
    #[wasm_bindgen]
    pub fn schrijf_docx(json: &str) -> Result<Vec<u8>, JsError> {
        let document = serde_json::from_str(json).map_err(|e| JsError::new(&e.to_string()))?;
        super::docx::schrijf(&document).map_err(|e| JsError::new(&e))
    }

    /// An Excel file from a `Werkboek` as JSON.
    #[wasm_bindgen]
    pub fn schrijf_xlsx(json: &str) -> Result<Vec<u8>, JsError> {
        let werkboek = serde_json::from_str(json).map_err(|e| JsError::new(&e.to_string()))?;
        super::xlsx::schrijf(&werkboek).map_err(|e| JsError::new(&e))
    }

    /// The first sheet of an .xlsx file as a `Tabel` in JSON; throws `werkboek:<reason>`,
    /// `leeg` or `rijen:<number>`.
    #[wasm_bindgen]
    pub fn lees_xlsx(bytes: &[u8]) -> Result<String, JsError> {
        use super::lezen::WerkboekFout;
        match super::lezen::lees_xlsx(bytes) {
            Ok(t) => serde_json::to_string(&t).map_err(|e| JsError::new(&e.to_string())),
            Err(WerkboekFout::GeenWerkboek(r)) => Err(JsError::new(&format!("werkboek:{r}"))),
            Err(WerkboekFout::Leeg) => Err(JsError::new("leeg")),
            Err(WerkboekFout::TeVeelRijen(n)) => Err(JsError::new(&format!("rijen:{n}"))),
        }
    }
}
