//! The dataset's JSON as a tree that borrows its text: what [`super::read`] reads records
//! from.
//!
//! serde_json still parses it; only the tree is ours. `serde_json::Value` gives every key
//! and every string an allocation of its own and every object a `BTreeMap`: for a large
//! dataset (4.5 MB) building that tree and then freeing it were each almost a third of
//! reading the file (natively, `perf`). Here a string without escapes is a slice of the text, and an object is a vector of
//! pairs, sorted by key with the last of a repeated key kept: the order and the values a
//! `Value`'s map gives, so the reader's messages (which key is reported first) are the same.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// `text` parsed into the tree and given back as serde_json's own value, or the error as
/// serde_json writes it: tests/fuzz.rs checks it against `serde_json::from_str` on every
/// input. Native only.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub fn parsed_as_value(text: &str) -> Result<serde_json::Value, String> {
    Json::parse(text).map(|j| j.to_value()).map_err(|e| e.to_string())
}

/// A JSON value whose strings borrow from the text where they can.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Object<'a>),
}

/// An object's members, sorted by key, one per key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object<'a>(Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> Object<'a> {
    /// From members in the order written: sorted, and of a repeated key the last one kept
    /// (as inserting each into a map would).
    fn from_written(mut members: Vec<(Cow<'a, str>, Json<'a>)>) -> Self {
        // Reversed, then sorted stably: of equal keys the last written comes first.
        members.reverse();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        members.dedup_by(|later, kept| later.0 == kept.0);
        Self(members)
    }

    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(key)).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The members in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }
}

impl<'a> Json<'a> {
    /// Parses `text`, as `serde_json::from_str` would (the same errors, at the same places).
    pub fn parse(text: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Parses a text already known to be well-formed and of the right shape (the dataset
    /// the build checked, the base map it ships) as the page's `JSON.parse` reads it: in the
    /// browser with that parser itself, so that serde_json's parser, its messages and its
    /// table of powers of ten are not in the first module (issue 25); natively with serde_json
    /// and the page's reading of numbers ([`Json::into_page_numbers`]). The message of a
    /// failure is the page's own, with no line nor column.
    pub fn parse_by_page(text: &str) -> Result<Json<'static>, String> {
        #[cfg(target_arch = "wasm32")]
        return js_sys::JSON::parse(text)
            .map(|value| from_page(&value))
            .map_err(|e| wasm_bindgen::JsCast::unchecked_into::<js_sys::Error>(e).message().into());
        #[cfg(not(target_arch = "wasm32"))]
        return Json::parse(text).map(|j| j.into_owned().into_page_numbers()).map_err(|e| e.to_string());
    }

    /// The same tree with each string its own.
    #[cfg(not(target_arch = "wasm32"))]
    fn into_owned(self) -> Json<'static> {
        match self {
            Json::Null => Json::Null,
            Json::Bool(b) => Json::Bool(b),
            Json::Number(n) => Json::Number(n),
            Json::String(s) => Json::String(Cow::Owned(s.into_owned())),
            Json::Array(a) => Json::Array(a.into_iter().map(Json::into_owned).collect()),
            Json::Object(o) => Json::Object(Object(
                o.0.into_iter().map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned())).collect(),
            )),
        }
    }

    /// The tree as the page's `JSON.parse` gives it: every number a double ([`page_number`]),
    /// so `1.0` is the whole number 1 and a whole number past 2^53 is rounded.
    #[cfg(not(target_arch = "wasm32"))]
    fn into_page_numbers(self) -> Self {
        match self {
            Json::Number(n) => Json::Number(page_number(n.as_f64().unwrap_or(f64::NAN))),
            Json::Array(a) => Json::Array(a.into_iter().map(Json::into_page_numbers).collect()),
            Json::Object(o) => Json::Object(Object(o.0.into_iter().map(|(k, v)| (k, v.into_page_numbers())).collect())),
            other => other,
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(o) => o.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The same tree as serde_json's own value (natively: to check the record reader
    /// against serde's derive, which reads a `Value`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.to_string()),
            Json::Array(a) => Value::Array(a.iter().map(Json::to_value).collect()),
            Json::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.to_owned(), v.to_value())).collect()),
        }
    }
}

