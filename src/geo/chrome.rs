//! What stands over the map, as markup in one language: the menu's button (a phone's
//! frame), the views and the zoom, the boxes (the legend, the sites as a list, what the map
//! cannot show) and the base map's credit. Written in one step, its buttons read by one
//! listener, and what changes with the state (which view is pressed, which is hidden, the
//! menu open, the site selected) set in place by the map's chrome: a fraction of the code of
//! a typed view per element (issue 25).

use std::sync::Arc;

use crate::geo::basemap::CREDIT;
use crate::geo::scene::{MapView, shown_view};
use crate::geo::svg::legend_markup;
use crate::geo::view::Viewport;
use crate::i18n::markup::{Markup, true_false};
use crate::i18n::{Msg, count, tr, trf};
use crate::model::{Dataset, Lang, Side, SiteKind};

/// The view buttons, in their order, with their labels.
pub const VIEW_BUTTONS: [(MapView, Msg); 4] = [
    (MapView::Overview, Msg::Overview),
    (MapView::France, Msg::ViewFrance),
    (MapView::China, Msg::ViewChina),
    (MapView::Both, Msg::SideBySide),
];

/// The labels of the view buttons shown on a frame of this size, in their order (a view's
/// button is hidden where that view is not drawn: the two regions side by side on a frame
/// too small to split).
pub fn shown_view_labels(vp: Viewport, lang: Lang) -> Vec<String> {
    VIEW_BUTTONS.iter().filter(|(v, _)| !view_hidden(*v, vp)).map(|(_, m)| m.text(lang).to_owned()).collect()
}

/// Whether a view's button is hidden on a frame of this size.
pub fn view_hidden(v: MapView, vp: Viewport) -> bool {
    shown_view(v, vp) != v
}

/// The base map's credit, as the map's corner says it.
pub fn credit_text(lang: Lang) -> String {
    trf(lang, Msg::BaseMap, &[CREDIT])
}

/// What the boxes over the map hold: the kinds of site the legend shows, and the items with
/// neither a place nor a link (`geo::scene::off_map_items`).
pub struct ChromeContent {
    pub dataset: Arc<Dataset>,
    pub kinds: Vec<SiteKind>,
    pub off_map: Vec<String>,
}

/// What the chrome shows of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct ChromeLooks {
    /// The frame's size: a view it cannot show has its button hidden.
    pub size: Viewport,
    /// The view drawn.
    pub view: MapView,
    /// A phone's frame: the controls fold into one menu.
    pub compact: bool,
    pub menu_open: bool,
    /// The legend's box starts open (a large window).
    pub legend_open: bool,
    /// The sites' list is written (in bulk it is written when first opened).
    pub sites_listed: bool,
    pub selected_site: Option<String>,
}

/// The title of the box of what the map cannot show.
pub fn off_map_title(lang: Lang, n: usize) -> String {
    count(lang, n, Msg::OffMapOne, Msg::OffMapMany)
}

