//! Right after applying an import: one-click undo, and resolving each conflict the import brought
//! by choosing one of the values or typing a new one. A choice is an ordinary edit that supersedes
//! all competing values, so it travels with the next export.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use uuid::Uuid;

use crate::domain::change::Tijd;
use crate::domain::model::Status;
use crate::domain::schema::VeldType;
use crate::domain::validate::controleer_waarde;
use crate::ui::components::datum::tijd_tekst;
use crate::ui::components::status::status_woord;
use crate::ui::components::waarde::waarde_tekst;
use crate::ui::state::{use_app, MeldingSoort};
use crate::ui::teksten::{t, velden::veldnaam, vul};

use super::lezen::{focus, pauze};
use super::voorbeeld::{waarde_weergave, wie};
use super::{use_sessie, ConflictPlek, Fase, Toegepast};

#[component]
pub(super) fn NaImport(r: Arc<Toegepast>) -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let sessie = use_sessie();
    let wr = r.werkruimte;
    let kan_ongedaan = Memo::new(move |_| app.laatste_import.with(|l| l.as_ref().is_some_and(|(w, _)| *w == wr)));
    let conflicten = r.conflicten.clone();
    let plekken: Vec<(Uuid, String)> = conflicten.iter().map(|c| (c.item, c.veld.clone())).collect();
    let open_conflicten = Memo::new(move |_| {
        app.history.with(|h| h.as_ref().map(|h| plekken.iter().filter(|(i, v)| h.conflict(*i, v).is_some()).count()).unwrap_or(0))
    });
    let heeft_conflicten = !conflicten.is_empty();
    view! {
        <div class="melding melding-succes" id="import-toegepast" tabindex="-1" role="status">
            <p><strong>{vul(d.toegepast, &[&r.aantal.to_string()])}</strong></p>
            {move || if kan_ongedaan.get() {
                view! {
                    <p>{d.ongedaan_uitleg}</p>
                    <button class="knop knop-secundair" type="button" id="import-ongedaan" on:click=move |_| {
                        if !app.maak_import_ongedaan() { return; }
                        sessie.zet(Fase::Leeg);
                        app.info(MeldingSoort::Succes, d.ongedaan_klaar);
                        focus("import-bestand");
                    }>{d.ongedaan_knop}</button>
                }.into_any()
            } else {
                view! { <p>{d.ongedaan_niet_meer}</p> }.into_any()
            }}
        </div>
        {heeft_conflicten.then(|| view! {
            <section aria-labelledby="oplossen-kop" id="conflicten-oplossen">
                <h3 id="oplossen-kop">{d.oplossen_kop}</h3>
                <p>{d.oplossen_uitleg}</p>
                {conflicten.into_iter().map(|p| view! { <ConflictOplossen p=p/> }).collect_view()}
                {move || (open_conflicten.get() == 0).then(|| view! {
                    <p class="melding melding-succes" id="alles-opgelost">{d.alles_opgelost}</p>
                })}
            </section>
        })}
        <p class="knoppen">
            <button class="knop" type="button" id="import-klaar" on:click=move |_| {
                sessie.zet(Fase::Leeg);
                app.laatste_import.set(None);
                focus("import-bestand");
            }>{d.klaar}</button>
        </p>
    }
}

/// One competing value, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Keuze {
    change: Uuid,
    waarde: Value,
    tekst: String,
    wie: String,
    tijd: Tijd,
}

