//! Tables and the dataset's JSON, both ways: each record a row, each field a column; and
//! where each value read came from.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::{
    Cell, Column, Finding, Kind, LIST_SEPARATOR, Locator, MAX_CELL_CHARS, MAX_ROWS, Place, Problem, READ_ME, Sheet,
    Table,
};

// ---- JSON → tables --------------------------------------------------------------

fn at<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(record, |v, key| v.get(key))
}

fn cell_of(value: Option<&Value>, kind: Kind) -> Cell {
    match value {
        None | Some(Value::Null) => Cell::Empty,
        Some(Value::String(s)) => Cell::Text(s.clone()),
        Some(Value::Number(n)) => Cell::Number(n.as_f64().unwrap_or(f64::NAN)),
        Some(Value::Bool(b)) => Cell::Bool(*b),
        Some(Value::Array(list)) if kind == Kind::List => {
            let entries: Vec<String> =
                list.iter().map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())).collect();
            if entries.is_empty() { Cell::Empty } else { Cell::Text(entries.join(" | ")) }
        }
        Some(other) => Cell::Text(other.to_string()),
    }
}

fn header_row(sheet: Sheet) -> Vec<Cell> {
    sheet.columns().into_iter().map(|c| Cell::Text(c.header)).collect()
}

fn row_of(columns: &[Column], record: &Value, fixed: &[Cell]) -> Vec<Cell> {
    let mut row = fixed.to_vec();
    row.extend(columns[fixed.len()..].iter().map(|c| cell_of(at(record, &c.path), c.kind)));
    row
}

/// The sheets whose rows are the dataset's records, with the dataset's key for them (the
/// others' rows belong to these records).
const RECORD_SHEETS: [(Sheet, &str); 5] = [
    (Sheet::Sources, "sources"),
    (Sheet::Sites, "sites"),
    (Sheet::Actors, "actors"),
    (Sheet::Items, "items"),
    (Sheet::Tours, "tours"),
];

/// The dataset's JSON as the workbook's tables, in [`Sheet::ALL`]'s order.
pub fn to_tables(root: &Value) -> Vec<Table> {
    let list = |key: &str| root.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut tables: BTreeMap<Sheet, Vec<Vec<Cell>>> = Sheet::ALL.iter().map(|&s| (s, vec![header_row(s)])).collect();
    let text = |s: &str| Cell::Text(s.to_owned());
    for (sheet, key) in RECORD_SHEETS {
        let columns = sheet.columns();
        for record in list(key) {
            tables.get_mut(&sheet).unwrap().push(row_of(&columns, &record, &[]));
            let id = record.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            for figure in record.get("figures").and_then(Value::as_array).into_iter().flatten() {
                let row = row_of(&Sheet::Figures.columns(), figure, &[text(key), text(&id)]);
                tables.get_mut(&Sheet::Figures).unwrap().push(row);
            }
            if sheet == Sheet::Items {
                for citation in record.get("sources").and_then(Value::as_array).into_iter().flatten() {
                    let row = row_of(&Sheet::Citations.columns(), citation, &[text(key), text(&id), Cell::Empty]);
                    tables.get_mut(&Sheet::Citations).unwrap().push(row);
                }
            }
            if sheet == Sheet::Tours {
                for (n, step) in record.get("steps").and_then(Value::as_array).into_iter().flatten().enumerate() {
                    let number = Cell::Number((n + 1) as f64);
                    let row = row_of(&Sheet::TourSteps.columns(), step, &[text(&id), number.clone()]);
                    tables.get_mut(&Sheet::TourSteps).unwrap().push(row);
                    for citation in step.get("sources").and_then(Value::as_array).into_iter().flatten() {
                        let fixed = [text("tour_steps"), text(&id), number.clone()];
                        tables.get_mut(&Sheet::Citations).unwrap().push(row_of(
                            &Sheet::Citations.columns(),
                            citation,
                            &fixed,
                        ));
                    }
                }
            }
        }
    }
    tables.into_iter().map(|(sheet, rows)| Table::new(sheet.name(), rows)).collect()
}

