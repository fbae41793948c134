//! The parts of the page written as markup, from the shipped dataset: snapshots of the
//! details' sheet (`i18n::details`), the introduction (`i18n::intro`) and the filters'
//! checkboxes (`i18n::facets`), one element per line.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test markup` rewrites the snapshots; review the diff.

mod support;

use passerelle::i18n::details::{item_details, site_details};
use passerelle::i18n::facets::facets_markup;
use passerelle::i18n::intro::{dataset_summary, intro_markup};
use passerelle::model::filter::Chosen;
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

#[test]
fn the_introduction_says_what_the_map_tells_how_much_it_holds_and_the_ways_in() {
    support::check_snapshot("intro-zh.html", &intro_markup(&shipped(), Lang::Zh));
}

#[test]
fn the_summary_counts_what_was_loaded_each_count_in_its_form() {
    let ds = parse_dataset("small.json", include_str!("fixtures/small.json")).unwrap().dataset;
    assert_eq!(dataset_summary(&ds, Lang::En), "2 items · 3 sites · 2 actors · 1 source");
}

#[test]
fn the_filters_drawer_offers_a_fieldset_per_facet_and_a_box_per_value_the_data_uses() {
    let ds = shipped();
    support::check_snapshot("facets-fr.html", &facets_markup(&Chosen::offered(&ds), Lang::Fr));
}
