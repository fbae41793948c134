//! Bulk drawing (thousands of sites and links, on a canvas): the marks grouped into
//! batches that look alike (one path each), each batch's path, and a grid of the sites for
//! the pointer. Pure: the canvas component keeps a batch's path while its members are the
//! same, so a step rebuilds only the batches it changed.

use super::hairlines::Coverage;
use super::marks::{Look, Looks};
use super::math;
use super::pixels::Clip;
use super::projection::ArcDetail;
use super::scene::{ARC_STEP_DEG, MapScene, MapView, MarkStyle, Pane, SiteNode, hundredths_path, pane_position};
use super::svg::{MAX_FOCUSABLE_SITES, cross_controls, cross_curve, in_bulk, link_classes, symbol_path};
use crate::model::{ItemKind, Side, SiteKind, Status};

/// What the batches are made of, once per scene: each mark's class (an index into
/// `classes`, the page's class names for it) and each link's two sites.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkScene {
    pub classes: Vec<String>,
    /// The symbol of a site class (`None` for a link class).
    pub class_kind: Vec<Option<SiteKind>>,
    pub site_class: Vec<u16>,
    pub link_class: Vec<u16>,
    link_ends: Vec<Option<(usize, usize)>>,
    /// Each link's path with fewer points ([`coarse_line`]).
    link_d: Vec<String>,
}

impl BulkScene {
    pub fn of(scene: &MapScene) -> Self {
        // Each mark's class found by what makes it (a few dozen alike among thousands of
        // marks), its name written once per class, not once per mark.
        #[derive(PartialEq)]
        enum Key {
            Site(SiteKind, Side),
            Link(ItemKind, Status, bool, bool),
        }
        let (mut classes, mut keys): (Vec<(String, Option<SiteKind>)>, Vec<Key>) = (Vec::new(), Vec::new());
        let mut class_of = |key: Key, name: &dyn Fn() -> String, kind: Option<SiteKind>| -> u16 {
            let at = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                classes.push((name(), kind));
                keys.push(key);
                classes.len() - 1
            });
            at as u16
        };
        let site_class = scene
            .sites
            .iter()
            .map(|s| {
                let name = || format!("site site--{} site--{}", s.kind.slug(), super::svg::side_class(s.side));
                class_of(Key::Site(s.kind, s.side), &name, Some(s.kind))
            })
            .collect();
        // The bulk look of the links: thinner and lighter than a few links drawn one by one.
        let link_class = scene
            .links
            .iter()
            .map(|l| {
                let key = Key::Link(l.kind, l.status, l.proposed, l.via_parties);
                class_of(key, &|| format!("{} link--bulk", link_classes(l)), None)
            })
            .collect();
        let link_ends =
            scene.links.iter().map(|l| Some((scene.site_index(&l.from)?, scene.site_index(&l.to)?))).collect();
        let (classes, class_kind) = classes.into_iter().unzip();
        let link_d = scene.links.iter().map(|l| coarse_line(&l.arc, BULK_LINK_POINTS)).collect();
        BulkScene { classes, class_kind, site_class, link_class, link_ends, link_d }
    }
}

/// Sites or links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    Links,
    Sites,
}

/// A batch: the marks of one layer, class and look, drawn with one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BatchKey {
    pub layer: Layer,
    /// Drawn in this order within a layer: the plain first, the emphasised on top.
    pub rank: u8,
    pub class: u16,
    pub look: Look,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub key: BatchKey,
    /// Indices into the scene's `sites` or `links`.
    pub members: Vec<usize>,
}

fn rank(look: Look) -> u8 {
    match (look.selected, look.highlighted, look.future) {
        (true, _, _) => 3,
        (false, true, _) => 2,
        (false, false, false) => 1,
        (false, false, true) => 0,
    }
}

/// The batches of a state, in drawing order: links under sites, within each the faded
/// first and the selection last. What the filter leaves out is in none.
pub fn batches(bulk: &BulkScene, looks: &Looks) -> Vec<Batch> {
    let mut by_key: std::collections::BTreeMap<BatchKey, Vec<usize>> = std::collections::BTreeMap::new();
    let mut add = |layer, classes: &[u16], looks: &[Look]| {
        for (i, (&class, &look)) in classes.iter().zip(looks).enumerate() {
            if !look.filtered_out {
                by_key.entry(BatchKey { layer, rank: rank(look), class, look }).or_default().push(i);
            }
        }
    };
    add(Layer::Links, &bulk.link_class, &looks.links);
    add(Layer::Sites, &bulk.site_class, &looks.sites);
    by_key.into_iter().map(|(key, members)| Batch { key, members }).collect()
}

