//! The browser side of the documents module (`crates/documenten`): a second WebAssembly module in
//! the single file, started by `window.afsprakenmonitorDocumenten()` (defined by the page, see
//! `scripts/single-file.mjs`) on the first request for a Word or Excel file. [`maak`] hands it a
//! `documentmodel` value as JSON and gets the file's bytes back; [`download`] saves them;
//! [`lees_xlsx`] reads a chosen .xlsx file into a table.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The kind of file the module writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Soort {
    Docx,
    Xlsx,
}

impl Soort {
    fn functie(self) -> &'static str {
        match self {
            Soort::Docx => "schrijf_docx",
            Soort::Xlsx => "schrijf_xlsx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Soort::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Soort::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The message of a JavaScript error (or its text).
fn reden(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

/// The started module; the first call starts it.
async fn module() -> Result<JsValue, String> {
    let venster = web_sys::window().ok_or_else(|| "window".to_string())?;
    let lader: Function = Reflect::get(&venster, &"afsprakenmonitorDocumenten".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| "afsprakenmonitorDocumenten".to_string())?;
    let belofte: Promise = lader.call0(&JsValue::NULL).map_err(reden)?.dyn_into().map_err(reden)?;
    JsFuture::from(belofte).await.map_err(reden)
}

/// The first sheet of an .xlsx file as a `documentmodel::tabel::Tabel` in JSON; `Err`: the
/// module's reason (`werkboek:…`, `leeg`, `rijen:<number>`) or why it did not start.
pub async fn lees_xlsx(bytes: &[u8]) -> Result<String, String> {
    let module = module().await?;
    let lees: Function = Reflect::get(&module, &"lees_xlsx".into()).map_err(reden)?.dyn_into().map_err(reden)?;
    let uit = lees.call1(&module, &Uint8Array::from(bytes).into()).map_err(reden)?;
    uit.as_string().ok_or_else(|| "lees_xlsx".to_string())
}

/// The file's bytes, from its model as JSON. The first call starts the module.
pub async fn maak(soort: Soort, json: &str) -> Result<Uint8Array, String> {
    let module = module().await?;
    let schrijf: Function = Reflect::get(&module, &soort.functie().into()).map_err(reden)?.dyn_into().map_err(reden)?;
    schrijf.call1(&module, &json.into()).map_err(reden)?.dyn_into().map_err(reden)
}

/// Lets the browser save the bytes as a file.
pub fn download(naam: &str, bytes: &Uint8Array, soort: Soort) -> Result<(), String> {
    let opties = web_sys::BlobPropertyBag::new();
    opties.set_type(soort.mime());
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(bytes), &opties).map_err(reden)?;
    super::download_blob(naam, &blob).map_err(reden)
}
