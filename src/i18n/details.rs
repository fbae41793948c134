//! The details of an item or a site as the sheet's markup, in one language: written as
//! text, as the map's legend and drawing are (`geo::svg`), rather than as a tree of typed
//! views. The sheet sets it in one step and follows its links by one listener (the
//! buttons' `data-item`, `data-site-link` and `data-related`): the same page, a fraction
//! of the code (issue 25).

use super::markup::{Markup, piece};
use super::{Msg, coordinates, figure, marked_fields, tr, trf, when_label};
use crate::model::{Dataset, Item, Lang, Site};

/// An item's details: its facts, description, figures, notes, related items and sources.
pub fn item_details(dataset: &Dataset, item: &Item, lang: Lang) -> String {
    let parties: Vec<_> = item.parties.iter().filter_map(|id| dataset.actor(id)).collect();
    let mut m = Markup(String::new());
    m.raw("<article class=\"detail\" data-item=\"").text(&item.id).raw("\">");
    m.raw("<h3 id=\"detail-title\" tabindex=\"-1\">").text(item.title.get(lang)).raw("</h3><dl>");
    m.row(lang, Msg::Date, |m| _ = m.text(&when_label(lang, &item.when)));
    m.row(lang, Msg::Kind, |m| _ = m.text(item.kind.label(lang)));
    m.row(lang, Msg::Status, |m| _ = m.text(item.status.label(lang)));
    let domains = item.domains.iter().map(|d| d.label(lang)).collect::<Vec<_>>().join(", ");
    m.row(lang, Msg::Domains, |m| _ = m.text(if domains.is_empty() { "—" } else { &domains }));
    // Each party leads to its site, where it has one.
    let parties_inline: Vec<String> = parties
        .iter()
        .map(|a| {
            let name = a.name.get(lang);
            piece(|m| match &a.site {
                Some(site) => _ = m.link("site-link", site, name),
                None => _ = m.text(name),
            })
        })
        .collect();
    m.row(lang, Msg::Parties, |m| m.list("detail__inline", &parties_inline));
    let sites: Vec<String> = item
        .sites
        .iter()
        .filter_map(|id| dataset.site(id))
        .map(|s| piece(|m| _ = m.link("site-link", &s.id, s.name.get(lang))))
        .collect();
    m.row(lang, Msg::Sites, |m| m.list("detail__inline", &sites));
    m.raw("</dl><p>").text(item.description.get(lang)).raw("</p>");
    let figures: Vec<String> = item.figures.iter().map(|f| piece(|m| _ = m.text(&figure(lang, f)))).collect();
    m.section(None, "detail-panel__figures", &figures);
    if let Some(note) = &item.note {
        m.note(note.get(lang));
    }
    marked_sentence(&mut m, dataset, &item.not_from_sources, lang);
    // What is said of a party's name (an acronym expanded, a name order), where something is.
    let party_notes: Vec<String> = parties
        .iter()
        .filter_map(|a| {
            let note = a.note.as_ref()?;
            Some(piece(|m| _ = m.raw("<strong>").text(a.name.get(lang)).raw("</strong> — ").text(note.get(lang))))
        })
        .collect();
    m.section(None, "detail-panel__party-notes", &party_notes);
    let related: Vec<String> = item
        .related
        .iter()
        .filter_map(|id| dataset.item(id))
        .map(|r| piece(|m| _ = m.link("related", &r.id, r.title.get(lang))))
        .collect();
    m.section(Some(tr(lang, Msg::Related)), "detail-panel__related", &related);
    let sources: Vec<String> = item
        .sources
        .iter()
        .map(|c| {
            let title =
                dataset.sources.iter().find(|s| s.id == c.source).map_or(c.source.as_str(), |s| s.title.get(lang));
            piece(|m| _ = m.raw("<cite>").text(title).raw("</cite>, ").text(&c.place))
        })
        .collect();
    // The heading stays where an item cites nothing (the checker finds it; the page says so).
    m.raw("<h4>").text(tr(lang, Msg::Sources)).raw("</h4>");
    m.list("detail-panel__sources", &sources);
    m.raw("</article>");
    m.0
}

/// A site's details: its facts, figures, notes, the items there and the items of the
/// parties seated there.
pub fn site_details(dataset: &Dataset, site: &Site, lang: Lang) -> String {
    let mut m = Markup(String::new());
    m.raw("<article class=\"detail\" data-site=\"").text(&site.id).raw("\">");
    m.raw("<h3 id=\"detail-title\" tabindex=\"-1\">").text(site.name.get(lang)).raw("</h3><dl>");
    m.row(lang, Msg::Kind, |m| _ = m.text(site.kind.label(lang)));
    m.row(lang, Msg::Region, |m| _ = m.text(site.region.get(lang)));
    m.raw("<dt>").text(tr(lang, Msg::Coordinates)).raw("</dt><dd data-testid=\"coordinates\">");
    m.text(&coordinates(lang, site.lat, site.lon)).raw("</dd></dl>");
    // The list is there even when empty, as the sheet's layout expects.
    let figures: Vec<String> = site.figures.iter().map(|f| piece(|m| _ = m.text(&figure(lang, f)))).collect();
    m.list("detail-panel__figures", &figures);
    if let Some(note) = &site.note {
        m.note(note.get(lang));
    }
    marked_sentence(&mut m, dataset, &site.not_from_sources, lang);
    let here: Vec<String> =
        dataset.items.iter().filter(|i| i.sites.contains(&site.id)).map(|i| item_link(i, lang)).collect();
    m.raw("<h4>").text(tr(lang, Msg::ItemsHere)).raw("</h4>");
    m.list("detail-panel__items", &here);
    // Items whose parties are seated here, drawn as links from this site.
    let seated: Vec<String> = dataset
        .items
        .iter()
        .filter(|i| !i.sites.contains(&site.id))
        .filter(|i| {
            i.parties.iter().filter_map(|p| dataset.actor(p)).any(|a| a.site.as_deref() == Some(site.id.as_str()))
        })
        .map(|i| item_link(i, lang))
        .collect();
    m.section(Some(tr(lang, Msg::PartiesSeatedHere)), "detail-panel__items", &seated);
    m.raw("</article>");
    m.0
}

