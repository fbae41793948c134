//! Calendar dates known to a year, a month or a day, as the sources give them.

use std::fmt;

/// An ISO 8601 calendar date cut to what is known: `2018`, `2018-11` or `2018-11-29`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Years a dataset about this cooperation can sensibly mention.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar
    /// (months 1–12, the days of each month, leap years).
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("\"{text}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (number(y, 4)?, None, None),
            [y, m] => (number(y, 4)?, Some(number(m, 2)?), None),
            [y, m, d] => (number(y, 4)?, Some(number(m, 2)?), Some(number(d, 2)?)),
            _ => return Err(bad()),
        };
        let year = year as i32;
        if !YEARS.contains(&year) {
            return Err(format!("year {year} in \"{text}\" is outside {}–{}", YEARS.start(), YEARS.end()));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("\"{text}\" has month {m}, which does not exist"));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m as u8);
                if d == 0 || d > u32::from(last) {
                    return Err(format!("\"{text}\" has day {d}, but that month has {last} days"));
                }
            }
        }
        Ok(Self { year, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }

    /// The first day the date can mean, as (year, month, day).
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean, as (year, month, day).
    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2018", "2018-11", "2018-11-29", "2024-02-29"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        let err = |t: &str| PartialDate::parse(t).unwrap_err();
        assert_eq!(err("2018-13"), "\"2018-13\" has month 13, which does not exist");
        assert_eq!(err("2018-02-29"), "\"2018-02-29\" has day 29, but that month has 28 days");
        assert_eq!(err("1900-02-29"), "\"1900-02-29\" has day 29, but that month has 28 days");
        assert_eq!(err("2018-04-31"), "\"2018-04-31\" has day 31, but that month has 30 days");
        assert_eq!(err("2018-11-00"), "\"2018-11-00\" has day 0, but that month has 30 days");
        assert_eq!(err("1850"), "year 1850 in \"1850\" is outside 1900–2100");
        for bad in ["", "18", "2018-1", "2018/11/29", "2018-11-29T10:00", "29-11-2018", "２０１８", "2018-11-29-1"]
        {
            assert!(err(bad).contains("is not a date of the form"), "{bad}: {}", err(bad));
        }
    }

    #[test]
    fn partial_dates_span_their_whole_period() {
        let d = PartialDate::parse("2024-02").unwrap();
        assert_eq!((d.earliest(), d.latest()), ((2024, 2, 1), (2024, 2, 29)));
        let y = PartialDate::parse("2018").unwrap();
        assert_eq!((y.earliest(), y.latest()), ((2018, 1, 1), (2018, 12, 31)));
    }
}
