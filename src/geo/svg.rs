//! The map's SVG markup, built as text from the scene: the same function draws the page
//! and the snapshot tests, and the browser parses one string instead of thousands of
//! element creations. Every text from the data goes through [`escape_xml`]; no `style`
//! attribute is written (the page runs under a strict Content-Security-Policy).

use std::fmt::Write;

use super::basemap::Layer;
use super::scene::{escape_xml, site_marks, Link, MapScene, MapView, MarkStyle, Pane, SiteMark};
use super::view::Viewport;
use crate::model::{ItemKind, Lang, Side, SiteKind, Status};

/// Above this many links, links are drawn in bulk, not one element each.
pub const MAX_FOCUSABLE_LINKS: usize = 200;

/// Base map and links, in projected units, for one pane's `world` group.
pub fn world_layer(scene: &MapScene, with_links: bool, lang: Lang) -> String {
    let mut s = String::with_capacity(scene.base.iter().map(|b| b.d.len() + 60).sum::<usize>() + scene.links.len() * 300);
    s.push_str(r#"<g class="base">"#);
    for layer in [Layer::Country, Layer::Context, Layer::Departement, Layer::Region] {
        for b in scene.base.iter().filter(|b| b.layer == layer) {
            let _ = write!(s, r#"<path class="shape shape--{}" data-shape="{}" d="{}"/>"#, layer_class(layer), escape_xml(&b.id), b.d);
        }
    }
    s.push_str("</g>");
    if with_links {
        s.push_str(r#"<g class="links">"#);
        if scene.links.len() <= MAX_FOCUSABLE_LINKS {
            for l in &scene.links {
                let _ = write!(
                    s,
                    r#"<path class="{}" data-item="{}" data-from="{}" data-to="{}" d="{}" vector-effect="non-scaling-stroke" tabindex="0" role="button" aria-label="{}"/>"#,
                    link_classes(l),
                    escape_xml(&l.item),
                    escape_xml(&l.from),
                    escape_xml(&l.to),
                    l.d,
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
                group.0.push_str(&l.d);
                group.1 += 1;
            }
            for (class, (d, n)) in groups {
                let _ = write!(s, r#"<path class="{class} link--bulk" data-links="{n}" d="{d}" vector-effect="non-scaling-stroke"/>"#);
            }
        }
        s.push_str("</g>");
    }
    s
}

/// A link's accessible name: `"Chambéry – Zhangjiakou: <item title> (signed)"`.
pub fn link_label(scene: &MapScene, link: &Link, lang: Lang) -> String {
    let name = |id: &str| scene.site(id).map_or_else(|| id.to_owned(), |s| s.name.get(lang).to_owned());
    let status = crate::i18n::status_label(lang, link.status).to_lowercase();
    let party = if link.via_parties { format!(", {}", crate::i18n::tr(lang, crate::i18n::Msg::PartySeats)) } else { String::new() };
    format!("{} – {}: {} ({status}{party})", name(&link.from), name(&link.to), link.title.get(lang))
}

/// Which marks stand out: the ones the hovered or focused mark connects, and the selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Emphasis {
    pub sites: std::collections::HashSet<String>,
    pub items: std::collections::HashSet<String>,
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

/// Site markers with their labels, in screen pixels.
pub fn sites_layer(scene: &MapScene, marks: &[SiteMark], style: MarkStyle, emphasis: &Emphasis, lang: Lang) -> String {
    if scene.sites.len() > MAX_FOCUSABLE_SITES {
        return bulk_sites_layer(scene, marks, style, emphasis);
    }
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
        let _ = write!(s, r#" tabindex="0" role="button" aria-label="{}">"#, escape_xml(&site_label(m, site.kind, site.side, site.items.len(), lang)));
        if let Some((tx, ty)) = m.true_point {
            let _ = write!(s, r#"<line class="site__leader" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><circle class="site__origin" cx="{tx:.1}" cy="{ty:.1}" r="1.5"/>"#, m.x, m.y, tx, ty);
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
    match l.side {
        super::labels::Side::Right => "start",
        super::labels::Side::Left => "end",
        _ => "middle",
    }
}

/// A mark's label, if it has a place.
fn label_markup(s: &mut String, m: &SiteMark) {
    let Some(l) = &m.label else { return };
    let _ = write!(s, r#"<text class="site__label" x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#, l.x, l.y, label_anchor(l), escape_xml(&m.name));
}

/// The second line of a mark's label (the Games dates), under the first.
fn sub_label_markup(s: &mut String, m: &SiteMark) {
    let (Some(l), Some(sub)) = (&m.label, &m.sub) else { return };
    let _ = write!(s, r#"<text class="site__label site__sub" data-sub-of="{}" x="{:.1}" y="{:.1}" dy="1.2em" text-anchor="{}">{}</text>"#, escape_xml(&m.id), l.x, l.y, label_anchor(l), escape_xml(sub));
}

/// Thousands of sites: one path per kind and side (a few elements instead of thousands,
/// so a redraw fits in a frame or two), the placed labels, and the emphasised sites drawn
/// again on top. Clicks are matched to the nearest marker by the component.
fn bulk_sites_layer(scene: &MapScene, marks: &[SiteMark], style: MarkStyle, emphasis: &Emphasis) -> String {
    let mut groups: std::collections::BTreeMap<(String, &'static str), String> = std::collections::BTreeMap::new();
    let mut top = String::new();
    let mut labels = String::new();
    // Markers of one group on (nearly) the same pixel look the same drawn once; thousands of
    // stacked shapes are what makes rasterising slow.
    let mut occupied = std::collections::HashSet::new();
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
            let _ = write!(top, r#"<path class="site__mark site--{} site--{}{classes}" data-site="{}" d="{d}"/>"#, kind_class(site.kind), side_class(site.side), escape_xml(&m.id));
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

/// In the side-by-side view: curves from each French site to its Chinese partner, across
/// the gap between the panes, in screen pixels.
pub fn cross_links(scene: &MapScene, marks: &[SiteMark], lang: Lang, emphasis: &Emphasis) -> String {
    let at = |id: &str| marks.iter().find(|m| m.id == id && !m.offscreen).map(|m| (m.x, m.y));
    let mut s = String::new();
    for l in &scene.links {
        let (Some(a), Some(b)) = (at(&l.from), at(&l.to)) else { continue };
        // Bowed to the left of the way from a to b (upwards side by side, rightwards when
        // stacked), so parallel links fan out instead of piling up.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy).max(1e-9);
        let bow = (len * 0.18).min(120.0);
        let (nx, ny) = (dy / len * bow, -dx / len * bow);
        let _ = write!(
            s,
            r#"<path class="{}{}" data-item="{}" data-from="{}" data-to="{}" d="M{:.1},{:.1}C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" tabindex="0" role="button" aria-label="{}"/>"#,
            link_classes(l),
            emphasis.item_classes(&l.item),
            escape_xml(&l.item),
            escape_xml(&l.from),
            escape_xml(&l.to),
            a.0,
            a.1,
            a.0 + dx / 3.0 + nx,
            a.1 + dy / 3.0 + ny,
            b.0 - dx / 3.0 + nx,
            b.1 - dy / 3.0 + ny,
            b.0,
            b.1,
            escape_xml(&link_label(scene, l, lang)),
        );
    }
    s
}

/// The whole map for a view, as one SVG document: what the page shows (minus the live
/// transform changes) and what the snapshot tests compare.
pub fn render_svg(scene: &MapScene, view: MapView, vp: Viewport, lang: Lang, style: MarkStyle) -> String {
    let panes = scene.panes(view, vp);
    let mut s = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" viewBox="0 0 {} {}">"#, vp.width, vp.height);
    s.push_str(&panes_markup(scene, view, &panes, lang));
    let marks: Vec<SiteMark> = panes.iter().flat_map(|p| site_marks(scene, view, p, lang, style)).collect();
    if view == MapView::Both {
        let _ = write!(s, r#"<g class="cross-links">{}</g>"#, cross_links(scene, &marks, lang, &Emphasis::default()));
    }
    let _ = write!(s, r#"<g class="sites">{}</g></svg>"#, sites_layer(scene, &marks, style, &Emphasis::default(), lang));
    s
}

/// Clip paths and the world group of each pane.
pub fn panes_markup(scene: &MapScene, view: MapView, panes: &[Pane], lang: Lang) -> String {
    let mut s = String::from("<defs>");
    for (i, p) in panes.iter().enumerate() {
        let _ = write!(s, r#"<clipPath id="map-pane-{i}"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath>"#, p.rect.x, p.rect.y, p.rect.w, p.rect.h);
    }
    s.push_str("</defs>");
    let world = world_layer(scene, view != MapView::Both, lang);
    for (i, p) in panes.iter().enumerate() {
        let _ = write!(
            s,
            r#"<g class="pane" clip-path="url(#map-pane-{i})"><rect class="sea" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/><g class="world" data-pane="{i}" transform="{}">{world}</g></g>"#,
            p.rect.x,
            p.rect.y,
            p.rect.w,
            p.rect.h,
            p.transform.to_svg()
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
        SiteKind::Airport => pts(&[(-0.3, -1.2), (0.3, -1.2), (0.3, -0.3), (1.2, -0.3), (1.2, 0.3), (0.3, 0.3), (0.3, 1.2), (-0.3, 1.2), (-0.3, 0.3), (-1.2, 0.3), (-1.2, -0.3), (-0.3, -0.3)]),
        SiteKind::OlympicVenue => {
            let star: Vec<(f64, f64)> = (0..10)
                .map(|i| {
                    let a = -std::f64::consts::FRAC_PI_2 + f64::from(i) * std::f64::consts::PI / 5.0;
                    let rr = if i % 2 == 0 { 1.3 } else { 0.55 };
                    (rr * a.cos(), rr * a.sin())
                })
                .collect();
            pts(&star)
        }
    }
}

fn site_label(m: &SiteMark, kind: SiteKind, side: Side, items: usize, lang: Lang) -> String {
    use crate::i18n::{site_kind_label, tr, trf, Msg};
    let side = tr(lang, match side {
        Side::France => Msg::SideFr,
        Side::China => Msg::SideCn,
        Side::Other => Msg::SideOther,
    });
    let items = crate::i18n::count(lang, items, Msg::OneItem, Msg::Items);
    let mut s = trf(lang, Msg::SiteLabel, &[&m.name, site_kind_label(lang, kind), side, &items]);
    if let Some(sub) = &m.sub {
        let _ = write!(s, ", {sub}");
    }
    if m.offscreen {
        let _ = write!(s, ", {}", tr(lang, Msg::OutsideView));
    }
    s
}

fn layer_class(layer: Layer) -> &'static str {
    match layer {
        Layer::Country => "country",
        Layer::Region => "region",
        Layer::Departement => "departement",
        Layer::Context => "context",
    }
}

fn kind_class(kind: SiteKind) -> String {
    crate::model::url_state::enum_slug(&kind)
}

fn side_class(side: Side) -> &'static str {
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
    format!(
        "link link--{} link--{}{}",
        crate::model::url_state::enum_slug(&kind),
        crate::model::url_state::enum_slug(&status),
        if proposed { " link--proposed" } else { "" }
    )
}
