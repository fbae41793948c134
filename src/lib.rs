//! Passerelle: the cooperation between Auvergne-Rhône-Alpes and Hebei/Beijing around the
//! 2022 Winter Olympics, on a map and a timeline.
//!
//! The core (`model`, `geo`) is plain Rust tested natively; the browser side (`app`,
//! `components`, `fatal`) only exists in the wasm build.

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod channel;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod chunk;
pub mod collections;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod embed;
pub mod geo;
pub mod i18n;
pub mod model;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod url_sync;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod components;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod dom;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod fatal;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod loader;
#[cfg(feature = "prerender")]
pub mod poster;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod state;
