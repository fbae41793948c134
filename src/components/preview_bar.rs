//! The editor's preview, the part fetched on demand: the bar that says which file is open,
//! that it never left the computer, what is wrong with it (each finding by sheet, row and
//! column, or record and field, with a way to show its record), and the downloads; and the
//! editors' tools in the Share dialog (open a file, the workbook of the data on screen).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chunk::chunk;
use crate::components::preview::{PublishedDataset, download_workbook, open_file};
use crate::components::{OnDemand, t};
use crate::i18n::{Msg, count, finding, issue_line, load_error_sentence, tr, trf, workbook_finding};
use crate::model::preview::{Preview, PreviewState, Unreadable};
use crate::model::workbook::Located;
use crate::model::{Issue, Lang, Severity};
use crate::state::AppState;

/// One finding as a line in `lang`: its sheet, row and column for a workbook, its record
/// and field for a JSON file.
fn finding_line(lang: Lang, f: &Located) -> String {
    match (&f.place, &f.record) {
        (None, Some((_, id))) => issue_line(
            lang,
            &Issue { severity: f.severity, path: f.path.clone(), record: Some(id.clone()), message: f.message.clone() },
        ),
        _ => workbook_finding(lang, f),
    }
}

fn unreadable_line(lang: Lang, file: &str, why: &Unreadable) -> String {
    match why {
        Unreadable::Load(e) => load_error_sentence(lang, e),
        Unreadable::File(sentence) => trf(lang, Msg::FileUnreadable, &[file, &finding(lang, sentence)]),
        Unreadable::Module => tr(lang, Msg::ChunkFailed).to_owned(),
    }
}

#[component]
fn Findings(state: AppState, preview: std::sync::Arc<Preview>) -> impl IntoView {
    let drawn = preview.dataset.is_some();
    let rows = preview
        .findings
        .iter()
        .map(|f| {
            let class = if f.severity == Severity::Error { "preview-findings__error" } else { "preview-findings__warning" };
            let line = {
                let f = f.clone();
                move || finding_line(state.lang.get(), &f)
            };
            // A record of the file drawn can be shown.
            let show = f.record.clone().filter(|_| drawn).and_then(|(collection, id)| match collection.as_str() {
                "items" => Some(view! { <button type="button" class="pill" on:click=move |_| state.select_item(id.clone())>{t(Msg::ShowRecord)}</button> }),
                "sites" => Some(view! { <button type="button" class="pill" on:click=move |_| state.select_site(id.clone())>{t(Msg::ShowRecord)}</button> }),
                _ => None,
            });
            view! { <li class=class><span>{line}</span>{show}</li> }
        })
        .collect_view();
    view! { <ol class="preview-findings" data-testid="preview-findings">{rows}</ol> }
}

