use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::model::{Dataset, Item};

/// The timeline area: every item in date order, undated ones last; each selects itself.
#[component]
pub fn TimelinePanel(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let mut items: Vec<Item> = dataset.items.clone();
    // ISO dates cut to their precision sort correctly as text; undated items go last.
    items.sort_by(|a, b| {
        (a.when.is_undated(), &a.when.start, &a.when.end).cmp(&(b.when.is_undated(), &b.when.start, &b.when.end))
    });
    let rows = items
        .into_iter()
        .map(|item| {
            let id = item.id.clone();
            let is_selected = {
                let id = id.clone();
                move || state.selected.with(|s| s.as_deref() == Some(id.as_str()))
            };
            let title = move || item.title.get(state.lang.get()).to_owned();
            view! {
                <li>
                    <button
                        type="button"
                        class="timeline-item"
                        data-item=id.clone()
                        aria-pressed=move || is_selected().to_string()
                        on:click=move |_| state.select_item(id.clone())
                    >
                        <span class="timeline-item__date">{item.when.label()}</span>
                        <span class="timeline-item__title">{title}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading">"Timeline"</h2>
            <ol class="timeline-list">{rows}</ol>
        </section>
    }
}
