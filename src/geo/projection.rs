//! The map projection and great circles.
//!
//! One Lambert conformal conic projection serves every view: it is conformal (shapes of
//! the small regions stay right when zoomed in) and keeps the band from France to
//! north-east China at 30–60° N with little distortion, so the views are only different
//! windows on the same projected plane and moving between them is a pan and a zoom.

use super::math;
use std::f64::consts::{FRAC_PI_4, PI};

/// Projected units per Earth radius: a unit is about 6.4 km.
pub const PROJECTED_RADIUS: f64 = 1000.0;

/// A Lambert conformal conic projection on the sphere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
}

impl Projection {
    /// Standard parallels `lat1`, `lat2`, origin (`lon0`, `lat0`), in degrees.
    pub fn lambert_conic(lat1: f64, lat2: f64, lon0: f64, lat0: f64) -> Self {
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let t = |p: f64| math::tan(FRAC_PI_4 + p / 2.0);
        let n = if (lat1 - lat2).abs() < 1e-9 {
            math::sin(p1)
        } else {
            math::ln(math::cos(p1) / math::cos(p2)) / math::ln(t(p2) / t(p1))
        };
        let f = math::cos(p1) * math::powf(t(p1), n) / n;
        Self { lon0: lon0.to_radians(), n, f, rho0: f / math::powf(t(p0), n) }
    }

    /// The projection of the whole app: France to north-east China.
    pub fn eurasia() -> Self {
        Self::lambert_conic(30.0, 60.0, 60.0, 45.0)
    }

    /// (lon, lat) in degrees to plane (x east, y down) in projected units.
    pub fn project_lon_lat(&self, lon: f64, lat: f64) -> (f64, f64) {
        let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
        // tan(π/4 + φ/2) = (1 + sin φ) / cos φ: one sin_cos instead of a tangent (the base
        // map projects twelve thousand points as the page opens).
        let (sin_lat, cos_lat) = math::sin_cos(lat);
        self.project_radians(lon.to_radians(), sin_lat, cos_lat)
    }

    /// A point given by its longitude in radians and its latitude's sine and cosine.
    fn project_radians(&self, lon: f64, sin_lat: f64, cos_lat: f64) -> (f64, f64) {
        // Keep the cut of the cone opposite the central meridian.
        let dlon = (lon - self.lon0 + PI).rem_euclid(2.0 * PI) - PI;
        // f / tᴺ as f·e^(−n ln t): one logarithm and one exponential cost less than a power
        // (software in wasm).
        let rho = self.f * math::exp(-self.n * math::ln((1.0 + sin_lat) / cos_lat));
        let (sin_t, cos_t) = math::sin_cos(self.n * dlon);
        (PROJECTED_RADIUS * rho * sin_t, -PROJECTED_RADIUS * (self.rho0 - rho * cos_t))
    }

    /// [`great_circle`] projected, each point as [`Projection::project_lon_lat`] projects
    /// it, from the circle's unit vectors: a point's latitude has the vector's height for
    /// sine and its distance from the axis for cosine, so no latitude is worked out and no
    /// angle goes to degrees and back (a large dataset's links are 400,000 points).
    pub fn project_great_circle(&self, a: (f64, f64), b: (f64, f64), detail: ArcDetail) -> Vec<(f64, f64)> {
        let sin_max = math::sin(MAX_LAT.to_radians());
        match circle_vectors(a, b, detail) {
            None => vec![self.project_lon_lat(a.0, a.1), self.project_lon_lat(b.0, b.1)],
            Some(points) => points
                .map(|v| {
                    if v[2].abs() > sin_max {
                        let (lon, lat) = lon_lat_of(v);
                        self.project_lon_lat(lon, lat)
                    } else {
                        self.project_radians(math::atan2(v[1], v[0]), v[2], math::hypot(v[0], v[1]))
                    }
                })
                .collect(),
        }
    }
}

/// The latitude the projection stops at (the cone's tip is at the pole).
const MAX_LAT: f64 = 89.0;

/// How finely a great circle is drawn: a point about every `step_deg` degrees of arc, and
/// no more than `max_points` points in all (ends included; at least two).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArcDetail {
    pub step_deg: f64,
    pub max_points: usize,
}

impl ArcDetail {
    /// A point every `step_deg` degrees, however long the arc.
    pub const fn every(step_deg: f64) -> Self {
        Self { step_deg, max_points: usize::MAX }
    }

    /// A point every `step_deg` degrees, but no more than `max_points`.
    pub const fn at_most(self, max_points: usize) -> Self {
        Self { max_points, ..self }
    }
}

/// Points along the shorter great circle from `a` to `b` (lon, lat in degrees), both ends
/// included, about one every `step_deg` degrees of arc.
pub fn great_circle(a: (f64, f64), b: (f64, f64), step_deg: f64) -> Vec<(f64, f64)> {
    match circle_vectors(a, b, ArcDetail::every(step_deg)) {
        None => vec![a, b],
        Some(points) => points.map(lon_lat_of).collect(),
    }
}

