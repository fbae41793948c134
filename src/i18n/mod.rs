//! The interface in French, English and Simplified Chinese: every message, the names of
//! the data's values, and dates and numbers written the way each language writes them.
//! Plain Rust, tested natively: a message missing in one language fails a test.

use crate::model::date::PartialDate;
use crate::model::filter::SideFilter;
use crate::model::time::civil;
use crate::model::{Lang, Precision, When};

mod describe;
pub mod details;
pub mod facets;
mod findings;
pub mod intro;
pub(crate) mod markup;
pub mod timeline;
pub use describe::{coordinates, figure, join, marked_fields};
pub use findings::{finding, is_translated};

macro_rules! messages {
    ($($name:ident => $fr:literal, $en:literal, $zh:literal;)*) => {
        /// A message of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// The message in `lang`. `{}` marks where [`fill`] puts values, in order.
            pub fn text(self, lang: Lang) -> &'static str {
                // Each language's messages as one text, each ended by a NUL, and where each
                // begins, found at compile time: a slice of it rather than a `match` of
                // 600 arms, which was 6.7 kB of the first module's code (issue 25).
                const TEXTS: [&str; 3] = [concat!($($fr, "\0"),*), concat!($($en, "\0"),*), concat!($($zh, "\0"),*)];
                const STARTS: [[u16; Msg::ALL.len() + 1]; 3] = [starts(TEXTS[0]), starts(TEXTS[1]), starts(TEXTS[2])];
                let (text, starts) = (TEXTS[lang as usize], &STARTS[lang as usize]);
                let i = self as usize;
                text.get(usize::from(starts[i])..usize::from(starts[i + 1]) - 1).unwrap_or_default()
            }
        }
    };
}

/// Where each NUL-ended message of `text` begins, and one past its end: `N` messages.
const fn starts<const N: usize>(text: &str) -> [u16; N] {
    let bytes = text.as_bytes();
    assert!(bytes.len() < u16::MAX as usize, "the messages of one language fit 64 kB");
    let (mut out, mut at, mut n) = ([0u16; N], 0, 1);
    while at < bytes.len() {
        if bytes[at] == 0 {
            assert!(n < N, "one NUL per message");
            out[n] = (at + 1) as u16;
            n += 1;
        }
        at += 1;
    }
    assert!(n == N, "one NUL per message");
    out
}

