//! The interactive SVG map: views, pan and zoom (wheel, drag, pinch, keys, buttons), sites
//! and links that highlight what they connect and select on click or Enter.
//!
//! The markup comes from the pure [`crate::geo::svg`] functions as strings: the world layer
//! (base map and links) once per view and size, the site layer for each window. Pan and
//! zoom only rewrite the world groups' `transform` and the small site layer.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::geo::scene::{site_marks, MapScene, MapView, MarkStyle, Pane};
use crate::geo::svg::{cross_links, panes_markup, sites_layer};
use crate::geo::view::{ease, MAX_ZOOM, MIN_ZOOM};
use crate::geo::{BaseMap, Projection, ViewTransform, Viewport};
use crate::model::Dataset;

/// How long a move between views takes, when motion is welcome.
const MOVE_MS: f64 = 450.0;
/// Zoom step of the buttons and keys.
const ZOOM_STEP: f64 = 1.5;
/// Pan step of the arrow keys, in pixels.
const PAN_STEP: f64 = 60.0;
/// Below this width the side-by-side view is not offered.
pub const BOTH_MIN_WIDTH: f64 = 900.0;

/// What a hovered or focused mark is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hover {
    Site(String),
    Item(String),
}

/// The map with its view switcher and zoom controls.
#[component]
pub fn MapCanvas(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scene = Arc::new(MapScene::build(&dataset, &BaseMap::embedded(), &Projection::eurasia()));
    let style = MarkStyle::default();

    let frame = NodeRef::<html::Div>::new();
    let size = RwSignal::new(Viewport { width: 800.0, height: 450.0 });
    let view = state.map_view;
    // The fitted panes of the current view and size; user moves are applied on top.
    let panes = {
        let scene = scene.clone();
        Memo::new(move |_| scene.panes(view.get(), size.get()))
    };
    let transforms = RwSignal::new(panes.get_untracked().iter().map(|p| p.transform).collect::<Vec<_>>());
    let hover = RwSignal::new(None::<Hover>);
    let animation = StoredValue::new(0u32);

    // Measure the frame now and whenever the window changes size.
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
            if w > 0.0 && h > 0.0 {
                let next = Viewport { width: w, height: h };
                if size.get_untracked() != next {
                    size.set(next);
                }
            }
        }
    };
    Effect::new(move |_| {
        if frame.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // The side-by-side view needs room; fall back to the overview when there is none.
    Effect::new(move |_| {
        if view.get() == MapView::Both && size.get().width < BOTH_MIN_WIDTH {
            view.set(MapView::Overview);
        }
    });

    // A new view (or size) moves the windows to their fitted place: animated between two
    // windows of the same kind, at once otherwise or when the user prefers less motion.
    Effect::new(move |previous: Option<(MapView, Viewport)>| {
        let (v, vp) = (view.get(), size.get());
        let targets: Vec<ViewTransform> = panes.get().iter().map(|p| p.transform).collect();
        let from = transforms.get_untracked();
        let animate = matches!(previous, Some((pv, pvp)) if pv != v && pvp == vp)
            && from.len() == targets.len()
            && !prefers_reduced_motion();
        animation.update_value(|n| *n += 1);
        if animate {
            animate_to(transforms, from, targets, vp, animation);
        } else {
            transforms.set(targets);
        }
        (v, vp)
    });

    let panes_html = {
        let scene = scene.clone();
        Memo::new(move |_| panes_markup(&scene, view.get(), &panes.get(), state.lang.get()))
    };
    let current_panes = move || {
        let t = transforms.get();
        panes.get().into_iter().zip(t).map(|(p, transform)| Pane { transform, ..p }).collect::<Vec<_>>()
    };
    let sites_html = {
        let scene = scene.clone();
        move || {
            let lang = state.lang.get();
            let v = view.get();
            let panes = current_panes();
            let marks: Vec<_> = panes.iter().flat_map(|p| site_marks(&scene, v, p, lang, style)).collect();
            let cross = if v == MapView::Both { cross_links(&scene, &marks, lang) } else { String::new() };
            format!(r#"<g class="cross-links">{cross}</g>{}"#, sites_layer(&scene, &marks, style))
        }
    };

    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Live transforms and link names, after each render of the world layer.
    Effect::new(move |_| {
        let _ = panes_html.get();
        let t = transforms.get();
        let Some(svg) = svg_ref.get() else { return };
        for (i, tr) in t.iter().enumerate() {
            if let Ok(Some(g)) = svg.query_selector(&format!(r#".world[data-pane="{i}"]"#)) {
                let _ = g.set_attribute("transform", &tr.to_svg());
            }
        }
    });
    // Highlight what the hovered or focused mark connects, and mark the selection.
    {
        let dataset = dataset.clone();
        Effect::new(move |_| {
            let _ = panes_html.get();
            let _ = transforms.get();
            let _ = state.lang.get();
            let h = hover.get();
            let selected_item = state.selected.get();
            let selected_site = state.selected_site.get();
            let Some(svg) = svg_ref.get() else { return };
            let (sites, items) = connected(&dataset, h.as_ref());
            let svg_el: &web_sys::Element = svg.as_ref();
            set_class(svg_el, "has-highlight", h.is_some());
            for_each(&svg, "[data-site]", |el| {
                let id = attr(el, "data-site");
                set_class(el, "is-highlighted", sites.contains(&id));
                set_class(el, "is-selected", selected_site.as_deref() == Some(id.as_str()));
            });
            for_each(&svg, ".link", |el| {
                let id = attr(el, "data-item");
                set_class(el, "is-highlighted", items.contains(&id));
                set_class(el, "is-selected", selected_item.as_deref() == Some(id.as_str()));
            });
        });
    }

    // Zoom about a screen point, within limits relative to the fitted view.
    let zoom_at = move |pane: Option<usize>, sx: f64, sy: f64, factor: f64| {
        let fitted = panes.get_untracked();
        animation.update_value(|n| *n += 1);
        transforms.update(|t| {
            for (i, tr) in t.iter_mut().enumerate() {
                if pane.is_none_or(|p| p == i) {
                    let k0 = fitted[i].transform.k;
                    let (cx, cy) = if pane.is_some() { (sx, sy) } else { centre(&fitted[i]) };
                    *tr = tr.zoom_about(cx, cy, factor, k0 * MIN_ZOOM, k0 * MAX_ZOOM);
                }
            }
        });
    };
    let pan_by = move |pane: Option<usize>, dx: f64, dy: f64| {
        animation.update_value(|n| *n += 1);
        transforms.update(|t| {
            for (i, tr) in t.iter_mut().enumerate() {
                if pane.is_none_or(|p| p == i) {
                    *tr = tr.pan(dx, dy);
                }
            }
        });
    };
    let reset = move || {
        animation.update_value(|n| *n += 1);
        transforms.set(panes.get_untracked().iter().map(|p| p.transform).collect());
    };
    let pane_at = move |x: f64| -> usize {
        panes.get_untracked().iter().position(|p| x >= p.rect.x && x < p.rect.x + p.rect.w).unwrap_or(0)
    };

    // Pointers: one drags, two pinch. A drag of more than a few pixels is not a click.
    let pointers = StoredValue::new(HashMap::<i32, (f64, f64)>::new());
    let dragged = StoredValue::new(false);
    let local = move |e: &web_sys::MouseEvent| -> (f64, f64) {
        svg_ref.get_untracked().map_or((0.0, 0.0), |svg| {
            let r = svg.get_bounding_client_rect();
            (f64::from(e.client_x()) - r.left(), f64::from(e.client_y()) - r.top())
        })
    };
    let on_pointerdown = move |e: ev::PointerEvent| {
        if e.button() != 0 {
            return;
        }
        let p = local(&e);
        pointers.update_value(|m| {
            m.insert(e.pointer_id(), p);
        });
        if pointers.with_value(HashMap::len) == 1 {
            dragged.set_value(false);
        }
    };
    let on_pointermove = move |e: ev::PointerEvent| {
        let id = e.pointer_id();
        let Some(prev) = pointers.with_value(|m| m.get(&id).copied()) else { return };
        let p = local(&e);
        let others: Vec<(f64, f64)> = pointers.with_value(|m| m.iter().filter(|(k, _)| **k != id).map(|(_, v)| *v).collect());
        if let Some(&other) = others.first() {
            let before = (prev.0 - other.0).hypot(prev.1 - other.1);
            let after = (p.0 - other.0).hypot(p.1 - other.1);
            if before > 1.0 {
                let mid = ((p.0 + other.0) / 2.0, (p.1 + other.1) / 2.0);
                zoom_at(Some(pane_at(mid.0)), mid.0, mid.1, after / before);
            }
            dragged.set_value(true);
        } else {
            let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
            if dragged.get_value() || dx.hypot(dy) > 4.0 {
                if !dragged.get_value() {
                    // Capture only once it is a drag, so clicks still reach the marks.
                    if let Some(svg) = svg_ref.get_untracked() {
                        let el: &web_sys::Element = svg.as_ref();
                        let _ = el.set_pointer_capture(id);
                    }
                }
                dragged.set_value(true);
                pan_by(Some(pane_at(p.0)), dx, dy);
            } else {
                return;
            }
        }
        pointers.update_value(|m| {
            m.insert(id, p);
        });
    };
    let on_pointerup = move |e: ev::PointerEvent| {
        pointers.update_value(|m| {
            m.remove(&e.pointer_id());
        });
    };

    // Wheel and trackpad: zoom about the pointer. The listener must not be passive.
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let handler = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
            e.prevent_default();
            let (x, y) = local(&e);
            // Pixel deltas from trackpads are small and many; line deltas from wheels are few.
            let unit = if e.delta_mode() == 1 { 40.0 } else { 1.0 };
            let factor = (-e.delta_y() * unit * 0.002).exp().clamp(0.5, 2.0);
            zoom_at(Some(pane_at(x)), x, y, factor);
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let el: &web_sys::EventTarget = svg.as_ref();
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options("wheel", handler.as_ref().unchecked_ref(), &options);
        handler.forget();
    });

    let select_from = move |target: &web_sys::Element| -> bool {
        if let Ok(Some(el)) = target.closest("[data-site]") {
            state.select_site(attr(&el, "data-site"));
            true
        } else if let Ok(Some(el)) = target.closest(".link[data-item]") {
            state.select_item(attr(&el, "data-item"));
            true
        } else {
            false
        }
    };
    let on_click = move |e: ev::MouseEvent| {
        if dragged.get_value() {
            dragged.set_value(false);
            return;
        }
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            select_from(&t);
        }
    };
    let on_dblclick = move |e: ev::MouseEvent| {
        let (x, y) = local(&e);
        zoom_at(Some(pane_at(x)), x, y, ZOOM_STEP * ZOOM_STEP);
    };
    let on_keydown = move |e: ev::KeyboardEvent| {
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let handled = match e.key().as_str() {
            "Enter" | " " => target.as_ref().is_some_and(select_from),
            "ArrowLeft" => { pan_by(None, PAN_STEP, 0.0); true }
            "ArrowRight" => { pan_by(None, -PAN_STEP, 0.0); true }
            "ArrowUp" => { pan_by(None, 0.0, PAN_STEP); true }
            "ArrowDown" => { pan_by(None, 0.0, -PAN_STEP); true }
            "+" | "=" => { zoom_at(None, 0.0, 0.0, ZOOM_STEP); true }
            "-" | "_" => { zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP); true }
            "0" => { reset(); true }
            _ => false,
        };
        if handled && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
            e.prevent_default();
        }
    };
    let hover_from = move |target: Option<web_sys::EventTarget>| {
        let el = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let next = el.and_then(|el| {
            if let Ok(Some(s)) = el.closest("[data-site]") {
                Some(Hover::Site(attr(&s, "data-site")))
            } else if let Ok(Some(l)) = el.closest(".link[data-item]") {
                Some(Hover::Item(attr(&l, "data-item")))
            } else {
                None
            }
        });
        if hover.get_untracked() != next {
            hover.set(next);
        }
    };

    let view_button = move |v: MapView, label: &'static str| {
        let hidden = move || v == MapView::Both && size.get().width < BOTH_MIN_WIDTH;
        view! {
            <button
                type="button"
                class="map-views__button"
                data-view=v.slug()
                aria-pressed=move || (view.get() == v).to_string()
                hidden=hidden
                on:click=move |_| view.set(v)
            >
                {label}
            </button>
        }
    };
    let view_name = move || match view.get() {
        MapView::Overview => "overview from France to north-east China",
        MapView::France => "Auvergne-Rhône-Alpes",
        MapView::China => "Hebei and Beijing",
        MapView::Both => "both regions side by side",
    };

    view! {
        <div class="map-toolbar">
            <div class="map-views" role="group" aria-label="Map view">
                {view_button(MapView::Overview, "Overview")}
                {view_button(MapView::France, "Auvergne-Rhône-Alpes")}
                {view_button(MapView::China, "Hebei · Beijing")}
                {view_button(MapView::Both, "Side by side")}
            </div>
            <div class="map-zoom" role="group" aria-label="Zoom">
                <button type="button" data-testid="zoom-in" aria-label="Zoom in" on:click=move |_| zoom_at(None, 0.0, 0.0, ZOOM_STEP)>"+"</button>
                <button type="button" data-testid="zoom-out" aria-label="Zoom out" on:click=move |_| zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" data-testid="zoom-reset" aria-label="Reset the view" on:click=move |_| reset()>"⟲"</button>
            </div>
        </div>
        <div
            class="map-frame"
            node_ref=frame
            data-view=move || view.get().slug()
            data-transform=move || { transforms.get().iter().map(ViewTransform::to_svg).collect::<Vec<_>>().join(";") }
        >
            <svg
                node_ref=svg_ref
                class="map-svg"
                tabindex="0"
                role="group"
                aria-roledescription="map"
                aria-label=move || format!("Map, {}. Arrow keys pan, plus and minus zoom, 0 resets; Tab reaches each site and link.", view_name())
                viewBox=move || { let s = size.get(); format!("0 0 {} {}", s.width, s.height) }
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointerup
                on:click=on_click
                on:dblclick=on_dblclick
                on:keydown=on_keydown
                on:pointerover=move |e: ev::PointerEvent| hover_from(e.target())
                on:pointerleave=move |_| hover.set(None)
                on:focusin=move |e: ev::FocusEvent| hover_from(e.target())
                on:focusout=move |_| hover.set(None)
            >
                <g class="panes" inner_html=move || panes_html.get()></g>
                <g class="overlay" inner_html=sites_html></g>
            </svg>
        </div>
    }
}

