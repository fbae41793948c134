//! The map's SVG markup, built as text from the scene: the same function draws the page
//! and the snapshot tests, and the browser parses one string instead of thousands of
//! element creations. Every text from the data goes through [`escape_xml`]; no `style`
//! attribute is written (the page runs under a strict Content-Security-Policy).

use super::math;
use std::fmt::Write;

use super::basemap::Layer;
use super::scene::{BasePath, Link, MapScene, MapView, MarkStyle, Pane, SiteMark, escape_xml, site_marks};
use super::view::Viewport;
use crate::model::number::{Fixed, Plain};
use crate::model::ui::Zoom;
use crate::model::{ItemKind, Lang, Side, SiteKind, Status};

/// Above this many links, links are drawn in bulk, not one element each.
pub const MAX_FOCUSABLE_LINKS: usize = 200;

/// The base map's group, in projected units: countries first and the regions on top.
pub fn base_group(base: &[BasePath]) -> String {
    base_group_with(base, false)
}

/// The id of the pre-rendered page's drawing of the base map ([`page_base_group`]).
pub const PAGE_BASE_ID: &str = "poster-base";

/// [`base_group`] for the pre-rendered page, whose drawing of the base map the app starts
/// with ([`BasePath::drawn`]): each region's path also says the bounds of the whole region
/// (`data-bounds`, [`bounds_attr`]), which fit the views exactly as the shipped map does.
pub fn page_base_group(base: &[BasePath]) -> String {
    base_group_with(base, true)
}

