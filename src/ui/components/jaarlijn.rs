//! An agreement through the years, on its detail page: for a jaarafspraak the line of what it
//! continues and what continues it, each year with its status; for a kaderafspraak its
//! jaarafspraken per year of the period, counted per status.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::jaarcyclus::{self, Schakel};
use crate::domain::model::Status;
use crate::domain::report::Telling;
use crate::domain::schema::ItemSoort;
use crate::ui::components::conflict::ConflictLabel;
use crate::ui::components::status::StatusLabel;
use crate::ui::router::afspraak_href;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

#[component]
pub fn Jaarlijn(id: Uuid, soort: ItemSoort) -> impl IntoView {
    match soort {
        ItemSoort::Jaarafspraak => view! { <Lijn id=id/> }.into_any(),
        ItemSoort::Kaderafspraak => view! { <PerJaar id=id/> }.into_any(),
        _ => ().into_any(),
    }
}

fn label(s: &Schakel) -> String {
    format!("{} {}", s.code, s.titel).trim().to_string()
}

/// A jaarafspraak's line through the years.
#[component]
fn Lijn(id: Uuid) -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let lijn = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| jaarcyclus::lijn(h, id)).unwrap_or_default()));
    view! {
        <section aria-labelledby="jaarlijn-kop" id="door-de-jaren">
            <h2 id="jaarlijn-kop">{j.jl_kop}</h2>
            {move || {
                let l = lijn.get();
                if l.len() < 2 {
                    return view! {
                        <p id="jaarlijn-alleen">{j.jl_alleen}</p>
                        <p class="niet-afdrukken"><a href="#/nieuw-jaar">{t().jaarcyclus.nj_link}</a></p>
                    }.into_any();
                }
                view! {
                    <p>{j.jl_uitleg}</p>
                    <div class="tabel-houder">
                        <table id="jaarlijn">
                            <caption class="visueel-verborgen">{j.jl_bijschrift}</caption>
                            <thead><tr><th scope="col">{j.jl_jaar}</th><th scope="col">{j.jl_afspraak}</th><th scope="col">{j.jl_status}</th></tr></thead>
                            <tbody>
                                {l.into_iter().map(|s| {
                                    let deze = s.id == id;
                                    view! {
                                        <tr class:huidig=deze data-jaar=s.jaar.map(|y| y.to_string()).unwrap_or_default()>
                                            <th scope="row">{s.jaar.map(|y| y.to_string()).unwrap_or_else(|| "–".into())}</th>
                                            <td>
                                                {if deze {
                                                    view! { <span aria-current="page">{label(&s)}</span>" " <span class="label label-nu">{j.jl_deze}</span> }.into_any()
                                                } else {
                                                    view! { <a href=afspraak_href(s.id)>{label(&s)}</a> }.into_any()
                                                }}
                                            </td>
                                            <td><StatusLabel status=s.status/>{s.conflict.then(|| view! { " " <ConflictLabel/> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// A kaderafspraak's jaarafspraken per year: counts per status and the jaarafspraken themselves.
#[component]
fn PerJaar(id: Uuid) -> impl IntoView {
    let app = use_app();
    let j = t().jaarcyclus;
    let a = t().afspraken;
    let per_jaar = Memo::new(move |_| app.history.with(|h| h.as_ref().map(|h| jaarcyclus::kader_per_jaar(h, id)).unwrap_or_default()));
    view! {
        <section aria-labelledby="kader-jaren-kop" id="per-jaar">
            <h2 id="kader-jaren-kop">{j.kj_kop}</h2>
            <p>{j.kj_uitleg}</p>
            <div class="tabel-houder">
                <table id="kader-per-jaar" class="telling">
                    <caption class="visueel-verborgen">{j.kj_bijschrift}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{j.jl_jaar}</th>
                            {Status::ALL.into_iter().map(|s| view! { <th scope="col" class="getal"><StatusLabel status=s/></th> }).collect_view()}
                            <th scope="col" class="getal">{a.totaal}</th>
                            <th scope="col">{j.kj_afspraken}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || per_jaar.get().into_iter().map(|(jaar, schakels)| {
                            let mut telling = Telling::default();
                            for s in &schakels {
                                match s.status {
                                    Status::Groen => telling.groen += 1,
                                    Status::Geel => telling.geel += 1,
                                    Status::Rood => telling.rood += 1,
                                    Status::NietBeoordeeld => telling.niet_beoordeeld += 1,
                                }
                            }
                            view! {
                                <tr data-jaar=jaar.map(|y| y.to_string()).unwrap_or_default()>
                                    <th scope="row">{jaar.map(|y| y.to_string()).unwrap_or_else(|| j.kj_zonder_jaar.to_string())}</th>
                                    {Status::ALL.into_iter().map(|s| view! { <td class="getal">{telling.van(s)}</td> }).collect_view()}
                                    <td class="getal">{telling.totaal()}</td>
                                    <td>
                                        {if schakels.is_empty() {
                                            view! { <span class="zacht">{j.kj_geen}</span> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="kale-lijst">
                                                    {schakels.into_iter().map(|s| view! {
                                                        <li><a href=afspraak_href(s.id)>{label(&s)}</a>" " <StatusLabel status=s.status/></li>
                                                    }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