/// Where a site's marker goes in a pane, in screen pixels. Outside the overview a marker
/// is placed even where the pane does not reach (the canvas clips it), so that the
/// markers placed for one window are right, moved, for another of the same scale.
pub fn site_point(s: &SiteNode, view: MapView, pane: &Pane, style: MarkStyle) -> Option<(f64, f64)> {
    if view == MapView::Overview {
        return pane_position(s, view, pane, style).map(|(p, _)| p);
    }
    if pane.region.is_some_and(|side| s.side != side) {
        return None;
    }
    Some(pane.transform.apply(s.p))
}

/// The markers of a batch of sites in a pane, in screen pixels (`None` when the pane
/// shows none of them).
pub fn sites_path(scene: &MapScene, members: &[usize], view: MapView, pane: &Pane, style: MarkStyle) -> Option<String> {
    let mut d = String::with_capacity(members.len() * 40);
    for &i in members {
        let s = &scene.sites[i];
        if let Some((x, y)) = site_point(s, view, pane, style) {
            d.push_str(&symbol_path(s.kind, x, y, style.radius));
        }
    }
    (!d.is_empty()).then_some(d)
}

/// The links of a batch in projected units (drawn under a pane's transform), each with at
/// most [`BULK_LINK_POINTS`] points: a hairline of thousands needs no more, and the
/// canvas parses and rasters a few times fewer segments.
pub fn links_path(bulk: &BulkScene, members: &[usize]) -> String {
    let mut d = String::with_capacity(members.len() * 120);
    for &i in members {
        d.push_str(&bulk.link_d[i]);
    }
    d
}

/// Whether a dataset's text, not yet read, looks like one drawn in bulk: more than
/// [`MAX_FOCUSABLE_SITES`] `"lat"` keys (each site has one; the sites come early in the
/// file, so a large one is known after its first few hundred). A hint for fetching the bulk
/// painter's code while the text is read, not a count (a text that is just `lat` counts
/// too): the worst a wrong guess costs is that code fetched for nothing, or later.
pub fn looks_bulk(json_text: &str) -> bool {
    json_text.matches("\"lat\"").nth(MAX_FOCUSABLE_SITES).is_some()
}

/// The most points a link drawn in bulk keeps (its ends always).
pub const BULK_LINK_POINTS: usize = 8;

/// How finely the live map's scene draws its links' arcs for a dataset of `sites` sites:
/// in bulk, with no more points than the canvas draws ([`BULK_LINK_POINTS`]), so that ten
/// thousand links are not projected at forty points each to be drawn at eight.
pub fn live_arc_detail(sites: usize) -> ArcDetail {
    let fine = ArcDetail::every(ARC_STEP_DEG);
    if in_bulk(sites) { fine.at_most(BULK_LINK_POINTS) } else { fine }
}

/// A link's path with at most `max` of its arc's points, evenly picked, its ends kept.
pub fn coarse_line(arc: &[[i32; 2]], max: usize) -> String {
    hundredths_path(&coarse_points(arc, max).collect::<Vec<_>>())
}

/// The points [`coarse_line`] keeps of `arc`.
pub fn coarse_points(arc: &[[i32; 2]], max: usize) -> impl Iterator<Item = [i32; 2]> + '_ {
    let (n, last) = if arc.len() <= max || max < 2 { (arc.len(), 0) } else { (max, arc.len() - 1) };
    (0..n).map(move |k| if last == 0 { arc[k] } else { arc[k * last / (max - 1)] })
}

/// The device pixels of `pane`'s rectangle (whole pixels, any pixel it touches).
pub fn pane_clip(pane: &Pane, dpr: f64) -> Clip {
    let r = pane.rect;
    Clip {
        x0: (r.x * dpr).floor() as i64,
        y0: (r.y * dpr).floor() as i64,
        x1: ((r.x + r.w) * dpr).ceil() as i64,
        y1: ((r.y + r.h) * dpr).ceil() as i64,
    }
}

