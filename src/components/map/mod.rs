//! The interactive SVG map: views, pan and zoom (wheel, drag, pinch, keys, buttons), sites
//! and links that highlight what they connect and select on click or Enter. Split by
//! concern: [`camera`] (the windows and what moves them), [`layers`] (the two drawings'
//! markup), [`marks`] (the one layer that puts them in the page and keeps what each mark
//! shows of the state), [`canvas`] (the same marks painted in bulk), [`gestures`] (the
//! reader's hands), [`chrome`] (what stands over the map, `geo::chrome`'s markup) and
//! [`controls`] (what its buttons do).

mod camera;
mod canvas;
mod chrome;
mod controls;
mod gestures;
mod layers;
mod marks;

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::geo::bulk::{SiteGrid, looks_bulk};
use crate::geo::chrome::{ChromeContent, credit_text, shown_view_labels};
use crate::geo::interaction::{Hover, connected};
use crate::geo::labels::Rect;
use crate::geo::marks::{MarkItems, MarkState};
use crate::geo::scene::{
    COMPACT_WIDTH, ControlTexts, MapScene, MapView, MarkStyle, boxes_keep_out, controls_insets, controls_keep_out,
    shown_view,
};
use crate::geo::svg::{Emphasis, in_bulk};
use crate::geo::{ViewTransform, Viewport};
use crate::i18n::Msg;
use crate::model::Dataset;
use crate::model::number::Plain;
use crate::state::AppState;
use camera::MapCamera;

/// What every part of the map shares.
#[derive(Clone, Copy)]
pub(crate) struct MapCtx {
    state: AppState,
    scene: StoredValue<Arc<MapScene>>,
    frame: NodeRef<html::Div>,
    world: NodeRef<leptos::svg::Svg>,
    overlay: NodeRef<leptos::svg::Svg>,
    /// The groups the two drawings' markup goes into (written by `layers`, before anything
    /// reads or decorates them).
    world_g: NodeRef<leptos::svg::G>,
    overlay_g: NodeRef<leptos::svg::G>,
    /// Bulk drawing's canvas, between the two.
    canvas: NodeRef<html::Canvas>,
    /// The frame's size (a stand-in until it is laid out: see `ready`).
    size: Memo<Viewport>,
    /// Whether the frame has been measured: nothing is drawn or fitted before, so the first
    /// drawing is made once, for the real frame.
    ready: Memo<bool>,
    /// The view drawn: the one chosen, unless the frame is too small to split in two.
    view: Memo<MapView>,
    camera: MapCamera,
    style: Memo<MarkStyle>,
    /// Thousands of sites: drawn in bulk (on a canvas, not an element each).
    large: bool,
    /// Bulk drawing: the sites on a grid, for the pointer to find the nearest.
    grid: StoredValue<Option<SiteGrid>>,
    /// A phone's frame: the controls fold into one menu ([`chrome`]).
    compact: Memo<bool>,
    /// Whether that menu is open.
    menu_open: RwSignal<bool>,
    /// What the boxes over the map cover: labels are placed clear of it.
    keep_out: Memo<Vec<Rect>>,
}

/// Starts fetching the bulk painter's chunk for a dataset with more sites than are drawn
/// one by one (the map's painting waits for it). For a dataset the app was handed already
/// read (an editor's preview), or one the text's hint missed.
pub fn fetch_bulk_painter_for(dataset: &Dataset) {
    if in_bulk(dataset.sites.len()) {
        fetch_bulk_painter();
    }
}

/// [`fetch_bulk_painter_for`] from a dataset's text, before it is read ([`looks_bulk`]):
/// the chunk then comes while the text is read, the scene projected and the page built,
/// rather than after (on the synthetic dataset its request went out 180 ms earlier).
pub fn fetch_bulk_painter_ahead(text: &str) {
    if looks_bulk(text) {
        fetch_bulk_painter();
    }
}

fn fetch_bulk_painter() {
    leptos::task::spawn_local(async {
        // A failure is reported where the painter is asked for (fetched twice, it is
        // fetched once).
        let _ = canvas::preload_bulk().await;
    });
}

