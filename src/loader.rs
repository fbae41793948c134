//! Fetching the dataset over HTTP with gloo-net.

use gloo_net::http::Request;

use crate::model::{LoadError, Loaded, parse_dataset};

/// Where the app finds its dataset, relative to the page.
pub const DATASET_PATH: &str = "data/cooperation.json";

/// Fetches, parses and validates the dataset at `path`. Errors and warnings are also
/// written to the console, in the same sentences the page shows.
pub async fn fetch_dataset(path: &str) -> Result<Loaded, LoadError> {
    let result = fetch(path).await;
    match &result {
        Err(e) => web_sys::console::error_1(&format!("Passerelle: {e}").into()),
        Ok(loaded) => {
            for w in &loaded.warnings {
                web_sys::console::warn_1(&format!("Passerelle: {path}, warning: {w}.").into());
            }
        }
    }
    result
}

async fn fetch(path: &str) -> Result<Loaded, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { file: path.to_owned(), message: e.to_string() };
    let response = Request::get(path).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: path.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(network)?;
    // The page as it is (the frames, the introduction) is painted before the reading and
    // the drawing of the dataset begin, not after.
    crate::dom::after_next_paint().await;
    let loaded = parse_dataset(path, &text);
    // Drawn in tasks of their own, after this one.
    crate::dom::next_task().await;
    loaded
}
