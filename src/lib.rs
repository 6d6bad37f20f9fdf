//! Afsprakenmonitor: monitoring of prestatieafspraken between a gemeente, its woningcorporaties
//! and huurdersorganisaties, in one HTML file that runs entirely in the browser.
//!
//! - [`domain`]: the domain core in plain Rust (model, changes, merge, format, validation,
//!   examples). No browser types; tested natively.
//! - `storage` (wasm only): IndexedDB (with an in-memory fallback) behind one small API, `Opslag`.
//! - `ui` (wasm only): Leptos components, hash router and the UI texts.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
