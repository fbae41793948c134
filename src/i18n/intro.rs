//! The introduction as markup, in one language: what the map tells, how much the dataset
//! holds, and the ways in (the first tour, the list, each tour guided or presented). The
//! section sets it in one step and follows its buttons by one listener, by what each says
//! it does ([`IntroAction`]).

use super::markup::Markup;
use super::{Msg, count, tr};
use crate::model::{Dataset, Lang};

/// "7 items · 10 sites · 8 actors · 2 sources": how much a dataset holds.
pub fn dataset_summary(dataset: &Dataset, lang: Lang) -> String {
    [
        count(lang, dataset.items.len(), Msg::ItemsOne, Msg::ItemsMany),
        count(lang, dataset.sites.len(), Msg::SitesOne, Msg::SitesMany),
        count(lang, dataset.actors.len(), Msg::ActorsOne, Msg::ActorsMany),
        count(lang, dataset.sources.len(), Msg::SourcesOne, Msg::SourcesMany),
    ]
    .join(" · ")
}

/// The tours the introduction offers: the authored ones, else the automatic one (`None`).
fn tours(dataset: &Dataset) -> Vec<Option<&str>> {
    match dataset.tours.is_empty() {
        true => vec![None],
        false => dataset.tours.iter().map(|t| Some(t.id.as_str())).collect(),
    }
}

/// A button of the introduction: `data-{attr}="{value}"` says what it does.
fn button(m: &mut Markup, solid: bool, testid: &str, attr: &str, value: &str, label: &str) {
    m.raw(if solid {
        "<button type=\"button\" class=\"pill pill--solid\""
    } else {
        "<button type=\"button\" class=\"pill\""
    });
    m.raw(" data-testid=\"").raw(testid).raw("\" data-").raw(attr).raw("=\"").text(value).raw("\">");
    m.text(label).raw("</button>");
}

/// The introduction's content, its heading first.
pub fn intro_markup(dataset: &Dataset, lang: Lang) -> String {
    let mut m = Markup(String::new());
    m.raw("<h2 id=\"intro-heading\">").text(tr(lang, Msg::IntroHeading)).raw("</h2>");
    m.raw("<p class=\"intro__text\">").text(tr(lang, Msg::IntroText)).raw("</p>");
    m.raw("<p class=\"dataset-summary\" data-testid=\"dataset-summary\">").text(&dataset_summary(dataset, lang));
    m.raw("</p><div class=\"intro__actions\">");
    let tours = tours(dataset);
    let first = tours.first().copied().flatten().unwrap_or_default();
    button(&mut m, true, "start-tour", "guide", first, tr(lang, Msg::StartTour));
    button(&mut m, false, "open-list", "open", "list", tr(lang, Msg::OpenList));
    m.raw("</div><p class=\"intro__how\">").text(tr(lang, Msg::IntroHow)).raw("</p>");
    m.raw("<h3 class=\"intro__tours-heading\">").text(tr(lang, Msg::Tours)).raw("</h3><ul class=\"intro__tours\">");
    for id in tours {
        let tour = id.and_then(|id| dataset.tours.iter().find(|t| t.id == id));
        let id = id.unwrap_or_default();
        m.raw("<li class=\"intro__tour\" data-tour=\"").text(id).raw("\"><h3>");
        match tour {
            Some(t) => _ = m.text(t.title.get(lang)).raw("</h3><p>").text(t.summary.get(lang)).raw("</p>"),
            None => _ = m.text(tr(lang, Msg::AutomaticTour)).raw("</h3>"),
        }
        m.raw("<div class=\"intro__actions\">");
        button(&mut m, true, "take-tour", "guide", id, tr(lang, Msg::TakeTour));
        button(&mut m, false, "present-tour", "present", id, tr(lang, Msg::PresentTour));
        m.raw("</div></li>");
    }
    m.raw("</ul>");
    m.0
}

/// What a button of the introduction does, read from its attributes as [`intro_markup`]
/// writes them; a tour `None` is the automatic one (an empty id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntroAction {
    Guide(Option<String>),
    Present(Option<String>),
    OpenList,
}

impl IntroAction {
    /// `attr` gives an attribute's value where the button has it.
    pub fn of(attr: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let tour = |id: String| (!id.is_empty()).then_some(id);
        if let Some(id) = attr("data-guide") {
            Some(Self::Guide(tour(id)))
        } else if let Some(id) = attr("data-present") {
            Some(Self::Present(tour(id)))
        } else {
            (attr("data-open").as_deref() == Some("list")).then_some(Self::OpenList)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipped;

    /// The buttons some markup has, each read as the section's listener reads it.
    fn actions(markup: &str) -> Vec<(String, Option<IntroAction>)> {
        markup
            .split("<button ")
            .skip(1)
            .map(|b| {
                let tag = &b[..b.find('>').unwrap()];
                let attr = |name: &str| {
                    let key = format!("{name}=\"");
                    tag.find(&key).map(|at| tag[at + key.len()..].split('"').next().unwrap().to_owned())
                };
                (attr("data-testid").unwrap(), IntroAction::of(attr))
            })
            .collect()
    }

    #[test]
    fn each_button_of_the_introduction_says_what_it_does() {
        let ds = shipped();
        let first = ds.tours[0].id.clone();
        let got = actions(&intro_markup(&ds, Lang::Fr));
        assert_eq!(got[0], ("start-tour".into(), Some(IntroAction::Guide(Some(first.clone())))));
        assert_eq!(got[1], ("open-list".into(), Some(IntroAction::OpenList)));
        assert_eq!(got[2], ("take-tour".into(), Some(IntroAction::Guide(Some(first.clone())))));
        assert_eq!(got[3], ("present-tour".into(), Some(IntroAction::Present(Some(first)))));
        assert_eq!(got.len(), 2 + 2 * ds.tours.len());
    }

    #[test]
    fn a_dataset_without_tours_offers_the_automatic_one() {
        let mut ds = shipped();
        ds.tours.clear();
        let markup = intro_markup(&ds, Lang::En);
        assert!(markup.contains(&format!("<h3>{}</h3>", tr(Lang::En, Msg::AutomaticTour))), "{markup}");
        let got: Vec<_> = actions(&markup).into_iter().filter_map(|(_, a)| a).collect();
        assert_eq!(
            got,
            [IntroAction::Guide(None), IntroAction::OpenList, IntroAction::Guide(None), IntroAction::Present(None)]
        );
    }
}
