//! The map's drawings as markup: the world (base map, and the links of a few marks, in
//! projected units under each pane's transform) and the sites over it (in screen pixels,
//! laid out for each window). Their markup is the pure `geo::svg`; [`super::marks`] puts it
//! in the page and keeps the marks' looks. With many sites, placing them takes longer than
//! a frame: each pane's drawn sites are moved as a whole at once, and placed again once a
//! gesture pauses (or right after the frame of a button's or a key's step).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::MapCtx;
use super::camera::MapCamera;
use crate::geo::scene::{Pane, site_marks_placed};
use crate::geo::svg::{Emphasis, bulk_labels_markup, overlay_markup, panes_markup};
use crate::geo::{ViewTransform, camera};

/// What the drawings hold.
#[derive(Clone, Copy)]
pub struct Layers {
    pub world_html: Memo<Arc<str>>,
    pub sites_html: Memo<Arc<str>>,
    /// The windows the sites were last placed for.
    pub drawn_at: RwSignal<Vec<ViewTransform>>,
    camera: MapCamera,
}

impl Layers {
    /// Whether the camera's panes, its windows and the windows the sites were placed for
    /// are one number of windows. A new view's panes come first, the camera's windows with
    /// its effect, these with the settle effect: nothing is placed or rastered for the
    /// windows of another view meanwhile (a raster for the old view's was thrown away).
    pub fn caught_up(&self) -> bool {
        caught_up(self.camera, self.drawn_at)
    }

    /// How each pane's placed sites are moved to match its current window.
    pub fn deltas(&self, now: &[ViewTransform]) -> Vec<Option<ViewTransform>> {
        let built = self.drawn_at.get();
        now.iter().zip(&built).map(|(n, b)| camera::delta(n, b)).collect()
    }
}

fn caught_up(camera: MapCamera, drawn_at: RwSignal<Vec<ViewTransform>>) -> bool {
    let n = camera.panes.with_untracked(Vec::len);
    camera.transforms.with_untracked(Vec::len) == n && drawn_at.with_untracked(Vec::len) == n
}

/// The markup of the two drawings, for the windows of the camera.
pub fn markup(ctx: MapCtx) -> Layers {
    let MapCtx { state, scene, view, camera, style, large, ready, .. } = ctx;
    // Nothing is drawn until the frame is measured: then once, for its real size.
    let world_html = Memo::new(move |_| -> Arc<str> {
        if ready.get() {
            scene.with_value(|s| panes_markup(s, view.get(), &camera.panes.get(), state.lang.get(), large)).into()
        } else {
            Arc::from("")
        }
    });

    // The windows the sites are placed (and the bulk layers rastered) for: while a gesture,
    // a step or a view's move changes the windows of a large dataset, where they last
    // paused (the drawings are moved as a whole meanwhile); else the current ones at once.
    // What reads them waits until they are `caught_up` (this effect follows the camera's).
    // As the camera's: none in the browser until its first windows (the frame measured),
    // then those at once, so that the first drawing is placed and rastered once, for them.
    let drawn_at = RwSignal::new(camera.transforms.get_untracked());
    let settle = StoredValue::new(0u32);
    Effect::new(move |_| {
        let t = camera.transforms.get();
        if t.is_empty() {
            return;
        }
        if !large || t.len() != drawn_at.with_untracked(Vec::len) {
            drawn_at.set(t);
            return;
        }
        settle.update_value(|n| *n += 1);
        let mine = settle.get_value();
        let place = move || {
            if settle.try_get_value() == Some(mine) {
                drawn_at.set(camera.transforms.get_untracked());
            }
        };
        if camera.gesture.get_value() {
            // More moves are coming: placed once they pause.
            set_timeout(place, Duration::from_millis(150));
        } else {
            // A step: placed right after the frame that shows it moved.
            request_animation_frame(move || set_timeout(place, Duration::ZERO));
        }
    });

    // Placed again when the windows they are placed for change (`drawn_at`, which follows
    // every change of view, frame or window), not also on the view or frame change just
    // before: that placed the sites twice, once for the old windows.
    let sites_html = Memo::new(move |previous: Option<&Arc<str>>| -> Arc<str> {
        let transforms = drawn_at.get();
        // Nothing until the frame is measured and the camera has its windows for it.
        if !ready.get_untracked() || transforms.is_empty() {
            return Arc::from("");
        }
        if let Some(previous) = previous
            && !caught_up(camera, drawn_at)
        {
            return previous.clone();
        }
        let (lang, v, style) = (state.lang.get(), view.get_untracked(), style.get());
        let panes: Vec<Pane> = camera
            .panes
            .get_untracked()
            .into_iter()
            .zip(transforms)
            .map(|(p, transform)| Pane { transform, ..p })
            .collect();
        scene
            .with_value(|scene| {
                let by_pane: Vec<Vec<_>> =
                    panes.iter().map(|p| site_marks_placed(scene, v, p, lang, style, !large)).collect();
                if large {
                    // The markers are on the canvas; the labels stay text.
                    bulk_labels_markup(&by_pane)
                } else {
                    overlay_markup(scene, v, &by_pane, style, &Emphasis::default(), lang)
                }
            })
            .into()
    });
    Layers { world_html, sites_html, drawn_at, camera }
}
