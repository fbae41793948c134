//! Cutting shapes to a window of the plane: a drawing of part of the map need not carry
//! the rest of it (the pre-rendered first screen shows the two regions, not Eurasia).

use super::view::Bounds;

/// `ring` cut to the rectangle `window` (Sutherland–Hodgman: exact for a convex window),
/// or an empty ring where they do not meet. Cut edges run along the window's sides, so a
/// drawing clipped to a smaller area inside it shows no seam.
pub fn clip_ring(ring: &[(f64, f64)], window: &Bounds) -> Vec<(f64, f64)> {
    type Inside = fn(&Bounds, (f64, f64)) -> bool;
    type Cross = fn(&Bounds, (f64, f64), (f64, f64)) -> (f64, f64);
    let edges: [(Inside, Cross); 4] = [
        (|w, p| p.0 >= w.x0, |w, a, b| (w.x0, a.1 + (b.1 - a.1) * (w.x0 - a.0) / (b.0 - a.0))),
        (|w, p| p.0 <= w.x1, |w, a, b| (w.x1, a.1 + (b.1 - a.1) * (w.x1 - a.0) / (b.0 - a.0))),
        (|w, p| p.1 >= w.y0, |w, a, b| (a.0 + (b.0 - a.0) * (w.y0 - a.1) / (b.1 - a.1), w.y0)),
        (|w, p| p.1 <= w.y1, |w, a, b| (a.0 + (b.0 - a.0) * (w.y1 - a.1) / (b.1 - a.1), w.y1)),
    ];
    let mut out: Vec<(f64, f64)> = ring.to_vec();
    for (inside, cross) in edges {
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        let mut prev = *input.last().expect("not empty");
        for &p in &input {
            match (inside(window, prev), inside(window, p)) {
                (true, true) => out.push(p),
                (true, false) => out.push(cross(window, prev, p)),
                (false, true) => {
                    out.push(cross(window, prev, p));
                    out.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: Bounds = Bounds { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };

    fn area(ring: &[(f64, f64)]) -> f64 {
        let n = ring.len();
        (0..n).map(|i| ring[i].0 * ring[(i + 1) % n].1 - ring[(i + 1) % n].0 * ring[i].1).sum::<f64>().abs() / 2.0
    }

    #[test]
    fn a_ring_inside_stays_and_one_outside_goes() {
        let inside = [(1.0, 1.0), (4.0, 1.0), (4.0, 4.0)];
        assert_eq!(clip_ring(&inside, &W), inside.to_vec());
        assert!(clip_ring(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &W).is_empty());
    }

    #[test]
    fn a_ring_across_the_window_is_cut_to_it() {
        // A square of 20 centred on the window's corner: a quarter of it is inside.
        let square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)];
        let cut = clip_ring(&square, &W);
        assert!((area(&cut) - 100.0).abs() < 1e-9, "{cut:?}");
        assert!(cut.iter().all(|&(x, y)| (0.0..=10.0).contains(&x) && (0.0..=10.0).contains(&y)));
        // A triangle poking out of one side keeps its inside part.
        let cut = clip_ring(&[(5.0, 5.0), (15.0, 5.0), (5.0, 8.0)], &W);
        assert!(cut.iter().all(|&(x, _)| x <= 10.0));
        let expected = 0.5 * 10.0 * 3.0 - 0.5 * 5.0 * 1.5; // the whole triangle less the tip outside
        assert!((area(&cut) - expected).abs() < 1e-9, "{}", area(&cut));
    }
}
