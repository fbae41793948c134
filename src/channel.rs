//! The presenter's windows in step: the audience's (presenter mode) and the speaker's
//! console talk over a `BroadcastChannel` (same origin, no server, works offline), both
//! ways. A step taken or the screen blanked in one is done in the other; what arrives is
//! applied without being sent back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::model::tour::TalkMessage;
use crate::model::ui::Mode;
use crate::state::AppState;

const CHANNEL: &str = "passerelle-presenter";

fn to_js(m: &TalkMessage) -> JsValue {
    JsValue::from_str(&m.encode())
}

fn from_js(value: &JsValue) -> Option<TalkMessage> {
    TalkMessage::decode(&value.as_string()?)
}

/// Tells the other windows that the talk ended (the console's Escape).
pub fn tell_leave() {
    if let Ok(c) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = c.post_message(&to_js(&TalkMessage::Leave));
        c.close();
    }
}

/// Joins the channel once this window first presents or is the console (installed once by
/// the app): before that, nothing heard would be applied and nothing here is told. The
/// channel's code comes with the presenter's chunk, which presenting fetches anyway.
pub fn install(state: AppState) {
    let owner = Owner::current().unwrap_or_default();
    let joined = StoredValue::new(false);
    crate::dom::effect(move || {
        if !state.mode.with(|m| matches!(m, Mode::Present(_) | Mode::Console(_))) || joined.get_value() {
            return;
        }
        joined.set_value(true);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            if join(state, owner).await.is_err() {
                joined.set_value(false);
                web_sys::console::warn_1(
                    &"Passerelle: the presenter's windows cannot talk: its code could not be fetched (network?)".into(),
                );
            }
        });
    });
}

crate::chunk::chunk! {
    /// The channel joined, under the app's owner.
    presenter, preload_channel, fn join(state: AppState, owner: Owner) -> () {
        owner.with(|| talk(state))
    }
}

/// What is heard is applied while presenting or in the console, and what happens there is
/// told.
fn talk(state: AppState) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let channel = leptos::__reexports::send_wrapper::SendWrapper::new(channel);
    let in_talk = move || state.mode.with_untracked(|m| matches!(m, Mode::Present(_) | Mode::Console(_)));
    // The last thing heard, so that applying it does not send it back.
    let heard = StoredValue::new(None::<String>);
    let send = {
        let channel = channel.clone();
        move |m: TalkMessage| {
            // What was just heard is applied here, not sent back (once).
            if heard.get_value().as_deref() == Some(m.encode().as_str()) {
                heard.set_value(None);
                return;
            }
            let _ = channel.post_message(&to_js(&m));
        }
    };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Some(m) = from_js(&e.data()) else { return };
        if !in_talk() {
            return;
        }
        heard.set_value(Some(m.encode()));
        match m {
            TalkMessage::Step { tour, step } => state.follow_talk((!tour.is_empty()).then_some(tour), step),
            TalkMessage::Blank(on) => state.blank.set(on),
            TalkMessage::Leave => {
                if state.is_presenting_untracked() {
                    state.leave_tour();
                }
            }
            TalkMessage::Hello => {
                // Answered by whoever presents: where the talk is.
                if let Some(step) = state.mode.with_untracked(|m| m.is_presenting().then(|| m.step()).flatten()) {
                    heard.set_value(None);
                    let tour = state.tour.get_untracked().unwrap_or_default();
                    let _ = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::BroadcastChannel>().ok())
                        .map(|c| c.post_message(&to_js(&TalkMessage::Step { tour, step })));
                    let _ = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::BroadcastChannel>().ok())
                        .map(|c| c.post_message(&to_js(&TalkMessage::Blank(state.blank.get_untracked()))));
                }
            }
        }
    })
    .into_js_value();
    channel.set_onmessage(Some(on_message.unchecked_ref()));

    // What happens here is told there.
    {
        let send = send.clone();
        crate::dom::effect(move || {
            let mode = state.mode.get();
            let tour = state.tour.get().unwrap_or_default();
            match mode {
                Mode::Present(step) | Mode::Console(step) => send(TalkMessage::Step { tour, step }),
                _ => {}
            }
        });
    }
    {
        let send = send.clone();
        Effect::new(move |previous: Option<Mode>| {
            let mode = state.mode.get();
            if matches!(previous, Some(Mode::Present(_))) && mode == Mode::Explore {
                send(TalkMessage::Leave);
            }
            mode
        });
    }
    {
        let send = send.clone();
        crate::dom::effect(move || {
            let on = state.blank.get();
            if in_talk() {
                send(TalkMessage::Blank(on));
            }
        });
    }
    if state.mode.with_untracked(|m| matches!(m, Mode::Console(_))) {
        send(TalkMessage::Hello);
    }
    on_cleanup(move || channel.close());
}
