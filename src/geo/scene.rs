//! The map scene: data → projected geometry → SVG marks, as pure functions.
//!
//! [`MapScene::build`] projects the base map, the sites and the links (great-circle arcs)
//! once. The world layer (base map and links) is drawn in projected units under one
//! transform, so panning and zooming only change an attribute; the site layer is laid out
//! in screen pixels for each window ([`site_marks`]), so markers and labels keep their
//! size, close sites are spread apart and labels do not overlap.

use super::math;
use crate::collections::{HashMap, HashSet};
use crate::model::number::parse_f64;

use super::basemap::{BaseMap, Layer};
use super::labels::{LabelPlace, Rect, place_labels, spread, text_width};
use super::projection::{ArcDetail, Projection};
use super::view::{Bounds, ViewTransform, Viewport};
use crate::model::{Dataset, ItemKind, Lang, Localized, Side, SiteKind, Status};

pub use crate::model::ui::MapView;

/// A base-map shape as an SVG path in projected units.
#[derive(Debug, Clone, PartialEq)]
pub struct BasePath {
    pub id: String,
    pub layer: Layer,
    pub d: String,
    /// Where the shape lies on the plane (a drawing of part of it leaves out the rest).
    pub bounds: Option<Bounds>,
    /// Its rings on the plane, for a drawing that places them itself ([`BasePath::cut`]).
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A site, projected, with the items that involve it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteNode {
    pub id: String,
    pub name: Localized,
    pub kind: SiteKind,
    pub side: Side,
    pub p: (f64, f64),
    /// Ids of the items held at or linking this site, in dataset order.
    pub items: Vec<String>,
    /// The first and last day of the multi-day events held at the site (the Games).
    pub event_dates: Option<(String, String)>,
}

/// One drawn link: an item joining two of its sites.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub item: String,
    /// The item's title, for the link's accessible name.
    pub title: Localized,
    pub kind: ItemKind,
    pub status: Status,
    pub from: String,
    pub to: String,
    /// The great-circle arc in projected units, as its path writes it: in hundredths of a
    /// unit (numbers, not the path's text: a large dataset's canvas reads a few points of
    /// each, and only the SVG drawings write them).
    pub arc: Vec<[i32; 2]>,
    /// Planned or under study: drawn dashed.
    pub proposed: bool,
    /// Joins the seats of the item's parties, not places of the item (which has none on
    /// one of the two sides): drawn so a reader can tell.
    pub via_parties: bool,
}

impl Link {
    /// The arc as an SVG path (as [`line_path`] writes its points).
    pub fn d(&self) -> String {
        hundredths_path(&self.arc)
    }

    /// The arc's points, as its path writes them.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.arc.iter().map(|&[x, y]| (f64::from(x) / 100.0, f64::from(y) / 100.0))
    }
}

/// The step of the links' great-circle arcs, in degrees: smooth curves at every zoom.
pub const ARC_STEP_DEG: f64 = 2.0;

/// `v` in hundredths, as the paths write it (the one rounding of every path: a plane's
/// or a drawing's coordinates are far inside 32 bits).
pub fn hundredths(v: f64) -> i32 {
    (v * 100.0).round() as i32
}

/// Everything the map draws, projected once per dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct MapScene {
    pub base: Vec<BasePath>,
    pub sites: Vec<SiteNode>,
    pub links: Vec<Link>,
    /// Site id → index in `sites`.
    index: HashMap<String, usize>,
    /// The sites' places in `sites`, most connected first (then by id): the order in which
    /// they get a label when space is short. Worked out with the scene, not at every
    /// placement (5,000 sites, many of them alike, sorted by id: 5 ms a pane in the browser).
    label_order: Vec<usize>,
    overview: Bounds,
    france: Bounds,
    china: Bounds,
}

/// Sizes of the screen-space marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkStyle {
    pub radius: f64,
    pub font_px: f64,
}

impl Default for MarkStyle {
    fn default() -> Self {
        Self { radius: 6.0, font_px: 13.0 }
    }
}

/// A site's marker in screen pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteMark {
    pub id: String,
    /// Where the marker is drawn (spread apart from close neighbours, or held at the edge).
    pub x: f64,
    pub y: f64,
    /// Where the site really is, when the marker had to move.
    pub true_point: Option<(f64, f64)>,
    /// The site lies outside the window; the marker waits at the edge, pointing at it.
    pub offscreen: bool,
    pub label: Option<LabelPlace>,
    pub name: String,
    pub sub: Option<String>,
}

/// The shipped base map ([`BaseMap::shipped`]) projected as the app draws it
/// ([`Projection::eurasia`]): what a scene built on the pre-rendered page's drawing of it
/// takes once the file has come. Projected once (the map, the handout and the export each
/// draw it), when it is first asked for after the file is in hand; none before.
pub fn shipped_base_paths() -> &'static [BasePath] {
    static PROJECTED: std::sync::OnceLock<Vec<BasePath>> = std::sync::OnceLock::new();
    if !BaseMap::installed() {
        return &[];
    }
    PROJECTED.get_or_init(|| base_paths(BaseMap::shipped(), &Projection::eurasia()))
}

/// The base map's shapes projected, as paths.
pub fn base_paths(basemap: &BaseMap, projection: &Projection) -> Vec<BasePath> {
    basemap
        .shapes
        .iter()
        .map(|s| {
            let rings: Vec<Vec<(f64, f64)>> = s
                .rings
                .iter()
                .map(|r| r.iter().map(|&(lon, lat)| projection.project_lon_lat(lon, lat)).collect())
                .collect();
            BasePath {
                id: s.id.clone(),
                layer: s.layer,
                d: rings_path(rings.iter().map(|r| r.iter().copied())),
                bounds: Bounds::of_points(rings.iter().flatten().copied()),
                rings,
            }
        })
        .collect()
}

impl BasePath {
    /// A shape as a page drew it (the pre-rendered first screen's base map, cut to what its
    /// pages show): its path, and the bounds of the whole shape, without its rings.
    pub fn drawn(id: String, layer: Layer, d: String, bounds: Option<Bounds>) -> Self {
        Self { id, layer, d, bounds, rings: Vec::new() }
    }

    /// The shape in a drawing of part of the plane at a fixed size: its points placed by
    /// `place` (on the plane as they are, or in a drawing's pixels), cut to the `windows`
    /// it meets (in the same units), written compactly; `None` where nothing is left.
    pub fn cut(&self, windows: &[Bounds], place: &dyn Fn((f64, f64)) -> (f64, f64)) -> Option<BasePath> {
        let rings: Vec<Vec<(f64, f64)>> = self.rings.iter().map(|r| r.iter().map(|&p| place(p)).collect()).collect();
        let bounds = Bounds::of_points(rings.iter().flatten().copied())?;
        let cut: Vec<Vec<(f64, f64)>> = windows
            .iter()
            .filter(|w| bounds.meets(w))
            .flat_map(|w| rings.iter().map(|r| super::clip::clip_ring(r, w)))
            .filter(|r| r.len() >= 3)
            .collect();
        (!cut.is_empty()).then(|| BasePath {
            id: self.id.clone(),
            layer: self.layer,
            d: compact_rings_path(cut.iter().map(|r| r.iter().copied())),
            bounds: Bounds::of_points(cut.iter().flatten().copied()),
            rings: cut,
        })
    }
}