/// Draws the links `members` into `mask` as the canvas would stroke their bulk paths in
/// `pane` (one device pixel wide, at opacity `alpha` of 255), cut to the pane.
pub fn hairlines_in_pane(mask: &mut Coverage, scene: &MapScene, members: &[usize], pane: &Pane, dpr: f64, alpha: u32) {
    let (t, clip) = (pane.transform, pane_clip(pane, dpr));
    let at = |[x, y]: [i32; 2]| (dpr * (f64::from(x) / 100.0 * t.k + t.tx), dpr * (f64::from(y) / 100.0 * t.k + t.ty));
    for link in members.iter().filter_map(|&i| scene.links.get(i)) {
        let mut points = coarse_points(&link.arc, BULK_LINK_POINTS).map(at);
        let Some(mut from) = points.next() else { continue };
        for to in points {
            mask.line(from, to, alpha, clip);
            from = to;
        }
    }
}

/// The links of a batch between the two panes of the side-by-side view, in screen pixels,
/// from each link's French site to its partner where both panes show them.
pub fn cross_path(scene: &MapScene, bulk: &BulkScene, members: &[usize], panes: &[Pane], style: MarkStyle) -> String {
    let mut d = String::with_capacity(members.len() * 50);
    for &i in members {
        if let Some((a, b)) = cross_ends(scene, bulk, i, panes, style) {
            d.push_str(&cross_curve(a, b));
        }
    }
    d
}

/// Draws the links `members` between the two panes side by side into `mask` as the canvas
/// would stroke [`cross_path`]'s curves (one device pixel wide, at opacity `alpha` of 255):
/// each curve in straight steps that stay within a quarter of a pixel of it.
#[allow(clippy::too_many_arguments)]
pub fn cross_hairlines(
    mask: &mut Coverage,
    scene: &MapScene,
    bulk: &BulkScene,
    members: &[usize],
    panes: &[Pane],
    style: MarkStyle,
    dpr: f64,
    alpha: u32,
) {
    let clip = Clip::whole(mask.width, mask.height);
    for &i in members {
        let Some((a, b)) = cross_ends(scene, bulk, i, panes, style) else { continue };
        let p = cross_controls(a, b).map(|(x, y)| (x * dpr, y * dpr));
        let steps = cubic_steps(&p, 0.25);
        let mut from = p[0];
        for k in 1..=steps {
            let to = cubic_at(&p, f64::from(k) / f64::from(steps));
            mask.line(from, to, alpha, clip);
            from = to;
        }
    }
}

/// How many equal steps of `t` draw the cubic `p` within `tolerance` of it (Wang's
/// formula: from the largest second difference of its points).
pub fn cubic_steps(p: &[(f64, f64); 4], tolerance: f64) -> u32 {
    let second =
        |a: (f64, f64), b: (f64, f64), c: (f64, f64)| math::hypot(a.0 - 2.0 * b.0 + c.0, a.1 - 2.0 * b.1 + c.1);
    let m = second(p[0], p[1], p[2]).max(second(p[1], p[2], p[3]));
    ((0.75 * m / tolerance).sqrt().ceil() as u32).clamp(1, 64)
}

/// The point of the cubic `p` at `t` (0 to 1).
pub fn cubic_at(p: &[(f64, f64); 4], t: f64) -> (f64, f64) {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (a * p[0].0 + b * p[1].0 + c * p[2].0 + d * p[3].0, a * p[0].1 + b * p[1].1 + c * p[2].1 + d * p[3].1)
}

/// Where link `link`'s curve between the two panes starts and ends: its sites where the
/// panes show them (in neither's margin).
fn cross_ends(
    scene: &MapScene,
    bulk: &BulkScene,
    link: usize,
    panes: &[Pane],
    style: MarkStyle,
) -> Option<((f64, f64), (f64, f64))> {
    let at = |site: usize| {
        panes.iter().find_map(|p| match pane_position(&scene.sites[site], MapView::Both, p, style) {
            Some((q, false)) => Some(q),
            _ => None,
        })
    };
    let (a, b) = bulk.link_ends[link]?;
    Some((at(a)?, at(b)?))
}

/// The marks the filter shows, by class (each class is painted alike): `classes` and
/// `looks` are the scene's sites' or links'.
pub fn shown_by_class(classes: &[u16], looks: &[Look]) -> Vec<(u16, Vec<usize>)> {
    let mut by_class: std::collections::BTreeMap<u16, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, (&class, look)) in classes.iter().zip(looks).enumerate() {
        if !look.filtered_out {
            by_class.entry(class).or_default().push(i);
        }
    }
    by_class.into_iter().collect()
}

/// Which marks are shown and have begun at the cursor.
pub fn begun(looks: &[Look]) -> Vec<bool> {
    looks.iter().map(|l| !l.filtered_out && !l.future).collect()
}

