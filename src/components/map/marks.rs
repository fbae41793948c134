//! The one layer that puts the map's drawings in the page and keeps what each mark shows
//! (`geo::marks::Looks`, a pure function of the state). One effect owns the drawn
//! elements: it sets the markup when the geometry changes (then every mark's look, and the
//! keyboard focus back on its site), moves the windows, and otherwise switches the classes
//! of the marks whose look changed and nothing else. In bulk the marks are painted on the
//! canvas ([`super::canvas`]) by the same effect; the text labels are patched here alike.
//! Nothing depends on the order of effects: there is one.

use crate::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MapCtx;
use super::canvas::{BulkFrame, PaintsInBulk};
use super::layers::Layers;
use crate::dom::{attr, for_each, set_class};
use crate::geo::ViewTransform;
use crate::geo::camera::{Carry, carried};
use crate::geo::marks::{Look, Looks, MarkRef, changes};
use crate::geo::scene::MapScene;

/// The elements of the marks in the page, by the scene's order.
#[derive(Default)]
struct Drawn {
    world: Option<Arc<str>>,
    sites: Option<Arc<str>>,
    /// A site's elements (its marker group, its second label line, its bulk label).
    site_els: Vec<Vec<web_sys::Element>>,
    /// An item's link elements (the look of a link is its item's), by the item's number in
    /// `item_at` (a table by id to a list was a copy of the hash table's code of its own).
    item_els: Vec<Vec<web_sys::Element>>,
    item_at: HashMap<String, usize>,
    world_groups: Vec<web_sys::Element>,
    overlay_panes: Vec<web_sys::Element>,
    cross_links: Option<web_sys::Element>,
    /// The looks the elements show now.
    looks: Looks,
    highlight: Option<bool>,
    transforms: Vec<ViewTransform>,
    /// Where each pane of the placed sites is shown (`None`: nowhere, hidden).
    carried: Vec<Option<Carry>>,
    painter: Option<Box<dyn PaintsInBulk>>,
    first_drawn: bool,
}

impl Drawn {
    fn index(&mut self, scene: &MapScene, world: &web_sys::Element, overlay: &web_sys::Element) {
        self.site_els = vec![Vec::new(); scene.sites.len()];
        self.item_els.clear();
        self.item_at.clear();
        for_each(overlay, "[data-site], [data-sub-of], [data-label-of]", |el| {
            let id = ["data-site", "data-sub-of", "data-label-of"].iter().find_map(|a| el.get_attribute(a));
            if let Some(i) = id.and_then(|id| scene.site_index(&id)) {
                self.site_els[i].push(el.clone());
            }
        });
        for svg in [world, overlay] {
            for_each(svg, ".link[data-item]", |el| {
                let (at, els) = (&mut self.item_at, &mut self.item_els);
                let n = *at.entry(attr(el, "data-item")).or_insert_with(|| {
                    els.push(Vec::new());
                    els.len() - 1
                });
                els[n].push(el.clone());
            });
        }
        self.world_groups = all(world, ".world[data-pane]");
        self.overlay_panes = all(overlay, ".overlay-pane[data-pane]");
        self.cross_links = overlay.query_selector(".cross-links").ok().flatten();
        // New elements: every look and window is set again.
        self.looks = Looks::default();
        self.transforms.clear();
        self.carried.clear();
    }

    /// Switches the classes of the marks whose look changed.
    fn patch(&mut self, scene: &MapScene, looks: &Looks) {
        let fresh = self.looks.sites.len() != looks.sites.len();
        let mut touched_items = vec![false; self.item_els.len()];
        for (mark, was, now) in changes(&self.looks, looks) {
            // Fresh elements carry no look: each class is set, whatever it was.
            let was = if fresh {
                Look {
                    highlighted: !now.highlighted,
                    selected: !now.selected,
                    filtered_out: !now.filtered_out,
                    future: !now.future,
                }
            } else {
                was
            };
            let els: &[web_sys::Element] = match mark {
                MarkRef::Site(i) => &self.site_els[i],
                MarkRef::Link(i) => {
                    let Some(&n) = self.item_at.get(&scene.links[i].item) else { continue };
                    if std::mem::replace(&mut touched_items[n], true) {
                        continue;
                    }
                    &self.item_els[n]
                }
            };
            for el in els {
                for (class, on) in was.switches(now) {
                    set_class(el, class, on);
                }
            }
        }
        self.looks = looks.clone();
    }
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let mut v = Vec::new();
    for_each(root, selector, |el| v.push(el.clone()));
    v
}

