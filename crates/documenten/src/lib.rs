//! The documents module: a second WebAssembly module in the single HTML file, decoded and
//! started only when the user first asks for a Word or Excel file (or reads one), so it adds
//! nothing to the start-up of the app.
//!
//! It renders [`documentmodel`] data into file bytes and reads file bytes into a
//! [`documentmodel::tabel`]; what the documents say is decided by the app's domain.
//!
//! - [`lezen`]: the first sheet of an .xlsx workbook as a table, with cell fill colours.

pub mod lezen;
