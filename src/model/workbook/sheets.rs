//! The workbook's sheets and columns: what each holds, in which JSON field, whether every
//! row must fill it, and what it means in three languages (the explaining sheet).

/// What kind of value a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (also a date written as the sources give it: `2018`, `2018-11`, `2018-11-29`).
    Text,
    /// A number (coordinates, a zoom, a figure).
    Number,
    /// Several entries in one cell, separated by [`LIST_SEPARATOR`].
    List,
    /// A whole number counted from 1 (a tour's step).
    Count,
}

/// A column of a sheet: its header, where its value goes in the record's JSON (a dotted
/// path), its kind, whether every row must fill it, and what it means (fr, en, zh).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub path: String,
    pub kind: Kind,
    pub required: bool,
    pub doc: [&'static str; 3],
}

/// The sheets of a workbook, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sheet {
    Sources,
    Sites,
    Actors,
    Items,
    Tours,
    TourSteps,
    Figures,
    Citations,
}

impl Sheet {
    pub const ALL: [Sheet; 8] = [
        Sheet::Sources,
        Sheet::Sites,
        Sheet::Actors,
        Sheet::Items,
        Sheet::Tours,
        Sheet::TourSteps,
        Sheet::Figures,
        Sheet::Citations,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Sheet::Sources => "sources",
            Sheet::Sites => "sites",
            Sheet::Actors => "actors",
            Sheet::Items => "items",
            Sheet::Tours => "tours",
            Sheet::TourSteps => "tour_steps",
            Sheet::Figures => "figures",
            Sheet::Citations => "citations",
        }
    }

    /// The dataset's sheets every workbook has; the others may be left out when empty.
    pub fn required(self) -> bool {
        matches!(self, Sheet::Sources | Sheet::Sites | Sheet::Actors | Sheet::Items)
    }

    /// What a row of the sheet is (fr, en, zh), for the explaining sheet.
    pub fn doc(self) -> [&'static str; 3] {
        match self {
            Sheet::Sources => ["un document source", "a source document", "一份资料来源"],
            Sheet::Sites => ["un lieu de la carte", "a place on the map", "地图上的一个地点"],
            Sheet::Actors => {
                ["un acteur (organisation, personne)", "an actor (organisation, person)", "一个参与方（机构、人物）"]
            }
            Sheet::Items => ["un élément de la chronologie", "an item of the timeline", "时间轴上的一个事项"],
            Sheet::Tours => ["une visite guidée", "a guided tour", "一次导览"],
            Sheet::TourSteps => {
                ["une étape d'une visite, dans l'ordre", "a step of a tour, in order", "导览的一个步骤（按顺序）"]
            }
            Sheet::Figures => [
                "un chiffre d'un lieu ou d'un élément, dans l'ordre",
                "a figure of a site or an item, in order",
                "地点或事项的一个数字（按顺序）",
            ],
            Sheet::Citations => [
                "une citation d'une source, dans l'ordre",
                "a citation of a source, in order",
                "对资料来源的一处引用（按顺序）",
            ],
        }
    }

    pub fn from_name(name: &str) -> Option<Sheet> {
        Sheet::ALL.into_iter().find(|s| s.name() == name.trim())
    }

    /// The sheet's columns.
    pub fn columns(self) -> Vec<Column> {
        let mut c = Columns::default();
        match self {
            Sheet::Sources => {
                c.id();
                c.loc("title", true, TITLE);
                c.loc("publisher", false, PUBLISHER);
                c.one("date_start", "date.start", Kind::Text, false, DATE_START);
                c.one("date_end", "date.end", Kind::Text, false, DATE_END);
                c.one("date_precision", "date.precision", Kind::Text, false, PRECISION);
                c.one("language", "language", Kind::Text, true, LANGUAGE);
                c.one("url", "url", Kind::Text, false, URL);
                c.loc("note", false, NOTE);
                c.marked();
            }
            Sheet::Sites => {
                c.id();
                c.loc("name", true, NAME);
                c.one("kind", "kind", Kind::Text, true, KIND);
                c.one("lon", "lon", Kind::Number, true, LON);
                c.one("lat", "lat", Kind::Number, true, LAT);
                c.one("side", "side", Kind::Text, true, SIDE);
                c.loc("region", true, REGION);
                c.loc("note", false, NOTE);
                c.marked();
            }
            Sheet::Actors => {
                c.id();
                c.loc("name", true, NAME);
                c.one("kind", "kind", Kind::Text, true, KIND);
                c.one("side", "side", Kind::Text, true, SIDE);
                c.one("site", "site", Kind::Text, false, ACTOR_SITE);
                c.loc("role", false, ROLE);
                c.one("affiliation", "affiliation", Kind::Text, false, AFFILIATION);
                c.loc("note", false, NOTE);
                c.marked();
            }
            Sheet::Items => {
                c.id();
                c.one("kind", "kind", Kind::Text, true, KIND);
                c.loc("title", true, TITLE);
                c.loc("description", true, DESCRIPTION);
                c.one("start", "when.start", Kind::Text, false, DATE_START);
                c.one("end", "when.end", Kind::Text, false, DATE_END);
                c.one("precision", "when.precision", Kind::Text, true, PRECISION);
                c.one("status", "status", Kind::Text, true, STATUS);
                c.one("parties", "parties", Kind::List, false, PARTIES);
                c.one("sites", "sites", Kind::List, false, SITES);
                c.one("domains", "domains", Kind::List, false, DOMAINS);
                c.one("related", "related", Kind::List, false, RELATED);
                c.loc("note", false, NOTE);
                c.marked();
            }
            Sheet::Tours => {
                c.id();
                c.loc("title", true, TITLE);
                c.loc("summary", true, SUMMARY);
            }
            Sheet::TourSteps => {
                c.one("tour", "", Kind::Text, true, STEP_TOUR);
                c.one("step", "", Kind::Count, true, STEP_NUMBER);
                c.one("item", "item", Kind::Text, false, STEP_ITEM);
                c.one("site", "site", Kind::Text, false, STEP_SITE);
                c.one("view", "view", Kind::Text, true, STEP_VIEW);
                c.one("zoom", "zoom", Kind::Number, false, STEP_ZOOM);
                c.one("time", "time", Kind::Text, false, STEP_TIME);
                c.loc("caption", true, CAPTION);
                c.loc("notes", false, NOTES);
                c.marked();
            }
            Sheet::Figures => {
                c.one("sheet", "", Kind::Text, true, OWNER_SHEET);
                c.one("record", "", Kind::Text, true, OWNER_RECORD);
                c.one("value", "value", Kind::Number, true, FIGURE_VALUE);
                c.loc("label", true, FIGURE_LABEL);
                c.one("qualifier", "qualifier", Kind::Text, false, QUALIFIER);
            }
            Sheet::Citations => {
                c.one("sheet", "", Kind::Text, true, OWNER_SHEET);
                c.one("record", "", Kind::Text, true, OWNER_RECORD);
                c.one("step", "", Kind::Count, false, OWNER_STEP);
                c.one("source", "source", Kind::Text, true, CITED_SOURCE);
                c.one("place", "place", Kind::Text, true, CITED_PLACE);
            }
        }
        c.0
    }
}

