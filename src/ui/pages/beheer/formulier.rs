//! Building blocks of the edit forms: a field with its label, help text and error message next to
//! it; the edit and delete buttons of an item; the bar that undoes a delete.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::getal::lees_getal;
use crate::domain::history::History;
use crate::domain::schema::ItemSoort;
use crate::ui::state::{use_app, AppState};
use crate::ui::teksten::{t, vul};

/// Which form of a list is open: the one for a new item, or the one of an existing item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doel {
    Nieuw,
    Item(Uuid),
}

/// Reads from the active history; `None` when no workspace is open.
pub fn lees<T>(app: AppState, f: impl FnOnce(&History) -> T) -> Option<T> {
    app.history.with(|h| h.as_ref().map(f))
}

/// As [`lees`], without tracking (for the start values of a form).
pub fn lees_nu<T>(app: AppState, f: impl FnOnce(&History) -> T) -> Option<T> {
    app.history.with_untracked(|h| h.as_ref().map(f))
}

/// The error messages of one form, per field, and the ids of its fields.
#[derive(Clone, Copy)]
pub struct Formulier {
    fouten: RwSignal<Vec<(&'static str, String)>>,
    prefix: StoredValue<String>,
}

impl Formulier {
    /// `prefix` makes the ids of the fields unique on the page.
    pub fn new(prefix: impl Into<String>) -> Self {
        Formulier { fouten: RwSignal::new(Vec::new()), prefix: StoredValue::new(prefix.into()) }
    }

    /// The element id of a field.
    pub fn id(&self, veld: &str) -> String {
        format!("{}-{veld}", self.prefix.get_value())
    }

    pub fn fout(&self, veld: &'static str) -> Signal<Option<String>> {
        let fouten = self.fouten;
        Signal::derive(move || fouten.with(|f| f.iter().find(|(v, _)| *v == veld).map(|(_, m)| m.clone())))
    }

