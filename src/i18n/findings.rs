//! The dataset checker's findings in French and Chinese, for the people who edit a dataset
//! for a French or Chinese regional website. The checker writes each finding in English
//! from a fixed sentence with blanks (the console and the broken-data corpus keep those);
//! this table gives each sentence in the two other languages, its blanks carried over,
//! and the few English words a blank can hold (a collection, a language, a side).

use crate::model::Lang;

/// (English, French, Chinese). `{0}`, `{1}`… are the blanks, in the English order; a
/// translation may use them in another order.
const SENTENCES: &[(&str, &str, &str)] = &[
    // A workbook's own problems (model::workbook, model::workbook_file).
    ("this sheet is missing", "cette feuille manque", "缺少此工作表"),
    (
        "a sheet this workbook does not know (renamed?)",
        "une feuille que ce classeur ne connaît pas (renommée ?)",
        "此工作簿不认识的工作表（是否被重命名？）",
    ),
    ("the column {0} is missing", "la colonne {0} manque", "缺少列 {0}"),
    (
        "a column this sheet does not know (renamed?)",
        "une colonne que cette feuille ne connaît pas (renommée ?)",
        "此工作表不认识的列（是否被重命名？）",
    ),
    (
        "{0} rows, more than the {1} a sheet may have",
        "{0} lignes, plus que les {1} permises par feuille",
        "{0} 行，超过每个工作表允许的 {1} 行",
    ),
    ("empty, and every row must fill it", "vide, alors que chaque ligne doit la remplir", "为空，但每一行都必须填写"),
    (
        "a formula ({0}) where a value belongs",
        "une formule ({0}) là où il faut une valeur",
        "此处应为数值，却是公式（{0}）",
    ),
    ("an error value ({0})", "une valeur d'erreur ({0})", "错误值（{0}）"),
    ("\"{0}\" is not a number", "« {0} » n'est pas un nombre", "“{0}”不是数字"),
    (
        "\"{0}\" is not a whole number from 1",
        "« {0} » n'est pas un nombre entier à partir de 1",
        "“{0}”不是从 1 起的整数",
    ),
    (
        "{0} characters, more than the {1} a cell may hold",
        "{0} caractères, plus que les {1} qu'une cellule peut contenir",
        "{0} 个字符，超过单元格可容纳的 {1} 个",
    ),
    (
        "the id \"{0}\" is already used on row {1}",
        "l'identifiant « {0} » est déjà pris à la ligne {1}",
        "标识符“{0}”已在第 {1} 行使用",
    ),
    ("no record \"{0}\" in the sheet {1}", "aucune fiche « {0} » dans la feuille {1}", "工作表 {1} 中没有记录“{0}”"),
    (
        "\"{0}\" is not a sheet that has these (sites, items or tour_steps)",
        "« {0} » n'est pas une feuille qui en a (sites, items ou tour_steps)",
        "“{0}”不是包含这些内容的工作表（sites、items 或 tour_steps）",
    ),
    (
        "the file is {0} bytes, more than the {1} a workbook may be",
        "le fichier fait {0} octets, plus que les {1} permis pour un classeur",
        "文件大小为 {0} 字节，超过工作簿允许的 {1} 字节",
    ),
    (
        "not a spreadsheet (.xlsx or .ods)",
        "ce n'est pas un classeur (.xlsx ou .ods)",
        "不是电子表格文件（.xlsx 或 .ods）",
    ),
    (
        "its parts would unpack to {0} bytes, more than {1} (a compression bomb?): not read",
        "ses parties décompressées feraient {0} octets, plus que {1} (une bombe de décompression ?) : non lu",
        "其内容解压后将达 {0} 字节，超过 {1} 字节（压缩炸弹？）：未读取",
    ),
    (
        "{0} parts inside, more than {1}: not read",
        "{0} parties à l'intérieur, plus que {1} : non lu",
        "内含 {0} 个部分，超过 {1} 个：未读取",
    ),
    ("the workbook is damaged: {0}", "le classeur est endommagé : {0}", "工作簿已损坏：{0}"),
    ("the id is empty", "l'identifiant est vide", "标识符为空"),
    (
        "the id must be lowercase letters and digits in words joined by '-', at most {0} long",
        "l'identifiant doit être fait de minuscules et de chiffres, en mots reliés par « - », d'au plus {0} caractères",
        "标识符须由小写字母和数字组成、各词以“-”连接，最长 {0} 个字符",
    ),
    (
        "the id \"{0}\" is used by another record of {1}",
        "l'identifiant « {0} » est déjà pris par une autre fiche des {1}",
        "标识符“{0}”已被{1}中的另一条记录使用",
    ),
    (
        "refers to {0} \"{1}\", which does not exist",
        "renvoie à « {1} » ({0}), qui n'existe pas",
        "引用了不存在的{0}“{1}”",
    ),
    ("lists {0} \"{1}\" twice", "cite deux fois « {1} » ({0})", "两次列出{0}“{1}”"),
    ("the {0} text is missing", "le texte {0} manque", "缺少{0}文本"),
    (
        "the text is {0} characters long; at most {1} are allowed",
        "le texte fait {0} caractères ; {1} au plus sont permis",
        "文本长 {0} 个字符；最多允许 {1} 个",
    ),
    (
        "the text contains the invisible or control character U+{0}",
        "le texte contient le caractère invisible ou de contrôle U+{0}",
        "文本含有不可见字符或控制字符 U+{0}",
    ),
    ("\"{0}\" is not a field of this record", "« {0} » n'est pas un champ de cette fiche", "“{0}”不是此记录的字段"),
    ("{0} is not a count or amount", "{0} n'est ni un nombre ni une quantité", "{0} 不是计数或数量"),
    (
        "the precision is \"unknown\" but a date is given",
        "la précision est « unknown » mais une date est donnée",
        "精度为“unknown”，但给出了日期",
    ),
    (
        "the precision is \"{0}\" but there is no start date",
        "la précision est « {0} » mais il n'y a pas de date de début",
        "精度为“{0}”，但没有开始日期",
    ),
    (
        "\"{0}\" does not match the precision \"{1}\"",
        "« {0} » ne correspond pas à la précision « {1} »",
        "“{0}”与精度“{1}”不符",
    ),
    ("the end {0} is before the start {1}", "la fin {0} précède le début {1}", "结束日期 {0} 早于开始日期 {1}"),
    ("\"{0}\" is not one of fr, en, zh", "« {0} » n'est ni fr, ni en, ni zh", "“{0}”不是 fr、en、zh 之一"),
    (
        "the link must start with https:// (its scheme is \"{0}\")",
        "le lien doit commencer par https:// (son schéma est « {0} »)",
        "链接必须以 https:// 开头（其协议为“{0}”）",
    ),
    (
        "the link is not a well-formed https URL",
        "le lien n'est pas une adresse https bien formée",
        "链接不是格式正确的 https 地址",
    ),
    (
        "longitude {0} is outside -180 to 180",
        "la longitude {0} n'est pas entre -180 et 180",
        "经度 {0} 不在 -180 至 180 之间",
    ),
    ("latitude {0} is outside -90 to 90", "la latitude {0} n'est pas entre -90 et 90", "纬度 {0} 不在 -90 至 90 之间"),
    (
        "{0}, {1} (lon, lat) is not in {2}, but the site is on the {3} side",
        "{0}, {1} (lon, lat) n'est pas dans la zone « {2} », alors que le lieu est rangé du côté « {3} »",
        "{0}, {1}（经度，纬度）不在{2}范围内，但该地点属于{3}一方",
    ),
    (
        "an actor cannot be affiliated with itself",
        "un acteur ne peut pas être rattaché à lui-même",
        "参与方不能隶属于自身",
    ),
    ("an item cannot be related to itself", "un élément ne peut pas être lié à lui-même", "事项不能与自身相关"),
    ("lists the domain \"{0}\" twice", "cite deux fois le domaine « {0} »", "两次列出领域“{0}”"),
    ("the item cites no source", "l'élément ne cite aucune source", "该事项未引用任何资料来源"),
    ("the place is longer than {0} characters", "l'emplacement cité dépasse {0} caractères", "引用位置超过 {0} 个字符"),
    ("no place in the source is given", "aucun emplacement dans la source n'est indiqué", "未给出在资料来源中的位置"),
    ("the tour has no step", "la visite n'a aucune étape", "该导览没有任何步骤"),
    (
        "a step shows an item or a site, not both",
        "une étape montre un élément ou un lieu, pas les deux",
        "一个步骤只能展示一个事项或一个地点，不能两者兼有",
    ),
    ("zoom {0} is outside 0.5 to 50", "le zoom {0} n'est pas entre 0,5 et 50", "缩放 {0} 不在 0.5 至 50 之间"),
    (
        "\"{0}\" is not a full date YYYY-MM-DD",
        "« {0} » n'est pas une date complète AAAA-MM-JJ",
        "“{0}”不是完整的 YYYY-MM-DD 日期",
    ),
    ("the step cites no source", "l'étape ne cite aucune source", "该步骤未引用任何资料来源"),
    (
        "no item and no actor uses this site",
        "aucun élément ni aucun acteur n'utilise ce lieu",
        "没有任何事项或参与方使用此地点",
    ),
    (
        "\"{0}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        "« {0} » n'est pas une date de la forme AAAA, AAAA-MM ou AAAA-MM-JJ",
        "“{0}”不是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的日期",
    ),
    (
        "year {0} in \"{1}\" is outside {2}–{3}",
        "l'année {0} de « {1} » n'est pas entre {2} et {3}",
        "“{1}”中的年份 {0} 不在 {2}–{3} 之间",
    ),
    (
        "\"{0}\" has month {1}, which does not exist",
        "« {0} » a pour mois {1}, qui n'existe pas",
        "“{0}”的月份 {1} 不存在",
    ),
    (
        "\"{0}\" has day {1}, but that month has {2} days",
        "« {0} » a pour jour {1}, mais ce mois a {2} jours",
        "“{0}”的日为 {1}，但该月只有 {2} 天",
    ),
    (
        "expected an object with schema, sources, sites, actors and items, found {0}",
        "un objet avec schema, sources, sites, actors et items est attendu ; trouvé : {0}",
        "应为包含 schema、sources、sites、actors 和 items 的对象，实际为{0}",
    ),
    ("expected the number {0}, found {1}", "le nombre {0} est attendu ; trouvé : {1}", "应为数字 {0}，实际为{1}"),
    ("missing field `{0}`", "champ `{0}` manquant", "缺少字段 `{0}`"),
    ("unknown field `{0}`, expected {1}", "champ inconnu `{0}` ; attendu : {1}", "未知字段 `{0}`，应为{1}"),
    ("unknown variant `{0}`, expected {1}", "valeur inconnue `{0}` ; attendu : {1}", "未知取值 `{0}`，应为{1}"),
    ("invalid type: {0}, expected {1}", "type incorrect : {0} ; attendu : {1}", "类型错误：{0}，应为{1}"),
    ("invalid length {0}, expected {1}", "longueur incorrecte {0} ; attendu : {1}", "长度错误 {0}，应为{1}"),
    ("invalid value: {0}, expected {1}", "valeur incorrecte : {0} ; attendu : {1}", "取值错误：{0}，应为{1}"),
];

