//! The kinds of items in a workspace and, per kind, the fields it has and their value types.
//!
//! Every edit is a change to one field of one item (see [`crate::domain::change`]), so this table is
//! the single description of what a workspace can hold. Import validation checks every incoming
//! change against it; the typed views in [`crate::domain::model`] read fields by these names.

use serde::{Deserialize, Serialize};

/// The kind of an item. Serialized with the users' words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemSoort {
    /// The workspace itself (its item id is the workspace id): title, gemeente, period.
    Werkruimte,
    Partij,
    Thema,
    Subthema,
    Kaderafspraak,
    Jaarafspraak,
    Voortgang,
    Indicator,
    Meting,
    Begrip,
    Overleg,
    Peilmoment,
    Reactie,
}

impl ItemSoort {
    pub const ALL: [ItemSoort; 13] = [
        ItemSoort::Werkruimte,
        ItemSoort::Partij,
        ItemSoort::Thema,
        ItemSoort::Subthema,
        ItemSoort::Kaderafspraak,
        ItemSoort::Jaarafspraak,
        ItemSoort::Voortgang,
        ItemSoort::Indicator,
        ItemSoort::Meting,
        ItemSoort::Begrip,
        ItemSoort::Overleg,
        ItemSoort::Peilmoment,
        ItemSoort::Reactie,
    ];

