//! Fetching the dataset and the base map over HTTP with gloo-net.

use std::fmt::Write;

use gloo_net::http::Request;
use wasm_bindgen::JsValue;

use crate::chunk::chunk;
use crate::geo::BaseMap;
use crate::geo::basemap::BASEMAP_PATH;
use crate::model::edition::{edition_path, fill, lacks};
use crate::model::json::Json;
use crate::model::{Dataset, Lang, LoadError, Loaded, fingerprint, parse_dataset, read_checked};

/// Where the app finds its dataset, relative to the page.
pub const DATASET_PATH: &str = "data/cooperation.json";

/// The dataset a reader's page reads first: the shipped one's edition in `lang` where the
/// build wrote its editions (`model::edition`; a release build, of a dataset it found
/// clean), else the whole file.
pub fn shipped_dataset_path(lang: Lang) -> String {
    match edition_print(lang) {
        Some(_) => edition_path(DATASET_PATH, lang),
        None => DATASET_PATH.to_owned(),
    }
}

/// The fingerprint of the shipped dataset's edition in `lang`, as the build wrote it in
/// the page (`fr:… en:… zh:…`).
fn edition_print(lang: Lang) -> Option<String> {
    let prints = crate::dom::meta_content("passerelle-editions")?;
    prints.split(' ').find_map(|p| p.strip_prefix(lang.code())?.strip_prefix(':')).map(str::to_owned)
}

/// The fingerprint the build wrote for the shipped file at `path`, if it is one.
fn checked_print(path: &str) -> Option<String> {
    if path == DATASET_PATH {
        return crate::dom::meta_content("passerelle-checked");
    }
    Lang::ALL.into_iter().find(|&l| path == edition_path(DATASET_PATH, l)).and_then(edition_print)
}

/// Gives the page's dataset its texts in `lang` from the shipped edition in that language,
/// where it lacks them (it was read from another edition). Whether it has them now; a
/// failure is written to the console, and the texts stay in the words it has.
pub async fn fill_language(ds: &Dataset, lang: Lang) -> bool {
    if !lacks(ds, lang) {
        return true;
    }
    let path = edition_path(DATASET_PATH, lang);
    let Ok(edition) = fetch_dataset(&path, |_| {}).await else {
        return false;
    };
    let filled = fill(ds, &edition.dataset, lang);
    if let Err(why) = &filled {
        web_sys::console::error_1(&format!("Passerelle: {path}: {why}").into());
    }
    filled.is_ok()
}

/// Fetches, parses and validates the dataset at `path`; `ahead` is shown its text first,
/// to start what it will need while it is read. Errors and warnings are also written to
/// the console, in the same sentences the page shows.
// (`ahead` a function pointer, not a generic: one copy of the reading's code in the first
// module for the app's start and a language's edition.)
pub async fn fetch_dataset(path: &str, ahead: fn(&str)) -> Result<Loaded, LoadError> {
    let result = fetch(path, ahead).await;
    match &result {
        Err(e) => web_sys::console::error_1(&format!("Passerelle: {e}").into()),
        Ok(loaded) => {
            if let Some(text) = console_warnings(path, &loaded.warnings) {
                web_sys::console::warn_1(&text.into());
            }
        }
    }
    result
}

/// The dataset's warnings as one console message, a line each (a large file can have a
/// hundred: one message each made the console, and the first drawing, wait on them).
fn console_warnings(path: &str, warnings: &[impl std::fmt::Display]) -> Option<String> {
    match warnings {
        [] => None,
        [w] => Some(format!("Passerelle: {path}, warning: {w}.")),
        _ => Some(warnings.iter().fold(format!("Passerelle: {path}, {} warnings:", warnings.len()), |mut s, w| {
            let _ = write!(s, "\n- {w}.");
            s
        })),
    }
}

/// The base map the build ships, in hand: fetched and installed ([`fetch_basemap`]) unless
/// it is already, by one request however many ask at once (the app after its first drawing
/// behind the pre-rendered page, the handout, an export: a JS promise they all await, which
/// cost the first module 0.9 kB gzip less than a shared Rust future, `futures::Shared`); a failure is
/// asked for again by the next caller. Whether it is in hand.
pub async fn whole_basemap() -> bool {
    thread_local! {
        static FETCH: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
    }
    if BaseMap::installed() {
        return true;
    }
    let fetch = FETCH.with(|f| {
        f.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    fetch_basemap().await.map(|()| JsValue::UNDEFINED).map_err(|_| JsValue::UNDEFINED)
                })
            })
            .clone()
    });
    let arrived = wasm_bindgen_futures::JsFuture::from(fetch).await.is_ok();
    if !arrived {
        FETCH.with(|f| f.borrow_mut().take());
    }
    arrived
}

