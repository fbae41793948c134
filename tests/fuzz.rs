//! Fuzzing the dataset parser and validator on stable Rust: a small seeded generator of
//! arbitrary JSON, of mutations of the real dataset, and of raw text. Any panic fails, and
//! so does any input on which the hand-written record reader (src/model/read.rs) and
//! serde's derive give a different result or message.
//!
//! The short run is part of `cargo test`. The long one:
//!
//!     PASSERELLE_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --nocapture
// Native only: serde's derive, the yardstick, is not built for the browser.
#![cfg(not(target_arch = "wasm32"))]

use passerelle::model::{parse_dataset, parse_dataset_with_serde, parsed_as_value};
use serde_json::{Map, Value, json};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

const STRINGS: &[&str] = &[
    "",
    " ",
    "chambery",
    "2018-11-29",
    "2018-02-30",
    "9999",
    "agreement",
    "signed",
    "france",
    "china",
    "day",
    "month",
    "https://x.example",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "\u{202e}evil",
    "a\u{200b}b",
    "\u{0}",
    "张家口",
    "schema",
    "items",
    "sites",
    "id",
    "lon",
    "lat",
    "when",
    "start",
    "end",
    "precision",
    "sources",
    "source",
    "place",
];

fn string(r: &mut Rng) -> String {
    if r.chance(4) {
        let n = r.below(300);
        (0..n).map(|_| char::from_u32(r.below(0x3000) as u32).unwrap_or('?')).collect()
    } else {
        STRINGS[r.below(STRINGS.len())].to_owned()
    }
}

