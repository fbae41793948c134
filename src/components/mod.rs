//! The page's components, one concern per file. They read [`crate::state::AppState`]
//! from context, call its methods, and draw layouts the pure core computes; they hold no
//! state of their own beyond what they display.

mod console;
mod data_warnings;
mod detail_panel;
mod editor_io;
mod export;
pub(crate) mod filters_panel;
pub(crate) mod future_marks;
mod handout;
mod header;
mod intro;
mod list_view;
mod load_error;
mod map;
mod map_panel;
pub(crate) mod on_demand;
pub(crate) mod presenter;
mod preview;
mod preview_bar;
mod print;
mod share;
mod timeline;
mod toolbar;

pub use console::console_view;
pub use data_warnings::data_warnings_view;
pub use detail_panel::DetailPanel;
pub use export::{ExportActions, LoadedDataset};
pub use filters_panel::FilterDrawer;
pub use header::Header;
pub use intro::{Intro, IntroLead};
pub use list_view::ListView;
pub use load_error::{LoadErrorPanel, load_error_view};
pub use map::{MapCanvas, fetch_bulk_painter_ahead, fetch_bulk_painter_for};
pub use map_panel::{Legend, MapPanel};
pub use on_demand::OnDemand;
pub use presenter::{PresentButton, Presenter};
pub use preview::{PublishedDataset, use_file_drop};
pub use preview_bar::PreviewBar;
pub use print::{PrintedHandout, print_page};
pub use share::{EmbedBar, ShareButton};
pub use timeline::TimelinePanel;
pub use toolbar::Toolbar;

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

/// Whether the shipped base map has arrived since the map was built on the pre-rendered
/// page's drawing of it (provided by the app, which fetches it once it has drawn behind
/// that page): the map then draws it whole.
#[derive(Clone, Copy)]
pub struct WholeBaseMap(pub leptos::prelude::RwSignal<bool>);

/// Whether the map and the timeline have been drawn with their data for the first time
/// (provided by the app, which then takes the place of the pre-rendered first screen).
#[derive(Clone, Copy)]
pub struct FirstDrawing {
    pub map: leptos::prelude::RwSignal<bool>,
    pub timeline: leptos::prelude::RwSignal<bool>,
}

impl FirstDrawing {
    #[allow(clippy::new_without_default)] // a set of signals in the current owner, not a value
    pub fn new() -> Self {
        use leptos::prelude::RwSignal;
        Self { map: RwSignal::new(false), timeline: RwSignal::new(false) }
    }

    /// Both drawn, tracked.
    pub fn done(&self) -> bool {
        use leptos::prelude::Get;
        self.map.get() && self.timeline.get()
    }
}

/// What says that the map (`map`) or the timeline has been drawn with its data, made where
/// the component is built and called once it has drawn (in a later frame, outside the
/// component's context): a `performance.mark` for the benchmark and the tests
/// (`passerelle:map-drawn`, `passerelle:timeline-drawn`), and the app's [`FirstDrawing`].
pub(crate) fn drawn_marker(map: bool) -> impl Fn() + Clone + 'static {
    use leptos::prelude::{Set, use_context};
    let drawn = use_context::<FirstDrawing>();
    move || {
        crate::dom::mark(if map { "passerelle:map-drawn" } else { "passerelle:timeline-drawn" });
        if let Some(drawn) = drawn {
            // try_: the app may be gone by then.
            let _ = (if map { drawn.map } else { drawn.timeline }).try_set(true);
        }
    }
}

/// Whether the workspace has drawn what is on screen, so that what is not (the filters'
/// checkboxes) may be built now (provided by `Workspace`; alone, a component builds it at
/// once).
#[derive(Clone, Copy)]
pub struct OffScreenReady(pub leptos::prelude::Memo<bool>);

pub(crate) fn shown_items(dataset: &std::sync::Arc<crate::model::Dataset>) -> leptos::prelude::Memo<Vec<usize>> {
    use leptos::prelude::*;
    use_context::<ShownItems>().map(|s| s.0).unwrap_or_else(|| {
        let state = expect_context::<crate::state::AppState>();
        let ds = dataset.clone();
        Memo::new(move |_| state.filter.with(|f| f.positions(&ds)))
    })
}

/// The interface language, read reactively; outside the app (a component mounted alone in
/// a test) it is English.
pub(crate) fn current_lang() -> impl Fn() -> crate::model::Lang + Copy + Send + Sync + 'static {
    let lang = leptos::prelude::use_context::<crate::state::AppState>().map(|s| s.lang);
    move || lang.map_or(crate::model::Lang::En, |l| leptos::prelude::Get::get(&l))
}
