//! The interactive SVG map: views, pan and zoom (wheel, drag, pinch, keys, buttons), sites
//! and links that highlight what they connect and select on click or Enter. Split by
//! concern: [`camera`] (the windows and what moves them), [`layers`] (the two drawings),
//! [`marks`] (what the marks show of the state), [`gestures`] (the reader's hands) and
//! [`controls`] (the view and zoom buttons).

mod camera;
mod controls;
mod gestures;
mod layers;
mod marks;

use crate::collections::HashMap;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::geo::interaction::{Hover, connected};
use crate::geo::scene::{MapScene, MapView, MarkStyle, shown_view};
use crate::geo::svg::{Emphasis, MAX_FOCUSABLE_SITES};
use crate::geo::{ViewTransform, Viewport};
use crate::i18n::{Msg, trf};
use crate::model::Dataset;
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
    /// The frame's size (a stand-in until it is laid out: see `ready`).
    size: Memo<Viewport>,
    /// Whether the frame has been measured: nothing is drawn or fitted before, so the first
    /// drawing is made once, for the real frame.
    ready: Memo<bool>,
    /// The view drawn: the one chosen, unless the frame is too small to split in two.
    view: Memo<MapView>,
    camera: MapCamera,
    style: Memo<MarkStyle>,
    /// Thousands of sites: drawn in bulk (a few paths, not an element each).
    large: bool,
}

#[component]
pub fn MapCanvas(dataset: Arc<Dataset>, scene: Arc<MapScene>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let frame = NodeRef::<html::Div>::new();
    let measured = crate::dom::use_element_size(frame, crate::dom::Frame::Map);
    let size = Memo::new(move |_| measured.get().unwrap_or(Viewport { width: 800.0, height: 450.0 }));
    let ready = Memo::new(move |_| measured.with(Option::is_some));
    let view = Memo::new(move |_| shown_view(state.map_view.get(), size.get()));
    let large = scene.sites.len() > MAX_FOCUSABLE_SITES;
    let scene = StoredValue::new(scene);
    // The fitted panes of the current view and size; the reader's moves go on top.
    let panes = Memo::new(move |_| scene.with_value(|s| s.panes(view.get(), size.get())));
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
        size,
        ready,
        view,
        camera: MapCamera::new(panes, state),
        style,
        large,
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
    let starts: HashMap<String, Option<i64>> =
        dataset.items.iter().map(|i| (i.id.clone(), crate::model::time::span(&i.when).map(|s| s.0))).collect();
    let starts = StoredValue::new(starts);

    let layers = layers::draw(ctx, emphasis, shown, starts);
    let focused_site = StoredValue::new(None::<String>);
    marks::decorate(ctx, layers, emphasis, shown, starts, focused_site);
    gestures::attach(ctx, layers, hover, focused_site);

    let view_name = move || crate::i18n::view_name(state.lang.get(), view.get());
    let view_box = move || {
        let s = size.get();
        format!("0 0 {} {}", s.width, s.height)
    };
    // In the browser, the drawings go in by the layers' effects, after the frame is
    // measured; the pre-rendered page (natively, no effects) writes them in place.
    #[cfg(target_arch = "wasm32")]
    let (world_now, sites_now) = (None::<String>, None::<String>);
    #[cfg(not(target_arch = "wasm32"))]
    let (world_now, sites_now) = (Some(layers.world_html.get_untracked()), Some(layers.sites_html.get_untracked()));
    // The live windows, for tests and the benchmark to read.
    let transform_text =
        move || ctx.camera.transforms.get().iter().map(ViewTransform::to_svg).collect::<Vec<_>>().join(";");
    view! {
        <controls::MapControls ctx=ctx />
        <div
            class="map-frame"
            node_ref=frame
            tabindex="0"
            role="group"
            aria-roledescription="map"
            aria-label=move || trf(state.lang.get(), Msg::MapLabel, &[view_name()])
            data-view=move || view.get().slug()
            data-transform=transform_text
        >
            <svg node_ref=ctx.world class="map-svg map-svg--world" viewBox=view_box>
                <g class="panes" node_ref=ctx.world_g inner_html=world_now></g>
            </svg>
            <svg node_ref=ctx.overlay class="map-svg map-svg--overlay" viewBox=view_box>
                <g class="overlay" node_ref=ctx.overlay_g inner_html=sites_now></g>
            </svg>
        </div>
    }
}
