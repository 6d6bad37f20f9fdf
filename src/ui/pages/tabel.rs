//! Agreements from a table (`#/tabel`): paste rows from Excel or a table from Word or a PDF
//! viewer (the clipboard's HTML is read as data, never put into the page), or choose a CSV file;
//! say which column is what; see row by row what will be made and which rows have a problem;
//! then make everything in one write, and take it back in one click.
//!
//! The reading, the mapping and the preview are the domain's ([`crate::domain::tabel`]); this
//! page holds the user's choices and writes the plan's edits through the app's write path, on a
//! copy first, so a refused change leaves nothing half-made. Taking it back removes exactly the
//! changes it made, as an undone file import does.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::domain::model::Werkruimte;
use crate::domain::schema::ItemSoort;
use crate::domain::tabel::kolommen::{kolomletter, raad_kolommen, Veld};
use crate::domain::tabel::plan::{maak_plan, Koppeling, Plan, Probleem, ProbleemSoort, Uitkomst};
use crate::domain::tabel::{self, LeesFout, Tabel, MAX_INVOER, MAX_RIJEN};
use crate::ui::components::status::StatusLabel;
use crate::ui::components::uitleg::Inleiding;
use crate::ui::state::{use_app, Gedeeld};
use crate::ui::teksten::{t, vul};

/// Rows of the preview drawn at first; rows with a problem are listed in full above it.
const GETOOND: usize = 200;

thread_local! {
    /// A file chosen on the import page, waiting for this page to open.
    static WACHTEND: RefCell<Option<web_sys::File>> = const { RefCell::new(None) };
}

/// Opens this page with a file the import page was given (a CSV or Excel file).
pub fn open_met_bestand(bestand: web_sys::File) {
    WACHTEND.with(|w| *w.borrow_mut() = Some(bestand));
    crate::ui::router::navigate("/tabel");
}

fn veld_label(v: Veld) -> &'static str {
    let x = t().tabel;
    match v {
        Veld::Code => x.v_code,
        Veld::Titel => x.v_titel,
        Veld::Tekst => x.v_tekst,
        Veld::Thema => x.v_thema,
        Veld::Subthema => x.v_subthema,
        Veld::Partijen => x.v_partijen,
        Veld::Trekker => x.v_trekker,
        Veld::Prioriteit => x.v_prioriteit,
        Veld::Jaar => x.v_jaar,
        Veld::Status => x.v_status,
        Veld::Voortgang => x.v_voortgang,
        Veld::Kaderafspraak => x.v_kaderafspraak,
    }
}

fn lees_fout_tekst(f: &LeesFout) -> String {
    let x = t().tabel;
    let mb = |n: usize| format!("{:.0}", (n as f64 / (1024.0 * 1024.0)).ceil());
    match f {
        LeesFout::Leeg => x.f_leeg.to_string(),
        LeesFout::TeVeelRijen(n) => vul(x.f_te_veel_rijen, &[&n.to_string(), &MAX_RIJEN.to_string()]),
        LeesFout::TeGroot(n) => vul(x.f_te_groot, &[&mb(*n), &mb(MAX_INVOER)]),
        LeesFout::GeenTabelbestand => x.f_geen_tabelbestand.to_string(),
    }
}

/// "Rij 4, kolom E (Jaar): “volgend jaar” is geen jaar."
pub fn probleem_tekst(rij: usize, p: &Probleem, tabel: &Tabel, kopregel: bool) -> String {
    let x = t().tabel;
    let mut plaats = vul(x.plaats_rij, &[&rij.to_string()]);
    if let Some(k) = p.kolom {
        plaats.push_str(", ");
        plaats.push_str(&vul(x.plaats_kolom, &[&kolomletter(k)]));
        let kop = if kopregel { tabel.rijen.iter().find(|r| r.iter().any(|c| !c.is_leeg())).and_then(|r| r.get(k)).map(|c| c.regel()).unwrap_or_default() } else { String::new() };
        if !kop.is_empty() {
            plaats.push_str(&format!(" ({kop})"));
        }
    }
    let wat = match &p.soort {
        ProbleemSoort::GeenTitel => x.p_geen_titel.to_string(),
        ProbleemSoort::GeenJaar => x.p_geen_jaar.to_string(),
        ProbleemSoort::OnbekendJaar(s) => vul(x.p_onbekend_jaar, &[s]),
        ProbleemSoort::OnbekendeStatus(s) => vul(x.p_onbekende_status, &[s]),
        ProbleemSoort::CodeBestaat(c) => vul(x.p_code_bestaat, &[c]),
        ProbleemSoort::CodeDubbel { code, rij } => vul(x.p_code_dubbel, &[code, &rij.to_string()]),
        ProbleemSoort::OnbekendeKaderafspraak(c) => vul(x.p_onbekende_kader, &[c]),
        ProbleemSoort::TeLang(n) => vul(x.p_te_lang, &[&crate::domain::getal::getal_tekst(*n as f64)]),
        ProbleemSoort::Formule(f) => vul(x.p_formule, &[f]),
    };
    format!("{plaats}: {wat}")
}

