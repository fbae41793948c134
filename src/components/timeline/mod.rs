//! The panel under the map: the time cursor (slider, step buttons, play/pause) that the
//! map and the list follow, and either the timeline's lanes or the list. The lanes' layout
//! is the pure [`crate::model::timeline::layout`]; [`lanes`] draws it and handles zoom,
//! pan and selection, its boxes built and kept right in place by [`boxes`]; [`cursor`] is
//! the time cursor.

mod boxes;
mod cursor;
mod lanes;
mod undated;

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::list_view::list_view;
use crate::components::{OnDemand, t};
use crate::geo::interaction::ZOOM_STEP;
use crate::i18n::{Msg, long_date};
use crate::model::Dataset;
use crate::model::time::TimeScale;
use crate::model::timeline::CursorMonths;
use crate::model::ui::Panel;
use crate::state::AppState;

/// The shortest period the timeline zooms to, in days.
pub(crate) const MIN_DAYS: f64 = 45.0;

#[component]
pub fn TimelinePanel(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let months = CursorMonths::of(dataset.items.iter());
    let extent = months.map_or((0.0, 1.0), |m| m.extent());
    let shown_days = RwSignal::new(extent);
    let tab = move |panel: Panel, slug: &'static str, label: Msg| {
        view! {
            <button type="button" id=format!("panel-tab-{slug}") data-panel=slug aria-pressed=move || (state.panel.get() == panel).to_string()
                on:click=move |_| state.panel.set(panel)>{t(label)}</button>
        }
    };
    // Zoom about the middle of what is shown, in days (the buttons and keys).
    let zoom = move |factor: f64| {
        let (from, to) = shown_days.get_untracked();
        let z = TimeScale { from, to, x0: 0.0, x1: 1.0 }.zoom_about(0.5, factor, MIN_DAYS, extent.1 - extent.0);
        shown_days.set((z.from, z.to));
    };
    if months.is_none() {
        // Nothing to lay out: the timeline is drawn as it is.
        crate::components::drawn_marker(false)();
    }
    let ds = dataset.clone();
    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading" class="visually-hidden">{t(Msg::Timeline)}</h2>
            <div class="timeline-head">
                {months.map(|m| view! { <cursor::TimeCursor months=m /> })}
                <div class="timeline-tools">
                    <div class="timeline-toolbar" role="group" aria-label=t(Msg::TimelineZoom) hidden=move || state.panel.get() != Panel::Timeline>
                        <button type="button" data-testid="timeline-zoom-in" aria-label=t(Msg::TimelineZoomIn) on:click=move |_| zoom(ZOOM_STEP)>"+"</button>
                        <button type="button" data-testid="timeline-zoom-out" aria-label=t(Msg::TimelineZoomOut) on:click=move |_| zoom(1.0 / ZOOM_STEP)>"−"</button>
                        <button type="button" data-testid="timeline-zoom-reset" aria-label=t(Msg::WholePeriod) on:click=move |_| shown_days.set(extent)>"⟲"</button>
                        <span class="timeline-toolbar__range" data-testid="timeline-range">
                            {move || { let (a, b) = shown_days.get(); format!("{} – {}", long_date(state.lang.get(), a as i64), long_date(state.lang.get(), b as i64)) }}
                        </span>
                    </div>
                    <div class="panel-tabs" role="group" aria-label=t(Msg::ShowAs)>
                        {tab(Panel::Timeline, "timeline", Msg::Timeline)}
                        {tab(Panel::List, "list", Msg::List)}
                    </div>
                </div>
            </div>
            {move || match (state.panel.get(), months) {
                (Panel::Timeline, Some(_)) => view! { <lanes::Lanes dataset=ds.clone() shown_days=shown_days extent=extent zoom_step=zoom /> }.into_any(),
                (Panel::Timeline, None) => view! { <p>{t(Msg::NoDated)}</p> }.into_any(),
                (Panel::List, _) => { let ds = ds.clone(); view! { <OnDemand load=move || list_view(ds.clone()) waiting=true /> }.into_any() }
            }}
        </section>
    }
}
