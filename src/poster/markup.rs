//! The rendered pages made fit to ship under a strict Content-Security-Policy: ids made
//! each page's own, no inline style (each an attribute the page's first script sets through
//! the CSSOM, which the policy allows), the base map drawn once, no hydration markers; and
//! the stylesheet that shows the page for the reader's window.

use std::fmt::Write;

use super::{BASE_ID, ITEMS_PAGE, Layout};
use crate::i18n::{html_lang, pick};
use crate::model::Lang;

/// One rendered page, ready to ship.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub layout: Layout,
    pub html: String,
}

/// The elements of the map's drawings that the app makes controls of.
const SVG_MARKS: [&str; 2] = ["g", "path"];

/// The attributes that name other elements by id (a space-separated list).
const ID_REFERENCES: [&str; 6] = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "list"];

/// What the page is without scripts (only the pre-rendered page says it: not the app's).
fn no_script(lang: Lang) -> &'static str {
    pick(
        lang,
        "Passerelle a besoin de JavaScript et de WebAssembly pour dessiner sa carte et sa frise chronologique.",
        "Passerelle needs JavaScript and WebAssembly to draw its map and timeline.",
        "Passerelle 需要 JavaScript 和 WebAssembly 才能绘制地图和时间轴。",
    )
}

/// The items' page's heading, and the first screen's link to it.
fn items_as_text(lang: Lang) -> &'static str {
    pick(lang, "Tous les éléments de la coopération", "Every item of the cooperation", "合作的全部事项")
}

/// The window a page is drawn for and its frames, `window:1280x720 map:908x348 track:1108`,
/// for the tests to hold against the stylesheet's layout.
fn frames_attribute(layout: &Layout) -> String {
    let f = layout.frames;
    format!(
        "window:{}x{} map:{}x{} track:{}",
        f.window.width, f.window.height, f.map.width, f.map.height, f.track.width
    )
}

/// What a page's ids start with, to be its own among the others.
fn id_prefix(lang: Lang, layout: Layout) -> String {
    format!("p-{}-{}-", lang.code(), layout.name)
}

/// The attribute an inline style is kept in: a style in markup is what a strict policy
/// refuses, a style set by a script through the CSSOM is not (`super::head_script` sets
/// them as it puts the page in). In the poster's stylesheet, they were each reader's 3 kB
/// gzip of every page's positions, where a page uses 20 to 39 of the 250.
pub const STYLE_ATTRIBUTE: &str = "data-style";

/// A tag's attributes, in order: (name, value; `None` for a bare attribute).
type Attributes = Vec<(String, Option<String>)>;

/// Calls `f` on every start tag of `html` (its name and attributes) and writes the tags back
/// as `f` left them; text is copied, comments (Leptos' hydration markers among them) left
/// out. The markup is the renderer's own: attribute values in double quotes, `<` and `"`
/// escaped inside them and in text.
fn rewrite_tags(html: &str, mut f: impl FnMut(&str, &mut Attributes)) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!>") {
            rest = after;
            continue;
        }
        let starts_tag = rest[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        if !starts_tag {
            // An end tag (or a doctype): as it is.
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let body = &rest[1..];
        let name_len = body.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(body.len());
        let name = &body[..name_len];
        let mut s = &body[name_len..];
        let mut attrs: Attributes = Vec::new();
        let self_closing;
        loop {
            s = s.trim_start();
            if let Some(after) = s.strip_prefix("/>") {
                self_closing = true;
                s = after;
                break;
            }
            if let Some(after) = s.strip_prefix('>') {
                self_closing = false;
                s = after;
                break;
            }
            if s.is_empty() {
                self_closing = false;
                break;
            }
            let n = s.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(s.len()).max(1);
            let attr = s[..n].to_owned();
            s = &s[n..];
            if let Some(after) = s.strip_prefix("=\"") {
                let end = after.find('"').unwrap_or(after.len());
                attrs.push((attr, Some(after[..end].to_owned())));
                s = after.get(end + 1..).unwrap_or("");
            } else {
                attrs.push((attr, None));
            }
        }
        f(name, &mut attrs);
        out.push('<');
        out.push_str(name);
        for (attr, value) in &attrs {
            match value {
                Some(v) => {
                    let _ = write!(out, r#" {attr}="{v}""#);
                }
                None => {
                    let _ = write!(out, " {attr}");
                }
            }
        }
        out.push_str(if self_closing { "/>" } else { ">" });
        rest = s;
    }
    out.push_str(rest);
    out
}

/// `html` without what a reader cannot see before they act: closed dialogs, what is
/// `hidden`, what a closed `<details>` holds under its summary. A picture of the first
/// screen carries what is on it.
fn strip_unseen(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let is_start = !name.is_empty();
        let unseen = is_start
            && !tag.ends_with("/>")
            && (name == "dialog" && !tag.contains(" open") || tag.contains(" hidden>") || tag.contains(" hidden "));
        if unseen {
            rest = &rest[skip_element(rest, &name)..];
            continue;
        }
        out.push_str(tag);
        rest = &rest[end..];
        if is_start && name == "details" && !tag.contains(" open") {
            // Keep the summary, leave out the rest of what it holds.
            if let Some(s) = rest.find("<summary") {
                let summary_end = s + skip_element(&rest[s..], "summary");
                out.push_str(&rest[s..summary_end]);
                rest = &rest[summary_end..];
            }
            let close = skip_element_body(rest, "details");
            out.push_str("</details>");
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    out
}

/// The length of the element that starts `html` (a `<name …>` start tag), its end tag
/// included.
fn skip_element(html: &str, name: &str) -> usize {
    let open_end = html.find('>').map_or(html.len(), |e| e + 1);
    open_end + skip_element_body(&html[open_end..], name)
}

/// The length of an element's content and its end tag, from just after its start tag.
fn skip_element_body(html: &str, name: &str) -> usize {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 1;
    let mut at = 0;
    while depth > 0 {
        let next_open =
            html[at..].find(&open).map(|i| at + i).filter(|&i| html[i + open.len()..].starts_with(['>', ' ', '/']));
        let Some(next_close) = html[at..].find(&close).map(|i| at + i) else { return html.len() };
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                at = o + open.len();
            }
            _ => {
                depth -= 1;
                at = next_close + close.len();
            }
        }
    }
    at
}

