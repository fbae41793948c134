//! Which items are shown: filters by kind, domain, status and side, and a search across
//! every language that ignores case and accents. Map, timeline and list all use
//! [`Filter::matches`], so they always show the same set.

use super::dataset::{Dataset, Domain, Item, ItemKind, Side, Status};
use super::enum_set::{EnumSet, Enumerated};

/// Which side of the cooperation an item involves, through its sites and parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SideFilter {
    /// Involves France (possibly China too).
    France,
    /// Involves China (possibly France too).
    China,
    /// Involves both.
    Both,
}

impl SideFilter {
    pub const ALL: [SideFilter; 3] = [SideFilter::France, SideFilter::China, SideFilter::Both];

    pub fn slug(self) -> &'static str {
        match self {
            SideFilter::France => "france",
            SideFilter::China => "china",
            SideFilter::Both => "both",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == s)
    }
}

impl Enumerated for SideFilter {
    const ALL: &'static [Self] = &SideFilter::ALL;
    fn index(self) -> usize {
        self as usize
    }
}

/// What the user narrowed the items to. Empty sets mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kinds: EnumSet<ItemKind>,
    pub domains: EnumSet<Domain>,
    pub statuses: EnumSet<Status>,
    pub sides: EnumSet<SideFilter>,
    pub query: String,
}

/// One facet of the filter, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Kind,
    Domain,
    Status,
    Side,
}

/// One chosen value of one facet: what a removable chip shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    Kind(ItemKind),
    Domain(Domain),
    Status(Status),
    Side(SideFilter),
}

impl Chosen {
    /// `facet:value` as in the URL and the checkboxes' test ids (`kind:agreement`).
    pub fn slug(self) -> String {
        format!("{}:{}", self.facet(), self.value_slug())
    }

    /// The facet's name: `kind`, `domain`, `status` or `side`.
    pub fn facet(self) -> &'static str {
        match self {
            Chosen::Kind(_) => "kind",
            Chosen::Domain(_) => "domain",
            Chosen::Status(_) => "status",
            Chosen::Side(_) => "side",
        }
    }

    /// The value's own slug (`agreement`).
    pub fn value_slug(self) -> String {
        match self {
            Chosen::Kind(k) => k.slug(),
            Chosen::Domain(d) => d.slug(),
            Chosen::Status(s) => s.slug(),
            Chosen::Side(s) => s.slug().to_owned(),
        }
    }

    /// The value a [`Chosen::slug`] names.
    pub fn from_slug(slug: &str) -> Option<Self> {
        let (facet, value) = slug.split_once(':')?;
        match facet {
            "kind" => ItemKind::from_slug(value).map(Chosen::Kind),
            "domain" => Domain::from_slug(value).map(Chosen::Domain),
            "status" => Status::from_slug(value).map(Chosen::Status),
            "side" => SideFilter::from_slug(value).map(Chosen::Side),
            _ => None,
        }
    }

    /// The values the filters' drawer offers for `ds`, facet by facet: the kinds, domains
    /// and statuses its items use, in their enums' order, and the three sides.
    pub fn offered(ds: &Dataset) -> Vec<Chosen> {
        let kinds = ItemKind::ALL.iter().filter(|k| ds.items.iter().any(|i| i.kind == **k)).map(|k| Chosen::Kind(*k));
        let domains =
            Domain::ALL.iter().filter(|d| ds.items.iter().any(|i| i.domains.contains(d))).map(|d| Chosen::Domain(*d));
        let statuses =
            Status::ALL.iter().filter(|s| ds.items.iter().any(|i| i.status == **s)).map(|s| Chosen::Status(*s));
        let sides = SideFilter::ALL.into_iter().map(Chosen::Side);
        kinds.chain(domains).chain(statuses).chain(sides).collect()
    }
}

impl Filter {
    /// Every chosen facet value, facet by facet in declaration order (the search is not one:
    /// it shows in its own field).
    pub fn chosen(&self) -> Vec<Chosen> {
        let kinds = self.kinds.iter().map(|k| Chosen::Kind(*k));
        let domains = self.domains.iter().map(|d| Chosen::Domain(*d));
        let statuses = self.statuses.iter().map(|s| Chosen::Status(*s));
        let sides = self.sides.iter().map(|s| Chosen::Side(*s));
        kinds.chain(domains).chain(statuses).chain(sides).collect()
    }

