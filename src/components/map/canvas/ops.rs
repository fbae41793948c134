//! What the bulk painter draws with: the paints read from the stylesheet, the windows a
//! layer is rastered for, and the canvas operations (links stroked, sites stamped or
//! composed in wasm, pixels put, clips), each drawing what it is given.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use crate::geo::bulk::{BulkScene, Layer, cross_path, links_path, pane_clip, site_point};
use crate::geo::pixels::{Bitmap, Clip};
use crate::geo::scene::{MapScene, MapView, MarkStyle, Pane};
use crate::model::number::parse_f64;

/// How a batch is painted, as the stylesheet says for its classes.
#[derive(Clone)]
pub(super) struct Paint {
    pub fill: Option<String>,
    pub stroke: Option<String>,
    pub width: f64,
    pub alpha: f64,
}

/// What the layers were rastered for.
#[derive(Clone, PartialEq)]
pub(super) struct Raster {
    pub view: MapView,
    pub panes: Vec<Pane>,
    pub size: (u32, u32),
    pub style: MarkStyle,
    pub dpr: f64,
}

pub(super) fn path(d: &str) -> Path2d {
    Path2d::new_with_path_string(d).unwrap_or_else(|_| Path2d::new().expect("Path2D"))
}

pub(super) fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// A layer off the page. Its pixels stay in memory (not on a graphics card): it is
/// composed in wasm and copied to the page's canvas, never read back from a card.
pub(super) fn new_canvas(w: u32, h: u32) -> Option<HtmlCanvasElement> {
    let c = document().create_element("canvas").ok()?.dyn_into::<HtmlCanvasElement>().ok()?;
    c.set_width(w);
    c.set_height(h);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    let _ = c.get_context_with_context_options("2d", &options);
    Some(c)
}

/// How wide a link is stroked.
#[derive(Clone, Copy)]
pub(super) enum Width {
    /// One device pixel, whatever the stylesheet says: the layers' thousands of links. A
    /// canvas without a graphics card rasters a line of one pixel as a hairline, ten times
    /// faster than one of 2.2 (10,000 links: about 40 against 400 ms), and at that many
    /// the wide ones merge into one coloured area.
    Hairline,
    /// The stylesheet's width: the few highlighted or selected links drawn over the rest.
    Paint,
}

/// Strokes links in `r`'s windows: between the panes side by side, or in each pane.
pub(super) fn stroke_links(
    c: &CanvasRenderingContext2d,
    scene: &MapScene,
    bulk: &BulkScene,
    links: &[usize],
    paint: &Paint,
    r: &Raster,
    width: Width,
) {
    let Some(colour) = &paint.stroke else { return };
    c.set_stroke_style_str(colour);
    // The width in CSS pixels (before the window's scale).
    let css_width = match width {
        Width::Hairline => 1.0 / r.dpr,
        Width::Paint => paint.width,
    };
    if r.view == MapView::Both {
        let _ = c.set_transform(r.dpr, 0.0, 0.0, r.dpr, 0.0, 0.0);
        c.set_line_width(css_width);
        c.stroke_with_path(&path(&cross_path(scene, bulk, links, &r.panes, r.style)));
    } else {
        let p = path(&links_path(bulk, links));
        for pane in &r.panes {
            let t = pane.transform;
            clip_to(c, pane, r.dpr);
            let _ = c.set_transform(r.dpr * t.k, 0.0, 0.0, r.dpr * t.k, r.dpr * t.tx, r.dpr * t.ty);
            c.set_line_width(css_width / t.k);
            c.stroke_with_path(&p);
            c.restore();
        }
    }
}

/// Copies a site look's picture at each site's place in each pane, at whole device pixels.
pub(super) fn stamp_sites(
    c: &CanvasRenderingContext2d,
    scene: &MapScene,
    sites: &[usize],
    sprite: &HtmlCanvasElement,
    size: f64,
    r: &Raster,
    panes: &[Pane],
) {
    for pane in panes {
        clip_to(c, pane, r.dpr);
        let _ = c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        for &i in sites {
            if let Some((x, y)) = site_point(&scene.sites[i], r.view, pane, r.style) {
                let (dx, dy) = ((x * r.dpr - size / 2.0).round(), (y * r.dpr - size / 2.0).round());
                let _ = c.draw_image_with_html_canvas_element(sprite, dx, dy);
            }
        }
        c.restore();
    }
}

