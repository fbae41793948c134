use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::geo::BaseMap;
use crate::model::{Dataset, Side};

/// The map area. Until the SVG map lands it lists the sites on each side, which stays as
/// the map's text alternative.
#[component]
pub fn MapPanel(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let credit = format!("Base map: {}", BaseMap::embedded().credit);
    let side_list = move |side: Side, label: &'static str| {
        let ds = dataset.clone();
        let names = move || {
            let lang = state.lang.get();
            ds.sites
                .iter()
                .filter(|s| s.side == side)
                .map(|s| view! { <li data-site=s.id.clone()>{s.name.get(lang).to_owned()}</li> })
                .collect_view()
        };
        view! {
            <div class="site-group">
                <h3>{label}</h3>
                <ul class="site-list">{names}</ul>
            </div>
        }
    };
    view! {
        <section class="panel map-panel" aria-labelledby="map-heading" data-testid="map">
            <h2 id="map-heading">"Map"</h2>
            <div class="site-groups">
                {side_list(Side::France, "Auvergne-Rhône-Alpes")}
                {side_list(Side::China, "Hebei · Beijing")}
                {side_list(Side::Other, "Elsewhere")}
            </div>
            <p class="map-credit" data-testid="map-credit">{credit}</p>
        </section>
    }
}
