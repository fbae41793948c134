//! The editor's preview, its reading and writing of files (the `editor` chunk): a `.json`
//! read by the app's own reader, a workbook by the editor's module, a wasm module of its
//! own fetched on first use (`src/bin/editor.rs`), so that the spreadsheet code is never
//! part of a visitor's download; and the workbook of a dataset, written by that module.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::chunk::chunk;
use crate::model::MAX_FILE_BYTES;
use crate::model::preview::{EditorRead, Preview, Unreadable};
use crate::model::workbook::{FileProblem, MAX_WORKBOOK_BYTES};
use crate::state::AppState;

/// Work done in the page's task queue, whose code is in the chunk.
pub type LocalTask = Pin<Box<dyn Future<Output = ()>>>;

thread_local! {
    /// The editor's module, once loaded.
    static EDITOR: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// The editor's module: loaded once, by a module script of the build's own (named in
/// `<meta name="passerelle-editor">`), which sets `window.passerelleEditor` (or
/// `passerelleEditorError`) and says so with the event `passerelle:editor`. A script
/// element, not an import from the app's glue: the glue imports nothing more at start.
async fn editor_module() -> Result<JsValue, String> {
    if let Some(module) = EDITOR.with(|e| e.borrow().clone()) {
        return Ok(module);
    }
    let entry = crate::dom::meta_content("passerelle-editor").ok_or("this build has no editor module")?;
    let script = document().create_element("script").map_err(|e| format!("{e:?}"))?;
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &entry);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            "passerelle:editor",
            &resolve,
            &once,
        );
        let _ = script.add_event_listener_with_callback_and_add_event_listener_options("error", &reject, &once);
    });
    if let Some(head) = document().head() {
        let _ = head.append_child(&script);
    }
    wasm_bindgen_futures::JsFuture::from(loaded).await.map_err(|_| format!("{entry} could not be fetched"))?;
    let global = |name: &str| js_sys::Reflect::get(&window(), &name.into()).ok().filter(|v| !v.is_undefined());
    if let Some(error) = global("passerelleEditorError") {
        return Err(format!("{error:?}"));
    }
    let module = global("passerelleEditor").ok_or("the editor's module did not start")?;
    EDITOR.with(|e| *e.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// Calls one of the editor module's functions.
fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: js_sys::Function = js_sys::Reflect::get(module, &name.into())
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| name.to_owned())?;
    let args = args.iter().collect::<js_sys::Array>();
    f.apply(&JsValue::NULL, &args).map_err(|e| format!("{e:?}"))
}

async fn read_file(name: &str, file: &web_sys::File) -> Preview {
    let json = name.to_ascii_lowercase().ends_with(".json");
    let size = file.size() as usize;
    // Too large to read in a page: refused before it is read.
    if json && size > MAX_FILE_BYTES {
        return Preview::refused(
            name,
            Unreadable::Load(crate::model::LoadError::TooLarge { file: name.into(), bytes: size }),
        );
    }
    if !json && size > MAX_WORKBOOK_BYTES {
        return Preview::refused(name, Unreadable::File(FileProblem::TooLarge { bytes: size }.to_string()));
    }
    let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(e) => return Preview::refused(name, Unreadable::File(format!("{e:?}"))),
    };
    if json {
        return Preview::of_json(name, &String::from_utf8_lossy(&bytes));
    }
    let read = async {
        let module = editor_module().await?;
        let answer = call(&module, "read_workbook_file", &[name.into(), js_sys::Uint8Array::from(&bytes[..]).into()])?;
        let text = answer.as_string().ok_or("no answer")?;
        serde_json::from_str::<EditorRead>(&text).map_err(|e| e.to_string())
    };
    match read.await {
        Ok(read) => Preview::of_workbook(name, read),
        Err(e) => {
            web_sys::console::error_1(&format!("Passerelle: the editor's module: {e}").into());
            Preview::refused(name, Unreadable::Module)
        }
    }
}

/// Makes the `.xlsx` workbook of a dataset's JSON (the file open in the preview, else the
/// published dataset's file) and offers it as a download.
async fn make_workbook(state: AppState, json: Option<String>) {
    let json = match json {
        Some(json) => Ok(json),
        None => {
            let path = state.data.get_value().unwrap_or_else(|| crate::loader::DATASET_PATH.to_owned());
            crate::loader::fetch_text(&path).await.map_err(|e| e.to_string())
        }
    };
    let made = async {
        let json = json?;
        let module = editor_module().await?;
        let bytes = call(&module, "write_workbook_file", &[json.into()])?;
        let parts = js_sys::Array::of1(&bytes);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))
    };
    match made.await {
        Ok(blob) => crate::dom::download_blob("cooperation.xlsx", &blob),
        Err(e) => web_sys::console::error_1(&format!("Passerelle: the workbook could not be made: {e}").into()),
    }
}

chunk!(
    /// Reads a file and opens it in the preview.
    editor, preload_read, fn read_file_task(state: AppState, file: web_sys::File) -> LocalTask {
        Box::pin(async move {
            let name = file.name();
            let preview = read_file(&name, &file).await;
            state.open_preview(Arc::new(preview));
        })
    }
);

chunk!(
    /// The workbook of a dataset, downloaded.
    editor, preload_workbook, fn workbook_task(state: AppState, json: Option<String>) -> LocalTask {
        Box::pin(make_workbook(state, json))
    }
);
