//! Decimal numbers read from text the app is handed (the URL, the page's own drawing,
//! computed styles) and written into text (the drawing's attributes, messages, the URL).
//!
//! Both directions avoid the standard library's float conversions in the browser: its
//! parser carries a 10 kB table of powers of five, its formatter Grisu and Dragon with
//! their tables, and serde_json's formatter one more (issue 25). Reading goes through the
//! page's `parseFloat`; writing takes the shortest digits from the page's `Number` and lays
//! them out here, or rounds to a number of decimals exactly, with integers. Natively, for
//! the tests and the pre-rendered page, the standard library gives the digits.

use std::fmt;

/// `text` as a number if it is written as one: digits with an optional sign, point and
/// exponent (`-4.5`, `.5`, `3.`, `1e-3`), nothing else (no space, `inf`, `NaN` or hex). In the
/// browser the page's own `parseFloat` reads it: it rounds to the nearest double as Rust's
/// `str::parse` does, which carries a 10 kB table of powers of five into the first module
/// (issue 25). Too large a number is infinite, as either gives it.
pub fn parse_f64(text: &str) -> Option<f64> {
    if !is_decimal(text.as_bytes()) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    return Some(js_sys::parse_float(text));
    #[cfg(not(target_arch = "wasm32"))]
    text.parse().ok()
}

/// `[+-]? (digits [.digits?] | .digits) ([eE] [+-]? digits)?`
fn is_decimal(b: &[u8]) -> bool {
    let digits = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_digit()).count();
    let b = b.strip_prefix(b"+").or_else(|| b.strip_prefix(b"-")).unwrap_or(b);
    let whole = digits(b);
    let b = &b[whole..];
    let (fraction, b) = match b.strip_prefix(b".") {
        Some(rest) => (digits(rest), &rest[digits(rest)..]),
        None => (0, b),
    };
    if whole + fraction == 0 {
        return false;
    }
    match b {
        [] => true,
        [b'e' | b'E', rest @ ..] => {
            let rest = rest.strip_prefix(b"+").or_else(|| rest.strip_prefix(b"-")).unwrap_or(rest);
            !rest.is_empty() && digits(rest) == rest.len()
        }
        _ => false,
    }
}

/// `v` as `format!("{v}")` writes it: the shortest digits that read back as `v`, never in
/// exponent form (`0.00001`, `1000000000000000000000`, `-0`, `NaN`, `inf`). (In the browser
/// a 17-digit double exactly between two shortest texts may end one digit apart.)
pub struct Plain(pub f64);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if let Some(special) = special(v) {
            return f.write_str(special);
        }
        let mut out = String::new();
        if v.is_sign_negative() {
            out.push('-');
        }
        if v == 0.0 {
            out.push('0');
        } else {
            let (digits, exp) = shortest_digits(v.abs());
            push_positional(&mut out, &digits, exp);
        }
        f.write_str(&out)
    }
}

/// A float as serde_json writes it in JSON text and in its messages (`1.0`, `0.00001`,
/// `1e-6`, `1.5e+16`): positional from 10⁻⁵ to 10¹⁵ with at least one decimal, in exponent
/// form beyond. For finite values, the only ones JSON has.
pub struct JsonFloat(pub f64);

impl fmt::Display for JsonFloat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        let mut out = String::new();
        if v.is_sign_negative() {
            out.push('-');
        }
        if v == 0.0 || !v.is_finite() {
            out.push_str("0.0");
            return f.write_str(&out);
        }
        let (digits, exp) = shortest_digits(v.abs());
        if (-5..=15).contains(&exp) {
            push_positional(&mut out, &digits, exp);
            if exp >= digits.len() as i32 - 1 {
                out.push_str(".0");
            }
        } else {
            out.push(char::from(digits[0]));
            if digits.len() > 1 {
                out.push('.');
                out.extend(digits[1..].iter().map(|&d| char::from(d)));
            }
            out.push_str(if exp < 0 { "e-" } else { "e+" });
            out.push_str(&exp.unsigned_abs().to_string());
        }
        f.write_str(&out)
    }
}

/// `v` rounded to `.1` decimals, as `format!("{v:.N$}")` writes it: the exact value rounded
/// half to even, with integers alone (`-0.0` for a small negative value, `NaN`, `inf`).
pub struct Fixed(pub f64, pub usize);

