//! Component tests, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --test web`, see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use passerelle::app::{AppState, Workspace};
use passerelle::components::LoadErrorPanel;
use passerelle::fatal::{FATAL_ERROR_ID, show_fatal_error};
use passerelle::model::{Dataset, LoadError, parse_dataset};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page for one test to mount into.
fn fixture() -> HtmlElement {
    let document = document();
    let root = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root.unchecked_into()
}

/// Lets effects and their follow-ups run: a few microtask ticks and a macrotask.
async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        // Long enough for a frame: size observers report in the rendering step.
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}

/// The workspace of the fixture dataset, mounted in a fresh element. The page has no
/// stylesheet: the map's frame and the timeline's axis get a size here, as the app's
/// stylesheet gives them one (an element without a size is not drawn for).
fn mounted_workspace() -> HtmlElement {
    let document = document();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(".map-frame{position:relative;width:800px;height:450px;overflow:hidden}.map-svg{position:absolute;inset:0;width:100%;height:100%}.axis{height:24px}"));
    document.head().unwrap().append_child(&style).unwrap();
    let root = fixture();
    let ds = dataset();
    // What the app's loader does: the base map is fetched beside the dataset.
    passerelle::geo::BaseMap::install(
        passerelle::geo::BaseMap::parse(include_str!("../public/data/basemap.json")).expect("the shipped base map"),
    );
    mount_to(root.clone(), move || {
        provide_context(AppState::new());
        view! { <Workspace dataset=ds /> }
    })
    .forget();
    root
}

/// Waits until the workspace has drawn its map and timeline: it is built over a few tasks,
/// and both drawings follow their frames' first measurement.
async fn drawn(root: &HtmlElement) {
    for _ in 0..40 {
        if root.query_selector(".timeline-item:not(.timeline-item--undated)").unwrap().is_some()
            && root.query_selector(".map-svg [data-site]").unwrap().is_some()
        {
            return;
        }
        settle().await;
    }
    panic!("the workspace was not drawn");
}

