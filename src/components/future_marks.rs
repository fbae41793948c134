//! The time cursor applied in place to elements that carry their first day
//! (`data-start`): the timeline's boxes and the list's rows. After each redraw they are
//! sorted by that day once; a cursor move then switches `is-future` only on the elements
//! whose first day it crossed (`model::time::crossed`): a step changes a handful of
//! 10,000, not all of them.

use crate::dom::{for_each, set_class};
use crate::model::time::{crossed, not_begun};

/// The elements sorted by their first day, and the cursor they show.
#[derive(Default)]
pub struct MarksByStart {
    starts: Vec<i64>,
    els: Vec<web_sys::Element>,
    cursor: Option<i64>,
}

impl MarksByStart {
    /// Shows `cursor` on the elements under `root` matching `selector`; whether there are any.
    pub fn follow(&mut self, root: &web_sys::Element, selector: &str, cursor: Option<i64>) -> bool {
        // Redrawn: the elements held are gone from the page (a redraw makes new ones).
        if self.els.first().is_none_or(|el| !el.is_connected()) {
            let mut marks: Vec<(i64, web_sys::Element)> = Vec::new();
            for_each(root, selector, |el| {
                let start = el.get_attribute("data-start").and_then(|s| s.parse().ok()).unwrap_or(i64::MIN);
                marks.push((start, el.clone()));
            });
            marks.sort_by_key(|m| m.0);
            (self.starts, self.els) = marks.into_iter().unzip();
            self.switch(0..self.els.len(), cursor);
        } else {
            self.switch(crossed(&self.starts, self.cursor, cursor), cursor);
        }
        !self.els.is_empty()
    }

    fn switch(&mut self, range: std::ops::Range<usize>, cursor: Option<i64>) {
        for i in range {
            set_class(&self.els[i], "is-future", not_begun(Some(self.starts[i]), cursor));
        }
        self.cursor = cursor;
    }
}