/// The bar of the file open in the preview, above the page.
#[component]
pub fn PreviewBarContent() -> impl IntoView {
    let state = expect_context::<AppState>();
    let published = use_context::<PublishedDataset>().map(|p| p.0);
    let close = move |_| state.close_preview(published.and_then(|p| p.get_untracked()));
    move || match state.preview.get() {
        PreviewState::None => ().into_any(),
        PreviewState::Reading(file) => view! {
            <section class="preview-bar" data-testid="preview" aria-busy="true">
                <p role="status">{move || trf(state.lang.get(), Msg::ReadingFile, &[&file])}</p>
            </section>
        }
        .into_any(),
        PreviewState::Open(preview) => {
            let lang = move || state.lang.get();
            let p = preview.clone();
            let title = move || trf(lang(), Msg::PreviewOf, &[&p.file]);
            let (errors, warnings) = (preview.errors(), preview.warnings());
            let counts = move || {
                [
                    (errors, Msg::PreviewErrorsOne, Msg::PreviewErrorsMany),
                    (warnings, Msg::PreviewWarningsOne, Msg::PreviewWarningsMany),
                ]
                .iter()
                .map(|(n, one, many)| count(lang(), *n, *one, *many))
                .collect::<Vec<_>>()
                .join(" · ")
            };
            let status = match (&preview.unreadable, preview.dataset.is_some()) {
                (Some(why), _) => {
                    let (file, why) = (preview.file.clone(), why.clone());
                    view! { <p role="alert" data-testid="preview-unreadable">{move || unreadable_line(lang(), &file, &why)}</p> }.into_any()
                }
                (None, true) => view! { <p data-testid="preview-shown">{t(Msg::PreviewShown)}</p> }.into_any(),
                (None, false) => {
                    view! { <p role="alert" data-testid="preview-not-shown">{t(Msg::PreviewNotShown)}</p> }.into_any()
                }
            };
            let json = preview.json.clone();
            let json_download = json.clone().map(|json| {
                let file = preview.file.clone();
                let name = format!("{}.json", file.rsplit_once('.').map_or(file.as_str(), |(stem, _)| stem));
                view! {
                    <button type="button" class="pill pill--solid" data-testid="preview-json"
                        on:click=move |_| crate::dom::download_text(&name, "application/json", &json)>{t(Msg::DownloadJson)}</button>
                }
            });
            let workbook = json.map(|json| view! {
                <button type="button" class="pill" data-testid="preview-workbook" on:click=move |_| download_workbook(state, Some(json.clone()))>{t(Msg::DownloadWorkbook)}</button>
            });
            view! {
                <section class="preview-bar" data-testid="preview" aria-labelledby="preview-title">
                    <div class="preview-bar__head">
                        <h2 id="preview-title">{title}</h2>
                        <button type="button" class="pill" data-testid="preview-close" on:click=close>{t(Msg::ClosePreview)}</button>
                    </div>
                    <p class="preview-bar__private">{t(Msg::PreviewPrivate)}</p>
                    <div class="preview-bar__status">{status}<p data-testid="preview-counts">{counts}</p></div>
                    <div class="preview-bar__actions">{json_download}{workbook}</div>
                    <Findings state=state preview=preview />
                </section>
            }
            .into_any()
        }
    }
}

/// The editors' part of the Share dialog: open a dataset file in the preview, and the
/// data on screen as a workbook (the template of a new one).
#[component]
pub fn EditorTools() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = move |e: leptos::ev::Event| {
        let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
            open_file(state, file);
            // Back to the page, where the preview is.
            if let Some(dialog) = input.and_then(|i| i.closest("dialog").ok().flatten()) {
                dialog.unchecked_into::<web_sys::HtmlDialogElement>().close();
            }
        }
    };
    let workbook_json = move || {
        state.preview.with_untracked(|p| match p {
            PreviewState::Open(p) => p.json.clone(),
            _ => None,
        })
    };
    view! {
        <section class="editor-tools" aria-labelledby="editor-tools-title">
            <h3 id="editor-tools-title">{t(Msg::ForEditors)}</h3>
            <p>{t(Msg::EditorsHint)}</p>
            <div class="export__actions">
                <label class="pill file-pill">
                    {t(Msg::OpenDataFile)}
                    <input type="file" class="visually-hidden" data-testid="open-data-file" accept=".json,.xlsx,.ods,application/json" on:change=chosen />
                </label>
                <button type="button" class="pill" data-testid="download-workbook" on:click=move |_| download_workbook(state, workbook_json())>{t(Msg::DownloadWorkbook)}</button>
            </div>
        </section>
    }
}

chunk!(
    /// The editor's preview bar.
    editor, preload_editor, fn preview_bar_view() -> AnyView {
        view! { <PreviewBarContent /> }.into_any()
    }
);

/// The bar of the file open in the preview (its code is the `editor` chunk).
#[component]
pub fn PreviewBar() -> impl IntoView {
    view! { <OnDemand load=preview_bar_view waiting=true /> }
}
