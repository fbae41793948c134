//! The timeline's controls and its row of undated items as markup, in one language: the
//! time cursor (its step buttons, play, the slider and what it shows), and the row of
//! undated and proposed items (its toggle, "10 undated or proposed items", and the items,
//! folded). Each is set in one step, what changes with the state set in place, and each
//! read by one listener.

use super::markup::{Markup, true_false};
use super::{Msg, count, long_date, month_year, tick_label, tr, trf, when_label};
use crate::model::time::Tick;
use crate::model::ui::Panel;
use crate::model::{Item, Lang};

/// The panel's tabs: what each shows, its slug (`data-panel`) and its label.
pub const PANEL_TABS: [(Panel, &str, Msg); 2] =
    [(Panel::Timeline, "timeline", Msg::Timeline), (Panel::List, "list", Msg::List)];

/// The period the timeline shows, from one day to another ("17 November 2016 – 29 August
/// 2022").
pub fn shown_range(lang: Lang, (from, to): (f64, f64)) -> String {
    format!("{} – {}", long_date(lang, from as i64), long_date(lang, to as i64))
}

/// The timeline's tools: its zoom (`data-zoom`: in, out, reset) and the period it shows,
/// hidden unless it is the panel shown, and the panel's tabs, the one shown pressed.
pub fn timeline_tools_markup(lang: Lang, range: &str, panel: Panel) -> String {
    let mut m = Markup(String::new());
    m.raw(r#"<div class="timeline-toolbar" role="group" aria-label=""#).text(tr(lang, Msg::TimelineZoom)).raw("\"");
    if panel != Panel::Timeline {
        m.raw(" hidden");
    }
    m.raw(">");
    for (slug, sign, label) in
        [("in", "+", Msg::TimelineZoomIn), ("out", "−", Msg::TimelineZoomOut), ("reset", "⟲", Msg::WholePeriod)]
    {
        m.raw(r#"<button type="button" data-testid="timeline-zoom-"#).raw(slug).raw(r#"" data-zoom=""#).raw(slug);
        m.raw(r#"" aria-label=""#).text(tr(lang, label)).raw(r#"">"#).raw(sign).raw("</button>");
    }
    m.raw(r#"<span class="timeline-toolbar__range" data-testid="timeline-range">"#).text(range).raw("</span></div>");
    m.raw(r#"<div class="panel-tabs" role="group" aria-label=""#).text(tr(lang, Msg::ShowAs)).raw(r#"">"#);
    for (tab, slug, label) in PANEL_TABS {
        m.raw(r#"<button type="button" id="panel-tab-"#).raw(slug).raw(r#"" data-panel=""#).raw(slug);
        m.raw(r#"" aria-pressed=""#).raw(true_false(tab == panel)).raw(r#"">"#);
        m.text(tr(lang, label)).raw("</button>");
    }
    m.raw("</div>");
    m.0
}

/// What the time cursor's label says: every date, or the state at the end of a month.
pub fn cursor_label(lang: Lang, cursor: Option<i64>) -> String {
    match cursor {
        None => tr(lang, Msg::AllDates).to_owned(),
        Some(d) => trf(lang, Msg::StateAt, &[&month_year(lang, d)]),
    }
}

/// The play button's word.
pub fn play_label(lang: Lang, playing: bool) -> &'static str {
    tr(lang, if playing { Msg::Pause } else { Msg::Play })
}

/// The time cursor: the step buttons (`data-step`), play, the slider of `steps` months at
/// `position` and its label for `cursor`.
pub fn time_cursor_markup(lang: Lang, steps: i64, position: i64, cursor: Option<i64>, playing: bool) -> String {
    let label = cursor_label(lang, cursor);
    let mut m = Markup(String::new());
    m.raw(r#"<button type="button" data-testid="step-back" data-step="back" aria-label=""#);
    m.text(tr(lang, Msg::MonthEarlier)).raw(r#"">◀</button>"#);
    m.raw(r#"<button type="button" class="time-cursor__play" data-testid="play" data-step="play" aria-pressed=""#);
    m.raw(true_false(playing)).raw(r#"">"#).text(play_label(lang, playing)).raw("</button>");
    m.raw(r#"<button type="button" data-testid="step-forward" data-step="forward" aria-label=""#);
    m.text(tr(lang, Msg::MonthLater)).raw(r#"">▶</button>"#);
    m.raw(r#"<input type="range" class="time-cursor__slider" data-testid="cursor" aria-label=""#);
    m.text(tr(lang, Msg::TimeCursor));
    m.raw(&format!(r#"" aria-describedby="time-cursor-legend" min="0" max="{steps}" step="1" aria-valuetext=""#));
    m.text(&label).raw(&format!(r#"" value="{position}"/>"#));
    m.raw(r#"<output class="time-cursor__label" data-testid="cursor-label" aria-label=""#);
    m.text(tr(lang, Msg::CursorShows)).raw(r#"">"#).text(&label).raw("</output>");
    m.raw(r#"<span class="visually-hidden" id="time-cursor-legend">"#).text(tr(lang, Msg::FutureLegend));
    m.raw("</span>");
    m.0
}

/// The row's toggle and its `items`, folded: each with whether the filter shows it (the
/// others are written hidden, so that a filter shows or hides a button rather than making
/// another), the `selected` one pressed.
pub fn undated_row_markup(items: &[(&Item, bool)], lang: Lang, selected: Option<&str>) -> String {
    let shown = items.iter().filter(|(_, shown)| *shown).count();
    let mut m = Markup(String::new());
    m.raw(r#"<button type="button" class="undated-toggle" data-testid="undated-toggle" aria-expanded="false" aria-controls="undated-items"><span class="undated-toggle__chevron" aria-hidden="true"></span>"#);
    m.text(&undated_count(lang, shown));
    m.raw(r#"</button><div class="lane__flow" id="undated-items" hidden>"#);
    for (item, shown) in items {
        m.raw(r#"<button type="button" class="timeline-item timeline-item--undated" data-item=""#).text(&item.id);
        m.raw(r#"" aria-pressed=""#).raw(true_false(selected == Some(item.id.as_str()))).raw("\"");
        if !shown {
            m.raw(" hidden");
        }
        m.raw(r#"><span class="timeline-item__date">"#);
        m.text(item.kind.label(lang)).raw(" · ").text(item.status.label(lang));
        m.raw(r#"</span> <span class="timeline-item__title">"#).text(item.title.get(lang)).raw("</span></button>");
    }
    m.raw("</div>");
    m.0
}

/// A dated item's box on the lanes: its title, its dates and title as its tip and name,
/// pressed if `pressed`, faded if `future` (not begun at the time cursor), `start` the day
/// it begins (for the cursor's pass in place). `style`: where it stands, as an inline style,
/// for the pre-rendered page only (the live page's policy refuses inline styles: the app
/// sets the same properties through the style object).
pub fn item_box_markup(
    item: &Item,
    lang: Lang,
    start: i64,
    pressed: bool,
    future: bool,
    style: Option<&str>,
) -> String {
    let (title, when) = (item.title.get(lang), when_label(lang, &item.when));
    let mut m = Markup(String::new());
    m.raw(r#"<button type="button" class="timeline-item"#).raw(if future { " is-future" } else { "" });
    m.raw(r#"" data-item=""#).text(&item.id).raw(r#"" data-start=""#).raw(&start.to_string());
    m.raw(r#"" aria-pressed=""#).raw(true_false(pressed));
    m.raw(r#"" title=""#).text(&when).raw(" — ").text(title);
    m.raw(r#"" aria-label=""#).text(&when).raw(": ").text(title).raw("\"");
    if let Some(style) = style {
        m.raw(r#" style=""#).text(style).raw("\"");
    }
    m.raw(r#"><span class="timeline-item__title">"#).text(title).raw("</span></button>");
    m.0
}

/// The time axis's ticks, each labelled with its year (a major tick: a year's first day,
/// bold) or its month. `lefts`: where each stands, as inline styles, for the pre-rendered
/// page only (the app sets the same property through the style object).
pub fn axis_markup(ticks: &[Tick], lang: Lang, lefts: Option<&[String]>) -> String {
    let mut m = Markup(String::new());
    for (n, tick) in ticks.iter().enumerate() {
        m.raw(r#"<span class="axis__tick"#).raw(if tick.major { " axis__tick--major" } else { "" }).raw("\"");
        if let Some(left) = lefts.and_then(|l| l.get(n)) {
            m.raw(r#" style="left:"#).text(left).raw(";\"");
        }
        m.raw(">").text(&tick_label(lang, tick)).raw("</span>");
    }
    m.0
}

/// What the row's toggle says: "10 undated or proposed items".
pub fn undated_count(lang: Lang, n: usize) -> String {
    count(lang, n, Msg::UndatedOne, Msg::UndatedMany)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tools_zoom_only_the_timeline_and_press_the_panel_shown() {
        let range = shown_range(Lang::En, (17_000.0, 19_000.0));
        let timeline = timeline_tools_markup(Lang::En, &range, Panel::Timeline);
        assert!(
            timeline.contains(r#"<div class="timeline-toolbar" role="group" aria-label="Timeline zoom">"#),
            "{timeline}"
        );
        assert!(timeline.contains(&format!(r#"data-testid="timeline-range">{range}</span>"#)));
        assert!(timeline.contains(r#"data-panel="timeline" aria-pressed="true""#));
        assert!(timeline.contains(r#"data-panel="list" aria-pressed="false""#));
        let list = timeline_tools_markup(Lang::Fr, &range, Panel::List);
        assert!(list.contains(r#"aria-label="Zoom de la chronologie" hidden>"#), "{list}");
        assert!(list.contains(r#"data-panel="list" aria-pressed="true""#));
        assert_eq!(list.matches("<button").count(), 5);
    }

    #[test]
    fn the_cursor_says_where_it_stands_in_its_slider_and_its_label() {
        let all = time_cursor_markup(Lang::En, 70, 70, None, false);
        assert!(all.contains(r#"max="70" step="1" aria-valuetext="All dates" value="70"/>"#), "{all}");
        assert!(all.contains(r#"data-step="play" aria-pressed="false">▶ Play</button>"#));
        assert!(all.contains(">All dates</output>"));
        let at = crate::model::time::parse_day("2019-03-31").unwrap();
        let playing = time_cursor_markup(Lang::En, 70, 27, Some(at), true);
        assert!(playing.contains(&format!(r#"aria-valuetext="{}" value="27"/>"#, cursor_label(Lang::En, Some(at)))));
        assert!(playing.contains(r#"aria-pressed="true">⏸ Pause</button>"#), "{playing}");
        assert_ne!(cursor_label(Lang::En, Some(at)), cursor_label(Lang::En, None));
        for tag in ["button", "output", "span"] {
            assert_eq!(playing.matches(&format!("<{tag} ")).count(), playing.matches(&format!("</{tag}>")).count());
        }
    }

    #[test]
    fn the_row_counts_the_items_shown_folded_each_a_button_the_selected_pressed() {
        let ds = crate::model::shipped();
        let undated: Vec<(&Item, bool)> = ds.items.iter().filter(|i| i.when.is_undated()).map(|i| (i, true)).collect();
        assert!(undated.len() > 2, "the shipped dataset has undated items");
        let first = &undated[0].0.id;
        let row = undated_row_markup(&undated, Lang::En, Some(first));
        assert!(row.contains(&format!("{} undated or proposed items</button>", undated.len())), "{row}");
        assert!(row.contains(r#"id="undated-items" hidden>"#));
        assert_eq!(row.matches("timeline-item--undated").count(), undated.len());
        assert_eq!(row.matches(r#"aria-pressed="true""#).count(), 1);
        assert!(row.contains(&format!(r#"data-item="{first}" aria-pressed="true">"#)));
        // Filtered out: written, hidden, not counted.
        let filtered: Vec<(&Item, bool)> = undated.iter().enumerate().map(|(n, &(i, _))| (i, n != 1)).collect();
        let row = undated_row_markup(&filtered, Lang::En, None);
        let second = &undated[1].0.id;
        assert!(row.contains(&format!(r#"data-item="{second}" aria-pressed="false" hidden>"#)), "{row}");
        assert_eq!(row.matches(" hidden>").count(), 2, "the flow and one item");
        assert!(row.contains(&format!(">{}</button>", undated_count(Lang::En, undated.len() - 1))));
    }

    #[test]
    fn an_item_box_names_its_dates_and_title() {
        let ds = crate::model::shipped();
        let item = ds.items.iter().find(|i| i.id == "agreement-aura-hebei").expect("the agreement");
        let b = item_box_markup(item, Lang::Fr, 17864, true, false, None);
        assert_eq!(
            b,
            concat!(
                r#"<button type="button" class="timeline-item" data-item="agreement-aura-hebei" data-start="17864" "#,
                r#"aria-pressed="true" title="29 novembre 2018 — Accord de coopération Auvergne-Rhône-Alpes – Hebei" "#,
                r#"aria-label="29 novembre 2018: Accord de coopération Auvergne-Rhône-Alpes – Hebei">"#,
                r#"<span class="timeline-item__title">Accord de coopération Auvergne-Rhône-Alpes – Hebei</span></button>"#
            )
        );
        let placed = item_box_markup(item, Lang::En, 17864, false, true, Some("left:1.5%;width:2%;top:0px;"));
        assert!(placed.starts_with(r#"<button type="button" class="timeline-item is-future" "#), "{placed}");
        assert!(
            placed.contains(r#"aria-pressed="false""#) && placed.contains(r#" style="left:1.5%;width:2%;top:0px;">"#)
        );
    }

    #[test]
    fn the_axis_labels_years_and_months() {
        let ticks = [
            Tick { day: 17532, year: 2018, month: 1, major: true },
            Tick { day: 17713, year: 2018, month: 7, major: false },
        ];
        assert_eq!(
            axis_markup(&ticks, Lang::Fr, None),
            concat!(
                r#"<span class="axis__tick axis__tick--major">2018</span>"#,
                r#"<span class="axis__tick">juil.</span>"#
            )
        );
        let lefts = ["0%".to_owned(), "49.589%".to_owned()];
        let placed = axis_markup(&ticks, Lang::Zh, Some(&lefts));
        assert!(placed.ends_with(r#"<span class="axis__tick" style="left:49.589%;">7月</span>"#), "{placed}");
    }
}