impl MapScene {
    /// Projects the base map, the sites and a great-circle arc for each link, a point
    /// every [`ARC_STEP_DEG`] degrees.
    pub fn build(ds: &Dataset, basemap: &BaseMap, projection: &Projection) -> Self {
        Self::build_with(ds, basemap, projection, ArcDetail::every(ARC_STEP_DEG))
    }

    /// [`MapScene::build`], each arc drawn with `arcs`' detail (a large dataset's canvas
    /// draws each of its thousands of links with a few points, and needs no more).
    pub fn build_with(ds: &Dataset, basemap: &BaseMap, projection: &Projection, arcs_detail: ArcDetail) -> Self {
        Self::build_on(ds, base_paths(basemap, projection), projection, arcs_detail)
    }

    /// [`MapScene::build_with`] over a base map already projected: the shipped one, or what
    /// the pre-rendered page drew of it ([`BasePath::drawn`]), which is all the first
    /// drawing needs (the regions' bounds fit the views).
    pub fn build_on(ds: &Dataset, base: Vec<BasePath>, projection: &Projection, arcs_detail: ArcDetail) -> Self {
        let project = |(lon, lat): (f64, f64)| projection.project_lon_lat(lon, lat);

        // The sites found by id through the dataset's own index (each map of its own here,
        // by id to a side, a list, dates or a place, was a copy of the hash table's code in
        // the first module: issue 25).
        let side_of = |id: &str| ds.site(id).map(|s| s.side);
        // Each item's links: between its own sites, else between its parties' seats.
        let pairs: Vec<(Vec<(String, String)>, bool)> =
            ds.items.iter().map(|item| item_link_pairs(ds, item, side_of)).collect();
        // By the site's position in the dataset.
        let mut items_at: Vec<Vec<String>> = vec![Vec::new(); ds.sites.len()];
        let mut events_at: Vec<Option<(String, String)>> = vec![None; ds.sites.len()];
        for (item, (item_pairs, via_parties)) in ds.items.iter().zip(&pairs) {
            let seats = item_pairs.iter().filter(|_| *via_parties).flat_map(|(a, b)| [a.as_str(), b.as_str()]);
            let mut here: Vec<&str> = item.sites.iter().map(String::as_str).chain(seats).collect();
            here.dedup();
            for at in here.into_iter().filter_map(|site| ds.site_position(site)) {
                let list = &mut items_at[at];
                if !list.contains(&item.id) {
                    list.push(item.id.clone());
                }
            }
            if let (ItemKind::Event, Some(s), Some(e)) = (item.kind, &item.when.start, &item.when.end) {
                for at in item.sites.iter().filter_map(|site| ds.site_position(site)) {
                    // The earliest multi-day event (the Olympics before the Paralympics).
                    if events_at[at].as_ref().is_none_or(|(s0, _)| s < s0) {
                        events_at[at] = Some((s.clone(), e.clone()));
                    }
                }
            }
        }
        let sites: Vec<SiteNode> = ds
            .sites
            .iter()
            .zip(items_at)
            .zip(events_at)
            .map(|((s, items), event_dates)| SiteNode {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                side: s.side,
                p: project((s.lon, s.lat)),
                items,
                event_dates,
            })
            .collect();

        let lon_lat = |id: &str| ds.site(id).map(|s| (s.lon, s.lat));
        let mut links = Vec::new();
        // The bounds of the arcs between the two regions (read here, from the points, rather
        // than from the paths' text: 10,000 arcs of a large dataset took 150 ms to read back).
        let mut arcs: Option<Bounds> = None;
        let union = |a: Option<Bounds>, b: Option<Bounds>| match (a, b) {
            (Some(a), Some(b)) => Some(a.union(b)),
            (a, b) => a.or(b),
        };
        let between_regions = |id: &str| side_of(id) != Some(Side::Other);
        for (item, (item_pairs, via_parties)) in ds.items.iter().zip(pairs) {
            for (from, to) in item_pairs {
                let (Some(a), Some(b)) = (lon_lat(&from), lon_lat(&to)) else { continue };
                let arc: Vec<[i32; 2]> = projection
                    .project_great_circle(a, b, arcs_detail)
                    .into_iter()
                    .map(|(x, y)| [hundredths(x), hundredths(y)])
                    .collect();
                let link = Link {
                    item: item.id.clone(),
                    title: item.title.clone(),
                    kind: item.kind,
                    status: item.status,
                    from,
                    to,
                    arc,
                    proposed: matches!(item.status, Status::Planned | Status::UnderStudy),
                    via_parties,
                };
                if between_regions(&link.from) && between_regions(&link.to) {
                    // As the path writes them (to the hundredth), the bounds it gave before.
                    arcs = union(arcs, Bounds::of_points(link.points()));
                }
                links.push(link);
            }
        }

        let shape_bounds =
            |ids: &[&str]| ids.iter().filter_map(|id| base.iter().find(|b| b.id == *id)?.bounds).reduce(Bounds::union);
        let site_bounds = |side: Side| Bounds::of_points(sites.iter().filter(|s| s.side == side).map(|s| s.p));
        let fallback = Bounds { x0: -1.0, y0: -1.0, x1: 1.0, y1: 1.0 };
        // The regions' outlines; the sites only when the base map lacks them (a far site,
        // such as Shanghai, is reached by following its link off the edge).
        let france = shape_bounds(&["auvergne-rhone-alpes"]).or_else(|| site_bounds(Side::France)).unwrap_or(fallback);
        let china =
            shape_bounds(&["hebei", "beijing", "tianjin"]).or_else(|| site_bounds(Side::China)).unwrap_or(fallback);
        // The overview holds both regions and every arc between them.
        let overview = union(Some(france.union(china)), arcs).unwrap_or(fallback);
        let index = sites.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let label_order = label_order(&sites);
        Self { base, sites, links, index, label_order, overview, france, china }
    }

    /// Whether its base map is only a page's drawing of it (or none): the map draws the
    /// shipped one once it is in hand, and a drawing of its own (the handout) waits for it.
    pub fn base_wanting(&self) -> bool {
        self.base.iter().all(|b| b.rings.is_empty())
    }

    /// The same scene over another base map.
    pub fn with_base(&self, base: Vec<BasePath>) -> Self {
        Self { base, ..self.clone() }
    }

    /// The part of the plane a view shows.
    pub fn bounds(&self, view: MapView) -> Bounds {
        match view {
            MapView::Overview | MapView::Both => self.overview,
            MapView::France => self.france,
            MapView::China => self.china,
        }
    }