/// The unit vectors of [`great_circle`]'s points; `None` when the ends are one point.
fn circle_vectors(a: (f64, f64), b: (f64, f64), detail: ArcDetail) -> Option<impl Iterator<Item = [f64; 3]>> {
    let to_vec = |(lon, lat): (f64, f64)| {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        [math::cos(lat) * math::cos(lon), math::cos(lat) * math::sin(lon), math::sin(lat)]
    };
    let (va, vb) = (to_vec(a), to_vec(b));
    let dot = (va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]).clamp(-1.0, 1.0);
    let omega = math::acos(dot);
    let segments =
        ((omega.to_degrees() / detail.step_deg.max(0.01)).ceil() as usize).clamp(1, detail.max_points.max(2) - 1);
    if omega < 1e-9 {
        return None;
    }
    // The point at angle φ from `a` is cos φ·a + sin φ·u, u the unit vector at right angles
    // to `a` towards `b` (the same points as the usual slerp formula). The angle grows by
    // one step at a time, its cosine and sine by the angle-sum rule: no sine per point
    // (a large dataset's links are 400,000 points), drifting by a few ulps over an arc.
    let (sin_omega, cos_omega) = math::sin_cos(omega);
    let u = [0, 1, 2].map(|k| (vb[k] - cos_omega * va[k]) / sin_omega);
    let (sin_step, cos_step) = math::sin_cos(omega / segments as f64);
    let mut turn = (1.0, 0.0);
    Some((0..=segments).map(move |i| {
        if i == segments {
            // The end exactly where it is.
            return vb;
        }
        let (c, s) = turn;
        turn = (c * cos_step - s * sin_step, s * cos_step + c * sin_step);
        [c * va[0] + s * u[0], c * va[1] + s * u[1], c * va[2] + s * u[2]]
    }))
}

fn lon_lat_of(v: [f64; 3]) -> (f64, f64) {
    (math::atan2(v[1], v[0]).to_degrees(), math::atan2(v[2], math::hypot(v[0], v[1])).to_degrees())
}

