//! The full format: rustc-style snippets drawn by annotate-snippets (the
//! only importer of that crate). The offending value is underlined, related
//! places get secondary labels, and the help goes on a `help:` line.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, FileId, Severity};
use crate::report::Report;
use crate::source::{SourceFile, Span};

pub fn write(
    report: &Report<'_>,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if report.color { Renderer::styled() } else { Renderer::plain() };
    for d in diagnostics {
        let text = render(report, &renderer, d);
        writeln!(out, "{text}\n")?;
    }
    Ok(())
}

/// A window of whole lines around some spans, so a snippet of a large file
/// costs only the lines it shows.
struct Window<'a> {
    text: &'a str,
    first_line: usize,
    base: usize,
}

fn window<'a>(src: &'a SourceFile, spans: &[Span]) -> Window<'a> {
    let lines: Vec<usize> = spans
        .iter()
        .flat_map(|s| [src.line_col(s.start).line, src.line_col(s.end.max(s.start)).line])
        .collect();
    let first = lines.iter().copied().min().unwrap_or(1);
    let last = lines.iter().copied().max().unwrap_or(1);
    let base = src.line_start(first).unwrap_or(0);
    let end = src.line_start(last + 1).unwrap_or(src.text.len());
    Window { text: src.text.get(base..end).unwrap_or(""), first_line: first, base }
}

fn local(w: &Window<'_>, span: Span) -> std::ops::Range<usize> {
    let len = w.text.len();
    let start = span.start.saturating_sub(w.base).min(len);
    let end = span.end.saturating_sub(w.base).clamp(start, len);
    start..end
}

fn render(report: &Report<'_>, renderer: &Renderer, d: &Diagnostic) -> String {
    // The level names are words of the run's language too.
    let words = report.words();
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(words.error),
        Severity::Warning => Level::WARNING.with_name(words.warning),
    };
    let mut files: Vec<FileId> = vec![d.file];
    for l in &d.labels {
        if !files.contains(&l.file) {
            files.push(l.file);
        }
    }
    let mut title_group =
        Group::with_title(level.primary_title(report.text(&d.message)).id(d.code));
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (n, &file) in files.iter().enumerate() {
        let Some(src) = report.sources.get(file) else { continue };
        let mut spans: Vec<Span> =
            d.labels.iter().filter(|l| l.file == file).map(|l| l.span).collect();
        if file == d.file {
            spans.push(d.span);
        }
        let w = window(src, &spans);
        let mut snippet = Snippet::source(w.text).line_start(w.first_line).path(src.path.as_str());
        if file == d.file {
            snippet =
                snippet.annotation(AnnotationKind::Primary.span(local(&w, d.span)).label(d.name));
        }
        for l in d.labels.iter().filter(|l| l.file == file) {
            snippet = snippet.annotation(
                AnnotationKind::Context.span(local(&w, l.span)).label(report.text(&l.message)),
            );
        }
        if n == 0 {
            title_group = title_group.element(snippet);
        } else {
            groups.push(Group::with_level(Level::NOTE.with_name(words.note)).element(snippet));
        }
    }
    if let Some(help) = &d.help {
        title_group =
            title_group.element(Level::HELP.with_name(words.help_name).message(report.text(help)));
    }
    let mut all = vec![title_group];
    all.extend(groups);
    renderer.render(&all).to_string()
}
