//! Bulk drawing: thousands of sites and links painted on a canvas under the text labels,
//! in a way a canvas without a graphics card (software raster) keeps up with. The links
//! and the sites are each rastered into two layers for the settled windows, and a frame
//! only copies the four layers (moved and scaled while a window moves, rastered again once
//! it pauses): every shown mark faded in the first layer, the begun ones again over it in
//! the second (`geo::bulk::over_alpha`), so a step of the cursor forward draws only the
//! marks it reaches (`geo::bulk::layer_update`); with no mark to fade, the second alone.
//! The links of the layers are hairlines (one device pixel: see [`Width`]) drawn in wasm
//! (`geo::hairlines`, several times quicker than the canvas's strokes; the curves between
//! the panes side by side in straight steps, `geo::bulk::cross_hairlines`) and put as
//! pixels; a cursor step's few added links are stroked over the layer by the canvas. A
//! site is a copy of its look's small pre-drawn picture (a sprite). The highlighted and selected marks are drawn over it all,
//! in the current windows. The looks are the page's stylesheet's, read once each from a
//! hidden twin element.

mod ops;

use crate::collections::HashMap;

use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use ops::{
    Paint, Raster, Width, clear, clip_to, compose_sites, context, narrow_clip, new_canvas, path, put, read_paint,
    stamp_sites, stroke_links,
};

use super::MapCtx;
use crate::geo::bulk::{
    Batch, BatchKey, BulkScene, Layer, LayerUpdate, batches, begun, cross_hairlines, drawn_counts, hairlines_in_pane,
    layer_update, over_alpha, shown_by_class,
};
use crate::geo::camera::{Carry, Placement};
use crate::geo::hairlines::{Coverage, css_colour};
use crate::geo::marks::{Look, Looks};
use crate::geo::pixels::{Bitmap, Clip};
use crate::geo::scene::{MapScene, MapView, MarkStyle, Pane};
use crate::geo::svg::symbol_path;

/// A site look's picture, `size` device pixels square, its centre in the middle.
struct Sprite {
    canvas: HtmlCanvasElement,
    size: f64,
    /// Its pixels, for the layers composed in wasm.
    bits: Option<Bitmap>,
}

/// A site look's picture as used: its canvas, size, the look's opacity and its pixels.
type SpriteUse = (HtmlCanvasElement, f64, f64, Option<Bitmap>);

/// One kind of mark's layers: every shown mark faded, and the begun ones over it; or,
/// while every shown mark has begun (no cursor: the usual case), the begun ones alone.
struct Layers {
    all: Option<HtmlCanvasElement>,
    begun: HtmlCanvasElement,
    /// The sites' begun layer's pixels, composed in wasm (kept to add to; the links' are
    /// not kept).
    begun_px: Option<Bitmap>,
    shown: Vec<(u16, Vec<usize>)>,
    begun_now: Vec<bool>,
}

/// Bulk drawing as the map's layer sees it: what the chunk `bulk` brings (the painter's
/// code is fetched only for a dataset drawn in bulk).
pub trait PaintsInBulk {
    fn draw(&mut self, frame: &BulkFrame);
}

/// What a frame of bulk drawing shows: the marks' looks in a view, the frame's size, the
/// current windows (`panes`) and the view and windows the layers are rastered for
/// (`settled`: the old view's, in a new view's first frame).
pub struct BulkFrame<'a> {
    pub scene: &'a MapScene,
    pub looks: &'a Looks,
    pub view: MapView,
    pub size: crate::geo::Viewport,
    pub panes: &'a [Pane],
    pub settled: &'a Placement,
    /// Where each settled pane's layers are shown among `panes` (`geo::camera::carried`).
    pub carried: &'a [Option<Carry>],
    pub style: MarkStyle,
}

crate::chunk::chunk! {
    /// The painter, from its chunk.
    bulk, preload_bulk, fn bulk_painter(ctx: MapCtx) -> Box<dyn PaintsInBulk> {
        Box::new(Painter::new(ctx))
    }
}

