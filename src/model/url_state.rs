//! Everything the user sets, in the query string: parsed and written as plain Rust, so a
//! shared URL opens the same state. Unknown or invalid parameters are ignored, each with a
//! warning the app prints to the console.

use super::dataset::{Domain, ItemKind, Lang, Status};
use super::filter::{Filter, SideFilter};
use super::validate::is_id;

/// The state a URL carries. `None` and empty mean "the default".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlState {
    /// Selected item id.
    pub item: Option<String>,
    /// Selected site id.
    pub site: Option<String>,
    /// The time cursor, `YYYY-MM-DD`.
    pub time: Option<String>,
    pub filter: Filter,
    /// Map view slug (`overview`, `france`, `china`, `both`).
    pub view: Option<String>,
    /// Map zoom relative to the view, and the window centre on the projected plane.
    pub zoom: Option<(f64, f64, f64)>,
    /// `list` shows the list view instead of the timeline.
    pub panel: Option<String>,
    pub lang: Option<Lang>,
    /// `present` for presenter mode.
    pub mode: Option<String>,
    /// The presenter's step (1-based), so a presenter can resume.
    pub step: Option<usize>,
    /// `embed=1`: compact chrome for an iframe.
    pub embed: bool,
    /// Origins whose `postMessage` commands the embedded app obeys (`allow=https://a.example,…`).
    pub allow: Vec<String>,
}

/// Parameters other parts of the app read (the data source): not part of the state, and
/// kept as they are when the URL is rewritten.
const PASSED_ON: [&str; 1] = ["data"];

/// The passed-on parameters of `query` (without `?`), as they were written.
pub fn passed_on(query: &str) -> String {
    query
        .split('&')
        .filter(|p| p.split('=').next().is_some_and(|k| PASSED_ON.contains(&k)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `scheme://host[:port]` with an http(s) scheme and nothing after: a web origin.
pub fn is_origin(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else { return false };
    let (host, port) = rest.rsplit_once(':').map_or((rest, None), |(h, p)| (h, Some(p)));
    !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn enum_from<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.replace('-', "_"))).ok()
}

/// How an enum value is spelt in the dataset (`ski_resort`), as a URL- and CSS-friendly
/// slug (`ski-resort`).
pub fn enum_slug<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(|s| s.replace('_', "-"))).unwrap_or_default()
}

/// Percent-decoding of a query component (`+` is a space).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding of a query component: unreserved characters stay, the rest is escaped.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`). Returns the state and one
    /// warning per parameter it ignored.
    pub fn parse(query: &str) -> (Self, Vec<String>) {
        let mut st = UrlState::default();
        let mut warnings = Vec::new();
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(k), decode(v));
            let mut bad = |why: &str| warnings.push(format!("ignored URL parameter {key}={value}: {why}"));
            match key.as_str() {
                "item" | "site" if is_id(&value) => {
                    if key == "item" { st.item = Some(value.clone()) } else { st.site = Some(value.clone()) }
                }
                "item" | "site" => bad("not an id"),
                "t" => match super::time::parse_day(&value) {
                    Some(d) if value.len() == 10 => st.time = Some(super::time::iso(d)),
                    _ => bad("not a date YYYY-MM-DD"),
                },
                "kind" | "domain" | "status" | "side" => {
                    for part in value.split(',').filter(|p| !p.is_empty()) {
                        let ok = match key.as_str() {
                            "kind" => enum_from::<ItemKind>(part).map(|k| st.filter.kinds.insert(k)).is_some(),
                            "domain" => enum_from::<Domain>(part).map(|d| st.filter.domains.insert(d)).is_some(),
                            "status" => enum_from::<Status>(part).map(|s| st.filter.statuses.insert(s)).is_some(),
                            _ => SideFilter::from_slug(part).map(|s| st.filter.sides.insert(s)).is_some(),
                        };
                        if !ok {
                            warnings.push(format!("ignored URL parameter {key}={value}: unknown value \"{part}\""));
                        }
                    }
                }
                "q" if value.chars().count() <= 200 => st.filter.query = value.clone(),
                "q" => bad("longer than 200 characters"),
                "view" if ["overview", "france", "china", "both"].contains(&value.as_str()) => st.view = Some(value.clone()),
                "view" => bad("unknown view"),
                "zoom" => {
                    let n: Vec<f64> = value.split(',').filter_map(|p| p.parse().ok()).filter(|f: &f64| f.is_finite()).collect();
                    match n.as_slice() {
                        [k, x, y] if *k > 0.0 && *k <= 1000.0 => st.zoom = Some((*k, *x, *y)),
                        _ => bad("expected zoom=k,x,y"),
                    }
                }
                "panel" if value == "list" || value == "timeline" => st.panel = Some(value.clone()),
                "panel" => bad("unknown panel"),
                "lang" => match value.as_str() {
                    "fr" => st.lang = Some(Lang::Fr),
                    "en" => st.lang = Some(Lang::En),
                    "zh" => st.lang = Some(Lang::Zh),
                    _ => bad("expected fr, en or zh"),
                },
                "mode" if value == "present" => st.mode = Some(value.clone()),
                "mode" => bad("unknown mode"),
                "embed" if value == "1" => st.embed = true,
                "embed" => bad("expected embed=1"),
                "allow" => {
                    for origin in value.split(',').filter(|o| !o.is_empty()) {
                        if is_origin(origin) {
                            st.allow.push(origin.to_owned());
                        } else {
                            warnings.push(format!("ignored URL parameter allow={value}: \"{origin}\" is not an origin"));
                        }
                    }
                }
                "step" => match value.parse::<usize>() {
                    Ok(n) if (1..=10_000).contains(&n) => st.step = Some(n),
                    _ => bad("expected a step number from 1"),
                },
                k if PASSED_ON.contains(&k) => {}
                _ => bad("unknown parameter"),
            }
        }
        (st, warnings)
    }

    /// The query string (without `?`), in a fixed order, leaving out defaults.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |k: &str, v: String| parts.push(format!("{k}={}", encode(&v)));
        if let Some(v) = &self.lang {
            push("lang", enum_slug(v));
        }
        if let Some(v) = &self.mode {
            push("mode", v.clone());
        }
        if let Some(n) = self.step {
            push("step", n.to_string());
        }
        if self.embed {
            push("embed", "1".into());
        }
        if !self.allow.is_empty() {
            push("allow", self.allow.join(","));
        }
        if let Some(v) = &self.view {
            push("view", v.clone());
        }
        if let Some((k, x, y)) = self.zoom {
            push("zoom", format!("{},{},{}", round(k, 3), round(x, 1), round(y, 1)));
        }
        if let Some(v) = &self.panel {
            push("panel", v.clone());
        }
        if let Some(v) = &self.item {
            push("item", v.clone());
        }
        if let Some(v) = &self.site {
            push("site", v.clone());
        }
        if let Some(v) = &self.time {
            push("t", v.clone());
        }
        let join = |set: Vec<String>| set.join(",");
        let f = &self.filter;
        if !f.kinds.is_empty() {
            push("kind", join(f.kinds.iter().map(enum_slug).collect()));
        }
        if !f.domains.is_empty() {
            push("domain", join(f.domains.iter().map(enum_slug).collect()));
        }
        if !f.statuses.is_empty() {
            push("status", join(f.statuses.iter().map(enum_slug).collect()));
        }
        if !f.sides.is_empty() {
            push("side", join(f.sides.iter().map(|s| s.slug().to_owned()).collect()));
        }
        if !f.query.trim().is_empty() {
            push("q", f.query.clone());
        }
        parts.join("&").replace("%2C", ",").replace("%3A", ":").replace("%2F", "/")
    }
}

