//! Safe automatic fixes: the one edit a finding can be repaired with
//! without a human choosing between readings (a did-you-mean replacement,
//! a date rewritten in ISO order, a dead end marked `kind: end`, an actor
//! declared). A [`Fix`] is a list of minimal text [`Edit`]s on byte spans
//! of the file the finding is in, so comments and formatting around them
//! survive. The language server offers them as code actions and
//! `sopmap check --fix` applies them; both go through [`resolve`] and
//! [`apply`] here.
//!
//! An edit written against a YAML scalar ([`Edit::scalar`]) keeps the
//! scalar's quotes, and is dropped when the text at its span is no longer
//! the value it was made for (a stale fix is never applied).

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, FileId, Text};
use crate::source::{SourceFile, Span};

/// One safe fix of a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in both languages, for a code action's title
    /// (`ganti `x` dengan `y`` / `replace `x` with `y``).
    pub title: Text,
    pub edits: Vec<Edit>,
}

/// One text edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub text: String,
    /// For a replacement of a YAML scalar: the value it replaces. The edit
    /// then lands inside the scalar's quotes, if any, and only when the
    /// scalar still holds this value.
    pub scalar: Option<String>,
}

impl Edit {
    /// Replaces the YAML scalar at `span`, whose value is `old`, by `new`
    /// (quotes kept). `new` must be a plain scalar with the same YAML type
    /// as intended: ids, units, dates.
    pub fn scalar(span: Span, old: impl Into<String>, new: impl Into<String>) -> Edit {
        Edit { span, text: new.into(), scalar: Some(old.into()) }
    }

    /// Inserts `text` at byte `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit { span: Span::new(at, at), text: text.into(), scalar: None }
    }

    /// Replaces the bytes of `span` by `text`.
    pub fn replace(span: Span, text: impl Into<String>) -> Edit {
        Edit { span, text: text.into(), scalar: None }
    }
}

impl Fix {
    pub fn new(title: Text, edits: Vec<Edit>) -> Fix {
        Fix { title, edits }
    }

    /// A fix that replaces one scalar.
    pub fn replace_scalar(span: Span, old: &str, new: &str) -> Fix {
        Fix::new(
            crate::msg!("ganti `{old}` dengan `{new}`" / "replace `{old}` with `{new}`"),
            vec![Edit::scalar(span, old, new)],
        )
    }
}

/// A plain edit, ready to apply: `span` of the text becomes `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub text: String,
}

/// The concrete edits of `fix` on `source`, or `None` when the fix no
/// longer fits the text (a span out of range or off a character boundary,
/// a scalar that changed, edits that overlap).
pub fn resolve(source: &SourceFile, fix: &Fix) -> Option<Vec<TextEdit>> {
    let mut out = Vec::with_capacity(fix.edits.len());
    for e in &fix.edits {
        let written = source.text.get(e.span.start..e.span.end)?;
        let span = match &e.scalar {
            None => e.span,
            Some(old) => scalar_inner(written, old)
                .map(|(a, b)| Span::new(e.span.start + a, e.span.start + b))?,
        };
        out.push(TextEdit { span, text: e.text.clone() });
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    let overlapping = out.windows(2).any(|w| match w {
        [a, b] => b.span.start < a.span.end || (a.span == b.span && a.span.start == a.span.end),
        _ => false,
    });
    (!overlapping).then_some(out)
}

/// Where the value `old` sits in the scalar text `written`: all of it for
/// a plain scalar, inside the quotes for a quoted one without escapes.
fn scalar_inner(written: &str, old: &str) -> Option<(usize, usize)> {
    if written == old {
        return Some((0, written.len()));
    }
    for q in ['"', '\''] {
        if let Some(inner) = written.strip_prefix(q).and_then(|w| w.strip_suffix(q))
            && inner == old
            && !inner.contains(['\\', '"', '\''])
        {
            return Some((1, 1 + inner.len()));
        }
    }
    None
}

/// Applies non-overlapping `edits` (sorted by [`resolve`]) to `text`.
pub fn apply(text: &str, edits: &[TextEdit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        if e.span.start < at {
            continue;
        }
        out.push_str(text.get(at..e.span.start).unwrap_or(""));
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// The edits of every fix among `diagnostics` (findings of `source`) that
/// can be applied together: fixes are taken in order and one that touches
/// a place an earlier one changes waits for the next round.
pub fn collect(source: &SourceFile, diagnostics: &[&Diagnostic]) -> (Vec<TextEdit>, usize) {
    let mut taken: Vec<TextEdit> = Vec::new();
    let mut fixes = 0;
    for d in diagnostics {
        let Some(fix) = &d.fix else { continue };
        let Some(edits) = resolve(source, fix) else { continue };
        let clashes = edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.span.start < t.span.end && t.span.start < e.span.end
                    || e.span.start == t.span.start
                    || (e.span.start == e.span.end
                        && t.span.start <= e.span.start
                        && e.span.start <= t.span.end)
            })
        });
        if clashes {
            continue;
        }
        taken.extend(edits);
        fixes += 1;
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    (taken, fixes)
}

