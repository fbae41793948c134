//! The transcendental functions of the map's geometry: in the browser the page's own
//! `Math`, natively (the tests, the pre-rendered page) the standard library's. Rust's own,
//! compiled into the wasm (a port of musl's libm: the argument reduction of sine and cosine
//! alone is 3 kB), were 6 kB of the first module's code for what every browser has.

#[cfg(target_arch = "wasm32")]
use js_sys::Math;

macro_rules! unary {
    ($($name:ident: $js:ident, $std:ident;)*) => {$(
        #[inline]
        pub fn $name(x: f64) -> f64 {
            #[cfg(target_arch = "wasm32")]
            return Math::$js(x);
            #[cfg(not(target_arch = "wasm32"))]
            return x.$std();
        }
    )*};
}

unary! {
    sin: sin, sin;
    cos: cos, cos;
    tan: tan, tan;
    ln: log, ln;
    exp: exp, exp;
    acos: acos, acos;
    asin: asin, asin;
}

/// `(sin x, cos x)`.
#[inline]
pub fn sin_cos(x: f64) -> (f64, f64) {
    (sin(x), cos(x))
}

macro_rules! binary {
    ($($(#[$doc:meta])* $name:ident($a:ident, $b:ident): $js:ident, $std:ident;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name($a: f64, $b: f64) -> f64 {
            #[cfg(target_arch = "wasm32")]
            return Math::$js($a, $b);
            #[cfg(not(target_arch = "wasm32"))]
            return $a.$std($b);
        }
    )*};
}

binary! {
    /// The angle of the point (x, y) from the x axis, in radians.
    atan2(y, x): atan2, atan2;
    /// √(x² + y²), without overflow or underflow on the way.
    hypot(x, y): hypot, hypot;
    /// `base` to the power `exponent`.
    powf(base, exponent): pow, powf;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_functions_are_the_standard_librarys_natively() {
        for x in [-3.0, -0.5, 0.0, 0.3, 1.0, 2.5, 100.0] {
            assert_eq!(sin_cos(x), x.sin_cos());
            assert_eq!((tan(x), exp(x)), (x.tan(), x.exp()));
            assert_eq!(atan2(x, 2.0), x.atan2(2.0));
            assert_eq!(hypot(x, 3.0), x.hypot(3.0));
        }
        assert_eq!(
            (ln(2.0), powf(2.0, 0.5), acos(0.5), asin(0.5)),
            (2f64.ln(), 2f64.powf(0.5), 0.5f64.acos(), 0.5f64.asin())
        );
    }
}
