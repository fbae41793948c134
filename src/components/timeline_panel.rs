//! The timeline: every item on lanes by kind at its dates and precision, undated ones in
//! their own lane; a time cursor (slider, step buttons, play/pause) that the map follows;
//! zoom and pan by buttons, wheel and drag. And the list view, the same items as a table.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, Panel};
use crate::components::ListView;
use crate::model::time::{civil, day_number, span, ticks, TimeScale};
use crate::model::Dataset;
use crate::components::t;
use crate::i18n::{kind_label, long_date, month_year, status_label, tr, trf, when_label, Msg};
use crate::text::ITEM_KINDS;

/// An item box is at least this wide, so its title can be read.
const MIN_ITEM_PX: f64 = 170.0;
const ROW_PX: f64 = 36.0;
/// Time between steps when playing.
const PLAY_STEP: Duration = Duration::from_millis(900);

/// The panel under the map: the timeline or the list, with the switch between them.
#[component]
pub fn TimelinePanel(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let tab = move |panel: Panel, slug: &'static str, label: Msg| {
        view! {
            <button type="button" data-panel=slug aria-pressed=move || (state.panel.get() == panel).to_string()
                on:click=move |_| state.panel.set(panel)>{t(label)}</button>
        }
    };
    let ds = dataset.clone();
    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading" data-testid="timeline">
            <div class="panel-head">
                <h2 id="timeline-heading">{t(Msg::Timeline)}</h2>
                <div class="panel-tabs" role="group" aria-label=t(Msg::ShowAs)>
                    {tab(Panel::Timeline, "timeline", Msg::Timeline)}
                    {tab(Panel::List, "list", Msg::List)}
                </div>
            </div>
            <TimeCursor dataset=dataset.clone() />
            {move || match state.panel.get() {
                Panel::Timeline => view! { <Lanes dataset=ds.clone() /> }.into_any(),
                Panel::List => view! { <ListView dataset=ds.clone() /> }.into_any(),
            }}
        </section>
    }
}

/// First and last month (as day numbers of their first days) of the dated items.
fn month_range(ds: &Dataset) -> Option<(i64, i64)> {
    let spans: Vec<(i64, i64)> = ds.items.iter().filter_map(|i| span(&i.when)).collect();
    let first = spans.iter().map(|s| s.0).min()?;
    let last = spans.iter().map(|s| s.1).max()?;
    let (y0, m0, _) = civil(first);
    let (y1, m1, _) = civil(last);
    Some((day_number(y0, m0, 1), day_number(y1, m1, 1)))
}

/// Months from `(y, m)` of `from`, forward by `n`.
fn add_months(first_of_month: i64, n: i64) -> i64 {
    let (y, m, _) = civil(first_of_month);
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    day_number((total.div_euclid(12)) as i32, (total.rem_euclid(12) + 1) as u8, 1)
}

fn months_between(a: i64, b: i64) -> i64 {
    let ((y0, m0, _), (y1, m1, _)) = (civil(a), civil(b));
    (i64::from(y1) - i64::from(y0)) * 12 + i64::from(m1) - i64::from(m0)
}

