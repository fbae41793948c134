//! A bitmap of premultiplied RGBA pixels and the copying of a small picture into it at
//! many places: thousands of sites' markers composed in a few milliseconds, where as
//! many `drawImage` calls on a canvas without a graphics card take tens.

/// A rectangle of pixels, `x0..x1` by `y0..y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clip {
    pub x0: i64,
    pub y0: i64,
    pub x1: i64,
    pub y1: i64,
}

impl Clip {
    /// The whole of a `width` × `height` picture.
    pub fn whole(width: usize, height: usize) -> Clip {
        Clip { x0: 0, y0: 0, x1: width as i64, y1: height as i64 }
    }

    /// The smallest rectangle holding both.
    pub fn union(self, o: Clip) -> Clip {
        Clip { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }
}

/// Premultiplied RGBA, row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Bitmap {
    pub width: usize,
    pub height: usize,
    pub px: Vec<u8>,
}

#[inline(always)]
pub(super) fn mul(a: u32, b: u32) -> u32 {
    // a * b / 255, rounded.
    let t = a * b + 128;
    (t + (t >> 8)) >> 8
}

impl Bitmap {
    pub fn new(width: usize, height: usize) -> Self {
        Bitmap { width, height, px: vec![0; width * height * 4] }
    }

    /// From straight (not premultiplied) RGBA, as a canvas's `getImageData` gives.
    pub fn from_straight(width: usize, height: usize, rgba: &[u8]) -> Self {
        let mut px = rgba.to_vec();
        for p in px.chunks_exact_mut(4) {
            let a = u32::from(p[3]);
            for c in &mut p[..3] {
                *c = mul(u32::from(*c), a) as u8;
            }
        }
        Bitmap { width, height, px }
    }

    /// To straight RGBA, as a canvas's `putImageData` takes.
    pub fn to_straight(&self) -> Vec<u8> {
        self.to_straight_rect(Clip::whole(self.width, self.height))
    }

    /// The pixels of `r` (within the bitmap) as straight RGBA, row by row: what changed,
    /// for a canvas to take without the rest.
    pub fn to_straight_rect(&self, r: Clip) -> Vec<u8> {
        let (w, h) = ((r.x1 - r.x0).max(0) as usize, (r.y1 - r.y0).max(0) as usize);
        let mut out = Vec::with_capacity(w * h * 4);
        for row in r.y0..r.y0 + h as i64 {
            let from = (row as usize * self.width + r.x0 as usize) * 4;
            out.extend_from_slice(&self.px[from..from + w * 4]);
        }
        for row in out.chunks_exact_mut((w * 4).max(4)) {
            unpremultiply(row);
        }
        out
    }

    /// The picture at opacity `alpha` (to copy it many times at that opacity: see
    /// [`Bitmap::stamp`], whose work at full opacity is one multiplication a channel).
    pub fn faded(&self, alpha: f64) -> Bitmap {
        let a = (alpha.clamp(0.0, 1.0) * 255.0).round() as u32;
        Bitmap { px: self.px.iter().map(|&v| mul(u32::from(v), a) as u8).collect(), ..*self }
    }

    /// Copies `picture` with its top left corner at (`x`, `y`), at opacity `alpha`, over
    /// what is there (source-over), within `clip`. Returns the rectangle it covered, if any.
    // Not inlined (nor `unpremultiply`): the browser's wasm engine moves a function to its
    // optimising compiler between two calls, never inside a running loop, so a loop's body
    // must be a call of its own to run optimised before the thousands of sites are done.
    #[inline(never)]
    pub fn stamp(&mut self, picture: &Bitmap, x: i64, y: i64, alpha: f64, clip: Clip) -> Option<Clip> {
        let a = (alpha.clamp(0.0, 1.0) * 255.0).round() as u32;
        let (x0, y0) = (x.max(clip.x0).max(0), y.max(clip.y0).max(0));
        let x1 = (x + picture.width as i64).min(clip.x1).min(self.width as i64);
        let y1 = (y + picture.height as i64).min(clip.y1).min(self.height as i64);
        if x1 <= x0 || y1 <= y0 {
            return None;
        }
        if a == 255 {
            // At full opacity: what is under keeps 1 - the picture's alpha.
            let w = (x1 - x0) as usize * 4;
            for row in y0..y1 {
                let s = ((row - y) as usize * picture.width + (x0 - x) as usize) * 4;
                let d = (row as usize * self.width + x0 as usize) * 4;
                for (dst, src) in self.px[d..d + w].chunks_exact_mut(4).zip(picture.px[s..s + w].chunks_exact(4)) {
                    let keep = 255 - u32::from(src[3]);
                    if keep == 255 {
                        continue;
                    }
                    for c in 0..4 {
                        dst[c] = (u32::from(src[c]) + mul(u32::from(dst[c]), keep)).min(255) as u8;
                    }
                }
            }
            return Some(Clip { x0, y0, x1, y1 });
        }
        for row in y0..y1 {
            let src_row = ((row - y) as usize * picture.width) * 4;
            let dst_row = (row as usize * self.width) * 4;
            for col in x0..x1 {
                let s = src_row + (col - x) as usize * 4;
                let sa = mul(u32::from(picture.px[s + 3]), a);
                if sa == 0 {
                    continue;
                }
                let d = dst_row + col as usize * 4;
                let keep = 255 - sa;
                for c in 0..3 {
                    let src = mul(u32::from(picture.px[s + c]), a);
                    self.px[d + c] = (src + mul(u32::from(self.px[d + c]), keep)).min(255) as u8;
                }
                self.px[d + 3] = (sa + mul(u32::from(self.px[d + 3]), keep)).min(255) as u8;
            }
        }
        Some(Clip { x0, y0, x1, y1 })
    }
}

