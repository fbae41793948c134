use std::sync::Arc;

use leptos::prelude::*;

use crate::components::MapCanvas;
use crate::components::t;
use crate::geo::chrome::{ChromeContent, off_map_title};
use crate::geo::scene::{LEGEND_OPEN_AT, MapScene, off_map_items};
use crate::geo::svg::legend_markup;
use crate::i18n::Msg;
use crate::model::{Dataset, SiteKind};
use crate::state::AppState;

/// The map area: the interactive map, its legend and credit, and the sites as a list (the
/// map's text alternative; each entry selects its site).
#[component]
pub fn MapPanel(dataset: Arc<Dataset>, scene: Arc<MapScene>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // What the map cannot show: items with neither a place nor a link.
    let off_map = off_map_items(&dataset, &scene);
    let off_map_count = off_map.len();
    // The legend starts open where the map is big enough to keep it clear of the regions.
    let wide = crate::dom::window_at_least(LEGEND_OPEN_AT.0, LEGEND_OPEN_AT.1);
    // The boxes' titles while they stand closed (not with the legend open, nor when
    // presenting, where they are not shown): the map keeps the sites' names clear of them.
    let box_titles = move || {
        if wide || state.presenting().is_some() {
            return Vec::new();
        }
        let lang = state.lang.get();
        let mut titles = vec![Msg::Legend.text(lang).to_owned(), Msg::SitesAsList.text(lang).to_owned()];
        if off_map_count > 0 {
            titles.push(off_map_title(lang, off_map_count));
        }
        titles
    };
    let kinds = SiteKind::each_once(dataset.sites.iter().map(|s| s.kind));
    let chrome = ChromeContent { dataset: dataset.clone(), kinds, off_map };
    view! {
        <section class="panel map-panel" aria-labelledby="map-heading" data-testid="map">
            <h2 id="map-heading" class="visually-hidden">{t(Msg::Map)}</h2>
            <MapCanvas dataset=dataset scene=scene box_titles=box_titles chrome=chrome legend_open=wide />
        </section>
    }
}

/// The legend: the kinds of site the data uses, the two sides, the kinds of line
/// (`geo::svg::legend_markup`).
#[component]
pub fn Legend(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kinds = SiteKind::each_once(dataset.sites.iter().map(|s| s.kind));
    let markup = move || legend_markup(&kinds, state.lang.get());
    view! { <div class="legend" aria-label=t(Msg::Legend) role="group" inner_html=markup></div> }
}
