//! The serde types of the cooperation dataset (`public/data/cooperation.json`, `"schema": 1`).
//!
//! Unknown fields are rejected everywhere (`deny_unknown_fields`): a misspelt field in a
//! hand-edited dataset must be reported, not silently dropped.

use serde::{Deserialize, Serialize};

use super::names::named_enum;

/// The schema version this build of the app reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: the documents it is drawn from and what they describe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema: u32,
    pub sources: Vec<Source>,
    pub sites: Vec<Site>,
    pub actors: Vec<Actor>,
    pub items: Vec<Item>,
    /// Stories told step by step, for presenters and visitors (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tours: Vec<Tour>,
    /// Items, sites and actors by id, built on first lookup (not part of the file).
    #[serde(skip)]
    pub lookup: Lookup,
}

/// Positions of items, sites and actors by id, for [`Dataset::item`], [`Dataset::site`] and
/// [`Dataset::actor`]:
/// filters and views look them up for every item, and with thousands of sites a linear
/// search was most of a filter change. Built once, on first use; a position that no
/// longer holds the id (the lists were changed after) falls back to a search. It carries
/// no data, so it is equal to any other and a clone starts empty.
#[derive(Default)]
pub struct Lookup {
    items: std::sync::OnceLock<crate::collections::HashMap<String, usize>>,
    sites: std::sync::OnceLock<crate::collections::HashMap<String, usize>>,
    actors: std::sync::OnceLock<crate::collections::HashMap<String, usize>>,
}

impl Lookup {
    fn find<'d, T>(
        index: &std::sync::OnceLock<crate::collections::HashMap<String, usize>>,
        list: &'d [T],
        id: &str,
        id_of: fn(&T) -> &str,
    ) -> Option<&'d T> {
        Self::position(index, list, id, id_of).map(|i| &list[i])
    }

    fn position<T>(
        index: &std::sync::OnceLock<crate::collections::HashMap<String, usize>>,
        list: &[T],
        id: &str,
        id_of: fn(&T) -> &str,
    ) -> Option<usize> {
        let positions = index.get_or_init(|| {
            // (A hash table by id to a number, as the scene's and the marks' are: one copy of
            // its code in the first module for them all, issue 25.)
            let mut m = crate::collections::HashMap::default();
            for (i, x) in list.iter().enumerate() {
                m.entry(id_of(x).to_owned()).or_insert(i); // the first, as a search finds it
            }
            m
        });
        match positions.get(id) {
            Some(&i) if list.get(i).is_some_and(|x| id_of(x) == id) => Some(i),
            _ => list.iter().position(|x| id_of(x) == id),
        }
    }
}

impl Clone for Lookup {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for Lookup {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookup")
    }
}

/// A human-readable text in every language the app speaks. A reader's edition of the
/// shipped dataset holds most texts in the reader's language only (issue 25: half the
/// file); the others are filled in place ([`Localized::fill`]) when the reader switches
/// language, so that nothing drawn with the dataset is made again. A text not yet filled
/// reads as one that is ([`Localized::get`]), never as an empty one. Its copies share its
/// texts (what was made from the dataset before, a tour's steps or the map's links, has
/// the language filled in too).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "file::Localized", into = "file::Localized")]
pub struct Localized(std::sync::Arc<[std::sync::OnceLock<String>; 3]>);

/// [`Localized`] as the file writes it: a language may be absent (an edition's), which the
/// checker of a whole dataset reports as a missing text (`model::validate`). Named
/// `Localized` too, in a module of its own: serde's messages name the Rust type
/// ("expected struct Localized").
pub(crate) mod file {
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Localized {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub fr: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub en: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub zh: Option<String>,
    }
}
use file::Localized as LocalizedText;

impl From<LocalizedText> for Localized {
    fn from(t: LocalizedText) -> Self {
        let l = Localized::default();
        for (lang, text) in [(Lang::Fr, t.fr), (Lang::En, t.en), (Lang::Zh, t.zh)] {
            if let Some(text) = text {
                let _ = l.0[lang as usize].set(text);
            }
        }
        l
    }
}

impl From<Localized> for LocalizedText {
    fn from(l: Localized) -> Self {
        let [fr, en, zh] = std::sync::Arc::unwrap_or_clone(l.0).map(|c| c.into_inner());
        LocalizedText { fr, en, zh }
    }
}

/// One of the interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Zh,
}

impl Lang {
    /// Every language of the interface and the data.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Zh];

