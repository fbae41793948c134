//! A reader's edition of the shipped dataset: the same records with every text in one
//! language (issue 25: 9.8-10.5 kB gzip instead of the whole file's 20.9 kB, on every
//! reader's first load), except the sites' and the actors' names, which the search reads in
//! every language (a Chinese name finds a place as its Latin one does). The build writes
//! one per language beside the whole file (`data/cooperation.<lang>.json`); the app reads
//! the reader's, and fills in another language's texts from its edition when the reader
//! switches to it ([`fill`]), in place: nothing drawn is made again.

use super::dataset::{Dataset, Lang, Localized};

/// Where the build writes the edition of the dataset at `path` (`data/cooperation.json`)
/// in `lang`.
pub fn edition_path(path: &str, lang: Lang) -> String {
    match path.strip_suffix(".json") {
        Some(stem) => format!("{stem}.{}.json", lang.code()),
        None => format!("{path}.{}", lang.code()),
    }
}

/// Every text of a dataset, in the order of its records: the same order in an edition and
/// in the whole file, whose records are the same.
pub fn texts(ds: &Dataset) -> Vec<&Localized> {
    let mut out = Vec::new();
    for s in &ds.sources {
        out.push(&s.title);
        out.extend(s.publisher.as_ref());
        out.extend(s.note.as_ref());
    }
    for s in &ds.sites {
        out.push(&s.name);
        out.push(&s.region);
        out.extend(s.figures.iter().map(|f| &f.label));
        out.extend(s.note.as_ref());
    }
    for a in &ds.actors {
        out.push(&a.name);
        out.extend(a.role.as_ref());
        out.extend(a.note.as_ref());
    }
    for i in &ds.items {
        out.push(&i.title);
        out.push(&i.description);
        out.extend(i.figures.iter().map(|f| &f.label));
        out.extend(i.note.as_ref());
    }
    for t in &ds.tours {
        out.push(&t.title);
        out.push(&t.summary);
        for s in &t.steps {
            out.push(&s.caption);
            out.push(&s.notes);
        }
    }
    out
}

/// Whether some text of the dataset is not in `lang` yet.
pub fn lacks(ds: &Dataset, lang: Lang) -> bool {
    texts(ds).iter().any(|t| t.own(lang).is_none())
}

/// Fills in `ds`'s texts in `lang` from `edition`, the edition of the same dataset in that
/// language; an edition of other records (a file changed in between) is refused, and
/// nothing is filled.
pub fn fill(ds: &Dataset, edition: &Dataset, lang: Lang) -> Result<(), String> {
    let same_records = ds.items.len() == edition.items.len()
        && ds.items.iter().zip(&edition.items).all(|(a, b)| a.id == b.id)
        && ds.sites.iter().map(|s| &s.id).eq(edition.sites.iter().map(|s| &s.id));
    let (mine, theirs) = (texts(ds), texts(edition));
    if !same_records || mine.len() != theirs.len() {
        return Err("its records are not the page's".to_owned());
    }
    if let Some(missing) = theirs.iter().position(|t| t.own(lang).is_none()) {
        return Err(format!("its text {missing} has no {} text", lang.code()));
    }
    for (m, t) in mine.into_iter().zip(theirs) {
        m.fill(lang, t.own(lang).unwrap_or_default());
    }
    Ok(())
}

