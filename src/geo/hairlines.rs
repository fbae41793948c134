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

/// Bits of a line's position across its steps below the pixel: at 1/65536 of a pixel a
/// step's rounding drifts less than a tenth of a pixel over a 4K frame's width (at 1/256,
/// as first written, a link across the frame ended a pixel or more off).
const FRAC: u32 = 16;

/// What each pixel of a `width` × `height` picture lets through of what is under the lines
/// drawn so far (255: all of it).
#[derive(Debug, Clone)]
pub struct Coverage {
    pub width: usize,
    pub height: usize,
    through: Vec<u8>,
    /// What a pixel a line covers `c` (0-255) of lets through, for lines at opacity
    /// `passes_at`: one look-up a pixel rather than a multiplication.
    passes: [u8; 256],
    passes_at: u32,
    /// The rectangle that holds every pixel drawn since the last clear: all a tint reads
    /// and a clear writes (a cursor step's few links touch a corner of the frame, not its
    /// megabyte).
    drawn: Option<Clip>,
}

impl PartialEq for Coverage {
    fn eq(&self, o: &Self) -> bool {
        (self.width, self.height) == (o.width, o.height) && self.through == o.through
    }
}

impl Coverage {
    pub fn new(width: usize, height: usize) -> Self {
        Coverage { width, height, through: vec![255; width * height], passes: [255; 256], passes_at: 0, drawn: None }
    }

    /// Nothing drawn.
    pub fn clear(&mut self) {
        if let Some(d) = self.drawn.take() {
            for row in d.y0..d.y1 {
                let at = row as usize * self.width;
                self.through[at + d.x0 as usize..at + d.x1 as usize].fill(255);
            }
        }
    }

    /// The rectangle that holds every pixel drawn since the last clear, if any.
    pub fn drawn(&self) -> Option<Clip> {
        self.drawn
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
        let Some(Frame { steep, a, slope, first, last, across }) = frame(a, b, clip, self.width, self.height) else {
            return;
        };
        if self.passes_at != alpha {
            self.passes = std::array::from_fn(|c| (255 - mul(c as u32, alpha.min(255))) as u8);
            self.passes_at = alpha;
        }
        // Where the line is across at each column, in 1/2^FRAC pixels.
        let one = f64::from(1u32 << FRAC);
        let step = (slope * one).round() as i64;
        let start = ((a.1 + slope * (first as f64 - a.0)) * one).round() as i64;
        // The columns where either pixel of the pair is inside the clip, and within them
        // those where both are (no test a pixel there: most of a long line).
        let Some((c0, c1)) = cols_where(first, last, start, step, (across.0 - 1) << FRAC, (across.1 << FRAC) - 1)
        else {
            return;
        };
        let (along_stride, across_stride) = if steep { (self.width, 1) } else { (1, self.width) };
        let steps = Steps { start, first, step, along_stride, across_stride, across };
        let inner = cols_where(c0, c1, steps.at(c0), step, across.0 << FRAC, ((across.1 - 1) << FRAC) - 1);
        // What the line may touch: its columns, and the cells across between its ends'.
        let (from, to) = (steps.at(c0), steps.at(c1));
        let cells = ((from.min(to) >> FRAC).max(across.0), ((from.max(to) >> FRAC) + 2).min(across.1));
        let rect = if steep {
            Clip { x0: cells.0, y0: c0, x1: cells.1, y1: c1 + 1 }
        } else {
            Clip { x0: c0, y0: cells.0, x1: c1 + 1, y1: cells.1 }
        };
        self.drawn = Some(self.drawn.map_or(rect, |d| d.union(rect)));
        let Some((i0, i1)) = inner else {
            steps.edge(&mut self.through, &self.passes, c0, c1);
            return;
        };
        steps.edge(&mut self.through, &self.passes, c0, i0 - 1);
        steps.edge(&mut self.through, &self.passes, i1 + 1, c1);
        // The release build is optimised for size, which calls rather than inlines a
        // closure, an iterator's `next` or a `Vec`'s indexing: the loop a line spends its
        // time in is written with none of them (three times fewer instructions a step).
        let (through, passes): (&mut [u8], &[u8; 256]) = (&mut self.through, &self.passes);
        let (mut col, mut at) = (i0, steps.at(i0));
        while col <= i1 {
            let frac = ((at >> (FRAC - 8)) & 255) as usize;
            let i = col as usize * along_stride + (at >> FRAC) as usize * across_stride;
            let j = i + across_stride;
            through[i] = mul(u32::from(through[i]), u32::from(passes[255 - frac])) as u8;
            through[j] = mul(u32::from(through[j]), u32::from(passes[frac])) as u8;
            at += step;
            col += 1;
        }
    }
}

/// A line's steps along its longer axis: at column `col`, across at `at(col)` (in
/// 1/2^FRAC pixels); a column and a cell across are `along_stride` and `across_stride`
/// apart in the mask.
struct Steps {
    start: i64,
    first: i64,
    step: i64,
    along_stride: usize,
    across_stride: usize,
    across: (i64, i64),
}