// ---- tables → JSON --------------------------------------------------------------

/// What reading the tables gave: the dataset's JSON (to be read and checked by
/// `parse_dataset`), where each value came from, and the workbook's own problems.
#[derive(Debug, Clone, PartialEq)]
pub struct FromTables {
    pub root: Value,
    pub locator: Locator,
    pub findings: Vec<Finding>,
}

/// A sheet's rows as records: each record's fields, with where each came from.
struct Rows<'a> {
    table: &'a Table,
    /// Column of the table for each of the sheet's columns.
    found: Vec<Option<usize>>,
    columns: Vec<Column>,
}

fn set_path(record: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            record.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = record.entry(head.to_owned()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = inner {
                set_path(map, rest, value);
            }
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// A cell as the JSON value of a column, or the problem it has.
fn value_of(cell: &Cell, kind: Kind) -> Result<Option<Value>, Problem> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Formula(formula) => return Err(Problem::Formula { formula: formula.clone() }),
        Cell::Error(value) => return Err(Problem::CellError { value: value.clone() }),
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => number_text(*n),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(d) => d.clone(),
    };
    let chars = text.chars().count();
    if chars > MAX_CELL_CHARS {
        return Err(Problem::TooLong { chars });
    }
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(match kind {
        Kind::Text => Value::String(text),
        Kind::List => Value::Array(
            text.split(LIST_SEPARATOR)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        ),
        Kind::Number => match cell {
            Cell::Number(n) => Value::from(*n),
            _ => match text.trim().replace(',', ".").parse::<f64>() {
                Ok(n) if n.is_finite() => Value::from(n),
                _ => return Err(Problem::NotANumber { text }),
            },
        },
        Kind::Count => match text.trim().parse::<f64>() {
            Ok(n) if n >= 1.0 && n.fract() == 0.0 && n < 1e9 => Value::from(n as u64),
            _ => return Err(Problem::NotACount { text }),
        },
    }))
}

impl<'a> Rows<'a> {
    fn new(table: &'a Table, sheet: Sheet, findings: &mut Vec<Finding>) -> Self {
        let columns = sheet.columns();
        let header: Vec<String> = table
            .rows
            .first()
            .map(|r| {
                r.iter().map(|c| if let Cell::Text(s) = c { s.trim().to_owned() } else { String::new() }).collect()
            })
            .unwrap_or_default();
        let found: Vec<Option<usize>> = columns.iter().map(|c| header.iter().position(|h| *h == c.header)).collect();
        let header_row = table.first_row + 1;
        for (i, h) in header.iter().enumerate() {
            if !h.is_empty() && !columns.iter().any(|c| c.header == *h) {
                findings.push(Finding {
                    place: Place::cell(&table.name, header_row, table.first_col + i, h),
                    problem: Problem::UnknownColumn,
                });
            }
        }
        for (c, f) in columns.iter().zip(&found) {
            if f.is_none() && c.required {
                findings.push(Finding {
                    place: Place { row: Some(header_row), ..Place::sheet(&table.name) },
                    problem: Problem::MissingColumn { header: c.header.clone() },
                });
            }
        }
        if table.rows.len() > MAX_ROWS {
            findings.push(Finding {
                place: Place::sheet(&table.name),
                problem: Problem::TooManyRows { rows: table.rows.len() },
            });
        }
        Self { table, found, columns }
    }

