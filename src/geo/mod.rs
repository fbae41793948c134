//! Geography: the embedded base map, the projection, windows on the plane, and the map
//! scene (what to draw where). Plain Rust, no DOM, tested natively.

pub mod basemap;
pub mod bulk;
pub mod camera;
pub mod chrome;
pub mod clip;
pub mod hairlines;
pub mod interaction;
pub mod labels;
pub mod marks;
pub mod math;
pub mod pixels;
pub mod projection;
pub mod scene;
pub mod svg;
pub mod view;

pub use basemap::{BaseMap, Layer, Shape};
pub use projection::{ArcDetail, Projection, great_circle};
pub use view::{Bounds, ViewTransform, Viewport};

/// The scene of the shipped dataset, for the tests.
#[cfg(test)]
pub(crate) fn shipped_scene() -> scene::MapScene {
    let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
        .unwrap()
        .dataset;
    scene::MapScene::build(&ds, BaseMap::shipped(), &Projection::eurasia())
}
