//! Data written out in words in each language: a figure with its qualifier, a pair of
//! coordinates with their hemispheres, and the list of fields a record marks as coming
//! from common knowledge.

use super::{number, pick};
use crate::model::{Figure, Lang, Qualifier};

/// `plus de 900 000 habitants`, `more than 900,000 inhabitants`, `人口：超过900,000`.
pub fn figure(lang: Lang, f: &Figure) -> String {
    let n = number(lang, f.value);
    let label = f.label.get(lang);
    let q = f.qualifier.unwrap_or(Qualifier::Exactly);
    match (lang, q) {
        (Lang::Zh, Qualifier::MoreThan) => format!("{label}：超过{n}"),
        (Lang::Zh, Qualifier::About) => format!("{label}：约{n}"),
        (Lang::Zh, Qualifier::Exactly) => format!("{label}：{n}"),
        (_, Qualifier::MoreThan) => format!("{} {n} {label}", pick(lang, "plus de", "more than", "")),
        (_, Qualifier::About) => format!("{} {n} {label}", pick(lang, "environ", "about", "")),
        (_, Qualifier::Exactly) => format!("{n} {label}"),
    }
}

/// A coordinate with four decimals and the language's decimal mark.
fn degrees(lang: Lang, v: f64) -> String {
    let s = crate::model::number::Fixed(v.abs(), 4).to_string();
    if lang == Lang::Fr { s.replace('.', ",") } else { s }
}

/// `45,5646° N, 5,9178° E` / `46.5389° N, 72.7491° W` / `北纬46.5389°，西经72.7491°`:
/// west and south written as such, never as negative east or north.
pub fn coordinates(lang: Lang, lat: f64, lon: f64) -> String {
    let (la, lo) = (degrees(lang, lat), degrees(lang, lon));
    let (north, east) = (lat >= 0.0, lon >= 0.0);
    match lang {
        Lang::Zh => {
            format!("{}{la}°，{}{lo}°", if north { "北纬" } else { "南纬" }, if east { "东经" } else { "西经" })
        }
        Lang::Fr => format!("{la}° {}, {lo}° {}", if north { "N" } else { "S" }, if east { "E" } else { "O" }),
        Lang::En => format!("{la}° {}, {lo}° {}", if north { "N" } else { "S" }, if east { "E" } else { "W" }),
    }
}

/// A field of a record, in words (`name` → "the name").
fn field(lang: Lang, key: &str) -> Option<&'static str> {
    let (fr, en, zh) = match key {
        "coordinates" => ("les coordonnées", "the coordinates", "坐标"),
        "name" => ("le nom", "the name", "名称"),
        "kind" => ("le type", "the kind", "类型"),
        "side" => ("le côté", "the side", "所属方"),
        "region" => ("la région", "the region", "所属地区"),
        "figures" => ("les chiffres", "the figures", "数字"),
        "note" => ("la note", "the note", "注释"),
        "site" => ("le siège", "the seat", "所在地"),
        "role" => ("la fonction", "the role", "职务"),
        "affiliation" => ("le rattachement", "the affiliation", "隶属关系"),
        "title" => ("le titre", "the title", "标题"),
        "description" => ("la description", "the description", "说明"),
        "when" | "date" => ("la date", "the date", "日期"),
        "status" => ("le statut", "the status", "状态"),
        "domains" => ("les domaines", "the domains", "领域"),
        "publisher" => ("l'éditeur", "the publisher", "发布者"),
        "language" => ("la langue", "the language", "语言"),
        "url" => ("l'adresse", "the address", "网址"),
        "caption" => ("la légende", "the caption", "说明文字"),
        "notes" => ("les notes", "the notes", "讲稿"),
        "time" => ("le moment", "the time", "时间"),
        "view" => ("la vue", "the view", "视图"),
        "zoom" => ("le zoom", "the zoom", "缩放"),
        _ => return None,
    };
    Some(pick(lang, fr, en, zh))
}

fn language_name(lang: Lang, code: &str) -> Option<&'static str> {
    let (fr, en, zh) = match code {
        "fr" => ("français", "French", "法文"),
        "en" => ("anglais", "English", "英文"),
        "zh" => ("chinois", "Chinese", "中文"),
        _ => return None,
    };
    Some(pick(lang, fr, en, zh))
}