    /// Drops one chosen value, leaving the others.
    pub fn remove(&mut self, value: Chosen) {
        match value {
            Chosen::Kind(k) => self.kinds.remove(&k),
            Chosen::Domain(d) => self.domains.remove(&d),
            Chosen::Status(s) => self.statuses.remove(&s),
            Chosen::Side(s) => self.sides.remove(&s),
        };
    }

    /// Whether `value` is chosen.
    pub fn has(&self, value: Chosen) -> bool {
        match value {
            Chosen::Kind(k) => self.kinds.contains(&k),
            Chosen::Domain(d) => self.domains.contains(&d),
            Chosen::Status(s) => self.statuses.contains(&s),
            Chosen::Side(s) => self.sides.contains(&s),
        }
    }

    /// Chooses `value`, or drops it.
    pub fn set(&mut self, value: Chosen, on: bool) {
        if !on {
            return self.remove(value);
        }
        match value {
            Chosen::Kind(k) => self.kinds.insert(k),
            Chosen::Domain(d) => self.domains.insert(d),
            Chosen::Status(s) => self.statuses.insert(s),
            Chosen::Side(s) => self.sides.insert(s),
        };
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.domains.is_empty()
            && self.statuses.is_empty()
            && self.sides.is_empty()
            && self.query.trim().is_empty()
    }

    /// Whether `item` passes every facet and the search.
    pub fn matches(&self, ds: &Dataset, item: &Item) -> bool {
        self.matches_except(ds, item, None)
    }

    fn matches_except(&self, ds: &Dataset, item: &Item, skip: Option<Facet>) -> bool {
        self.facets_match_except(ds, item, skip)
            && (self.query.trim().is_empty() || search_matches(ds, item, &self.query))
    }

    /// The facets, without the search.
    fn facets_match_except(&self, ds: &Dataset, item: &Item, skip: Option<Facet>) -> bool {
        let facet = |f: Facet| skip != Some(f);
        (!facet(Facet::Kind) || self.kinds.is_empty() || self.kinds.contains(&item.kind))
            && (!facet(Facet::Domain)
                || self.domains.is_empty()
                || item.domains.iter().any(|d| self.domains.contains(d)))
            && (!facet(Facet::Status) || self.statuses.is_empty() || self.statuses.contains(&item.status))
            && (!facet(Facet::Side) || self.sides.is_empty() || {
                let involved = sides_involved(ds, item);
                self.sides.iter().any(|s| s.met_by(involved))
            })
    }

    /// The items that pass, in dataset order.
    pub fn apply<'d>(&self, ds: &'d Dataset) -> Vec<&'d Item> {
        ds.items.iter().filter(|i| self.matches(ds, i)).collect()
    }

    /// The positions in `ds.items` of the items that pass, in order.
    pub fn positions(&self, ds: &Dataset) -> Vec<usize> {
        ds.items.iter().enumerate().filter(|(_, i)| self.matches(ds, i)).map(|(n, _)| n).collect()
    }

    /// How many items each value of each facet would show, given the other facets and the
    /// search (the usual faceted count: choosing a value never hides its own count). One
    /// pass over the items, with the search run once per item.
    pub fn counts(&self, ds: &Dataset) -> FacetCounts {
        let mut c = FacetCounts::default();
        let searching = !self.query.trim().is_empty();
        for item in ds.items.iter().filter(|i| !searching || search_matches(ds, i, &self.query)) {
            let passes = |skip: Facet| self.facets_match_except(ds, item, Some(skip));
            if passes(Facet::Kind) {
                c.kinds[item.kind as usize] += 1;
            }
            if passes(Facet::Domain) {
                let mut seen = [false; Domain::ALL.len()];
                for d in &item.domains {
                    seen[*d as usize] = true;
                }
                for (n, seen) in c.domains.iter_mut().zip(seen) {
                    *n += usize::from(seen);
                }
            }
            if passes(Facet::Status) {
                c.statuses[item.status as usize] += 1;
            }
            if passes(Facet::Side) {
                let involved = sides_involved(ds, item);
                for side in SideFilter::ALL.into_iter().filter(|s| s.met_by(involved)) {
                    c.sides[side as usize] += 1;
                }
            }
        }
        c
    }
}