pub struct Painter {
    canvas: Option<HtmlCanvasElement>,
    frame: Option<web_sys::Element>,
    probe: Option<web_sys::Element>,
    bulk: BulkScene,
    batches_of: Option<Looks>,
    batches: Vec<Batch>,
    raster: Option<Raster>,
    links: Option<Layers>,
    sites: Option<Layers>,
    sprites: HashMap<(u16, Look, bool, u64), Sprite>,
    paints: HashMap<(u16, Look, bool), Paint>,
    /// The links' lines of one class, drawn in wasm before they are painted into a layer.
    mask: Option<Coverage>,
}

impl Painter {
    fn new(ctx: MapCtx) -> Self {
        // The hidden twins the paints are read from, in the overlay (so the same rules apply).
        let probe = ctx.overlay.get_untracked().and_then(|svg| {
            let g = document().create_element_ns(Some("http://www.w3.org/2000/svg"), "g").ok()?;
            let _ = g.set_attribute("class", "bulk-probe");
            let _ = g.set_attribute("aria-hidden", "true");
            let svg: &web_sys::Element = svg.as_ref();
            svg.append_child(&g).ok()?;
            Some(g)
        });
        Painter {
            canvas: ctx.canvas.get_untracked(),
            frame: ctx.frame.get_untracked().map(Into::into),
            probe,
            bulk: ctx.scene.with_value(|s| BulkScene::of(s)),
            batches_of: None,
            batches: Vec::new(),
            raster: None,
            links: None,
            sites: None,
            sprites: HashMap::default(),
            paints: HashMap::default(),
            mask: None,
        }
    }

