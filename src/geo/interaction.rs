//! What the map's marks mean to a reader's pointer and to the filter and the time cursor,
//! as pure functions of the scene: what a hovered mark connects, how a site looks under a
//! filter and a cursor, and which bulk-drawn marker a click is nearest to.

use crate::collections::HashSet;

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
        None => (HashSet::default(), HashSet::default()),
        Some(Hover::Item(id)) => {
            let sites = scene.sites.iter().filter(|s| s.items.contains(id)).map(|s| s.id.clone()).collect();
            (sites, HashSet::from_iter([id.clone()]))
        }
        Some(Hover::Site(id)) => {
            let items: HashSet<String> = scene.site(id).map(|s| s.items.iter().cloned().collect()).unwrap_or_default();
            let mut sites: HashSet<String> = scene
                .sites
                .iter()
                .filter(|s| s.items.iter().any(|i| items.contains(i)))
                .map(|s| s.id.clone())
                .collect();
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

pub fn site_look(
    items_here: &[String],
    shown: &HashSet<String>,
    filtering: bool,
    future: impl Fn(&str) -> bool,
) -> SiteLook {
    let here: Vec<&String> = items_here.iter().filter(|i| shown.contains(*i)).collect();
    SiteLook { filtered_out: filtering && here.is_empty(), future: !here.is_empty() && here.iter().all(|i| future(i)) }
}

/// The earliest first day among a site's shown items (`None`: none is dated): when the
/// site's bulk-drawn marker starts to show at the cursor.
pub fn earliest_start(
    items_here: &[String],
    shown: &HashSet<String>,
    start_of: impl Fn(&str) -> Option<i64>,
) -> Option<i64> {
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

/// The zoom step of the map's and the timeline's buttons and keys (`+`, `-`).
pub const ZOOM_STEP: f64 = 1.5;

/// How a wheel event's `deltaMode` counts: pixels (Chromium, Safari, trackpads), lines
/// (Firefox with a mouse wheel) or pages (Firefox set to scroll by pages).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WheelUnit {
    Pixel,
    Line,
    Page,
}

impl WheelUnit {
    /// `WheelEvent.deltaMode`: 0, 1 or 2; anything else is read as pixels.
    pub fn from_delta_mode(mode: u32) -> Self {
        match mode {
            1 => Self::Line,
            2 => Self::Page,
            _ => Self::Pixel,
        }
    }

    /// Pixels per unit, so that one notch zooms about alike in every engine.
    fn pixels(self) -> f64 {
        match self {
            Self::Pixel => 1.0,
            Self::Line => 40.0,
            Self::Page => 400.0,
        }
    }
}

/// The zoom factor of one wheel event: up (a negative delta) zooms in; a trackpad's many
/// small pixel deltas add up smoothly, and one event never more than halves or doubles.
pub fn wheel_zoom_factor(delta_y: f64, unit: WheelUnit) -> f64 {
    if !delta_y.is_finite() {
        return 1.0;
    }
    (-delta_y * unit.pixels() * 0.002).exp().clamp(0.5, 2.0)
}

/// The zoom factor between two steps of a Safari trackpad pinch (`gesturechange`'s
/// `scale` is the total since `gesturestart`, 1 at its start), kept sane if the engine
/// sends a zero or a missing scale.
pub fn pinch_zoom_factor(previous_scale: f64, scale: f64) -> f64 {
    if !(previous_scale.is_finite() && scale.is_finite()) || previous_scale <= 0.0 || scale <= 0.0 {
        return 1.0;
    }
    (scale / previous_scale).clamp(0.5, 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{BaseMap, Projection};

    fn scene() -> MapScene {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        MapScene::build(&ds, BaseMap::shipped(), &Projection::eurasia())
    }

    #[test]
    fn a_hovered_item_lights_its_places_and_a_site_its_items() {
        let scene = scene();
        let (sites, items) = connected(&scene, Some(&Hover::Item("agreement-chamonix-yanqing".into())));
        assert_eq!(items, HashSet::from_iter(["agreement-chamonix-yanqing".to_owned()]));
        for s in ["chamonix", "yanqing", "mont-blanc", "great-wall"] {
            assert!(sites.contains(s), "{s}");
        }
        // Through a party link, the seats light up too.
        let (sites, _) = connected(&scene, Some(&Hover::Item("agreement-aura-hebei".into())));
        assert!(sites.contains("lyon") && sites.contains("shijiazhuang") && sites.contains("chambery"));
        let (sites, items) = connected(&scene, Some(&Hover::Site("val-thorens".into())));
        assert!(
            items.contains("esf-ski-school-zhangjiakou")
                && sites.contains("zhangjiakou")
                && sites.contains("val-thorens")
        );
        assert_eq!(connected(&scene, None), (HashSet::default(), HashSet::default()));
    }

    #[test]
    fn a_site_hides_when_filtered_out_and_fades_when_all_its_items_are_to_come() {
        let here = vec!["a".to_owned(), "b".to_owned()];
        let shown: HashSet<String> = HashSet::from_iter(["a".to_owned()]);
        let later = |id: &str| id == "a";
        assert_eq!(site_look(&here, &shown, true, later), SiteLook { filtered_out: false, future: true });
        assert_eq!(site_look(&here, &HashSet::default(), true, later), SiteLook { filtered_out: true, future: false });
        assert_eq!(
            site_look(&here, &HashSet::default(), false, later),
            SiteLook { filtered_out: false, future: false }
        );
        assert_eq!(
            earliest_start(&here, &HashSet::from_iter(["a".to_owned(), "b".to_owned()]), |i| Some(if i == "a" {
                10
            } else {
                3
            })),
            Some(3)
        );
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

    #[test]
    fn a_wheel_notch_zooms_alike_whatever_the_unit_the_engine_counts_in() {
        // Chromium: 100 px a notch; Firefox: 3 lines a notch.
        let chromium = wheel_zoom_factor(-100.0, WheelUnit::Pixel);
        let firefox = wheel_zoom_factor(-3.0, WheelUnit::from_delta_mode(1));
        assert!(chromium > 1.2 && chromium < 1.3, "{chromium}");
        assert!((firefox - chromium).abs() < 0.05, "{firefox} vs {chromium}");
        assert!(wheel_zoom_factor(100.0, WheelUnit::Pixel) < 1.0, "down zooms out");
        assert_eq!(wheel_zoom_factor(1.0, WheelUnit::from_delta_mode(2)), 0.5, "a page is a big step, capped");
        assert_eq!(wheel_zoom_factor(-5000.0, WheelUnit::Pixel), 2.0);
        assert_eq!(wheel_zoom_factor(f64::NAN, WheelUnit::Pixel), 1.0);
        assert_eq!(WheelUnit::from_delta_mode(7), WheelUnit::Pixel);
    }

    #[test]
    fn a_safari_pinch_zooms_by_the_change_of_its_scale() {
        assert!((pinch_zoom_factor(1.0, 1.5) - 1.5).abs() < 1e-12);
        assert!((pinch_zoom_factor(1.5, 1.2) - 0.8).abs() < 1e-12);
        assert_eq!(pinch_zoom_factor(1.0, 9.0), 2.0);
        assert_eq!(pinch_zoom_factor(0.0, 1.0), 1.0);
        assert_eq!(pinch_zoom_factor(1.0, f64::NAN), 1.0);
    }
}
