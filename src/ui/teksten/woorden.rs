//! The UI's own terms with their explanation, as in `docs/woordenlijst.md` (the table
//! "Vaktermen"; `tests/teksten.rs` checks they are the same). A page marks a term where it first
//! uses it ([`crate::ui::components::uitleg::Inleiding`]).

use super::{taal, Taal};

/// (term, explanation) in Dutch and English.
const NL: [(&str, &str); 6] = [
    ("werkruimte", "Een werkruimte is één set prestatieafspraken, bijvoorbeeld van één gemeente voor een paar jaar. U kunt er meer hebben."),
    ("peilmoment", "Een peilmoment legt vast hoe alle jaarafspraken er op één dag voor staan. Later vergelijkt u het met een ander moment."),
    ("signaalwaarde", "De signaalwaarde is de grens van een indicator. Komt een meting over die grens, dan vraagt de afspraak aandacht."),
    ("tertiaal", "Een tertiaal is een periode van vier maanden. T1 is januari tot en met april, T2 mei tot en met augustus, T3 september tot en met december."),
    ("trekker", "De trekker is de partij die ervoor zorgt dat een afspraak wordt uitgevoerd."),
    ("indicator", "Een indicator is een getal waarmee u meet hoe het met een afspraak gaat, bijvoorbeeld het aantal nieuwe sociale huurwoningen."),
];

const EN: [(&str, &str); 6] = [
    ("workspace", "A workspace is one set of performance agreements, for example of one municipality for a few years. You can have more than one."),
    ("snapshot", "A snapshot records how all annual agreements stand on one day. Later you compare it with another moment."),
    ("signal value", "The signal value is the limit of an indicator. When a measurement crosses it, the agreement needs attention."),
    ("period", "A period (tertiaal) is four months. T1 is January to April, T2 May to August, T3 September to December."),
    ("lead party", "The lead party makes sure an agreement is carried out."),
    ("indicator", "An indicator is a number that measures how an agreement is going, for example the number of new social rental homes."),
];

/// The terms of the current language.
pub fn woorden() -> &'static [(&'static str, &'static str)] {
    match taal() {
        Taal::Nl => &NL,
        Taal::En => &EN,
    }
}
