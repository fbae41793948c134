//! Presenter mode, for forums and projectors: steps through every dated item in order;
//! each step selects the item, moves the map to its sites and the time cursor to its date,
//! and shows a caption card. Keys for clickers (PageUp/PageDown) and keyboards, B or . to
//! blank the screen, Escape to leave; the step is in the URL so a talk can resume.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use crate::state::AppState;
use crate::components::t;
use crate::model::ui::MapView;
use crate::i18n::{tr, trf, when_label, Msg};
use crate::model::time::span;
use crate::model::{Dataset, Item, Side};

/// The story: dated items by date (then by end and id).
pub fn story(ds: &Dataset) -> Vec<Item> {
    let mut items: Vec<(Item, (i64, i64))> = ds.items.iter().filter_map(|i| span(&i.when).map(|s| (i.clone(), s))).collect();
    items.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
    items.into_iter().map(|(i, _)| i).collect()
}

/// The caption card, the progress, the blank screen, and the keys.
#[component]
pub fn Presenter(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = Arc::new(story(&dataset));
    let n = steps.len();
    let blank = RwSignal::new(false);

    // Each step: select, move the cursor, and choose the map view that holds its sites.
    {
        let steps = steps.clone();
        let dataset = dataset.clone();
        Effect::new(move |_| {
            let Some(i) = state.presenting() else { return };
            let Some(item) = steps.get(i.min(n.saturating_sub(1))) else { return };
            state.select_item(item.id.clone());
            state.cursor.set(span(&item.when).map(|s| s.1));
            let sides: Vec<Side> = item.sites.iter().filter_map(|s| dataset.site(s).map(|s| s.side)).collect();
            let view = match (sides.contains(&Side::France), sides.contains(&Side::China)) {
                (true, false) => MapView::France,
                (false, true) => MapView::China,
                // A third country is only on the overview; otherwise both regions.
                _ if sides.contains(&Side::Other) => MapView::Overview,
                _ => MapView::Both,
            };
            state.show_view(view);
        });
    }
    let go = move |to: usize| {
        if n > 0 {
            state.present_step(to.min(n - 1));
        }
    };
    let leave = move || {
        state.stop_presenting();
        blank.set(false);
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    };
    let keys = window_event_listener(ev::keydown, move |e| {
        let Some(i) = state.mode.with_untracked(|m| m.step()) else { return };
        let handled = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => { go(i + 1); true }
            "ArrowLeft" | "ArrowUp" | "PageUp" => { go(i.saturating_sub(1)); true }
            "Home" => { go(0); true }
            "End" => { go(n.saturating_sub(1)); true }
            "b" | "B" | "." => { blank.update(|b| *b = !*b); true }
            "Escape" => { leave(); true }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let card = move || {
        let i = state.presenting()?;
        let item = steps.get(i.min(n.saturating_sub(1)))?.clone();
        let lang = state.lang.get();
        let summary = item.description.get(lang).split_inclusive(['.', '。']).next().unwrap_or("").to_owned();
        Some(view! {
            <aside class="presenter-card" data-testid="presenter-card" aria-live="polite">
                <p class="presenter-card__progress" data-testid="presenter-progress">
                    {trf(lang, Msg::StepOf, &[&(i + 1).to_string(), &n.to_string()])}
                </p>
                <h2 class="presenter-card__title">{item.title.get(lang).to_owned()}</h2>
                <p class="presenter-card__date">{when_label(lang, &item.when)}</p>
                <p class="presenter-card__summary">{summary}</p>
                <div class="presenter-card__nav">
                    <button type="button" data-testid="presenter-prev" on:click=move |_| go(i.saturating_sub(1))>{tr(lang, Msg::PrevStep)}</button>
                    <button type="button" data-testid="presenter-next" on:click=move |_| go(i + 1)>{tr(lang, Msg::NextStep)}</button>
                    <button type="button" data-testid="presenter-leave" on:click=move |_| leave()>{tr(lang, Msg::LeavePresent)}</button>
                </div>
                <progress max=n.to_string() value=(i + 1).to_string() aria-hidden="true"></progress>
                <p class="presenter-card__keys">{tr(lang, Msg::PresenterKeys)}</p>
            </aside>
        })
    };
    view! {
        {card}
        <div class="presenter-blank" data-testid="presenter-blank" hidden=move || !(blank.get() && state.presenting().is_some())></div>
    }
}

/// Enters presenter mode at its first step, full screen where the browser allows it (this
/// must run in a click: full screen needs one; where it is refused, the page still presents).
pub fn start_presenting(state: AppState) {
    if let Some(root) = document().document_element() {
        let _ = root.request_fullscreen();
    }
    state.filters_open.set(false);
    state.present_step(0);
}

/// The header's "Present" button: enters presenter mode, full screen where allowed.
#[component]
pub fn PresentButton(#[prop(optional, into)] pending: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button type="button" class="present-button" data-testid="present" class:is-pending=move || pending.get() aria-hidden=move || pending.get().then_some("true")
            hidden=move || state.presenting().is_some()
            on:click=move |_| start_presenting(state)>
            {t(Msg::Present)}
        </button>
    }
}
