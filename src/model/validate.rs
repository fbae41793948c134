//! Checks a dataset's meaning once its shape is right: ids, references, coordinates,
//! dates, texts, links. Every problem is reported, each with its JSON path, the id of the
//! record it is in and a plain sentence.

use crate::collections::HashSet;
use std::fmt;

use super::json::Json;
use super::number::Plain;

use super::dataset::*;
use super::date::PartialDate;

/// How bad an issue is: errors keep the dataset from being drawn, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    /// JSON path of the offending value, e.g. `items[3].when.start`; `.` for the top level.
    pub path: String,
    /// The `id` of the record the path is in, where it has one.
    pub record: Option<String>,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.record, self.path.as_str()) {
            (Some(id), path) => write!(f, "record \"{id}\", field {path}: {}", self.message),
            (None, ".") => write!(f, "top level: {}", self.message),
            (None, path) => write!(f, "field {path}: {}", self.message),
        }
    }
}

/// The longest a name or title may be, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest a description, note or citation place may be, in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The longest an id may be, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// Ids of every record of each collection, including records that failed to parse, so
/// that a reference to such a record is not reported a second time as dangling.
#[derive(Debug, Default, Clone)]
pub struct KnownIds {
    pub sources: HashSet<String>,
    pub sites: HashSet<String>,
    pub actors: HashSet<String>,
    pub items: HashSet<String>,
}

impl KnownIds {
    pub fn of_dataset(ds: &Dataset) -> Self {
        let ids = |it: &mut dyn Iterator<Item = &String>| it.cloned().collect();
        Self {
            sources: ids(&mut ds.sources.iter().map(|r| &r.id)),
            sites: ids(&mut ds.sites.iter().map(|r| &r.id)),
            actors: ids(&mut ds.actors.iter().map(|r| &r.id)),
            items: ids(&mut ds.items.iter().map(|r| &r.id)),
        }
    }

    /// The ids found in the raw JSON, whatever else is wrong with the records.
    pub fn of_json(root: &Json<'_>) -> Self {
        let ids = |key: &str| {
            root.get(key)
                .and_then(Json::as_array)
                .map(|records| records.iter().filter_map(|r| r.get("id")?.as_str().map(str::to_owned)).collect())
                .unwrap_or_default()
        };
        Self { sources: ids("sources"), sites: ids("sites"), actors: ids("actors"), items: ids("items") }
    }
}

/// Validates `ds`, resolving references against `known`.
pub fn validate(ds: &Dataset, known: &KnownIds) -> Vec<Issue> {
    let mut v = Validator { issues: Vec::new(), known };
    v.ids("sources", ds.sources.iter().map(|r| r.id.as_str()));
    v.ids("sites", ds.sites.iter().map(|r| r.id.as_str()));
    v.ids("actors", ds.actors.iter().map(|r| r.id.as_str()));
    v.ids("items", ds.items.iter().map(|r| r.id.as_str()));
    for (i, s) in ds.sources.iter().enumerate() {
        v.source(&At::root("sources").index(i), s);
    }
    for (i, s) in ds.sites.iter().enumerate() {
        v.site(&At::root("sites").index(i), s);
    }
    for (i, a) in ds.actors.iter().enumerate() {
        v.actor(&At::root("actors").index(i), a);
    }
    for (i, item) in ds.items.iter().enumerate() {
        v.item(&At::root("items").index(i), item);
    }
    v.ids("tours", ds.tours.iter().map(|r| r.id.as_str()));
    for (i, tour) in ds.tours.iter().enumerate() {
        v.tour(&At::root("tours").index(i), tour);
    }
    // A site that nothing uses is drawn with nothing to say: probably a leftover. (The
    // ids used, gathered once: a search of every item for each site was 80 ms at 5,000
    // sites and 10,000 items.)
    let used: HashSet<String> = ds
        .items
        .iter()
        .flat_map(|it| it.sites.iter())
        .chain(ds.actors.iter().filter_map(|a| a.site.as_ref()))
        .cloned()
        .collect();
    for (i, site) in ds.sites.iter().enumerate() {
        if !used.contains(site.id.as_str()) {
            v.push(Severity::Warning, format!("sites[{i}]"), &site.id, "no item and no actor uses this site".into());
        }
    }
    v.issues
}

