//! Plain-words diagnosis of the YAML slips policy writers make: a tab or a
//! word processor's space in the indentation, a colon or a typographic
//! quote in unquoted text, an unclosed quote, a missing space after `-` or
//! `:`, a line indented one space off, a list under a key that already has
//! a value, text pasted with a leading `>`, and the like.
//!
//! The parser reports where it gave up, in its own words, often lines away
//! from the slip (a tab is reported at the start of the text above it). When
//! a parse fails, [`find`] reads the source once, line by line (linear
//! time, a few words of state), and returns the slip nearest the parser's
//! position, pointing at the character to change, with what to type.

use crate::lang::{Lang, YamlSlipWords};
use crate::source::Span;

/// What went wrong, with what the message and help need to name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A tab in the indentation.
    Tab,
    /// A space character that is not the ASCII space (no-break space, …).
    OddSpace,
    /// A typographic quote (“ ” ‘ ’) where YAML expects `"` or `'`.
    SmartQuote,
    /// `key: text: more` – a colon and a space inside unquoted text.
    Colon,
    /// A quote opened and never closed.
    UnclosedQuote,
    /// Text after the closing quote (`"Periksa" berkas`, `'Jum'at'`).
    TextAfterQuote,
    /// `-item` instead of `- item`.
    NoSpaceAfterDash,
    /// `key:value` instead of `key: value`.
    NoSpaceAfterColon,
    /// `key:` followed by a word processor's space (no-break space, …)
    /// instead of a plain one.
    OddSpaceAfterColon,
    /// A line in a mapping with no `key:` at all.
    MissingColon,
    /// Indented deeper than the line above, which opens no block.
    Deeper,
    /// Lined up with no line above; `want` gives the nearest columns.
    Misaligned,
    /// A list under a key that already has a value on its line.
    ValueThenList,
    /// A line starting with `>` (pasted from an e-mail quote).
    PastedQuoteMark,
    /// Text after `|` or `>` on the key's line.
    TextAfterBlockMark,
    /// A value starting with a character YAML reserves (`@`, backtick, `*`, `&`, `!`, `%`).
    Reserved,
    /// A `[` or `{` never closed.
    UnclosedBracket,
    /// A backslash in double quotes that starts no escape (`"C:\data"`).
    BadEscape,
}

/// A slip found in the source: what, where, and the words around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    pub kind: Kind,
    /// The character (or characters) to change.
    pub span: Span,
    /// The key of the line, when it has one.
    pub key: String,
    /// The text the help shows corrected, or the character at fault.
    pub text: String,
    /// Columns (numbers of spaces) the line could start at.
    pub want: Vec<usize>,
}