    /// The language of a code written by [`Lang::code`].
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's code in URLs and the dataset (`fr`, `en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

impl Localized {
    /// A text in the three languages.
    pub fn new(fr: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Self {
        Localized(std::sync::Arc::new([fr.into(), en.into(), zh.into()].map(std::sync::OnceLock::from)))
    }

    /// The text in `lang`; until that language is filled in, the text in the first one the
    /// edition holds (a reader who switched language sees the former words a moment rather
    /// than none).
    pub fn get(&self, lang: Lang) -> &str {
        self.own(lang).or_else(|| self.0.iter().find_map(|c| c.get()).map(String::as_str)).unwrap_or("")
    }

    /// The text in `lang` if the dataset holds it.
    pub fn own(&self, lang: Lang) -> Option<&str> {
        self.0[lang as usize].get().map(String::as_str)
    }

    /// The texts it holds, by language.
    pub fn texts(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().filter_map(|lang| self.own(lang).map(|t| (lang, t)))
    }

    /// Gives it its text in `lang`, unless it has one.
    pub fn fill(&self, lang: Lang, text: &str) {
        if self.own(lang).is_none() {
            let _ = self.0[lang as usize].set(text.to_owned());
        }
    }

    /// Each text it holds through `f`; the languages it lacks still lack.
    pub fn map(&self, f: impl Fn(&str) -> &str) -> Localized {
        let l = Localized::default();
        for (lang, text) in self.texts() {
            let _ = l.0[lang as usize].set(f(text).to_owned());
        }
        l
    }
}

/// A document the dataset cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Localized,
    /// Who published the document, where it says so.
    pub publisher: Option<Localized>,
    /// When the document was published, at the precision known.
    pub date: Option<When>,
    /// The language the document is written in (BCP 47, e.g. `fr`).
    pub language: String,
    pub url: Option<String>,
    /// What else is worth knowing about the document (credits, oddities).
    #[serde(default)]
    pub note: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_from_sources: Vec<String>,
}

named_enum! {
    /// What kind of place a site is.
    pub enum SiteKind {
        City = "city" => ("ville", "city", "城市"),
        SkiResort = "ski_resort" => ("station de ski", "ski resort", "滑雪场"),
        OlympicVenue = "olympic_venue" => ("site olympique", "Olympic venue", "奥运场馆"),
        University = "university" => ("université", "university", "大学"),
        TechnologyPark = "technology_park" => ("technopôle", "technology park", "科技园"),
        Airport = "airport" => ("aéroport", "airport", "机场"),
        Massif = "massif" => ("massif", "massif", "山脉"),
        Landmark = "landmark" => ("site emblématique", "landmark", "地标"),
        Region = "region" => ("région", "region", "地区"),
    }
}

named_enum! {
    /// Which side of the cooperation a site or actor stands on.
    pub enum Side {
        France = "france",
        China = "china",
        /// Third parties the sources mention (e.g. Chambéry's partner cities in Québec and Italy).
        Other = "other",
    }
}

/// A number the sources give, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    /// What the number counts, e.g. "business partnership contracts".
    pub label: Localized,
    /// The sources' qualifier where they give a bound ("more than 900 000").
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
}

named_enum! {
    /// How a figure relates to the true value.
    pub enum Qualifier {
        Exactly = "exactly",
        MoreThan = "more_than",
        About = "about",
    }
}

/// A place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub id: String,
    pub name: Localized,
    pub kind: SiteKind,
    /// Longitude in degrees east, WGS 84.
    pub lon: f64,
    /// Latitude in degrees north, WGS 84.
    pub lat: f64,
    pub side: Side,
    pub region: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// What a reader should know about the place or its figures (e.g. what a population
    /// figure counts).
    #[serde(default)]
    pub note: Option<Localized>,
    /// Fields whose values come from common knowledge, not from the sources
    /// (e.g. `"coordinates"`, `"name.zh"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_from_sources: Vec<String>,
}

named_enum! {
    /// What kind of organisation an actor is.
    pub enum ActorKind {
        Region = "region",
        Province = "province",
        City = "city",
        Company = "company",
        Cluster = "cluster",
        School = "school",
        University = "university",
        Airport = "airport",
        Club = "club",
        Person = "person",
        Organisation = "organisation",
    }
}

/// An organisation (or a person with a role) taking part in the cooperation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: Localized,
    pub kind: ActorKind,
    pub side: Side,
    /// The site the actor is based at, where known.
    pub site: Option<String>,
    /// A person's role, e.g. "president of the Region".
    #[serde(default)]
    pub role: Option<Localized>,
    /// The actor (organisation) a person or member belongs to.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// What a reader should know about the name (an expanded acronym, the name order).
    #[serde(default)]
    pub note: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_from_sources: Vec<String>,
}