/// Validates a dataset on its own (every reference must resolve inside it).
pub fn validate_dataset(ds: &Dataset) -> Vec<Issue> {
    validate(ds, &KnownIds::of_dataset(ds))
}

/// Where a value is in the file (`items[3].when.start`), written only when an issue is
/// found there: each record's fields' paths, written out, were a tenth of reading a large
/// dataset.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    fn root(key: &'a str) -> Self {
        At { parent: None, step: Step::Key(key) }
    }

    fn key(&'a self, key: &'a str) -> At<'a> {
        At { parent: Some(self), step: Step::Key(key) }
    }

    fn index(&'a self, i: usize) -> At<'a> {
        At { parent: Some(self), step: Step::Index(i) }
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match (self.step, self.parent) {
            (Step::Key(k), None) => f.write_str(k),
            (Step::Key(k), Some(_)) => write!(f, ".{k}"),
            (Step::Index(i), _) => write!(f, "[{i}]"),
        }
    }
}

struct Validator<'a> {
    issues: Vec<Issue>,
    known: &'a KnownIds,
}

/// Which collection a reference points into, and what its records are called.
#[derive(Clone, Copy)]
enum Kind {
    Source,
    Site,
    Actor,
    Item,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Site => "site",
            Kind::Actor => "actor",
            Kind::Item => "item",
        }
    }
}

