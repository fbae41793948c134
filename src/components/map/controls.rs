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
    let MapCtx { state, camera, size, view, menu_open, .. } = ctx;
    let view_button = move |(v, label): (MapView, Msg)| {
        let hidden = move || shown_view(v, size.get()) != v;
        view! {
            <button type="button" class="map-views__button" data-view=v.slug()
                aria-pressed=move || (view.get() == v).to_string() hidden=hidden
                on:click=move |_| {
                    state.show_view(v);
                    // On a phone the menu that holds the views gives the map back.
                    menu_open.set(false);
                }>
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
                <button type="button" data-testid="zoom-in" aria-label=t(Msg::ZoomIn) on:click=move |_| camera.zoom_at(None, 0.0, 0.0, ZOOM_STEP)>"+"</button>
                <button type="button" data-testid="zoom-out" aria-label=t(Msg::ZoomOut) on:click=move |_| camera.zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" data-testid="zoom-reset" aria-label=t(Msg::ResetView) on:click=move |_| camera.reset()>"⟲"</button>
            </div>
        </div>
    }
}
