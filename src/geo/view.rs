//! Windows on the projected plane: fitting a box into the viewport, zooming about a point,
//! panning, and the smooth move between two windows.

use super::math;
use crate::model::number::Fixed;

/// The size of the drawing, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

/// An axis-aligned box on the projected plane: min x, min y, max x, max y.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Bounds {
    pub fn of_points(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Self> {
        points.into_iter().fold(None, |b: Option<Bounds>, (x, y)| {
            Some(match b {
                None => Bounds { x0: x, y0: y, x1: x, y1: y },
                Some(b) => Bounds { x0: b.x0.min(x), y0: b.y0.min(y), x1: b.x1.max(x), y1: b.y1.max(y) },
            })
        })
    }

    pub fn union(self, o: Bounds) -> Bounds {
        Bounds { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }

    /// Whether the two overlap (touching counts).
    pub fn meets(&self, o: &Bounds) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }

    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
}

/// Screen = projected · k + (tx, ty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewTransform {
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
}

/// The least and most a view may zoom, relative to the view it was fitted to.
pub const MIN_ZOOM: f64 = 0.5;
pub const MAX_ZOOM: f64 = 64.0;

impl ViewTransform {
    pub const IDENTITY: ViewTransform = ViewTransform { k: 1.0, tx: 0.0, ty: 0.0 };

    /// The transform that shows `bounds` whole and centred, with `padding` pixels around.
    pub fn fit(bounds: Bounds, viewport: Viewport, padding: f64) -> Self {
        let w = (viewport.width - 2.0 * padding).max(1.0);
        let h = (viewport.height - 2.0 * padding).max(1.0);
        let bw = (bounds.x1 - bounds.x0).max(1e-9);
        let bh = (bounds.y1 - bounds.y0).max(1e-9);
        let k = (w / bw).min(h / bh);
        let (cx, cy) = bounds.center();
        ViewTransform { k, tx: viewport.width / 2.0 - cx * k, ty: viewport.height / 2.0 - cy * k }
    }

    pub fn apply(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x * self.k + self.tx, y * self.k + self.ty)
    }

    pub fn invert(&self, (sx, sy): (f64, f64)) -> (f64, f64) {
        ((sx - self.tx) / self.k, (sy - self.ty) / self.k)
    }

    /// Zooms by `factor` keeping the screen point (`sx`, `sy`) fixed, with the scale kept
    /// within `[min_k, max_k]`.
    pub fn zoom_about(&self, sx: f64, sy: f64, factor: f64, min_k: f64, max_k: f64) -> Self {
        let k = (self.k * factor).clamp(min_k, max_k);
        let (px, py) = self.invert((sx, sy));
        ViewTransform { k, tx: sx - px * k, ty: sy - py * k }
    }

    pub fn pan(&self, dx: f64, dy: f64) -> Self {
        ViewTransform { k: self.k, tx: self.tx + dx, ty: self.ty + dy }
    }

    /// The window between `self` (t = 0) and `to` (t = 1): the scale moves geometrically
    /// and the centre of the viewport linearly, so a long zoom does not rush at the end.
    pub fn interpolate(&self, to: &ViewTransform, t: f64, viewport: Viewport) -> Self {
        let t = t.clamp(0.0, 1.0);
        let centre = (viewport.width / 2.0, viewport.height / 2.0);
        let (a, b) = (self.invert(centre), to.invert(centre));
        let k = self.k * math::powf(to.k / self.k, t);
        let (cx, cy) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        ViewTransform { k, tx: centre.0 - cx * k, ty: centre.1 - cy * k }
    }

    /// The SVG `transform` attribute value.
    pub fn to_svg(&self) -> String {
        format!("translate({} {}) scale({})", Fixed(self.tx, 2), Fixed(self.ty, 2), Fixed(self.k, 5))
    }
}

/// Ease in and out (cubic), for animated moves.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 { 4.0 * t * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(3) / 2.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VP: Viewport = Viewport { width: 800.0, height: 400.0 };

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
    }

    #[test]
    fn fit_centres_the_box_and_keeps_it_whole() {
        let b = Bounds { x0: 10.0, y0: 10.0, x1: 30.0, y1: 20.0 };
        let t = ViewTransform::fit(b, VP, 20.0);
        // Height limits: (400 - 40) / 10 = 36 < (800 - 40) / 20 = 38.
        assert!((t.k - 36.0).abs() < 1e-9);
        assert!(close(t.apply(b.center()), (400.0, 200.0)));
        let (x0, y0) = t.apply((b.x0, b.y0));
        let (x1, y1) = t.apply((b.x1, b.y1));
        assert!(x0 >= 20.0 && y0 >= 19.999 && x1 <= 780.0 && y1 <= 380.001);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let t = ViewTransform { k: 2.0, tx: 5.0, ty: -3.0 };
        let under = t.invert((100.0, 50.0));
        let z = t.zoom_about(100.0, 50.0, 1.5, 0.1, 100.0);
        assert!((z.k - 3.0).abs() < 1e-12);
        assert!(close(z.apply(under), (100.0, 50.0)));
        let clamped = t.zoom_about(0.0, 0.0, 1000.0, 0.1, 10.0);
        assert_eq!(clamped.k, 10.0);
    }

    #[test]
    fn invert_undoes_apply_and_pan_moves_the_screen() {
        let t = ViewTransform { k: 3.0, tx: 7.0, ty: 11.0 };
        assert!(close(t.invert(t.apply((2.0, -5.0))), (2.0, -5.0)));
        assert!(close(t.pan(10.0, -4.0).apply((0.0, 0.0)), (17.0, 7.0)));
    }

    #[test]
    fn interpolation_starts_and_ends_on_the_windows() {
        let a = ViewTransform::fit(Bounds { x0: 0.0, y0: 0.0, x1: 100.0, y1: 50.0 }, VP, 0.0);
        let b = ViewTransform::fit(Bounds { x0: 60.0, y0: 10.0, x1: 70.0, y1: 15.0 }, VP, 0.0);
        let s = a.interpolate(&b, 0.0, VP);
        let e = a.interpolate(&b, 1.0, VP);
        assert!((s.k - a.k).abs() < 1e-9 && (s.tx - a.tx).abs() < 1e-6 && (s.ty - a.ty).abs() < 1e-6);
        assert!((e.k - b.k).abs() < 1e-9 && (e.tx - b.tx).abs() < 1e-6 && (e.ty - b.ty).abs() < 1e-6);
        let m = a.interpolate(&b, 0.5, VP);
        assert!((m.k - (a.k * b.k).sqrt()).abs() < 1e-9, "geometric in scale");
    }

    #[test]
    fn easing_is_monotonic_from_0_to_1() {
        let values: Vec<f64> = (0..=20).map(|i| ease(f64::from(i) / 20.0)).collect();
        assert_eq!(values[0], 0.0);
        assert_eq!(values[20], 1.0);
        assert!(values.windows(2).all(|w| w[1] >= w[0]));
    }

    #[test]
    fn bounds_of_points() {
        assert_eq!(Bounds::of_points([]), None);
        let b = Bounds::of_points([(1.0, 5.0), (-2.0, 3.0), (4.0, 4.0)]).unwrap();
        assert_eq!(b, Bounds { x0: -2.0, y0: 3.0, x1: 4.0, y1: 5.0 });
    }
}