impl Slip {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let w = YamlSlipWords::of(lang);
        let t = match self.kind {
            Kind::Tab => w.tab,
            Kind::OddSpace => w.odd_space,
            Kind::SmartQuote => w.smart_quote,
            Kind::Colon => w.colon,
            Kind::UnclosedQuote => w.unclosed_quote,
            Kind::TextAfterQuote => w.text_after_quote,
            Kind::NoSpaceAfterDash => w.no_space_after_dash,
            Kind::NoSpaceAfterColon => w.no_space_after_colon,
            Kind::OddSpaceAfterColon => w.odd_space_after_colon,
            Kind::MissingColon => w.missing_colon,
            Kind::Deeper => w.deeper,
            Kind::Misaligned => w.misaligned,
            Kind::ValueThenList => w.value_then_list,
            Kind::PastedQuoteMark => w.pasted_quote_mark,
            Kind::TextAfterBlockMark => w.text_after_block_mark,
            Kind::Reserved => w.reserved,
            Kind::UnclosedBracket => w.unclosed_bracket,
            Kind::BadEscape => w.bad_escape,
        };
        self.fill(t, lang)
    }

    /// The help line in `lang`: what to type.
    pub fn help(&self, lang: Lang) -> String {
        let w = YamlSlipWords::of(lang);
        let t = match self.kind {
            Kind::Tab => w.tab_help,
            Kind::OddSpace => w.odd_space_help,
            Kind::SmartQuote => w.smart_quote_help,
            Kind::Colon => w.colon_help,
            Kind::UnclosedQuote => w.unclosed_quote_help,
            Kind::TextAfterQuote => w.text_after_quote_help,
            Kind::NoSpaceAfterDash => w.no_space_after_dash_help,
            Kind::NoSpaceAfterColon => w.no_space_after_colon_help,
            Kind::OddSpaceAfterColon => w.odd_space_after_colon_help,
            Kind::MissingColon => w.missing_colon_help,
            Kind::Deeper => w.deeper_help,
            Kind::Misaligned => w.misaligned_help,
            Kind::ValueThenList => w.value_then_list_help,
            Kind::PastedQuoteMark => w.pasted_quote_mark_help,
            Kind::TextAfterBlockMark => w.text_after_block_mark_help,
            Kind::Reserved => w.reserved_help,
            Kind::UnclosedBracket => w.unclosed_bracket_help,
            Kind::BadEscape => w.bad_escape_help,
        };
        self.fill(t, lang)
    }

    fn fill(&self, template: &str, lang: Lang) -> String {
        let or = if lang == Lang::Id { " atau " } else { " or " };
        let want: Vec<String> = self.want.iter().map(ToString::to_string).collect();
        template
            .replace("{key}", &self.key)
            .replace("{text}", &self.text)
            .replace("{want}", &want.join(or))
    }
}

/// Characters a word processor puts where a space belongs.
fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{3000}' | '\u{feff}')
}

fn is_smart_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}'
    )
}

/// Where `: ` (or a colon at the end) first occurs in `s` outside quotes
/// and brackets, before a comment.
fn key_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    if let Some(&q) = b.first().filter(|&&q| q == b'"' || q == b'\'') {
        i = 1 + s.get(1..)?.find(q as char)?;
        i += 1;
    }
    while let Some(&c) = b.get(i) {
        if c == b':' && b.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\t') {
            return Some(i);
        }
        if c == b'#' && i > 0 && b.get(i - 1) == Some(&b' ') {
            return None;
        }
        i += 1;
    }
    None
}

/// The end of a double-quoted text starting at `s[0] == '"'`, and the
/// offset of the first backslash that starts no YAML escape.
fn double_quoted(s: &str) -> (Option<usize>, Option<usize>) {
    let mut bad = None;
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (Some(i), bad),
            '\\' => match chars.next() {
                Some((_, e)) if "0abt\tnvfre \"/\\N_LPxuU".contains(e) => {}
                _ => {
                    bad.get_or_insert(i);
                }
            },
            _ => {}
        }
    }
    (None, bad)
}

/// The end of a single-quoted text starting at `s[0] == '\''` (`''` is a quote inside).
fn single_quoted(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    while let Some(&c) = b.get(i) {
        if c == b'\'' {
            if b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Bracket depth change of `s` outside quotes.
fn bracket_depth(s: &str, mut depth: usize) -> usize {
    let mut quote = None;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '#') => break,
            _ => {}
        }
    }
    depth
}

/// The scanner's state between lines.
struct Scan {
    /// Columns of the open blocks, innermost last.
    stack: Vec<usize>,
    /// The key column of the line above when it opened a block (`key:`, `-`).
    open: Option<usize>,
    /// The line above ended in a plain text that may continue.
    plain: bool,
    /// The key and value of the line above.
    prev_key: String,
    prev_value: String,
    /// The key column of the line above, when it had a key.
    prev_col: Option<usize>,
    /// Lines of a `|` or `>` text: deeper than this column.
    block: Option<usize>,
    /// Open brackets, and where the first opened.
    flow: usize,
    flow_start: usize,
}