/// Sites and items joined to the hovered mark: a site's items and their sites; an item's sites.
fn connected(ds: &Dataset, hover: Option<&Hover>) -> (Vec<String>, Vec<String>) {
    match hover {
        None => (Vec::new(), Vec::new()),
        Some(Hover::Item(id)) => {
            let sites = ds.items.iter().find(|i| &i.id == id).map(|i| i.sites.clone()).unwrap_or_default();
            (sites, vec![id.clone()])
        }
        Some(Hover::Site(id)) => {
            let items: Vec<&crate::model::Item> = ds.items.iter().filter(|i| i.sites.contains(id)).collect();
            let mut sites: Vec<String> = items.iter().flat_map(|i| i.sites.iter().cloned()).collect();
            sites.push(id.clone());
            (sites, items.iter().map(|i| i.id.clone()).collect())
        }
    }
}

fn centre(p: &Pane) -> (f64, f64) {
    (p.rect.x + p.rect.w / 2.0, p.rect.y + p.rect.h / 2.0)
}

fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn set_class(el: &web_sys::Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

fn for_each(root: &web_sys::SvgElement, selector: &str, mut f: impl FnMut(&web_sys::Element)) {
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                f(&el);
            }
        }
    }
}

fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Moves the windows from `from` to `to` over [`MOVE_MS`], one frame at a time; a newer
/// move or any user action (which bumps `generation`) stops it.
fn animate_to(
    transforms: RwSignal<Vec<ViewTransform>>,
    from: Vec<ViewTransform>,
    to: Vec<ViewTransform>,
    vp: Viewport,
    generation: StoredValue<u32>,
) {
    let mine = generation.get_value();
    let start = now_ms();
    fn frame(
        transforms: RwSignal<Vec<ViewTransform>>,
        from: Vec<ViewTransform>,
        to: Vec<ViewTransform>,
        vp: Viewport,
        generation: StoredValue<u32>,
        mine: u32,
        start: f64,
    ) {
        if generation.get_value() != mine {
            return;
        }
        let t = ((now_ms() - start) / MOVE_MS).min(1.0);
        let e = ease(t);
        transforms.set(from.iter().zip(&to).map(|(a, b)| a.interpolate(b, e, vp)).collect());
        if t < 1.0 {
            request_animation_frame(move || frame(transforms, from, to, vp, generation, mine, start));
        }
    }
    request_animation_frame(move || frame(transforms, from, to, vp, generation, mine, start));
}