    /// The data rows that are not empty, with their row number, up to the limit.
    fn records(&self) -> impl Iterator<Item = (usize, &'a Vec<Cell>)> + '_ {
        let first = self.table.first_row;
        self.table
            .rows
            .iter()
            .enumerate()
            .skip(1)
            .take(MAX_ROWS)
            .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
            .map(move |(i, r)| (first + i + 1, r))
    }

    fn cell(&self, row: &'a [Cell], col: usize) -> &'a Cell {
        self.found[col].and_then(|i| row.get(i)).unwrap_or(&Cell::Empty)
    }

    fn place(&self, row: usize, col: usize) -> Place {
        let at = self.found[col].unwrap_or(0);
        Place::cell(&self.table.name, row, self.table.first_col + at, &self.columns[col].header)
    }

    /// One row as a record: the fields of the columns from `from` on. `path` is the
    /// record's JSON path, for the locator.
    fn record(
        &self,
        row_number: usize,
        row: &'a [Cell],
        from: usize,
        path: &str,
        locator: &mut Locator,
        findings: &mut Vec<Finding>,
    ) -> Map<String, Value> {
        let mut record = Map::new();
        locator.note(path.to_owned(), self.place(row_number, from.min(self.columns.len() - 1)));
        let mut languages: BTreeSet<String> = BTreeSet::new();
        for col in from..self.columns.len() {
            let column = &self.columns[col];
            if column.path.is_empty() {
                continue;
            }
            let place = self.place(row_number, col);
            // The field's own path and the object it is in (`title`, `when`).
            let mut prefix = path.to_owned();
            for part in column.path.split('.') {
                prefix = format!("{prefix}.{part}");
                locator.note(prefix.clone(), place.clone());
            }
            match value_of(self.cell(row, col), column.kind) {
                Ok(Some(value)) => set_path(&mut record, &column.path, value),
                // An empty list is a list with nothing in it (the dataset wants the field).
                Ok(None) if column.kind == Kind::List && self.found[col].is_some() => {
                    set_path(&mut record, &column.path, Value::Array(vec![]))
                }
                // A text in three languages left empty is the checker's to name ("the
                // Chinese text is missing"); other required cells are said here.
                Ok(None) if column.required && self.found[col].is_some() && !column.is_localized() => {
                    findings.push(Finding { place, problem: Problem::EmptyRequired })
                }
                Ok(None) => {}
                Err(problem) => findings.push(Finding { place, problem }),
            }
            if column.is_localized()
                && let Some((field, _)) = column.path.rsplit_once('.')
            {
                languages.insert(field.to_owned());
            }
        }
        // A text in three languages with one of them filled has all three: an empty one is
        // then the checker's "empty text" on its own cell, not a missing field.
        for field in languages {
            if let Some(Value::Object(texts)) = record.get_mut(&field) {
                for lang in ["fr", "en", "zh"] {
                    texts.entry(lang).or_insert_with(|| Value::String(String::new()));
                }
            }
        }
        record
    }
}

/// A required cell left empty, or `problem` of what it holds.
fn empty_or(text: String, problem: impl FnOnce(String) -> Problem) -> Problem {
    if text.is_empty() { Problem::EmptyRequired } else { problem(text) }
}

fn text_in(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.trim().to_owned(),
        Cell::Number(n) => number_text(*n),
        _ => String::new(),
    }
}

/// The workbook's tables as the dataset's JSON. Sheets are found by name; the explaining
/// sheet (and any sheet named `read_me`) is skipped.
pub fn from_tables(tables: &[Table]) -> FromTables {
    let mut findings = Vec::new();
    let mut locator = Locator::default();
    let mut by_sheet: BTreeMap<Sheet, &Table> = BTreeMap::new();
    for table in tables {
        match Sheet::from_name(&table.name) {
            Some(sheet) => {
                by_sheet.entry(sheet).or_insert(table);
            }
            None if table.name.trim() == READ_ME => {}
            None => findings.push(Finding { place: Place::sheet(&table.name), problem: Problem::UnknownSheet }),
        }
    }
    for sheet in Sheet::ALL {
        if sheet.required() && !by_sheet.contains_key(&sheet) {
            findings.push(Finding { place: Place::sheet(sheet.name()), problem: Problem::MissingSheet });
        }
    }
    let mut root = Map::new();
    root.insert("schema".into(), Value::from(1));
    // Records of the four tables and tours; each id's row and place in its list (the first,
    // for an id used twice).
    let mut ids: BTreeMap<Sheet, BTreeMap<String, (usize, usize)>> = BTreeMap::new();
    let mut records: BTreeMap<Sheet, Vec<Map<String, Value>>> = BTreeMap::new();
    for (sheet, key) in RECORD_SHEETS {
        let mut list = Vec::new();
        if let Some(table) = by_sheet.get(&sheet) {
            let rows = Rows::new(table, sheet, &mut findings);
            for (row_number, row) in rows.records() {
                let path = format!("{key}[{}]", list.len());
                let record = rows.record(row_number, row, 0, &path, &mut locator, &mut findings);
                if let Some(id) = record.get("id").and_then(Value::as_str) {
                    let seen = ids.entry(sheet).or_default();
                    match seen.get(id) {
                        Some(&(first_row, _)) => findings.push(Finding {
                            place: rows.place(row_number, 0),
                            problem: Problem::DuplicateId { id: id.to_owned(), first_row },
                        }),
                        None => {
                            seen.insert(id.to_owned(), (row_number, list.len()));
                        }
                    }
                }
                list.push(record);
            }
        }
        records.insert(sheet, list);
    }
    let index = |sheet: Sheet, id: &str| ids.get(&sheet).and_then(|m| m.get(id)).map(|&(_, at)| at);

    // Tour steps, in their tours, ordered by their number.
    // By tour: each step's number, its record, and where its values came from (noted under
    // its path once the steps are in order).
    type Step = (u64, Map<String, Value>, Locator);
    let mut steps: BTreeMap<usize, Vec<Step>> = BTreeMap::new();
    if let Some(table) = by_sheet.get(&Sheet::TourSteps) {
        let rows = Rows::new(table, Sheet::TourSteps, &mut findings);
        for (row_number, row) in rows.records() {
            let tour = text_in(rows.cell(row, 0));
            let number = value_of(rows.cell(row, 1), Kind::Count).ok().flatten().and_then(|v| v.as_u64());
            let Some(t) = index(Sheet::Tours, &tour) else {
                let problem = empty_or(tour, |record| Problem::UnknownOwner { sheet: "tours".into(), record });
                findings.push(Finding { place: rows.place(row_number, 0), problem });
                continue;
            };
            let Some(number) = number else {
                let problem = match rows.cell(row, 1) {
                    c if c.is_empty() => Problem::EmptyRequired,
                    c => Problem::NotACount { text: text_in(c) },
                };
                findings.push(Finding { place: rows.place(row_number, 1), problem });
                continue;
            };
            // Its places are noted under its path once the steps are in order.
            let mut places = Locator::default();
            let record = rows.record(row_number, row, 2, "", &mut places, &mut findings);
            steps.entry(t).or_default().push((number, record, places));
        }
    }
    for (t, mut list) in steps {
        list.sort_by_key(|(n, _, _)| *n);
        let mut out = Vec::new();
        for (i, (_, record, places)) in list.into_iter().enumerate() {
            for (rest, place) in places.0 {
                locator.note(format!("tours[{t}].steps[{i}]{rest}"), place);
            }
            out.push(Value::Object(record));
        }
        records.get_mut(&Sheet::Tours).unwrap()[t].insert("steps".into(), Value::Array(out));
    }

    // Figures and citations, appended to their records in row order.
    for sheet in [Sheet::Figures, Sheet::Citations] {
        let Some(table) = by_sheet.get(&sheet) else { continue };
        let rows = Rows::new(table, sheet, &mut findings);
        let field = if sheet == Sheet::Figures { "figures" } else { "sources" };
        let from = if sheet == Sheet::Figures { 2 } else { 3 };
        for (row_number, row) in rows.records() {
            let owner = text_in(rows.cell(row, 0));
            let record_id = text_in(rows.cell(row, 1));
            let target = match owner.as_str() {
                "sites" => Some((Sheet::Sites, "sites")),
                "items" => Some((Sheet::Items, "items")),
                "tour_steps" if sheet == Sheet::Citations => Some((Sheet::Tours, "tours")),
                _ => None,
            };
            let Some((owner_sheet, key)) = target else {
                let problem = empty_or(owner, |name| Problem::UnknownOwnerSheet { name });
                findings.push(Finding { place: rows.place(row_number, 0), problem });
                continue;
            };
            let Some(r) = index(owner_sheet, &record_id) else {
                let problem =
                    empty_or(record_id, |record| Problem::UnknownOwner { sheet: owner_sheet.name().into(), record });
                findings.push(Finding { place: rows.place(row_number, 1), problem });
                continue;
            };
            let target_record = &mut records.get_mut(&owner_sheet).unwrap()[r];
            let (holder, base) = if owner_sheet == Sheet::Tours {
                let number = value_of(rows.cell(row, 2), Kind::Count).ok().flatten().and_then(|v| v.as_u64());
                let steps = target_record.get_mut("steps").and_then(Value::as_array_mut);
                let found = number.zip(steps).and_then(|(n, steps)| {
                    let i = (n as usize).checked_sub(1)?;
                    steps.get_mut(i).and_then(Value::as_object_mut).map(|s| (s, format!("{key}[{r}].steps[{i}]")))
                });
                match found {
                    Some(found) => found,
                    None => {
                        let problem = empty_or(text_in(rows.cell(row, 2)), |step| Problem::UnknownOwner {
                            sheet: "tour_steps".into(),
                            record: format!("{record_id} {step}"),
                        });
                        findings.push(Finding { place: rows.place(row_number, 2), problem });
                        continue;
                    }
                }
            } else {
                (target_record, format!("{key}[{r}]"))
            };
            let list = holder.entry(field).or_insert_with(|| Value::Array(vec![]));
            let Value::Array(list) = list else { continue };
            let path = format!("{base}.{field}[{}]", list.len());
            let record = rows.record(row_number, row, from, &path, &mut locator, &mut findings);
            list.push(Value::Object(record));
        }
    }

    for (sheet, key) in RECORD_SHEETS {
        let mut list = records.remove(&sheet).unwrap_or_default();
        if sheet == Sheet::Tours {
            for tour in &mut list {
                tour.entry("steps").or_insert_with(|| Value::Array(vec![]));
            }
        }
        root.insert(key.into(), Value::Array(list.into_iter().map(Value::Object).collect()));
    }
    FromTables { root: Value::Object(root), locator, findings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_values_by_kind() {
        assert_eq!(value_of(&Cell::Number(2018.0), Kind::Text), Ok(Some(Value::String("2018".into()))));
        assert_eq!(
            value_of(&Cell::Date("2018-11-29".into()), Kind::Text),
            Ok(Some(Value::String("2018-11-29".into())))
        );
        assert_eq!(
            value_of(&Cell::Text(" a | b ||c ".into()), Kind::List),
            Ok(Some(Value::Array(vec!["a".into(), "b".into(), "c".into()])))
        );
        assert_eq!(value_of(&Cell::Text("45,5".into()), Kind::Number), Ok(Some(Value::from(45.5))));
        assert_eq!(
            value_of(&Cell::Text("north".into()), Kind::Number),
            Err(Problem::NotANumber { text: "north".into() })
        );
        assert_eq!(value_of(&Cell::Number(0.0), Kind::Count), Err(Problem::NotACount { text: "0".into() }));
        assert_eq!(
            value_of(&Cell::Formula("=1+1".into()), Kind::Text),
            Err(Problem::Formula { formula: "=1+1".into() })
        );
        assert_eq!(value_of(&Cell::Text("   ".into()), Kind::Text), Ok(None));
        let long = "x".repeat(MAX_CELL_CHARS + 1);
        assert_eq!(value_of(&Cell::Text(long), Kind::Text), Err(Problem::TooLong { chars: MAX_CELL_CHARS + 1 }));
    }
}
