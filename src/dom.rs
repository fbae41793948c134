//! Browser plumbing as small hooks, in the manner of leptos-use: each listener or observer
//! is attached when its element is mounted and removed when its owner is cleaned up, so
//! nothing outlives the component that asked for it.

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::geo::Viewport;
use crate::model::Lang;

/// An effect (`Effect::new`) whose closure is boxed. `Effect::new` is generic over its
/// closure, and each call brought its own copy of the effect's task (about 600 bytes of the
/// first module each, issue 25); behind one boxed closure type they share one.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A view written as markup in the reader's language and set in place otherwise, rather
/// than built an element and a reactive attribute at a time (the map's chrome, the time
/// cursor, the timeline's tools, the undated row, the filters' drawer: issue 25).
///
/// An effect writes `markup(lang)` into `root` whenever `lang()` names a language other
/// than the one written (the first time too), leaving its boxes (`details`) open or shut as
/// the reader had them; then, on every run, `in_place(root, lang)` sets what changes with
/// the state: the signals it reads are tracked (just after a writing it sets what the
/// markup says already). A `lang()` of `None` is "not yet": nothing is written.
///
/// Returns the markup for the pre-rendered page, which is rendered natively and runs no
/// effects (`inner_html` of `root`'s element); `None` in the browser.
pub fn markup_in_place(
    root: NodeRef<html::Div>,
    lang: impl Fn() -> Option<Lang> + 'static,
    markup: impl Fn(Lang) -> String + 'static,
    in_place: impl FnMut(&web_sys::Element, Lang) + 'static,
) -> Option<String> {
    let now = if cfg!(target_arch = "wasm32") { None } else { untrack(|| lang().map(&markup)) };
    // Boxed: one copy of the effect for every caller.
    write_in_place(root, Box::new(lang), Box::new(markup), Box::new(in_place));
    now
}

type LangNow = Box<dyn Fn() -> Option<Lang>>;
type InPlace = Box<dyn FnMut(&web_sys::Element, Lang)>;

fn write_in_place(root: NodeRef<html::Div>, lang: LangNow, markup: Box<dyn Fn(Lang) -> String>, mut in_place: InPlace) {
    let mut written = None;
    effect(move || {
        let Some(lang) = lang() else { return };
        let Some(root) = root.get() else { return };
        let root: &web_sys::Element = &root;
        if written != Some(lang) {
            let mut open = Vec::new();
            for_each(root, "details[open]", |d| open.push(d.class_name()));
            root.set_inner_html(&untrack(|| markup(lang)));
            if written.is_some() {
                for_each(root, "details", |d| {
                    let _ = d.toggle_attribute_with_force("open", open.contains(&d.class_name()));
                });
            }
            written = Some(lang);
        }
        in_place(root, lang);
    });
}

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

/// The frames whose size a drawing follows (see [`use_element_size`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// The map's frame.
    Map,
    /// The timeline's track (the lanes' width).
    TimelineTrack,
}

/// The sizes the pre-rendered first screen is drawn for, in place of measured frames
/// (provided by `crate::poster` when it renders the page natively).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PosterFrames {
    /// The window the page is drawn for.
    pub window: Viewport,
    pub map: Viewport,
    pub track: Viewport,
}

impl PosterFrames {
    pub fn of(&self, frame: Frame) -> Viewport {
        match frame {
            Frame::Map => self.map,
            Frame::TimelineTrack => self.track,
        }
    }
}

