//! Thousands of one-pixel lines of one colour drawn in wasm: what the bulk drawing's links
//! layer is. A canvas without a graphics card strokes them antialiased at about 10 ns a
//! pixel (a view of France in the synthetic set: 6 million pixel steps, 60 ms of
//! `drawPath`); here each step is two pixels of a mask (Wu's lines), and the mask is
//! painted into the layer's bitmap once per colour.
//!
//! The mask keeps what each pixel lets through (255: nothing drawn there), each line over
//! it source-over at its coverage times the opacity: the lines of one colour pile up as a
//! canvas's hairlines of one path do (and as the links drawn one by one in the SVG do),
//! darker where many cross. (A canvas strokes a line a hair wider than one device pixel as
//! an outline filled once, where crossings do not pile up: which of the two a view got
//! depended on the rounding of its scale, and a view of France looked lighter than one of
//! China for it.)

use super::pixels::{Bitmap, Clip, mul};

/// What each pixel of a `width` × `height` picture lets through of what is under the lines
/// drawn so far (255: all of it).
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub width: usize,
    pub height: usize,
    through: Vec<u8>,
}

impl Coverage {
    pub fn new(width: usize, height: usize) -> Self {
        Coverage { width, height, through: vec![255; width * height] }
    }

    /// Nothing drawn.
    pub fn clear(&mut self) {
        self.through.fill(255);
    }

    /// How much pixel (`x`, `y`) lets through.
    pub fn through(&self, x: usize, y: usize) -> u8 {
        self.through[y * self.width + x]
    }

    /// A line one pixel wide from `a` to `b` (device pixels, a pixel's centre at .5), at
    /// opacity `alpha` (0-255), cut to `clip`.
    // Not inlined: the browser's wasm engine optimises a function between calls, not inside
    // a running loop (see `Bitmap::stamp`).
    #[inline(never)]
    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), alpha: u32, clip: Clip) {
        let clip = Clip {
            x0: clip.x0.max(0),
            y0: clip.y0.max(0),
            x1: clip.x1.min(self.width as i64),
            y1: clip.y1.min(self.height as i64),
        };
        if clip.x1 - clip.x0 < 2 || clip.y1 - clip.y0 < 2 {
            return;
        }
        // Pixel centres at whole numbers from here.
        let (a, b) = ((a.0 - 0.5, a.1 - 0.5), (b.0 - 0.5, b.1 - 0.5));
        // Along the longer axis, one step a column (or row); the line's two nearest pixels
        // across it share its coverage.
        let steep = (b.1 - a.1).abs() > (b.0 - a.0).abs();
        let (a, b, along, across) = if steep {
            ((a.1, a.0), (b.1, b.0), (clip.y0, clip.y1), (clip.x0, clip.x1))
        } else {
            (a, b, (clip.x0, clip.x1), (clip.y0, clip.y1))
        };
        let (a, b) = if a.0 <= b.0 { (a, b) } else { (b, a) };
        let slope = if b.0 > a.0 { (b.1 - a.1) / (b.0 - a.0) } else { 0.0 };
        // The columns the line crosses, within the clip (the pair across needs two pixels).
        let first = a.0.round().max(along.0 as f64) as i64;
        let last = (b.0.round() as i64).min(along.1 - 1);
        if first > last {
            return;
        }
        // Where the line is across, in 1/256 pixels; of the pair it falls between, the
        // pixels inside the clip.
        let (lo, hi) = ((across.0 - 1) << 8, ((across.1 - 1) << 8) + 255);
        let step = (slope * 256.0).round() as i64;
        let mut at = ((a.1 + slope * (first as f64 - a.0)) * 256.0).round() as i64;
        let w = self.width;
        let through = &mut self.through;
        let mut plot = |col: i64, cell: i64, cover: i64| {
            let (x, y) = if steep { (cell, col) } else { (col, cell) };
            if let Some(p) = through.get_mut(y as usize * w + x as usize) {
                *p = mul(u32::from(*p), 255 - mul(cover as u32, alpha)) as u8;
            }
        };
        for col in first..=last {
            if at >= lo && at <= hi {
                let (cell, frac) = (at >> 8, at & 255);
                if cell >= across.0 {
                    plot(col, cell, 255 - frac);
                }
                if cell + 1 < across.1 && frac > 0 {
                    plot(col, cell + 1, frac);
                }
            }
            at += step;
        }
    }
}

