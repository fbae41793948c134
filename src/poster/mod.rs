//! The first screen as HTML, written at build time by the app's own components (rendered
//! natively by Leptos, without hydration), so that the story is on screen before the code
//! has arrived: the header, the toolbar, the map in its default view, the timeline and the
//! introduction, in their final frames. The live app is built behind it and takes its
//! place in one step once it has drawn (`crate::app`).
//!
//! One page is rendered for each language and each of the [`LAYOUTS`] (desktops and
//! laptops, phones upright and on their side), each for the frames it has there, a file of
//! its own: the small script that runs first ([`head_script`]) asks for the reader's and
//! puts it in. What a strict Content-Security-Policy would refuse in markup is moved out of
//! it ([`markup`]): inline styles become attributes the script sets through the CSSOM; the
//! base map, the same in every page, is drawn once in the page and referenced.

mod markup;

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::Workspace;
use crate::components::{Header, ListView};
use crate::dom::PosterFrames;
use crate::geo::scene::{BasePath, MapScene, MapView};
use crate::geo::view::{Bounds, Viewport};
use crate::geo::{BaseMap, Projection};
use crate::model::{Dataset, Lang};
use crate::state::AppState;

/// A layout of the page, as the stylesheet lays it out for a kind of window, and the frames
/// the map and the timeline's track have there (measured in the live app; the end-to-end
/// tests check them against the stylesheet).
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub name: &'static str,
    /// The media query of the windows it is for.
    pub media: &'static str,
    pub frames: PosterFrames,
}

/// The layouts of the pre-rendered page, each for the windows of its media query, with the
/// frames the map and the timeline's track have (measured in the live app at the window
/// named; the end-to-end tests check them): common laptops and desktops, a phone upright
/// (tall, or short as many 360 × 640 phones are) and on its side. Between two of them the
/// page is drawn for the nearer and scaled to the frame.
pub const LAYOUTS: [Layout; 6] = [
    layout("desktop", "(min-width: 1600px)", (1920.0, 1080.0), (1494.0, 586.0), 1748.0),
    layout("laptop", "(min-width: 1330px) and (max-width: 1599.98px)", (1366.0, 768.0), (971.0, 380.0), 1194.0),
    layout("small-laptop", "(min-width: 900px) and (max-width: 1329.98px)", (1280.0, 720.0), (908.0, 348.0), 1108.0),
    layout(
        "phone",
        "(max-width: 899.98px) and (orientation: portrait) and (max-aspect-ratio: 10/19)",
        (390.0, 844.0),
        (372.0, 369.0),
        338.0,
    ),
    layout(
        "short-phone",
        "(max-width: 899.98px) and (orientation: portrait) and (min-aspect-ratio: 10.01/19)",
        (360.0, 640.0),
        (342.0, 280.0),
        308.0,
    ),
    layout(
        "phone-sideways",
        "(max-width: 899.98px) and (orientation: landscape)",
        (844.0, 390.0),
        (440.0, 283.0),
        349.0,
    ),
];

const fn layout(name: &'static str, media: &'static str, window: (f64, f64), map: (f64, f64), track: f64) -> Layout {
    Layout {
        name,
        media,
        frames: PosterFrames {
            window: Viewport { width: window.0, height: window.1 },
            map: Viewport { width: map.0, height: map.1 },
            track: Viewport { width: track, height: 24.0 },
        },
    }
}

/// The id of the base map's one drawing, which every page's panes refer to (and the live
/// app starts on: `crate::dom::poster_base`).
pub const BASE_ID: &str = crate::geo::svg::PAGE_BASE_ID;

/// The page of every item as text, for a reader without scripts (linked from the
/// first screen's `<noscript>`).
pub const ITEMS_PAGE: &str = "items.html";