/// Written as JSON text, as `serde_json::Value` writes itself (what messages quote).
impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = |f: &mut fmt::Formatter<'_>, s: &str| write!(f, "{}", Quoted(s));
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            // Not serde_json's `Number` formatter: its float formatter's tables would come
            // into the wasm with it (issue 25).
            Json::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => write!(f, "{u}"),
                (_, Some(i)) => write!(f, "{i}"),
                _ => write!(f, "{}", super::number::JsonFloat(n.as_f64().unwrap_or(f64::NAN))),
            },
            Json::String(s) => quoted(f, s),
            Json::Array(a) => {
                f.write_str("[")?;
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
            Json::Object(o) => {
                f.write_str("{")?;
                for (i, (k, v)) in o.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    quoted(f, k)?;
                    write!(f, ":{v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A number the page read (a double) as serde_json holds one read from text: a whole number
/// within 2^53 as an integer (what `as_u64` reads), any other as a float.
fn page_number(n: f64) -> Number {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match n {
        n if n.fract() == 0.0 && (0.0..=EXACT).contains(&n) => Number::from(n as u64),
        n if n.fract() == 0.0 && (-EXACT..0.0).contains(&n) => Number::from(n as i64),
        n => Number::from_f64(n).unwrap_or_else(|| Number::from(0u64)),
    }
}

/// The tree of a value the page's `JSON.parse` made: a number, string, boolean, null, array
/// or object of members (sorted by key, as from text).
#[cfg(target_arch = "wasm32")]
fn from_page(value: &wasm_bindgen::JsValue) -> Json<'static> {
    use wasm_bindgen::JsCast;
    if let Some(n) = value.as_f64() {
        Json::Number(page_number(n))
    } else if let Some(s) = value.as_string() {
        Json::String(Cow::Owned(s))
    } else if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        Json::Array(array.iter().map(|v| from_page(&v)).collect())
    } else if value.is_object() {
        let members = js_sys::Object::entries(value.unchecked_ref())
            .iter()
            .map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                (Cow::Owned(pair.get(0).as_string().unwrap_or_default()), from_page(&pair.get(1)))
            })
            .collect();
        Json::Object(Object::from_written(members))
    } else {
        Json::Null
    }
}

/// A string as JSON text writes it, as serde_json does: in quotes, with `"`, `\\` and the
/// control characters escaped (not serde_json's writer: issue 25).
struct Quoted<'s>(&'s str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\u{8}' => f.write_str("\\b")?,
                '\u{c}' => f.write_str("\\f")?,
                c if c < ' ' => write!(f, "\\u{:04x}", c as u32)?,
                c => fmt::Write::write_char(f, c)?,
            }
        }
        f.write_str("\"")
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Json<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Scratch::default().seed().deserialize(deserializer)
    }
}

/// Where the members of the objects and the values of the arrays being read wait, one
/// stack for the whole tree: each object or array, once read, takes its own off the top
/// into a vector of exactly its length. Grown one push at a time, a large dataset's tens
/// of thousands of small vectors were each allocated about three times (a quarter of
/// reading it in the browser went to the allocator).
#[derive(Default)]
struct Scratch<'de> {
    members: Vec<(Cow<'de, str>, Json<'de>)>,
    values: Vec<Json<'de>>,
}

impl<'de> Scratch<'de> {
    fn seed(&mut self) -> JsonSeed<'_, 'de> {
        JsonSeed(self)
    }
}

struct JsonSeed<'s, 'de>(&'s mut Scratch<'de>);

