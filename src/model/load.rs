//! Turning the bytes of a dataset file into a [`Dataset`], or into an error that says
//! which file, which record and which field is wrong, in a sentence a person can act on.

use std::fmt;

use serde_json::Value;

use super::dataset::{Dataset, SCHEMA_VERSION};

/// Why a dataset could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered, but not with the file.
    Http { file: String, status: u16, status_text: String },
    /// The request did not get an answer at all.
    Network { file: String, message: String },
    /// The file is empty.
    Empty { file: String },
    /// The file is not well-formed JSON.
    Syntax { file: String, line: usize, column: usize, message: String },
    /// The file is JSON for another schema version.
    Schema { file: String, found: String },
    /// The JSON does not have the dataset's shape.
    Shape {
        file: String,
        /// JSON path of the offending value, e.g. `items[3].when.precision`.
        path: String,
        /// The `id` of the record the path is in, where it has one.
        record: Option<String>,
        message: String,
    },
}

impl LoadError {
    /// The dataset file the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Http { file, .. }
            | LoadError::Network { file, .. }
            | LoadError::Empty { file }
            | LoadError::Syntax { file, .. }
            | LoadError::Schema { file, .. }
            | LoadError::Shape { file, .. } => file,
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
            LoadError::Syntax { file, line, column, message } => {
                write!(f, "{file} is not valid JSON: {message} at line {line}, column {column}.")
            }
            LoadError::Schema { file, found } => write!(
                f,
                "{file} has \"schema\": {found}, but this version of Passerelle reads schema {SCHEMA_VERSION}."
            ),
            LoadError::Shape { file, path, record, message } => {
                let at = match record {
                    Some(id) => format!("record \"{id}\", field {path}"),
                    None if path == "." => "top level".to_owned(),
                    None => format!("field {path}"),
                };
                write!(f, "{file}, {at}: {message}.")
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses the text of the dataset file `file`.
///
/// The text is read as JSON first, so that a syntax error is told apart from a value
/// of the wrong shape, and the shape error can name the record it is in.
pub fn parse_dataset(file: &str, text: &str) -> Result<Dataset, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty { file: file.to_owned() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    match value.get("schema") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(other @ (Value::Number(_) | Value::String(_))) => {
            return Err(LoadError::Schema { file: file.to_owned(), found: other.to_string() });
        }
        _ => {} // missing or of the wrong type: reported with its path below
    }
    serde_path_to_error::deserialize::<_, Dataset>(&value).map_err(|e| {
        let path = e.path().to_string();
        LoadError::Shape {
            file: file.to_owned(),
            record: record_id(&value, &path),
            message: e.into_inner().to_string(),
            path,
        }
    })
}

/// serde_json appends " at line L column C" to its messages; we state the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The `id` of the record (an element of a top-level array) that `path` points into.
fn record_id(root: &Value, path: &str) -> Option<String> {
    let (collection, rest) = path.split_once('[')?;
    let index: usize = rest.split_once(']')?.0.parse().ok()?;
    let id = root.get(collection)?.get(index)?.get("id")?.as_str()?;
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn parse(v: &Value) -> Result<Dataset, LoadError> {
        parse_dataset(FILE, &v.to_string())
    }

    #[test]
    fn parses_a_minimal_dataset() {
        let ds = parse(&minimal()).expect("minimal dataset parses");
        assert_eq!(ds.sites.len(), 1);
        assert_eq!(ds.site("chambery").map(|s| s.lat), Some(45.57));
    }

    #[test]
    fn empty_file_is_reported_as_empty() {
        let err = parse_dataset(FILE, "  \n").unwrap_err();
        assert_eq!(err.to_string(), "data/test.json is empty: expected a JSON dataset.");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let err = parse_dataset(FILE, "{\n  \"schema\": 1,\n  \"sites\": [,]\n}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/test.json is not valid JSON: expected value at line 3, column 13."
        );
    }

    #[test]
    fn wrong_schema_version_is_named() {
        let mut v = minimal();
        v["schema"] = 2.into();
        let err = parse(&v).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/test.json has \"schema\": 2, but this version of Passerelle reads schema 1."
        );
    }

    #[test]
    fn shape_error_names_record_and_field() {
        let mut v = minimal();
        v["sites"][0]["kind"] = "castle".into();
        let err = parse(&v).unwrap_err();
        let LoadError::Shape { path, record, .. } = &err else { panic!("expected a shape error, got {err:?}") };
        assert_eq!(path, "sites[0].kind");
        assert_eq!(record.as_deref(), Some("chambery"));
        assert!(
            err.to_string().starts_with("data/test.json, record \"chambery\", field sites[0].kind: unknown variant `castle`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_field_is_an_error() {
        let mut v = minimal();
        v["sites"][0]["altitude"] = 270.into();
        let err = parse(&v).unwrap_err();
        assert!(err.to_string().contains("unknown field `altitude`"), "{err}");
        assert!(err.to_string().contains("record \"chambery\""), "{err}");
    }

    #[test]
    fn missing_top_level_field_has_no_record() {
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("items");
        let err = parse(&v).unwrap_err();
        assert_eq!(err.to_string(), "data/test.json, top level: missing field `items`.");
    }

    #[test]
    fn http_and_network_errors_name_the_file() {
        let http = LoadError::Http { file: FILE.into(), status: 404, status_text: "Not Found".into() };
        assert_eq!(http.to_string(), "Could not load data/test.json: the server answered HTTP 404 Not Found.");
        let net = LoadError::Network { file: FILE.into(), message: "TypeError: Failed to fetch".into() };
        assert_eq!(http.file(), net.file());
    }
}
