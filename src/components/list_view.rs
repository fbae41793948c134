use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::on_demand::chunk;
use crate::i18n::{Msg, tr, when_label};
use crate::model::Dataset;
use crate::model::time::{list_order, not_begun, span};
use crate::state::AppState;

/// The filtered items as a table, sortable by date: the text alternative to the map and
/// the timeline, usable with a keyboard and a screen reader.
#[component]
pub fn ListView(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ascending = RwSignal::new(true);
    let shown = crate::components::shown_items(&dataset);
    let body_ref = NodeRef::<leptos::html::Tbody>::new();
    let ds = dataset.clone();
    let rows = move || {
        let lang = state.lang.get();
        let asc = ascending.get();
        // Rows are drawn as the selection and the cursor are now; later changes are applied
        // in place (below), so neither redraws the table.
        let (selected, cursor) =
            (state.selection.with_untracked(|s| s.item().map(str::to_owned)), state.cursor.get_untracked());
        let mut items: Vec<&crate::model::Item> = shown.with(|s| s.iter().map(|&n| &ds.items[n]).collect());
        // Undated items last, whichever way the dates run, in the order of their ids. Each
        // item's dates are read once (read in the comparison, ten thousand items' dates were
        // read some three hundred thousand times).
        items.sort_by_cached_key(|&item| list_order(span(&item.when), asc, &item.id));
        items
            .into_iter()
            .map(|item| {
                let id = item.id.clone();
                let is_selected = selected.as_deref() == Some(id.as_str());
                let sites = item.sites.iter().filter_map(|s| ds.site(s)).map(|s| s.name.get(lang).to_owned()).collect::<Vec<_>>().join(", ");
                let (row_id, item_id) = (id.clone(), id.clone());
                let start = span(&item.when).map(|s| s.0);
                let future = not_begun(start, cursor);
                view! {
                    <tr data-row=row_id data-start=start.map(|s| s.to_string()) class:is-selected=is_selected class:is-future=future>
                        <td class="list__date">{when_label(lang, &item.when)}</td>
                        <td>
                            <button type="button" class="detail__link" data-item=item_id
                                aria-pressed=is_selected.to_string()>
                                {item.title.get(lang).to_owned()}
                            </button>
                        </td>
                        <td>{item.kind.label(lang)}</td>
                        <td>{item.status.label(lang)}</td>
                        <td>{sites}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    // Selection applied in place: one pass over the rows, not reactive closures per row
    // (10,000 rows in the benchmark); the cursor switches only the rows it crossed.
    Effect::new(move |_| {
        let selected = state.selected_item();
        let Some(body) = body_ref.get() else { return };
        let Ok(rows) = body.query_selector_all("tr[data-row]") else { return };
        for i in 0..rows.length() {
            let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let is_selected = row.get_attribute("data-row") == selected;
            let _ = row.class_list().toggle_with_force("is-selected", is_selected);
            if let Ok(Some(button)) = row.query_selector("button[data-item]") {
                let _ = button.set_attribute("aria-pressed", if is_selected { "true" } else { "false" });
            }
        }
    });
    let rows_by_start =
        std::rc::Rc::new(std::cell::RefCell::new(crate::components::future_marks::MarksByStart::default()));
    Effect::new(move |_| {
        let cursor = state.cursor.get();
        shown.track();
        let Some(body) = body_ref.get() else { return };
        let body: web_sys::Element = body.into();
        rows_by_start.borrow_mut().follow(&body, "tr[data-row][data-start]", cursor);
    });
    // One listener for every title button, not one each.
    let on_item_click = move |e: leptos::ev::MouseEvent| {
        let button = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-item]").ok().flatten());
        if let Some(id) = button.and_then(|el| el.get_attribute("data-item")) {
            state.select_item(id);
        }
    };
    let count = move || shown.with(Vec::len);
    view! {
        <div class="list-view" data-testid="list">
            <table>
                <caption class="visually-hidden">{move || {
                    let (lang, n) = (state.lang.get(), count());
                    crate::i18n::trf(lang, crate::i18n::plural(lang, n, Msg::ListCaptionOne, Msg::ListCaption), &[&n.to_string()])
                }}</caption>
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
                <tbody node_ref=body_ref on:click=on_item_click>{rows}</tbody>
            </table>
        </div>
    }
}

chunk!(
    /// The list of the shown items, the timeline's other tab.
    reader, preload_list, fn list_view(dataset: Arc<Dataset>) -> AnyView {
        view! { <ListView dataset=dataset /> }.into_any()
    }
);
