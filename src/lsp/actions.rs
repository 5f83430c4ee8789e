//! Code actions: the safe fix of each finding under the cursor as a
//! quick fix (titled in the workspace's language), and "fix all" (every safe fix of the file that applies
//! together, the same set one round of `sopmap check --fix` applies).

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, TextEdit, Uri, WorkspaceEdit};

use crate::diagnostic::{Diagnostic, FileId};
use crate::fix;
use crate::lang::{FixWords, Lang};
use crate::lsp::convert::{self, Encoding};
use crate::lsp::workspace::Workspace;
use crate::source::{SourceFile, Span};

/// The kind of the "fix all" action (`source.fixAll.sopmap`).
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.sopmap")
}

/// The actions for the findings of `file` that touch `span`.
pub fn actions(
    ws: &Workspace,
    file: FileId,
    uri: &Uri,
    span: Span,
    enc: Encoding,
    lang: Lang,
    want: impl Fn(&CodeActionKind) -> bool,
) -> Vec<CodeAction> {
    let Some(source) = ws.source(file) else { return Vec::new() };
    let findings = ws.published(file);
    let mut out = Vec::new();
    if want(&CodeActionKind::QUICKFIX) {
        for d in findings {
            let touches = d.span.start <= span.end && span.start <= d.span.end;
            let Some(fix) = d.fix.as_ref().filter(|_| touches) else { continue };
            let Some(edits) = fix::resolve(source, fix) else { continue };
            out.push(CodeAction {
                title: format!("{} ({})", fix.title.get(lang), d.name),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert::diagnostic(d, source, enc, lang, |_| None)]),
                edit: Some(edit(uri, source, &edits, enc)),
                is_preferred: Some(true),
                ..CodeAction::default()
            });
        }
    }
    if want(&fix_all_kind()) {
        let refs: Vec<&Diagnostic> = findings.iter().collect();
        let (edits, n) = fix::collect(source, &refs);
        if n > 0 {
            out.push(CodeAction {
                title: format!("{} ({n})", FixWords::of(lang).fix_all),
                kind: Some(fix_all_kind()),
                edit: Some(edit(uri, source, &edits, enc)),
                ..CodeAction::default()
            });
        }
    }
    out
}

/// A workspace edit of one file.
// lsp-types keys `WorkspaceEdit::changes` by `Uri`, whose lazily filled
// cache clippy sees as interior mutability; the keys are never changed.
#[allow(clippy::mutable_key_type)]
pub fn edit(
    uri: &Uri,
    source: &SourceFile,
    edits: &[fix::TextEdit],
    enc: Encoding,
) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| TextEdit { range: convert::range(source, e.span, enc), new_text: e.text.clone() })
        .collect();
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }
}
