//! Keeps the address bar and the app state in step: a shared URL opens the same state,
//! discrete changes (a selection, a view, a filter) push a history entry, continuous ones
//! (the time cursor, zooming, typing a search) replace it, and Back/Forward restore.
//! Reading, writing and the push-or-replace decision are the pure
//! [`crate::model::url_state`]; every link the app writes comes from [`page_link`].

use leptos::prelude::*;

use crate::model::url_state::{HistoryAction, LinkFor, UrlState};
use crate::state::AppState;

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

    Effect::new(move |_| {
        if state.lang.get() != browser_lang {
            lang_in_url.set_value(true);
        }
        let next = state.to_url(lang_in_url.get_value());
        let action = last.with_value(|prev| prev.history_action(&next));
        let url = next.link(&base(), LinkFor::AddressBar);
        if let Ok(history) = window().history() {
            let _ = match action {
                HistoryAction::Nothing => Ok(()),
                HistoryAction::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
                HistoryAction::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            };
        }
        last.set_value(next);
    });

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let url = read();
        lang_in_url.set_value(url.lang.is_some());
        last.set_value(url.clone());
        state.apply_url(&url, browser_lang);
    });
    on_cleanup(move || popstate.remove());
}
