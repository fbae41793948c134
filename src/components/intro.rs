//! What the page is about, where the details go until something is chosen: what the map
//! tells, how much it holds, and the ways in: the tours (guided, or presented), the list.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::presenter::start_presenting;
use crate::components::t;
use crate::i18n::Msg;
use crate::i18n::intro::{IntroAction, intro_markup};
use crate::model::Dataset;
use crate::model::ui::{Mode, Panel};
use crate::state::AppState;

/// The introduction, as markup (`i18n::intro`), and one listener for its buttons.
#[component]
pub fn Intro(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let markup = move || intro_markup(&dataset, state.lang.get());
    let act = move |e: leptos::ev::MouseEvent| {
        match crate::dom::event_closest(&e, "button").and_then(|b| IntroAction::of(|name| b.get_attribute(name))) {
            Some(IntroAction::Guide(tour)) => state.start_tour(tour, Mode::Guide(0)),
            // Full screen asked for within the click, as browsers require.
            Some(IntroAction::Present(tour)) => start_presenting(state, tour),
            Some(IntroAction::OpenList) => {
                state.panel.set(Panel::List);
                crate::dom::focus_by_id("panel-tab-list");
            }
            None => {}
        }
    };
    let intro = NodeRef::<leptos::html::Section>::new();
    crate::dom::use_event(intro, "click", false, act);
    view! { <section class="intro" aria-labelledby="intro-heading" data-testid="intro" node_ref=intro inner_html=markup></section> }
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
