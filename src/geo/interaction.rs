//! What the reader's hands mean to the map, as pure functions: what a hovered mark
//! connects, and how much a wheel notch or a pinch zooms.

use crate::collections::HashSet;

use super::math;
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
    math::exp(-delta_y * unit.pixels() * 0.002).clamp(0.5, 2.0)
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

/// The pointers down on the map, by id, where each last was: one drags, two pinch. A list,
/// not a hash table: there are one or two, and a table of its own was a copy of the hash
/// table's code in the first module (issue 25).
#[derive(Debug, Default)]
pub struct Pointers(Vec<(i32, (f64, f64))>);

impl Pointers {
    /// Where pointer `id` is now.
    pub fn set(&mut self, id: i32, at: (f64, f64)) {
        match self.0.iter_mut().find(|(p, _)| *p == id) {
            Some(entry) => entry.1 = at,
            None => self.0.push((id, at)),
        }
    }

    /// Where pointer `id` last was, if it is down.
    pub fn get(&self, id: i32) -> Option<(f64, f64)> {
        self.0.iter().find(|(p, _)| *p == id).map(|&(_, at)| at)
    }

    /// Where another pointer than `id` is, if one is down (the pinch's other finger).
    pub fn other_than(&self, id: i32) -> Option<(f64, f64)> {
        self.0.iter().find(|(p, _)| *p != id).map(|&(_, at)| at)
    }

    /// Pointer `id` is up.
    pub fn remove(&mut self, id: i32) {
        self.0.retain(|(p, _)| *p != id);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene() -> MapScene {
        crate::geo::shipped_scene()
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
    #[test]
    fn pointers_are_kept_by_id_and_the_other_one_is_found() {
        let mut p = Pointers::default();
        assert!(p.is_empty() && p.get(1).is_none() && p.other_than(1).is_none());
        p.set(1, (10.0, 20.0));
        p.set(2, (30.0, 40.0));
        p.set(1, (11.0, 21.0));
        assert_eq!((p.len(), p.get(1), p.get(2)), (2, Some((11.0, 21.0)), Some((30.0, 40.0))));
        assert_eq!((p.other_than(1), p.other_than(2)), (Some((30.0, 40.0)), Some((11.0, 21.0))));
        p.remove(2);
        assert_eq!((p.len(), p.other_than(1), p.get(2)), (1, None, None));
        p.remove(1);
        assert!(p.is_empty());
    }
}
