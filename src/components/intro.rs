//! What the page is about, where the details go until something is chosen: what the map
//! tells, how much it holds, and the ways in: the tours (guided, or presented), the list.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::presenter::start_presenting;
use crate::components::{DatasetSummary, t};
use crate::i18n::Msg;
use crate::model::Dataset;
use crate::model::ui::{Mode, Panel};
use crate::state::AppState;

#[component]
pub fn Intro(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open_list = move |_| {
        state.panel.set(Panel::List);
        crate::dom::focus_by_id("panel-tab-list");
    };
    // The authored tours, else the automatic one (`None`).
    let tours: Vec<Option<String>> =
        if dataset.tours.is_empty() { vec![None] } else { dataset.tours.iter().map(|t| Some(t.id.clone())).collect() };
    let first = tours.first().cloned().flatten();
    let ds = dataset.clone();
    let tour_list = move || {
        let lang = state.lang.get();
        tours
            .iter()
            .map(|id| {
                let tour = id.as_deref().and_then(|id| ds.tours.iter().find(|t| t.id == id));
                let (title, summary) = match tour {
                    Some(t) => (t.title.get(lang).to_owned(), Some(t.summary.get(lang).to_owned())),
                    None => (Msg::AutomaticTour.text(lang).to_owned(), None),
                };
                let (guide, present) = (id.clone(), id.clone());
                view! {
                    <li class="intro__tour" data-tour=id.clone().unwrap_or_default()>
                        <h3>{title}</h3>
                        {summary.map(|s| view! { <p>{s}</p> })}
                        <div class="intro__actions">
                            <button type="button" class="pill pill--solid" data-testid="take-tour"
                                on:click=move |_| state.start_tour(guide.clone(), Mode::Guide(0))>{Msg::TakeTour.text(lang)}</button>
                            <button type="button" class="pill" data-testid="present-tour"
                                on:click=move |_| start_presenting(state, present.clone())>{Msg::PresentTour.text(lang)}</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="intro" aria-labelledby="intro-heading" data-testid="intro">
            <IntroLead />
            <DatasetSummary dataset=dataset />
            <div class="intro__actions">
                <button type="button" class="pill pill--solid" data-testid="start-tour"
                    on:click=move |_| state.start_tour(first.clone(), Mode::Guide(0))>{t(Msg::StartTour)}</button>
                <button type="button" class="pill" data-testid="open-list" on:click=open_list>{t(Msg::OpenList)}</button>
            </div>
            <p class="intro__how">{t(Msg::IntroHow)}</p>
            <h3 class="intro__tours-heading">{t(Msg::Tours)}</h3>
            <ul class="intro__tours">{tour_list}</ul>
        </section>
    }
}

/// The introduction's first lines, which need no data: the loading page shows them in the
/// same place, so that they do not move when the rest arrives.
#[component]
pub fn IntroLead() -> impl IntoView {
    view! {
        <h2 id="intro-heading">{t(Msg::IntroHeading)}</h2>
        <p class="intro__text">{t(Msg::IntroText)}</p>
    }
}