    fn paint(&mut self, layer: Layer, class: u16, look: Look, dim: bool) -> Paint {
        let name = &self.bulk.classes[class as usize];
        let (probe, frame) = (&self.probe, &self.frame);
        self.paints
            .entry((class, look, dim))
            .or_insert_with(|| {
                let fallback = Paint { fill: None, stroke: Some("#555".into()), width: 1.0, alpha: 1.0 };
                let Some(probe) = probe else { return fallback };
                let looks: String = Look::CLASSES
                    .iter()
                    .zip(look.flags())
                    .filter(|(_, on)| *on)
                    .map(|(c, _)| format!(" {c}"))
                    .collect();
                let html = match layer {
                    Layer::Sites => format!(r#"<g class="{name}{looks}"><path class="site__mark"/></g>"#),
                    Layer::Links => format!(r#"<path class="{name}{looks}"/>"#),
                };
                probe.set_inner_html(&html);
                // Read as the frame shows it with or without a highlight, then put back.
                let highlighted = frame.as_ref().map(|f| f.class_list().contains("has-highlight"));
                if let Some(f) = frame {
                    crate::dom::set_class(f, "has-highlight", dim);
                }
                let paint = read_paint(probe, layer);
                if let (Some(f), Some(on)) = (frame, highlighted) {
                    crate::dom::set_class(f, "has-highlight", on);
                }
                paint.unwrap_or(fallback)
            })
            .clone()
    }

    /// The picture of a site look (drawn opaque: the look's opacity is applied when it is
    /// copied).
    /// The picture (a canvas, its size, the look's opacity, and its pixels).
    fn sprite(&mut self, key: &BatchKey, dim: bool, radius: f64, dpr: f64) -> Option<SpriteUse> {
        let id = (key.class, key.look, dim, (radius * dpr * 100.0) as u64);
        if !self.sprites.contains_key(&id) {
            let paint = self.paint(Layer::Sites, key.class, key.look, dim);
            let kind = self.bulk.class_kind[key.class as usize]?;
            // The widest symbol reaches 1.45 radii out; its stroke a little more.
            let size = ((radius * 1.45 + paint.width + 1.0) * 2.0 * dpr).ceil();
            let canvas = new_canvas(size as u32, size as u32)?;
            let c = context(&canvas)?;
            let _ = c.set_transform(dpr, 0.0, 0.0, dpr, size / 2.0, size / 2.0);
            let p = path(&symbol_path(kind, 0.0, 0.0, radius));
            if let Some(fill) = &paint.fill {
                c.set_fill_style_str(fill);
                c.fill_with_path_2d(&p);
            }
            if let Some(s) = &paint.stroke {
                c.set_stroke_style_str(s);
                c.set_line_width(paint.width);
                c.stroke_with_path(&p);
            }
            let side = size as u32;
            let bits = c
                .get_image_data(0.0, 0.0, size, size)
                .ok()
                .map(|d| Bitmap::from_straight(side as usize, side as usize, &d.data()));
            self.sprites.insert(id, Sprite { canvas, size, bits });
        }
        let alpha = self.paint(Layer::Sites, key.class, key.look, dim).alpha;
        let s = &self.sprites[&id];
        Some((s.canvas.clone(), s.size, alpha, s.bits.clone()))
    }

    /// Rasters the marks of `members` (by class) into `layer`, each class in its plain
    /// look at the opacity `alpha` gives from its plain and faded paints.
    #[allow(clippy::too_many_arguments)]
    fn raster(
        &mut self,
        kind: Layer,
        layer: &HtmlCanvasElement,
        mut pixels: Option<&mut Bitmap>,
        scene: &MapScene,
        r: &Raster,
        members: &[(u16, Vec<usize>)],
        alpha: fn(f64, f64) -> f64,
    ) {
        let Some(c) = context(layer) else { return };
        // The composed pixels a stamp covered: only they go to the canvas.
        let mut covered: Option<Clip> = None;
        for (class, marks) in members {
            let plain = self.paint(kind, *class, Look::default(), false);
            let faded = self.paint(kind, *class, Look { future: true, ..Look::default() }, false);
            let opacity = alpha(plain.alpha, faded.alpha);
            c.set_global_alpha(opacity);
            match kind {
                // The lines drawn in wasm and painted into the layer's pixels (a canvas
                // strokes them pixel by pixel, several times slower).
                Layer::Links
                    if let Some(px) = pixels.as_deref_mut()
                        && let Some((rgb, a)) = plain.stroke.as_deref().and_then(css_colour) =>
                {
                    let (w, h) = (r.size.0 as usize, r.size.1 as usize);
                    let mut mask = match self.mask.take() {
                        Some(mut m) if (m.width, m.height) == (w, h) => {
                            m.clear();
                            m
                        }
                        _ => Coverage::new(w, h),
                    };
                    let alpha = ((opacity * a).clamp(0.0, 1.0) * 255.0).round() as u32;
                    if r.view == MapView::Both {
                        cross_hairlines(&mut mask, scene, &self.bulk, marks, &r.panes, r.style, r.dpr, alpha);
                    } else {
                        for pane in &r.panes {
                            hairlines_in_pane(&mut mask, scene, marks, pane, r.dpr, alpha);
                        }
                    }
                    if let Some(done) = px.tint(&mask, rgb, Clip::whole(w, h)) {
                        covered = Some(covered.map_or(done, |c| c.union(done)));
                    }
                    self.mask = Some(mask);
                }
                Layer::Links => stroke_links(&c, scene, &self.bulk, marks, &plain, r, Width::Hairline),
                Layer::Sites => {
                    let key = BatchKey { layer: kind, rank: 1, class: *class, look: Look::default() };
                    let Some((sprite, size, _, bits)) = self.sprite(&key, false, r.style.radius, r.dpr) else {
                        continue;
                    };
                    match (pixels.as_deref_mut(), bits) {
                        (Some(px), Some(bits)) => {
                            if let Some(done) = compose_sites(px, scene, marks, &bits, opacity, r) {
                                covered = Some(covered.map_or(done, |c| c.union(done)));
                            }
                        }
                        _ => stamp_sites(&c, scene, marks, &sprite, size, r, &r.panes),
                    }
                }
            }
        }
        if let (Some(px), Some(rect)) = (pixels, covered) {
            put(layer, px, rect);
        }
    }

    /// Keeps one kind's layers right for `looks` and the settled windows.
    fn follow(&mut self, kind: Layer, scene: &MapScene, looks: &Looks, r: &Raster, fresh_raster: bool) {
        let (classes, marks) = match kind {
            Layer::Links => (&self.bulk.link_class, &looks.links),
            Layer::Sites => (&self.bulk.site_class, &looks.sites),
        };
        let (shown, begun_now) = (shown_by_class(classes, marks), begun(marks));
        let held = match kind {
            Layer::Links => self.links.take(),
            Layer::Sites => self.sites.take(),
        };
        // Faded: all shown marks at the faded opacity; begun: over them, to the plain one.
        let faded: fn(f64, f64) -> f64 = |_, faded| faded;
        let over: fn(f64, f64) -> f64 = |plain, faded| over_alpha(faded, plain);
        let only = |wanted: &dyn Fn(usize) -> bool| -> Vec<(u16, Vec<usize>)> {
            shown.iter().map(|(c, m)| (*c, m.iter().copied().filter(|&i| wanted(i)).collect())).collect()
        };
        let all_begun = shown.iter().all(|(_, m)| m.iter().all(|&i| begun_now[i]));
        let plain: fn(f64, f64) -> f64 = |plain, _| plain;
        // Composed in wasm (but a cursor step's few added links are stroked by the canvas,
        // over the layer: their pixels are not kept).
        let blank = || Some(Bitmap::new(r.size.0 as usize, r.size.1 as usize));
        let layers = match held {
            Some(mut l) if !fresh_raster && l.shown == shown && (l.all.is_some() || all_begun) => {
                let alpha = if l.all.is_some() { over } else { plain };
                match layer_update(&l.begun_now, &begun_now) {
                    LayerUpdate::Same => {}
                    LayerUpdate::Add(added) => {
                        let added: crate::collections::HashSet<usize> = added.into_iter().collect();
                        // (None for the links: see below.)
                        let px = l.begun_px.as_mut();
                        self.raster(kind, &l.begun, px, scene, r, &only(&|i| added.contains(&i)), alpha);
                    }
                    LayerUpdate::Redraw => {
                        clear(&l.begun);
                        l.begun_px = blank();
                        let px = l.begun_px.as_mut();
                        self.raster(kind, &l.begun, px, scene, r, &only(&|i| begun_now[i]), alpha);
                    }
                }
                Layers { begun_now, ..l }
            }
            held => {
                // The layers' canvases of the same size again, cleared (making canvases and
                // their contexts costs more than clearing them).
                let mut spare: Vec<HtmlCanvasElement> = held
                    .map(|l| l.all.into_iter().chain([l.begun]).filter(|c| (c.width(), c.height()) == r.size).collect())
                    .unwrap_or_default();
                let mut canvas = || match spare.pop() {
                    Some(c) => {
                        clear(&c);
                        Some(c)
                    }
                    None => new_canvas(r.size.0, r.size.1),
                };
                let Some(begun_layer) = canvas() else { return };
                // Every mark begun: one layer of them, plain; else the faded layer under.
                let all = if all_begun {
                    None
                } else {
                    let Some(all) = canvas() else { return };
                    self.raster(kind, &all, blank().as_mut(), scene, r, &shown, faded);
                    Some(all)
                };
                let alpha = if all.is_some() { over } else { plain };
                let mut begun_px = blank();
                self.raster(kind, &begun_layer, begun_px.as_mut(), scene, r, &only(&|i| begun_now[i]), alpha);
                Layers { all, begun: begun_layer, begun_px, shown, begun_now }
            }
        };
        match kind {
            // The links' pixels are not added to (a step strokes its few over the layer).
            Layer::Links => self.links = Some(Layers { begun_px: None, ..layers }),
            Layer::Sites => self.sites = Some(layers),
        }
    }

    /// How much a highlight steps back the rest of `kind` (the ratio of its paints with
    /// and without one).
    fn step_back(&mut self, kind: Layer, dim: bool) -> f64 {
        let Some(class) = self.batches.iter().find(|b| b.key.layer == kind).map(|b| b.key.class) else { return 1.0 };
        if !dim {
            return 1.0;
        }
        let on = self.paint(kind, class, Look::default(), true).alpha;
        let off = self.paint(kind, class, Look::default(), false).alpha;
        if off > 0.0 { (on / off).min(1.0) } else { 1.0 }
    }
}

impl PaintsInBulk for Painter {
    /// Paints the marks of `looks` in the current windows (`panes`), from the layers
    /// rastered for the settled windows (`settled`).
    fn draw(&mut self, f: &BulkFrame) {
        let BulkFrame { scene, looks, view, size: frame, panes, settled, carried, style } = *f;
        let Some(canvas) = self.canvas.clone() else { return };
        let Some(c) = context(&canvas) else { return };
        // The canvas in device pixels, for a sharp drawing.
        let dpr = window().device_pixel_ratio().max(1.0);
        // The frame's measured size (reading the canvas's own would lay the page out).
        let size = ((frame.width * dpr).round() as u32, (frame.height * dpr).round() as u32);
        if (canvas.width(), canvas.height()) != size {
            canvas.set_width(size.0);
            canvas.set_height(size.1);
        }
        if self.batches_of.as_ref() != Some(looks) {
            self.batches = batches(&self.bulk, looks);
            self.batches_of = Some(looks.clone());
        }
        let r = Raster { view: settled.view, panes: settled.panes.clone(), size, style, dpr };
        let fresh = self.raster.as_ref() != Some(&r);
        self.follow(Layer::Links, scene, looks, &r, fresh);
        self.follow(Layer::Sites, scene, looks, &r, fresh);
        self.raster = Some(r.clone());

        let dim = looks.any_highlight;
        let (links_back, sites_back) = (self.step_back(Layer::Links, dim), self.step_back(Layer::Sites, dim));
        let _ = c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        c.set_global_alpha(1.0);
        c.clear_rect(0.0, 0.0, f64::from(size.0), f64::from(size.1));
        // The layers, each pane's moved to the current window that shows it (the links
        // between the panes side by side step aside while a window moves).
        let moving = view != settled.view || panes != settled.panes.as_slice();
        let _ = canvas.set_attribute("data-settled", if moving { "false" } else { "true" });
        for (then, to) in settled.panes.iter().zip(carried) {
            let Some(to) = to else { continue };
            let d = to.delta.unwrap_or(crate::geo::ViewTransform::IDENTITY);
            clip_to(&c, &panes[to.to], dpr);
            let _ = c.set_transform(d.k, 0.0, 0.0, d.k, dpr * d.tx, dpr * d.ty);
            // Only what was rastered for this pane.
            narrow_clip(&c, then, dpr);
            for (layers, back, shown) in
                [(&self.links, links_back, !(settled.view == MapView::Both && moving)), (&self.sites, sites_back, true)]
            {
                if let (Some(l), true) = (layers, shown) {
                    c.set_global_alpha(back);
                    if let Some(all) = &l.all {
                        let _ = c.draw_image_with_html_canvas_element(all, 0.0, 0.0);
                    }
                    let _ = c.draw_image_with_html_canvas_element(&l.begun, 0.0, 0.0);
                }
            }
            c.restore();
        }

        // The highlighted and selected marks over them, in the current windows.
        let now = Raster { view, panes: panes.to_vec(), size, style, dpr };
        let batches = std::mem::take(&mut self.batches);
        for b in batches.iter().filter(|b| b.key.look.highlighted || b.key.look.selected) {
            let paint = self.paint(b.key.layer, b.key.class, b.key.look, dim);
            match b.key.layer {
                Layer::Links if !(view == MapView::Both && moving) => {
                    c.set_global_alpha(paint.alpha);
                    stroke_links(&c, scene, &self.bulk, &b.members, &paint, &now, Width::Paint);
                }
                Layer::Links => {}
                Layer::Sites => {
                    let Some((sprite, size, alpha, _)) = self.sprite(&b.key, dim, style.radius, dpr) else { continue };
                    c.set_global_alpha(alpha);
                    stamp_sites(&c, scene, &b.members, &sprite, size, &now, panes);
                }
            }
        }
        let (sites, links) = drawn_counts(&batches);
        let _ = canvas.set_attribute("data-sites", &sites.to_string());
        let _ = canvas.set_attribute("data-links", &links.to_string());
        self.batches = batches;
    }
}
