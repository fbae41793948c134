//! Geography: the embedded base map, the projection, windows on the plane, and the map
//! scene (what to draw where). Plain Rust, no DOM, tested natively.

pub mod basemap;
pub mod camera;
pub mod clip;
pub mod interaction;
pub mod labels;
pub mod projection;
pub mod scene;
pub mod svg;
pub mod view;

pub use basemap::{BaseMap, Layer, Shape};
pub use projection::{Projection, great_circle};
pub use view::{Bounds, ViewTransform, Viewport};
