use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::t;
use crate::dom::{attr, for_each};
use crate::i18n::Msg;
use crate::i18n::facets::facets_markup;
use crate::model::Dataset;
use crate::model::filter::Chosen;
use crate::state::AppState;

/// The facets, folded away in a drawer under the toolbar: each value with how many items
/// choosing it would show. The same filter drives the map, the timeline and the list.
#[component]
pub fn FilterDrawer(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = state.filter;
    // Only the values the data uses.
    let values = Chosen::offered(&dataset);
    // Every checkbox's count, in one pass over the items per filter change.
    let counts = {
        let ds = dataset.clone();
        Memo::new(move |_| filter.with(|f| f.counts(&ds)))
    };

    // The checkboxes are built once the page is drawn, in a task of their own, or when the
    // drawer opens if that is sooner: a phone's first drawing need not pay for them.
    let later = use_context::<crate::components::OffScreenReady>().map(|r| r.0);
    let opened = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || state.filters_open.get() || later.is_none_or(|r| r.get())
    });
    // Written as markup (`i18n::facets`) in the reader's language, then each box checked
    // and counted in place whenever the filter changes.
    let facets = NodeRef::<html::Div>::new();
    let lang = move || opened.get().then(|| state.lang.get());
    crate::dom::markup_in_place(
        facets,
        lang,
        move |lang| facets_markup(&values, lang),
        move |root, _| {
            filter.with(|f| {
                counts.with(|c| {
                    for_each(root, "input[data-filter]", |input| {
                        let Some(value) = Chosen::from_slug(&attr(input, "data-filter")) else { return };
                        input.unchecked_ref::<web_sys::HtmlInputElement>().set_checked(f.has(value));
                        if let Some(n) = input.next_element_sibling().and_then(|label| label.last_element_child()) {
                            n.set_text_content(Some(&format!("({})", c.of(value))));
                        }
                    })
                })
            });
        },
    );
    // One listener for every box.
    let on_change = move |e: leptos::ev::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(value) = Chosen::from_slug(&attr(&input, "data-filter")) {
            filter.update(|f| f.set(value, input.checked()));
        }
    };
    // The two buttons under the boxes, by what their data-action says: clear the boxes, or
    // done (closes the drawer, back to the Filters button).
    let actions = NodeRef::<html::Div>::new();
    let on_action = move |e: web_sys::MouseEvent| {
        let Some(button) = crate::dom::event_closest(&e, "[data-action]") else { return };
        if attr(&button, "data-action") == "clear" {
            filter.update(|f| {
                f.kinds.clear();
                f.domains.clear();
                f.statuses.clear();
                f.sides.clear();
            });
        } else {
            state.filters_open.set(false);
            crate::dom::focus_by_id("filters-button");
        }
    };

    // Listened to through dom::use_event rather than a typed handler in the view (issue 25).
    crate::dom::use_event(facets, "change", false, on_change);
    crate::dom::use_event(actions, "click", false, on_action);
    view! {
        <section class="filter-drawer" id="filter-drawer" aria-labelledby="filters-heading" data-testid="filters"
            hidden=move || !state.filters_open.get()>
            <h2 id="filters-heading" class="visually-hidden">{t(Msg::Filters)}</h2>
            <div class="filter-drawer__facets" node_ref=facets></div>
            <div class="filter-drawer__actions" node_ref=actions>
                <button type="button" class="pill" data-testid="clear-filters-drawer" data-action="clear"
                    disabled=move || filter.with(|f| f.chosen().is_empty())>
                    {t(Msg::ClearFilters)}
                </button>
                <button type="button" class="pill pill--solid" data-testid="filters-done" data-action="done">{t(Msg::Done)}</button>
            </div>
        </section>
    }
}
