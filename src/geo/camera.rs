//! The map's camera in the URL: how far the reader moved a fitted window (zoom relative to
//! the fit, and the point of the plane at the window's centre), and back. The URL keeps a
//! few decimals, so the live window is snapped to what the URL says: a shared link then
//! opens exactly the window its sender saw.

use super::math;
use super::projection::Projection;
use super::scene::{MapView, Pane};
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
    let moved = (k - 1.0).abs() > 1e-3 || math::hypot(cx - fx, cy - fy) * t.k > 1.0;
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

/// What something was drawn for (the sites placed, the bulk layers rastered): a view and
/// its windows, which the windows on screen may since have left.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placement {
    pub view: MapView,
    pub panes: Vec<Pane>,
}

/// Where one pane's drawing goes among the current windows: into pane `to`, moved by
/// `delta` (`None`: where it was).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carry {
    pub to: usize,
    pub delta: Option<ViewTransform>,
}

/// Where each pane of a drawing made for the windows `then` is shown in the windows `now`
/// until it is drawn again for them, moved by the [`delta`] between the two windows: in its
/// own pane while the view has as many (a gesture, a step, a move between two views of
/// one pane); in a new view of another number of panes (the two regions side by side to
/// one of them, or back), in the pane whose window holds its window's centre, else nowhere
/// (`None`: a drawing moved that far would show little, blown up or shrunk).
pub fn carried(then: &[Pane], now: &[Pane]) -> Vec<Option<Carry>> {
    then.iter()
        .enumerate()
        .map(|(j, old)| {
            let to = if then.len() == now.len() {
                Some(j)
            } else {
                let middle = old.transform.invert(centre(old));
                now.iter().position(|p| {
                    let (x, y) = p.transform.apply(middle);
                    let r = p.rect;
                    (r.x..=r.x + r.w).contains(&x) && (r.y..=r.y + r.h).contains(&y)
                })
            };
            to.map(|to| Carry { to, delta: delta(&now[to].transform, &old.transform) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::labels::Rect;

    fn pane() -> Pane {
        let rect = Rect { x: 0.0, y: 0.0, w: 800.0, h: 450.0 };
        Pane { rect, transform: ViewTransform { k: 0.0734, tx: 612.3, ty: -88.1 }, region: None, held: rect }
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

    #[test]
    fn a_drawing_stays_in_its_pane_moved_by_the_windows_delta() {
        let p = pane();
        assert_eq!(carried(&[p], &[p]), vec![Some(Carry { to: 0, delta: None })]);
        let zoomed = Pane { transform: p.transform.zoom_about(400.0, 200.0, 2.0, 0.0, 10.0), ..p };
        assert_eq!(
            carried(&[p], &[zoomed]),
            vec![Some(Carry { to: 0, delta: delta(&zoomed.transform, &p.transform) })]
        );
        // Panned out of sight: still its own pane's (what shows is clipped to it).
        let away = Pane { transform: p.transform.pan(5000.0, 0.0), ..p };
        assert_eq!(carried(&[p], &[away]), vec![Some(Carry { to: 0, delta: delta(&away.transform, &p.transform) })]);
    }

    #[test]
    fn a_new_view_of_another_number_of_panes_shows_each_old_pane_where_its_region_is() {
        let scene = crate::geo::shipped_scene();
        let vp = crate::geo::Viewport { width: 1280.0, height: 480.0 };
        let [both, france, china] = [MapView::Both, MapView::France, MapView::China].map(|v| scene.panes(v, vp));
        assert_eq!(both.len(), 2);
        // The two regions to one: France's pane fills the frame, China's is out of it.
        let to_france = carried(&both, &france);
        assert_eq!(to_france[0].map(|c| c.to), Some(0));
        assert_eq!(to_france[1], None);
        let to_china = carried(&both, &china);
        assert_eq!((to_china[0], to_china[1].map(|c| c.to)), (None, Some(0)));
        // The overview's middle is in neither region: its drawing waits to be drawn again.
        let overview = scene.panes(MapView::Overview, vp);
        assert_eq!(carried(&overview, &both), vec![None]);
        // And back: China's drawing goes to the second pane, though its own is the first.
        assert_eq!(carried(&china, &both).iter().map(|c| c.map(|c| c.to)).collect::<Vec<_>>(), vec![Some(1)]);
        assert_eq!(carried(&france, &both).iter().map(|c| c.map(|c| c.to)).collect::<Vec<_>>(), vec![Some(0)]);
        // Moved so that each point of the plane is where the new window shows it.
        let c = carried(&france, &both)[0].unwrap();
        let d = c.delta.expect("another window");
        let p = scene.sites[0].p;
        let (a, b) = (d.apply(france[0].transform.apply(p)), both[0].transform.apply(p));
        assert!((a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6);
    }
}