fn round(v: f64, places: i32) -> f64 {
    let p = 10f64.powi(places);
    (v * p).round() / p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_source_is_passed_on_as_written() {
        assert_eq!(passed_on("item=a&data=broken/x.json&lang=fr"), "data=broken/x.json");
        assert_eq!(passed_on("item=a&database=x"), "");
        assert_eq!(passed_on(""), "");
    }

    #[test]
    fn a_full_state_round_trips() {
        let st = UrlState {
            item: Some("loi-chambery-zhangjiakou".into()),
            site: None,
            time: Some("2018-11-29".into()),
            filter: Filter {
                kinds: [ItemKind::Agreement, ItemKind::LetterOfIntent].into(),
                domains: [Domain::SmartCity].into(),
                statuses: [Status::Signed].into(),
                sides: [SideFilter::Both].into(),
                query: "Chambéry & 张家口 50%".into(),
            },
            view: Some("china".into()),
            zoom: Some((2.5, -12.3, 40.0)),
            panel: Some("list".into()),
            lang: Some(Lang::Zh),
            mode: Some("present".into()),
            step: Some(3),
            embed: true,
            allow: vec!["https://www.auvergnerhonealpes.fr".into(), "http://127.0.0.1:4174".into()],
        };
        let q = st.to_query();
        assert!(q.contains("kind=agreement,letter-of-intent"), "{q}");
        let (back, warnings) = UrlState::parse(&q);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(back, st);
        assert_eq!(UrlState::parse(&format!("?{q}")).0, st);
    }

    #[test]
    fn the_default_state_is_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(UrlState::parse(""), (UrlState::default(), vec![]));
    }

    #[test]
    fn bad_parameters_are_ignored_with_a_warning() {
        let (st, warnings) = UrlState::parse("item=%3Cscript%3E&t=2018-02-30&kind=agreement,treaty&lang=de&view=mars&zoom=0,1,2&foo=1&embed=1&q=ok");
        assert_eq!(st.item, None);
        assert_eq!(st.time, None);
        assert_eq!(st.filter.kinds, [ItemKind::Agreement].into());
        assert_eq!(st.lang, None);
        assert_eq!(st.view, None);
        assert_eq!(st.zoom, None);
        assert_eq!(st.filter.query, "ok");
        assert_eq!(warnings.len(), 7, "{warnings:#?}");
        assert!(warnings.iter().any(|w| w.contains("kind=agreement,treaty") && w.contains("\"treaty\"")));
        assert!(warnings.iter().any(|w| w.contains("foo=1")));
    }

    #[test]
    fn only_origins_are_allowed() {
        assert!(is_origin("https://example.org") && is_origin("http://127.0.0.1:4174"));
        for bad in ["javascript:alert(1)", "https://", "https://a.b/path", "ftp://x", "https://a.b:99999x", "*", "null"] {
            assert!(!is_origin(bad), "{bad}");
        }
        let (st, w) = UrlState::parse("embed=1&allow=https://a.example,javascript:x");
        assert!(st.embed);
        assert_eq!(st.allow, ["https://a.example"]);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn percent_coding_round_trips_any_text() {
        for s in ["a b", "é/?&=#%+", "张家口", "50% off", ""] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(decode("%zz%4"), "%zz%4");
    }
}
