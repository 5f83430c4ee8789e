//! Inline suppression comments: `# sopmap: ignore[dead-end]` and
//! `# sopmap: ignore-file[SOP205, unused-actor]`.
//!
//! Comments are found by scanning the source text line by line, skipping
//! `#` inside single- and double-quoted scalars (also across lines) and
//! inside block scalars (`|`, `>`), where a `#` is text, not a comment.
//!
//! What a comment covers ([`Reach`]), by design:
//! - a trailing comment (`next: x  # sopmap: ignore[unknown-step]`) covers
//!   the line it is on;
//! - a comment alone on its line covers the next line that is neither
//!   blank nor a comment. Above a step's `- id: …` line, it covers that
//!   line only (where step-level findings such as `dead-end` point), not
//!   the step's other keys: put the comment next to the key instead;
//! - `ignore-file[…]` anywhere in the file covers the whole file.
//!
//! A finding is covered when its primary span starts on a covered line and
//! its rule is listed (by code or name). Listed rules that cover nothing,
//! unknown rule names and malformed `# sopmap:` comments are reported by
//! `unused-suppression` (SOP901), so stale suppressions do not pile up.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, FileId, Text};
use crate::msg;
use crate::rule_id::{self, Level, Levels};
use crate::source::{SourceFile, Span};
use crate::suggest;

/// Where a suppression applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The 1-based line whose findings are silenced.
    Line(usize),
    /// Every line of the file.
    File,
}

/// One rule named inside the brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The name or code as written.
    pub text: String,
    /// Its span in the source (what SOP901 points at).
    pub span: Span,
    /// The rule's code, when the name is known.
    pub rule: Option<&'static str>,
}

/// A parsed `# sopmap:` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comment {
    Suppression {
        scope: Reach,
        entries: Vec<Listed>,
    },
    /// A `# sopmap:` comment that is not a well-formed suppression.
    Malformed {
        span: Span,
        message: Text,
    },
}

/// Every `# sopmap:` comment of `source`, in source order.
pub fn parse(source: &SourceFile) -> Vec<Comment> {
    // Most files hold no `sopmap:` comment at all: one substring search
    // (fast) spares the line-by-line comment scan, about 6% of the YAML
    // parse time on a generated corpus.
    if !source.text.contains("sopmap:") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pending: Vec<(Span, &str)> = Vec::new();
    let mut scanner = Scanner::default();
    for line_no in 1..=source.line_count() {
        let Some(start) = source.line_start(line_no) else { continue };
        let line = source.line_text(line_no);
        let found = scanner.comment(line);
        let code_before = found.map_or(line, |c| line.get(..c).unwrap_or(""));
        let own_line = code_before.trim().is_empty();
        // An own-line comment waits for the next line holding code.
        if !own_line || (found.is_none() && !line.trim().is_empty()) {
            for (span, body) in pending.drain(..) {
                out.push(comment(span, body, Reach::Line(line_no)));
            }
        }
        let Some(col) = found else { continue };
        let text = line.get(col..).unwrap_or("");
        let span = Span::new(start + col, start + line.len());
        if own_line {
            pending.push((span, text));
        } else {
            out.push(comment(span, text, Reach::Line(line_no)));
        }
    }
    // Own-line comments at the end of the file cover nothing; keep them so
    // that they are reported as unused (or as file-level ones).
    for (span, body) in pending.drain(..) {
        out.push(comment(span, body, Reach::Line(source.line_count() + 1)));
    }
    out.retain(|c| !matches!(c, Comment::Malformed { message, .. } if message.en.is_empty()));
    out
}

