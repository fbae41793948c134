//! What a reader takes away: the shown items as a CSV table (RFC 4180, UTF-8 with a byte
//! order mark so that spreadsheets read Chinese right, and no cell a spreadsheet would run
//! as a formula), and the names of the exported files.

use super::dataset::{Dataset, Item, Lang};
use super::list::order_key;
use super::time::span;
use super::ui::MapView;

/// A cell as a spreadsheet must not read it: text starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return is a formula to Excel and LibreOffice; a leading `'` keeps it text.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// A cell quoted as RFC 4180 asks: in double quotes when it holds a comma, a quote or a
/// line break, with quotes doubled.
pub fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_owned() }
}

fn row(cells: &[String]) -> String {
    cells.iter().map(|c| quote(&neutralise(c))).collect::<Vec<_>>().join(",")
}

/// The items at `positions` (in that order) as CSV, with their titles and descriptions in
/// `langs` (the page's language, or all three). Lines end with CRLF, as RFC 4180 has it.
pub fn items_csv(ds: &Dataset, positions: &[usize], langs: &[Lang]) -> String {
    let mut header: Vec<String> = ["id", "start", "end", "precision", "kind", "status", "domains", "sites", "parties"]
        .map(str::to_owned)
        .to_vec();
    for l in langs {
        header.push(format!("title_{}", l.code()));
        header.push(format!("description_{}", l.code()));
    }
    header.push("sources".into());
    let mut out = String::from("\u{FEFF}");
    out.push_str(&row(&header));
    out.push_str("\r\n");
    for &n in positions {
        let Some(item) = ds.items.get(n) else { continue };
        out.push_str(&row(&item_cells(ds, item, langs)));
        out.push_str("\r\n");
    }
    out
}

fn item_cells(ds: &Dataset, item: &Item, langs: &[Lang]) -> Vec<String> {
    let name_of_site = |id: &String| ds.site(id).map_or_else(|| id.clone(), |s| s.name.get(langs[0]).to_owned());
    let name_of_actor = |id: &String| ds.actor(id).map_or_else(|| id.clone(), |a| a.name.get(langs[0]).to_owned());
    let mut cells = vec![
        item.id.clone(),
        item.when.start.clone().unwrap_or_default(),
        item.when.end.clone().unwrap_or_default(),
        item.when.precision.json_name().to_owned(),
        item.kind.json_name().to_owned(),
        item.status.json_name().to_owned(),
        item.domains.iter().map(|d| d.json_name()).collect::<Vec<_>>().join("; "),
        item.sites.iter().map(name_of_site).collect::<Vec<_>>().join("; "),
        item.parties.iter().map(name_of_actor).collect::<Vec<_>>().join("; "),
    ];
    for &l in langs {
        cells.push(item.title.get(l).to_owned());
        cells.push(item.description.get(l).to_owned());
    }
    let sources = item
        .sources
        .iter()
        .map(|c| {
            let title =
                ds.sources.iter().find(|s| s.id == c.source).map_or(c.source.as_str(), |s| s.title.get(langs[0]));
            format!("{title}, {}", c.place)
        })
        .collect::<Vec<_>>()
        .join(" | ");
    cells.push(sources);
    cells
}

/// The shown items in date order, undated last (the handout's and the CSV's order): the
/// list's order, earliest first, with equal dates by id (a file's rows do not depend on
/// the dataset's order).
pub fn by_date(ds: &Dataset, positions: &[usize]) -> Vec<usize> {
    let mut sorted = positions.to_vec();
    sorted.sort_by_cached_key(|&n| {
        let item = &ds.items[n];
        (order_key(span(&item.when), true, &item.id), item.id.as_str())
    });
    sorted
}

/// `passerelle-china-zh-2026-11-23.png`: what, which view, which language, which day.
pub fn file_name(view: Option<MapView>, lang: Lang, day: &str, extension: &str) -> String {
    match view {
        Some(v) => format!("passerelle-{}-{}-{day}.{extension}", v.slug(), lang.code()),
        None => format!("passerelle-items-{}-{day}.{extension}", lang.code()),
    }
}

/// Base64 of bytes (a `data:` address for the map drawn into a PNG: the page's policy
/// lets images come from there).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::shipped;

    /// A small RFC 4180 reader, to read the export back.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let (mut row, mut cell, mut quoted, mut chars) =
            (vec![], String::new(), false, text.trim_start_matches('\u{FEFF}').chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn the_csv_reads_back_to_exactly_the_items_given() {
        let ds = shipped();
        let positions = by_date(&ds, &(0..ds.items.len()).collect::<Vec<_>>());
        let csv = items_csv(&ds, &positions, &[Lang::Zh]);
        assert!(csv.starts_with('\u{FEFF}'), "a byte order mark for Excel");
        assert!(csv.contains("\r\n"));
        let rows = parse(&csv);
        assert_eq!(rows[0][0], "id");
        assert!(rows[0].contains(&"title_zh".to_owned()));
        let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        let expected: Vec<&str> = positions.iter().map(|&n| ds.items[n].id.as_str()).collect();
        assert_eq!(ids, expected);
        let title = rows[0].iter().position(|h| h == "title_zh").unwrap();
        assert_eq!(rows[1][title], ds.items[positions[0]].title.get(Lang::Zh));
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "every row has every column");
        // All three languages on request.
        assert_eq!(
            parse(&items_csv(&ds, &positions[..2], &[Lang::Fr, Lang::En, Lang::Zh]))[0].len(),
            rows[0].len() + 4
        );
    }

    #[test]
    fn a_cell_that_a_spreadsheet_would_run_is_neutralised_and_quotes_are_doubled() {
        for bad in ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralise("Lyon"), "Lyon");
        assert_eq!(quote("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
        assert_eq!(row(&["=HYPERLINK(\"x\")".into(), "ok".into()]), "\"'=HYPERLINK(\"\"x\"\")\",ok");
    }

    #[test]
    fn dated_items_come_first_in_date_order() {
        let ds = shipped();
        let sorted = by_date(&ds, &(0..ds.items.len()).collect::<Vec<_>>());
        let spans: Vec<Option<(i64, i64)>> = sorted.iter().map(|&n| span(&ds.items[n].when)).collect();
        let first_undated = spans.iter().position(Option::is_none).unwrap();
        assert!(spans[first_undated..].iter().all(Option::is_none));
        assert!(spans[..first_undated].windows(2).all(|w| w[0] <= w[1]));
        // Equal dates, and the undated, by id: the files do not follow the dataset's order.
        let mut reversed: Vec<usize> = (0..ds.items.len()).rev().collect();
        assert_eq!(by_date(&ds, &reversed), sorted);
        reversed.sort_unstable_by_key(|&n| std::cmp::Reverse(ds.items[n].id.clone()));
        assert_eq!(by_date(&ds, &reversed), sorted);
        let id = |k: usize| ds.items[sorted[k]].id.as_str();
        for k in 1..sorted.len() {
            if spans[k - 1] == spans[k] {
                assert!(id(k - 1) < id(k), "{} then {}", id(k - 1), id(k));
            }
        }
    }

    #[test]
    fn base64_pads_as_the_standard_says() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("张".as_bytes()), "5byg");
    }

    #[test]
    fn files_are_named_by_view_language_and_day() {
        assert_eq!(
            file_name(Some(MapView::China), Lang::Zh, "2026-11-23", "png"),
            "passerelle-china-zh-2026-11-23.png"
        );
        assert_eq!(file_name(None, Lang::Fr, "2026-11-23", "csv"), "passerelle-items-fr-2026-11-23.csv");
    }
}
