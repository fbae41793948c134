//! What the reader has chosen, as plain typed values: the selection, the map's view and
//! camera, the panel, the mode. The browser state (`crate::state`) holds one signal per
//! field and its operations; the URL writes and reads exactly this ([`super::url_state`]).

use super::names::named_enum;

/// What is selected: nothing, an item, or a site; never an item and a site at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    None,
    Item(String),
    Site(String),
}

impl Selection {
    pub fn item(&self) -> Option<&str> {
        match self {
            Selection::Item(id) => Some(id),
            _ => None,
        }
    }

    pub fn site(&self) -> Option<&str> {
        match self {
            Selection::Site(id) => Some(id),
            _ => None,
        }
    }

    pub fn is_none(&self) -> bool {
        *self == Selection::None
    }
}

named_enum! {
    /// The windows the map can show (their JSON names are the URL's and the tours').
    pub enum MapView {
        /// France to north-east China, every link a great-circle arc.
        Overview = "overview",
        /// Auvergne-Rhône-Alpes.
        France = "france",
        /// Hebei, Beijing and Tianjin.
        China = "china",
        /// Both regions, each in its own pane.
        Both = "both",
    }
}

/// The first view, where the frame allows it: the two regions.
impl Default for MapView {
    fn default() -> Self {
        MapView::Both
    }
}

/// How far the reader moved a one-pane view: zoom relative to the fitted window, and the
/// point of the projected plane at the window's centre (see `geo::camera`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Zoom {
    pub k: f64,
    pub x: f64,
    pub y: f64,
}

/// What the panel under the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Timeline,
    List,
}

/// What the page is doing: exploring freely, or stepping through a tour (0-based step) as
/// a guided tour in the normal layout, as a presentation on a projector, or as the
/// presenter's console beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Explore,
    Guide(usize),
    Present(usize),
    Console(usize),
}

impl Mode {
    /// The tour's step, whichever way it is shown.
    pub fn step(self) -> Option<usize> {
        match self {
            Mode::Explore => None,
            Mode::Guide(s) | Mode::Present(s) | Mode::Console(s) => Some(s),
        }
    }

    /// The step the page itself shows: a guided tour's or a presentation's (the console
    /// shows the speaker the steps, not the map, and leaves its page where it is).
    pub fn shown_step(self) -> Option<usize> {
        match self {
            Mode::Guide(s) | Mode::Present(s) => Some(s),
            Mode::Explore | Mode::Console(_) => None,
        }
    }

    /// The same way of showing a tour, at another step.
    pub fn at(self, step: usize) -> Mode {
        match self {
            Mode::Explore | Mode::Guide(_) => Mode::Guide(step),
            Mode::Present(_) => Mode::Present(step),
            Mode::Console(_) => Mode::Console(step),
        }
    }

    pub fn is_presenting(self) -> bool {
        matches!(self, Mode::Present(_))
    }
}

/// Whether the page is being printed (its handout is drawn only then), and whether a
/// tour prints with the speaker's notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Print {
    #[default]
    Off,
    Handout,
    WithNotes,
}

impl Print {
    /// What a print the browser starts (Ctrl+P, the print dialog) makes of this: the notes
    /// stay if the Print button asked for them.
    pub fn started(self) -> Print {
        match self {
            Print::Off => Print::Handout,
            p => p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_guided_tour_or_a_presentation_moves_the_page_to_its_step() {
        assert_eq!((Mode::Guide(2).shown_step(), Mode::Present(0).shown_step()), (Some(2), Some(0)));
        // The console window shows the speaker the steps; its page stays where it is.
        assert_eq!((Mode::Console(3).shown_step(), Mode::Console(3).step()), (None, Some(3)));
        assert_eq!(Mode::Explore.shown_step(), None);
    }

    #[test]
    fn a_selection_is_one_thing_at_most() {
        let item = Selection::Item("forum".into());
        assert_eq!((item.item(), item.site()), (Some("forum"), None));
        let site = Selection::Site("lyon".into());
        assert_eq!((site.item(), site.site()), (None, Some("lyon")));
        assert!(Selection::default().is_none());
    }

    #[test]
    fn views_round_trip_through_their_slugs() {
        for v in MapView::ALL {
            assert_eq!(MapView::from_slug(&v.slug()), Some(*v));
        }
        assert_eq!(MapView::from_slug("mars"), None);
        assert_eq!(MapView::default(), MapView::Both);
    }

    #[test]
    fn a_mode_knows_its_step() {
        assert_eq!(Mode::Present(3).step(), Some(3));
        assert_eq!(Mode::Console(2).step(), Some(2));
        assert_eq!(Mode::Explore.step(), None);
        assert!(!Mode::default().is_presenting() && !Mode::Guide(0).is_presenting());
        assert_eq!(Mode::Present(3).at(4), Mode::Present(4));
        assert_eq!(Mode::Explore.at(0), Mode::Guide(0));
    }

    #[test]
    fn a_print_started_by_the_browser_keeps_the_notes_asked_for() {
        assert_eq!(Print::Off.started(), Print::Handout);
        assert_eq!(Print::WithNotes.started(), Print::WithNotes);
        assert_eq!(Print::Handout.started(), Print::Handout);
    }
}