fn dataset() -> Arc<Dataset> {
    let text = include_str!("fixtures/small.json");
    Arc::new(parse_dataset("fixtures/small.json", text).unwrap_or_else(|e| panic!("{e}")).dataset)
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn load_error_panel_is_an_alert_that_names_the_file() {
    let root = fixture();
    let error = LoadError::Http { file: "data/cooperation.json".into(), status: 404, status_text: "Not Found".into() };
    mount_to(root.clone(), move || view! { <LoadErrorPanel error=error /> }).forget();
    let panel = root.query_selector("[data-testid=load-error]").unwrap().expect("panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        text_of(&root, ".load-error__message"),
        "Could not load data/cooperation.json: the server answered HTTP 404 Not Found."
    );
    assert_eq!(text_of(&root, "code"), "data/cooperation.json");
}

#[wasm_bindgen_test]
async fn clicking_a_timeline_item_opens_its_details() {
    let root = mounted_workspace();
    drawn(&root).await;

    // Dated items first, in date order; the undated one last.
    let order: Vec<String> = {
        let buttons = root.query_selector_all(".timeline-item").unwrap();
        (0..buttons.length())
            .map(|i| buttons.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-item").unwrap())
            .collect()
    };
    assert_eq!(order, ["signing", "route"]);
    // No details yet: the introduction holds their place.
    assert!(root.query_selector("[data-testid=details]").unwrap().is_none());
    assert!(text_of(&root, "[data-testid=intro]").contains("Winter Olympics"));
    assert_eq!(root.query_selector_all("[data-site-entry]").unwrap().length(), 3);

    let button: HtmlElement = root.query_selector(".timeline-item[data-item=route]").unwrap().unwrap().unchecked_into();
    button.click();
    tick().await;

    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(text_of(&root, ".detail h3"), "Lyon–China air route");
    let details = text_of(&root, ".detail");
    assert!(details.contains("Under study"), "{details}");
    assert!(details.contains("Aéroports de Lyon"), "{details}");
    assert!(details.contains("Test article, paragraph 2"), "{details}");
    assert!(details.contains("undated"), "{details}");
}

#[wasm_bindgen_test]
async fn the_map_draws_sites_and_links_and_selects_them() {
    let root = mounted_workspace();
    drawn(&root).await;

    assert_eq!(root.query_selector_all(".map-svg [data-site]").unwrap().length(), 3);
    assert_eq!(root.query_selector_all(".map-svg .link").unwrap().length(), 1, "the route joins Lyon and Beijing");
    let link = root.query_selector(".map-svg .link").unwrap().unwrap();
    assert_eq!(link.get_attribute("aria-label").as_deref(), Some("Lyon – Beijing: Lyon–China air route (under study)"));

    // Clicking a site shows it in the detail panel.
    let site = root.query_selector(".map-svg [data-site=chambery]").unwrap().unwrap();
    site.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
            let init = web_sys::MouseEventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
    settle().await;
    assert_eq!(text_of(&root, ".detail h3"), "Chambéry");
    assert!(text_of(&root, ".detail").contains("Signing"));

    // The zoom button changes the world's transform; reset brings it back.
    let world = || root.query_selector(".map-svg .world").unwrap().unwrap().get_attribute("transform").unwrap();
    let before = world();
    root.query_selector("[data-testid=zoom-in]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_ne!(world(), before);
    root.query_selector("[data-testid=zoom-reset]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(world(), before);
}

#[wasm_bindgen_test]
fn fatal_error_is_shown_once_as_text() {
    show_fatal_error("panicked at src/app.rs:1:1: <b>boom</b>");
    show_fatal_error("a second panic");
    let panel = document().get_element_by_id(FATAL_ERROR_ID).expect("fatal error panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let shown = panel.query_selector("pre").unwrap().unwrap();
    assert_eq!(shown.text_content().as_deref(), Some("panicked at src/app.rs:1:1: <b>boom</b>"));
    assert!(shown.query_selector("b").unwrap().is_none(), "the message is text, not markup");
    assert_eq!(document().query_selector_all(".fatal-error").unwrap().length(), 1);
    let reload = panel.query_selector("button.fatal-error__reload").unwrap().expect("a reload button");
    assert_eq!(reload.get_attribute("type").as_deref(), Some("button"));
    assert!(!reload.text_content().unwrap_or_default().trim().is_empty(), "the button says what it does");
    panel.remove();
}

#[wasm_bindgen_test]
fn an_uncaught_wasm_trap_is_shown_but_other_errors_are_not() {
    use passerelle::fatal::install_trap_listener;
    use web_sys::{ErrorEvent, ErrorEventInit};
    install_trap_listener();
    let raise = |error: &wasm_bindgen::JsValue| {
        let init = ErrorEventInit::new();
        init.set_error(error);
        let event = ErrorEvent::new_with_event_init_dict("error", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&event).unwrap();
    };
    raise(&js_sys::Error::new("an ordinary script error").into());
    assert!(document().get_element_by_id(FATAL_ERROR_ID).is_none(), "only traps are fatal");
    raise(&js_sys::WebAssembly::RuntimeError::new("unreachable").into());
    let panel = document().get_element_by_id(FATAL_ERROR_ID).expect("fatal error panel after a trap");
    let shown = panel.query_selector("pre").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(shown.contains("RuntimeError") && shown.contains("unreachable"), "{shown}");
    panel.remove();
}

#[wasm_bindgen_test]
async fn an_element_size_follows_the_element_itself_not_only_the_window() {
    let root = fixture();
    let seen = RwSignal::new(None::<passerelle::geo::Viewport>);
    mount_to(root.clone(), move || {
        let node = NodeRef::<leptos::html::Div>::new();
        let size = passerelle::dom::use_element_size(node, passerelle::dom::Frame::Map);
        Effect::new(move |_| seen.set(size.get()));
        view! { <div node_ref=node id="sized" style="width:300px;height:100px"></div> }
    })
    .forget();
    settle().await;
    assert_eq!(seen.get_untracked().map(|v| (v.width, v.height)), Some((300.0, 100.0)));
    // A panel beside it opens: the element changes size, the window does not.
    let el: HtmlElement = root.query_selector("#sized").unwrap().unwrap().unchecked_into();
    el.style().set_property("width", "520px").unwrap();
    settle().await;
    assert_eq!(seen.get_untracked().map(|v| v.width), Some(520.0));
    // Hidden (no size): the last size is kept, not a zero one.
    el.style().set_property("display", "none").unwrap();
    settle().await;
    assert_eq!(seen.get_untracked().map(|v| v.width), Some(520.0));
}

#[wasm_bindgen_test]
fn numbers_are_read_by_the_page_as_rust_reads_them() {
    use passerelle::model::number::parse_f64;
    // (The page's parseFloat in the browser, Rust's parser natively: each the nearest double.)
    let cases: [(&str, f64); 8] = [
        ("45.764043", 45.764_043),
        ("-4.5", -4.5),
        (".5", 0.5),
        ("3.", 3.0),
        ("1e-3", 0.001),
        ("2.5E+10", 2.5e10),
        ("0.1", 0.1),
        ("9007199254740993", 9_007_199_254_740_992.0),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_f64(text).map(f64::to_bits), Some(expected.to_bits()), "{text}");
    }
    assert_eq!(parse_f64("1e400"), Some(f64::INFINITY));
    for text in ["", "inf", "NaN", "1px", " 1", "0x10"] {
        assert_eq!(parse_f64(text), None, "{text:?}");
    }
}

#[wasm_bindgen_test]
fn numbers_are_written_from_the_pages_digits_as_rust_writes_them() {
    use passerelle::model::number::{Fixed, JsonFloat, Plain};
    // In the browser the shortest digits come from the page's Number.prototype.toString;
    // Rust's formatter (still in this test's wasm) must agree, layout and digits, for every
    // magnitude: both notations of the page's text (exponent below 1e-6 and from 1e21).
    // Only where a double lies exactly between two shortest texts (17 digits) may the
    // last digit differ: then the same length, and the same double read back.
    let mut values = vec![
        0.0,
        -0.0,
        0.1,
        0.1 + 0.2,
        1e-7,
        1.5e-7,
        1e-6,
        0.00001,
        1e15,
        1e16,
        1e21,
        1e22,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        values.push(f64::from_bits(state));
        values.push((state >> 11) as f64 / (1u64 << 53) as f64 * 4000.0 - 2000.0);
    }
    for v in values.into_iter().filter(|v| v.is_finite()) {
        let (ours, rusts) = (Plain(v).to_string(), format!("{v}"));
        if ours != rusts {
            assert_eq!(
                (ours.len(), ours.parse::<f64>().map(f64::to_bits)),
                (rusts.len(), Ok(v.to_bits())),
                "{ours} / {rusts}"
            );
            let digits = rusts.bytes().filter(u8::is_ascii_digit).skip_while(|&d| d == b'0').count();
            assert!(digits >= 16, "{ours} / {rusts}: a shorter double written otherwise");
        }
        assert_eq!(Fixed(v, 2).to_string(), format!("{v:.2}"), "{v:e}");
        assert_eq!(JsonFloat(v).to_string().parse::<f64>().map(f64::to_bits), Ok(v.to_bits()), "{v:e}");
    }
    assert_eq!(JsonFloat(1.5e16).to_string(), "1.5e+16");
    assert_eq!(JsonFloat(2.0).to_string(), "2.0");
}

#[wasm_bindgen_test]
fn a_datasets_fingerprint_is_the_one_the_native_build_writes() {
    use passerelle::model::fingerprint;
    // The same pinned value as model::load's native test: the prerender (native) writes the
    // shipped text's fingerprint into the page, the app (wasm32, 32-bit usize) compares.
    assert_eq!(fingerprint("Passerelle"), 0xb754_71f6_0127_0f4b);
    assert_eq!(fingerprint("\u{feff}Passerelle"), 0xb754_71f6_0127_0f4b);
}

#[wasm_bindgen_test]
fn a_wrong_types_string_is_quoted_as_rust_debug_writes_it() {
    use passerelle::model::LoadError;
    // The reader's message quotes the string it found as serde does (`{:?}`), here with the
    // page's Unicode tables deciding what is escaped (model::read::Quoted).
    let text = include_str!("fixtures/small.json");
    let at = text.find("\"lat\":").unwrap();
    let end = at + text[at..].find([',', '}']).unwrap();
    let found = "4\u{301}5\u{7}\n\"中\u{200b}é\u{e000}'";
    let broken = format!("{}\"lat\": {}{}", &text[..at], serde_json::to_string(found).unwrap(), &text[end..]);
    let Err(LoadError::Invalid { errors, .. }) = parse_dataset("d.json", &broken) else { panic!("expected Invalid") };
    let message = &errors[0].message;
    assert_eq!(message, &format!("invalid type: string {found:?}, expected f64"));
    assert!(message.contains(r#""4\u{301}5\u{7}\n\"中\u{200b}é\u{e000}'""#), "{message}");
}

#[wasm_bindgen_test]
fn a_checked_text_read_by_the_pages_parser_gives_the_same_records() {
    use passerelle::model::read_checked;
    // read_checked parses with the page's JSON.parse (model::json::Json::parse_by_page),
    // parse_dataset with serde_json: the same records either way.
    let text = include_str!("fixtures/small.json");
    let (serde, page) = (parse_dataset("d.json", text).unwrap(), read_checked("d.json", text).unwrap());
    assert_eq!(format!("{:?}", page.dataset), format!("{:?}", serde.dataset));
    let shipped = include_str!("../public/data/cooperation.json");
    let (serde, page) = (parse_dataset("d.json", shipped).unwrap(), read_checked("d.json", shipped).unwrap());
    assert_eq!(format!("{:?}", page.dataset), format!("{:?}", serde.dataset));
    assert!(matches!(read_checked("d.json", "{\"schema\": 1,"), Err(passerelle::model::LoadError::Syntax { .. })));
}

#[wasm_bindgen_test]
fn arrays_are_read_by_the_page_as_serde_reads_them() {
    use passerelle::model::json::Json;
    // The page's JSON.parse, value by value into the tree: the tree serde_json reads from
    // the text, arrays of whole numbers (the base map's rings) and of mixed values alike
    // (whole numbers within 2^53 held alike).
    let ints: Vec<String> = (-10..10).map(|i| (i * 7919).to_string()).collect();
    let ints = ints.join(",");
    let cases = [
        format!("[{ints}]"),
        format!("[[{ints}],[{ints},4503599627370496,-4503599627370496]]"),
        format!("[{ints},1.5]"),
        format!("[{ints},null]"),
        format!("[{ints},\"3\"]"),
        format!("[{ints},\"4,5\"]"),
        format!("[{ints},[2,3]]"),
        format!("[{ints},{{\"a\":1}}]"),
        format!("[{ints},true]"),
        format!("[{ints},1e300]"),
        format!("{{\"rings\":[[{ints}]],\"short\":[1,2,3]}}"),
    ];
    for text in &cases {
        assert_eq!(Json::parse_by_page(text).unwrap(), Json::parse(text).unwrap(), "{text}");
    }
    // What the page holds, a double: rounded past 2^53, and -0 is 0.
    let big = format!("[{ints},9007199254740993,-0]");
    assert_eq!(Json::parse_by_page(&big).unwrap(), Json::parse(&format!("[{ints},9007199254740992,0]")).unwrap());
    // The file whose rings it is for, alike.
    let basemap = include_str!("../public/data/basemap.json");
    assert!(Json::parse_by_page(basemap).unwrap() == Json::parse(basemap).unwrap(), "the shipped base map");
}
