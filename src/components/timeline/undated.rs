//! The undated and proposed items, folded into one row that opens on demand.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::Dataset;
use crate::state::AppState;

/// The undated and proposed items, folded into one row ("10 undated or proposed items")
/// that opens on demand, and by itself when one of them is selected.
#[component]
pub fn UndatedRow(dataset: Arc<Dataset>, items: Memo<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let undated_open = RwSignal::new(false);
    let ds = dataset.clone();
    let row = move || {
        let lang = state.lang.get();
        let selected = state.selection.with_untracked(|s| s.item().map(str::to_owned));
        items.with(|undated| {
            let n = undated.len();
            (n > 0).then(|| {
                let buttons = undated
                    .iter()
                    .map(|&i| {
                        let item = &ds.items[i];
                        let id = item.id.clone();
                        view! {
                            <button type="button" class="timeline-item timeline-item--undated" data-item=id.clone()
                                aria-pressed=(selected.as_deref() == Some(id.as_str())).to_string()>
                                <span class="timeline-item__date">{format!("{} · {}", item.kind.label(lang), item.status.label(lang))}</span>
                                " "
                                <span class="timeline-item__title">{item.title.get(lang).to_owned()}</span>
                            </button>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="lane lane--undated" data-lane="undated">
                        <button type="button" class="undated-toggle" data-testid="undated-toggle"
                            aria-expanded=move || undated_open.get().to_string() aria-controls="undated-items"
                            on:click=move |_| undated_open.update(|o| *o = !*o)>
                            <span class="undated-toggle__chevron" aria-hidden="true"></span>
                            {crate::i18n::count(lang, n, Msg::UndatedOne, Msg::UndatedMany)}
                        </button>
                        <div class="lane__flow" id="undated-items" hidden=move || !undated_open.get()>{buttons}</div>
                    </div>
                }
            })
        })
    };
    // A selected undated item is shown: its row opens.
    {
        let ds = dataset.clone();
        crate::dom::effect(move || {
            let undated =
                state.selection.with(|s| s.item().and_then(|id| ds.item(id)).is_some_and(|i| i.when.is_undated()));
            if undated {
                undated_open.set(true);
            }
        });
    }
    row
}
