//! What stands over the map: its controls (the views, the zoom), its boxes (the legend,
//! the sites as a list, what the map cannot show) and the base map's credit. On a large
//! frame they stand at its edges, as on every web map; on a phone's frame they fold into
//! one menu at its top right, so that only its button and a short credit cover the map
//! (whose regions are fitted clear of them: `geo::scene::controls_insets`).
//!
//! Written as markup in the reader's language (`geo::chrome`), rewritten only for another
//! language; what changes with the state is set in place, and one listener reads the
//! buttons ([`super::controls::press`]).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MapCtx;
use crate::dom::{attr, for_each, set_aria_state};
use crate::geo::chrome::{ChromeContent, ChromeLooks, chrome_markup, site_lists_markup, view_hidden};
use crate::geo::scene::MapView;

/// The chrome over the map; `legend_open`: whether the legend's box starts open.
#[component]
pub fn MapChrome(ctx: MapCtx, content: ChromeContent, legend_open: bool) -> impl IntoView {
    let MapCtx { state, compact, menu_open, size, view, .. } = ctx;
    // Thousands of sites (drawn in bulk): their list is written when it is first opened, not
    // with the first drawing (5,000 buttons were a tenth of a large dataset's first drawing).
    let listed = RwSignal::new(!crate::geo::svg::in_bulk(content.dataset.sites.len()));
    let dataset = content.dataset.clone();
    let looks = move || ChromeLooks {
        size: size.get(),
        view: view.get(),
        compact: compact.get(),
        menu_open: menu_open.get(),
        legend_open,
        sites_listed: listed.get(),
        selected_site: state.selected_site(),
    };
    let root = NodeRef::<html::Div>::new();
    let markup = move |lang| chrome_markup(&content, lang, &looks());
    let now = crate::dom::markup_in_place(
        root,
        move || Some(state.lang.get()),
        markup,
        move |root, lang| {
            let looks = looks();
            // The sites' list, once asked for (written empty until then).
            if looks.sites_listed
                && let Ok(Some(groups)) = root.query_selector(".site-groups")
                && groups.child_element_count() == 0
            {
                groups.set_inner_html(&site_lists_markup(&dataset, lang, looks.selected_site.as_deref()));
            }
            show_in_place(root, &looks);
        },
    );
    // Escape in the open menu closes it, back on its button (and clears nothing else).
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && menu_open.get_untracked() {
            e.stop_propagation();
            menu_open.set(false);
            crate::dom::focus_by_id("map-menu-toggle");
        }
    };
    // One listener for every button over the map (the menu's, the views', the zoom's, the
    // lists' entries), not one each: each listener was code of its own in the first module.
    let on_click = move |e: leptos::ev::MouseEvent| {
        if let Some(button) = crate::dom::event_closest(&e, "button") {
            super::controls::press(ctx, &button);
        }
    };
    // A box's `toggle` does not bubble: caught on its way down.
    let on_toggle = move |e: leptos::ev::Event| {
        let lists = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if lists.is_some_and(|el| el.class_list().contains("site-lists")) && !listed.get_untracked() {
            listed.set(true);
        }
    };
    // Listened to through dom::use_event rather than a typed handler in the view (issue 25).
    crate::dom::use_event(root, "keydown", false, on_key);
    crate::dom::use_event(root, "click", false, on_click);
    crate::dom::use_capture(root, "toggle", on_toggle);
    view! {
        <div class="map-chrome" node_ref=root class:is-compact=move || compact.get() class:is-open=move || menu_open.get()
            inner_html=now></div>
    }
}

/// Sets what changed with the state on the written markup, as [`chrome_markup`] writes it.
fn show_in_place(root: &web_sys::Element, looks: &ChromeLooks) {
    if let Ok(Some(toggle)) = root.query_selector("#map-menu-toggle") {
        let _ = toggle.toggle_attribute_with_force("hidden", !looks.compact);
        set_aria_state(&toggle, "aria-expanded", looks.menu_open);
    }
    for_each(root, ".map-views__button", |b| {
        let Some(v) = MapView::from_slug(&attr(b, "data-view")) else { return };
        set_aria_state(b, "aria-pressed", looks.view == v);
        let _ = b.toggle_attribute_with_force("hidden", view_hidden(v, looks.size));
    });
    if looks.sites_listed {
        let selected = looks.selected_site.as_deref();
        for_each(root, "[data-site-entry]", |b| {
            set_aria_state(b, "aria-pressed", selected == Some(attr(b, "data-site-entry").as_str()))
        });
    }
}
