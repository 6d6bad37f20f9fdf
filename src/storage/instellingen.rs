//! Personal settings, in localStorage under [`SLEUTEL`]. They are small and read synchronously at
//! start-up. Reading never fails: whatever is missing or broken becomes its default.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

pub const SLEUTEL: &str = "afsprakenmonitor.instellingen";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Instellingen {
    /// The party the user edits for, e.g. "Pré Wonen".
    pub partij: String,
    pub naam: String,
    /// "nl" or "en".
    pub taal: String,
    /// Remind to export after this many days without an export.
    pub herinnering_dagen: u32,
    /// Remind to export after this many edits since the last export.
    pub herinnering_bewerkingen: u32,
    pub actieve_werkruimte: Option<Uuid>,
}

impl Default for Instellingen {
    fn default() -> Self {
        Instellingen {
            partij: String::new(),
            naam: String::new(),
            taal: "nl".to_string(),
            herinnering_dagen: 14,
            herinnering_bewerkingen: 50,
            actieve_werkruimte: None,
        }
    }
}

/// The stored settings; defaults when there are none, when localStorage is unavailable, or for
/// every field that cannot be read.
pub fn laad() -> Instellingen {
    opslag()
        .and_then(|s| s.get_item(SLEUTEL).ok().flatten())
        .map(|t| uit_json(&t))
        .unwrap_or_default()
}

/// Stores the settings. `false` when localStorage is unavailable or full.
pub fn bewaar(i: &Instellingen) -> bool {
    let Ok(json) = serde_json::to_string(i) else { return false };
    opslag().map(|s| s.set_item(SLEUTEL, &json).is_ok()).unwrap_or(false)
}

/// Reads settings from JSON, leniently: broken JSON gives the defaults, and a field of the wrong
/// type gives that field's default while the other fields are kept.
pub fn uit_json(tekst: &str) -> Instellingen {
    let Ok(Value::Object(opgeslagen)) = serde_json::from_str::<Value>(tekst) else {
        return Instellingen::default();
    };
    let mut i = match serde_json::from_value::<Instellingen>(Value::Object(opgeslagen.clone())) {
        Ok(i) => i,
        Err(_) => per_veld(opgeslagen),
    };
    if i.taal != "nl" && i.taal != "en" {
        i.taal = Instellingen::default().taal;
    }
    i
}

fn per_veld(opgeslagen: Map<String, Value>) -> Instellingen {
    let Ok(Value::Object(mut basis)) = serde_json::to_value(Instellingen::default()) else {
        return Instellingen::default();
    };
    for (k, v) in opgeslagen {
        if !basis.contains_key(&k) {
            continue;
        }
        let mut proef = basis.clone();
        proef.insert(k.clone(), v.clone());
        if serde_json::from_value::<Instellingen>(Value::Object(proef)).is_ok() {
            basis.insert(k, v);
        }
    }
    serde_json::from_value(Value::Object(basis)).unwrap_or_default()
}

fn opslag() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