    /// The panes of a view (one, or two: side by side on a wide frame, one above the other
    /// on a tall one) with the transform of each.
    pub fn panes(&self, view: MapView, vp: Viewport) -> Vec<Pane> {
        self.panes_clear_of(view, vp, Insets::default(), &[])
    }

    /// [`MapScene::panes`], each region fitted clear of what covers the frame's edges
    /// (`insets`: the controls over a small map), its pane still the whole half; and then,
    /// where a site would stand under one of `over` (the controls and boxes at a large
    /// map's edges, [`controls_keep_out`], [`boxes_keep_out`]), fitted again clear of the
    /// band along the edge that thing stands at, a few times at most (each band taken is
    /// kept): Shanghai stood under the zoom buttons in the overview, Shawinigan (held at
    /// its edge) under the view buttons, Turin under the credit in the French view,
    /// Chambéry under the boxes side by side. The sites counted are those in sight, and
    /// those the overview holds at its edge.
    pub fn panes_clear_of(&self, view: MapView, vp: Viewport, insets: Insets, over: &[Rect]) -> Vec<Pane> {
        // The part of `r` clear of the insets.
        let clear_part = |r: Rect, insets: Insets| {
            let top = (insets.top - r.y).max(0.0);
            let bottom = (r.y + r.h - (vp.height - insets.bottom)).max(0.0);
            let left = (insets.left - r.x).max(0.0);
            let right = (r.x + r.w - (vp.width - insets.right)).max(0.0);
            Rect { x: r.x + left, y: r.y + top, w: (r.w - left - right).max(1.0), h: (r.h - top - bottom).max(1.0) }
        };
        let shown = shown_view(view, vp);
        // A pane fitted, then fitted again clear of what would cover its sites.
        let pane = |bounds: Bounds, rect: Rect, pad: f64, region: Option<Side>| {
            let (mut insets, mut fits) = (insets, 0);
            loop {
                fits += 1;
                let held = clear_part(rect, insets);
                let transform =
                    ViewTransform::fit(bounds, Viewport { width: held.w, height: held.h }, pad).pan(held.x, held.y);
                let pane = Pane { rect, transform, region, held };
                if over.is_empty() || fits == 4 {
                    return pane;
                }
                // The marks the view shows: in sight, or held at the overview's edge.
                let r = SITE_CLEARANCE;
                let marks: Vec<Rect> = self
                    .sites
                    .iter()
                    .filter_map(|s| pane_position(s, shown, &pane, MarkStyle::default()))
                    .map(|((x, y), _)| Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r })
                    .collect();
                let wider = over
                    .iter()
                    .filter(|o| marks.iter().any(|m| m.intersects(o)))
                    .fold(insets, |i, o| i.clear_of(*o, vp));
                if wider == insets {
                    return pane;
                }
                insets = wider;
            }
        };
        let pad = (vp.width.min(vp.height) * 0.06).clamp(12.0, 48.0);
        match (view, split_of(vp)) {
            (MapView::Both, Some(split)) => {
                let (a, b) = split.rects(vp);
                let pad_of = |r: Rect| (r.w.min(r.h) * 0.06).clamp(10.0, 48.0);
                vec![
                    pane(self.france, a, pad_of(a), Some(Side::France)),
                    pane(self.china, b, pad_of(b), Some(Side::China)),
                ]
            }
            (v, _) => {
                let v = if v == MapView::Both { MapView::Overview } else { v };
                let whole = Rect { x: 0.0, y: 0.0, w: vp.width, h: vp.height };
                vec![pane(self.bounds(v), whole, pad, None)]
            }
        }
    }

    pub fn site(&self, id: &str) -> Option<&SiteNode> {
        self.index.get(id).map(|&i| &self.sites[i])
    }

    /// A site's place in `sites` (the marks' looks are kept in that order).
    pub fn site_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The scene as the filters leave it, for a drawing of its own (a file, a handout):
    /// the links of the shown items and the sites that hold at least one, as the page hides
    /// the rest. The views keep their frames.
    pub fn showing(&self, shown: &HashSet<String>) -> MapScene {
        let sites: Vec<SiteNode> = self
            .sites
            .iter()
            .filter_map(|s| {
                let items: Vec<String> = s.items.iter().filter(|i| shown.contains(*i)).cloned().collect();
                (!items.is_empty()).then(|| SiteNode { items, ..s.clone() })
            })
            .collect();
        MapScene {
            base: self.base.clone(),
            index: sites.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect(),
            label_order: label_order(&sites),
            sites,
            links: self.links.iter().filter(|l| shown.contains(&l.item)).cloned().collect(),
            overview: self.overview,
            france: self.france,
            china: self.china,
        }
    }
}

/// The places of `sites` in the order they get a label: most connected first, then by id.
fn label_order(sites: &[SiteNode]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sites.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&sites[a], &sites[b]);
        b.items.len().cmp(&a.items.len()).then_with(|| a.id.cmp(&b.id))
    });
    order
}

/// How the two-region view divides a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// France on the left, China on the right (wide frames).
    SideBySide,
    /// France above, China below (tall frames: a phone held upright).
    Stacked,
}

impl Split {
    fn rects(self, vp: Viewport) -> (Rect, Rect) {
        match self {
            Split::SideBySide => {
                let w = vp.width / 2.0;
                (Rect { x: 0.0, y: 0.0, w, h: vp.height }, Rect { x: w, y: 0.0, w, h: vp.height })
            }
            Split::Stacked => {
                let h = vp.height / 2.0;
                (Rect { x: 0.0, y: 0.0, w: vp.width, h }, Rect { x: 0.0, y: h, w: vp.width, h })
            }
        }
    }
}

/// A pane of the two-region view is at least this wide and this high, or the view is not
/// offered (each region would be too small to read).
pub const MIN_PANE: Viewport = Viewport { width: 170.0, height: 140.0 };

/// How a frame of this size splits for the two-region view: along its longer side, if
/// both halves stay readable; `None` when neither way does.
pub fn split_of(vp: Viewport) -> Option<Split> {
    let side_by_side = vp.width / 2.0 >= MIN_PANE.width && vp.height >= MIN_PANE.height;
    let stacked = vp.height / 2.0 >= MIN_PANE.height && vp.width >= MIN_PANE.width;
    match (side_by_side, stacked) {
        // Labels run sideways: a frame about as tall as wide gives them more room stacked.
        (true, true) if vp.height > vp.width * 0.85 => Some(Split::Stacked),
        (true, _) => Some(Split::SideBySide),
        (false, true) => Some(Split::Stacked),
        (false, false) => None,
    }
}

/// The view drawn for the one the reader chose: the two-region view falls back to the
/// overview in a frame too small to split.
pub fn shown_view(chosen: MapView, vp: Viewport) -> MapView {
    if chosen == MapView::Both && split_of(vp).is_none() { MapView::Overview } else { chosen }
}

