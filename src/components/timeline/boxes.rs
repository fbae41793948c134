//! The timeline's boxes as drawn: what each shows and where it stands, and the passes that
//! keep the drawn boxes right in place (their places, the pressed one, the not-begun ones)
//! instead of drawing them again.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::{attr, for_each, set_class};
use crate::model::Dataset;
use crate::model::number::Fixed;
use crate::model::time::not_begun;
use crate::model::timeline::{ItemBox, ROW_PX, TimelineLayout};
use crate::state::AppState;

/// A length along the track, `x` of its `width` pixels: in pixels in the browser, in percent
/// of the track on the pre-rendered page (drawn for one width, shown at whatever the
/// reader's is).
pub(super) fn along(x: f64, width: f64) -> String {
    if cfg!(target_arch = "wasm32") {
        format!("{}px", Fixed(x, 1))
    } else {
        format!("{}%", Fixed(x / width * 100.0, 3))
    }
}

/// Where a box is drawn on a track `track` pixels wide, as its style properties say.
#[derive(Clone, PartialEq)]
pub(super) struct Place {
    pub left: String,
    pub width: String,
    pub top: String,
}

impl Place {
    pub(super) fn of(b: &ItemBox, track: f64) -> Self {
        Self {
            left: along(b.x, track),
            width: along(b.width, track),
            top: format!("{}px", Fixed(b.row as f64 * ROW_PX, 0)),
        }
    }

    /// As an inline style (the pre-rendered page's, which its first script sets through the
    /// CSSOM: `crate::poster`).
    pub(super) fn inline(&self) -> String {
        format!("left:{};width:{};top:{};", self.left, self.width, self.top)
    }

    /// Sets the three properties, without reading them back first: the browser changes
    /// nothing for a value it already has, and reading each back was a call into the page
    /// per property per box (about 900 for a filter: several milliseconds of its frame).
    fn apply(&self, style: &web_sys::CssStyleDeclaration) {
        for (name, value) in [("left", &self.left), ("width", &self.width), ("top", &self.top)] {
            let _ = style.set_property(name, value);
        }
    }
}

/// A box to draw: its markup (`i18n::timeline::item_box_markup`) and its place.
pub(super) type NewBox<'a> = &'a dyn Fn(usize) -> (String, Place);

/// Keeps drawn on a lane's `track` the boxes of the items `ids`, in that order: a box
/// drawn already is kept (and the keyboard focus on it), moved only if it is out of order;
/// one not drawn is written from `new_box(its index in ids)`; the others go. `fresh`: all
/// written anew (another language). A keyed list of its own rather than Leptos' `For` of
/// a typed view per box (issue 25); the places of the kept ones follow the layout by
/// [`follow_in_place`].
pub(super) fn keep_drawn(track: &web_sys::Element, fresh: bool, ids: &[&str], new_box: NewBox) {
    if fresh {
        track.set_inner_html("");
    }
    // The boxes drawn, found by item (a table by id to a number, of which the first module
    // has one already, not one to an element: a copy of the hash table's code less); those
    // of `ids` kept in their order, the others gone.
    let (mut drawn, mut at) = (Vec::new(), crate::collections::HashMap::<String, usize>::default());
    for_each(track, ":scope > .timeline-item", |el| {
        at.insert(attr(el, "data-item"), drawn.len());
        drawn.push(Some(el.clone()));
    });
    let mut kept: Vec<Option<web_sys::Element>> =
        ids.iter().map(|id| at.remove(*id).and_then(|n| drawn[n].take())).collect();
    for el in drawn.into_iter().flatten() {
        el.remove();
    }
    // The box that stands where the next one should.
    let mut next = track.first_element_child();
    for (n, slot) in kept.iter_mut().enumerate() {
        let Some(el) = slot.take() else {
            let (markup, place) = new_box(n);
            let written = match &next {
                Some(at) => {
                    at.insert_adjacent_html("beforebegin", &markup).ok().and_then(|_| at.previous_element_sibling())
                }
                None => track.insert_adjacent_html("beforeend", &markup).ok().and_then(|_| track.last_element_child()),
            };
            if let Some(el) = written.as_ref().and_then(|el| el.dyn_ref::<web_sys::HtmlElement>()) {
                place.apply(&el.style());
            }
            continue;
        };
        if next.as_ref() == Some(&el) {
            next = el.next_element_sibling();
        } else {
            let _ = track.insert_before(&el, next.as_ref().map(|n| n.as_ref()));
        }
    }
}

