//! Reporting: diagnostics → text in one of several formats, plus the
//! summary line. Each format is its own file; this module dispatches.
//! Reporters write to a `Write` they are given and never decide exit codes.

pub mod concise;
pub mod full;
pub mod github;
pub mod json;
pub mod sarif;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::lang::{Lang, ReportWords};
use crate::source::{LineCol, SourceFile};

/// Output formats of `sopmap check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style snippets (annotate-snippets).
    Full,
    /// `path:line:col: CODE message`, one line each.
    Concise,
    /// A JSON array with stable fields.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Everything a reporter needs besides the diagnostics.
pub struct Report<'a> {
    pub sources: &'a [SourceFile],
    pub color: bool,
    /// The language of the human text (messages, help, labels).
    pub lang: Lang,
}

impl Report<'_> {
    pub fn source(&self, d: &Diagnostic) -> Option<&SourceFile> {
        self.sources.get(d.file)
    }

    /// Start and (exclusive) end of a diagnostic's span.
    pub fn range(&self, d: &Diagnostic) -> (LineCol, LineCol) {
        match self.source(d) {
            Some(src) => (src.line_col(d.span.start), src.line_col(d.span.end)),
            None => (LineCol { line: 1, column: 1 }, LineCol { line: 1, column: 1 }),
        }
    }

    /// A text of a finding in the report's language.
    pub fn text<'t>(&self, t: &'t Text) -> &'t str {
        t.get(self.lang)
    }

    /// The message with its help line (`help: …` / `saran: …`) below it,
    /// for formats with a single text field.
    pub fn message_with_help(&self, d: &Diagnostic) -> String {
        let message = self.text(&d.message);
        match &d.help {
            Some(help) => format!("{message}\n{} {}", self.words().help, self.text(help)),
            None => message.to_string(),
        }
    }

    pub fn words(&self) -> &'static ReportWords {
        ReportWords::of(self.lang)
    }

    pub fn path(&self, d: &Diagnostic) -> &str {
        self.source(d).map_or("?", |s| s.path.as_str())
    }

    /// The follow-ons of `d`, one line each (`24:10 SOP204 message`), at
    /// most `max` of them and a line counting the rest.
    pub fn follow_on_lines(&self, d: &Diagnostic, max: usize) -> Vec<String> {
        let mut lines: Vec<String> = d
            .follow_ons
            .iter()
            .take(max)
            .map(|f| {
                let (at, _) = self.range(f);
                format!("{at} {} {}", f.code, self.text(&f.message))
            })
            .collect();
        if d.follow_ons.len() > max {
            let rest = (d.follow_ons.len() - max).to_string();
            lines.push(self.words().and_more.replace("{n}", &rest));
        }
        lines
    }

    /// ` (+17 temuan turunan)`: what a one-line format adds to a cause.
    pub fn follow_on_suffix(&self, d: &Diagnostic) -> String {
        if d.follow_ons.is_empty() {
            return String::new();
        }
        format!(" (+{} {})", d.follow_ons.len(), self.words().follow_on)
    }
}

/// Writes `diagnostics` (already sorted) in `format`.
pub fn write(
    format: Format,
    report: &Report<'_>,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Full => full::write(report, diagnostics, out),
        Format::Concise => concise::write(report, diagnostics, out),
        Format::Json => json::write(report, diagnostics, out),
        Format::Sarif => sarif::write(report, diagnostics, out),
        Format::Github => github::write(report, diagnostics, out),
    }
}

/// Writes one line per finding, as `line` formats it (the line-oriented
/// formats differ only in that function).
pub fn write_lines(
    report: &Report<'_>,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
    line: fn(&Report<'_>, &Diagnostic) -> String,
) -> io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}", line(report, d))?;
    }
    Ok(())
}

/// Counts of a run's findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors and warnings that are causes or stand alone.
    pub errors: usize,
    pub warnings: usize,
    /// Errors and warnings grouped under a cause (counted apart).
    pub follow_on_errors: usize,
    pub follow_on_warnings: usize,
    pub files: usize,
    pub files_with_findings: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Counts {
        let mut with: Vec<usize> = diagnostics.iter().map(|d| d.file).collect();
        with.sort_unstable();
        with.dedup();
        let follow_ons = |s: Severity| -> usize {
            diagnostics.iter().flat_map(|d| &d.follow_ons).filter(|f| f.severity == s).count()
        };
        Counts {
            errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
            warnings: diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
            follow_on_errors: follow_ons(Severity::Error),
            follow_on_warnings: follow_ons(Severity::Warning),
            files,
            files_with_findings: with.len(),
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary line for stderr: `ditemukan 2 kesalahan dan 1 peringatan
/// dalam 1 dari 3 berkas` / `found 2 errors and 1 warning in 1 of 3 files`.
pub fn summary(c: &Counts, lang: Lang) -> String {
    let w = ReportWords::of(lang);
    let files = plural(c.files, w.file, w.files);
    if c.errors == 0 && c.warnings == 0 {
        return format!("{}{files}{}: {}", w.checked_before, w.checked_after, w.no_problems);
    }
    let mut parts = Vec::new();
    let follow = |n: usize| {
        if n == 0 { String::new() } else { format!(" ({n} {})", w.follow_on) }
    };
    if c.errors > 0 {
        parts.push(plural(c.errors, w.error, w.errors) + &follow(c.follow_on_errors));
    }
    if c.warnings > 0 {
        parts.push(plural(c.warnings, w.warning, w.warnings) + &follow(c.follow_on_warnings));
    }
    let found = parts.join(w.and);
    format!("{} {found} {} {} {} {files}", w.found, w.in_, c.files_with_findings, w.of)
}

/// `; 2 berkas tidak dapat dibaca` / `; 2 files could not be read`, added
/// to the summary when some input was skipped.
pub fn unreadable(n: usize, lang: Lang) -> String {
    let w = ReportWords::of(lang);
    format!("; {} {}", plural(n, w.file, w.files), w.could_not_be_read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_wording() {
        let c = Counts {
            errors: 2,
            warnings: 1,
            files: 3,
            files_with_findings: 1,
            ..Counts::default()
        };
        assert_eq!(summary(&c, Lang::En), "found 2 errors and 1 warning in 1 of 3 files");
        let f = Counts { follow_on_errors: 17, ..c };
        assert_eq!(
            summary(&f, Lang::En),
            "found 2 errors (17 follow-on) and 1 warning in 1 of 3 files"
        );
        assert_eq!(
            summary(&f, Lang::Id),
            "ditemukan 2 kesalahan (17 turunan) dan 1 peringatan dalam 1 dari 3 berkas"
        );
        assert_eq!(
            summary(&c, Lang::Id),
            "ditemukan 2 kesalahan dan 1 peringatan dalam 1 dari 3 berkas"
        );
        let c = Counts { files: 1, ..Counts::default() };
        assert_eq!(summary(&c, Lang::En), "checked 1 file: no problems found");
        assert_eq!(summary(&c, Lang::Id), "1 berkas diperiksa: tidak ada masalah");
    }
}
