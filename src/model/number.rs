//! Decimal numbers read from text the app is handed: the URL, the page's own drawing,
//! computed styles.

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

#[cfg(test)]
mod tests {
    use super::*;

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