/// Parses one comment (`text` starts with `#`, `span` covers it). Comments
/// not addressed to sopmap come back as `Malformed` with an empty message
/// and are dropped by the caller.
fn comment(span: Span, text: &str, line_scope: Reach) -> Comment {
    let not_ours = Comment::Malformed { span, message: msg!("" / "") };
    let body = text.trim_start_matches('#').trim_start();
    let Some(rest) = body.strip_prefix("sopmap:") else { return not_ours };
    let rest = rest.trim_start();
    let (scope, after) = if let Some(r) = rest.strip_prefix("ignore-file") {
        (Reach::File, r)
    } else if let Some(r) = rest.strip_prefix("ignore") {
        (line_scope, r)
    } else {
        return Comment::Malformed {
            span,
            message: msg!(
                "komentar `sopmap:` tidak dikenal; seharusnya `ignore[ATURAN, …]` atau `ignore-file[ATURAN, …]`"
                    / "unknown `sopmap:` comment; expected `ignore[RULE, …]` or `ignore-file[RULE, …]`"
            ),
        };
    };
    let Some(inner) = after.strip_prefix('[') else {
        return Comment::Malformed {
            span,
            message: msg!(
                "penonaktifan `sopmap:` harus mencantumkan aturannya di dalam kurung siku, misalnya `ignore[dead-end]`"
                    / "a `sopmap:` suppression must list its rules in brackets, e.g. `ignore[dead-end]`"
            ),
        };
    };
    let Some(close) = inner.find(']') else {
        return Comment::Malformed {
            span,
            message: msg!(
                "tanda `]` pada penonaktifan `sopmap:` tidak ada"
                    / "missing `]` in `sopmap:` suppression"
            ),
        };
    };
    let list = inner.get(..close).unwrap_or("");
    // Byte offset of `list` within the source.
    let list_start = span.start + (text.len() - inner.len());
    let mut entries = Vec::new();
    let mut offset = 0;
    for part in list.split(',') {
        let lead = part.len() - part.trim_start().len();
        let name = part.trim();
        if !name.is_empty() {
            let s = list_start + offset + lead;
            entries.push(Listed {
                text: name.to_string(),
                span: Span::new(s, s + name.len()),
                rule: rule_id::find(name).map(|r| r.code),
            });
        }
        offset += part.len() + 1;
    }
    if entries.is_empty() {
        return Comment::Malformed {
            span,
            message: msg!(
                "penonaktifan `sopmap:` kosong; sebutkan aturannya, misalnya `ignore[dead-end]`"
                    / "empty `sopmap:` suppression; name the rules, e.g. `ignore[dead-end]`"
            ),
        };
    }
    Comment::Suppression { scope, entries }
}

/// Tracks quoted and block scalars across lines to tell comments from text.
#[derive(Default)]
struct Scanner {
    /// Inside a quoted scalar that spans lines: its quote character.
    quote: Option<char>,
    /// Inside a block scalar: the indentation of the line that opened it.
    block_parent_indent: Option<usize>,
}

impl Scanner {
    /// The byte column of the `#` that starts a comment on `line`, if any.
    fn comment(&mut self, line: &str) -> Option<usize> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = self.block_parent_indent {
            if line.trim().is_empty() || indent > parent {
                return None;
            }
            self.block_parent_indent = None;
        }
        let mut prev: Option<char> = None;
        // The last character before the current one that is not a space.
        let mut prev_token: Option<char> = None;
        let mut chars = line.char_indices().peekable();
        let mut found = None;
        while let Some((i, c)) = chars.next() {
            match self.quote {
                Some('"') => match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => self.quote = None,
                    _ => {}
                },
                Some(_) => {
                    if c == '\'' {
                        if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                            chars.next();
                        } else {
                            self.quote = None;
                        }
                    }
                }
                None => match c {
                    '#' if prev.is_none_or(char::is_whitespace) => {
                        found = Some(i);
                        break;
                    }
                    // A quote opens a quoted scalar only where a value
                    // starts; inside a plain scalar it is an ordinary
                    // character (and ` #` there does start a comment).
                    '"' | '\'' if prev_token.is_none_or(|p| ":-[{,?".contains(p)) => {
                        self.quote = Some(c);
                    }
                    _ => {}
                },
            }
            prev = Some(c);
            if !c.is_whitespace() {
                prev_token = Some(c);
            }
        }
        let code = found.map_or(line, |c| line.get(..c).unwrap_or("")).trim_end();
        if self.quote.is_none() && opens_block_scalar(code) {
            self.block_parent_indent = Some(indent);
        }
        found
    }
}

