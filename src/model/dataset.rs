//! The serde types of the cooperation dataset (`public/data/cooperation.json`, `"schema": 1`).
//!
//! Unknown fields are rejected everywhere (`deny_unknown_fields`): a misspelt field in a
//! hand-edited dataset must be reported, not silently dropped.

use serde::{Deserialize, Serialize};

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
    /// Sites and actors by id, built on first lookup (not part of the file).
    #[serde(skip)]
    pub lookup: Lookup,
}

/// Positions of sites and actors by id, for [`Dataset::site`] and [`Dataset::actor`]:
/// filters and views look them up for every item, and with thousands of sites a linear
/// search was most of a filter change. Built once, on first use; a position that no
/// longer holds the id (the lists were changed after) falls back to a search. It carries
/// no data, so it is equal to any other and a clone starts empty.
#[derive(Default)]
pub struct Lookup {
    sites: std::sync::OnceLock<std::collections::BTreeMap<String, usize>>,
    actors: std::sync::OnceLock<std::collections::BTreeMap<String, usize>>,
}

impl Lookup {
    fn find<'d, T>(index: &std::sync::OnceLock<std::collections::BTreeMap<String, usize>>, list: &'d [T], id: &str, id_of: fn(&T) -> &str) -> Option<&'d T> {
        let positions = index.get_or_init(|| {
            let mut m = std::collections::BTreeMap::new();
            for (i, x) in list.iter().enumerate() {
                m.entry(id_of(x).to_owned()).or_insert(i); // the first, as a search finds it
            }
            m
        });
        match positions.get(id).and_then(|&i| list.get(i)) {
            Some(x) if id_of(x) == id => Some(x),
            _ => list.iter().find(|x| id_of(x) == id),
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

/// A human-readable text in every language the app speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub fr: String,
    pub en: String,
    pub zh: String,
}

/// One of the interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Zh,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
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

/// What kind of place a site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    City,
    SkiResort,
    OlympicVenue,
    University,
    TechnologyPark,
    Airport,
    Massif,
    Landmark,
    Region,
}

/// Which side of the cooperation a site or actor stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    France,
    China,
    /// Third parties the sources mention (e.g. Chambéry's partner cities in Québec and Italy).
    Other,
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

/// How a figure relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exactly,
    MoreThan,
    About,
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

/// What kind of organisation an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Region,
    Province,
    City,
    Company,
    Cluster,
    School,
    University,
    Airport,
    Club,
    Person,
    Organisation,
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

/// What kind of cooperation item something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Agreement,
    LetterOfIntent,
    BusinessContracts,
    Project,
    Event,
    Mission,
    Tender,
    AirRoute,
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Signed,
    InProgress,
    Planned,
    UnderStudy,
    Held,
    Completed,
}

/// A field of cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Tourism,
    MountainPlanning,
    Training,
    Sport,
    SustainableDevelopment,
    SmartCity,
    Transport,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Year,
    Approximate,
    Unknown,
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
    /// The site with `id`, if any.
    pub fn site(&self, id: &str) -> Option<&Site> {
        Lookup::find(&self.lookup.sites, &self.sites, id, |s| &s.id)
    }

    /// The actor with `id`, if any.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        Lookup::find(&self.lookup.actors, &self.actors, id, |a| &a.id)
    }
}

impl When {
    /// True when the item has no date at all (e.g. a route under study).
    pub fn is_undated(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// A short, language-neutral label: `2018-11-29`, `2022-02-04 – 2022-02-20`,
    /// `c. 2018`, or `undated`. Localised formatting comes with the language work.
    pub fn label(&self) -> String {
        let approx = if self.precision == Precision::Approximate { "c. " } else { "" };
        match (&self.start, &self.end) {
            (Some(s), Some(e)) if s != e => format!("{approx}{s} – {e}"),
            (Some(s), _) | (None, Some(s)) => format!("{approx}{s}"),
            (None, None) => "undated".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(start: Option<&str>, end: Option<&str>, precision: Precision) -> When {
        When { start: start.map(str::to_owned), end: end.map(str::to_owned), precision }
    }

    #[test]
    fn labels_follow_what_is_known() {
        assert_eq!(when(Some("2018-11-29"), None, Precision::Day).label(), "2018-11-29");
        assert_eq!(
            when(Some("2022-02-04"), Some("2022-02-20"), Precision::Day).label(),
            "2022-02-04 – 2022-02-20"
        );
        assert_eq!(when(Some("2018"), None, Precision::Approximate).label(), "c. 2018");
        assert_eq!(when(None, None, Precision::Unknown).label(), "undated");
        assert!(when(None, None, Precision::Unknown).is_undated());
        assert!(!when(None, Some("2019"), Precision::Year).is_undated());
    }

    #[test]
    fn sites_and_actors_are_found_by_id_even_after_the_lists_change() {
        let text = include_str!("../../tests/fixtures/small.json");
        let mut ds = crate::model::parse_dataset("small.json", text).unwrap().dataset;
        let fresh = ds.clone();
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
        let t = Localized { fr: "Pékin".into(), en: "Beijing".into(), zh: "北京".into() };
        assert_eq!([t.get(Lang::Fr), t.get(Lang::En), t.get(Lang::Zh)], ["Pékin", "Beijing", "北京"]);
    }
}
