//! What the user sees when the app itself fails: a panic must never leave a blank page.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The id of the element that carries a fatal error message.
pub const FATAL_ERROR_ID: &str = "fatal-error";

/// Installs a panic hook that logs the panic to the console (with its location) and
/// shows it in the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
}

/// Release builds abort at once on a panic (see `release_env` in scripts/toolchain.sh), so
/// the hook above never runs there: the panic is a WebAssembly trap, thrown as a
/// `WebAssembly.RuntimeError` to whatever JavaScript called in (an event, a timer, a
/// promise). This listener turns such an uncaught trap into the same message in the page.
/// Other uncaught errors are left to the console.
pub fn install_trap_listener() {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        if let Some(error) = trap_of(&event) {
            show_fatal_error(&String::from(js_sys::Error::from(error).to_string()));
        }
    });
    // Handed to JavaScript, which keeps it as long as the page: it must outlive everything.
    let listener = listener.into_js_value();
    for kind in ["error", "unhandledrejection"] {
        let _ = window.add_event_listener_with_callback(kind, listener.unchecked_ref());
    }
}

/// The WebAssembly trap an `error` or `unhandledrejection` event carries, if any.
fn trap_of(event: &web_sys::Event) -> Option<JsValue> {
    let error = if let Some(e) = event.dyn_ref::<web_sys::ErrorEvent>() {
        e.error()
    } else if let Some(e) = event.dyn_ref::<web_sys::PromiseRejectionEvent>() {
        e.reason()
    } else {
        return None;
    };
    error.is_instance_of::<js_sys::WebAssembly::RuntimeError>().then_some(error)
}

/// Puts a fatal error message at the top of the page, in plain DOM: after a panic the
/// reactive runtime may be in any state, so nothing here goes through Leptos.
pub fn show_fatal_error(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id(FATAL_ERROR_ID).is_some() {
        return; // the first error is the one worth reading
    }
    let Ok(panel) = document.create_element("section") else { return };
    panel.set_id(FATAL_ERROR_ID);
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "fatal-error");
    let heading = document.create_element("h2").ok();
    let detail = document.create_element("pre").ok();
    let hint = document.create_element("p").ok();
    let reload = document.create_element("button").ok();
    // In the language the page was last shown in (the app keeps <html lang> up to date).
    let html_lang = document.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    let lang = crate::i18n::lang_of_html(&html_lang);
    if let (Some(h), Some(d), Some(p), Some(b)) = (heading, detail, hint, reload) {
        h.set_text_content(Some(crate::i18n::tr(lang, crate::i18n::Msg::FatalTitle)));
        d.set_text_content(Some(message));
        p.set_text_content(Some(crate::i18n::tr(lang, crate::i18n::Msg::FatalHint)));
        b.set_text_content(Some(crate::i18n::tr(lang, crate::i18n::Msg::FatalReload)));
        let _ = b.set_attribute("type", "button");
        let _ = b.set_attribute("class", "fatal-error__reload");
        // The page is over: the listener lives as long as it, like the panel.
        let on_click = Closure::<dyn Fn()>::new(|| {
            let _ = web_sys::window().map(|w| w.location().reload());
        })
        .into_js_value();
        let _ = b.add_event_listener_with_callback("click", on_click.unchecked_ref());
        let _ = panel.append_child(&h);
        let _ = panel.append_child(&d);
        let _ = panel.append_child(&p);
        let _ = panel.append_child(&b);
    }
    let _ = body.insert_before(&panel, body.first_child().as_ref());
    if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
}
