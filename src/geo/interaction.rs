//! What the map's marks mean to a reader's pointer and to the filter and the time cursor,
//! as pure functions of the scene: what a hovered mark connects, how a site looks under a
//! filter and a cursor, and which bulk-drawn marker a click is nearest to.

use std::collections::HashSet;

use super::scene::MapScene;

/// What a hovered or focused mark is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hover {
    Site(String),
    Item(String),
}

/// The sites and items joined to a hovered mark: a site's items and their sites; an item's
/// sites (its places, or its parties' seats when it links those).
pub fn connected(scene: &MapScene, hover: Option<&Hover>) -> (HashSet<String>, HashSet<String>) {
    match hover {
        None => (HashSet::new(), HashSet::new()),
        Some(Hover::Item(id)) => {
            let sites = scene.sites.iter().filter(|s| s.items.contains(id)).map(|s| s.id.clone()).collect();
            (sites, HashSet::from([id.clone()]))
        }
        Some(Hover::Site(id)) => {
            let items: HashSet<String> = scene.site(id).map(|s| s.items.iter().cloned().collect()).unwrap_or_default();
            let mut sites: HashSet<String> = scene.sites.iter().filter(|s| s.items.iter().any(|i| items.contains(i))).map(|s| s.id.clone()).collect();
            sites.insert(id.clone());
            (sites, items)
        }
    }
}

/// How a site looks: hidden when a filter is on and none of its items is shown; faded
/// when every shown item of it begins after the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SiteLook {
    pub filtered_out: bool,
    pub future: bool,
}

pub fn site_look(items_here: &[String], shown: &HashSet<String>, filtering: bool, future: impl Fn(&str) -> bool) -> SiteLook {
    let here: Vec<&String> = items_here.iter().filter(|i| shown.contains(*i)).collect();
    SiteLook { filtered_out: filtering && here.is_empty(), future: !here.is_empty() && here.iter().all(|i| future(i)) }
}

/// The earliest first day among a site's shown items (`None`: none is dated): when the
/// site's bulk-drawn marker starts to show at the cursor.
pub fn earliest_start(items_here: &[String], shown: &HashSet<String>, start_of: impl Fn(&str) -> Option<i64>) -> Option<i64> {
    items_here.iter().filter(|i| shown.contains(*i)).filter_map(|i| start_of(i)).min()
}

/// A marker drawn in bulk: its site, where it was drawn, and in which pane.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnMark {
    pub site: String,
    pub x: f64,
    pub y: f64,
    pub pane: usize,
}

/// The site whose marker in `pane` is nearest to `(x, y)`, within `reach` pixels.
pub fn nearest_mark(marks: &[DrawnMark], pane: usize, (x, y): (f64, f64), reach: f64) -> Option<String> {
    marks
        .iter()
        .filter(|m| m.pane == pane)
        .map(|m| (m, (m.x - x).hypot(m.y - y)))
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| m.site.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{BaseMap, Projection};

    fn scene() -> MapScene {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json")).unwrap().dataset;
        MapScene::build(&ds, &BaseMap::embedded(), &Projection::eurasia())
    }

    #[test]
    fn a_hovered_item_lights_its_places_and_a_site_its_items() {
        let scene = scene();
        let (sites, items) = connected(&scene, Some(&Hover::Item("agreement-chamonix-yanqing".into())));
        assert_eq!(items, HashSet::from(["agreement-chamonix-yanqing".to_owned()]));
        for s in ["chamonix", "yanqing", "mont-blanc", "great-wall"] {
            assert!(sites.contains(s), "{s}");
        }
        // Through a party link, the seats light up too.
        let (sites, _) = connected(&scene, Some(&Hover::Item("agreement-aura-hebei".into())));
        assert!(sites.contains("lyon") && sites.contains("shijiazhuang") && sites.contains("chambery"));
        let (sites, items) = connected(&scene, Some(&Hover::Site("val-thorens".into())));
        assert!(items.contains("esf-ski-school-zhangjiakou") && sites.contains("zhangjiakou") && sites.contains("val-thorens"));
        assert_eq!(connected(&scene, None), (HashSet::new(), HashSet::new()));
    }

    #[test]
    fn a_site_hides_when_filtered_out_and_fades_when_all_its_items_are_to_come() {
        let here = vec!["a".to_owned(), "b".to_owned()];
        let shown: HashSet<String> = ["a".to_owned()].into();
        let later = |id: &str| id == "a";
        assert_eq!(site_look(&here, &shown, true, later), SiteLook { filtered_out: false, future: true });
        assert_eq!(site_look(&here, &HashSet::new(), true, later), SiteLook { filtered_out: true, future: false });
        assert_eq!(site_look(&here, &HashSet::new(), false, later), SiteLook { filtered_out: false, future: false });
        assert_eq!(earliest_start(&here, &["a".to_owned(), "b".to_owned()].into(), |i| Some(if i == "a" { 10 } else { 3 })), Some(3));
        assert_eq!(earliest_start(&here, &shown, |_| None), None);
    }

    #[test]
    fn a_click_finds_the_nearest_marker_of_its_pane_within_reach() {
        let marks = vec![
            DrawnMark { site: "near".into(), x: 10.0, y: 10.0, pane: 0 },
            DrawnMark { site: "nearer".into(), x: 12.0, y: 11.0, pane: 0 },
            DrawnMark { site: "other-pane".into(), x: 12.0, y: 12.0, pane: 1 },
        ];
        assert_eq!(nearest_mark(&marks, 0, (12.5, 11.5), 8.0).as_deref(), Some("nearer"));
        assert_eq!(nearest_mark(&marks, 1, (12.5, 11.5), 8.0).as_deref(), Some("other-pane"));
        assert_eq!(nearest_mark(&marks, 0, (100.0, 100.0), 8.0), None);
    }
}
