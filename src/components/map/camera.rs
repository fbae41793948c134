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
/// The camera owns the zoom: the reader's moves set the windows and, for a one-pane view,
/// the zoom the URL reads (`AppState::map_zoom`); a zoom asked for from elsewhere (a shared
/// link, Back and Forward, a tour's step) moves the windows there.
#[derive(Clone, Copy)]
pub struct MapCamera {
    pub transforms: RwSignal<Vec<ViewTransform>>,
    pub panes: Memo<Vec<Pane>>,
    state: AppState,
    generation: StoredValue<u32>,
    /// Whether the last move was a gesture's (a drag, the wheel, a pinch: more are coming)
    /// rather than a button's or a key's step.
    pub gesture: StoredValue<bool>,
}

impl MapCamera {
    pub fn new(panes: Memo<Vec<Pane>>, state: AppState) -> Self {
        Self {
            // In the browser, none until the first fitting, for the measured frame: what is
            // drawn for the windows waits for them, never drawn for a frame the page does not
            // have. The pre-rendered page (natively) is drawn for the fitted windows of the
            // frame it assumes.
            transforms: RwSignal::new(if cfg!(target_arch = "wasm32") {
                Vec::new()
            } else {
                panes.get_untracked().iter().map(|p| p.transform).collect()
            }),
            panes,
            state,
            generation: StoredValue::new(0),
            gesture: StoredValue::new(false),
        }
    }

    /// The current windows, each in its pane (untracked); `None` while the camera has not
    /// yet its windows for the panes of a new view or frame (its effect sets them next).
    pub fn current(&self) -> Option<Vec<Pane>> {
        let fitted = self.panes.get_untracked();
        self.transforms.with_untracked(|t| {
            (!t.is_empty() && t.len() == fitted.len())
                .then(|| fitted.iter().zip(t).map(|(p, t)| Pane { transform: *t, ..*p }).collect())
        })
    }

    fn interrupt(&self) {
        self.generation.update_value(|n| *n += 1);
    }

    /// A reader's move to `next`: a one-pane window is snapped to what the URL keeps (a
    /// shared link then opens exactly this window), and its zoom goes to the state.
    fn moved_to(&self, next: Vec<ViewTransform>, gesture: bool) {
        if next.is_empty() {
            // Before the first fitting: nothing to move.
            return;
        }
        self.gesture.set_value(gesture);
        let fitted = self.panes.get_untracked();
        let next = camera::snapped(&next, &fitted).map_or(next, |snap| vec![snap]);
        let zoom = camera::zoom_of(&next, &fitted);
        self.interrupt();
        self.transforms.set(next);
        if self.state.map_zoom.get_untracked() != zoom {
            self.state.map_zoom.set(zoom);
        }
    }

    /// Zooms by `factor` about a screen point of one pane (or about each pane's centre),
    /// within limits relative to the fitted window.
    pub fn zoom_at(&self, pane: Option<usize>, sx: f64, sy: f64, factor: f64) {
        let fitted = self.panes.get_untracked();
        let mut t = self.transforms.get_untracked();
        for (i, tr) in t.iter_mut().enumerate() {
            if pane.is_none_or(|p| p == i)
                && let Some(f) = fitted.get(i)
            {
                let k0 = f.transform.k;
                let (cx, cy) = if pane.is_some() { (sx, sy) } else { camera::centre(f) };
                *tr = tr.zoom_about(cx, cy, factor, k0 * MIN_ZOOM, k0 * MAX_ZOOM);
            }
        }
        self.moved_to(t, pane.is_some());
    }

    /// Moves one pane's window (or all) by screen pixels.
    pub fn pan_by(&self, pane: Option<usize>, dx: f64, dy: f64) {
        let mut t = self.transforms.get_untracked();
        for (i, tr) in t.iter_mut().enumerate() {
            if pane.is_none_or(|p| p == i) {
                *tr = tr.pan(dx, dy);
            }
        }
        self.moved_to(t, pane.is_some());
    }

    /// Back to the fitted windows.
    pub fn reset(&self) {
        self.moved_to(self.panes.get_untracked().iter().map(|p| p.transform).collect(), false);
    }

    /// The pane under screen point `x`.
    pub fn pane_at(&self, x: f64) -> usize {
        self.panes.get_untracked().iter().position(|p| x >= p.rect.x && x < p.rect.x + p.rect.w).unwrap_or(0)
    }

    /// Keeps the windows on the view, the frame's size and the zoom asked for: a new view
    /// moves them to its fitted windows (animated between two windows of the same size,
    /// at once otherwise or when the reader prefers less motion); a one-pane view keeps the
    /// state's zoom, at first, on a resize and when it is asked for. Nothing moves before
    /// the frame is measured (`ready`): the first fitting is for the real frame. This
    /// writes the windows only, never the zoom it reads.
    pub fn follow(self, view: Memo<MapView>, size: Memo<Viewport>, ready: Memo<bool>) {
        let (transforms, panes, state) = (self.transforms, self.panes, self.state);
        // The view and size last followed (none before the frame is measured).
        let mut followed = None::<(MapView, Viewport)>;
        crate::dom::effect(move || {
            if !ready.get() {
                followed = None;
                return;
            }
            let previous = followed;
            let (v, vp, zoom) = (view.get(), size.get(), state.map_zoom.get());
            let fitted = panes.get();
            let targets: Vec<ViewTransform> = match (zoom, fitted.as_slice()) {
                (Some(z), [p]) => vec![camera::window_at(p, z)],
                _ => fitted.iter().map(|p| p.transform).collect(),
            };
            let from = transforms.get_untracked();
            // Already there: the reader's own move, which wrote this zoom. (The first fitting
            // is always set: what is drawn for the windows waits for it.)
            followed = Some((v, vp));
            if previous.is_some() && from == targets {
                return;
            }
            let view_changed = matches!(previous, Some((pv, _)) if pv != v);
            let animate = view_changed
                && matches!(previous, Some((_, pvp)) if pvp == vp)
                && from.len() == targets.len()
                && !prefers_reduced_motion();
            self.interrupt();
            // An animation is many moves, like a gesture's.
            self.gesture.set_value(animate);
            if animate {
                animate_to(transforms, from, targets, vp, self.generation);
            } else {
                transforms.set(targets);
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