impl Validator<'_> {
    fn push(&mut self, severity: Severity, path: String, record: &str, message: String) {
        let record = (!record.is_empty()).then(|| record.to_owned());
        self.issues.push(Issue { severity, path, record, message });
    }

    fn error(&mut self, path: String, record: &str, message: String) {
        self.push(Severity::Error, path, record, message);
    }

    fn ids<'i>(&mut self, collection: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::default();
        for (i, id) in ids.enumerate() {
            // Written only for an issue (15,000 records' paths were a tenth of the reading).
            let path = || format!("{collection}[{i}].id");
            if id.is_empty() {
                self.error(path(), "", "the id is empty".into());
            } else if !is_id(id) {
                self.error(
                    path(),
                    id,
                    format!(
                        "the id must be lowercase letters and digits in words joined by '-', at most {MAX_ID_LEN} long"
                    ),
                );
            } else if !seen.insert(id) {
                self.error(path(), id, format!("the id \"{id}\" is used by another record of {collection}"));
            }
        }
    }

    fn reference(&mut self, path: &At, record: &str, kind: Kind, target: &str) {
        let known = match kind {
            Kind::Source => &self.known.sources,
            Kind::Site => &self.known.sites,
            Kind::Actor => &self.known.actors,
            Kind::Item => &self.known.items,
        };
        if !known.contains(target) {
            self.error(
                path.to_string(),
                record,
                format!("refers to {} \"{target}\", which does not exist", kind.noun()),
            );
        }
    }

    fn references(&mut self, path: &At, record: &str, kind: Kind, targets: &[String]) {
        let mut seen = HashSet::default();
        for (i, target) in targets.iter().enumerate() {
            self.reference(&path.index(i), record, kind, target);
            if !seen.insert(target) {
                self.error(path.index(i).to_string(), record, format!("lists {} \"{target}\" twice", kind.noun()));
            }
        }
    }

    fn text(&mut self, path: &At, record: &str, text: &Localized, max: usize) {
        for lang in Lang::ALL {
            let value = text.own(lang).unwrap_or_default();
            let lang = lang.code();
            let path = path.key(lang);
            if value.trim().is_empty() {
                self.error(path.to_string(), record, format!("the {} text is missing", lang_name(lang)));
                continue;
            }
            let chars = value.chars().count();
            if chars > max {
                self.error(
                    path.to_string(),
                    record,
                    format!("the text is {chars} characters long; at most {max} are allowed"),
                );
            }
            if let Some(c) = value.chars().find(|&c| is_forbidden_char(c, max > MAX_NAME_CHARS)) {
                self.error(
                    path.to_string(),
                    record,
                    format!("the text contains the invisible or control character U+{:04X}", c as u32),
                );
            }
        }
    }

    fn not_from_sources(
        &mut self,
        path: &At,
        record: &str,
        entries: &[String],
        fields: &[&str],
        lists: &[(&str, &[String])],
    ) {
        for (i, entry) in entries.iter().enumerate() {
            let (head, rest) = entry.split_once('.').unwrap_or((entry, ""));
            let ok = if let Some((_, list)) = lists.iter().find(|(name, _)| *name == head) {
                rest.is_empty() || list.iter().any(|id| id == rest)
            } else {
                fields.contains(&head) && (rest.is_empty() || ["fr", "en", "zh"].contains(&rest))
            };
            if !ok {
                self.error(
                    path.key("not_from_sources").index(i).to_string(),
                    record,
                    format!("\"{entry}\" is not a field of this record"),
                );
            }
        }
    }

    fn figures(&mut self, path: &At, record: &str, figures: &[Figure]) {
        let list = path.key("figures");
        for (i, f) in figures.iter().enumerate() {
            let p = list.index(i);
            if !f.value.is_finite() || f.value < 0.0 {
                self.error(p.key("value").to_string(), record, format!("{} is not a count or amount", Plain(f.value)));
            }
            self.text(&p.key("label"), record, &f.label, MAX_NAME_CHARS);
        }
    }

    fn when(&mut self, path: &At, record: &str, when: &When) {
        let mut parse = |field: &str, text: &Option<String>| -> Option<PartialDate> {
            let text = text.as_ref()?;
            PartialDate::parse(text).map_err(|e| self.error(path.key(field).to_string(), record, e)).ok()
        };
        let (start, end) = (parse("start", &when.start), parse("end", &when.end));
        let expected_parts = match when.precision {
            Precision::Day => Some(3),
            Precision::Month => Some(2),
            Precision::Year => Some(1),
            Precision::Approximate | Precision::Unknown => None,
        };
        if when.precision == Precision::Unknown {
            if when.start.is_some() || when.end.is_some() {
                self.error(
                    path.key("precision").to_string(),
                    record,
                    "the precision is \"unknown\" but a date is given".into(),
                );
            }
        } else if when.start.is_none() {
            let precision = when.precision.json_name();
            self.error(
                path.key("start").to_string(),
                record,
                format!("the precision is \"{precision}\" but there is no start date"),
            );
        }
        if let Some(parts) = expected_parts {
            for (field, date) in [("start", start), ("end", end)] {
                if let Some(d) = date {
                    let given = 1 + usize::from(d.month.is_some()) + usize::from(d.day.is_some());
                    if given != parts {
                        let precision = when.precision.json_name();
                        self.error(
                            path.key(field).to_string(),
                            record,
                            format!("\"{d}\" does not match the precision \"{precision}\""),
                        );
                    }
                }
            }
        }
        if let (Some(s), Some(e)) = (start, end)
            && e.latest() < s.earliest()
        {
            self.error(path.key("end").to_string(), record, format!("the end {e} is before the start {s}"));
        }
    }

    fn source(&mut self, path: &At, s: &Source) {
        let id = s.id.as_str();
        self.text(&path.key("title"), id, &s.title, MAX_NAME_CHARS);
        if let Some(p) = &s.publisher {
            self.text(&path.key("publisher"), id, p, MAX_NAME_CHARS);
        }
        if let Some(n) = &s.note {
            self.text(&path.key("note"), id, n, MAX_TEXT_CHARS);
        }
        if let Some(d) = &s.date {
            self.when(&path.key("date"), id, d);
        }
        if !matches!(s.language.as_str(), "fr" | "en" | "zh") {
            self.error(path.key("language").to_string(), id, format!("\"{}\" is not one of fr, en, zh", s.language));
        }
        if let Some(url) = &s.url
            && let Err(e) = check_url(url)
        {
            self.error(path.key("url").to_string(), id, e);
        }
        self.not_from_sources(
            path,
            id,
            &s.not_from_sources,
            &["title", "publisher", "date", "language", "url", "note"],
            &[],
        );
    }

    fn site(&mut self, path: &At, s: &Site) {
        let id = s.id.as_str();
        self.text(&path.key("name"), id, &s.name, MAX_NAME_CHARS);
        self.text(&path.key("region"), id, &s.region, MAX_NAME_CHARS);
        let (lon, lat) = (s.lon, s.lat);
        if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
            self.error(path.key("lon").to_string(), id, format!("longitude {} is outside -180 to 180", Plain(lon)));
        } else if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
            self.error(path.key("lat").to_string(), id, format!("latitude {} is outside -90 to 90", Plain(lat)));
        } else if let Some((name, (w, s_, e, n))) = side_bounds(s.side)
            && (!(w..=e).contains(&lon) || !(s_..=n).contains(&lat))
        {
            self.error(
                path.key("lon").to_string(),
                id,
                format!(
                    "{}, {} (lon, lat) is not in {name}, but the site is on the {name} side",
                    Plain(lon),
                    Plain(lat)
                ),
            );
        }
        self.figures(path, id, &s.figures);
        if let Some(n) = &s.note {
            self.text(&path.key("note"), id, n, MAX_TEXT_CHARS);
        }
        self.not_from_sources(
            path,
            id,
            &s.not_from_sources,
            &["name", "kind", "coordinates", "side", "region", "figures", "note"],
            &[],
        );
    }

    fn actor(&mut self, path: &At, a: &Actor) {
        let id = a.id.as_str();
        self.text(&path.key("name"), id, &a.name, MAX_NAME_CHARS);
        if let Some(site) = &a.site {
            self.reference(&path.key("site"), id, Kind::Site, site);
        }
        if let Some(role) = &a.role {
            self.text(&path.key("role"), id, role, MAX_NAME_CHARS);
        }
        if let Some(of) = &a.affiliation {
            if of == id {
                self.error(path.key("affiliation").to_string(), id, "an actor cannot be affiliated with itself".into());
            } else {
                self.reference(&path.key("affiliation"), id, Kind::Actor, of);
            }
        }
        if let Some(n) = &a.note {
            self.text(&path.key("note"), id, n, MAX_TEXT_CHARS);
        }
        self.not_from_sources(
            path,
            id,
            &a.not_from_sources,
            &["name", "kind", "side", "site", "role", "affiliation", "note"],
            &[],
        );
    }

    fn item(&mut self, path: &At, item: &Item) {
        let id = item.id.as_str();
        self.text(&path.key("title"), id, &item.title, MAX_NAME_CHARS);
        self.text(&path.key("description"), id, &item.description, MAX_TEXT_CHARS);
        if let Some(n) = &item.note {
            self.text(&path.key("note"), id, n, MAX_TEXT_CHARS);
        }
        self.when(&path.key("when"), id, &item.when);
        self.references(&path.key("parties"), id, Kind::Actor, &item.parties);
        self.references(&path.key("sites"), id, Kind::Site, &item.sites);
        self.references(&path.key("related"), id, Kind::Item, &item.related);
        if let Some(i) = item.related.iter().position(|r| r == id) {
            self.error(path.key("related").index(i).to_string(), id, "an item cannot be related to itself".into());
        }
        let mut domains = HashSet::default();
        for (i, d) in item.domains.iter().enumerate() {
            if !domains.insert(d) {
                self.error(
                    path.key("domains").index(i).to_string(),
                    id,
                    format!("lists the domain \"{}\" twice", json_name(d)),
                );
            }
        }
        if item.sources.is_empty() {
            self.error(path.key("sources").to_string(), id, "the item cites no source".into());
        }
        self.citations(path, id, &item.sources);
        self.figures(path, id, &item.figures);
        self.not_from_sources(
            path,
            id,
            &item.not_from_sources,
            &["title", "description", "when", "status", "kind", "domains", "note", "figures"],
            &[("sites", &item.sites), ("parties", &item.parties), ("related", &item.related)],
        );
    }
}

