//! The filters' drawer's checkboxes as markup, in one language: a fieldset per facet, a
//! checkbox per value the data uses (`Chosen::offered`), each named by its `data-filter`
//! (`kind:agreement`). Whether each is checked, and how many items it would show, the
//! drawer sets in place as the filter changes, so that the box in the reader's hand is
//! never replaced under it. And the chosen values as chips in the toolbar, each removing
//! its value.

use super::markup::Markup;
use super::{Msg, chosen_label, tr, trf};
use crate::model::Lang;
use crate::model::filter::Chosen;

/// A facet's legend.
fn legend(value: Chosen) -> Msg {
    match value {
        Chosen::Kind(_) => Msg::Kind,
        Chosen::Domain(_) => Msg::Domain,
        Chosen::Status(_) => Msg::Status,
        Chosen::Side(_) => Msg::Side,
    }
}

/// The checkboxes of `values`, a fieldset for each facet in turn (their counts left empty).
pub fn facets_markup(values: &[Chosen], lang: Lang) -> String {
    let mut m = Markup(String::new());
    let mut facet = None;
    for &value in values {
        if facet != Some(value.facet()) {
            if facet.is_some() {
                m.raw("</ul></fieldset>");
            }
            facet = Some(value.facet());
            m.raw("<fieldset class=\"facet\" data-facet=\"").raw(value.facet()).raw("\"><legend>");
            m.text(tr(lang, legend(value))).raw("</legend><ul>");
        }
        let id = format!("filter-{}-{}", value.facet(), value.value_slug());
        m.raw("<li><input type=\"checkbox\" id=\"").raw(&id).raw("\" data-filter=\"").raw(&value.slug());
        m.raw("\"/><label for=\"").raw(&id).raw("\">").text(chosen_label(lang, value));
        m.raw(" <span class=\"filters-panel__n\"></span></label></li>");
    }
    if facet.is_some() {
        m.raw("</ul></fieldset>");
    }
    m.0
}

/// The chosen values as chips, each named by its `data-chip` (`kind:agreement`), a press
/// removing it.
pub fn chips_markup(values: &[Chosen], lang: Lang) -> String {
    let mut m = Markup(String::new());
    for &value in values {
        let name = chosen_label(lang, value);
        m.raw(r#"<li><button type="button" class="chip" data-chip=""#).raw(&value.slug()).raw(r#"" aria-label=""#);
        m.text(&trf(lang, Msg::RemoveFilter, &[name])).raw(r#"">"#).text(name);
        m.raw(r#"<span class="chip__x" aria-hidden="true">×</span></button></li>"#);
    }
    m.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemKind;
    use crate::model::filter::SideFilter;

    #[test]
    fn each_chip_names_its_value_and_what_a_press_does() {
        let values = [Chosen::Kind(ItemKind::Agreement), Chosen::Side(SideFilter::Both)];
        let chips = chips_markup(&values, Lang::En);
        assert_eq!(chips.matches("<li><button").count(), 2);
        let agreement = chosen_label(Lang::En, values[0]);
        assert!(
            chips.contains(&format!(
                r#"data-chip="kind:agreement" aria-label="{}">{agreement}<span class="chip__x""#,
                trf(Lang::En, Msg::RemoveFilter, &[agreement])
            )),
            "{chips}"
        );
        assert!(chips.contains(&format!(r#"data-chip="{}""#, values[1].slug())));
        assert_eq!(chips_markup(&[], Lang::Fr), "");
    }
}
