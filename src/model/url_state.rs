//! Everything the user sets, in the query string: parsed and written as plain Rust, so a
//! shared URL opens the same state. Unknown or invalid parameters are ignored, each with a
//! warning the app prints to the console.

use super::dataset::{Domain, ItemKind, Lang, Status};
use super::filter::{Filter, SideFilter};
use super::number::Plain;
use super::time::{iso, parse_day};
use super::ui::{MapView, Mode, Panel, Selection, Zoom};
use super::validate::is_id;

/// The state a URL carries: what the reader chose, and how the page is set up (embedded,
/// which origins may command it, which dataset). Defaults are left out of the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlState {
    pub selection: Selection,
    /// The time cursor, a day number; `None` shows every date.
    pub time: Option<i64>,
    pub filter: Filter,
    pub view: MapView,
    pub zoom: Option<Zoom>,
    pub panel: Panel,
    /// The language, when the URL names one.
    pub lang: Option<Lang>,
    pub mode: Mode,
    /// The tour being shown (`tour=`); `None`: the automatic tour of the dated items.
    pub tour: Option<String>,
    /// `embed=1`: compact chrome for an iframe.
    pub embed: bool,
    /// Origins whose `postMessage` commands the embedded app obeys (`allow=https://a.example,…`).
    pub allow: Vec<String>,
    /// `data=`: another dataset on this site, as the URL wrote it (checked where it is loaded).
    pub data: Option<String>,
}

/// The parameters that set a state other than the first screen's (every one the reader
/// reads but `lang`): where the URL holds one, the pre-rendered first screen is not shown.
pub const STATE_PARAMS: [&str; 17] = [
    "item", "site", "t", "kind", "domain", "status", "side", "q", "view", "zoom", "panel", "mode", "tour", "step",
    "embed", "allow", "data",
];

/// What a link is for: each keeps what must pass on (the dataset, the embedding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkFor {
    /// The address bar: the state exactly.
    AddressBar,
    /// A link to share, or the embedded page's way out to the full view: not embedded.
    FullPage,
    /// The iframe snippet's `src`: embedded, with its allowed origins.
    Embed,
}

/// What the address bar does when the state changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryAction {
    /// Nothing changed.
    Nothing,
    /// A discrete change (a selection, a view, a filter): a new entry, so Back returns.
    Push,
    /// Only continuous parts changed (the cursor, the zoom, the search being typed):
    /// rewrite the entry, so Back skips the in-betweens.
    Replace,
}