/// English words a blank may hold, with their French and Chinese.
const WORDS: &[(&str, &str, &str)] = &[
    ("source", "source", "资料来源"),
    ("site", "lieu", "地点"),
    ("actor", "acteur", "参与方"),
    ("item", "élément", "事项"),
    ("sources", "sources", "资料来源"),
    ("sites", "lieux", "地点"),
    ("actors", "acteurs", "参与方"),
    ("items", "éléments", "事项"),
    ("French", "français", "法文"),
    ("English", "anglais", "英文"),
    ("Chinese", "chinois", "中文"),
    ("France", "France", "法国"),
    ("China", "Chine", "中国"),
    ("france", "France", "法国"),
    ("china", "Chine", "中国"),
    ("an array", "un tableau", "数组"),
    ("a string", "une chaîne", "字符串"),
    ("a number", "un nombre", "数字"),
    ("a boolean", "un booléen", "布尔值"),
    ("null", "null", "null"),
];

fn word(lang: Lang, w: &str) -> String {
    let pick = |(_, fr, zh): &(&str, &str, &str)| if lang == Lang::Fr { (*fr).to_owned() } else { (*zh).to_owned() };
    if let Some(entry) = WORDS.iter().find(|(en, _, _)| *en == w) {
        return pick(entry);
    }
    // "one of `a`, `b`" and "`a` or `b`": the joining words, translated.
    let (one_of, or) = if lang == Lang::Fr { ("l'un de ", " ou ") } else { ("以下之一：", " 或 ") };
    w.replace("one of ", one_of).replace(" or ", or)
}