#[component]
fn ConflictOplossen(p: ConflictPlek) -> impl IntoView {
    let app = use_app();
    let d = t().delen;
    let ConflictPlek { item, soort, veld, label, uit_bestand } = p;
    let sleutel = format!("{item}-{veld}");
    let kop_id = format!("conflict-{sleutel}");
    let v1 = veld.clone();
    let uit_bestand_m = uit_bestand.clone();
    let keuzes = Memo::new(move |_| {
        app.history.with(|h| {
            let h = h.as_ref()?;
            let cs = h.conflict(item, &v1)?;
            let mut lijst: Vec<Keuze> = cs
                .into_iter()
                .map(|c| Keuze { change: c.id, waarde: c.waarde.clone(), tekst: waarde_tekst(h, &c.waarde), wie: wie(&c.partij, &c.auteur), tijd: c.tijd })
                .collect();
            // Your value first, then the file's, as in the preview.
            lijst.sort_by_key(|k| uit_bestand_m.contains(&k.change));
            Some(lijst)
        })
    });
    let open = Memo::new(move |_| keuzes.with(Option::is_some));
    let kies = {
        let veld = veld.clone();
        let kop_id = kop_id.clone();
        move |waarde: Value| {
            let gemaakt = app.bewerk(vec![(item, soort, veld.as_str(), waarde)]);
            app.hoort_bij_import(&gemaakt);
            app.info(MeldingSoort::Succes, d.gekozen);
            let kop_id = kop_id.clone();
            spawn_local(async move {
                pauze().await;
                focus(&kop_id);
            });
        }
    };
    let v2 = veld.clone();
    let kies2 = kies.clone();
    let veld_type = soort.veld(&veld).map(|def| def.soort);
    let kop_tabel = kop_id.clone();
    let tabel = move || {
        let veld = v2.clone();
        match keuzes.get() {
            Some(lijst) => {
                let kies = kies2.clone();
                view! {
                    <div class="tabel-houder" role="region" tabindex="0" aria-labelledby=kop_tabel.clone()>
                        <table class="naast-elkaar" aria-labelledby=kop_tabel.clone()>
                            <thead><tr>
                                <td></td>
                                {lijst.iter().map(|k| view! { <th scope="col">{if uit_bestand.contains(&k.change) { d.kol_bestand } else { d.kol_hier }}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                <tr>
                                    <th scope="row">{d.kol_waarde}</th>
                                    {lijst.iter().map(|k| {
                                        let weergave = app.history.with_untracked(|h| h.as_ref().map(|h| waarde_weergave(h, &veld, Some(&k.waarde))));
                                        view! { <td class="conflict-waarde">{weergave}</td> }
                                    }).collect_view()}
                                </tr>
                                <tr>
                                    <th scope="row">{d.kol_door}</th>
                                    {lijst.iter().map(|k| view! { <td>{k.wie.clone()}</td> }).collect_view()}
                                </tr>
                                <tr>
                                    <th scope="row">{d.kol_wanneer}</th>
                                    {lijst.iter().map(|k| view! { <td>{tijd_tekst(k.tijd)}</td> }).collect_view()}
                                </tr>
                                <tr>
                                    <td></td>
                                    {lijst.iter().map(|k| {
                                        let kies = kies.clone();
                                        let waarde = k.waarde.clone();
                                        let json = k.waarde.to_string();
                                        view! {
                                            <td>
                                                <button class="knop knop-secundair conflict-kies" type="button" data-waarde=json
                                                    aria-label=format!("{}: {}", d.kies_waarde, k.tekst)
                                                    on:click=move |_| kies(waarde.clone())>{d.kies_waarde}</button>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
            None => {
                let nu = app.history.with(|h| h.as_ref().map(|h| waarde_tekst(h, h.value(item, &veld).unwrap_or(&Value::Null))).unwrap_or_default());
                view! {
                    <p class="opgelost" data-opgelost="true">
                        <span aria-hidden="true">"✓ "</span>{vul(d.opgelost, &[&nu])}
                    </p>
                }.into_any()
            }
        }
    };
    view! {
        <section class="conflict" data-item=item.to_string() data-veld=veld.clone() aria-labelledby=kop_id.clone()>
            <h4 id=kop_id.clone() tabindex="-1">{format!("{label} – {}", veldnaam(&veld))}</h4>
            {tabel}
            {move || open.get().then(|| view! { <EigenWaarde sleutel=sleutel.clone() veld_type=veld_type kies=kies.clone()/> })}
        </section>
    }
}

/// How a new value is typed for a field type; `None` when only choosing makes sense.
#[derive(Clone, Copy)]
enum Invoer {
    Tekst,
    Getal,
    Datum,
    JaNee,
    Keuze(&'static [&'static str]),
}

fn invoer_voor(t: Option<VeldType>) -> Option<Invoer> {
    match t? {
        VeldType::Tekst => Some(Invoer::Tekst),
        VeldType::Getal | VeldType::Jaar => Some(Invoer::Getal),
        VeldType::Datum => Some(Invoer::Datum),
        VeldType::JaNee => Some(Invoer::JaNee),
        VeldType::Keuze(opties) => Some(Invoer::Keuze(opties)),
        _ => None,
    }
}

/// The typed text as a value of the field, or why it does not fit.
fn lees_invoer(veld_type: VeldType, tekst: &str) -> Result<Value, String> {
    let d = t().delen;
    let s = tekst.trim();
    if s.is_empty() {
        return Err(d.eigen_waarde_leeg.to_string());
    }
    let ongeldig = |m: String| vul(d.eigen_waarde_fout, &[&m]);
    // Text that does not parse stays text, so the domain check below says what belongs here.
    let als_tekst = || Value::String(s.to_string());
    let waarde = match veld_type {
        VeldType::Getal => s.replace(',', ".").parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number).unwrap_or_else(als_tekst),
        VeldType::Jaar => s.parse::<i64>().map(Value::from).unwrap_or_else(|_| als_tekst()),
        VeldType::JaNee => Value::Bool(s == "ja"),
        _ => Value::String(s.to_string()),
    };
    controleer_waarde(&waarde, veld_type).map_err(|e| ongeldig(e.to_string()))?;
    Ok(waarde)
}

#[component]
fn EigenWaarde(sleutel: String, veld_type: Option<VeldType>, kies: impl Fn(Value) + Clone + Send + Sync + 'static) -> impl IntoView {
    let d = t().delen;
    let Some(invoer) = invoer_voor(veld_type) else {
        return view! { <p class="klein">{d.alleen_kiezen}</p> }.into_any();
    };
    let veld_type = veld_type.expect("checked above");
    let tekst = RwSignal::new(String::new());
    let fout = RwSignal::new(None::<String>);
    let id = format!("eigen-{sleutel}");
    let fout_id = format!("eigen-fout-{sleutel}");
    let bewaar = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match lees_invoer(veld_type, &tekst.get_untracked()) {
            Ok(v) => {
                fout.set(None);
                kies(v);
            }
            Err(m) => fout.set(Some(m)),
        }
    };
    let beschreven = {
        let fout_id = fout_id.clone();
        move || fout.get().map(|_| fout_id.clone())
    };
    let ongeldig = move || fout.get().map(|_| "true");
    let veld = match invoer {
        Invoer::Tekst => view! {
            <textarea id=id.clone() rows="3" aria-invalid=ongeldig aria-describedby=beschreven
                prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
        }.into_any(),
        Invoer::Getal => view! {
            <input id=id.clone() type="text" inputmode="decimal" aria-invalid=ongeldig aria-describedby=beschreven
                prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))/>
        }.into_any(),
        Invoer::Datum => view! {
            <input id=id.clone() type="date" aria-invalid=ongeldig aria-describedby=beschreven
                prop:value=move || tekst.get() on:input=move |ev| tekst.set(event_target_value(&ev))/>
        }.into_any(),
        Invoer::JaNee => view! {
            <select id=id.clone() aria-invalid=ongeldig aria-describedby=beschreven on:change=move |ev| tekst.set(event_target_value(&ev))>
                <option value="">{d.kies}</option>
                <option value="ja">{d.ja}</option>
                <option value="nee">{d.nee}</option>
            </select>
        }.into_any(),
        Invoer::Keuze(opties) => view! {
            <select id=id.clone() aria-invalid=ongeldig aria-describedby=beschreven on:change=move |ev| tekst.set(event_target_value(&ev))>
                <option value="">{d.kies}</option>
                {opties.iter().map(|o| {
                    let naam = Status::from_code(o).map(status_woord).unwrap_or(*o);
                    view! { <option value=*o>{naam}</option> }
                }).collect_view()}
            </select>
        }.into_any(),
    };
    view! {
        <form class="formulier eigen-waarde" on:submit=bewaar novalidate>
            <div class="veld">
                <label for=id>{d.eigen_waarde}</label>
                {move || fout.get().map(|m| view! { <p class="veld-fout" id=fout_id.clone()>{m}</p> })}
                {veld}
            </div>
            <button class="knop knop-secundair" type="submit">{d.eigen_waarde_knop}</button>
        </form>
    }
    .into_any()
}
