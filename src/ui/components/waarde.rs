//! A stored field value as short readable text (history, conflicts, import previews).

use serde_json::Value;
use uuid::Uuid;

use crate::domain::history::History;
use crate::domain::model::{Status, Werkruimte};
use crate::ui::components::status::status_woord;
use crate::ui::teksten::t;

/// Text for a value: ids become the labels of the items they point to, statuses their word,
/// long texts are shortened.
pub fn waarde_tekst(h: &History, v: &Value) -> String {
    let w = Werkruimte::new(h);
    let id_label = |s: &str| match Uuid::parse_str(s) {
        Ok(id) if h.exists(id) => Some(w.label(id)),
        _ => None,
    };
    let s = match v {
        Value::Null => return t().afspraken.leeg.to_string(),
        Value::Bool(true) => "ja".into(),
        Value::Bool(false) => "nee".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => match (Status::from_code(s), id_label(s)) {
            (Some(st), _) => status_woord(st).to_string(),
            (_, Some(l)) => l,
            _ => s.clone(),
        },
        Value::Array(a) => a
            .iter()
            .map(|x| match x {
                Value::String(s) => id_label(s).unwrap_or_else(|| s.clone()),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(m) => format!("{} afspraken", m.len()),
    };
    kort(&s, 160)
}

pub fn kort(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s.to_string()
    }
}
