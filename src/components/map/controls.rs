//! The buttons over the map: the views (the two regions only where the frame can hold
//! them) and zoom in, out and back.

use leptos::prelude::*;

use super::MapCtx;
use crate::components::t;
use crate::geo::Viewport;
use crate::geo::interaction::ZOOM_STEP;
use crate::geo::scene::{MapView, shown_view};
use crate::i18n::Msg;
use crate::model::Lang;

/// The view buttons, in their order, with their labels.
const VIEW_BUTTONS: [(MapView, Msg); 4] = [
    (MapView::Overview, Msg::Overview),
    (MapView::France, Msg::ViewFrance),
    (MapView::China, Msg::ViewChina),
    (MapView::Both, Msg::SideBySide),
];

/// The labels of the view buttons shown on a frame of this size, in their order (a view's
/// button is hidden where that view is not drawn: the two regions side by side on a frame
/// too small to split).
pub(super) fn shown_view_labels(vp: Viewport, lang: Lang) -> Vec<String> {
    VIEW_BUTTONS.iter().filter(|(v, _)| shown_view(*v, vp) == *v).map(|(_, m)| m.text(lang).to_owned()).collect()
}

#[component]
pub fn MapControls(ctx: MapCtx) -> impl IntoView {
    let MapCtx { size, view, .. } = ctx;
    // Their clicks are the chrome's one listener's ([`press`]).
    let view_button = move |(v, label): (MapView, Msg)| {
        let hidden = move || shown_view(v, size.get()) != v;
        view! {
            <button type="button" class="map-views__button" data-view=v.slug()
                aria-pressed=move || (view.get() == v).to_string() hidden=hidden>
                {t(label)}
            </button>
        }
    };
    view! {
        <div class="map-toolbar">
            <div class="map-views" role="group" aria-label=t(Msg::MapViews)>
                {view_button(VIEW_BUTTONS[0])}
                {view_button(VIEW_BUTTONS[1])}
                {view_button(VIEW_BUTTONS[2])}
                {view_button(VIEW_BUTTONS[3])}
            </div>
            <div class="map-zoom" role="group" aria-label=t(Msg::Zoom)>
                <button type="button" data-testid="zoom-in" data-zoom="in" aria-label=t(Msg::ZoomIn)>"+"</button>
                <button type="button" data-testid="zoom-out" data-zoom="out" aria-label=t(Msg::ZoomOut)>"−"</button>
                <button type="button" data-testid="zoom-reset" data-zoom="reset" aria-label=t(Msg::ResetView)>"⟲"</button>
            </div>
        </div>
    }
}

/// What a press on a `button` over the map does: the menu's opens or closes it, a view's
/// shows that view (and gives a phone's map back from the menu), an entry in the boxes'
/// lists selects its site or item, and the zoom's zoom in, out or back.
pub(super) fn press(ctx: MapCtx, button: &web_sys::Element) {
    let MapCtx { state, camera, menu_open, .. } = ctx;
    if button.id() == "map-menu-toggle" {
        menu_open.update(|open| *open = !*open);
    } else if let Some(v) = button.get_attribute("data-view").as_deref().and_then(MapView::from_slug) {
        state.show_view(v);
        menu_open.set(false);
    } else if let Some(id) = button.get_attribute("data-site-entry") {
        state.select_site(id);
    } else if let Some(id) = button.get_attribute("data-off-map") {
        state.select_item(id);
    } else {
        // By an attribute of its own, not the test id: the tests' names are not the app's.
        match button.get_attribute("data-zoom").as_deref() {
            Some("in") => camera.zoom_at(None, 0.0, 0.0, ZOOM_STEP),
            Some("out") => camera.zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP),
            Some("reset") => camera.reset(),
            _ => {}
        }
    }
}
