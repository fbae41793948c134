//! The presenter's console, in its own tab or window beside the projector's: the step now
//! and the next one, the speaker's notes in the speaker's language (which may differ from
//! the audience's), the time since the console opened, and the controls. It stays in step
//! with the audience's window through `crate::channel`; clicker keys work here too.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::chunk::chunk;
use crate::components::presenter::{tour_key, tour_steps};
use crate::components::t;
use crate::i18n::{Msg, tr, trf};
use crate::model::Dataset;
use crate::model::time::clock;
use crate::state::AppState;

#[component]
pub fn Console(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = tour_steps(state, dataset);
    let n = move || steps.with(Vec::len);
    let step = move || state.mode.with(|m| m.step()).unwrap_or(0);

    // The elapsed time, from the console's opening.
    let started = window().performance().map_or(0.0, |p| p.now());
    let elapsed = RwSignal::new(0u64);
    if let Ok(tick) = set_interval_with_handle(
        move || elapsed.set(((window().performance().map_or(0.0, |p| p.now()) - started) / 1000.0) as u64),
        Duration::from_millis(1000),
    ) {
        on_cleanup(move || tick.clear());
    }
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.default_prevented() {
            return;
        }
        // Escape ends the talk in the audience's window; the console stays.
        if e.key() == "Escape" {
            crate::channel::tell_leave();
            e.prevent_default();
        } else if tour_key(state, &e.key(), n()) {
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let now = move || {
        let lang = state.lang.get();
        steps.with(|s| {
            let i = step().min(s.len().saturating_sub(1));
            let (cur, next) = (s.get(i).cloned(), s.get(i + 1).cloned());
            view! {
                <section class="console__now" aria-labelledby="console-now">
                    <p class="console__progress" data-testid="console-progress">{trf(lang, Msg::StepOf, &[&(i + 1).to_string(), &s.len().to_string()])}</p>
                    <h2 id="console-now">{cur.as_ref().map(|c| c.title.get(lang).to_owned())}</h2>
                    <p class="console__caption">{cur.as_ref().map(|c| c.caption.get(lang).to_owned())}</p>
                    <h3>{tr(lang, Msg::SpeakerNotes)}</h3>
                    <p class="console__notes" data-testid="console-notes">{cur.as_ref().map(|c| c.notes.get(lang).to_owned())}</p>
                    // What the notes say beyond the articles, for the speaker to know.
                    {cur.as_ref().filter(|c| !c.not_from_sources.is_empty()).map(|c| {
                        let words = crate::i18n::marked_fields(lang, &c.not_from_sources, &|_, _| None);
                        view! { <p class="console__marked" data-testid="console-marked">{trf(lang, Msg::NotFromSources, &[&words])}</p> }
                    })}
                </section>
                <section class="console__next" aria-labelledby="console-next">
                    <h3 id="console-next">{tr(lang, Msg::NextStep)}</h3>
                    <p data-testid="console-next">{match next {
                        Some(nx) => nx.title.get(lang).to_owned(),
                        None => tr(lang, Msg::LastStep).to_owned(),
                    }}</p>
                </section>
            }
        })
    };
    view! {
        <main class="console" id="main" data-testid="console">
            <div class="console__bar">
                <h1 class="console__heading">{t(Msg::ConsoleTitle)}</h1>
                <p class="console__clock" role="timer" aria-label=t(Msg::Elapsed) data-testid="console-clock">{move || clock(elapsed.get())}</p>
            </div>
            {now}
            <div class="console__controls" role="group" aria-label=t(Msg::PresenterControls)>
                <button type="button" class="pill" data-testid="console-prev" on:click=move |_| state.go_to_step(step().saturating_sub(1))>{t(Msg::PrevStep)}</button>
                <button type="button" class="pill pill--solid" data-testid="console-next-button" on:click=move |_| state.go_to_step((step() + 1).min(n().saturating_sub(1)))>{t(Msg::NextStep)}</button>
                <button type="button" class="pill" data-testid="console-blank" aria-pressed=move || state.blank.get().to_string()
                    on:click=move |_| state.blank.update(|b| *b = !*b)>{t(Msg::BlankScreen)}</button>
                <button type="button" class="pill" data-testid="console-end" on:click=move |_| crate::channel::tell_leave()>{t(Msg::EndTalk)}</button>
            </div>
            <p class="console__keys">{t(Msg::PresenterKeys)}</p>
        </main>
    }
}

chunk!(
    /// The speaker's console: a window of its own, opened by presenters only.
    presenter, preload_console, fn console_view(dataset: Arc<Dataset>) -> AnyView {
        view! { <Console dataset=dataset /> }.into_any()
    }
);
