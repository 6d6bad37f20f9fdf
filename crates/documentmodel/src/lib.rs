//! The plain data that passes between the app and its documents module.
//!
//! The app's domain decides *what* a document says (which tables, which rows, which words and
//! numbers); the documents module (`crates/documenten`, a second wasm module loaded on first use)
//! only turns that data into file bytes, or file bytes into a table. Both sides depend on this
//! crate and exchange its types as JSON, so neither needs the other's code.
//!
//! - [`document`]: a text document (headings, paragraphs, lists, tables with shaded cells), to be
//!   written as .docx.
//! - [`werkboek`]: a workbook (sheets, columns, cells with fills, frozen header, autofilter), to
//!   be written as .xlsx.
//! - [`tabel`]: a table read from outside (a pasted range, a CSV or .xlsx file): rows of cells
//!   with their text and, where the source had one, their fill colour.

pub mod document;
pub mod tabel;
pub mod werkboek;
