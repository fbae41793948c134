//! Turning the bytes of a dataset file into a [`Dataset`], or into errors that say which
//! file, which record and which field is wrong, in sentences a person can act on.
//!
//! The same function serves the app at load time, the `validate` command and the tests.

use std::fmt;

use super::json::Json;

use super::dataset::{Dataset, SCHEMA_VERSION};
use super::read::FromJson;
use super::validate::{Issue, KnownIds, Severity, validate};

/// The largest dataset file accepted, in bytes. The real one is a few tens of kilobytes;
/// anything near this is a mistake or an attack, and would stall a phone.
pub const MAX_FILE_BYTES: usize = 8_000_000;
/// At most this many errors are listed; the rest are counted.
pub const MAX_LISTED_ISSUES: usize = 100;

/// A dataset that can be drawn, with what is worth fixing but does not stop it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Issue>,
}

/// Why a dataset could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered, but not with the file.
    Http { file: String, status: u16, status_text: String },
    /// The request did not get an answer at all.
    Network { file: String, message: String },
    /// The file is empty.
    Empty { file: String },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge { file: String, bytes: usize },
    /// The file is not well-formed JSON.
    Syntax { file: String, line: usize, column: usize, message: String },
    /// The file is JSON for another schema version.
    Schema { file: String, found: String },
    /// The dataset's address was refused before any request (`?data=` elsewhere than this site).
    Refused { file: String, reason: String },
    /// The base map the build ships could not be read (a damaged or half-copied file).
    BaseMap { file: String, message: String },
    /// The file is JSON of the right version with errors in it: every one found, up to
    /// [`MAX_LISTED_ISSUES`], and how many more there are.
    Invalid { file: String, errors: Vec<Issue>, unlisted: usize },
}

impl LoadError {
    /// The dataset file the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Http { file, .. }
            | LoadError::Network { file, .. }
            | LoadError::Empty { file }
            | LoadError::TooLarge { file, .. }
            | LoadError::Syntax { file, .. }
            | LoadError::Schema { file, .. }
            | LoadError::Refused { file, .. }
            | LoadError::BaseMap { file, .. }
            | LoadError::Invalid { file, .. } => file,
        }
    }

    /// The errors in the file's content, one per problem; empty for the other kinds.
    pub fn issues(&self) -> &[Issue] {
        match self {
            LoadError::Invalid { errors, .. } => errors,
            _ => &[],
        }
    }

    /// One sentence that sums the error up (the issues are listed separately).
    pub fn summary(&self) -> String {
        match self {
            LoadError::Invalid { file, errors, unlisted } if errors.len() + unlisted > 1 => {
                format!("{file} has {} errors.", errors.len() + unlisted)
            }
            other => other.to_string(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { file, status, status_text } => {
                let text = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
                write!(f, "Could not load {file}: the server answered HTTP {status}{text}.")
            }
            LoadError::Network { file, message } => {
                write!(f, "Could not load {file}: the request failed ({message}).")
            }
            LoadError::Empty { file } => write!(f, "{file} is empty: expected a JSON dataset."),
            LoadError::Refused { file, reason } => write!(f, "Refused to load {file}: {reason}."),
            LoadError::TooLarge { file, bytes } => write!(
                f,
                "{file} is {} KB; a dataset may be at most {} KB.",
                bytes.div_ceil(1000),
                MAX_FILE_BYTES / 1000
            ),
            LoadError::Syntax { file, line, column, message } => {
                write!(f, "{file} is not valid JSON: {message} at line {line}, column {column}.")
            }
            LoadError::Schema { file, found } => write!(
                f,
                "{file} has \"schema\": {found}, but this version of Passerelle reads schema {SCHEMA_VERSION}."
            ),
            LoadError::BaseMap { file, message } => {
                write!(f, "{file} is not a base map Passerelle can read: {message}.")
            }
            LoadError::Invalid { file, errors, unlisted } => match (errors.as_slice(), unlisted) {
                ([only], 0) => write!(f, "{file}, {only}."),
                _ => {
                    write!(f, "{file} has {} errors.", errors.len() + unlisted)?;
                    for (i, e) in errors.iter().enumerate() {
                        write!(f, "\n  {}. {e}.", i + 1)?;
                    }
                    if *unlisted > 0 {
                        write!(f, "\n  … and {unlisted} more.")?;
                    }
                    Ok(())
                }
            },
        }
    }
}

impl std::error::Error for LoadError {}

