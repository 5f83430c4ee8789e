//! The concise format: one line per finding, `path:line:col: CODE message`,
//! with `warning:` before the message of a warning. Also the format of the
//! golden `.out` files.

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

/// One finding as a line, without a newline.
pub fn line(report: &Report<'_>, d: &Diagnostic) -> String {
    let (start, _) = report.range(d);
    let sev = match d.severity {
        Severity::Error => "",
        // A stable token (like the code), which problem matchers parse.
        Severity::Warning => "warning: ",
    };
    format!(
        "{}:{start}: {} {sev}{}{}",
        escape::terminal_line(report.path(d)),
        d.code,
        escape::terminal_line(&one_line(report.text(&d.message))),
        report.follow_on_suffix(d)
    )
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