/// Finds the slip nearest the parser's error line (1-based) in `text`.
pub fn find(text: &str, error_line: usize) -> Option<Slip> {
    let mut scan = Scan {
        stack: vec![0],
        open: None,
        plain: false,
        prev_key: String::new(),
        prev_value: String::new(),
        prev_col: None,
        block: None,
        flow: 0,
        flow_start: 0,
    };
    let mut best: Option<(usize, Slip)> = None;
    let mut offer = |line: usize, slip: Slip| {
        if line > error_line + 2 {
            return;
        }
        let dist = error_line.abs_diff(line);
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, slip));
        }
    };
    let mut start = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        if let Some(slip) = scan.line(line, start) {
            offer(n + 1, slip);
        }
        start += raw.len();
    }
    if scan.flow > 0 {
        let s = scan.flow_start;
        let c = text.get(s..).and_then(|r| r.chars().next()).unwrap_or('[');
        let close = if c == '{' { "}" } else { "]" };
        let line = text.get(..s).map_or(0, |t| t.matches('\n').count()) + 1;
        let slip = Slip {
            kind: Kind::UnclosedBracket,
            span: Span::new(s, s + 1),
            key: c.to_string(),
            text: close.to_string(),
            want: Vec::new(),
        };
        // The parser gives up at the end of the file: the opening is the place.
        best = match best {
            Some((d, b)) if d == 0 && b.kind != Kind::UnclosedBracket => Some((d, b)),
            _ => Some((error_line.abs_diff(line), slip)),
        };
    }
    best.map(|(_, s)| s)
}

fn slip(kind: Kind, start: usize, len: usize, key: &str, text: &str) -> Slip {
    Slip {
        kind,
        span: Span::new(start, start + len),
        key: key.to_string(),
        text: text.to_string(),
        want: Vec::new(),
    }
}

