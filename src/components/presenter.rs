//! Tours, for presenters at forums and for visitors: an authored tour of the dataset or the
//! automatic one of the dated items (the pure [`crate::model::tour`]). Each step selects
//! what it shows, moves the map to its view and the time cursor to its date. Shown as a
//! guided tour in the normal layout, or as a presentation on a projector: large type, a
//! caption card, keys for clickers (PageUp/PageDown) and keyboards, B or . to blank the
//! screen, Escape to leave, and a console for the speaker in another window. The step is
//! in the URL, so a talk can resume.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use crate::chunk::chunk;
use crate::components::{OnDemand, t};
use crate::i18n::{Msg, tr, trf, when_label};
use crate::model::Dataset;
use crate::model::tour::{Step, steps};
use crate::model::ui::Mode;
use crate::model::url_state::LinkFor;
use crate::state::AppState;

/// The steps of the tour being shown, following the tour chosen, and made again when the
/// language changes: a step holds copies of the dataset's texts, which a language filled in
/// since (`model::edition`) is not in.
pub fn tour_steps(state: AppState, dataset: Arc<Dataset>) -> Memo<Vec<Step>> {
    Memo::new(move |_| {
        state.lang.track();
        state.tour.with(|t| steps(&dataset, t.as_deref()))
    })
}

/// The keys of a tour: next, previous, first, last, blank, leave. `true` when handled.
pub fn tour_key(state: AppState, key: &str, n: usize) -> bool {
    let Some(i) = state.mode.with_untracked(|m| m.step()) else { return false };
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => state.go_to_step((i + 1).min(n.saturating_sub(1))),
        "ArrowLeft" | "ArrowUp" | "PageUp" => state.go_to_step(i.saturating_sub(1)),
        "Home" => state.go_to_step(0),
        "End" => state.go_to_step(n.saturating_sub(1)),
        "b" | "B" | "." => state.blank.update(|b| *b = !*b),
        "Escape" => state.leave_tour(),
        _ => return false,
    }
    true
}

/// Shows the presenter's card and the blank screen. The card, the presenter's keys and the
/// tour's steps come with the presenter's chunk (a step itself is shown by the state's
/// operations: [`AppState::go_to_step`]).
#[component]
pub fn Presenter(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || match state.mode.get() {
            Mode::Present(i) => { let d = dataset.clone(); view! { <OnDemand load=move || presenter_card_view(d.clone(), i) /> }.into_any() }
            Mode::Explore | Mode::Guide(_) | Mode::Console(_) => ().into_any(),
        }}
        <div class="presenter-blank" data-testid="presenter-blank" hidden=move || !(state.blank.get() && state.presenting().is_some())></div>
    }
}

