//! Reading dataset records from parsed JSON by hand.
//!
//! serde's derive, run through `serde_path_to_error`, was a fifth of the wasm (generic
//! visitors for every field type). This reader is plain code over a parsed tree
//! ([`Json`], which borrows the file's text), and
//! says exactly what the derive said, with the same path: unknown fields where they stand,
//! wrong types (`invalid type: string "4.8", expected f64`), unknown variants, missing fields
//! in declaration order, keys read in the map's (sorted) order, even the derive's reading of
//! an array as a struct's fields in order. Native tests compare the two on every fuzz input
//! (`parse_dataset_with_serde`), so a difference is a failing test, not a changed message.

use std::fmt::Write as _;

use super::json::Json;

use super::dataset::*;
use super::ui::MapView;

/// Why a value could not be read, and where, innermost segment first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    rev_path: Vec<Segment>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Failure {
    fn new(message: String) -> Self {
        Self { rev_path: Vec::new(), message }
    }

    fn at(mut self, segment: Segment) -> Self {
        self.rev_path.push(segment);
        self
    }

    /// The path as `serde_path_to_error` writes it: `title.en`, `figures[0].value`, `.` for
    /// the value itself.
    pub fn path(&self) -> String {
        if self.rev_path.is_empty() {
            return ".".to_owned();
        }
        let mut out = String::new();
        for (i, segment) in self.rev_path.iter().rev().enumerate() {
            match segment {
                Segment::Key(key) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(n) => {
                    let _ = write!(out, "[{n}]");
                }
            }
        }
        out
    }
}

type Read<T> = Result<T, Failure>;

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Json<'_>) -> Read<Self>;
}

/// serde_json's words for the value found: `integer `5``, `string "x"`, `sequence`…
fn unexpected(value: &Json<'_>) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => format!("integer `{u}`"),
            (_, Some(i)) => format!("integer `{i}`"),
            // serde_json writes floats in its messages as it serialises them (`1e+308`).
            _ => format!("floating point `{}`", super::number::JsonFloat(n.as_f64().unwrap_or(f64::NAN))),
        },
        Json::String(s) => format!("string {}", Quoted(s)),
        Json::Array(_) => "sequence".to_owned(),
        Json::Object(_) => "map".to_owned(),
    }
}

/// `s` in quotes as `format!("{s:?}")` writes it (serde's `string "4.8"`), without the
/// standard library's `Debug` for `str`: its tables of printable and combining characters
/// were 3 kB of the first module (issue 25), for a message only a broken file shows.
struct Quoted<'s>(&'s str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '\0' => f.write_str("\\0")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                '\n' => f.write_str("\\n")?,
                '\\' | '"' => write!(f, "\\{c}")?,
                ' '..='~' => f.write_char(c)?,
                c if c.is_ascii() || !shown_as_is(c) => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Whether `Debug` writes the non-ASCII `c` as it is: neither a combining mark (Unicode's
/// Grapheme_Extend) nor a separator, control, format, surrogate, private-use or unassigned
/// character. In the browser the page's own Unicode tables answer (a newer Unicode than the
/// standard library's may differ on a character assigned since).
fn shown_as_is(c: char) -> bool {
    #[cfg(target_arch = "wasm32")]
    return !js_sys::RegExp::new(r"^[\p{Grapheme_Extend}\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$", "u")
        .test(&c.to_string());
    #[cfg(not(target_arch = "wasm32"))]
    return c.escape_debug().len() == 1;
}

fn invalid_type(value: &Json<'_>, expected: &str) -> Failure {
    Failure::new(format!("invalid type: {}, expected {expected}", unexpected(value)))
}

/// serde's list of what was expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_owned(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", listed.join(", "))
        }
    }
}