impl Scan {
    /// Reads one line (without its line break) that starts at byte `at`.
    fn line(&mut self, line: &str, at: usize) -> Option<Slip> {
        // Indentation: tabs and word-processor spaces.
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        let mut odd = None;
        for (i, c) in line.char_indices() {
            if c == '\t' && i < lead {
                return Some(slip(Kind::Tab, at + i, 1, "", ""));
            }
            if c != ' ' && c != '\t' {
                if is_odd_space(c) {
                    odd = Some((i, c.len_utf8()));
                }
                break;
            }
        }
        if let Some((i, len)) = odd {
            return Some(slip(Kind::OddSpace, at + i, len, "", ""));
        }
        let ind = lead;
        let rest = line.get(ind..).unwrap_or("");
        if rest.is_empty() || rest.starts_with('#') {
            return None;
        }
        if let Some(b) = self.block {
            if ind > b {
                return None;
            }
            self.block = None;
        }
        if self.flow > 0 {
            self.flow = bracket_depth(rest, self.flow);
            return None;
        }
        if ind == 0 && (rest.starts_with("---") || rest.starts_with("...")) {
            return None;
        }
        if rest.starts_with('>') && !rest.starts_with(">-") {
            return Some(slip(
                Kind::PastedQuoteMark,
                at + ind,
                1,
                "",
                rest.trim_start_matches(['>', ' ']),
            ));
        }
        // List markers.
        let mut col = ind;
        let mut dashes = 0;
        let mut body = rest;
        loop {
            let b = body.as_bytes();
            match (b.first(), b.get(1)) {
                (Some(b'-'), None) => {
                    dashes += 1;
                    col += 1;
                    body = "";
                    break;
                }
                (Some(b'-'), Some(b' ')) => {
                    let spaces =
                        body.get(1..).map_or(0, |r| r.len() - r.trim_start_matches(' ').len());
                    dashes += 1;
                    col += 1 + spaces;
                    body = body.get(1 + spaces..).unwrap_or("");
                }
                (Some(b'-'), Some(c))
                    if c.is_ascii_alphabetic()
                        || *c == b'"'
                        || *c == b'\''
                        || *c == b'{'
                        || *c == b'[' =>
                {
                    let fixed = format!("- {}", body.get(1..).unwrap_or(""));
                    return Some(slip(Kind::NoSpaceAfterDash, at + col, 1, "", &fixed));
                }
                _ => break,
            }
        }
        // `- {id: a, next: b}`: a flow mapping, not a key.
        let colon = if body.starts_with(['{', '[']) { None } else { key_colon(body) };
        let key = colon.and_then(|c| body.get(..c)).unwrap_or("").trim().to_string();
        // Indentation against the blocks above.
        let first = if dashes > 0 { ind } else { col };
        let opened = self.open.take();
        let top = self.stack.last().copied().unwrap_or(0);
        match opened {
            Some(p) if first > p || (first == p && dashes > 0) => {
                if first > top {
                    self.stack.push(first);
                }
            }
            _ if first > top => {
                if dashes == 0 && colon.is_none() && self.plain {
                    // A plain text continued on the next line.
                    return None;
                }
                if dashes > 0 && !self.prev_value.is_empty() {
                    let mut s =
                        slip(Kind::ValueThenList, at + first, 1, &self.prev_key, &self.prev_value);
                    s.want = vec![top];
                    return Some(s);
                }
                let mut s = slip(Kind::Deeper, at + top, first - top, &key, "");
                s.want = vec![top];
                return Some(s);
            }
            _ => {
                let mut above = None;
                while self.stack.last().is_some_and(|&c| c > first) {
                    above = self.stack.pop();
                }
                let below = self.stack.last().copied().unwrap_or(0);
                if dashes > 0
                    && below == first
                    && self.prev_col == Some(first)
                    && !self.prev_value.is_empty()
                {
                    let mut s =
                        slip(Kind::ValueThenList, at + first, 1, &self.prev_key, &self.prev_value);
                    s.want = vec![first];
                    return Some(s);
                }
                if below != first {
                    let mut s = slip(Kind::Misaligned, at, first, &key, "");
                    s.want = std::iter::once(below).chain(above).collect();
                    if first < below || s.want.len() == 1 {
                        s.span = Span::new(at + below.min(first), at + below.max(first));
                    }
                    return Some(s);
                }
            }
        }
        if dashes > 0 && colon.is_some() && self.stack.last() != Some(&col) {
            self.stack.push(col);
        }
        self.plain = false;
        self.prev_key.clear();
        self.prev_value.clear();
        self.prev_col = colon.map(|_| col);
        let Some(c) = colon else {
            if dashes > 0 {
                if body.is_empty() {
                    self.open = Some(ind);
                    return None;
                }
                return self.value(body, at + col, "", col);
            }
            // No `key:` on a line of a mapping.
            let word = body.split([' ', ':']).next().unwrap_or(body);
            if let Some(after) = body.strip_prefix(word).and_then(|r| r.strip_prefix(':')) {
                if let Some(odd) = after.chars().next().filter(|&c| is_odd_space(c)) {
                    let fixed = format!("{word}: {}", after.trim_start_matches(is_odd_space));
                    return Some(slip(
                        Kind::OddSpaceAfterColon,
                        at + col + word.len() + 1,
                        odd.len_utf8(),
                        word,
                        &fixed,
                    ));
                }
                let fixed = format!("{word}: {after}");
                return Some(slip(
                    Kind::NoSpaceAfterColon,
                    at + col + word.len() + 1,
                    after.chars().next().map_or(0, char::len_utf8),
                    word,
                    &fixed,
                ));
            }
            let fixed = format!("{word}: {}", body.get(word.len()..).unwrap_or("").trim());
            return Some(slip(Kind::MissingColon, at + col + word.len(), 0, word, &fixed));
        };
        self.prev_key = key.clone();
        if body.starts_with(is_smart_quote) {
            return Some(slip(
                Kind::SmartQuote,
                at + col,
                body.chars().next().map_or(1, char::len_utf8),
                &key,
                "",
            ));
        }
        let after = body.get(c + 1..).unwrap_or("");
        let vstart = c + 1 + (after.len() - after.trim_start().len());
        let value = body.get(vstart..).unwrap_or("").trim_end();
        if value.is_empty() || value.starts_with('#') {
            self.open = Some(col);
            return None;
        }
        self.value(value, at + col + vstart, &key, col)
    }