named_enum! {
    /// What kind of cooperation item something is.
    pub enum ItemKind {
        Agreement = "agreement" => ("Accord", "Agreement", "协议"),
        LetterOfIntent = "letter_of_intent" => ("Lettre d'intention", "Letter of intent", "意向书"),
        BusinessContracts = "business_contracts" => ("Contrats d'entreprises", "Business contracts", "企业合同"),
        Project = "project" => ("Projet", "Project", "项目"),
        Event = "event" => ("Événement", "Event", "活动"),
        Mission = "mission" => ("Mission ou visite", "Mission or visit", "考察或访问"),
        Tender = "tender" => ("Appel d'offres", "Tender", "招标"),
        AirRoute = "air_route" => ("Ligne aérienne", "Air route", "航线"),
    }
}

named_enum! {
    /// Where an item stands.
    pub enum Status {
        Signed = "signed" => ("Signé", "Signed", "已签署"),
        InProgress = "in_progress" => ("En cours", "In progress", "进行中"),
        Planned = "planned" => ("Prévu", "Planned", "计划中"),
        UnderStudy = "under_study" => ("À l'étude", "Under study", "研究中"),
        Held = "held" => ("A eu lieu", "Held", "已举办"),
        Completed = "completed" => ("Réalisé", "Completed", "已完成"),
    }
}

named_enum! {
    /// A field of cooperation.
    pub enum Domain {
        Tourism = "tourism" => ("Tourisme", "Tourism", "旅游"),
        MountainPlanning = "mountain_planning" => ("Aménagement et équipement de la montagne", "Mountain planning and equipment", "山地规划与设施"),
        Training = "training" => ("Formation et enseignement", "Training and education", "培训与教育"),
        Sport = "sport" => ("Sport", "Sport", "体育"),
        SustainableDevelopment = "sustainable_development" => ("Développement durable et énergie", "Sustainable development and energy", "可持续发展与能源"),
        SmartCity = "smart_city" => ("Ville intelligente et numérique", "Smart city and digital", "智慧城市与数字化"),
        Transport = "transport" => ("Transport", "Transport", "交通"),
    }
}

named_enum! {
    /// How precisely a date is known.
    pub enum Precision {
        Day = "day",
        Month = "month",
        Year = "year",
        Approximate = "approximate",
        Unknown = "unknown",
    }
}

/// A date or a span of dates, as precisely as the sources give it.
///
/// `start` and `end` are ISO 8601 calendar dates cut to the precision
/// (`2018-11-29`, `2018-11`, `2018`); both absent means undated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Precision,
}

/// The place in a source document that supports an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: String,
    /// Where in the document: a paragraph or section, in the document's words.
    pub place: String,
}

/// A unit of cooperation: an agreement, contract, project, event, mission, tender or route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    pub title: Localized,
    pub description: Localized,
    pub when: When,
    pub status: Status,
    /// Actor ids.
    pub parties: Vec<String>,
    /// Site ids.
    pub sites: Vec<String>,
    pub domains: Vec<Domain>,
    /// Ids of other items this one belongs to or follows from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub sources: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Where the sources disagree or leave something open, in every language.
    pub note: Option<Localized>,
    /// Fields (or list entries, as `sites.<id>`) that come from common knowledge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_from_sources: Vec<String>,
}

impl Dataset {
    /// The item with `id`, if any.
    pub fn item(&self, id: &str) -> Option<&Item> {
        Lookup::find(&self.lookup.items, &self.items, id, |i| &i.id)
    }

    /// The site with `id`, if any.
    pub fn site(&self, id: &str) -> Option<&Site> {
        Lookup::find(&self.lookup.sites, &self.sites, id, |s| &s.id)
    }

    /// Where the site with `id` is in [`Dataset::sites`], if anywhere (the first such).
    pub fn site_position(&self, id: &str) -> Option<usize> {
        Lookup::position(&self.lookup.sites, &self.sites, id, |s| &s.id)
    }

    /// The actor with `id`, if any.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        Lookup::find(&self.lookup.actors, &self.actors, id, |a| &a.id)
    }

    /// The ids of the items at `positions` (a filter's result, see `Filter::positions`).
    pub fn item_ids(&self, positions: &[usize]) -> crate::collections::HashSet<String> {
        positions.iter().map(|&n| self.items[n].id.clone()).collect()
    }
}

impl SiteKind {
    /// The kinds among `kinds`, each once, in the order first met: a legend's rows.
    pub fn each_once(kinds: impl IntoIterator<Item = SiteKind>) -> Vec<SiteKind> {
        let mut once: Vec<SiteKind> = Vec::new();
        for k in kinds {
            if !once.contains(&k) {
                once.push(k);
            }
        }
        once
    }
}

impl When {
    /// True when the item has no date at all (e.g. a route under study).
    pub fn is_undated(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }
}

/// A story told step by step: what a regional speaker shows, in their order, with a
/// caption for the audience and notes for the speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    pub id: String,
    pub title: Localized,
    pub summary: Localized,
    pub steps: Vec<TourStep>,
}

