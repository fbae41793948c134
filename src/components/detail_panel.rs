use std::sync::Arc;

use leptos::prelude::*;

use crate::components::t;
use crate::dom::focused_element;
use crate::i18n::Msg;
use crate::i18n::details::{DetailLink, item_details, site_details};
use crate::model::Dataset;
use crate::model::ui::Mode;
use crate::state::AppState;

/// The details of the selection, as a sheet: beside the map on a wide screen, from the
/// bottom on a phone; nothing at all until something is selected (the introduction holds
/// the place). The keyboard focus moves into it when the reader opens it and back to
/// where it was when they close it (the close button or Escape).
#[component]
pub fn DetailPanel(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dataset_for_tour = dataset.clone();
    let sheet = NodeRef::<leptos::html::Aside>::new();
    let return_to = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // A guided tour's card goes at the top of the sheet, whatever the step shows.
    let guiding = Memo::new(move |_| state.mode.with(|m| matches!(m, Mode::Guide(_))));
    let open = Memo::new(move |_| !state.selection.with(|s| s.is_none()) || guiding.get());

    // The selection last seen (none before the first run).
    let mut previous = None::<(Option<String>, Option<String>)>;
    crate::dom::effect(move || {
        let now = (state.selected_item(), state.selected_site());
        // Not on the first drawing (a shared link), while presenting, or when the page is
        // not the one in use (a command from an embedding page).
        let reader_did_it = previous.as_ref().is_some_and(|p| *p != now)
            && !state.is_presenting_untracked()
            // The tour's buttons keep the focus: the reader steps on from them.
            && !guiding.get_untracked()
            && document().has_focus().unwrap_or(false);
        if reader_did_it {
            let focused = focused_element();
            if now.0.is_some() || now.1.is_some() {
                let inside = match (&focused, sheet.get_untracked()) {
                    (Some(f), Some(s)) => s.contains(Some(f)),
                    _ => false,
                };
                if let Some(f) = focused.filter(|_| !inside) {
                    return_to.set_value(Some(f));
                }
                // Once the new details are drawn.
                request_animation_frame(|| crate::dom::focus_by_id("detail-title"));
            } else if focused.is_none()
                && let Some(el) = return_to.try_update_value(Option::take).flatten().filter(|el| el.is_connected())
            {
                let _ = el.focus();
            }
        }
        previous = Some(now);
    });

    // The details as markup (`i18n::details`), and one listener for their links.
    let body = move || {
        let lang = state.lang.get();
        state.selection.with(|s| {
            match (s.item().and_then(|id| dataset.item(id)), s.site().and_then(|id| dataset.site(id))) {
                (Some(item), _) => item_details(&dataset, item, lang),
                (None, Some(site)) => site_details(&dataset, site, lang),
                (None, None) => String::new(),
            }
        })
    };
    // One listener for the sheet's presses: its close button and the details' links.
    crate::dom::use_event(sheet, "click", false, move |e: web_sys::MouseEvent| {
        if crate::dom::event_closest(&e, "[data-action=close]").is_some() {
            state.clear_selection();
            return;
        }
        match crate::dom::event_closest(&e, ".detail button").and_then(|b| DetailLink::of(|name| b.get_attribute(name)))
        {
            Some(DetailLink::Item(id)) => state.select_item(id),
            Some(DetailLink::Site(id)) => state.select_site(id),
            None => {}
        }
    });
    let tour_data = dataset_for_tour;
    view! {
        // Made when the sheet opens, as `<Show>` would, without its own component's code.
        {move || open.get().then(|| view! {
            <aside class="detail-panel" id="details" aria-labelledby="detail-heading" data-testid="details" node_ref=sheet>
                {let d = tour_data.clone(); move || guiding.get().then(|| { let d = d.clone(); view! { <crate::components::OnDemand load=move || crate::components::presenter::guide_card_view(d.clone()) /> } })}
                <div class="detail-panel__head">
                    <h2 id="detail-heading" class="detail-panel__kicker">{t(Msg::Details)}</h2>
                    <button type="button" class="icon-button" data-testid="close-details" data-action="close" aria-label=t(Msg::CloseDetails)
                        hidden=move || guiding.get()>"×"</button>
                </div>
                <div class="detail-panel__body" inner_html=body.clone()></div>
            </aside>
        })}
    }
}