/// The size of `frame` as the pre-rendered page draws it (natively there is nothing to
/// measure), or `None` outside the pre-rendering.
#[cfg(not(target_arch = "wasm32"))]
pub fn use_element_size(_node: NodeRef<html::Div>, frame: Frame) -> RwSignal<Option<Viewport>> {
    RwSignal::new(use_context::<PosterFrames>().map(|f| f.of(frame)))
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
#[cfg(target_arch = "wasm32")]
pub fn use_element_size(node: NodeRef<html::Div>, _frame: Frame) -> RwSignal<Option<Viewport>> {
    let size = RwSignal::new(None);
    let detach = detach_later();
    effect(move || {
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

/// An element a listener goes on: its node reference holds a DOM element.
pub trait Listened: ElementType<Output: JsCast + Clone + 'static> {}
impl<N: ElementType<Output: JsCast + Clone + 'static>> Listened for N {}

/// Calls `handler` with every `event` (of type `E`) on `node` once it is mounted, until the
/// owner is cleaned up. `passive: false` lets the handler prevent the default (a wheel
/// that must not scroll the page).
pub fn use_event<E: JsCast + 'static>(
    node: NodeRef<impl Listened>,
    event: &'static str,
    passive: bool,
    handler: impl Fn(E) + 'static,
) {
    // The generic part is only the casts: the listener's plumbing is one copy for all (and
    // the node's, one per type of element).
    listen(target_of(node), event, (passive, false), cast(handler));
}

/// [`use_event`] as the event comes down to its target (the capture phase: before the
/// target's own listeners and `node`'s other ones); the handler may prevent the default.
pub fn use_capture<E: JsCast + 'static>(
    node: NodeRef<impl Listened>,
    event: &'static str,
    handler: impl Fn(E) + 'static,
) {
    listen(target_of(node), event, (false, true), cast(handler));
}

/// A handler of events of type `E` as one of any event.
fn cast<E: JsCast + 'static>(handler: impl Fn(E) + 'static) -> std::rc::Rc<dyn Fn(web_sys::Event)> {
    std::rc::Rc::new(move |e: web_sys::Event| handler(e.unchecked_into()))
}

/// The element of a node reference, once it is mounted (read in an effect: tracked).
fn target_of(node: NodeRef<impl Listened>) -> Target {
    Box::new(move || node.get().map(JsCast::unchecked_into))
}

/// How a listener listens: (passive, capture).
type Phase = (bool, bool);

/// What a listener goes on, once it is there.
type Target = Box<dyn Fn() -> Option<web_sys::EventTarget>>;

fn listen(node: Target, event: &'static str, phase: Phase, handler: std::rc::Rc<dyn Fn(web_sys::Event)>) {
    let detach = detach_later();
    effect(move || {
        let Some(target) = node() else { return };
        let h = handler.clone();
        let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| h(e)).into_js_value();
        let options = web_sys::AddEventListenerOptions::new();
        let (passive, capture) = phase;
        options.set_passive(passive);
        options.set_capture(capture);
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            callback.unchecked_ref(),
            &options,
        );
        replace(
            detach,
            Box::new(move || {
                let _ = target.remove_event_listener_with_callback_and_bool(event, callback.unchecked_ref(), capture);
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

/// Resolves once the futures already spawned and the promises already settled have run,
/// in the same task: what they start (a request) is not held behind what follows.
pub async fn after_microtasks() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
}

/// A count that goes from 0 up to `last`, one step per task: what is built at each step
/// is built in a task of its own (see [`next_task`]). Stops if its owner is gone. (The
/// pre-rendered page is written at once: at its last stage.)
#[cfg(not(target_arch = "wasm32"))]
pub fn stages(last: u8) -> ReadSignal<u8> {
    RwSignal::new(last).read_only()
}

/// See the native twin above.
#[cfg(target_arch = "wasm32")]
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

/// Makes the `performance.mark` `name`: what the benchmark and the tests wait for.
pub fn mark(name: &str) {
    // The pre-rendered page is written natively, where there is no window.
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Calls `f` once the browser is idle (`requestIdleCallback`, within 2 s), or after 1 s where
/// it has no such call (Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let w = window();
    // Freed once called.
    let callback = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            let _ = request.call2(&w, &callback, &options);
        }
        None => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1000);
        }
    }
}

/// Calls `f` once, when the browser is idle after `ready()` (read in an effect, so tracked)
/// has first been true; nothing is tracked after that.
pub fn once_idle_after(ready: impl Fn() -> bool + 'static, f: impl FnOnce() + 'static) {
    let f = std::cell::Cell::new(Some(f));
    effect(move || {
        let Some(call) = f.take() else { return };
        if ready() {
            when_idle(call);
        } else {
            f.set(Some(call));
        }
    });
}