/// What [`Filter::counts`] finds: for each facet value, how many items choosing it would
/// show. Arrays indexed by the value's position in its enum (plain arrays: maps keyed by
/// each enum cost kilobytes of wasm).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    kinds: [usize; ItemKind::ALL.len()],
    domains: [usize; Domain::ALL.len()],
    statuses: [usize; Status::ALL.len()],
    sides: [usize; SideFilter::ALL.len()],
}

impl FacetCounts {
    pub fn kind(&self, k: ItemKind) -> usize {
        self.kinds[k as usize]
    }
    pub fn domain(&self, d: Domain) -> usize {
        self.domains[d as usize]
    }
    pub fn status(&self, s: Status) -> usize {
        self.statuses[s as usize]
    }
    pub fn side(&self, s: SideFilter) -> usize {
        self.sides[s as usize]
    }

    /// How many items choosing `value` would show.
    pub fn of(&self, value: Chosen) -> usize {
        match value {
            Chosen::Kind(k) => self.kind(k),
            Chosen::Domain(d) => self.domain(d),
            Chosen::Status(s) => self.status(s),
            Chosen::Side(s) => self.side(s),
        }
    }
}

/// Whether an item involves a side, through its sites or its parties.
pub fn involves(ds: &Dataset, item: &Item, side: SideFilter) -> bool {
    side.met_by(sides_involved(ds, item))
}

/// The sides an item involves, through its sites or its parties: (France, China).
fn sides_involved(ds: &Dataset, item: &Item) -> (bool, bool) {
    let sides = item
        .sites
        .iter()
        .filter_map(|id| ds.site(id).map(|s| s.side))
        .chain(item.parties.iter().filter_map(|id| ds.actor(id).map(|a| a.side)));
    sides.fold((false, false), |(f, c), s| (f || s == Side::France, c || s == Side::China))
}

impl SideFilter {
    /// Whether an item involving these sides (France, China) passes.
    fn met_by(self, (france, china): (bool, bool)) -> bool {
        match self {
            SideFilter::France => france,
            SideFilter::China => china,
            SideFilter::Both => france && china,
        }
    }
}

/// A letter in lower case as Unicode has it, for the scripts a search here is typed in:
/// Latin (ASCII, Latin-1, Latin Extended-A), the Greek and the basic Cyrillic alphabets
/// (U+0370-U+03CE, U+0400-U+045F); any other character as it is (Chinese has no case).
/// Not `char::to_lowercase`, whose table of every script's capitals was 12 kB of the first
/// module (issue 25).
pub fn lower(c: char) -> char {
    let u = u32::from(c);
    let to = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        // Pairs, the capital first: at even code points, then at odd ones.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x370..=0x373 | 0x376 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        // İ: Unicode's lower case is i and a combining dot; the search wants the i.
        0x130 => 0x69,
        0x178 => 0xFF,
        0x37F => 0x3F3,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// Lower case without accents, so "chambery" finds "Chambéry" and "ECOLE" finds "École".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lower) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ñ' | 'ń' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ǔ' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | '‘' => out.push('\''),
            '–' | '—' => out.push('-'),
            c => out.push(c),
        }
    }
    out
}

/// Every word of the query appears (folded) in the item's texts in any language, or in the
/// names of its sites and parties.
pub fn search_matches(ds: &Dataset, item: &Item, query: &str) -> bool {
    let hay = fold(&haystack(ds, item));
    fold(query).split_whitespace().all(|word| hay.contains(word))
}

