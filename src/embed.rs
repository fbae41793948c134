//! Embedded in a regional website's iframe: tells the parent page its height and the
//! selection, and obeys a few commands (select, time, language) from the origins the host
//! allowed in the URL (`allow=`), nothing else. The protocol is
//! [`crate::model::embed_protocol`]. Everything here stops with its owner (the app).

use std::time::Duration;

use leptos::prelude::*;

use crate::model::embed_protocol::{Command, Outgoing, VERSION, parse_command};
use crate::model::time::parse_day;
use crate::state::AppState;

fn post(message: &Outgoing) {
    let Ok(parent) = window().parent() else { return };
    let Some(parent) = parent else { return };
    if parent == window() {
        return;
    }
    let Ok(json) = serde_json::to_string(message) else { return };
    if let Ok(value) = js_sys::JSON::parse(&json) {
        // Height and selection are public facts: any parent may read them.
        let _ = parent.post_message(&value, "*");
    }
}

pub fn install(state: AppState) {
    if !state.embed.get_untracked() {
        return;
    }
    // Only an embedded page runs this: its code is a chunk of its own, fetched at once (the
    // first message to the parent, its height, says the listener is there).
    let owner = Owner::current().unwrap_or_default();
    leptos::task::spawn_local(async move {
        if embedded(state, owner).await.is_err() {
            web_sys::console::warn_1(&"Passerelle: the embedding's messages could not be fetched (network?)".into());
        }
    });
}

crate::chunk::chunk! {
    /// Talks to the parent page, under the app's owner.
    embed, preload_embed, fn embedded(state: AppState, owner: Owner) -> () {
        owner.with(|| talk_to_parent(state))
    }
}

fn talk_to_parent(state: AppState) {
    // Height: checked four times a second, sent when it changes.
    let last = StoredValue::new(0u32);
    let check = move || {
        let Some(root) = document().document_element() else { return };
        let height = root.scroll_height().max(0) as u32;
        if height != last.get_value() {
            last.set_value(height);
            post(&Outgoing::Height { version: VERSION, height });
        }
    };
    check();
    if let Ok(interval) = set_interval_with_handle(check, Duration::from_millis(250)) {
        on_cleanup(move || interval.clear());
    }

    crate::dom::effect(move || {
        let selection = state.selection.get();
        let (item, site) = (selection.item().map(str::to_owned), selection.site().map(str::to_owned));
        post(&Outgoing::Selection { version: VERSION, item, site });
    });

    let listener = window_event_listener(leptos::ev::message, move |e: web_sys::MessageEvent| {
        let origin = e.origin();
        if !state.allow.with_value(|a| a.contains(&origin)) {
            web_sys::console::warn_1(
                &format!("Passerelle: ignored a message from {origin}, which is not allowed").into(),
            );
            return;
        }
        let data = e.data();
        let json = match data.as_string() {
            Some(s) => s,
            None => js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()).unwrap_or_default(),
        };
        match parse_command(&json) {
            Ok(Command::SelectItem(id)) => state.select_item(id),
            Ok(Command::SelectSite(id)) => state.select_site(id),
            Ok(Command::Time(day)) => state.cursor.set(day.as_deref().and_then(parse_day)),
            Ok(Command::Lang(lang)) => state.set_lang(lang),
            Err(why) => web_sys::console::warn_1(&format!("Passerelle: ignored a message from {origin}: {why}").into()),
        }
    });
    on_cleanup(move || listener.remove());
}
