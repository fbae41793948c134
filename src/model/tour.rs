//! The steps of a tour, as the presenter, the guided tour and the console show them: an
//! authored tour of the dataset, or, when there is none (or the one asked for is not
//! there), the automatic tour of every dated item in date order.

use super::dataset::{Dataset, Item, Localized, Side, When};
use super::time::{parse_day, span};
use super::ui::MapView;

/// One step, whichever tour it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub item: Option<String>,
    pub site: Option<String>,
    pub view: MapView,
    /// A zoom factor on the step's place (1: the view's fit).
    pub zoom: Option<f64>,
    /// The time cursor; `None` shows every date.
    pub time: Option<i64>,
    /// The title of the step's card.
    pub title: Localized,
    /// What the audience reads.
    pub caption: Localized,
    /// What the speaker reads.
    pub notes: Localized,
    /// The item's dates, where the step shows an item.
    pub when: Option<When>,
    /// What of the step says more than the sources (`notes`, …), as the dataset marks it.
    pub not_from_sources: Vec<String>,
}

/// The view that holds a set of sites: a region when they are all in it, both regions
/// when they are on both sides (or there are none), the overview for a third country.
pub fn view_for(ds: &Dataset, sites: &[String]) -> MapView {
    let sides: Vec<Side> = sites.iter().filter_map(|s| ds.site(s).map(|s| s.side)).collect();
    match (sides.contains(&Side::France), sides.contains(&Side::China)) {
        _ if sides.contains(&Side::Other) => MapView::Overview,
        (true, false) => MapView::France,
        (false, true) => MapView::China,
        _ => MapView::Both,
    }
}

/// The first sentence of a text (to a full stop, Latin or Chinese).
pub fn first_sentence(text: &str) -> &str {
    text.split_inclusive(['.', '。']).next().unwrap_or(text)
}

fn item_step(ds: &Dataset, item: &Item) -> Step {
    let first = |l: &Localized| l.map(first_sentence);
    Step {
        item: Some(item.id.clone()),
        site: None,
        view: view_for(ds, &item.sites),
        zoom: None,
        time: span(&item.when).map(|s| s.1),
        title: item.title.clone(),
        caption: first(&item.description),
        notes: item.description.clone(),
        when: Some(item.when.clone()),
        // Made from the item's own texts, which carry its marks.
        not_from_sources: Vec::new(),
    }
}

/// The automatic tour: dated items by date (then by end and id).
pub fn automatic(ds: &Dataset) -> Vec<Step> {
    let mut dated: Vec<(&Item, (i64, i64))> = ds.items.iter().filter_map(|i| span(&i.when).map(|s| (i, s))).collect();
    dated.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
    dated.into_iter().map(|(i, _)| item_step(ds, i)).collect()
}

/// The steps of tour `id` of the dataset, or the automatic tour when there is no such tour.
pub fn steps(ds: &Dataset, id: Option<&str>) -> Vec<Step> {
    let Some(tour) = id.and_then(|id| ds.tours.iter().find(|t| t.id == id)) else { return automatic(ds) };
    tour.steps
        .iter()
        .map(|s| {
            let item = s.item.as_deref().and_then(|id| ds.item(id));
            let site = s.site.as_deref().and_then(|id| ds.site(id));
            let title = match (item, site) {
                (Some(i), _) => i.title.clone(),
                (None, Some(site)) => site.name.clone(),
                (None, None) => tour.title.clone(),
            };
            Step {
                item: s.item.clone(),
                site: s.site.clone(),
                view: s.view,
                zoom: s.zoom,
                time: s.time.as_deref().and_then(parse_day).or_else(|| item.and_then(|i| span(&i.when)).map(|sp| sp.1)),
                title,
                caption: s.caption.clone(),
                notes: s.notes.clone(),
                when: item.map(|i| i.when.clone()),
                not_from_sources: s.not_from_sources.clone(),
            }
        })
        .collect()
}