/// How a layer of marks drawn one over another follows a change of what it holds: marks
/// only added are drawn on top; a mark taken away means drawing the layer again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerUpdate {
    Same,
    Add(Vec<usize>),
    Redraw,
}

pub fn layer_update(before: &[bool], after: &[bool]) -> LayerUpdate {
    if before.len() != after.len() {
        return LayerUpdate::Redraw;
    }
    let mut added = Vec::new();
    for (i, (&b, &a)) in before.iter().zip(after).enumerate() {
        match (b, a) {
            (true, false) => return LayerUpdate::Redraw,
            (false, true) => added.push(i),
            _ => {}
        }
    }
    if added.is_empty() { LayerUpdate::Same } else { LayerUpdate::Add(added) }
}

/// The opacity to draw a stroke with over the same stroke drawn at `under`, for the two
/// together to show at `target` (a link faded when it has not begun, full once it has:
/// every link is drawn faded once, and the begun ones again over it).
pub fn over_alpha(under: f64, target: f64) -> f64 {
    if under >= 1.0 { 0.0 } else { ((target - under) / (1.0 - under)).clamp(0.0, 1.0) }
}

/// The sites on a grid of square cells over the projected plane, to find the one nearest
/// to the pointer without looking at every site.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteGrid {
    cell: f64,
    cells: crate::collections::HashMap<(i64, i64), Vec<GridPoint>>,
}

/// A site's index and projected point.
type GridPoint = (usize, (f64, f64));

impl SiteGrid {
    /// The grid of `points` (a site's index and projected point), about a few per cell.
    pub fn new(points: impl IntoIterator<Item = GridPoint>) -> Self {
        let points: Vec<GridPoint> = points.into_iter().collect();
        let bounds = super::view::Bounds::of_points(points.iter().map(|p| p.1));
        let cell = bounds.map_or(1.0, |b| {
            let area = ((b.x1 - b.x0) * (b.y1 - b.y0)).max(1e-9);
            (area / points.len().max(1) as f64 * 4.0).sqrt().max(1e-6)
        });
        let mut cells: crate::collections::HashMap<(i64, i64), Vec<GridPoint>> = Default::default();
        for (i, p) in points {
            cells.entry(Self::key(cell, p)).or_default().push((i, p));
        }
        SiteGrid { cell, cells }
    }

    fn key(cell: f64, (x, y): (f64, f64)) -> (i64, i64) {
        ((x / cell).floor() as i64, (y / cell).floor() as i64)
    }

    /// The site nearest to `p` within `reach` (projected units) that `accept` takes.
    pub fn nearest(&self, p: (f64, f64), reach: f64, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let (x0, y0) = Self::key(self.cell, (p.0 - reach, p.1 - reach));
        let (x1, y1) = Self::key(self.cell, (p.0 + reach, p.1 + reach));
        let mut best: Option<(f64, usize)> = None;
        let mut visit = |list: &Vec<GridPoint>| {
            for &(i, q) in list {
                let d = math::hypot(q.0 - p.0, q.1 - p.1);
                if d <= reach && accept(i) && best.is_none_or(|(bd, bi)| d < bd || (d == bd && i < bi)) {
                    best = Some((d, i));
                }
            }
        };
        // Zoomed far out, the reach spans more cells than there are: look at each list once.
        if (x1 - x0 + 1).saturating_mul(y1 - y0 + 1) as usize > self.cells.len() {
            self.cells.values().for_each(&mut visit);
        } else {
            for gx in x0..=x1 {
                for gy in y0..=y1 {
                    if let Some(list) = self.cells.get(&(gx, gy)) {
                        visit(list);
                    }
                }
            }
        }
        best.map(|(_, i)| i)
    }
}

