//! Conflicts on the detail page: fields two parties filled in differently (choose one), and a
//! delete in conflict with work the deleter did not see (keep it or delete it after all).

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::ui::components::conflict::{verwijder_zinnen, ConflictLabel};
use crate::ui::components::datum::tijd_tekst;
use crate::ui::components::waarde::waarde_tekst;
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, velden::veldnaam, vul};

use super::lees;

/// The fields two parties filled in differently, each value with who and when, and a button to
/// choose it. Choosing is a change that supersedes both and travels with the next export.
#[component]
pub(super) fn Conflicten(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let a = t().afspraken;
    let lijst = move || {
        lees(app, |h| {
            h.fields_of(id)
                .into_iter()
                .filter_map(|veld| {
                    h.conflict(id, veld).map(|cs| {
                        (veld.to_string(), cs.into_iter().map(|c| (c.waarde.clone(), waarde_tekst(h, &c.waarde), c.partij.clone(), c.auteur.clone(), c.tijd)).collect::<Vec<_>>())
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    move || {
        let l = lijst();
        (!l.is_empty()).then(|| view! {
            <section class="conflicten melding" aria-labelledby="conflict-kop" id="conflicten">
                <h2 id="conflict-kop">{t().algemeen.conflict}</h2>
                {l.into_iter().map(|(veld, kandidaten)| {
                    let Some(veld_s) = soort.veld(&veld).map(|d| d.naam) else { return None };
                    Some(view! {
                        <h3>{veldnaam(&veld)}</h3>
                        <ul class="kandidaten">
                            {kandidaten.into_iter().map(|(waarde, tekst, partij, auteur, tijd)| {
                                let wie = if auteur.is_empty() { partij.clone() } else { format!("{auteur}, {partij}") };
                                view! {
                                    <li>
                                        <p><strong>{tekst}</strong>" — "{vul(a.waarde_van, &["", &wie, &tijd_tekst(tijd)]).trim_start().to_string()}</p>
                                        <button class="knop knop-secundair" type="button" on:click=move |_| {
                                            app.bewerk(vec![(id, soort, veld_s, waarde.clone())]);
                                            app.info(MeldingSoort::Succes, a.conflict_gekozen);
                                        }>{a.conflict_kies}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })
                }).collect_view()}
            </section>
        })
    }
}

/// Deleted by one party while another worked on it without knowing: who did what, and the
/// choice to keep it or delete it after all (a change that travels like any resolution).
#[component]
pub(super) fn VerwijderConflict(id: Uuid, soort: ItemSoort) -> impl IntoView {
    let app = use_app();
    let c = t().conflicten;
    let regels = move || {
        lees(app, |h| {
            let vc = h.verwijder_conflict(id)?;
            Some(verwijder_zinnen(
                &Werkruimte::new(h).label(id),
                vc.verwijderd.iter().map(|d| d.partij.as_str()),
                vc.intussen.iter().map(|w| (w.soort, w.veld.as_str(), w.partij.as_str())),
            ))
        })
        .flatten()
    };
    move || {
        regels().map(|regels| view! {
            <section class="conflicten melding" aria-labelledby="verwijder-conflict-kop" id="verwijder-conflict">
                <h2 id="verwijder-conflict-kop"><ConflictLabel/>" "{c.verwijder_kop}</h2>
                {regels.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
                <p>{c.verwijder_uitleg}</p>
                <p class="knoppen">
                    <button class="knop" type="button" id="conflict-behouden" on:click=move |_| {
                        app.herstel_item(id, soort);
                        app.info(MeldingSoort::Succes, c.behouden_gedaan);
                    }>{c.behouden}</button>
                    <button class="knop knop-gevaar" type="button" id="conflict-verwijderen" on:click=move |_| {
                        app.verwijder_item(id, soort);
                        app.info(MeldingSoort::Succes, c.verwijderd_gedaan);
                    }>{c.toch_verwijderen}</button>
                </p>
            </section>
        })
    }
}

