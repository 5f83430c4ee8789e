//! Completion of values from what the workspace knows: step ids after
//! `next:` (also a branch's), actor ids after `actor:` and in `with`, SOP
//! ids after `sub_sop:` and a `related` entry's `sop:`, the words of
//! `kind`, `level`, `type` and `relation`, and time units after the amount
//! of a `time`, `service_time` or `workday`.
//!
//! The key is read from the text before the cursor (block style
//! `next: `, flow style `{id: a, next: `, list items under `with:`), so
//! completion works while the buffer does not parse; ids come from the
//! last version of the file that did.

use lsp_types::{CompletionItem, CompletionItemKind};

use crate::diagnostic::FileId;
use crate::duration::Unit;
use crate::lsp::workspace::Workspace;
use crate::model::schema;
use crate::source::SourceFile;

/// The key whose value the cursor is in, and the part of the value typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot<'a> {
    pub key: &'a str,
    pub typed: &'a str,
}

/// Reads the key and the typed value at byte `offset`.
pub fn slot(source: &SourceFile, offset: usize) -> Option<Slot<'_>> {
    let line = source.line_col(offset).line;
    let start = source.line_start(line)?;
    let before = source.text.get(start..offset)?;
    if before.contains('#') {
        return None;
    }
    // Flow style: only the last `key: value` of `{a: 1, key: va`; a
    // separator inside a flow list (`with: [a, b`) does not start one.
    let has_key = |seg: &str| seg.contains(": ") || seg.trim_end().ends_with(':');
    let entry = before
        .char_indices()
        .rev()
        .filter(|(_, c)| matches!(c, ',' | '{'))
        .filter_map(|(i, _)| before.get(i + 1..))
        .find(|seg| has_key(seg))
        .unwrap_or(before);
    if let Some(colon) = entry.rfind(": ").or_else(|| entry.ends_with(':').then(|| entry.len() - 1))
    {
        let key = entry.get(..colon)?.trim().trim_start_matches("- ").trim();
        let value = entry.get(colon + 1..)?.trim_start();
        // `with: [a, b` lists: the part after the last separator.
        let typed = value.rsplit(['[', ',']).next().unwrap_or(value).trim_start();
        if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !key.is_empty() {
            return Some(Slot { key, typed });
        }
        return None;
    }
    // A list item (`      - pet`): the key is that of the list.
    let item = before.trim_start();
    let typed = item.strip_prefix('-')?.trim_start();
    let indent = before.len() - item.len();
    for l in (1..line).rev() {
        let text = source.line_text(l);
        let body = text.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if text.len() - body.len() < indent
            || (text.len() - body.len() == indent && !body.starts_with('-'))
        {
            let key = body.trim_start_matches("- ").strip_suffix(':')?.trim();
            return Some(Slot { key, typed });
        }
        if text.len() - body.len() == indent && body.starts_with('-') {
            continue;
        }
    }
    None
}

/// The completions at byte `offset` of `file`.
pub fn complete(ws: &Workspace, file: FileId, offset: usize) -> Vec<CompletionItem> {
    let Some(source) = ws.source(file) else { return Vec::new() };
    let Some(slot) = slot(source, offset) else { return Vec::new() };
    let sop = ws.last_good(file);
    let item = |label: &str, detail: String, kind: CompletionItemKind| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then_some(detail),
        ..CompletionItem::default()
    };
    let words = |words: &[&str]| -> Vec<CompletionItem> {
        words.iter().map(|w| item(w, String::new(), CompletionItemKind::ENUM_MEMBER)).collect()
    };
    match slot.key {
        "next" => sop
            .map(|s| {
                s.steps
                    .iter()
                    .enumerate()
                    .filter_map(|(i, st)| {
                        let id = st.id.as_ref()?;
                        let activity = st.activity.as_ref().map_or("", |a| a.value.as_str());
                        Some(item(
                            &id.value,
                            format!("{}. {activity}", i + 1),
                            CompletionItemKind::REFERENCE,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        "actor" | "alternate" | "with" => sop
            .map(|s| {
                s.actors
                    .iter()
                    .filter_map(|a| {
                        let id = a.id.as_ref()?;
                        Some(item(
                            &id.value,
                            a.display_name().to_string(),
                            CompletionItemKind::CLASS,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        "sub_sop" | "sop" => ws
            .sop_ids()
            .into_iter()
            .filter(|(_, f)| *f != file)
            .map(|(id, f)| {
                let detail =
                    ws.sop(f).map(|s| format!("{} {}", s.number(), s.title())).unwrap_or_default();
                item(id, detail.trim().to_string(), CompletionItemKind::MODULE)
            })
            .collect(),
        "kind" => words(schema::STEP_KINDS),
        "level" => words(schema::LEVELS),
        "type" => words(schema::TYPES),
        "relation" => words(schema::RELATIONS),
        "time" | "service_time" | "workday" => {
            // After an amount (`3`, `1-3`, `3 (tiga)`): the units.
            let amount = slot.typed.trim_end_matches(|c: char| c.is_alphabetic() || c == ' ');
            let has_amount =
                amount.chars().next().is_some_and(|c| c.is_ascii_digit()) || amount.contains(')');
            if !has_amount
                || !(slot.typed.ends_with(' ') || slot.typed.ends_with(char::is_alphabetic))
            {
                return Vec::new();
            }
            Unit::ALL
                .iter()
                .map(|u| item(u.as_str(), String::new(), CompletionItemKind::UNIT))
                .collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<(String, String)> {
        let offset = text.find('|').unwrap();
        let src = SourceFile::new("x", text.replacen('|', "", 1));
        slot(&src, offset).map(|s| (s.key.to_string(), s.typed.to_string()))
    }

    #[test]
    fn reads_block_flow_and_list_keys() {
        let s = |k: &str, t: &str| Some((k.to_string(), t.to_string()));
        assert_eq!(at("steps:\n  - id: a\n    next: pe|\n"), s("next", "pe"));
        assert_eq!(at("  - {id: a, kind: start, next: |}\n"), s("next", ""));
        assert_eq!(at("    with: [a, pe|]\n"), s("with", "pe"));
        assert_eq!(at("    with:\n      - a\n      - pe|\n"), s("with", "pe"));
        assert_eq!(at("    time: 3 |\n"), s("time", "3 "));
        assert_eq!(at("    # next: |\n"), None);
    }
}
