//! Tabs on the same workspace see each other's edits: a message per append, over a
//! `BroadcastChannel`, or where that is missing over the `storage` event of localStorage.
//!
//! A tab never receives its own messages. Messages are JSON strings; one that cannot be read is
//! ignored.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent, Storage, StorageEvent, Window};

use crate::domain::change::Change;

/// The channel name (shared by every `file://` page in Chromium, hence the app's name).
pub const KANAAL: &str = "afsprakenmonitor";
/// The localStorage key used when `BroadcastChannel` is missing.
pub const SLEUTEL: &str = "afsprakenmonitor.tab-bericht";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TabBericht {
    /// Changes another tab has just stored.
    Wijzigingen { werkruimte: Uuid, wijzigingen: Vec<Change> },
    /// The list of workspaces changed (added, renamed, deleted).
    Werkruimtes,
}

/// The connection to the other tabs. Stops listening when dropped.
pub struct Tabs {
    weg: Weg,
}

enum Weg {
    Kanaal { kanaal: BroadcastChannel, _luisteraar: Closure<dyn FnMut(MessageEvent)> },
    Opslag { venster: Window, opslag: Storage, luisteraar: Closure<dyn FnMut(StorageEvent)> },
}

impl Tabs {
    /// Starts listening; `on_bericht` gets every message of another tab. `None` when the browser
    /// has neither `BroadcastChannel` nor localStorage: then each tab works on its own.
    pub fn open(on_bericht: impl Fn(TabBericht) + 'static) -> Option<Tabs> {
        let venster = web_sys::window()?;
        let on_bericht: Rc<dyn Fn(TabBericht)> = Rc::new(on_bericht);
        let heeft_kanaal =
            js_sys::Reflect::has(&venster, &JsValue::from_str("BroadcastChannel")).unwrap_or(false);
        if heeft_kanaal {
            if let Ok(kanaal) = BroadcastChannel::new(KANAAL) {
                let on_bericht = on_bericht.clone();
                let luisteraar =
                    Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                        if let Some(b) = ev.data().as_string().and_then(|t| lees(&t)) {
                            on_bericht(b);
                        }
                    });
                kanaal.set_onmessage(Some(luisteraar.as_ref().unchecked_ref()));
                return Some(Tabs { weg: Weg::Kanaal { kanaal, _luisteraar: luisteraar } });
            }
        }
        let opslag = venster.local_storage().ok()??;
        let luisteraar = Closure::<dyn FnMut(StorageEvent)>::new(move |ev: StorageEvent| {
            if ev.key().as_deref() != Some(SLEUTEL) {
                return;
            }
            // The value is "<unique prefix>\n<json>", so that equal messages still differ.
            let Some(waarde) = ev.new_value() else { return };
            if let Some(b) = waarde.split_once('\n').and_then(|(_, json)| lees(json)) {
                on_bericht(b);
            }
        });
        venster
            .add_event_listener_with_callback("storage", luisteraar.as_ref().unchecked_ref())
            .ok()?;
        Some(Tabs { weg: Weg::Opslag { venster, opslag, luisteraar } })
    }

    /// Sends a message to the other tabs. Failures (e.g. a full localStorage) are ignored: the
    /// other tabs then see the change when they reload.
    pub fn stuur(&self, b: &TabBericht) {
        let Ok(json) = serde_json::to_string(b) else { return };
        match &self.weg {
            Weg::Kanaal { kanaal, .. } => {
                let _ = kanaal.post_message(&JsValue::from_str(&json));
            }
            Weg::Opslag { opslag, .. } => {
                let uniek = format!("{}-{}", js_sys::Date::now(), js_sys::Math::random());
                let _ = opslag.set_item(SLEUTEL, &format!("{uniek}\n{json}"));
                // Other tabs got the event already; do not leave a large value behind.
                let _ = opslag.remove_item(SLEUTEL);
            }
        }
    }

    /// Whether messages go over a `BroadcastChannel` (`false`: over localStorage).
    pub fn via_kanaal(&self) -> bool {
        matches!(self.weg, Weg::Kanaal { .. })
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        match &self.weg {
            Weg::Kanaal { kanaal, .. } => {
                kanaal.set_onmessage(None);
                kanaal.close();
            }
            Weg::Opslag { venster, luisteraar, .. } => {
                let _ = venster.remove_event_listener_with_callback(
                    "storage",
                    luisteraar.as_ref().unchecked_ref(),
                );
            }
        }
    }
}

fn lees(json: &str) -> Option<TabBericht> {
    serde_json::from_str(json).ok()
}
