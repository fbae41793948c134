//! Printing, the part that stays in the first module: the handout's own code is a chunk
//! (`handout::handout_view`) fetched once the page is idle, since the browser's
//! `beforeprint` cannot wait for a download; a Ctrl+P before it has arrived waits for it,
//! then prints.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::OnDemand;
use crate::components::handout::handout_view;
use crate::geo::scene::MapScene;
use crate::model::Dataset;
use crate::model::ui::Print;
use crate::state::AppState;

/// Prints the page (its handout), with the tour's speaker notes or not (until the print
/// is done: `afterprint`, see the handout).
pub fn print_page(state: AppState, notes: bool) {
    state.print.set(if notes { Print::WithNotes } else { Print::Handout });
    // After the handout is drawn: `print()` runs its `beforeprint` inside this call, where
    // the reactive updates could not run before the browser lays the page out.
    request_animation_frame(|| {
        let _ = window().print();
    });
}

/// The handout, fetched once the map and the timeline are drawn and the page is idle, or
/// at once when Ctrl+P comes first.
#[component]
pub fn PrintedHandout(dataset: Arc<Dataset>, scene: Arc<MapScene>, drawn: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let wanted = RwSignal::new(false);
    // The chunk's fetch is over (arrived or failed), and a print waits for it.
    let (settled, waiting) = (RwSignal::new(false), RwSignal::new(false));
    crate::dom::once_idle_after(
        move || drawn.get(),
        move || {
            let _ = wanted.try_set(true);
        },
    );
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        let print_key = (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("p");
        if print_key && !settled.get_untracked() {
            e.prevent_default();
            waiting.set(true);
            // A fetch ahead that failed is asked for again, this time with a message if it fails.
            wanted.set(false);
            wanted.set(true);
        }
    });
    on_cleanup(move || keys.remove());
    crate::dom::effect(move || {
        if settled.get() && waiting.get() {
            waiting.set(false);
            print_page(state, false);
        }
    });
    let load = move || {
        let (dataset, scene) = (dataset.clone(), scene.clone());
        async move {
            // The shipped base map first, which the handout draws (behind the pre-rendered
            // page it comes after the first drawing; without it, the handout has none).
            // (Polled on the page's one thread: natively, the pre-rendering never runs it.)
            let _ = leptos::__reexports::send_wrapper::SendWrapper::new(crate::loader::whole_basemap()).await;
            let view = handout_view(dataset, scene).await;
            match (&view, waiting.get_untracked()) {
                (Ok(_), _) => {
                    let _ = settled.try_set(true);
                }
                // Fetched ahead and failed: nothing to say yet; a Ctrl+P asks again.
                (Err(_), false) => {
                    let _ = wanted.try_set(false);
                }
                // The reader is waiting for a print: the message, with a retry.
                (Err(_), true) => {}
            }
            view
        }
    };
    move || {
        wanted.get().then(|| {
            let quiet = !waiting.get_untracked();
            view! { <OnDemand load=load.clone() quiet=quiet /> }
        })
    }
}
