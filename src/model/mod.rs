//! The dataset: its types, how it is read and how it is checked. Plain Rust, no DOM,
//! tested natively.

mod dataset;
pub mod date;
pub mod edition;
pub mod embed_protocol;
pub mod enum_set;
pub mod export;
pub mod filter;
pub mod json;
pub mod list;
mod load;
mod names;
pub mod number;
pub mod preview;
mod read;
pub mod time;
pub mod timeline;
pub mod tour;
pub mod ui;
pub mod url_state;
pub mod validate;
pub mod workbook;
pub mod workbook_file;

pub use dataset::*;
#[cfg(not(target_arch = "wasm32"))]
pub use json::parsed_as_value;
#[cfg(not(target_arch = "wasm32"))]
pub use load::parse_dataset_with_serde;
pub use load::{
    LoadError, Loaded, MAX_FILE_BYTES, MAX_LISTED_ISSUES, check_data_path, fingerprint, parse_dataset, read_checked,
};
pub use validate::{Issue, Severity, validate_dataset};
pub use workbook::{WorkbookRead, parse_workbook};

/// The shipped dataset, read as the app reads it: what the unit tests hold the code to.
#[cfg(test)]
pub(crate) fn shipped() -> Dataset {
    parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
        .expect("the shipped dataset loads")
        .dataset
}