    /// Checks a value (or a list item's text) starting at byte `at`.
    fn value(&mut self, v: &str, at: usize, key: &str, col: usize) -> Option<Slip> {
        let first = v.chars().next().unwrap_or(' ');
        let fixed = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
        let keyed = |text: String| {
            if key.is_empty() { format!("- {text}") } else { format!("{key}: {text}") }
        };
        if is_smart_quote(first) {
            let inner: String = v.chars().filter(|c| !is_smart_quote(*c)).collect();
            return Some(slip(Kind::SmartQuote, at, first.len_utf8(), key, &keyed(fixed(&inner))));
        }
        match first {
            '"' => {
                let (end, bad) = double_quoted(v);
                if let Some(b) = bad {
                    let single = format!(
                        "'{}'",
                        v.get(1..end.unwrap_or(v.len())).unwrap_or("").replace('\'', "''")
                    );
                    return Some(slip(Kind::BadEscape, at + b, 1, key, &keyed(single)));
                }
                let Some(end) = end else {
                    return Some(slip(Kind::UnclosedQuote, at, 1, key, &keyed(format!("{v}\""))));
                };
                return self.after_quote(v, end, at, key);
            }
            '\'' => {
                let Some(end) = single_quoted(v) else {
                    return Some(slip(Kind::UnclosedQuote, at, 1, key, &keyed(format!("{v}'"))));
                };
                return self.after_quote(v, end, at, key);
            }
            '[' | '{' => {
                let depth = bracket_depth(v, 0);
                if depth > 0 {
                    self.flow = depth;
                    self.flow_start = at;
                }
                return None;
            }
            '|' | '>' => {
                let tail = v
                    .trim_start_matches(|c: char| "|>+-".contains(c) || c.is_ascii_digit())
                    .trim_start();
                if !tail.is_empty() && !tail.starts_with('#') {
                    return Some(slip(Kind::TextAfterBlockMark, at, 1, key, &keyed(fixed(tail))));
                }
                self.block = Some(col);
                return None;
            }
            '@' | '`' | '*' | '&' | '!' | '%' => {
                return Some(slip(Kind::Reserved, at, 1, key, &keyed(fixed(v))));
            }
            _ => {}
        }
        if let Some(c) = key_colon(v) {
            return Some(slip(Kind::Colon, at + c, 1, key, &keyed(fixed(v))));
        }
        if let Some(i) = v.find(is_smart_quote) {
            let q = v.get(i..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            let plain: String =
                v.chars().map(|c| if is_smart_quote(c) { '"' } else { c }).collect();
            self.plain = true;
            self.prev_value = v.to_string();
            return (v.contains(": ") || v.ends_with(':'))
                .then(|| slip(Kind::SmartQuote, at + i, q, key, &keyed(fixed(&plain))));
        }
        self.plain = true;
        self.prev_value = v.to_string();
        None
    }

    fn after_quote(&mut self, v: &str, end: usize, at: usize, key: &str) -> Option<Slip> {
        let tail = v.get(end + 1..).unwrap_or("");
        let t = tail.trim_start();
        if t.is_empty() || t.starts_with('#') {
            self.prev_value = v.to_string();
            return None;
        }
        let inner = v.get(1..end).unwrap_or("");
        let quote = v.get(..1).unwrap_or("\"");
        // `'Jum'at'`: the quote in the middle belongs to the text.
        let text = match tail.trim_end().strip_suffix(quote) {
            Some(t) => format!("{inner}{quote}{t}"),
            None => format!("{inner}{tail}"),
        };
        let text = if quote == "'" { text.replace("''", "'") } else { text };
        let whole = format!("\"{}\"", text.replace('"', "\\\""));
        let keyed = if key.is_empty() { format!("- {whole}") } else { format!("{key}: {whole}") };
        Some(slip(Kind::TextAfterQuote, at + end, 1, key, &keyed))
    }
}
