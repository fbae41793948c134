//! Browser plumbing as small hooks, in the manner of leptos-use: each listener or observer
//! is attached when its element is mounted and removed when its owner is cleaned up, so
//! nothing outlives the component that asked for it.

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::geo::Viewport;

/// A detach function kept until the next attach or the owner's cleanup.
type Detach = StoredValue<Option<SendWrapper<Box<dyn FnOnce()>>>>;

fn detach_later() -> Detach {
    let detach: Detach = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(Some(d)) = detach.try_update_value(Option::take) {
            (d.take())();
        }
    });
    detach
}

fn replace(detach: Detach, next: Box<dyn FnOnce()>) {
    if let Some(Some(old)) = detach.try_update_value(|d| d.replace(SendWrapper::new(next))) {
        (old.take())();
    }
}

/// The client size of `node` in CSS pixels, following the element itself (a
/// `ResizeObserver`): a window resize, a drawer or a sheet that changes its frame, all
/// alike. `None` until the observer first reports it laid out; a zero size (hidden) is
/// ignored.
///
/// Never measured on the spot: reading a size in the middle of building the page forces
/// the browser to lay out everything built so far, and then again when the drawing that
/// follows changes it. The observer reports after the frame's own layout; what is drawn for
/// the size is drawn once, at the next frame.
pub fn use_element_size(node: NodeRef<html::Div>) -> RwSignal<Option<Viewport>> {
    let size = RwSignal::new(None);
    let detach = detach_later();
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let el: web_sys::Element = el.into();
        // The size the observer measured, not the element's: reading `clientWidth` here
        // would lay out again whatever an earlier observer's callback just drew.
        let measure = move |entries: js_sys::Array| {
            let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
            else {
                return;
            };
            let rect = entry.content_rect();
            // Whole pixels, as the frames were measured before (`clientWidth`).
            let next = Viewport { width: rect.width().round(), height: rect.height().round() };
            if next.width <= 0.0 || next.height <= 0.0 {
                return;
            }
            // Drawn for at the next frame, not inside the observer's callback: a drawing that
            // changed another observed element's size there (a scroll bar appearing beside
            // the timeline) would end the browser's observer loop with an error.
            request_animation_frame(move || {
                // try_: the owner may be gone by then.
                if size.try_get_untracked().flatten() != Some(next) {
                    let _ = size.try_set(Some(next));
                }
            });
        };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(measure).into_js_value();
        let Ok(observer) = web_sys::ResizeObserver::new(callback.unchecked_ref()) else { return };
        observer.observe(&el);
        replace(
            detach,
            Box::new(move || {
                observer.disconnect();
                drop(callback);
            }),
        );
    });
    size
}

/// Calls `handler` with every `event` (of type `E`) on `node` once it is mounted, until the
/// owner is cleaned up. `passive: false` lets the handler prevent the default (a wheel
/// that must not scroll the page).
pub fn use_event<E: JsCast + 'static>(
    node: NodeRef<html::Div>,
    event: &'static str,
    passive: bool,
    handler: impl Fn(E) + 'static,
) {
    let detach = detach_later();
    let handler = std::rc::Rc::new(handler);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let target: web_sys::EventTarget = el.into();
        let h = handler.clone();
        let callback =
            Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| h(e.unchecked_into())).into_js_value();
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(passive);
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            callback.unchecked_ref(),
            &options,
        );
        replace(
            detach,
            Box::new(move || {
                let _ = target.remove_event_listener_with_callback(event, callback.unchecked_ref());
            }),
        );
    });
}

/// Calls `handler` for every wheel event over `node`, with a listener that is not passive
/// (so the handler may prevent the page from scrolling).
pub fn use_wheel(node: NodeRef<html::Div>, handler: impl Fn(web_sys::WheelEvent) + 'static) {
    use_event(node, "wheel", false, handler);
}

/// Resolves in a task of its own: what is awaited after it is not part of the task before
/// (on a phone, one long task keeps the page from answering a tap).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A count that goes from 0 up to `last`, one step per task: what is built at each step
/// is built in a task of its own (see [`next_task`]). Stops if its owner is gone.
pub fn stages(last: u8) -> ReadSignal<u8> {
    let stage = RwSignal::new(0u8);
    leptos::task::spawn_local(async move {
        for next in 1..=last {
            next_task().await;
            if stage.try_set(next).is_some() {
                return;
            }
        }
    });
    stage.read_only()
}

