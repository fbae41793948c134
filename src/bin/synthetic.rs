//! Writes a synthetic dataset for benchmarks: `--sites N --links M` (default 5,000 and
//! 10,000), half the sites in Auvergne-Rhône-Alpes and half in Hebei, each item linking one
//! French and one Chinese site. Deterministic; never shipped.
//!
//!     cargo run --release --bin synthetic -- --sites 5000 --links 10000 > big.json

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelle::model::*;

    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (n_sites, n_links) = (arg("--sites", 5_000).max(2), arg("--links", 10_000));
    // A small linear congruential generator: the same file on every run.
    let mut seed: u64 = 0x2022_0204;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let text = |fr: String, en: String, zh: String| Localized::new(fr, en, zh);
    let kinds = [SiteKind::City, SiteKind::SkiResort, SiteKind::University, SiteKind::Landmark, SiteKind::OlympicVenue];
    let sites: Vec<Site> = (0..n_sites)
        .map(|i| {
            let france = i % 2 == 0;
            let (lon, lat) = if france {
                (2.2 + 4.8 * next(), 44.3 + 2.4 * next())
            } else {
                (113.6 + 6.0 * next(), 36.2 + 6.2 * next())
            };
            let tag = if france { 'F' } else { 'C' };
            Site {
                id: format!("s{i}"),
                name: text(format!("Site {tag}{i}"), format!("Site {tag}{i}"), format!("站点{tag}{i}")),
                kind: kinds[i % kinds.len()],
                lon: (lon * 1e4).round() / 1e4,
                lat: (lat * 1e4).round() / 1e4,
                side: if france { Side::France } else { Side::China },
                region: text("R".into(), "R".into(), "区".into()),
                figures: vec![],
                note: None,
                not_from_sources: vec![],
            }
        })
        .collect();
    let item_kinds =
        [ItemKind::Agreement, ItemKind::BusinessContracts, ItemKind::Project, ItemKind::Event, ItemKind::AirRoute];
    let statuses = [Status::Signed, Status::Planned, Status::Held, Status::UnderStudy, Status::InProgress];
    let domains = [Domain::Tourism, Domain::Sport, Domain::Training, Domain::Transport];
    let half = n_sites / 2;
    let items: Vec<Item> = (0..n_links)
        .map(|i| {
            let a = 2 * ((next() * half as f64) as usize).min(half - 1);
            let b = (2 * ((next() * half as f64) as usize) + 1).min(n_sites - 1);
            let day = (next() * 3650.0) as u32;
            let (y, m, d) = (2015 + day / 365, 1 + (day % 365) / 31 % 12, 1 + day % 28);
            Item {
                id: format!("i{i}"),
                kind: item_kinds[i % item_kinds.len()],
                title: text(format!("Lien {i}"), format!("Link {i}"), format!("联系{i}")),
                description: text("D".into(), "D".into(), "述".into()),
                when: When { start: Some(format!("{y}-{m:02}-{d:02}")), end: None, precision: Precision::Day },
                status: statuses[i % statuses.len()],
                parties: vec![],
                sites: vec![format!("s{a}"), format!("s{b}")],
                domains: vec![domains[i % domains.len()]],
                related: vec![],
                sources: vec![Citation { source: "syn".into(), place: "¶1 « synthetic »".into() }],
                figures: vec![],
                note: None,
                not_from_sources: vec![],
            }
        })
        .collect();
    let ds = Dataset {
        schema: SCHEMA_VERSION,
        sources: vec![Source {
            id: "syn".into(),
            title: text("Synthétique".into(), "Synthetic".into(), "合成".into()),
            publisher: None,
            date: None,
            language: "fr".into(),
            url: None,
            note: None,
            not_from_sources: vec![],
        }],
        sites,
        actors: vec![],
        items,
        tours: Vec::new(),
        lookup: Default::default(),
    };
    println!("{}", serde_json::to_string(&ds).expect("serialisable"));
}

// Integration tests build every binary, also for wasm32; this one only runs natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
