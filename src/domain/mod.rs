//! The domain core: plain Rust, no browser types. Tested natively with `cargo test`.
//!
//! - [`schema`]: the kinds of items and their fields.
//! - [`bijwerken`]: bringing files and stored data of older format versions up to date.
//! - [`change`]: one edit = one change to one field, with its causal context.
//! - [`history`]: the set of changes of a workspace and the state derived from it; merge.
//! - [`jaarcyclus`]: the year cycle: preparing a new year, an agreement's line through the years.
//! - [`kopie`]: duplicating a workspace under a new id.
//! - [`merge`]: importing a file: preview, apply, undo; comparing two copies.
//! - [`opzet`]: a new workspace in one go: period, parties by kind, themes as a pasted list.
//! - [`model`]: typed views (Jaarafspraak, Status, Prioriteit …) read from a history.
//! - [`report`]: what the screens show: counts, filters, planning, peilmomenten, agenda.
//! - [`format`]: the versioned JSON file format (export, import).
//! - [`formulier`]: what an edit form writes: only the fields the user changed.
//! - [`getal`]: numbers as Dutch users type and read them ("68,5").
//! - [`validate`]: checks everything that comes in; Dutch messages that say where.
//! - [`examples`]: the built-in Heemstede examples.
//! - [`tabel`]: agreements from a pasted table or a CSV file: reading, column mapping, preview.
//! - [`time`]: dates without a clock (the caller passes the time in).

pub mod bijwerken;
pub mod change;
pub mod examples;
pub mod format;
pub mod formulier;
pub mod getal;
pub mod history;
pub mod jaarcyclus;
pub mod kopie;
pub mod merge;
pub mod model;
pub mod opzet;
pub mod report;
pub mod schema;
pub mod tabel;
pub mod time;
pub mod validate;