/// The time cursor: a slider by month (its far end shows every date), step buttons and
/// play/pause. The map shows the state at the cursor.
#[component]
fn TimeCursor(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((first, last)) = month_range(&dataset) else { return ().into_any() };
    let steps = months_between(first, last);
    // Slider position: month index; the last month shows everything.
    let position = move || state.cursor.get().map_or(steps, |d| months_between(first, d).clamp(0, steps));
    let set_position = move |i: i64| {
        let i = i.clamp(0, steps);
        // The cursor stands on the last day of its month.
        state.cursor.set((i < steps).then(|| add_months(add_months(first, i), 1) - 1));
    };
    // Play: one month per step; stops at the end. Starting at the end starts over.
    let play_generation = StoredValue::new(0u32);
    fn tick(state: AppState, generation: StoredValue<u32>, mine: u32, first: i64, steps: i64) {
        if generation.get_value() != mine || !state.playing.get_untracked() {
            return;
        }
        let now = state.cursor.get_untracked().map_or(steps, |d| months_between(first, d));
        let next = now + 1;
        state.cursor.set((next < steps).then(|| add_months(add_months(first, next), 1) - 1));
        if next >= steps {
            state.playing.set(false);
        } else {
            set_timeout(move || tick(state, generation, mine, first, steps), PLAY_STEP);
        }
    }
    Effect::new(move |_| {
        if state.playing.get() {
            play_generation.update_value(|g| *g += 1);
            let mine = play_generation.get_value();
            if state.cursor.get_untracked().is_none() {
                state.cursor.set(Some(add_months(first, 1) - 1));
            }
            set_timeout(move || tick(state, play_generation, mine, first, steps), PLAY_STEP);
        } else {
            play_generation.update_value(|g| *g += 1);
        }
    });
    let label = move || match state.cursor.get() {
        None => tr(state.lang.get(), Msg::AllDates).to_owned(),
        Some(d) => trf(state.lang.get(), Msg::StateAt, &[&month_year(state.lang.get(), d)]),
    };
    view! {
        <div class="time-cursor" data-testid="time-cursor">
            <button type="button" data-testid="step-back" aria-label=t(Msg::MonthEarlier)
                on:click=move |_| { state.playing.set(false); set_position(position() - 1) }>"◀"</button>
            <button type="button" data-testid="play" aria-pressed=move || state.playing.get().to_string()
                on:click=move |_| state.playing.update(|p| *p = !*p)>
                {move || tr(state.lang.get(), if state.playing.get() { Msg::Pause } else { Msg::Play })}
            </button>
            <button type="button" data-testid="step-forward" aria-label=t(Msg::MonthLater)
                on:click=move |_| { state.playing.set(false); set_position(position() + 1) }>"▶"</button>
            <input type="range" class="time-cursor__slider" data-testid="cursor" aria-label=t(Msg::TimeCursor)
                min="0" max=steps.to_string() step="1"
                aria-valuetext=label
                prop:value=move || position().to_string()
                on:input=move |e| {
                    state.playing.set(false);
                    set_position(event_target_value(&e).parse().unwrap_or(steps));
                } />
            <output class="time-cursor__label" data-testid="cursor-label">{label}</output>
            <span class="time-cursor__legend">{t(Msg::FutureLegend)}</span>
        </div>
    }
    .into_any()
}

