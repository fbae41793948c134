//! The details' sheet, from the shipped dataset: snapshots of its markup
//! (`i18n::details`), one element per line.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test details` rewrites the snapshots; review the diff.

mod support;

use passerelle::i18n::details::{item_details, site_details};
use passerelle::model::{Dataset, Lang, parse_dataset};

fn shipped() -> Dataset {
    let text = std::fs::read_to_string("public/data/cooperation.json").unwrap();
    parse_dataset("cooperation.json", &text).unwrap().dataset
}

#[test]
fn an_items_sheet_gives_its_facts_parties_sites_notes_related_items_and_sources() {
    let ds = shipped();
    let item = ds.item("loi-chambery-zhangjiakou").unwrap();
    support::check_snapshot("details-item-en.html", &item_details(&ds, item, Lang::En));
}

#[test]
fn a_sites_sheet_lists_its_items_then_those_of_the_parties_seated_there() {
    let ds = shipped();
    let site = ds.site("chambery").unwrap();
    support::check_snapshot("details-site-fr.html", &site_details(&ds, site, Lang::Fr));
}
