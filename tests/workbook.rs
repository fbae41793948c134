//! The dataset as a workbook: both ways without loss (the shipped and a synthetic
//! dataset, in tables and through real `.xlsx` bytes), every problem named by sheet, row
//! and column, and bad files refused with their reason.
#![cfg(not(target_arch = "wasm32"))]

use passerelle::model::workbook::{Cell, MAX_CELL_CHARS, Table, to_tables};
use passerelle::model::workbook_file::{FileProblem, MAX_WORKBOOK_BYTES, date_of_serial, read_workbook, write_xlsx};
use passerelle::model::{Dataset, Severity, parse_dataset, parse_workbook};
use serde_json::Value;

const SHIPPED: &str = include_str!("../public/data/cooperation.json");

fn dataset(text: &str) -> Dataset {
    parse_dataset("test.json", text).expect("a valid dataset").dataset
}

/// The tables of the shipped dataset.
fn shipped_tables() -> Vec<Table> {
    to_tables(&serde_json::from_str(SHIPPED).unwrap())
}

fn table<'a>(tables: &'a mut [Table], name: &str) -> &'a mut Table {
    tables.iter_mut().find(|t| t.name == name).unwrap()
}

fn col(tables: &[Table], sheet: &str, header: &str) -> usize {
    let t = tables.iter().find(|t| t.name == sheet).unwrap();
    t.rows[0].iter().position(|c| *c == Cell::Text(header.into())).unwrap()
}

/// The findings of a workbook, each as one line.
fn findings(tables: &[Table]) -> Vec<String> {
    parse_workbook("test.xlsx", tables).findings.iter().map(ToString::to_string).collect()
}

fn round_trip(text: &str) {
    let original = dataset(text);
    let root: Value = serde_json::from_str(text).unwrap();
    // In tables...
    // The same warnings as the JSON's (a synthetic site no item uses), no error.
    let warnings = parse_dataset("test.json", text).unwrap().warnings.len();
    let read = parse_workbook("test.xlsx", &to_tables(&root));
    assert!(read.findings.iter().all(|f| f.severity == Severity::Warning), "{:?}", read.findings);
    assert_eq!(read.findings.len(), warnings);
    assert!(read.findings.iter().all(|f| f.place.is_some()), "each warning on its row");
    assert!(read.loaded.as_ref().unwrap().dataset == original, "the same dataset from the tables");
    // ... through a real file ...
    let bytes = write_xlsx(&root).unwrap();
    let read = parse_workbook("test.xlsx", &read_workbook(&bytes).unwrap());
    assert_eq!(read.findings.len(), warnings);
    assert!(read.loaded.unwrap().dataset == original, "the same dataset from the .xlsx");
    // ... and the JSON it writes reads as the same dataset, written as an editor would.
    let json = read.json.unwrap();
    assert!(dataset(&json) == original, "the same dataset from the JSON written");
    assert!(!json.contains(": null") && !json.contains(".0,"), "no null field, no 900000.0");
}

#[test]
fn the_shipped_dataset_goes_to_a_workbook_and_back_the_same() {
    round_trip(SHIPPED);
}

#[test]
fn a_synthetic_dataset_goes_to_a_workbook_and_back_the_same() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_synthetic"))
        .args(["--sites", "400", "--links", "800"])
        .output()
        .expect("the synthetic dataset's generator runs");
    round_trip(&String::from_utf8(out.stdout).unwrap());
}

#[test]
fn the_workbook_explains_every_column_in_three_languages() {
    let bytes = write_xlsx(&serde_json::from_str(SHIPPED).unwrap()).unwrap();
    let tables = read_workbook(&bytes).unwrap();
    assert_eq!(tables[0].name, "read_me");
    let explained: Vec<(String, String)> = tables[0].rows[1..]
        .iter()
        .map(|r| match (&r[0], r.get(1)) {
            (Cell::Text(s), Some(Cell::Text(c))) => (s.clone(), c.clone()),
            (Cell::Text(s), _) => (s.clone(), String::new()),
            _ => panic!("a row of read_me without its sheet: {r:?}"),
        })
        .collect();
    for t in &tables[1..] {
        for header in &t.rows[0] {
            let Cell::Text(h) = header else { panic!("a header that is not text") };
            assert!(explained.contains(&(t.name.clone(), h.clone())), "{}.{h} is explained", t.name);
        }
    }
    // Three languages on every row.
    for r in &tables[0].rows[1..] {
        assert!(r[2..5].iter().all(|c| matches!(c, Cell::Text(s) if !s.is_empty())), "{r:?}");
    }
}