/// The most decimals `Fixed` writes: 10^17 times a 53-bit significand fits in 128 bits.
pub const MAX_DECIMALS: usize = 17;

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (v, decimals) = (self.0, self.1.min(MAX_DECIMALS));
        if let Some(special) = special(v) {
            return f.write_str(special);
        }
        let mut out = String::new();
        if v.is_sign_negative() {
            out.push('-');
        }
        let bits = v.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1 << 52) - 1);
        // v = significand × 2^exp exactly.
        let (significand, exp) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
        if exp >= 0 {
            // An integer already: its digits, then zeros.
            push_integer_times_pow2(&mut out, significand, exp as u32);
            if decimals > 0 {
                out.push('.');
                out.extend(std::iter::repeat_n('0', decimals));
            }
        } else {
            // round(significand × 10^decimals / 2^shift), half to even.
            let scaled = u128::from(significand) * 10u128.pow(decimals as u32);
            let shift = exp.unsigned_abs();
            let rounded = if shift >= 128 {
                0 // below 2^-75: nothing left at 17 decimals, and less than half of the last one
            } else {
                let (quotient, remainder) = (scaled >> shift, scaled & ((1u128 << shift) - 1));
                let half = 1u128 << (shift - 1);
                quotient + u128::from(remainder > half || (remainder == half && quotient & 1 == 1))
            };
            let unit = 10u128.pow(decimals as u32);
            out.push_str(&(rounded / unit).to_string());
            if decimals > 0 {
                let decimals_text = (rounded % unit).to_string();
                out.push('.');
                out.extend(std::iter::repeat_n('0', decimals - decimals_text.len()));
                out.push_str(&decimals_text);
            }
        }
        f.write_str(&out)
    }
}

fn special(v: f64) -> Option<&'static str> {
    if v.is_nan() {
        Some("NaN")
    } else if v.is_infinite() {
        Some(if v > 0.0 { "inf" } else { "-inf" })
    } else {
        None
    }
}

/// The digits `d₀d₁…` (ASCII, no trailing zero) and exponent `e` of the shortest decimal
/// `d₀.d₁… × 10^e` that reads back as `v` (finite, positive).
fn shortest_digits(v: f64) -> (Vec<u8>, i32) {
    // The page's `Number.prototype.toString` (`1.5e-7`, `0.00015`, `1e+21`, `123.4`): the
    // shortest digits, as ECMAScript requires, and the standard library's natively (`1.5e-7`).
    // Where two such are as close (a double exactly halfway, `…797.25` at 17 digits), the
    // page and Rust may keep different ones: either reads back as the same double.
    #[cfg(target_arch = "wasm32")]
    let text: String = js_sys::Number::from(v).to_string_with_radix(10).map(String::from).unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    let text = format!("{v:e}");
    scientific(&text)
}

/// Reads the digits and exponent of a positive decimal written positionally or in
/// exponent form (`123.4`, `0.00015`, `1.5e-7`, `1e+21`).
fn scientific(text: &str) -> (Vec<u8>, i32) {
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
    // The point sits after the whole part: d₀.d₁… needs the exponent moved by its length.
    let mut exp = exp + whole.len() as i32 - 1;
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    exp -= leading as i32;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        digits.push(b'0');
    }
    (digits, exp)
}

/// `d₀.d₁… × 10^exp` written positionally, without exponent or trailing point.
fn push_positional(out: &mut String, digits: &[u8], exp: i32) {
    let digit = |&d: &u8| char::from(d);
    let n = digits.len() as i32;
    if exp >= n - 1 {
        out.extend(digits.iter().map(digit));
        out.extend(std::iter::repeat_n('0', (exp - (n - 1)) as usize));
    } else if exp >= 0 {
        let (whole, fraction) = digits.split_at(exp as usize + 1);
        out.extend(whole.iter().map(digit));
        out.push('.');
        out.extend(fraction.iter().map(digit));
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
        out.extend(digits.iter().map(digit));
    }
}