impl FromJson for String {
    fn from_json(value: &Json<'_>) -> Read<Self> {
        match value {
            Json::String(s) => Ok(s.to_string()),
            other => Err(invalid_type(other, "a string")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: &Json<'_>) -> Read<Self> {
        match value {
            Json::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
            other => Err(invalid_type(other, "f64")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json<'_>) -> Read<Self> {
        match value {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json<'_>) -> Read<Self> {
        match value {
            Json::Array(values) => {
                values.iter().enumerate().map(|(i, v)| T::from_json(v).map_err(|f| f.at(Segment::Index(i)))).collect()
            }
            other => Err(invalid_type(other, "a sequence")),
        }
    }
}

/// How a field may be absent: as serde's derive treats it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Absent {
    /// Never.
    Error,
    /// An `Option` without `#[serde(default)]`: absent from an object is `None`, but an
    /// array must still hold it.
    NoneInObject,
    /// `#[serde(default)]`: absent anywhere is the default.
    Default,
}

/// Reads the fields of struct `name` (declared `fields`, in order) from an object, in key
/// order, or from an array, by position; `set` reads field `i` from its value. What is
/// absent is left to the caller, except where the derive fails on a short array.
fn read_fields(
    value: &Json<'_>,
    name: &str,
    fields: &[(&str, Absent)],
    set: &mut dyn FnMut(usize, &Json<'_>) -> Read<()>,
) -> Read<()> {
    match value {
        Json::Object(map) => {
            for (key, v) in map.iter() {
                let Some(i) = fields.iter().position(|(f, _)| *f == key) else {
                    let names: Vec<&str> = fields.iter().map(|(f, _)| *f).collect();
                    return Err(Failure::new(format!("unknown field `{key}`, expected {}", one_of(&names)))
                        .at(Segment::Key(key.to_owned())));
                };
                set(i, v).map_err(|f| f.at(Segment::Key(key.to_owned())))?;
            }
            Ok(())
        }
        Json::Array(values) => {
            for (i, (_, absent)) in fields.iter().enumerate() {
                match values.get(i) {
                    Some(v) => set(i, v).map_err(|f| f.at(Segment::Index(i)))?,
                    None if *absent == Absent::Default => {}
                    None => {
                        return Err(Failure::new(format!(
                            "invalid length {i}, expected struct {name} with {} elements",
                            fields.len()
                        )));
                    }
                }
            }
            if values.len() > fields.len() {
                return Err(Failure::new(format!("invalid length {}, expected fewer elements in array", values.len())));
            }
            Ok(())
        }
        other => Err(invalid_type(other, &format!("struct {name}"))),
    }
}

fn missing(field: &str) -> Failure {
    Failure::new(format!("missing field `{field}`"))
}

/// A struct read field by field: `field: Type = how it may be absent`.
macro_rules! from_json_struct {
    ($ty:ident { $($field:ident : $fty:ty = $absent:ident),+ $(,)? }) => {
        impl FromJson for $ty {
            fn from_json(value: &Json<'_>) -> Read<Self> {
                const FIELDS: &[(&str, Absent)] = &[$((stringify!($field), Absent::$absent)),+];
                $(let mut $field: Option<$fty> = None;)+
                read_fields(value, stringify!($ty), FIELDS, &mut |i, v| {
                    let mut n = 0;
                    $(
                        if i == n {
                            $field = Some(FromJson::from_json(v)?);
                            return Ok(());
                        }
                        n += 1;
                    )+
                    let _ = n;
                    Ok(())
                })?;
                Ok($ty { $($field: from_json_struct!(@take $field, $absent)),+ })
            }
        }
    };
    (@take $field:ident, Error) => { $field.ok_or_else(|| missing(stringify!($field)))? };
    (@take $field:ident, NoneInObject) => { $field.flatten() };
    (@take $field:ident, Default) => { $field.unwrap_or_default() };
}

/// A unit-variant enum spelt as strings: `Variant = "name"`.
/// Reads an enum by the names its one table gives ([`super::names`]).
macro_rules! from_json_enum {
    ($($ty:ident),+ $(,)?) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Json<'_>) -> Read<Self> {
                read_variant(value, $ty::NAMES).map(|i| $ty::ALL[i])
            }
        }
    )+};
}

/// The index of the variant a value names: a string, or (as serde reads enums) an object
/// with one key whose value is `null`.
fn read_variant(value: &Json<'_>, names: &[&str]) -> Read<usize> {
    let find = |name: &str| {
        names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| Failure::new(format!("unknown variant `{name}`, expected {}", one_of(names))))
    };
    match value {
        Json::String(s) => find(s),
        Json::Object(map) if map.len() == 1 => {
            let (name, content) = map.iter().next().expect("one entry");
            let i = find(name)?;
            match content {
                Json::Null => Ok(i),
                other => Err(invalid_type(other, "unit").at(Segment::Key(name.to_owned()))),
            }
        }
        Json::Object(_) => Err(Failure::new("invalid value: map, expected map with a single key".to_owned())),
        other => Err(invalid_type(other, "string or map")),
    }
}