/// How many sites and links the batches draw, for the page to say (`data-sites`, `data-links` on the canvas).
pub fn drawn_counts(batches: &[Batch]) -> (usize, usize) {
    batches.iter().fold((0, 0), |(s, l), b| match b.key.layer {
        Layer::Sites => (s + b.members.len(), l),
        Layer::Links => (s, l + b.members.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collections::HashSet;
    use crate::geo::marks::{MarkState, looks};
    use crate::geo::scene::hundredths;
    use crate::geo::svg::Emphasis;

    /// A dataset's text with `n` sites, each written as the shipped file writes them or
    /// on one line.
    fn text_with_sites(n: usize, pretty: bool) -> String {
        let site = |i: usize| {
            if pretty {
                format!("{{\n  \"id\": \"s{i}\",\n  \"lon\": 5.9,\n  \"lat\": 45.5\n}}")
            } else {
                format!(r#"{{"id":"s{i}","lon":5.9,"lat":45.5}}"#)
            }
        };
        format!(r#"{{"schema":1,"sites":[{}],"items":[]}}"#, (0..n).map(site).collect::<Vec<_>>().join(","))
    }

    #[test]
    fn a_text_looks_bulk_from_the_first_site_past_the_threshold() {
        for pretty in [false, true] {
            assert!(!looks_bulk(&text_with_sites(MAX_FOCUSABLE_SITES, pretty)));
            assert!(looks_bulk(&text_with_sites(MAX_FOCUSABLE_SITES + 1, pretty)));
            // As the dataset read from it is drawn.
            for n in [0, 1, MAX_FOCUSABLE_SITES, MAX_FOCUSABLE_SITES + 1, 5000] {
                assert_eq!(looks_bulk(&text_with_sites(n, pretty)), in_bulk(n), "{n} sites");
            }
        }
        let shipped = include_str!("../../public/data/cooperation.json");
        assert!(!looks_bulk(shipped));
        assert!(!looks_bulk(""));
    }

    fn scene() -> MapScene {
        crate::geo::shipped_scene()
    }

    #[test]
    fn the_links_drawn_in_wasm_follow_their_bulk_paths_within_the_pane() {
        let scene = scene();
        let vp = crate::geo::Viewport { width: 640.0, height: 360.0 };
        let (dpr, w, h) = (2.0, 1280, 720);
        let pane = scene.panes(MapView::China, vp)[0];
        let t = pane.transform;
        // Each link's kept points, where the canvas's path puts them, in device pixels.
        let at =
            |[x, y]: [i32; 2]| (dpr * (f64::from(x) / 100.0 * t.k + t.tx), dpr * (f64::from(y) / 100.0 * t.k + t.ty));
        let inside = |(x, y): (f64, f64)| x > 2.0 && y > 2.0 && x < w as f64 - 2.0 && y < h as f64 - 2.0;
        let all: Vec<usize> = (0..scene.links.len()).collect();
        let mut mask = Coverage::new(w, h);
        hairlines_in_pane(&mut mask, &scene, &all, &pane, dpr, 255);
        let mut checked = 0;
        for link in &scene.links {
            let points: Vec<(f64, f64)> = coarse_points(&link.arc, BULK_LINK_POINTS).map(at).collect();
            assert_eq!(points.len(), link.arc.len().min(BULK_LINK_POINTS));
            for p in points.iter().filter(|p| inside(**p)) {
                // The pixel under a kept point, or its neighbour across, is drawn.
                let (x, y) = (p.0 as usize, p.1 as usize);
                let near = [(x, y), (x + 1, y), (x, y + 1), (x.saturating_sub(1), y), (x, y.saturating_sub(1))];
                assert!(near.iter().any(|&(x, y)| mask.through(x, y) < 255), "{} at {p:?}", link.item);
                checked += 1;
            }
        }
        assert!(checked > 10, "{checked} points checked");
        // Cut to the pane: a pane of the left half leaves the right half blank.
        let half = Pane { rect: crate::geo::labels::Rect { w: vp.width / 2.0, ..pane.rect }, ..pane };
        let mut left = Coverage::new(w, h);
        hairlines_in_pane(&mut left, &scene, &all, &half, dpr, 255);
        assert!((0..h).all(|y| (w / 2..w).all(|x| left.through(x, y) == 255)));
        assert!((0..h).any(|y| (0..w / 2).any(|x| left.through(x, y) < 255)));
        // The kept points are the bulk path's own.
        for link in &scene.links {
            let kept: Vec<[i32; 2]> = coarse_points(&link.arc, BULK_LINK_POINTS).collect();
            assert_eq!(coarse_line(&link.arc, BULK_LINK_POINTS), hundredths_path(&kept));
        }
    }

    #[test]
    fn every_shown_mark_is_in_exactly_one_batch_and_the_selection_is_drawn_last() {
        let scene = scene();
        let bulk = BulkScene::of(&scene);
        let shown: HashSet<String> = scene.links.iter().map(|l| l.item.clone()).skip(3).collect();
        let e = Emphasis { selected_site: Some("lyon".into()), ..Emphasis::default() };
        let state = MarkState { emphasis: &e, filtering: true, shown: &shown, cursor: None };
        let l = looks(&scene, &state, &|_| None);
        let b = batches(&bulk, &l);
        let mut seen_sites: Vec<usize> =
            b.iter().filter(|b| b.key.layer == Layer::Sites).flat_map(|b| b.members.clone()).collect();
        seen_sites.sort_unstable();
        let expected: Vec<usize> = (0..scene.sites.len()).filter(|&i| !l.sites[i].filtered_out).collect();
        assert_eq!(seen_sites, expected);
        let links: usize = b.iter().filter(|b| b.key.layer == Layer::Links).map(|b| b.members.len()).sum();
        assert_eq!(links, l.links.iter().filter(|k| !k.filtered_out).count());
        assert!(links < scene.links.len(), "the filter leaves some links out");
        let last = b.last().unwrap();
        assert_eq!((last.key.layer, last.key.look.selected), (Layer::Sites, true));
        assert_eq!(last.members, vec![scene.site_index("lyon").unwrap()]);
        assert_eq!(drawn_counts(&b), (expected.len(), links));
    }

    #[test]
    fn a_batch_of_sites_is_drawn_where_its_pane_shows_them() {
        let scene = scene();
        let vp = crate::geo::Viewport { width: 1000.0, height: 600.0 };
        let panes = scene.panes(MapView::Both, vp);
        let style = MarkStyle::default();
        let lyon = scene.site_index("lyon").unwrap();
        let zjk = scene.site_index("zhangjiakou").unwrap();
        // Lyon only in the French pane, with the same marker as the SVG layer draws.
        let french = sites_path(&scene, &[lyon, zjk], MapView::Both, &panes[0], style).unwrap();
        let (x, y) = panes[0].transform.apply(scene.sites[lyon].p);
        assert_eq!(french, symbol_path(scene.sites[lyon].kind, x, y, style.radius));
        assert!(sites_path(&scene, &[lyon], MapView::Both, &panes[1], style).is_none());
        // The side-by-side view's links join the two panes.
        let bulk = BulkScene::of(&scene);
        let i = scene.links.iter().position(|l| bulk.link_ends[0].is_some() && l.from == "lyon").unwrap_or(0);
        assert!(cross_path(&scene, &bulk, &[i], &panes, style).starts_with('M'));
        // A batch's path is its links' curves one after the other.
        let some: Vec<usize> = (0..scene.links.len()).step_by(3).collect();
        let one_by_one: String = some.iter().map(|&i| cross_path(&scene, &bulk, &[i], &panes, style)).collect();
        assert_eq!(cross_path(&scene, &bulk, &some, &panes, style), one_by_one);
        let crossing = (0..scene.links.len()).filter(|&i| !cross_path(&scene, &bulk, &[i], &panes, style).is_empty());
        assert!(crossing.count() > 3, "links cross between the panes");
        let coarse = |i: usize| coarse_line(&scene.links[i].arc, BULK_LINK_POINTS);
        assert_eq!(links_path(&bulk, &[0, 1]), format!("{}{}", coarse(0), coarse(1)));
    }

    #[test]
    fn the_links_between_the_panes_drawn_in_wasm_follow_their_curves() {
        let scene = scene();
        let bulk = BulkScene::of(&scene);
        let vp = crate::geo::Viewport { width: 640.0, height: 360.0 };
        let (dpr, w, h) = (2.0, 1280, 720);
        let (panes, style) = (scene.panes(MapView::Both, vp), MarkStyle::default());
        let all: Vec<usize> = (0..scene.links.len()).collect();
        let mut mask = Coverage::new(w, h);
        cross_hairlines(&mut mask, &scene, &bulk, &all, &panes, style, dpr, 255);
        // The curves the canvas would stroke, read back from their path, in device pixels.
        let d = cross_path(&scene, &bulk, &all, &panes, style);
        let mut curves = Vec::new();
        for part in d.split('M').filter(|p| !p.is_empty()) {
            let n: Vec<f64> = part.split(['C', ' ', ',']).map(|v| v.parse::<f64>().unwrap() * dpr).collect();
            curves.push([(n[0], n[1]), (n[2], n[3]), (n[4], n[5]), (n[6], n[7])]);
        }
        assert!(curves.len() > 3, "{} curves", curves.len());
        // Every point of every curve has a drawn pixel under it or beside it.
        let drawn_near = |(x, y): (f64, f64)| {
            let (x, y) = (x as i64, y as i64);
            (-1..=1).any(|dx| {
                (-1..=1).any(|dy| {
                    let (x, y) = (x + dx, y + dy);
                    x >= 0 && y >= 0 && x < w as i64 && y < h as i64 && mask.through(x as usize, y as usize) < 255
                })
            })
        };
        let mut dense = Vec::new();
        for c in &curves {
            for k in 0..=200 {
                let p = cubic_at(c, f64::from(k) / 200.0);
                assert!(drawn_near(p), "nothing drawn at {p:?} of {c:?}");
                dense.push(p);
            }
        }
        // And nothing is drawn more than two pixels from a curve.
        for y in 0..h {
            for x in 0..w {
                if mask.through(x, y) < 255 {
                    let (cx, cy) = (x as f64 + 0.5, y as f64 + 0.5);
                    assert!(dense.iter().any(|p| (p.0 - cx).hypot(p.1 - cy) < 2.0), "stray pixel at {x},{y}");
                }
            }
        }
        // A link no pane shows both ends of is not drawn: none given, none drawn.
        let mut none = Coverage::new(w, h);
        cross_hairlines(&mut none, &scene, &bulk, &[], &panes, style, dpr, 255);
        assert_eq!(none.drawn(), None);
    }

    #[test]
    fn a_cubic_is_stepped_finely_enough_and_no_more() {
        // A straight cubic: one step. A bowed one: more the more it bows, within the bound.
        let straight = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)];
        assert_eq!(cubic_steps(&straight, 0.25), 1);
        let bowed = |h: f64| [(0.0, 0.0), (200.0, -h), (400.0, -h), (600.0, 0.0)];
        let (low, high) = (cubic_steps(&bowed(20.0), 0.25), cubic_steps(&bowed(200.0), 0.25));
        assert!(1 < low && low < high && high <= 64, "{low} {high}");
        // Each step's chord stays within the tolerance of the curve.
        let c = bowed(200.0);
        for k in 0..high {
            let (t0, t1) = (f64::from(k) / f64::from(high), f64::from(k + 1) / f64::from(high));
            let (a, b) = (cubic_at(&c, t0), cubic_at(&c, t1));
            for j in 1..10 {
                let t = t0 + (t1 - t0) * f64::from(j) / 10.0;
                let (p, m) = (cubic_at(&c, t), ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0));
                let chord = (b.0 - a.0, b.1 - a.1);
                let off = ((p.0 - a.0) * chord.1 - (p.1 - a.1) * chord.0).abs() / chord.0.hypot(chord.1);
                assert!(off <= 0.25, "{off} px off at t {t} (midpoint {m:?})");
            }
        }
        assert_eq!(cubic_at(&c, 0.0), c[0]);
        assert_eq!(cubic_at(&c, 1.0), c[3]);
    }

    #[test]
    fn a_coarse_line_is_the_path_read_with_its_points_picked_and_written_again() {
        let by_text = |d: &str, max: usize| {
            let points = crate::geo::scene::parse_path_points(d);
            if points.len() <= max {
                return d.to_owned();
            }
            let last = points.len() - 1;
            let picked: Vec<(f64, f64)> = (0..max).map(|k| points[k * last / (max - 1)]).collect();
            crate::geo::scene::line_path(&picked)
        };
        let scene = scene();
        for l in &scene.links {
            for max in [2, 3, BULK_LINK_POINTS, 50] {
                assert_eq!(coarse_line(&l.arc, max), by_text(&l.d(), max), "{} at {max}", l.item);
            }
        }
        let points = [(-1.5, -0.25), (0.0, 3.0), (10.01, -7.0), (-0.004, 2.5)];
        let arc: Vec<[i32; 2]> = points.iter().map(|&(x, y)| [hundredths(x), hundredths(y)]).collect();
        assert_eq!(coarse_line(&arc, 3), by_text(&crate::geo::scene::line_path(&points), 3));
    }

    #[test]
    fn a_link_in_bulk_keeps_its_ends_and_a_few_points_of_its_arc() {
        let arc: Vec<[i32; 2]> = (0..20).map(|i| [i * 100, i * i * 100]).collect();
        let points = crate::geo::scene::parse_path_points(&coarse_line(&arc, 5));
        assert_eq!(points.len(), 5);
        assert_eq!((points[0], points[4]), ((0.0, 0.0), (19.0, 361.0)));
        assert!(points.windows(2).all(|w| w[0].0 < w[1].0), "in order along the arc");
        assert_eq!(coarse_line(&[[100, 200], [300, 400]], 5), "M1,2L3,4", "short paths unchanged");
    }

    #[test]
    fn a_large_datasets_live_scene_projects_no_more_arc_points_than_the_canvas_draws() {
        use crate::geo::{BaseMap, Projection};
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        let (base, projection) = (BaseMap::shipped(), Projection::eurasia());
        // The shipped dataset is drawn one mark at a time: its arcs as fine as ever.
        assert_eq!(live_arc_detail(ds.sites.len()), ArcDetail::every(ARC_STEP_DEG));
        let fine = MapScene::build(&ds, base, &projection);
        let coarse =
            MapScene::build_with(&ds, base, &projection, live_arc_detail(crate::geo::svg::MAX_FOCUSABLE_SITES + 1));
        assert!(fine.links.iter().any(|l| l.arc.len() > BULK_LINK_POINTS));
        for (f, c) in fine.links.iter().zip(&coarse.links) {
            assert!(c.arc.len() <= BULK_LINK_POINTS && c.arc.len() >= 2, "{}", c.item);
            assert_eq!((c.arc[0], c.arc.last()), (f.arc[0], f.arc.last()), "the same ends: {}", c.item);
            // What the canvas draws of it is the arc itself.
            assert_eq!(coarse_line(&c.arc, BULK_LINK_POINTS), c.d());
        }
        // The rest of the scene does not depend on the arcs' detail.
        assert_eq!(coarse.sites, fine.sites);
        assert_eq!(coarse.base, fine.base);
    }

    #[test]
    fn a_layer_grows_by_what_is_added_and_is_drawn_again_when_anything_goes() {
        assert_eq!(layer_update(&[true, false, false], &[true, true, false]), LayerUpdate::Add(vec![1]));
        assert_eq!(layer_update(&[true, false], &[true, false]), LayerUpdate::Same);
        assert_eq!(layer_update(&[true, false], &[false, true]), LayerUpdate::Redraw);
        assert_eq!(layer_update(&[true], &[true, true]), LayerUpdate::Redraw);
    }

    #[test]
    fn a_begun_link_drawn_over_its_faded_self_shows_at_its_full_opacity() {
        let (faded, full) = (0.1, 0.35);
        let over = over_alpha(faded, full);
        // Source-over: a + b (1 - a).
        assert!((over + faded * (1.0 - over) - full).abs() < 1e-12);
        assert_eq!(over_alpha(0.5, 0.3), 0.0, "never lighter than under");
        assert_eq!(over_alpha(1.0, 1.0), 0.0);
    }

    #[test]
    fn the_links_shown_and_begun_follow_the_looks() {
        let scene = scene();
        let bulk = BulkScene::of(&scene);
        let first = scene.links[0].item.clone();
        let shown: HashSet<String> = scene.links.iter().map(|l| l.item.clone()).filter(|i| *i != first).collect();
        let e = Emphasis::default();
        let start = |id: &str| (id == scene.links[1].item).then_some(100);
        let l = looks(&scene, &MarkState { emphasis: &e, filtering: true, shown: &shown, cursor: Some(50) }, &start);
        let by_class = shown_by_class(&bulk.link_class, &l.links);
        let n: usize = by_class.iter().map(|(_, m)| m.len()).sum();
        assert_eq!(n, scene.links.iter().filter(|k| k.item != first).count());
        let begun = begun(&l.links);
        assert!(!begun[0], "filtered out");
        assert_eq!(begun[1], scene.links[1].item == first, "not begun at the cursor");
        assert!(begun.iter().filter(|b| **b).count() > 0);
    }

    #[test]
    fn the_grid_finds_the_nearest_site_within_reach_as_a_search_of_all_would() {
        // A pseudo-random cloud, checked against the plain search at many points.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let points: Vec<(usize, (f64, f64))> = (0..2000).map(|i| (i, (next() * 500.0, next() * 300.0))).collect();
        let grid = SiteGrid::new(points.clone());
        for _ in 0..300 {
            let p = (next() * 520.0 - 10.0, next() * 320.0 - 10.0);
            for reach in [0.5, 3.0, 40.0, 2000.0] {
                let plain = points
                    .iter()
                    .filter(|(i, _)| i % 3 != 0)
                    .map(|&(i, q)| ((q.0 - p.0).hypot(q.1 - p.1), i))
                    .filter(|(d, _)| *d <= reach)
                    .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
                    .map(|(_, i)| i);
                assert_eq!(grid.nearest(p, reach, |i| i % 3 != 0), plain, "{p:?} {reach}");
            }
        }
        assert_eq!(SiteGrid::new(Vec::new()).nearest((0.0, 0.0), 10.0, |_| true), None);
    }
}
