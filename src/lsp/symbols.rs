//! The outline of a SOP: its steps in row order, each named with its row
//! number and id, with the activity as detail.

use lsp_types::{DocumentSymbol, SymbolKind};

use crate::lsp::convert::{self, Encoding};
use crate::model::{Sop, StepKind};
use crate::source::{SourceFile, Span};

/// One symbol per step; a step runs from its first key to the next step.
pub fn outline(sop: &Sop, source: &SourceFile, enc: Encoding) -> Vec<DocumentSymbol> {
    let mut out = Vec::with_capacity(sop.steps.len());
    for (i, step) in sop.steps.iter().enumerate() {
        let end = sop.steps.get(i + 1).map_or_else(
            || source.text.trim_end().len(),
            |next| line_start_of(source, next.span.start),
        );
        let start = step.span.start;
        let end = end.max(step.anchor().end).max(start);
        let kind = match step.kind() {
            Some(StepKind::Start | StepKind::End) => SymbolKind::EVENT,
            Some(StepKind::Decision) => SymbolKind::OPERATOR,
            _ => SymbolKind::FUNCTION,
        };
        #[allow(deprecated)] // `deprecated` is a required field of the type
        out.push(DocumentSymbol {
            name: format!("{}. {}", i + 1, step.id_str()),
            detail: step.activity.as_ref().map(|a| a.value.clone()),
            kind,
            tags: None,
            deprecated: None,
            range: convert::range(source, Span::new(start, end), enc),
            selection_range: convert::range(source, step.anchor(), enc),
            children: None,
        });
    }
    out
}

fn line_start_of(source: &SourceFile, offset: usize) -> usize {
    source.line_start(source.line_col(offset).line).unwrap_or(offset)
}