/// The stylesheet's rem, in pixels: the sizes of what stands over a map are written in it.
const REM: f64 = 16.0;

/// Below this width a map's controls fold into one menu (the frame is a phone's), and its
/// regions are fitted clear of what stays over it ([`controls_insets`]).
pub const COMPACT_WIDTH: f64 = 480.0;

/// What the controls over a map of this size cover: on a small map, the menu's button at
/// the top (2.5 rem and its margins) and the base map's credit at the bottom; nothing on a
/// larger one, whose controls stand at its corners.
pub fn controls_insets(vp: Viewport) -> Insets {
    if vp.width < COMPACT_WIDTH { Insets { top: 52.0, bottom: 20.0, ..Insets::default() } } else { Insets::default() }
}

/// The window from which the map's legend starts open (its frame then leaves the regions
/// clear of it).
pub const LEGEND_OPEN_AT: (f64, f64) = (1500.0, 900.0);

/// Where the closed boxes at a large map's bottom left (the legend, the sites as a list,
/// what the map cannot show; `titles` in that order) stand, worked out from the stylesheet's
/// sizes (`.map-extras`, `.map-box`) and the titles' estimated widths: labels are kept
/// clear of them. As the page lays them out: from the left, rows from the bottom up, at
/// most 24 rem wide (or the frame less 4 rem). None on a phone's frame, where they fold
/// into the menu (`controls_insets`).
pub fn boxes_keep_out(vp: Viewport, titles: &[String]) -> Vec<Rect> {
    if vp.width < COMPACT_WIDTH {
        return Vec::new();
    }
    let (margin, gap, height) = (0.5 * REM, 0.35 * REM, 2.25 * REM + 0.3 * REM + 2.0);
    let room = (24.0 * REM).min(vp.width - 4.0 * REM);
    // A summary is bold at 0.85 rem: the estimate is for plain text, a quarter more (with a
    // tenth, "4 items are not on the map" measured 230 px against 208 estimated, and
    // Chambéry's mark stood under it).
    let widths = titles.iter().map(|t| text_width(t, 0.85 * REM) * 1.25 + 1.2 * REM + 2.0);
    let (mut x, mut row, mut out) = (0.0, 0.0, Vec::new());
    for w in widths {
        if x > 0.0 && x + w > room {
            (x, row) = (0.0, row + 1.0);
        }
        let y = vp.height - margin - height - row * (height + gap);
        out.push(Rect { x: margin + x, y, w, h: height });
        x += w + gap;
    }
    out
}

/// What the controls over a large map say, for [`controls_keep_out`]: the view buttons'
/// labels (those shown) and the base map's credit; `presenting`, whether the page presents
/// (larger view buttons; no zoom buttons; the credit below the map, not over it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ControlTexts {
    pub views: Vec<String>,
    pub credit: String,
    pub presenting: bool,
}

/// Where the controls at a large map's edges stand, worked out from the stylesheet's sizes
/// (`.map-views`, `.map-zoom`, `.map-credit`) and the texts' estimated widths, as
/// [`boxes_keep_out`] does for the boxes: the view buttons in a row at the top left, the
/// zoom buttons in a column at the bottom right, the credit in the bottom right corner.
/// Labels are kept clear of them (a name once stood under the zoom-out button, another
/// under the credit). None on a phone's frame, where they fold into the menu
/// ([`controls_insets`]).
pub fn controls_keep_out(vp: Viewport, texts: &ControlTexts) -> Vec<Rect> {
    // A box's shadow, and the estimate's error on the safe side.
    const SLACK: f64 = 2.0;
    // The width estimate is made for the labels' size; these smaller texts, with their
    // digits and punctuation, measured up to 4% wider.
    let width = |text: &str, font_px: f64| text_width(text, font_px) * 1.05;
    if vp.width < COMPACT_WIDTH {
        return Vec::new();
    }
    let mut out = Vec::new();
    if !texts.views.is_empty() {
        // Buttons at least 2.25 rem high, 0.75 rem padded and bordered, 0.35 rem apart, in a
        // row padded by 2 px, at 0.5 rem from the corner, no wider than the frame less 1 rem.
        let font = if texts.presenting { 20.0 } else { 0.875 * REM };
        let buttons: f64 = texts.views.iter().map(|v| width(v, font) + 1.5 * REM + 2.0).sum();
        let gaps = 0.35 * REM * (texts.views.len() - 1) as f64;
        let w = (buttons + gaps + 4.0).min(vp.width - REM);
        out.push(Rect { x: 0.5 * REM, y: 0.5 * REM, w: w + SLACK, h: 2.25 * REM + 4.0 + SLACK });
    }
    if !texts.presenting {
        // Three 2.5 rem buttons, 0.35 rem apart, 0.5 rem from the right, 1.9 rem from the foot.
        let (side, h) = (2.5 * REM, 3.0 * 2.5 * REM + 2.0 * 0.35 * REM);
        let y = vp.height - 1.9 * REM - h;
        out.push(Rect {
            x: vp.width - 0.5 * REM - side - SLACK,
            y: y - SLACK,
            w: side + 2.0 * SLACK,
            h: h + 2.0 * SLACK,
        });
        // One line at 0.7 rem, padded 0.1 rem by 0.45 rem, at most 70% of the frame.
        let w = (width(&texts.credit, 0.7 * REM) + 0.9 * REM).min(0.7 * vp.width) + SLACK;
        let h = 0.7 * REM * 1.4 + 0.2 * REM + SLACK;
        out.push(Rect { x: vp.width - w, y: vp.height - h, w, h });
    }
    out
}

/// How much of a frame's edges the controls over it cover, in pixels: the regions are
/// fitted clear of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Insets {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

/// How far around a site's point its mark is kept clear of what covers the map.
const SITE_CLEARANCE: f64 = 6.0;

impl Insets {
    /// These insets and the band along the edge of the frame `vp` that `o` stands at (of
    /// the edges it is within 12 px of, the one whose band is thinnest: the view buttons'
    /// row is a band along the top, not the left; a thing at no edge, none).
    fn clear_of(self, o: Rect, vp: Viewport) -> Insets {
        const NEAR: f64 = 12.0;
        let bands = [
            (o.y, o.y + o.h, 0),
            (vp.height - (o.y + o.h), vp.height - o.y, 1),
            (o.x, o.x + o.w, 2),
            (vp.width - (o.x + o.w), vp.width - o.x, 3),
        ];
        let Some(&(_, band, edge)) = bands.iter().filter(|(gap, _, _)| *gap <= NEAR).min_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return self;
        };
        let mut out = self;
        let inset = match edge {
            0 => &mut out.top,
            1 => &mut out.bottom,
            2 => &mut out.left,
            _ => &mut out.right,
        };
        *inset = inset.max(band);
        out
    }
}

/// A window of the map on part of the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pane {
    pub rect: Rect,
    pub transform: ViewTransform,
    /// In the side-by-side view, the side whose sites this pane shows.
    pub region: Option<Side>,
    /// Where the overview holds the sites beyond the pane (at its edge): the pane clear of
    /// what covers its edges.
    pub held: Rect,
}