impl Bitmap {
    /// Paints `rgb` through `mask` (source-over: each pixel at the opacity its lines
    /// reached), within `clip`. Returns the rectangle that holds what it painted, if any.
    #[inline(never)]
    pub fn tint(&mut self, mask: &Coverage, rgb: [u8; 3], clip: Clip) -> Option<Clip> {
        let (x0, y0) = (clip.x0.max(0), clip.y0.max(0));
        let x1 = clip.x1.min(self.width.min(mask.width) as i64);
        let y1 = clip.y1.min(self.height.min(mask.height) as i64);
        let mut covered: Option<Clip> = None;
        for row in y0..y1 {
            let m = row as usize * mask.width;
            let d = row as usize * self.width;
            let (mut first, mut last) = (i64::MAX, i64::MIN);
            for col in x0..x1 {
                let through = u32::from(mask.through[m + col as usize]);
                if through == 255 {
                    continue;
                }
                let sa = 255 - through;
                let p = &mut self.px[(d + col as usize) * 4..(d + col as usize) * 4 + 4];
                for c in 0..3 {
                    p[c] = (mul(u32::from(rgb[c]), sa) + mul(u32::from(p[c]), through)).min(255) as u8;
                }
                p[3] = (sa + mul(u32::from(p[3]), through)).min(255) as u8;
                first = first.min(col);
                last = last.max(col);
            }
            if first <= last {
                let here = Clip { x0: first, y0: row, x1: last + 1, y1: row + 1 };
                covered = Some(covered.map_or(here, |c| c.union(here)));
            }
        }
        covered
    }
}

