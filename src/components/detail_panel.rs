use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::model::{Dataset, Item, Lang, Status};

/// The detail panel: everything known about the selected item, with its sources.
#[component]
pub fn DetailPanel(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let lang = state.lang.get();
        let selected = state.selected.get();
        match selected.and_then(|id| dataset.items.iter().find(|i| i.id == id)) {
            Some(item) => item_details(&dataset, item, lang).into_any(),
            None => view! {
                <p class="detail-panel__empty">"Select an item on the timeline to read its details and sources."</p>
            }
            .into_any(),
        }
    };
    view! {
        <aside class="panel detail-panel" aria-labelledby="detail-heading" aria-live="polite" data-testid="details">
            <h2 id="detail-heading">"Details"</h2>
            {body}
        </aside>
    }
}

fn item_details(dataset: &Dataset, item: &Item, lang: Lang) -> impl IntoView {
    let parties = item
        .parties
        .iter()
        .filter_map(|id| dataset.actors.iter().find(|a| &a.id == id))
        .map(|a| a.name.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let sources = item
        .sources
        .iter()
        .map(|c| {
            let title = dataset
                .sources
                .iter()
                .find(|s| s.id == c.source)
                .map_or_else(|| c.source.clone(), |s| s.title.get(lang).to_owned());
            view! { <li><cite>{title}</cite>", "{c.place.clone()}</li> }
        })
        .collect_view();
    let note = item.note.as_ref().map(|n| view! { <p class="detail-panel__note">{n.get(lang).to_owned()}</p> });
    view! {
        <article class="detail" data-item=item.id.clone()>
            <h3>{item.title.get(lang).to_owned()}</h3>
            <dl>
                <dt>"Date"</dt><dd>{item.when.label()}</dd>
                <dt>"Status"</dt><dd>{status_label(item.status)}</dd>
                <dt>"Parties"</dt><dd>{parties}</dd>
            </dl>
            <p>{item.description.get(lang).to_owned()}</p>
            {note}
            <h4>"Sources"</h4>
            <ul class="detail-panel__sources">{sources}</ul>
        </article>
    }
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Signed => "Signed",
        Status::InProgress => "In progress",
        Status::Planned => "Planned",
        Status::UnderStudy => "Under study",
        Status::Held => "Held",
        Status::Completed => "Completed",
    }
}