from_json_enum!(SiteKind, Side, Qualifier, ActorKind, ItemKind, Status, Domain, Precision, MapView);

/// A text as the file writes it, under serde's name for it (`struct Localized`).
mod text {
    use super::*;
    use crate::model::dataset::file::Localized;
    from_json_struct!(Localized { fr: Option<String> = Default, en: Option<String> = Default, zh: Option<String> = Default });
}

impl FromJson for Localized {
    fn from_json(value: &Json<'_>) -> Read<Self> {
        crate::model::dataset::file::Localized::from_json(value).map(Localized::from)
    }
}
from_json_struct!(Source {
    id: String = Error,
    title: Localized = Error,
    publisher: Option<Localized> = NoneInObject,
    date: Option<When> = NoneInObject,
    language: String = Error,
    url: Option<String> = NoneInObject,
    note: Option<Localized> = Default,
    not_from_sources: Vec<String> = Default,
});
from_json_struct!(Figure { value: f64 = Error, label: Localized = Error, qualifier: Option<Qualifier> = Default });
from_json_struct!(Site {
    id: String = Error,
    name: Localized = Error,
    kind: SiteKind = Error,
    lon: f64 = Error,
    lat: f64 = Error,
    side: Side = Error,
    region: Localized = Error,
    figures: Vec<Figure> = Default,
    note: Option<Localized> = Default,
    not_from_sources: Vec<String> = Default,
});
from_json_struct!(Actor {
    id: String = Error,
    name: Localized = Error,
    kind: ActorKind = Error,
    side: Side = Error,
    site: Option<String> = NoneInObject,
    role: Option<Localized> = Default,
    affiliation: Option<String> = Default,
    note: Option<Localized> = Default,
    not_from_sources: Vec<String> = Default,
});
from_json_struct!(When { start: Option<String> = NoneInObject, end: Option<String> = NoneInObject, precision: Precision = Error });
from_json_struct!(Citation { source: String = Error, place: String = Error });
from_json_struct!(Item {
    id: String = Error,
    kind: ItemKind = Error,
    title: Localized = Error,
    description: Localized = Error,
    when: When = Error,
    status: Status = Error,
    parties: Vec<String> = Error,
    sites: Vec<String> = Error,
    domains: Vec<Domain> = Error,
    related: Vec<String> = Default,
    sources: Vec<Citation> = Error,
    figures: Vec<Figure> = Default,
    note: Option<Localized> = NoneInObject,
    not_from_sources: Vec<String> = Default,
});

