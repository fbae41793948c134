//! The committed base map has what the map views need, and agrees with the dataset.

use passerelle::geo::{BaseMap, Layer};
use passerelle::model::parse_dataset;

#[test]
fn the_base_map_has_both_regions_and_their_parts() {
    let map = BaseMap::shipped();
    assert!(map.credit.contains("Natural Earth"));
    for id in ["auvergne-rhone-alpes", "hebei", "beijing", "tianjin"] {
        assert_eq!(map.shape(id).map(|s| s.layer), Some(Layer::Region), "region {id}");
    }
    assert_eq!(map.layer(Layer::Departement).count(), 12, "the 12 départements of Auvergne-Rhône-Alpes");
    for id in ["fra", "chn", "che", "ita", "mng", "rus"] {
        assert!(map.shape(id).is_some(), "country {id} in the overview");
    }
}

/// Each département lies inside the union outline, and a neighbour does not: the union
/// by shared edges worked.
#[test]
fn the_region_outline_is_the_union_of_its_departements() {
    let map = BaseMap::shipped();
    let aura = map.shape("auvergne-rhone-alpes").unwrap();
    let (w, s, e, n) = aura.bounds();
    assert!(
        (2.0..3.0).contains(&w) && (44.0..44.5).contains(&s) && (7.0..7.3).contains(&e) && (46.7..46.9).contains(&n),
        "{w} {s} {e} {n}"
    );
    // Interior points of some départements (prefectures), and of neighbours.
    for (name, lon, lat) in
        [("Lyon", 4.84, 45.76), ("Clermont-Ferrand", 3.08, 45.78), ("Annecy", 6.13, 45.90), ("Aurillac", 2.44, 44.93)]
    {
        assert!(aura.contains(lon, lat), "{name} is in Auvergne-Rhône-Alpes");
    }
    for (name, lon, lat) in [
        ("Geneva", 6.14, 46.20),
        ("Dijon", 5.04, 47.32),
        ("Marseille", 5.37, 43.30),
        ("Valréas (Enclave des Papes)", 4.99, 44.385),
    ] {
        assert!(!aura.contains(lon, lat), "{name} is not in Auvergne-Rhône-Alpes");
    }
}

/// Every site of the shipped dataset on the French side lies in France, on the Chinese
/// side in China, and the regional ones in their region.
#[test]
fn the_shipped_sites_fall_in_their_shapes() {
    let map = BaseMap::shipped();
    let text = std::fs::read_to_string("public/data/cooperation.json").unwrap();
    let ds = parse_dataset("cooperation.json", &text).unwrap().dataset;
    let inside = |shape: &str, site: &str| {
        let s = ds.site(site).unwrap_or_else(|| panic!("site {site}"));
        map.shape(shape).unwrap().contains(s.lon, s.lat)
    };
    for site in ["chambery", "lyon", "val-thorens", "albertville", "chamonix", "la-feclaz", "savoie-technolac", "usmb"]
    {
        assert!(inside("auvergne-rhone-alpes", site), "{site} in Auvergne-Rhône-Alpes");
    }
    for site in ["zhangjiakou", "chongli", "shijiazhuang"] {
        assert!(inside("hebei", site), "{site} in Hebei");
    }
    for site in ["beijing", "yanqing", "great-wall"] {
        assert!(inside("beijing", site), "{site} in Beijing");
    }
}