messages! {
    Tagline => "Auvergne-Rhône-Alpes ⇄ Hebei · Pékin — Jeux olympiques d'hiver 2022", "Auvergne-Rhône-Alpes ⇄ Hebei · Beijing — 2022 Winter Olympics", "奥弗涅-罗讷-阿尔卑斯 ⇄ 河北 · 北京 — 2022年冬奥会";
    Language => "Langue", "Language", "语言";
    Loading => "Chargement des données de la coopération…", "Loading the cooperation data…", "正在加载合作数据……";
    FatalTitle => "Passerelle s'est arrêtée à cause d'une erreur interne", "Passerelle stopped because of an internal error", "Passerelle 因内部错误而停止";
    FatalHint => "Rechargez la page pour réessayer. Si cela se reproduit, merci de signaler le message ci-dessus.", "Reload the page to try again. If it happens again, please report the message above.", "请重新加载页面再试。如果问题再次出现，请报告上面的信息。";
    FatalReload => "Recharger la page", "Reload the page", "重新加载页面";
    Sites => "Lieux", "Sites", "地点";
    ItemsOne => "{} élément", "{} item", "{} 项";
    ItemsMany => "{} éléments", "{} items", "{} 项";
    SitesOne => "{} lieu", "{} site", "{} 个地点";
    SitesMany => "{} lieux", "{} sites", "{} 个地点";
    ActorsOne => "{} acteur", "{} actor", "{} 个参与方";
    ActorsMany => "{} acteurs", "{} actors", "{} 个参与方";
    SourcesOne => "{} source", "{} source", "{} 份资料来源";
    SourcesMany => "{} sources", "{} sources", "{} 份资料来源";
    Sources => "Sources", "Sources", "资料来源";
    Map => "Carte", "Map", "地图";
    Timeline => "Chronologie", "Timeline", "时间线";
    List => "Liste", "List", "列表";
    Details => "Détails", "Details", "详情";
    ShowAs => "Afficher comme", "Show as", "显示方式";
    MapViews => "Vue de la carte", "Map view", "地图视图";
    Overview => "Vue d'ensemble", "Overview", "总览";
    ViewFrance => "Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "奥弗涅-罗讷-阿尔卑斯";
    ViewChina => "Hebei · Pékin", "Hebei · Beijing", "河北 · 北京";
    SideBySide => "Côte à côte", "Side by side", "并排";
    Zoom => "Zoom", "Zoom", "缩放";
    ZoomIn => "Zoomer", "Zoom in", "放大";
    ZoomOut => "Dézoomer", "Zoom out", "缩小";
    ResetView => "Revenir à la vue initiale", "Reset the view", "重置视图";
    MapRole => "carte", "map", "地图";
    MapMenu => "Vues, zoom, légende et listes de la carte", "The map's views, zoom, legend and lists", "地图的视图、缩放、图例和列表";
    MapLinks => "Les liens entre les lieux", "The links between the sites", "地点之间的连线";
    MapKeys => "Flèches : déplacer ; plus et moins : zoomer ; 0 : revenir ; Tab atteint chaque lieu et chaque lien.", "Arrow keys pan, plus and minus zoom, 0 resets; Tab reaches each site and link.", "方向键平移，加减号缩放，0 复位；Tab 键可到达每个地点和连线。";
    ViewNameOverview => "vue d'ensemble de la France au nord de la Chine", "overview from France to north China", "从法国到中国华北的总览";
    ViewNameFrance => "la région Auvergne-Rhône-Alpes", "the Auvergne-Rhône-Alpes region", "奥弗涅-罗讷-阿尔卑斯大区";
    ViewNameChina => "Hebei et Pékin", "Hebei and Beijing", "河北省和北京市";
    ViewNameBoth => "les deux régions côte à côte", "both regions side by side", "两个地区并排";
    Legend => "Légende", "Legend", "图例";
    FrenchSide => "Côté français", "French side", "法方";
    ChineseSide => "Côté chinois", "Chinese side", "中方";
    SignedOrDone => "signé ou réalisé", "signed or done", "已签署或已完成";
    PlannedLine => "prévu", "planned", "计划中";
    ProposedRoute => "ligne aérienne proposée (à l'étude)", "proposed air route (under study)", "拟议航线（研究中）";
    BaseMap => "Fond de carte : {}, domaine public", "Base map: {}, public domain", "底图：{}，公有领域";
    SitesAsList => "Les lieux sous forme de liste", "Sites as a list", "地点列表";
    Elsewhere => "Ailleurs", "Elsewhere", "其他地区";
    SiteLabel => "{} : {}, côté {}, {}", "{}: {}, {} side, {}", "{}：{}，{}，{}";
    Games => "Jeux : {}", "Games {}", "冬奥会 {}";
    OutsideView => "hors de cette vue", "outside this view", "在此视图之外";
    SideFr => "français", "French", "法方";
    SideCn => "chinois", "Chinese", "中方";
    SideOther => "tiers", "third-country", "第三国";
    Search => "Rechercher", "Search", "搜索";
    SearchPlaceholder => "Chambéry, 张家口, ski…", "Chambéry, 张家口, ski…", "尚贝里、Zhangjiakou、滑雪……";
    ShownCountOne => "{} élément affiché sur {}", "{} of {} items shown", "显示 {} 项，共 {} 项";
    ShownCount => "{} éléments affichés sur {}", "{} of {} items shown", "显示 {} 项，共 {} 项";
    ClearFilters => "Effacer les filtres", "Clear filters", "清除筛选";
    Kind => "Type", "Kind", "类型";
    Domain => "Domaine", "Domain", "领域";
    Domains => "Domaines", "Domains", "领域";
    Status => "Statut", "Status", "状态";
    Side => "Côté", "Side", "所属方";
    Date => "Date", "Date", "日期";
    Title => "Titre", "Title", "标题";
    Parties => "Parties", "Parties", "参与方";
    Related => "Éléments liés", "Related", "相关事项";
    Region => "Région", "Region", "地区";
    Coordinates => "Coordonnées", "Coordinates", "坐标";
    ItemsHere => "Éléments en ce lieu", "Items here", "此地的合作事项";
    NotFromSources => "Hors des sources (connaissance commune) : {}.", "Not from the sources (common knowledge): {}.", "不出自资料来源（常识）：{}。";
    AllDates => "Toutes les dates", "All dates", "全部日期";
    StateAt => "Situation à la fin de {}", "State at the end of {}", "截至{}末的情况";
    TimeCursor => "Curseur du temps", "Time cursor", "时间游标";
    MonthEarlier => "Un mois plus tôt", "One month earlier", "前移一个月";
    MonthLater => "Un mois plus tard", "One month later", "后移一个月";
    Play => "▶ Lecture", "▶ Play", "▶ 播放";
    Pause => "⏸ Pause", "⏸ Pause", "⏸ 暂停";
    FutureLegend => "Les éléments pas encore commencés au curseur sont estompés sur la carte et la chronologie.", "Items not yet begun at the cursor are faded on the map and timeline.", "游标时刻尚未开始的事项在地图和时间线上以淡色显示。";
    TimelineZoom => "Zoom de la chronologie", "Timeline zoom", "时间线缩放";
    TimelineZoomIn => "Zoomer la chronologie", "Zoom the timeline in", "放大时间线";
    TimelineZoomOut => "Dézoomer la chronologie", "Zoom the timeline out", "缩小时间线";
    WholePeriod => "Montrer toute la période", "Show the whole period", "显示整个时期";
    LanesRole => "frise chronologique", "timeline", "时间线";
    LanesLabel => "Éléments par type et par date", "Items by kind and date", "按类型和日期排列的事项";
    LanesKeys => "Plus et moins pour zoomer, flèches pour se déplacer, 0 pour toute la période ; Tab atteint chaque élément.", "Plus and minus zoom, arrow keys move, 0 shows the whole period; Tab reaches each item.", "加减号缩放，方向键移动，0 显示整个时期；Tab 键可到达每个事项。";
    CursorShows => "Ce que montrent la carte et la frise", "What the map and the timeline show", "地图和时间线所示";
    NoDated => "Aucun élément daté.", "No dated items.", "没有带日期的事项。";
    ListCaptionOne => "{} élément, par date", "{} item, by date", "{} 项，按日期排列";
    ListCaption => "{} éléments, par date", "{} items, by date", "{} 项，按日期排列";
    ListPages => "Pages de la liste", "Pages of the list", "列表分页";
    ListPrevious => "‹ Précédents", "‹ Previous", "‹ 上一页";
    ListNext => "Suivants ›", "Next ›", "下一页 ›";
    ListRange => "{} à {} sur {}", "{}–{} of {}", "第 {}–{} 项，共 {} 项";
    LoadFailed => "Les données de la coopération n'ont pas pu être chargées", "The cooperation data could not be loaded", "无法加载合作数据";
    ErrHttp => "Impossible de charger {} : le serveur a répondu HTTP {}{}.", "Could not load {}: the server answered HTTP {}{}.", "无法加载 {}：服务器返回 HTTP {}{}。";
    ErrNetwork => "Impossible de charger {} : la requête a échoué ({}).", "Could not load {}: the request failed ({}).", "无法加载 {}：请求失败（{}）。";
    ErrEmpty => "{} est vide : un jeu de données JSON est attendu.", "{} is empty: expected a JSON dataset.", "{} 为空：应为 JSON 数据集。";
    ErrRefused => "Chargement de {} refusé : {}.", "Refused to load {}: {}.", "拒绝加载 {}：{}。";
    ErrTooLarge => "{} pèse {} Ko ; un jeu de données ne peut dépasser {} Ko.", "{} is {} KB; a dataset may be at most {} KB.", "{} 大小为 {} KB；数据集最多 {} KB。";
    ErrSyntax => "{} n'est pas un JSON valide : {} à la ligne {}, colonne {}.", "{} is not valid JSON: {} at line {}, column {}.", "{} 不是有效的 JSON：{}，位于第 {} 行第 {} 列。";
    ErrBaseMap => "{} n'est pas un fond de carte que Passerelle sait lire : {}.", "{} is not a base map Passerelle can read: {}.", "{} 不是 Passerelle 能读取的底图：{}。";
    ErrSchema => "{} a \"schema\" : {}, mais cette version de Passerelle lit le schéma {}.", "{} has \"schema\": {}, but this version of Passerelle reads schema {}.", "{} 的 \"schema\" 为 {}，但此版本的 Passerelle 读取第 {} 版。";
    IssueInRecord => "fiche « {} », champ {} : {}", "record \"{}\", field {}: {}", "记录“{}”，字段 {}：{}";
    IssueTop => "niveau supérieur : {}", "top level: {}", "顶层：{}";
    IssueField => "champ {} : {}", "field {}: {}", "字段 {}：{}";
    ErrCountOne => "{} contient {} erreur.", "{} has {} error.", "{} 有 {} 个错误。";
    ErrCount => "{} contient {} erreurs.", "{} has {} errors.", "{} 有 {} 个错误。";
    ErrMore => "… et {} de plus.", "… and {} more.", "……另有 {} 个。";
    NothingDrawn => "Rien n'est affiché tant que {} ne se charge pas sans erreur. Rechargez la page pour réessayer.", "Nothing is drawn until {} loads without errors. Reload the page to try again.", "在 {} 无错误加载之前不显示任何内容。请重新加载页面再试。";
    Present => "Présenter", "Present", "演示";
    LeavePresent => "Quitter la présentation (Échap)", "Leave the presentation (Esc)", "退出演示（Esc）";
    StepOf => "Étape {} sur {}", "Step {} of {}", "第 {} 步，共 {} 步";
    PrevStep => "Étape précédente", "Previous step", "上一步";
    NextStep => "Étape suivante", "Next step", "下一步";
    PresenterKeys => "→ ↓ Page suivante Espace : suivant · ← ↑ Page précédente : précédent · B : écran noir", "→ ↓ PageDown Space: next · ← ↑ PageUp: previous · B: blank screen", "→ ↓ PageDown 空格：下一步 · ← ↑ PageUp：上一步 · B：黑屏";
    OpenFullView => "Ouvrir la page entière ↗", "Open full view ↗", "打开完整视图 ↗";
    Share => "Partager ou intégrer", "Share or embed", "分享或嵌入";
    PageLink => "Lien vers cette vue", "Link to this view", "此视图的链接";
    EmbedCode => "Code d'intégration (iframe)", "Embed code (iframe)", "嵌入代码（iframe）";
    Copy => "Copier", "Copy", "复制";
    Copied => "Copié", "Copied", "已复制";
    Close => "Fermer", "Close", "关闭";
    FrameTitle => "Passerelle : la coopération Auvergne-Rhône-Alpes – Hebei", "Passerelle: the Auvergne-Rhône-Alpes – Hebei cooperation", "Passerelle：奥弗涅-罗讷-阿尔卑斯与河北的合作";
    Warnings => "Les données comportent {} avertissement(s)", "The data has {} warning(s)", "数据有 {} 条警告";
    Filters => "Filtres", "Filters", "筛选";
    ActiveFilters => "Filtres actifs", "Active filters", "已选筛选条件";
    RemoveFilter => "Retirer le filtre : {}", "Remove the filter: {}", "移除筛选条件：{}";
    Done => "Terminé", "Done", "完成";
    IntroHeading => "La coopération en carte et en dates", "The cooperation on a map and a timeline", "地图与时间线上的合作";
    IntroText => "Auvergne-Rhône-Alpes et la province chinoise du Hebei coopèrent autour des Jeux olympiques d'hiver de 2022, organisés à Pékin, Yanqing et Zhangjiakou : accords de coopération et contrats de partenariat entre entreprises signés à Chambéry, aménagement de la montagne, une école de ski, des sites d'entraînement, la formation et le sport, et une ligne aérienne directe entre Lyon et la Chine à l'étude.", "Auvergne-Rhône-Alpes and the Chinese province of Hebei work together around the 2022 Winter Olympics, held in Beijing, Yanqing and Zhangjiakou: cooperation agreements and business partnership contracts signed in Chambéry, mountain planning, a ski school, training sites, training and sport, and a direct air route between Lyon and China under study.", "奥弗涅-罗讷-阿尔卑斯大区与中国河北省围绕在北京、延庆和张家口举办的2022年冬奥会开展合作：在尚贝里签署的合作协议和企业合作合同，山地规划、一所滑雪学校、训练场地、培训和体育，以及正在研究的里昂至中国直飞航线。";
    IntroHow => "La carte montre où, la chronologie montre quand : choisissez un lieu, un lien ou un élément pour lire ses détails et ses sources. Le curseur du temps estompe ce qui n'a pas encore commencé.", "The map shows where and the timeline shows when: choose a site, a link or an item to read its details and sources. The time cursor fades what has not begun yet.", "地图显示地点，时间线显示时间：选择一个地点、一条连线或一个事项，即可查看详情和资料来源。时间游标会淡化尚未开始的事项。";
    StartTour => "▶ Suivre la visite", "▶ Take the tour", "▶ 开始导览";
    OpenList => "Voir la liste", "Open the list", "打开列表";
    CloseDetails => "Fermer les détails", "Close the details", "关闭详情";
    UndatedOne => "{} élément sans date ou proposé", "{} undated or proposed item", "{} 项无日期或拟议事项";
    UndatedMany => "{} éléments sans date ou proposés", "{} undated or proposed items", "{} 项无日期或拟议事项";
    StepN => "Étape {}", "Step {}", "第 {} 步";
    Export => "Exporter", "Export", "导出";
    PrintHandout => "Imprimer", "Print", "打印";
    PrintWithNotes => "Imprimer la visite avec les notes", "Print the tour with the notes", "打印导览（含备注）";
    MapAsSvg => "Carte en SVG", "Map as SVG", "地图（SVG）";
    MapAsPng => "Carte en PNG", "Map as PNG", "地图（PNG）";
    ItemsAsCsv => "Éléments en CSV", "Items as CSV", "事项（CSV）";
    ItemsAsCsvAll => "Éléments en CSV, trois langues", "Items as CSV, three languages", "事项（CSV，三种语言）";
    HandoutShownOne => "{} élément affiché, par date.", "{} item shown, by date.", "显示 {} 项，按日期排列。";
    HandoutShown => "{} éléments affichés, par date.", "{} items shown, by date.", "显示 {} 项，按日期排列。";
    HandoutFilters => "Filtres : {}", "Filters: {}", "筛选条件：{}";
    HandoutSearch => "Recherche : « {} »", "Search: \u{201C}{}\u{201D}", "搜索：“{}”";
    HandoutNotes => "Notes de l'orateur", "Speaker's notes", "演讲者备注";
    OpenConsole => "Console de l'orateur ↗", "Speaker's console ↗", "演讲者控制台 ↗";
    LeaveTour => "Quitter la visite", "Leave the tour", "退出导览";
    SpeakerNotes => "Notes de l'orateur", "Speaker's notes", "演讲者备注";
    LastStep => "C'est la dernière étape.", "This is the last step.", "这是最后一步。";
    ConsoleTitle => "Console de l'orateur", "Speaker's console", "演讲者控制台";
    Elapsed => "Temps écoulé", "Time elapsed", "已用时间";
    PresenterControls => "Commandes de la présentation", "Presentation controls", "演示控制";
    BlankScreen => "Écran noir (B)", "Blank screen (B)", "黑屏（B）";
    EndTalk => "Terminer la présentation (Échap)", "End the presentation (Esc)", "结束演示（Esc）";
    Tours => "Visites guidées", "Guided tours", "导览";
    TakeTour => "▶ Suivre la visite", "▶ Take the tour", "▶ 开始导览";
    PresentTour => "Présenter", "Present", "演示";
    AutomaticTour => "Tous les éléments datés, dans l'ordre", "Every dated item, in order", "按时间顺序浏览所有有日期的事项";
    PartiesSeatedHere => "Par une partie qui a son siège ici", "Through a party seated here", "通过在此设有所在地的参与方";
    PartySeats => "entre les sièges des parties", "between the parties' seats", "连接双方所在地";
    PartySeatsLegend => "entre les sièges des parties (l'élément n'a pas de lieu de chaque côté)", "between the parties' seats (the item has no place on each side)", "连接双方所在地（该事项并非两侧都有地点）";
    OffMapOne => "{} élément n'est pas sur la carte", "{} item is not on the map", "{} 个事项未显示在地图上";
    OffMapMany => "{} éléments ne sont pas sur la carte", "{} items are not on the map", "{} 个事项未显示在地图上";
    OffMapWhy => "Ils n'ont ni lieu ni lien : les sources ne disent pas où.", "They have neither a place nor a link: the sources do not say where.", "这些事项没有地点也没有连线：资料来源未说明地点。";
    ChunkLoading => "Chargement…", "Loading…", "正在加载……";
    ChunkFailed => "Cette partie de Passerelle n'a pas pu être téléchargée : le réseau ne répond pas. Le reste de la page fonctionne.", "This part of Passerelle could not be downloaded: the network does not answer. The rest of the page works.", "无法下载 Passerelle 的这一部分：网络没有响应。页面的其余部分仍可使用。";
    TryAgain => "Réessayer", "Try again", "重试";
    ForEditors => "Pour les rédacteurs", "For editors", "供编辑人员使用";
    EditorsHint => "Prévisualisez un fichier de données avant de le publier : il est lu dans cet onglet seulement, rien n'est envoyé.", "Preview a dataset file before publishing it: it is read in this tab only, nothing is sent.", "发布前预览数据文件：文件仅在此标签页中读取，不会上传任何内容。";
    OpenDataFile => "Ouvrir un fichier de données (.json, .xlsx, .ods)…", "Open a dataset file (.json, .xlsx, .ods)…", "打开数据文件（.json、.xlsx、.ods）……";
    DownloadWorkbook => "Les données en classeur (.xlsx)", "The data as a workbook (.xlsx)", "数据工作簿（.xlsx）";
    DownloadJson => "Le JSON à publier", "The JSON to publish", "待发布的 JSON";
    PreviewOf => "Aperçu de {}", "Preview of {}", "{} 的预览";
    PreviewPrivate => "Ce fichier n'a pas quitté votre ordinateur : il est lu dans cet onglet seulement.", "This file has not left your computer: it is read in this tab only.", "此文件未离开您的电脑：仅在此标签页中读取。";
    PreviewShown => "La carte, la chronologie, les visites et l'impression montrent ce fichier.", "The map, the timeline, the tours and print show this file.", "地图、时间轴、导览和打印均显示此文件。";
    PreviewNotShown => "Ce fichier a des erreurs : la page montre encore les données publiées.", "This file has errors: the page still shows the published data.", "此文件有错误：页面仍显示已发布的数据。";
    PreviewErrorsOne => "{} erreur", "{} error", "{} 个错误";
    PreviewErrorsMany => "{} erreurs", "{} errors", "{} 个错误";
    PreviewWarningsOne => "{} avertissement", "{} warning", "{} 个警告";
    PreviewWarningsMany => "{} avertissements", "{} warnings", "{} 个警告";
    ShowRecord => "Voir", "Show", "查看";
    ClosePreview => "Fermer l'aperçu", "Close the preview", "关闭预览";
    ReadingFile => "Lecture de {}…", "Reading {}…", "正在读取 {}……";
    FileUnreadable => "{} n'a pas pu être lu : {}", "{} could not be read: {}", "无法读取 {}：{}";
}