/// The lanes: one per kind, items at their dates (a month-precise item spans its month),
/// packed into rows so they never overlap; undated items in the last lane.
#[component]
fn Lanes(dataset: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((first, last)) = month_range(&dataset) else {
        return view! { <p>{t(Msg::NoDated)}</p> }.into_any();
    };
    // Room after the last item for its box to be read.
    let extent = ((first - 45) as f64, (add_months(last, 1) + 150) as f64);
    let window = RwSignal::new(extent);
    let lanes_ref = NodeRef::<html::Div>::new();
    let lanes_size = crate::components::element_size(lanes_ref, crate::geo::Viewport { width: 600.0, height: 1.0 });
    let width = Memo::new(move |_| lanes_size.get().width);

    let scale = move || {
        let (from, to) = window.get();
        TimeScale { from, to, x0: 0.0, x1: width.get() }
    };
    let shown = crate::components::shown_items(&dataset);

    let ds = dataset.clone();
    let lanes = move || {
        let s = scale();
        let lang = state.lang.get();

        // Drawn pressed as the selection is now; later selections are applied in place
        // (below), so a selection does not redraw the lanes.
        let selected = state.selected.get_untracked();
        let pressed = move |id: &str| (selected.as_deref() == Some(id)).to_string();
        let items: Vec<&crate::model::Item> = shown.with(|s| s.iter().map(|&n| &ds.items[n]).collect());
        let mut out = Vec::new();
        for kind in ITEM_KINDS {
            let mut dated: Vec<(&crate::model::Item, (i64, i64))> =
                items.iter().filter(|i| i.kind == kind).filter_map(|i| span(&i.when).map(|sp| (*i, sp))).collect();
            if dated.is_empty() {
                continue;
            }
            dated.sort_by(|(a, sa), (b, sb)| (sa.0, sa.1, &a.id).cmp(&(sb.0, sb.1, &b.id)));
            // Pack into rows by pixel extent.
            let mut row_ends: Vec<f64> = Vec::new();
            let placed: Vec<_> = dated
                .into_iter()
                .map(|(item, (a, b))| {
                    let x0 = s.x(a as f64);
                    let x1 = s.x((b + 1) as f64).max(x0 + MIN_ITEM_PX);
                    let row = row_ends.iter().position(|&end| end + 4.0 <= x0).unwrap_or_else(|| {
                        row_ends.push(f64::NEG_INFINITY);
                        row_ends.len() - 1
                    });
                    row_ends[row] = x1;
                    (item, a, x0, x1 - x0, row)
                })
                .collect();
            let rows = row_ends.len().max(1);
            let buttons = placed
                .into_iter()
                .map(|(item, start, x, w, row)| {
                    let id = item.id.clone();
                    let title = item.title.get(lang).to_owned();
                    view! {
                        <button type="button" class="timeline-item" data-item=id.clone() data-start=start.to_string()
                            aria-pressed=pressed(&id) title=format!("{} — {}", when_label(lang, &item.when), title)
                            aria-label=format!("{}: {}", when_label(lang, &item.when), title)
                            style:left=format!("{x:.1}px") style:width=format!("{w:.1}px") style:top=format!("{:.0}px", row as f64 * ROW_PX)>
                            // The date is where the item stands on the axis (and in its name).
                            <span class="timeline-item__title">{title.clone()}</span>
                        </button>
                    }
                })
                .collect_view();
            out.push(view! {
                <div class="lane" data-lane=crate::model::url_state::enum_slug(&kind)>
                    <div class="lane__label">{kind_label(lang, kind)}</div>
                    <div class="lane__track" style:height=format!("{}px", rows as f64 * ROW_PX)>{buttons}</div>
                </div>
            }.into_any());
        }
        let undated: Vec<_> = items.iter().filter(|i| span(&i.when).is_none()).collect();
        if !undated.is_empty() {
            let buttons = undated
                .into_iter()
                .map(|item| {
                    let id = item.id.clone();
                    view! {
                        <button type="button" class="timeline-item timeline-item--undated" data-item=id.clone() aria-pressed=pressed(&id)>
                            <span class="timeline-item__date">{format!("{} · {}", kind_label(lang, item.kind), status_label(lang, item.status))}</span>
                            " "
                            <span class="timeline-item__title">{item.title.get(lang).to_owned()}</span>
                        </button>
                    }
                })
                .collect_view();
            out.push(view! {
                <div class="lane lane--undated" data-lane="undated">
                    <div class="lane__label">{tr(lang, Msg::Undated)}</div>
                    <div class="lane__flow">{buttons}</div>
                </div>
            }.into_any());
        }
        out
    };
    let axis = move || {
        let lang = state.lang.get();
        ticks(&scale(), 70.0)
            .into_iter()
            .map(|t| {
                let x = scale().x(t.day as f64);
                let label = crate::i18n::tick_label(lang, &t);
                view! { <span class="axis__tick" class:axis__tick--major=t.major style:left=format!("{x:.1}px")>{label}</span> }
            })
            .collect_view()
    };
    let cursor_line = move || {
        state.cursor.get().map(|c| {
            let x = scale().x((c + 1) as f64);
            view! { <div class="timeline-cursor" aria-hidden="true" style:left=format!("{x:.1}px")></div> }
        })
    };

    let zoom = move |factor: f64, at: Option<f64>| {
        let s = scale();
        let x = at.unwrap_or(s.x1 / 2.0);
        let z = s.zoom_about(x, factor, 45.0, extent.1 - extent.0);
        window.set((z.from, z.to));
    };
    // Wheel zooms about the pointer; the listener must not be passive.
    Effect::new(move |_| {
        let Some(el) = lanes_ref.get() else { return };
        let target: web_sys::Element = el.clone().into();
        let handler = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
            e.prevent_default();
            let x = f64::from(e.client_x()) - target.get_bounding_client_rect().left();
            let unit = if e.delta_mode() == 1 { 40.0 } else { 1.0 };
            zoom((-e.delta_y() * unit * 0.002).exp().clamp(0.5, 2.0), Some(x));
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let t: &web_sys::EventTarget = el.as_ref();
        let _ = t.add_event_listener_with_callback_and_add_event_listener_options("wheel", handler.as_ref().unchecked_ref(), &options);
        handler.forget();
    });
    // Drag pans (only once it is a drag, so item clicks still work).
    let drag = StoredValue::new(None::<(i32, f64, bool)>);
    let on_down = move |e: ev::PointerEvent| {
        if e.button() == 0 {
            drag.set_value(Some((e.pointer_id(), f64::from(e.client_x()), false)));
        }
    };
    let on_move = move |e: ev::PointerEvent| {
        let Some((id, x, moved)) = drag.get_value() else { return };
        if id != e.pointer_id() {
            return;
        }
        let nx = f64::from(e.client_x());
        if moved || (nx - x).abs() > 4.0 {
            let s = scale().pan(nx - x);
            window.set((s.from, s.to));
            drag.set_value(Some((id, nx, true)));
        }
    };
    let on_up = move |_e: ev::PointerEvent| drag.set_value(None);
    let swallow_click_after_drag = move |e: ev::MouseEvent| {
        if matches!(drag.get_value(), Some((_, _, true))) {
            e.stop_propagation();
            e.prevent_default();
        }
    };
    // One listener for every box (a click, or Enter/Space on a focused box), not one each.
    let on_item_click = move |e: ev::MouseEvent| {
        if e.default_prevented() {
            return;
        }
        let item = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest(".timeline-item[data-item]").ok().flatten());
        if let Some(id) = item.and_then(|el| el.get_attribute("data-item")) {
            state.select_item(id);
        }
    };
    let on_key = move |e: ev::KeyboardEvent| {
        let handled = match e.key().as_str() {
            "+" | "=" => { zoom(1.5, None); true }
            "-" | "_" => { zoom(1.0 / 1.5, None); true }
            "0" => { window.set(extent); true }
            "ArrowLeft" | "ArrowRight" => {
                let dx = if e.key() == "ArrowLeft" { 80.0 } else { -80.0 };
                let s = scale().pan(dx);
                window.set((s.from, s.to));
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };

    let drawn = view! {
        <div class="timeline-toolbar" role="group" aria-label=t(Msg::TimelineZoom)>
            <button type="button" data-testid="timeline-zoom-in" aria-label=t(Msg::TimelineZoomIn) on:click=move |_| zoom(1.5, None)>"+"</button>
            <button type="button" data-testid="timeline-zoom-out" aria-label=t(Msg::TimelineZoomOut) on:click=move |_| zoom(1.0 / 1.5, None)>"−"</button>
            <button type="button" data-testid="timeline-zoom-reset" aria-label=t(Msg::WholePeriod) on:click=move |_| window.set(extent)>"⟲"</button>
            <span class="timeline-toolbar__range" data-testid="timeline-range">
                {move || { let (a, b) = window.get(); format!("{} – {}", long_date(state.lang.get(), a as i64), long_date(state.lang.get(), b as i64)) }}
            </span>
        </div>
        <div class="timeline-lanes" node_ref=lanes_ref tabindex="0" aria-label=t(Msg::LanesLabel)
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
            on:click:capture=swallow_click_after_drag on:click=on_item_click on:keydown=on_key>
            <div class="axis" aria-hidden="true">{axis}</div>
            {cursor_line}
            {lanes}
        </div>
    };
    // The pressed box follows the selection: two attributes change, instead of one
    // reactive closure per box (10,000 of them in the benchmark) on every redraw.
    Effect::new(move |_| {
        let selected = state.selected.get();
        let Some(root) = lanes_ref.get() else { return };
        if let Ok(list) = root.query_selector_all(r#".timeline-item[aria-pressed="true"]"#) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_attribute("aria-pressed", "false");
                }
            }
        }
        let Some(id) = selected.filter(|id| crate::model::validate::is_id(id)) else { return };
        if let Ok(Some(el)) = root.query_selector(&format!(r#".timeline-item[data-item="{id}"]"#)) {
            let _ = el.set_attribute("aria-pressed", "true");
        }
    });
    // Not begun at the cursor: one pass over the boxes after each cursor move or redraw,
    // instead of one reactive class per box. The first pass with boxes in place also
    // marks the timeline drawn, for the benchmark.
    let marked = StoredValue::new(false);
    Effect::new(move |_| {
        let cursor = state.cursor.get();
        let _ = (window.get(), width.get(), state.lang.get());
        shown.track();
        let Some(root) = lanes_ref.get() else { return };
        // After every effect of this change (the lanes' redraw among them), before the paint.
        request_animation_frame(move || {
            let Ok(list) = root.query_selector_all(".timeline-item[data-start]") else { return };
            for i in 0..list.length() {
                let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
                let start: i64 = el.get_attribute("data-start").and_then(|s| s.parse().ok()).unwrap_or(i64::MIN);
                let _ = el.class_list().toggle_with_force("is-future", cursor.is_some_and(|c| start > c));
            }
            // try_: the lanes may have been replaced before this frame.
            if marked.try_get_value() == Some(false) && root.query_selector(".timeline-item").ok().flatten().is_some() {
                marked.set_value(true);
                if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = p.mark("passerelle:timeline-drawn");
                }
            }
        });
    });

    drawn
    .into_any()
}
