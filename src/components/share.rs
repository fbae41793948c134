//! "Share or embed": the link to the current view and a ready iframe snippet, copyable;
//! and, when embedded, the bar with the way out to the full view.

use leptos::html;
use leptos::prelude::*;

use crate::chunk::chunk;
use crate::components::{OnDemand, t};
use crate::i18n::{Msg, tr};
use crate::model::url_state::LinkFor;
use crate::state::AppState;
use crate::url_sync::{live_page_link, page_link};

/// The iframe snippet for the current view.
pub fn iframe_snippet(src: &str, title: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        r#"<iframe src="{}" title="{}" loading="lazy" width="100%" height="640" style="width:100%;max-width:100%;border:0" allow="fullscreen"></iframe>"#,
        esc(src),
        esc(title)
    )
}

fn copy(text: &str, done: RwSignal<bool>) {
    let _ = window().navigator().clipboard().write_text(text);
    done.set(true);
    set_timeout(move || done.set(false), std::time::Duration::from_millis(1500));
}

/// The button and its dialog. The dialog's content (link, code, print, exports) is a chunk
/// of its own, fetched at the first opening, and so is the making of the link and the code
/// (the snippet's escaping and format stay out of the first module); the dialog itself
/// opens at once.
#[component]
pub fn ShareButton() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // How many times the dialog was opened: the content makes the link and the code again
    // at each opening, for the view as it is then.
    let openings = RwSignal::new(0u32);
    let button = NodeRef::<html::Button>::new();
    crate::dom::use_event(button, "click", false, move |_: web_sys::MouseEvent| {
        openings.update(|n| *n += 1);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    });
    let content =
        move || (openings.get() > 0).then(|| view! { <OnDemand load=move || share_view(openings) waiting=true /> });
    view! {
        <button type="button" class="share-button" data-testid="share" aria-label=t(Msg::Share) node_ref=button>
            <svg class="share-button__icon" viewBox="0 0 20 20" aria-hidden="true"><circle cx="5" cy="10" r="2.2" /><circle cx="15" cy="4.5" r="2.2" /><circle cx="15" cy="15.5" r="2.2" /><path d="M7 9l6-3.4M7 11l6 3.4" /></svg>
            <span class="share-button__text" aria-hidden="true">{t(Msg::Share)}</span>
        </button>
        <dialog class="share-dialog" node_ref=dialog data-testid="share-dialog" aria-labelledby="share-title">
            <h2 id="share-title">{t(Msg::Share)}</h2>
            {content}
            <form method="dialog"><button type="submit" data-testid="share-close">{t(Msg::Close)}</button></form>
        </dialog>
    }
}

/// The Share dialog's content: the page's link and the iframe code, each copyable, and
/// print and the exports.
#[component]
pub fn ShareContent(openings: RwSignal<u32>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Made at each opening of the dialog, for the view as it is then (not followed while
    // it is open: the modal dialog is all the reader can use).
    let (link, snippet) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    crate::dom::effect(move || {
        openings.track();
        let lang = state.lang.get_untracked();
        link.set(page_link(state, LinkFor::FullPage));
        snippet.set(iframe_snippet(&page_link(state, LinkFor::Embed), tr(lang, Msg::FrameTitle)));
    });
    let (copied_link, copied_code) = (RwSignal::new(false), RwSignal::new(false));
    view! {
        <label for="share-link">{t(Msg::PageLink)}</label>
        <div class="share-dialog__row">
            <input id="share-link" data-testid="share-link" readonly prop:value=move || link.get() />
            <button type="button" on:click=move |_| copy(&link.get_untracked(), copied_link)>
                {move || tr(state.lang.get(), if copied_link.get() { Msg::Copied } else { Msg::Copy })}
            </button>
        </div>
        <label for="share-code">{t(Msg::EmbedCode)}</label>
        <div class="share-dialog__row">
            <textarea id="share-code" data-testid="share-code" readonly rows="4" prop:value=move || snippet.get()></textarea>
            <button type="button" on:click=move |_| copy(&snippet.get_untracked(), copied_code)>
                {move || tr(state.lang.get(), if copied_code.get() { Msg::Copied } else { Msg::Copy })}
            </button>
        </div>
        <crate::components::ExportActions />
        <crate::components::preview_bar::EditorTools />
    }
}

/// Shown only when embedded: the way to the full view of the same state, and sharing.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Follows every change of the state, zoom and presenting included.
    let full = move || live_page_link(state, LinkFor::FullPage);
    view! {
        <div class="embed-bar" data-testid="embed-bar">
            <a class="embed-bar__full" data-testid="open-full-view" href=full target="_blank" rel="noopener">{t(Msg::OpenFullView)}</a>
            <ShareButton />
        </div>
    }
}

chunk!(
    /// The Share dialog's content: the link, the iframe code, print and the exports.
    reader, preload_share, fn share_view(openings: RwSignal<u32>) -> AnyView {
        view! { <ShareContent openings=openings /> }.into_any()
    }
);