/// The ids a link of the sheet carries: what a click on it selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailLink {
    Item(String),
    Site(String),
}

impl DetailLink {
    /// The link a button of the sheet is, from its attributes (`data-item`,
    /// `data-related`, `data-site-link`, as [`item_details`] and [`site_details`] write
    /// them); `attr` gives an attribute's value where the button has it.
    pub fn of(attr: impl Fn(&str) -> Option<String>) -> Option<Self> {
        attr("data-site-link")
            .map(Self::Site)
            .or_else(|| attr("data-related").or_else(|| attr("data-item")).map(Self::Item))
    }
}

/// An item in a list of the sheet: its title, which selects it, and its dates.
fn item_link(item: &Item, lang: Lang) -> String {
    piece(|m| {
        m.link("item", &item.id, item.title.get(lang)).raw(" (").text(&when_label(lang, &item.when)).raw(")");
    })
}

/// "Not from the sources (common knowledge): the coordinates and the Chinese name.", where
/// the record marks something.
fn marked_sentence(m: &mut Markup, dataset: &Dataset, entries: &[String], lang: Lang) {
    if entries.is_empty() {
        return;
    }
    let name_of = |list: &str, id: &str| -> Option<String> {
        match list {
            "sites" => dataset.site(id).map(|s| s.name.get(lang).to_owned()),
            "parties" => dataset.actor(id).map(|a| a.name.get(lang).to_owned()),
            "related" => dataset.item(id).map(|i| i.title.get(lang).to_owned()),
            _ => None,
        }
    };
    let words = marked_fields(lang, entries, &name_of);
    m.raw("<p class=\"detail-panel__note detail-panel__marked\" data-testid=\"not-from-sources\">");
    m.text(&trf(lang, Msg::NotFromSources, &[&words])).raw("</p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::shipped;

    /// The ids the links of some markup select.
    fn links(markup: &str) -> Vec<DetailLink> {
        let mut found = Vec::new();
        for (attr, site) in [("data-item=\"", false), ("data-related=\"", false), ("data-site-link=\"", true)] {
            for (at, _) in markup.match_indices(&format!("<button type=\"button\" class=\"detail__link\" {attr}")) {
                let rest = &markup[at..];
                let start = rest.find(attr).unwrap() + attr.len();
                let id = rest[start..].split('"').next().unwrap().to_owned();
                found.push(if site { DetailLink::Site(id) } else { DetailLink::Item(id) });
            }
        }
        found
    }

    #[test]
    fn the_datasets_text_is_written_as_text_never_as_markup() {
        let mut ds = shipped();
        let id = ds.items[0].id.clone();
        ds.items[0].title = crate::model::Localized::new("", r#"<img src=x onerror="alert(1)"> & co"#, "");
        let markup = item_details(&ds, ds.item(&id).unwrap(), Lang::En);
        assert!(!markup.contains("<img"), "{markup}");
        assert!(markup.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co"), "{markup}");
    }

    #[test]
    fn every_link_of_every_sheet_selects_a_record_of_the_dataset() {
        let ds = shipped();
        let mut count = 0;
        for lang in Lang::ALL {
            let sheets = ds
                .items
                .iter()
                .map(|i| item_details(&ds, i, lang))
                .chain(ds.sites.iter().map(|s| site_details(&ds, s, lang)));
            for markup in sheets {
                for link in links(&markup) {
                    count += 1;
                    match link {
                        DetailLink::Item(id) => assert!(ds.item(&id).is_some(), "{id}"),
                        DetailLink::Site(id) => assert!(ds.site(&id).is_some(), "{id}"),
                    }
                }
            }
        }
        assert!(count > 100, "the sheets link their items and sites: {count} links");
    }

    #[test]
    fn a_button_is_read_as_the_link_its_attributes_say() {
        let attrs = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(DetailLink::of(attrs(&[("data-site-link", "lyon")])), Some(DetailLink::Site("lyon".into())));
        assert_eq!(DetailLink::of(attrs(&[("data-related", "a")])), Some(DetailLink::Item("a".into())));
        assert_eq!(DetailLink::of(attrs(&[("data-item", "b")])), Some(DetailLink::Item("b".into())));
        assert_eq!(DetailLink::of(attrs(&[("class", "detail__link")])), None);
    }
}
