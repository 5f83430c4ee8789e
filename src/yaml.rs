//! The YAML layer: the only module that knows serde-saphyr.
//!
//! It turns source text into a positioned [`Node`] tree (every key and value
//! keeps its byte span) or a positioned [`SyntaxError`]. Everything above it
//! (schema lowering, rules, renderers) works on [`Node`]s, so swapping the
//! YAML crate touches this file only. It enforces the parse budget that
//! protects against alias bombs and pathological nesting.

use crate::diagnostic::Text;
use crate::msg;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, Location, Options, Spanned};

use crate::source::Span;

/// A YAML value with the span of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
}

/// The YAML data model as sopmap sees it: scalar types are kept as YAML
/// resolved them, so a bare `5` or `yes` can be told from a string.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// The YAML type name used in messages ("expected a string, found a mapping").
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Resource limits for one parse. Defaults stop alias bombs and absurd
/// nesting while leaving room for SOPs far larger than any real one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most YAML nodes (scalars, lists, mappings) in one file.
    pub max_nodes: usize,
    /// Most parser events (alias expansion counts every replayed event).
    pub max_events: usize,
    /// Deepest nesting of lists and mappings.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_nodes: 2_000_000, max_events: 4_000_000, max_depth: 64 }
    }
}

/// A YAML syntax or budget error, positioned where the parser stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: Text,
    pub help: Option<Text>,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

/// Parses `text` (one YAML document) into a [`Node`] tree.
///
/// An empty document (or one holding only comments) parses as a `Null`
/// node, so the caller can say "the file is empty" in its own words.
pub fn parse(text: &str, limits: Limits) -> Result<Node, SyntaxError> {
    let mut options = Options::default();
    let mut budget = Budget::default();
    budget.max_nodes = limits.max_nodes;
    budget.max_depth = limits.max_depth;
    budget.max_events = limits.max_events;
    budget.max_documents = 1;
    options.budget = Some(budget);
    options.with_snippet = false;
    // YAML 1.2 core booleans only: in YAML 1.1 a key or label `n`, `no`,
    // `y` or `on` silently becomes a boolean, a trap for Indonesian labels.
    options.strict_booleans = true;
    // Duplicate keys reach the lowering pass, which reports both places.
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    // `nip: 0123` must stay the text the author wrote.
    options.leading_zero_numbers_as_strings = true;
    LINE_COL_SPANS.with(|c| c.set(false));
    TEXT_LEN.with(|c| c.set(text.len().min(LINE_COL_MARK - 1)));
    match serde_saphyr::from_str_with_options::<Option<RawNode>>(text, options) {
        Ok(Some(RawNode(mut root))) => {
            if LINE_COL_SPANS.with(|c| c.replace(false)) {
                resolve_line_col_spans(&mut root, text);
            }
            Ok(root)
        }
        Ok(None) => Ok(Node { span: Span::new(0, 0), value: Value::Null }),
        Err(err) => Err(syntax_error(&err, text, limits)),
    }
}

fn syntax_error(err: &serde_saphyr::Error, text: &str, limits: Limits) -> SyntaxError {
    let span = err
        .location()
        .map(|loc| span_of(&loc, text))
        .unwrap_or_else(|| Span::new(text.len(), text.len()));
    let raw = clean_message(&err.without_snippet().to_string());
    if raw.contains("tab") {
        // A tab met while reading a plain scalar is placed at the start of
        // that scalar; the author needs to see the tab itself, which is on
        // the scalar's line or the next (a continuation line).
        let window = text.get(span.start..).map(|rest| {
            let mut ends = rest.match_indices('\n').map(|(i, _)| i);
            rest.get(..ends.nth(1).unwrap_or(rest.len())).unwrap_or(rest)
        });
        let tab = window.filter(|_| raw.contains("found a tab")).and_then(|w| w.find('\t'));
        let span = tab.map_or(span, |t| Span::new(span.start + t, span.start + t + 1));
        let help = Some(msg!(
            "YAML hanya memakai spasi untuk indentasi: ganti tab dengan spasi"
                / "YAML indents with spaces only: replace the tab with spaces"
        ));
        return SyntaxError { span, message: friendly(&raw, limits), help };
    }
    SyntaxError { span, message: friendly(&raw, limits), help: None }
}

