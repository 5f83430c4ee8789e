//! The JSON format: an array of findings with stable fields, documented in
//! `docs/output.md`. Lines and columns are 1-based and columns count
//! characters; `end` is the position just after the last character.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::report::Report;

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end: Pos,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end: Pos,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    /// Findings that follow from this one (see `fold_follow_ons`), each
    /// with the same fields; present only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    follow_ons: Vec<JsonDiagnostic<'a>>,
}

fn item<'a>(report: &'a Report<'_>, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (start, end) = report.range(d);
    let labels = d
        .labels
        .iter()
        .filter_map(|l| {
            let src = report.sources.get(l.file)?;
            let s = src.line_col(l.span.start);
            let e = src.line_col(l.span.end);
            Some(JsonLabel {
                path: src.path.as_str(),
                line: s.line,
                column: s.column,
                end: Pos { line: e.line, column: e.column },
                message: report.text(&l.message),
            })
        })
        .collect();
    JsonDiagnostic {
        path: report.path(d),
        line: start.line,
        column: start.column,
        end: Pos { line: end.line, column: end.column },
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        message: report.text(&d.message),
        help: d.help.as_ref().map(|h| report.text(h)),
        labels,
        follow_ons: d.follow_ons.iter().map(|f| item(report, f)).collect(),
    }
}

pub fn write(
    report: &Report<'_>,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    let items: Vec<JsonDiagnostic<'_>> = diagnostics.iter().map(|d| item(report, d)).collect();
    // Serialised first, so a closed pipe surfaces as the io::Error it is
    // (serde_json would wrap it and hide its kind from the CLI).
    let text = serde_json::to_string_pretty(&items).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}
