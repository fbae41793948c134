//! What the buttons over the map do (their markup is `geo::chrome`'s).

use leptos::prelude::*;

use super::MapCtx;
use crate::geo::interaction::ZOOM_STEP;
use crate::geo::scene::MapView;

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
