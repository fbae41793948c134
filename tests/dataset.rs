//! The dataset the app ships must load cleanly, say where each item comes from, and
//! hold what the two source documents say.

use passerelle::model::{parse_dataset, Dataset, ItemKind, Status};

fn shipped() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/cooperation.json");
    let text = std::fs::read_to_string(path).expect("public/data/cooperation.json is readable");
    let loaded = parse_dataset("data/cooperation.json", &text).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "the shipped dataset has warnings:\n{}", warnings.join("\n"));
    loaded.dataset
}

#[test]
fn shipped_dataset_is_valid_without_warnings() {
    let ds = shipped();
    assert!(ds.items.len() >= 20 && ds.sites.len() >= 15 && ds.actors.len() >= 25, "the shipped dataset is the full one");
}

#[test]
fn every_shipped_item_cites_a_source_and_a_place() {
    let ds = shipped();
    for item in &ds.items {
        assert!(!item.sources.is_empty(), "item {} cites no source", item.id);
        for c in &item.sources {
            assert!(ds.sources.iter().any(|s| s.id == c.source), "item {} cites unknown source {}", item.id, c.source);
            assert!(c.place.contains('«'), "item {} cites {} without quoting the place: {}", item.id, c.source, c.place);
        }
    }
    for source in &ds.sources {
        assert!(ds.items.iter().any(|i| i.sources.iter().any(|c| c.source == source.id)), "source {} is never cited", source.id);
    }
}

/// Neither document gives a coordinate, so every site must say its coordinates are
/// common knowledge.
#[test]
fn every_coordinate_is_marked_as_not_from_the_sources() {
    for site in shipped().sites {
        assert!(site.not_from_sources.iter().any(|f| f == "coordinates"), "site {} does not mark its coordinates", site.id);
    }
}

/// Every organisation and person the documents name is in the dataset, spelt as they spell it.
#[test]
fn every_named_actor_of_the_sources_is_present() {
    let ds = shipped();
    let named = [
        "Région Auvergne-Rhône-Alpes", "Laurent Wauquiez", "Province du Hebei", "Haowen Zhu", "Ville de Chambéry",
        "Ville de Zhangjiakou", "Ville de Chamonix", "Ville de Yanqing", "Cluster Montagne", "POMA", "MND", "CDA",
        "ABEST", "Dianeige", "MDP", "Club Med", "PVCP", "Sanisphere", "SNOOC", "4footsolutions", "Plasticval",
        "École de ski français de Val Thorens", "Aéroports de Lyon", "Université Savoie Mont Blanc", "Savoie Technolac",
        "Savoie Grand Revard", "Club de ski nordique de La Féclaz", "French Tech Chambéry", "Shawinigan", "Turin",
    ];
    for name in named {
        assert!(ds.actors.iter().any(|a| a.name.fr.starts_with(name)), "no actor named {name}");
    }
    let places = [
        "Chambéry", "Lyon", "Val Thorens", "Albertville", "Chamonix", "Mont Blanc", "La Féclaz", "Massif des Bauges",
        "Savoie Technolac", "Université Savoie Mont Blanc", "Zhangjiakou", "Yanqing", "Pékin", "Shanghai", "Shawinigan", "Turin",
    ];
    for place in places {
        assert!(ds.sites.iter().any(|s| s.name.fr == place), "no site named {place}");
    }
}

/// The numbers the documents give: 12 contracts, more than 900 000 inhabitants, 10 years.
#[test]
fn the_sources_figures_are_recorded() {
    let ds = shipped();
    let item_figures: Vec<f64> = ds.items.iter().flat_map(|i| i.figures.iter().map(|f| f.value)).collect();
    for value in [12.0, 10.0, 900_000.0] {
        assert!(item_figures.contains(&value), "no item records the figure {value}");
    }
    let zhangjiakou = ds.site("zhangjiakou").expect("Zhangjiakou");
    assert!(zhangjiakou.figures.iter().any(|f| f.value == 900_000.0), "Zhangjiakou's population");
}

/// What is only proposed or planned must not look done.
#[test]
fn proposals_are_marked_as_such() {
    let ds = shipped();
    let route = ds.items.iter().find(|i| i.kind == ItemKind::AirRoute).expect("the air route");
    assert_eq!(route.status, Status::UnderStudy);
    assert!(route.when.is_undated(), "the sources give the route no date");
    for id in ["esf-ski-school-zhangjiakou", "training-site-tenders", "cluster-mission-2019"] {
        let item = ds.items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("item {id}"));
        assert_eq!(item.status, Status::Planned, "{id}");
    }
}

/// Where the documents disagree, both readings are kept in a note.
#[test]
fn contradictions_keep_both_readings() {
    let ds = shipped();
    let note = |id: &str| ds.items.iter().find(|i| i.id == id).and_then(|i| i.note.clone()).unwrap_or_else(|| panic!("note on {id}")).fr;
    assert!(note("loi-chambery-zhangjiakou").contains("accords de coopération") && note("loi-chambery-zhangjiakou").contains("lettre d'intention"));
    assert!(note("winter-olympics-2022").contains("la plupart"));
    assert!(note("cluster-mission-2019").contains("Alpitec China 2018"));
}