/// The edition in `lang` of a whole dataset's JSON: every text object (`{"fr", "en", "zh"}`)
/// reduced to `lang`'s text, except the names of sites and actors. Written by the build
/// (`src/bin/prerender.rs`), natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn edition_json(whole: &serde_json::Value, lang: Lang) -> serde_json::Value {
    use serde_json::Value;
    fn is_text(map: &serde_json::Map<String, Value>) -> bool {
        !map.is_empty() && map.iter().all(|(k, v)| Lang::from_code(k).is_some() && v.is_string())
    }
    fn reduce(v: &Value, lang: Lang, whole_names: bool) -> Value {
        match v {
            Value::Object(map) if is_text(map) => {
                if whole_names {
                    v.clone()
                } else {
                    Value::Object(
                        map.iter().filter(|(k, _)| *k == lang.code()).map(|(k, v)| (k.clone(), v.clone())).collect(),
                    )
                }
            }
            Value::Object(map) => Value::Object(
                map.iter().map(|(k, v)| (k.clone(), reduce(v, lang, whole_names && k == "name"))).collect(),
            ),
            Value::Array(list) => Value::Array(list.iter().map(|v| reduce(v, lang, whole_names)).collect()),
            other => other.clone(),
        }
    }
    match whole {
        Value::Object(root) => Value::Object(
            root.iter()
                .map(|(k, v)| {
                    // The records whose `name` stays whole: `sites[i].name`, `actors[i].name`.
                    let names = k == "sites" || k == "actors";
                    let v = match v {
                        Value::Array(records) if names => Value::Array(
                            records
                                .iter()
                                .map(|r| match r {
                                    Value::Object(fields) => Value::Object(
                                        fields.iter().map(|(f, v)| (f.clone(), reduce(v, lang, f == "name"))).collect(),
                                    ),
                                    other => reduce(other, lang, false),
                                })
                                .collect(),
                        ),
                        other => reduce(other, lang, false),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{parse_dataset, read_checked, shipped};

    fn edition(lang: Lang) -> Dataset {
        let whole: serde_json::Value =
            serde_json::from_str(include_str!("../../public/data/cooperation.json")).unwrap();
        let text = serde_json::to_string(&edition_json(&whole, lang)).unwrap();
        // As the app reads it: without the checks the build ran on the whole file.
        read_checked("edition.json", &text).unwrap().dataset
    }

    #[test]
    fn an_edition_holds_one_language_but_the_names() {
        let ds = edition(Lang::Zh);
        assert!(lacks(&ds, Lang::Fr) && lacks(&ds, Lang::En) && !lacks(&ds, Lang::Zh));
        assert_eq!(ds.items[0].title.own(Lang::En), None);
        assert_eq!(ds.items[0].title.get(Lang::En), shipped().items[0].title.own(Lang::Zh).unwrap());
        assert!(ds.sites.iter().all(|s| s.name.texts().count() == 3 && s.region.texts().count() == 1));
        assert!(ds.actors.iter().all(|a| a.name.texts().count() == 3));
        assert_eq!(texts(&ds).len(), texts(&shipped()).len());
    }

    #[test]
    fn the_three_editions_filled_in_are_the_whole_file() {
        let ds = edition(Lang::En);
        for lang in [Lang::Fr, Lang::Zh] {
            fill(&ds, &edition(lang), lang).unwrap();
        }
        assert!(Lang::ALL.iter().all(|&l| !lacks(&ds, l)));
        assert_eq!(ds, shipped());
    }

    #[test]
    fn an_edition_of_other_records_is_refused_and_fills_nothing() {
        let ds = edition(Lang::En);
        let mut other = edition(Lang::Fr);
        other.items.pop();
        assert!(fill(&ds, &other, Lang::Fr).is_err());
        assert!(texts(&ds).iter().all(|t| t.own(Lang::Fr).is_none() || t.texts().count() == 3));
        // An edition in another language than the one asked for gives no text.
        assert!(fill(&ds, &edition(Lang::Zh), Lang::Fr).is_err());
    }

    #[test]
    fn a_whole_file_lacks_no_language_and_its_editions_live_beside_it() {
        let ds = parse_dataset("d.json", include_str!("../../public/data/cooperation.json")).unwrap().dataset;
        assert!(Lang::ALL.iter().all(|&l| !lacks(&ds, l)));
        assert_eq!(edition_path("data/cooperation.json", Lang::Zh), "data/cooperation.zh.json");
    }
}
