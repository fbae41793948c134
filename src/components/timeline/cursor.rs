//! The time cursor: a slider by month (its far end shows every date), step buttons and
//! play/pause. The map and the list show the state at the cursor; the months and the play
//! steps are the pure [`CursorMonths`], its markup `i18n::timeline`'s.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::timeline::{cursor_label, play_label, time_cursor_markup};
use crate::model::timeline::CursorMonths;
use crate::state::AppState;

/// Time between steps when playing.
const PLAY_STEP: Duration = Duration::from_millis(900);

/// The time cursor: a slider by month (its far end shows every date), step buttons and
/// play/pause. The map and the list show the state at the cursor.
#[component]
pub fn TimeCursor(months: CursorMonths) -> impl IntoView {
    let state = expect_context::<AppState>();
    let set_position = move |i: i64| state.cursor.set(months.cursor_at(i));
    // Play: one month per step, stopping at the end; from "every date" it starts over. A
    // newer press (or any other move of the cursor, which stops playing) ends the steps of
    // an older one.
    let generation = StoredValue::new(0u32);
    fn tick(state: AppState, generation: StoredValue<u32>, mine: u32, months: CursorMonths) {
        // try_: the cursor may be gone by then.
        if generation.try_get_value() != Some(mine) || !state.playing.get_untracked() {
            return;
        }
        let (next, more) = months.play_step(state.cursor.get_untracked());
        state.cursor.set(next);
        if more {
            set_timeout(move || tick(state, generation, mine, months), PLAY_STEP);
        } else {
            state.playing.set(false);
        }
    }
    let toggle_play = move || {
        generation.update_value(|g| *g += 1);
        let play = !state.playing.get_untracked();
        state.playing.set(play);
        if play {
            if state.cursor.get_untracked().is_none() {
                state.cursor.set(months.cursor_at(0));
            }
            let mine = generation.get_value();
            set_timeout(move || tick(state, generation, mine, months), PLAY_STEP);
        }
    };
    // Written as markup (`i18n::timeline`) in the reader's language; where the cursor
    // stands and whether it plays are then set in place.
    let root = NodeRef::<html::Div>::new();
    let markup = move |lang| {
        let cursor = state.cursor.get_untracked();
        time_cursor_markup(lang, months.steps, months.position_of(cursor), cursor, state.playing.get_untracked())
    };
    let now = crate::dom::markup_in_place(
        root,
        move || Some(state.lang.get()),
        markup,
        move |root, lang| {
            let (cursor, playing) = (state.cursor.get(), state.playing.get());
            let label = cursor_label(lang, cursor);
            if let Ok(Some(play)) = root.query_selector(".time-cursor__play") {
                crate::dom::set_aria_state(&play, "aria-pressed", playing);
                play.set_text_content(Some(play_label(lang, playing)));
            }
            if let Ok(Some(slider)) = root.query_selector("input") {
                let _ = slider.set_attribute("aria-valuetext", &label);
                slider.unchecked_ref::<web_sys::HtmlInputElement>().set_value(&months.position_of(cursor).to_string());
            }
            if let Ok(Some(output)) = root.query_selector("output") {
                output.set_text_content(Some(&label));
            }
        },
    );
    // One listener for the three buttons, one for the slider.
    let on_click = move |e: leptos::ev::MouseEvent| {
        let Some(button) = crate::dom::event_closest(&e, "[data-step]") else { return };
        match crate::dom::attr(&button, "data-step").as_str() {
            "play" => toggle_play(),
            step => {
                state.playing.set(false);
                let position = months.position_of(state.cursor.get_untracked());
                set_position(if step == "back" { position - 1 } else { position + 1 });
            }
        }
    };
    let on_input = move |e: leptos::ev::Event| {
        state.playing.set(false);
        set_position(event_target_value(&e).parse().unwrap_or(months.steps));
    };
    // Listened to through dom::use_event rather than a typed handler in the view (issue 25).
    crate::dom::use_event(root, "click", false, on_click);
    crate::dom::use_event(root, "input", false, on_input);
    view! {
        <div class="time-cursor" data-testid="time-cursor" node_ref=root inner_html=now></div>
    }
}