#[test]
fn a_date_typed_by_a_spreadsheet_program_is_read_as_its_day() {
    assert_eq!(date_of_serial(43433.0), "2018-11-29");
    assert_eq!(date_of_serial(44596.75), "2022-02-04");
    assert_eq!(date_of_serial(25569.0), "1970-01-01");
    let mut tables = shipped_tables();
    let start = col(&tables, "items", "start");
    let precision = col(&tables, "items", "precision");
    let items = table(&mut tables, "items");
    items.rows[1][start] = Cell::Date("2018-11-29".into());
    items.rows[1][precision] = Cell::Text("day".into());
    let read = parse_workbook("test.xlsx", &tables);
    assert_eq!(read.loaded.unwrap().dataset.items[0].when.start.as_deref(), Some("2018-11-29"));
}

#[test]
fn a_workbook_s_own_problems_are_named_by_sheet_row_and_column() {
    let mut t = shipped_tables();
    let zh = col(&t, "items", "title_zh");
    table(&mut t, "items").rows[0][zh] = Cell::Text("titre_zh".into());
    assert_eq!(
        findings(&t),
        [
            "error: sheet items, row 1, column E (titre_zh): a column this sheet does not know (renamed?)",
            "error: sheet items, row 1: the column title_zh is missing",
        ]
    );

    let mut t = shipped_tables();
    table(&mut t, "sites").rows[2][0] = Cell::Empty;
    assert_eq!(findings(&t), ["error: sheet sites, row 3, column A (id): empty, and every row must fill it"]);

    let mut t = shipped_tables();
    let lon = col(&t, "sites", "lon");
    table(&mut t, "sites").rows[1][lon] = Cell::Formula("=5+0.9".into());
    assert_eq!(findings(&t), ["error: sheet sites, row 2, column F (lon): a formula (=5+0.9) where a value belongs"]);

    let mut t = shipped_tables();
    let items = table(&mut t, "items");
    items.rows[2][0] = items.rows[1][0].clone();
    let Cell::Text(id) = items.rows[1][0].clone() else { panic!() };
    // The row that lost its id leaves its citations without a record: both are said.
    let found = findings(&t);
    assert_eq!(found[0], format!("error: sheet items, row 3, column A (id): the id \"{id}\" is already used on row 2"));
    assert!(
        found[1..].iter().all(|f| f.starts_with("error: sheet citations, row ") && f.contains("(record): no record")),
        "{found:?}"
    );

    let mut t = shipped_tables();
    table(&mut t, "figures").rows[1][1] = Cell::Text("nowhere".into());
    let owner = match &t.iter().find(|x| x.name == "figures").unwrap().rows[1][0] {
        Cell::Text(s) => s.clone(),
        _ => panic!(),
    };
    assert_eq!(
        findings(&t),
        [format!("error: sheet figures, row 2, column B (record): no record \"nowhere\" in the sheet {owner}")]
    );

    let mut t = shipped_tables();
    t.retain(|x| x.name != "actors");
    t.push(Table::new("Feuil1", vec![vec![Cell::Text("?".into())]]));
    assert_eq!(
        findings(&t),
        [
            "error: sheet Feuil1: a sheet this workbook does not know (renamed?)",
            "error: sheet actors: this sheet is missing"
        ]
    );

    let mut t = shipped_tables();
    let lat = col(&t, "sites", "lat");
    table(&mut t, "sites").rows[4][lat] = Cell::Text("north".into());
    let note = col(&t, "sites", "note_fr");
    table(&mut t, "sites").rows[5][note] = Cell::Text("x".repeat(100_000));
    assert_eq!(
        findings(&t),
        [
            "error: sheet sites, row 5, column G (lat): \"north\" is not a number".to_owned(),
            format!(
                "error: sheet sites, row 6, column {} (note_fr): 100000 characters, more than the {MAX_CELL_CHARS} a cell may hold",
                passerelle::model::workbook::column_letters(note)
            ),
        ]
    );
}

