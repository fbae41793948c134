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