/// Matches `text` against an English sentence with `{n}` blanks; the blanks' contents in
/// the order of their numbers, or `None` when it does not match. A blank takes the
/// shortest text after which the rest still matches.
fn matches(pattern: &str, text: &str) -> Option<Vec<String>> {
    let mut parts: Vec<(&str, Option<usize>)> = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}')?;
        let n: usize = rest[open + 1..close].parse().ok()?;
        parts.push((&rest[..open], Some(n)));
        rest = &rest[close + 1..];
    }
    parts.push((rest, None));
    let mut values = vec![String::new(); parts.iter().filter(|p| p.1.is_some()).count()];
    fn go(parts: &[(&str, Option<usize>)], text: &str, values: &mut [String]) -> bool {
        let Some(((literal, blank), more)) = parts.split_first() else { return text.is_empty() };
        let Some(at) = text.strip_prefix(literal) else { return false };
        let Some(n) = blank else { return go(more, at, values) };
        let next = more.first().map_or("", |p| p.0);
        // Each place the blank could end: before an occurrence of the next literal, or at
        // the very end when nothing follows.
        let ends: Vec<usize> = if more.len() == 1 && next.is_empty() {
            vec![at.len()]
        } else {
            at.match_indices(next).map(|(i, _)| i).filter(|&i| i > 0).collect()
        };
        for end in ends {
            if go(more, &at[end..], values) {
                values[*n] = at[..end].to_owned();
                return true;
            }
        }
        false
    }
    go(&parts, text, &mut values).then_some(values)
}

