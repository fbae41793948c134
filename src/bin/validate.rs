//! Checks dataset files with the same code the app runs at load time.
//!
//!     cargo run --bin validate [FILE…]      (default: public/data/cooperation.json)
//!
//! Prints every error and warning; exits 0 when every file is valid, 1 otherwise.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelle::model::parse_dataset;

    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: validate [FILE…]   (default: public/data/cooperation.json)");
        return;
    }
    if files.is_empty() {
        files.push("public/data/cooperation.json".into());
    }
    let mut failed = false;
    for file in &files {
        let text = match std::fs::read(file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match parse_dataset(file, &text) {
            Ok(loaded) => {
                let ds = &loaded.dataset;
                for w in &loaded.warnings {
                    println!("{file}: warning: {w}.");
                }
                println!(
                    "{file}: valid: {} sources, {} sites, {} actors, {} items, {} warnings",
                    ds.sources.len(),
                    ds.sites.len(),
                    ds.actors.len(),
                    ds.items.len(),
                    loaded.warnings.len()
                );
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}

// Integration tests build every binary, also for wasm32; this one only runs natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