/// The links of an item: between its own sites ([`pairs_of_sides`]), or else between its
/// parties' seats when its sites do not join the two sides and the seats do (and then
/// `true`).
pub fn item_link_pairs(
    ds: &Dataset,
    item: &crate::model::Item,
    side_of: impl Fn(&str) -> Option<Side> + Copy,
) -> (Vec<(String, String)>, bool) {
    // Each site's side looked up once (a large dataset has ten thousand items).
    let sides: Vec<Option<Side>> = item.sites.iter().map(|id| side_of(id)).collect();
    match (!spans(&sides)).then(|| seat_pairs(ds, item, side_of)).flatten() {
        Some(seats) => (seats, true),
        None => (pairs_of_sides(&item.sites, &sides), false),
    }
}

/// The seats of an item's parties to join (asked when its own sites do not join the two
/// sides), when its parties sit on both sides (an agreement signed in Chambéry between the Region, seated
/// in Lyon, and the Province, seated in Shijiazhuang); `None` otherwise.
fn seat_pairs(
    ds: &Dataset,
    item: &crate::model::Item,
    side_of: impl Fn(&str) -> Option<Side> + Copy,
) -> Option<Vec<(String, String)>> {
    let mut seats: Vec<String> = Vec::new();
    for seat in item.parties.iter().filter_map(|p| ds.actor(p)?.site.clone()) {
        if !seats.contains(&seat) {
            seats.push(seat);
        }
    }
    let sides: Vec<Option<Side>> = seats.iter().map(|id| side_of(id)).collect();
    if !spans(&sides) {
        return None;
    }
    // Seats join only across the two regions, not to a third country.
    let pairs = pairs_of_sides(&seats, &sides).into_iter().filter(|(_, b)| side_of(b) == Some(Side::China)).collect();
    Some(pairs)
}

/// Whether sites of these sides are on both sides.
fn spans(sides: &[Option<Side>]) -> bool {
    sides.contains(&Some(Side::France)) && sides.contains(&Some(Side::China))
}

/// The items the map cannot show: neither a site nor a link of their own.
pub fn off_map_items(ds: &Dataset, scene: &MapScene) -> Vec<String> {
    ds.items
        .iter()
        .filter(|i| i.sites.is_empty() && !scene.links.iter().any(|l| l.item == i.id))
        .map(|i| i.id.clone())
        .collect()
}

/// Which sites of an item a link joins, given each site's side: each French (or
/// third-country) site with a Chinese one, pairing them in order and reusing the shorter
/// list, so that every site of the item is joined and no pair is drawn twice;
/// third-country sites join the item's first French site.
fn pairs_of_sides(sites: &[String], sides: &[Option<Side>]) -> Vec<(String, String)> {
    let of_side = |side: Side| sites.iter().zip(sides).filter(move |(_, s)| **s == Some(side)).map(|(id, _)| id);
    let (fr, cn): (Vec<&String>, Vec<&String>) = (of_side(Side::France).collect(), of_side(Side::China).collect());
    let mut pairs = Vec::new();
    if !fr.is_empty() && !cn.is_empty() {
        for i in 0..fr.len().max(cn.len()) {
            pairs.push((fr[i % fr.len()].clone(), cn[i % cn.len()].clone()));
        }
    }
    if let Some(first) = fr.first() {
        pairs.extend(of_side(Side::Other).map(|o| ((*first).clone(), o.clone())));
    }
    pairs
}

/// Where a pane shows a site's marker, in screen pixels, and whether it is held at the
/// pane's edge (the overview shows every site); `None` when the pane does not show it.
pub fn pane_position(s: &SiteNode, view: MapView, pane: &Pane, style: MarkStyle) -> Option<((f64, f64), bool)> {
    if let Some(side) = pane.region
        && s.side != side
    {
        return None;
    }
    let frame = pane.rect;
    let (x, y) = pane.transform.apply(s.p);
    let inside = x >= frame.x && x <= frame.x + frame.w && y >= frame.y && y <= frame.y + frame.h;
    if inside {
        Some(((x, y), false))
    } else if view == MapView::Overview {
        // Held at the edge, so the overview still shows every site.
        let (inset, held) = (style.radius + 4.0, pane.held);
        let cx = x.clamp(held.x + inset, held.x + held.w - inset);
        let cy = y.clamp(held.y + inset, held.y + held.h - inset);
        Some(((cx, cy), true))
    } else {
        None
    }
}

/// Screen-space markers and labels for the sites one pane shows.
pub fn site_marks(scene: &MapScene, view: MapView, pane: &Pane, lang: Lang, style: MarkStyle) -> Vec<SiteMark> {
    site_marks_placed(scene, view, pane, lang, style, true, &[])
}

/// [`site_marks`], with markers too close to tell apart moved apart (`spread`, for
/// elements a reader points at one by one) or left where their sites are (bulk drawing,
/// where the pointer finds the nearest).
pub fn site_marks_placed(
    scene: &MapScene,
    view: MapView,
    pane: &Pane,
    lang: Lang,
    style: MarkStyle,
    spread_apart: bool,
    keep_out: &[Rect],
) -> Vec<SiteMark> {
    // Most connected first: they get the label when space is short.
    let mut chosen: Vec<(&SiteNode, (f64, f64), bool)> = Vec::new();
    for s in scene.label_order.iter().map(|&i| &scene.sites[i]) {
        if let Some((p, offscreen)) = pane_position(s, view, pane, style) {
            chosen.push((s, p, offscreen));
        }
    }
    let points: Vec<(f64, f64)> = chosen.iter().map(|c| c.1).collect();
    // The widest marker (the star) reaches 1.3 radii out.
    let spread_points = if spread_apart { spread(&points, style.radius * 2.6 + 1.0) } else { points.clone() };
    let texts: Vec<Vec<(String, usize)>> = chosen
        .iter()
        .map(|(s, _, _)| {
            let name = s.name.get(lang).to_owned();
            match (&s.event_dates, view) {
                // The box must hold the longer of the two lines; where it does not fit, the
                // name alone (a venue keeps its name even where its dates find no room).
                (Some((a, b)), v) if v != MapView::Overview => {
                    let sub = games_label(lang, a, b);
                    let widest = if text_width(&sub, 1.0) > text_width(&name, 1.0) { sub } else { name.clone() };
                    vec![(widest, 2), (name, 1)]
                }
                _ => vec![(name, 1)],
            }
        })
        .collect();
    let labels = place_labels(&spread_points, &texts, style.radius, style.font_px, pane.rect, keep_out);
    chosen
        .iter()
        .zip(spread_points)
        .zip(labels)
        .map(|(((s, p, offscreen), q), label)| {
            let moved = math::hypot(p.0 - q.0, p.1 - q.1) > 0.5 && !offscreen;
            SiteMark {
                id: s.id.clone(),
                x: q.0,
                y: q.1,
                true_point: moved.then_some(*p),
                offscreen: *offscreen,
                label,
                name: s.name.get(lang).to_owned(),
                sub: if view == MapView::Overview {
                    None
                } else {
                    s.event_dates.as_ref().map(|(a, b)| games_label(lang, a, b))
                },
            }
        })
        .collect()
}

