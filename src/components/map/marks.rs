//! What the marks show of the state, set in place on the drawn elements after each redraw
//! (so that hovering, selecting or moving the cursor never rebuilds a layer under the
//! keyboard focus): highlight and selection, the filter (hidden) and the time cursor
//! (faded); and the keyboard focus given back to its site when a redraw replaced it.

use crate::collections::{HashMap, HashSet};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MapCtx;
use super::layers::Layers;
use crate::dom::{attr, for_each, set_class};
use crate::geo::interaction::site_look;
use crate::geo::svg::Emphasis;
use crate::model::time::not_begun;

pub fn decorate(
    ctx: MapCtx,
    layers: Layers,
    emphasis: Memo<Emphasis>,
    shown: Memo<(bool, HashSet<String>)>,
    start_of_item: StoredValue<HashMap<String, Option<i64>>>,
    focused_site: StoredValue<Option<String>>,
) {
    let MapCtx { state, scene, large, .. } = ctx;
    let redrawn = move || {
        layers.world_html.track();
        layers.sites_html.track();
    };
    Effect::new(move |_| {
        redrawn();
        let e = emphasis.get();
        let (Some(world), Some(overlay)) = (ctx.world.get(), ctx.overlay.get()) else { return };
        if let Some(f) = ctx.frame.get() {
            let f: &web_sys::Element = f.as_ref();
            set_class(f, "has-highlight", !e.items.is_empty() || !e.sites.is_empty());
        }
        for svg in [&world, &overlay] {
            for_each(svg, ".link[data-item]", |el| {
                let id = attr(el, "data-item");
                set_class(el, "is-highlighted", e.items.contains(&id));
                set_class(el, "is-selected", e.selected_item.as_deref() == Some(id.as_str()));
            });
        }
        if !large {
            for_each(&overlay, "[data-site]", |el| {
                let id = attr(el, "data-site");
                set_class(el, "is-highlighted", e.sites.contains(&id));
                set_class(el, "is-selected", e.selected_site.as_deref() == Some(id.as_str()));
            });
        }
        let lost = document().active_element().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
        if let (true, Some(id)) = (lost, focused_site.get_value())
            && let Ok(Some(el)) = overlay.query_selector(&format!(r#"[data-site="{}"]"#, id.replace('"', "")))
            && let Ok(el) = el.dyn_into::<web_sys::SvgElement>()
        {
            let _ = el.focus();
        }
    });

    // The filter hides what it leaves out; the time cursor fades what has not begun yet.
    Effect::new(move |_| {
        redrawn();
        let cursor = state.cursor.get();
        let (filtering, shown) = shown.get();
        let future = |id: &str| start_of_item.with_value(|s| not_begun(s.get(id).copied().flatten(), cursor));
        let (Some(world), Some(overlay)) = (ctx.world.get(), ctx.overlay.get()) else { return };
        for svg in [&world, &overlay] {
            for_each(svg, ".link[data-item]", |el| {
                let id = attr(el, "data-item");
                set_class(el, "is-filtered-out", !shown.contains(&id));
                set_class(el, "is-future", future(&id));
            });
        }
        if large {
            // Bulk: the filtered out are not drawn; markers come in groups by the month
            // they begin.
            for_each(&overlay, ".sites-bulk [data-start]", |el| {
                let start: i64 = attr(el, "data-start").parse().unwrap_or(i64::MIN);
                set_class(el, "is-future", not_begun(Some(start), cursor));
            });
            return;
        }
        // A site and the second line of its label, alike.
        scene.with_value(|scene| {
            for_each(&overlay, "[data-site], [data-sub-of]", |el| {
                let id = el.get_attribute("data-site").unwrap_or_else(|| attr(el, "data-sub-of"));
                let here = scene.site(&id).map(|s| s.items.as_slice()).unwrap_or_default();
                let look = site_look(here, &shown, filtering, future);
                set_class(el, "is-filtered-out", look.filtered_out);
                set_class(el, "is-future", look.future);
            });
        });
    });
}