/// Checks a dataset address given in the URL (`?data=`): only a path on this site, ending
/// in `.json`, made of plain characters: no scheme, no other host (`//…`), no `..`, no
/// backslash, no query. Returns the path to fetch, or why it is refused.
pub fn check_data_path(path: &str) -> Result<String, String> {
    if path.is_empty() || path.len() > 200 {
        return Err("the address is empty or too long".into());
    }
    if path.contains(':') {
        return Err("only a path on this site is accepted, not an address with a scheme".into());
    }
    if path.starts_with("//") || path.contains('\\') {
        return Err("only a path on this site is accepted, not another host".into());
    }
    if path.split('/').any(|seg| seg == "..") {
        return Err("the path may not go up with \"..\"".into());
    }
    if !path.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b)) {
        return Err("the path may only hold letters, digits, '-', '_', '.' and '/'".into());
    }
    if !path.ends_with(".json") {
        return Err("the path must end in .json".into());
    }
    Ok(path.to_owned())
}

/// How records are read: by hand (the app), or by serde's derive (native only, to check
/// that the two say the same thing).
#[derive(Clone, Copy)]
enum Reader {
    Hand,
    #[cfg(not(target_arch = "wasm32"))]
    Serde,
}

/// Reads and checks the text of the dataset file `file`.
pub fn parse_dataset(file: &str, text: &str) -> Result<Loaded, LoadError> {
    parse_dataset_by(file, text, Reader::Hand)
}

/// Reads the text of a dataset file that [`parse_dataset`] has already found clean (no
/// error, no warning) at build time, as its [`fingerprint`] shows: the records' shapes are
/// read and reported as ever, their meaning is not checked again. In the browser the
/// checker is then not in the first module (issue 25): any other text is checked in the
/// load errors' chunk (`loader::check_dataset`).
pub fn read_checked(file: &str, text: &str) -> Result<Loaded, LoadError> {
    read_dataset(file, text, Reader::Hand, parsed_by_page, &mut |_, _, _| {})
}

/// A fingerprint of a dataset's text, the same natively and in the wasm (words of 8 bytes,
/// 64-bit arithmetic, whatever the platform's `usize`), with a leading byte-order mark
/// ignored as the browser's reading drops it. It tells the text the build checked from any
/// other: a file changed since (an editor's, an embedding site's); not a defence against a
/// forged file, whose author could as well break the app by serving another.
pub fn fingerprint(text: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
    let mix = |h: u64, word: u64| (h.rotate_left(23) ^ word).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    let mut h =
        words.by_ref().fold(bytes.len() as u64, |h, w| mix(h, u64::from_le_bytes(w.try_into().unwrap_or_default())));
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = mix(h, u64::from_le_bytes(tail));
    h ^ (h >> 29)
}

/// [`parse_dataset`] with records read by serde's derive and `serde_path_to_error`, which
/// the hand-written reader must match message for message (tests/fuzz.rs). Native only:
/// the derive's code is what the wasm no longer carries.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub fn parse_dataset_with_serde(file: &str, text: &str) -> Result<Loaded, LoadError> {
    parse_dataset_by(file, text, Reader::Serde)
}

fn parse_dataset_by(file: &str, text: &str, reader: Reader) -> Result<Loaded, LoadError> {
    read_dataset(file, text, reader, parsed_by_serde, &mut |dataset, root, issues| {
        issues.extend(validate(dataset, &KnownIds::of_json(root)));
    })
}

/// How the text becomes a JSON tree: by serde_json, which tells a syntax error's line and
/// column ([`parsed_by_serde`]), or, for a text the build found clean, by the page
/// ([`parsed_by_page`]: in the browser, serde_json's parser is then not in the first module).
type Parse = for<'t> fn(&str, &'t str) -> Result<Json<'t>, LoadError>;

fn parsed_by_serde<'t>(file: &str, text: &'t str) -> Result<Json<'t>, LoadError> {
    Json::parse(text).map_err(|e| LoadError::Syntax {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// (A text whose fingerprint matched the checked one's is well-formed: a failure here would
/// be the page's, with no place in the text.)
fn parsed_by_page<'t>(file: &str, text: &'t str) -> Result<Json<'t>, LoadError> {
    Json::parse_by_page(text).map_err(|message| LoadError::Syntax {
        file: file.to_owned(),
        line: 1,
        column: 1,
        message,
    })
}

