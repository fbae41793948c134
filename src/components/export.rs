//! What a reader takes away, in the Share dialog: the page printed as a handout (or a tour,
//! a step a page, with or without the speaker's notes), the map as an SVG file or a PNG
//! for slides, and the shown items as a CSV table. All of it made in the browser.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::components::t;
use crate::dom::{download_blob, download_text, today, with_computed_look};
use crate::geo::scene::{ARC_STEP_DEG, MapScene, shipped_base_paths, shown_view};
use crate::geo::svg::{Emphasis, FileFrame, Framing, map_file};
use crate::geo::{ArcDetail, Projection, Viewport};
use crate::i18n::{Msg, tr, trf, view_name};
use crate::model::export::{base64, by_date, file_name, items_csv};
use crate::model::{Dataset, Lang, SiteKind};
use crate::state::AppState;

/// The loaded dataset, for what is made outside the workspace (the Share dialog).
#[derive(Clone, Copy)]
pub struct LoadedDataset(pub Signal<Option<Arc<Dataset>>>);

/// The map's width in an exported file; the PNG is twice as large.
const EXPORT_WIDTH: f64 = 1200.0;

/// The exported map's size: the on-screen map's shape at [`EXPORT_WIDTH`], so that the file
/// frames what the reader sees (16:9 when there is no map on screen).
fn export_viewport() -> Viewport {
    let shape = document()
        .query_selector(".map-frame")
        .ok()
        .flatten()
        .map(|e| e.get_bounding_client_rect())
        .filter(|r| r.width() > 1.0 && r.height() > 1.0)
        .map_or(9.0 / 16.0, |r| r.height() / r.width());
    Viewport { width: EXPORT_WIDTH, height: (EXPORT_WIDTH * shape.clamp(0.25, 2.0)).round() }
}

/// The map as the reader sees it (its view, zoom, filters and selection) as a
/// self-contained SVG file.
fn current_map_file(state: AppState, ds: &Dataset) -> (String, crate::model::ui::MapView) {
    // Over the shipped base map as the live map and the handout have it projected (once).
    let mut scene =
        MapScene::build_on(ds, shipped_base_paths().to_vec(), &Projection::eurasia(), ArcDetail::every(ARC_STEP_DEG));
    if state.filter.with_untracked(|f| !f.is_empty()) {
        scene = scene.showing(&ds.item_ids(&state.filter.with_untracked(|f| f.positions(ds))));
    }
    let lang = state.lang.get_untracked();
    let vp = export_viewport();
    let view = shown_view(state.map_view.get_untracked(), vp);
    let emphasis = Emphasis {
        selected_item: state.selection.with_untracked(|s| s.item().map(str::to_owned)),
        selected_site: state.selection.with_untracked(|s| s.site().map(str::to_owned)),
        ..Emphasis::default()
    };
    let site_kinds: Vec<(SiteKind, &str)> =
        SiteKind::each_once(scene.sites.iter().map(|s| s.kind)).into_iter().map(|k| (k, k.label(lang))).collect();
    let title = format!("Passerelle — {}", view_name(lang, view));
    let credit = trf(lang, Msg::BaseMap, &[crate::geo::basemap::CREDIT]);
    let frame = FileFrame {
        title: &title,
        site_kinds: &site_kinds,
        lines: [
            tr(lang, Msg::SignedOrDone),
            tr(lang, Msg::PlannedLine),
            tr(lang, Msg::ProposedRoute),
            tr(lang, Msg::PartySeats),
        ],
        credit: &credit,
    };
    let framing = Framing { view, vp, zoom: state.map_zoom.get_untracked() };
    (with_computed_look(&map_file(&scene, framing, lang, &emphasis, &frame)), view)
}

/// Draws the SVG file at twice its size on a canvas and offers it as a PNG.
fn download_png(svg: String, name: String) {
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let source = img.clone();
    let onload = Closure::once_into_js(move || {
        let (w, h) = (source.natural_width() * 2, source.natural_height() * 2);
        let Ok(canvas) = document().create_element("canvas").map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
        else {
            return;
        };
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&source, 0.0, 0.0, f64::from(w), f64::from(h));
        let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                download_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes())));
}

use crate::components::print_page as print;

#[component]
pub fn ExportActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = use_context::<LoadedDataset>().map(|d| d.0);
    let with_data = move |f: &dyn Fn(&Dataset)| {
        if let Some(ds) = data.and_then(|d| d.get_untracked()) {
            f(&ds);
        }
    };
    // The map's files draw the shipped base map: behind the pre-rendered page it comes
    // after the app's first drawing (if it cannot be fetched, the file is drawn without it).
    let with_base_map = move |f: fn(AppState, &Dataset)| {
        leptos::task::spawn_local(async move {
            let _ = crate::loader::whole_basemap().await;
            with_data(&|ds| f(state, ds));
        });
    };
    let svg = move |_| {
        with_base_map(|state, ds| {
            let (file, view) = current_map_file(state, ds);
            download_text(&file_name(Some(view), state.lang.get_untracked(), &today(), "svg"), "image/svg+xml", &file);
        })
    };
    let png = move |_| {
        with_base_map(|state, ds| {
            let (file, view) = current_map_file(state, ds);
            download_png(file, file_name(Some(view), state.lang.get_untracked(), &today(), "png"));
        })
    };
    let csv = move |all: bool| {
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            let langs = if all { Lang::ALL.to_vec() } else { vec![lang] };
            let Some(ds) = data.and_then(|d| d.get_untracked()) else { return };
            // A reader's edition of the dataset holds one language: the others' texts are
            // fetched and filled in first (a failure leaves them in the reader's words).
            for &l in &langs {
                let _ = crate::loader::fill_language(&ds, l).await;
            }
            let positions = by_date(&ds, &state.filter.with_untracked(|f| f.positions(&ds)));
            download_text(
                &file_name(None, lang, &today(), "csv"),
                "text/csv;charset=utf-8",
                &items_csv(&ds, &positions, &langs),
            );
        });
    };
    let touring = move || state.mode.with(|m| m.step().is_some());
    let loaded = move || data.is_some_and(|d| d.with(Option::is_some));
    view! {
        <section class="export" aria-labelledby="export-title" hidden=move || !loaded()>
            <h3 id="export-title">{t(Msg::Export)}</h3>
            <div class="export__actions">
                <button type="button" class="pill" data-testid="export-print" on:click=move |_| print(state, false)>{t(Msg::PrintHandout)}</button>
                {move || touring().then(|| view! {
                    <button type="button" class="pill" data-testid="export-print-notes" on:click=move |_| print(state, true)>{t(Msg::PrintWithNotes)}</button>
                })}
                <button type="button" class="pill" data-testid="export-svg" on:click=svg>{t(Msg::MapAsSvg)}</button>
                <button type="button" class="pill" data-testid="export-png" on:click=png>{t(Msg::MapAsPng)}</button>
                <button type="button" class="pill" data-testid="export-csv" on:click=move |_| csv(false)>{t(Msg::ItemsAsCsv)}</button>
                <button type="button" class="pill" data-testid="export-csv-all" on:click=move |_| csv(true)>{t(Msg::ItemsAsCsvAll)}</button>
            </div>
        </section>
    }
}