impl<'de> DeserializeSeed<'de> for JsonSeed<'_, 'de> {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed<'_, 'de> {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json<'de>, E> {
        // As serde_json's own value: a float it cannot hold (never from JSON text) is null.
        Ok(Number::from_f64(n).map_or(Json::Null, Json::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let scratch = self.0;
        let start = scratch.values.len();
        while let Some(v) = seq.next_element_seed(scratch.seed())? {
            scratch.values.push(v);
        }
        Ok(Json::Array(scratch.values.drain(start..).collect()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let scratch = self.0;
        let start = scratch.members.len();
        while let Some(Key(k)) = map.next_key()? {
            let v = map.next_value_seed(scratch.seed())?;
            scratch.members.push((k, v));
        }
        Ok(Json::Object(Object::from_written(scratch.members.drain(start..).collect())))
    }
}

/// A key, borrowed from the text where it has no escapes (serde's own `Cow<str>` always
/// copies).
struct Key<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

// Native: the yardstick, `to_value`, is not built for the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The tree and the error of `text`, as serde_json's own value has them.
    fn same_as_serde(text: &str) {
        let ours = Json::parse(text).map(|j| j.to_value()).map_err(|e| e.to_string());
        let theirs = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "{text}");
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"b": 1, "a": [true, null, -3, 2.5, 1e300, 18446744073709551615], "c": {"z": "x", "y": "\u00e9\n"}}"#,
            r#"{"k": 1, "k": 2, "j": 0, "k": 3}"#,
            r#"{"\u0061": 1, "a": 2}"#,
            r#"[{"x": "é\"q"}, [], {}]"#,
            "  \"just a string\" ",
            r#"{"a": 1,}"#,
            r#"{"a" 1}"#,
            "[1, 2",
            "",
            "nul",
            r#"{"a": "unterminated"#,
            r#"{"a": "\ud800"}"#,
        ] {
            same_as_serde(text);
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_and_keys_come_sorted() {
        let j = Json::parse(r#"{"k": 1, "b": 0, "k": 2, "a": 9}"#).unwrap();
        let o = j.as_object().unwrap();
        assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b", "k"]);
        assert_eq!(o.get("k"), Some(&Json::Number(2.into())));
        assert_eq!(o.len(), 3);
        assert!(o.get("c").is_none());
    }

    #[test]
    fn strings_without_escapes_borrow_the_text() {
        let j = Json::parse(r#"{"plain": "abc", "escaped": "a\"b"}"#).unwrap();
        assert!(matches!(j.get("plain"), Some(Json::String(Cow::Borrowed("abc")))));
        assert!(matches!(j.get("escaped"), Some(Json::String(Cow::Owned(s))) if s == "a\"b"));
        let Json::Object(o) = &j else { panic!() };
        assert!(o.0.iter().all(|(k, _)| matches!(k, Cow::Borrowed(_))));
    }

    #[test]
    fn strings_are_quoted_as_serde_json_quotes_them() {
        let all: String = (0u32..0x250).chain([0x2028, 0x2029, 0xfeff, 0x1f600]).filter_map(char::from_u32).collect();
        for s in [all.as_str(), "", "\"\\/", "x\u{1}\u{1f}\u{7f}y"] {
            assert_eq!(Quoted(s).to_string(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn the_pages_reading_holds_numbers_as_doubles() {
        let j = Json::parse_by_page(
            r#"{"a": 1.0, "b": -2, "c": 2.5, "d": 9007199254740993, "e": 1e300, "f": "x", "g": [0, -0.0]}"#,
        )
        .unwrap();
        let n = |k: &str| match j.get(k) {
            Some(Json::Number(n)) => n.clone(),
            other => panic!("{k}: {other:?}"),
        };
        assert_eq!(n("a").as_u64(), Some(1));
        assert_eq!(n("b").as_i64(), Some(-2));
        assert_eq!((n("c").as_u64(), n("c").as_f64()), (None, Some(2.5)));
        assert_eq!(n("d").as_u64(), Some(9_007_199_254_740_992));
        assert_eq!((n("e").as_u64(), n("e").as_f64()), (None, Some(1e300)));
        assert_eq!(j.get("f").and_then(Json::as_str), Some("x"));
        assert_eq!(j.get("g").and_then(Json::as_array).map(|a| a.len()), Some(2));
        assert!(Json::parse_by_page("{").is_err());
    }

    #[test]
    fn writes_itself_as_serde_json_writes_its_value() {
        let text = r#"{"b": [1, 2.5, "x\u0001\"y"], "a": {"n": null, "t": true}, "é": -7}"#;
        let ours = Json::parse(text).unwrap().to_string();
        assert_eq!(ours, serde_json::from_str::<Value>(text).unwrap().to_string());
    }
}
