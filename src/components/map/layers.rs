//! The map's two drawings, each its own compositing layer: the world (base map and links,
//! in projected units under each pane's transform) and the sites over it (in screen pixels,
//! laid out for each window). Their markup is the pure `geo::svg`; panning only rewrites
//! the world groups' `transform`. With many sites, redrawing them takes longer than a
//! frame: during a gesture each pane's drawn sites are moved as a whole and redrawn once
//! the gesture pauses.

use crate::collections::{HashMap, HashSet};
use std::time::Duration;

use leptos::prelude::*;

use super::MapCtx;
use crate::dom::set_class;
use crate::geo::interaction::{DrawnMark, earliest_start};
use crate::geo::scene::{Pane, site_marks};
use crate::geo::svg::{Emphasis, overlay_markup, panes_markup};
use crate::geo::{ViewTransform, camera};

/// What the drawings hold, for the decorations and the gestures.
#[derive(Clone, Copy)]
pub struct Layers {
    pub world_html: Memo<String>,
    pub sites_html: Memo<String>,
    /// The windows the sites were last drawn for.
    pub drawn_at: RwSignal<Vec<ViewTransform>>,
    /// Bulk drawing: where each marker was drawn, to match a click to the nearest.
    pub drawn_marks: StoredValue<Vec<DrawnMark>>,
}

impl Layers {
    /// How each pane's drawn sites are moved to match its current window.
    pub fn deltas(&self, now: &[ViewTransform]) -> Vec<Option<ViewTransform>> {
        let built = self.drawn_at.get();
        now.iter().zip(&built).map(|(n, b)| camera::delta(n, b)).collect()
    }
}

/// Builds the two drawings. `emphasis` and `shown` only matter to bulk drawing, where they
/// are part of the markup (few sites are changed in place instead, by `marks`).
pub fn draw(
    ctx: MapCtx,
    emphasis: Memo<Emphasis>,
    shown: Memo<(bool, HashSet<String>)>,
    start_of_item: StoredValue<HashMap<String, Option<i64>>>,
) -> Layers {
    let MapCtx { state, scene, view, camera, style, large, ready, .. } = ctx;
    // Nothing is drawn until the frame is measured: then once, for its real size.
    let world_html = Memo::new(move |_| {
        if ready.get() {
            scene.with_value(|s| panes_markup(s, view.get(), &camera.panes.get(), state.lang.get()))
        } else {
            String::new()
        }
    });

    let drawn_at = RwSignal::new(camera.transforms.get_untracked());
    let settle = StoredValue::new(0u32);
    Effect::new(move |_| {
        let t = camera.transforms.get();
        if !large || t.len() != drawn_at.with_untracked(Vec::len) {
            drawn_at.set(t);
            return;
        }
        settle.update_value(|n| *n += 1);
        let mine = settle.get_value();
        set_timeout(
            move || {
                if settle.try_get_value() == Some(mine) {
                    drawn_at.set(camera.transforms.get_untracked());
                }
            },
            Duration::from_millis(150),
        );
    });

    let drawn_marks = StoredValue::new(Vec::new());
    // Redrawn when the windows it is drawn for change (`drawn_at`, which follows every change
    // of view, frame or window), not also on the view or frame change just before: that drew
    // the sites twice, once for the old windows.
    let sites_html = Memo::new(move |_| {
        let transforms = drawn_at.get();
        if !ready.get_untracked() {
            return String::new();
        }
        let (lang, v, style) = (state.lang.get(), view.get_untracked(), style.get());
        let panes: Vec<Pane> = camera
            .panes
            .get_untracked()
            .into_iter()
            .zip(transforms)
            .map(|(p, transform)| Pane { transform, ..p })
            .collect();
        scene.with_value(|scene| {
            let mut by_pane: Vec<Vec<_>> = panes.iter().map(|p| site_marks(scene, v, p, lang, style)).collect();
            if !large {
                return overlay_markup(scene, v, &by_pane, style, &Emphasis::default(), lang, &|_| None);
            }
            // Bulk: what the filter leaves out is not drawn (nor clickable), and markers are
            // grouped by the month they begin, for the cursor to fade.
            let (filtering, shown) = shown.get();
            let items_at = |id: &str| scene.site(id).map(|s| s.items.clone()).unwrap_or_default();
            if filtering {
                for marks in &mut by_pane {
                    marks.retain(|m| items_at(&m.id).iter().any(|i| shown.contains(i)));
                }
            }
            drawn_marks.set_value(
                by_pane
                    .iter()
                    .enumerate()
                    .flat_map(|(pane, marks)| {
                        marks.iter().map(move |m| DrawnMark { site: m.id.clone(), x: m.x, y: m.y, pane })
                    })
                    .collect(),
            );
            let start_of = |id: &str| {
                start_of_item
                    .with_value(|starts| earliest_start(&items_at(id), &shown, |i| starts.get(i).copied().flatten()))
            };
            overlay_markup(scene, v, &by_pane, style, &emphasis.get(), lang, &start_of)
        })
    });

    let layers = Layers { world_html, sites_html, drawn_at, drawn_marks };
    // The markup goes in first: the effects below and in `marks`, created after these two,
    // run after them on each change, so they always find the new elements.
    Effect::new(move |_| {
        let html = world_html.get();
        if let Some(g) = ctx.world_g.get() {
            g.set_inner_html(&html);
        }
    });
    Effect::new(move |_| {
        let html = sites_html.get();
        if let Some(g) = ctx.overlay_g.get() {
            g.set_inner_html(&html);
        }
    });
    // The live windows on the world groups, after each render of the world layer.
    Effect::new(move |_| {
        let _ = world_html.get();
        let t = camera.transforms.get();
        let Some(svg) = ctx.world.get() else { return };
        for (i, tr) in t.iter().enumerate() {
            if let Ok(Some(g)) = svg.query_selector(&format!(r#".world[data-pane="{i}"]"#)) {
                let _ = g.set_attribute("transform", &tr.to_svg());
            }
        }
    });
    // Each pane's drawn sites follow its window during a gesture (the links between the
    // panes step aside until the sites are redrawn).
    Effect::new(move |_| {
        let _ = sites_html.get();
        let deltas = layers.deltas(&camera.transforms.get());
        let Some(svg) = ctx.overlay.get() else { return };
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
    mark_for_the_benchmark(ctx, layers);
    layers
}

/// The first complete drawing (`crate::components::drawn_marker`), and a
/// `performance.mark` for the benchmark at each redraw of the site layer (after the layer's
/// own update, which was created first and runs first).
fn mark_for_the_benchmark(ctx: MapCtx, layers: Layers) {
    let drawn = StoredValue::new(false);
    let mark_drawn = crate::components::drawn_marker(true);
    Effect::new(move |_| {
        let mark_drawn = mark_drawn.clone();
        // Whichever comes last of the two drawings and the windows.
        let _ = (ctx.camera.transforms.get(), layers.world_html.with(String::len), layers.sites_html.with(String::len));
        let Some(svg) = ctx.overlay.get() else { return };
        // After every effect of this change (the drawings' own among them), before the paint.
        request_animation_frame(move || {
            // try_: the map may be gone by this frame.
            if drawn.try_get_value() == Some(false)
                && svg.query_selector(".overlay .site__mark").ok().flatten().is_some()
            {
                drawn.set_value(true);
                mark_drawn();
            }
        });
    });
    Effect::new(move |_| {
        layers.sites_html.track();
        if let Some(p) = window().performance() {
            let _ = p.mark("passerelle:sites-drawn");
        }
    });
}