/// `scheme://host[:port]` with an http(s) scheme and nothing after: a web origin.
pub fn is_origin(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else { return false };
    let (host, port) = rest.rsplit_once(':').map_or((rest, None), |(h, p)| (h, Some(p)));
    !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
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
        let (mut item, mut site, mut mode, mut step) = (None, None, None, None);
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(k), decode(v));
            let mut bad = |why: &str| warnings.push(format!("ignored URL parameter {key}={value}: {why}"));
            match key.as_str() {
                "item" if is_id(&value) => item = Some(value.clone()),
                "site" if is_id(&value) => site = Some(value.clone()),
                "item" | "site" => bad("not an id"),
                "t" => match parse_day(&value) {
                    Some(d) if value.len() == 10 => st.time = Some(d),
                    _ => bad("not a date YYYY-MM-DD"),
                },
                "kind" | "domain" | "status" | "side" => {
                    for part in value.split(',').filter(|p| !p.is_empty()) {
                        let ok = match key.as_str() {
                            "kind" => ItemKind::from_slug(part).map(|k| st.filter.kinds.insert(k)).is_some(),
                            "domain" => Domain::from_slug(part).map(|d| st.filter.domains.insert(d)).is_some(),
                            "status" => Status::from_slug(part).map(|s| st.filter.statuses.insert(s)).is_some(),
                            _ => SideFilter::from_slug(part).map(|s| st.filter.sides.insert(s)).is_some(),
                        };
                        if !ok {
                            warnings.push(format!("ignored URL parameter {key}={value}: unknown value \"{part}\""));
                        }
                    }
                }
                "q" if value.chars().count() <= 200 => st.filter.query = value.clone(),
                "q" => bad("longer than 200 characters"),
                "view" => match MapView::from_slug(&value) {
                    Some(v) => st.view = v,
                    None => bad("unknown view"),
                },
                "zoom" => {
                    let n: Vec<f64> =
                        value.split(',').filter_map(super::number::parse_f64).filter(|f| f.is_finite()).collect();
                    match n.as_slice() {
                        [k, x, y] if *k > 0.0 && *k <= 1000.0 => st.zoom = Some(Zoom { k: *k, x: *x, y: *y }),
                        _ => bad("expected zoom=k,x,y"),
                    }
                }
                "panel" if value == "list" => st.panel = Panel::List,
                "panel" if value == "timeline" => st.panel = Panel::Timeline,
                "panel" => bad("unknown panel"),
                "lang" => match value.as_str() {
                    "fr" => st.lang = Some(Lang::Fr),
                    "en" => st.lang = Some(Lang::En),
                    "zh" => st.lang = Some(Lang::Zh),
                    _ => bad("expected fr, en or zh"),
                },
                "mode" if ["present", "console", "guide"].contains(&value.as_str()) => mode = Some(value.clone()),
                "mode" => bad("unknown mode"),
                "tour" if is_id(&value) => st.tour = Some(value.clone()),
                "tour" => bad("not an id"),
                "step" => match value.parse::<usize>() {
                    Ok(n) if (1..=10_000).contains(&n) => step = Some(n),
                    _ => bad("expected a step number from 1"),
                },
                "embed" if value == "1" => st.embed = true,
                "embed" => bad("expected embed=1"),
                "allow" => {
                    for origin in value.split(',').filter(|o| !o.is_empty()) {
                        if is_origin(origin) {
                            st.allow.push(origin.to_owned());
                        } else {
                            warnings
                                .push(format!("ignored URL parameter allow={value}: \"{origin}\" is not an origin"));
                        }
                    }
                }
                "data" => st.data = Some(value.clone()),
                _ => bad("unknown parameter"),
            }
        }
        // An item wins over a site: one selection at most.
        st.selection = match (item, site) {
            (Some(i), _) => Selection::Item(i),
            (None, Some(s)) => Selection::Site(s),
            (None, None) => Selection::None,
        };
        // A tour is shown as a guide unless a mode says otherwise.
        let at = step.unwrap_or(1) - 1;
        st.mode = match (mode.as_deref(), &st.tour) {
            (Some("present"), _) => Mode::Present(at),
            (Some("console"), _) => Mode::Console(at),
            (Some(_), _) | (None, Some(_)) => Mode::Guide(at),
            (None, None) => {
                if let Some(n) = step {
                    warnings.push(format!("ignored URL parameter step={n}: a step needs a tour or mode=present"));
                }
                Mode::Explore
            }
        };
        (st, warnings)
    }

    /// The query string (without `?`), in a fixed order, leaving out defaults.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |k: &str, v: String| parts.push(format!("{k}={}", encode(&v)));
        if let Some(v) = self.lang {
            push("lang", v.code().to_owned());
        }
        match (self.mode, &self.tour) {
            (Mode::Explore, _) => {}
            (Mode::Present(_), _) => push("mode", "present".into()),
            (Mode::Console(_), _) => push("mode", "console".into()),
            (Mode::Guide(_), None) => push("mode", "guide".into()),
            (Mode::Guide(_), Some(_)) => {}
        }
        if let (Some(tour), Some(_)) = (&self.tour, self.mode.step()) {
            push("tour", tour.clone());
        }
        if let Some(step) = self.mode.step() {
            push("step", (step + 1).to_string());
        }
        if self.embed {
            push("embed", "1".into());
        }
        if !self.allow.is_empty() {
            push("allow", self.allow.join(","));
        }
        if self.view != MapView::default() {
            push("view", self.view.slug());
        }
        if let Some(z) = self.zoom {
            push("zoom", format!("{},{},{}", Plain(round(z.k, 3)), Plain(round(z.x, 1)), Plain(round(z.y, 1))));
        }
        if self.panel == Panel::List {
            push("panel", "list".into());
        }
        match &self.selection {
            Selection::Item(id) => push("item", id.clone()),
            Selection::Site(id) => push("site", id.clone()),
            Selection::None => {}
        }
        if let Some(d) = self.time {
            push("t", iso(d));
        }
        let join = |set: Vec<String>| set.join(",");
        let f = &self.filter;
        if !f.kinds.is_empty() {
            push("kind", join(f.kinds.iter().map(|k| k.slug()).collect()));
        }
        if !f.domains.is_empty() {
            push("domain", join(f.domains.iter().map(|d| d.slug()).collect()));
        }
        if !f.statuses.is_empty() {
            push("status", join(f.statuses.iter().map(|s| s.slug()).collect()));
        }
        if !f.sides.is_empty() {
            push("side", join(f.sides.iter().map(|s| s.slug().to_owned()).collect()));
        }
        if !f.query.trim().is_empty() {
            push("q", f.query.clone());
        }
        if let Some(d) = &self.data {
            push("data", d.clone());
        }
        parts.join("&").replace("%2C", ",").replace("%3A", ":").replace("%2F", "/")
    }

    /// The state as a link for `purpose`: the address bar's, a full page's (a shared link,
    /// the embedded page's way out), or an iframe's. The dataset always passes on.
    pub fn for_link(&self, purpose: LinkFor) -> UrlState {
        let mut st = self.clone();
        match purpose {
            LinkFor::AddressBar => {}
            LinkFor::FullPage => {
                st.embed = false;
                st.allow.clear();
            }
            LinkFor::Embed => st.embed = true,
        }
        st
    }

    /// `base` (the page's address without a query) with this state for `purpose`.
    pub fn link(&self, base: &str, purpose: LinkFor) -> String {
        let query = self.for_link(purpose).to_query();
        if query.is_empty() { base.to_owned() } else { format!("{base}?{query}") }
    }

    /// What moving from `self` to `next` does to the browser's history.
    pub fn history_action(&self, next: &UrlState) -> HistoryAction {
        if self == next {
            return HistoryAction::Nothing;
        }
        let discrete = |u: &UrlState| UrlState {
            time: None,
            zoom: None,
            filter: Filter { query: String::new(), ..u.filter.clone() },
            ..u.clone()
        };
        if discrete(self) == discrete(next) { HistoryAction::Replace } else { HistoryAction::Push }
    }
}