/// The files the build puts into the page, and the items' page's body: (name, contents).
pub fn write(dataset: &Dataset) -> Vec<(String, String)> {
    let dataset = Arc::new(dataset.clone());
    let scene = Arc::new(MapScene::build(&dataset, BaseMap::shipped(), &Projection::eurasia()));
    // The base map as every pane draws it, and the part of it the pages show.
    let base = crate::geo::svg::base_group(&scene.base);
    let shown = shown_plane(&scene);
    // Each shape keeps its whole bounds (the live app fits its views to the regions' from
    // this drawing, until the shipped base map arrives after its first drawing).
    let kept = crate::geo::svg::page_base_group(
        &scene
            .base
            .iter()
            .filter_map(|b| b.cut(&shown, &|p| p).map(|c| BasePath { bounds: b.bounds, ..c }))
            .collect::<Vec<_>>(),
    );
    let mut pages = Vec::new();
    for &lang in &Lang::ALL {
        for layout in LAYOUTS {
            pages.push(markup::page(lang, layout, &render(&dataset, lang, layout.frames), &base));
        }
    }
    let texts: Vec<(Lang, String)> = Lang::ALL.iter().map(|&lang| (lang, render_items(&dataset, lang))).collect();
    let poster = markup::Poster { pages, texts, kept_base: &kept };
    let mut files = vec![
        ("poster.html".into(), poster.html()),
        ("poster.css".into(), poster.css()),
        ("head.js".into(), head_script()),
        (ITEMS_PAGE.into(), poster.items_page()),
    ];
    // Each page a file of its own, of which a reader fetches one (`head_script`): in the
    // page every reader fetched, the eighteen were 48 kB gzip and 500 kB to parse.
    for p in &poster.pages {
        files.push((
            format!("{PAGES_DIR}/{}", markup::Poster::page_file(p.lang.code(), p.layout.name, PAGES_HASH)),
            markup::Poster::page_html(p),
        ));
    }
    files
}

/// The folder of the pages' files (`markup::Poster::page_file`).
pub const PAGES_DIR: &str = "pages";

/// What stands for the pages' hash in their files' names and in the page's script: the
/// build names the files after their bytes and writes that hash for it.
pub const PAGES_HASH: &str = "PAGES_HASH";

/// An owner that renders HTML (so that the page's listeners and effects stay unattached),
/// without hydration: the app replaces this page, it does not take it over.
fn server_owner() -> Owner {
    Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new_islands())))
}

/// One page: the app's header and workspace in `lang`, drawn for `frames`.
fn render(dataset: &Arc<Dataset>, lang: Lang, frames: PosterFrames) -> String {
    let ds = dataset.clone();
    server_owner().with(move || {
        let state = AppState::new();
        state.lang.set(lang);
        provide_context(state);
        provide_context(frames);
        let first_tour = ds.tours.first().map(|t| t.id.clone());
        view! {
            <div class="app">
                <Header failed=Signal::stored(false) pending=Signal::stored(false) first_tour=Signal::stored(first_tour) />
                <Workspace dataset=ds />
            </div>
        }
        .to_html()
    })
}

/// Every item as text (dates, title, kind, status, places), for a reader without scripts
/// and for crawlers: the list view's table.
fn render_items(dataset: &Arc<Dataset>, lang: Lang) -> String {
    let ds = dataset.clone();
    server_owner().with(move || {
        let state = AppState::new();
        state.lang.set(lang);
        provide_context(state);
        view! { <ListView dataset=ds paged=false /> }.to_html()
    })
}

/// The parts of the plane the pages show: each pane of the default view in each layout,
/// with a margin (what is cut off there runs outside the panes, unseen); windows that
/// overlap (one region's panes in each layout) are taken as one.
fn shown_plane(scene: &MapScene) -> Vec<Bounds> {
    let windows: Vec<Bounds> = LAYOUTS
        .iter()
        .flat_map(|l| scene.panes(crate::geo::scene::shown_view(MapView::Both, l.frames.map), l.frames.map))
        .map(|p| {
            let (a, b) = (
                p.transform.invert((p.rect.x, p.rect.y)),
                p.transform.invert((p.rect.x + p.rect.w, p.rect.y + p.rect.h)),
            );
            let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
            Bounds {
                x0: a.0.min(b.0) - w * 0.05,
                y0: a.1.min(b.1) - h * 0.05,
                x1: a.0.max(b.0) + w * 0.05,
                y1: a.1.max(b.1) + h * 0.05,
            }
        })
        .collect();
    let mut merged: Vec<Bounds> = Vec::new();
    for w in windows {
        let (meeting, apart): (Vec<Bounds>, Vec<Bounds>) = merged.into_iter().partition(|m| m.meets(&w));
        merged = apart;
        merged.push(meeting.into_iter().fold(w, Bounds::union));
    }
    merged
}

