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
}