/// Creates the layer's one effect.
pub fn apply(ctx: MapCtx, layers: Layers, looks: Memo<Looks>, focused_site: StoredValue<Option<String>>) {
    let MapCtx { scene, camera, large, .. } = ctx;
    // Bulk drawing's painter comes in a chunk of its own (fetched at once, while the first
    // drawing is made), held here until the layer takes it.
    let arrived = StoredValue::new_local(None::<Box<dyn PaintsInBulk>>);
    let painter_ready = RwSignal::new(false);
    if large {
        leptos::task::spawn_local(async move {
            match super::canvas::bulk_painter(ctx).await {
                Ok(p) => {
                    arrived.set_value(Some(p));
                    let _ = painter_ready.try_set(true);
                }
                Err(_) => web_sys::console::warn_1(
                    &"Passerelle: the map's bulk drawing could not be fetched (network?)".into(),
                ),
            }
        });
    }
    let mark_drawn = crate::components::drawn_marker(true);
    // What is drawn, kept by the one effect from one run to the next (a boxed effect with
    // state of its own, rather than `Effect::new`'s previous value: one copy of the
    // effect's task for every effect, issue 25).
    let mut drawn = Drawn::default();
    crate::dom::effect(move || {
        let (world_html, sites_html) = (layers.world_html.get(), layers.sites_html.get());
        let transforms = camera.transforms.get();
        camera.panes.track();
        // The current windows, and where the placed sites' panes are shown in them: one
        // decision for the labels and the painter (none until the camera has its windows
        // for a new view's panes: it sets them next, and this runs again).
        let settled = layers.drawn_at.get();
        let now = camera.current();
        let carried = now.as_ref().map(|now| carried(&settled.panes, now));
        let (Some(world), Some(overlay), Some(world_g), Some(overlay_g)) =
            (ctx.world.get(), ctx.overlay.get(), ctx.world_g.get(), ctx.overlay_g.get())
        else {
            return;
        };
        let (world, overlay): (web_sys::Element, web_sys::Element) = (world.into(), overlay.into());
        let new_world = drawn.world.as_ref().is_none_or(|w| !Arc::ptr_eq(w, &world_html));
        let new_sites = drawn.sites.as_ref().is_none_or(|s| !Arc::ptr_eq(s, &sites_html));
        if new_world {
            world_g.set_inner_html(&world_html);
            drawn.world = Some(world_html.clone());
        }
        if new_sites {
            overlay_g.set_inner_html(&sites_html);
            drawn.sites = Some(sites_html.clone());
        }
        if new_world || new_sites {
            scene.with_value(|s| drawn.index(s, &world, &overlay));
        }

        // The windows: the world groups under their transforms, each pane's placed sites
        // moved to the pane that shows them during a gesture or a new view's first frame
        // (the links between the panes step aside).
        if drawn.transforms != transforms {
            for (g, t) in drawn.world_groups.iter().zip(&transforms) {
                let _ = g.set_attribute("transform", &t.to_svg());
            }
        }
        if let Some(carried) = carried.as_ref().filter(|c| **c != drawn.carried) {
            for (g, c) in drawn.overlay_panes.iter().zip(carried) {
                let _ = match c.and_then(|c| c.delta) {
                    Some(d) => g.set_attribute("transform", &d.to_svg()),
                    None => g.remove_attribute("transform"),
                };
                let _ = match c {
                    Some(_) => g.remove_attribute("visibility"),
                    None => g.set_attribute("visibility", "hidden"),
                };
            }
            if let Some(cross) = &drawn.cross_links {
                let still = carried.iter().all(|c| c.is_some_and(|c| c.delta.is_none()));
                set_class(cross, "is-moving", !still);
            }
            drawn.carried = carried.clone();
        }

        // What each mark shows.
        looks.with(|looks| {
            if drawn.highlight != Some(looks.any_highlight)
                && let Some(f) = ctx.frame.get()
            {
                let f: &web_sys::Element = f.as_ref();
                set_class(f, "has-highlight", looks.any_highlight);
                drawn.highlight = Some(looks.any_highlight);
            }
            scene.with_value(|s| drawn.patch(s, looks));
            if large && !world_html.is_empty() {
                if painter_ready.get() && drawn.painter.is_none() {
                    drawn.painter = arrived.try_update_value(Option::take).flatten();
                }
                if let (Some(painter), Some(panes), Some(carried)) = (drawn.painter.as_mut(), &now, &carried)
                    && !settled.panes.is_empty()
                {
                    let (view, size, style) = (ctx.view.get(), ctx.size.get(), ctx.style.get());
                    scene.with_value(|scene| {
                        let settled = &settled;
                        painter.draw(&BulkFrame { scene, looks, view, size, panes, settled, carried, style })
                    });
                }
            }
        });
        drawn.transforms = transforms;

        // The site layer drawn anew, placed for new windows (in bulk, painted with it).
        if new_sites && !sites_html.is_empty() {
            crate::dom::mark("passerelle:sites-drawn");
        }
        // (In bulk, once the painter has painted.)
        let painted = !large || drawn.painter.is_some();
        if !drawn.first_drawn && !world_html.is_empty() && !sites_html.is_empty() && painted {
            drawn.first_drawn = true;
            let mark_drawn = mark_drawn.clone();
            // After this change's paint is committed: the frame's marks are on screen.
            request_animation_frame(mark_drawn);
        }
        // The keyboard focus was on a site the new markup replaced: back on its twin.
        let lost = document().active_element().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
        if new_sites
            && lost
            && let Some(id) = focused_site.get_value()
            && let Ok(Some(el)) = overlay.query_selector(&format!(r#"[data-site="{}"]"#, id.replace('"', "")))
            && let Ok(el) = el.dyn_into::<web_sys::SvgElement>()
        {
            let _ = el.focus();
        }
    });
}
