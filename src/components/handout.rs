//! The printed handout, unseen on screen: what Ctrl+P (or Print in the Share dialog) gives,
//! in the page's language. The map of the current view with its legend and credit, then
//! the items the filters show, by date, each with its dates, status, description and
//! citations; or, during a tour, one step a page with its map and caption (and the speaker's
//! notes when asked). Drawn only while printing (from `beforeprint`, whose changes the
//! browser lays out before it prints, to `afterprint`): a visitor who never prints never
//! pays for it, and a phone's first view is not slowed by it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chunk::chunk;
use crate::geo::scene::{MapScene, MarkStyle, shipped_base_paths, shown_view};
use crate::geo::svg::{Emphasis, Framing, map_drawing};
use crate::geo::{BaseMap, Viewport};
use crate::i18n::{Msg, chosen_label, figure, tr, trf, when_label};
use crate::model::Dataset;
use crate::model::export::by_date;
use crate::model::tour::steps;
use crate::model::ui::{MapView, Print, Zoom};
use crate::state::AppState;

/// The printed map's size: A4's width between margins, 16:9.
const PRINT_MAP: Viewport = Viewport { width: 960.0, height: 540.0 };
/// Beyond this many items, the handout lists titles only (a benchmark's ten thousand).
const FULL_ITEMS: usize = 400;

fn drawing(
    scene: &MapScene,
    view: MapView,
    zoom: Option<Zoom>,
    lang: crate::model::Lang,
    emphasis: &Emphasis,
    prefix: &str,
) -> String {
    map_drawing(
        scene,
        Framing { view: shown_view(view, PRINT_MAP), vp: PRINT_MAP, zoom },
        lang,
        MarkStyle::default(),
        emphasis,
        prefix,
    )
}

