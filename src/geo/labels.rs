//! Keeping marks readable: markers closer than a minimum are spread on a small circle
//! (each keeps a leader to its true place), and labels are placed greedily where they
//! overlap neither markers nor other labels, or left out (the mark keeps its name for
//! screen readers and on hover).

use super::math;

/// A screen-space rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn inside(&self, o: &Rect) -> bool {
        self.x >= o.x && self.y >= o.y && self.x + self.w <= o.x + o.w && self.y + self.h <= o.y + o.h
    }
}

/// Where a label sits relative to its marker: beside it, above or below it, or, where
/// those are taken (a marker among close neighbours), at a corner, a little further out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSide {
    Right,
    Left,
    Above,
    Below,
    AboveRight,
    AboveLeft,
    BelowRight,
    BelowLeft,
}

impl LabelSide {
    /// Whether the label's text runs from its anchor (start), ends at it, or is centred.
    pub fn anchor(self) -> &'static str {
        match self {
            Self::Right | Self::AboveRight | Self::BelowRight => "start",
            Self::Left | Self::AboveLeft | Self::BelowLeft => "end",
            Self::Above | Self::Below => "middle",
        }
    }
}

/// A placed label: its box and the text anchor point (SVG `text-anchor` follows `side`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelPlace {
    pub side: LabelSide,
    pub rect: Rect,
    /// Baseline anchor of the first line.
    pub x: f64,
    pub y: f64,
    /// Which of the label's forms fits (0: the one most wanted).
    pub form: usize,
}

/// Approximate width of `text` at `font_px`: CJK characters are a full em, others about
/// 0.6 em. Good enough to keep labels apart without measuring the DOM.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
            'A'..='Z' | 'm' | 'w' => 0.7,
            ' ' | 'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | '\'' | '·' => 0.32,
            _ => 0.58,
        })
        .sum::<f64>()
        * font_px
}

/// The most points one cluster is spread for: beyond that a ring would be wider than the
/// view, and the points are left where they are (zooming in separates them).
pub const MAX_SPREAD: usize = 12;

/// Moves points that are closer than `min_dist` apart onto a circle around their cluster's
/// centre, evenly spaced, in the order of their bearing from the centre (clusters of at most
/// [`MAX_SPREAD`] points). Returns the new positions, in input order.
pub fn spread(points: &[(f64, f64)], min_dist: f64) -> Vec<(f64, f64)> {
    let n = points.len();
    // Union-find over pairs closer than min_dist.
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Sorting by x first keeps this near-linear for spread-out data (5,000 sites).
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| points[a].0.total_cmp(&points[b].0));
    for (oi, &i) in order.iter().enumerate() {
        for &j in &order[oi + 1..] {
            if points[j].0 - points[i].0 >= min_dist {
                break;
            }
            let (dx, dy) = (points[j].0 - points[i].0, points[j].1 - points[i].1);
            if math::hypot(dx, dy) < min_dist {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
                    parent[ri] = rj;
                }
            }
        }
    }
    let mut clusters: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut out = points.to_vec();
    for members in clusters.values().filter(|m| m.len() > 1 && m.len() <= MAX_SPREAD) {
        let m = members.len() as f64;
        let (cx, cy) = members.iter().fold((0.0, 0.0), |(x, y), &i| (x + points[i].0 / m, y + points[i].1 / m));
        let radius = min_dist / (2.0 * math::sin(std::f64::consts::PI / m));
        let mut by_bearing: Vec<(f64, usize)> = members
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let (dx, dy) = (points[i].0 - cx, points[i].1 - cy);
                // Coincident points: fall back to input order.
                let bearing = if math::hypot(dx, dy) < 1e-9 { k as f64 } else { math::atan2(dy, dx) };
                (bearing, i)
            })
            .collect();
        by_bearing.sort_by(|a, b| a.0.total_cmp(&b.0));
        let start = by_bearing[0].0.clamp(-std::f64::consts::PI, std::f64::consts::PI);
        for (k, (_, i)) in by_bearing.iter().enumerate() {
            let angle = start + 2.0 * std::f64::consts::PI * k as f64 / m;
            out[*i] = (cx + radius * math::cos(angle), cy + radius * math::sin(angle));
        }
    }
    out
}

/// A uniform grid of rectangles, so that "does this box overlap anything placed?" looks
/// at a few neighbours instead of every label (5,000 sites stay fast).
struct Grid {
    cell: f64,
    cells: crate::collections::HashMap<(i64, i64), Vec<usize>>,
    rects: Vec<Rect>,
}