/// Composes a site look's picture at each site's place in each settled pane, cut to the
/// pane, at whole device pixels. Returns the rectangle the pictures covered.
pub(super) fn compose_sites(
    px: &mut Bitmap,
    scene: &MapScene,
    sites: &[usize],
    picture: &Bitmap,
    alpha: f64,
    r: &Raster,
) -> Option<Clip> {
    let mut covered: Option<Clip> = None;
    let half = picture.width as f64 / 2.0;
    // Faded once, then copied at full opacity (the copy's quick case).
    let picture = &picture.faded(alpha);
    for pane in &r.panes {
        let clip = pane_clip(pane, r.dpr);
        for &i in sites {
            if let Some((x, y)) = site_point(&scene.sites[i], r.view, pane, r.style) {
                let (dx, dy) = ((x * r.dpr - half).round() as i64, (y * r.dpr - half).round() as i64);
                if let Some(done) = px.stamp(picture, dx, dy, 1.0, clip) {
                    covered = Some(covered.map_or(done, |c| c.union(done)));
                }
            }
        }
    }
    covered
}

/// Puts the composed pixels of `rect` on a layer (a cursor step's few new sites: a few
/// rows, not the layer's megabytes).
pub(super) fn put(layer: &HtmlCanvasElement, px: &Bitmap, rect: Clip) {
    let straight = px.to_straight_rect(rect);
    if let (Some(c), Ok(data)) = (
        context(layer),
        web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            wasm_bindgen::Clamped(&straight),
            (rect.x1 - rect.x0) as u32,
            (rect.y1 - rect.y0) as u32,
        ),
    ) {
        let _ = c.put_image_data(&data, rect.x0 as f64, rect.y0 as f64);
    }
}

pub(super) fn clear(canvas: &HtmlCanvasElement) {
    if let Some(c) = context(canvas) {
        let _ = c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        c.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    }
}

/// Saves the context and clips it to `pane`, under a transform of `dpr` alone (restore after).
pub(super) fn clip_to(c: &CanvasRenderingContext2d, pane: &Pane, dpr: f64) {
    c.save();
    let _ = c.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    narrow_clip(c, pane, 1.0);
}

/// Narrows the clip to `pane`'s rectangle scaled by `scale`, under the current transform.
pub(super) fn narrow_clip(c: &CanvasRenderingContext2d, pane: &Pane, scale: f64) {
    let r = pane.rect;
    c.begin_path();
    c.rect(scale * r.x, scale * r.y, scale * r.w, scale * r.h);
    c.clip();
}

/// A paint as the stylesheet computes it for the probe's twin element.
pub(super) fn read_paint(probe: &web_sys::Element, layer: Layer) -> Option<Paint> {
    let mark = probe.query_selector("path").ok().flatten()?;
    let style = |el: &web_sys::Element| window().get_computed_style(el).ok().flatten();
    let s = style(&mark)?;
    let value = |p: &str| s.get_property_value(p).unwrap_or_default();
    let colour = |v: String| (v != "none" && !v.is_empty()).then_some(v);
    let number = |v: String, or: f64| parse_f64(v.trim_end_matches("px").trim()).unwrap_or(or);
    let mut alpha = number(value("opacity"), 1.0);
    if layer == Layer::Sites
        && let Some(g) = probe.first_element_child().as_ref().and_then(style)
    {
        alpha *= number(g.get_property_value("opacity").unwrap_or_default(), 1.0);
    }
    Some(Paint {
        fill: colour(value("fill")),
        stroke: colour(value("stroke")),
        width: number(value("stroke-width"), 1.0),
        alpha,
    })
}