    /// Shows these errors next to their fields and puts the focus on the first one. Returns
    /// `true` when there are none.
    pub fn controleer(&self, fouten: Vec<(&'static str, String)>) -> bool {
        let eerste = fouten.first().map(|(v, _)| self.id(v));
        self.fouten.set(fouten);
        match eerste {
            Some(id) => {
                focus_straks(id);
                false
            }
            None => true,
        }
    }
}

pub use crate::ui::components::focus::focus_straks;

/// Scrolls an element to the top of the window and puts the focus on it (it needs a tabindex).
pub fn ga_naar(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The id of the edit button of an item (the focus returns there after editing).
pub fn knop_id(item: Uuid) -> String {
    format!("bewerk-{item}")
}

/// Reads a typed number ("68,5"); empty is `None`.
pub fn getal_of_fout(s: &str) -> Result<Option<f64>, String> {
    lees_getal(s).map_err(|_| t().beheer.getal_fout.to_string())
}

/// Reads a typed year (1900–2200); empty is `None`.
pub fn jaar_of_fout(s: &str) -> Result<Option<i64>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i64>() {
        Ok(j) if (1900..=2200).contains(&j) => Ok(Some(j)),
        _ => Err(t().beheer.jaar_fout.to_string()),
    }
}

/// One line of text per entry: empty lines are left out.
pub fn regels(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|r| !r.is_empty()).map(str::to_string).collect()
}

/// Text for comparing names: lowercase, without extra spaces.
pub fn vergelijkbaar(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn label_tekst(label: &'static str, verplicht: bool) -> String {
    if verplicht {
        format!("{label} ({})", t().algemeen.verplicht)
    } else {
        label.to_string()
    }
}

fn beschrijving(hulp: bool, hid: String, fid: String, fout: Signal<Option<String>>) -> impl Fn() -> Option<String> {
    move || {
        let mut v = Vec::new();
        if fout.with(Option::is_some) {
            v.push(fid.clone());
        }
        if hulp {
            v.push(hid.clone());
        }
        (!v.is_empty()).then(|| v.join(" "))
    }
}

/// The error message of a field, right above it.
#[component]
fn FoutTekst(id: String, fout: Signal<Option<String>>) -> impl IntoView {
    move || {
        fout.get().map(|m| {
            view! {
                <p class="veld-fout" id=id.clone()>
                    <span aria-hidden="true">"⚠ "</span>
                    <span class="visueel-verborgen">{t().beheer.fout_voorvoegsel}" "</span>
                    {m}
                </p>
            }
        })
    }
}

/// A text field (or, with `regels`, a text area) with label, help text and error message.
#[component]
pub fn Veld(
    form: Formulier,
    veld: &'static str,
    label: &'static str,
    waarde: RwSignal<String>,
    #[prop(optional)] hulp: Option<&'static str>,
    #[prop(optional)] verplicht: bool,
    #[prop(default = "text")] soort: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] regels: Option<u32>,
    #[prop(optional, into)] lijst: Option<String>,
) -> impl IntoView {
    let id = form.id(veld);
    let hid = format!("{id}-hulp");
    let fid = format!("{id}-fout");
    let fout = form.fout(veld);
    let beschreven = beschrijving(hulp.is_some(), hid.clone(), fid.clone(), fout);
    let invalid = move || fout.with(Option::is_some).then_some("true");
    let invoer = match regels {
        Some(r) => view! {
            <textarea id=id.clone() rows=r aria-invalid=invalid aria-describedby=beschreven aria-required=verplicht.then_some("true")
                prop:value=move || waarde.get() on:input=move |ev| waarde.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() type=soort inputmode=inputmode list=lijst aria-invalid=invalid aria-describedby=beschreven
                aria-required=verplicht.then_some("true") autocomplete="off"
                prop:value=move || waarde.get() on:input=move |ev| waarde.set(event_target_value(&ev))
                on:change=move |ev| waarde.set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <div class="veld" class:veld-met-fout=move || fout.with(Option::is_some)>
            <label for=id>{label_tekst(label, verplicht)}</label>
            {hulp.map(|h| view! { <p class="hulptekst" id=hid>{h}</p> })}
            <FoutTekst id=fid fout=fout/>
            {invoer}
        </div>
    }
}

/// One option of a [`Keuze`]: `(value, text)`.
pub type Optie = (String, String);

/// A group of options in a [`Keuze`]: a label (empty: no group) and its options.
pub type Groep = (String, Vec<Optie>);

/// A select list with label, help text and error message. `leeg` is the text of the empty
/// choice (value "").
#[component]
pub fn Keuze(
    form: Formulier,
    veld: &'static str,
    label: &'static str,
    waarde: RwSignal<String>,
    groepen: Vec<Groep>,
    #[prop(optional)] leeg: Option<&'static str>,
    #[prop(optional)] hulp: Option<&'static str>,
    #[prop(optional)] verplicht: bool,
) -> impl IntoView {
    let id = form.id(veld);
    let hid = format!("{id}-hulp");
    let fid = format!("{id}-fout");
    let fout = form.fout(veld);
    let beschreven = beschrijving(hulp.is_some(), hid.clone(), fid.clone(), fout);
    let optie = move |(v, tekst): (String, String)| {
        let v2 = v.clone();
        view! { <option value=v prop:selected=move || waarde.with(|w| *w == v2)>{tekst}</option> }
    };
    view! {
        <div class="veld" class:veld-met-fout=move || fout.with(Option::is_some)>
            <label for=id.clone()>{label_tekst(label, verplicht)}</label>
            {hulp.map(|h| view! { <p class="hulptekst" id=hid>{h}</p> })}
            <FoutTekst id=fid fout=fout/>
            <select id=id aria-invalid=move || fout.with(Option::is_some).then_some("true") aria-describedby=beschreven
                aria-required=verplicht.then_some("true")
                on:change=move |ev| waarde.set(event_target_value(&ev))>
                {leeg.map(|l| optie((String::new(), l.to_string())))}
                {groepen.into_iter().map(|(groep, opties)| {
                    let opties = opties.into_iter().map(optie).collect_view();
                    if groep.is_empty() {
                        opties.into_any()
                    } else {
                        view! { <optgroup label=groep>{opties}</optgroup> }.into_any()
                    }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Save and cancel. Cancel closes the form and returns the focus to `terug`.
#[component]
pub fn FormKnoppen(bewerk: RwSignal<Option<Doel>>, #[prop(into)] terug: String) -> impl IntoView {
    let a = t().algemeen;
    view! {
        <p class="knoppen">
            <button class="knop" type="submit">{a.opslaan}</button>
            <button class="knop knop-secundair" type="button" on:click=move |_| {
                bewerk.set(None);
                focus_straks(terug.clone());
            }>{a.annuleren}</button>
        </p>
    }
}

/// The button that opens the form for a new item.
#[component]
pub fn NieuwKnop(bewerk: RwSignal<Option<Doel>>, #[prop(into)] id: String, label: &'static str) -> impl IntoView {
    view! {
        <p class="knoppen niet-afdrukken">
            <button class="knop" type="button" id=id aria-expanded=move || (bewerk.get() == Some(Doel::Nieuw)).to_string()
                on:click=move |_| bewerk.update(|b| *b = if *b == Some(Doel::Nieuw) { None } else { Some(Doel::Nieuw) })>
                <span aria-hidden="true">"+ "</span>{label}
            </button>
        </p>
    }
}

/// The last deleted item, shown with an undo button. Each page with deletes provides one.
#[derive(Clone, Copy)]
pub struct Ongedaan(RwSignal<Option<(Uuid, ItemSoort, String)>>);

impl Ongedaan {
    /// Makes the undo state of a page and provides it to the components below.
    pub fn geef() -> Self {
        let o = Ongedaan(RwSignal::new(None));
        provide_context(o);
        o
    }
}

/// Deletes an item (a change: undoable), shows the undo bar and puts the focus on its button.
pub fn verwijder(app: AppState, ongedaan: Option<Ongedaan>, item: Uuid, soort: ItemSoort, naam: String) {
    app.verwijder_item(item, soort);
    if let Some(o) = ongedaan {
        o.0.set(Some((item, soort, naam)));
        focus_straks("ongedaan-knop");
    }
}

/// "X is verwijderd. [Ongedaan maken]" after a delete. Undo puts the item back and the focus on
/// its edit button.
#[component]
pub fn OngedaanBalk() -> impl IntoView {
    let app = use_app();
    let o = expect_context::<Ongedaan>();
    let b = t().beheer;
    view! {
        <div class="ongedaan-houder niet-afdrukken" role="status">
            {move || o.0.get().map(|(item, soort, naam)| view! {
                <div class="ongedaan-balk melding">
                    <p id="ongedaan-tekst">{vul(b.verwijderd_melding, &[&naam])}</p>
                    <p class="knoppen">
                        <button class="knop" type="button" id="ongedaan-knop" aria-describedby="ongedaan-tekst" on:click=move |_| {
                            app.herstel_item(item, soort);
                            o.0.set(None);
                            app.info(crate::ui::state::MeldingSoort::Succes, vul(b.hersteld_melding, &[&naam]));
                            focus_straks(knop_id(item));
                        }>{t().algemeen.ongedaan_maken}</button>
                        <button class="knop knop-secundair" type="button" on:click=move |_| o.0.set(None)>{t().algemeen.sluiten}</button>
                    </p>
                </div>
            })}
        </div>
    }
}

/// Edit and delete buttons of one item; `naam` makes their names unique for screen readers
/// ("Bewerken: Elan Wonen"; the visible word comes first, WCAG 2.5.3).
#[component]
pub fn ItemKnoppen(item: Uuid, soort: ItemSoort, #[prop(into)] naam: String, bewerk: RwSignal<Option<Doel>>) -> impl IntoView {
    let app = use_app();
    let ongedaan = use_context::<Ongedaan>();
    let a = t().algemeen;
    let naam2 = naam.clone();
    view! {
        <p class="knoppen niet-afdrukken">
            <button class="knop knop-secundair" type="button" id=knop_id(item) aria-label=format!("{}: {naam}", a.bewerken)
                on:click=move |_| bewerk.set(Some(Doel::Item(item)))>{a.bewerken}</button>
            <button class="knop knop-secundair knop-verwijder" type="button" aria-label=format!("{}: {naam2}", a.verwijderen)
                on:click=move |_| verwijder(app, ongedaan, item, soort, naam2.clone())>{a.verwijderen}</button>
        </p>
    }
}