/// Great-circle distance in kilometres (mean Earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.1.to_radians(), b.1.to_radians());
    let (dla, dlo) = (la2 - la1, (b.0 - a.0).to_radians());
    let h = math::sin(dla / 2.0).powi(2) + math::cos(la1) * math::cos(la2) * math::sin(dlo / 2.0).powi(2);
    2.0 * 6371.0 * math::asin(h.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn the_origin_projects_to_zero_and_north_is_up() {
        let p = Projection::eurasia();
        let (x, y) = p.project_lon_lat(60.0, 45.0);
        assert!(close(x, 0.0, 1e-9) && close(y, 0.0, 1e-9), "{x} {y}");
        let (_, y_north) = p.project_lon_lat(60.0, 50.0);
        assert!(y_north < 0.0, "screen y grows downwards");
        let (x_east, _) = p.project_lon_lat(70.0, 45.0);
        assert!(x_east > 0.0);
    }

    #[test]
    fn france_is_west_of_china_and_scale_is_true_on_the_standard_parallels() {
        let p = Projection::eurasia();
        let (xl, _) = p.project_lon_lat(4.84, 45.76);
        let (xb, _) = p.project_lon_lat(116.4, 39.9);
        assert!(xl < 0.0 && xb > 0.0);
        // One degree of longitude on 30° N is cos(30°) · 111.2 km; a unit is R/1000.
        for lat in [30.0, 60.0] {
            let (x1, y1) = p.project_lon_lat(60.0, lat);
            let (x2, y2) = p.project_lon_lat(61.0, lat);
            let km = (x2 - x1).hypot(y2 - y1) * 6371.0 / PROJECTED_RADIUS;
            let expected = distance_km((60.0, lat), (61.0, lat));
            assert!(close(km, expected, 0.01 * expected), "{lat}: {km} vs {expected}");
        }
    }

    #[test]
    fn conformal_locally() {
        // A small step east and a small step north have the same projected length
        // ratio as on the ground, at any latitude.
        let p = Projection::eurasia();
        for (lon, lat) in [(5.9, 45.6), (114.9, 40.8)] {
            let (x0, y0) = p.project_lon_lat(lon, lat);
            let (xe, ye) = p.project_lon_lat(lon + 0.01, lat);
            let (xn, yn) = p.project_lon_lat(lon, lat + 0.01);
            let ratio = (xe - x0).hypot(ye - y0) / (xn - x0).hypot(yn - y0);
            let ground = distance_km((lon, lat), (lon + 0.01, lat)) / distance_km((lon, lat), (lon, lat + 0.01));
            assert!(close(ratio, ground, 1e-3), "{ratio} vs {ground}");
        }
    }

    #[test]
    fn a_projected_great_circle_is_its_points_projected() {
        let p = Projection::eurasia();
        let places = [(4.84, 45.76), (116.41, 39.9), (5.92, 45.57), (-150.0, 60.0), (170.0, -40.0), (0.0, 88.9)];
        for &a in &places {
            for &b in places.iter().chain([&(10.0, 89.9), &a]) {
                let by_points: Vec<(f64, f64)> =
                    great_circle(a, b, 2.0).into_iter().map(|(lon, lat)| p.project_lon_lat(lon, lat)).collect();
                let direct = p.project_great_circle(a, b, ArcDetail::every(2.0));
                assert_eq!(direct.len(), by_points.len(), "{a:?} {b:?}");
                for (d, q) in direct.iter().zip(&by_points) {
                    assert!(close(d.0, q.0, 1e-9) && close(d.1, q.1, 1e-9), "{a:?} {b:?}: {d:?} {q:?}");
                }
            }
        }
    }

    #[test]
    fn arcs_stepped_by_the_angle_sum_rule_are_the_slerp_points() {
        // The textbook formula, one sine per weight.
        let slerp = |a: (f64, f64), b: (f64, f64), step: f64| {
            let v = |(lon, lat): (f64, f64)| {
                let (lon, lat) = (f64::to_radians(lon), f64::to_radians(lat));
                [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
            };
            let (va, vb) = (v(a), v(b));
            let omega = (va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]).clamp(-1.0, 1.0).acos();
            let n = ((omega.to_degrees() / step).ceil() as usize).max(1);
            (0..=n)
                .map(|i| {
                    let t = i as f64 / n as f64;
                    let (wa, wb) = (((1.0 - t) * omega).sin() / omega.sin(), (t * omega).sin() / omega.sin());
                    lon_lat_of([0, 1, 2].map(|k| wa * va[k] + wb * vb[k]))
                })
                .collect::<Vec<_>>()
        };
        let places = [(4.84, 45.76), (116.41, 39.9), (114.89, 40.77), (-73.9, 40.7), (151.2, -33.9), (6.87, 45.92)];
        for a in places {
            for b in places.iter().copied().filter(|&b| b != a) {
                let (ours, theirs) = (great_circle(a, b, 2.0), slerp(a, b, 2.0));
                assert_eq!(ours.len(), theirs.len());
                for (p, q) in ours.iter().zip(&theirs) {
                    assert!((p.0 - q.0).abs() < 1e-9 && (p.1 - q.1).abs() < 1e-9, "{a:?} -> {b:?}: {p:?} vs {q:?}");
                }
                assert_eq!(ours.last(), theirs.last(), "the arc ends exactly at its end");
            }
        }
    }

    #[test]
    fn great_circles_go_north_and_end_where_they_should() {
        let lyon = (4.84, 45.76);
        let beijing = (116.41, 39.9);
        let arc = great_circle(lyon, beijing, 2.0);
        assert!(close(arc[0].0, lyon.0, 1e-9) && close(arc[0].1, lyon.1, 1e-9));
        let last = arc[arc.len() - 1];
        assert!(close(last.0, beijing.0, 1e-9) && close(last.1, beijing.1, 1e-9));
        // Lyon–Beijing is about 8,200 km: ~74° of arc, so ~37 segments of 2°.
        assert!((35..=40).contains(&(arc.len() - 1)), "{}", arc.len());
        let highest = arc.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        assert!(highest > 55.0, "the arc bows north, over Russia: {highest}");
        let km = distance_km(lyon, beijing);
        assert!((8_000.0..8_400.0).contains(&km), "{km}");
    }

    #[test]
    fn an_arc_with_fewer_points_is_the_same_circle_evenly_cut() {
        let p = Projection::eurasia();
        let (lyon, beijing) = ((4.84, 45.76), (116.41, 39.9));
        let fine = p.project_great_circle(lyon, beijing, ArcDetail::every(2.0));
        let coarse = p.project_great_circle(lyon, beijing, ArcDetail::every(2.0).at_most(8));
        assert_eq!(coarse.len(), 8);
        assert_eq!((coarse[0], coarse[7]), (fine[0], fine[fine.len() - 1]), "the same ends");
        // Seven equal steps of the same circle: the fine arc's points at the same angles.
        let by_angle = great_circle(lyon, beijing, distance_km(lyon, beijing) / 6371.0 / 7.0 * 180.0 / PI + 1e-9);
        assert_eq!(by_angle.len(), 8);
        for (c, q) in coarse.iter().zip(&by_angle) {
            let q = p.project_lon_lat(q.0, q.1);
            assert!(close(c.0, q.0, 1e-6) && close(c.1, q.1, 1e-6), "{c:?} vs {q:?}");
        }
        // A short arc keeps its own step; no arc has fewer than its two ends.
        let (chambery, lyon_airport) = ((5.92, 45.57), (5.08, 45.72));
        assert_eq!(p.project_great_circle(chambery, lyon_airport, ArcDetail::every(2.0).at_most(8)).len(), 2);
        assert_eq!(p.project_great_circle(lyon, beijing, ArcDetail::every(2.0).at_most(0)).len(), 2);
    }

    #[test]
    fn a_degenerate_arc_is_two_points() {
        assert_eq!(great_circle((5.0, 45.0), (5.0, 45.0), 2.0).len(), 2);
    }
}
