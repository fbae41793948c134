//! The marks as data: what each site and link of the map shows of the state (the reader's
//! highlight, the selection, the filter and the time cursor), as one pure function. The
//! page's SVG patch layer, the bulk canvas and the tests all read the same [`Looks`]; what
//! changed between two states is [`changes`], so a step patches a handful of marks.

use crate::collections::HashSet;

use super::scene::MapScene;
use super::svg::Emphasis;
use crate::model::time::not_begun;

/// What one mark shows. Each field is a class of the page's stylesheet ([`Look::CLASSES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Look {
    /// Joined to what the pointer or the focus is on.
    pub highlighted: bool,
    pub selected: bool,
    /// Left out by the filter: not drawn, not clickable.
    pub filtered_out: bool,
    /// Begins after the time cursor: faded.
    pub future: bool,
}

impl Look {
    /// The class of each field, in the order of [`Look::flags`].
    pub const CLASSES: [&'static str; 4] = ["is-highlighted", "is-selected", "is-filtered-out", "is-future"];

    pub fn flags(self) -> [bool; 4] {
        [self.highlighted, self.selected, self.filtered_out, self.future]
    }

    /// The classes to switch to go from `self` to `to`, with their new value.
    pub fn switches(self, to: Look) -> impl Iterator<Item = (&'static str, bool)> {
        let (a, b) = (self.flags(), to.flags());
        (0..4).filter(move |&i| a[i] != b[i]).map(move |i| (Look::CLASSES[i], b[i]))
    }
}

/// The state the marks show.
pub struct MarkState<'a> {
    pub emphasis: &'a Emphasis,
    /// Whether a filter is on, and the items it shows.
    pub filtering: bool,
    pub shown: &'a HashSet<String>,
    /// The time cursor (a day number), `None` when every date is shown.
    pub cursor: Option<i64>,
}

/// When an item begins (its first day), `None` when undated.
pub type StartOfItem<'a> = &'a dyn Fn(&str) -> Option<i64>;

/// The look of every mark, in the scene's order (`sites[i]` is `scene.sites[i]`'s).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Looks {
    pub sites: Vec<Look>,
    pub links: Vec<Look>,
    /// Something is highlighted: the rest steps back.
    pub any_highlight: bool,
}

/// A mark of the scene, by its place in `sites` or `links`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkRef {
    Site(usize),
    Link(usize),
}

/// An item's look: the same for each of its links, its box on the timeline and its row in
/// the list (which show `future` and `selected`).
pub fn item_look(id: &str, state: &MarkState, start_of_item: StartOfItem) -> Look {
    Look {
        highlighted: state.emphasis.items.contains(id),
        selected: state.emphasis.selected_item.as_deref() == Some(id),
        filtered_out: !state.shown.contains(id),
        future: not_begun(start_of_item(id), state.cursor),
    }
}

/// A site's look: hidden when a filter is on and none of its items is shown; faded when
/// every shown item of it begins after the cursor.
pub fn site_look(id: &str, items_here: &[String], state: &MarkState, start_of_item: StartOfItem) -> Look {
    let mut shown_here = items_here.iter().filter(|i| state.shown.contains(*i)).peekable();
    let any_shown = shown_here.peek().is_some();
    Look {
        highlighted: state.emphasis.sites.contains(id),
        selected: state.emphasis.selected_site.as_deref() == Some(id),
        filtered_out: state.filtering && !any_shown,
        future: any_shown && shown_here.all(|i| not_begun(start_of_item(i), state.cursor)),
    }
}

/// Every mark's look in one state.
pub fn looks(scene: &MapScene, state: &MarkState, start_of_item: StartOfItem) -> Looks {
    Looks {
        sites: scene.sites.iter().map(|s| site_look(&s.id, &s.items, state, start_of_item)).collect(),
        links: scene.links.iter().map(|l| item_look(&l.item, state, start_of_item)).collect(),
        any_highlight: !state.emphasis.sites.is_empty() || !state.emphasis.items.is_empty(),
    }
}

/// The scene's marks by item, built once per scene so that a state's looks read numbers
/// rather than ids: each item of the scene once, with its first day, and each link's item
/// and each site's items by their place in that list. ([`looks`] is the definition;
/// [`MarkItems::looks`] gives the same, each item's look worked out once, not once per
/// mark: 15,000 marks of a large dataset share 10,000 items.)
#[derive(Debug, Clone, Default)]
pub struct MarkItems {
    ids: Vec<String>,
    starts: Vec<Option<i64>>,
    link_item: Vec<usize>,
    site_items: Vec<Vec<usize>>,
}

impl MarkItems {
    pub fn of(scene: &MapScene, start_of_item: StartOfItem) -> Self {
        let (mut at, mut ids) = (crate::collections::HashMap::<String, usize>::default(), Vec::<String>::new());
        let mut number = |id: &String| -> usize {
            if let Some(&n) = at.get(id) {
                return n;
            }
            ids.push(id.clone());
            at.insert(id.clone(), ids.len() - 1);
            ids.len() - 1
        };
        let link_item = scene.links.iter().map(|l| number(&l.item)).collect();
        let site_items = scene.sites.iter().map(|s| s.items.iter().map(&mut number).collect()).collect();
        let starts = ids.iter().map(|id| start_of_item(id)).collect();
        MarkItems { ids, starts, link_item, site_items }
    }