/// Rewrites the parser's budget and limit messages in the user's terms.
fn friendly(raw: &str, limits: Limits) -> Text {
    let Some(rest) = raw.strip_prefix("budget breached: ") else {
        if raw.starts_with("tabs disallowed") {
            return msg!(
                "baris ini diindentasi dengan tab; YAML hanya memakai spasi untuk indentasi"
                    / "a tab indents this line; YAML indents with spaces only"
            );
        }
        if raw.starts_with("recursion limit exceeded") {
            // The scanner's own fixed limit (flow `[`/`{` nesting), which
            // can be lower than `max_depth`: naming a number would mislead.
            return msg!(
                "YAML bersarang terlalu dalam (daftar dan pemetaan melampaui batas pengurai)"
                    / "the YAML is nested too deeply (lists and mappings nest past the \
                    parser's limit)"
            );
        }
        // The parser's own words (English); yamlerr rewrites the common slips.
        return msg!("kesalahan penulisan YAML: {raw}" / "{raw}");
    };
    let kind = rest.split([' ', '{']).next().unwrap_or("");
    match kind {
        "Documents" => msg!(
            "berkas ini berisi lebih dari satu dokumen YAML (`---`); satu berkas SOP berisi tepat satu dokumen"
                / "this file holds more than one YAML document (`---`); \
                        a SOP file holds exactly one"
        ),
        "Depth" => msg!(
            "YAML bersarang terlalu dalam (lebih dari {} tingkat daftar dan pemetaan)"
                / "the YAML is nested too deeply (more than {} levels of lists and mappings)",
            limits.max_depth
        ),
        k if ["Events", "Nodes", "Alias", "Anchor", "Replay", "Expansion"]
            .iter()
            .any(|w| k.contains(w)) =>
        {
            msg!(
                "YAML terlalu besar atau berkembang terlalu jauh melalui alias (batas: {} simpul, {} peristiwa pengurai); naikkan batasnya dengan `--max-yaml-nodes` bila berkas ini memang benar"
                    / "the YAML is too large or expands too far through aliases (limit: {} nodes, \
             {} parser events); raise the limit with `--max-yaml-nodes` if the file is genuine",
                limits.max_nodes,
                limits.max_events
            )
        }
        _ => {
            let rest = rest.trim();
            msg!(
                "YAML melampaui batas pengurai ({rest})"
                    / "the YAML exceeds a parser limit ({rest})"
            )
        }
    }
}

/// serde-saphyr appends " at line L column C" to its messages; sopmap prints
/// positions itself, so the suffix would only repeat them.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let trimmed = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    trimmed.trim_start_matches("error: ").to_string()
}

/// Converts a serde-saphyr location into a byte span of `text`, falling back
/// to line and column when the byte offset is not known.
fn span_of(loc: &Location, text: &str) -> Span {
    let sp = loc.span();
    match (sp.byte_offset(), sp.byte_len()) {
        (Some(off), Some(len)) => {
            let start = usize::try_from(off).unwrap_or(usize::MAX).min(text.len());
            let end = start.saturating_add(usize::try_from(len).unwrap_or(0)).min(text.len());
            Span::new(start, end)
        }
        _ => {
            let start = offset_of_line_col(text, loc.line(), loc.column());
            Span::new(start, start)
        }
    }
}

fn offset_of_line_col(text: &str, line: u64, column: u64) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if (i as u64) + 1 == line {
            let col = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
            return offset + l.char_indices().nth(col).map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// A node whose location had no byte offset (serde-saphyr gives byte
/// offsets for text input, so this is a fallback) keeps its line and column
/// in its span, marked by a start at or above this value, until
/// [`resolve_line_col_spans`] turns them into bytes.
const LINE_COL_MARK: usize = usize::MAX / 2;

thread_local! {
    /// The length of the text being parsed on this thread, to clamp spans.
    static TEXT_LEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Set while a parse on this thread produced a line-and-column span.
    static LINE_COL_SPANS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The byte span of a serde-saphyr location, or a marked line-and-column
/// span when the location has no byte offset.
fn span_of_node(loc: &Location) -> Span {
    let sp = loc.span();
    match (sp.byte_offset(), sp.byte_len()) {
        (Some(off), Some(len)) => {
            let text_len = TEXT_LEN.with(std::cell::Cell::get);
            let start = usize::try_from(off).unwrap_or(usize::MAX).min(text_len);
            let end = start.saturating_add(usize::try_from(len).unwrap_or(0)).min(text_len);
            Span::new(start, end)
        }
        _ => {
            LINE_COL_SPANS.with(|c| c.set(true));
            let line = usize::try_from(loc.line()).unwrap_or(0).min(LINE_COL_MARK);
            Span::new(LINE_COL_MARK + line, usize::try_from(loc.column()).unwrap_or(0))
        }
    }
}

/// Turns every marked line-and-column span of the tree into a byte span of
/// `text`.
fn resolve_line_col_spans(node: &mut Node, text: &str) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.span.start >= LINE_COL_MARK {
            let line = (n.span.start - LINE_COL_MARK) as u64;
            let start = offset_of_line_col(text, line, n.span.end as u64);
            n.span = Span::new(start, start);
        }
        match &mut n.value {
            Value::Seq(items) => stack.extend(items.iter_mut()),
            Value::Map(entries) => {
                for (k, v) in entries.iter_mut() {
                    stack.push(k);
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
}

/// A [`Node`] as serde-saphyr hands it over: its value wrapped in
/// `Spanned` for the location, converted to a byte span on the spot, so
/// the tree is built once, with no intermediate copy.
struct RawNode(Node);

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<RawValue>::deserialize(deserializer)?;
        Ok(RawNode(Node { span: span_of_node(&spanned.referenced), value: spanned.value.0 }))
    }
}

/// The value of a [`RawNode`].
struct RawValue(Value);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor).map(RawValue)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        RawValue::deserialize(d).map(|v| v.0)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(RawNode(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(RawNode(key)) = map.next_key()? {
            let RawNode(value) = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}
