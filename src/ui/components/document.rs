//! Making a Word or Excel file from a button: the domain's `documentmodel` value goes to the
//! documents module (`storage::documenten`, started on first use), the bytes are downloaded, and
//! a live region says what happens ("Het bestand wordt gemaakt …", done, or why not).

use leptos::prelude::*;
use serde::Serialize;

use crate::storage::documenten::{self, Soort};
use crate::ui::teksten::{t, vul};

/// Makes the file `naam` of kind `soort` from `model` and downloads it; the messages go to
/// `melding`. The User Timing mark `am-document-klaar` is set when the download is handed to the
/// browser (for the benchmark).
pub fn maak_en_download(soort: Soort, naam: String, model: &impl Serialize, melding: RwSignal<Option<String>>) {
    let d = t().documenten;
    let json = match serde_json::to_string(model) {
        Ok(j) => j,
        Err(e) => {
            melding.set(Some(vul(d.mislukt, &[&e.to_string()])));
            return;
        }
    };
    melding.set(Some(d.bezig.to_string()));
    wasm_bindgen_futures::spawn_local(async move {
        let uitkomst = match documenten::maak(soort, &json).await {
            Ok(bytes) => documenten::download(&naam, &bytes, soort),
            Err(e) => Err(e),
        };
        crate::storage::markeer("am-document-klaar");
        melding.set(Some(match uitkomst {
            Ok(()) => vul(d.klaar, &[&naam]),
            Err(e) => {
                web_sys::console::warn_1(&format!("Afsprakenmonitor: document: {e}").into());
                vul(d.mislukt, &[&e])
            }
        }));
    });
}