    /// Every mark's look in one state (each item's first day as this index was built with).
    pub fn looks(&self, scene: &MapScene, state: &MarkState) -> Looks {
        let e = state.emphasis;
        let items: Vec<Look> = self
            .ids
            .iter()
            .zip(&self.starts)
            .map(|(id, start)| Look {
                highlighted: !e.items.is_empty() && e.items.contains(id),
                selected: e.selected_item.as_deref() == Some(id.as_str()),
                filtered_out: !state.shown.contains(id),
                future: not_begun(*start, state.cursor),
            })
            .collect();
        let sites = scene
            .sites
            .iter()
            .zip(&self.site_items)
            .map(|(site, here)| {
                let mut shown_here = here.iter().map(|&i| items[i]).filter(|l| !l.filtered_out).peekable();
                let any_shown = shown_here.peek().is_some();
                Look {
                    highlighted: !e.sites.is_empty() && e.sites.contains(&site.id),
                    selected: e.selected_site.as_deref() == Some(site.id.as_str()),
                    filtered_out: state.filtering && !any_shown,
                    future: any_shown && shown_here.all(|l| l.future),
                }
            })
            .collect();
        Looks {
            sites,
            links: self.link_item.iter().map(|&i| items[i]).collect(),
            any_highlight: !e.sites.is_empty() || !e.items.is_empty(),
        }
    }
}