/// The most rounds [`fix_files`] runs: a fix may reveal another (a
/// did-you-mean step id that then turns out to be a dead end), but a chain
/// longer than this means fixes undo each other.
pub const MAX_ROUNDS: usize = 8;

/// The outcome of [`fix_files`].
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Fixes applied, per file (indexed like the sources).
    pub applied: Vec<usize>,
    /// Files whose fixes were undone because the result no longer parsed.
    pub reverted: Vec<FileId>,
    /// Whether the last check found nothing more to fix (false when the
    /// round limit stopped the loop).
    pub converged: bool,
    /// The findings of the last check, over the fixed texts.
    pub findings: Vec<Diagnostic>,
}

/// Applies the safe fixes round after round until a check finds nothing
/// more to fix, or [`MAX_ROUNDS`] rounds have run. `check` returns the
/// findings of every source given the files whose text changed since its
/// last call (every file on the first call), so it can re-check only
/// those. Only files for which `fixable` holds are edited; a file that did
/// not parse has no fixes (invalid YAML has none), and a file that stops
/// parsing after a round gets its text of before that round back and is
/// left alone from then on.
pub fn fix_files(
    sources: &mut [SourceFile],
    fixable: impl Fn(FileId) -> bool,
    mut check: impl FnMut(&[SourceFile], &[FileId]) -> Vec<Diagnostic>,
) -> Outcome {
    let all: Vec<FileId> = (0..sources.len()).collect();
    let mut findings = check(sources, &all);
    let mut out = Outcome { applied: vec![0; sources.len()], ..Outcome::default() };
    let mut frozen = vec![false; sources.len()];
    for _ in 0..MAX_ROUNDS {
        let mut by_file: BTreeMap<FileId, Vec<&Diagnostic>> = BTreeMap::new();
        for d in findings.iter().filter(|d| d.fix.is_some()) {
            if fixable(d.file) && !frozen.get(d.file).copied().unwrap_or(true) {
                by_file.entry(d.file).or_default().push(d);
            }
        }
        let mut before: Vec<(FileId, SourceFile, usize)> = Vec::new();
        for (file, diags) in by_file {
            let Some(source) = sources.get(file) else { continue };
            let (edits, n) = collect(source, &diags);
            if edits.is_empty() {
                continue;
            }
            let fixed = SourceFile::new(source.path.clone(), apply(&source.text, &edits));
            if let Some(slot) = sources.get_mut(file) {
                before.push((file, std::mem::replace(slot, fixed), n));
            }
        }
        if before.is_empty() {
            out.converged = true;
            out.findings = findings;
            return out;
        }
        let changed: Vec<FileId> = before.iter().map(|(f, _, _)| *f).collect();
        findings = check(sources, &changed);
        let broken: Vec<FileId> = findings
            .iter()
            .filter(|d| d.code == crate::rule_id::INVALID_YAML.code && changed.contains(&d.file))
            .map(|d| d.file)
            .collect();
        for (file, old, n) in before {
            if broken.contains(&file) {
                if let Some(slot) = sources.get_mut(file) {
                    *slot = old;
                }
                if let Some(f) = frozen.get_mut(file) {
                    *f = true;
                }
                out.reverted.push(file);
            } else if let Some(count) = out.applied.get_mut(file) {
                *count += n;
            }
        }
        if !broken.is_empty() {
            findings = check(sources, &broken);
        }
    }
    out.converged = !findings.iter().any(|d| {
        d.fix.is_some() && fixable(d.file) && !frozen.get(d.file).copied().unwrap_or(true)
    });
    out.findings = findings;
    out
}

