//! Markup written as text, for the parts of the page that are text set in one step (the
//! details' sheet, the introduction, the filters' checkboxes, what stands over the map):
//! a fraction of the code of a typed view per element, their buttons followed by one
//! listener each (issue 25).

use std::fmt::Write;

use super::{Msg, tr};
use crate::model::Lang;

/// Markup being written: text escaped on the way in.
pub struct Markup(pub String);

impl Markup {
    /// A literal piece of markup.
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text, or an attribute's value in double quotes, escaped (as `geo::scene::escape_xml`
    /// does, less the apostrophe: no value here is quoted with it).
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// A term and its description, the description already markup.
    pub fn row(&mut self, lang: Lang, term: Msg, description: impl FnOnce(&mut Self)) {
        self.raw("<dt>").text(tr(lang, term)).raw("</dt><dd>");
        description(self);
        self.raw("</dd>");
    }

    /// `<button … data-{attr}="{id}">{label}</button>`: a link in the sheet.
    pub fn link(&mut self, attr: &str, id: &str, label: &str) -> &mut Self {
        let _ = write!(self.0, "<button type=\"button\" class=\"detail__link\" data-{attr}=\"");
        self.text(id).raw("\">").text(label).raw("</button>")
    }

    /// A list of pieces of markup.
    pub fn list(&mut self, class: &str, items: &[String]) {
        let _ = write!(self.0, "<ul class=\"{class}\">");
        for li in items {
            self.raw("<li>").raw(li).raw("</li>");
        }
        self.raw("</ul>");
    }

    /// A heading and a list, where the list has something.
    pub fn section(&mut self, heading: Option<&str>, class: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        if let Some(h) = heading {
            self.raw("<h4>").text(h).raw("</h4>");
        }
        self.list(class, items);
    }

    /// A paragraph of the sheet's notes.
    pub fn note(&mut self, text: &str) {
        self.raw("<p class=\"detail-panel__note\">").text(text).raw("</p>");
    }
}

/// An ARIA state's value (`aria-pressed`, `aria-expanded`): "true" or "false".
pub fn true_false(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// A piece of markup made with a [`Markup`].
pub fn piece(f: impl FnOnce(&mut Markup)) -> String {
    let mut m = Markup(String::new());
    f(&mut m);
    m.0
}
