//! Storage errors: the kind (for the program) and a plain Dutch message (for the user).

use wasm_bindgen::JsValue;

/// What went wrong, as far as the program needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpslagFoutSoort {
    /// The browser's storage is full (`QuotaExceededError`).
    Vol,
    /// A newer version of the app uses this storage (`VersionError`, or the connection was closed
    /// because a newer version opened the database in another tab).
    NieuwereVersie,
    /// The browser does not allow storage now (`SecurityError`, `InvalidStateError`, closed).
    Geblokkeerd,
    Onbekend,
}

/// A storage error with a message the user can read.
#[derive(Clone, Debug, PartialEq)]
pub struct OpslagFout {
    pub soort: OpslagFoutSoort,
    /// Dutch, B1: what happened and that the user can export the workspace.
    pub bericht: String,
}

impl std::fmt::Display for OpslagFout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.bericht)
    }
}

impl std::error::Error for OpslagFout {}

/// What the user was doing when the error happened; it decides the middle of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Handeling {
    Lezen,
    Bewaren,
    Verwijderen,
}

impl OpslagFout {
    pub(crate) fn nieuw(soort: OpslagFoutSoort, handeling: Handeling) -> OpslagFout {
        let wat = match handeling {
            Handeling::Lezen => "De gegevens konden niet worden gelezen.",
            Handeling::Bewaren => "Uw laatste bewerking is niet opgeslagen.",
            Handeling::Verwijderen => "Verwijderen is niet gelukt.",
        };
        let bericht = match soort {
            OpslagFoutSoort::Vol => format!(
                "De opslag van de browser is vol. {wat} Exporteer uw werkruimte als reservekopie \
                 en maak ruimte vrij."
            ),
            OpslagFoutSoort::NieuwereVersie => format!(
                "Een nieuwere versie van de Afsprakenmonitor gebruikt de opslag van deze browser. \
                 {wat} Exporteer uw werkruimte als reservekopie en werk verder in de nieuwe versie."
            ),
            OpslagFoutSoort::Geblokkeerd => format!(
                "De browser laat de Afsprakenmonitor nu niets opslaan of lezen. {wat} Exporteer \
                 uw werkruimte als reservekopie en laad de pagina opnieuw."
            ),
            OpslagFoutSoort::Onbekend => format!(
                "Er ging iets mis met de opslag van de browser. {wat} Exporteer uw werkruimte als \
                 reservekopie en laad de pagina opnieuw."
            ),
        };
        OpslagFout { soort, bericht }
    }

    /// Maps a thrown value or a `DOMException` to an error, and logs the technical name for
    /// whoever opens the console.
    pub(crate) fn van_js(fout: &JsValue, handeling: Handeling) -> OpslagFout {
        let naam = fout_naam(fout);
        web_sys::console::warn_2(&JsValue::from_str("Afsprakenmonitor: opslagfout"), fout);
        OpslagFout::nieuw(soort_van_naam(&naam), handeling)
    }
}

/// The `name` of a `DOMException` or `Error`, or the text of a thrown string.
pub(crate) fn fout_naam(fout: &JsValue) -> String {
    if let Some(tekst) = fout.as_string() {
        return tekst;
    }
    js_sys::Reflect::get(fout, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

pub(crate) fn soort_van_naam(naam: &str) -> OpslagFoutSoort {
    match naam {
        "QuotaExceededError" => OpslagFoutSoort::Vol,
        "VersionError" => OpslagFoutSoort::NieuwereVersie,
        "SecurityError" | "InvalidStateError" | "NotAllowedError" => OpslagFoutSoort::Geblokkeerd,
        _ => OpslagFoutSoort::Onbekend,
    }
}
