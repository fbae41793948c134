//! Geography: the embedded base map. Plain Rust, no DOM, tested natively.

pub mod basemap;

pub use basemap::{BaseMap, Layer, Shape};