/// One entry of `not_from_sources` in words: `name.zh` → "le nom (chinois)", `sites.chongli`
/// → "the site Chongli" (`name_of` names a site, a party or a related item by its id).
pub fn marked_field(lang: Lang, entry: &str, name_of: &dyn Fn(&str, &str) -> Option<String>) -> String {
    let (head, rest) = entry.split_once('.').unwrap_or((entry, ""));
    let list = match head {
        "sites" => Some(pick(lang, "le lieu", "the site", "地点")),
        "parties" => Some(pick(lang, "la partie", "the party", "参与方")),
        "related" => Some(pick(lang, "le lien vers", "the link to", "关联事项")),
        _ => None,
    };
    if let Some(word) = list {
        let name = name_of(head, rest).unwrap_or_else(|| rest.to_owned());
        return if lang == Lang::Zh { format!("{word}“{name}”") } else { format!("{word} {name}") };
    }
    let Some(f) = field(lang, head) else { return entry.to_owned() };
    match language_name(lang, rest) {
        Some(l) if lang == Lang::Zh => format!("{f}（{l}）"),
        Some(l) => format!("{f} ({l})"),
        None => f.to_owned(),
    }
}

/// Several things in a row: `a, b et c` / `a, b and c` / `a、b和c`.
pub fn join(lang: Lang, parts: &[String]) -> String {
    let (sep, last) = match lang {
        Lang::Fr => (", ", " et "),
        Lang::En => (", ", " and "),
        Lang::Zh => ("、", "和"),
    };
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{}{last}{end}", init.join(sep)),
    }
}

/// Every entry of a record's `not_from_sources`, in words, in a row.
pub fn marked_fields(lang: Lang, entries: &[String], name_of: &dyn Fn(&str, &str) -> Option<String>) -> String {
    join(lang, &entries.iter().map(|e| marked_field(lang, e, name_of)).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localized;

    fn inhabitants(q: Option<Qualifier>) -> Figure {
        Figure { value: 900_000.0, label: Localized::new("habitants", "inhabitants", "人口"), qualifier: q }
    }

    #[test]
    fn figures_say_more_than_and_about_in_each_language() {
        assert_eq!(figure(Lang::Fr, &inhabitants(Some(Qualifier::MoreThan))), "plus de 900\u{202F}000 habitants");
        assert_eq!(figure(Lang::En, &inhabitants(Some(Qualifier::MoreThan))), "more than 900,000 inhabitants");
        assert_eq!(figure(Lang::Zh, &inhabitants(Some(Qualifier::MoreThan))), "人口：超过900,000");
        assert_eq!(figure(Lang::Fr, &inhabitants(Some(Qualifier::About))), "environ 900\u{202F}000 habitants");
        assert_eq!(figure(Lang::Zh, &inhabitants(None)), "人口：900,000");
    }

    #[test]
    fn west_and_south_are_written_as_such() {
        assert_eq!(coordinates(Lang::En, 46.5389, -72.7491), "46.5389° N, 72.7491° W");
        assert_eq!(coordinates(Lang::Fr, 46.5389, -72.7491), "46,5389° N, 72,7491° O");
        assert_eq!(coordinates(Lang::Zh, 46.5389, -72.7491), "北纬46.5389°，西经72.7491°");
        assert_eq!(coordinates(Lang::En, -33.5, 151.25), "33.5000° S, 151.2500° E");
        assert_eq!(coordinates(Lang::Zh, 45.5646, 5.9178), "北纬45.5646°，东经5.9178°");
    }

    #[test]
    fn marked_fields_read_as_words() {
        let names = |list: &str, id: &str| (list == "sites" && id == "chongli").then(|| "Chongli".to_owned());
        let entries = ["coordinates".to_owned(), "name.zh".to_owned()];
        assert_eq!(marked_fields(Lang::Fr, &entries, &names), "les coordonnées et le nom (chinois)");
        assert_eq!(marked_fields(Lang::En, &entries, &names), "the coordinates and the name (Chinese)");
        assert_eq!(marked_fields(Lang::Zh, &entries, &names), "坐标和名称（中文）");
        let three = ["status".to_owned(), "sites.chongli".to_owned(), "when".to_owned()];
        assert_eq!(marked_fields(Lang::En, &three, &names), "the status, the site Chongli and the date");
        assert_eq!(marked_fields(Lang::Zh, &three, &names), "状态、地点“Chongli”和日期");
    }
}
