//! The reader's hands on the map: one pointer drags, two pinch, the wheel zooms about the
//! pointer, a double click zooms in, keys pan and zoom, a click or Enter selects, hovering
//! or focusing a mark highlights what it connects. Each listener is a hook on the map's
//! frame that goes away with it.

use crate::geo::math;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MapCtx;
use crate::dom::{attr, use_event, use_wheel};
use crate::geo::interaction::{Hover, Pointers, WheelUnit, ZOOM_STEP, pinch_zoom_factor, wheel_zoom_factor};
use crate::geo::marks::Looks;

/// Pan step of the arrow keys, in pixels.
const PAN_STEP: f64 = 60.0;

pub fn attach(
    ctx: MapCtx,
    looks: Memo<Looks>,
    hover: RwSignal<Option<Hover>>,
    focused_site: StoredValue<Option<String>>,
) {
    let MapCtx { state, camera, frame, style, large, grid, scene, .. } = ctx;
    // Where an event is, in the map's pixels.
    let local = move |e: &web_sys::MouseEvent| -> (f64, f64) {
        ctx.world.get_untracked().map_or((0.0, 0.0), |svg| {
            let r = svg.get_bounding_client_rect();
            (f64::from(e.client_x()) - r.left(), f64::from(e.client_y()) - r.top())
        })
    };

    // Bulk drawing: the shown site whose marker is nearest to a point of the map (the
    // canvas is painted for the current windows), within the pointer's reach.
    let nearest_site = move |(x, y): (f64, f64)| -> Option<String> {
        let pane = camera.pane_at(x);
        let t = camera.transforms.get_untracked().get(pane).copied()?;
        let region = camera.panes.get_untracked().get(pane).and_then(|p| p.region);
        let reach = (style.get_untracked().radius + 4.0) / t.k;
        let i = looks.with_untracked(|looks| {
            scene.with_value(|scene| {
                grid.with_value(|g| {
                    g.as_ref()?.nearest(t.invert((x, y)), reach, |i| {
                        !looks.sites.get(i).is_some_and(|l| l.filtered_out)
                            && region.is_none_or(|side| scene.sites[i].side == side)
                    })
                })
            })
        })?;
        scene.with_value(|s| Some(s.sites[i].id.clone()))
    };

    // Pointers: one drags, two pinch. A drag of more than a few pixels is not a click.
    let pointers = StoredValue::new(Pointers::default());
    let dragged = StoredValue::new(false);
    use_event(frame, "pointerdown", true, move |e: web_sys::PointerEvent| {
        if e.button() != 0 {
            return;
        }
        let p = local(&e);
        pointers.update_value(|m| m.set(e.pointer_id(), p));
        if pointers.with_value(Pointers::len) == 1 {
            dragged.set_value(false);
        }
    });
    use_event(frame, "pointermove", true, move |e: web_sys::PointerEvent| {
        let id = e.pointer_id();
        let Some(prev) = pointers.with_value(|m| m.get(id)) else { return };
        let p = local(&e);
        let other = pointers.with_value(|m| m.other_than(id));
        if let Some(other) = other {
            let before = math::hypot(prev.0 - other.0, prev.1 - other.1);
            let after = math::hypot(p.0 - other.0, p.1 - other.1);
            if before > 1.0 {
                let mid = ((p.0 + other.0) / 2.0, (p.1 + other.1) / 2.0);
                camera.zoom_at(Some(camera.pane_at(mid.0)), mid.0, mid.1, after / before);
            }
            dragged.set_value(true);
        } else {
            let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
            if !dragged.get_value() && math::hypot(dx, dy) <= 4.0 {
                return;
            }
            if !dragged.get_value() {
                // Capture only once it is a drag, so clicks still reach the marks.
                if let Some(f) = frame.get_untracked() {
                    let el: &web_sys::Element = f.as_ref();
                    let _ = el.set_pointer_capture(id);
                }
            }
            dragged.set_value(true);
            camera.pan_by(Some(camera.pane_at(p.0)), dx, dy);
        }
        pointers.update_value(|m| m.set(id, p));
    });
    let up = move |e: web_sys::PointerEvent| {
        pointers.update_value(|m| m.remove(e.pointer_id()));
    };
    use_event(frame, "pointerup", true, up);
    use_event(frame, "pointercancel", true, up);

    // Wheel and trackpad: zoom about the pointer, in whatever unit the engine counts.
    use_wheel(frame, move |e: web_sys::WheelEvent| {
        e.prevent_default();
        let (x, y) = local(&e);
        camera.zoom_at(
            Some(camera.pane_at(x)),
            x,
            y,
            wheel_zoom_factor(e.delta_y(), WheelUnit::from_delta_mode(e.delta_mode())),
        );
    });
    // Safari on a Mac pinches a trackpad with its own gesture events, not pointers or
    // ctrl+wheel: without these the pinch would zoom the whole page, not the map.
    let pinch_scale = StoredValue::new(1.0_f64);
    use_event(frame, "gesturestart", false, move |e: web_sys::Event| {
        e.prevent_default();
        pinch_scale.set_value(1.0);
    });
    use_event(frame, "gesturechange", false, move |e: web_sys::MouseEvent| {
        e.prevent_default();
        // GestureEvent is not in web-sys (Apple only): its scale is read as a property.
        let scale = js_sys::Reflect::get(&e, &"scale".into()).ok().and_then(|v| v.as_f64()).unwrap_or(1.0);
        let (x, y) = local(&e);
        camera.zoom_at(Some(camera.pane_at(x)), x, y, pinch_zoom_factor(pinch_scale.get_value(), scale));
        pinch_scale.set_value(scale);
    });
    use_event(frame, "dblclick", true, move |e: web_sys::MouseEvent| {
        let (x, y) = local(&e);
        camera.zoom_at(Some(camera.pane_at(x)), x, y, ZOOM_STEP * ZOOM_STEP);
    });

    let select_from = move |target: &web_sys::Element| -> bool {
        if let Ok(Some(el)) = target.closest("[data-site]") {
            state.select_site(attr(&el, "data-site"));
            true
        } else if let Ok(Some(el)) = target.closest(".link[data-item]") {
            state.select_item(attr(&el, "data-item"));
            true
        } else {
            false
        }
    };
    use_event(frame, "click", true, move |e: web_sys::MouseEvent| {
        if dragged.get_value() {
            dragged.set_value(false);
            return;
        }
        let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if !select_from(&t)
            && large
            && let Some(id) = nearest_site(local(&e))
        {
            state.select_site(id);
        }
    });
    use_event(frame, "keydown", false, move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let handled = match e.key().as_str() {
            "Enter" | " " => target.as_ref().is_some_and(select_from),
            "ArrowLeft" => {
                camera.pan_by(None, PAN_STEP, 0.0);
                true
            }
            "ArrowRight" => {
                camera.pan_by(None, -PAN_STEP, 0.0);
                true
            }
            "ArrowUp" => {
                camera.pan_by(None, 0.0, PAN_STEP);
                true
            }
            "ArrowDown" => {
                camera.pan_by(None, 0.0, -PAN_STEP);
                true
            }
            "+" | "=" => {
                camera.zoom_at(None, 0.0, 0.0, ZOOM_STEP);
                true
            }
            "-" | "_" => {
                camera.zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP);
                true
            }
            "0" => {
                camera.reset();
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });

    // What the pointer or the focus is on lights up what it connects.
    let hover_from = move |target: Option<web_sys::EventTarget>| {
        let el = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let next = el.and_then(|el| {
            if let Ok(Some(s)) = el.closest("[data-site]") {
                Some(Hover::Site(attr(&s, "data-site")))
            } else if let Ok(Some(l)) = el.closest(".link[data-item]") {
                Some(Hover::Item(attr(&l, "data-item")))
            } else {
                None
            }
        });
        if hover.get_untracked() != next {
            hover.set(next);
        }
    };
    use_event(frame, "pointerover", true, move |e: web_sys::PointerEvent| hover_from(e.target()));
    // Bulk drawing: the marker nearest the pointer, when no button is down.
    use_event(frame, "pointermove", true, move |e: web_sys::PointerEvent| {
        if !large || e.buttons() != 0 || pointers.with_value(|m| !m.is_empty()) {
            return;
        }
        let next = nearest_site(local(&e)).map(Hover::Site);
        if hover.get_untracked() != next {
            hover.set(next);
        }
    });
    use_event(frame, "pointerleave", true, move |_: web_sys::PointerEvent| hover.set(None));
    use_event(frame, "focusin", true, move |e: web_sys::FocusEvent| {
        let site =
            e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.get_attribute("data-site"));
        focused_site.set_value(site);
        hover_from(e.target());
    });
    use_event(frame, "focusout", true, move |e: web_sys::FocusEvent| {
        // The focus leaving for somewhere else (not a redraw removing the element).
        if e.related_target().is_some() {
            focused_site.set_value(None);
        }
        hover.set(None);
    });
}
