//! How a conflict shows: the "Conflict" label (a sign and a word, never colour alone), and the
//! sentences that say who deleted an item and who worked on it meanwhile.

use leptos::prelude::*;

use crate::domain::schema::ItemSoort;
use crate::ui::teksten::{t, velden::veldnaam, vul};

/// "Conflict", in words with a sign: the item has an open conflict.
#[component]
pub fn ConflictLabel() -> impl IntoView {
    view! { <span class="label label-conflict"><span aria-hidden="true">"⇄ "</span>{t().conflicten.label}</span> }
}

/// "Gemeente heeft J 3.10 verwijderd." and "Elan Wonen heeft er intussen voortgang aan
/// toegevoegd.", each sentence once: `verwijderd` are the parties that deleted, `intussen` the
/// work they did not see (kind of item, field, party).
pub fn verwijder_zinnen<'a>(
    label: &str,
    verwijderd: impl IntoIterator<Item = &'a str>,
    intussen: impl IntoIterator<Item = (ItemSoort, &'a str, &'a str)>,
) -> Vec<String> {
    let c = t().conflicten;
    let mut zinnen: Vec<String> = Vec::new();
    let mut voeg_toe = |z: String| {
        if !zinnen.contains(&z) {
            zinnen.push(z);
        }
    };
    for partij in verwijderd {
        voeg_toe(vul(c.verwijderd_door, &[partij, label]));
    }
    for (soort, veld, partij) in intussen {
        let wat = match soort {
            ItemSoort::Voortgang => c.intussen_voortgang.to_string(),
            ItemSoort::Reactie => c.intussen_reactie.to_string(),
            ItemSoort::Indicator => c.intussen_indicator.to_string(),
            ItemSoort::Meting => c.intussen_meting.to_string(),
            _ => vul(c.intussen_veld, &[&veldnaam(veld)]),
        };
        voeg_toe(vul(c.intussen, &[partij, &wat]));
    }
    zinnen
}
