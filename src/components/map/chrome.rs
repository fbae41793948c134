//! What stands over the map: its controls (the views, the zoom), its boxes (the legend,
//! the sites as a list, what the map cannot show) and the base map's credit. On a large
//! frame they stand at its edges, as on every web map; on a phone's frame they fold into
//! one menu at its top right, so that only its button and a short credit cover the map
//! (whose regions are fitted clear of them: `geo::scene::controls_insets`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MapCtx;
use super::controls::MapControls;
use crate::components::t;
use crate::geo::basemap::CREDIT;
use crate::i18n::{Msg, trf};
use crate::model::Lang;

/// The base map's credit, as the map's corner says it.
pub(super) fn credit_text(lang: Lang) -> String {
    trf(lang, Msg::BaseMap, &[CREDIT])
}

#[component]
pub fn MapChrome(ctx: MapCtx, children: Children) -> impl IntoView {
    let MapCtx { state, compact, menu_open, .. } = ctx;
    let credit = move || credit_text(state.lang.get());
    // Escape in the open menu closes it, back on its button (and clears nothing else).
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && menu_open.get_untracked() {
            e.stop_propagation();
            menu_open.set(false);
            crate::dom::focus_by_id("map-menu-toggle");
        }
    };
    // One listener for every button over the map (the menu's, the views', the zoom's), not
    // one each: each listener was code of its own in the first module (issue 25).
    let on_click = move |e: leptos::ev::MouseEvent| {
        let button = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten());
        if let Some(button) = button {
            super::controls::press(ctx, &button);
        }
    };
    view! {
        <div class="map-chrome" class:is-compact=move || compact.get() class:is-open=move || menu_open.get() on:keydown=on_key on:click=on_click>
            <button type="button" class="map-menu-toggle" id="map-menu-toggle" data-testid="map-menu"
                hidden=move || !compact.get()
                aria-expanded=move || menu_open.get().to_string() aria-controls="map-menu-panel"
                aria-label=t(Msg::MapMenu)>
                <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M4 6h12M4 10h12M4 14h12" /></svg>
            </button>
            <div class="map-chrome__panel" id="map-menu-panel">
                <MapControls ctx=ctx />
                <div class="map-extras">{children()}</div>
            </div>
            <p class="map-credit" data-testid="map-credit">
                <span class="map-credit__long">{credit}</span>
                <span class="map-credit__short" aria-hidden="true">"© Natural Earth"</span>
            </p>
        </div>
    }
}
