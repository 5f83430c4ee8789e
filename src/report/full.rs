//! The full format: rustc-style snippets drawn by annotate-snippets (the
//! only importer of that crate). The offending value is underlined, related
//! places get secondary labels, and the help goes on a `help:` line.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, FileId, Severity};
use crate::render::escape;
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

/// Largest window (in bytes) drawn whole, and its longest line; larger
/// ones are clipped. annotate-snippets spends a few hundred nanoseconds
/// per byte it draws, and a window is drawn once per finding in it.
const MAX_WINDOW: usize = 4_096;
const MAX_LINE: usize = 512;
/// Bytes of context either side of a finding in a clipped window.
const CLIP_CONTEXT: usize = 60;

/// Most follow-ons listed under their cause; the rest are counted.
const MAX_FOLLOW_ONS: usize = 20;

/// Most context labels drawn for one finding in a clipped window.
const MAX_LABELS: usize = 8;

/// A finding whose window is too large to draw whole: the `-->` location
/// and an excerpt of the finding's own line, then the same for its first
/// few labels, and a note counting the labels left out.
fn clipped<'a>(
    src: &SourceFile,
    path: &'a str,
    d: &'a Diagnostic,
    file: FileId,
    labels: &'a [String],
) -> Vec<Element<'a>> {
    let mut out: Vec<Element<'a>> = Vec::new();
    let mut spans: Vec<(Span, AnnotationKind, &'a str)> = Vec::new();
    if d.file == file {
        spans.push((d.span, AnnotationKind::Primary, d.name));
    }
    let here: Vec<(&crate::diagnostic::Label, &'a String)> =
        d.labels.iter().zip(labels).filter(|(l, _)| l.file == file).collect();
    for (l, text) in here.iter().take(MAX_LABELS) {
        spans.push((l.span, AnnotationKind::Context, text.as_str()));
    }
    for (span, kind, label) in spans {
        let (origin, excerpt, range) = excerpt(src, path, span);
        out.push(origin.into());
        let snippet = Snippet::source(excerpt)
            .line_start(src.line_col(span.start).line)
            .annotation(kind.span(range).label(label));
        out.push(snippet.into());
    }
    if here.len() > MAX_LABELS {
        let more = format!("{} more related places not shown", here.len() - MAX_LABELS);
        out.push(Level::NOTE.message(more).into());
    }
    out
}

/// The `-->` location of `span` and an excerpt of its line around it (a
/// few hundred bytes at most), marked `…` where it was cut, with the
/// span's range in the excerpt.
fn excerpt<'a>(
    src: &SourceFile,
    path: &'a str,
    span: Span,
) -> (Origin<'a>, String, std::ops::Range<usize>) {
    let at = src.line_col(span.start);
    let line_start = src.line_start(at.line).unwrap_or(0);
    let line_end = src.line_start(at.line + 1).map_or(src.text.len(), |e| e.saturating_sub(1));
    let start = floor_char(&src.text, span.start.clamp(line_start, line_end));
    let end = ceil_char(&src.text, span.end.clamp(start, line_end).min(start + 4 * CLIP_CONTEXT));
    let from = floor_char(&src.text, start.saturating_sub(CLIP_CONTEXT).max(line_start));
    let to = ceil_char(&src.text, (end + CLIP_CONTEXT).min(line_end)).max(end);
    let lead = if from > line_start { "…" } else { "" };
    let tail = if to < line_end { "…" } else { "" };
    let text = format!("{lead}{}{tail}", src.text.get(from..to).unwrap_or(""));
    let range = lead.len() + (start - from)..lead.len() + (end - from);
    (Origin::path(path).line(at.line).char_column(at.column), text, range)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
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
    // User text in the message, labels, help and path is escaped for the
    // terminal; the source lines are shown by annotate-snippets, which
    // replaces control and bidi characters itself.
    let message = escape::terminal(report.text(&d.message));
    let labels: Vec<String> =
        d.labels.iter().map(|l| escape::terminal_line(report.text(&l.message))).collect();
    let help = d.help.as_ref().map(|h| escape::terminal(report.text(h)));
    let paths: Vec<String> = files
        .iter()
        .map(|&f| report.sources.get(f).map_or(String::new(), |s| escape::terminal_line(&s.path)))
        .collect();
    let follow: String;
    let mut title_group = Group::with_title(level.primary_title(message.as_str()).id(d.code));
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (n, &file) in files.iter().enumerate() {
        let Some(src) = report.sources.get(file) else { continue };
        let mut spans: Vec<Span> =
            d.labels.iter().filter(|l| l.file == file).map(|l| l.span).collect();
        if file == d.file {
            spans.push(d.span);
        }
        let w = window(src, &spans);
        let path = paths.get(n).map_or("", String::as_str);
        if w.text.len() > MAX_WINDOW || w.text.split('\n').any(|l| l.len() > MAX_LINE) {
            // A huge window (a minified line, a comment naming thousands of
            // rules, labels on a 50,000-step loop) would be drawn once per
            // finding: excerpts around the finding and its first labels
            // instead, so each finding costs about the same.
            let elements = clipped(src, path, d, file, &labels);
            if n == 0 {
                title_group = title_group.elements(elements);
            } else {
                groups.push(Group::with_level(Level::NOTE).elements(elements));
            }
            continue;
        }
        let mut snippet = Snippet::source(w.text).line_start(w.first_line).path(path);
        if file == d.file {
            snippet =
                snippet.annotation(AnnotationKind::Primary.span(local(&w, d.span)).label(d.name));
        }
        for (l, text) in d.labels.iter().zip(&labels).filter(|(l, _)| l.file == file) {
            snippet = snippet
                .annotation(AnnotationKind::Context.span(local(&w, l.span)).label(text.as_str()));
        }
        if n == 0 {
            title_group = title_group.element(snippet);
        } else {
            groups.push(Group::with_level(Level::NOTE.with_name(words.note)).element(snippet));
        }
    }
    if let Some(help) = &help {
        title_group =
            title_group.element(Level::HELP.with_name(words.help_name).message(help.as_str()));
    }
    if !d.follow_ons.is_empty() {
        let mut text = format!("{}:", words.follow_ons_here);
        for l in report.follow_on_lines(d, MAX_FOLLOW_ONS) {
            text.push_str("\n  ");
            text.push_str(&escape::terminal_line(&l));
        }
        follow = text;
        title_group =
            title_group.element(Level::NOTE.with_name(words.note).message(follow.as_str()));
    }
    let mut all = vec![title_group];
    all.extend(groups);
    renderer.render(&all).to_string()
}
