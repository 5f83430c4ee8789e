//! The GitHub Actions format: one workflow command per finding,
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=CODE name::message`
//! (`::warning` for warnings), which the runner turns into annotations on
//! the pull request. Values are escaped as `@actions/core` does
//! ([`escape::github_property`], [`escape::github_data`]). GitHub shows at
//! most 10 annotations of each level per step, so the CLI also prints the
//! plain summary; SARIF suits large result sets better.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::render::escape;
use crate::report::Report;

pub fn write(
    report: &Report<'_>,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    crate::report::write_lines(report, diagnostics, out, line)
}

/// One finding as a workflow command, without a newline.
pub fn line(report: &Report<'_>, d: &Diagnostic) -> String {
    let (start, end) = report.range(d);
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut message = report.message_with_help(d);
    if !d.follow_ons.is_empty() {
        message.push_str(&format!("\n{}:", report.words().follow_ons_here));
        for l in report.follow_on_lines(d, 20) {
            message.push_str(&format!("\n  {l}"));
        }
    }
    format!(
        "::{command} file={},line={},endLine={},col={},endColumn={},title={}::{}",
        escape::github_property(&escape::terminal_line(report.path(d))),
        start.line,
        end.line,
        start.column,
        end.column,
        escape::github_property(&format!("{} {}", d.code, d.name)),
        escape::github_data(&escape::terminal(&message)),
    )
}
