//! The map's drawings as markup: the world (base map, and the links of a few marks, in
//! projected units under each pane's transform) and the sites over it (in screen pixels,
//! laid out for each window). Their markup is the pure `geo::svg`; [`super::marks`] puts it
//! in the page and keeps the marks' looks. With many sites, placing them takes longer than
//! a frame: each pane's drawn sites are moved as a whole at once (to the pane that shows
//! them, in a new view of another number of panes), and placed again once a gesture
//! pauses (or right after the frame of a button's or a key's step, or a new view's).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::MapCtx;
use crate::components::WholeBaseMap;
use crate::geo::camera::Placement;
use crate::geo::scene::{shipped_base_paths, site_marks_placed};
use crate::geo::svg::{Emphasis, base_group, bulk_labels_markup, overlay_markup, panes_markup};

/// What the drawings hold.
#[derive(Clone, Copy)]
pub struct Layers {
    pub world_html: Memo<Arc<str>>,
    pub sites_html: Memo<Arc<str>>,
    /// The view and windows the sites were last placed (and the bulk layers rastered) for.
    pub drawn_at: RwSignal<Placement>,
}

/// The markup of the two drawings, for the windows of the camera.
pub fn markup(ctx: MapCtx) -> Layers {
    let MapCtx { state, scene, view, camera, style, large, ready, keep_out, .. } = ctx;
    // The base map's markup, written once (not at each new view or window): the shipped
    // one, or, for a scene built on the pre-rendered page's drawing of it (cut to what the
    // page shows), that drawing until the shipped one has come, then the shipped one whole.
    let whole = use_context::<WholeBaseMap>().map(|w| w.0);
    let base_html = Memo::new(move |_| -> Arc<str> {
        let arrived = whole.is_some_and(|w| w.get());
        scene
            .with_value(|s| match arrived && s.base_wanting() {
                true => base_group(shipped_base_paths()),
                false => base_group(&s.base),
            })
            .into()
    });
    // Nothing is drawn until the frame is measured: then once, for its real size.
    let world_html = Memo::new(move |_| -> Arc<str> {
        if ready.get() {
            let base = base_html.get();
            scene
                .with_value(|s| panes_markup(s, &base, view.get(), &camera.panes.get(), state.lang.get(), large))
                .into()
        } else {
            Arc::from("")
        }
    });

    // The view and windows the sites are placed (and the bulk layers rastered) for: while
    // a gesture, a step or a new view changes the windows of a large dataset, where they
    // last paused (what was drawn is moved as a whole meanwhile, `carried` to the panes that
    // show it: a new view's first frame copies the old layers rather than rastering them);
    // else the current ones at once. As the camera's: none in the browser until its first
    // windows (the frame measured), then those at once, so that the first drawing is placed
    // and rastered once, for them.
    let placement = move || camera.current().map(|panes| Placement { view: view.get_untracked(), panes });
    let drawn_at = RwSignal::new(placement().unwrap_or_default());
    let settle = StoredValue::new(0u32);
    crate::dom::effect(move || {
        camera.transforms.track();
        // Not while the camera has not yet its windows for a new view's panes: it sets
        // them next, and this runs again.
        let Some(now) = placement() else { return };
        if !large || drawn_at.with_untracked(|at| at.panes.is_empty()) {
            drawn_at.set(now);
            return;
        }
        settle.update_value(|n| *n += 1);
        let mine = settle.get_value();
        let place = move || {
            if settle.try_get_value() == Some(mine)
                && let Some(now) = placement()
            {
                drawn_at.set(now);
            }
        };
        if camera.gesture.get_value() {
            // More moves are coming: placed once they pause.
            set_timeout(place, Duration::from_millis(150));
        } else {
            // A step or a new view: placed right after the frame that shows it moved.
            request_animation_frame(move || set_timeout(place, Duration::ZERO));
        }
    });

    // Behind the pre-rendered page, where the first drawing is not seen until both layers
    // are drawn, the sites come a task after the world: in one task they were the longest
    // of the app's drawing on a phone (66-83 ms at 4x CPU). Without that page both come at
    // once, so that the map is never seen without its sites.
    // (Natively, where the pre-rendered page is written, nothing is drawn a task later.)
    let world_drawn = RwSignal::new(cfg!(not(target_arch = "wasm32")) || !crate::dom::poster_shown());
    if !world_drawn.get_untracked() {
        crate::dom::effect(move || {
            if !world_drawn.get_untracked() && world_html.with(|w| !w.is_empty()) {
                leptos::task::spawn_local(async move {
                    crate::dom::next_task().await;
                    let _ = world_drawn.try_set(true);
                });
            }
        });
    }

    // Placed again when the windows they are placed for change (`drawn_at`, which follows
    // every change of view, frame or window), not also on the view or frame change just
    // before: that placed the sites twice, once for the old windows.
    let sites_html = Memo::new(move |_| -> Arc<str> {
        // Nothing until the frame is measured and the camera has its windows for it.
        let Placement { view: v, panes } = drawn_at.get();
        if !ready.get_untracked() || panes.is_empty() || !world_drawn.get() {
            return Arc::from("");
        }
        let (lang, style, keep_out) = (state.lang.get(), style.get(), keep_out.get());
        scene
            .with_value(|scene| {
                let by_pane: Vec<Vec<_>> =
                    panes.iter().map(|p| site_marks_placed(scene, v, p, lang, style, !large, &keep_out)).collect();
                if large {
                    // The markers are on the canvas; the labels stay text.
                    bulk_labels_markup(&by_pane)
                } else {
                    overlay_markup(scene, v, &by_pane, style, &Emphasis::default(), lang)
                }
            })
            .into()
    });
    Layers { world_html, sites_html, drawn_at }
}
