//! The editor's workbook module: a wasm module of its own, fetched only when an editor
//! opens a workbook in the preview or asks for one (`components::preview`), so that the
//! spreadsheet readers and writer (calamine, rust_xlsxwriter, zip) are never part of a
//! visitor's download. It reads and writes files only: what it read is checked again by the
//! app's own reader (the dataset's JSON it returns).
//!
//! Built by the post-build hook (`scripts/build/wasm.mjs`) beside the app's wasm.

#[cfg(target_arch = "wasm32")]
mod exports {
    use passerelle::model::preview::EditorRead;
    use passerelle::model::workbook::WorkbookRead;
    use passerelle::model::workbook_file::{read_workbook, write_xlsx};
    use wasm_bindgen::prelude::*;

    /// Reads a workbook file (`.xlsx` or `.ods`): an [`EditorRead`] as JSON.
    #[wasm_bindgen]
    pub fn read_workbook_file(name: &str, bytes: &[u8]) -> String {
        let read = match read_workbook(bytes) {
            Err(problem) => EditorRead { file_problem: Some(problem.to_string()), findings: vec![], json: None },
            Ok(tables) => {
                let WorkbookRead { findings, json, .. } = passerelle::model::parse_workbook(name, &tables);
                EditorRead { file_problem: None, findings, json }
            }
        };
        serde_json::to_string(&read).unwrap_or_default()
    }

    /// The `.xlsx` workbook of a dataset's JSON.
    #[wasm_bindgen]
    pub fn write_workbook_file(json: &str) -> Result<Vec<u8>, JsError> {
        let root: serde_json::Value = serde_json::from_str(json).map_err(|e| JsError::new(&e.to_string()))?;
        write_xlsx(&root).map_err(|e| JsError::new(&e))
    }
}

fn main() {}
