//! The page's components, one concern per file. They read [`crate::app::AppState`]
//! from context and hold no state of their own beyond what they display.

mod data_warnings;
mod detail_panel;
mod filters_panel;
mod header;
mod list_view;
mod load_error;
mod map_panel;
mod map_view;
mod presenter;
mod share;
mod timeline_panel;

pub use data_warnings::DataWarnings;
pub use detail_panel::DetailPanel;
pub use filters_panel::FiltersPanel;
pub use header::{DatasetSummary, Header};
pub use list_view::ListView;
pub use load_error::LoadErrorPanel;
pub use map_panel::MapPanel;
pub use map_view::MapCanvas;
pub use presenter::{PresentButton, Presenter};
pub use share::{EmbedBar, ShareButton};
pub use timeline_panel::TimelinePanel;

use crate::i18n::Msg;

/// A message of the interface in the current language, as a reactive closure for views.
pub(crate) fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = current_lang();
    move || msg.text(lang())
}

/// The positions in the dataset of the items the filter shows: computed once per filter
/// change and shared by the map, the timeline, the list and the filters' count (provided by
/// `Workspace`; a component mounted alone makes its own).
#[derive(Clone, Copy)]
pub struct ShownItems(pub leptos::prelude::Memo<Vec<usize>>);

pub(crate) fn shown_items(dataset: &std::sync::Arc<crate::model::Dataset>) -> leptos::prelude::Memo<Vec<usize>> {
    use leptos::prelude::*;
    use_context::<ShownItems>().map(|s| s.0).unwrap_or_else(|| {
        let state = expect_context::<crate::app::AppState>();
        let ds = dataset.clone();
        Memo::new(move |_| state.filter.with(|f| f.positions(&ds)))
    })
}

/// The interface language, read reactively; outside the app (a component mounted alone in
/// a test) it is English.
pub(crate) fn current_lang() -> impl Fn() -> crate::model::Lang + Copy + Send + Sync + 'static {
    let lang = leptos::prelude::use_context::<crate::app::AppState>().map(|s| s.lang);
    move || lang.map_or(crate::model::Lang::En, |l| leptos::prelude::Get::get(&l))
}

/// The client size of `node` in CSS pixels, measured once it is mounted and again whenever
/// the window is resized (`initial` until then; an element not laid out yet is ignored).
pub(crate) fn element_size(node: leptos::prelude::NodeRef<leptos::html::Div>, initial: crate::geo::Viewport) -> leptos::prelude::RwSignal<crate::geo::Viewport> {
    use leptos::prelude::*;
    let size = RwSignal::new(initial);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let next = crate::geo::Viewport { width: f64::from(el.client_width()), height: f64::from(el.client_height()) };
            if next.width > 0.0 && next.height > 0.0 && size.get_untracked() != next {
                size.set(next);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    size
}
