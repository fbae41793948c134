//! The buttons over the map: the views (the two regions only where the frame can hold
//! them) and zoom in, out and back.

use leptos::prelude::*;

use super::MapCtx;
use crate::components::t;
use crate::geo::interaction::ZOOM_STEP;
use crate::geo::scene::{MapView, split_of};
use crate::i18n::Msg;

#[component]
pub fn MapControls(ctx: MapCtx) -> impl IntoView {
    let MapCtx { state, camera, size, view, menu_open, .. } = ctx;
    let view_button = move |v: MapView, label: Msg| {
        let hidden = move || v == MapView::Both && split_of(size.get()).is_none();
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
                {view_button(MapView::Overview, Msg::Overview)}
                {view_button(MapView::France, Msg::ViewFrance)}
                {view_button(MapView::China, Msg::ViewChina)}
                {view_button(MapView::Both, Msg::SideBySide)}
            </div>
            <div class="map-zoom" role="group" aria-label=t(Msg::Zoom)>
                <button type="button" data-testid="zoom-in" aria-label=t(Msg::ZoomIn) on:click=move |_| camera.zoom_at(None, 0.0, 0.0, ZOOM_STEP)>"+"</button>
                <button type="button" data-testid="zoom-out" aria-label=t(Msg::ZoomOut) on:click=move |_| camera.zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" data-testid="zoom-reset" aria-label=t(Msg::ResetView) on:click=move |_| camera.reset()>"⟲"</button>
            </div>
        </div>
    }
}