#[component]
pub fn Handout(dataset: Arc<Dataset>, scene: Arc<MapScene>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let before = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("beforeprint"), move |_| {
        state.print.update(|p| *p = p.started())
    });
    let after = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("afterprint"), move |_| {
        state.print.set(Print::Off)
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let ready = move || state.print.with(|p| *p != Print::Off);
    let shown = crate::components::shown_items(&dataset);
    // Over the shipped base map (the printed module asks for it first): the live map behind
    // the pre-rendered page began on the page's drawing of it, cut to what the page shows,
    // and the handout draws its views at other sizes. (Here, not in the first module: the
    // scene's copy is this chunk's code.) Projected when a print starts, not when the
    // chunk comes: 40 ms of a phone's (CPU 4x slower) blocking time after the first drawing
    // for a page most visitors never print.
    let (live, printed) = (StoredValue::new(scene), StoredValue::new(None::<Arc<MapScene>>));
    let scene = move || {
        if let Some(s) = printed.get_value() {
            return s;
        }
        let live = live.get_value();
        if !live.base_wanting() {
            printed.set_value(Some(live.clone()));
            return live;
        }
        // Until the shipped base map is in hand: the page's drawing of it (asked again).
        if !BaseMap::installed() {
            return live;
        }
        let s = Arc::new(live.with_base(shipped_base_paths().to_vec()));
        printed.set_value(Some(s.clone()));
        s
    };
    let ds = dataset.clone();

    let body = move || {
        if !ready() {
            return ().into_any();
        }
        let lang = state.lang.get();
        let selection = state.selection.get();
        let emphasis = Emphasis {
            selected_item: selection.item().map(str::to_owned),
            selected_site: selection.site().map(str::to_owned),
            ..Emphasis::default()
        };
        let title = view! { <h1 class="handout__title">"Passerelle — "{tr(lang, Msg::Tagline)}</h1> };
        // A tour: a step a page.
        if state.mode.with(|m| m.step().is_some()) {
            let tour = state.tour.get();
            let notes = state.print.get() == Print::WithNotes;
            let pages = steps(&ds, tour.as_deref())
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let e = Emphasis { selected_item: s.item.clone(), selected_site: s.site.clone(), ..Emphasis::default() };
                    let map = drawing(&scene(), s.view, None, lang, &e, &format!("print-step-{i}"));
                    view! {
                        <section class="handout-step">
                            <p class="handout__progress">{trf(lang, Msg::StepN, &[&(i + 1).to_string()])}</p>
                            <h2>{s.title.get(lang).to_owned()}</h2>
                            {s.when.as_ref().map(|w| view! { <p class="handout__date">{when_label(lang, w)}</p> })}
                            <figure class="handout__map" inner_html=map></figure>
                            <p class="handout__caption">{s.caption.get(lang).to_owned()}</p>
                            {notes.then(|| view! { <div class="handout__notes"><h3>{tr(lang, Msg::HandoutNotes)}</h3><p>{s.notes.get(lang).to_owned()}</p></div> })}
                        </section>
                    }
                })
                .collect_view();
            return view! { <div class="handout__tour">{title}{pages}</div> }.into_any();
        }
        // The current view and the shown items.
        let positions = by_date(&ds, &shown.get());
        // The map as the page shows it: what the filters leave out is not drawn.
        let map = {
            let sc = scene();
            let filtered = state.filter.with(|f| !f.is_empty()).then(|| sc.showing(&ds.item_ids(&positions)));
            drawing(
                filtered.as_ref().unwrap_or(&sc),
                state.map_view.get(),
                state.map_zoom.get(),
                lang,
                &emphasis,
                "print-pane",
            )
        };
        let filter = state.filter.get();
        let chosen: Vec<&str> = filter.chosen().into_iter().map(|c| chosen_label(lang, c)).collect();
        let full = positions.len() <= FULL_ITEMS;
        let items = positions
            .iter()
            .map(|&n| {
                let item = &ds.items[n];
                let citations = item
                    .sources
                    .iter()
                    .map(|c| {
                        let source = ds.sources.iter().find(|s| s.id == c.source).map_or(c.source.clone(), |s| s.title.get(lang).to_owned());
                        view! { <li><cite>{source}</cite>", "{c.place.clone()}</li> }
                    })
                    .collect_view();
                let figures = item.figures.iter().map(|f| view! { <li>{figure(lang, f)}</li> }).collect_view();
                view! {
                    <article class="handout-item">
                        <h3>{item.title.get(lang).to_owned()}</h3>
                        <p class="handout__meta">{format!("{} · {} · {}", when_label(lang, &item.when), item.kind.label(lang), item.status.label(lang))}</p>
                        {full.then(|| view! {
                            <p>{item.description.get(lang).to_owned()}</p>
                            <ul class="handout__figures">{figures}</ul>
                            <ul class="handout__sources">{citations}</ul>
                        })}
                    </article>
                }
            })
            .collect_view();
        view! {
            <div class="handout__page">
                {title}
                <p>{tr(lang, Msg::IntroText)}</p>
                <figure class="handout__map" inner_html=map></figure>
                <crate::components::Legend dataset=ds.clone() />
                <p class="handout__credit">{trf(lang, Msg::BaseMap, &[crate::geo::basemap::CREDIT])}</p>
                <p class="handout__count">{trf(lang, crate::i18n::plural(lang, positions.len(), Msg::HandoutShownOne, Msg::HandoutShown), &[&positions.len().to_string()])}</p>
                {(!chosen.is_empty()).then(|| view! { <p>{trf(lang, Msg::HandoutFilters, &[&chosen.join(", ")])}</p> })}
                {(!filter.query.trim().is_empty()).then(|| view! { <p>{trf(lang, Msg::HandoutSearch, &[filter.query.trim()])}</p> })}
                <div class="handout__items">{items}</div>
            </div>
        }
        .into_any()
    };
    view! { <div class="print-handout" data-testid="handout" aria-hidden="true">{body}</div> }
}

chunk!(
    /// The printed handout (fetched once the page is idle: the browser's `beforeprint`
    /// cannot wait for a download).
    reader, preload_print, fn handout_view(dataset: Arc<Dataset>, scene: Arc<MapScene>) -> AnyView {
        view! { <Handout dataset=dataset scene=scene /> }.into_any()
    }
);
