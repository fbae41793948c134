//! The lanes' own keys and gestures: the wheel zooms about the pointer, a drag pans (a
//! click after a drag is not a click on a box), and + − 0 ← → zoom, reset and pan.

use leptos::html;
use leptos::prelude::*;

use crate::geo::interaction::{WheelUnit, ZOOM_STEP, wheel_zoom_factor};
use crate::model::time::TimeScale;

/// Listens on the lanes' frame `lanes` for the gestures that change `shown_days`, the
/// period shown: `track` is the axis (where the pointer is read from), `scale` the period
/// on the track now, `extent` the whole dataset's, and `zoom_step` zooms about the middle.
pub(super) fn use_gestures(
    lanes: NodeRef<html::Div>,
    track: NodeRef<html::Div>,
    scale: impl Fn() -> TimeScale + Copy + 'static,
    shown_days: RwSignal<(f64, f64)>,
    extent: (f64, f64),
    zoom_step: impl Fn(f64) + Copy + 'static,
) {
    use crate::dom::{use_capture, use_event};
    // Wheel zooms about the pointer (the listener is not passive).
    crate::dom::use_wheel(lanes, move |e: web_sys::WheelEvent| {
        let Some(track) = track.get_untracked() else { return };
        e.prevent_default();
        let x = f64::from(e.client_x()) - track.get_bounding_client_rect().left();
        let factor = wheel_zoom_factor(e.delta_y(), WheelUnit::from_delta_mode(e.delta_mode()));
        let z = scale().zoom_about(x, factor, super::MIN_DAYS, extent.1 - extent.0);
        shown_days.set((z.from, z.to));
    });
    // Drag pans (only once it is a drag, so item clicks still work).
    let drag = StoredValue::new(None::<(i32, f64, bool)>);
    use_event(lanes, "pointerdown", true, move |e: web_sys::PointerEvent| {
        if e.button() == 0 {
            drag.set_value(Some((e.pointer_id(), f64::from(e.client_x()), false)));
        }
    });
    use_event(lanes, "pointermove", true, move |e: web_sys::PointerEvent| {
        let Some((id, x, moved)) = drag.get_value() else { return };
        if id != e.pointer_id() {
            return;
        }
        let nx = f64::from(e.client_x());
        if moved || (nx - x).abs() > 4.0 {
            let s = scale().pan(nx - x);
            shown_days.set((s.from, s.to));
            drag.set_value(Some((id, nx, true)));
        }
    });
    let on_up = move |_e: web_sys::PointerEvent| drag.set_value(None);
    use_event(lanes, "pointerup", true, on_up);
    use_event(lanes, "pointercancel", true, on_up);
    // Before the boxes' own listener: the click that ends a drag selects nothing.
    use_capture(lanes, "click", move |e: web_sys::MouseEvent| {
        if matches!(drag.get_value(), Some((_, _, true))) {
            e.stop_propagation();
            e.prevent_default();
        }
    });
    use_event(lanes, "keydown", false, move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let handled = match e.key().as_str() {
            "+" | "=" => {
                zoom_step(ZOOM_STEP);
                true
            }
            "-" | "_" => {
                zoom_step(1.0 / ZOOM_STEP);
                true
            }
            "0" => {
                shown_days.set(extent);
                true
            }
            "ArrowLeft" | "ArrowRight" => {
                let s = scale().pan(if e.key() == "ArrowLeft" { 80.0 } else { -80.0 });
                shown_days.set((s.from, s.to));
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });
}