/// Puts `values` in the `{}` of `template`, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|v| v.len()).sum::<usize>());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// `tr(lang, msg)` and `trf(lang, msg, &[values])`, the short forms the components use.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    msg.text(lang)
}

pub fn trf(lang: Lang, msg: Msg, values: &[&str]) -> String {
    fill(msg.text(lang), values)
}

/// A number of things with the right form: `1 élément`, `3 éléments`, `3 项`.
pub fn count(lang: Lang, n: usize, one: Msg, many: Msg) -> String {
    trf(lang, plural(lang, n, one, many), &[&number(lang, n as f64)])
}

/// `one` or `many`, as `lang` writes a count of `n`: the singular for one in English, for
/// zero and one in French (« 0 élément », « 1 élément »); Chinese has one form.
pub fn plural(lang: Lang, n: usize, one: Msg, many: Msg) -> Msg {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
        Lang::Zh => true,
    };
    if singular { one } else { many }
}

pub fn side_label(lang: Lang, s: SideFilter) -> &'static str {
    let (fr, en, zh) = match s {
        SideFilter::France => ("Concerne la France", "Involves France", "涉及法方"),
        SideFilter::China => ("Concerne la Chine", "Involves China", "涉及中方"),
        SideFilter::Both => ("Concerne les deux", "Involves both", "涉及双方"),
    };
    pick(lang, fr, en, zh)
}

