//! The undated and proposed items, folded into one row that opens on demand.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::dom::for_each;
use crate::i18n::timeline::{undated_count, undated_row_markup};
use crate::model::time::span;
use crate::model::{Dataset, Item};
use crate::state::AppState;

/// The undated and proposed items, folded into one row ("10 undated or proposed items")
/// that opens on demand, and by itself when one of them is selected. Written as markup
/// (`i18n::timeline`) in the reader's language, every undated item of the dataset a button
/// that the filter (`items`: the positions shown) shows or hides in place, so that each is
/// kept; the lanes' one listener selects them.
#[component]
pub fn UndatedRow(dataset: Arc<Dataset>, items: Memo<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let row = NodeRef::<html::Div>::new();
    // Every undated item, in the layout's order (the dataset's); the positions shown ascend
    // alike.
    let all: Vec<usize> = (0..dataset.items.len()).filter(|&n| span(&dataset.items[n].when).is_none()).collect();
    let markup = {
        let (ds, all) = (dataset.clone(), all.clone());
        move |lang| {
            let selected = state.selection.with_untracked(|s| s.item().map(str::to_owned));
            items.with_untracked(|shown| {
                let items: Vec<(&Item, bool)> =
                    all.iter().map(|&n| (&ds.items[n], shown.binary_search(&n).is_ok())).collect();
                undated_row_markup(&items, lang, selected.as_deref())
            })
        }
    };
    let none_shown = move || items.with(Vec::is_empty);
    let now = crate::dom::markup_in_place(
        row,
        move || Some(state.lang.get()),
        markup,
        move |row, lang| {
            items.with(|shown| {
                // The buttons stand in the order of `all`, and both lists ascend: one walk.
                let (mut n, mut next_shown) = (all.iter(), shown.iter().peekable());
                for_each(row, ".timeline-item[data-item]", |b| {
                    let Some(&n) = n.next() else { return };
                    while next_shown.next_if(|&&s| s < n).is_some() {}
                    let on = next_shown.next_if_eq(&&n).is_some();
                    let _ = b.toggle_attribute_with_force("hidden", !on);
                });
                // The toggle's words, after its chevron.
                if let Ok(Some(toggle)) = row.query_selector(".undated-toggle")
                    && let Some(words) = toggle.last_child()
                {
                    words.set_text_content(Some(&undated_count(lang, shown.len())));
                }
            });
            // Written folded (the markup's): unfolded as the reader has it.
            unfold(row, open.get());
        },
    );
    // A selected undated item is shown: its row opens.
    crate::dom::effect(move || {
        let undated =
            state.selection.with(|s| s.item().and_then(|id| dataset.item(id)).is_some_and(|i| i.when.is_undated()));
        if undated {
            open.set(true);
        }
    });
    let on_click = move |e: leptos::ev::MouseEvent| {
        if crate::dom::event_closest(&e, ".undated-toggle").is_some() {
            open.update(|o| *o = !*o);
        }
    };
    // Listened to through dom::use_event rather than a typed handler in the view (issue 25).
    crate::dom::use_event(row, "click", false, on_click);
    view! {
        <div class="lane lane--undated" data-lane="undated" node_ref=row hidden=none_shown inner_html=now></div>
    }
}

/// Shows the row's items or folds them, as its toggle says.
fn unfold(row: &web_sys::Element, open: bool) {
    if let Ok(Some(toggle)) = row.query_selector(".undated-toggle") {
        crate::dom::set_aria_state(&toggle, "aria-expanded", open);
    }
    if let Ok(Some(flow)) = row.query_selector("#undated-items") {
        let _ = flow.toggle_attribute_with_force("hidden", !open);
    }
}