impl Grid {
    fn new(cell: f64) -> Self {
        Self { cell, cells: crate::collections::HashMap::default(), rects: Vec::new() }
    }

    fn span(&self, r: &Rect) -> impl Iterator<Item = (i64, i64)> + use<> {
        let c = self.cell;
        let (x0, x1) = ((r.x / c).floor() as i64, ((r.x + r.w) / c).floor() as i64);
        let (y0, y1) = ((r.y / c).floor() as i64, ((r.y + r.h) / c).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect) -> usize {
        let id = self.rects.len();
        self.rects.push(r);
        for key in self.span(&r).collect::<Vec<_>>() {
            self.cells.entry(key).or_default().push(id);
        }
        id
    }

    /// Whether `r` overlaps a stored rectangle other than `except`.
    fn hits(&self, r: &Rect, except: Option<usize>) -> bool {
        self.span(r).any(|key| {
            self.cells
                .get(&key)
                .is_some_and(|ids| ids.iter().any(|&i| Some(i) != except && self.rects[i].intersects(r)))
        })
    }
}

/// The most labels tried: past a few hundred, labels cannot fit anyway and the search only
/// costs time.
pub const MAX_LABELS: usize = 250;

/// Places one label per marker, in the given order (most important first), each on the
/// first side where it fits inside `frame` and overlaps no marker and no label placed
/// before it; only the first [`MAX_LABELS`] are tried. `texts` holds each label's forms,
/// the one most wanted first (a name and the Games' dates under it, else the name alone):
/// each form's widest line and its number of lines.
pub fn place_labels(
    markers: &[(f64, f64)],
    texts: &[Vec<(String, usize)>],
    marker_radius: f64,
    font_px: f64,
    frame: Rect,
    keep_out: &[Rect],
) -> Vec<Option<LabelPlace>> {
    let gap = marker_radius + 3.0;
    let line_h = font_px * 1.2;
    let mut marker_grid = Grid::new(64.0);
    let marker_ids: Vec<usize> = markers
        .iter()
        .map(|&(x, y)| {
            marker_grid.insert(Rect {
                x: x - marker_radius,
                y: y - marker_radius,
                w: 2.0 * marker_radius,
                h: 2.0 * marker_radius,
            })
        })
        .collect();
    let mut labels = Grid::new(64.0);
    markers
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (&(x, y), forms))| {
            if i >= MAX_LABELS {
                return None;
            }
            let ascent = font_px * 0.85;
            let fits = |r: &Rect| {
                r.inside(&frame)
                    && !keep_out.iter().any(|k| k.intersects(r))
                    && !labels.hits(r, None)
                    && !marker_grid.hits(r, Some(marker_ids[i]))
            };
            let choice = forms.iter().enumerate().find_map(|(form, (text, lines))| {
                let (w, h) = (text_width(text, font_px), line_h * (*lines).max(1) as f64);
                let far = gap * 1.5;
                let candidates = [
                    (
                        LabelSide::Right,
                        Rect { x: x + gap, y: y - line_h / 2.0, w, h },
                        x + gap,
                        y - line_h / 2.0 + ascent,
                    ),
                    (
                        LabelSide::Left,
                        Rect { x: x - gap - w, y: y - line_h / 2.0, w, h },
                        x - gap,
                        y - line_h / 2.0 + ascent,
                    ),
                    (LabelSide::Above, Rect { x: x - w / 2.0, y: y - gap - h, w, h }, x, y - gap - h + ascent),
                    (LabelSide::Below, Rect { x: x - w / 2.0, y: y + gap, w, h }, x, y + gap + ascent),
                    // At a corner the label stands off by half again, clear of the
                    // neighbours beside, above and below.
                    (LabelSide::AboveRight, Rect { x: x + far, y: y - far - h, w, h }, x + far, y - far - h + ascent),
                    (
                        LabelSide::AboveLeft,
                        Rect { x: x - far - w, y: y - far - h, w, h },
                        x - far,
                        y - far - h + ascent,
                    ),
                    (LabelSide::BelowRight, Rect { x: x + far, y: y + far, w, h }, x + far, y + far + ascent),
                    (LabelSide::BelowLeft, Rect { x: x - far - w, y: y + far, w, h }, x - far, y + far + ascent),
                    // Last, above or below at twice the distance: over a ring of close
                    // markers, still the nearest name to its own.
                    (
                        LabelSide::Above,
                        Rect { x: x - w / 2.0, y: y - 2.5 * gap - h, w, h },
                        x,
                        y - 2.5 * gap - h + ascent,
                    ),
                    (LabelSide::Below, Rect { x: x - w / 2.0, y: y + 2.5 * gap, w, h }, x, y + 2.5 * gap + ascent),
                ];
                candidates.into_iter().find(|(_, r, _, _)| fits(r)).map(|(side, rect, lx, ly)| LabelPlace {
                    side,
                    rect,
                    x: lx,
                    y: ly,
                    form,
                })
            });
            choice.inspect(|place| {
                labels.insert(place.rect);
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Rect = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };

    #[test]
    fn close_points_are_spread_apart_and_far_ones_stay() {
        let pts = [(100.0, 100.0), (101.0, 100.5), (100.5, 101.0), (300.0, 200.0)];
        let out = spread(&pts, 14.0);
        for i in 0..3 {
            for j in i + 1..3 {
                let d = (out[i].0 - out[j].0).hypot(out[i].1 - out[j].1);
                assert!(d >= 14.0 - 1e-6, "{i}-{j}: {d}");
            }
        }
        assert_eq!(out[3], pts[3]);
        // The cluster stays where it was.
        let cx = out[..3].iter().map(|p| p.0).sum::<f64>() / 3.0;
        assert!((cx - 100.5).abs() < 1.0);
    }

    #[test]
    fn a_crowd_is_left_in_place() {
        let pts: Vec<(f64, f64)> = (0..50).map(|i| (f64::from(i) * 0.1, 0.0)).collect();
        assert_eq!(spread(&pts, 10.0), pts);
    }

    #[test]
    fn coincident_points_are_separated_too() {
        let out = spread(&[(50.0, 50.0), (50.0, 50.0)], 10.0);
        assert!((out[0].0 - out[1].0).hypot(out[0].1 - out[1].1) >= 10.0 - 1e-6);
    }

    #[test]
    fn labels_never_overlap_each_other_or_markers() {
        // A tight grid of markers: some labels must be dropped, none may overlap.
        let markers: Vec<(f64, f64)> = (0..6)
            .flat_map(|i| (0..4).map(move |j| (60.0 + 40.0 * f64::from(i), 60.0 + 30.0 * f64::from(j))))
            .collect();
        let texts: Vec<Vec<(String, usize)>> =
            (0..markers.len()).map(|i| vec![(format!("Site number {i}"), 1)]).collect();
        let placed = place_labels(&markers, &texts, 5.0, 12.0, FRAME, &[]);
        let rects: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        assert!(!rects.is_empty() && rects.len() < markers.len());
        for (i, a) in rects.iter().enumerate() {
            assert!(a.inside(&FRAME));
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
            for &(x, y) in &markers {
                assert!(!a.intersects(&Rect { x: x - 5.0, y: y - 5.0, w: 10.0, h: 10.0 }));
            }
        }
    }

    #[test]
    fn a_label_at_the_right_edge_goes_left() {
        let placed = place_labels(&[(390.0, 150.0)], &[vec![("Zhangjiakou".into(), 1)]], 5.0, 12.0, FRAME, &[]);
        assert_eq!(placed[0].unwrap().side, LabelSide::Left);
    }

    #[test]
    fn a_label_too_wide_for_its_place_takes_its_shorter_form() {
        // The Games' dates under the name do not fit a narrow frame; the name alone does.
        let narrow = Rect { x: 0.0, y: 0.0, w: 120.0, h: 100.0 };
        let forms = vec![("冬奥会 2022年2月4日至20日".into(), 2), ("张家口".into(), 1)];
        let placed = place_labels(&[(60.0, 50.0)], std::slice::from_ref(&forms), 5.0, 13.0, narrow, &[]);
        assert_eq!(placed[0].map(|p| p.form), Some(1));
        let wide = Rect { x: 0.0, y: 0.0, w: 600.0, h: 100.0 };
        assert_eq!(place_labels(&[(60.0, 50.0)], &[forms], 5.0, 13.0, wide, &[])[0].map(|p| p.form), Some(0));
    }

    #[test]
    fn cjk_is_wider_than_latin() {
        assert!(text_width("张家口", 10.0) > text_width("abc", 10.0));
        assert_eq!(text_width("", 10.0), 0.0);
    }
}