impl Steps {
    fn at(&self, col: i64) -> i64 {
        self.start + (col - self.first) * self.step
    }

    /// The columns `from..=to` at the clip's edges: each pixel of the pair tested.
    #[inline(never)]
    fn edge(&self, through: &mut [u8], passes: &[u8; 256], from: i64, to: i64) {
        for col in from..=to {
            let at = self.at(col);
            let (cell, frac) = (at >> FRAC, ((at >> (FRAC - 8)) & 255) as usize);
            let base = col as usize * self.along_stride;
            for (cell, cover) in [(cell, 255 - frac), (cell + 1, frac)] {
                if cell >= self.across.0 && cell < self.across.1 && cover > 0 {
                    let i = base + cell as usize * self.across_stride;
                    through[i] = mul(u32::from(through[i]), u32::from(passes[cover])) as u8;
                }
            }
        }
    }
}

/// How a line crosses a picture: along its longer axis (the rows if `steep`), one step a
/// column from `first` to `last` within the clip, at `a.1 + slope * (col - a.0)` across
/// (pixel centres at whole numbers), the pair of pixels across it within `across`.
struct Frame {
    steep: bool,
    a: (f64, f64),
    slope: f64,
    first: i64,
    last: i64,
    across: (i64, i64),
}

/// The frame of a line from `a` to `b` (device pixels, a pixel's centre at .5) cut to
/// `clip` in a `width` × `height` picture, if it crosses it.
fn frame(a: (f64, f64), b: (f64, f64), clip: Clip, width: usize, height: usize) -> Option<Frame> {
    let clip =
        Clip { x0: clip.x0.max(0), y0: clip.y0.max(0), x1: clip.x1.min(width as i64), y1: clip.y1.min(height as i64) };
    if clip.x1 - clip.x0 < 2 || clip.y1 - clip.y0 < 2 {
        return None;
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
    (first <= last).then_some(Frame { steep, a, slope, first, last, across })
}

/// The columns of `first..=last` at which `start + (col - first) * step` is in `lo..=hi`
/// (a line's position across, which moves by `step` a column), if any.
fn cols_where(first: i64, last: i64, start: i64, step: i64, lo: i64, hi: i64) -> Option<(i64, i64)> {
    let (from, to) = match step.signum() {
        0 if (lo..=hi).contains(&start) => (0, last - first),
        0 => return None,
        1 => (ceil_div(lo - start, step), floor_div(hi - start, step)),
        _ => (ceil_div(hi - start, step), floor_div(lo - start, step)),
    };
    let (from, to) = (first + from.max(0), first + to.min(last - first));
    (from <= to).then_some((from, to))
}

fn floor_div(n: i64, d: i64) -> i64 {
    let q = n / d;
    if n % d != 0 && ((n < 0) != (d < 0)) { q - 1 } else { q }
}

fn ceil_div(n: i64, d: i64) -> i64 {
    -floor_div(-n, d)
}

impl Bitmap {
    /// Paints `rgb` through `mask` (source-over: each pixel at the opacity its lines
    /// reached), within `clip`. Returns the rectangle that holds what it painted, if any.
    #[inline(never)]
    pub fn tint(&mut self, mask: &Coverage, rgb: [u8; 3], clip: Clip) -> Option<Clip> {
        let drawn = mask.drawn?;
        let (x0, y0) = (clip.x0.max(drawn.x0).max(0), clip.y0.max(drawn.y0).max(0));
        let x1 = clip.x1.min(drawn.x1).min(self.width.min(mask.width) as i64);
        let y1 = clip.y1.min(drawn.y1).min(self.height.min(mask.height) as i64);
        // The colour at each opacity, looked up rather than multiplied a pixel.
        let lut: [[u8; 256]; 3] =
            std::array::from_fn(|c| std::array::from_fn(|a| mul(u32::from(rgb[c]), a as u32) as u8));
        let (through, px): (&[u8], &mut [u8]) = (&mask.through, &mut self.px);
        let mut covered: Option<Clip> = None;
        // Loops without closures or iterators: see `Coverage::line`.
        let mut row = y0;
        while row < y1 {
            let (m, d) = (row as usize * mask.width, row as usize * self.width);
            let (mut first, mut last) = (i64::MAX, i64::MIN);
            let mut col = x0;
            while col < x1 {
                let keep = u32::from(through[m + col as usize]);
                if keep != 255 {
                    let sa = 255 - keep as usize;
                    let p = (d + col as usize) * 4;
                    px[p] = (u32::from(lut[0][sa]) + mul(u32::from(px[p]), keep)).min(255) as u8;
                    px[p + 1] = (u32::from(lut[1][sa]) + mul(u32::from(px[p + 1]), keep)).min(255) as u8;
                    px[p + 2] = (u32::from(lut[2][sa]) + mul(u32::from(px[p + 2]), keep)).min(255) as u8;
                    px[p + 3] = (sa as u32 + mul(u32::from(px[p + 3]), keep)).min(255) as u8;
                    first = first.min(col);
                    last = col;
                }
                col += 1;
            }
            if first <= last {
                let here = Clip { x0: first, y0: row, x1: last + 1, y1: row + 1 };
                covered = Some(covered.map_or(here, |c| c.union(here)));
            }
            row += 1;
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
        .map(|p| crate::model::number::parse_f64(p.trim()))
        .collect::<Option<_>>()?;
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

    /// The same line stepped in floating point, pixel by pixel, with every pixel of the
    /// pair tested against the clip: what the fixed-point steps must match.
    fn reference(w: usize, h: usize, a: (f64, f64), b: (f64, f64), alpha: u32, clip: Clip) -> Vec<u8> {
        let mut through = vec![255u8; w * h];
        let Some(Frame { steep, a, slope, first, last, across }) = frame(a, b, clip, w, h) else {
            return through;
        };
        for col in first..=last {
            let y = a.1 + slope * (col as f64 - a.0);
            let cell = y.floor() as i64;
            let frac = ((y - y.floor()) * 255.0).round() as u32;
            for (cell, cover) in [(cell, 255 - frac), (cell + 1, frac)] {
                if cell >= across.0 && cell < across.1 {
                    let (x, y) = if steep { (cell, col) } else { (col, cell) };
                    let p = &mut through[y as usize * w + x as usize];
                    *p = mul(u32::from(*p), 255 - mul(cover, alpha)) as u8;
                }
            }
        }
        through
    }

    #[test]
    fn lines_in_every_direction_and_clip_match_the_line_worked_out_in_floating_point() {
        // A small generator, so the lines are the same each run.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |range: f64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 1_000_000) as f64 / 1_000_000.0 * range
        };
        let (w, h) = (64, 48);
        for n in 0..3000 {
            let a = (next(140.0) - 40.0, next(120.0) - 36.0);
            // Short lines too, and some along an axis.
            let b = match n % 4 {
                0 => (a.0 + next(6.0) - 3.0, a.1 + next(6.0) - 3.0),
                1 => (a.0 + next(100.0) - 50.0, a.1),
                _ => (next(140.0) - 40.0, next(120.0) - 36.0),
            };
            let (x0, y0) = (next(40.0) as i64 - 5, next(30.0) as i64 - 5);
            let clip = Clip { x0, y0, x1: x0 + next(70.0) as i64, y1: y0 + next(60.0) as i64 };
            let alpha = 40 + next(215.0) as u32;
            let mut c = Coverage::new(w, h);
            c.line(a, b, alpha, clip);
            let want = reference(w, h, a, b, alpha, clip);
            // What a tint reads and a clear writes holds every pixel drawn.
            let drawn = c.drawn();
            for (i, &t) in c.through.iter().enumerate() {
                let (x, y) = ((i % w) as i64, (i / w) as i64);
                if t != 255 {
                    let d = drawn.unwrap_or_else(|| panic!("line {n}: ({x}, {y}) drawn, no rectangle"));
                    assert!(
                        (d.x0..d.x1).contains(&x) && (d.y0..d.y1).contains(&y),
                        "line {n}: ({x}, {y}) outside {d:?}"
                    );
                }
            }
            if n % 7 == 0 {
                let mut cleared = c.clone();
                cleared.clear();
                assert!(cleared.through.iter().all(|&t| t == 255) && cleared.drawn().is_none(), "line {n}");
            }
            for (i, (&got, &want)) in c.through.iter().zip(&want).enumerate() {
                assert!(
                    got.abs_diff(want) <= 2,
                    "line {n} {a:?} -> {b:?} clip {clip:?}: pixel ({}, {}) lets {got} through, not {want}",
                    i % w,
                    i / w
                );
            }
        }
    }

    #[test]
    fn a_long_line_ends_where_it_should() {
        // Across a 4K frame: the steps add up to the right height at the far end.
        let mut c = Coverage::new(3840, 40);
        c.line((0.5, 5.5), (3839.5, 25.5), 255, Clip { x0: 0, y0: 0, x1: 3840, y1: 40 });
        let heaviest = (0..40).max_by_key(|&y| 255 - c.through(3839, y)).unwrap();
        assert_eq!(heaviest, 25);
        assert!(255 - c.through(3839, 25) >= 240, "{}", c.through(3839, 25));
    }

    #[test]
    fn the_columns_where_a_stepping_position_is_in_range() {
        let brute = |first: i64, last: i64, start: i64, step: i64, lo: i64, hi: i64| {
            let cols: Vec<i64> =
                (first..=last).filter(|&c| (lo..=hi).contains(&(start + (c - first) * step))).collect();
            cols.first().map(|&f| (f, *cols.last().unwrap()))
        };
        for step in -7..=7 {
            for start in -20..=20 {
                for (lo, hi) in [(-3, 4), (0, 0), (5, 30), (-30, -10), (2, 1)] {
                    assert_eq!(
                        cols_where(3, 12, start, step, lo, hi),
                        brute(3, 12, start, step, lo, hi),
                        "{step} {start} {lo}..={hi}"
                    );
                }
            }
        }
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