/// The records' meanings are checked by `check`, handed each record that could be read
/// and the JSON tree (a `dyn`, so that the checker's code is reached only from where it is
/// asked for: in the wasm, the load errors' chunk, see [`read_checked`]).
type Check<'c> = &'c mut dyn FnMut(&Dataset, &Json<'_>, &mut Vec<Issue>);

fn read_dataset(file: &str, text: &str, reader: Reader, parse: Parse, check: Check<'_>) -> Result<Loaded, LoadError> {
    let file_owned = || file.to_owned();
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { file: file_owned(), bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty { file: file_owned() });
    }
    // JSON first, so a syntax error is told apart from a value of the wrong shape.
    let root = parse(file, text)?;

    let mut issues = Vec::new();
    let top_error = |issues: &mut Vec<Issue>, path: &str, message: String| {
        issues.push(Issue { severity: Severity::Error, path: path.to_owned(), record: None, message });
    };
    let Some(object) = root.as_object() else {
        top_error(
            &mut issues,
            ".",
            format!("expected an object with schema, sources, sites, actors and items, found {}", json_type(&root)),
        );
        return Err(invalid(file, issues));
    };
    match object.get("schema") {
        Some(Json::Number(n)) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(found @ (Json::Number(_) | Json::String(_))) => {
            return Err(LoadError::Schema { file: file_owned(), found: found.to_string() });
        }
        Some(other) => top_error(
            &mut issues,
            "schema",
            format!("expected the number {SCHEMA_VERSION}, found {}", json_type(other)),
        ),
        None => top_error(&mut issues, ".", "missing field `schema`".into()),
    }
    const COLLECTIONS: [&str; 4] = ["sources", "sites", "actors", "items"];
    for key in COLLECTIONS.iter().filter(|k| !object.contains_key(k)) {
        top_error(&mut issues, ".", format!("missing field `{key}`"));
    }
    for key in object.keys() {
        if key != "schema" && key != "tours" && !COLLECTIONS.contains(&key) {
            top_error(
                &mut issues,
                ".",
                format!(
                    "unknown field `{key}`, expected one of `schema`, `sources`, `sites`, `actors`, `items`, `tours`"
                ),
            );
        }
    }
    // Each record on its own, so that every broken record is reported, not just the first.
    let dataset = Dataset {
        schema: SCHEMA_VERSION,
        sources: records(&root, "sources", &mut issues, reader),
        sites: records(&root, "sites", &mut issues, reader),
        actors: records(&root, "actors", &mut issues, reader),
        items: records(&root, "items", &mut issues, reader),
        // Optional: a dataset without tours has the automatic one (the dated items).
        tours: if object.contains_key("tours") { records(&root, "tours", &mut issues, reader) } else { Vec::new() },
        lookup: Default::default(),
    };
    check(&dataset, &root, &mut issues);

    let (errors, warnings): (Vec<Issue>, Vec<Issue>) = issues.into_iter().partition(|i| i.severity == Severity::Error);
    if errors.is_empty() { Ok(Loaded { dataset, warnings }) } else { Err(invalid(file, errors)) }
}

fn invalid(file: &str, mut errors: Vec<Issue>) -> LoadError {
    let unlisted = errors.len().saturating_sub(MAX_LISTED_ISSUES);
    errors.truncate(MAX_LISTED_ISSUES);
    LoadError::Invalid { file: file.to_owned(), errors, unlisted }
}

/// The records of the top-level array `key` that have the right shape; the others are
/// reported in `issues` with their path and id. A missing array is reported by the caller.
fn records<T: FromJson + serde::de::DeserializeOwned>(
    root: &Json<'_>,
    key: &str,
    issues: &mut Vec<Issue>,
    reader: Reader,
) -> Vec<T> {
    let Some(values) = record_values(root, key, issues) else { return Vec::new() };
    // Only the reading is generic: the report of a broken record is one function for the
    // five record types (in the wasm, one copy rather than five).
    values
        .iter()
        .enumerate()
        .filter_map(|(i, value)| {
            let read = match reader {
                Reader::Hand => T::from_json(value).map_err(|f| (f.path(), f.message)),
                #[cfg(not(target_arch = "wasm32"))]
                Reader::Serde => serde_path_to_error::deserialize::<_, T>(value.to_value())
                    .map_err(|e| (e.path().to_string(), e.into_inner().to_string())),
            };
            read.map_err(|(inner, message)| report_record(issues, key, i, value, &inner, message)).ok()
        })
        .collect()
}

