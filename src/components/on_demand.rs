//! Code on demand: the parts of the app most visitors never use live in wasm chunks of
//! their own, fetched when first used (or, for the printed handout, once the page is idle).
//!
//! A release build has the feature `split`: each [`chunk!`](crate::chunk::chunk) function
//! is then a split point of Leptos' `wasm_split` (the build runs `wasm-split-cli` on the
//! linked wasm, before wasm-bindgen, see `scripts/build/wasm.mjs`), and calling it first
//! fetches its chunk. In other builds (development, the component tests, the native
//! pre-rendering) it is an ordinary `async fn` that returns at once. Either way a chunk that cannot be fetched (the
//! network gone) is an `Err`, drawn by [`OnDemand`] as a message in the page's language with
//! a way to try again, never a dead button or a trap.
//!
//! Each chunk function is declared beside the component it draws. Three chunks, by who
//! needs them: `reader` (Share and the exports, the printed handout, the list), fetched once
//! the page is idle after its first drawing, since printing cannot wait for it; `presenter`
//! (the speaker's console, the presenter's and the guided tour's cards, the channel between
//! the presenter's windows), at its first use; `errors` (the load-error page and the
//! checker's findings in three languages), only for a dataset that fails or warns; `embed`
//! (the messages to and from an embedding page), at once but only in an embedded page. What the first screen and the first interaction need
//! (select, details, filter, search, the time cursor, zoom) stays in the first module.
//! (Measured: six chunks, one per part, cost 7 KB gzip more in all than these three, each
//! chunk carrying its own share of code the first module cannot inline into it; the first
//! module is the same size.)

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use crate::chunk::ChunkError;
use crate::components::t;
use crate::i18n::Msg;

/// What a chunk brings, once asked for: the view, or why it could not come.
type Arriving = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// Draws what `load` brings once its chunk has arrived: nothing before (or `waiting`, where
/// the reader asked for it and should see that it comes), the message and a retry button if
/// the chunk cannot be fetched — or, `quiet`, for a fetch no reader asked for, only the
/// console's line.
#[component]
pub fn OnDemand<F, Fut>(load: F, #[prop(optional)] waiting: bool, #[prop(optional)] quiet: bool) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    // Only this boxing is made for each place that asks for a chunk: the drawing below is
    // one function for all of them (one copy for each was 17 kB of the first module).
    on_demand(Arc::new(move || Box::pin(load()) as Arriving), waiting, quiet)
}

/// Where a chunk's view is.
#[derive(Clone, Copy, PartialEq)]
enum Arrival {
    OnItsWay,
    /// Arrived, and kept until it is drawn.
    Here,
    Failed,
}

/// The chunk's future run by a task, its view kept until drawn: not Leptos' `Suspense`,
/// whose machinery was about 11 kB of the first module's code for these few places (issue 25).
fn on_demand(load: Arc<dyn Fn() -> Arriving + Send + Sync>, waiting: bool, quiet: bool) -> AnyView {
    let arrival = RwSignal::new(Arrival::OnItsWay);
    let arrived = StoredValue::new_local(None::<AnyView>);
    // The view is made in this component's owner (its context: the state, the dataset),
    // whether asked for now or by the retry button.
    let owner = Owner::current().unwrap_or_default();
    let fetch = move || {
        arrival.set(Arrival::OnItsWay);
        let coming = owner.with(|| ScopedFuture::new_untracked(load()));
        leptos::task::spawn_local(async move {
            match coming.await {
                Ok(view) => {
                    if arrived.try_set_value(Some(view)).is_none() {
                        let _ = arrival.try_set(Arrival::Here);
                    }
                }
                Err(_) if quiet => {
                    web_sys::console::warn_1(
                        &"Passerelle: a part of the app fetched ahead could not be (network?)".into(),
                    );
                    // Nothing drawn, not even the waiting message.
                    let _ = arrival.try_set(Arrival::Here);
                }
                Err(_) => _ = arrival.try_set(Arrival::Failed),
            }
        });
    };
    fetch();
    (move || match arrival.get() {
        Arrival::OnItsWay if waiting => {
            view! { <p class="on-demand" role="status">{t(Msg::ChunkLoading)}</p> }.into_any()
        }
        Arrival::OnItsWay => ().into_any(),
        Arrival::Here => arrived.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
        Arrival::Failed => view! { <ChunkFailed retry=fetch.clone() /> }.into_any(),
    })
    .into_any()
}

/// A chunk that could not be fetched: what happened, in the page's language, and a retry
/// (the loader keeps no failure: a retry fetches again). The console says it too.
#[component]
fn ChunkFailed(retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    web_sys::console::error_1(&"Passerelle: a part of the app could not be fetched (network?)".into());
    let button = NodeRef::<leptos::html::Button>::new();
    crate::dom::use_event(button, "click", false, move |_: web_sys::MouseEvent| retry());
    view! {
        <div class="on-demand on-demand--failed" role="alert" data-testid="chunk-failed">
            <p>{t(Msg::ChunkFailed)}</p>
            <button type="button" class="pill" data-testid="chunk-retry" node_ref=button>{t(Msg::TryAgain)}</button>
        </div>
    }
}
