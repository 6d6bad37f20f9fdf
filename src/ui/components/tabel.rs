//! A table of status counts (per theme or per trekker), with icon + word in every header.

use leptos::prelude::*;

use crate::domain::model::Status;
use crate::domain::report::Telling;
use crate::ui::components::status::StatusLabel;
use crate::ui::teksten::t;

/// Rows of (label, optional link, counts).
#[component]
pub fn TellingTabel(
    #[prop(into)] id: String,
    #[prop(into)] bijschrift: String,
    #[prop(into)] eerste_kolom: String,
    rijen: Vec<(String, Option<String>, Telling)>,
) -> impl IntoView {
    let a = t().afspraken;
    let totaal = rijen.iter().fold(Telling::default(), |mut acc, (_, _, t)| {
        acc.groen += t.groen;
        acc.geel += t.geel;
        acc.rood += t.rood;
        acc.niet_beoordeeld += t.niet_beoordeeld;
        acc
    });
    let label = bijschrift.clone();
    view! {
        <div class="tabel-houder" role="region" tabindex="0" aria-label=label>
            <table id=id class="telling">
                <caption>{bijschrift}</caption>
                <thead>
                    <tr>
                        <th scope="col">{eerste_kolom}</th>
                        {Status::ALL.into_iter().map(|s| view! { <th scope="col" class="getal"><StatusLabel status=s/></th> }).collect_view()}
                        <th scope="col" class="getal">{a.totaal}</th>
                    </tr>
                </thead>
                <tbody>
                    {rijen.into_iter().map(|(label, link, tel)| view! {
                        <tr>
                            <th scope="row">{match link {
                                Some(href) => view! { <a href=href>{label}</a> }.into_any(),
                                None => label.into_any(),
                            }}</th>
                            {Status::ALL.into_iter().map(|s| view! { <td class="getal">{tel.van(s)}</td> }).collect_view()}
                            <td class="getal">{tel.totaal()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{a.totaal}</th>
                        {Status::ALL.into_iter().map(|s| view! { <td class="getal">{totaal.van(s)}</td> }).collect_view()}
                        <td class="getal">{totaal.totaal()}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
