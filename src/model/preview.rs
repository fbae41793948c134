//! A dataset file an editor opens in the page to see it before publishing it: what was
//! read, what is wrong with it (each finding with its place), and the dataset to draw when
//! nothing stops it. Plain data: the page reads the file (`components::preview`), a `.json`
//! with the app's own reader, a workbook with the editor's module (`src/bin/editor.rs`),
//! whose answer is [`EditorRead`].

use std::sync::Arc;

use super::workbook::Located;
use super::{Dataset, LoadError, Severity, parse_dataset};

/// What the editor's module answers for a workbook file (as JSON).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct EditorRead {
    /// Why the file could not be read as a workbook at all, in English.
    pub file_problem: Option<String>,
    pub findings: Vec<Located>,
    /// The dataset's JSON, when no finding is an error.
    pub json: Option<String>,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// A `.json` that is not a dataset file (syntax, size, another schema…).
    Load(LoadError),
    /// A workbook that is not one, or is damaged, or too large: the English sentence.
    File(String),
    /// The editor's module, which reads workbooks, could not be fetched (the network?).
    Module,
}

/// Where the editor's preview is: none, a file being read, or a file open.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum PreviewState {
    #[default]
    None,
    Reading(String),
    Open(Arc<Preview>),
}

impl PreviewState {
    /// The dataset of the file open, when it can be drawn.
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        match self {
            PreviewState::Open(p) => p.dataset.clone(),
            _ => None,
        }
    }
}

/// A dataset compared by identity, not content: the same file open is the same dataset,
/// without comparing every record (to redraw only when another file is opened).
#[derive(Debug, Clone)]
pub struct SameDataset(pub Arc<Dataset>);

impl PartialEq for SameDataset {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A file opened in the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub file: String,
    pub unreadable: Option<Unreadable>,
    pub findings: Vec<Located>,
    /// The dataset to draw, when no finding is an error.
    pub dataset: Option<Arc<Dataset>>,
    /// The JSON to publish, when there is a dataset.
    pub json: Option<String>,
}

impl Preview {
    /// A `.json` dataset file, read and checked by the app's own reader.
    pub fn of_json(file: &str, text: &str) -> Self {
        let mut preview =
            Preview { file: file.to_owned(), unreadable: None, findings: vec![], dataset: None, json: None };
        match parse_dataset(file, text) {
            Ok(loaded) => {
                preview.findings = loaded.warnings.iter().map(|i| Located::of_issue(i, None)).collect();
                preview.dataset = Some(Arc::new(loaded.dataset));
                preview.json = Some(text.to_owned());
            }
            Err(LoadError::Invalid { errors, .. }) => {
                preview.findings = errors.iter().map(|i| Located::of_issue(i, None)).collect();
            }
            Err(other) => preview.unreadable = Some(Unreadable::Load(other)),
        }
        preview
    }

    /// A workbook, as the editor's module read it; its JSON is read again by the app's own
    /// reader (the dataset drawn is the one published).
    pub fn of_workbook(file: &str, read: EditorRead) -> Self {
        let mut preview =
            Preview { file: file.to_owned(), unreadable: None, findings: read.findings, dataset: None, json: None };
        if let Some(problem) = read.file_problem {
            preview.unreadable = Some(Unreadable::File(problem));
        } else if let Some(json) = read.json {
            match parse_dataset(file, &json) {
                Ok(loaded) => {
                    preview.dataset = Some(Arc::new(loaded.dataset));
                    preview.json = Some(json);
                }
                Err(e) => preview.unreadable = Some(Unreadable::Load(e)),
            }
        }
        preview
    }

    /// A file refused before it is read (too large to read in a page).
    pub fn refused(file: &str, reason: Unreadable) -> Self {
        Preview { file: file.to_owned(), unreadable: Some(reason), findings: vec![], dataset: None, json: None }
    }

    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../public/data/cooperation.json");

    #[test]
    fn a_valid_json_file_is_drawn_and_published_as_it_is() {
        let p = Preview::of_json("cooperation.json", SHIPPED);
        assert!(p.dataset.is_some());
        assert_eq!(p.json.as_deref(), Some(SHIPPED));
        assert_eq!((p.errors(), p.warnings(), p.unreadable), (0, 0, None));
    }

    #[test]
    fn a_json_file_with_errors_is_not_drawn_and_names_its_records() {
        let broken = SHIPPED.replacen("\"region-aura\"", "\"region-aura-x\"", 1);
        let p = Preview::of_json("mine.json", &broken);
        assert!(p.dataset.is_none() && p.json.is_none());
        assert!(p.errors() >= 1);
        assert!(p.findings.iter().all(|f| f.record.is_some()), "{:?}", p.findings);
    }

    #[test]
    fn a_file_that_is_not_a_dataset_says_why() {
        let p = Preview::of_json("notes.json", "{ not json");
        assert!(matches!(p.unreadable, Some(Unreadable::Load(LoadError::Syntax { .. }))));
        let p = Preview::of_workbook(
            "x.xlsx",
            EditorRead { file_problem: Some("not a spreadsheet (.xlsx or .ods)".into()), ..Default::default() },
        );
        assert_eq!(p.unreadable, Some(Unreadable::File("not a spreadsheet (.xlsx or .ods)".into())));
    }

    #[test]
    fn a_workbook_s_json_is_read_again_by_the_app() {
        let p = Preview::of_workbook("c.xlsx", EditorRead { json: Some(SHIPPED.into()), ..Default::default() });
        assert!(p.dataset.is_some() && p.unreadable.is_none());
    }
}