/// A rendered page (`raw`, from the renderer) made ready to ship beside the others: ids
/// prefixed with the page's own name, inline styles made attributes, the base map referenced,
/// what is not seen left out.
pub fn page(lang: Lang, layout: Layout, raw: &str, base: &str) -> Page {
    let prefix = id_prefix(lang, layout);
    // The base map is the same in every pane of every page: drawn once, referenced.
    let raw = strip_unseen(&raw.replace(base, &format!(r##"<use href="#{BASE_ID}"/>"##)));
    // The ids the page defines, to rename them and what refers to them.
    let mut ids = std::collections::BTreeSet::new();
    rewrite_tags(&raw, |_, attrs| {
        ids.extend(attrs.iter().filter(|(n, _)| n == "id").filter_map(|(_, v)| v.clone()));
    });
    let rename = |id: &str| if ids.contains(id) { format!("{prefix}{id}") } else { id.to_owned() };
    let html = rewrite_tags(&raw, |name, attrs| {
        // The map's marks are a picture here, not controls: what names and focuses them is
        // the app's (the marks keep what says which site or item they are, for a press
        // to be replayed on their twin).
        if SVG_MARKS.contains(&name) {
            attrs.retain(|(n, _)| !matches!(n.as_str(), "tabindex" | "role" | "aria-label" | "data-from" | "data-to"));
        }
        for (attr, value) in attrs.iter_mut() {
            let Some(v) = value.as_mut() else { continue };
            if attr == "id" {
                *v = rename(v);
            } else if ID_REFERENCES.contains(&attr.as_str()) {
                *v = v.split_whitespace().map(&rename).collect::<Vec<_>>().join(" ");
            } else if let Some(target) = v.strip_prefix('#').filter(|_| attr == "href") {
                *v = format!("#{}", rename(target));
            } else if let Some(inner) = v.strip_prefix("url(#").and_then(|r| r.strip_suffix(')')) {
                *v = format!("url(#{})", rename(inner));
            } else if attr == "style" {
                *attr = STYLE_ATTRIBUTE.into();
            }
        }
    });
    Page { lang, layout, html }
}

/// The whole pre-rendered first screen: the pages, the items as text, the base map.
pub struct Poster<'a> {
    pub pages: Vec<Page>,
    /// The items as text (the list's table) in each language, for a reader without scripts.
    pub texts: Vec<(Lang, String)>,
    /// The part of the base map the pages show, which their panes refer to.
    pub kept_base: &'a str,
}

impl Poster<'_> {
    /// The markup that goes first in the page's `<body>`: the frame the reader's page is
    /// put into (`Poster::page_html`, fetched by the page's first script) and the base map
    /// its panes refer to, then what a reader without scripts gets.
    pub fn html(&self) -> String {
        // Inert until the page's script, once the page is read, says there are scripts to take
        // a press on the reader's page put in it (and the app to replay it).
        let mut s = String::from(r#"<div id="poster" class="poster" aria-busy="true" inert>"#);
        let defs = self.kept_base.replacen("<g ", &format!(r#"<g id="{BASE_ID}" "#), 1);
        let _ = write!(
            s,
            r#"<svg class="poster__defs map-svg" aria-hidden="true" focusable="false" width="0" height="0"><defs>{defs}</defs></svg>"#
        );
        s.push_str("</div>");
        // Without scripts: what the page is, and a link to every item as text in each
        // language (a page of its own, `items_page`: in this one it was 5 kB of every
        // visitor's first load for the few without scripts).
        s.push_str(r#"<noscript><div class="poster__text">"#);
        for (lang, _) in &self.texts {
            let _ = write!(
                s,
                r#"<p lang="{}">{} <a href="./{ITEMS_PAGE}#{}">{}</a></p>"#,
                html_lang(*lang),
                no_script(*lang),
                lang.code(),
                items_as_text(*lang)
            );
        }
        s.push_str("</div></noscript>");
        s
    }

    /// One page as a file of its own, for the frame `Poster::html` writes. It ends with a
    /// mark, and the stylesheet shows a page only once its mark is there: a page painted
    /// half-read moved as the rest arrived (a row's right-hand tools, wider with their last
    /// buttons, pushed the cursor's label aside).
    pub fn page_html(p: &Page) -> String {
        format!(
            r#"<div class="poster__page" data-lang="{}" data-layout="{}" data-id-prefix="{}" data-frames="{}" lang="{}">{}<i class="poster__end" hidden></i></div>"#,
            p.lang.code(),
            p.layout.name,
            id_prefix(p.lang, p.layout),
            frames_attribute(&p.layout),
            html_lang(p.lang),
            p.html
        )
    }

    /// The file name of a page (`Poster::page_html`), by its language's code, its layout's
    /// name and the hash of all the pages: the build writes the files by it, and the page's
    /// first script asks for the reader's by it, its parts there the script's variables
    /// (`super::head_script`).
    pub fn page_file(lang: &str, layout: &str, hash: &str) -> String {
        format!("{lang}-{layout}-{hash}.html")
    }

    /// The body of the page of every item as text, in each language (the page's own
    /// first), for a reader without scripts and for crawlers: the build gives it its head.
    pub fn items_page(&self) -> String {
        // Its one heading leads back to the app (a picture of it, without scripts).
        let mut s = String::from(r#"<main class="poster__text"><h1><a href="./">Passerelle</a></h1>"#);
        for (lang, table) in &self.texts {
            // A text, not controls: nothing here pretends to be pressed.
            let table = table.replace("<button", "<span").replace("</button>", "</span>");
            let table = rewrite_tags(&table, |name, attrs| {
                if name == "span" {
                    // Not a link, not a button: the title as text.
                    attrs.retain(|(n, _)| !matches!(n.as_str(), "type" | "aria-pressed" | "class" | "data-item"));
                }
            });
            let _ = write!(
                s,
                r#"<section lang="{}" id="{}"><h2>{}</h2>{table}</section>"#,
                html_lang(*lang),
                lang.code(),
                items_as_text(*lang),
            );
        }
        s.push_str("</main>");
        s
    }

    /// The poster's stylesheet: which page shows, by the window's layout (a page of another
    /// layout, once the window is made another size, is not). The reader's language is the
    /// one page the first script put in.
    pub fn css(&self) -> String {
        let mut s = String::from("/* Written by the build (src/poster): which pre-rendered page a window shows. */\n");
        let mut written = std::collections::BTreeSet::new();
        for p in self.pages.iter().filter(|p| written.insert(p.layout.name)) {
            let _ = writeln!(
                s,
                r#"@media {} {{ .poster__page[data-layout="{}"] {{ display: block; }} }}"#,
                p.layout.media, p.layout.name
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout { name: "wide", media: "(min-width: 900px)", ..super::super::LAYOUTS[0] }
    }

    #[test]
    fn ids_are_made_the_pages_own_with_what_refers_to_them() {
        let raw = r##"<div id="a"><label for="a b">x</label><section aria-labelledby="b"><h2 id="b">t</h2></section><a href="#a">l</a><g clip-path="url(#a)"></g><use href="#poster-base"/></div>"##;
        let p = page(Lang::Fr, layout(), raw, "<g class=\"base\"></g>");
        assert_eq!(
            p.html,
            r##"<div id="p-fr-wide-a"><label for="p-fr-wide-a p-fr-wide-b">x</label><section aria-labelledby="p-fr-wide-b"><h2 id="p-fr-wide-b">t</h2></section><a href="#p-fr-wide-a">l</a><g clip-path="url(#p-fr-wide-a)"></g><use href="#poster-base"/></div>"##
        );
    }

    #[test]
    fn inline_styles_become_attributes_for_the_script_and_markers_go() {
        let raw =
            r#"<button type="button" class="x" style="left: 1.5%; top: 28px;" disabled><!>Lyon<!-- x --></button>"#;
        let p = page(Lang::En, layout(), raw, "<g class=\"base\"></g>");
        assert_eq!(
            p.html,
            r#"<button type="button" class="x" data-style="left: 1.5%; top: 28px;" disabled>Lyon</button>"#
        );
        assert!(!Poster::page_html(&p).contains(" style="));
        let small = Layout { name: "small", media: "(max-width: 899.98px)", ..layout() };
        let pages = vec![p.clone(), page(Lang::Zh, layout(), raw, "<g></g>"), page(Lang::Fr, small, raw, "<g></g>")];
        let poster = Poster { pages, texts: vec![], kept_base: "<g class=\"base\"></g>" };
        // A rule for each layout, not each page; no position in it.
        assert_eq!(
            poster.css().lines().skip(1).collect::<Vec<_>>(),
            [
                r#"@media (min-width: 900px) { .poster__page[data-layout="wide"] { display: block; } }"#,
                r#"@media (max-width: 899.98px) { .poster__page[data-layout="small"] { display: block; } }"#,
            ]
        );
    }

    #[test]
    fn each_page_ends_with_the_mark_that_shows_it() {
        let base = "<g class=\"base\"></g>";
        let pages = vec![page(Lang::En, layout(), "<p>a</p>", base), page(Lang::Zh, layout(), "<p>b</p>", base)];
        let poster = Poster { pages, texts: vec![], kept_base: base };
        // Each a file of its own, not in the page that every reader fetches.
        assert!(!poster.html().contains("<p>a</p>") && !poster.html().contains("<p>b</p>"));
        let [en, zh] = [&poster.pages[0], &poster.pages[1]].map(Poster::page_html);
        assert!(en.starts_with(r#"<div class="poster__page" data-lang="en" data-layout="wide" "#), "{en}");
        assert!(en.ends_with(r#"<p>a</p><i class="poster__end" hidden></i></div>"#), "{en}");
        assert!(zh.ends_with(r#"<p>b</p><i class="poster__end" hidden></i></div>"#), "{zh}");
        assert_eq!(Poster::page_file("zh", "wide", "0123"), "zh-wide-0123.html");
    }

    #[test]
    fn what_is_not_seen_is_left_out() {
        let raw = r#"<div><dialog class="d"><p>share</p></dialog><details class="x"><summary>Legend</summary><div><details><summary>in</summary>deep</details></div></details><details open><summary>S</summary><p>shown</p></details><ul hidden><li>a</li><ul><li>b</li></ul></ul><p>kept</p><dialog open>on</dialog></div>"#;
        assert_eq!(
            strip_unseen(raw),
            r#"<div><details class="x"><summary>Legend</summary></details><details open><summary>S</summary><p>shown</p></details><p>kept</p><dialog open>on</dialog></div>"#
        );
    }

    #[test]
    fn the_base_map_is_drawn_once_and_referenced() {
        let base = r#"<g class="base" aria-hidden="true"><path d="M0,0L1,1Z"/></g>"#;
        let raw = format!(r#"<g class="world">{base}</g><g class="world">{base}</g>"#);
        let p = page(Lang::Zh, layout(), &raw, base);
        assert_eq!(p.html.matches("<use href=\"#poster-base\"/>").count(), 2);
        assert!(!p.html.contains("M0,0"));
        let poster = Poster { pages: vec![p], texts: vec![], kept_base: base };
        assert_eq!(poster.html().matches("M0,0").count(), 1);
        assert!(!Poster::page_html(&poster.pages[0]).contains("M0,0"));
        assert!(poster.html().contains(r#"<g id="poster-base" class="base" aria-hidden="true">"#));
    }

    #[test]
    fn the_items_as_text_are_a_page_the_first_screen_links_to() {
        let base = "<g class=\"base\"></g>";
        let table = r#"<table><tr><td><button type="button" class="list__title" aria-pressed="false" data-item="a1">Accord</button></td></tr></table>"#;
        let texts = vec![(Lang::Fr, table.to_owned()), (Lang::Zh, table.replace("Accord", "协议"))];
        let poster = Poster { pages: vec![], texts, kept_base: base };
        let html = poster.html();
        // The first screen carries a link per language, not the items.
        assert!(!html.contains("Accord") && !html.contains("协议"));
        assert!(html.contains(r#"<p lang="fr">"#) && html.contains(r#"<a href="./items.html#fr">"#));
        assert!(html.contains(r#"<p lang="zh-Hans">"#) && html.contains(r#"<a href="./items.html#zh">"#));
        let items = poster.items_page();
        assert!(items.contains(r#"<section lang="fr" id="fr"><h2>"#));
        assert!(items.contains(r#"<section lang="zh-Hans" id="zh"><h2>"#));
        // Titles as text: nothing pretends to be pressed.
        assert!(items.contains("<span>Accord</span>") && items.contains("<span>协议</span>"));
        assert!(!items.contains("<button") && !items.contains("aria-pressed"));
        assert_eq!(items.matches("<h1>").count(), 1);
    }
}
