//! The start values of an edit form, kept while it is open: saving writes only the fields whose
//! value changed since the form was opened ([`Beginwaarden`]). Every edit form saves through
//! [`Begin::bewaar`].

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::formulier::{Beginwaarden, Bewerking};
use crate::ui::state::{AppState, MeldingSoort};
use crate::ui::teksten::t;

#[derive(Clone, Copy)]
pub struct Begin(StoredValue<Beginwaarden>);

impl Begin {
    pub fn new(b: Beginwaarden) -> Self {
        Begin(StoredValue::new(b))
    }

    /// A form that is shown again: these are its start values now.
    pub fn zet(&self, b: Beginwaarden) {
        self.0.set_value(b);
    }

    /// A field's value when the form was opened; `None`: never set.
    pub fn waarde(&self, veld: &str) -> Option<Value> {
        self.0.with_value(|b| b.waarde(veld).cloned())
    }

    /// The edits for the fields in `nu` that changed since the form was opened.
    pub fn wijzigingen(&self, nu: &[(&'static str, Value)]) -> Vec<Bewerking> {
        self.0.with_value(|b| b.wijzigingen(nu))
    }

    /// Saves the fields that changed and makes `nu` the start values (for a form that stays
    /// open). Says `gelukt` when something changed, or that nothing was saved. Returns whether
    /// something changed.
    pub fn bewaar(&self, app: AppState, nu: &[(&'static str, Value)], gelukt: impl Into<String>) -> bool {
        let w = self.wijzigingen(nu);
        if !w.is_empty() && app.wie_onbekend() {
            // Saved (start values and message) only once the user said who they are.
            let (this, nu, gelukt) = (*self, nu.to_vec(), gelukt.into());
            app.na_wie(move || {
                this.bewaar(app, &nu, gelukt);
            });
            return false;
        }
        self.0.update_value(|b| b.bewaard(nu));
        meld(app, !w.is_empty(), gelukt);
        if !w.is_empty() {
            app.bewerk(w);
            true
        } else {
            false
        }
    }
}

/// After saving a form: `gelukt` when something changed, else that nothing was saved.
pub fn meld(app: AppState, veranderd: bool, gelukt: impl Into<String>) {
    if veranderd {
        app.info(MeldingSoort::Succes, gelukt);
    } else {
        app.info(MeldingSoort::Info, t().algemeen.niets_gewijzigd);
    }
}