impl Column {
    /// One language of a text in three (`title_zh`).
    pub fn is_localized(&self) -> bool {
        self.path.rsplit_once('.').is_some_and(|(_, lang)| matches!(lang, "fr" | "en" | "zh"))
    }
}

#[derive(Default)]
struct Columns(Vec<Column>);

impl Columns {
    fn one(&mut self, header: &str, path: &str, kind: Kind, required: bool, doc: [&'static str; 3]) {
        self.0.push(Column { header: header.to_owned(), path: path.to_owned(), kind, required, doc });
    }
    fn id(&mut self) {
        self.one("id", "id", Kind::Text, true, ID);
    }
    fn marked(&mut self) {
        self.one("not_from_sources", "not_from_sources", Kind::List, false, MARKED);
    }
    /// A text in three languages: three columns.
    fn loc(&mut self, field: &str, required: bool, doc: [&'static str; 3]) {
        for lang in ["fr", "en", "zh"] {
            self.one(&format!("{field}_{lang}"), &format!("{field}.{lang}"), Kind::Text, required, doc);
        }
    }
}

const ID: [&str; 3] = [
    "identifiant unique : minuscules, chiffres et tirets (chambery, aura-mission-2018-02)",
    "unique id: lower-case letters, digits and hyphens (chambery, aura-mission-2018-02)",
    "唯一标识：小写字母、数字和连字符（chambery、aura-mission-2018-02）",
];
const TITLE: [&str; 3] = ["titre", "title", "标题"];
const NAME: [&str; 3] = ["nom", "name", "名称"];
const PUBLISHER: [&str; 3] = ["éditeur (facultatif)", "publisher (optional)", "发布者（可选）"];
const DESCRIPTION: [&str; 3] = ["description", "description", "描述"];
const SUMMARY: [&str; 3] = ["résumé", "summary", "摘要"];
const NOTE: [&str; 3] = ["note (facultative)", "note (optional)", "备注（可选）"];
const DATE_START: [&str; 3] = [
    "date de début, telle que la source la donne : 2018, 2018-11 ou 2018-11-29 (une cellule date est acceptée)",
    "start date, as the source gives it: 2018, 2018-11 or 2018-11-29 (a date cell is accepted)",
    "开始日期，按资料来源的写法：2018、2018-11 或 2018-11-29（也接受日期格式的单元格）",
];
const DATE_END: [&str; 3] =
    ["date de fin (facultative), même forme", "end date (optional), same form", "结束日期（可选），格式相同"];
const PRECISION: [&str; 3] = [
    "précision de la date : day, month, year, approximate ou undated",
    "the date's precision: day, month, year, approximate or undated",
    "日期精度：day、month、year、approximate 或 undated",
];
const LANGUAGE: [&str; 3] =
    ["langue du document (fr, en, zh)", "the document's language (fr, en, zh)", "文件语言（fr、en、zh）"];
const URL: [&str; 3] = ["adresse web (facultative)", "web address (optional)", "网址（可选）"];
const MARKED: [&str; 3] = [
    "champs qui ne viennent pas des sources (ajoutés de connaissance commune), séparés par |",
    "fields that do not come from the sources (added from common knowledge), separated by |",
    "不出自资料来源的字段（据常识补充），以 | 分隔",
];
const KIND: [&str; 3] = ["type (voir la documentation)", "kind (see the documentation)", "类型（见文档）"];
const LON: [&str; 3] = ["longitude en degrés décimaux", "longitude in decimal degrees", "经度（十进制度）"];
const LAT: [&str; 3] = ["latitude en degrés décimaux", "latitude in decimal degrees", "纬度（十进制度）"];
const SIDE: [&str; 3] = ["côté : france ou china", "side: france or china", "所属方：france 或 china"];
const REGION: [&str; 3] = ["région ou province", "region or province", "地区或省份"];
const ACTOR_SITE: [&str; 3] =
    ["id du lieu de l'acteur (facultatif)", "id of the actor's site (optional)", "参与方所在地点的标识（可选）"];
const ROLE: [&str; 3] = ["rôle (facultatif)", "role (optional)", "职务（可选）"];
const AFFILIATION: [&str; 3] = [
    "id de l'acteur dont il relève (facultatif)",
    "id of the actor it belongs to (optional)",
    "所属参与方的标识（可选）",
];
const STATUS: [&str; 3] = [
    "état : completed, ongoing, planned ou proposed…",
    "status: completed, ongoing, planned or proposed…",
    "状态：completed、ongoing、planned 或 proposed…",
];
const PARTIES: [&str; 3] = [
    "ids des acteurs parties, séparés par |",
    "ids of the actors taking part, separated by |",
    "参与方的标识，以 | 分隔",
];
const SITES: [&str; 3] = ["ids des lieux, séparés par |", "ids of the sites, separated by |", "地点的标识，以 | 分隔"];
const DOMAINS: [&str; 3] = ["domaines, séparés par |", "domains, separated by |", "领域，以 | 分隔"];
const RELATED: [&str; 3] =
    ["ids des éléments liés, séparés par |", "ids of related items, separated by |", "相关事项的标识，以 | 分隔"];
const STEP_TOUR: [&str; 3] = ["id de la visite", "id of the tour", "导览的标识"];
const STEP_NUMBER: [&str; 3] = ["numéro de l'étape (1, 2, 3…)", "the step's number (1, 2, 3…)", "步骤编号（1、2、3…）"];
const STEP_ITEM: [&str; 3] =
    ["id de l'élément montré (facultatif)", "id of the item shown (optional)", "显示的事项的标识（可选）"];
const STEP_SITE: [&str; 3] =
    ["id du lieu montré (facultatif)", "id of the site shown (optional)", "显示的地点的标识（可选）"];
const STEP_VIEW: [&str; 3] = [
    "vue de la carte : overview, both, france ou china",
    "map view: overview, both, france or china",
    "地图视图：overview、both、france 或 china",
];
const STEP_ZOOM: [&str; 3] = ["zoom (facultatif)", "zoom (optional)", "缩放（可选）"];
const STEP_TIME: [&str; 3] =
    ["date du curseur (facultative)", "the time cursor's date (optional)", "时间游标的日期（可选）"];
const CAPTION: [&str; 3] = ["légende de l'étape", "the step's caption", "步骤说明"];
const NOTES: [&str; 3] = ["notes de l'orateur (facultatives)", "speaker's notes (optional)", "演讲者备注（可选）"];
const OWNER_SHEET: [&str; 3] = [
    "feuille de l'enregistrement : sites, items ou tour_steps",
    "the record's sheet: sites, items or tour_steps",
    "记录所在的工作表：sites、items 或 tour_steps",
];
const OWNER_RECORD: [&str; 3] = [
    "id de l'enregistrement (pour une étape : l'id de la visite)",
    "id of the record (for a step: the tour's id)",
    "记录的标识（步骤则为导览的标识）",
];
const OWNER_STEP: [&str; 3] =
    ["numéro de l'étape (tour_steps seulement)", "the step's number (tour_steps only)", "步骤编号（仅 tour_steps）"];
const FIGURE_VALUE: [&str; 3] = ["valeur", "value", "数值"];
const FIGURE_LABEL: [&str; 3] = ["libellé", "label", "说明"];
const QUALIFIER: [&str; 3] = [
    "qualificatif (facultatif) : about, at_least, up_to…",
    "qualifier (optional): about, at_least, up_to…",
    "限定（可选）：about、at_least、up_to…",
];
const CITED_SOURCE: [&str; 3] = ["id de la source citée", "id of the source cited", "所引资料来源的标识"];
const CITED_PLACE: [&str; 3] = [
    "où dans la source (paragraphe, citation)",
    "where in the source (paragraph, quotation)",
    "在资料中的位置（段落、引文）",
];

/// The explaining sheet's rows: for each sheet and column, what it holds in three
/// languages, then how lists and dates are written.
pub fn read_me_rows() -> Vec<[String; 5]> {
    let mut rows = vec![[
        "sheet / feuille / 工作表".to_owned(),
        "column / colonne / 列".to_owned(),
        "français".to_owned(),
        "English".to_owned(),
        "中文".to_owned(),
    ]];
    for sheet in Sheet::ALL {
        let [fr, en, zh] = sheet.doc();
        rows.push([
            sheet.name().to_owned(),
            String::new(),
            format!("une ligne = {fr}"),
            format!("one row = {en}"),
            format!("一行 = {zh}"),
        ]);
        for c in sheet.columns() {
            let [fr, en, zh] = c.doc;
            let lang = ["_fr", "_en", "_zh"].iter().position(|l| c.header.ends_with(l));
            let suffix = |i: usize| match (lang, i) {
                (Some(0), 0) => " (en français)",
                (Some(1), 0) => " (en anglais)",
                (Some(2), 0) => " (en chinois)",
                (Some(0), 1) => " (in French)",
                (Some(1), 1) => " (in English)",
                (Some(2), 1) => " (in Chinese)",
                (Some(0), _) => "（法文）",
                (Some(1), _) => "（英文）",
                (Some(2), _) => "（中文）",
                _ => "",
            };
            let required = |i: usize| match (c.required, i) {
                (false, _) => "",
                (true, 0) => " — obligatoire",
                (true, 1) => " — required",
                (true, _) => " — 必填",
            };
            rows.push([
                sheet.name().to_owned(),
                c.header.clone(),
                format!("{fr}{}{}", suffix(0), required(0)),
                format!("{en}{}{}", suffix(1), required(1)),
                format!("{zh}{}{}", suffix(2), required(2)),
            ]);
        }
    }
    rows
}
