//! The root component: loads the dataset and lays out the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    DetailPanel, Header, Intro, MapPanel, OnDemand, Presenter, PrintedHandout, TimelinePanel, Toolbar,
};
use crate::components::{PreviewBar, console_view, data_warnings_view, load_error_view};
use crate::geo::scene::MapScene;
use crate::loader::fetch_dataset;
use crate::model::preview::{PreviewState, SameDataset};
use crate::model::{Dataset, Issue};
pub use crate::state::AppState;

/// Passerelle: a header, then the map, timeline and detail panel once the dataset has
/// loaded, or a message saying exactly why it did not.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // The language the page was painted in, until the URL says otherwise.
    state.set_lang(starting_lang());
    // The pre-rendered first screen, where the page shows one for this state: the app is
    // built behind it, unseen, and takes its place in one step once it has drawn.
    crate::dom::drop_unshown_poster();
    let behind_poster = RwSignal::new(crate::dom::poster_shown());
    let drawn = crate::components::FirstDrawing::new();
    provide_context(drawn);
    crate::url_sync::install(state);
    crate::embed::install(state);
    // After the URL is read: a console that opens asks where the talk is.
    crate::channel::install(state);
    // Once the first drawing is done and the page is idle: the worker's downloads of the
    // whole build (for offline use) then do not compete with the page's own.
    crate::dom::once_idle_after(move || drawn.done(), register_service_worker);
    crate::dom::effect(move || {
        let lang = crate::i18n::html_lang(state.lang.get());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang);
        }
    });
    // Behind the pre-rendered page the map starts on the page's drawing of the base map,
    // and the shipped one (28 kB gzip) is fetched once the app has drawn (when the page is
    // next idle), not before: it no longer shares the line with the first module (issue 25).
    let on_page_base = crate::dom::poster_shown();
    let whole_base = RwSignal::new(false);
    provide_context(crate::components::WholeBaseMap(whole_base));
    if on_page_base {
        crate::dom::once_idle_after(
            move || drawn.done(),
            move || {
                leptos::task::spawn_local(async move {
                    if crate::loader::whole_basemap().await {
                        // Projected in a task after the one that read it, and drawn in
                        // the next: together they were one task of 110-130 ms on a phone
                        // (CPU 4x slower) after the first drawing, where a tap waits.
                        crate::dom::next_task().await;
                        let _ = crate::geo::scene::shipped_base_paths();
                        crate::dom::next_task().await;
                        let _ = whole_base.try_set(true);
                    }
                });
            },
        );
    }
    // The dataset, once read (or why it could not be): fetched once, at the start. A signal
    // set by a task, not a resource: Leptos' async memo behind `LocalResource` was about
    // 16 kB of the first module's code for a value that is set once (issue 25).
    let loaded = RwSignal::new(None::<Result<(Arc<Dataset>, Arc<Vec<Issue>>), crate::model::LoadError>>);
    leptos::task::spawn_local(async move {
        let result = async {
            // `?data=` may point at another dataset, on this site only.
            let path = match state.data.get_value() {
                // The reader's edition of the shipped one (model::edition).
                None => crate::loader::shipped_dataset_path(state.lang.get_untracked()),
                Some(p) => match crate::model::check_data_path(&p) {
                    Ok(p) => p,
                    Err(reason) => {
                        let e = crate::model::LoadError::Refused { file: p, reason };
                        web_sys::console::error_1(&format!("Passerelle: {e}").into());
                        return Err(e);
                    }
                },
            };
            // The base map beside the dataset, at the same time (behind the pre-rendered page,
            // whose drawing of it the map starts on, once the map is drawn: below); the bulk
            // painter's code too once the text says it will be needed, while the text is read.
            let dataset = fetch_dataset(&path, crate::components::fetch_bulk_painter_ahead);
            let loaded = if on_page_base {
                dataset.await
            } else {
                let (loaded, basemap) = futures::future::join(dataset, crate::loader::fetch_basemap()).await;
                loaded.and_then(|l| basemap.map(|()| l))
            };
            let loaded = loaded?;
            // A language asked for while the reader's edition came: its texts first.
            loop {
                let lang = state.lang.get_untracked();
                if !crate::model::edition::lacks(&loaded.dataset, lang)
                    || !crate::loader::fill_language(&loaded.dataset, lang).await
                {
                    break;
                }
            }
            Ok((Arc::new(loaded.dataset), Arc::new(loaded.warnings)))
        }
        .await;
        if let Ok((dataset, _)) = &result {
            state.dataset_loaded(dataset.clone());
        }
        let _ = loaded.try_set(Some(result));
    });
    // A search reads every language (a Chinese name finds what its Latin one finds): once
    // a query is typed, the languages the reader's edition lacks are fetched and filled
    // in (model::edition), and the search is run again.
    let searching = Memo::new(move |_| state.filter.with(|f| !f.query.trim().is_empty()));
    crate::dom::effect(move || {
        let Some(Ok((dataset, _))) = (searching.get().then(|| loaded.get())).flatten() else { return };
        if crate::model::Lang::ALL.into_iter().any(|l| crate::model::edition::lacks(&dataset, l)) {
            leptos::task::spawn_local(async move {
                for l in crate::model::Lang::ALL {
                    crate::loader::fill_language(&dataset, l).await;
                }
                state.filter.notify();
            });
        }
    });
    // Two answers rather than one `Option<bool>`: a signal of a type of its own is about a
    // kilobyte of the first module's code.
    let failed = Signal::derive(move || loaded.with(|l| matches!(l, Some(Err(_)))));
    let pending = Signal::derive(move || loaded.with(Option::is_none));
    crate::dom::effect(move || {
        let ready = failed.get() || drawn.done();
        if behind_poster.get_untracked() && ready {
            crate::dom::take_over_from_poster();
            behind_poster.set(false);
        }
    });
    let published =
        Signal::derive(move || loaded.with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).map(|(d, _)| d.clone())));
    // A file an editor opened in the page is drawn instead, when it can be.
    let previewed = Memo::new(move |_| state.preview.with(|p| p.dataset().map(SameDataset)));
    let previewed = Signal::derive(move || previewed.get().map(|d| d.0));
    provide_context(crate::components::LoadedDataset(Signal::derive(move || {
        previewed.get().or_else(|| published.get())
    })));
    provide_context(crate::components::PublishedDataset(published));
    // The bar is made once a file is being read, and stays while it changes.
    let previewing = Memo::new(move |_| !matches!(state.preview.get(), PreviewState::None));
    crate::components::use_file_drop(state);

    // The console is a page of its own; it changes only when the mode enters or leaves it.
    let is_console = Memo::new(move |_| state.mode.with(|m| matches!(m, crate::model::ui::Mode::Console(_))));
    // The header in the first task, the frames under it in the next: on a phone, the app's
    // start was one long task. Behind the pre-rendered page, where neither is seen until the
    // app has drawn, the header too comes in the next task: the first (the module's start,
    // the state, the URL read) was 78-118 ms with it on the phone (CPU 4x slower), 54-74
    // ms without.
    let started = crate::dom::stages(1);
    let header_now = !behind_poster.get_untracked();
    let first_tour = Signal::derive(move || {
        loaded
            .with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).and_then(|(d, _)| d.tours.first().map(|t| t.id.clone())))
    });
    view! {
        <div class="app" class:is-behind-poster=move || behind_poster.get() class:is-presenting=move || state.presenting().is_some() class:is-embedded=move || state.embed.get() class:is-console=move || is_console.get()>
            // Embedded, the bar takes the header's place (one Share dialog in the page).
            {move || (header_now || started.get() > 0).then(|| match state.embed.get() {
                false => view! { <Header failed=failed pending=pending first_tour=first_tour /> }.into_any(),
                true => view! { <crate::components::EmbedBar /> }.into_any(),
            })}
            {move || previewing.get().then(|| view! { <PreviewBar /> })}
            {move || match (loaded.get(), is_console.get(), previewed.get()) {
                (None, _, _) if started.get() == 0 => ().into_any(),
                (None, _, _) => view! { <Loading /> }.into_any(),
                (Some(Err(error)), _, _) => view! { <OnDemand load=move || load_error_view(error.clone()) waiting=true /> }.into_any(),
                (Some(Ok((dataset, _))), true, _) => view! { <OnDemand load=move || console_view(dataset.clone()) waiting=true /> }.into_any(),
                (Some(Ok(_)), false, Some(dataset)) => view! { <Workspace dataset=dataset /> }.into_any(),
                (Some(Ok((dataset, warnings))), false, None) => view! { <Workspace dataset=dataset warnings=warnings /> }.into_any(),
            }}
        </div>
    }
}

