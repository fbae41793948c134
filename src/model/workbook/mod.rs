//! The dataset as a workbook, for editors: a sheet per table (sources, sites, actors,
//! items, tours, tour steps, and the figures and citations that hang off records), one row
//! per record, one column per field and language (`title_fr`, `title_en`, `title_zh`).
//!
//! Plain data both ways: [`to_tables`] turns the dataset's JSON into tables of cells, and
//! [`from_tables`] turns tables back into the dataset's JSON, which the app's own reader
//! and checker then read (`parse_dataset`), so a workbook is held to exactly the rules of a
//! JSON file. Reading also keeps where each value came from ([`Locator`]): every finding,
//! the checker's as well as the workbook's own ([`Problem`]), is told by sheet, row (as a
//! spreadsheet program numbers it) and column (letter and header). The files themselves
//! (`.xlsx` written, `.xlsx`/`.ods` read) are `model::workbook_file`'s.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use super::{LoadError, Loaded, Severity, parse_dataset};

/// What separates the entries of a list in one cell (`region-aura | hebei-province`).
pub const LIST_SEPARATOR: char = '|';
/// The longest a cell may be, in characters (a spreadsheet program's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most rows a sheet may have.
pub const MAX_ROWS: usize = 20_000;

/// A cell as a spreadsheet file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date typed by a spreadsheet program, as `YYYY-MM-DD`.
    Date(String),
    /// A formula (its text), where the dataset wants a value.
    Formula(String),
    /// An error value such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: its name, where its first cell is (0-based row and column, as the file puts
/// it), and its rows, the first being the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub first_row: usize,
    pub first_col: usize,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: &str, rows: Vec<Vec<Cell>>) -> Self {
        Self { name: name.to_owned(), first_row: 0, first_col: 0, rows }
    }
}

mod sheets;
mod tables;

pub use sheets::{Column, Kind, Sheet, read_me_rows};
pub use tables::{FromTables, from_tables, to_tables};

/// The largest workbook file read, in bytes.
pub const MAX_WORKBOOK_BYTES: usize = 8_000_000;
/// The most its parts may unpack to, in bytes (a compression bomb stops here, unread).
pub const MAX_UNPACKED_BYTES: u64 = 64_000_000;
/// The most parts (files inside the zip) a workbook may have.
pub const MAX_PARTS: usize = 2_000;

/// Why a file cannot be read as a workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    TooLarge {
        bytes: usize,
    },
    /// Neither `.xlsx` nor `.ods` (nor a zip at all).
    NotAWorkbook,
    /// Its parts would unpack to more than [`MAX_UNPACKED_BYTES`].
    UnpacksTooLarge {
        bytes: u64,
    },
    TooManyParts {
        parts: usize,
    },
    /// A workbook, but damaged: what the reader said.
    Damaged {
        detail: String,
    },
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::TooLarge { bytes } => {
                write!(f, "the file is {bytes} bytes, more than the {MAX_WORKBOOK_BYTES} a workbook may be")
            }
            FileProblem::NotAWorkbook => write!(f, "not a spreadsheet (.xlsx or .ods)"),
            FileProblem::UnpacksTooLarge { bytes } => write!(
                f,
                "its parts would unpack to {bytes} bytes, more than {MAX_UNPACKED_BYTES} (a compression bomb?): not read"
            ),
            FileProblem::TooManyParts { parts } => write!(f, "{parts} parts inside, more than {MAX_PARTS}: not read"),
            FileProblem::Damaged { detail } => write!(f, "the workbook is damaged: {detail}"),
        }
    }
}

/// The letters of a column (0 → A, 25 → Z, 26 → AA).
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Where a value is in the workbook: a sheet, a row as a spreadsheet program numbers it
/// (from 1), and a column with its header (`None` for the whole row or sheet).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Place {
    pub sheet: String,
    pub row: Option<usize>,
    pub column: Option<(usize, String)>,
}

impl Place {
    fn sheet(sheet: &str) -> Self {
        Self { sheet: sheet.to_owned(), row: None, column: None }
    }
    fn cell(sheet: &str, row: usize, col: usize, header: &str) -> Self {
        Self { sheet: sheet.to_owned(), row: Some(row), column: Some((col, header.to_owned())) }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet {}", self.sheet)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some((col, header)) = &self.column {
            write!(f, ", column {} ({header})", column_letters(*col))?;
        }
        Ok(())
    }
}

/// A problem of the workbook itself, found before the dataset's checker runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    MissingSheet,
    UnknownSheet,
    MissingColumn { header: String },
    UnknownColumn,
    TooManyRows { rows: usize },
    EmptyRequired,
    Formula { formula: String },
    CellError { value: String },
    NotANumber { text: String },
    NotACount { text: String },
    TooLong { chars: usize },
    DuplicateId { id: String, first_row: usize },
    UnknownOwner { sheet: String, record: String },
    UnknownOwnerSheet { name: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::MissingSheet => write!(f, "this sheet is missing"),
            Problem::UnknownSheet => write!(f, "a sheet this workbook does not know (renamed?)"),
            Problem::MissingColumn { header } => write!(f, "the column {header} is missing"),
            Problem::UnknownColumn => write!(f, "a column this sheet does not know (renamed?)"),
            Problem::TooManyRows { rows } => write!(f, "{rows} rows, more than the {MAX_ROWS} a sheet may have"),
            Problem::EmptyRequired => write!(f, "empty, and every row must fill it"),
            Problem::Formula { formula } => write!(f, "a formula ({formula}) where a value belongs"),
            Problem::CellError { value } => write!(f, "an error value ({value})"),
            Problem::NotANumber { text } => write!(f, "\"{text}\" is not a number"),
            Problem::NotACount { text } => write!(f, "\"{text}\" is not a whole number from 1"),
            Problem::TooLong { chars } => {
                write!(f, "{chars} characters, more than the {MAX_CELL_CHARS} a cell may hold")
            }
            Problem::DuplicateId { id, first_row } => write!(f, "the id \"{id}\" is already used on row {first_row}"),
            Problem::UnknownOwner { sheet, record } => write!(f, "no record \"{record}\" in the sheet {sheet}"),
            Problem::UnknownOwnerSheet { name } => {
                write!(f, "\"{name}\" is not a sheet that has these (sites, items or tour_steps)")
            }
        }
    }
}

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub place: Place,
    pub problem: Problem,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

