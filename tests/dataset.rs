//! The dataset the app ships must load, and must say where each item comes from.

use passerelle::model::{parse_dataset, Dataset};

fn shipped() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/cooperation.json");
    let text = std::fs::read_to_string(path).expect("public/data/cooperation.json is readable");
    parse_dataset("data/cooperation.json", &text).unwrap_or_else(|e| panic!("{e}")).dataset
}

#[test]
fn shipped_dataset_parses() {
    let ds = shipped();
    assert!(!ds.items.is_empty() && !ds.sites.is_empty(), "the shipped dataset has content");
}

#[test]
fn every_shipped_item_cites_a_known_source() {
    let ds = shipped();
    for item in &ds.items {
        assert!(!item.sources.is_empty(), "item {} cites no source", item.id);
        for c in &item.sources {
            assert!(ds.sources.iter().any(|s| s.id == c.source), "item {} cites unknown source {}", item.id, c.source);
            assert!(!c.place.trim().is_empty(), "item {} cites {} with no place", item.id, c.source);
        }
    }
}

#[test]
fn every_shipped_reference_resolves() {
    let ds = shipped();
    for item in &ds.items {
        for site in &item.sites {
            assert!(ds.site(site).is_some(), "item {} names unknown site {site}", item.id);
        }
        for party in &item.parties {
            assert!(ds.actors.iter().any(|a| &a.id == party), "item {} names unknown actor {party}", item.id);
        }
    }
}
