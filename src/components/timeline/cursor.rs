//! The time cursor: a slider by month (its far end shows every date), step buttons and
//! play/pause. The map and the list show the state at the cursor; the months and the play
//! steps are the pure [`CursorMonths`].

use std::time::Duration;

use leptos::prelude::*;

use crate::components::t;
use crate::i18n::{Msg, month_year, tr, trf};
use crate::model::timeline::CursorMonths;
use crate::state::AppState;

/// Time between steps when playing.
const PLAY_STEP: Duration = Duration::from_millis(900);

/// The time cursor: a slider by month (its far end shows every date), step buttons and
/// play/pause. The map and the list show the state at the cursor.
#[component]
pub fn TimeCursor(months: CursorMonths) -> impl IntoView {
    let state = expect_context::<AppState>();
    let position = move || months.position_of(state.cursor.get());
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
    let label = move || match state.cursor.get() {
        None => tr(state.lang.get(), Msg::AllDates).to_owned(),
        Some(d) => trf(state.lang.get(), Msg::StateAt, &[&month_year(state.lang.get(), d)]),
    };
    view! {
        <div class="time-cursor" data-testid="time-cursor">
            <button type="button" data-testid="step-back" aria-label=t(Msg::MonthEarlier)
                on:click=move |_| { state.playing.set(false); set_position(position() - 1) }>"◀"</button>
            <button type="button" class="time-cursor__play" data-testid="play" aria-pressed=move || state.playing.get().to_string()
                on:click=move |_| toggle_play()>
                {move || tr(state.lang.get(), if state.playing.get() { Msg::Pause } else { Msg::Play })}
            </button>
            <button type="button" data-testid="step-forward" aria-label=t(Msg::MonthLater)
                on:click=move |_| { state.playing.set(false); set_position(position() + 1) }>"▶"</button>
            <input type="range" class="time-cursor__slider" data-testid="cursor" aria-label=t(Msg::TimeCursor)
                aria-describedby="time-cursor-legend"
                min="0" max=months.steps.to_string() step="1"
                aria-valuetext=label
                // The attribute for the pre-rendered page (which has no properties), the
                // property for the live one.
                value=move || position().to_string()
                prop:value=move || position().to_string()
                on:input=move |e| {
                    state.playing.set(false);
                    set_position(event_target_value(&e).parse().unwrap_or(months.steps));
                } />
            <output class="time-cursor__label" data-testid="cursor-label" aria-label=t(Msg::CursorShows)>{label}</output>
            <span class="visually-hidden" id="time-cursor-legend">{t(Msg::FutureLegend)}</span>
        </div>
    }
}
