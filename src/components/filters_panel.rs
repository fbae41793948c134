use std::sync::Arc;

use leptos::prelude::*;

use crate::components::t;
use crate::i18n::{Msg, side_label};
use crate::model::Lang;
use crate::model::filter::{FacetCounts, Filter, SideFilter};
use crate::model::{Dataset, Domain, ItemKind, Status};
use crate::state::AppState;

/// The facets, folded away in a drawer under the toolbar: each value with how many items
/// choosing it would show. The same filter drives the map, the timeline and the list.
#[component]
pub fn FilterDrawer(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = state.filter;

    // Only the values the data uses.
    let kinds: Vec<ItemKind> =
        ItemKind::ALL.iter().copied().filter(|k| dataset.items.iter().any(|i| i.kind == *k)).collect();
    let domains: Vec<Domain> =
        Domain::ALL.iter().copied().filter(|d| dataset.items.iter().any(|i| i.domains.contains(d))).collect();
    let statuses: Vec<Status> =
        Status::ALL.iter().copied().filter(|s| dataset.items.iter().any(|i| i.status == *s)).collect();
    // Every checkbox's count, in one pass over the items per filter change.
    let counts = {
        let ds = dataset.clone();
        Memo::new(move |_| filter.with(|f| f.counts(&ds)))
    };

    // The checkboxes are built once the page is drawn, in a task of their own, or when the
    // drawer opens if that is sooner: a phone's first drawing need not pay for them.
    let later = use_context::<crate::components::OffScreenReady>().map(|r| r.0);
    let opened = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || state.filters_open.get() || later.is_none_or(|r| r.get())
    });
    let facets = move || {
        let kind_group = facet_group(
            counts,
            "kind",
            Msg::Kind,
            kinds.clone(),
            |c, k| c.kind(*k),
            |f, k| f.kinds.contains(k),
            |f, k, on| toggle(&mut f.kinds, *k, on),
            |l, k| (k.label(l), k.slug()),
        );
        let domain_group = facet_group(
            counts,
            "domain",
            Msg::Domain,
            domains.clone(),
            |c, d| c.domain(*d),
            |f, d| f.domains.contains(d),
            |f, d, on| toggle(&mut f.domains, *d, on),
            |l, d| (d.label(l), d.slug()),
        );
        let status_group = facet_group(
            counts,
            "status",
            Msg::Status,
            statuses.clone(),
            |c, s| c.status(*s),
            |f, s| f.statuses.contains(s),
            |f, s, on| toggle(&mut f.statuses, *s, on),
            |l, s| (s.label(l), s.slug()),
        );
        let side_group = facet_group(
            counts,
            "side",
            Msg::Side,
            SideFilter::ALL.to_vec(),
            |c, s| c.side(*s),
            |f, s| f.sides.contains(s),
            |f, s, on| toggle(&mut f.sides, *s, on),
            |l, s| (side_label(l, *s), s.slug().to_owned()),
        );
        view! { {kind_group}{domain_group}{status_group}{side_group} }
    };
    let close = move |_| {
        state.filters_open.set(false);
        crate::dom::focus_by_id("filters-button");
    };

    view! {
        <section class="filter-drawer" id="filter-drawer" aria-labelledby="filters-heading" data-testid="filters"
            hidden=move || !state.filters_open.get()>
            <h2 id="filters-heading" class="visually-hidden">{t(Msg::Filters)}</h2>
            <div class="filter-drawer__facets">{move || opened.get().then(facets.clone())}</div>
            <div class="filter-drawer__actions">
                <button type="button" class="pill" data-testid="clear-filters-drawer"
                    disabled=move || filter.with(|f| f.chosen().is_empty())
                    on:click=move |_| filter.update(|f| { f.kinds.clear(); f.domains.clear(); f.statuses.clear(); f.sides.clear(); })>
                    {t(Msg::ClearFilters)}
                </button>
                <button type="button" class="pill pill--solid" data-testid="filters-done" on:click=close>{t(Msg::Done)}</button>
            </div>
        </section>
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// One fieldset of checkboxes with faceted counts.
#[allow(clippy::too_many_arguments)]
fn facet_group<T: Clone + PartialEq + Send + Sync + 'static>(
    counts: Memo<FacetCounts>,
    name: &'static str,
    legend: Msg,
    values: Vec<T>,
    count_of: fn(&FacetCounts, &T) -> usize,
    is_on: fn(&Filter, &T) -> bool,
    set: fn(&mut Filter, &T, bool),
    label: fn(Lang, &T) -> (&'static str, String),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = state.filter;
    let boxes = values
        .into_iter()
        .map(|v| {
            let slug = label(Lang::En, &v).1;
            let text = { let v = v.clone(); move || label(state.lang.get(), &v).0 };
            let count = {
                let v = v.clone();
                move || counts.with(|c| count_of(c, &v))
            };
            let checked = {
                let v = v.clone();
                move || filter.with(|f| is_on(f, &v))
            };
            let id = format!("filter-{name}-{slug}");
            view! {
                <li>
                    <input type="checkbox" id=id.clone() data-filter=format!("{name}:{slug}")
                        prop:checked=checked
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            filter.update(|f| set(f, &v, on));
                        } />
                    <label for=id>{text}" "<span class="filters-panel__n">{move || format!("({})", count())}</span></label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet" data-facet=name>
            <legend>{t(legend)}</legend>
            <ul>{boxes}</ul>
        </fieldset>
    }
}