/// The page's choices about the table read.
#[derive(Clone, Copy)]
struct Keuzes {
    tabel: RwSignal<Option<Gedeeld<Tabel>>>,
    kolommen: RwSignal<Vec<Option<Veld>>>,
    kopregel: RwSignal<bool>,
    soort: RwSignal<ItemSoort>,
    jaar: RwSignal<String>,
    kleur: RwSignal<bool>,
    overslaan: RwSignal<BTreeSet<usize>>,
    fout: RwSignal<Option<String>>,
    /// After making: (kaderafspraken, jaarafspraken) made.
    gemaakt: RwSignal<Option<(usize, usize)>>,
    ongedaan: RwSignal<bool>,
    /// A workbook is being read.
    bezig: RwSignal<bool>,
    sleutel: StoredValue<Uuid>,
}

impl Keuzes {
    fn zet(self, uitkomst: Result<Tabel, LeesFout>) {
        match uitkomst {
            Ok(t) => {
                crate::storage::markeer("am-tabel-gelezen");
                let (kolommen, kopregel) = raad_kolommen(&t);
                self.kolommen.set(kolommen);
                self.kopregel.set(kopregel);
                self.overslaan.set(BTreeSet::new());
                self.kleur.set(false);
                self.fout.set(None);
                self.gemaakt.set(None);
                self.ongedaan.set(false);
                self.sleutel.set_value(Uuid::new_v4());
                self.tabel.set(Some(Gedeeld(Arc::new(t))));
                crate::ui::components::focus::focus_later("tabel-gevonden");
            }
            Err(f) => {
                self.tabel.set(None);
                self.fout.set(Some(lees_fout_tekst(&f)));
                crate::ui::components::focus::focus_later("tabel-fout");
            }
        }
    }

