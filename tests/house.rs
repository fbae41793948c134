//! House rules the code keeps by itself: the modules of `src/` import each other in one
//! direction only. A circle (a module that uses one that uses it back) is how a pure core
//! starts reaching up into the page; this test names the circle the moment it appears.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file under `dir`, with its path relative to `src/`.
fn rust_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/ is readable").map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The top-level module a file of `src/` belongs to (`components/map/layers.rs` →
/// `components`), or `None` for the crate's roots and binaries.
fn module_of(rel: &str) -> Option<String> {
    let first = rel.split('/').next()?.trim_end_matches(".rs");
    (!matches!(first, "lib" | "main" | "bin")).then(|| first.to_owned())
}

/// The top-level modules each module names as `crate::<module>` outside comments.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new("src");
    let mut files = Vec::new();
    rust_files(root, root, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|(rel, _)| module_of(rel)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for (rel, text) in &files {
        let Some(from) = module_of(rel) else { continue };
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            for (at, _) in code.match_indices("crate::") {
                let name: String =
                    code[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if name != from && modules.contains(&name) {
                    graph.get_mut(&from).unwrap().insert(name);
                }
            }
        }
    }
    graph
}

/// A circle of the graph, as the modules along it, if there is one.
fn find_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in &graph[node] {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|start| visit(start, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_import_each_other_in_one_direction() {
    let graph = module_graph();
    assert!(graph.len() > 5, "the modules of src/ were found: {graph:?}");
    if let Some(circle) = find_circle(&graph) {
        panic!("modules that import each other back: {}", circle.join(" -> "));
    }
}

#[test]
fn the_pure_core_never_reaches_up_to_the_page() {
    let graph = module_graph();
    let browser = ["app", "components", "dom", "state", "url_sync", "embed", "channel", "fatal", "loader"];
    for core in ["model", "geo", "i18n", "collections"] {
        let up: Vec<_> = graph[core].iter().filter(|m| browser.contains(&m.as_str())).collect();
        assert!(up.is_empty(), "{core} uses {up:?}, which belong to the browser side");
    }
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let edges = |list: &[(&str, &[&str])]| -> BTreeMap<String, BTreeSet<String>> {
        list.iter().map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect())).collect()
    };
    let circle = edges(&[("a", &["b"]), ("b", &["c"]), ("c", &["a"]), ("d", &["a"])]);
    assert_eq!(find_circle(&circle), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    let tree = edges(&[("a", &["b", "c"]), ("b", &["c"]), ("c", &[])]);
    assert_eq!(find_circle(&tree), None);
}

/// Every interface message is used by the app's code (not only by a test): all of them are
/// compiled into the first module, in three languages, whether or not anything shows them.
#[test]
fn every_message_is_used() {
    let root = Path::new("src");
    let mut files = Vec::new();
    rust_files(root, root, &mut files);
    let code: String =
        files.iter().map(|(_, text)| text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default()).collect();
    for &m in passerelle::i18n::Msg::ALL {
        let name = format!("Msg::{m:?}");
        let used = code
            .match_indices(&name)
            .any(|(at, _)| !code[at + name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'));
        assert!(used, "{name} is not used anywhere in src/: remove it");
    }
}
