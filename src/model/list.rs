//! The list of items (the timeline's other tab): its order by date and its pages. A long
//! list (a region's whole cooperation: thousands of items) is shown a page at a time, as a
//! data table does, rather than laid out whole: ten thousand rows took two seconds of the
//! browser's layout to open.

use std::ops::Range;

/// The rows of one page of the list.
pub const PAGE_ROWS: usize = 100;

/// Where an item stands in the list by date: dated items by their days (first, then last),
/// the earliest first or, not `ascending`, last; the undated after them all, by id. A key
/// to sort by, so that each item's dates are read once rather than at every comparison.
pub fn order_key(span: Option<(i64, i64)>, ascending: bool, id: &str) -> (bool, (i64, i64), &str) {
    match span {
        Some(days) if ascending => (false, days, ""),
        Some((first, last)) => (false, (-first, -last), ""),
        None => (true, (0, 0), id),
    }
}

/// How many pages `rows` rows make (one, however few).
pub fn pages(rows: usize) -> usize {
    rows.div_ceil(PAGE_ROWS).max(1)
}

/// The rows of page `page` (from 0) of a list of `rows`, the last page if it is beyond.
pub fn page_range(rows: usize, page: usize) -> Range<usize> {
    let page = page.min(pages(rows) - 1);
    page * PAGE_ROWS..((page + 1) * PAGE_ROWS).min(rows)
}

/// The page to show once the list or the selection changed: the selected item's (at
/// `selected`, its row in the list), so that a selection made on the map or the timeline
/// shows in the list too; else the first page of a list that was sorted or filtered
/// anew (`reordered`); else the page the reader was on, if the list still reaches it.
pub fn page_to_show(current: usize, rows: usize, selected: Option<usize>, reordered: bool) -> usize {
    match selected {
        Some(row) if row < rows => row / PAGE_ROWS,
        _ if reordered => 0,
        _ => current.min(pages(rows) - 1),
    }
}

/// A row's place in the list's scrolling box: its top and height, in the box's content
/// (as far down as the box scrolls), and the box's view of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowInView {
    /// The box's scroll top and the height it shows.
    pub scroll_top: f64,
    pub view_height: f64,
    /// The column headings that stay at the box's top (sticky) and hide what passes under.
    pub header: f64,
    pub row_top: f64,
    pub row_height: f64,
}