/// The Games' dates under a venue's name: `Games 4–20 Feb 2022`.
fn games_label(lang: Lang, start: &str, end: &str) -> String {
    crate::i18n::trf(lang, crate::i18n::Msg::Games, &[&crate::i18n::compact_span(lang, start, end)])
}

/// Rings as one SVG path (`M … L … Z` per ring), two decimals.
pub fn rings_path<R, P>(rings: R) -> String
where
    R: IntoIterator<Item = P>,
    P: IntoIterator<Item = (f64, f64)>,
{
    let mut d = String::new();
    for ring in rings {
        let start = d.len();
        for (i, (x, y)) in ring.into_iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            push_num(&mut d, x);
            d.push(',');
            push_num(&mut d, y);
        }
        if d.len() > start {
            d.push('Z');
        }
    }
    d
}

/// An open polyline as an SVG path.
pub fn line_path(points: &[(f64, f64)]) -> String {
    let rounded = |v: f64| i64::from(hundredths(v));
    polyline(points.len(), points.iter().map(|&(x, y)| (rounded(x), rounded(y))))
}

/// [`line_path`] of points given in hundredths.
pub fn hundredths_path(points: &[[i32; 2]]) -> String {
    polyline(points.len(), points.iter().map(|&[x, y]| (i64::from(x), i64::from(y))))
}

/// The path of `n` points in hundredths: what [`line_path`] and [`hundredths_path`] write.
fn polyline(n: usize, points: impl Iterator<Item = (i64, i64)>) -> String {
    let mut d = String::with_capacity(n * 14);
    for (i, (x, y)) in points.enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_hundredths(&mut d, x);
        d.push(',');
        push_hundredths(&mut d, y);
    }
    d
}

/// The points of a path made by [`line_path`] or [`rings_path`].
pub fn parse_path_points(d: &str) -> Vec<(f64, f64)> {
    d.split(['M', 'L', 'Z'])
        .filter_map(|pair| {
            let (x, y) = pair.split_once(',')?;
            Some((parse_f64(x)?, parse_f64(y)?))
        })
        .collect()
}

/// [`rings_path`] for a drawing of fixed size (the pre-rendered first screen, 9.2 pixels a
/// unit at most, in the desktop's French pane; an exported file, in pixels): to a tenth of
/// a unit, each point written as the move from the one before (rounded positions, so
/// nothing drifts), about half the text.
pub fn compact_rings_path<R, P>(rings: R) -> String
where
    R: IntoIterator<Item = P>,
    P: IntoIterator<Item = (f64, f64)>,
{
    compact_path(rings, true)
}

/// [`line_path`] written as [`compact_rings_path`] writes rings (the line left open).
pub fn compact_line_path(points: &[(f64, f64)]) -> String {
    compact_path([points.iter().copied()], false)
}

fn compact_path<R, P>(rings: R, close: bool) -> String
where
    R: IntoIterator<Item = P>,
    P: IntoIterator<Item = (f64, f64)>,
{
    let tenths = |v: f64| (v * 10.0).round() as i64;
    let push = |out: &mut String, t: i64| {
        if t < 0 {
            out.push('-');
        }
        let a = t.unsigned_abs();
        if a >= 10 {
            out.push_str(&(a / 10).to_string());
        }
        match a % 10 {
            0 if a < 10 => out.push('0'),
            0 => {}
            f => {
                out.push('.');
                out.push(char::from(b'0' + f as u8));
            }
        }
    };
    let mut d = String::new();
    for ring in rings {
        let mut at: Option<(i64, i64)> = None;
        for (x, y) in ring {
            let p = (tenths(x), tenths(y));
            match at {
                None => {
                    d.push('M');
                    push(&mut d, p.0);
                    d.push(',');
                    push(&mut d, p.1);
                    d.push('l');
                }
                Some(q) if q == p => continue,
                Some(q) => {
                    if !d.ends_with('l') {
                        d.push(' ');
                    }
                    push(&mut d, p.0 - q.0);
                    d.push(',');
                    push(&mut d, p.1 - q.1);
                }
            }
            at = Some(p);
        }
        if at.is_some() {
            if d.ends_with('l') {
                d.pop();
            }
            if close {
                d.push('z');
            }
        }
    }
    d
}

/// Appends `v` with two decimals, without trailing zeros or a `-0`, digit by digit: the
/// base map is twelve thousand points, and float formatting (even `write!` of integers)
/// was a tenth of a phone's first drawing of the map.
fn push_num(out: &mut String, v: f64) {
    push_hundredths(out, i64::from(hundredths(v)));
}

fn push_hundredths(out: &mut String, hundredths: i64) {
    if hundredths < 0 {
        out.push('-');
    }
    let a = hundredths.unsigned_abs();
    push_whole(out, a / 100);
    let frac = a % 100;
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if !frac.is_multiple_of(10) {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
}

/// Appends the decimal digits of `n`.
pub(super) fn push_whole(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&b| char::from(b)));
}

