//! The root component: loads the dataset and lays out the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{DataWarnings, DetailPanel, Header, Intro, LoadErrorPanel, MapPanel, Presenter, TimelinePanel, Toolbar};
use crate::loader::{fetch_dataset, DATASET_PATH};
use crate::geo::scene::MapView;
use crate::model::filter::Filter;
use crate::model::{Dataset, Issue, Lang};

/// What the panel under the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Timeline,
    List,
}

/// State shared by every component, provided as context by [`App`].
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The language data texts are shown in.
    pub lang: RwSignal<Lang>,
    /// The id of the selected item, if any.
    pub selected: RwSignal<Option<String>>,
    /// The id of the selected site, if any (a site and an item are never both selected).
    pub selected_site: RwSignal<Option<String>>,
    /// The map's window.
    pub map_view: RwSignal<MapView>,
    /// The map's zoom relative to its view and its centre on the projected plane, when the
    /// user has moved it.
    pub map_zoom: RwSignal<Option<(f64, f64, f64)>>,
    /// What is shown: the same set on the map, the timeline and the list.
    pub filter: RwSignal<Filter>,
    /// The time cursor (a day number); `None` shows every date.
    pub cursor: RwSignal<Option<i64>>,
    /// Whether the cursor is playing through time.
    pub playing: RwSignal<bool>,
    pub panel: RwSignal<Panel>,
    /// Presenter mode: the current step (0-based), or `None` when not presenting.
    pub presenting: RwSignal<Option<usize>>,
    /// Embedded in another site's iframe (`?embed=1`).
    pub embed: RwSignal<bool>,
    /// Origins whose commands an embedded app obeys.
    pub allow: RwSignal<Vec<String>>,
    /// Whether the filters' drawer is open.
    pub filters_open: RwSignal<bool>,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            lang: RwSignal::new(Lang::En),
            selected: RwSignal::new(None),
            selected_site: RwSignal::new(None),
            map_view: RwSignal::new(MapView::Both),
            map_zoom: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
            cursor: RwSignal::new(None),
            playing: RwSignal::new(false),
            panel: RwSignal::new(Panel::Timeline),
            presenting: RwSignal::new(None),
            embed: RwSignal::new(false),
            allow: RwSignal::new(Vec::new()),
            filters_open: RwSignal::new(false),
        }
    }

    /// Clears the selection (Escape).
    pub fn clear_selection(&self) {
        self.selected.set(None);
        self.selected_site.set(None);
    }

    /// Selects an item (and no site).
    pub fn select_item(&self, id: String) {
        self.selected_site.set(None);
        self.selected.set(Some(id));
    }

    /// Selects a site (and no item).
    pub fn select_site(&self, id: String) {
        self.selected.set(None);
        self.selected_site.set(Some(id));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Passerelle: a header, then the map, timeline and detail panel once the dataset has
/// loaded, or a message saying exactly why it did not.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // The browser's preferred language until the URL says otherwise.
    let browser: Vec<String> = window().navigator().language().into_iter().collect();
    state.lang.set(crate::i18n::choose_lang(None, &browser));
    crate::url_sync::install(state);
    crate::embed::install(state);
    Effect::new(move |_| {
        let lang = crate::i18n::html_lang(state.lang.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang);
        }
    });
    let loaded = LocalResource::new(|| async {
        // `?data=` may point at another dataset, on this site only.
        let asked = web_sys::UrlSearchParams::new_with_str(&window().location().search().unwrap_or_default())
            .ok()
            .and_then(|p| p.get("data"));
        let path = match asked {
            None => DATASET_PATH.to_owned(),
            Some(p) => match crate::model::check_data_path(&p) {
                Ok(p) => p,
                Err(reason) => {
                    let e = crate::model::LoadError::Refused { file: p, reason };
                    web_sys::console::error_1(&format!("Passerelle: {e}").into());
                    return Err(e);
                }
            },
        };
        fetch_dataset(&path).await.map(|l| (Arc::new(l.dataset), Arc::new(l.warnings)))
    });
    let status = Signal::derive(move || loaded.with(|l| l.as_ref().map(Result::is_ok)));

    view! {
        <div class="app" class:is-presenting=move || state.presenting.get().is_some() class:is-embedded=move || state.embed.get()>
            <Header loaded=status />
            {move || state.embed.get().then(|| view! { <crate::components::EmbedBar /> })}
            {move || match loaded.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(error)) => view! { <LoadErrorPanel error=error /> }.into_any(),
                Some(Ok((dataset, warnings))) => {
                    view! { <Workspace dataset=dataset warnings=warnings /> }.into_any()
                }
            }}
        </div>
    }
}

/// Shown while the dataset is on its way: the workspace's frames at their final size, so
/// that nothing moves when the data arrives.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <main class="workspace workspace--loading" id="main" aria-busy="true">
            <div class="toolbar toolbar--placeholder"></div>
            <section class="panel map-panel">
                <div class="map-frame map-frame--placeholder">
                    <p class="status" role="status">{crate::components::t(crate::i18n::Msg::Loading)}</p>
                </div>
            </section>
            <div class="side side--placeholder"></div>
            <section class="panel timeline-panel timeline-panel--placeholder"></section>
        </main>
    }
}

/// The linked views of a loaded dataset: the toolbar, the map, the introduction or the
/// details, the timeline; and what the validator warned about.
#[component]
pub fn Workspace(
    dataset: Arc<Dataset>,
    #[prop(optional)] warnings: Arc<Vec<Issue>>,
) -> impl IntoView {
    // Escape closes the filters' drawer, or else clears the selection, wherever the focus
    // is (but not while presenting: the presenter has its own keys).
    let state = expect_context::<AppState>();
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() != "Escape" || e.default_prevented() || state.presenting.get_untracked().is_some() {
            return;
        }
        if state.filters_open.get_untracked() {
            state.filters_open.set(false);
            crate::dom::focus_by_id("filters-button");
        } else {
            state.clear_selection();
        }
    });
    on_cleanup(move || escape.remove());
    let shown = {
        let ds = dataset.clone();
        Memo::new(move |_| state.filter.with(|f| f.positions(&ds)))
    };
    provide_context(crate::components::ShownItems(shown));
    let has_selection = move || state.selected.with(Option::is_some) || state.selected_site.with(Option::is_some);
    view! {
        <main class="workspace" id="main" class:has-selection=has_selection>
            <Toolbar dataset=dataset.clone() />
            <MapPanel dataset=dataset.clone() />
            <div class="side">
                <DataWarnings warnings=warnings />
                <Intro dataset=dataset.clone() />
            </div>
            <DetailPanel dataset=dataset.clone() />
            <TimelinePanel dataset=dataset.clone() />
            <Presenter dataset=dataset />
        </main>
    }
}