fn round(v: f64, places: i32) -> f64 {
    let p = 10f64.powi(places);
    (v * p).round() / p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> UrlState {
        UrlState {
            selection: Selection::Item("loi-chambery-zhangjiakou".into()),
            time: parse_day("2018-11-29"),
            filter: Filter {
                kinds: [ItemKind::Agreement, ItemKind::LetterOfIntent].into(),
                domains: [Domain::SmartCity].into(),
                statuses: [Status::Signed].into(),
                sides: [SideFilter::Both].into(),
                query: "Chambéry & 张家口 50%".into(),
            },
            view: MapView::China,
            zoom: Some(Zoom { k: 2.5, x: -12.3, y: 40.0 }),
            panel: Panel::List,
            lang: Some(Lang::Zh),
            mode: Mode::Present(2),
            tour: Some("from-alpitec-to-the-games".into()),
            embed: true,
            allow: vec!["https://www.auvergnerhonealpes.fr".into(), "http://127.0.0.1:4174".into()],
            data: Some("data/other.json".into()),
        }
    }

    #[test]
    fn a_full_state_round_trips() {
        let st = full();
        let q = st.to_query();
        assert!(
            q.contains("kind=agreement,letter-of-intent")
                && q.contains("mode=present&tour=from-alpitec-to-the-games&step=3")
                && q.ends_with("data=data/other.json"),
            "{q}"
        );
        let (back, warnings) = UrlState::parse(&q);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(back, st);
        assert_eq!(UrlState::parse(&format!("?{q}")).0, st);
    }

    #[test]
    fn the_default_state_is_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(UrlState::parse(""), (UrlState::default(), vec![]));
        // The two regions are the default view: only another view is written.
        assert_eq!(UrlState { view: MapView::Overview, ..UrlState::default() }.to_query(), "view=overview");
    }

    #[test]
    fn a_tour_opens_as_a_guide_unless_a_mode_says_otherwise() {
        let tour = |q: &str| UrlState::parse(q).0;
        assert_eq!(tour("tour=t&step=3").mode, Mode::Guide(2));
        assert_eq!(tour("tour=t").mode, Mode::Guide(0));
        assert_eq!(tour("mode=present&tour=t&step=2").mode, Mode::Present(1));
        assert_eq!(tour("mode=console&step=5").mode, Mode::Console(4));
        assert_eq!(tour("mode=guide").mode, Mode::Guide(0));
        for q in ["tour=t&step=3", "mode=present&tour=t&step=2", "mode=console&step=5", "mode=guide&step=2"] {
            let st = tour(q);
            assert_eq!(UrlState::parse(&st.to_query()).0, st, "{q}");
        }
        // Out of a tour, the tour is not written.
        assert_eq!(UrlState { tour: Some("t".into()), ..UrlState::default() }.to_query(), "");
    }

    #[test]
    fn an_item_and_a_site_make_one_selection() {
        assert_eq!(UrlState::parse("site=lyon&item=forum").0.selection, Selection::Item("forum".into()));
        assert_eq!(UrlState::parse("site=lyon").0.selection, Selection::Site("lyon".into()));
    }

    #[test]
    fn bad_parameters_are_ignored_with_a_warning() {
        let (st, warnings) = UrlState::parse(
            "item=%3Cscript%3E&t=2018-02-30&kind=agreement,treaty&lang=de&view=mars&zoom=0,1,2&foo=1&embed=1&q=ok&step=4",
        );
        assert_eq!(st.selection, Selection::None);
        assert_eq!(st.time, None);
        assert_eq!(st.filter.kinds, [ItemKind::Agreement].into());
        assert_eq!(st.lang, None);
        assert_eq!(st.view, MapView::Both);
        assert_eq!(st.zoom, None);
        assert_eq!(st.filter.query, "ok");
        assert_eq!(st.mode, Mode::Explore);
        assert_eq!(warnings.len(), 8, "{warnings:#?}");
        assert!(warnings.iter().any(|w| w.contains("kind=agreement,treaty") && w.contains("\"treaty\"")));
        assert!(warnings.iter().any(|w| w.contains("foo=1")));
        assert!(warnings.iter().any(|w| w.contains("step=4")));
    }

    #[test]
    fn every_link_keeps_the_dataset_and_the_embedding_where_it_belongs() {
        let st = full();
        let base = "https://passerelle.example/app/";
        let share = st.link(base, LinkFor::FullPage);
        assert!(
            share.starts_with("https://passerelle.example/app/?") && share.contains("data=data/other.json"),
            "{share}"
        );
        assert!(!share.contains("embed=") && !share.contains("allow="), "{share}");
        assert!(
            share.contains("zoom=") && share.contains("panel=list") && share.contains("mode=present"),
            "nothing goes stale: {share}"
        );
        let frame = UrlState { embed: false, ..st.clone() }.link(base, LinkFor::Embed);
        assert!(
            frame.contains("embed=1")
                && frame.contains("allow=https://www.auvergnerhonealpes.fr")
                && frame.contains("data=data/other.json"),
            "{frame}"
        );
        assert_eq!(st.link(base, LinkFor::AddressBar), format!("{base}?{}", st.to_query()));
        assert_eq!(UrlState::default().link(base, LinkFor::FullPage), base);
    }

    #[test]
    fn discrete_changes_push_and_continuous_ones_replace() {
        let a = UrlState::default();
        assert_eq!(a.history_action(&a.clone()), HistoryAction::Nothing);
        let selected = UrlState { selection: Selection::Site("lyon".into()), ..a.clone() };
        assert_eq!(a.history_action(&selected), HistoryAction::Push);
        let moved = UrlState { time: Some(17_000), zoom: Some(Zoom { k: 2.0, x: 1.0, y: 2.0 }), ..selected.clone() };
        assert_eq!(selected.history_action(&moved), HistoryAction::Replace);
        let typed = UrlState { filter: Filter { query: "chamb".into(), ..Filter::default() }, ..moved.clone() };
        assert_eq!(moved.history_action(&typed), HistoryAction::Replace);
        let filtered =
            UrlState { filter: Filter { kinds: [ItemKind::Event].into(), ..typed.filter.clone() }, ..typed.clone() };
        assert_eq!(typed.history_action(&filtered), HistoryAction::Push);
        assert_eq!(
            filtered.history_action(&UrlState { view: MapView::France, ..filtered.clone() }),
            HistoryAction::Push
        );
    }

    #[test]
    fn only_origins_are_allowed() {
        assert!(is_origin("https://example.org") && is_origin("http://127.0.0.1:4174"));
        for bad in ["javascript:alert(1)", "https://", "https://a.b/path", "ftp://x", "https://a.b:99999x", "*", "null"]
        {
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

    #[test]
    fn the_state_parameters_are_the_ones_the_reader_knows_but_the_language() {
        // Each is a parameter the parser reads (whatever its value, no "unknown parameter"),
        // and a sample of each moves the state away from the first screen's.
        for name in STATE_PARAMS {
            let (_, warnings) = UrlState::parse(&format!("{name}=%00"));
            assert!(warnings.iter().all(|w| !w.contains("unknown parameter")), "{name}: {warnings:?}");
        }
        let samples = [
            "item=forum",
            "site=lyon",
            "t=2018-06-30",
            "kind=agreement",
            "domain=tourism",
            "status=signed",
            "side=france",
            "q=lyon",
            "view=france",
            "zoom=2,1,1",
            "panel=list",
            "mode=present",
            "tour=t",
            "embed=1",
            "data=data%2Fx.json",
        ];
        for sample in samples {
            let (st, warnings) = UrlState::parse(sample);
            assert!(warnings.is_empty() && st != UrlState::default(), "{sample}: {warnings:?}");
        }
        // Neither the language nor a parameter the app does not know changes the first screen.
        for first_screen in ["lang=zh", "utm_source=newsletter"] {
            let (st, _) = UrlState::parse(first_screen);
            assert_eq!(UrlState { lang: None, ..st }, UrlState::default(), "{first_screen}");
            assert!(!STATE_PARAMS.contains(&first_screen.split('=').next().unwrap()));
        }
    }
}
