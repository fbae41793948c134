//! The map's camera in the URL: how far the reader moved a fitted window (zoom relative to
//! the fit, and the point of the plane at the window's centre), and back. The URL keeps a
//! few decimals, so the live window is snapped to what the URL says: a shared link then
//! opens exactly the window its sender saw.

use super::projection::Projection;
use super::scene::Pane;
use super::view::ViewTransform;
use crate::model::Dataset;
use crate::model::tour::Step;

pub use crate::model::ui::Zoom;

/// The centre of a pane, in screen pixels.
pub fn centre(p: &Pane) -> (f64, f64) {
    (p.rect.x + p.rect.w / 2.0, p.rect.y + p.rect.h / 2.0)
}

/// The zoom as the URL writes it: to 1/1000 of the fit, the centre to 0.1 unit.
pub fn rounded(z: Zoom) -> Zoom {
    Zoom { k: (z.k * 1000.0).round() / 1000.0, x: (z.x * 10.0).round() / 10.0, y: (z.y * 10.0).round() / 10.0 }
}

/// How far `now` is from the fitted `pane`, or `None` when it is (within a pixel) the fit.
/// Only one-pane views have a camera in the URL.
pub fn zoom_of(now: &[ViewTransform], fitted: &[Pane]) -> Option<Zoom> {
    let ([t], [p]) = (now, fitted) else { return None };
    let k = t.k / p.transform.k;
    let (cx, cy) = t.invert(centre(p));
    let (fx, fy) = p.transform.invert(centre(p));
    let moved = (k - 1.0).abs() > 1e-3 || (cx - fx).hypot(cy - fy) * t.k > 1.0;
    moved.then(|| rounded(Zoom { k, x: cx, y: cy }))
}

/// The window of `pane` at `zoom`.
pub fn window_at(pane: &Pane, z: Zoom) -> ViewTransform {
    let k = pane.transform.k * z.k;
    let (sx, sy) = centre(pane);
    ViewTransform { k, tx: sx - z.x * k, ty: sy - z.y * k }
}

/// A tour step's zoom on its place (the step's site, else its item's first site), when the
/// step asks for one.
pub fn step_zoom(ds: &Dataset, step: &Step) -> Option<Zoom> {
    let k = step.zoom?;
    let site = step
        .site
        .as_deref()
        .or_else(|| step.item.as_deref().and_then(|id| ds.item(id)?.sites.first().map(String::as_str)))?;
    let s = ds.site(site)?;
    let (x, y) = Projection::eurasia().project_lon_lat(s.lon, s.lat);
    Some(Zoom { k, x, y })
}

/// `now` snapped onto the URL's grid, if it is not on it already (one pane, moved).
pub fn snapped(now: &[ViewTransform], fitted: &[Pane]) -> Option<ViewTransform> {
    let z = zoom_of(now, fitted)?;
    let target = window_at(&fitted[0], z);
    let t = now[0];
    let off =
        (t.k - target.k).abs() > 1e-9 * target.k || (t.tx - target.tx).abs() > 1e-6 || (t.ty - target.ty).abs() > 1e-6;
    off.then_some(target)
}

/// The move that takes what was drawn for window `built` to window `now` (a drawing in
/// screen pixels, moved as a whole during a gesture), or `None` when they are the same.
pub fn delta(now: &ViewTransform, built: &ViewTransform) -> Option<ViewTransform> {
    (now != built).then(|| {
        let k = now.k / built.k;
        ViewTransform { k, tx: now.tx - built.tx * k, ty: now.ty - built.ty * k }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::labels::Rect;

    fn pane() -> Pane {
        Pane {
            rect: Rect { x: 0.0, y: 0.0, w: 800.0, h: 450.0 },
            transform: ViewTransform { k: 0.0734, tx: 612.3, ty: -88.1 },
            region: None,
        }
    }

    #[test]
    fn a_delta_moves_what_was_drawn_for_one_window_onto_another() {
        let built = pane().transform;
        let now = built.zoom_about(400.0, 200.0, 1.7, 0.0, 10.0).pan(-30.0, 12.0);
        let d = delta(&now, &built).expect("moved");
        for p in [(0.0, 0.0), (1234.5, -678.9)] {
            let (a, b) = (d.apply(built.apply(p)), now.apply(p));
            assert!((a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6);
        }
        assert_eq!(delta(&built, &built), None);
    }

    #[test]
    fn a_step_zooms_on_its_site_or_its_items_first_site() {
        let ds = crate::model::parse_dataset("cooperation.json", include_str!("../../public/data/cooperation.json"))
            .unwrap()
            .dataset;
        let item = ds.items.iter().find(|i| !i.sites.is_empty()).unwrap();
        let site = ds.site(&item.sites[0]).unwrap();
        let at = Projection::eurasia().project_lon_lat(site.lon, site.lat);
        let mut step = crate::model::tour::automatic(&ds)
            .into_iter()
            .find(|s| s.item.as_deref() == Some(item.id.as_str()))
            .unwrap();
        assert_eq!(step_zoom(&ds, &step), None, "no zoom asked");
        step.zoom = Some(3.0);
        assert_eq!(step_zoom(&ds, &step), Some(Zoom { k: 3.0, x: at.0, y: at.1 }));
        let other = ds.sites.iter().find(|s| s.id != site.id).unwrap();
        step.site = Some(other.id.clone());
        let (x, y) = Projection::eurasia().project_lon_lat(other.lon, other.lat);
        assert_eq!(step_zoom(&ds, &step), Some(Zoom { k: 3.0, x, y }), "the step's own site first");
    }

    #[test]
    fn the_fit_itself_has_no_camera() {
        assert_eq!(zoom_of(&[pane().transform], &[pane()]), None);
        // Two panes never do.
        assert_eq!(zoom_of(&[pane().transform, pane().transform], &[pane(), pane()]), None);
    }

    #[test]
    fn a_snapped_window_reads_back_as_the_same_zoom_and_is_stable() {
        let p = pane();
        // A window caught in the middle of a move: not on the URL's grid.
        let odd = p.transform.zoom_about(313.7, 201.3, 1.4637, 0.0, 10.0).pan(17.31, -4.9);
        let z = zoom_of(&[odd], &[p]).expect("moved");
        let snap = snapped(&[odd], &[p]).expect("off the grid");
        assert_eq!(zoom_of(&[snap], &[p]), Some(z));
        assert_eq!(snapped(&[snap], &[p]), None, "snapping twice changes nothing");
        // What a shared link rebuilds is the snapped window, exactly.
        assert_eq!(window_at(&p, z), snap);
        // And it is close to where the reader was.
        let (a, b) = (odd.apply((100.0, 100.0)), snap.apply((100.0, 100.0)));
        let (a, b) = (odd.invert(a), snap.invert(b));
        assert!((a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6);
        assert!((odd.k - snap.k).abs() / odd.k < 1e-3);
    }
}