/// What the presenter's windows (the audience's and the console) tell each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalkMessage {
    /// The tour and step now (tour `""`: the automatic one).
    Step {
        tour: String,
        step: usize,
    },
    Blank(bool),
    /// The presentation ended.
    Leave,
    /// A console that just opened asks where the talk is.
    Hello,
}

impl TalkMessage {
    pub fn encode(&self) -> String {
        match self {
            TalkMessage::Step { tour, step } => format!("step\t{tour}\t{step}"),
            TalkMessage::Blank(on) => format!("blank\t{on}"),
            TalkMessage::Leave => "leave".to_owned(),
            TalkMessage::Hello => "hello".to_owned(),
        }
    }

    pub fn decode(text: &str) -> Option<TalkMessage> {
        match text.split('\t').collect::<Vec<_>>().as_slice() {
            ["step", tour, step] => Some(TalkMessage::Step { tour: (*tour).to_owned(), step: step.parse().ok()? }),
            ["blank", on] => Some(TalkMessage::Blank(*on == "true")),
            ["leave"] => Some(TalkMessage::Leave),
            ["hello"] => Some(TalkMessage::Hello),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::shipped;

    #[test]
    fn the_automatic_tour_walks_the_dated_items_in_date_order() {
        let ds = shipped();
        let steps = automatic(&ds);
        assert_eq!(steps.len(), ds.items.iter().filter(|i| !i.when.is_undated()).count());
        let times: Vec<i64> = steps.iter().map(|s| s.time.unwrap()).collect();
        let starts: Vec<i64> = steps.iter().map(|s| span(s.when.as_ref().unwrap()).unwrap().0).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "by date");
        assert!(times.iter().zip(&starts).all(|(t, s)| t >= s), "the cursor at each item's end");
        assert_eq!(steps.last().unwrap().item.as_deref(), Some("paralympics-2022"));
        // A first sentence for the audience, the whole description for the speaker.
        assert!(
            steps
                .iter()
                .all(|s| s.notes.get(crate::model::Lang::En).starts_with(s.caption.get(crate::model::Lang::En)))
        );
    }

    #[test]
    fn an_authored_tour_keeps_its_order_views_and_words() {
        let ds = shipped();
        let tour = &ds.tours[0];
        assert!((8..=12).contains(&tour.steps.len()), "8 to 12 steps: {}", tour.steps.len());
        let steps = steps(&ds, Some(&tour.id));
        assert_eq!(steps.len(), tour.steps.len());
        for (step, authored) in steps.iter().zip(&tour.steps) {
            assert_eq!((step.view, &step.caption, &step.notes), (authored.view, &authored.caption, &authored.notes));
            assert_eq!(step.item, authored.item);
        }
        // An unknown tour falls back to the automatic one.
        assert_eq!(super::steps(&ds, Some("no-such-tour")), automatic(&ds));
    }

    #[test]
    fn the_windows_messages_read_back_and_nothing_else_does() {
        for m in [
            TalkMessage::Step { tour: "t".into(), step: 3 },
            TalkMessage::Step { tour: String::new(), step: 0 },
            TalkMessage::Blank(true),
            TalkMessage::Leave,
            TalkMessage::Hello,
        ] {
            assert_eq!(TalkMessage::decode(&m.encode()), Some(m));
        }
        for junk in ["", "step\tt", "step\tt\tx", "blank", "jump"] {
            assert_eq!(TalkMessage::decode(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn a_view_holds_the_sites_it_is_chosen_for() {
        let ds = shipped();
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(view_for(&ds, &ids(&["val-thorens", "albertville"])), MapView::France);
        assert_eq!(view_for(&ds, &ids(&["beijing", "yanqing"])), MapView::China);
        assert_eq!(view_for(&ds, &ids(&["chambery", "zhangjiakou"])), MapView::Both);
        assert_eq!(view_for(&ds, &ids(&["chambery", "shawinigan"])), MapView::Overview);
        assert_eq!(view_for(&ds, &[]), MapView::Both);
        assert_eq!(first_sentence("Un. Deux."), "Un.");
        assert_eq!(first_sentence("一。二。"), "一。");
    }
}
