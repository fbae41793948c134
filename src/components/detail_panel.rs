use std::sync::Arc;

use leptos::prelude::*;

use crate::components::t;
use crate::dom::focused_element;
use crate::i18n::{Msg, coordinates, figure, marked_fields, tr, trf, when_label};
use crate::model::ui::Mode;
use crate::model::{Dataset, Item, Lang, Site};
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

    Effect::new(move |previous: Option<(Option<String>, Option<String>)>| {
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
        now
    });

    let body = move || {
        let lang = state.lang.get();
        let selected = state.selected_item();
        let site = state.selected_site().and_then(|id| dataset.site(&id).cloned());
        match (selected.and_then(|id| dataset.item(&id)), site) {
            (Some(item), _) => item_details(&dataset, item, lang, state).into_any(),
            (None, Some(site)) => site_details(&dataset, &site, lang, state).into_any(),
            (None, None) => ().into_any(),
        }
    };
    let tour_data = dataset_for_tour;
    view! {
        <Show when=move || open.get()>
            <aside class="detail-panel" id="details" aria-labelledby="detail-heading" data-testid="details" node_ref=sheet>
                {let d = tour_data.clone(); move || guiding.get().then(|| { let d = d.clone(); view! { <crate::components::OnDemand load=move || crate::components::presenter::guide_card_view(d.clone()) /> } })}
                <div class="detail-panel__head">
                    <h2 id="detail-heading" class="detail-panel__kicker">{t(Msg::Details)}</h2>
                    <button type="button" class="icon-button" data-testid="close-details" aria-label=t(Msg::CloseDetails)
                        hidden=move || guiding.get() on:click=move |_| state.clear_selection()>"×"</button>
                </div>
                {body.clone()}
            </aside>
        </Show>
    }
}

fn item_details(dataset: &Dataset, item: &Item, lang: Lang, state: AppState) -> impl IntoView {
    // Each party leads to its site, where it has one.
    let parties = item
        .parties
        .iter()
        .filter_map(|id| dataset.actor(id))
        .map(|a| {
            let name = a.name.get(lang).to_owned();
            match a.site.clone() {
                Some(site) => view! {
                    <li><button type="button" class="detail__link" data-site-link=site.clone() on:click=move |_| state.select_site(site.clone())>{name}</button></li>
                }
                .into_any(),
                None => view! { <li>{name}</li> }.into_any(),
            }
        })
        .collect_view();
    let sites = item
        .sites
        .iter()
        .filter_map(|id| dataset.site(id))
        .map(|s| {
            let id = s.id.clone();
            view! { <li><button type="button" class="detail__link" data-site-link=id.clone() on:click=move |_| state.select_site(id.clone())>{s.name.get(lang).to_owned()}</button></li> }
        })
        .collect_view();
    let related = item
        .related
        .iter()
        .filter_map(|id| dataset.item(id))
        .map(|r| {
            let id = r.id.clone();
            view! { <li><button type="button" class="detail__link" data-related=id.clone() on:click=move |_| state.select_item(id.clone())>{r.title.get(lang).to_owned()}</button></li> }
        })
        .collect_view();
    let has_related = !item.related.is_empty();
    let sources = item
        .sources
        .iter()
        .map(|c| {
            let title = dataset
                .sources
                .iter()
                .find(|s| s.id == c.source)
                .map_or_else(|| c.source.clone(), |s| s.title.get(lang).to_owned());
            view! { <li><cite>{title}</cite>", "{c.place.clone()}</li> }
        })
        .collect_view();
    let note = item.note.as_ref().map(|n| view! { <p class="detail-panel__note">{n.get(lang).to_owned()}</p> });
    let figures = item.figures.iter().map(|f| view! { <li>{figure(lang, f)}</li> }).collect_view();
    let has_figures = !item.figures.is_empty();
    let marked = marked_sentence(dataset, &item.not_from_sources, lang);
    // What is said of a party's name (an acronym expanded, a name order), where something is.
    let party_notes = item
        .parties
        .iter()
        .filter_map(|id| dataset.actor(id))
        .filter_map(|a| {
            a.note
                .as_ref()
                .map(|n| view! { <li><strong>{a.name.get(lang).to_owned()}</strong>" — "{n.get(lang).to_owned()}</li> })
        })
        .collect_view();
    let has_party_notes = item.parties.iter().filter_map(|id| dataset.actor(id)).any(|a| a.note.is_some());
    view! {
        <article class="detail" data-item=item.id.clone()>
            <h3 id="detail-title" tabindex="-1">{item.title.get(lang).to_owned()}</h3>
            <dl>
                <dt>{tr(lang, Msg::Date)}</dt><dd>{when_label(lang, &item.when)}</dd>
                <dt>{tr(lang, Msg::Kind)}</dt><dd>{item.kind.label(lang)}</dd>
                <dt>{tr(lang, Msg::Status)}</dt><dd>{item.status.label(lang)}</dd>
                <dt>{tr(lang, Msg::Domains)}</dt><dd>{if item.domains.is_empty() { "—".to_owned() } else { item.domains.iter().map(|d| d.label(lang)).collect::<Vec<_>>().join(", ") }}</dd>
                <dt>{tr(lang, Msg::Parties)}</dt><dd><ul class="detail__inline">{parties}</ul></dd>
                <dt>{tr(lang, Msg::Sites)}</dt><dd><ul class="detail__inline">{sites}</ul></dd>
            </dl>
            <p>{item.description.get(lang).to_owned()}</p>
            {has_figures.then(|| view! { <ul class="detail-panel__figures">{figures}</ul> })}
            {note}
            {marked}
            {has_party_notes.then(|| view! { <ul class="detail-panel__party-notes">{party_notes}</ul> })}
            {has_related.then(|| view! { <h4>{tr(lang, Msg::Related)}</h4><ul class="detail-panel__related">{related}</ul> })}
            <h4>{tr(lang, Msg::Sources)}</h4>
            <ul class="detail-panel__sources">{sources}</ul>
        </article>
    }
}