/// The layout and the dataset positions of the items it placed (in its own order).
pub(super) type DrawnLayout = Memo<(TimelineLayout, Vec<usize>)>;

/// Keeps the boxes drawn under `lanes` right without drawing them again: the pressed box
/// follows the selection, the boxes kept move to their places in a new layout, and those
/// not begun at the cursor are faded. The first pass with boxes in place marks the
/// timeline drawn, for the benchmark.
pub(super) fn follow_in_place(
    lanes: NodeRef<html::Div>,
    dataset: std::sync::Arc<Dataset>,
    drawn_layout: DrawnLayout,
    width: Memo<f64>,
    in_sight: Memo<Vec<Vec<usize>>>,
) {
    let state = expect_context::<AppState>();
    // The pressed box follows the selection: two attributes change, instead of one
    // reactive closure per box (10,000 of them in the benchmark) on every redraw.
    crate::dom::effect(move || {
        let selected = state.selected_item();
        drawn_layout.track();
        let Some(root) = lanes.get() else { return };
        for_each(&root, r#".timeline-item[aria-pressed="true"]"#, |el| {
            let _ = el.set_attribute("aria-pressed", "false");
        });
        let Some(id) = selected.filter(|id| crate::model::validate::is_id(id)) else { return };
        if let Ok(Some(el)) = root.query_selector(&format!(r#".timeline-item[data-item="{id}"]"#)) {
            let _ = el.set_attribute("aria-pressed", "true");
        }
    });
    // The boxes kept drawn (one per item) moved to their places in the new layout: three
    // style properties each, instead of a box drawn anew for every move.
    crate::dom::effect(move || {
        let track = width.get();
        in_sight.track();
        let Some(root) = lanes.get() else { return };
        let ds = dataset.clone();
        // After every effect of this change (the lanes' redraw among them), before the paint.
        request_animation_frame(move || {
            // The drawn boxes (a few hundred) by item, then their places in the layout.
            let mut boxes = crate::collections::HashMap::default();
            for_each(&root, ".timeline-item[data-item]", |el| {
                boxes.insert(attr(el, "data-item"), el.clone());
            });
            let _ = drawn_layout.try_with_untracked(|(l, positions)| {
                for b in l.lanes.iter().flat_map(|lane| &lane.boxes) {
                    let el = boxes.get(&ds.items[positions[b.index]].id);
                    if let Some(el) = el.and_then(|el| el.dyn_ref::<web_sys::HtmlElement>()) {
                        Place::of(b, track).apply(&el.style());
                    }
                }
            });
        });
    });
    // Not begun at the cursor: one pass over the drawn boxes (a few hundred at most: only
    // those in sight are drawn) after each cursor move or redraw, instead of one reactive
    // class per box.
    let (marked, mark_drawn) = (StoredValue::new(false), crate::components::drawn_marker(false));
    crate::dom::effect(move || {
        let cursor = state.cursor.get();
        drawn_layout.track();
        let Some(root) = lanes.get() else { return };
        let mark_drawn = mark_drawn.clone();
        // After every effect of this change (the lanes' redraw among them), before the paint.
        request_animation_frame(move || {
            let mut any = false;
            for_each(&root, ".timeline-item[data-start]", |el| {
                any = true;
                let start: i64 = el.get_attribute("data-start").and_then(|s| s.parse().ok()).unwrap_or(i64::MIN);
                set_class(el, "is-future", not_begun(Some(start), cursor));
            });
            // try_: the lanes may be gone by this frame.
            if any && marked.try_get_value() == Some(false) {
                marked.set_value(true);
                mark_drawn();
            }
        });
    });
}
