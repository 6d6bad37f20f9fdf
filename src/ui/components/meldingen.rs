//! Messages to the user: the save state in the header, the storage warning, and one dismissable
//! message at a time (in a live region, so screen readers announce it). A message shows next to
//! the action that caused it when that form or section has a [`MeldingHier`], else at the top of
//! the page; a new page clears it.

use leptos::prelude::*;

use crate::domain::format::ExportSoort;
use crate::storage::OpslagSoort;
use crate::ui::state::{use_app, MeldingSoort, OpslaanStatus};
use crate::ui::teksten::{t, vul};

/// "Alles is opgeslagen" / "Bezig met opslaan…" / "Niet opgeslagen", shown in the header.
#[component]
pub fn OpslaanIndicator() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="opslaan-status" role="status" data-opslaan=move || match app.opslaan.get() {
            OpslaanStatus::Opgeslagen => "opgeslagen",
            OpslaanStatus::Bezig => "bezig",
            OpslaanStatus::Mislukt(_) => "mislukt",
        }>
            {move || match app.opslaan.get() {
                OpslaanStatus::Opgeslagen => t().algemeen.opgeslagen.to_string(),
                OpslaanStatus::Bezig => t().algemeen.bezig_opslaan.to_string(),
                OpslaanStatus::Mislukt(_) => t().algemeen.niet_opgeslagen.to_string(),
            }}
        </p>
    }
}

/// A warning when storage is only in memory, with an export button.
#[component]
pub fn OpslagWaarschuwing() -> impl IntoView {
    let app = use_app();
    move || match app.opslag_soort.get() {
        Some(OpslagSoort::Geheugen { reden }) => Some(view! {
            <div class="melding melding-fout" role="alert" id="opslag-waarschuwing">
                <p>{vul(t().algemeen.opslag_geheugen, &[&reden])}</p>
                <button class="knop" type="button" on:click=move |_| app.exporteer(ExportSoort::Reservekopie)>
                    {t().algemeen.exporteer_nu}
                </button>
            </div>
        }),
        _ => None,
    }
}

/// The current message when it has no place of its own, at the top of the page.
#[component]
pub fn Melding() -> impl IntoView {
    view! { <MeldingInhoud plek=None klasse="meldingen"/> }
}

thread_local! {
    static PLEKKEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A place for the message of the action next to it (a form's save button, a choice): the form
/// or section that holds it shows its message here, in view, in a live region.
#[component]
pub fn MeldingHier() -> impl IntoView {
    let n = PLEKKEN.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    view! { <MeldingInhoud plek=Some(format!("melding-plek-{n}")) klasse="melding-hier niet-afdrukken"/> }
}

/// The message place nearest to the focused element: walking up from it (inside `main`), the
/// first element that holds a [`MeldingHier`].
pub fn plek_bij_focus() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let mut el = doc.active_element()?;
    loop {
        if el.tag_name().eq_ignore_ascii_case("main") || el.tag_name().eq_ignore_ascii_case("body") {
            return None;
        }
        if let Ok(Some(plek)) = el.query_selector(".melding-hier") {
            return Some(plek.id()).filter(|id| !id.is_empty());
        }
        el = el.parent_element()?;
    }
}

/// The live region of one message place, showing the message meant for it.
#[component]
fn MeldingInhoud(plek: Option<String>, klasse: &'static str) -> impl IntoView {
    let app = use_app();
    let hier = plek.clone();
    view! {
        <div aria-live="polite" class=klasse id=plek>
            {move || app.melding.get().filter(|m| m.bij == hier).map(|m| {
                let klasse = match m.soort {
                    MeldingSoort::Info => "melding",
                    MeldingSoort::Succes => "melding melding-succes",
                    MeldingSoort::Fout => "melding melding-fout",
                };
                let fout = m.soort == MeldingSoort::Fout;
                view! {
                    <div class=klasse id="melding">
                        <p>{m.tekst}</p>
                        <div class="knoppen">
                            {fout.then(|| view! {
                                <button class="knop" type="button" on:click=move |_| app.exporteer(ExportSoort::Reservekopie)>
                                    {t().algemeen.exporteer_nu}
                                </button>
                            })}
                            <button class="knop knop-secundair" type="button" on:click=move |_| app.melding.set(None)>
                                {t().algemeen.sluiten}
                            </button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}
