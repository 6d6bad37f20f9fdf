//! Every text the user sees, in one place: Dutch (B1) and English.
//!
//! Each screen area has its own section file with a struct of `&'static str` fields and one
//! constant per language, so a missing translation is a compile error. Components call [`t()`] to
//! get the texts of the current language; switching the language rebuilds the view.

use std::cell::Cell;

pub mod algemeen;
pub mod afspraken;
pub mod beheer;
pub mod conflicten;
pub mod delen;
pub mod documenten;
pub mod jaarcyclus;
pub mod monitoring;
pub mod rapport;
pub mod tabel;
pub mod velden;
pub mod werkruimtes;
pub mod woorden;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Taal {
    #[default]
    Nl,
    En,
}

impl Taal {
    pub fn code(self) -> &'static str {
        match self {
            Taal::Nl => "nl",
            Taal::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Taal {
        if s == "en" { Taal::En } else { Taal::Nl }
    }
}

pub struct Teksten {
    pub algemeen: &'static algemeen::Algemeen,
    pub afspraken: &'static afspraken::Afspraken,
    pub beheer: &'static beheer::Beheer,
    pub conflicten: &'static conflicten::Conflicten,
    pub delen: &'static delen::Delen,
    pub documenten: &'static documenten::Documenten,
    pub jaarcyclus: &'static jaarcyclus::Jaarcyclus,
    pub monitoring: &'static monitoring::Monitoring,
    pub rapport: &'static rapport::Rapport,
    pub tabel: &'static tabel::Tabel,
    pub werkruimtes: &'static werkruimtes::Werkruimtes,
}

static NL: Teksten = Teksten {
    algemeen: &algemeen::NL,
    afspraken: &afspraken::NL,
    beheer: &beheer::NL,
    conflicten: &conflicten::NL,
    delen: &delen::NL,
    documenten: &documenten::NL,
    jaarcyclus: &jaarcyclus::NL,
    monitoring: &monitoring::NL,
    rapport: &rapport::NL,
    tabel: &tabel::NL,
    werkruimtes: &werkruimtes::NL,
};

static EN: Teksten = Teksten {
    algemeen: &algemeen::EN,
    afspraken: &afspraken::EN,
    beheer: &beheer::EN,
    conflicten: &conflicten::EN,
    delen: &delen::EN,
    documenten: &documenten::EN,
    jaarcyclus: &jaarcyclus::EN,
    monitoring: &monitoring::EN,
    rapport: &rapport::EN,
    tabel: &tabel::EN,
    werkruimtes: &werkruimtes::EN,
};

thread_local! {
    static TAAL: Cell<Taal> = const { Cell::new(Taal::Nl) };
}

/// Sets the language used by [`t()`]; the caller rebuilds the view.
pub fn zet_taal(taal: Taal) {
    TAAL.with(|c| c.set(taal));
}

pub fn taal() -> Taal {
    TAAL.with(|c| c.get())
}

/// The texts of the current language.
pub fn t() -> &'static Teksten {
    match taal() {
        Taal::Nl => &NL,
        Taal::En => &EN,
    }
}

/// Fills `{}` placeholders in order.
pub fn vul(sjabloon: &str, waarden: &[&str]) -> String {
    let mut out = String::with_capacity(sjabloon.len() + 16);
    let mut rest = sjabloon;
    let mut i = 0;
    while let Some(p) = rest.find("{}") {
        out.push_str(&rest[..p]);
        out.push_str(waarden.get(i).copied().unwrap_or(""));
        i += 1;
        rest = &rest[p + 2..];
    }
    out.push_str(rest);
    out
}
