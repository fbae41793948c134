//! The dataset: its types, how it is read and how it is checked. Plain Rust, no DOM,
//! tested natively.

mod dataset;
mod names;
pub mod date;
pub mod embed_protocol;
pub mod export;
pub mod filter;
pub mod time;
pub mod timeline;
pub mod tour;
pub mod ui;
pub mod url_state;
mod load;
mod read;
pub mod validate;

pub use dataset::*;
pub use load::{check_data_path, parse_dataset, LoadError, Loaded, MAX_FILE_BYTES, MAX_LISTED_ISSUES};
#[cfg(not(target_arch = "wasm32"))]
pub use load::parse_dataset_with_serde;
pub use validate::{validate_dataset, Issue, Severity};
