use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chunk::chunk;
use crate::i18n::{Msg, number, tr, trf, when_label};
use crate::model::Dataset;
use crate::model::list::{RowInView, order_key, page_range, page_to_show, pages, scroll_to_reveal};
use crate::model::time::{not_begun, span};
use crate::state::AppState;

/// The filtered items as a table, sortable by date, a page at a time when there are many
/// (unless not `paged`: the pre-rendered page's text, for a reader without scripts and for
/// crawlers, holds every item): the text alternative to the map and the timeline, usable
/// with a keyboard and a screen reader.
#[component]
pub fn ListView(dataset: Arc<Dataset>, #[prop(default = true)] paged: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ascending = RwSignal::new(true);
    let shown = crate::components::shown_items(&dataset);
    let body_ref = NodeRef::<leptos::html::Tbody>::new();
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let ds = dataset.clone();
    // The shown items in the list's order: by date, undated last.
    let sorted = Memo::new(move |_| {
        let asc = ascending.get();
        let items = &ds.items;
        let mut rows = shown.get();
        rows.sort_by_cached_key(|&n| order_key(span(&items[n].when), asc, &items[n].id));
        rows
    });
    let page = RwSignal::new(0usize);
    let ds = dataset.clone();
    let selected_row = move || {
        let id = state.selected_item()?;
        sorted.with_untracked(|rows| rows.iter().position(|&n| ds.items[n].id == id))
    };
    // The page follows the list (sorted or filtered anew: the first page, or the selected
    // item's) and the selection (made on the map or the timeline: its page). Either order of
    // these two gives the same page: the selected item's if there is one, else the first
    // after a change of the list.
    let selected_row_now = selected_row.clone();
    crate::dom::effect(move || {
        let rows = sorted.with(Vec::len);
        let selected = untrack(&selected_row_now);
        page.set(page_to_show(page.get_untracked(), rows, selected, true));
    });
    crate::dom::effect(move || {
        let selected = selected_row();
        let rows = sorted.with_untracked(Vec::len);
        page.set(page_to_show(page.get_untracked(), rows, selected, false));
    });
    let ds = dataset.clone();
    let rows = move || {
        let lang = state.lang.get();
        // Rows are drawn as the selection and the cursor are now; later changes are applied
        // in place (below), so neither redraws the table.
        let (selected, cursor) =
            (state.selection.with_untracked(|s| s.item().map(str::to_owned)), state.cursor.get_untracked());
        let on_page: Vec<usize> = sorted.with(|rows| match paged {
            true => rows[page_range(rows.len(), page.get())].to_vec(),
            false => rows.clone(),
        });
        on_page
            .into_iter()
            .map(|n| {
                let item = &ds.items[n];
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
    crate::dom::effect(move || {
        let selected = state.selected_item();
        let Some(body) = body_ref.get() else { return };
        let Ok(rows) = body.query_selector_all("tr[data-row]") else { return };
        for i in 0..rows.length() {
            let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let is_selected = row.get_attribute("data-row") == selected;
            let _ = row.class_list().toggle_with_force("is-selected", is_selected);
            if let Ok(Some(button)) = row.query_selector("button[data-item]") {
                crate::dom::set_aria_state(&button, "aria-pressed", is_selected);
            }
        }
    });
    // The selected row brought into view when it is chosen (here or elsewhere) or the list
    // is sorted or filtered anew, once its page is drawn: at the next frame, whichever of
    // the page's and the rows' updates comes first.
    crate::dom::effect(move || {
        sorted.track();
        let Some(id) = state.selected_item() else { return };
        request_animation_frame(move || {
            if let (Some(list), Some(body)) = (list_ref.get_untracked(), body_ref.get_untracked()) {
                reveal_row(&list, &body, &id);
            }
        });
    });
    let rows_by_start =
        std::rc::Rc::new(std::cell::RefCell::new(crate::components::future_marks::MarksByStart::default()));
    crate::dom::effect(move || {
        let cursor = state.cursor.get();
        // The rows drawn anew (another page, sort or filter).
        sorted.track();
        page.track();
        let Some(body) = body_ref.get() else { return };
        let body: web_sys::Element = body.into();
        rows_by_start.borrow_mut().follow(&body, "tr[data-row][data-start]", cursor);
    });
    // One listener for every title button, not one each.
    let on_item_click = move |e: leptos::ev::MouseEvent| {
        if let Some(id) =
            crate::dom::event_closest(&e, "button[data-item]").and_then(|el| el.get_attribute("data-item"))
        {
            state.select_item(id);
        }
    };
    let count = move || shown.with(Vec::len);
    // A page at a time: to the other page, and back to the table's top.
    let turn = move |by: isize| {
        let last = pages(count()) - 1;
        let to = page.get_untracked().saturating_add_signed(by).min(last);
        if to != page.get_untracked() {
            page.set(to);
            if let Some(list) = list_ref.get_untracked() {
                list.set_scroll_top(0);
            }
        }
    };
    let pager = move || {
        let rows = count();
        (paged && pages(rows) > 1).then(|| {
            let lang = state.lang.get();
            let (at, last) = (page.get(), pages(rows) - 1);
            let range = page_range(rows, at);
            let shown = trf(
                lang,
                Msg::ListRange,
                &[&number(lang, (range.start + 1) as f64), &number(lang, range.end as f64), &number(lang, rows as f64)],
            );
            view! {
                <nav class="list__pager" aria-label=tr(lang, Msg::ListPages)>
                    <button type="button" class="pill" data-testid="list-previous" aria-disabled=(at == 0).to_string() on:click=move |_| turn(-1)>{tr(lang, Msg::ListPrevious)}</button>
                    <span data-testid="list-range" aria-live="polite">{shown}</span>
                    <button type="button" class="pill" data-testid="list-next" aria-disabled=(at == last).to_string() on:click=move |_| turn(1)>{tr(lang, Msg::ListNext)}</button>
                </nav>
            }
        })
    };
    view! {
        <div class="list-view" data-testid="list" node_ref=list_ref>
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
            {pager}
        </div>
    }
}

/// Scrolls the list's box (not the page) so that the row of item `id`, if drawn, is seen
/// whole below the column headings.
fn reveal_row(list: &web_sys::HtmlDivElement, body: &web_sys::Element, id: &str) {
    let Ok(rows) = body.query_selector_all("tr[data-row]") else { return };
    let Some(row) = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|r| r.get_attribute("data-row").as_deref() == Some(id))
    else {
        return;
    };
    let header = list.query_selector("thead").ok().flatten().map_or(0.0, |h| h.get_bounding_client_rect().height());
    let (box_rect, row_rect) = (list.get_bounding_client_rect(), row.get_bounding_client_rect());
    let scroll_top = f64::from(list.scroll_top());
    let place = RowInView {
        scroll_top,
        view_height: f64::from(list.client_height()),
        header,
        row_top: row_rect.top() - box_rect.top() - f64::from(list.client_top()) + scroll_top,
        row_height: row_rect.height(),
    };
    if place.view_height > 0.0
        && let Some(to) = scroll_to_reveal(place)
    {
        list.set_scroll_top(to.round() as i32);
    }
}

chunk!(
    /// The list of the shown items, the timeline's other tab.
    reader, preload_list, fn list_view(dataset: Arc<Dataset>) -> AnyView {
        view! { <ListView dataset=dataset /> }.into_any()
    }
);
