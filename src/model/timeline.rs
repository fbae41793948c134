//! The timeline's layout as data: the months the cursor walks through, and where each item's
//! box goes (lane by kind, row, x and width) for a time scale. Plain Rust, tested natively;
//! the component only draws what [`layout`] returns.

use super::dataset::{Item, ItemKind, Lang};
use super::time::{TimeScale, civil, day_number, span};

/// The height of one row of boxes, in CSS pixels: two lines of a title and their padding.
pub const ROW_PX: f64 = 46.0;
/// Gap kept between two boxes on one row.
const GAP_PX: f64 = 4.0;
/// A box is never narrower than this (a short title on one line), nor wider than
/// [`MAX_BOX_PX`] for its label (longer titles wrap onto two lines, then are cut).
pub const MIN_BOX_PX: f64 = 110.0;
pub const MAX_BOX_PX: f64 = 300.0;
/// The padding and border of a box, left and right together.
const BOX_CHROME_PX: f64 = 22.0;

/// The first days of the first and last months holding a dated item.
pub fn month_range<'a>(items: impl IntoIterator<Item = &'a Item>) -> Option<(i64, i64)> {
    let spans: Vec<(i64, i64)> = items.into_iter().filter_map(|i| span(&i.when)).collect();
    let first = spans.iter().map(|s| s.0).min()?;
    let last = spans.iter().map(|s| s.1).max()?;
    let (y0, m0, _) = civil(first);
    let (y1, m1, _) = civil(last);
    Some((day_number(y0, m0, 1), day_number(y1, m1, 1)))
}

/// The first day of the month `n` months after the month of `day` (`n` may be negative).
pub fn add_months(day: i64, n: i64) -> i64 {
    let (y, m, _) = civil(day);
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    day_number(total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u8, 1)
}

/// Whole months from the month of `a` to the month of `b`.
pub fn months_between(a: i64, b: i64) -> i64 {
    let ((y0, m0, _), (y1, m1, _)) = (civil(a), civil(b));
    (i64::from(y1) - i64::from(y0)) * 12 + i64::from(m1) - i64::from(m0)
}

/// The months the time cursor walks through: from `first` (a first day of month), `steps`
/// of them; position `steps` means "every date".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CursorMonths {
    pub first: i64,
    pub steps: i64,
}

impl CursorMonths {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Item>) -> Option<Self> {
        month_range(items).map(|(first, last)| CursorMonths { first, steps: months_between(first, last) })
    }

    /// The cursor day for a slider position: the last day of that month, or `None` (every
    /// date) at the far end.
    pub fn cursor_at(&self, position: i64) -> Option<i64> {
        let i = position.clamp(0, self.steps);
        (i < self.steps).then(|| add_months(self.first, i + 1) - 1)
    }

    /// The slider position of a cursor day.
    pub fn position_of(&self, cursor: Option<i64>) -> i64 {
        cursor.map_or(self.steps, |d| months_between(self.first, d).clamp(0, self.steps))
    }

    /// One step of play from `cursor`: the next month, and whether playing goes on.
    /// Playing from "every date" starts at the first month.
    pub fn play_step(&self, cursor: Option<i64>) -> (Option<i64>, bool) {
        match cursor {
            None => (self.cursor_at(0), self.steps > 0),
            Some(_) => {
                let next = self.position_of(cursor) + 1;
                (self.cursor_at(next), next < self.steps)
            }
        }
    }

    /// The days the timeline shows when wholly zoomed out: a margin before the first month
    /// and room after the last for its box to be read.
    pub fn extent(&self) -> (f64, f64) {
        let last = add_months(self.first, self.steps);
        ((self.first - 45) as f64, (add_months(last, 1) + 150) as f64)
    }
}

/// About how wide one character is, in ems, in the system sans-serif: CJK characters are
/// square, Latin ones a little over half as wide as high. Only used to give a box room.
fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        c if is_cjk(c) => 1.0,
        // A capital of the scripts the search folds (not `char::is_uppercase`, whose table of
        // every script's capitals weighs on the first module).
        c if super::filter::lower(c) != c => 0.7,
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | '\'' | '.' | ',' | ':' | '·' | '(' | ')' => 0.36,
        'm' | 'w' => 0.92,
        _ => 0.62,
    }
}

fn is_cjk(c: char) -> bool {
    u32::from(c) >= 0x2E80
}