/// Text for an attribute or element body.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_links_numbers_are_its_paths_points_and_write_that_path() {
        let scene = crate::geo::shipped_scene();
        assert!(scene.links.iter().any(|l| l.arc.len() > 10), "the shipped links include long arcs");
        for l in &scene.links {
            // Read from the numbers as from the text, to the last bit.
            assert_eq!(l.points().collect::<Vec<_>>(), parse_path_points(&l.d()), "{}", l.item);
            assert_eq!(l.d(), line_path(&l.points().collect::<Vec<_>>()), "{}", l.item);
        }
        let points = [(-1.5, -0.25), (0.0, 3.0), (10.014, -7.0), (-0.004, 2.5), (-0.006, 1e5)];
        let arc: Vec<[i32; 2]> = points.iter().map(|&(x, y)| [hundredths(x), hundredths(y)]).collect();
        assert_eq!(hundredths_path(&arc), line_path(&points));
        assert_eq!(hundredths_path(&arc), "M-1.5,-0.25L0,3L10.01,-7L0,2.5L-0.01,100000");
    }

    #[test]
    fn the_boxes_at_the_bottom_left_stand_in_rows_from_the_bottom_and_none_on_a_phone() {
        let titles: Vec<String> = ["Legend", "Sites as a list", "4 items are not on the map"].map(String::from).into();
        let vp = Viewport { width: 900.0, height: 400.0 };
        let boxes = boxes_keep_out(vp, &titles);
        assert_eq!(boxes.len(), 3);
        // From the left edge, on the bottom row, each after the last.
        assert_eq!((boxes[0].x, boxes[0].y + boxes[0].h), (8.0, 392.0));
        assert!(boxes[1].x > boxes[0].x + boxes[0].w && boxes[1].y == boxes[0].y);
        // 24 rem is full: the third box on the row above, from the left again.
        assert_eq!(boxes[2].x, 8.0);
        assert!(boxes[2].y + boxes[2].h < boxes[0].y);
        assert!(boxes.iter().all(|b| b.x + b.w <= 8.0 + 24.0 * 16.0));
        // A wider title, a wider box; a narrow frame, a narrower room.
        assert!(boxes[2].w > boxes[1].w && boxes[1].w > boxes[0].w);
        let narrow = boxes_keep_out(Viewport { width: 500.0, height: 400.0 }, &titles);
        assert!(narrow.iter().all(|b| b.x + b.w <= 500.0 - 4.0 * 16.0 + 8.0 + 1.0), "{narrow:?}");
        assert!(boxes_keep_out(Viewport { width: 390.0, height: 600.0 }, &titles).is_empty());
    }

    #[test]
    fn a_thing_at_an_edge_takes_the_thinnest_band_along_the_edges_it_stands_at() {
        let vp = Viewport { width: 900.0, height: 400.0 };
        let none = Insets::default();
        // The view buttons' row, at the top left: a band along the top, not the left.
        let views = none.clear_of(Rect { x: 8.0, y: 8.0, w: 550.0, h: 42.0 }, vp);
        assert_eq!(views, Insets { top: 50.0, ..none });
        // The zoom column, at the right above the foot: along the right.
        let zoom = none.clear_of(Rect { x: 850.0, y: 230.0, w: 44.0, h: 135.0 }, vp);
        assert_eq!(zoom, Insets { right: 50.0, ..none });
        // The credit, in the bottom right corner: along the foot.
        let credit = zoom.clear_of(Rect { x: 350.0, y: 381.0, w: 550.0, h: 19.0 }, vp);
        assert_eq!(credit, Insets { right: 50.0, bottom: 19.0, ..none });
        // A band is never narrowed; a thing at no edge takes none.
        assert_eq!(credit.clear_of(Rect { x: 880.0, y: 300.0, w: 20.0, h: 20.0 }, vp), credit);
        assert_eq!(none.clear_of(Rect { x: 300.0, y: 150.0, w: 50.0, h: 50.0 }, vp), none);
    }

    #[test]
    fn the_controls_stand_at_the_corners_of_a_large_map_and_none_on_a_phone() {
        let texts = ControlTexts {
            views: ["Overview", "Auvergne-Rhône-Alpes", "Hebei · Beijing", "Side by side"].map(String::from).into(),
            credit: "Base map: Natural Earth".to_owned(),
            presenting: false,
        };
        let vp = Viewport { width: 900.0, height: 400.0 };
        let [views, zoom, credit] = controls_keep_out(vp, &texts).try_into().unwrap();
        // The views from the top left corner, as wide as their labels.
        assert_eq!((views.x, views.y), (8.0, 8.0));
        assert!(views.h >= 40.0 && views.w > 400.0 && views.w < 600.0, "{views:?}");
        // The zoom column at the right, above the credit; the credit in the corner.
        assert!(zoom.x + zoom.w >= 892.0 && zoom.x + zoom.w <= 894.0 && zoom.w >= 40.0, "{zoom:?}");
        assert!(zoom.h >= 131.0 && zoom.y + zoom.h <= 400.0 - 28.0, "{zoom:?}");
        assert_eq!((credit.x + credit.w, credit.y + credit.h), (900.0, 400.0));
        assert!(credit.y > zoom.y + zoom.h && credit.w < 300.0, "{credit:?}");
        // A long credit is cut at 70% of the frame; the views at the frame less 1 rem.
        let long = ControlTexts { credit: "x".repeat(500), views: vec!["y".repeat(300)], ..texts.clone() };
        let [views, _, credit] = controls_keep_out(vp, &long).try_into().unwrap();
        assert!(credit.w <= 0.7 * 900.0 + 2.0 && views.w <= 900.0 - 16.0 + 2.0);
        // Presenting: larger view buttons, no zoom, the credit not over the map.
        let presenting = controls_keep_out(vp, &ControlTexts { presenting: true, ..texts.clone() });
        assert_eq!(presenting.len(), 1);
        assert!(presenting[0].w > controls_keep_out(vp, &texts)[0].w);
        assert!(controls_keep_out(Viewport { width: 390.0, height: 600.0 }, &texts).is_empty());
    }

    #[test]
    fn a_label_that_would_stand_under_a_box_goes_elsewhere() {
        use super::super::labels::place_labels;
        let frame = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };
        let forms = vec![vec![("Savoie Mont Blanc University".to_owned(), 1)]];
        let free = place_labels(&[(200.0, 250.0)], &forms, 5.0, 12.0, frame, &[])[0].unwrap();
        // A box over where it went: now on another side, clear of it.
        let over = Rect { x: 0.0, y: free.rect.y - 2.0, w: 400.0, h: free.rect.h + 4.0 };
        let moved = place_labels(&[(200.0, 250.0)], &forms, 5.0, 12.0, frame, &[over])[0].unwrap();
        assert!(free.rect.intersects(&over) && !moved.rect.intersects(&over), "{moved:?}");
    }

    #[test]
    fn push_num_writes_what_float_formatting_of_the_rounded_value_writes() {
        let num = |v: f64| {
            let mut s = String::new();
            push_num(&mut s, v);
            s
        };
        // The way it was written before: the double nearest to n/100, printed shortest.
        let by_float = |v: f64| {
            let r = (v * 100.0).round() / 100.0;
            format!("{}", if r == 0.0 { 0.0 } else { r })
        };
        let mut v = -2000.0;
        while v < 2000.0 {
            assert_eq!(num(v), by_float(v), "{v}");
            v += 0.0137;
        }
        for v in [0.0, -0.0, -0.004, 0.005, -0.005, 0.1, -0.1, 1.0, -1.0, 12345.678, -98765.4321, 0.999, -0.999] {
            assert_eq!(num(v), by_float(v), "{v}");
        }
    }

    use super::*;

    #[test]
    fn compact_paths_move_from_point_to_point_in_tenths() {
        let d = compact_rings_path([vec![(10.04, -3.0), (10.55, -3.0), (10.55, -3.0), (9.0, 0.26)], vec![(0.0, 0.0)]]);
        assert_eq!(d, "M10,-3l.6,0 -1.6,3.3zM0,0z");
        // Rounded positions, not rounded moves: a thousand small steps end where they should.
        let ring: Vec<(f64, f64)> = (0..=1000).map(|i| (f64::from(i) * 0.123, 0.0)).collect();
        let d = compact_rings_path([ring]);
        let moves = d.strip_prefix("M0,0l").and_then(|m| m.strip_suffix('z')).expect("one ring from the origin");
        let end: f64 = moves.split(' ').map(|m| m.split(',').next().unwrap().parse::<f64>().unwrap()).sum();
        assert!((end - 123.0).abs() < 0.051, "{end}");
    }

    #[test]
    fn paths_are_compact() {
        assert_eq!(rings_path([vec![(0.0, 0.0), (1.234, -0.001), (2.5, 3.0)]]), "M0,0L1.23,0L2.5,3Z");
        assert_eq!(line_path(&[(1.0, 2.0), (3.456, 4.0)]), "M1,2L3.46,4");
        assert_eq!(parse_path_points("M1,2L3.46,4"), vec![(1.0, 2.0), (3.46, 4.0)]);
        assert_eq!(rings_path(Vec::<Vec<(f64, f64)>>::new()), "");
    }

    #[test]
    fn the_most_connected_sites_are_placed_first_then_by_id() {
        let vp = Viewport { width: 1280.0, height: 720.0 };
        // The overview's marks of `scene`, checked to come most connected first, then by id.
        let placed_in_order = |scene: &MapScene| {
            let pane = scene.panes(MapView::Overview, vp)[0];
            let marks = site_marks_placed(scene, MapView::Overview, &pane, Lang::En, MarkStyle::default(), true, &[]);
            let key = |m: &SiteMark| {
                let s = scene.site(&m.id).unwrap();
                (std::cmp::Reverse(s.items.len()), s.id.clone())
            };
            assert!(
                marks.windows(2).all(|w| key(&w[0]) < key(&w[1])),
                "{:?}",
                marks.iter().map(|m| &m.id).collect::<Vec<_>>()
            );
            marks.len()
        };
        let scene = crate::geo::shipped_scene();
        assert_eq!(placed_in_order(&scene), scene.sites.len(), "the overview shows every site");
        assert!(scene.sites.iter().map(|s| s.items.len()).collect::<HashSet<_>>().len() > 2, "sites of several counts");
        // The scene the filters leave keeps its own order (counts change with the items shown).
        let shown: HashSet<String> = scene.links.iter().skip(3).map(|l| l.item.clone()).collect();
        let fewer = scene.showing(&shown);
        assert_eq!(placed_in_order(&fewer), fewer.sites.len());
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(escape_xml(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn the_two_regions_split_along_the_longer_side_when_both_halves_are_readable() {
        let vp = |width, height| Viewport { width, height };
        assert_eq!(split_of(vp(1200.0, 500.0)), Some(Split::SideBySide));
        assert_eq!(split_of(vp(390.0, 420.0)), Some(Split::Stacked));
        assert_eq!(split_of(vp(844.0, 180.0)), Some(Split::SideBySide));
        assert_eq!(split_of(vp(300.0, 200.0)), None);
        assert_eq!(shown_view(MapView::Both, vp(300.0, 200.0)), MapView::Overview);
        assert_eq!(shown_view(MapView::China, vp(300.0, 200.0)), MapView::China);
    }

    #[test]
    fn each_region_fills_its_own_pane_of_a_split_frame() {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        let scene = MapScene::build(&ds, BaseMap::shipped(), &Projection::eurasia());
        for vp in [Viewport { width: 1200.0, height: 500.0 }, Viewport { width: 390.0, height: 420.0 }] {
            let panes = scene.panes(MapView::Both, vp);
            assert_eq!(panes.len(), 2);
            for (pane, bounds) in panes.iter().zip([scene.france, scene.china]) {
                let (x0, y0) = pane.transform.apply((bounds.x0, bounds.y0));
                let (x1, y1) = pane.transform.apply((bounds.x1, bounds.y1));
                let r = pane.rect;
                for (x, y) in [(x0, y0), (x1, y1)] {
                    assert!(
                        x >= r.x - 0.5 && x <= r.x + r.w + 0.5 && y >= r.y - 0.5 && y <= r.y + r.h + 0.5,
                        "{vp:?}: ({x}, {y}) outside {r:?}"
                    );
                }
            }
        }
        // Too small to split: one pane, the overview.
        assert_eq!(
            scene.panes(MapView::Both, Viewport { width: 300.0, height: 200.0 }),
            scene.panes(MapView::Overview, Viewport { width: 300.0, height: 200.0 })
        );
    }

    #[test]
    fn the_filtered_scene_keeps_the_shown_items_links_and_sites_and_the_frames() {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        let scene = MapScene::build(&ds, BaseMap::shipped(), &Projection::eurasia());
        let shown: HashSet<String> = ["air-route-lyon-china".to_owned()].into_iter().collect();
        let only = scene.showing(&shown);
        assert!(!only.links.is_empty() && only.links.iter().all(|l| l.item == "air-route-lyon-china"));
        let mut ids: Vec<&str> = only.sites.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        let mut wanted: Vec<&str> = ds
            .items
            .iter()
            .find(|i| i.id == "air-route-lyon-china")
            .unwrap()
            .sites
            .iter()
            .map(String::as_str)
            .collect();
        wanted.sort_unstable();
        assert_eq!(ids, wanted);
        assert!(only.sites.iter().all(|s| s.items == ["air-route-lyon-china"]));
        assert_eq!(only.site("lyon").map(|s| s.p), scene.site("lyon").map(|s| s.p));
        assert!(only.site("chambery").is_none());
        let vp = Viewport { width: 800.0, height: 450.0 };
        assert_eq!(
            only.panes(MapView::Both, vp),
            scene.panes(MapView::Both, vp),
            "the frames do not follow the filter"
        );
        assert_eq!(scene.showing(&ds.items.iter().map(|i| i.id.clone()).collect()).links.len(), scene.links.len());
    }

    #[test]
    fn an_item_whose_places_are_on_one_side_links_its_parties_seats() {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        let scene = MapScene::build(&ds, BaseMap::shipped(), &Projection::eurasia());
        let links_of = |id: &str| {
            scene
                .links
                .iter()
                .filter(|l| l.item == id)
                .map(|l| (l.from.as_str(), l.to.as_str(), l.via_parties))
                .collect::<Vec<_>>()
        };
        // Signed in Chambéry between the Region (Lyon) and the Province (Shijiazhuang).
        assert_eq!(links_of("agreement-aura-hebei"), [("lyon", "shijiazhuang", true)]);
        assert_eq!(links_of("strategic-plan-10-years"), [("lyon", "shijiazhuang", true)]);
        // An item with places on both sides links its places, never the seats.
        assert!(links_of("loi-chambery-zhangjiakou").iter().all(|l| !l.2));
        // Parties all on one side: no link.
        assert!(links_of("business-contracts-2018").is_empty());
        // The seats know their items, so hovering them highlights what they join.
        assert!(scene.site("shijiazhuang").unwrap().items.contains(&"agreement-aura-hebei".to_owned()));
        // What the map cannot show at all.
        assert_eq!(
            off_map_items(&ds, &scene),
            ["aura-mission-2018-02", "aura-mission-2018-05", "cluster-contracts-china", "training-site-tenders"]
        );
    }
}
