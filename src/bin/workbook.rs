//! The dataset as a workbook and back, for editors who keep it in a spreadsheet program.
//!
//!     cargo run --bin workbook -- to-xlsx [public/data/cooperation.json] cooperation.xlsx
//!     cargo run --bin workbook -- to-json cooperation.xlsx [cooperation.json]
//!
//! `to-json` reads `.xlsx` or `.ods`, prints every finding by sheet, row and column (the
//! workbook's own and the dataset checker's), and writes the JSON only when there is no
//! error. Exits 0 on success, 1 otherwise.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelle::model::workbook_file::{read_workbook, write_xlsx};
    use passerelle::model::{parse_workbook, workbook};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: workbook to-xlsx [IN.json] OUT.xlsx | workbook to-json IN.xlsx|IN.ods [OUT.json]";
    let fail = |message: String| -> ! {
        eprintln!("{message}");
        std::process::exit(1)
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["to-xlsx", rest @ ..] if !rest.is_empty() && rest.len() <= 2 => {
            let (input, output) = match rest {
                [out] => ("public/data/cooperation.json", *out),
                [inp, out] => (*inp, *out),
                _ => unreachable!(),
            };
            let text = std::fs::read_to_string(input).unwrap_or_else(|e| fail(format!("{input}: cannot read: {e}")));
            // The dataset is checked first: a workbook is written of a valid dataset only.
            if let Err(e) = passerelle::model::parse_dataset(input, &text) {
                fail(e.to_string());
            }
            let root: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| fail(format!("{input}: {e}")));
            let bytes = write_xlsx(&root).unwrap_or_else(|e| fail(format!("{output}: {e}")));
            std::fs::write(output, &bytes).unwrap_or_else(|e| fail(format!("{output}: cannot write: {e}")));
            let sheets = workbook::Sheet::ALL.len() + 1;
            println!("{output}: {sheets} sheets, {} bytes", bytes.len());
        }
        ["to-json", input, rest @ ..] if rest.len() <= 1 => {
            let bytes = std::fs::read(input).unwrap_or_else(|e| fail(format!("{input}: cannot read: {e}")));
            let tables = read_workbook(&bytes).unwrap_or_else(|e| fail(format!("{input}: {e}")));
            let read = parse_workbook(input, &tables);
            for finding in &read.findings {
                println!("{input}: {finding}");
            }
            match read.json {
                Some(json) => {
                    let out = rest.first().copied().unwrap_or("cooperation.json");
                    std::fs::write(out, json).unwrap_or_else(|e| fail(format!("{out}: cannot write: {e}")));
                    println!("{out}: written from {input}");
                }
                None => fail(format!("{input}: not converted: {} findings, errors among them", read.findings.len())),
            }
        }
        _ => fail(usage.to_owned()),
    }
}

// Integration tests build every binary, also for wasm32; this one only runs natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