fn base_group_with(base: &[BasePath], region_bounds: bool) -> String {
    let mut s = String::with_capacity(base.iter().map(|b| b.d.len() + 60).sum::<usize>() + 20);
    // A picture the map's text alternative does without.
    s.push_str(r#"<g class="base" aria-hidden="true">"#);
    for layer in Layer::ALL {
        for b in base.iter().filter(|b| b.layer == layer) {
            let _ = write!(s, r#"<path class="shape shape--{}" data-shape="{}""#, layer.name(), escape_xml(&b.id));
            if let (true, Layer::Region, Some(bounds)) = (region_bounds, layer, b.bounds) {
                let _ = write!(s, r#" data-bounds="{}""#, bounds_attr(bounds));
            }
            let _ = write!(s, r#" d="{}"/>"#, b.d);
        }
    }
    s.push_str("</g>");
    s
}

/// Bounds as an attribute's value, `x0 y0 x1 y1`, each number as Rust writes it (the
/// shortest text that reads back to the same number: [`read_bounds_attr`]).
pub fn bounds_attr(b: super::view::Bounds) -> String {
    format!("{} {} {} {}", b.x0, b.y0, b.x1, b.y1)
}

/// The bounds [`bounds_attr`] wrote.
pub fn read_bounds_attr(text: &str) -> Option<super::view::Bounds> {
    let mut n = text.split(' ').map(crate::model::number::parse_f64);
    let mut next = || n.next()?;
    let b = super::view::Bounds { x0: next()?, y0: next()?, x1: next()?, y1: next()? };
    next().is_none().then_some(b)
}

/// The layer whose class [`base_group`] gives its shapes (`shape--region`), from the class.
pub fn layer_of_class(class: &str) -> Option<Layer> {
    Layer::named(class.split(' ').find_map(|c| c.strip_prefix("shape--"))?)
}

/// Base map (its group's markup, [`base_group`]) and links, in projected units, for one
/// pane's `world` group.
pub fn world_layer(scene: &MapScene, base: &str, with_links: bool, lang: Lang) -> String {
    let mut s = base.to_owned();
    if with_links {
        s.push_str(&links_group(scene, lang, &|l| l.d(), NON_SCALING));
    }
    s
}

/// The stroke of a shape drawn under a pane's transform keeps its width in pixels.
const NON_SCALING: &str = r#" vector-effect="non-scaling-stroke""#;

/// The links' group: each link's path as `path` writes it, with `stroke` after it.
fn links_group(scene: &MapScene, lang: Lang, path: &dyn Fn(&Link) -> String, stroke: &str) -> String {
    let mut s = String::with_capacity(scene.links.len() * 300);
    s.push_str(r#"<g class="links">"#);
    if scene.links.len() <= MAX_FOCUSABLE_LINKS {
        for l in &scene.links {
            let _ = write!(
                s,
                r#"<path class="{}" data-item="{}" data-from="{}" data-to="{}" d="{}"{stroke} tabindex="0" role="button" aria-label="{}"/>"#,
                link_classes(l),
                escape_xml(&l.item),
                escape_xml(&l.from),
                escape_xml(&l.to),
                path(l),
                escape_xml(&link_label(scene, l, lang)),
            );
        }
    } else {
        // Thousands of links: one path per kind and status, which the browser paints
        // in a fraction of the time of thousands of elements. They are not focusable
        // one by one; the sites and the list are the way in.
        let mut groups: std::collections::BTreeMap<String, (String, usize)> = std::collections::BTreeMap::new();
        for l in &scene.links {
            let group = groups.entry(link_classes(l)).or_default();
            group.0.push_str(&path(l));
            group.1 += 1;
        }
        for (class, (d, n)) in groups {
            let _ = write!(s, r#"<path class="{class} link--bulk" data-links="{n}" d="{d}"{stroke}/>"#);
        }
    }
    s.push_str("</g>");
    s
}

/// A pane's world for a drawing of its own (the printed handout, an exported file): the
/// base map and the links placed in the drawing's pixels and cut to the pane, with no
/// scaling group whose strokes a reader must keep from scaling (`vector-effect`, which
/// many SVG readers ignore: librsvg drew the outlines seven times too thick).
fn flat_world_layer(scene: &MapScene, pane: &Pane, with_links: bool, lang: Lang) -> String {
    let t = pane.transform;
    let place = |p: (f64, f64)| t.apply(p);
    // A little beyond the pane: the cut edges run outside its clip.
    let r = pane.rect;
    let window = super::view::Bounds { x0: r.x - 2.0, y0: r.y - 2.0, x1: r.x + r.w + 2.0, y1: r.y + r.h + 2.0 };
    let base: Vec<BasePath> = scene.base.iter().filter_map(|b| b.cut(&[window], &place)).collect();
    let mut s = base_group(&base);
    if with_links {
        let path = |l: &Link| {
            let points: Vec<(f64, f64)> = l.points().map(place).collect();
            super::scene::compact_line_path(&points)
        };
        s.push_str(&links_group(scene, lang, &path, ""));
    }
    s
}

/// A link's accessible name: `"Chambéry – Zhangjiakou: <item title> (signed)"`.
pub fn link_label(scene: &MapScene, link: &Link, lang: Lang) -> String {
    let name = |id: &str| scene.site(id).map_or_else(|| id.to_owned(), |s| s.name.get(lang).to_owned());
    let status: String = link.status.label(lang).chars().map(crate::model::filter::lower).collect();
    let party = if link.via_parties {
        format!(", {}", crate::i18n::tr(lang, crate::i18n::Msg::PartySeats))
    } else {
        String::new()
    };
    format!("{} – {}: {} ({status}{party})", name(&link.from), name(&link.to), link.title.get(lang))
}

/// Which marks stand out: the ones the hovered or focused mark connects, and the selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Emphasis {
    pub sites: crate::collections::HashSet<String>,
    pub items: crate::collections::HashSet<String>,
    pub selected_site: Option<String>,
    pub selected_item: Option<String>,
}

impl Emphasis {
    fn site_classes(&self, id: &str) -> &'static str {
        emphasis_classes(self.sites.contains(id), self.selected_site.as_deref() == Some(id))
    }

    fn item_classes(&self, id: &str) -> &'static str {
        emphasis_classes(self.items.contains(id), self.selected_item.as_deref() == Some(id))
    }
}

fn emphasis_classes(highlighted: bool, selected: bool) -> &'static str {
    match (highlighted, selected) {
        (true, true) => " is-highlighted is-selected",
        (true, false) => " is-highlighted",
        (false, true) => " is-selected",
        (false, false) => "",
    }
}

/// Above this many sites, sites are not Tab stops and carry no name of their own (the
/// list is the way through them); the markup stays small enough to redraw.
pub const MAX_FOCUSABLE_SITES: usize = 300;

/// Whether a dataset of `sites` sites is drawn in bulk: its markers painted (on a canvas
/// live, one path per look in a file), no Tab stop or name of their own (the list is the
/// way through them), its links' arcs drawn with the detail a hairline needs.
pub fn in_bulk(sites: usize) -> bool {
    sites > MAX_FOCUSABLE_SITES
}

/// Site markers with their labels, in screen pixels, for a drawing of its own (a file, the
/// handout): thousands of sites in bulk ([`bulk_sites_layer`]), else one element each.
pub fn sites_layer(scene: &MapScene, marks: &[SiteMark], style: MarkStyle, emphasis: &Emphasis, lang: Lang) -> String {
    if in_bulk(scene.sites.len()) {
        return bulk_sites_layer(scene, marks, style, emphasis);
    }
    site_elements(scene, marks, style, emphasis, lang)
}

/// Site markers with their labels, one element each (a button, named).
pub fn site_elements(
    scene: &MapScene,
    marks: &[SiteMark],
    style: MarkStyle,
    emphasis: &Emphasis,
    lang: Lang,
) -> String {
    let mut s = String::with_capacity(marks.len() * 300);
    // Second label lines (the Games dates) go in a group of their own after the sites:
    // inside a site they would be part of its name's visible text, which its accessible
    // name gives in another order.
    let mut subs = String::new();
    for m in marks {
        let Some(site) = scene.site(&m.id) else { continue };
        let side = side_class(site.side);
        let _ = write!(
            s,
            r#"<g class="site site--{} site--{side}{}{}" data-site="{}""#,
            kind_class(site.kind),
            if m.offscreen { " site--offscreen" } else { "" },
            emphasis.site_classes(&m.id),
            escape_xml(&m.id),
        );
        let _ = write!(
            s,
            r#" tabindex="0" role="button" aria-label="{}">"#,
            escape_xml(&site_label(m, site.kind, site.side, site.items.len(), lang))
        );
        if let Some((tx, ty)) = m.true_point {
            let _ = write!(
                s,
                r#"<line class="site__leader" x1="{}" y1="{}" x2="{}" y2="{}"/><circle class="site__origin" cx="{}" cy="{}" r="1.5"/>"#,
                d1(m.x),
                d1(m.y),
                d1(tx),
                d1(ty),
                d1(tx),
                d1(ty)
            );
        }
        let _ = write!(s, r#"<path class="site__mark" d="{}"/>"#, symbol_path(site.kind, m.x, m.y, style.radius));
        label_markup(&mut s, m);
        s.push_str("</g>");
        sub_label_markup(&mut subs, m);
    }
    if !subs.is_empty() {
        let _ = write!(s, r#"<g class="site-subs" aria-hidden="true">{subs}</g>"#);
    }
    s
}

fn label_anchor(l: &super::labels::LabelPlace) -> &'static str {
    l.side.anchor()
}

/// `v` to one decimal, as `{v:.1}` writes it (without the float formatter in the wasm).
fn d1(v: f64) -> Fixed {
    Fixed(v, 1)
}

/// A mark's label, if it has a place.
fn label_markup(s: &mut String, m: &SiteMark) {
    let Some(l) = &m.label else { return };
    let _ = write!(
        s,
        r#"<text class="site__label" x="{}" y="{}" text-anchor="{}">{}</text>"#,
        d1(l.x),
        d1(l.y),
        label_anchor(l),
        escape_xml(&m.name)
    );
}

/// The second line of a mark's label (the Games dates), under the first, where the label
/// has room for it.
fn sub_label_markup(s: &mut String, m: &SiteMark) {
    let (Some(l), Some(sub)) = (&m.label, &m.sub) else { return };
    if l.form != 0 {
        return;
    }
    let _ = write!(
        s,
        r#"<text class="site__label site__sub" data-sub-of="{}" x="{}" y="{}" dy="1.2em" text-anchor="{}">{}</text>"#,
        escape_xml(&m.id),
        d1(l.x),
        d1(l.y),
        label_anchor(l),
        escape_xml(sub)
    );
}

/// Thousands of sites: one path per kind and side (a few elements instead of thousands,
/// so a redraw fits in a frame or two), the placed labels, and the emphasised sites drawn
/// again on top. Clicks are matched to the nearest marker by the component.
fn bulk_sites_layer(scene: &MapScene, marks: &[SiteMark], style: MarkStyle, emphasis: &Emphasis) -> String {
    // (kind, side) → path.
    let mut groups: std::collections::BTreeMap<(String, &'static str), String> = std::collections::BTreeMap::new();
    let mut top = String::new();
    let mut labels = String::new();
    // Markers of one group on (nearly) the same pixel look the same drawn once; thousands of
    // stacked shapes are what makes rasterising slow.
    let mut occupied = crate::collections::HashSet::default();
    for m in marks {
        let Some(site) = scene.site(&m.id) else { continue };
        let classes = emphasis.site_classes(&m.id);
        if classes.is_empty() {
            let key = (site.kind as u8, site.side as u8, (m.x / 1.5).round() as i64, (m.y / 1.5).round() as i64);
            if occupied.insert(key) {
                let d = symbol_path(site.kind, m.x, m.y, style.radius);
                groups.entry((kind_class(site.kind), side_class(site.side))).or_default().push_str(&d);
            }
        } else {
            let d = symbol_path(site.kind, m.x, m.y, style.radius);
            let _ = write!(
                top,
                r#"<path class="site__mark site--{} site--{}{classes}" data-site="{}" d="{d}"/>"#,
                kind_class(site.kind),
                side_class(site.side),
                escape_xml(&m.id)
            );
        }
        label_markup(&mut labels, m);
    }
    let mut s = String::with_capacity(groups.values().map(String::len).sum::<usize>() + top.len() + labels.len() + 200);
    s.push_str(r#"<g class="sites-bulk" aria-hidden="true">"#);
    for ((kind, side), d) in groups {
        let _ = write!(s, r#"<path class="site__mark site--{kind} site--{side}" d="{d}"/>"#);
    }
    let _ = write!(s, "{top}{labels}</g>");
    s
}

/// The site layer of a view drawn in bulk (the markers and links are on the page's canvas):
/// each pane's placed labels, each naming its site and where its marker is, in a group of
/// the pane's own (moved as a whole during a gesture).
pub fn bulk_labels_markup(marks_by_pane: &[Vec<SiteMark>]) -> String {
    let mut s = String::new();
    for (i, marks) in marks_by_pane.iter().enumerate() {
        let _ = write!(s, r#"<g class="overlay-pane" data-pane="{i}"><g class="sites-bulk" aria-hidden="true">"#);
        for m in marks {
            let Some(l) = &m.label else { continue };
            let _ = write!(
                s,
                r#"<text class="site__label" data-label-of="{}" data-at="{},{}" x="{}" y="{}" text-anchor="{}">{}</text>"#,
                escape_xml(&m.id),
                D1(m.x),
                D1(m.y),
                D1(l.x),
                D1(l.y),
                label_anchor(l),
                escape_xml(&m.name)
            );
        }
        s.push_str("</g></g>");
    }
    s
}

/// In the side-by-side view: curves from each French site to its Chinese partner, across
/// the gap between the panes, in screen pixels.
pub fn cross_links(scene: &MapScene, marks: &[SiteMark], lang: Lang, emphasis: &Emphasis) -> String {
    let at = |id: &str| marks.iter().find(|m| m.id == id && !m.offscreen).map(|m| (m.x, m.y));
    let mut s = String::new();
    for l in &scene.links {
        let (Some(a), Some(b)) = (at(&l.from), at(&l.to)) else { continue };
        let _ = write!(
            s,
            r#"<path class="{}{}" data-item="{}" data-from="{}" data-to="{}" d="{}" tabindex="0" role="button" aria-label="{}"/>"#,
            link_classes(l),
            emphasis.item_classes(&l.item),
            escape_xml(&l.item),
            escape_xml(&l.from),
            escape_xml(&l.to),
            cross_curve(a, b),
            escape_xml(&link_label(scene, l, lang)),
        );
    }
    s
}

/// The curve of a link between the two panes, from `a` to `b` in screen pixels.
pub fn cross_curve(a: (f64, f64), b: (f64, f64)) -> String {
    let mut d = String::with_capacity(48);
    for (i, (x, y)) in cross_controls(a, b).into_iter().enumerate() {
        d.push_str(["M", "C", " ", " "][i]);
        push_tenths(&mut d, x);
        d.push(',');
        push_tenths(&mut d, y);
    }
    d
}

/// The four points of [`cross_curve`]'s cubic: its ends and its two control points.
pub fn cross_controls(a: (f64, f64), b: (f64, f64)) -> [(f64, f64); 4] {
    // Bowed to the left of the way from a to b (upwards side by side, rightwards when
    // stacked), so parallel links fan out instead of piling up.
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = math::hypot(dx, dy).max(1e-9);
    let bow = (len * 0.18).min(120.0);
    let (nx, ny) = (dy / len * bow, -dx / len * bow);
    [a, (a.0 + dx / 3.0 + nx, a.1 + dy / 3.0 + ny), (b.0 - dx / 3.0 + nx, b.1 - dy / 3.0 + ny), b]
}

/// Appends `v` as `format!("{v:.1}")` writes it, digit by digit: 10,000 links between the
/// panes of a large dataset are 80,000 numbers, and formatting a float to a precision was
/// a tenth of its first drawing. Within a millionth of a tie (`x.x5`), where the product by
/// ten may round the other way than the exact value, the formatter decides.
fn push_tenths(out: &mut String, v: f64) {
    let t = v * 10.0;
    if !t.is_finite() || t.abs() > 1e15 || ((t - t.trunc()).abs() - 0.5).abs() < 1e-6 {
        let _ = write!(out, "{}", d1(v));
        return;
    }
    let tenths = t.round().abs() as u64;
    // The sign as the formatter writes it: a small negative value is `-0.0`.
    if v.is_sign_negative() {
        out.push('-');
    }
    super::scene::push_whole(out, tenths / 10);
    out.push('.');
    out.push(char::from(b'0' + (tenths % 10) as u8));
}

/// The site layer of a view as the page draws it (a few sites: the page draws thousands on
/// a canvas): the links between the two panes, then each pane's sites in a group of its own
/// (moved as a whole during a gesture).
pub fn overlay_markup(
    scene: &MapScene,
    view: MapView,
    marks_by_pane: &[Vec<SiteMark>],
    style: MarkStyle,
    emphasis: &Emphasis,
    lang: Lang,
) -> String {
    overlay_with(scene, view, marks_by_pane, emphasis, lang, &|marks| {
        site_elements(scene, marks, style, emphasis, lang)
    })
}

fn overlay_with(
    scene: &MapScene,
    view: MapView,
    marks_by_pane: &[Vec<SiteMark>],
    emphasis: &Emphasis,
    lang: Lang,
    sites: &dyn Fn(&[SiteMark]) -> String,
) -> String {
    let all: Vec<SiteMark> = marks_by_pane.iter().flatten().cloned().collect();
    let cross = if view == MapView::Both { cross_links(scene, &all, lang, emphasis) } else { String::new() };
    let mut s = format!(r#"<g class="cross-links">{cross}</g>"#);
    for (i, marks) in marks_by_pane.iter().enumerate() {
        let _ = write!(s, r#"<g class="overlay-pane" data-pane="{i}">{}</g>"#, sites(marks));
    }
    s
}

/// The whole map for a view, as one SVG document: the page's two layers (the world, and the
/// sites over it), made by the same functions, in their fitted windows.
pub fn render_svg(scene: &MapScene, view: MapView, vp: Viewport, lang: Lang, style: MarkStyle) -> String {
    let panes = scene.panes(view, vp);
    let marks: Vec<Vec<SiteMark>> = panes.iter().map(|p| site_marks(scene, view, p, lang, style)).collect();
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" viewBox="0 0 {} {}"><g class="panes">{}</g><g class="overlay">{}</g></svg>"#,
        vp.width,
        vp.height,
        panes_markup(scene, &base_group(&scene.base), view, &panes, lang, false),
        // Thousands of sites in bulk (the page paints them on a canvas).
        overlay_with(scene, view, &marks, &Emphasis::default(), lang, &|m| sites_layer(
            scene,
            m,
            style,
            &Emphasis::default(),
            lang
        )),
    )
}

/// What a drawing of its own shows: a view, at a size, and the reader's zoom of a one-pane
/// view (which frames the same part of the plane whatever the size).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Framing {
    pub view: MapView,
    pub vp: Viewport,
    pub zoom: Option<Zoom>,
}

/// A view of the map drawn on its own (the printed handout, an exported file): both
/// layers in their fitted windows, `emphasis` marking the selection, clip paths named
/// after `prefix`.
pub fn map_drawing(
    scene: &MapScene,
    framing: Framing,
    lang: Lang,
    style: MarkStyle,
    emphasis: &Emphasis,
    prefix: &str,
) -> String {
    let Framing { view, vp, zoom } = framing;
    let mut panes = scene.panes(view, vp);
    if let (Some(z), [pane]) = (zoom, panes.as_mut_slice()) {
        pane.transform = super::camera::window_at(pane, z);
    }
    let marks: Vec<Vec<SiteMark>> = panes.iter().map(|p| site_marks(scene, view, p, lang, style)).collect();
    let drawing = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><g class="panes">{}</g><g class="overlay">{}</g></svg>"#,
        flat_panes_markup(scene, view, &panes, lang, prefix),
        overlay_with(scene, view, &marks, emphasis, lang, &|m| sites_layer(scene, m, style, emphasis, lang)),
        w = Plain(vp.width),
        h = Plain(vp.height),
    );
    // A picture, not controls: nothing to focus or press on paper or in a file.
    drawing.replace(r#" tabindex="0" role="button""#, "")
}

/// What a stand-alone file of the map says around it.
pub struct FileFrame<'a> {
    pub title: &'a str,
    /// (symbol kind, label) of each site kind shown, and the labels of the line styles.
    pub site_kinds: &'a [(SiteKind, &'a str)],
    pub lines: [&'a str; 4],
    pub credit: &'a str,
}

/// The map as a self-contained SVG file: a title above, the legend and the base map's
/// credit below, nothing it refers to outside itself. It carries the page's classes; the
/// browser then writes the page's look onto each element as presentation attributes
/// (`dom::with_computed_look`), which every SVG reader understands (Inkscape, slides, an
/// `<img>` under a strict CSP) where a `<style>` block or CSS variables are not.
pub fn map_file(scene: &MapScene, framing: Framing, lang: Lang, emphasis: &Emphasis, frame: &FileFrame) -> String {
    let vp = framing.vp;
    let (top, legend_h) = (44.0, 64.0);
    let (w, h) = (vp.width, top + vp.height + legend_h);
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, sans-serif"><rect width="{w}" height="{h}" fill="#ffffff"/><text x="16" y="29" font-size="20" font-weight="700" fill="#14202b">{}</text><g transform="translate(0 {top})">{}</g>"##,
        escape_xml(frame.title),
        map_drawing(scene, framing, lang, MarkStyle::default(), emphasis, "file-pane"),
        w = Plain(w),
        h = Plain(h),
        top = Plain(top),
    );
    // The legend: one row of site kinds, one of line styles, the credit at the right.
    let y0 = top + vp.height + 22.0;
    let mut x = 16.0;
    let _ = write!(s, r##"<g class="map-svg" font-size="12" fill="#14202b">"##);
    for (kind, label) in frame.site_kinds {
        let _ = write!(
            s,
            r##"<path class="site__mark" fill="#3d4b57" d="{}"/><text x="{}" y="{}">{}</text>"##,
            symbol_path(*kind, x + 6.0, y0 - 4.0, 5.0),
            d1(x + 15.0),
            d1(y0),
            escape_xml(label)
        );
        x += 30.0 + super::labels::text_width(label, 12.0);
    }
    let classes = [
        "link link--agreement",
        "link link--project link--proposed",
        "link link--air-route link--proposed",
        "link link--agreement link--party",
    ];
    let mut x = 16.0;
    let y1 = y0 + 24.0;
    for (class, label) in classes.iter().zip(frame.lines) {
        let _ = write!(
            s,
            r#"<path class="{class}" d="M{},{}h30"/><text x="{}" y="{}">{}</text>"#,
            d1(x),
            d1(y1 - 4.0),
            d1(x + 36.0),
            d1(y1),
            escape_xml(label)
        );
        x += 54.0 + super::labels::text_width(label, 12.0);
    }
    let _ = write!(
        s,
        r##"</g><text x="{}" y="{}" font-size="11" fill="#3d4b57" text-anchor="end">{}</text></svg>"##,
        d1(w - 12.0),
        d1(h - 8.0),
        escape_xml(frame.credit)
    );
    s
}

/// SVG markup with one element per line, indented by depth: a snapshot a reviewer can
/// read and a diff that shows what changed.
pub fn pretty(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut depth: usize = 0;
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let text = rest[..start].trim();
        if !text.is_empty() {
            out.push_str(&"  ".repeat(depth));
            out.push_str(text);
            out.push('\n');
        }
        let Some(len) = rest[start..].find('>') else { break };
        let tag = &rest[start..=start + len];
        rest = &rest[start + len + 1..];
        let closing = tag.starts_with("</");
        let self_closing = tag.ends_with("/>");
        if closing {
            depth = depth.saturating_sub(1);
        }
        // An element with only text inside stays on one line: <text …>Lyon</text>.
        let inline_end =
            (!closing && !self_closing).then(|| rest.find('<')).flatten().filter(|&i| rest[i..].starts_with("</"));
        out.push_str(&"  ".repeat(depth));
        out.push_str(tag);
        match inline_end {
            Some(i) => {
                let close = i + rest[i..].find('>').map_or(0, |j| j + 1);
                out.push_str(&rest[..close]);
                rest = &rest[close..];
            }
            None if !closing && !self_closing => depth += 1,
            None => {}
        }
        out.push('\n');
    }
    out
}

/// Clip paths and the world group of each pane: the live map's, in projected units under
/// each pane's transform.
/// `bulk`: the links are drawn elsewhere (on the page's canvas), not in the world groups.
pub fn panes_markup(scene: &MapScene, base: &str, view: MapView, panes: &[Pane], lang: Lang, bulk: bool) -> String {
    let world = world_layer(scene, base, view != MapView::Both && !bulk, lang);
    panes_with(panes, "map-pane", &|_| (true, world.clone()))
}

/// The panes of a drawing of its own, with their clip paths' ids starting with `prefix`
/// (another drawing of the map in the same page, the printed handout, must not borrow the
/// live map's), everything in the drawing's pixels ([`flat_world_layer`]).
pub fn flat_panes_markup(scene: &MapScene, view: MapView, panes: &[Pane], lang: Lang, prefix: &str) -> String {
    panes_with(panes, prefix, &|p| (false, flat_world_layer(scene, p, view != MapView::Both, lang)))
}

/// Each pane's clip path, sea and world group; `world` gives whether a pane's group is under
/// the pane's transform, and its content.
fn panes_with(panes: &[Pane], prefix: &str, world: &dyn Fn(&Pane) -> (bool, String)) -> String {
    let mut s = String::from("<defs>");
    for (i, p) in panes.iter().enumerate() {
        let _ = write!(
            s,
            r#"<clipPath id="{prefix}-{i}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            d1(p.rect.x),
            d1(p.rect.y),
            d1(p.rect.w),
            d1(p.rect.h)
        );
    }
    s.push_str("</defs>");
    for (i, p) in panes.iter().enumerate() {
        let (transformed, content) = world(p);
        let attribute = if transformed { format!(r#" transform="{}""#, p.transform.to_svg()) } else { String::new() };
        let _ = write!(
            s,
            r#"<g class="pane" clip-path="url(#{prefix}-{i})"><rect class="sea" x="{}" y="{}" width="{}" height="{}"/><g class="world" data-pane="{i}"{attribute}>{content}</g></g>"#,
            d1(p.rect.x),
            d1(p.rect.y),
            d1(p.rect.w),
            d1(p.rect.h),
        );
    }
    s
}

/// One decimal, written with integer arithmetic (float formatting with a precision is slow
/// in wasm, and thousands of markers are written per redraw).
struct D1(f64);

impl std::fmt::Display for D1 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let a = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", a / 10, a % 10)
    }
}

/// The map's legend, as text: the kinds of site `kinds` uses (in that order), the two sides,
/// the kinds of line; in `lang`. Written into the legend's box in one piece, as the map's
/// drawings are, rather than built an element at a time (issue 25).
pub fn legend_markup(kinds: &[SiteKind], lang: Lang) -> String {
    use crate::i18n::{Msg, tr};
    let mut s = String::with_capacity(1600);
    let mark = |s: &mut String, class: &str, kind: SiteKind, label: &str| {
        let _ = write!(
            s,
            r#"<li><svg class="legend__symbol" viewBox="0 0 20 20" aria-hidden="true"><path class="site__mark{class}" d="{}"></path></svg>{}</li>"#,
            symbol_path(kind, 10.0, 10.0, 6.0),
            escape_xml(label)
        );
    };
    s.push_str(r#"<ul class="legend__list">"#);
    for &kind in kinds {
        mark(&mut s, "", kind, kind.label(lang));
    }
    mark(&mut s, " legend__france", SiteKind::City, tr(lang, Msg::FrenchSide));
    mark(&mut s, " legend__china", SiteKind::City, tr(lang, Msg::ChineseSide));
    s.push_str(r#"</ul><ul class="legend__list">"#);
    for (class, label) in [
        ("link--agreement", Msg::SignedOrDone),
        ("link--project link--proposed", Msg::PlannedLine),
        ("link--air-route link--proposed", Msg::ProposedRoute),
        ("link--agreement link--party", Msg::PartySeatsLegend),
    ] {
        let _ = write!(
            s,
            r#"<li><svg class="legend__line" viewBox="0 0 36 12" aria-hidden="true"><path class="link {class}" d="M2,6H34"></path></svg>{}</li>"#,
            escape_xml(tr(lang, label))
        );
    }
    s.push_str("</ul>");
    s
}

/// A marker's outline for each kind of site, centred on (x, y).
pub fn symbol_path(kind: SiteKind, x: f64, y: f64, r: f64) -> String {
    let pts = |v: &[(f64, f64)]| {
        let mut d = String::with_capacity(v.len() * 14);
        for (i, (dx, dy)) in v.iter().enumerate() {
            let _ = write!(d, "{}{},{}", if i == 0 { 'M' } else { 'L' }, D1(x + dx * r), D1(y + dy * r));
        }
        d.push('Z');
        d
    };
    match kind {
        SiteKind::City | SiteKind::Region => {
            let (rr, d2, m2) = (D1(r), D1(2.0 * r), D1(-2.0 * r));
            format!("M{},{}a{rr},{rr} 0 1,0 {d2},0a{rr},{rr} 0 1,0 {m2},0Z", D1(x - r), D1(y))
        }
        SiteKind::SkiResort => pts(&[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)]),
        // Two peaks: a mountain range rather than one resort.
        SiteKind::Massif => pts(&[(-1.4, 0.8), (-0.6, -0.9), (0.0, -0.1), (0.6, -1.1), (1.4, 0.8)]),
        SiteKind::University => pts(&[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
        SiteKind::TechnologyPark => pts(&[(0.0, -1.15), (1.1, -0.35), (0.7, 0.95), (-0.7, 0.95), (-1.1, -0.35)]),
        SiteKind::Landmark => pts(&[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]),
        SiteKind::Airport => pts(&[
            (-0.3, -1.2),
            (0.3, -1.2),
            (0.3, -0.3),
            (1.2, -0.3),
            (1.2, 0.3),
            (0.3, 0.3),
            (0.3, 1.2),
            (-0.3, 1.2),
            (-0.3, 0.3),
            (-1.2, 0.3),
            (-1.2, -0.3),
            (-0.3, -0.3),
        ]),
        SiteKind::OlympicVenue => {
            let star: Vec<(f64, f64)> = (0..10)
                .map(|i| {
                    let a = -std::f64::consts::FRAC_PI_2 + f64::from(i) * std::f64::consts::PI / 5.0;
                    let rr = if i % 2 == 0 { 1.3 } else { 0.55 };
                    (rr * math::cos(a), rr * math::sin(a))
                })
                .collect();
            pts(&star)
        }
    }
}

fn site_label(m: &SiteMark, kind: SiteKind, side: Side, items: usize, lang: Lang) -> String {
    use crate::i18n::{Msg, tr, trf};
    let side = tr(
        lang,
        match side {
            Side::France => Msg::SideFr,
            Side::China => Msg::SideCn,
            Side::Other => Msg::SideOther,
        },
    );
    let items = crate::i18n::count(lang, items, Msg::ItemsOne, Msg::ItemsMany);
    let mut s = trf(lang, Msg::SiteLabel, &[&m.name, kind.label(lang), side, &items]);
    if let Some(sub) = &m.sub {
        let _ = write!(s, ", {sub}");
    }
    if m.offscreen {
        let _ = write!(s, ", {}", tr(lang, Msg::OutsideView));
    }
    s
}

fn kind_class(kind: SiteKind) -> String {
    kind.slug()
}

pub(crate) fn side_class(side: Side) -> &'static str {
    match side {
        Side::France => "france",
        Side::China => "china",
        Side::Other => "other",
    }
}

/// A link's classes: its kind, its status, and whether it is proposed or joins the
/// parties' seats.
pub fn link_classes(l: &Link) -> String {
    let mut c = link_class(l.kind, l.status, l.proposed);
    if l.via_parties {
        c.push_str(" link--party");
    }
    c
}

pub fn link_class(kind: ItemKind, status: Status, proposed: bool) -> String {
    format!("link link--{} link--{}{}", kind.slug(), status.slug(), if proposed { " link--proposed" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shapes_layer_is_read_back_from_its_class() {
        for layer in Layer::ALL {
            let class = format!("shape shape--{}", layer.name());
            assert_eq!(layer_of_class(&class), Some(layer), "{class}");
        }
        assert_eq!(layer_of_class("shape"), None);
        assert_eq!(layer_of_class("shape shape--sea"), None);
    }

    #[test]
    fn bounds_written_in_an_attribute_read_back_to_the_same_numbers() {
        let b = super::super::view::Bounds { x0: -0.1 / 3.0, y0: 1e-9, x1: 123.456_789_012_345_67, y1: -7.0 };
        assert_eq!(read_bounds_attr(&bounds_attr(b)), Some(b));
        assert_eq!(read_bounds_attr("1 2 3"), None);
        assert_eq!(read_bounds_attr("1 2 3 4 5"), None);
        assert_eq!(read_bounds_attr("1 2 x 4"), None);
    }

    #[test]
    fn push_tenths_writes_what_formatting_to_one_decimal_writes() {
        let tenths = |v: f64| {
            let mut s = String::new();
            push_tenths(&mut s, v);
            s
        };
        let mut v = -3000.0;
        while v < 3000.0 {
            assert_eq!(tenths(v), format!("{v:.1}"));
            v += 0.0173;
        }
        // Ties, near-ties (0.35 is a little under), signs, zeros and the far ends.
        for v in [
            0.25,
            0.75,
            -0.25,
            -0.75,
            2.25,
            0.05,
            0.15,
            0.35,
            0.45,
            1.05,
            -1.05,
            0.0,
            -0.0,
            -0.04,
            -0.05,
            0.049,
            9.96,
            -9.96,
            99.95,
            1e7,
            -1e7,
            123456.78,
            1e16,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
        }
        assert_eq!(cross_curve((0.0, 0.0), (100.0, 0.0)), "M0.0,0.0C33.3,-18.0 66.7,-18.0 100.0,0.0");
    }

    #[test]
    fn pretty_puts_one_element_a_line_and_keeps_short_text_inline() {
        let p = pretty(r#"<svg><g class="a"><path d="M0,0"/><text x="1">Lyon</text></g></svg>"#);
        assert_eq!(
            p,
            "<svg>\n  <g class=\"a\">\n    <path d=\"M0,0\"/>\n    <text x=\"1\">Lyon</text>\n  </g>\n</svg>\n"
        );
    }

    #[test]
    fn the_legend_lists_the_data_s_kinds_of_site_then_the_sides_and_the_lines() {
        let legend = legend_markup(&[SiteKind::SkiResort, SiteKind::City], Lang::Fr);
        let expected = r#"<ul class="legend__list">
  <li>
    <svg class="legend__symbol" viewBox="0 0 20 20" aria-hidden="true">
      <path class="site__mark" d="M10.0,2.8L16.6,14.8L3.4,14.8Z"></path>
    </svg>
    station de ski
  </li>
  <li>
    <svg class="legend__symbol" viewBox="0 0 20 20" aria-hidden="true">
      <path class="site__mark" d="M4.0,10.0a6.0,6.0 0 1,0 12.0,0a6.0,6.0 0 1,0 -12.0,0Z"></path>
    </svg>
    ville
  </li>
  <li>
    <svg class="legend__symbol" viewBox="0 0 20 20" aria-hidden="true">
      <path class="site__mark legend__france" d="M4.0,10.0a6.0,6.0 0 1,0 12.0,0a6.0,6.0 0 1,0 -12.0,0Z"></path>
    </svg>
    Côté français
  </li>
  <li>
    <svg class="legend__symbol" viewBox="0 0 20 20" aria-hidden="true">
      <path class="site__mark legend__china" d="M4.0,10.0a6.0,6.0 0 1,0 12.0,0a6.0,6.0 0 1,0 -12.0,0Z"></path>
    </svg>
    Côté chinois
  </li>
</ul>
<ul class="legend__list">
  <li>
    <svg class="legend__line" viewBox="0 0 36 12" aria-hidden="true">
      <path class="link link--agreement" d="M2,6H34"></path>
    </svg>
    signé ou réalisé
  </li>
  <li>
    <svg class="legend__line" viewBox="0 0 36 12" aria-hidden="true">
      <path class="link link--project link--proposed" d="M2,6H34"></path>
    </svg>
    prévu
  </li>
  <li>
    <svg class="legend__line" viewBox="0 0 36 12" aria-hidden="true">
      <path class="link link--air-route link--proposed" d="M2,6H34"></path>
    </svg>
    ligne aérienne proposée (à l&#39;étude)
  </li>
  <li>
    <svg class="legend__line" viewBox="0 0 36 12" aria-hidden="true">
      <path class="link link--agreement link--party" d="M2,6H34"></path>
    </svg>
    entre les sièges des parties (l&#39;élément n&#39;a pas de lieu de chaque côté)
  </li>
</ul>
"#;
        assert_eq!(pretty(&legend), expected);
        // Every text is escaped: the apostrophes of the French lines.
        assert!(legend.contains("ligne aérienne proposée (à l&#39;étude)"));
    }
}