/// About how wide `text` is at `font_px`.
pub fn text_px(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

/// The pieces a line may break between: words, and each CJK character on its own; with
/// the width of each and of the space before it.
fn break_pieces(text: &str, font_px: f64) -> Vec<(f64, f64)> {
    let mut pieces: Vec<(f64, f64)> = Vec::new();
    let mut space = 0.0;
    let mut word = 0.0;
    for c in text.chars() {
        if c == ' ' {
            if word > 0.0 {
                pieces.push((space, word));
                word = 0.0;
                space = 0.0;
            }
            space += char_em(c) * font_px;
        } else if is_cjk(c) {
            if word > 0.0 {
                pieces.push((space, word));
                space = 0.0;
            }
            pieces.push((space, char_em(c) * font_px));
            word = 0.0;
            space = 0.0;
        } else {
            word += char_em(c) * font_px;
        }
    }
    if word > 0.0 {
        pieces.push((space, word));
    }
    pieces
}

/// How many lines `pieces` take when wrapped greedily at `width`.
fn lines_at(pieces: &[(f64, f64)], width: f64) -> usize {
    let mut lines = 1;
    let mut x = 0.0;
    for (i, &(space, w)) in pieces.iter().enumerate() {
        if i > 0 && x + space + w > width {
            lines += 1;
            x = w;
        } else {
            x += if i > 0 { space } else { 0.0 } + w;
        }
    }
    lines
}

/// How wide a box wants to be for its title: one line if it is short, else the narrowest
/// width at which the words wrap onto two lines; within [`MIN_BOX_PX`] and [`MAX_BOX_PX`].
pub fn label_box_px(title: &str, font_px: f64) -> f64 {
    let one_line = text_px(title, font_px);
    if one_line + BOX_CHROME_PX <= MIN_BOX_PX * 1.5 {
        return (one_line + BOX_CHROME_PX).max(MIN_BOX_PX);
    }
    let pieces = break_pieces(title, font_px);
    let widest = pieces.iter().map(|p| p.1).fold(0.0, f64::max);
    // The narrowest width holding two lines, to a pixel.
    let (mut lo, mut hi) = (widest.max(one_line / 2.0), one_line.max(widest));
    while hi - lo > 1.0 {
        let mid = (lo + hi) / 2.0;
        if lines_at(&pieces, mid) <= 2 { hi = mid } else { lo = mid }
    }
    // A little slack: real glyphs are not the estimate.
    (hi * 1.06 + BOX_CHROME_PX).clamp(MIN_BOX_PX, MAX_BOX_PX)
}

/// One item's box on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemBox {
    /// Position of the item in the list given to [`layout`].
    pub index: usize,
    /// First day the item covers.
    pub start: i64,
    pub x: f64,
    pub width: f64,
    pub row: usize,
}

/// The boxes of one kind of item, packed in rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub kind: ItemKind,
    pub rows: usize,
    pub boxes: Vec<ItemBox>,
}

/// The whole timeline: lanes of dated items in kind order, then the undated ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineLayout {
    pub lanes: Vec<Lane>,
    /// Positions of the undated items, in the order given.
    pub undated: Vec<usize>,
}

impl TimelineLayout {
    pub fn rows(&self) -> usize {
        self.lanes.iter().map(|l| l.rows).sum()
    }

    pub fn boxes(&self) -> usize {
        self.lanes.iter().map(|l| l.boxes.len()).sum()
    }
}

/// Above this many boxes the timeline draws only those in sight (and the list is the way
/// through them all): thousands of boxes cost more to build, lay out and paint than a
/// frame.
pub const MAX_DRAWN_BOXES: usize = 600;

/// The border under each lane, in CSS pixels (a lane is its rows and this).
pub const LANE_BORDER_PX: f64 = 1.0;

/// The part of the lanes in sight: from `top` to `bottom` pixels down the lanes, and the
/// track's `width` across (a box begins at its `x`), each side widened by `margin`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sight {
    pub top: f64,
    pub bottom: f64,
    pub width: f64,
    pub margin: f64,
}

/// The boxes of each lane that are in `sight` (all of them when `sight` is `None`), as
/// indices into the lane's boxes. Lanes are stacked, each [`ROW_PX`] a row and its border.
pub fn boxes_in_sight(layout: &TimelineLayout, sight: Option<Sight>) -> Vec<Vec<usize>> {
    let mut lane_top = 0.0;
    layout
        .lanes
        .iter()
        .map(|lane| {
            let top = lane_top;
            lane_top += lane.rows as f64 * ROW_PX + LANE_BORDER_PX;
            (0..lane.boxes.len())
                .filter(|&i| {
                    let Some(s) = sight else { return true };
                    let b = &lane.boxes[i];
                    let y = top + b.row as f64 * ROW_PX;
                    y + ROW_PX >= s.top - s.margin
                        && y <= s.bottom + s.margin
                        && b.x + b.width >= -s.margin
                        && b.x <= s.width + s.margin
                })
                .collect()
        })
        .collect()
}

