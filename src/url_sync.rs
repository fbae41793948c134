//! Keeps the address bar and the app state in step: a shared URL opens the same state,
//! discrete changes (a selection, a view, a filter) push a history entry, continuous ones
//! (the time cursor, zooming, typing a search) replace it, and Back/Forward restore.
//! Parsing and writing are the pure [`crate::model::url_state`].

use leptos::prelude::*;

use crate::app::{AppState, Panel};
use crate::geo::scene::MapView;
use crate::model::time::{iso, parse_day};
use crate::model::url_state::UrlState;

fn location_query() -> String {
    window().location().search().unwrap_or_default().trim_start_matches('?').to_owned()
}

/// The state in the URL now, and a console warning for each parameter ignored.
fn read() -> UrlState {
    let (url, warnings) = UrlState::parse(&location_query());
    for w in warnings {
        web_sys::console::warn_1(&format!("Passerelle: {w}").into());
    }
    url
}

fn apply(state: AppState, url: &UrlState, default_lang: crate::model::Lang) {
    state.selected.set(url.item.clone());
    state.selected_site.set(if url.item.is_some() { None } else { url.site.clone() });
    state.cursor.set(url.time.as_deref().and_then(parse_day));
    state.filter.set(url.filter.clone());
    state.map_view.set(url.view.as_deref().and_then(MapView::from_slug).unwrap_or(MapView::Both));
    state.map_zoom.set(url.zoom);
    state.panel.set(if url.panel.as_deref() == Some("list") { Panel::List } else { Panel::Timeline });
    state.lang.set(url.lang.unwrap_or(default_lang));
    state.embed.set(url.embed);
    state.allow.set(url.allow.clone());
    state.presenting.set((url.mode.as_deref() == Some("present")).then(|| url.step.unwrap_or(1).saturating_sub(1)));
}

fn current(state: AppState, lang_in_url: bool) -> UrlState {
    let view = state.map_view.get();
    UrlState {
        item: state.selected.get(),
        site: state.selected_site.get(),
        time: state.cursor.get().map(iso),
        filter: state.filter.get(),
        // The two regions are the default view (the overview where the frame is too small).
        view: (view != MapView::Both).then(|| view.slug().to_owned()),
        zoom: state.map_zoom.get(),
        panel: (state.panel.get() == Panel::List).then(|| "list".to_owned()),
        lang: lang_in_url.then(|| state.lang.get()),
        mode: state.presenting.get().map(|_| "present".to_owned()),
        step: state.presenting.get().map(|s| s + 1),
        embed: state.embed.get(),
        allow: state.allow.get(),
    }
}

/// Reads the URL into `state` and keeps them in step from now on.
pub fn install(state: AppState) {
    let initial = read();
    // The language goes in the URL when it was there, or once it differs from the one the
    // browser chose (a shared link then opens in the language the sharer saw).
    let browser_lang = state.lang.get_untracked();
    let lang_in_url = StoredValue::new(initial.lang.is_some());
    apply(state, &initial, browser_lang);
    let last = StoredValue::new(initial);

    Effect::new(move |_| {
        if state.lang.get() != browser_lang {
            lang_in_url.set_value(true);
        }
        let next = current(state, lang_in_url.get_value());
        let query = [next.to_query(), crate::model::url_state::passed_on(&location_query())].into_iter().filter(|q| !q.is_empty()).collect::<Vec<_>>().join("&");
        if query == location_query() {
            last.set_value(next);
            return;
        }
        // Only the continuous parts changed: replace, so Back skips the in-betweens.
        let discrete = |u: &UrlState| UrlState {
            time: None,
            zoom: None,
            filter: crate::model::filter::Filter { query: String::new(), ..u.filter.clone() },
            ..u.clone()
        };
        let continuous = last.with_value(|prev| discrete(prev) == discrete(&next));
        let url = if query.is_empty() { window().location().pathname().unwrap_or_default() } else { format!("?{query}") };
        if let Ok(history) = window().history() {
            let _ = if continuous {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        last.set_value(next);
    });

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let url = read();
        lang_in_url.set_value(url.lang.is_some());
        last.set_value(url.clone());
        apply(state, &url, browser_lang);
    });
    on_cleanup(move || popstate.remove());
}