fn fill(template: &str, values: &[String]) -> String {
    let mut out = template.to_owned();
    for (i, v) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), v);
    }
    out
}

/// A finding of the checker in `lang`: the English sentence itself in English, its
/// translation otherwise (or the English one, for a sentence not in the table).
pub fn finding(lang: Lang, english: &str) -> String {
    if lang == Lang::En {
        return english.to_owned();
    }
    for (en, fr, zh) in SENTENCES {
        if let Some(values) = matches(en, english) {
            let values: Vec<String> = values.iter().map(|v| word(lang, v)).collect();
            return fill(if lang == Lang::Fr { fr } else { zh }, &values);
        }
    }
    english.to_owned()
}

/// Whether the table holds a translation of this English finding.
pub fn is_translated(english: &str) -> bool {
    SENTENCES.iter().any(|(en, _, _)| matches(en, english).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_reads_in_each_language_with_its_blanks() {
        let e = "refers to site \"lyonn\", which does not exist";
        assert_eq!(finding(Lang::En, e), e);
        assert_eq!(finding(Lang::Fr, e), "renvoie à « lyonn » (lieu), qui n'existe pas");
        assert_eq!(finding(Lang::Zh, e), "引用了不存在的地点“lyonn”");
        assert_eq!(finding(Lang::Fr, "the Chinese text is missing"), "le texte chinois manque");
        assert_eq!(
            finding(Lang::Fr, "unknown variant `treaty`, expected one of `agreement`, `letter_of_intent`"),
            "valeur inconnue `treaty` ; attendu : l'un de `agreement`, `letter_of_intent`"
        );
        assert_eq!(finding(Lang::Zh, "missing field `en`"), "缺少字段 `en`");
        assert_eq!(
            finding(Lang::Fr, "\"2018-02-30\" has day 30, but that month has 28 days"),
            "« 2018-02-30 » a pour jour 30, mais ce mois a 28 jours"
        );
        // Not in the table: left in English rather than guessed.
        assert_eq!(finding(Lang::Fr, "something new"), "something new");
    }

    #[test]
    fn blanks_are_matched_whole() {
        assert_eq!(
            matches("the end {0} is before the start {1}", "the end 2018 is before the start 2019-01"),
            Some(vec!["2018".into(), "2019-01".into()])
        );
        assert_eq!(matches("the id is empty", "the id is empty!"), None);
        assert_eq!(
            matches(
                "{0}, {1} (lon, lat) is not in {2}, but the site is on the {3} side",
                "2.3, 48.8 (lon, lat) is not in China, but the site is on the China side"
            )
            .map(|v| v.len()),
            Some(4)
        );
    }
}
