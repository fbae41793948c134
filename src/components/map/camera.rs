//! The map's windows on the plane (one per pane) and what moves them: fitting a view,
//! animating between views, the reader's zoom and pan, and the zoom in the URL. The maths
//! is the pure `geo::view` and `geo::camera`; this holds the live transforms.

use leptos::prelude::*;

use crate::dom::prefers_reduced_motion;
use crate::geo::scene::{MapView, Pane};
use crate::geo::view::{MAX_ZOOM, MIN_ZOOM, ease};
use crate::geo::{ViewTransform, Viewport, camera};
use crate::state::AppState;

/// How long a move between views takes, when motion is welcome.
const MOVE_MS: f64 = 450.0;

/// The live windows, and a generation that any newer move bumps (stopping an animation).
#[derive(Clone, Copy)]
pub struct MapCamera {
    pub transforms: RwSignal<Vec<ViewTransform>>,
    pub panes: Memo<Vec<Pane>>,
    generation: StoredValue<u32>,
}

impl MapCamera {
    pub fn new(panes: Memo<Vec<Pane>>) -> Self {
        Self {
            transforms: RwSignal::new(panes.get_untracked().iter().map(|p| p.transform).collect()),
            panes,
            generation: StoredValue::new(0),
        }
    }

    fn interrupt(&self) {
        self.generation.update_value(|n| *n += 1);
    }

    /// Zooms by `factor` about a screen point of one pane (or about each pane's centre),
    /// within limits relative to the fitted window.
    pub fn zoom_at(&self, pane: Option<usize>, sx: f64, sy: f64, factor: f64) {
        let fitted = self.panes.get_untracked();
        self.interrupt();
        self.transforms.update(|t| {
            for (i, tr) in t.iter_mut().enumerate() {
                if pane.is_none_or(|p| p == i) {
                    let k0 = fitted[i].transform.k;
                    let (cx, cy) = if pane.is_some() { (sx, sy) } else { camera::centre(&fitted[i]) };
                    *tr = tr.zoom_about(cx, cy, factor, k0 * MIN_ZOOM, k0 * MAX_ZOOM);
                }
            }
        });
    }

    /// Moves one pane's window (or all) by screen pixels.
    pub fn pan_by(&self, pane: Option<usize>, dx: f64, dy: f64) {
        self.interrupt();
        self.transforms.update(|t| {
            for (i, tr) in t.iter_mut().enumerate() {
                if pane.is_none_or(|p| p == i) {
                    *tr = tr.pan(dx, dy);
                }
            }
        });
    }

    /// Back to the fitted windows.
    pub fn reset(&self) {
        self.interrupt();
        self.transforms.set(self.panes.get_untracked().iter().map(|p| p.transform).collect());
    }

    /// The pane under screen point `x`.
    pub fn pane_at(&self, x: f64) -> usize {
        self.panes.get_untracked().iter().position(|p| x >= p.rect.x && x < p.rect.x + p.rect.w).unwrap_or(0)
    }

    /// Keeps the windows in step with the view, the frame's size and the URL's zoom.
    /// Nothing moves before the frame is measured (`ready`): the first fitting is for the
    /// real frame, with the URL's zoom.
    pub fn follow(self, state: AppState, view: Memo<MapView>, size: Memo<Viewport>, ready: Memo<bool>) {
        let (transforms, panes) = (self.transforms, self.panes);
        // A new view (or size) moves the windows to their fitted place: animated between
        // two windows of the same kind, at once otherwise or when the reader prefers less
        // motion; at first and on a resize, the zoom the URL asked for is kept.
        Effect::new(move |previous: Option<Option<(MapView, Viewport)>>| {
            if !ready.get() {
                return None;
            }
            let previous = previous.flatten();
            let (v, vp) = (view.get(), size.get());
            let targets: Vec<ViewTransform> = panes.get().iter().map(|p| p.transform).collect();
            let from = transforms.get_untracked();
            let view_changed = matches!(previous, Some((pv, _)) if pv != v);
            let animate = view_changed
                && matches!(previous, Some((_, pvp)) if pvp == vp)
                && from.len() == targets.len()
                && !prefers_reduced_motion();
            self.interrupt();
            if animate {
                animate_to(transforms, from, targets, vp, self.generation);
            } else if let (Some(z), [p], false) =
                (state.map_zoom.get_untracked(), panes.get_untracked().as_slice(), view_changed)
            {
                transforms.set(vec![camera::window_at(p, z)]);
            } else {
                transforms.set(targets);
            }
            Some((v, vp))
        });
        // The zoom in the URL: written when the reader moves a one-pane map, the window
        // snapped to what the URL keeps (a shared link then opens exactly this window).
        Effect::new(move |_| {
            let now = transforms.get();
            if !ready.get_untracked() {
                return;
            }
            let fitted = panes.get_untracked();
            if let Some(snap) = camera::snapped(&now, &fitted) {
                transforms.set(vec![snap]);
                return;
            }
            let z = camera::zoom_of(&now, &fitted);
            if state.map_zoom.get_untracked() != z {
                state.map_zoom.set(z);
            }
        });
        // ... and applied when the URL changes (a shared link, Back and Forward).
        Effect::new(move |_| {
            let wanted = state.map_zoom.get();
            if !ready.get_untracked() {
                return;
            }
            let now = transforms.get_untracked();
            let fitted = panes.get_untracked();
            if camera::zoom_of(&now, &fitted) == wanted {
                return;
            }
            if let ([p], Some(z)) = (fitted.as_slice(), wanted) {
                self.interrupt();
                transforms.set(vec![camera::window_at(p, z)]);
            } else if wanted.is_none() && fitted.len() == now.len() {
                self.interrupt();
                transforms.set(fitted.iter().map(|p| p.transform).collect());
            }
        });
    }
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Moves the windows from `from` to `to` over [`MOVE_MS`], one frame at a time; a newer
/// move or any reader action (which bumps `generation`) stops it.
fn animate_to(
    transforms: RwSignal<Vec<ViewTransform>>,
    from: Vec<ViewTransform>,
    to: Vec<ViewTransform>,
    vp: Viewport,
    generation: StoredValue<u32>,
) {
    let mine = generation.get_value();
    let start = now_ms();
    fn frame(
        transforms: RwSignal<Vec<ViewTransform>>,
        from: Vec<ViewTransform>,
        to: Vec<ViewTransform>,
        vp: Viewport,
        generation: StoredValue<u32>,
        mine: u32,
        start: f64,
    ) {
        // try_: the map may be gone by this frame.
        if generation.try_get_value() != Some(mine) {
            return;
        }
        let t = ((now_ms() - start) / MOVE_MS).min(1.0);
        let e = ease(t);
        transforms.set(from.iter().zip(&to).map(|(a, b)| a.interpolate(b, e, vp)).collect());
        if t < 1.0 {
            request_animation_frame(move || frame(transforms, from, to, vp, generation, mine, start));
        }
    }
    request_animation_frame(move || frame(transforms, from, to, vp, generation, mine, start));
}