fn haystack(ds: &Dataset, item: &Item) -> String {
    let mut s = String::new();
    let mut add = |l: &super::dataset::Localized| {
        // (An edition's texts in the languages it holds: the names in all three.)
        for (_, t) in l.texts() {
            s.push_str(t);
            s.push('\n');
        }
    };
    add(&item.title);
    add(&item.description);
    if let Some(n) = &item.note {
        add(n);
    }
    for id in &item.sites {
        if let Some(site) = ds.site(id) {
            add(&site.name);
        }
    }
    for id in &item.parties {
        if let Some(a) = ds.actor(id) {
            add(&a.name);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_offered_value_is_read_back_from_its_slug_and_set_taken_and_counted_as_itself() {
        let ds = shipped();
        let offered = Chosen::offered(&ds);
        assert_eq!(offered.iter().filter(|v| matches!(v, Chosen::Side(_))).count(), 3);
        assert!(offered.contains(&Chosen::Kind(ItemKind::Agreement)), "{offered:?}");
        let counts = Filter::default().counts(&ds);
        for &value in &offered {
            assert_eq!(Chosen::from_slug(&value.slug()), Some(value));
            let mut f = Filter::default();
            f.set(value, true);
            assert!(f.has(value) && f.chosen() == vec![value], "{value:?}");
            assert_eq!(counts.of(value), f.apply(&ds).len(), "{value:?}");
            f.set(value, false);
            assert!(f.is_empty());
        }
        // Each kind, domain and status the items use, once; none they do not (each shows
        // an item, unfiltered).
        let mut unique = offered.clone();
        unique.dedup();
        assert_eq!(unique, offered);
        for item in &ds.items {
            assert!(offered.contains(&Chosen::Kind(item.kind)) && offered.contains(&Chosen::Status(item.status)));
            assert!(item.domains.iter().all(|d| offered.contains(&Chosen::Domain(*d))));
        }
        assert!(offered.iter().all(|v| counts.of(*v) > 0 || matches!(v, Chosen::Side(_))), "{offered:?}");
        for junk in ["", "kind", "kind:", "kind:nothing", "colour:red", ":agreement"] {
            assert_eq!(Chosen::from_slug(junk), None, "{junk}");
        }
    }

    #[test]
    fn chosen_values_list_each_facet_and_remove_one_at_a_time() {
        let mut f = Filter::default();
        assert!(f.chosen().is_empty());
        f.kinds.insert(ItemKind::Agreement);
        f.statuses.insert(Status::Planned);
        f.sides.insert(SideFilter::Both);
        f.query = "ski".into();
        assert_eq!(
            f.chosen(),
            vec![Chosen::Kind(ItemKind::Agreement), Chosen::Status(Status::Planned), Chosen::Side(SideFilter::Both)]
        );
        f.remove(Chosen::Status(Status::Planned));
        assert_eq!(f.chosen(), vec![Chosen::Kind(ItemKind::Agreement), Chosen::Side(SideFilter::Both)]);
        f.remove(Chosen::Kind(ItemKind::Agreement));
        f.remove(Chosen::Side(SideFilter::Both));
        assert!(f.chosen().is_empty());
        assert!(!f.is_empty(), "the search is still on");
        assert_eq!(Chosen::Kind(ItemKind::LetterOfIntent).slug(), "kind:letter-of-intent");
        assert_eq!(Chosen::Side(SideFilter::Both).slug(), "side:both");
    }

    use crate::model::shipped;

    fn ids(f: &Filter, ds: &Dataset) -> Vec<String> {
        f.apply(ds).into_iter().map(|i| i.id.clone()).collect()
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Chambéry ÉCOLE Œuvre"), "chambery ecole oeuvre");
        assert_eq!(fold("İSTANBUL ŁÓDŹ ΑΘΉΝΑ МОСКВА"), "istanbul łodź αθήνα москва");
        assert_eq!(fold("张家口"), "张家口");
    }

    #[test]
    fn lower_case_is_unicode_s_for_latin_greek_and_cyrillic_and_leaves_the_rest() {
        let scripts = [0..0x180, 0x370..0x3CF, 0x400..0x460];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let unicode: Vec<char> = c.to_lowercase().collect();
            if scripts.iter().any(|r| r.contains(&u32::from(c))) {
                // (İ's second char is the combining dot the search leaves out.)
                assert_eq!(lower(c), unicode[0], "{c} U+{:04X}", u32::from(c));
            } else {
                assert_eq!(lower(c), c, "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn search_works_in_every_language() {
        let ds = shipped();
        let q = |query: &str| ids(&Filter { query: query.into(), ..Filter::default() }, &ds);
        let by_latin = q("zhangjiakou");
        let by_chinese = q("张家口");
        assert!(!by_latin.is_empty());
        assert_eq!(by_latin, by_chinese, "张家口 finds what Zhangjiakou finds");
        assert!(q("chambery").contains(&"loi-chambery-zhangjiakou".to_string()));
        assert_eq!(q("chambery"), q("CHAMBÉRY"));
        assert!(q("aeroports lyon").contains(&"air-route-lyon-china".to_string()), "all words, any order, via parties");
        assert!(q("qwertyuiop").is_empty());
    }

    #[test]
    fn facets_narrow_and_combine() {
        let ds = shipped();
        let all = ds.items.len();
        assert_eq!(Filter::default().apply(&ds).len(), all);
        let signed = Filter { statuses: [Status::Signed].into(), ..Filter::default() };
        assert!(signed.apply(&ds).iter().all(|i| i.status == Status::Signed));
        let signed_agreements = Filter { kinds: [ItemKind::Agreement].into(), ..signed.clone() };
        assert!(signed_agreements.apply(&ds).len() < signed.apply(&ds).len());
        let transport = Filter { domains: [Domain::Transport].into(), ..Filter::default() };
        assert_eq!(ids(&transport, &ds), ["air-route-lyon-china"]);
        let positions: Vec<&str> = signed.positions(&ds).into_iter().map(|n| ds.items[n].id.as_str()).collect();
        assert_eq!(positions, ids(&signed, &ds));
        let both = Filter { sides: [SideFilter::Both].into(), ..Filter::default() };
        assert!(
            both.apply(&ds).iter().all(|i| involves(&ds, i, SideFilter::France) && involves(&ds, i, SideFilter::China))
        );
        assert!(!both.is_empty() && Filter::default().is_empty());
    }

    #[test]
    fn counts_ignore_their_own_facet() {
        let ds = shipped();
        let f = Filter { kinds: [ItemKind::Agreement].into(), ..Filter::default() };
        let counts = f.counts(&ds);
        // Choosing "agreement" does not zero the other kinds' counts.
        let projects = counts.kind(ItemKind::Project);
        assert_eq!(projects, ds.items.iter().filter(|i| i.kind == ItemKind::Project).count());
        let signed_agreements = counts.status(Status::Signed);
        assert_eq!(
            signed_agreements,
            ds.items.iter().filter(|i| i.kind == ItemKind::Agreement && i.status == Status::Signed).count()
        );
    }

    /// Each count is what choosing that value alone in its facet would show.
    #[test]
    fn each_count_is_what_choosing_its_value_shows() {
        let ds = shipped();
        let filters = [
            Filter::default(),
            Filter { kinds: [ItemKind::Agreement, ItemKind::Project].into(), ..Filter::default() },
            Filter { domains: [Domain::Sport].into(), sides: [SideFilter::China].into(), ..Filter::default() },
            Filter { statuses: [Status::Planned].into(), query: "chambery".into(), ..Filter::default() },
            Filter { query: "zhangjiakou ski".into(), ..Filter::default() },
        ];
        for f in filters {
            let c = f.counts(&ds);
            let shown = |g: Filter| g.apply(&ds).len();
            for &k in ItemKind::ALL {
                assert_eq!(c.kind(k), shown(Filter { kinds: [k].into(), ..f.clone() }), "{f:?} {k:?}");
            }
            for &d in Domain::ALL {
                assert_eq!(c.domain(d), shown(Filter { domains: [d].into(), ..f.clone() }), "{f:?} {d:?}");
            }
            for &s in Status::ALL {
                assert_eq!(c.status(s), shown(Filter { statuses: [s].into(), ..f.clone() }), "{f:?} {s:?}");
            }
            for s in SideFilter::ALL {
                assert_eq!(c.side(s), shown(Filter { sides: [s].into(), ..f.clone() }), "{f:?} {s:?}");
            }
        }
    }

    /// The counts' arrays are indexed by declaration order: the lists must follow it.
    #[test]
    fn value_lists_follow_declaration_order() {
        assert!(ItemKind::ALL.iter().enumerate().all(|(i, k)| *k as usize == i));
        assert!(Domain::ALL.iter().enumerate().all(|(i, d)| *d as usize == i));
        assert!(Status::ALL.iter().enumerate().all(|(i, s)| *s as usize == i));
        assert!(SideFilter::ALL.iter().enumerate().all(|(i, s)| *s as usize == i));
    }
}