fn site_details(dataset: &Dataset, site: &Site, lang: Lang, state: AppState) -> impl IntoView {
    let items =
        dataset.items.iter().filter(|i| i.sites.contains(&site.id)).map(|i| item_link(i, lang, state)).collect_view();
    let figures = site.figures.iter().map(|f| view! { <li>{figure(lang, f)}</li> }).collect_view();
    let note = site.note.as_ref().map(|n| view! { <p class="detail-panel__note">{n.get(lang).to_owned()}</p> });
    let marked = marked_sentence(dataset, &site.not_from_sources, lang);
    // Items whose parties are seated here, drawn as links from this site.
    let seated: Vec<&Item> = dataset
        .items
        .iter()
        .filter(|i| !i.sites.contains(&site.id))
        .filter(|i| {
            i.parties.iter().filter_map(|p| dataset.actor(p)).any(|a| a.site.as_deref() == Some(site.id.as_str()))
        })
        .collect();
    let has_seated = !seated.is_empty();
    let seated = seated.into_iter().map(|i| item_link(i, lang, state)).collect_view();
    view! {
        <article class="detail" data-site=site.id.clone()>
            <h3 id="detail-title" tabindex="-1">{site.name.get(lang).to_owned()}</h3>
            <dl>
                <dt>{tr(lang, Msg::Kind)}</dt><dd>{site.kind.label(lang)}</dd>
                <dt>{tr(lang, Msg::Region)}</dt><dd>{site.region.get(lang).to_owned()}</dd>
                <dt>{tr(lang, Msg::Coordinates)}</dt><dd data-testid="coordinates">{coordinates(lang, site.lat, site.lon)}</dd>
            </dl>
            <ul class="detail-panel__figures">{figures}</ul>
            {note}
            {marked}
            <h4>{tr(lang, Msg::ItemsHere)}</h4>
            <ul class="detail-panel__items">{items}</ul>
            {has_seated.then(|| view! { <h4>{tr(lang, Msg::PartiesSeatedHere)}</h4><ul class="detail-panel__items">{seated}</ul> })}
        </article>
    }
}

/// An item in a list of the details: its title, which selects it, and its dates.
fn item_link(item: &Item, lang: Lang, state: AppState) -> impl IntoView + use<> {
    let id = item.id.clone();
    view! {
        <li>
            <button type="button" class="detail__link" data-item=id.clone() on:click=move |_| state.select_item(id.clone())>
                {item.title.get(lang).to_owned()}
            </button>
            " (" {when_label(lang, &item.when)} ")"
        </li>
    }
}

/// "Not from the sources (common knowledge): the coordinates and the Chinese name.", or
/// nothing when the record marks nothing.
fn marked_sentence(dataset: &Dataset, entries: &[String], lang: Lang) -> Option<impl IntoView + use<>> {
    (!entries.is_empty()).then(|| {
        let name_of = |list: &str, id: &str| -> Option<String> {
            match list {
                "sites" => dataset.site(id).map(|s| s.name.get(lang).to_owned()),
                "parties" => dataset.actor(id).map(|a| a.name.get(lang).to_owned()),
                "related" => dataset.item(id).map(|i| i.title.get(lang).to_owned()),
                _ => None,
            }
        };
        let words = marked_fields(lang, entries, &name_of);
        view! { <p class="detail-panel__note detail-panel__marked" data-testid="not-from-sources">{trf(lang, Msg::NotFromSources, &[&words])}</p> }
    })
}
