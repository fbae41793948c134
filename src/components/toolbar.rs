//! The toolbar above the map: the search, the **Filters** button (with how many are on)
//! that opens the facets' drawer, the chosen values as removable chips, and how many items
//! are shown.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::filters_panel::FilterDrawer;
use crate::components::t;
use crate::dom::focus_by_id;
use crate::i18n::facets::chips_markup;
use crate::i18n::{Msg, trf};
use crate::model::Dataset;
use crate::model::filter::{Chosen, Filter};
use crate::state::AppState;

#[component]
pub fn Toolbar(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = state.filter;
    let shown_items = crate::components::shown_items(&dataset);
    let total = dataset.items.len();
    let chosen = Memo::new(move |_| filter.with(Filter::chosen));
    let on_count = move || chosen.with(Vec::len);

    let toggle_drawer = move || {
        let open = !state.filters_open.get_untracked();
        state.filters_open.set(open);
        if open {
            // Into the drawer, on its first checkbox, once it is shown.
            request_animation_frame(|| {
                if let Ok(Some(first)) = document().query_selector("#filter-drawer input")
                    && let Ok(first) = first.dyn_into::<web_sys::HtmlElement>()
                {
                    let _ = first.focus();
                }
            });
        }
    };
    // The chips as markup (`i18n::facets`).
    let chips = move || chosen.with(|values| chips_markup(values, state.lang.get()));
    // One listener for the toolbar's presses and one for its typing (its own, not the
    // drawer's within it), rather than a typed handler per element (issue 25).
    let bar = NodeRef::<leptos::html::Div>::new();
    crate::dom::use_event(bar, "click", false, move |e: web_sys::MouseEvent| {
        let pressed = |selector: &str| crate::dom::event_closest(&e, selector);
        if let Some(chip) = pressed(".chips [data-chip]") {
            // A chip removes its value, and is gone: the focus goes back to the Filters
            // button.
            if let Some(value) = Chosen::from_slug(&crate::dom::attr(&chip, "data-chip")) {
                filter.update(|f| f.remove(value));
                focus_by_id("filters-button");
            }
        } else if pressed("#filters-button").is_some() {
            toggle_drawer();
        } else if pressed(".toolbar__clear").is_some() {
            filter.set(Filter::default());
            focus_by_id("search");
        }
    });
    crate::dom::use_event(bar, "input", false, move |e: web_sys::Event| {
        if let Some(search) = crate::dom::event_closest(&e, "#search") {
            let q = search.unchecked_into::<web_sys::HtmlInputElement>().value();
            filter.update(|f| f.query = q);
        }
    });

    view! {
        <div class="toolbar" data-testid="toolbar" node_ref=bar class:is-filtering=move || !filter.with(Filter::is_empty)>
            <div class="toolbar__search" role="search">
                <label for="search" class="visually-hidden">{t(Msg::Search)}</label>
                <svg class="toolbar__search-icon" viewBox="0 0 20 20" aria-hidden="true"><circle cx="8.5" cy="8.5" r="5.5" /><path d="M13 13l5 5" /></svg>
                <input
                    id="search"
                    type="search"
                    data-testid="search"
                    placeholder=t(Msg::SearchPlaceholder)
                    autocomplete="off"
                    prop:value=move || filter.with(|f| f.query.clone())
                />
            </div>
            <button type="button" id="filters-button" class="pill filters-button" data-testid="filters-button"
                aria-expanded=move || state.filters_open.get().to_string() aria-controls="filter-drawer">
                <svg class="filters-button__icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M3 5h14M6 10h8M8.5 15h3" /></svg>
                {t(Msg::Filters)}
                <span class="filters-button__count" data-testid="filters-count" hidden=move || on_count() == 0>{on_count}</span>
            </button>
            <ul class="chips" aria-label=t(Msg::ActiveFilters) hidden=move || on_count() == 0 inner_html=chips></ul>
            <p class="toolbar__count" role="status" data-testid="shown-count">
                {move || {
                    let (lang, n) = (state.lang.get(), shown_items.with(Vec::len));
                    trf(lang, crate::i18n::plural(lang, n, Msg::ShownCountOne, Msg::ShownCount), &[&n.to_string(), &total.to_string()])
                }}
            </p>
            <button type="button" class="toolbar__clear" data-testid="clear-filters"
                hidden=move || filter.with(Filter::is_empty)>
                {t(Msg::ClearFilters)}
            </button>
            <FilterDrawer dataset=dataset.clone() />
        </div>
    }
}