/// The inline script that runs first in `<head>`, before anything is painted: it sets the
/// page's language as the app will choose it (`?lang=`, else the browser's languages, else
/// French) and says whether the URL asks for another state than the first screen's, in
/// which case the pre-rendered page is not shown (the app draws that state itself) and
/// goes once the page is read. Otherwise it asks at once for the reader's page, the one of
/// that language for the window's layout (the stylesheet's media queries), and puts it in
/// the frame once the document is read (`window.passerellePage`, settled then, or when it
/// could not come: the app then draws the first screen itself). It also keeps a press on the
/// pre-rendered page for the app to replay once it is there.
pub fn head_script() -> String {
    let codes: Vec<String> =
        Lang::ALL.iter().map(|&l| format!("{}:'{}'", l.code(), crate::i18n::html_lang(l))).collect();
    let state_params: Vec<String> = crate::model::url_state::STATE_PARAMS.iter().map(|p| format!("'{p}'")).collect();
    let layouts: Vec<String> = LAYOUTS.iter().map(|l| format!("['{}','{}']", l.name, l.media)).collect();
    // The reader's page's name, its language and layout the script's `l` and `y`.
    let page = markup::Poster::page_file("'+l+'", "'+y+'", PAGES_HASH);
    format!(
        "(function(){{var d=document.documentElement,q=new URLSearchParams(location.search),L={{{codes}}},l=q.get('lang');\
if(!L.hasOwnProperty(l)){{l='fr';var n=navigator.languages||[navigator.language];\
for(var i=0;i<n.length;i++){{var p=String(n[i]||'').toLowerCase().split(/[-_]/)[0];if(L.hasOwnProperty(p)){{l=p;break}}}}}}\
d.lang=L[l];d.setAttribute('data-lang',l);d.classList.add('js');\
var s=[{params}];for(var j=0;j<s.length;j++)if(q.has(s[j]))d.classList.add('no-poster');\
var Y=[{layouts}],y=null,P=null;for(var k=0;k<Y.length;k++)if(matchMedia(Y[k][1]).matches){{y=Y[k][0];break}}\
if(y&&!d.classList.contains('no-poster'))P=fetch('./{PAGES_DIR}/{page}').then(function(r){{if(!r.ok)throw r.status;return r.text()}})\
.then(function(h){{return new Promise(function(go){{function put(){{if(document.readyState==='loading')return;document.removeEventListener('readystatechange',put);\
var f=document.getElementById('poster');if(f){{f.insertAdjacentHTML('beforeend',h);\
var e=f.querySelectorAll('[{style}]');for(var i=0;i<e.length;i++)e[i].style.cssText=e[i].getAttribute('{style}')}}go()}}document.addEventListener('readystatechange',put);put()}})}})\
.catch(function(){{}});window.passerellePage=P||Promise.resolve();\
document.addEventListener('DOMContentLoaded',function(){{var p=document.getElementById('poster');\
if(p)d.classList.contains('no-poster')?p.remove():p.removeAttribute('inert')}});\
document.addEventListener('click',function(e){{var t=e.target,p=t&&t.closest&&t.closest('#poster');if(!p)return;\
e.preventDefault();e.stopPropagation();window.passerelleEarly=t.closest('button,summary,input,a,[tabindex]')}},true)}})();",
        codes = codes.join(","),
        params = state_params.join(","),
        layouts = layouts.join(","),
        style = markup::STYLE_ATTRIBUTE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::shipped;

    /// The live app behind the page starts on the page's drawing of the base map (the
    /// shipped file is fetched after its first drawing): read back from the page as the app
    /// reads it, it must fit every view exactly as the shipped map does, or the app's first
    /// drawing would not be the page's.
    #[test]
    fn the_pages_base_map_fits_the_views_as_the_shipped_one() {
        use crate::geo::projection::ArcDetail;
        use crate::geo::scene::ARC_STEP_DEG;
        use crate::geo::svg::{layer_of_class, read_bounds_attr};
        let ds = shipped();
        let html = write(&ds).remove(0).1;
        let group = &html[html.find(&format!(r#"<g id="{BASE_ID}""#)).expect("the page's base map")..];
        let group = &group[..group.find("</g>").expect("its end")];
        let drawn: Vec<BasePath> = group
            .split("<path ")
            .skip(1)
            .map(|p| {
                let p = format!(" {p}");
                let attr = |name: &str| {
                    let v = p.split(&format!(r#" {name}=""#)).nth(1)?;
                    Some(v[..v.find('"')?].to_owned())
                };
                let layer = layer_of_class(&attr("class").expect("a class")).expect("a layer");
                let bounds = attr("data-bounds").map(|b| read_bounds_attr(&b).expect("bounds"));
                BasePath::drawn(attr("data-shape").expect("an id"), layer, attr("d").expect("a path"), bounds)
            })
            .collect();
        let regions = drawn.iter().filter(|b| b.bounds.is_some()).count();
        assert_eq!(regions, 4, "Auvergne-Rhône-Alpes, Hebei, Beijing, Tianjin say their bounds");
        let proj = Projection::eurasia();
        let shipped = MapScene::build(&ds, BaseMap::shipped(), &proj);
        let on_page = MapScene::build_on(&ds, drawn, &proj, ArcDetail::every(ARC_STEP_DEG));
        assert!(on_page.base_wanting() && !shipped.base_wanting());
        for view in [MapView::Both, MapView::Overview, MapView::France, MapView::China] {
            for vp in LAYOUTS.iter().map(|l| l.frames.map).chain([Viewport { width: 2560.0, height: 700.0 }]) {
                assert_eq!(on_page.panes(view, vp), shipped.panes(view, vp), "{view:?} at {vp:?}");
            }
        }
        assert_eq!(on_page.with_base(shipped.base.clone()), shipped);
    }

    /// Every page once, each a file of its own under the name the page's script asks for,
    /// and none in the page every reader fetches.
    #[test]
    fn each_page_is_a_file_of_its_own_named_as_the_script_asks() {
        let ds = shipped();
        let files = write(&ds);
        let frame = &files[0].1;
        assert!(!frame.contains(r#"<div class="poster__page""#));
        let script = head_script();
        assert!(script.contains(&format!("fetch('./{PAGES_DIR}/'+l+'-'+y+'-{PAGES_HASH}.html')")), "{script}");
        // Its positions set by the script once it is in (a style in markup the policy refuses).
        assert!(script.contains("e[i].style.cssText=e[i].getAttribute('data-style')"), "{script}");
        for lang in Lang::ALL {
            for layout in LAYOUTS {
                // The script knows the layout by its stylesheet's media query.
                assert!(script.contains(&format!("['{}','{}']", layout.name, layout.media)));
                let name = format!("{PAGES_DIR}/{}-{}-{PAGES_HASH}.html", lang.code(), layout.name);
                let page = &files.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name}")).1;
                let head =
                    format!(r#"<div class="poster__page" data-lang="{}" data-layout="{}" "#, lang.code(), layout.name);
                assert!(page.starts_with(&head), "{name}");
                assert_eq!(page.matches(r#"<div class="poster__page""#).count(), 1, "{name}");
            }
        }
        assert_eq!(files.iter().filter(|(n, _)| n.starts_with(PAGES_DIR)).count(), Lang::ALL.len() * LAYOUTS.len());
    }

    #[test]
    fn the_text_for_readers_without_scripts_lists_every_item_of_a_long_dataset() {
        let mut ds = shipped();
        let model = ds.items[0].clone();
        for n in 0..250 {
            ds.items.push(crate::model::Item { id: format!("copy-{n}"), ..model.clone() });
        }
        let total = ds.items.len();
        assert!(total > crate::model::list::PAGE_ROWS * 2);
        let html = render_items(&Arc::new(ds), Lang::En);
        // Every item, not the app's first page of rows, and no pager to press.
        assert_eq!(html.matches("data-row=").count(), total);
        assert!(!html.contains("list__pager"));
    }
}
