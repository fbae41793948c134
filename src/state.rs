//! The app's state: one signal per thing the reader chooses (typed as in
//! [`crate::model::ui`]), and the operations on it as methods, as leptos' todomvc does.
//! Provided as context by the root component; components read it and call its methods.
//! It depends on the pure core, and on the loader for a language's texts
//! ([`AppState::set_lang`]), never on a component.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chunk::chunk;
use crate::geo::camera::step_zoom;
use crate::model::filter::Filter;
use crate::model::preview::{Preview, PreviewState};
use crate::model::tour::steps;
use crate::model::ui::{MapView, Mode, Panel, Print, Selection, Zoom};
use crate::model::url_state::UrlState;
use crate::model::{Dataset, Lang};

#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The language of the interface and the data.
    pub lang: RwSignal<Lang>,
    /// What is selected: nothing, an item or a site.
    pub selection: RwSignal<Selection>,
    /// The map's view, as chosen (the map shows the overview where the frame is too small
    /// for two panes).
    pub map_view: RwSignal<MapView>,
    /// How far the reader moved a one-pane view, when they did.
    pub map_zoom: RwSignal<Option<Zoom>>,
    /// What is shown: the same set on the map, the timeline and the list.
    pub filter: RwSignal<Filter>,
    /// The time cursor (a day number); `None` shows every date.
    pub cursor: RwSignal<Option<i64>>,
    /// Whether the cursor is playing through time.
    pub playing: RwSignal<bool>,
    pub panel: RwSignal<Panel>,
    pub mode: RwSignal<Mode>,
    /// The tour being shown; `None`: the automatic tour of the dated items.
    pub tour: RwSignal<Option<String>>,
    /// The projector's screen blanked (B or . while presenting, or from the console).
    pub blank: RwSignal<bool>,
    /// Whether the filters' drawer is open.
    pub filters_open: RwSignal<bool>,
    /// Printing, and with a tour's speaker notes or not.
    pub print: RwSignal<Print>,
    /// How the page is set up by its URL: embedded, whose commands it obeys, which dataset.
    pub embed: RwSignal<bool>,
    pub allow: StoredValue<Vec<String>>,
    pub data: StoredValue<Option<String>>,
    /// A dataset file an editor opened in the page (not in the URL: a file cannot be).
    pub preview: RwSignal<PreviewState>,
    /// The dataset shown, once it has arrived: what a tour's steps are read from.
    dataset: StoredValue<Option<Arc<Dataset>>>,
    /// The language last asked for ([`AppState::set_lang`]), which may wait for its texts.
    lang_asked: StoredValue<Lang>,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            lang: RwSignal::new(Lang::En),
            selection: RwSignal::new(Selection::None),
            map_view: RwSignal::new(MapView::default()),
            map_zoom: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
            cursor: RwSignal::new(None),
            playing: RwSignal::new(false),
            panel: RwSignal::new(Panel::default()),
            mode: RwSignal::new(Mode::Explore),
            tour: RwSignal::new(None),
            blank: RwSignal::new(false),
            filters_open: RwSignal::new(false),
            print: RwSignal::new(Print::Off),
            embed: RwSignal::new(false),
            allow: StoredValue::new(Vec::new()),
            data: StoredValue::new(None),
            preview: RwSignal::new(PreviewState::None),
            dataset: StoredValue::new(None),
            lang_asked: StoredValue::new(Lang::En),
        }
    }

    pub fn select_item(&self, id: String) {
        self.selection.set(Selection::Item(id));
    }

    pub fn select_site(&self, id: String) {
        self.selection.set(Selection::Site(id));
    }

    /// Clears the selection (Escape, the sheet's close button).
    pub fn clear_selection(&self) {
        if !self.selection.with_untracked(Selection::is_none) {
            self.selection.set(Selection::None);
        }
    }

    /// The selected item's id, tracked.
    pub fn selected_item(&self) -> Option<String> {
        self.selection.with(|s| s.item().map(str::to_owned))
    }

    /// The selected site's id, tracked.
    pub fn selected_site(&self) -> Option<String> {
        self.selection.with(|s| s.site().map(str::to_owned))
    }

    /// The presenter's step, tracked, or `None` when not presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.mode.with(|m| if m.is_presenting() { m.step() } else { None })
    }

    pub fn is_presenting_untracked(&self) -> bool {
        self.mode.with_untracked(|m| m.is_presenting())
    }

    /// The dataset has arrived: it is kept for the tours, and the step a URL asked for
    /// (a talk resumed, a shared step) is shown.
    /// A file opened in the preview: drawn instead of the published dataset when it can be
    /// (what was selected may not be in it), its findings listed either way.
    pub fn open_preview(&self, preview: Arc<Preview>) {
        if let Some(dataset) = preview.dataset.clone() {
            self.clear_selection();
            self.dataset_loaded(dataset);
        }
        self.preview.set(PreviewState::Open(preview));
    }

    /// Back to the published dataset.
    pub fn close_preview(&self, published: Option<Arc<Dataset>>) {
        let drawn = self.preview.with_untracked(|p| p.dataset().is_some());
        self.preview.set(PreviewState::None);
        if drawn {
            self.clear_selection();
            if let Some(dataset) = published {
                self.dataset_loaded(dataset);
            }
        }
    }

    pub fn dataset_loaded(&self, dataset: Arc<Dataset>) {
        self.dataset.set_value(Some(dataset));
        self.show_step();
    }

    /// Changes the language: at once where the dataset holds its texts, else once the
    /// language's edition has filled them in (`model::edition`), so that the page never
    /// shows one language's interface over another's texts (a failure changes it anyway,
    /// the texts then in the words the page has). The last language asked for wins.
    pub fn set_lang(&self, lang: Lang) {
        self.lang_asked.set_value(lang);
        match self.dataset.get_value() {
            Some(ds) if crate::model::edition::lacks(&ds, lang) => {
                let state = *self;
                leptos::task::spawn_local(async move {
                    crate::loader::fill_language(&ds, lang).await;
                    if state.lang_asked.get_value() == lang {
                        state.lang.set(lang);
                    }
                });
            }
            _ => self.lang.set(lang),
        }
    }

    /// Starts a tour (`None`: the automatic one) at its first step, shown as `mode` says.
    pub fn start_tour(&self, tour: Option<String>, mode: Mode) {
        self.filters_open.set(false);
        self.tour.set(tour);
        self.mode.set(mode.at(0));
        self.show_step();
    }

    /// Goes to another step of the tour being shown, the same way.
    pub fn go_to_step(&self, step: usize) {
        let mode = self.mode.get_untracked();
        if mode.step().is_some() && mode.step() != Some(step) {
            self.mode.set(mode.at(step));
            self.show_step();
        }
    }

    /// Goes where the other window of a talk is (a tour, `None` for the automatic one,
    /// and a step), if this one is in the talk.
    pub fn follow_talk(&self, tour: Option<String>, step: usize) {
        let mode = self.mode.get_untracked();
        let same_tour = self.tour.with_untracked(|t| *t == tour);
        if mode.step().is_none() || (same_tour && mode.step() == Some(step)) {
            return;
        }
        if !same_tour {
            self.tour.set(tour);
        }
        self.mode.set(mode.at(step));
        self.show_step();
    }

    /// Shows the tour's current step in the page: selects what it shows, moves the time
    /// cursor to its date and the map to its view (and zoom). The console shows the
    /// speaker the steps, not the map, so it has nothing to move.
    /// (The tour's steps are made in the presenter's chunk, [`step_shown`], fetched on a
    /// tour's first step: a page that shows no tour never fetches them.)
    fn show_step(&self) {
        if self.mode.with_untracked(|m| m.shown_step()).is_none() || self.dataset.with_value(Option::is_none) {
            return;
        }
        let state = *self;
        // A chunk that cannot come shows nothing here: the tour's card says so, where it is.
        leptos::task::spawn_local(async move { _ = step_shown(state).await });
    }

    /// Back to exploring: the screen no longer blank, and out of full screen if the
    /// presentation had it.
    pub fn leave_tour(&self) {
        self.blank.set(false);
        self.mode.set(Mode::Explore);
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    }

    /// Shows a view from its fitted window: another view moves there (and the reader's zoom
    /// goes with the old one); the same view goes back to its fit.
    pub fn show_view(&self, view: MapView) {
        if self.map_view.get_untracked() != view {
            self.map_view.set(view);
        }
        self.map_zoom.set(None);
    }

    /// The state as the URL writes it; `lang_in_url` says whether the language goes in.
    pub fn to_url(&self, lang_in_url: bool) -> UrlState {
        UrlState {
            selection: self.selection.get(),
            time: self.cursor.get(),
            filter: self.filter.get(),
            view: self.map_view.get(),
            zoom: self.map_zoom.get(),
            panel: self.panel.get(),
            lang: lang_in_url.then(|| self.lang.get()),
            mode: self.mode.get(),
            tour: self.tour.get(),
            embed: self.embed.get(),
            allow: self.allow.get_value(),
            data: self.data.get_value(),
        }
    }

    /// The state now, untracked, with the language in: what a link made from a click holds.
    pub fn url_now(&self) -> UrlState {
        untrack(|| self.to_url(true))
    }

    /// Takes everything a URL says (a shared link, Back or Forward); the language is
    /// `default_lang` unless the URL names one.
    pub fn apply_url(&self, url: &UrlState, default_lang: Lang) {
        self.selection.set(url.selection.clone());
        self.cursor.set(url.time);
        self.filter.set(url.filter.clone());
        self.map_view.set(url.view);
        self.map_zoom.set(url.zoom);
        self.panel.set(url.panel);
        self.set_lang(url.lang.unwrap_or(default_lang));
        self.mode.set(url.mode);
        self.tour.set(url.tour.clone());
        self.embed.set(url.embed);
        self.allow.set_value(url.allow.clone());
        self.data.set_value(url.data.clone());
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

chunk!(
    /// Shows the tour's step the mode is at now (a later step asked for meanwhile wins).
    presenter, preload_steps, fn step_shown(state: AppState) -> () {
        let i = state.mode.with_untracked(|m| m.shown_step());
        if let (Some(i), Some(ds)) = (i, state.dataset.get_value()) {
            let steps = state.tour.with_untracked(|t| steps(&ds, t.as_deref()));
            if let Some(step) = steps.get(i.min(steps.len().saturating_sub(1))) {
                match (&step.item, &step.site) {
                    (Some(item), _) => state.select_item(item.clone()),
                    (None, Some(site)) => state.select_site(site.clone()),
                    (None, None) => state.clear_selection(),
                }
                state.cursor.set(step.time);
                state.show_view(step.view);
                if let Some(z) = step_zoom(&ds, step) {
                    state.map_zoom.set(Some(z));
                }
            }
        }
    }
);
