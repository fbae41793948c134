//! The dataset: its types and how it is read. Plain Rust, no DOM, tested natively.

mod dataset;
mod load;

pub use dataset::*;
pub use load::{parse_dataset, LoadError};