/// The language the page starts in: the one its inline script chose before the first paint
/// (`?lang=`, else the browser's languages, else French: the rule of
/// `crate::i18n::choose_lang`), or the same rule here where the page has no such script (a
/// development build).
fn starting_lang() -> crate::model::Lang {
    let chosen = document().document_element().and_then(|root| root.get_attribute("data-lang"));
    match chosen.as_deref().and_then(crate::model::Lang::from_code) {
        Some(lang) => lang,
        None => {
            let browser: Vec<String> = window().navigator().languages().iter().filter_map(|l| l.as_string()).collect();
            crate::i18n::choose_lang(None, &browser)
        }
    }
}

/// Keeps the app for offline use after this visit (`public/sw.js`), where the browser
/// offers service workers (secure contexts).
fn register_service_worker() {
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
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
            // What the page is about, already: the introduction's first lines (its counts
            // and ways in come with the data, under them, so nothing above them moves).
            <div class="side">
                <section class="intro" aria-labelledby="intro-heading">
                    <crate::components::IntroLead />
                </section>
            </div>
            <section class="panel timeline-panel timeline-panel--placeholder"></section>
        </main>
    }
}

/// The linked views of a loaded dataset: the toolbar, the map, the introduction or the
/// details, the timeline; and what the validator warned about.
#[component]
pub fn Workspace(dataset: Arc<Dataset>, #[prop(optional)] warnings: Arc<Vec<Issue>>) -> impl IntoView {
    // Escape closes the filters' drawer, or else clears the selection, wherever the focus
    // is (but not while presenting: the presenter has its own keys).
    let state = expect_context::<AppState>();
    crate::components::fetch_bulk_painter_for(&dataset);
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() != "Escape" || e.default_prevented() || state.is_presenting_untracked() {
            return;
        }
        if state.filters_open.get_untracked() {
            state.filters_open.set(false);
            crate::dom::focus_by_id("filters-button");
        } else if state.mode.with_untracked(|m| matches!(m, crate::model::ui::Mode::Guide(_))) {
            state.leave_tour();
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
    let has_selection = move || !state.selection.with(|s| s.is_none());
    // One scene (the projected map) for the map, what it cannot show, and the handout;
    // built when the map is.
    let scene = {
        let (ds, built) = (dataset.clone(), Arc::new(std::sync::OnceLock::new()));
        move || {
            built
                .get_or_init(|| {
                    let arcs = crate::geo::bulk::live_arc_detail(ds.sites.len());
                    let projection = crate::geo::Projection::eurasia();
                    // Behind the pre-rendered page, on its drawing of the base map until the
                    // shipped one comes (`WholeBaseMap`).
                    let base = match crate::geo::BaseMap::installed() {
                        true => crate::geo::scene::shipped_base_paths().to_vec(),
                        false => crate::dom::poster_base(),
                    };
                    let scene = MapScene::build_on(&ds, base, &projection, arcs);
                    crate::dom::mark("passerelle:scene-built");
                    Arc::new(scene)
                })
                .clone()
        }
    };
    // Built over several tasks, not one: the toolbar and the introduction, the projected
    // map, its drawing, the timeline, then what is not on screen yet (the details, the
    // presenter, the handout; then the filters' checkboxes), each in the frame already in
    // place. On a phone, one task for it all kept the page from answering a tap
    // for half a second.
    let stage = crate::dom::stages(5);
    // The projected map in a task of its own, before its drawing.
    {
        let scene = scene.clone();
        crate::dom::effect(move || {
            if stage.get() == 1 {
                let _ = scene();
            }
        });
    }
    let built = move |at: u8| Memo::new(move |_| stage.get() >= at);
    let (map_built, timeline_built, rest_built) = (built(2), built(3), built(4));
    let drawn = use_context::<crate::components::FirstDrawing>();
    // The handout draws the shipped base map: fetched ahead once it is here (behind the
    // pre-rendered page it comes after the first drawing), not beside it.
    let whole = use_context::<crate::components::WholeBaseMap>();
    let base_in_hand = move || crate::geo::BaseMap::installed() || whole.is_none_or(|w| w.0.get());
    // What is off screen (the filters' checkboxes) is not part of the pre-rendered page: it
    // is built once the map and the timeline are drawn, not in the middle (a second after
    // the last stage if a drawing is never marked: a filter that leaves no box in sight).
    let off_screen = if cfg!(target_arch = "wasm32") {
        let (last, late) = (built(5), RwSignal::new(false));
        crate::dom::effect(move || {
            if last.get() {
                set_timeout(move || _ = late.try_set(true), std::time::Duration::from_secs(1));
            }
        });
        Memo::new(move |_| last.get() && (late.get() || drawn.is_none_or(|d| d.done())))
    } else {
        Memo::new(|_| false)
    };
    provide_context(crate::components::OffScreenReady(off_screen));
    let map = {
        let (ds, scene) = (dataset.clone(), scene.clone());
        move || match map_built.get() {
            true => view! { <MapPanel dataset=ds.clone() scene=scene() /> }.into_any(),
            false => view! { <section class="panel map-panel"><div class="map-frame"></div></section> }.into_any(),
        }
    };
    let timeline = {
        let ds = dataset.clone();
        move || match timeline_built.get() {
            true => view! { <TimelinePanel dataset=ds.clone() /> }.into_any(),
            false => view! { <section class="panel timeline-panel"></section> }.into_any(),
        }
    };
    let rest = {
        let ds = dataset.clone();
        move || {
            rest_built.get().then(|| {
                view! {
                    <DetailPanel dataset=ds.clone() />
                    <Presenter dataset=ds.clone() />
                    <PrintedHandout dataset=ds.clone() scene=scene() drawn=Signal::derive(move || drawn.is_none_or(|d| d.done()) && base_in_hand()) />
                }
            })
        }
    };
    view! {
        <main class="workspace" id="main" class:has-selection=has_selection class:print-notes=move || state.print.get() == crate::model::ui::Print::WithNotes>
            <Toolbar dataset=dataset.clone() />
            {map}
            <div class="side">
                {(!warnings.is_empty()).then(|| view! { <OnDemand load=move || data_warnings_view(warnings.clone()) /> })}
                <Intro dataset=dataset.clone() />
            </div>
            {timeline}
            {rest}
        </main>
    }
}
