//! A page's introduction, with the UI's terms (werkruimte, peilmoment, signaalwaarde, tertiaal,
//! trekker, indicator) marked and explained where the page first uses them: on hover, on focus
//! and after a click (the glossary term of [`crate::ui::components::tekst`]).

use leptos::prelude::*;

use crate::ui::components::tekst::{Tekst, Term};
use crate::ui::teksten::woorden::woorden;

/// The UI's terms as glossary terms.
pub fn ui_begrippen() -> Vec<Term> {
    woorden().iter().map(|(term, uitleg)| Term { term: term.to_string(), uitleg: uitleg.to_string() }).collect()
}

/// The introduction of a page, its terms explained.
#[component]
pub fn Inleiding(tekst: &'static str) -> impl IntoView {
    view! { <div class="inleiding"><Tekst tekst=tekst begrippen=ui_begrippen()/></div> }
}