/// The `content` of the page's `<meta name="…">`: what the build tells the app (the base
/// map's and the editor module's hashed names).
pub fn meta_content(name: &str) -> Option<String> {
    let meta = document().query_selector(&format!("meta[name={name}]")).ok().flatten()?;
    meta.get_attribute("content")
}

/// Sets or clears one class.
pub fn set_class(el: &web_sys::Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// Sets one style property of `el` through its style object (the page's policy refuses
/// inline style attributes).
pub fn set_style(el: &web_sys::Element, name: &str, value: &str) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.style().set_property(name, value);
    }
}

/// Sets an ARIA state (`aria-pressed`, `aria-expanded`) to "true" or "false".
pub fn set_aria_state(el: &web_sys::Element, name: &str, on: bool) {
    let _ = el.set_attribute(name, crate::i18n::markup::true_false(on));
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

/// The element an event came from, or its nearest ancestor that matches `selector`: the
/// control a delegated listener was meant for.
pub fn event_closest(e: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest(selector).ok().flatten())
}

/// An attribute's value, or the empty string.
pub fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// The page's root font size in CSS pixels (1 rem): 16 unless the reader set another; the
/// pre-rendered page is written for the default.
pub fn root_font_px() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .document_element()
            .and_then(|root| window().get_computed_style(&root).ok().flatten())
            .and_then(|style| style.get_property_value("font-size").ok())
            .and_then(|v| crate::model::number::parse_f64(v.trim_end_matches("px")))
            .unwrap_or(16.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    16.0
}

