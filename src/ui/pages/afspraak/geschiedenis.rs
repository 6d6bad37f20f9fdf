//! The change history of an agreement and its voortgang and reacties: who, when, what, in the words of the
//! forms; fields a user never edits (such as the order of items) are left out.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::schema::ItemSoort;
use crate::ui::components::datum::tijd_tekst;
use crate::ui::components::waarde::waarde_tekst;
use crate::ui::state::use_app;
use crate::ui::teksten::{t, velden::veldlabel};

use super::lees;

/// Every change to this agreement and to its voortgang, oldest last: who, when, what.
#[component]
pub(super) fn Geschiedenis(id: Uuid) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let rijen = move || {
        lees(app, |h| {
            let mut items = vec![id];
            // Its voortgang and reacties, removed ones too: an edit or removal shows here.
            items.extend(h.kinderen_van(id).into_iter().filter(|k| matches!(h.soort(*k), Some(ItemSoort::Voortgang | ItemSoort::Reactie))));
            // Causal order, newest first: a change is listed above the changes it follows.
            // Fields a user never edits, and the stamps of a new entry, are no news to a reader.
            let mut cs: Vec<_> = h.causale_geschiedenis(&items).into_iter().filter(|c| crate::domain::report::zichtbare_wijziging(c)).collect();
            cs.reverse();
            cs.into_iter()
                .map(|c| {
                    let wie = if c.auteur.is_empty() { c.partij.clone() } else { format!("{} ({})", c.auteur, c.partij) };
                    let wat = if c.item == id {
                        format!("{}: {}", veldlabel(&c.veld), waarde_tekst(h, &c.waarde))
                    } else {
                        let soort = if c.soort == ItemSoort::Reactie { a.reacties } else { a.voortgang };
                        format!("{} – {}: {}", soort, veldlabel(&c.veld), waarde_tekst(h, &c.waarde))
                    };
                    (tijd_tekst(c.tijd), wie, wat, h.is_head(c))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="geschiedenis-kop">
            <h2 id="geschiedenis-kop">{a.geschiedenis}</h2>
            <p>{a.geschiedenis_uitleg}" "{t().conflicten.geschiedenis_volgorde}</p>
            <div class="tabel-houder" role="region" tabindex="0" aria-labelledby="geschiedenis-kop">
                <table id="geschiedenis">
                    <caption class="visueel-verborgen">{a.geschiedenis}</caption>
                    <thead><tr><th scope="col">{a.wanneer}</th><th scope="col">{a.wie}</th><th scope="col">{a.wat}</th></tr></thead>
                    <tbody>
                        {move || rijen().into_iter().map(|(wanneer, wie, wat, nu)| view! {
                            <tr class:huidig=nu><td>{wanneer}</td><td>{wie}</td><td>{wat}{nu.then(|| view! { " " <span class="label label-nu">{t().conflicten.huidig}</span> })}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
