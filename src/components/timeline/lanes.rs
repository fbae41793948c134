//! The lanes: one per kind, each item's box at its dates on the first row where it fits
//! (the pure [`layout`]); undated and proposed items folded into one row that opens on
//! demand; zoom and pan by buttons, keys, wheel and drag; selection and the time cursor
//! applied in place.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MIN_DAYS;
use super::boxes::{DrawnLayout, Place, along, follow_in_place, keep_drawn};
use crate::components::t;
use crate::dom::attr;
use crate::geo::interaction::{WheelUnit, ZOOM_STEP, wheel_zoom_factor};
use crate::i18n::Msg;
use crate::i18n::timeline::{axis_markup, item_box_markup};
use crate::model::number::{Fixed, Plain};
use crate::model::time::{TimeScale, not_begun, ticks};
use crate::model::timeline::{ItemBox, MAX_DRAWN_BOXES, ROW_PX, Sight, boxes_in_sight, layout};
use crate::model::{Dataset, Item, ItemKind};
use crate::state::AppState;

/// The font size of the boxes' titles in CSS pixels (0.8 rem), for the layout's estimate
/// of how much room a title needs.
fn title_font_px() -> f64 {
    crate::dom::root_font_px() * 0.8
}

/// The lanes: one per kind, each item's box at its dates (a month-precise item spans its
/// month) on the first row where it fits; undated and proposed items folded into one row
/// that opens on demand.
#[component]
pub fn Lanes(
    dataset: Arc<Dataset>,
    shown_days: RwSignal<(f64, f64)>,
    extent: (f64, f64),
    zoom_step: impl Fn(f64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lanes_ref = NodeRef::<html::Div>::new();
    let track_ref = NodeRef::<html::Div>::new();
    // The boxes and the axis are drawn once the track is measured, for its real width.
    let track = crate::dom::use_element_size(track_ref, crate::dom::Frame::TimelineTrack);
    let width = Memo::new(move |_| track.get().map_or(600.0, |t| t.width));
    let ready = Memo::new(move |_| track.with(Option::is_some));
    let font_px = title_font_px();
    let scale = move || {
        let (from, to) = shown_days.get();
        TimeScale { from, to, x0: 0.0, x1: width.get() }
    };
    let shown = crate::components::shown_items(&dataset);

    // The layout, and the dataset positions of the items it placed (in its own order).
    let drawn_layout: DrawnLayout = {
        let ds = dataset.clone();
        Memo::new(move |_| {
            let positions: Vec<usize> = shown.get();
            let refs: Vec<&Item> = positions.iter().map(|&n| &ds.items[n]).collect();
            (layout(&refs, ItemKind::ALL, &scale(), state.lang.get(), font_px), positions)
        })
    };

    // Thousands of boxes: only those in sight are drawn, the lanes keeping their height.
    // The sight moves by bands of a few rows as the lanes scroll, so that scrolling
    // redraws nothing until a new band comes in sight.
    let body_ref = NodeRef::<html::Div>::new();
    let many = Memo::new(move |_| drawn_layout.with(|(l, _)| l.boxes() > MAX_DRAWN_BOXES));
    let band = RwSignal::new(0_i64);
    crate::dom::use_event(lanes_ref, "scroll", true, move |_: web_sys::Event| {
        let (Some(lanes), Some(body)) = (lanes_ref.get_untracked(), body_ref.get_untracked()) else { return };
        let down = f64::from(lanes.scroll_top() - body.offset_top()).max(0.0);
        let now = (down / BAND_PX).floor() as i64;
        if band.get_untracked() != now {
            band.set(now);
        }
    });
    // The lanes' height, read when the band, the width or the window changes, not again
    // when only the layout does (a filter): read then, after the filter's changes to the
    // page, it laid the page out on the spot, once more than its frame does.
    // (The window's own height, which needs no layout to read, tells a window resized or a
    // phone's address bar folded away.)
    // Kept with what it was read for: (band, track width, window height).
    let seen_height = StoredValue::new(None::<((i64, f64, f64), f64)>);
    let in_sight = Memo::new(move |_| {
        let sight = many.get().then(|| {
            let (band, width) = (band.get(), width.get());
            let window_height = if cfg!(target_arch = "wasm32") {
                window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0)
            } else {
                0.0
            };
            let key = (band, width, window_height);
            let height = match seen_height.get_value() {
                Some((k, h)) if k == key => h,
                _ => {
                    let h = lanes_ref.get_untracked().map_or(800.0, |l| f64::from(l.client_height()));
                    seen_height.set_value(Some((key, h)));
                    h
                }
            };
            let top = band as f64 * BAND_PX;
            Sight { top, bottom: top + height + BAND_PX, width, margin: 2.0 * BAND_PX }
        });
        drawn_layout.with(|(l, _)| boxes_in_sight(l, sight))
    });

    // The box the keyboard is on: kept drawn while the lanes scroll away from it (read when
    // the sight moves, not tracked: a box is never taken away under a focus moving on).
    let focused_box = StoredValue::new(None::<String>);
    let on_focus = move |e: web_sys::FocusEvent| {
        let id = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".timeline-item[data-item]").ok().flatten())
            .map(|el| attr(&el, "data-item"));
        focused_box.set_value(id);
    };
    let on_blur = move |e: web_sys::FocusEvent| {
        // Out of the lanes (not from one box to the next).
        let inside = e
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(lanes_ref.get_untracked())
            .is_some_and(|(to, lanes)| lanes.contains(Some(&to)));
        if !inside {
            focused_box.set_value(None);
        }
    };

    // One lane per kind, drawn once and hidden while its kind has no box: a filter or a
    // zoom moves the boxes within their lanes, and keeps every box still drawn (the
    // keyboard focus with it).
    let ds = dataset.clone();
    let lane = move |kind: ItemKind| {
        let ds = ds.clone();
        // This kind's lane in the layout, and its index there.
        let at = move |l: &crate::model::timeline::TimelineLayout| l.lanes.iter().position(|lane| lane.kind == kind);
        let height = move || {
            let rows = drawn_layout.with(|(l, _)| at(l).map_or(0, |k| l.lanes[k].rows));
            format!("{}px", Plain(rows as f64 * ROW_PX))
        };
        // The boxes of this lane in sight (their indices in the lane), each drawn once while
        // it stays.
        let in_lane = ds.clone();
        let drawn_here = move || {
            in_sight.with(|sight| {
                drawn_layout.with_untracked(|(l, positions)| {
                    let Some(k) = at(l) else { return Vec::new() };
                    let lane = &l.lanes[k];
                    let mut drawn = sight.get(k).cloned().unwrap_or_default();
                    // The box with the keyboard focus stays drawn out of sight.
                    focused_box.with_value(|f| {
                        let at = f
                            .as_deref()
                            .and_then(|id| lane.boxes.iter().position(|b| in_lane.items[positions[b.index]].id == id));
                        if let Some(i) = at.filter(|i| !drawn.contains(i)) {
                            drawn.push(i);
                            drawn.sort_unstable();
                        }
                    });
                    drawn
                })
            })
        };
        // Each new box drawn pressed and faded as the selection and the cursor are now;
        // later changes are applied in place (`follow_in_place`).
        let write = move |track: Option<&web_sys::Element>, lang, fresh: bool| -> String {
            let drawn = drawn_here();
            let selected = state.selection.with_untracked(|s| s.item().map(str::to_owned));
            let (cursor, width) = (state.cursor.get_untracked(), width.get_untracked());
            drawn_layout.with_untracked(|(l, positions)| {
                let boxes: Vec<&ItemBox> =
                    at(l).map_or_else(Vec::new, |k| drawn.iter().map(|&i| &l.lanes[k].boxes[i]).collect());
                let item = |b: &ItemBox| &ds.items[positions[b.index]];
                let new_box = |n: usize| {
                    let (b, item) = (boxes[n], item(boxes[n]));
                    let (pressed, future) =
                        (selected.as_deref() == Some(item.id.as_str()), not_begun(Some(b.start), cursor));
                    let place = Place::of(b, width);
                    let style = track.is_none().then(|| place.inline());
                    (item_box_markup(item, lang, b.start, pressed, future, style.as_deref()), place)
                };
                match track {
                    Some(track) => {
                        let ids: Vec<&str> = boxes.iter().map(|&b| item(b).id.as_str()).collect();
                        keep_drawn(track, fresh, &ids, &new_box);
                        String::new()
                    }
                    // The pre-rendered page's: all at once, in place.
                    None => (0..boxes.len()).map(|n| new_box(n).0).collect(),
                }
            })
        };
        let track = NodeRef::<html::Div>::new();
        let now = (!cfg!(target_arch = "wasm32")).then(|| untrack(|| write(None, state.lang.get(), true)));
        let mut written = None;
        crate::dom::effect(move || {
            let lang = state.lang.get();
            in_sight.track();
            let Some(el) = track.get() else { return };
            write(Some(&el), lang, written.replace(lang) != Some(lang));
        });
        view! {
            <div class="lane" data-lane=kind.slug() hidden=move || drawn_layout.with(|(l, _)| at(l).is_none())>
                <div class="lane__label">{move || kind.label(state.lang.get())}</div>
                <div class="lane__track" style:height=height node_ref=track inner_html=now></div>
            </div>
        }
    };
    let lanes = move || ItemKind::ALL.iter().map(|&kind| lane(kind)).collect_view();
    // Dataset positions of the undated items: they do not move with the time window.
    let undated_items = Memo::new(move |_| {
        drawn_layout.with(|(l, positions)| l.undated.iter().map(|&i| positions[i]).collect::<Vec<usize>>())
    });
    // The axis's ticks for the shown window, and where each stands.
    let axis_ticks = move || {
        let s = scale();
        let ticks = ticks(&s, 70.0);
        let lefts: Vec<String> = ticks.iter().map(|tick| along(s.x(tick.day as f64), s.x1)).collect();
        (ticks, lefts)
    };
    // Written as markup at each change of the window or the language, each tick placed
    // through its style object (a typed view per tick cost the first module more).
    let axis_now = (!cfg!(target_arch = "wasm32"))
        .then(|| {
            untrack(|| {
                ready.get().then(|| {
                    let (ticks, lefts) = axis_ticks();
                    axis_markup(&ticks, state.lang.get(), Some(&lefts))
                })
            })
        })
        .flatten();
    crate::dom::effect(move || {
        let (lang, ready) = (state.lang.get(), ready.get());
        let Some(axis) = track_ref.get().filter(|_| ready) else { return };
        let (ticks, lefts) = axis_ticks();
        axis.set_inner_html(&axis_markup(&ticks, lang, None));
        let (mut n, mut at) = (0, axis.first_element_child());
        while let (Some(el), Some(left)) = (at, lefts.get(n)) {
            crate::dom::set_style(&el, "left", left);
            (n, at) = (n + 1, el.next_element_sibling());
        }
    });
    // The time cursor's line, hidden while there is none.
    let cursor_left =
        move || state.cursor.get().map(|c| format!("calc(var(--gutter) + {}px)", Fixed(scale().x((c + 1) as f64), 1)));
    let cursor_ref = NodeRef::<html::Div>::new();
    let cursor_now = (!cfg!(target_arch = "wasm32")).then(|| untrack(cursor_left)).flatten();
    let (cursor_hidden, cursor_style) = (cursor_now.is_none(), cursor_now.map(|left| format!("left:{left};")));
    crate::dom::effect(move || {
        let left = cursor_left();
        let Some(line) = cursor_ref.get() else { return };
        line.set_hidden(left.is_none());
        if let Some(left) = left {
            crate::dom::set_style(&line, "left", &left);
        }
    });

    // Wheel zooms about the pointer (the listener is not passive).
    crate::dom::use_wheel(lanes_ref, move |e: web_sys::WheelEvent| {
        let Some(track) = track_ref.get_untracked() else { return };
        e.prevent_default();
        let x = f64::from(e.client_x()) - track.get_bounding_client_rect().left();
        let factor = wheel_zoom_factor(e.delta_y(), WheelUnit::from_delta_mode(e.delta_mode()));
        let z = scale().zoom_about(x, factor, MIN_DAYS, extent.1 - extent.0);
        shown_days.set((z.from, z.to));
    });
    // Drag pans (only once it is a drag, so item clicks still work).
    let drag = StoredValue::new(None::<(i32, f64, bool)>);
    let on_down = move |e: web_sys::PointerEvent| {
        if e.button() == 0 {
            drag.set_value(Some((e.pointer_id(), f64::from(e.client_x()), false)));
        }
    };
    let on_move = move |e: web_sys::PointerEvent| {
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
    };
    let on_up = move |_e: web_sys::PointerEvent| drag.set_value(None);
    let swallow_click_after_drag = move |e: web_sys::MouseEvent| {
        if matches!(drag.get_value(), Some((_, _, true))) {
            e.stop_propagation();
            e.prevent_default();
        }
    };
    // One listener for every box (a click, or Enter/Space on a focused box), not one each.
    let on_item_click = move |e: web_sys::MouseEvent| {
        if e.default_prevented() {
            return;
        }
        let item = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".timeline-item[data-item]").ok().flatten());
        if let Some(id) = item.map(|el| attr(&el, "data-item")) {
            state.select_item(id);
        }
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
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
    };

    // Listened to by the lanes' frame, one listener per event for every box in it.
    use crate::dom::{use_capture, use_event};
    use_event(lanes_ref, "pointerdown", true, on_down);
    use_event(lanes_ref, "pointermove", true, on_move);
    use_event(lanes_ref, "pointerup", true, on_up);
    use_event(lanes_ref, "pointercancel", true, on_up);
    use_capture(lanes_ref, "click", swallow_click_after_drag);
    use_event(lanes_ref, "click", false, on_item_click);
    use_event(lanes_ref, "keydown", false, on_key);
    use_event(lanes_ref, "focusin", true, on_focus);
    use_event(lanes_ref, "focusout", true, on_blur);

    let drawn = view! {
        // A widget of its own keys (WAI-ARIA's "application", named as a timeline), the keys
        // said in its description.
        <div class="timeline-lanes" node_ref=lanes_ref tabindex="0" role="application"
            aria-roledescription=t(Msg::LanesRole) aria-label=t(Msg::LanesLabel) aria-describedby="lanes-keys">
            <p class="visually-hidden" id="lanes-keys">{t(Msg::LanesKeys)}</p>
            <div class="axis-row" aria-hidden="true">
                <div class="axis" node_ref=track_ref inner_html=axis_now></div>
            </div>
            <div class="timeline-body" node_ref=body_ref>
                <div class="timeline-cursor" aria-hidden="true" node_ref=cursor_ref hidden=cursor_hidden
                    style=cursor_style></div>
                {move || ready.get().then(&lanes)}
            </div>
            // Under the lanes, once they are drawn (it would move down when they are).
            {
                let ds = dataset.clone();
                move || ready.get().then(|| view! { <super::undated::UndatedRow dataset=ds.clone() items=undated_items /> })
            }
        </div>
    };
    follow_in_place(lanes_ref, dataset, drawn_layout, width, in_sight);
    drawn
}

/// How far the lanes scroll before the boxes in sight are drawn again: a few rows.
const BAND_PX: f64 = ROW_PX * 4.0;
