use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::model::time::span;
use crate::model::Dataset;
use crate::i18n::{kind_label, status_label, tr, when_label, Msg};

/// The filtered items as a table, sortable by date: the text alternative to the map and
/// the timeline, usable with a keyboard and a screen reader.
#[component]
pub fn ListView(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ascending = RwSignal::new(true);
    let ds = dataset.clone();
    let rows = move || {
        let lang = state.lang.get();
        let asc = ascending.get();
        let mut items = state.filter.with(|f| f.apply(&ds).into_iter().cloned().collect::<Vec<_>>());
        // Undated items last, whichever way the dates run.
        items.sort_by(|a, b| {
            let (sa, sb) = (span(&a.when), span(&b.when));
            match (sa, sb) {
                (Some(x), Some(y)) => if asc { x.cmp(&y) } else { y.cmp(&x) },
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.id.cmp(&b.id),
            }
        });
        items
            .into_iter()
            .map(|item| {
                let id = item.id.clone();
                let selected = { let id = id.clone(); move || state.selected.with(|s| s.as_deref() == Some(id.as_str())) };
                let sites = item.sites.iter().filter_map(|s| ds.site(s)).map(|s| s.name.get(lang).to_owned()).collect::<Vec<_>>().join(", ");
                let (row_id, item_id) = (id.clone(), id.clone());
                let selected2 = selected.clone();
                let future = { let start = span(&item.when).map(|s| s.0); move || matches!((state.cursor.get(), start), (Some(c), Some(s)) if s > c) };
                view! {
                    <tr data-row=row_id class:is-selected=selected class:is-future=future>
                        <td class="list__date">{when_label(lang, &item.when)}</td>
                        <td>
                            <button type="button" class="detail__link" data-item=item_id
                                aria-pressed=move || selected2().to_string()
                                on:click=move |_| state.select_item(id.clone())>
                                {item.title.get(lang).to_owned()}
                            </button>
                        </td>
                        <td>{kind_label(lang, item.kind)}</td>
                        <td>{status_label(lang, item.status)}</td>
                        <td>{sites}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let count = { let ds = dataset.clone(); move || state.filter.with(|f| f.apply(&ds).len()) };
    view! {
        <div class="list-view" data-testid="list">
            <table>
                <caption class="visually-hidden">{move || crate::i18n::trf(state.lang.get(), Msg::ListCaption, &[&count().to_string()])}</caption>
                <thead>
                    <tr>
                        <th scope="col" aria-sort=move || if ascending.get() { "ascending" } else { "descending" }>
                            <button type="button" class="list__sort" data-testid="sort-date" on:click=move |_| ascending.update(|a| *a = !*a)>
                                {move || tr(state.lang.get(), Msg::Date)} " " {move || if ascending.get() { "↑" } else { "↓" }}
                            </button>
                        </th>
                        <th scope="col">{move || tr(state.lang.get(), Msg::Title)}</th>
                        <th scope="col">{move || tr(state.lang.get(), Msg::Kind)}</th>
                        <th scope="col">{move || tr(state.lang.get(), Msg::Status)}</th>
                        <th scope="col">{move || tr(state.lang.get(), Msg::Sites)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