/// The audience's card while presenting: progress, title, date, caption, the way on, and
/// the speaker's console.
#[component]
pub fn PresenterCard(dataset: Arc<Dataset>, step: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = tour_steps(state, dataset);
    // The presenter's keys, while the card is up (the guided tour uses its buttons: arrows
    // there move the map and the timeline).
    let keys = window_event_listener(ev::keydown, move |e| {
        if state.is_presenting_untracked()
            && !e.default_prevented()
            && tour_key(state, &e.key(), steps.with_untracked(Vec::len))
        {
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    let card = move || {
        let lang = state.lang.get();
        steps.with(|steps| {
            let n = steps.len();
            let s = steps.get(step.min(n.saturating_sub(1)))?.clone();
            Some(view! {
                <aside class="presenter-card" data-testid="presenter-card" aria-live="polite" aria-labelledby="presenter-title">
                    <p class="presenter-card__progress" data-testid="presenter-progress">{trf(lang, Msg::StepOf, &[&(step + 1).to_string(), &n.to_string()])}</p>
                    <h2 class="presenter-card__title" id="presenter-title">{s.title.get(lang).to_owned()}</h2>
                    {s.when.as_ref().map(|w| view! { <p class="presenter-card__date">{when_label(lang, w)}</p> })}
                    <p class="presenter-card__summary" data-testid="presenter-caption">{s.caption.get(lang).to_owned()}</p>
                    <div class="presenter-card__nav">
                        <button type="button" data-testid="presenter-prev" on:click=move |_| state.go_to_step(step.saturating_sub(1))>{tr(lang, Msg::PrevStep)}</button>
                        <button type="button" data-testid="presenter-next" on:click=move |_| state.go_to_step((step + 1).min(n.saturating_sub(1)))>{tr(lang, Msg::NextStep)}</button>
                        <button type="button" data-testid="presenter-console" on:click=move |_| open_console(state)>{tr(lang, Msg::OpenConsole)}</button>
                        <button type="button" data-testid="presenter-leave" on:click=move |_| state.leave_tour()>{tr(lang, Msg::LeavePresent)}</button>
                    </div>
                    <progress max=n.to_string() value=(step + 1).to_string() aria-hidden="true"></progress>
                    <p class="presenter-card__keys">{tr(lang, Msg::PresenterKeys)}</p>
                </aside>
            })
        })
    };
    view! { {card} }
}

/// The visitor's card during a guided tour, at the top of the details' sheet: the step,
/// its caption and the way on.
#[component]
pub fn GuideCard(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = tour_steps(state, dataset);
    let card = move || {
        let lang = state.lang.get();
        let step = state.mode.with(|m| m.step()).unwrap_or(0);
        steps.with(|steps| {
            let n = steps.len();
            let s = steps.get(step.min(n.saturating_sub(1)))?.clone();
            let last = step + 1 >= n;
            Some(view! {
                <section class="guide-card" data-testid="guide-card" aria-labelledby="guide-title">
                    <p class="guide-card__progress" data-testid="guide-progress">{trf(lang, Msg::StepOf, &[&(step + 1).to_string(), &n.to_string()])}</p>
                    <h2 class="guide-card__title" id="guide-title">{s.title.get(lang).to_owned()}</h2>
                    <p class="guide-card__caption" data-testid="guide-caption">{s.caption.get(lang).to_owned()}</p>
                    <div class="guide-card__nav">
                        <button type="button" class="pill" data-testid="guide-prev" disabled=step == 0 on:click=move |_| state.go_to_step(step.saturating_sub(1))>{tr(lang, Msg::PrevStep)}</button>
                        <button type="button" class="pill pill--solid" data-testid="guide-next" disabled=last on:click=move |_| state.go_to_step(step + 1)>{tr(lang, Msg::NextStep)}</button>
                        <button type="button" class="pill" data-testid="guide-leave" on:click=move |_| state.leave_tour()>{tr(lang, Msg::LeaveTour)}</button>
                    </div>
                </section>
            })
        })
    };
    view! { {card} }
}

/// Opens the speaker's console in another tab or window, from the reader's click (a
/// popup that browsers do not block), in the presenter's language.
pub fn open_console(state: AppState) {
    let mut url = state.url_now();
    url.mode = Mode::Console(url.mode.step().unwrap_or(0));
    url.embed = false;
    let link = url.link(&crate::url_sync::base(), LinkFor::AddressBar);
    let _ = window().open_with_url_and_target(&link, "passerelle-console");
}

/// Enters presenter mode on the tour chosen (`None`: the automatic one), full screen where
/// the browser allows it (this must run in a click: full screen needs one; where it is
/// refused, the page still presents).
pub fn start_presenting(state: AppState, tour: Option<String>) {
    if let Some(root) = document().document_element() {
        let _ = root.request_fullscreen();
    }
    state.start_tour(tour, Mode::Present(0));
}

/// The header's "Present" button: the first authored tour, else the automatic one.
#[component]
pub fn PresentButton(
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(optional, into)] first_tour: Signal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let button = NodeRef::<leptos::html::Button>::new();
    // Full screen asked for within the click, as browsers require.
    crate::dom::use_event(button, "click", false, move |_: web_sys::MouseEvent| {
        start_presenting(state, first_tour.get_untracked())
    });
    view! {
        <button type="button" class="present-button" node_ref=button data-testid="present" class:is-pending=move || pending.get() aria-hidden=move || pending.get().then_some("true")
            hidden=move || state.presenting().is_some()>
            {t(Msg::Present)}
        </button>
    }
}

chunk!(
    /// The presenter's card on the projector.
    presenter, preload_tour, fn presenter_card_view(dataset: Arc<Dataset>, step: usize) -> AnyView {
        view! { <PresenterCard dataset=dataset step=step /> }.into_any()
    }
);

chunk!(
    /// The visitor's card of a guided tour (the same chunk as the presenter's).
    presenter, preload_guide, fn guide_card_view(dataset: Arc<Dataset>) -> AnyView {
        view! { <GuideCard dataset=dataset /> }.into_any()
    }
);