/// The chrome's markup, in its looks.
pub fn chrome_markup(content: &ChromeContent, lang: Lang, looks: &ChromeLooks) -> String {
    let mut m = Markup(String::new());
    m.raw(r#"<button type="button" class="map-menu-toggle" id="map-menu-toggle" data-testid="map-menu""#);
    if !looks.compact {
        m.raw(" hidden");
    }
    m.raw(r#" aria-expanded=""#).raw(true_false(looks.menu_open));
    m.raw(r#"" aria-controls="map-menu-panel" aria-label=""#).text(tr(lang, Msg::MapMenu));
    m.raw(r#""><svg viewBox="0 0 20 20" aria-hidden="true"><path d="M4 6h12M4 10h12M4 14h12"></path></svg></button>"#);
    m.raw(r#"<div class="map-chrome__panel" id="map-menu-panel"><div class="map-toolbar">"#);
    m.raw(r#"<div class="map-views" role="group" aria-label=""#).text(tr(lang, Msg::MapViews)).raw(r#"">"#);
    for (v, label) in VIEW_BUTTONS {
        m.raw(r#"<button type="button" class="map-views__button" data-view=""#).raw(&v.slug());
        m.raw(r#"" aria-pressed=""#).raw(true_false(looks.view == v)).raw("\"");
        if view_hidden(v, looks.size) {
            m.raw(" hidden");
        }
        m.raw(">").text(tr(lang, label)).raw("</button>");
    }
    m.raw(r#"</div><div class="map-zoom" role="group" aria-label=""#).text(tr(lang, Msg::Zoom)).raw(r#"">"#);
    for (slug, sign, label) in [("in", "+", Msg::ZoomIn), ("out", "−", Msg::ZoomOut), ("reset", "⟲", Msg::ResetView)]
    {
        m.raw(r#"<button type="button" data-testid="zoom-"#).raw(slug).raw(r#"" data-zoom=""#).raw(slug);
        m.raw(r#"" aria-label=""#).text(tr(lang, label)).raw(r#"">"#).raw(sign).raw("</button>");
    }
    m.raw(r#"</div></div><div class="map-extras"><details class="map-box legend-box""#);
    if looks.legend_open {
        m.raw(" open");
    }
    m.raw("><summary>").text(tr(lang, Msg::Legend)).raw(r#"</summary><div class="legend" aria-label=""#);
    m.text(tr(lang, Msg::Legend)).raw(r#"" role="group">"#).raw(&legend_markup(&content.kinds, lang));
    m.raw(r#"</div></details><details class="map-box site-lists"><summary>"#).text(tr(lang, Msg::SitesAsList));
    m.raw(r#"</summary><div class="site-groups">"#);
    if looks.sites_listed {
        m.raw(&site_lists_markup(&content.dataset, lang, looks.selected_site.as_deref()));
    }
    m.raw("</div></details>");
    if !content.off_map.is_empty() {
        m.raw(r#"<details class="map-box off-map" data-testid="off-map"><summary>"#);
        m.text(&off_map_title(lang, content.off_map.len())).raw(r#"</summary><p class="off-map__why">"#);
        m.text(tr(lang, Msg::OffMapWhy)).raw(r#"</p><ul class="site-list">"#);
        for item in content.off_map.iter().filter_map(|id| content.dataset.item(id)) {
            m.raw(r#"<li><button type="button" class="site-entry" data-off-map=""#).text(&item.id).raw(r#"">"#);
            m.text(item.title.get(lang)).raw("</button></li>");
        }
        m.raw("</ul></details>");
    }
    m.raw(r#"</div></div><p class="map-credit" data-testid="map-credit"><span class="map-credit__long">"#);
    m.text(&credit_text(lang));
    m.raw(r#"</span><span class="map-credit__short" aria-hidden="true">© Natural Earth</span></p>"#);
    m.0
}

/// The sites as a list, by side, each entry pressed while its site is selected.
pub fn site_lists_markup(ds: &Dataset, lang: Lang, selected: Option<&str>) -> String {
    let mut m = Markup(String::new());
    for (side, label) in [(Side::France, Msg::ViewFrance), (Side::China, Msg::ViewChina), (Side::Other, Msg::Elsewhere)]
    {
        m.raw(r#"<div class="site-group"><h4>"#).text(tr(lang, label)).raw(r#"</h4><ul class="site-list">"#);
        for s in ds.sites.iter().filter(|s| s.side == side) {
            m.raw(r#"<li><button type="button" class="site-entry" data-site-entry=""#).text(&s.id);
            m.raw(r#"" aria-pressed=""#).raw(true_false(selected == Some(s.id.as_str()))).raw(r#"">"#);
            m.text(s.name.get(lang)).raw("</button></li>");
        }
        m.raw("</ul></div>");
    }
    m.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn looks() -> ChromeLooks {
        ChromeLooks {
            size: Viewport { width: 908.0, height: 348.0 },
            view: MapView::Both,
            compact: false,
            menu_open: false,
            legend_open: false,
            sites_listed: true,
            selected_site: Some("lyon".into()),
        }
    }

    #[test]
    fn the_views_say_which_is_pressed_and_hide_what_the_frame_cannot_show() {
        let content =
            ChromeContent { dataset: Arc::new(crate::model::shipped()), kinds: vec![SiteKind::City], off_map: vec![] };
        let wide = chrome_markup(&content, Lang::En, &looks());
        assert!(wide.contains(r#"data-view="both" aria-pressed="true">Side by side<"#), "{wide}");
        assert!(wide.contains(r#"data-view="overview" aria-pressed="false">"#));
        assert!(wide.contains(r#"data-testid="map-menu" hidden aria-expanded="false""#));
        let phone = ChromeLooks {
            size: Viewport { width: 150.0, height: 120.0 },
            view: MapView::Overview,
            compact: true,
            menu_open: true,
            ..looks()
        };
        let small = chrome_markup(&content, Lang::En, &phone);
        assert!(small.contains(r#"data-view="both" aria-pressed="false" hidden>"#), "{small}");
        assert!(small.contains(r#"data-testid="map-menu" aria-expanded="true""#));
        assert_eq!(shown_view_labels(phone.size, Lang::En).len(), 3);
    }

    #[test]
    fn the_lists_name_each_site_once_and_press_the_selected_one() {
        let ds = crate::model::shipped();
        let lists = site_lists_markup(&ds, Lang::Fr, Some("lyon"));
        for s in &ds.sites {
            let entry = format!(r#"data-site-entry="{}""#, s.id);
            assert_eq!(lists.matches(&entry).count(), 1, "{}", s.id);
        }
        assert_eq!(lists.matches(r#"aria-pressed="true""#).count(), 1);
        assert!(lists.contains(r#"data-site-entry="lyon" aria-pressed="true">Lyon<"#), "{lists}");
    }

    #[test]
    fn the_boxes_hold_the_legend_the_off_map_items_and_the_credit_escaped() {
        let ds = Arc::new(crate::model::shipped());
        let off_map: Vec<String> = ds.items.iter().take(2).map(|i| i.id.clone()).collect();
        let content =
            ChromeContent { dataset: ds, kinds: vec![SiteKind::City, SiteKind::SkiResort], off_map: off_map.clone() };
        let open = ChromeLooks { legend_open: true, sites_listed: false, ..looks() };
        let html = chrome_markup(&content, Lang::Fr, &open);
        assert!(html.contains(r#"<details class="map-box legend-box" open>"#));
        assert!(html.contains(&legend_markup(&content.kinds, Lang::Fr)));
        assert!(html.contains(r#"<div class="site-groups"></div>"#), "not listed: empty");
        assert!(html.contains(&format!(r#"data-off-map="{}">"#, off_map[1])));
        assert!(html.contains(&off_map_title(Lang::Fr, 2)));
        assert!(html.contains("Natural Earth"));
        // Every element opened is closed.
        for tag in ["div", "details", "ul", "li", "button", "p", "span", "svg"] {
            let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "{tag}");
        }
    }
}