/// The scroll top that brings the row into view whole, by the least move (as the browser's
/// `scrollIntoView({ block: "nearest" })`, but in the list's box only, so that the page
/// itself, or the regional page that embeds the app, does not move); `None` when it is in
/// view already. A row taller than the view is shown from its top.
pub fn scroll_to_reveal(r: RowInView) -> Option<f64> {
    let (first_seen, last_seen) = (r.scroll_top + r.header, r.scroll_top + r.view_height);
    let to = if r.row_top < first_seen || r.row_height > r.view_height - r.header {
        r.row_top - r.header
    } else if r.row_top + r.row_height > last_seen {
        r.row_top + r.row_height - r.view_height
    } else {
        return None;
    };
    let to = to.max(0.0);
    (to != r.scroll_top).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::day_number;

    #[test]
    fn the_list_runs_by_date_either_way_with_the_undated_last_by_id() {
        let d = |y, m, dd| day_number(y, m, dd);
        let items = [
            ("c", Some((d(2019, 1, 1), d(2019, 1, 1)))),
            ("z", None),
            ("a", Some((d(2018, 5, 1), d(2018, 5, 31)))),
            ("b", Some((d(2018, 5, 1), d(2018, 5, 1)))),
            ("y", None),
        ];
        let sorted = |ascending: bool| {
            let mut ids: Vec<(&str, Option<(i64, i64)>)> = items.to_vec();
            ids.sort_by_cached_key(|&(id, s)| order_key(s, ascending, id));
            ids.into_iter().map(|(id, _)| id).collect::<Vec<_>>()
        };
        // Same first day: the shorter one first, earliest first; the other way round, last.
        assert_eq!(sorted(true), ["b", "a", "c", "y", "z"]);
        assert_eq!(sorted(false), ["c", "a", "b", "y", "z"]);
        // Equal dates keep the order they came in (the sort is stable).
        let twice = [("q", Some((5, 5))), ("p", Some((5, 5)))];
        let mut same = twice.to_vec();
        same.sort_by_cached_key(|&(id, s)| order_key(s, false, id));
        assert_eq!(same, twice);
    }

    #[test]
    fn pages_hold_every_row_once() {
        assert_eq!(pages(0), 1);
        assert_eq!(pages(23), 1);
        assert_eq!(pages(PAGE_ROWS), 1);
        assert_eq!(pages(PAGE_ROWS + 1), 2);
        assert_eq!(pages(10_000), 100);
        assert_eq!(page_range(23, 0), 0..23);
        assert_eq!(page_range(0, 0), 0..0);
        assert_eq!(page_range(250, 1), 100..200);
        assert_eq!(page_range(250, 2), 200..250);
        assert_eq!(page_range(250, 9), 200..250, "beyond the end: the last page");
        let all: Vec<usize> = (0..pages(250)).flat_map(|p| page_range(250, p)).collect();
        assert_eq!(all, (0..250).collect::<Vec<_>>());
    }

    #[test]
    fn the_page_follows_the_selection_else_starts_again_or_stays() {
        // A selection made elsewhere: its page, wherever the reader was.
        assert_eq!(page_to_show(0, 1000, Some(250), false), 2);
        assert_eq!(page_to_show(7, 1000, Some(0), true), 0);
        // Sorted the other way or filtered anew, nothing selected: back to the first page.
        assert_eq!(page_to_show(4, 1000, None, true), 0);
        // The selection cleared (or gone from the list): the reader stays where they were...
        assert_eq!(page_to_show(4, 1000, None, false), 4);
        assert_eq!(page_to_show(4, 1000, Some(5000), false), 4);
        // ...as far as the list still reaches.
        assert_eq!(page_to_show(4, 150, None, false), 1);
    }

    #[test]
    fn a_selected_row_is_scrolled_into_view_by_the_least_move() {
        // A box 300 high scrolled 1000 down, its headings 30 high: rows 1030..1300 are seen.
        let at = |row_top, row_height| RowInView {
            scroll_top: 1000.0,
            view_height: 300.0,
            header: 30.0,
            row_top,
            row_height,
        };
        assert_eq!(scroll_to_reveal(at(1100.0, 40.0)), None, "in view: nothing moves");
        assert_eq!(scroll_to_reveal(at(1030.0, 40.0)), None, "just below the headings");
        assert_eq!(scroll_to_reveal(at(1260.0, 40.0)), None, "just at the bottom");
        // Above, or under the headings: its top just below them.
        assert_eq!(scroll_to_reveal(at(400.0, 40.0)), Some(370.0));
        assert_eq!(scroll_to_reveal(at(1010.0, 40.0)), Some(980.0));
        // Below, or cut by the bottom: its bottom at the bottom.
        assert_eq!(scroll_to_reveal(at(1280.0, 40.0)), Some(1020.0));
        assert_eq!(scroll_to_reveal(at(5000.0, 40.0)), Some(4740.0));
        // Taller than the view below the headings: from its top.
        assert_eq!(scroll_to_reveal(at(1500.0, 400.0)), Some(1470.0));
        // Never above the box's top (the first row sits under the headings).
        let first = RowInView { scroll_top: 200.0, view_height: 300.0, header: 30.0, row_top: 30.0, row_height: 40.0 };
        assert_eq!(scroll_to_reveal(first), Some(0.0));
        assert_eq!(scroll_to_reveal(RowInView { scroll_top: 0.0, ..first }), None);
    }
}