/// The name of a map view, as the map's accessible name and an exported file's title say it.
pub fn view_name(lang: Lang, view: crate::model::ui::MapView) -> &'static str {
    use crate::model::ui::MapView;
    tr(
        lang,
        match view {
            MapView::Overview => Msg::ViewNameOverview,
            MapView::France => Msg::ViewNameFrance,
            MapView::China => Msg::ViewNameChina,
            MapView::Both => Msg::ViewNameBoth,
        },
    )
}

/// The name of one chosen filter value, as its chip shows it.
pub fn chosen_label(lang: Lang, value: crate::model::filter::Chosen) -> &'static str {
    use crate::model::filter::Chosen;
    match value {
        Chosen::Kind(k) => k.label(lang),
        Chosen::Domain(d) => d.label(lang),
        Chosen::Status(s) => s.label(lang),
        Chosen::Side(s) => side_label(lang, s),
    }
}

pub(crate) fn pick(lang: Lang, fr: &'static str, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
        Lang::Zh => zh,
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_EN_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_FR_SHORT: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/// A date at its precision: `29 novembre 2018` / `29 November 2018` / `2018年11月29日`;
/// `novembre 2018` / `November 2018` / `2018年11月`; `2018` / `2018` / `2018年`.
pub fn partial_date(lang: Lang, d: &PartialDate) -> String {
    let m = d.month.map(|m| m as usize - 1);
    match (lang, m, d.day) {
        (Lang::Fr, Some(m), Some(day)) => {
            format!("{}{} {} {}", day, if day == 1 { "er" } else { "" }, MONTHS_FR[m], d.year)
        }
        (Lang::En, Some(m), Some(day)) => format!("{day} {} {}", MONTHS_EN[m], d.year),
        (Lang::Zh, Some(m), Some(day)) => format!("{}年{}月{}日", d.year, m + 1, day),
        (Lang::Fr, Some(m), None) => format!("{} {}", MONTHS_FR[m], d.year),
        (Lang::En, Some(m), None) => format!("{} {}", MONTHS_EN[m], d.year),
        (Lang::Zh, Some(m), None) => format!("{}年{}月", d.year, m + 1),
        (Lang::Zh, None, _) => format!("{}年", d.year),
        (_, None, _) => d.year.to_string(),
    }
}

/// A day number as a full date.
pub fn long_date(lang: Lang, day: i64) -> String {
    let (y, m, d) = civil(day);
    partial_date(lang, &PartialDate { year: y, month: Some(m), day: Some(d) })
}

/// The label of a timeline axis tick: the year where a year starts, else the month as
/// the language abbreviates it (`févr.`, `Feb`, `2月`).
pub fn tick_label(lang: Lang, tick: &crate::model::time::Tick) -> String {
    let m = usize::from(tick.month.clamp(1, 12)) - 1;
    match lang {
        _ if tick.major => tick.year.to_string(),
        Lang::Fr => MONTHS_FR_SHORT[m].to_owned(),
        Lang::En => MONTHS_EN_SHORT[m].to_owned(),
        Lang::Zh => format!("{}月", m + 1),
    }
}

/// A day number's month and year.
pub fn month_year(lang: Lang, day: i64) -> String {
    let (y, m, _) = civil(day);
    partial_date(lang, &PartialDate { year: y, month: Some(m), day: None })
}

/// An item's dates as the language writes them, with "about" for approximate ones and a
/// word for undated ones.
pub fn when_label(lang: Lang, when: &When) -> String {
    let parse = |s: &Option<String>| s.as_deref().and_then(|s| PartialDate::parse(s).ok());
    let (start, end) = (parse(&when.start), parse(&when.end));
    let about = match (when.precision, lang) {
        (Precision::Approximate, Lang::Fr) => "vers ",
        (Precision::Approximate, Lang::En) => "c. ",
        (Precision::Approximate, Lang::Zh) => "约",
        _ => "",
    };
    match (start, end) {
        (Some(s), Some(e)) if s != e => format!("{about}{} – {}", partial_date(lang, &s), partial_date(lang, &e)),
        (Some(s), _) | (None, Some(s)) => format!("{about}{}", partial_date(lang, &s)),
        (None, None) => pick(lang, "sans date", "undated", "无日期").to_owned(),
    }
}

/// A span of two full dates, as short as it reads: `4–20 févr. 2022`, `4–20 Feb 2022`,
/// `2022年2月4日至20日`.
pub fn compact_span(lang: Lang, start: &str, end: &str) -> String {
    let (Ok(a), Ok(b)) = (PartialDate::parse(start), PartialDate::parse(end)) else {
        return format!("{start} – {end}");
    };
    let (Some(ma), Some(da), Some(mb), Some(db)) = (a.month, a.day, b.month, b.day) else {
        return format!("{start} – {end}");
    };
    let (ma, mb) = (ma as usize - 1, mb as usize - 1);
    let short = |m: usize| if lang == Lang::Fr { MONTHS_FR_SHORT[m] } else { MONTHS_EN_SHORT[m] };
    match lang {
        Lang::Zh if a.year == b.year && ma == mb => format!("{}年{}月{}日至{}日", a.year, ma + 1, da, db),
        Lang::Zh if a.year == b.year => format!("{}年{}月{}日至{}月{}日", a.year, ma + 1, da, mb + 1, db),
        Lang::Zh => format!("{}年{}月{}日至{}年{}月{}日", a.year, ma + 1, da, b.year, mb + 1, db),
        _ if a.year == b.year && ma == mb => format!("{da}–{db} {} {}", short(ma), a.year),
        _ if a.year == b.year => format!("{da} {} – {db} {} {}", short(ma), short(mb), a.year),
        _ => format!("{da} {} {} – {db} {} {}", short(ma), a.year, short(mb), b.year),
    }
}

/// A number with the language's grouping: `900 000` / `900,000` / `900,000`.
pub fn number(lang: Lang, n: f64) -> String {
    let whole = n.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let sep = if lang == Lang::Fr { '\u{202F}' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if whole < 0 { format!("-{out}") } else { out }
}

/// The language to show: the URL's, else the first the browser prefers that we speak,
/// else French.
pub fn choose_lang(from_url: Option<Lang>, browser: &[String]) -> Lang {
    from_url
        .or_else(|| {
            browser.iter().find_map(|tag| match tag.to_ascii_lowercase().split(['-', '_']).next() {
                Some("fr") => Some(Lang::Fr),
                Some("en") => Some(Lang::En),
                Some("zh") => Some(Lang::Zh),
                _ => None,
            })
        })
        .unwrap_or(Lang::Fr)
}

/// The `lang` attribute for `<html>`.
pub fn html_lang(lang: Lang) -> &'static str {
    pick(lang, "fr", "en", "zh-Hans")
}

/// The sentence that sums up why a dataset did not load, in `lang`. In English it is the
/// error's own text (the one the console, the `validate` command and the tests use); the
/// validator's per-record messages stay in English in every language.
pub fn load_error_sentence(lang: Lang, error: &crate::model::LoadError) -> String {
    use crate::model::{LoadError as E, MAX_FILE_BYTES, SCHEMA_VERSION};
    match error {
        E::Http { file, status, status_text } => {
            let text = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
            trf(lang, Msg::ErrHttp, &[file, &status.to_string(), &text])
        }
        E::Network { file, message } => trf(lang, Msg::ErrNetwork, &[file, message]),
        E::Empty { file } => trf(lang, Msg::ErrEmpty, &[file]),
        E::Refused { file, reason } => trf(lang, Msg::ErrRefused, &[file, reason]),
        E::TooLarge { file, bytes } => trf(
            lang,
            Msg::ErrTooLarge,
            &[file, &bytes.div_ceil(1000).to_string(), &(MAX_FILE_BYTES / 1000).to_string()],
        ),
        E::Syntax { file, line, column, message } => {
            trf(lang, Msg::ErrSyntax, &[file, message, &line.to_string(), &column.to_string()])
        }
        E::Schema { file, found } => trf(lang, Msg::ErrSchema, &[file, found, &SCHEMA_VERSION.to_string()]),
        E::BaseMap { file, message } => trf(lang, Msg::ErrBaseMap, &[file, message]),
        E::Invalid { file, errors, unlisted } => match (errors.as_slice(), unlisted) {
            ([only], 0) => format!("{file}, {}", issue_sentence(lang, only)),
            _ => {
                let n = errors.len() + unlisted;
                trf(lang, plural(lang, n, Msg::ErrCountOne, Msg::ErrCount), &[file, &n.to_string()])
            }
        },
    }
}

/// One validator finding: where it is (record, field) in `lang`, then the validator's own
/// message. In English it is the issue's own text.
/// [`issue_line`] as a sentence, with the language's full stop.
pub fn issue_sentence(lang: Lang, issue: &crate::model::Issue) -> String {
    format!("{}{}", issue_line(lang, issue), if lang == Lang::Zh { "。" } else { "." })
}

pub fn issue_line(lang: Lang, issue: &crate::model::Issue) -> String {
    let message = finding(lang, &issue.message);
    match (&issue.record, issue.path.as_str()) {
        (Some(id), path) => trf(lang, Msg::IssueInRecord, &[id, path, &message]),
        (None, ".") => trf(lang, Msg::IssueTop, &[&message]),
        (None, path) => trf(lang, Msg::IssueField, &[path, &message]),
    }
}

/// Where a workbook's finding is, in `lang`: "Feuille items, ligne 14, colonne F (title_zh)".
pub fn workbook_place(lang: Lang, place: &crate::model::workbook::Place) -> String {
    let mut out = match lang {
        Lang::Fr => format!("Feuille {}", place.sheet),
        Lang::En => format!("Sheet {}", place.sheet),
        Lang::Zh => format!("工作表 {}", place.sheet),
    };
    if let Some(row) = place.row {
        out += &match lang {
            Lang::Fr => format!(", ligne {row}"),
            Lang::En => format!(", row {row}"),
            Lang::Zh => format!("，第 {row} 行"),
        };
    }
    if let Some((col, header)) = &place.column {
        let letters = crate::model::workbook::column_letters(*col);
        out += &match lang {
            Lang::Fr => format!(", colonne {letters} ({header})"),
            Lang::En => format!(", column {letters} ({header})"),
            Lang::Zh => format!("，{letters} 列（{header}）"),
        };
    }
    out
}

/// A workbook's finding as one line in `lang`: its place, then what is wrong, translated
/// ("Feuille items, ligne 14, colonne E (title_zh) : le texte chinois manque").
pub fn workbook_finding(lang: Lang, found: &crate::model::workbook::Located) -> String {
    let message = finding(lang, &found.message);
    match &found.place {
        None => message,
        Some(place) => {
            let place = workbook_place(lang, place);
            match lang {
                Lang::Fr => format!("{place} : {message}"),
                Lang::En => format!("{place}: {message}"),
                Lang::Zh => format!("{place}：{message}"),
            }
        }
    }
}

/// The language an `<html lang>` value names (the inverse of [`html_lang`]), English else.
pub fn lang_of_html(value: &str) -> Lang {
    match value.split('-').next().unwrap_or_default() {
        "fr" => Lang::Fr,
        "zh" => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Zh];

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    }

    #[test]
    fn load_errors_read_in_english_exactly_as_their_own_text() {
        use crate::model::{Issue, LoadError as E, Severity, parse_dataset};
        let issue = |n: usize| Issue {
            severity: Severity::Error,
            path: format!("sites[{n}].id"),
            record: None,
            message: "bad".into(),
        };
        let file = || "data/x.json".to_owned();
        let errors = [
            E::Http { file: file(), status: 404, status_text: "Not Found".into() },
            E::Http { file: file(), status: 500, status_text: String::new() },
            E::Network { file: file(), message: "offline".into() },
            E::Empty { file: file() },
            E::Refused { file: file(), reason: "not here".into() },
            E::TooLarge { file: file(), bytes: 9_000_001 },
            E::Schema { file: file(), found: "2".into() },
            E::Invalid { file: file(), errors: vec![issue(0)], unlisted: 0 },
            parse_dataset("data/x.json", "{,").unwrap_err(),
        ];
        for e in &errors {
            assert_eq!(load_error_sentence(Lang::En, e), e.to_string());
            for lang in [Lang::Fr, Lang::Zh] {
                let s = load_error_sentence(lang, e);
                assert!(
                    s.contains("data/x.json") && s != e.to_string() || matches!(e, E::Invalid { .. }),
                    "{lang:?}: {s}"
                );
            }
        }
        let top = Issue { severity: Severity::Error, path: ".".into(), record: None, message: "m".into() };
        let in_record = Issue { record: Some("lyon".into()), ..issue(2) };
        for i in [&issue(0), &top, &in_record] {
            assert_eq!(issue_line(Lang::En, i), i.to_string());
        }
        assert_eq!(issue_line(Lang::Fr, &in_record), "fiche « lyon », champ sites[2].id : bad");
        let dangling = Issue { message: "refers to site \"lyonn\", which does not exist".into(), ..in_record.clone() };
        assert_eq!(issue_line(Lang::Zh, &dangling), "记录“lyon”，字段 sites[2].id：引用了不存在的地点“lyonn”");
        assert_eq!(issue_line(Lang::Zh, &top), "顶层：m");
        let several = E::Invalid { file: file(), errors: vec![issue(0), issue(1)], unlisted: 3 };
        assert_eq!(load_error_sentence(Lang::En, &several), several.summary());
        assert_eq!(load_error_sentence(Lang::Fr, &several), "data/x.json contient 5 erreurs.");
        assert_eq!(load_error_sentence(Lang::Zh, &several), "data/x.json 有 5 个错误。");
    }

    #[test]
    fn html_lang_reads_back() {
        for lang in LANGS {
            assert_eq!(lang_of_html(html_lang(lang)), lang);
        }
        assert_eq!(lang_of_html("de"), Lang::En);
        assert_eq!(lang_of_html(""), Lang::En);
    }

    #[test]
    fn axis_ticks_name_months_in_each_language_and_years_as_numbers() {
        use crate::model::time::Tick;
        let feb = Tick { day: 0, year: 2022, month: 2, major: false };
        let jan = Tick { day: 0, year: 2022, month: 1, major: true };
        assert_eq!([Lang::Fr, Lang::En, Lang::Zh].map(|l| tick_label(l, &feb)), ["févr.", "Feb", "2月"]);
        assert_eq!([Lang::Fr, Lang::En, Lang::Zh].map(|l| tick_label(l, &jan)), ["2022", "2022", "2022"]);
    }

    /// Every message exists in every language, with the same number of blanks, and the
    /// Chinese one is written in Chinese (a copied English string is an untranslated one).
    #[test]
    fn every_message_is_translated() {
        for &m in Msg::ALL {
            for lang in LANGS {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} is empty in {lang:?}");
                assert_eq!(
                    m.text(lang).matches("{}").count(),
                    m.text(Lang::En).matches("{}").count(),
                    "{m:?} blanks in {lang:?}"
                );
            }
            let letters: String = m.text(Lang::Zh).replace("{}", "").chars().filter(|c| c.is_alphabetic()).collect();
            assert!(
                letters.is_empty() || has_cjk(&letters),
                "{m:?} is not translated into Chinese: {}",
                m.text(Lang::Zh)
            );
        }
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let d = PartialDate::parse("2018-11-29").unwrap();
        assert_eq!(partial_date(Lang::Fr, &d), "29 novembre 2018");
        assert_eq!(partial_date(Lang::En, &d), "29 November 2018");
        assert_eq!(partial_date(Lang::Zh, &d), "2018年11月29日");
        assert_eq!(partial_date(Lang::Fr, &PartialDate::parse("2018-05").unwrap()), "mai 2018");
        assert_eq!(partial_date(Lang::Zh, &PartialDate::parse("2017").unwrap()), "2017年");
        assert_eq!(partial_date(Lang::Fr, &PartialDate::parse("2019-01-01").unwrap()), "1er janvier 2019");
        let games =
            When { start: Some("2022-02-04".into()), end: Some("2022-02-20".into()), precision: Precision::Day };
        assert_eq!(when_label(Lang::En, &games), "4 February 2022 – 20 February 2022");
        assert_eq!(compact_span(Lang::En, "2022-02-04", "2022-02-20"), "4–20 Feb 2022");
        assert_eq!(compact_span(Lang::Fr, "2022-02-04", "2022-02-20"), "4–20 févr. 2022");
        assert_eq!(compact_span(Lang::Zh, "2022-02-04", "2022-02-20"), "2022年2月4日至20日");
        let undated = When { start: None, end: None, precision: Precision::Unknown };
        assert_eq!(when_label(Lang::Fr, &undated), "sans date");
    }

    #[test]
    fn numbers_group_digits() {
        assert_eq!(number(Lang::En, 900_000.0), "900,000");
        assert_eq!(number(Lang::Fr, 900_000.0), "900\u{202F}000");
        assert_eq!(number(Lang::Zh, 12.0), "12");
    }

    #[test]
    fn the_language_comes_from_the_url_then_the_browser_then_french() {
        assert_eq!(choose_lang(Some(Lang::Zh), &["en-US".into()]), Lang::Zh);
        assert_eq!(choose_lang(None, &["de-DE".into(), "zh-CN".into()]), Lang::Zh);
        assert_eq!(choose_lang(None, &["en-GB".into()]), Lang::En);
        assert_eq!(choose_lang(None, &["de".into()]), Lang::Fr);
        assert_eq!(choose_lang(None, &[]), Lang::Fr);
    }

    #[test]
    fn each_message_is_cut_whole_from_its_languages_text() {
        let first = Msg::ALL[0];
        let last = *Msg::ALL.last().unwrap();
        assert_eq!(first.text(Lang::Fr), "Auvergne-Rhône-Alpes ⇄ Hebei · Pékin — Jeux olympiques d'hiver 2022");
        assert_eq!(first.text(Lang::Zh), "奥弗涅-罗讷-阿尔卑斯 ⇄ 河北 · 北京 — 2022年冬奥会");
        assert_eq!(Msg::Language.text(Lang::En), "Language");
        for lang in [Lang::Fr, Lang::En, Lang::Zh] {
            assert!(!last.text(lang).is_empty() && !last.text(lang).contains('\0'));
            for m in Msg::ALL {
                let t = m.text(lang);
                assert!(!t.is_empty() && !t.contains('\0') && t.trim() == t, "{m:?} {lang:?}: {t:?}");
            }
        }
    }

    #[test]
    fn fill_puts_values_in_order() {
        assert_eq!(fill("{} of {} items shown", &["3", "22"]), "3 of 22 items shown");
        assert_eq!(trf(Lang::Zh, Msg::ShownCount, &["3", "22"]), "显示 3 项，共 22 项");
    }

    #[test]
    fn counts_take_each_languages_plural() {
        // French: the singular for zero and one; English: for one; Chinese has one form.
        assert_eq!(count(Lang::Fr, 0, Msg::ItemsOne, Msg::ItemsMany), "0 élément");
        assert_eq!(count(Lang::Fr, 1, Msg::ItemsOne, Msg::ItemsMany), "1 élément");
        assert_eq!(count(Lang::Fr, 2, Msg::ItemsOne, Msg::ItemsMany), "2 éléments");
        assert_eq!(count(Lang::En, 0, Msg::ItemsOne, Msg::ItemsMany), "0 items");
        assert_eq!(count(Lang::En, 1, Msg::ItemsOne, Msg::ItemsMany), "1 item");
        assert_eq!(count(Lang::Zh, 1, Msg::ItemsOne, Msg::ItemsMany), "1 项");
        let shown =
            |lang, n: usize| trf(lang, plural(lang, n, Msg::ShownCountOne, Msg::ShownCount), &[&n.to_string(), "23"]);
        assert_eq!(shown(Lang::Fr, 1), "1 élément affiché sur 23");
        assert_eq!(shown(Lang::Fr, 5), "5 éléments affichés sur 23");
        assert_eq!(shown(Lang::En, 1), "1 of 23 items shown");
        assert_eq!(count(Lang::Fr, 1, Msg::OffMapOne, Msg::OffMapMany), "1 élément n'est pas sur la carte");
        assert_eq!(count(Lang::En, 4, Msg::OffMapOne, Msg::OffMapMany), "4 items are not on the map");
        assert_eq!(count(Lang::Fr, 0, Msg::UndatedOne, Msg::UndatedMany), "0 élément sans date ou proposé");
        // Every message that takes a count has its two forms.
        for (one, many) in [
            (Msg::ShownCountOne, Msg::ShownCount),
            (Msg::ListCaptionOne, Msg::ListCaption),
            (Msg::ErrCountOne, Msg::ErrCount),
            (Msg::HandoutShownOne, Msg::HandoutShown),
        ] {
            assert_ne!(one.text(Lang::Fr), many.text(Lang::Fr), "{one:?}");
        }
    }

    #[test]
    fn the_interface_says_what_the_articles_say() {
        // Hebei and Beijing are north China (华北), not the north-east (东北).
        for lang in LANGS {
            let overview = Msg::ViewNameOverview.text(lang);
            assert!(!overview.contains("nord-est") && !overview.contains("north-east") && !overview.contains("东北"));
        }
        assert!(Msg::ViewNameOverview.text(Lang::Zh).contains("华北"));
        // Mountain planning, a ski school and training sites: no "ski-resort projects".
        assert!(Msg::IntroText.text(Lang::En).contains("mountain planning, a ski school, training sites"));
        assert!(!Msg::IntroText.text(Lang::Fr).contains("stations de ski"));
        // One action, one name; the full page, not full screen.
        assert_eq!(Msg::StartTour.text(Lang::Fr), Msg::TakeTour.text(Lang::Fr));
        assert!(!Msg::OpenFullView.text(Lang::Fr).contains("plein écran"));
        assert_eq!(crate::model::Status::Held.label(Lang::Fr), "A eu lieu");
        assert_eq!(Msg::Related.text(Lang::Fr), "Éléments liés");
        assert_eq!(Msg::Side.text(Lang::Zh), "所属方");
        assert!(Msg::NotFromSources.text(Lang::Zh).starts_with("不出自资料来源"));
        assert_eq!(crate::model::Domain::SmartCity.label(Lang::Zh), "智慧城市与数字化");
        assert_eq!(crate::model::Domain::MountainPlanning.label(Lang::Zh), "山地规划与设施");
        assert_eq!(Msg::MonthEarlier.text(Lang::Zh), "前移一个月");
        // The French findings quote with guillemets, as the rest of the French interface.
        assert!(Msg::IssueInRecord.text(Lang::Fr).contains("« {} »"));
    }
}