    /// The name used in JSON (`"jaarafspraak"`).
    pub fn naam(self) -> &'static str {
        match self {
            ItemSoort::Werkruimte => "werkruimte",
            ItemSoort::Partij => "partij",
            ItemSoort::Thema => "thema",
            ItemSoort::Subthema => "subthema",
            ItemSoort::Kaderafspraak => "kaderafspraak",
            ItemSoort::Jaarafspraak => "jaarafspraak",
            ItemSoort::Voortgang => "voortgang",
            ItemSoort::Indicator => "indicator",
            ItemSoort::Meting => "meting",
            ItemSoort::Begrip => "begrip",
            ItemSoort::Overleg => "overleg",
            ItemSoort::Peilmoment => "peilmoment",
            ItemSoort::Reactie => "reactie",
        }
    }

    pub fn from_naam(naam: &str) -> Option<ItemSoort> {
        ItemSoort::ALL.into_iter().find(|s| s.naam() == naam)
    }

    /// The fields this kind of item has.
    pub fn velden(self) -> &'static [VeldDef] {
        use ItemSoort as S;
        use VeldType as T;
        macro_rules! v {
            ($naam:expr, $soort:expr) => {
                VeldDef { naam: $naam, soort: $soort }
            };
        }
        match self {
            S::Werkruimte => &[
                v!("titel", T::Tekst),
                v!("gemeente", T::Tekst),
                v!("periode_van", T::Jaar),
                v!("periode_tot", T::Jaar),
                v!("inleiding", T::Tekst),
                v!("voetnoten", T::TekstLijst),
                v!("omschrijving", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Partij => &[
                v!("naam", T::Tekst),
                v!("kort", T::Tekst),
                v!("soort", T::Keuze(PARTIJ_SOORTEN)),
                v!("volgorde", T::Getal),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Thema => &[
                v!("nummer", T::Tekst),
                v!("titel", T::Tekst),
                v!("ambitie", T::Tekst),
                v!("nationaal", T::TekstLijst),
                v!("gezamenlijk", T::TekstLijst),
                v!("volgorde", T::Getal),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Subthema => &[
                v!("thema", T::Verwijzing(&[S::Thema])),
                v!("nummer", T::Tekst),
                v!("titel", T::Tekst),
                v!("inleiding", T::Tekst),
                v!("voetnoten", T::TekstLijst),
                v!("volgorde", T::Getal),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Kaderafspraak => &[
                v!("code", T::Tekst),
                v!("titel", T::Tekst),
                v!("tekst", T::Tekst),
                v!("partijen", T::Verwijzingen(&[S::Partij])),
                v!("subthema", T::Verwijzing(&[S::Subthema])),
                v!("voetnoten", T::TekstLijst),
                v!("volgorde", T::Getal),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Jaarafspraak => &[
                v!("jaar", T::Jaar),
                v!("code", T::Tekst),
                v!("titel", T::Tekst),
                v!("tekst", T::Tekst),
                v!("partijen", T::Verwijzingen(&[S::Partij])),
                v!("subthema", T::Verwijzing(&[S::Subthema])),
                v!("kaderafspraken", T::Verwijzingen(&[S::Kaderafspraak])),
                v!("trekker", T::Tekst),
                v!("trekker_partijen", T::Verwijzingen(&[S::Partij])),
                v!("prioriteit", T::Tekst),
                v!("status", T::Keuze(STATUSSEN)),
                v!("oorzaak", T::Tekst),
                v!("actie", T::Tekst),
                v!("vorige", T::Verwijzing(&[S::Jaarafspraak])),
                v!("monitorregel", T::JaNee),
                v!("volgorde", T::Getal),
                // Since format 4: highlighted in the raadsinformatiebericht, with a short text.
                v!("uitgelicht", T::JaNee),
                v!("uitgelicht_tekst", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Voortgang => &[
                v!("afspraak", T::Verwijzing(&[S::Jaarafspraak, S::Kaderafspraak])),
                v!("datum", T::Datum),
                v!("ronde", T::Keuze(RONDES)),
                v!("partij", T::Tekst),
                v!("auteur", T::Tekst),
                v!("tekst", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Indicator => &[
                v!("afspraak", T::Verwijzing(&[S::Jaarafspraak, S::Kaderafspraak])),
                v!("naam", T::Tekst),
                v!("eenheid", T::Tekst),
                v!("doel", T::Getal),
                v!("richting", T::Keuze(RICHTINGEN)),
                v!("signaalwaarde", T::Getal),
                v!("toelichting", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Meting => &[
                v!("indicator", T::Verwijzing(&[S::Indicator])),
                v!("datum", T::Datum),
                v!("partij", T::Verwijzing(&[S::Partij])),
                v!("waarde", T::Getal),
                v!("toelichting", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Begrip => &[
                v!("term", T::Tekst),
                v!("uitleg", T::Tekst),
                v!("bron", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Overleg => &[
                v!("naam", T::Tekst),
                v!("soort", T::Keuze(OVERLEG_SOORTEN)),
                v!("seizoen", T::Keuze(SEIZOENEN)),
                v!("jaar", T::Jaar),
                v!("datum", T::Datum),
                v!("deelnemers", T::TekstLijst),
                v!("onderwerpen", T::TekstLijst),
                v!("volgorde", T::Getal),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Peilmoment => &[
                v!("naam", T::Tekst),
                v!("datum", T::Datum),
                v!("jaar", T::Jaar),
                v!("ronde", T::Keuze(RONDES)),
                v!("standen", T::Standen),
                v!(VERWIJDERD, T::JaNee),
            ],
            S::Reactie => &[
                v!("afspraak", T::Verwijzing(&[S::Jaarafspraak, S::Kaderafspraak])),
                v!("datum", T::Datum),
                v!("partij", T::Tekst),
                v!("auteur", T::Tekst),
                v!("tekst", T::Tekst),
                v!(VERWIJDERD, T::JaNee),
            ],
        }
    }

    /// The field that says which item this one belongs to (a voortgang to its afspraak, a
    /// meting to its indicator). Such an item is part of its parent's work: a delete of the
    /// parent that did not see it is a conflict ([`crate::domain::history::History::verwijder_conflict`]).
    pub fn ouder_veld(self) -> Option<&'static str> {
        match self {
            ItemSoort::Voortgang | ItemSoort::Reactie | ItemSoort::Indicator => Some("afspraak"),
            ItemSoort::Meting => Some("indicator"),
            _ => None,
        }
    }

    pub fn veld(self, naam: &str) -> Option<&'static VeldDef> {
        self.velden().iter().find(|v| v.naam == naam)
    }
}

/// The field every kind has: `true` once the item is deleted (and `false` again on undo).
pub const VERWIJDERD: &str = "verwijderd";

pub const PARTIJ_SOORTEN: &[&str] = &["gemeente", "corporatie", "huurdersorganisatie", "partner"];
pub const STATUSSEN: &[&str] = &["groen", "geel", "rood", "niet_beoordeeld"];
pub const RICHTINGEN: &[&str] = &["minimaal", "maximaal"];
pub const OVERLEG_SOORTEN: &[&str] = &["ambtelijk", "bestuurlijk"];
pub const SEIZOENEN: &[&str] = &["voorjaar", "najaar"];
/// The round of the year a peilmoment or a voortgang note belongs to: a tertiaal (T1 jan–apr,
/// T2 mei–aug, T3 sep–dec) or a season of the meeting cycle.
pub const RONDES: &[&str] = &["T1", "T2", "T3", "voorjaar", "najaar"];

/// One field of an item kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VeldDef {
    pub naam: &'static str,
    pub soort: VeldType,
}

/// The value type of a field. Every field may also be `null` (empty).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VeldType {
    Tekst,
    TekstLijst,
    /// A finite number.
    Getal,
    /// A whole year, 1900–2200.
    Jaar,
    /// A date `YYYY-MM-DD`.
    Datum,
    JaNee,
    /// One of a fixed list of words.
    Keuze(&'static [&'static str]),
    /// The id of another item of one of these kinds.
    Verwijzing(&'static [ItemSoort]),
    /// A list of ids of items of one of these kinds.
    Verwijzingen(&'static [ItemSoort]),
    /// A peilmoment's frozen state: an object from jaarafspraak id to `{status, voortgang}`.
    Standen,
}

/// The longest text a single field may hold (characters). Longer input is refused on import.
pub const MAX_TEKST: usize = 200_000;
/// The most entries a list field may hold.
pub const MAX_LIJST: usize = 10_000;
