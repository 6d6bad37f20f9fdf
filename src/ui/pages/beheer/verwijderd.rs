//! Items deleted earlier, to put back: a delete is a change like any other, so it can be undone
//! later too, also after a reload.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, vul};

use super::formulier::lees;

/// The kinds this page (and the glossary page) can delete.
const SOORTEN: [ItemSoort; 8] = [
    ItemSoort::Jaarafspraak,
    ItemSoort::Kaderafspraak,
    ItemSoort::Partij,
    ItemSoort::Thema,
    ItemSoort::Subthema,
    ItemSoort::Indicator,
    ItemSoort::Meting,
    ItemSoort::Begrip,
];

fn soort_woord(s: ItemSoort) -> &'static str {
    let b = t().beheer;
    match s {
        ItemSoort::Partij => b.soort_partij,
        ItemSoort::Thema => b.soort_thema,
        ItemSoort::Subthema => b.soort_subthema,
        ItemSoort::Indicator => b.soort_indicator,
        ItemSoort::Meting => b.soort_meting,
        ItemSoort::Begrip => b.soort_begrip,
        ItemSoort::Jaarafspraak => t().conflicten.soort_jaarafspraak,
        ItemSoort::Kaderafspraak => t().conflicten.soort_kaderafspraak,
        _ => "",
    }
}

/// `alleen`: show only deleted items of this kind.
#[component]
pub fn Verwijderd(#[prop(optional)] alleen: Option<ItemSoort>) -> impl IntoView {
    let app = use_app();
    let b = t().beheer;
    let lijst = Memo::new(move |_| {
        lees(app, |h| {
            let w = Werkruimte::new(h);
            let mut v: Vec<(Uuid, ItemSoort, String)> = Vec::new();
            for s in SOORTEN.into_iter().filter(|s| alleen.is_none_or(|a| a == *s)) {
                for id in h.deleted_items_of(s) {
                    let label = if s == ItemSoort::Meting {
                        let f = crate::domain::model::Fields::new(h, id);
                        let ind = f.id("indicator").map(|i| w.label(i)).unwrap_or_default();
                        format!("{ind} – {}", crate::domain::time::datum_nl(&f.text("datum")))
                    } else {
                        w.label(id)
                    };
                    v.push((id, s, label));
                }
            }
            v
        })
        .unwrap_or_default()
    });
    move || {
        (!lijst.with(Vec::is_empty)).then(|| {
            view! {
                <section aria-labelledby="verwijderd-kop" id="verwijderd" class="niet-afdrukken">
                    <h2 id="verwijderd-kop">{b.verwijderd_titel}</h2>
                    <p>{b.verwijderd_uitleg}</p>
                    <ul class="beheer-lijst verwijderd-lijst">
                        {lijst.get().into_iter().map(|(id, s, label)| {
                            let label2 = label.clone();
                            view! {
                                <li class="beheer-item">
                                    <p><strong>{label.clone()}</strong>" ("{soort_woord(s)}")"</p>
                                    <button class="knop knop-secundair" type="button" aria-label=format!("{}: {label}", b.terugzetten) on:click=move |_| {
                                        app.herstel_item(id, s);
                                        app.info(MeldingSoort::Succes, vul(b.hersteld_melding, &[&label2]));
                                    }>{b.terugzetten}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
