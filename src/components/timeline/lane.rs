//! One kind's lane: its label, and on its track the boxes in sight, written as markup and
//! kept drawn by [`keep_drawn`] while they stay (the pre-rendered page's all at once).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::boxes::{DrawnLayout, Place, keep_drawn};
use crate::i18n::timeline::item_box_markup;
use crate::model::number::Plain;
use crate::model::time::not_begun;
use crate::model::timeline::{ItemBox, ROW_PX, TimelineLayout};
use crate::model::{Dataset, ItemKind};
use crate::state::AppState;

/// What every lane draws from: the layout, the boxes in sight (each lane's indices), the
/// track's width and the item the keyboard is on.
#[derive(Clone, Copy)]
pub(super) struct Lanes {
    pub state: AppState,
    pub drawn_layout: DrawnLayout,
    pub in_sight: Memo<Vec<Vec<usize>>>,
    pub width: Memo<f64>,
    pub focused_box: StoredValue<Option<String>>,
}

/// The lane of `kind`, drawn once and hidden while its kind has no box: a filter or a
/// zoom moves the boxes within their lanes, and keeps every box still drawn (the keyboard
/// focus with it).
pub(super) fn lane(kind: ItemKind, ds: Arc<Dataset>, lanes: Lanes) -> impl IntoView {
    let Lanes { state, drawn_layout, in_sight, width, focused_box } = lanes;
    // This kind's lane in the layout, and its index there.
    let at = move |l: &TimelineLayout| l.lanes.iter().position(|lane| lane.kind == kind);
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
    // later changes are applied in place (`boxes::follow_in_place`).
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
}
