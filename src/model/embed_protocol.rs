//! The messages an embedded Passerelle exchanges with the page around it (`postMessage`):
//! namespaced (`passerelle:…`) and versioned. Commands are parsed strictly: anything that
//! is not exactly a known command with valid values is refused.

use serde::{Deserialize, Serialize};

use super::dataset::Lang;
use super::validate::is_id;

/// The protocol version this build speaks.
pub const VERSION: u32 = 1;

/// What the frame tells its parent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Outgoing {
    /// The content's height in CSS pixels, so the parent can size the iframe.
    #[serde(rename = "passerelle:height")]
    Height { version: u32, height: u32 },
    /// The selection changed.
    #[serde(rename = "passerelle:selection")]
    Selection { version: u32, item: Option<String>, site: Option<String> },
}

/// A command from the parent page.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    SelectItem(String),
    SelectSite(String),
    /// Move the time cursor to a day (`None`: all dates).
    Time(Option<String>),
    Lang(Lang),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommand {
    #[serde(rename = "type")]
    kind: String,
    version: u32,
    command: String,
    item: Option<String>,
    site: Option<String>,
    date: Option<String>,
    lang: Option<String>,
}

/// Parses a message's JSON; `Err` says why it is refused.
pub fn parse_command(json: &str) -> Result<Command, String> {
    if json.len() > 2_000 {
        return Err("message too long".into());
    }
    let raw: RawCommand = serde_json::from_str(json).map_err(|e| format!("not a Passerelle command: {e}"))?;
    if raw.kind != "passerelle:command" {
        return Err(format!("unknown message type \"{}\"", raw.kind));
    }
    if raw.version != VERSION {
        return Err(format!("unsupported version {}", raw.version));
    }
    let only = |fields: [bool; 4]| fields.iter().filter(|f| **f).count() <= 1;
    if !only([raw.item.is_some(), raw.site.is_some(), raw.date.is_some(), raw.lang.is_some()]) {
        return Err("one value per command".into());
    }
    match (raw.command.as_str(), raw.item, raw.site, raw.date, raw.lang) {
        ("select", Some(id), None, None, None) if is_id(&id) => Ok(Command::SelectItem(id)),
        ("select", None, Some(id), None, None) if is_id(&id) => Ok(Command::SelectSite(id)),
        ("time", None, None, Some(d), None) => {
            if d.len() == 10 && super::time::parse_day(&d).is_some() {
                Ok(Command::Time(Some(d)))
            } else {
                Err("time needs a date YYYY-MM-DD".into())
            }
        }
        ("time", None, None, None, None) => Ok(Command::Time(None)),
        ("lang", None, None, None, Some(l)) => match l.as_str() {
            "fr" => Ok(Command::Lang(Lang::Fr)),
            "en" => Ok(Command::Lang(Lang::En)),
            "zh" => Ok(Command::Lang(Lang::Zh)),
            _ => Err("lang must be fr, en or zh".into()),
        },
        (c, ..) => Err(format!("invalid command \"{c}\" or values")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_commands_parse() {
        let p = |s: &str| parse_command(s);
        assert_eq!(
            p(r#"{"type":"passerelle:command","version":1,"command":"select","item":"forum-2018"}"#),
            Ok(Command::SelectItem("forum-2018".into()))
        );
        assert_eq!(
            p(r#"{"type":"passerelle:command","version":1,"command":"select","site":"lyon"}"#),
            Ok(Command::SelectSite("lyon".into()))
        );
        assert_eq!(
            p(r#"{"type":"passerelle:command","version":1,"command":"time","date":"2018-11-30"}"#),
            Ok(Command::Time(Some("2018-11-30".into())))
        );
        assert_eq!(p(r#"{"type":"passerelle:command","version":1,"command":"time"}"#), Ok(Command::Time(None)));
        assert_eq!(
            p(r#"{"type":"passerelle:command","version":1,"command":"lang","lang":"zh"}"#),
            Ok(Command::Lang(Lang::Zh))
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "not json",
            r#"{"type":"passerelle:command","version":2,"command":"select","item":"x"}"#,
            r#"{"type":"other","version":1,"command":"select","item":"x"}"#,
            r#"{"type":"passerelle:command","version":1,"command":"select","item":"<script>"}"#,
            r#"{"type":"passerelle:command","version":1,"command":"eval","item":"x"}"#,
            r#"{"type":"passerelle:command","version":1,"command":"select","item":"x","site":"y"}"#,
            r#"{"type":"passerelle:command","version":1,"command":"time","date":"2018-02-30"}"#,
            r#"{"type":"passerelle:command","version":1,"command":"lang","lang":"de"}"#,
            r#"{"type":"passerelle:command","version":1,"command":"select","item":"x","extra":1}"#,
        ] {
            assert!(parse_command(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn outgoing_messages_are_namespaced_and_versioned() {
        let h = serde_json::to_string(&Outgoing::Height { version: VERSION, height: 640 }).unwrap();
        assert_eq!(h, r#"{"type":"passerelle:height","version":1,"height":640}"#);
        let s = serde_json::to_string(&Outgoing::Selection { version: VERSION, item: Some("a".into()), site: None })
            .unwrap();
        assert_eq!(s, r#"{"type":"passerelle:selection","version":1,"item":"a","site":null}"#);
    }
}
