//! Time on the timeline: day numbers, the span each item covers at its precision, a linear
//! time scale, and ticks from years down to months. Plain Rust, tested natively.

use super::dataset::When;
use super::date::PartialDate;

/// Days since 1970-01-01 (proleptic Gregorian), so dates subtract.
pub fn day_number(y: i32, m: u8, d: u8) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number.
pub fn civil(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// `YYYY-MM-DD` of a day number.
pub fn iso(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses `YYYY-MM-DD` (or a shorter partial date, taken at its first day).
pub fn parse_day(text: &str) -> Option<i64> {
    let (y, m, d) = PartialDate::parse(text).ok()?.earliest();
    Some(day_number(y, m, d))
}

/// The days an item covers, first and last inclusive, at the precision it is known: a
/// month-precise date covers its whole month. `None` when undated.
pub fn span(when: &When) -> Option<(i64, i64)> {
    let start = when.start.as_deref().and_then(|s| PartialDate::parse(s).ok());
    let end = when.end.as_deref().and_then(|s| PartialDate::parse(s).ok());
    let first = start.or(end)?;
    let last = end.or(start)?;
    let (a, b) = (first.earliest(), last.latest());
    Some((day_number(a.0, a.1, a.2), day_number(b.0, b.1, b.2)))
}

/// Whether what begins on day `start` has not begun yet at the time cursor `cursor`: the
/// one rule by which the map, the timeline and the list fade what is still to come. With
/// no cursor (every date shown) everything has begun, and so has what has no date.
pub fn not_begun(start: Option<i64>, cursor: Option<i64>) -> bool {
    matches!((start, cursor), (Some(s), Some(c)) if s > c)
}

/// Of marks sorted by their first day, the ones that have not begun at `cursor` are a
/// tail: where it starts.
pub fn first_not_begun(sorted_starts: &[i64], cursor: Option<i64>) -> usize {
    match cursor {
        Some(c) => sorted_starts.partition_point(|&s| !not_begun(Some(s), Some(c))),
        None => sorted_starts.len(),
    }
}

/// Of marks sorted by their first day, the ones a move of the cursor from `before` to
/// `after` fades or brings back (a step changes a handful, not all of them).
pub fn crossed(sorted_starts: &[i64], before: Option<i64>, after: Option<i64>) -> std::ops::Range<usize> {
    let (a, b) = (first_not_begun(sorted_starts, before), first_not_begun(sorted_starts, after));
    a.min(b)..a.max(b)
}

/// A linear map from days to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    /// The first and last day shown.
    pub from: f64,
    pub to: f64,
    /// The pixel range they map to.
    pub x0: f64,
    pub x1: f64,
}

impl TimeScale {
    pub fn x(&self, day: f64) -> f64 {
        self.x0 + (day - self.from) / (self.to - self.from).max(1e-9) * (self.x1 - self.x0)
    }

    pub fn day(&self, x: f64) -> f64 {
        self.from + (x - self.x0) / (self.x1 - self.x0).max(1e-9) * (self.to - self.from)
    }

    /// Zooms by `factor` about the day under pixel `x`, keeping at least `min_days` shown.
    pub fn zoom_about(&self, x: f64, factor: f64, min_days: f64, max_days: f64) -> Self {
        let at = self.day(x);
        let width = ((self.to - self.from) / factor).clamp(min_days, max_days);
        let share = (x - self.x0) / (self.x1 - self.x0).max(1e-9);
        Self { from: at - width * share, to: at + width * (1.0 - share), ..*self }
    }

    /// Moves the shown window by `dx` pixels.
    pub fn pan(&self, dx: f64) -> Self {
        let days = dx / (self.x1 - self.x0).max(1e-9) * (self.to - self.from);
        Self { from: self.from - days, to: self.to - days, ..*self }
    }
}

/// A tick on the first day of a month: its day number, year and month (1–12), and whether
/// it starts a year (labelled with the year and drawn stronger; the others are labelled
/// with the month, in the reader's language: see `i18n::tick_label`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub day: i64,
    pub year: i32,
    pub month: u8,
    pub major: bool,
}

/// Ticks for the shown window, at least `min_px` apart: every year (or every 2, 5, 10),
/// or every 6, 3 or 1 months when zoomed in.
pub fn ticks(scale: &TimeScale, min_px: f64) -> Vec<Tick> {
    let px_per_day = (scale.x1 - scale.x0) / (scale.to - scale.from).max(1e-9);
    let (from, to) = (scale.from.floor() as i64, scale.to.ceil() as i64);
    let (y0, _, _) = civil(from);
    let (y1, _, _) = civil(to);
    let month_steps = [1u8, 3, 6];
    if let Some(&step) = month_steps.iter().find(|&&s| f64::from(s) * 30.4 * px_per_day >= min_px) {
        let mut out = Vec::new();
        for y in y0..=y1 {
            for m in (1..=12).step_by(step as usize) {
                let day = day_number(y, m, 1);
                if day >= from && day <= to {
                    let major = m == 1;
                    out.push(Tick { day, year: y, month: m, major });
                }
            }
        }
        return out;
    }
    let step = [1, 2, 5, 10, 20, 50].into_iter().find(|s| f64::from(*s) * 365.25 * px_per_day >= min_px).unwrap_or(100);
    (y0..=y1 + 1)
        .filter(|y| y.rem_euclid(step) == 0)
        .map(|y| Tick { day: day_number(y, 1, 1), year: y, month: 1, major: true })
        .filter(|t| t.day >= from && t.day <= to)
        .collect()
}

