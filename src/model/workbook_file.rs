//! The workbook's files: `.xlsx` written by `rust_xlsxwriter`, `.xlsx` and `.ods` read by
//! `calamine`, with the limits a file from anyone's computer needs (its size, what its zip
//! would unpack to, how many parts it has) checked before anything is unpacked. The
//! tables themselves are `model::workbook`'s.

use std::io::Cursor;

use calamine::{Data, Reader};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};
use serde_json::Value;

use super::workbook::{Cell, READ_ME, Table, read_me_rows, to_tables};
pub use super::workbook::{FileProblem, MAX_PARTS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES};

/// The dataset's JSON as an `.xlsx` file: the explaining sheet first, then a sheet per
/// table, headers bold and frozen, texts as text (a date stays as the sources give it).
pub fn write_xlsx(root: &Value) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let header =
        Format::new().set_bold().set_background_color(Color::RGB(0xDDE6EE)).set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap();
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();

    let sheet = book.add_worksheet().set_name(READ_ME).map_err(e)?;
    for (r, row) in read_me_rows().iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let format = if r == 0 { &header } else { &wrap };
            sheet.write_string_with_format(r as u32, c as u16, text, format).map_err(e)?;
        }
    }
    sheet.set_column_width(0, 12).map_err(e)?;
    sheet.set_column_width(1, 18).map_err(e)?;
    for c in 2..5 {
        sheet.set_column_width(c, 48).map_err(e)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(e)?;

    for table in to_tables(root) {
        let sheet = book.add_worksheet().set_name(&table.name).map_err(e)?;
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, col) = (r as u32, c as u16);
                match cell {
                    Cell::Text(s) if r == 0 => sheet.write_string_with_format(r, col, s, &header).map(|_| ()),
                    Cell::Text(s) | Cell::Date(s) => sheet.write_string(r, col, s).map(|_| ()),
                    Cell::Number(n) => sheet.write_number(r, col, *n).map(|_| ()),
                    Cell::Bool(b) => sheet.write_boolean(r, col, *b).map(|_| ()),
                    Cell::Empty | Cell::Formula(_) | Cell::Error(_) => Ok(()),
                }
                .map_err(e)?;
                let chars = match cell {
                    Cell::Text(s) => s.chars().count(),
                    _ => 8,
                };
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(chars.min(60));
            }
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w as f64 + 2.0).max(8.0)).map_err(e)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(e)?;
    }
    book.save_to_buffer().map_err(e)
}

/// The date of a spreadsheet's date serial (days since 1899-12-30), as `YYYY-MM-DD`.
pub fn date_of_serial(serial: f64) -> String {
    // 25,569 days from the serials' day 0 to 1970-01-01, the day numbers' own.
    let (year, month, day) = super::time::civil(serial.floor() as i64 - 25_569);
    format!("{year:04}-{month:02}-{day:02}")
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => Cell::Date(date_of_serial(d.as_f64())),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) => Cell::Date(s.chars().take(10).collect()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Checks what the zip would unpack to before anything is unpacked.
fn check_parts(bytes: &[u8]) -> Result<(), FileProblem> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| FileProblem::NotAWorkbook)?;
    if archive.len() > MAX_PARTS {
        return Err(FileProblem::TooManyParts { parts: archive.len() });
    }
    let mut archive = archive;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|e| FileProblem::Damaged { detail: e.to_string() })?;
        total = total.saturating_add(part.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(FileProblem::UnpacksTooLarge { bytes: total });
    }
    Ok(())
}

/// Reads a workbook file (`.xlsx` or `.ods`) into tables, one per sheet, formulas kept as
/// formulas (a formula is not a value of the dataset).
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Table>, FileProblem> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(FileProblem::TooLarge { bytes: bytes.len() });
    }
    check_parts(bytes)?;
    // An OpenDocument spreadsheet says so in its first part; anything else is read as
    // .xlsx (only these two: the readers of older formats would be code for nothing).
    let ods = bytes.len() > 73
        && &bytes[30..38] == b"mimetype"
        && bytes[38..].starts_with(b"application/vnd.oasis.opendocument.spreadsheet");
    if ods {
        let book: calamine::Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e: calamine::OdsError| FileProblem::Damaged { detail: e.to_string() })?;
        tables_of(book)
    } else {
        let book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
            calamine::XlsxError::Xml(_) | calamine::XlsxError::Zip(_) | calamine::XlsxError::FileNotFound(_) => {
                FileProblem::NotAWorkbook
            }
            other => FileProblem::Damaged { detail: other.to_string() },
        })?;
        tables_of(book)
    }
}

/// Every sheet of a workbook as a table.
fn tables_of<'a, R: Reader<Cursor<&'a [u8]>>>(mut book: R) -> Result<Vec<Table>, FileProblem>
where
    R::Error: std::fmt::Display,
{
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| FileProblem::Damaged { detail: e.to_string() })?;
        let formulas = book.worksheet_formula(&name).ok();
        let Some((row0, col0)) = range.start() else {
            tables.push(Table::new(&name, vec![]));
            continue;
        };
        let mut rows: Vec<Vec<Cell>> = range.rows().map(|r| r.iter().map(cell_of).collect()).collect();
        if let Some(formulas) = formulas
            && let Some((frow, fcol)) = formulas.start()
        {
            for (i, row) in formulas.rows().enumerate() {
                for (j, formula) in row.iter().enumerate() {
                    if formula.is_empty() {
                        continue;
                    }
                    let (r, c) = ((frow + i as u32) as i64 - row0 as i64, (fcol + j as u32) as i64 - col0 as i64);
                    if r < 0 || c < 0 {
                        continue;
                    }
                    let (r, c) = (r as usize, c as usize);
                    if rows.len() <= r {
                        rows.resize(r + 1, vec![]);
                    }
                    if rows[r].len() <= c {
                        rows[r].resize(c + 1, Cell::Empty);
                    }
                    rows[r][c] = Cell::Formula(format!("={formula}"));
                }
            }
        }
        tables.push(Table { name, first_row: row0 as usize, first_col: col0 as usize, rows });
    }
    Ok(tables)
}
