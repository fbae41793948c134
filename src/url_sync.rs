//! Keeps the address bar and the app state in step: a shared URL opens the same state,
//! discrete changes (a selection, a view, a filter) push a history entry (after the frame
//! that shows them), continuous ones (the time cursor, zooming, typing a search) replace
//! it once they pause, and Back/Forward restore.
//! Reading, writing and the push-or-replace decision are the pure
//! [`crate::model::url_state`]; every link the app writes comes from [`page_link`].

use std::time::Duration;

use leptos::prelude::*;

use crate::model::url_state::{HistoryAction, LinkFor, UrlState};
use crate::state::AppState;

/// How long a continuous change (the time cursor, zooming, typing a search) waits for the
/// next before the address bar is written.
const REPLACE_AFTER: Duration = Duration::from_millis(300);

/// The page's address without its query.
pub fn base() -> String {
    let loc = window().location();
    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}

/// The current state as a link for `purpose` (a shared link, an iframe's `src`, the
/// embedded page's way out), with the language it is shown in. Untracked: for a click.
pub fn page_link(state: AppState, purpose: LinkFor) -> String {
    state.url_now().link(&base(), purpose)
}

/// [`page_link`], tracked: for a link kept up to date in the page.
pub fn live_page_link(state: AppState, purpose: LinkFor) -> String {
    state.to_url(true).link(&base(), purpose)
}

/// The state in the URL now, and a console warning for each parameter ignored.
fn read() -> UrlState {
    let (url, warnings) = UrlState::parse(&window().location().search().unwrap_or_default());
    for w in warnings {
        web_sys::console::warn_1(&format!("Passerelle: {w}").into());
    }
    url
}

/// Reads the URL into `state` and keeps them in step from now on.
pub fn install(state: AppState) {
    let initial = read();
    // The language goes in the URL when it was there, or once it differs from the one the
    // browser chose (a shared link then opens in the language the sharer saw).
    let browser_lang = state.lang.get_untracked();
    let lang_in_url = StoredValue::new(initial.lang.is_some());
    state.apply_url(&initial, browser_lang);
    // The address bar in its canonical form from the start (ignored parameters dropped, a
    // fixed order), so that it reads as every link the page gives.
    let canonical = initial.link(&base(), LinkFor::AddressBar);
    if canonical != window().location().href().unwrap_or_default()
        && let Ok(history) = window().history()
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&canonical));
    }
    let last = StoredValue::new(initial);
    // The one history write not made yet (each change settles the one before it first, so
    // at most one waits): a discrete change's new entry, pushed after the frame that shows
    // the change (a same-document navigation is several milliseconds of a filter's frame),
    // or a continuous change's address, written once the changes pause (a slider dragged or
    // a cursor played would otherwise replace the entry at every step, about 2 ms of a
    // step's frame, and Chromium throttles a page that navigates hundreds of times).
    let unwritten = StoredValue::new(None::<Unwritten>);
    // Counts the writes set waiting: a timer whose write was settled since finds it changed.
    let generation = StoredValue::new(0u32);
    // The waiting write made now, or dropped (`write: false`: the entry it was for is gone,
    // or a newer address replaces it).
    let settle = move |write: bool| {
        generation.update_value(|n| *n = n.wrapping_add(1));
        if let Some(w) = unwritten.try_update_value(Option::take).flatten()
            && write
            && let Ok(history) = window().history()
        {
            let _ = match w {
                Unwritten::Push(url) => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
                Unwritten::Replace(url) => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            };
        }
    };
    // Sets `w` waiting; `schedule` later makes it, unless it was settled meanwhile.
    let wait = move |w: Unwritten, schedule: fn(Box<dyn FnOnce()>)| {
        unwritten.set_value(Some(w));
        let mine = generation.get_value();
        schedule(Box::new(move || {
            if generation.try_get_value() == Some(mine) {
                settle(true);
            }
        }));
    };

    crate::dom::effect(move || {
        if state.lang.get() != browser_lang {
            lang_in_url.set_value(true);
        }
        let next = state.to_url(lang_in_url.get_value());
        let action = last.with_value(|prev| prev.history_action(&next));
        let url = next.link(&base(), LinkFor::AddressBar);
        match action {
            HistoryAction::Nothing => {}
            HistoryAction::Push => {
                settle(true);
                wait(Unwritten::Push(url), |make| request_animation_frame(move || set_timeout(make, Duration::ZERO)));
            }
            HistoryAction::Replace => {
                // A waiting entry is pushed; a waiting address is replaced by this one.
                settle(unwritten.with_value(|w| matches!(w, Some(Unwritten::Push(_)))));
                wait(Unwritten::Replace(url), |make| set_timeout(make, REPLACE_AFTER));
            }
        }
        last.set_value(next);
    });

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        // The reader left this entry: what was not yet written for it is dropped with it.
        settle(false);
        let url = read();
        lang_in_url.set_value(url.lang.is_some());
        last.set_value(url.clone());
        state.apply_url(&url, browser_lang);
    });
    // Leaving the page: the address as it is now, for the browser's history and a reload.
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| settle(true));
    on_cleanup(move || {
        pagehide.remove();
        settle(true);
    });
    on_cleanup(move || popstate.remove());
}

/// A history write waiting to be made (see [`install`]).
enum Unwritten {
    Push(String),
    Replace(String),
}