from_json_struct!(Tour { id: String = Error, title: Localized = Error, summary: Localized = Error, steps: Vec<TourStep> = Error });
from_json_struct!(TourStep {
    item: Option<String> = Default,
    site: Option<String> = Default,
    view: MapView = Error,
    zoom: Option<f64> = Default,
    time: Option<String> = Default,
    caption: Localized = Error,
    notes: Localized = Error,
    sources: Vec<Citation> = Error,
    not_from_sources: Vec<String> = Default,
});

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// `T` read from `v`, written out and parsed as the app parses a file.
    fn read<T: FromJson>(v: Value) -> Read<T> {
        let text = v.to_string();
        T::from_json(&Json::parse(&text).unwrap())
    }

    #[test]
    fn quoted_as_debug_writes_it() {
        // Every character of the first planes and a sample beyond, alone and between others:
        // controls, quotes, combining marks (escaped even after a letter), separators,
        // unassigned and private-use characters, surrogates' neighbours, emoji.
        let mut chars: Vec<char> =
            (0..0x3_0000).step_by(7).chain(0xE_0000..0xE_0200).filter_map(char::from_u32).collect();
        chars.extend([
            '\0',
            '\t',
            '\n',
            '\r',
            '"',
            '\'',
            '\\',
            ' ',
            '~',
            '\u{7f}',
            '\u{301}',
            '\u{200d}',
            '\u{2028}',
            '\u{a0}',
            '\u{feff}',
            '\u{e000}',
            '\u{10ffff}',
            '中',
            '😀',
        ]);
        for c in chars {
            for s in [c.to_string(), format!("a{c}b"), format!("{c}{c}")] {
                assert_eq!(Quoted(&s).to_string(), format!("{s:?}"), "U+{:04X}", c as u32);
            }
        }
    }

    fn fail<T: FromJson + std::fmt::Debug>(v: Value) -> (String, String) {
        let f = read::<T>(v).expect_err("should fail");
        (f.path(), f.message)
    }

    #[test]
    fn says_what_serde_says_where_it_says_it() {
        assert_eq!(
            fail::<Localized>(json!({"fr": "a", "en": 5, "zh": "c"})),
            ("en".into(), "invalid type: integer `5`, expected a string".into())
        );
        assert_eq!(
            fail::<Citation>(json!({"source": "s", "page": 1})),
            ("page".into(), "unknown field `page`, expected `source` or `place`".into())
        );
        assert_eq!(fail::<Citation>(json!({"source": "s"})), (".".into(), "missing field `place`".into()));
        // A text's language may be absent (an edition's): the checker says it is missing.
        assert_eq!(read::<Localized>(json!({"fr": "a", "zh": "c"})).unwrap().own(Lang::En), None);
        assert_eq!(
            fail::<Vec<Figure>>(
                json!([{"value": 1, "label": {"fr": "a", "en": "b", "zh": "c"}, "qualifier": "roughly"}])
            ),
            (
                "[0].qualifier".into(),
                "unknown variant `roughly`, expected one of `exactly`, `more_than`, `about`".into()
            )
        );
        assert_eq!(fail::<f64>(json!("4.8")), (".".into(), "invalid type: string \"4.8\", expected f64".into()));
        assert_eq!(fail::<String>(json!(1e300)).1, "invalid type: floating point `1e+300`, expected a string");
        assert_eq!(fail::<String>(json!(2.0)).1, "invalid type: floating point `2.0`, expected a string");
        assert_eq!(
            fail::<Side>(json!({"france": 1})),
            ("france".into(), "invalid type: integer `1`, expected unit".into())
        );
        assert_eq!(fail::<Side>(json!(true)).1, "invalid type: boolean `true`, expected string or map");
        assert_eq!(fail::<Citation>(json!(["a"])).1, "invalid length 1, expected struct Citation with 2 elements");
    }

    #[test]
    fn reads_what_serde_reads() {
        assert_eq!(read::<Side>(json!({"china": null})), Ok(Side::China));
        let t = read::<Localized>(json!(["a", "b", "c"])).unwrap();
        assert_eq!((t.get(Lang::Fr), t.get(Lang::En), t.get(Lang::Zh)), ("a", "b", "c"));
        let w = read::<When>(json!({"precision": "year", "start": "2018"})).unwrap();
        assert_eq!((w.start.as_deref(), w.end, w.precision), (Some("2018"), None, Precision::Year));
    }
}
