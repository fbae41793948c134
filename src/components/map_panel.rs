use std::sync::Arc;

use leptos::prelude::*;

use crate::components::MapCanvas;
use crate::components::t;
use crate::geo::scene::{LEGEND_OPEN_AT, MapScene, off_map_items};
use crate::geo::svg::legend_markup;
use crate::i18n::Msg;
use crate::model::{Dataset, Side, SiteKind};
use crate::state::AppState;

/// The map area: the interactive map, its legend and credit, and the sites as a list (the
/// map's text alternative; each entry selects its site).
#[component]
pub fn MapPanel(dataset: Arc<Dataset>, scene: Arc<MapScene>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let side_list = {
        let dataset = dataset.clone();
        move |side: Side, label: Msg| {
            let ds = dataset.clone();
            let names = move || {
                let lang = state.lang.get();
                ds.sites
                    .iter()
                    .filter(|s| s.side == side)
                    .map(|s| {
                        // Its click is the map's chrome's (`map::controls::press`).
                        let id = s.id.clone();
                        let pressed = {
                            let id = id.clone();
                            move || state.selection.with(|sel| sel.site() == Some(id.as_str())).to_string()
                        };
                        view! {
                            <li>
                                <button type="button" class="site-entry" data-site-entry=id aria-pressed=pressed>
                                    {s.name.get(lang).to_owned()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            };
            view! {
                <div class="site-group">
                    <h4>{t(label)}</h4>
                    <ul class="site-list">{names}</ul>
                </div>
            }
        }
    };
    // Thousands of sites (drawn in bulk): their list is made when it is first opened, not
    // with the first drawing (5,000 buttons were a tenth of a large dataset's first drawing).
    let listed = RwSignal::new(!crate::geo::svg::in_bulk(scene.sites.len()));
    // What the map cannot show: items with neither a place nor a link.
    let off_map = off_map_items(&dataset, &scene);
    let off_map_count = off_map.len();
    let off_map_list = {
        let dataset = dataset.clone();
        move || {
            let lang = state.lang.get();
            off_map
                .iter()
                .filter_map(|id| dataset.item(id))
                .map(|i| {
                    view! {
                        <li><button type="button" class="site-entry" data-off-map=i.id.clone()>{i.title.get(lang).to_owned()}</button></li>
                    }
                })
                .collect_view()
        }
    };
    let off_map_title = move || crate::i18n::count(state.lang.get(), off_map_count, Msg::OffMapOne, Msg::OffMapMany);
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
            titles.push(off_map_title());
        }
        titles
    };
    let legend_data = dataset.clone();
    view! {
        <section class="panel map-panel" aria-labelledby="map-heading" data-testid="map">
            <h2 id="map-heading" class="visually-hidden">{t(Msg::Map)}</h2>
            <MapCanvas dataset=dataset.clone() scene=scene box_titles=box_titles>
                <details class="map-box legend-box" open=wide>
                    <summary>{t(Msg::Legend)}</summary>
                    <Legend dataset=legend_data.clone() />
                </details>
                <details class="map-box site-lists" on:toggle=move |_| listed.set(true)>
                    <summary>{t(Msg::SitesAsList)}</summary>
                    <div class="site-groups">
                        {move || listed.get().then(|| view! {
                            {side_list(Side::France, Msg::ViewFrance)}
                            {side_list(Side::China, Msg::ViewChina)}
                            {side_list(Side::Other, Msg::Elsewhere)}
                        })}
                    </div>
                </details>
                {(off_map_count > 0).then(|| view! {
                    <details class="map-box off-map" data-testid="off-map">
                        <summary>{off_map_title}</summary>
                        <p class="off-map__why">{t(Msg::OffMapWhy)}</p>
                        <ul class="site-list">{off_map_list}</ul>
                    </details>
                })}
            </MapCanvas>
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