fn value(r: &mut Rng, depth: usize) -> Value {
    match r.below(if depth > 6 { 4 } else { 7 }) {
        0 => Value::Null,
        1 => json!(r.chance(2)),
        2 => {
            if r.chance(2) {
                json!([0i64, -1, 12, 1, 900_000, 4_294_967_296, i64::MIN][r.below(7)])
            } else {
                json!([0.0, -1.0, 1e308, -1e308, 45.5, 5.9, 116.4, 1.0 / 3.0, 1e21][r.below(9)])
            }
        }
        3 => json!(string(r)),
        4 => Value::Array((0..r.below(5)).map(|_| value(r, depth + 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..r.below(6) {
                m.insert(string(r), value(r, depth + 1));
            }
            Value::Object(m)
        }
    }
}

/// Changes one random place of `v`: replaces, deletes, duplicates or adds.
fn mutate(r: &mut Rng, v: &mut Value) {
    match v {
        Value::Object(m) if !m.is_empty() && !r.chance(4) => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = &keys[r.below(keys.len())];
            match r.below(4) {
                0 => {
                    m.remove(k);
                }
                1 => {
                    m.insert(k.clone(), value(r, 3));
                }
                2 => {
                    m.insert(string(r), value(r, 3));
                }
                _ => mutate(r, m.get_mut(k).unwrap()),
            }
        }
        Value::Array(a) if !a.is_empty() && !r.chance(4) => match r.below(3) {
            0 => {
                let i = r.below(a.len());
                a.remove(i);
            }
            1 => {
                let i = r.below(a.len());
                let dup = a[i].clone();
                a.push(dup);
            }
            _ => {
                let i = r.below(a.len());
                mutate(r, &mut a[i]);
            }
        },
        other => *other = value(r, 4),
    }
}

#[test]
fn the_parser_and_validator_never_panic() {
    let cases: usize = std::env::var("PASSERELLE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(5_000);
    let shipped: Value = serde_json::from_str(include_str!("../public/data/cooperation.json")).unwrap();
    let small: Value = serde_json::from_str(include_str!("fixtures/small.json")).unwrap();
    let mut r = Rng(0x5EED_2022_0204);
    let (mut accepted, mut refused) = (0usize, 0usize);
    for i in 0..cases {
        let text = match i % 4 {
            // Mutations of real datasets reach deep into the validator.
            0 | 1 => {
                let mut v = if r.chance(3) { shipped.clone() } else { small.clone() };
                for _ in 0..1 + r.below(4) {
                    mutate(&mut r, &mut v);
                }
                v.to_string()
            }
            2 => value(&mut r, 0).to_string(),
            // Raw text, sometimes cut in the middle of a real file.
            _ => {
                let base = include_str!("fixtures/small.json");
                let cut = r.below(base.len());
                let mut s: String = base.chars().take(cut).collect();
                s.push_str(&string(&mut r));
                s
            }
        };
        // The app's own tree of the text is serde_json's value, or fails with its message.
        let serde_value = serde_json::from_str::<Value>(&text).map_err(|e| e.to_string());
        assert_eq!(parsed_as_value(&text), serde_value, "the tree and serde_json differ on:\n{text}");
        let outcome = parse_dataset("fuzz.json", &text);
        assert_eq!(outcome, parse_dataset_with_serde("fuzz.json", &text), "the reader and serde differ on:\n{text}");
        match outcome {
            Ok(_) => accepted += 1,
            Err(e) => {
                // Every refusal has a sentence.
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
    }
    println!("fuzz: {cases} inputs, {accepted} accepted, {refused} refused, no panic");
    assert_eq!(accepted + refused, cases);
    assert!(refused > 0 && accepted > 0, "the generator reaches both outcomes");
}

/// A key written twice in a record: the last value counts, as in serde_json's own value,
/// and the reader still matches serde's derive.
#[test]
fn a_key_written_twice_counts_once_with_its_last_value() {
    // The fixture written compactly, so that its first site's text can be found in it.
    let small = serde_json::from_str::<Value>(include_str!("fixtures/small.json")).unwrap();
    let (all, site) = (small.to_string(), small["sites"][0].to_string());
    let id = small["sites"][0]["id"].as_str().unwrap();
    let with_site = |record: String| {
        let text = all.replacen(&site, &record, 1);
        assert_ne!(text, all, "the site was found in the fixture");
        assert_eq!(parsed_as_value(&text), serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()));
        text
    };
    // Another id written before the record's own: the record's own (the last) is read.
    for extra in [r#""id":"elsewhere","#, r#""id":5,"#] {
        let text = with_site(site.replacen('{', &format!("{{{extra}"), 1));
        let loaded = parse_dataset("twice.json", &text).expect("the last id is a good one");
        assert_eq!(loaded.dataset.sites[0].id, id);
        assert_eq!(Ok(loaded), parse_dataset_with_serde("twice.json", &text));
    }
    // A wrong longitude written after the good one: the wrong one is read.
    let text = with_site(format!("{},\"lon\":\"east\"}}", &site[..site.len() - 1]));
    let refused = parse_dataset("twice.json", &text).expect_err("the last lon is a string");
    assert!(refused.to_string().contains("lon"), "{refused}");
    assert_eq!(Err(refused), parse_dataset_with_serde("twice.json", &text));
}

/// Shapes serde's derive accepts or words in its own way, each compared with the reader.
#[test]
fn the_reader_matches_serde_on_odd_shapes() {
    let small: Value = serde_json::from_str(include_str!("fixtures/small.json")).unwrap();
    let site = small["sites"][0].clone();
    let odd: Vec<Value> = vec![
        json!(["Lyon", "Lyon", "里昂"]),
        json!(["Lyon", "Lyon"]),
        json!(["Lyon", "Lyon", "里昂", "extra"]),
        json!({"city": null}),
        json!({"city": 1}),
        json!({"metropolis": null}),
        json!({}),
        json!({"city": null, "region": null}),
        json!(12),
        json!(-4),
        json!(4.5e-7),
        json!(1e21),
        json!(true),
        json!(null),
        json!("a \"quoted\" \u{1} name"),
        json!([]),
    ];
    let fields = ["id", "name", "kind", "lon", "lat", "side", "region", "figures", "not_from_sources"];
    let mut compared = 0;
    for field in fields {
        for value in &odd {
            let mut s = site.clone();
            s[field] = value.clone();
            let mut v = small.clone();
            v["sites"][0] = s;
            let text = v.to_string();
            assert_eq!(
                parse_dataset("odd.json", &text),
                parse_dataset_with_serde("odd.json", &text),
                "differ on {field} = {value}"
            );
            compared += 1;
        }
    }
    // A whole record as an array of its fields in order, short and long.
    for n in [0, 3, 7, 9, 10] {
        let mut v = small.clone();
        let values: Vec<Value> =
            fields.iter().map(|f| site.get(*f).cloned().unwrap_or(json!([]))).chain([json!(1)]).take(n).collect();
        v["sites"][0] = Value::Array(values);
        let text = v.to_string();
        assert_eq!(
            parse_dataset("odd.json", &text),
            parse_dataset_with_serde("odd.json", &text),
            "differ on a {n}-element record"
        );
        compared += 1;
    }
    assert_eq!(compared, fields.len() * odd.len() + 5);
}
