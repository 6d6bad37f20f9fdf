//! Small building blocks shared by the pages.

pub mod begin;
pub mod conflict;
pub mod datum;
pub mod document;
pub mod focus;
pub mod jaarlijn;
pub mod jaren;
pub mod kop;
pub mod meldingen;
pub mod notities;
pub mod ongedaan;
pub mod status;
pub mod tabel;
pub mod tekst;
pub mod tempo;
pub mod uitleg;
pub mod verplaatst;
pub mod waarde;
pub mod welkom;
pub mod wie;
