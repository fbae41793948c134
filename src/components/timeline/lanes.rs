//! The lanes: one per kind (`lane`), each item's box at its dates on the first row where it
//! fits (the pure [`layout`]), only those in sight drawn; undated and proposed items folded
//! into one row that opens on demand; zoom and pan by keys, wheel and drag (`gestures`);
//! selection and the time cursor applied in place (`boxes`).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::boxes::{DrawnLayout, along, follow_in_place};
use crate::components::t;
use crate::dom::attr;
use crate::i18n::Msg;
use crate::i18n::timeline::axis_markup;
use crate::model::number::Fixed;
use crate::model::time::{TimeScale, ticks};
use crate::model::timeline::{MAX_DRAWN_BOXES, ROW_PX, Sight, boxes_in_sight, layout};
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

    // One lane per kind (`lane`), each kept drawn in place.
    let each = super::lane::Lanes { state, drawn_layout, in_sight, width, focused_box };
    let ds = dataset.clone();
    let lanes = move || ItemKind::ALL.iter().map(|&kind| super::lane::lane(kind, ds.clone(), each)).collect_view();
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

    // Wheel, drag and keys: zoom and pan.
    super::gestures::use_gestures(lanes_ref, track_ref, scale, shown_days, extent, zoom_step);

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
    // Listened to by the lanes' frame, one listener per event for every box in it.
    use crate::dom::use_event;
    use_event(lanes_ref, "click", false, on_item_click);
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