/// Straight RGBA from premultiplied, in place: one row ([`Bitmap::stamp`] says why).
#[inline(never)]
fn unpremultiply(row: &mut [u8]) {
    for p in row.chunks_exact_mut(4) {
        let a = u32::from(p[3]);
        if a > 0 && a < 255 {
            for c in &mut p[..3] {
                *c = ((u32::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Clip = Clip { x0: 0, y0: 0, x1: 100, y1: 100 };

    fn dot(rgba: [u8; 4]) -> Bitmap {
        Bitmap::from_straight(1, 1, &rgba)
    }

    #[test]
    fn an_opaque_picture_covers_what_is_under_it_and_a_clear_one_leaves_it() {
        let mut b = Bitmap::new(3, 2);
        b.stamp(&dot([10, 20, 30, 255]), 1, 1, 1.0, ALL);
        assert_eq!(&b.px[(3 + 1) * 4..(3 + 1) * 4 + 4], &[10, 20, 30, 255]);
        b.stamp(&dot([200, 0, 0, 0]), 1, 1, 1.0, ALL);
        assert_eq!(b.to_straight()[(3 + 1) * 4..(3 + 1) * 4 + 4], [10, 20, 30, 255]);
        // Nothing else was touched.
        assert_eq!(b.px.iter().filter(|v| **v != 0).count(), 4);
    }

    #[test]
    fn a_stamp_says_what_it_covered_and_that_rectangle_reads_as_the_whole_does() {
        let mut b = Bitmap::new(6, 5);
        let picture = Bitmap::from_straight(2, 2, &[90, 60, 30, 200].repeat(4));
        assert_eq!(b.stamp(&picture, 3, 2, 0.7, ALL), Some(Clip { x0: 3, y0: 2, x1: 5, y1: 4 }));
        // Cut by the clip and the edge; nothing when wholly outside.
        assert_eq!(b.stamp(&picture, 5, -1, 1.0, ALL), Some(Clip { x0: 5, y0: 0, x1: 6, y1: 1 }));
        assert_eq!(b.stamp(&picture, 0, 0, 1.0, Clip { x0: 4, y0: 0, x1: 6, y1: 5 }), None);
        let r = Clip { x0: 3, y0: 0, x1: 6, y1: 4 }.union(Clip { x0: 4, y0: 1, x1: 5, y1: 2 });
        assert_eq!(r, Clip { x0: 3, y0: 0, x1: 6, y1: 4 });
        let (whole, part) = (b.to_straight(), b.to_straight_rect(r));
        assert_eq!(part.len(), 3 * 4 * 4);
        for row in 0..4 {
            assert_eq!(&part[row * 12..row * 12 + 12], &whole[(row * 6 + 3) * 4..(row * 6 + 6) * 4], "row {row}");
        }
        assert!(part.iter().any(|v| *v != 0));
    }

    #[test]
    fn a_picture_faded_once_and_copied_at_full_opacity_is_the_picture_copied_faded() {
        let picture = Bitmap::from_straight(3, 2, &[200, 40, 10, 255, 90, 180, 30, 128, 0, 0, 0, 0].repeat(2));
        for alpha in [1.0, 0.55, 0.3] {
            let (mut a, mut b) = (Bitmap::new(5, 4), Bitmap::new(5, 4));
            let under = Bitmap::from_straight(5, 4, &[20, 60, 220, 200].repeat(20));
            a.stamp(&under, 0, 0, 1.0, ALL);
            b.stamp(&under, 0, 0, 1.0, ALL);
            a.stamp(&picture, 1, 1, alpha, ALL);
            b.stamp(&picture.faded(alpha), 1, 1, 1.0, ALL);
            for (x, y) in a.px.iter().zip(&b.px) {
                assert!(x.abs_diff(*y) <= 1, "{alpha}: {:?} against {:?}", a.px, b.px);
            }
        }
    }

    #[test]
    fn half_opacity_over_black_is_half_the_colour_and_straight_again_on_the_way_out() {
        let mut b = Bitmap::new(1, 1);
        b.stamp(&dot([200, 100, 50, 255]), 0, 0, 0.5, ALL);
        assert_eq!(b.px, vec![100, 50, 25, 128]);
        let straight = b.to_straight();
        assert!((i32::from(straight[0]) - 200).abs() <= 1 && straight[3] == 128, "{straight:?}");
    }

    #[test]
    fn a_faded_copy_with_another_over_it_shows_as_one_copy_at_full_opacity() {
        // The bulk layers: every site faded, the begun ones again over it.
        let (faded, full) = (0.3, 1.0);
        let mut b = Bitmap::new(1, 1);
        b.stamp(&dot([40, 80, 120, 255]), 0, 0, faded, ALL);
        b.stamp(&dot([40, 80, 120, 255]), 0, 0, crate::geo::bulk::over_alpha(faded, full), ALL);
        assert_eq!(b.px, vec![40, 80, 120, 255]);
    }

    #[test]
    fn a_picture_is_cut_to_the_clip_and_the_bitmap() {
        let pic = Bitmap::from_straight(2, 2, &[9; 16]);
        let mut b = Bitmap::new(4, 4);
        b.stamp(&pic, -1, 3, 1.0, ALL);
        assert_eq!(b.px.chunks(4).filter(|p| p[3] != 0).count(), 1, "one pixel of four inside");
        let mut c = Bitmap::new(4, 4);
        c.stamp(&pic, 1, 1, 1.0, Clip { x0: 0, y0: 0, x1: 2, y1: 4 });
        assert_eq!(c.px.chunks(4).filter(|p| p[3] != 0).count(), 2, "the right column is cut");
    }
}
