//! The editor's preview, the part in the first module: a file dropped on the page or
//! chosen in the Share dialog is read in this tab (nothing is sent anywhere) by the
//! `editor` chunk (`editor_io`); the bar that shows the file and its findings is
//! `preview_bar`'s. Here: what starts them, and the page's drop target.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::editor_io::{read_file_task, workbook_task};
use crate::model::Dataset;
use crate::model::preview::{Preview, PreviewState, Unreadable};
use crate::state::AppState;

/// The dataset the site publishes (the preview draws another in its place).
#[derive(Clone, Copy)]
pub struct PublishedDataset(pub Signal<Option<Arc<Dataset>>>);

/// Reads a file the editor chose or dropped and opens it in the preview (the reading is the
/// `editor` chunk's; a chunk that cannot be fetched leaves the file unread, and says so).
pub fn open_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    state.preview.set(PreviewState::Reading(name.clone()));
    spawn_local(async move {
        match read_file_task(state, file).await {
            Ok(task) => task.await,
            Err(_) => state.open_preview(Arc::new(Preview::refused(&name, Unreadable::Module))),
        }
    });
}

/// Offers the `.xlsx` workbook of a dataset's JSON (the file open in the preview, else the
/// published dataset's file) as a download.
pub fn download_workbook(state: AppState, json: Option<String>) {
    spawn_local(async move {
        match workbook_task(state, json).await {
            Ok(task) => task.await,
            Err(_) => {
                web_sys::console::error_1(&"Passerelle: the editor's part could not be fetched (network?)".into())
            }
        }
    });
}

/// A file dropped anywhere on the page opens in the preview (the browser would otherwise
/// navigate away to it). Other drags are left alone.
pub fn use_file_drop(state: AppState) {
    let carries_files = |e: &web_sys::DragEvent| {
        e.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
    };
    let over = window_event_listener(leptos::ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |e| {
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            open_file(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