/// A duration in seconds as a clock reads it: `mm:ss`, or `h:mm:ss` past an hour.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m:02}:{s:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_reads_minutes_and_hours() {
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(75), "01:15");
        assert_eq!(clock(3723), "1:02:03");
    }
    use crate::model::Precision;

    fn when(s: Option<&str>, e: Option<&str>, p: Precision) -> When {
        When { start: s.map(Into::into), end: e.map(Into::into), precision: p }
    }

    #[test]
    fn day_numbers_round_trip_and_subtract() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2022, 2, 20) - day_number(2022, 2, 4), 16);
        assert_eq!(day_number(2021, 1, 1) - day_number(2020, 1, 1), 366, "2020 is a leap year");
        for d in [-1000, 0, 17_000, 19_042, 40_000] {
            let (y, m, dd) = civil(d);
            assert_eq!(day_number(y, m, dd), d);
        }
        assert_eq!(iso(day_number(2018, 11, 29)), "2018-11-29");
        assert_eq!(parse_day("2018-11-29"), Some(day_number(2018, 11, 29)));
        assert_eq!(parse_day("2018-13-01"), None);
    }

    #[test]
    fn spans_cover_the_precision() {
        let d = |y, m, dd| day_number(y, m, dd);
        assert_eq!(span(&when(Some("2018-11-29"), None, Precision::Day)), Some((d(2018, 11, 29), d(2018, 11, 29))));
        assert_eq!(span(&when(Some("2018-05"), None, Precision::Month)), Some((d(2018, 5, 1), d(2018, 5, 31))));
        assert_eq!(span(&when(Some("2017"), None, Precision::Year)), Some((d(2017, 1, 1), d(2017, 12, 31))));
        assert_eq!(
            span(&when(Some("2022-02-04"), Some("2022-02-20"), Precision::Day)),
            Some((d(2022, 2, 4), d(2022, 2, 20)))
        );
        assert_eq!(span(&when(None, None, Precision::Unknown)), None);
    }

    #[test]
    fn the_scale_maps_both_ways_and_zooms_about_the_pointer() {
        let s = TimeScale { from: 0.0, to: 100.0, x0: 10.0, x1: 210.0 };
        assert_eq!(s.x(50.0), 110.0);
        assert_eq!(s.day(110.0), 50.0);
        let z = s.zoom_about(60.0, 2.0, 1.0, 1e6);
        assert!((z.day(60.0) - s.day(60.0)).abs() < 1e-9, "the day under the pointer stays");
        assert!((z.to - z.from - 50.0).abs() < 1e-9);
        let p = s.pan(20.0);
        assert!((p.from + 10.0).abs() < 1e-9);
        assert_eq!(s.zoom_about(60.0, 1e9, 7.0, 1e6).to - s.zoom_about(60.0, 1e9, 7.0, 1e6).from, 7.0);
    }

    #[test]
    fn ticks_go_from_years_to_months_as_you_zoom() {
        let (a, b) = (day_number(2017, 1, 1) as f64, day_number(2023, 1, 1) as f64);
        let wide = TimeScale { from: a, to: b, x0: 0.0, x1: 600.0 };
        let years: Vec<i32> = ticks(&wide, 60.0).into_iter().map(|t| t.year).collect();
        assert_eq!(years, [2017, 2018, 2019, 2020, 2021, 2022, 2023]);
        assert!(ticks(&wide, 60.0).iter().all(|t| t.major && t.month == 1));
        let narrow = TimeScale { from: a, to: b, x0: 0.0, x1: 200.0 };
        assert_eq!(ticks(&narrow, 60.0).len(), 3, "every two years: 2018, 2020, 2022");
        let close =
            TimeScale { from: day_number(2018, 1, 1) as f64, to: day_number(2019, 1, 1) as f64, x0: 0.0, x1: 1200.0 };
        let months: Vec<(i32, u8, bool)> =
            ticks(&close, 60.0).into_iter().map(|t| (t.year, t.month, t.major)).collect();
        assert_eq!(months.len(), 13);
        assert_eq!(months[0], (2018, 1, true));
        assert_eq!(months[1], (2018, 2, false));
        assert_eq!(months[12], (2019, 1, true));
    }

    #[test]
    fn a_cursor_move_crosses_only_the_marks_between_its_two_places() {
        let starts = [10, 20, 20, 30, 40];
        assert_eq!(crossed(&starts, Some(15), Some(25)), 1..3, "the two that begin on day 20");
        assert_eq!(crossed(&starts, Some(25), Some(15)), 1..3, "and back");
        assert_eq!(crossed(&starts, Some(20), Some(21)), 3..3, "nothing begins between");
        assert_eq!(crossed(&starts, None, Some(5)), 0..5, "a cursor set fades every later mark");
        assert_eq!(crossed(&starts, Some(30), None), 4..5);
        for (i, &s) in starts.iter().enumerate() {
            assert_eq!(i >= first_not_begun(&starts, Some(20)), not_begun(Some(s), Some(20)));
        }
    }

    #[test]
    fn what_begins_after_the_cursor_has_not_begun() {
        let day = day_number(2018, 11, 29);
        assert!(not_begun(Some(day + 1), Some(day)));
        assert!(!not_begun(Some(day), Some(day)), "what begins on the cursor's day has begun");
        assert!(!not_begun(Some(day - 1), Some(day)));
        assert!(!not_begun(Some(day), None), "no cursor: every date is shown");
        assert!(!not_begun(None, Some(day)), "undated: always shown");
    }
}
