//! What the page is about, where the details go until something is chosen: what the map
//! tells, how much it holds, and the ways in (the tour, the list).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::ui::Panel;
use crate::state::AppState;
use crate::components::{t, DatasetSummary};
use crate::i18n::Msg;
use crate::model::Dataset;

#[component]
pub fn Intro(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let start_tour = move |_| crate::components::presenter::start_presenting(state);
    let open_list = move |_| {
        state.panel.set(Panel::List);
        crate::dom::focus_by_id("panel-tab-list");
    };
    view! {
        <section class="intro" aria-labelledby="intro-heading" data-testid="intro">
            <h2 id="intro-heading">{t(Msg::IntroHeading)}</h2>
            <p class="intro__text">{t(Msg::IntroText)}</p>
            <DatasetSummary dataset=dataset />
            <div class="intro__actions">
                <button type="button" class="pill pill--solid" data-testid="start-tour" on:click=start_tour>{t(Msg::StartTour)}</button>
                <button type="button" class="pill" data-testid="open-list" on:click=open_list>{t(Msg::OpenList)}</button>
            </div>
            <p class="intro__how">{t(Msg::IntroHow)}</p>
        </section>
    }
}