/// Whether a line of code ends with a block scalar header (`|`, `>-`, `|2+` …).
fn opens_block_scalar(code: &str) -> bool {
    let Some(pos) = code.rfind(['|', '>']) else { return false };
    let (before, header) = code.split_at(pos);
    let indicators_ok = header.chars().skip(1).all(|c| c == '+' || c == '-' || c.is_ascii_digit());
    let before = before.trim_end();
    indicators_ok && (before.ends_with(':') || before.ends_with('-') || before.is_empty())
}

/// Drops the findings of `diagnostics` (all of file `file`, levels already
/// applied) that a suppression in `source` covers, and adds
/// `unused-suppression` findings when that rule is on in `levels`.
pub fn apply(
    source: &SourceFile,
    file: FileId,
    levels: &Levels,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let comments = parse(source);
    if comments.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = comments
        .iter()
        .map(|c| match c {
            Comment::Suppression { entries, .. } => vec![false; entries.len()],
            Comment::Malformed { .. } => Vec::new(),
        })
        .collect();
    // Comments by the line they cover, so a file with many findings and
    // many comments costs a lookup per finding, not a scan of all comments.
    let mut by_line: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut file_wide: Vec<usize> = Vec::new();
    for (i, c) in comments.iter().enumerate() {
        match c {
            Comment::Suppression { scope: Reach::File, .. } => file_wide.push(i),
            Comment::Suppression { scope: Reach::Line(l), .. } => {
                by_line.entry(*l).or_default().push(i);
            }
            Comment::Malformed { .. } => {}
        }
    }
    diagnostics.retain(|d| {
        if d.file != file || !rule_id::can_silence(d.code) {
            return true;
        }
        let line = source.line_col(d.span.start).line;
        let on_line = by_line.get(&line).map_or(&[][..], Vec::as_slice);
        let mut keep = true;
        for &i in file_wide.iter().chain(on_line) {
            let (Some(Comment::Suppression { entries, .. }), Some(flags)) =
                (comments.get(i), used.get_mut(i))
            else {
                continue;
            };
            for (e, flag) in entries.iter().zip(flags.iter_mut()) {
                if e.rule == Some(d.code) {
                    *flag = true;
                    keep = false;
                }
            }
        }
        keep
    });
    let Some(severity) = levels.of(rule_id::UNUSED_SUPPRESSION.code).severity() else { return };
    let rule = &rule_id::UNUSED_SUPPRESSION;
    let names = rule_id::ALL.iter().flat_map(|r| [r.code, r.name]);
    for (c, flags) in comments.iter().zip(&used) {
        match c {
            Comment::Malformed { span, message } => {
                diagnostics.push(Diagnostic::new(rule, file, *span, message.clone()).help(msg!(
                    "tulis `# sopmap: ignore[dead-end]` atau `# sopmap: ignore-file[SOP205]`"
                        / "write `# sopmap: ignore[dead-end]` or `# sopmap: ignore-file[SOP205]`"
                )));
            }
            Comment::Suppression { scope, entries } => {
                for (e, &was_used) in entries.iter().zip(flags) {
                    let d = match e.rule {
                        None => Diagnostic::new(
                            rule,
                            file,
                            e.span,
                            msg!(
                                "aturan `{}` pada penonaktifan tidak dikenal"
                                    / "unknown rule `{}` in suppression",
                                e.text
                            ),
                        )
                        .help(
                            suggest::meant(&e.text, names.clone()).unwrap_or_else(|| {
                                msg!(
                                    "jalankan `sopmap rules` untuk melihat daftar aturan"
                                        / "run `sopmap rules` to list the rules"
                                )
                            }),
                        ),
                        Some(code) if !rule_id::can_silence(code) => Diagnostic::new(
                            rule,
                            file,
                            e.span,
                            msg!(
                                "`{}` tidak dapat dibungkam: berkas yang tidak dapat dibaca sama sekali tidak diperiksa"
                                    / "`{}` cannot be suppressed: a file that does not parse is not checked at all",
                                e.text
                            ),
                        )
                        .help(msg!(
                            "perbaiki kesalahan YAML-nya; `sopmap check` menunjukkan letaknya"
                                / "fix the YAML error instead; `sopmap check` shows where it is"
                        )),
                        Some(_) if was_used => continue,
                        Some(code) => {
                            let name = rule_id::find(code).map_or(code, |r| r.name);
                            let where_ = match scope {
                                Reach::File => msg!("di berkas ini" / "in this file"),
                                Reach::Line(l) if *l > source.line_count() => msg!(
                                    "(tidak ada baris setelah komentar ini)"
                                        / "(no line follows the comment)"
                                ),
                                Reach::Line(l) => msg!("pada baris {l}" / "on line {l}"),
                            };
                            let off = if levels.of(code) == Level::Off {
                                msg!(" (aturan ini nonaktif)" / " (the rule is off)")
                            } else {
                                msg!("" / "")
                            };
                            Diagnostic::new(
                                rule,
                                file,
                                e.span,
                                msg!(
                                    "penonaktifan tidak terpakai: tidak ada temuan `{}` {}{}"
                                        / "unused suppression: no `{}` finding {}{}",
                                    name,
                                    where_,
                                    off
                                ),
                            )
                            .help(msg!("hapus dari komentar" / "remove it from the comment"))
                        }
                    };
                    let mut d = d;
                    d.severity = severity;
                    diagnostics.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(text: &str) -> Vec<(Reach, Vec<String>)> {
        parse(&SourceFile::new("t.yaml", text))
            .into_iter()
            .filter_map(|c| match c {
                Comment::Suppression { scope, entries } => {
                    Some((scope, entries.into_iter().map(|e| e.text).collect()))
                }
                Comment::Malformed { .. } => None,
            })
            .collect()
    }

    #[test]
    fn trailing_comment_covers_its_line_and_own_line_comment_the_next_code_line() {
        let text = "a: 1  # sopmap: ignore[dead-end]\n# sopmap: ignore[SOP205, unused-actor]\n\n# other\nb: 2\n";
        assert_eq!(
            scopes(text),
            vec![
                (Reach::Line(1), vec!["dead-end".to_string()]),
                (Reach::Line(5), vec!["SOP205".to_string(), "unused-actor".to_string()]),
            ]
        );
    }

    #[test]
    fn hash_inside_quotes_and_block_scalars_is_not_a_comment() {
        let text = "a: \"x # sopmap: ignore[dead-end]\"\nb: 'it''s # sopmap: ignore[dead-end]'\nc: |\n  # sopmap: ignore[dead-end]\nd: x#sopmap: ignore[dead-end]\ne: \"multi\n  # sopmap: ignore[dead-end]\"\n";
        assert_eq!(scopes(text), vec![]);
    }

    #[test]
    fn a_quote_inside_a_plain_scalar_does_not_open_a_string() {
        let text = "a: Kata \"kutip di tengah  # sopmap: ignore[dead-end]\nb: 1 # sopmap: ignore[SOP101]\n";
        assert_eq!(
            scopes(text),
            vec![
                (Reach::Line(1), vec!["dead-end".to_string()]),
                (Reach::Line(2), vec!["SOP101".to_string()]),
            ]
        );
    }

    #[test]
    fn file_level_and_entry_spans() {
        let text = "# sopmap: ignore-file[ dead-end ,nope]\n";
        let src = SourceFile::new("t.yaml", text);
        let comments = parse(&src);
        let Some(Comment::Suppression { scope, entries }) = comments.first() else {
            panic!("{comments:?}")
        };
        assert_eq!(*scope, Reach::File);
        assert_eq!(src.slice(entries[0].span), "dead-end");
        assert_eq!(src.slice(entries[1].span), "nope");
        assert!(entries[1].rule.is_none());
    }

    #[test]
    fn malformed_sopmap_comment_is_kept() {
        let src = SourceFile::new("t.yaml", "a: 1 # sopmap: ignore dead-end\n");
        assert!(matches!(parse(&src).as_slice(), [Comment::Malformed { .. }]));
    }
}