/// Resolves in a task of its own once the browser has had its chance to paint the page as
/// it is (after the next frame), or after 100 ms where no frame comes (a hidden tab, an
/// iframe out of view), whichever is first.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let w = window();
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        // Freed once called; a frame that never comes leaves one small closure behind.
        let after_frame = Closure::once_into_js(move || {
            let _ = window().set_timeout_with_callback(&resolve);
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sets or clears one class.
pub fn set_class(el: &web_sys::Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// Calls `f` on every element under `root` that matches `selector`.
pub fn for_each(root: &web_sys::Element, selector: &str, mut f: impl FnMut(&web_sys::Element)) {
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                f(&el);
            }
        }
    }
}

/// An attribute's value, or the empty string.
pub fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// Whether the reader asked for less motion.
pub fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// The element that has the keyboard focus now, unless it is the page itself.
pub fn focused_element() -> Option<web_sys::HtmlElement> {
    document()
        .active_element()
        .filter(|a| !a.tag_name().eq_ignore_ascii_case("body"))
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Gives the keyboard focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Offers `body` as a file named `name` to the reader (a download, from a click).
pub fn download_text(name: &str, mime: &str, body: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download_blob(name, &blob);
    }
}

/// Offers a blob as a file named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // The browser has what it needs once the click is handled.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// The look the page's stylesheet gives the map, inherited by an element's children.
const INHERITED_LOOK: [&str; 14] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "paint-order",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "visibility",
];

/// Reads the look of `el` and its descendants: the attributes that differ from the parent's
/// look (which an element inherits from its parent's attributes), and what is hidden.
fn read_look(
    el: &web_sys::Element,
    parent: Option<&[String]>,
    writes: &mut Vec<(web_sys::Element, Vec<(&'static str, String)>)>,
    hidden: &mut Vec<web_sys::Element>,
) {
    let Some(cs) = window().get_computed_style(el).ok().flatten() else { return };
    let value = |p: &str| cs.get_property_value(p).unwrap_or_default();
    if value("display") == "none" {
        hidden.push(el.clone());
        return;
    }
    let values: Vec<String> = INHERITED_LOOK.iter().map(|p| value(p)).collect();
    let mut attrs: Vec<(&'static str, String)> = INHERITED_LOOK
        .iter()
        .zip(&values)
        .enumerate()
        .filter(|(k, (_, v))| parent.is_none_or(|pv| pv[*k] != **v))
        .map(|(_, (name, v))| (*name, v.clone()))
        .collect();
    // Not inherited: written where they are not the initial value.
    let opacity = value("opacity");
    if opacity != "1" {
        attrs.push(("opacity", opacity));
    }
    let effect = value("vector-effect");
    if effect != "none" && !effect.is_empty() {
        attrs.push(("vector-effect", effect));
    }
    if !attrs.is_empty() {
        writes.push((el.clone(), attrs));
    }
    let children = el.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            read_look(&child, Some(&values), writes, hidden);
        }
    }
}

/// `markup` (an SVG drawing carrying the page's classes) with the page's look written onto
/// each element as presentation attributes, and what the page's stylesheet hides left out:
/// a file that looks like the page anywhere, with no stylesheet, no CSS variable, nothing
/// a strict CSP blocks when it is drawn as an image.
pub fn with_computed_look(markup: &str) -> String {
    let doc = document();
    let (Ok(holder), Some(body)) = (doc.create_element("div"), doc.body()) else { return markup.to_owned() };
    // Styled by the page's rules without being drawn.
    let _ = holder.set_attribute("hidden", "");
    holder.set_inner_html(markup);
    let _ = body.append_child(&holder);
    let Some(root) = holder.first_element_child() else { return markup.to_owned() };
    // Read everything first, then write: each write would make the next read restyle.
    let mut writes: Vec<(web_sys::Element, Vec<(&str, String)>)> = Vec::new();
    let mut hidden = Vec::new();
    read_look(&root, None, &mut writes, &mut hidden);
    for (el, attrs) in writes {
        for (name, value) in attrs {
            let _ = el.set_attribute(name, &value);
        }
    }
    for el in hidden {
        el.remove();
    }
    // XML, not HTML, serialisation: a file of its own (no `&nbsp;`).
    let out =
        web_sys::XmlSerializer::new().and_then(|x| x.serialize_to_string(&root)).unwrap_or_else(|_| root.outer_html());
    holder.remove();
    out
}

/// Today's date, `YYYY-MM-DD`, in the reader's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
