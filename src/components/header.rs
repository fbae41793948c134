use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Dataset;

/// The page header: the title, and the controls area.
#[component]
pub fn Header(
    /// The loaded dataset, once there is one.
    #[prop(into)]
    dataset: Signal<Option<Arc<Dataset>>>,
) -> impl IntoView {
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>"Passerelle"</h1>
                <p class="tagline">"Auvergne-Rhône-Alpes ⇄ Hebei · Beijing — 2022 Winter Olympics"</p>
            </div>
            <div class="controls" id="controls">
                {move || dataset.get().map(|d| view! { <DatasetSummary dataset=d /> })}
            </div>
        </header>
    }
}

/// How much the loaded dataset holds, e.g. "7 items · 10 sites · 8 actors · 2 sources".
#[component]
pub fn DatasetSummary(dataset: Arc<Dataset>) -> impl IntoView {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let text = [
        count(dataset.items.len(), "item", "items"),
        count(dataset.sites.len(), "site", "sites"),
        count(dataset.actors.len(), "actor", "actors"),
        count(dataset.sources.len(), "source", "sources"),
    ]
    .join(" · ");
    view! { <p class="dataset-summary" data-testid="dataset-summary">{text}</p> }
}