impl Validator<'_> {
    fn citations(&mut self, path: &At, id: &str, sources: &[Citation]) {
        let list = path.key("sources");
        for (i, c) in sources.iter().enumerate() {
            let p = list.index(i);
            self.reference(&p.key("source"), id, Kind::Source, &c.source);
            if c.place.trim().is_empty() {
                self.push(Severity::Warning, p.key("place").to_string(), id, "no place in the source is given".into());
            } else if c.place.chars().count() > MAX_TEXT_CHARS {
                self.error(
                    p.key("place").to_string(),
                    id,
                    format!("the place is longer than {MAX_TEXT_CHARS} characters"),
                );
            }
        }
    }

    fn tour(&mut self, path: &At, tour: &Tour) {
        let id = tour.id.as_str();
        self.text(&path.key("title"), id, &tour.title, MAX_NAME_CHARS);
        self.text(&path.key("summary"), id, &tour.summary, MAX_TEXT_CHARS);
        if tour.steps.is_empty() {
            self.error(path.key("steps").to_string(), id, "the tour has no step".into());
        }
        let steps = path.key("steps");
        for (i, step) in tour.steps.iter().enumerate() {
            let p = steps.index(i);
            match (&step.item, &step.site) {
                (Some(_), Some(_)) => self.error(p.to_string(), id, "a step shows an item or a site, not both".into()),
                (Some(item), None) => self.reference(&p.key("item"), id, Kind::Item, item),
                (None, Some(site)) => self.reference(&p.key("site"), id, Kind::Site, site),
                (None, None) => {}
            }
            if let Some(z) = step.zoom
                && !(z.is_finite() && (0.5..=50.0).contains(&z))
            {
                self.error(p.key("zoom").to_string(), id, format!("zoom {} is outside 0.5 to 50", Plain(z)));
            }
            if let Some(t) = &step.time {
                match PartialDate::parse(t) {
                    Err(e) => self.error(p.key("time").to_string(), id, e),
                    Ok(d) if d.day.is_none() => {
                        self.error(p.key("time").to_string(), id, format!("\"{t}\" is not a full date YYYY-MM-DD"))
                    }
                    Ok(_) => {}
                }
            }
            self.text(&p.key("caption"), id, &step.caption, MAX_TEXT_CHARS);
            self.text(&p.key("notes"), id, &step.notes, MAX_TEXT_CHARS);
            if step.sources.is_empty() {
                self.error(p.key("sources").to_string(), id, "the step cites no source".into());
            }
            self.citations(&p, id, &step.sources);
            self.not_from_sources(&p, id, &step.not_from_sources, &["caption", "notes", "time", "view", "zoom"], &[]);
        }
    }
}