/// Whether the window is at least `width` × `height` CSS pixels (for the pre-rendered page:
/// the window it is drawn for).
pub fn window_at_least(width: f64, height: f64) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let px = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        px(window().inner_width()) >= width && px(window().inner_height()) >= height
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use_context::<PosterFrames>().is_some_and(|f| f.window.width >= width && f.window.height >= height)
    }
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
    // Not inherited: written where it is not the initial value. (`vector-effect` is not:
    // the file is drawn in its own pixels, with nothing scaled.)
    let opacity = value("opacity");
    if opacity != "1" {
        attrs.push(("opacity", opacity));
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

/// Whether the page shows a pre-rendered first screen now (`crate::poster`): it has one,
/// and its inline script did not set it aside for a URL that asks for another state.
pub fn poster_shown() -> bool {
    let root = document().document_element();
    document().get_element_by_id("poster").is_some() && !root.is_some_and(|r| r.class_list().contains("no-poster"))
}

/// The pre-rendered first screen's drawing of the base map (`PAGE_BASE_ID`), as
/// the map's scene holds a base map ([`crate::geo::scene::BasePath::drawn`]): the live app
/// behind the page starts on it, and draws the shipped file once it has come, after its
/// first drawing. Empty without such a page.
pub fn poster_base() -> Vec<crate::geo::scene::BasePath> {
    use crate::geo::svg::{PAGE_BASE_ID, layer_of_class, read_bounds_attr};
    let Ok(paths) = document().query_selector_all(&format!("#{PAGE_BASE_ID} > path")) else {
        return Vec::new();
    };
    (0..paths.length())
        .filter_map(|i| paths.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|p| {
            let layer = layer_of_class(&p.get_attribute("class")?)?;
            let bounds = p.get_attribute("data-bounds").and_then(|b| read_bounds_attr(&b));
            Some(crate::geo::scene::BasePath::drawn(
                p.get_attribute("data-shape")?,
                layer,
                p.get_attribute("d")?,
                bounds,
            ))
        })
        .collect()
}

/// Removes a pre-rendered first screen that is not shown (a URL with another state): the
/// page's script removes it once the page is read; this is for a page read before.
pub fn drop_unshown_poster() {
    if !poster_shown()
        && let Some(poster) = document().get_element_by_id("poster")
    {
        poster.remove();
    }
}

/// The attributes that name what a control is for, the same on the pre-rendered page and in
/// the app (the same components drew both).
const TWIN_KEYS: [&str; 10] = [
    "data-testid",
    "data-item",
    "data-site",
    "data-lang",
    "data-view",
    "data-panel",
    "data-site-entry",
    "data-off-map",
    "data-chip",
    "data-tour",
];

/// The controls of a page, in order, for what has no name of its own.
const CONTROLS: &str = "button, summary, input, a, [tabindex]";

/// In the app (`app`), the element that plays the part `el` plays on the pre-rendered page
/// (`page`): the one with the same name (tag, first class and naming attribute), else the
/// same id (the page's ids carry its prefix), else the control in the same place.
fn twin_of(el: &web_sys::Element, page: &web_sys::Element, app: &web_sys::Element) -> Option<web_sys::Element> {
    let quote = |v: &str| v.replace('\\', "\\\\").replace('"', "\\\"");
    let tag = el.tag_name().to_ascii_lowercase();
    let class = el.class_list().item(0).map(|c| format!(".{c}")).unwrap_or_default();
    for key in TWIN_KEYS {
        if let Some(v) = el.get_attribute(key) {
            return app.query_selector(&format!(r#"{tag}{class}[{key}="{}"]"#, quote(&v))).ok().flatten();
        }
    }
    let prefix = page.get_attribute("data-id-prefix").unwrap_or_default();
    if let Some(id) = el.get_attribute("id").and_then(|id| id.strip_prefix(&prefix).map(str::to_owned)) {
        return app.query_selector(&format!(r#"[id="{}"]"#, quote(&id))).ok().flatten();
    }
    let nth = |root: &web_sys::Element| root.query_selector_all(CONTROLS).ok();
    let (ours, theirs) = (nth(page)?, nth(app)?);
    let at = (0..ours.length()).find(|&i| ours.item(i).is_some_and(|n| n.is_same_node(Some(el))))?;
    theirs.item(at).and_then(|n| n.dyn_into::<web_sys::Element>().ok())
}

/// The app takes the place of the pre-rendered first screen, in one step (the same task,
/// so the same frame): the picture goes, and what the reader did on it while the app was
/// on its way (the focus, what they typed, a press) is done on its twin in the app.
pub fn take_over_from_poster() {
    let doc = document();
    let Some(poster) = doc.get_element_by_id("poster") else { return };
    let Ok(Some(app)) = doc.query_selector("body > .app") else {
        poster.remove();
        return;
    };
    let pressed = js_sys::Reflect::get(&window(), &"passerelleEarly".into())
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::Element>().ok())
        .filter(|el| poster.contains(Some(el)));
    let page_of = |el: &web_sys::Element| el.closest(".poster__page").ok().flatten();
    let focused = doc.active_element().filter(|a| poster.contains(Some(a)));
    let typed = focused.as_ref().and_then(|f| f.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()));
    let focus_twin = focused.as_ref().and_then(|f| twin_of(f, &page_of(f)?, &app));
    let press_twin = pressed.as_ref().and_then(|p| twin_of(p, &page_of(p)?, &app));
    poster.remove();
    // Seen from now on (the app's own state says so a moment later): what follows needs it.
    let _ = app.class_list().remove_1("is-behind-poster");
    let _ = js_sys::Reflect::delete_property(&window().into(), &"passerelleEarly".into());
    if let Some(twin) = focus_twin.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        if let (Some(value), Some(input)) =
            (typed.filter(|v| !v.is_empty()), twin.dyn_ref::<web_sys::HtmlInputElement>())
        {
            input.set_value(&value);
            // Bubbling, as the reader's own typing does (the app listens above the field).
            let options = web_sys::EventInit::new();
            options.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &options) {
                let _ = input.dispatch_event(&event);
            }
        }
        let _ = twin.focus();
    }
    if let Some(twin) = press_twin {
        // A click as the reader's, on an HTML control or a mark of the map.
        let options = web_sys::MouseEventInit::new();
        options.set_bubbles(true);
        options.set_cancelable(true);
        if let Ok(click) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &options) {
            let _ = twin.dispatch_event(&click);
        }
    }
}