/// One step of a tour: what it shows (an item, a site, or neither), in which view of the
/// map and at which time, and what is said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    pub view: super::ui::MapView,
    /// A zoom factor on the step's site (or the view's centre), 1 being the view's fit.
    #[serde(default)]
    pub zoom: Option<f64>,
    /// The time cursor, `YYYY-MM-DD`; absent: the item's last day, or every date.
    #[serde(default)]
    pub time: Option<String>,
    /// What the audience reads.
    pub caption: Localized,
    /// What the speaker reads (the presenter console).
    pub notes: Localized,
    pub sources: Vec<Citation>,
    /// Fields that say more than the sources (a fact from common knowledge in the notes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_from_sources: Vec<String>,
}

#[cfg(test)]
mod tests {

    #[test]
    fn each_kind_once_in_the_order_first_met() {
        use SiteKind::*;
        assert_eq!(
            SiteKind::each_once([City, SkiResort, City, OlympicVenue, SkiResort]),
            vec![City, SkiResort, OlympicVenue]
        );
        assert_eq!(SiteKind::each_once([]), Vec::<SiteKind>::new());
    }

    #[test]
    fn item_ids_are_those_at_the_positions() {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        let ids = ds.item_ids(&[0, 2]);
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&ds.items[0].id) && ids.contains(&ds.items[2].id));
        assert!(ds.item_ids(&[]).is_empty());
    }

    use super::*;

    fn when(start: Option<&str>, end: Option<&str>, precision: Precision) -> When {
        When { start: start.map(str::to_owned), end: end.map(str::to_owned), precision }
    }

    #[test]
    fn undated_means_neither_a_start_nor_an_end() {
        assert!(when(None, None, Precision::Unknown).is_undated());
        assert!(!when(None, Some("2019"), Precision::Year).is_undated());
        assert!(!when(Some("2018-11-29"), None, Precision::Day).is_undated());
    }

    #[test]
    fn items_sites_and_actors_are_found_by_id_even_after_the_lists_change() {
        let text = include_str!("../../tests/fixtures/small.json");
        let mut ds = crate::model::parse_dataset("small.json", text).unwrap().dataset;
        let fresh = ds.clone();
        let item = ds.items.last().unwrap().id.clone();
        assert_eq!(ds.item(&item).map(|i| i.id.as_str()), Some(item.as_str()));
        assert!(ds.item("nothing").is_none());
        ds.items.reverse();
        assert_eq!(ds.item(&item).map(|i| i.id.as_str()), Some(item.as_str()));
        let last = ds.sites.last().unwrap().id.clone();
        assert_eq!(ds.site(&last).map(|s| s.id.as_str()), Some(last.as_str()));
        assert!(ds.site("nowhere").is_none());
        let actor = ds.actors[0].id.clone();
        assert_eq!(ds.actor(&actor).map(|a| a.id.as_str()), Some(actor.as_str()));
        // The index is built now; the lists change under it.
        ds.sites.reverse();
        assert_eq!(ds.site(&last).map(|s| s.id.as_str()), Some(last.as_str()));
        ds.sites.retain(|s| s.id != last);
        assert!(ds.site(&last).is_none());
        // The index is no part of the data.
        let mut used = fresh.clone();
        let _ = used.site(&last);
        assert_eq!(used, fresh);
        used.sites.clear();
        assert_ne!(used, fresh);
    }

    #[test]
    fn localized_text_picks_the_language() {
        let t = Localized::new("Pékin", "Beijing", "北京");
        assert_eq!([t.get(Lang::Fr), t.get(Lang::En), t.get(Lang::Zh)], ["Pékin", "Beijing", "北京"]);
    }

    #[test]
    fn an_edition_reads_in_its_language_until_another_is_filled_in() {
        let t: Localized = serde_json::from_str(r#"{"en": "Beijing"}"#).unwrap();
        assert_eq!((t.get(Lang::Zh), t.own(Lang::Zh)), ("Beijing", None));
        let copy = t.clone();
        t.fill(Lang::Zh, "北京");
        assert_eq!(copy.own(Lang::Zh), Some("北京"), "a copy made before has it too");
        t.fill(Lang::En, "Peking"); // a text it has is kept
        assert_eq!([t.get(Lang::Fr), t.get(Lang::En), t.get(Lang::Zh)], ["Beijing", "Beijing", "北京"]);
        assert_eq!(t.texts().map(|(l, _)| l).collect::<Vec<_>>(), [Lang::En, Lang::Zh]);
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"en":"Beijing","zh":"北京"}"#);
        assert_eq!(t.map(|s| &s[..3]).texts().collect::<Vec<_>>(), [(Lang::En, "Bei"), (Lang::Zh, "北")]);
    }
}