    fn lees_bestand(self, bestand: web_sys::File) {
        let naam = bestand.name();
        if bestand.size() > MAX_INVOER as f64 {
            return self.zet(Err(LeesFout::TeGroot(bestand.size() as usize)));
        }
        spawn_local(async move {
            let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(bestand.array_buffer()).await else {
                self.fout.set(Some(t().tabel.f_lezen.to_string()));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            if !tabel::is_werkboek(&naam) {
                return self.zet(tabel::lees_bestand(&naam, &bytes).map(|(t, _)| t));
            }
            // An .xlsx file is read by the documents module, started on first use.
            self.bezig.set(true);
            let uit = crate::storage::documenten::lees_xlsx(&bytes).await;
            self.bezig.set(false);
            match uit.map(|json| serde_json::from_str::<Tabel>(&json)) {
                Ok(Ok(t)) if t.is_leeg() => self.zet(Err(LeesFout::Leeg)),
                Ok(Ok(t)) => self.zet(Ok(t)),
                Err(e) if e == "leeg" => self.zet(Err(LeesFout::Leeg)),
                Err(e) if e.starts_with("rijen:") => self.zet(Err(LeesFout::TeVeelRijen(e[6..].parse().unwrap_or_default()))),
                Err(e) => {
                    self.tabel.set(None);
                    self.fout.set(Some(vul(t().tabel.f_werkboek, &[e.trim_start_matches("werkboek:")])));
                    crate::ui::components::focus::focus_later("tabel-fout");
                }
                Ok(Err(e)) => {
                    self.tabel.set(None);
                    self.fout.set(Some(vul(t().tabel.f_werkboek, &[&e.to_string()])));
                    crate::ui::components::focus::focus_later("tabel-fout");
                }
            }
        });
    }
}

#[component]
pub fn TabelPagina() -> impl IntoView {
    let app = use_app();
    let x = t().tabel;
    crate::ui::zet_titel(x.titel);
    let info = app.history.with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).info()));
    let kalender = js_sys::Date::new_0().get_full_year() as i64;
    let standaard_jaar = info.as_ref().map_or(kalender, |i| crate::domain::opzet::jaar_in_periode(i.periode_van, i.periode_tot, kalender));
    let k = Keuzes {
        tabel: RwSignal::new(None),
        kolommen: RwSignal::new(Vec::new()),
        kopregel: RwSignal::new(true),
        soort: RwSignal::new(ItemSoort::Jaarafspraak),
        jaar: RwSignal::new(standaard_jaar.to_string()),
        kleur: RwSignal::new(false),
        overslaan: RwSignal::new(BTreeSet::new()),
        fout: RwSignal::new(None),
        gemaakt: RwSignal::new(None),
        ongedaan: RwSignal::new(false),
        bezig: RwSignal::new(false),
        sleutel: StoredValue::new(Uuid::new_v4()),
    };
    if let Some(b) = WACHTEND.with(|w| w.borrow_mut().take()) {
        k.lees_bestand(b);
    }
    let plan: Memo<Option<Gedeeld<Plan>>> = Memo::new(move |_| {
        let tabel = k.tabel.get()?;
        if k.gemaakt.get().is_some() {
            return None;
        }
        let koppeling = Koppeling {
            kolommen: k.kolommen.get(),
            kopregel: k.kopregel.get(),
            soort: k.soort.get(),
            jaar: k.jaar.get().trim().parse::<i64>().ok().filter(|j| (1900..=2200).contains(j)),
            kleur_als_status: k.kleur.get(),
        };
        let overslaan = k.overslaan.get();
        let partij = app.instellingen.with_untracked(|i| i.partij.clone());
        let datum = crate::domain::time::datum(crate::storage::nu());
        let p = app.history.with_untracked(|h| h.as_ref().map(|h| maak_plan(h, &tabel.0, &koppeling, k.sleutel.get_value(), &overslaan, &datum, &partij)))?;
        crate::storage::markeer("am-tabel-voorbeeld");
        Some(Gedeeld(Arc::new(p)))
    });
    let plakken = move |ev: web_sys::ClipboardEvent| {
        ev.prevent_default();
        let Some(dt) = ev.clipboard_data() else { return };
        let html = dt.get_data("text/html").ok();
        let tekst = dt.get_data("text/plain").ok();
        k.zet(tabel::lees_plakken(html.as_deref(), tekst.as_deref()));
    };
    let kies = move |ev: leptos::ev::Event| {
        let invoer: web_sys::HtmlInputElement = event_target(&ev);
        let bestand = invoer.files().and_then(|l| l.get(0));
        invoer.set_value("");
        if let Some(b) = bestand {
            k.lees_bestand(b);
        }
    };
    view! {
        <h1>{x.titel}</h1>
        <Inleiding tekst=x.uitleg/>
        {move || k.gemaakt.get().map(|g| view! { <Gemaakt k=k aantallen=g/> })}
        {move || k.gemaakt.get().is_none().then(|| view! {
            <div class="formulier niet-afdrukken">
                <div class="veld">
                    <label for="tabel-plakken">{x.plakken_label}</label>
                    <p class="hulptekst" id="tabel-plakken-hulp">{x.plakken_hulp}</p>
                    <textarea id="tabel-plakken" rows="3" aria-describedby="tabel-plakken-hulp" prop:value="" on:paste=plakken></textarea>
                </div>
                <div class="veld">
                    <label for="tabel-bestand">{x.bestand_label}</label>
                    <p class="hulptekst" id="tabel-bestand-hulp">{x.bestand_hulp}</p>
                    <input id="tabel-bestand" type="file" accept=".xlsx,.csv,.tsv,text/csv" aria-describedby="tabel-bestand-hulp" on:change=kies/>
                </div>
            </div>
        })}
        <p role="status" class="klein">{move || k.bezig.get().then_some(x.lezen_bezig)}</p>
        {move || k.fout.get().map(|f| view! { <div class="melding melding-fout" id="tabel-fout" role="alert" tabindex="-1"><p>{f}</p></div> })}
        {move || (k.gemaakt.get().is_none()).then(|| k.tabel.get()).flatten().map(|tabel| view! { <Kolommen k=k tabel=tabel/> })}
        {move || plan.get().map(|p| view! { <Voorbeeld k=k plan=p/> })}
    }
}

