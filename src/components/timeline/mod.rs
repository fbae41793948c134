//! The panel under the map: the time cursor (slider, step buttons, play/pause) that the
//! map and the list follow, and either the timeline's lanes or the list. The lanes' layout
//! is the pure [`crate::model::timeline::layout`]; [`lanes`] draws it and handles zoom,
//! pan and selection, its boxes built and kept right in place by [`boxes`]; [`cursor`] is
//! the time cursor.

mod boxes;
mod cursor;
mod gestures;
mod lane;
mod lanes;
mod undated;

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::list_view::list_view;
use leptos::html;

use crate::components::{OnDemand, t};
use crate::geo::interaction::ZOOM_STEP;
use crate::i18n::Msg;
use crate::i18n::timeline::{PANEL_TABS, shown_range, timeline_tools_markup};
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
    // The tools written as markup (`i18n::timeline`) in the reader's language; the period
    // shown and the panel then set in place. One listener for their buttons.
    let tools = NodeRef::<html::Div>::new();
    let markup = move |lang| {
        timeline_tools_markup(lang, &shown_range(lang, shown_days.get_untracked()), state.panel.get_untracked())
    };
    let now = crate::dom::markup_in_place(
        tools,
        move || Some(state.lang.get()),
        markup,
        move |root, lang| {
            let (days, panel) = (shown_days.get(), state.panel.get());
            if let Ok(Some(toolbar)) = root.query_selector(".timeline-toolbar") {
                let _ = toolbar.toggle_attribute_with_force("hidden", panel != Panel::Timeline);
            }
            if let Ok(Some(range)) = root.query_selector(".timeline-toolbar__range") {
                range.set_text_content(Some(&shown_range(lang, days)));
            }
            for (tab, slug, _) in PANEL_TABS {
                if let Ok(Some(button)) = root.query_selector(&format!(r#"[data-panel="{slug}"]"#)) {
                    crate::dom::set_aria_state(&button, "aria-pressed", tab == panel);
                }
            }
        },
    );
    let on_click = move |e: leptos::ev::MouseEvent| {
        let Some(button) = crate::dom::event_closest(&e, "button") else { return };
        if let Some(slug) = button.get_attribute("data-panel") {
            if let Some((tab, _, _)) = PANEL_TABS.iter().find(|(_, s, _)| *s == slug) {
                state.panel.set(*tab);
            }
            return;
        }
        match button.get_attribute("data-zoom").as_deref() {
            Some("in") => zoom(ZOOM_STEP),
            Some("out") => zoom(1.0 / ZOOM_STEP),
            Some("reset") => shown_days.set(extent),
            _ => {}
        }
    };
    let ds = dataset.clone();
    // Listened to through dom::use_event rather than a typed handler in the view (issue 25).
    crate::dom::use_event(tools, "click", false, on_click);
    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading" class="visually-hidden">{t(Msg::Timeline)}</h2>
            <div class="timeline-head">
                {months.map(|m| view! { <cursor::TimeCursor months=m /> })}
                <div class="timeline-tools" node_ref=tools inner_html=now></div>
            </div>
            {move || match (state.panel.get(), months) {
                (Panel::Timeline, Some(_)) => view! { <lanes::Lanes dataset=ds.clone() shown_days=shown_days extent=extent zoom_step=zoom /> }.into_any(),
                (Panel::Timeline, None) => view! { <p>{t(Msg::NoDated)}</p> }.into_any(),
                (Panel::List, _) => { let ds = ds.clone(); view! { <OnDemand load=move || list_view(ds.clone()) waiting=true /> }.into_any() }
            }}
        </section>
    }
}