/// A colour as a browser's computed style writes it (`rgb(r, g, b)`, `rgba(r, g, b, a)`,
/// or `#rrggbb`): its channels and its opacity.
pub fn css_colour(s: &str) -> Option<([u8; 3], f64)> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(([channel(0)?, channel(2)?, channel(4)?], 1.0));
    }
    let inner = s.strip_prefix("rgba(").or_else(|| s.strip_prefix("rgb("))?.strip_suffix(')')?;
    let parts: Vec<f64> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    let channel = |v: f64| v.round().clamp(0.0, 255.0) as u8;
    match parts.as_slice() {
        [r, g, b] => Some(([channel(*r), channel(*g), channel(*b)], 1.0)),
        [r, g, b, a] => Some(([channel(*r), channel(*g), channel(*b)], a.clamp(0.0, 1.0))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Clip = Clip { x0: 0, y0: 0, x1: 1000, y1: 1000 };

    fn drawn(c: &Coverage) -> Vec<(usize, usize, u8)> {
        let mut out = Vec::new();
        for y in 0..c.height {
            for x in 0..c.width {
                if c.through(x, y) != 255 {
                    out.push((x, y, 255 - c.through(x, y)));
                }
            }
        }
        out
    }

    #[test]
    fn a_line_on_pixel_centres_covers_one_pixel_a_column_and_between_them_shares_it() {
        let mut c = Coverage::new(10, 5);
        c.line((1.5, 2.5), (8.5, 2.5), 255, ALL);
        assert_eq!(drawn(&c), (1..=8).map(|x| (x, 2, 255)).collect::<Vec<_>>());
        // Half way between two rows: half each (rounded), above and below.
        let mut c = Coverage::new(10, 5);
        c.line((1.5, 2.0), (3.5, 2.0), 255, ALL);
        assert_eq!(drawn(&c), [(1, 1, 127), (2, 1, 127), (3, 1, 127), (1, 2, 128), (2, 2, 128), (3, 2, 128)]);
        // Steep lines step by rows; either direction draws the same.
        let (mut down, mut up) = (Coverage::new(6, 12), Coverage::new(6, 12));
        down.line((1.5, 0.5), (4.0, 11.5), 200, ALL);
        up.line((4.0, 11.5), (1.5, 0.5), 200, ALL);
        assert_eq!(down, up);
        let rows: Vec<usize> = drawn(&down).iter().map(|p| p.1).collect();
        assert!((0..12).all(|y| rows.contains(&y)), "{rows:?}");
        // Each step's pair adds up to the line's opacity.
        let mut by_row = [0u32; 12];
        for (_, y, a) in drawn(&down) {
            by_row[y] += u32::from(a);
        }
        assert!(by_row.iter().all(|&s| (199..=201).contains(&s)), "{by_row:?}");
    }

    #[test]
    fn lines_pile_up_as_a_canvas_s_hairlines_do_and_stay_in_the_clip() {
        let mut c = Coverage::new(10, 5);
        c.line((0.5, 2.5), (9.5, 2.5), 77, ALL);
        assert_eq!(255 - c.through(4, 2), 77);
        c.line((0.5, 2.5), (9.5, 2.5), 77, ALL);
        // 1 - (1 - 0.3)²: what a canvas gives for one path holding the same hairline twice
        // at 0.3 (130, measured in Chromium), not 0.3 + 0.3 nor 0.3.
        assert_eq!(255 - c.through(4, 2), 131);
        // Far outside, cut by the clip, or along its edge: nothing outside it.
        let clip = Clip { x0: 2, y0: 1, x1: 6, y1: 4 };
        let mut c = Coverage::new(10, 5);
        c.line((-500.0, -40.0), (700.0, 30.0), 255, clip);
        c.line((0.0, 3.9), (10.0, 3.9), 255, clip);
        c.line((-3.0, -3.0), (-1.0, -1.0), 255, clip);
        c.line((7.0, 0.0), (7.0, 5.0), 255, clip);
        assert!(drawn(&c).iter().all(|&(x, y, _)| (2..6).contains(&x) && (1..4).contains(&y)), "{:?}", drawn(&c));
        assert!(!drawn(&c).is_empty());
    }

    #[test]
    fn a_tint_paints_the_colour_at_the_opacity_the_lines_reached() {
        let mut c = Coverage::new(4, 3);
        c.line((0.5, 1.5), (3.5, 1.5), 255, ALL);
        let mut b = Bitmap::new(4, 3);
        assert_eq!(b.tint(&c, [10, 100, 200], ALL), Some(Clip { x0: 0, y0: 1, x1: 4, y1: 2 }));
        assert_eq!(&b.to_straight()[4 * 4..4 * 4 + 4], &[10, 100, 200, 255]);
        assert!(b.px[..4 * 4].iter().all(|&v| v == 0), "the row above untouched");
        // Over what is there, at the mask's opacity (premultiplied: half of each).
        let mut half = Coverage::new(4, 3);
        half.line((0.5, 1.5), (3.5, 1.5), 128, ALL);
        b.tint(&half, [210, 0, 0], ALL);
        let over = &b.to_straight()[4 * 4..4 * 4 + 4];
        assert_eq!(over[3], 255);
        assert!((108..=112).contains(&over[0]) && (48..=52).contains(&over[1]), "{over:?}");
        assert_eq!(Bitmap::new(4, 3).tint(&Coverage::new(4, 3), [1, 2, 3], ALL), None);
        // A line between two rows: each at its share of the opacity.
        let mut between = Coverage::new(4, 3);
        between.line((0.5, 1.0), (3.5, 1.0), 200, ALL);
        let mut b = Bitmap::new(4, 3);
        b.tint(&between, [0, 0, 0], ALL);
        assert_eq!((b.px[3], b.px[4 * 4 + 3]), (100, 100));
    }

    #[test]
    fn colours_read_as_computed_styles_write_them() {
        assert_eq!(css_colour("rgb(51, 85, 119)"), Some(([51, 85, 119], 1.0)));
        assert_eq!(css_colour("rgba(0, 128, 255, 0.5)"), Some(([0, 128, 255], 0.5)));
        assert_eq!(css_colour("rgb(1 2 3 / 0.25)"), Some(([1, 2, 3], 0.25)));
        assert_eq!(css_colour(" #c0ffee "), Some(([0xc0, 0xff, 0xee], 1.0)));
        assert_eq!(css_colour("currentcolor"), None);
        assert_eq!(css_colour("rgb(1, 2)"), None);
    }
}