#[test]
fn the_checker_s_findings_land_on_their_cells() {
    let mut t = shipped_tables();
    let zh = col(&t, "items", "title_zh");
    let parties = col(&t, "items", "parties");
    // A text left empty (found as the file is read)...
    table(&mut t, "items").rows[13][zh] = Cell::Text(String::new());
    let found = parse_workbook("test.xlsx", &t).findings;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].place.as_ref().unwrap().to_string(), "sheet items, row 14, column E (title_zh)");
    assert_eq!(found[0].severity, Severity::Error);
    // ... and a reference to an actor no sheet has (found by the checker after).
    let mut t = shipped_tables();
    table(&mut t, "items").rows[2][parties] = Cell::Text("nobody".into());
    let found = parse_workbook("test.xlsx", &t).findings;
    assert_eq!(found.len(), 1, "{found:?}");
    let letters = passerelle::model::workbook::column_letters(parties);
    assert_eq!(found[0].place.as_ref().unwrap().to_string(), format!("sheet items, row 3, column {letters} (parties)"));
    assert!(found[0].message.contains("nobody"), "{}", found[0].message);
    // A bidirectional override is the checker's too, on its cell.
    let mut t = shipped_tables();
    let en = col(&t, "sites", "name_en");
    table(&mut t, "sites").rows[1][en] = Cell::Text("Cham\u{202E}béry".into());
    let found = parse_workbook("test.xlsx", &t).findings;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.as_ref().unwrap().to_string(), "sheet sites, row 2, column C (name_en)");
    assert!(found[0].message.contains("U+202E"), "{}", found[0].message);
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    assert_eq!(read_workbook(b"id,title\nx,y\n"), Err(FileProblem::NotAWorkbook));
    assert_eq!(
        read_workbook(&vec![0; MAX_WORKBOOK_BYTES + 1]),
        Err(FileProblem::TooLarge { bytes: MAX_WORKBOOK_BYTES + 1 })
    );
    // A compression bomb: a small zip whose one part unpacks to 200 MB, refused unread.
    let mut bomb = Vec::new();
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bomb));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..200 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(bomb.len() < 1_000_000, "the bomb is small: {}", bomb.len());
    assert!(matches!(read_workbook(&bomb), Err(FileProblem::UnpacksTooLarge { bytes }) if bytes >= 200 << 20));
    // A damaged workbook: the real file cut short.
    let bytes = write_xlsx(&serde_json::from_str(SHIPPED).unwrap()).unwrap();
    assert!(read_workbook(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn findings_read_in_the_page_s_language() {
    use passerelle::i18n::workbook_finding;
    use passerelle::model::Lang;
    let mut t = shipped_tables();
    let zh = col(&t, "items", "title_zh");
    table(&mut t, "items").rows[13][zh] = Cell::Text(String::new());
    let found = &parse_workbook("test.xlsx", &t).findings[0];
    assert_eq!(
        workbook_finding(Lang::Fr, found),
        "Feuille items, ligne 14, colonne E (title_zh) : le texte chinois manque"
    );
    assert_eq!(
        workbook_finding(Lang::En, found),
        "Sheet items, row 14, column E (title_zh): the Chinese text is missing"
    );
    assert_eq!(workbook_finding(Lang::Zh, found), "工作表 items，第 14 行，E 列（title_zh）：缺少中文文本");
}

#[test]
fn every_problem_of_a_workbook_is_translated() {
    use passerelle::i18n::is_translated;
    use passerelle::model::workbook::Problem;
    let problems = [
        Problem::MissingSheet,
        Problem::UnknownSheet,
        Problem::MissingColumn { header: "title_zh".into() },
        Problem::UnknownColumn,
        Problem::TooManyRows { rows: 30_000 },
        Problem::EmptyRequired,
        Problem::Formula { formula: "=A1".into() },
        Problem::CellError { value: "#DIV/0!".into() },
        Problem::NotANumber { text: "north".into() },
        Problem::NotACount { text: "0".into() },
        Problem::TooLong { chars: 40_000 },
        Problem::DuplicateId { id: "lyon".into(), first_row: 3 },
        Problem::UnknownOwner { sheet: "items".into(), record: "x".into() },
        Problem::UnknownOwnerSheet { name: "actors".into() },
    ];
    let files = [
        FileProblem::TooLarge { bytes: 9_000_000 },
        FileProblem::NotAWorkbook,
        FileProblem::UnpacksTooLarge { bytes: 1 << 30 },
        FileProblem::TooManyParts { parts: 5_000 },
        FileProblem::Damaged { detail: "invalid Zip archive".into() },
    ];
    for english in problems.iter().map(ToString::to_string).chain(files.iter().map(ToString::to_string)) {
        assert!(is_translated(&english), "no French and Chinese for: {english}");
    }
}