/// Fetches the base map the build ships and makes it the one the map draws
/// ([`BaseMap::install`]); asked for at the same time as the dataset, or behind the
/// pre-rendered page once the app has drawn ([`whole_basemap`]).
pub async fn fetch_basemap() -> Result<(), LoadError> {
    let path = basemap_path();
    // Its reader is a chunk of its own, fetched beside it (the page asks for both ahead
    // where the app draws without the pre-rendered page).
    let (text, _) = futures::future::join(fetch_text(&path), preload_basemap_reader()).await;
    let text = text?;
    // The page's parse in a task of its own, and the shapes read from its tree in the next:
    // after the first drawing they were one task of 40-80 ms on a phone (CPU 4x slower).
    crate::dom::next_task().await;
    let tree = BaseMap::tree(&text);
    drop(text);
    crate::dom::next_task().await;
    let network = |e: crate::chunk::ChunkError| LoadError::Network { file: path.clone(), message: e.to_string() };
    read_basemap(path.clone(), tree).await.map_err(network)?
}

chunk!(
    /// Reads the base map's tree and makes it the one the map draws. Behind the pre-rendered
    /// page the app starts on the page's drawing of it, and needs the file, and this, only
    /// after its first drawing (issue 25).
    basemap, preload_basemap_reader, fn read_basemap(file: String, tree: Result<Json<'static>, String>) -> Result<(), LoadError> {
        let map = tree.and_then(|tree| BaseMap::from_tree(&tree)).map_err(|message| LoadError::BaseMap { file, message });
        if let Err(e) = &map {
            web_sys::console::error_1(&format!("Passerelle: {e}").into());
        }
        map.map(BaseMap::install)
    }
);

/// The base map's address: the hashed name the release build wrote into the page, else the
/// development build's.
fn basemap_path() -> String {
    crate::dom::meta_content("passerelle-basemap").unwrap_or_else(|| BASEMAP_PATH.to_owned())
}

/// What a failed request says: the browser's error as the page writes it ("TypeError:
/// Failed to fetch"). Not `gloo_net::Error`'s own text: one of its kinds holds a
/// serde_json error (gloo-net's "json" feature, which server_fn turns on), whose messages
/// would come into the first module with it (issue 25), though a request never gives it.
fn request_failure(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::GlooError(message) => message,
        #[allow(unreachable_patterns)]
        _ => "the request failed".to_owned(),
    }
}

/// The text of a file of this site.
pub async fn fetch_text(path: &str) -> Result<String, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { file: path.to_owned(), message: request_failure(e) };
    let response = Request::get(path).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: path.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    // Its bytes, read as the browser's `text()` reads them (UTF-8, a broken sequence
    // replaced, a byte-order mark dropped), but not decoded to the page's UTF-16 first and
    // encoded back to UTF-8 for the wasm: 4.5 MB of a large dataset took 70 ms that way.
    let bytes = response.binary().await.map_err(network)?;
    let mut text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.starts_with('\u{feff}') {
        // In place: no second copy of a large file.
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

async fn fetch(path: &str, ahead: fn(&str)) -> Result<Loaded, LoadError> {
    let checked = checked_print(path);
    if checked.is_none() {
        // Most likely a text the build did not check: its checker comes with it.
        leptos::task::spawn_local(async {
            let _ = preload_checker().await;
        });
    }
    let text = fetch_text(path).await?;
    crate::dom::mark("passerelle:data-fetched");
    ahead(&text);
    // The page as it is (the frames, the introduction) is painted before the reading and
    // the drawing of the dataset begin, not after; unless the app is built behind the
    // pre-rendered first screen, where there is nothing of it to see until it has drawn
    // (the wait was a frame, 16-20 ms, before a large dataset's reading). Either way what
    // `ahead` started (the bulk painter's request) goes out first: read at once, without
    // yielding, it went out after the reading, and the drawing waited 250 ms for it.
    if crate::dom::poster_shown() {
        crate::dom::after_microtasks().await;
    } else {
        crate::dom::after_next_paint().await;
    }
    let loaded = if checked.is_some_and(|c| c == format!("{:016x}", fingerprint(&text))) {
        read_checked(path, &text)
    } else {
        check_dataset(path.to_owned(), text).await.unwrap_or_else(|e| {
            Err(LoadError::Network { file: path.to_owned(), message: format!("the app's checker of datasets: {e}") })
        })
    };
    crate::dom::mark("passerelle:data-read");
    // Drawn in tasks of their own, after this one.
    crate::dom::next_task().await;
    loaded
}

chunk!(
    /// Reads and checks a dataset's text that the build did not find clean (a file changed
    /// since, an embedding site's `?data=`): the checker of the records' meaning is in the
    /// chunk of the load errors and the findings it finds (one chunk rather than two, 2.4 kB
    /// less in all, the loader's list shorter), which the text the build checked never needs
    /// (issue 25).
    errors, preload_checker, fn check_dataset(file: String, text: String) -> Result<Loaded, LoadError> {
        parse_dataset(&file, &text)
    }
);