/// Lays out `items` on `scale`: one lane per kind in `kinds` order (kinds with no dated
/// item get no lane); within a lane, items by start, end and id, each on the first row
/// where it does not overlap the box before it. A box spans its item's days, and at least
/// its title's width ([`label_box_px`], titles in `lang` at `font_px`).
pub fn layout(items: &[&Item], kinds: &[ItemKind], scale: &TimeScale, lang: Lang, font_px: f64) -> TimelineLayout {
    let mut lanes = Vec::new();
    for &kind in kinds {
        let mut dated: Vec<(usize, (i64, i64))> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kind == kind)
            .filter_map(|(n, i)| span(&i.when).map(|s| (n, s)))
            .collect();
        if dated.is_empty() {
            continue;
        }
        dated.sort_by(|(a, sa), (b, sb)| (sa.0, sa.1, &items[*a].id).cmp(&(sb.0, sb.1, &items[*b].id)));
        let mut row_ends: Vec<f64> = Vec::new();
        let boxes = dated
            .into_iter()
            .map(|(index, (a, b))| {
                let x = scale.x(a as f64);
                let width = (scale.x((b + 1) as f64) - x).max(label_box_px(items[index].title.get(lang), font_px));
                let row = row_ends.iter().position(|&end| end + GAP_PX <= x).unwrap_or_else(|| {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                });
                row_ends[row] = x + width;
                ItemBox { index, start: a, x, width, row }
            })
            .collect();
        lanes.push(Lane { kind, rows: row_ends.len().max(1), boxes });
    }
    let undated = items.iter().enumerate().filter(|(_, i)| span(&i.when).is_none()).map(|(n, _)| n).collect();
    TimelineLayout { lanes, undated }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::iso;

    #[test]
    fn only_the_boxes_in_sight_are_drawn_lane_under_lane() {
        let b = |x: f64, row: usize| ItemBox { index: 0, start: 0, x, width: 100.0, row };
        let lane = |rows, boxes| Lane { kind: ItemKind::Agreement, rows, boxes };
        // Two lanes: 10 rows (460 px + its border), then 2 rows.
        let layout = TimelineLayout {
            lanes: vec![
                lane(10, vec![b(0.0, 0), b(0.0, 5), b(900.0, 5), b(0.0, 9)]),
                lane(2, vec![b(0.0, 0), b(50.0, 1)]),
            ],
            undated: vec![],
        };
        let sight = |top, bottom| Some(Sight { top, bottom, width: 600.0, margin: 0.0 });
        // The first rows: the first box of the first lane.
        assert_eq!(boxes_in_sight(&layout, sight(0.0, 40.0)), vec![vec![0], vec![]]);
        // Row 5 (230 px down), but the box at x 900 is right of the track.
        assert_eq!(boxes_in_sight(&layout, sight(240.0, 260.0)), vec![vec![1], vec![]]);
        // The second lane begins at 461 px.
        assert_eq!(boxes_in_sight(&layout, sight(470.0, 600.0)), vec![vec![], vec![0, 1]]);
        // A margin reaches further; no sight draws all.
        let wide = Some(Sight { top: 240.0, bottom: 260.0, width: 600.0, margin: 200.0 });
        assert_eq!(boxes_in_sight(&layout, wide), vec![vec![0, 1, 3], vec![]]);
        assert_eq!(boxes_in_sight(&layout, None), vec![vec![0, 1, 2, 3], vec![0, 1]]);
        assert_eq!(layout.boxes(), 6);
    }

    use crate::model::shipped;

    const KINDS: &[ItemKind] = ItemKind::ALL;

    fn scale(months: &CursorMonths, width: f64) -> TimeScale {
        let (from, to) = months.extent();
        TimeScale { from, to, x0: 0.0, x1: width }
    }

    #[test]
    fn months_add_and_subtract_across_years() {
        let nov = day_number(2018, 11, 1);
        assert_eq!(iso(add_months(nov, 2)), "2019-01-01");
        assert_eq!(iso(add_months(nov, -11)), "2017-12-01");
        assert_eq!(months_between(nov, day_number(2019, 1, 31)), 2);
        assert_eq!(months_between(day_number(2019, 1, 31), nov), -2);
    }

    #[test]
    fn the_cursor_walks_month_ends_then_every_date() {
        let m = CursorMonths { first: day_number(2018, 11, 1), steps: 3 };
        assert_eq!(m.cursor_at(0).map(iso).as_deref(), Some("2018-11-30"));
        assert_eq!(m.cursor_at(1).map(iso).as_deref(), Some("2018-12-31"));
        assert_eq!(m.cursor_at(3), None);
        assert_eq!(m.cursor_at(99), None);
        assert_eq!(m.cursor_at(-4).map(iso).as_deref(), Some("2018-11-30"));
        for p in 0..=3 {
            assert_eq!(m.position_of(m.cursor_at(p)), p);
        }
    }

    #[test]
    fn play_starts_at_the_first_month_and_stops_at_the_end() {
        let m = CursorMonths { first: day_number(2018, 11, 1), steps: 2 };
        let (c0, on) = m.play_step(None);
        assert_eq!((c0.map(iso).as_deref(), on), (Some("2018-11-30"), true));
        let (c1, on) = m.play_step(c0);
        assert_eq!((c1.map(iso).as_deref(), on), (Some("2018-12-31"), true));
        let (c2, on) = m.play_step(c1);
        assert_eq!((c2, on), (None, false));
    }

    #[test]
    fn a_title_gets_the_width_that_wraps_it_onto_two_lines() {
        let font = 13.0;
        let title = "Chambéry – Zhangjiakou letter of intent";
        let w = label_box_px(title, font) - BOX_CHROME_PX;
        let pieces = break_pieces(title, font);
        assert!(lines_at(&pieces, w) <= 2);
        assert!(lines_at(&pieces, w * 0.8) > 2, "not much wider than needed");
        // A long word is never cut: the box is at least as wide as it.
        let long = "Zhangjiakou–Chongli–Yanqing and more words to wrap";
        assert!(label_box_px(long, font) >= text_px("Zhangjiakou–Chongli–Yanqing", font));
        // Chinese breaks between any two characters.
        assert_eq!(break_pieces("尚贝里与张家口", font).len(), 7);
        assert_eq!(lines_at(&break_pieces("a b c", font), 1.0), 3);
    }

    #[test]
    fn cjk_text_is_wider_per_character_than_latin() {
        assert!(text_px("张家口", 13.0) > text_px("abc", 13.0) * 1.5);
        assert!(label_box_px("Forum", 13.0) >= MIN_BOX_PX);
        assert!(label_box_px(&"a very long title ".repeat(10), 13.0) <= MAX_BOX_PX);
    }

    #[test]
    fn every_dated_item_is_placed_once_and_boxes_on_a_row_never_overlap() {
        let ds = shipped();
        let items: Vec<&Item> = ds.items.iter().collect();
        let months = CursorMonths::of(ds.items.iter()).expect("dated items");
        for width in [300.0, 900.0, 1800.0] {
            for lang in Lang::ALL {
                let l = layout(&items, KINDS, &scale(&months, width), lang, 13.0);
                let mut placed: Vec<usize> =
                    l.lanes.iter().flat_map(|lane| lane.boxes.iter().map(|b| b.index)).collect();
                placed.extend(&l.undated);
                placed.sort_unstable();
                assert_eq!(placed, (0..items.len()).collect::<Vec<_>>(), "each item once at {width}px in {lang:?}");
                for lane in &l.lanes {
                    assert!(lane.boxes.iter().all(|b| items[b.index].kind == lane.kind));
                    for a in &lane.boxes {
                        assert!(a.row < lane.rows);
                        for b in lane.boxes.iter().filter(|b| b.row == a.row && b.index != a.index) {
                            let apart = a.x + a.width + GAP_PX <= b.x + 1e-9 || b.x + b.width + GAP_PX <= a.x + 1e-9;
                            assert!(apart, "{} and {} overlap at {width}px", items[a.index].id, items[b.index].id);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lanes_follow_the_kind_order_and_hold_items_by_date() {
        let ds = shipped();
        let items: Vec<&Item> = ds.items.iter().collect();
        let months = CursorMonths::of(ds.items.iter()).expect("dated items");
        let l = layout(&items, KINDS, &scale(&months, 1200.0), Lang::En, 13.0);
        let order: Vec<usize> =
            l.lanes.iter().map(|lane| KINDS.iter().position(|k| *k == lane.kind).unwrap()).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        for lane in &l.lanes {
            assert!(lane.boxes.windows(2).all(|w| w[0].start <= w[1].start));
        }
        // The same input gives the same layout.
        assert_eq!(l, layout(&items, KINDS, &scale(&months, 1200.0), Lang::En, 13.0));
        assert_eq!(l.undated.len(), ds.items.iter().filter(|i| span(&i.when).is_none()).count());
    }

    #[test]
    fn a_box_spans_its_days_and_at_least_its_title() {
        let ds = shipped();
        let items: Vec<&Item> = ds.items.iter().collect();
        let months = CursorMonths::of(ds.items.iter()).expect("dated items");
        let s = scale(&months, 20_000.0);
        let l = layout(&items, KINDS, &s, Lang::En, 13.0);
        let games = items.iter().position(|i| i.id == "winter-olympics-2022").unwrap();
        let b = l.lanes.iter().flat_map(|l| &l.boxes).find(|b| b.index == games).unwrap();
        let (a, z) = span(&items[games].when).unwrap();
        assert!((b.x - s.x(a as f64)).abs() < 1e-9);
        assert!(b.width >= s.x((z + 1) as f64) - s.x(a as f64) - 1e-9);
        assert!(b.width >= label_box_px(items[games].title.get(Lang::En), 13.0) - 1e-9);
    }
}
