//! Passerelle: the cooperation between Auvergne-Rhône-Alpes and Hebei/Beijing around the
//! 2022 Winter Olympics, on a map and a timeline.
//!
//! The core (`model`, `geo`) is plain Rust tested natively; the browser side (`app`,
//! `components`, `fatal`) only exists in the wasm build.

#[cfg(target_arch = "wasm32")]
pub mod channel;
pub mod collections;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod geo;
pub mod i18n;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod url_sync;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod fatal;
#[cfg(target_arch = "wasm32")]
pub mod loader;
#[cfg(target_arch = "wasm32")]
pub mod state;
