//! Writes the first screen at build time, with the app's own components rendered natively
//! (Leptos' server-side rendering): see `passerelle::poster`.
//!
//!     cargo run --features prerender --bin prerender -- DATASET OUT_DIR

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, out] = args.as_slice() else {
        eprintln!("usage: prerender DATASET OUT_DIR");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(dataset).unwrap_or_else(|e| {
        eprintln!("{dataset}: cannot read: {e}");
        std::process::exit(1);
    });
    let loaded = passerelle::model::parse_dataset(dataset, &text).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let mut files = passerelle::poster::write(&loaded.dataset);
    // Found clean (no error, no warning): the page carries the text's fingerprint, and the
    // app reads exactly this text without checking it again (model::load::read_checked).
    if loaded.warnings.is_empty() {
        files.push(("checked.txt".into(), format!("{:016x}", passerelle::model::fingerprint(&text))));
        // And its editions, one per language (model::edition), each with its fingerprint:
        // what a reader's page reads first. Only of a text found clean: an edition lacks
        // the other languages, which the checker would find missing.
        let mut prints = Vec::new();
        for lang in passerelle::model::Lang::ALL {
            let edition = edition_text(&text, &loaded.dataset, lang);
            prints.push(format!("{}:{:016x}", lang.code(), passerelle::model::fingerprint(&edition)));
            files.push((format!("editions/{}.json", lang.code()), edition));
        }
        files.push(("editions.txt".into(), prints.join(" ")));
    } else {
        eprintln!("prerender: {dataset} has warnings: the app will check it in every browser");
    }
    std::fs::create_dir_all(out).expect("the output folder can be made");
    for (name, body) in files {
        let path = std::path::Path::new(out).join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
        }
        std::fs::write(&path, body).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("prerender: {}", path.display());
    }
}

/// The edition of the dataset `text` in `lang`, checked against the whole: read as the app
/// reads it, it holds the same records with the same texts in `lang`.
fn edition_text(text: &str, whole: &passerelle::model::Dataset, lang: passerelle::model::Lang) -> String {
    use passerelle::model::edition::{edition_json, texts};
    let tree: serde_json::Value = serde_json::from_str(text).expect("a text found clean is JSON");
    let edition = serde_json::to_string(&edition_json(&tree, lang)).expect("JSON writes");
    let read = passerelle::model::read_checked("edition", &edition).expect("an edition reads").dataset;
    let same = texts(whole).iter().map(|t| t.own(lang)).eq(texts(&read).iter().map(|t| t.own(lang)));
    assert!(same && whole.items.len() == read.items.len(), "the {lang:?} edition is not the dataset's");
    edition
}
