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
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::geo::scene::{shown_view, site_marks, split_of, MapScene, MapView, MarkStyle, Pane};
use crate::geo::svg::{cross_links, panes_markup, sites_layer, Emphasis, MAX_FOCUSABLE_SITES};
use crate::geo::view::{ease, MAX_ZOOM, MIN_ZOOM};
use crate::geo::{camera, ViewTransform, Viewport};
use crate::components::t;
use crate::i18n::{tr, trf, Msg};
use crate::model::Dataset;
use crate::dom::{attr, for_each, prefers_reduced_motion, set_class};

/// How long a move between views takes, when motion is welcome.
const MOVE_MS: f64 = 450.0;
/// Zoom step of the buttons and keys.
const ZOOM_STEP: f64 = 1.5;
/// Pan step of the arrow keys, in pixels.
const PAN_STEP: f64 = 60.0;

/// What a hovered or focused mark is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hover {
    Site(String),
    Item(String),
}

/// The map with its view switcher and zoom controls.
#[component]
pub fn MapCanvas(dataset: Arc<Dataset>, scene: Arc<MapScene>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Bigger marks and labels on a projector: nothing under 20 px when presenting.
    let style = move || {
        if state.presenting.get().is_some() { MarkStyle { radius: 9.0, font_px: 20.0 } } else { MarkStyle::default() }
    };

    let frame = NodeRef::<html::Div>::new();
    let size = crate::dom::use_element_size(frame, Viewport { width: 800.0, height: 450.0 });
    // The view drawn: the one chosen, unless the frame is too small to split in two.
    let view = Memo::new(move |_| shown_view(state.map_view.get(), size.get()));
    // The fitted panes of the current view and size; user moves are applied on top.
    let panes = {
        let scene = scene.clone();
        Memo::new(move |_| scene.panes(view.get(), size.get()))
    };
    let transforms = RwSignal::new(panes.get_untracked().iter().map(|p| p.transform).collect::<Vec<_>>());
    let hover = RwSignal::new(None::<Hover>);
    let animation = StoredValue::new(0u32);

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
        } else if let (Some(z), [p], false) = (state.map_zoom.get_untracked(), panes.get_untracked().as_slice(), matches!(previous, Some((pv, _)) if pv != v)) {
            // First drawing or a resize: keep the zoom the URL asked for.
            transforms.set(vec![camera::window_at(p, z)]);
        } else {
            transforms.set(targets);
        }
        (v, vp)
    });

    // What stands out: the hovered mark's connections, and the selection.
    let emphasis = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let (sites, items) = connected(&dataset, hover.get().as_ref());
            Emphasis {
                sites: sites.into_iter().collect(),
                items: items.into_iter().collect(),
                selected_site: state.selected_site.get(),
                selected_item: state.selected.get(),
            }
        })
    };

    // The map's zoom in the URL: written when the user moves the map (one pane only), the
    // window snapped to what the URL keeps (so a shared link opens exactly this window);
    // applied when the URL changes (shared link, Back/Forward).
    Effect::new(move |_| {
        let now = transforms.get();
        let fitted = panes.get_untracked();
        if let Some(snap) = camera::snapped(&now, &fitted) {
            transforms.set(vec![snap]);
            return;
        }
        let z = camera::zoom_of(&now, &fitted);
        if state.map_zoom.get_untracked() != z {
            state.map_zoom.set(z);
        }
    });
    Effect::new(move |_| {
        let wanted = state.map_zoom.get();
        let now = transforms.get_untracked();
        let fitted = panes.get_untracked();
        if camera::zoom_of(&now, &fitted) == wanted {
            return;
        }
        if let ([p], Some(z)) = (fitted.as_slice(), wanted) {
            animation.update_value(|n| *n += 1);
            transforms.set(vec![camera::window_at(p, z)]);
        } else if wanted.is_none() && fitted.len() == now.len() {
            animation.update_value(|n| *n += 1);
            transforms.set(fitted.iter().map(|p| p.transform).collect());
        }
    });

    let panes_html = {
        let scene = scene.clone();
        Memo::new(move |_| panes_markup(&scene, view.get(), &panes.get(), state.lang.get()))
    };
    // With many sites, redrawing the site layer takes longer than a frame: during a gesture
    // each pane's drawn sites are moved and scaled as a whole (its group's transform), and
    // redrawn once the gesture pauses.
    let large = scene.sites.len() > MAX_FOCUSABLE_SITES;
    let overlay_at = RwSignal::new(transforms.get_untracked());
    let settle_generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let t = transforms.get();
        if !large || t.len() != overlay_at.with_untracked(Vec::len) {
            overlay_at.set(t);
            return;
        }
        settle_generation.update_value(|n| *n += 1);
        let mine = settle_generation.get_value();
        set_timeout(
            move || {
                if settle_generation.get_value() == mine {
                    overlay_at.set(transforms.get_untracked());
                }
            },
            std::time::Duration::from_millis(150),
        );
    });
    // How each pane's drawn sites are moved to match its current window.
    let pane_deltas = move || -> Vec<Option<ViewTransform>> {
        let (now, built) = (transforms.get(), overlay_at.get());
        now.iter().zip(&built).map(|(n, b)| camera::delta(n, b)).collect()
    };
    // Where each marker was drawn (and in which pane), to match clicks when sites are drawn
    // in bulk.
    let drawn_marks = StoredValue::new(Vec::<(String, f64, f64, usize)>::new());
    let current_panes = move || {
        let t = overlay_at.get();
        panes.get().into_iter().zip(t).map(|(p, transform)| Pane { transform, ..p }).collect::<Vec<_>>()
    };
    let sites_html = {
        let scene = scene.clone();
        Memo::new(move |_| {
            let lang = state.lang.get();
            let v = view.get();
            let panes = current_panes();
            let style = style();
            let by_pane: Vec<Vec<_>> = panes.iter().map(|p| site_marks(&scene, v, p, lang, style)).collect();
            if large {
                drawn_marks.set_value(by_pane.iter().enumerate().flat_map(|(i, marks)| marks.iter().map(move |m| (m.id.clone(), m.x, m.y, i))).collect());
            }
            // Few sites: emphasis is set on the elements in place (below), so hovering or
            // selecting never rebuilds the layer under the keyboard focus. Many sites: drawn
            // in bulk, with the emphasised ones in the markup.
            let emphasis = if large { emphasis.get() } else { Emphasis::default() };
            let all: Vec<_> = by_pane.iter().flatten().cloned().collect();
            let cross = if v == MapView::Both { cross_links(&scene, &all, lang, &emphasis) } else { String::new() };
            let mut out = format!(r#"<g class="cross-links">{cross}</g>"#);
            for (i, marks) in by_pane.iter().enumerate() {
                out.push_str(&format!(r#"<g class="overlay-pane" data-pane="{i}">{}</g>"#, sites_layer(&scene, marks, style, &emphasis, lang)));
            }
            out
        })
    };

    // Two stacked drawings, each its own compositing layer: redrawing the sites does not
    // repaint the base map and the links, and panning the world does not redraw the sites.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let overlay_ref = NodeRef::<leptos::svg::Svg>::new();
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
    // Each pane's drawn sites follow its window during a gesture (bulk drawing only; the
    // links between panes step aside until the sites are redrawn).
    Effect::new(move |_| {
        let _ = sites_html.get();
        let deltas = pane_deltas();
        let Some(svg) = overlay_ref.get() else { return };
        for (i, d) in deltas.iter().enumerate() {
            if let Ok(Some(g)) = svg.query_selector(&format!(r#".overlay-pane[data-pane="{i}"]"#)) {
                let _ = match d {
                    Some(d) => g.set_attribute("transform", &d.to_svg()),
                    None => g.remove_attribute("transform"),
                };
            }
        }
        if let Ok(Some(cross)) = svg.query_selector(".cross-links") {
            set_class(&cross, "is-moving", deltas.iter().any(Option::is_some));
        }
    });
    // Marks the first complete drawing (sites over the base map) for the benchmark.
    let drawn = StoredValue::new(false);
    Effect::new(move |_| {
        let _ = transforms.get();
        let Some(svg) = overlay_ref.get() else { return };
        if !drawn.get_value() && svg.query_selector(".overlay .site__mark").ok().flatten().is_some() {
            drawn.set_value(true);
            if let Some(p) = window().performance() {
                let _ = p.mark("passerelle:map-drawn");
            }
        }
    });

    // Marks each redraw of the site layer, for the benchmark (after the layer's own update,
    // which was created first and so runs first).
    Effect::new(move |_| {
        overlay_at.track();
        view.track();
        state.lang.track();
        emphasis.track();
        if let Some(p) = window().performance() {
            let _ = p.mark("passerelle:sites-drawn");
        }
    });

    // Emphasis set in place on links and (when few) sites, after each redraw of either
    // layer; and the keyboard focus given back to its site when a redraw replaced it.
    let focused_site = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let _ = panes_html.get();
        overlay_at.track();
        view.track();
        state.lang.track();
        let e = emphasis.get();
        let (Some(world), Some(overlay)) = (svg_ref.get(), overlay_ref.get()) else { return };
        if let Some(f) = frame.get() {
            let f: &web_sys::Element = f.as_ref();
            set_class(f, "has-highlight", !e.items.is_empty() || !e.sites.is_empty());
        }
        for svg in [&world, &overlay] {
            for_each(svg, ".link[data-item]", |el| {
                let id = attr(el, "data-item");
                set_class(el, "is-highlighted", e.items.contains(&id));
                set_class(el, "is-selected", e.selected_item.as_deref() == Some(id.as_str()));
            });
        }
        if !large {
            for_each(&overlay, "[data-site]", |el| {
                let id = attr(el, "data-site");
                set_class(el, "is-highlighted", e.sites.contains(&id));
                set_class(el, "is-selected", e.selected_site.as_deref() == Some(id.as_str()));
            });
        }
        let lost = document().active_element().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
        if lost {
            if let Some(id) = focused_site.get_value() {
                if let Ok(Some(el)) = overlay.query_selector(&format!(r#"[data-site="{}"]"#, id.replace('"', ""))) {
                    if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                        let _ = el.focus();
                    }
                }
            }
        }
    });

    // The filter hides what it leaves out; the time cursor fades what has not begun yet.
    {
        let dataset = dataset.clone();
        let starts: Arc<HashMap<String, Option<i64>>> =
            Arc::new(dataset.items.iter().map(|i| (i.id.clone(), crate::model::time::span(&i.when).map(|s| s.0))).collect());
        // The filtered set changes with the filter only, not with every pan or zoom frame
        // that redraws the site layer.
        let shown = crate::components::shown_items(&dataset);
        let shown_set = {
            let dataset = dataset.clone();
            Memo::new(move |_| {
                let filtering = state.filter.with(|f| !f.is_empty());
                (filtering, shown.with(|s| s.iter().map(|&n| dataset.items[n].id.clone()).collect::<std::collections::BTreeSet<String>>()))
            })
        };
        Effect::new(move |_| {
            let _ = panes_html.get();
            overlay_at.track();
            view.track();
            state.lang.track();
            let cursor = state.cursor.get();
            let (filtering, shown) = shown_set.get();
            let future = |id: &str| matches!((cursor, starts.get(id).copied().flatten()), (Some(c), Some(s)) if s > c);
            let (Some(world), Some(overlay)) = (svg_ref.get(), overlay_ref.get()) else { return };
            for svg in [&world, &overlay] {
                for_each(svg, ".link[data-item]", |el| {
                    let id = attr(el, "data-item");
                    set_class(el, "is-filtered-out", !shown.contains(&id));
                    set_class(el, "is-future", future(&id));
                });
            }
            if !large {
                // A site and the second line of its label, alike.
                for_each(&overlay, "[data-site], [data-sub-of]", |el| {
                    let id = el.get_attribute("data-site").unwrap_or_else(|| attr(el, "data-sub-of"));
                    let here: Vec<&crate::model::Item> = dataset.items.iter().filter(|i| shown.contains(&i.id) && i.sites.contains(&id)).collect();
                    set_class(el, "is-filtered-out", filtering && here.is_empty());
                    set_class(el, "is-future", !here.is_empty() && here.iter().all(|i| future(&i.id)));
                });
            }
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
                    let (cx, cy) = if pane.is_some() { (sx, sy) } else { camera::centre(&fitted[i]) };
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
                    if let Some(f) = frame.get_untracked() {
                        let el: &web_sys::Element = f.as_ref();
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

    // Wheel and trackpad: zoom about the pointer (the listener is not passive).
    crate::dom::use_wheel(frame, move |e: web_sys::WheelEvent| {
        e.prevent_default();
        let (x, y) = local(&e);
        // Pixel deltas from trackpads are small and many; line deltas from wheels are few.
        let unit = if e.delta_mode() == 1 { 40.0 } else { 1.0 };
        let factor = (-e.delta_y() * unit * 0.002).exp().clamp(0.5, 2.0);
        zoom_at(Some(pane_at(x)), x, y, factor);
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
            if !select_from(&t) && large {
                // Bulk-drawn sites: the nearest marker under the pointer.
                let (x, y) = local(&e);
                let pane = pane_at(x);
                let (x, y) = pane_deltas().get(pane).copied().flatten().map_or((x, y), |d| d.invert((x, y)));
                let reach = style().radius + 4.0;
                let nearest = drawn_marks.with_value(|marks| {
                    marks
                        .iter()
                        .filter(|m| m.3 == pane)
                        .map(|(id, mx, my, _)| (id.clone(), (mx - x).hypot(my - y)))
                        .filter(|(_, d)| *d <= reach)
                        .min_by(|a, b| a.1.total_cmp(&b.1))
                        .map(|(id, _)| id)
                });
                if let Some(id) = nearest {
                    state.select_site(id);
                }
            }
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

    let view_button = move |v: MapView, label: Msg| {
        let hidden = move || v == MapView::Both && split_of(size.get()).is_none();
        view! {
            <button
                type="button"
                class="map-views__button"
                data-view=v.slug()
                aria-pressed=move || (view.get() == v).to_string()
                hidden=hidden
                on:click=move |_| state.map_view.set(v)
            >
                {t(label)}
            </button>
        }
    };
    let view_name = move || {
        let msg = match view.get() {
            MapView::Overview => Msg::ViewNameOverview,
            MapView::France => Msg::ViewNameFrance,
            MapView::China => Msg::ViewNameChina,
            MapView::Both => Msg::ViewNameBoth,
        };
        tr(state.lang.get(), msg)
    };

    view! {
        <div class="map-toolbar">
            <div class="map-views" role="group" aria-label=t(Msg::MapViews)>
                {view_button(MapView::Overview, Msg::Overview)}
                {view_button(MapView::France, Msg::ViewFrance)}
                {view_button(MapView::China, Msg::ViewChina)}
                {view_button(MapView::Both, Msg::SideBySide)}
            </div>
            <div class="map-zoom" role="group" aria-label=t(Msg::Zoom)>
                <button type="button" data-testid="zoom-in" aria-label=t(Msg::ZoomIn) on:click=move |_| zoom_at(None, 0.0, 0.0, ZOOM_STEP)>"+"</button>
                <button type="button" data-testid="zoom-out" aria-label=t(Msg::ZoomOut) on:click=move |_| zoom_at(None, 0.0, 0.0, 1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" data-testid="zoom-reset" aria-label=t(Msg::ResetView) on:click=move |_| reset()>"⟲"</button>
            </div>
        </div>
        <div
            class="map-frame"
            node_ref=frame
            tabindex="0"
            role="group"
            aria-roledescription="map"
            aria-label=move || trf(state.lang.get(), Msg::MapLabel, &[view_name()])
            data-view=move || view.get().slug()
            data-transform=move || { transforms.get().iter().map(ViewTransform::to_svg).collect::<Vec<_>>().join(";") }
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
            on:click=on_click
            on:dblclick=on_dblclick
            on:keydown=on_keydown
            on:pointerover=move |e: ev::PointerEvent| hover_from(e.target())
            on:pointerleave=move |_| hover.set(None)
            on:focusin=move |e: ev::FocusEvent| {
                let site = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.get_attribute("data-site"));
                focused_site.set_value(site);
                hover_from(e.target());
            }
            on:focusout=move |e: ev::FocusEvent| {
                // Focus leaving for somewhere else (not a redraw removing the element).
                if e.related_target().is_some() {
                    focused_site.set_value(None);
                }
                hover.set(None)
            }
        >
            <svg
                node_ref=svg_ref
                class="map-svg map-svg--world"
                viewBox=move || { let s = size.get(); format!("0 0 {} {}", s.width, s.height) }
            >
                <g class="panes" inner_html=move || panes_html.get()></g>
            </svg>
            <svg
                node_ref=overlay_ref
                class="map-svg map-svg--overlay"
                viewBox=move || { let s = size.get(); format!("0 0 {} {}", s.width, s.height) }
            >
                <g class="overlay" inner_html=move || sites_html.get()></g>
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
