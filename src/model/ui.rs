//! What the reader has chosen, as plain typed values: the selection, the map's view and
//! camera, the panel, the mode. The browser state (`crate::state`) holds one signal per
//! field and its operations; the URL writes and reads exactly this ([`super::url_state`]).

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

/// The windows the map can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MapView {
    /// France to north-east China, every link a great-circle arc.
    Overview,
    /// Auvergne-Rhône-Alpes.
    France,
    /// Hebei, Beijing and Tianjin.
    China,
    /// Both regions, each in its own pane (the first view, where the frame allows it).
    #[default]
    Both,
}

impl MapView {
    pub const ALL: [MapView; 4] = [MapView::Overview, MapView::France, MapView::China, MapView::Both];

    /// The name used in URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            MapView::Overview => "overview",
            MapView::France => "france",
            MapView::China => "china",
            MapView::Both => "both",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == s)
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

/// Exploring freely, or presenting step by step (0-based step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Explore,
    Present(usize),
}

impl Mode {
    pub fn step(self) -> Option<usize> {
        match self {
            Mode::Present(step) => Some(step),
            Mode::Explore => None,
        }
    }

    pub fn is_presenting(self) -> bool {
        matches!(self, Mode::Present(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(MapView::from_slug(v.slug()), Some(v));
        }
        assert_eq!(MapView::from_slug("mars"), None);
        assert_eq!(MapView::default(), MapView::Both);
    }

    #[test]
    fn a_mode_knows_its_step() {
        assert_eq!(Mode::Present(3).step(), Some(3));
        assert_eq!(Mode::Explore.step(), None);
        assert!(!Mode::default().is_presenting());
    }
}