/// The columns found and what each is.
#[component]
fn Kolommen(k: Keuzes, tabel: Gedeeld<Tabel>) -> impl IntoView {
    let x = t().tabel;
    let tabel = tabel.0;
    let breedte = tabel.breedte();
    let kop_rij = tabel.rijen.iter().position(|r| r.iter().any(|c| !c.is_leeg())).unwrap_or(0);
    let info = use_app().history.with_untracked(|h| h.as_ref().map(|h| Werkruimte::new(h).info()));
    let periode = info.and_then(|i| Some((i.periode_van?, i.periode_tot?))).filter(|(v, t)| v <= t && t - v < 50);
    let rijen: Vec<_> = (0..breedte)
        .map(|kol| {
            let kop = tabel.cel(kop_rij, kol).regel();
            let voorbeeld: String = tabel.cel(kop_rij + 1, kol).regel().chars().take(60).collect();
            (kol, kop, voorbeeld)
        })
        .collect();
    view! {
        <section aria-labelledby="tabel-kolommen-kop">
            <p id="tabel-gevonden" tabindex="-1"><strong>{vul(x.gevonden, &[&tabel.rijen.len().to_string(), &breedte.to_string()])}</strong></p>
            <h2 id="tabel-kolommen-kop">{x.kolommen_kop}</h2>
            <p>{x.kolommen_uitleg}</p>
            <div class="veld-vink">
                <input id="tabel-kopregel" type="checkbox" prop:checked=move || k.kopregel.get() on:change=move |ev| k.kopregel.set(event_target_checked(&ev))/>
                <label for="tabel-kopregel">{x.kopregel}</label>
            </div>
            <div class="tabel-scroll">
                <table class="tabel" id="tabel-kolommen">
                    <thead><tr><th scope="col">{x.kolom}</th><th scope="col">{x.kop_in_bron}</th><th scope="col">{x.voorbeeldwaarde}</th><th scope="col">{x.is_wat}</th></tr></thead>
                    <tbody>
                        {rijen.into_iter().map(|(kol, kop, voorbeeld)| {
                            let letter = kolomletter(kol);
                            let kop_id = format!("tabel-kolom-{kol}-kop");
                            let select_id = format!("tabel-kolom-{kol}");
                            view! {
                                <tr>
                                    <th scope="row" id=kop_id.clone()>{letter}</th>
                                    <td>{kop}</td>
                                    <td>{voorbeeld}</td>
                                    <td>
                                        <select id=select_id aria-labelledby=format!("{kop_id} tabel-kolommen-is")
                                            on:change=move |ev| {
                                                let v = Veld::from_code(&event_target_value(&ev));
                                                k.kolommen.update(|ks| {
                                                    if ks.len() <= kol { ks.resize(kol + 1, None); }
                                                    ks[kol] = v;
                                                });
                                            }>
                                            <option value="" selected=move || k.kolommen.with(|ks| ks.get(kol).copied().flatten().is_none())>{x.niet_gebruiken}</option>
                                            {Veld::ALL.into_iter().map(|v| view! {
                                                <option value=v.code() selected=move || k.kolommen.with(|ks| ks.get(kol).copied().flatten() == Some(v))>{veld_label(v)}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <span class="visueel-verborgen" id="tabel-kolommen-is">{x.is_wat}</span>
            </div>
            <div class="veld-rij">
                <div class="veld">
                    <label for="tabel-soort">{x.soort_label}</label>
                    <p class="hulptekst" id="tabel-soort-hulp">{x.soort_hulp}</p>
                    <select id="tabel-soort" aria-describedby="tabel-soort-hulp" on:change=move |ev| {
                        k.soort.set(if event_target_value(&ev) == "kaderafspraak" { ItemSoort::Kaderafspraak } else { ItemSoort::Jaarafspraak });
                    }>
                        <option value="jaarafspraak" selected=move || k.soort.get() == ItemSoort::Jaarafspraak>{x.is_jaarafspraak}</option>
                        <option value="kaderafspraak" selected=move || k.soort.get() == ItemSoort::Kaderafspraak>{x.is_kaderafspraak}</option>
                    </select>
                </div>
                <div class="veld">
                    <label for="tabel-jaar">{x.jaar_label}</label>
                    <p class="hulptekst" id="tabel-jaar-hulp">{x.jaar_hulp}</p>
                    {match periode {
                        Some((van, tot)) => view! {
                            <select id="tabel-jaar" aria-describedby="tabel-jaar-hulp" on:change=move |ev| k.jaar.set(event_target_value(&ev))>
                                {(van..=tot).map(|j| view! { <option value=j.to_string() selected=move || k.jaar.get() == j.to_string()>{j.to_string()}</option> }).collect_view()}
                            </select>
                        }.into_any(),
                        None => view! {
                            <input id="tabel-jaar" type="text" inputmode="numeric" aria-describedby="tabel-jaar-hulp" prop:value=move || k.jaar.get() on:input=move |ev| k.jaar.set(event_target_value(&ev))/>
                        }.into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}

/// What will happen: counts, what is new, the rows with a problem, the rows; and the button.
#[component]
fn Voorbeeld(k: Keuzes, plan: Gedeeld<Plan>) -> impl IntoView {
    let app = use_app();
    let x = t().tabel;
    let p = plan.0.clone();
    let (kaders, jaren) = p.aantallen();
    let totaal = kaders + jaren;
    let tabel = k.tabel.get_untracked().map(|t| t.0).unwrap_or_default();
    let kopregel = k.kopregel.get_untracked();
    let namen = |v: &[crate::domain::tabel::plan::Nieuw]| v.iter().map(|n| n.naam.clone()).collect::<Vec<_>>().join(", ");
    let problemen: Vec<String> = p.met_probleem().flat_map(|r| r.problemen.iter().map(|pr| probleem_tekst(r.nummer, pr, &tabel, kopregel)).collect::<Vec<_>>()).collect();
    let maak = {
        let p = p.clone();
        move |_| {
            let p = p.clone();
            app.na_wie(move || maak_alles(app, k, &p));
        }
    };
    let meer = p.rijen.len().saturating_sub(GETOOND);
    view! {
        <section aria-labelledby="tabel-voorbeeld-kop" id="tabel-voorbeeld">
            <h2 id="tabel-voorbeeld-kop">{x.voorbeeld_kop}</h2>
            <p id="tabel-aantallen">{vul(x.wordt_gemaakt, &[&kaders.to_string(), &jaren.to_string()])}</p>
            {(!p.themas.is_empty()).then(|| view! { <p id="tabel-nieuwe-themas">{vul(x.nieuwe_themas, &[&namen(&p.themas)])}</p> })}
            {(!p.subthemas.is_empty()).then(|| view! { <p id="tabel-nieuwe-subthemas">{vul(x.nieuwe_subthemas, &[&namen(&p.subthemas)])}</p> })}
            {(!p.partijen.is_empty()).then(|| view! { <p id="tabel-nieuwe-partijen">{vul(x.nieuwe_partijen, &[&namen(&p.partijen)])}</p> })}
            {p.kleuren_gevonden.then(|| view! {
                <div class="veld-vink">
                    <input id="tabel-kleur" type="checkbox" aria-describedby="tabel-kleur-hulp" prop:checked=move || k.kleur.get() on:change=move |ev| k.kleur.set(event_target_checked(&ev))/>
                    <label for="tabel-kleur">{x.kleur_als_status}</label>
                    <p class="hulptekst" id="tabel-kleur-hulp">{x.kleur_hulp}</p>
                </div>
            })}
            <h3 id="tabel-problemen-kop">{x.problemen_kop}</h3>
            {if problemen.is_empty() {
                view! { <p id="tabel-problemen">{x.geen_problemen}</p> }.into_any()
            } else {
                view! {
                    <p>{x.problemen_uitleg}</p>
                    <ul id="tabel-problemen">{problemen.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            <p class="knoppen">
                {if totaal > 0 {
                    view! { <button class="knop" type="button" id="tabel-maken" on:click=maak>{vul(x.toepassen, &[&totaal.to_string()])}</button> }.into_any()
                } else {
                    view! { <span id="tabel-niets">{x.niets_te_maken}</span> }.into_any()
                }}
            </p>
            <div class="tabel-scroll">
                <table class="tabel" id="tabel-rijen">
                    <thead><tr>
                        <th scope="col">{x.rij}</th><th scope="col">{x.meenemen}</th><th scope="col">{x.wat}</th><th scope="col">{x.code}</th>
                        <th scope="col">{x.titel_kolom}</th><th scope="col">{x.jaar}</th><th scope="col">{x.status}</th><th scope="col">{x.thema}</th>
                    </tr></thead>
                    <tbody>
                        {p.rijen.iter().take(GETOOND).map(|r| {
                            let nummer = r.nummer;
                            let wat = match (r.uitkomst, r.soort) {
                                (Uitkomst::Kop, ItemSoort::Subthema) => x.is_subthema,
                                (Uitkomst::Kop, _) => x.is_thema,
                                (Uitkomst::Probleem, _) => x.met_probleem,
                                (Uitkomst::Overgeslagen, _) => x.overgeslagen,
                                (_, ItemSoort::Kaderafspraak) => x.is_kaderafspraak,
                                _ => x.is_jaarafspraak,
                            };
                            let kiesbaar = matches!(r.uitkomst, Uitkomst::Nieuw | Uitkomst::Overgeslagen);
                            let vink_id = format!("tabel-rij-{nummer}");
                            view! {
                                <tr data-rij=nummer.to_string() data-uitkomst=format!("{:?}", r.uitkomst).to_lowercase()>
                                    <td>{nummer.to_string()}</td>
                                    <td>{kiesbaar.then(|| view! {
                                        <input type="checkbox" id=vink_id aria-label=vul(x.meenemen_rij, &[&nummer.to_string()])
                                            prop:checked=r.uitkomst == Uitkomst::Nieuw
                                            on:change=move |ev| {
                                                let aan = event_target_checked(&ev);
                                                k.overslaan.update(|o| { if aan { o.remove(&nummer); } else { o.insert(nummer); } });
                                            }/>
                                    })}</td>
                                    <td>{wat}</td>
                                    <td>{r.code.clone()}</td>
                                    <td>{r.titel.clone()}</td>
                                    <td>{r.jaar.map(|j| j.to_string()).unwrap_or_default()}</td>
                                    <td>{r.status.map(|s| view! { <StatusLabel status=s/> {r.status_uit_kleur.then(|| format!(" {}", x.uit_kleur))} })}</td>
                                    <td>{r.thema.clone()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(meer > 0).then(|| view! { <p>{vul(x.meer_rijen, &[&meer.to_string()])}</p> })}
        </section>
    }
}

/// Writes the plan's edits in one go, on a copy first: a refused change leaves everything as
/// it was. The changes made are remembered as the last import, for one-click undo.
fn maak_alles(app: crate::ui::state::AppState, k: Keuzes, p: &Plan) {
    let actor = app.actor();
    let tijd = crate::storage::nu();
    let Some(mut kopie) = app.history.get_untracked() else { return };
    let (gemaakt, geweigerd) = crate::domain::formulier::schrijf(&mut kopie, &actor, tijd, p.bewerkingen.clone(), false);
    if let Some(e) = geweigerd {
        k.fout.set(Some(vul(t().tabel.f_geweigerd, &[&e.to_string()])));
        crate::ui::components::focus::focus_later("tabel-fout");
        return;
    }
    let werkruimte = kopie.werkruimte();
    app.history.set(Some(kopie));
    if !gemaakt.is_empty() {
        app.na_import(werkruimte, gemaakt);
    }
    k.fout.set(None);
    k.gemaakt.set(Some(p.aantallen()));
    crate::ui::components::focus::focus_later("tabel-gemaakt");
}

/// What was made, with undo and the way on.
#[component]
fn Gemaakt(k: Keuzes, aantallen: (usize, usize)) -> impl IntoView {
    let app = use_app();
    let x = t().tabel;
    view! {
        <div class="melding melding-succes" role="status">
            <p id="tabel-gemaakt" tabindex="-1">{move || if k.ongedaan.get() { x.ongedaan_gedaan.to_string() } else { vul(x.gemaakt, &[&aantallen.0.to_string(), &aantallen.1.to_string()]) }}</p>
            <p class="knoppen">
                {move || (!k.ongedaan.get()).then(|| view! {
                    <a class="knop" href="#/afspraken" id="tabel-naar-afspraken">{x.naar_afspraken}</a>
                    " "
                    <button class="knop knop-secundair" type="button" id="tabel-ongedaan" on:click=move |_| {
                        // Refused (with its message) when a later edit builds on what was made.
                        if !app.maak_import_ongedaan() { return; }
                        k.ongedaan.set(true);
                        crate::ui::components::focus::focus_later("tabel-gemaakt");
                    }>{x.ongedaan}</button>
                })}
                " "
                <button class="knop knop-secundair" type="button" id="tabel-opnieuw" on:click=move |_| {
                    k.tabel.set(None);
                    k.gemaakt.set(None);
                    k.ongedaan.set(false);
                    crate::ui::components::focus::focus_later("tabel-plakken");
                }>{x.opnieuw}</button>
            </p>
        </div>
    }
}