/// The map: its frame and drawings, and its chrome (the legend, the sites as a list, what
/// the map cannot show: `chrome`, the legend open if `legend_open`) with the view and zoom
/// buttons at the frame's edges, or in one menu on a phone's frame. `box_titles`: the titles of those boxes while they stand closed at
/// the frame's bottom left (none while one starts open, or they are not shown): the sites'
/// names are placed clear of them.
#[component]
pub fn MapCanvas(
    dataset: Arc<Dataset>,
    scene: Arc<MapScene>,
    box_titles: impl Fn() -> Vec<String> + Send + Sync + 'static,
    chrome: ChromeContent,
    legend_open: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let frame = NodeRef::<html::Div>::new();
    let measured = crate::dom::use_element_size(frame, crate::dom::Frame::Map);
    let size = Memo::new(move |_| measured.get().unwrap_or(Viewport { width: 800.0, height: 450.0 }));
    let ready = Memo::new(move |_| measured.with(Option::is_some));
    let view = Memo::new(move |_| shown_view(state.map_view.get(), size.get()));
    let large = in_bulk(scene.sites.len());
    let grid = StoredValue::new(large.then(|| SiteGrid::new(scene.sites.iter().enumerate().map(|(i, s)| (i, s.p)))));
    let scene = StoredValue::new(scene);
    let compact = Memo::new(move |_| size.get().width < COMPACT_WIDTH);
    // Where the sites' names are not placed: under the boxes and the controls over the map.
    let keep_out = Memo::new(move |_| {
        let (vp, lang) = (size.get(), state.lang.get());
        let controls = ControlTexts {
            views: shown_view_labels(vp, lang),
            credit: credit_text(lang),
            presenting: state.presenting().is_some(),
        };
        let mut rects = boxes_keep_out(vp, &box_titles());
        rects.extend(controls_keep_out(vp, &controls));
        rects
    });
    // The fitted panes of the current view and size (clear of the controls over a small
    // map, and of those over a large one where they would cover a site); the reader's
    // moves go on top.
    let panes = Memo::new(move |_| {
        let vp = size.get();
        keep_out.with(|over| scene.with_value(|s| s.panes_clear_of(view.get(), vp, controls_insets(vp), over)))
    });
    // Bigger marks and labels on a projector: nothing under 20 px when presenting.
    let style = Memo::new(move |_| {
        if state.presenting().is_some() { MarkStyle { radius: 9.0, font_px: 20.0 } } else { MarkStyle::default() }
    });
    let ctx = MapCtx {
        state,
        scene,
        frame,
        world: NodeRef::new(),
        overlay: NodeRef::new(),
        world_g: NodeRef::new(),
        overlay_g: NodeRef::new(),
        canvas: NodeRef::new(),
        size,
        ready,
        view,
        camera: MapCamera::new(panes, state),
        style,
        large,
        grid,
        compact,
        menu_open: RwSignal::new(false),
        keep_out,
    };
    ctx.camera.follow(view, size, ready);

    // What stands out: the hovered mark's connections, and the selection.
    let hover = RwSignal::new(None::<Hover>);
    let emphasis = Memo::new(move |_| {
        let (sites, items) = scene.with_value(|s| connected(s, hover.get().as_ref()));
        Emphasis { sites, items, selected_site: state.selected_site(), selected_item: state.selected_item() }
    });
    // What the filter shows (changes with the filter only, not with every pan frame), and
    // when each item begins, for the cursor.
    let shown = {
        let positions = crate::components::shown_items(&dataset);
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let filtering = state.filter.with(|f| !f.is_empty());
            (filtering, positions.with(|p| dataset.item_ids(p)))
        })
    };
    // The marks' items by number, once: a state's looks then read no id per mark. (Each
    // item's start found through the dataset's own index: a map of its own here was a copy
    // of the hash table's code in the first module.)
    let start = |id: &str| dataset.item(id).and_then(|i| crate::model::time::span(&i.when)).map(|s| s.0);
    let by_item = scene.with_value(|s| MarkItems::of(s, &start));
    // What each mark shows: one pure function of the state.
    let looks = Memo::new(move |_| {
        let cursor = state.cursor.get();
        emphasis.with(|emphasis| {
            shown.with(|(filtering, shown)| {
                let state = MarkState { emphasis, filtering: *filtering, shown, cursor };
                scene.with_value(|s| by_item.looks(s, &state))
            })
        })
    });

    let layers = layers::markup(ctx);
    let focused_site = StoredValue::new(None::<String>);
    marks::apply(ctx, layers, looks, focused_site);
    gestures::attach(ctx, looks, hover, focused_site);

    let view_name = move || crate::i18n::view_name(state.lang.get(), view.get());
    let view_box = move || {
        let s = size.get();
        format!("0 0 {} {}", Plain(s.width), Plain(s.height))
    };
    // Once the frame is measured, the drawings are sized in pixels rather than as 100% of
    // it: Chromium lays an SVG sized in percentages out again, every shape's bounds
    // measured anew, each time the frame's box is laid out (three times a frame when a
    // label or the time cursor changes: most of a cursor step's layout). The frame's own
    // box, fractions kept, as 100% gave: the measured size is rounded, and the drawing is
    // scaled from it to the box as before (the map did not then move by a fraction of a
    // pixel at the takeover from the pre-rendered page, which keeps the percentages).
    // (Each side set on its own through the style object: a `style` attribute is inline
    // style, which the page's Content Security Policy refuses.)
    let side = move |of: fn(&web_sys::DomRect) -> f64| {
        move || {
            if !(cfg!(target_arch = "wasm32") && ready.get()) {
                return None;
            }
            size.track();
            let el: web_sys::Element = frame.get()?.into();
            Some(format!("{}px", Plain(of(&el.get_bounding_client_rect()))))
        }
    };
    let (width, height) = (side(|r| r.width()), side(|r| r.height()));
    // In the browser, the drawings go in by the layers' effects, after the frame is
    // measured; the pre-rendered page (natively, no effects) writes them in place.
    #[cfg(target_arch = "wasm32")]
    let (world_now, sites_now) = (None::<String>, None::<String>);
    #[cfg(not(target_arch = "wasm32"))]
    let (world_now, sites_now) =
        (Some(layers.world_html.get_untracked().to_string()), Some(layers.sites_html.get_untracked().to_string()));
    // The live windows, for tests and the benchmark to read.
    let transform_text =
        move || ctx.camera.transforms.get().iter().map(ViewTransform::to_svg).collect::<Vec<_>>().join(";");
    view! {
        <chrome::MapChrome ctx=ctx content=chrome legend_open=legend_open />
        <div
            class="map-frame"
            node_ref=frame
            tabindex="0"
            // A widget of its own keys (WAI-ARIA's "application", named as a map), named by
            // the view it shows, the keys said in its description.
            role="application"
            aria-roledescription=crate::components::t(Msg::MapRole)
            aria-label=view_name
            aria-describedby="map-keys"
            data-view=move || view.get().slug()
            data-transform=transform_text
        >
            <p class="visually-hidden" id="map-keys">{crate::components::t(Msg::MapKeys)}</p>
            // The base map is a picture the text alternative does without; the links it
            // holds in a one-pane view are named one by one (in the two-region view they
            // are drawn over it, with the sites).
            <svg node_ref=ctx.world class="map-svg map-svg--world" viewBox=view_box style:width=width style:height=height
                aria-hidden=move || (view.get() == MapView::Both || large).then_some("true")
                role=move || (view.get() != MapView::Both && !large).then_some("group")
                aria-label=move || (view.get() != MapView::Both && !large).then(|| crate::i18n::tr(state.lang.get(), Msg::MapLinks))>
                <g class="panes" node_ref=ctx.world_g inner_html=world_now></g>
            </svg>
            // Not a picture of its own: the sites and links in it are each a control, named.
            {large.then(|| view! { <canvas node_ref=ctx.canvas class="map-canvas" aria-hidden="true"></canvas> })}
            <svg node_ref=ctx.overlay class="map-svg map-svg--overlay" viewBox=view_box style:width=width style:height=height role="none">
                <g class="overlay" node_ref=ctx.overlay_g inner_html=sites_now></g>
            </svg>
        </div>
    }
}