/// A unified diff of `old` → `new` for `path` (`--- a/path`, `+++ b/path`),
/// with three lines of context; empty when the texts are equal. Fixes
/// change few lines, so a line-by-line comparison of the changed middle
/// (common head and tail stripped) is enough and stays linear for them.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = line_ops(&a, &b);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    // Group operations into hunks with 3 lines of context.
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| !matches!(o, Op::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut i = 0;
    while let Some(&first) = changed.get(i) {
        let mut last = first;
        let mut j = i + 1;
        while let Some(&next) = changed.get(j) {
            if next - last > 2 * CONTEXT {
                break;
            }
            last = next;
            j += 1;
        }
        let start = first.saturating_sub(CONTEXT);
        let end = (last + CONTEXT + 1).min(ops.len());
        let hunk = ops.get(start..end).unwrap_or(&[]);
        let (a_start, b_start) = ops.get(start).map_or((0, 0), Op::positions);
        let a_len = hunk.iter().filter(|o| !matches!(o, Op::Add(..))).count();
        let b_len = hunk.iter().filter(|o| !matches!(o, Op::Del(..))).count();
        let from = |start: usize, len: usize| if len == 0 { start } else { start + 1 };
        out.push_str(&format!(
            "@@ -{},{a_len} +{},{b_len} @@\n",
            from(a_start, a_len),
            from(b_start, b_len)
        ));
        for op in hunk {
            let (mark, line) = match op {
                Op::Same(_, _, l) => (' ', *l),
                Op::Del(_, _, l) => ('-', *l),
                Op::Add(_, _, l) => ('+', *l),
            };
            out.push(mark);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
        i = j;
    }
    out
}

/// A line of a diff with its 0-based positions in the old and new text.
#[derive(Clone, Copy, Debug)]
enum Op<'a> {
    Same(usize, usize, &'a str),
    Del(usize, usize, &'a str),
    Add(usize, usize, &'a str),
}

impl Op<'_> {
    fn positions(&self) -> (usize, usize) {
        match self {
            Op::Same(a, b, _) | Op::Del(a, b, _) | Op::Add(a, b, _) => (*a, *b),
        }
    }
}

/// The common head and tail are kept; the middle is compared with a
/// longest-common-subsequence table when small, else shown as removed and
/// added (fixes touch a handful of lines, so the table is tiny).
fn line_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Op<'a>> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let rest = |v: &[&'a str]| v.get(head..).unwrap_or(&[]).to_vec();
    let (ra, rb) = (rest(a), rest(b));
    let tail = ra.iter().rev().zip(rb.iter().rev()).take_while(|(x, y)| x == y).count();
    let am = a.get(head..a.len() - tail).unwrap_or(&[]);
    let bm = b.get(head..b.len() - tail).unwrap_or(&[]);
    let mut ops: Vec<Op<'a>> =
        a.iter().take(head).enumerate().map(|(i, l)| Op::Same(i, i, l)).collect();
    if am.len().saturating_mul(bm.len()) <= 250_000 {
        // lcs[i][j]: length of the LCS of am[i..] and bm[j..].
        let w = bm.len() + 1;
        let mut lcs = vec![0u32; (am.len() + 1) * w];
        for i in (0..am.len()).rev() {
            for j in (0..bm.len()).rev() {
                let v = if am.get(i) == bm.get(j) {
                    lcs.get((i + 1) * w + j + 1).copied().unwrap_or(0) + 1
                } else {
                    let down = lcs.get((i + 1) * w + j).copied().unwrap_or(0);
                    let right = lcs.get(i * w + j + 1).copied().unwrap_or(0);
                    down.max(right)
                };
                if let Some(slot) = lcs.get_mut(i * w + j) {
                    *slot = v;
                }
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < am.len() || j < bm.len() {
            let at = |i: usize, j: usize| lcs.get(i * w + j).copied().unwrap_or(0);
            match (am.get(i), bm.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    ops.push(Op::Same(head + i, head + j, x));
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(_)) if at(i + 1, j) >= at(i, j + 1) => {
                    ops.push(Op::Del(head + i, head + j, x));
                    i += 1;
                }
                (_, Some(y)) => {
                    ops.push(Op::Add(head + i, head + j, y));
                    j += 1;
                }
                (Some(x), None) => {
                    ops.push(Op::Del(head + i, head + j, x));
                    i += 1;
                }
                (None, None) => break,
            }
        }
    } else {
        ops.extend(am.iter().enumerate().map(|(i, l)| Op::Del(head + i, head, l)));
        ops.extend(bm.iter().enumerate().map(|(j, l)| Op::Add(head + am.len(), head + j, l)));
    }
    let (a0, b0) = (a.len() - tail, b.len() - tail);
    ops.extend(a.iter().skip(a0).enumerate().map(|(k, l)| Op::Same(a0 + k, b0 + k, l)));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_edits_keep_quotes_and_refuse_stale_text() {
        let src = SourceFile::new("x", "a: \"foo\"\nb: bar\n");
        let fix = Fix::replace_scalar(Span::new(3, 8), "foo", "baz");
        let edits = resolve(&src, &fix).unwrap();
        assert_eq!(apply(&src.text, &edits), "a: \"baz\"\nb: bar\n");
        let stale = Fix::replace_scalar(Span::new(12, 15), "qux", "baz");
        assert_eq!(resolve(&src, &stale), None);
        let plain = Fix::replace_scalar(Span::new(12, 15), "bar", "baz");
        assert_eq!(apply(&src.text, &resolve(&src, &plain).unwrap()), "a: \"foo\"\nb: baz\n");
    }

    #[test]
    fn out_of_range_spans_resolve_to_nothing() {
        let src = SourceFile::new("x", "ab");
        assert_eq!(
            resolve(
                &src,
                &Fix::new(Text::new("t", "t"), vec![Edit::replace(Span::new(1, 9), "x")])
            ),
            None
        );
    }

    #[test]
    fn diff_shows_only_changed_lines_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
        let d = unified_diff("f.yaml", old, new);
        assert_eq!(
            d,
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
        assert_eq!(unified_diff("f", "a\n", "a\n"), "");
        let added = unified_diff("f", "a\nb\n", "a\nx\nb\n");
        assert_eq!(added, "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+x\n b\n");
    }

    /// A fake check: each `x` is a finding whose fix writes `y`; each `!`
    /// is invalid YAML; `z` finds a fix that writes `!`.
    fn fake(s: &[SourceFile], _: &[FileId]) -> Vec<Diagnostic> {
        use crate::rules::{invalid_yaml, unknown_step};
        let mut out = Vec::new();
        for (file, src) in s.iter().enumerate() {
            for (i, c) in src.text.char_indices() {
                let span = Span::new(i, i + 1);
                match c {
                    'x' => out.push(
                        Diagnostic::new(
                            &unknown_step::RULE,
                            file,
                            span,
                            crate::diagnostic::Text::new("x", "x"),
                        )
                        .fix(Fix::new(Text::new("y", "y"), vec![Edit::replace(span, "y")])),
                    ),
                    'z' => out.push(
                        Diagnostic::new(
                            &unknown_step::RULE,
                            file,
                            span,
                            crate::diagnostic::Text::new("z", "z"),
                        )
                        .fix(Fix::new(Text::new("!", "!"), vec![Edit::replace(span, "!")])),
                    ),
                    '!' => out.push(Diagnostic::new(
                        &invalid_yaml::RULE,
                        file,
                        span,
                        crate::diagnostic::Text::new("!", "!"),
                    )),
                    _ => {}
                }
            }
        }
        out
    }

    #[test]
    fn fixes_apply_per_file_and_a_fix_that_breaks_the_file_is_undone() {
        let mut sources = vec![
            SourceFile::new("a", "x1x2\n"),
            SourceFile::new("b", "zx\n"),
            SourceFile::new("c", "x!\n"),
        ];
        let out = fix_files(&mut sources, |f| f != 2, fake);
        assert_eq!(sources[0].text, "y1y2\n");
        // `b`: the round that wrote `!` was undone as a whole.
        assert_eq!(sources[1].text, "zx\n");
        assert_eq!(out.reverted, [1]);
        // `c` is not fixable (standard input, say).
        assert_eq!(sources[2].text, "x!\n");
        assert_eq!(out.applied, [2, 0, 0]);
        assert!(out.converged);
    }
}