/// The array `key` of `root`, or `None` where it is missing (reported by the caller) or
/// is not an array (reported here).
fn record_values<'r, 'a>(root: &'r Json<'a>, key: &str, issues: &mut Vec<Issue>) -> Option<&'r [Json<'a>]> {
    match root.get(key) {
        None => None,
        Some(Json::Array(values)) => Some(values),
        Some(other) => {
            issues.push(Issue {
                severity: Severity::Error,
                path: key.to_owned(),
                record: None,
                message: format!("expected an array of records, found {}", json_type(other)),
            });
            None
        }
    }
}

/// Reports the record `key[i]` that could not be read, at the path `inner` within it.
#[inline(never)]
fn report_record(issues: &mut Vec<Issue>, key: &str, i: usize, value: &Json<'_>, inner: &str, message: String) {
    let path = if inner == "." { format!("{key}[{i}]") } else { format!("{key}[{i}].{inner}") };
    let record = value.get("id").and_then(Json::as_str).map(str::to_owned);
    issues.push(Issue { severity: Severity::Error, path, record, message });
}

fn json_type(v: &Json<'_>) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// serde_json appends " at line L column C" to its messages; we state the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const FILE: &str = "data/test.json";

    fn minimal() -> Value {
        serde_json::json!({
            "schema": 1,
            "sources": [],
            "sites": [{
                "id": "chambery",
                "name": {"fr": "Chambéry", "en": "Chambéry", "zh": "尚贝里"},
                "kind": "city", "lon": 5.92, "lat": 45.57, "side": "france",
                "region": {"fr": "Savoie", "en": "Savoie", "zh": "萨瓦省"}
            }],
            "actors": [],
            "items": []
        })
    }

    fn parse(v: &Value) -> Result<Loaded, LoadError> {
        parse_dataset(FILE, &v.to_string())
    }

    #[test]
    fn parses_a_minimal_dataset() {
        let loaded = parse(&minimal()).expect("minimal dataset parses");
        assert_eq!(loaded.dataset.site("chambery").map(|s| s.lat), Some(45.57));
        // Nothing uses its one site: drawn, with a warning for whoever edits it.
        let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings, ["record \"chambery\", field sites[0]: no item and no actor uses this site"]);
        // An actor seated there is a use.
        let mut v = minimal();
        v["actors"] = serde_json::json!([{"id": "city", "name": {"fr": "Ville", "en": "City", "zh": "市"}, "kind": "city", "side": "france", "site": "chambery"}]);
        assert!(parse(&v).expect("parses").warnings.is_empty());
    }

    #[test]
    fn a_text_found_clean_is_read_the_same_without_its_checks() {
        // (Read by the page's parser, every number a double: the same records.)
        for text in
            [include_str!("../../public/data/cooperation.json"), include_str!("../../tests/fixtures/small.json")]
        {
            let (checked, read) = (parse_dataset(FILE, text).expect("clean"), read_checked(FILE, text).expect("clean"));
            assert!(checked.warnings.is_empty());
            assert_eq!(format!("{:?}", read.dataset), format!("{:?}", checked.dataset));
        }
        // What is left out: the records' meaning. Their shape is still read and reported.
        let mut v = minimal();
        v["actors"] = serde_json::json!([{"id": "city", "name": {"fr": "Ville", "en": "City", "zh": "市"}, "kind": "city", "side": "france", "site": "nowhere"}]);
        assert!(matches!(parse(&v), Err(LoadError::Invalid { .. })));
        assert!(read_checked(FILE, &v.to_string()).is_ok());
        v["sites"][0]["lat"] = "north".into();
        assert!(matches!(read_checked(FILE, &v.to_string()), Err(LoadError::Invalid { .. })));
    }

    #[test]
    fn a_fingerprint_tells_texts_apart_and_is_the_same_everywhere() {
        // Pinned: the page's wasm computes the same (tests/web.rs), and the build writes it.
        assert_eq!(fingerprint("Passerelle"), 0xb754_71f6_0127_0f4b);
        assert_eq!(fingerprint("\u{feff}Passerelle"), fingerprint("Passerelle"));
        let texts =
            ["a", "a\0", "b", "ab", "ba", "abcdefgh", "abcdefgh\0", "abcdefghi", "{\"schema\": 1}", "{\"schema\": 2}"];
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                assert_ne!(fingerprint(a), fingerprint(b), "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn empty_file_is_reported_as_empty() {
        let err = parse_dataset(FILE, "  \n").unwrap_err();
        assert_eq!(err.to_string(), "data/test.json is empty: expected a JSON dataset.");
    }

    #[test]
    fn only_paths_on_this_site_are_loaded() {
        for ok in ["data/cooperation.json", "/data/x.json", "tests/broken/01-a_b.json"] {
            assert_eq!(check_data_path(ok).as_deref(), Ok(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "../secret.json",
            "data/../../x.json",
            "data\\x.json",
            "data/x.json?y=1",
            "data/x.txt",
            "",
            "a b.json",
        ] {
            assert!(check_data_path(bad).is_err(), "{bad}");
        }
        let e = LoadError::Refused {
            file: "//evil/x.json".into(),
            reason: "only a path on this site is accepted, not another host".into(),
        };
        assert_eq!(
            e.to_string(),
            "Refused to load //evil/x.json: only a path on this site is accepted, not another host."
        );
    }

    #[test]
    fn oversized_file_is_refused_before_parsing() {
        let text = format!("[{}]", "0,".repeat(MAX_FILE_BYTES / 2) + "0");
        assert_eq!(
            parse_dataset(FILE, &text).unwrap_err().to_string(),
            "data/test.json is 8001 KB; a dataset may be at most 8000 KB."
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let err = parse_dataset(FILE, "{\n  \"schema\": 1,\n  \"sites\": [,]\n}").unwrap_err();
        assert_eq!(err.to_string(), "data/test.json is not valid JSON: expected value at line 3, column 13.");
    }

    #[test]
    fn wrong_schema_version_is_named() {
        let mut v = minimal();
        v["schema"] = 2.into();
        assert_eq!(
            parse(&v).unwrap_err().to_string(),
            "data/test.json has \"schema\": 2, but this version of Passerelle reads schema 1."
        );
    }

    #[test]
    fn one_error_reads_as_one_sentence() {
        let mut v = minimal();
        v["sites"][0]["kind"] = "castle".into();
        let err = parse(&v).unwrap_err();
        let [issue] = err.issues() else { panic!("expected one issue: {err}") };
        assert_eq!((issue.path.as_str(), issue.record.as_deref()), ("sites[0].kind", Some("chambery")));
        assert!(
            err.to_string()
                .starts_with("data/test.json, record \"chambery\", field sites[0].kind: unknown variant `castle`"),
            "{err}"
        );
        assert_eq!(err.summary(), err.to_string());
    }

    #[test]
    fn every_broken_record_is_reported_at_once() {
        let mut v = minimal();
        let mut second = v["sites"][0].clone();
        v["sites"][0]["altitude"] = 270.into();
        second["id"] = "lyon".into();
        second["lat"] = "north".into();
        v["sites"].as_array_mut().unwrap().push(second);
        v.as_object_mut().unwrap().remove("items");
        let err = parse(&v).unwrap_err();
        assert_eq!(err.summary(), "data/test.json has 3 errors.");
        assert_eq!(
            err.to_string(),
            "data/test.json has 3 errors.\n\
             \x20 1. top level: missing field `items`.\n\
             \x20 2. record \"chambery\", field sites[0].altitude: unknown field `altitude`, expected one of `id`, `name`, `kind`, `lon`, `lat`, `side`, `region`, `figures`, `note`, `not_from_sources`.\n\
             \x20 3. record \"lyon\", field sites[1].lat: invalid type: string \"north\", expected f64."
        );
    }

    #[test]
    fn a_flood_of_errors_is_capped() {
        let mut v = minimal();
        let broken = serde_json::json!({"id": "x"});
        v["sites"] = Value::Array(vec![broken; MAX_LISTED_ISSUES + 5]);
        let LoadError::Invalid { errors, unlisted, .. } = parse(&v).unwrap_err() else { panic!("expected Invalid") };
        assert_eq!((errors.len(), unlisted), (MAX_LISTED_ISSUES, 5));
    }

    #[test]
    fn http_and_network_errors_name_the_file() {
        let http = LoadError::Http { file: FILE.into(), status: 404, status_text: "Not Found".into() };
        assert_eq!(http.to_string(), "Could not load data/test.json: the server answered HTTP 404 Not Found.");
        let net = LoadError::Network { file: FILE.into(), message: "TypeError: Failed to fetch".into() };
        assert_eq!(http.file(), net.file());
        assert!(net.issues().is_empty());
    }
}