/// The decimal digits of `significand × 2^exp`, for the largest doubles too (309 digits):
/// limbs of nine digits, doubled in steps of up to 2^29.
fn push_integer_times_pow2(out: &mut String, significand: u64, mut exp: u32) {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![significand % BASE, significand / BASE % BASE, significand / BASE / BASE];
    while exp > 0 {
        let step = exp.min(29);
        exp -= step;
        let mut carry = 0u64;
        for limb in &mut limbs {
            let x = (*limb << step) + carry;
            *limb = x % BASE;
            carry = x / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut limbs = limbs.iter().rev();
    if let Some(first) = limbs.next() {
        out.push_str(&first.to_string());
    }
    for limb in limbs {
        let text = limb.to_string();
        out.extend(std::iter::repeat_n('0', 9 - text.len()));
        out.push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Doubles of every magnitude and shape: powers of two and ten, halves and ties at each
    /// number of decimals, the smallest and largest, then random bit patterns.
    fn samples() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.25,
            0.35,
            0.125,
            0.05,
            0.15,
            1e-5,
            1e-6,
            1.5e-7,
            1e15,
            1e16,
            1e21,
            1e22,
            123.456,
            45.5646,
            5.9178,
            1e-300,
            5e-324,
            -5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            9007199254740992.0,
            9007199254740993.0,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            1234.5,
            99.95,
            0.999999,
            9.5,
            10.5,
            4503599627370495.5,
            4503599627370496.5,
        ];
        for e in -30..=30 {
            v.push(10f64.powi(e));
            v.push(2f64.powi(e * 10));
            v.push(1.5 * 10f64.powi(e));
        }
        for k in 0..2000 {
            v.push(f64::from(k) / 8.0 - 120.0); // exact ties at one to three decimals
            v.push(f64::from(k) * 0.05);
        }
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..30_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            v.push(x);
            // Values the app writes: pixels, degrees, zoom.
            v.push((state >> 11) as f64 / (1u64 << 53) as f64 * 4000.0 - 2000.0);
        }
        v
    }

    #[test]
    fn plain_writes_what_display_writes() {
        for v in samples() {
            assert_eq!(Plain(v).to_string(), format!("{v}"), "{:e} ({:#x})", v, v.to_bits());
        }
        assert_eq!(Plain(f64::NAN).to_string(), "NaN");
        assert_eq!(Plain(f64::NEG_INFINITY).to_string(), "-inf");
    }

    #[test]
    fn fixed_writes_what_a_precision_writes() {
        for v in samples() {
            for decimals in 0..=MAX_DECIMALS {
                assert_eq!(Fixed(v, decimals).to_string(), format!("{v:.decimals$}"), "{:e} to {decimals}", v);
            }
        }
        assert_eq!(Fixed(f64::INFINITY, 2).to_string(), "inf");
    }

    /// serde_json's own formatter (zmij) writes the shortest digits but not always the
    /// closest of them: one in a few thousand 16- or 17-digit doubles ends one digit apart
    /// (`…562.3` for `…562.2`), both reading back as the same double. Up to 15 digits the
    /// texts are the same; beyond, the same layout and the same double.
    #[test]
    fn json_float_writes_what_serde_json_writes() {
        for v in samples().into_iter().filter(|v| v.is_finite()) {
            let ours = JsonFloat(v).to_string();
            let theirs = serde_json::Number::from_f64(v).expect("finite").to_string();
            if shortest_digits(v.abs().max(f64::MIN_POSITIVE)).0.len() <= 15 {
                assert_eq!(ours, theirs, "{:e}", v);
            } else {
                assert_eq!(ours.len(), theirs.len(), "{ours} / {theirs}");
                assert_eq!(ours.parse::<f64>().map(f64::to_bits), Ok(v.to_bits()), "{ours}");
            }
        }
    }

    #[test]
    fn both_notations_are_read() {
        assert_eq!(scientific("123.4"), (b"1234".to_vec(), 2));
        assert_eq!(scientific("0.00015"), (b"15".to_vec(), -4));
        assert_eq!(scientific("1.5e-7"), (b"15".to_vec(), -7));
        assert_eq!(scientific("1e+21"), (b"1".to_vec(), 21));
        assert_eq!(scientific("1200"), (b"12".to_vec(), 3));
    }

    #[test]
    fn decimals_are_read_as_rust_reads_them() {
        for text in ["0", "-4.5", "+4.5", ".5", "3.", "1e-3", "2.5E+10", "45.764043", "-0", "1e400", "007"] {
            assert_eq!(parse_f64(text), Some(text.parse::<f64>().unwrap()), "{text}");
        }
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for text in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "inf", "NaN", "0x10", "1,5", "1px", "--1"] {
            assert_eq!(parse_f64(text), None, "{text:?}");
        }
    }
}