/// The marks whose look differs between two states, with their new look (every mark when
/// the scenes differ in size: a new drawing).
pub fn changes(before: &Looks, after: &Looks) -> Vec<(MarkRef, Look, Look)> {
    let diff = |a: &[Look], b: &[Look], make: fn(usize) -> MarkRef| -> Vec<(MarkRef, Look, Look)> {
        if a.len() != b.len() {
            return b.iter().enumerate().map(|(i, l)| (make(i), Look::default(), *l)).collect();
        }
        a.iter().zip(b).enumerate().filter(|(_, (x, y))| x != y).map(|(i, (x, y))| (make(i), *x, *y)).collect()
    };
    let mut out = diff(&before.sites, &after.sites, MarkRef::Site);
    out.extend(diff(&before.links, &after.links, MarkRef::Link));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::day_number;

    fn scene() -> MapScene {
        crate::geo::shipped_scene()
    }

    fn set(ids: &[&str]) -> HashSet<String> {
        ids.iter().map(|s| (*s).to_owned()).collect()
    }

    const DAY: i64 = 19_000;

    fn starts(id: &str) -> Option<i64> {
        match id {
            "early" => Some(DAY - 10),
            "late" => Some(DAY + 10),
            "on-the-day" => Some(DAY),
            _ => None,
        }
    }

    fn state<'a>(
        emphasis: &'a Emphasis,
        shown: &'a HashSet<String>,
        filtering: bool,
        cursor: Option<i64>,
    ) -> MarkState<'a> {
        MarkState { emphasis, filtering, shown, cursor }
    }

    #[test]
    fn an_item_is_faded_only_once_the_cursor_is_before_its_first_day() {
        let (e, shown) = (Emphasis::default(), set(&["early", "late", "on-the-day", "undated"]));
        let at = |id, cursor| item_look(id, &state(&e, &shown, false, cursor), &starts).future;
        assert!(at("late", Some(DAY)));
        assert!(!at("early", Some(DAY)));
        assert!(!at("on-the-day", Some(DAY)), "what begins on the cursor's day has begun");
        assert!(!at("undated", Some(DAY)), "undated: always shown");
        assert!(!at("late", None), "no cursor: every date shown");
    }

    #[test]
    fn an_item_is_highlighted_selected_or_filtered_out_as_the_state_says() {
        let e = Emphasis { items: set(&["late"]), selected_item: Some("early".into()), ..Emphasis::default() };
        let shown = set(&["late"]);
        let s = state(&e, &shown, true, None);
        assert_eq!(item_look("late", &s, &starts), Look { highlighted: true, ..Look::default() });
        assert_eq!(item_look("early", &s, &starts), Look { selected: true, filtered_out: true, ..Look::default() });
    }

    #[test]
    fn a_site_hides_when_the_filter_leaves_none_of_its_items_and_fades_when_all_are_to_come() {
        let here = vec!["early".to_owned(), "late".to_owned()];
        let e = Emphasis { sites: set(&["x"]), selected_site: Some("x".into()), ..Emphasis::default() };
        let only_late = set(&["late"]);
        let look = site_look("x", &here, &state(&e, &only_late, true, Some(DAY)), &starts);
        assert_eq!(look, Look { highlighted: true, selected: true, filtered_out: false, future: true });
        // One shown item has begun: not faded.
        let both = set(&["early", "late"]);
        assert!(!site_look("y", &here, &state(&e, &both, true, Some(DAY)), &starts).future);
        // Filtered out when a filter is on and shows none of them; never when no filter is.
        let none = HashSet::default();
        assert!(site_look("y", &here, &state(&e, &none, true, Some(DAY)), &starts).filtered_out);
        assert_eq!(site_look("y", &here, &state(&e, &none, false, Some(DAY)), &starts), Look::default());
    }

    #[test]
    fn a_cursor_step_changes_only_the_marks_that_cross_it() {
        let scene = scene();
        let e = Emphasis::default();
        let shown: HashSet<String> = scene.links.iter().map(|l| l.item.clone()).collect();
        let ds =
            crate::model::parse_dataset("c.json", include_str!("../../public/data/cooperation.json")).unwrap().dataset;
        let start = |id: &str| ds.item(id).and_then(|i| crate::model::time::span(&i.when)).map(|s| s.0);
        let at = |cursor| looks(&scene, &MarkState { emphasis: &e, filtering: false, shown: &shown, cursor }, &start);
        let (before, after) = (at(Some(day_number(2018, 1, 1))), at(Some(day_number(2018, 12, 31))));
        let changed = changes(&before, &after);
        assert!(!changed.is_empty());
        for (mark, was, now) in &changed {
            assert!(was.future && !now.future, "{mark:?} only stops being to come");
        }
        // Each changed link's item begins in that year.
        for (mark, _, _) in &changed {
            if let MarkRef::Link(i) = mark {
                let s = start(&scene.links[*i].item).unwrap();
                assert!((day_number(2018, 1, 2)..=day_number(2018, 12, 31)).contains(&s));
            }
        }
        assert!(changes(&after, &after).is_empty());
        // A new drawing (no looks before) patches every mark.
        assert_eq!(changes(&Looks::default(), &after).len(), scene.sites.len() + scene.links.len());
    }

    #[test]
    fn the_looks_by_item_number_are_the_looks_by_definition_in_every_state() {
        let scene = scene();
        let ds =
            crate::model::parse_dataset("c.json", include_str!("../../public/data/cooperation.json")).unwrap().dataset;
        let start = |id: &str| ds.item(id).and_then(|i| crate::model::time::span(&i.when)).map(|s| s.0);
        let index = MarkItems::of(&scene, &start);
        let all: HashSet<String> = ds.items.iter().map(|i| i.id.clone()).collect();
        // Every other item shown, and none: the filter's cases.
        let half: HashSet<String> = ds.items.iter().step_by(2).map(|i| i.id.clone()).collect();
        let hover = super::super::interaction::Hover::Site("lyon".into());
        let (sites, items) = super::super::interaction::connected(&scene, Some(&hover));
        let emphases = [
            Emphasis::default(),
            Emphasis { sites, items, ..Emphasis::default() },
            Emphasis {
                selected_item: Some(scene.links[0].item.clone()),
                selected_site: Some(scene.sites[0].id.clone()),
                ..Emphasis::default()
            },
        ];
        let cursors = [None, Some(day_number(2015, 1, 1)), Some(day_number(2018, 6, 1)), Some(day_number(2030, 1, 1))];
        let mut faded_seen = false;
        for e in &emphases {
            for (shown, filtering) in [(&all, false), (&half, true), (&HashSet::default(), true)] {
                for cursor in cursors {
                    let state = MarkState { emphasis: e, filtering, shown, cursor };
                    let want = looks(&scene, &state, &start);
                    faded_seen |= want.sites.iter().any(|l| l.future) && want.links.iter().any(|l| !l.future);
                    assert_eq!(index.looks(&scene, &state), want, "{cursor:?}, filtering {filtering}");
                }
            }
        }
        assert!(faded_seen, "the states include a cursor that fades some marks and not others");
    }

    #[test]
    fn a_look_switches_only_the_classes_that_differ() {
        let a = Look { highlighted: true, future: true, ..Look::default() };
        let b = Look { selected: true, future: true, ..Look::default() };
        assert_eq!(a.switches(b).collect::<Vec<_>>(), vec![("is-highlighted", false), ("is-selected", true)]);
        assert_eq!(a.switches(a).count(), 0);
    }

    #[test]
    fn hovering_a_site_lights_its_links_and_steps_back_the_rest() {
        let scene = scene();
        let (sites, items) = super::super::interaction::connected(
            &scene,
            Some(&super::super::interaction::Hover::Site("val-thorens".into())),
        );
        let e = Emphasis { sites, items, ..Emphasis::default() };
        let shown: HashSet<String> = scene.links.iter().map(|l| l.item.clone()).collect();
        let l = looks(&scene, &MarkState { emphasis: &e, filtering: false, shown: &shown, cursor: None }, &|_| None);
        assert!(l.any_highlight);
        let vt = scene.site_index("val-thorens").unwrap();
        assert!(l.sites[vt].highlighted);
        let lit: Vec<&str> = scene
            .links
            .iter()
            .zip(&l.links)
            .filter(|(_, look)| look.highlighted)
            .map(|(k, _)| k.item.as_str())
            .collect();
        assert!(lit.contains(&"esf-ski-school-zhangjiakou"), "{lit:?}");
        assert!(l.links.iter().any(|look| !look.highlighted));
    }
}
