//! Messages to the user: the save state in the header, the storage warning, and one dismissable
//! message at a time (a live region, so screen readers announce it).

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

/// The current message, if any.
#[component]
pub fn Melding() -> impl IntoView {
    let app = use_app();
    view! {
        <div aria-live="polite" class="meldingen">
            {move || app.melding.get().map(|m| {
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