/// Whether `id` is a well-formed record id: lowercase letters and digits in words joined by
/// `-`, at most [`MAX_ID_LEN`] bytes. The URL and the embed commands accept only such ids.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// How an enum value is spelt in the dataset file.
fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn lang_name(lang: &str) -> &'static str {
    match lang {
        "fr" => "French",
        "en" => "English",
        _ => "Chinese",
    }
}

/// A box of longitudes and latitudes: (west, south, east, north).
type LonLatBox = (f64, f64, f64, f64);

/// The boxes that a site on each side must fall in: metropolitan France, and China.
fn side_bounds(side: Side) -> Option<(&'static str, LonLatBox)> {
    match side {
        Side::France => Some(("France", (-5.5, 41.0, 10.0, 51.5))),
        Side::China => Some(("China", (73.0, 18.0, 135.5, 54.0))),
        Side::Other => None,
    }
}

/// Control characters (tabs and, in long texts, newlines aside), bidirectional
/// overrides and zero-width characters: they hide or reorder what a reader sees.
fn is_forbidden_char(c: char, long_text: bool) -> bool {
    (c.is_control() && !(long_text && c == '\n'))
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A link the app may show: `https://` only, with a host, and nothing a browser would
/// treat as something else.
fn check_url(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        let scheme = url.split_once(':').map_or("none", |(s, _)| s);
        return Err(format!("the link must start with https:// (its scheme is \"{scheme}\")"));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.len() > 2_000 {
        return Err("the link is not a well-formed https URL".into());
    }
    Ok(())
}
