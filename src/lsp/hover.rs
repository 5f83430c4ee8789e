//! Hover text, in the workspace's language: on a step id (its definition
//! or a `next` naming it) the step's row of the SOP AP table (No,
//! activity, actor, time); on an actor
//! id the actor's name; on a `sub_sop` or `related` SOP id the linked
//! SOP's number and title; on a rule code or name (as written in a
//! `# sopmap: ignore[…]` comment) the rule's explanation, as
//! `sopmap explain` prints it.

use crate::diagnostic::FileId;
use crate::lsp::navigation::{self, Target};
use crate::lsp::workspace::Workspace;
use crate::rule_id;
use crate::source::{SourceFile, Span};

/// Markdown for the hover at byte `offset` of `file`, and the span it is about.
pub fn hover(ws: &Workspace, file: FileId, offset: usize) -> Option<(String, Span)> {
    let source = ws.source(file)?;
    if let Some(sop) = ws.sop(file)
        && let Some(occ) = navigation::at(sop, offset)
        && let Some(text) = describe(ws, file, &occ.target)
    {
        return Some((text, occ.span));
    }
    let (word, span) = word_at(source, offset)?;
    let rule = rule_id::find(word)?;
    Some((
        format!(
            "**{} {}** ({})\n\n{}.\n\n{}",
            rule.code,
            rule.name,
            rule.default_level.as_str(),
            rule.summary.get(ws.lang()),
            rule.explanation.get(ws.lang())
        ),
        span,
    ))
}

fn describe(ws: &Workspace, file: FileId, target: &Target) -> Option<String> {
    match target {
        Target::Step(id) => {
            let sop = ws.sop(file)?;
            let (no, step) = sop.steps.iter().enumerate().find(|(_, s)| s.id_str() == id)?;
            let actor = step
                .actor
                .as_ref()
                .map(|a| sop.actor(&a.value).map_or(a.value.as_str(), |x| x.display_name()))
                .unwrap_or("-");
            let time = match (&step.time, &step.time_note) {
                (Some(t), _) => t.value.to_string(),
                (None, Some(n)) => n.value.clone(),
                (None, None) => "-".to_string(),
            };
            let kind = step.kind().map_or("?", |k| k.as_str());
            let l = ws.config.lang.labels();
            Some(format!(
                "**{}. {}** (`{id}`, {kind})\n\n| {} | {} | {} |\n|---|---|---|\n| {} | {} | {} |",
                no + 1,
                step.activity.as_ref().map_or("", |a| a.value.as_str()),
                l.actors,
                l.time,
                l.output,
                cell(actor),
                cell(&time),
                cell(step.output.as_ref().map_or("-", |o| o.value.as_str())),
            ))
        }
        Target::Actor(id) => {
            let actor = ws.sop(file)?.actor(id)?;
            let w = crate::lang::LspWords::of(ws.config.lang);
            let external = if actor.external { w.external } else { "" };
            Some(format!("**{}**{external}\n\n{} `{id}`", actor.display_name(), w.actor))
        }
        Target::Sop(id) => {
            let f = ws.file_of_sop(id)?;
            let sop = ws.sop(f)?;
            let level = sop.level.as_ref().map_or("", |l| match l.value {
                crate::model::SopLevel::Makro => " (makro)",
                crate::model::SopLevel::Mikro => " (mikro)",
            });
            let path = ws.source(f).map_or("", |s| s.path.as_str());
            Some(format!("**{}**{level}\n\n{}\n\n`{path}`", sop.title(), sop.number()))
        }
    }
}

/// A table cell: no pipes or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The word (letters, digits, `-`, `_`) around byte `offset`.
fn word_at(source: &SourceFile, offset: usize) -> Option<(&str, Span)> {
    let text = &source.text;
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let before = text.get(..offset)?;
    let start = before.rfind(|c: char| !is_word(c)).map_or(0, |i| i + 1);
    let after = text.get(offset..)?;
    let end = offset + after.find(|c: char| !is_word(c)).unwrap_or(after.len());
    let word = text.get(start..end)?;
    (!word.is_empty()).then_some((word, Span::new(start, end)))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::hover;
    use crate::lang::Lang;
    use crate::lsp::workspace::{Workspace, WorkspaceConfig};

    /// A rule's explanation on hover follows the workspace's language,
    /// Indonesian by default, as every command.
    #[test]
    fn the_explanation_follows_the_workspace_language() {
        let text = "schema: sop-ap/1  # sopmap: ignore[dead-end]\n";
        let at = text.find("dead-end").unwrap_or(0) + 2;
        let explain = |lang: Lang| {
            let root = PathBuf::from("/ws");
            let mut config = WorkspaceConfig::plain(root.clone());
            config.lang = lang;
            let ws = Workspace::new(config, vec![(root.join("a.yaml"), text.to_string())]);
            hover(&ws, 0, at).map(|(md, _)| md).unwrap_or_default()
        };
        let id = explain(Lang::Id);
        assert!(id.contains("## Yang diperiksa"), "{id}");
        let en = explain(Lang::En);
        assert!(en.contains("## What it does"), "{en}");
    }
}