/// Where each value of the dataset's JSON came from: JSON path (`items[3].title.zh`, as the
/// checker names them) to its cell; a record's path to its first column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Locator(BTreeMap<String, Place>);

impl Locator {
    fn note(&mut self, path: String, place: Place) {
        self.0.entry(path).or_insert(place);
    }

    /// The place of a JSON path, or of the nearest enclosing value that has one.
    pub fn place(&self, path: &str) -> Option<&Place> {
        let mut path = path;
        loop {
            if let Some(p) = self.0.get(path) {
                return Some(p);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

/// The name of the sheet that explains the others.
pub const READ_ME: &str = "read_me";

/// A finding of a workbook, the workbook's own or the dataset checker's, and where it is
/// (`None`: the dataset as a whole).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Located {
    pub place: Option<Place>,
    pub severity: Severity,
    pub message: String,
    /// The record it is about, to show it: its collection (`items`, `sites`…) and id.
    pub record: Option<(String, String)>,
    /// The JSON path the checker named (`items[3].title.zh`); empty for a workbook's own.
    pub path: String,
}

impl Located {
    /// A finding of the dataset's checker, at the place the locator gives its path.
    pub fn of_issue(issue: &super::Issue, locator: Option<&Locator>) -> Self {
        let collection = issue.path.split(['[', '.']).next().unwrap_or_default().to_owned();
        Located {
            place: locator.and_then(|l| l.place(&issue.path)).cloned(),
            severity: issue.severity,
            message: issue.message.clone(),
            record: issue.record.clone().map(|id| (collection, id)),
            path: issue.path.clone(),
        }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.place {
            Some(place) => write!(f, "{severity}: {place}: {}", self.message),
            None => write!(f, "{severity}: {}", self.message),
        }
    }
}

/// What a workbook gave: every finding by place, and, when none is an error, the dataset
/// and its JSON to publish.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookRead {
    pub findings: Vec<Located>,
    pub loaded: Option<Loaded>,
    pub json: Option<String>,
}

/// The JSON to publish as an editor would write it: no `null` field (an absent one reads
/// the same), and whole numbers without a `.0`.
fn tidy(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, tidy(v))).collect())
        }
        Value::Array(list) => Value::Array(list.into_iter().map(tidy).collect()),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9e15 && !n.is_i64() && !n.is_u64() => Value::from(f as i64),
            _ => Value::Number(n),
        },
        other => other,
    }
}

/// Reads a workbook's tables as a dataset, held to the rules of the JSON file: the
/// workbook's own problems first (a sheet or column missing, a formula, an id used twice);
/// if there are none, the dataset's reader and checker, each finding put back on its cell.
pub fn parse_workbook(file: &str, tables: &[Table]) -> WorkbookRead {
    let read = from_tables(tables);
    if !read.findings.is_empty() {
        let findings = read
            .findings
            .iter()
            .map(|f| Located {
                place: Some(f.place.clone()),
                severity: Severity::Error,
                message: f.problem.to_string(),
                record: None,
                path: String::new(),
            })
            .collect();
        return WorkbookRead { findings, loaded: None, json: None };
    }
    let located = |issue: &super::Issue| Located::of_issue(issue, Some(&read.locator));
    let text = read.root.to_string();
    match parse_dataset(file, &text) {
        Ok(loaded) => {
            let json = serde_json::to_value(&loaded.dataset)
                .ok()
                .map(tidy)
                .and_then(|v| serde_json::to_string_pretty(&v).ok())
                .map(|j| j + "\n");
            WorkbookRead { findings: loaded.warnings.iter().map(located).collect(), loaded: Some(loaded), json }
        }
        Err(LoadError::Invalid { errors, .. }) => {
            WorkbookRead { findings: errors.iter().map(located).collect(), loaded: None, json: None }
        }
        Err(other) => WorkbookRead {
            findings: vec![Located {
                place: None,
                severity: Severity::Error,
                message: other.to_string(),
                record: None,
                path: String::new(),
            }],
            loaded: None,
            json: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(5), "F");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_place_reads_sheet_row_and_column() {
        let place = Place::cell("items", 14, 5, "title_zh");
        assert_eq!(place.to_string(), "sheet items, row 14, column F (title_zh)");
        assert_eq!(Place::sheet("sites").to_string(), "sheet sites");
    }

    #[test]
    fn the_locator_falls_back_to_the_enclosing_value() {
        let mut locator = Locator::default();
        locator.note("items[0]".into(), Place::cell("items", 2, 0, "id"));
        locator.note("items[0].title.zh".into(), Place::cell("items", 2, 4, "title_zh"));
        assert_eq!(locator.place("items[0].title.zh").unwrap().column.as_ref().unwrap().1, "title_zh");
        assert_eq!(locator.place("items[0].parties[2]").unwrap().column.as_ref().unwrap().1, "id");
        assert_eq!(locator.place("sites[3]"), None);
    }
}
