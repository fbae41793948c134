//! The page's components, one concern per file. They read [`crate::app::AppState`]
//! from context and hold no state of their own beyond what they display.

mod data_warnings;
mod detail_panel;
mod filters_panel;
mod header;
mod list_view;
mod load_error;
mod map_panel;
mod map_view;
mod timeline_panel;

pub use data_warnings::DataWarnings;
pub use detail_panel::DetailPanel;
pub use filters_panel::FiltersPanel;
pub use header::{DatasetSummary, Header};
pub use list_view::ListView;
pub use load_error::LoadErrorPanel;
pub use map_panel::MapPanel;
pub use map_view::MapCanvas;
pub use timeline_panel::TimelinePanel;
