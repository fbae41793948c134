//! The corpus of broken datasets in `tests/fixtures/broken/`: each `NN-name.json` must be
//! refused with exactly the message in `NN-name.expected`, the text the app shows.

use std::path::Path;

use passerelle::model::parse_dataset;

#[test]
fn each_broken_dataset_gives_its_exact_message() {
    let dir = Path::new("tests/fixtures/broken");
    let mut cases: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures/broken exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} datasets; at least 30 are expected", cases.len());

    let mut failures = Vec::new();
    for path in &cases {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).expect("readable fixture");
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{name} has no {}", expected_path.display()));
        match parse_dataset(&name, &text) {
            Ok(_) => failures.push(format!("{name}: accepted, but it is broken")),
            Err(e) if e.to_string() != expected.trim_end() => {
                failures.push(format!("{name}:\n  expected: {}\n  got:      {e}", expected.trim_end()))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Whoever edits a dataset for a French or Chinese website reads every finding in their
/// language: each message of the corpus has a French and a Chinese sentence.
#[test]
fn each_finding_of_the_corpus_reads_in_french_and_chinese() {
    use passerelle::i18n::{finding, is_translated};
    use passerelle::model::{Lang, LoadError};
    let dir = Path::new("tests/fixtures/broken");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("tests/fixtures/broken exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let Err(LoadError::Invalid { errors, .. }) = parse_dataset("x.json", &text) else { continue };
        for issue in errors {
            seen += 1;
            assert!(is_translated(&issue.message), "{}: no translation of \"{}\"", path.display(), issue.message);
            for lang in [Lang::Fr, Lang::Zh] {
                assert_ne!(finding(lang, &issue.message), issue.message, "{lang:?}");
            }
        }
    }
    assert!(seen >= 25, "only {seen} findings in the corpus");
}
