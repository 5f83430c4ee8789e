//! The YAML layer: the only module that knows serde-saphyr.
//!
//! It turns source text into a positioned [`Node`] tree (every key and value
//! keeps its byte span) or a positioned [`SyntaxError`]. Everything above it
//! (schema lowering, rules, renderers) works on [`Node`]s, so swapping the
//! YAML crate touches this file only. It enforces the parse budget that
//! protects against alias bombs and pathological nesting.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, Location, Options, Spanned};

use crate::lang::{Lang, YamlSlipWords};
use crate::source::Span;

mod slip;

pub use slip::{Kind as SlipKind, Slip};

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
    /// The YAML type as messages name it, in both languages.
    pub fn type_text(&self) -> crate::diagnostic::Text {
        match self {
            Value::Null => crate::msg!("nilai kosong (null)" / "null"),
            Value::Bool(_) => crate::msg!("nilai boolean" / "a boolean"),
            Value::Int(_) => crate::msg!("bilangan bulat" / "an integer"),
            Value::Float(_) => crate::msg!("bilangan" / "a number"),
            Value::Str(_) => crate::msg!("teks" / "a string"),
            Value::Seq(_) => crate::msg!("daftar" / "a list"),
            Value::Map(_) => crate::msg!("pemetaan" / "a mapping"),
        }
    }

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
    /// The message in English (configuration errors print it as is).
    pub message: String,
    pub help: Option<String>,
    /// Whether the parse stopped at a size or alias-expansion limit.
    pub alias_limit: bool,
    /// The slip found in the source, when one explains the error.
    pub slip: Option<Box<Slip>>,
}

impl SyntaxError {
    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match (&self.slip, lang) {
            (Some(s), _) => s.message(lang),
            (None, _) if self.message.starts_with("this file holds more than one") => {
                YamlSlipWords::of(lang).several_documents.to_string()
            }
            (None, Lang::En) => self.message.clone(),
            (None, Lang::Id) => format!("{} ({})", YamlSlipWords::of(lang).parser, self.message),
        }
    }

    /// The help line in `lang`.
    pub fn help_in(&self, lang: Lang) -> String {
        match &self.slip {
            Some(s) => s.help(lang),
            None if self.message.starts_with("this file holds more than one") => {
                YamlSlipWords::of(lang).several_documents_help.to_string()
            }
            None => YamlSlipWords::of(lang).parser_help.to_string(),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses `text` (one YAML document) into a [`Node`] tree.
///
/// An empty document (or one holding only comments) parses as a `Null`
/// node, so the caller can say "the file is empty" in its own words.
pub fn parse(text: &str, limits: Limits) -> Result<Node, SyntaxError> {
    parse_with_alias_allowance(text, limits, limits.max_nodes / 2)
}

/// [`parse`] with at most `allowance` events replayed through aliases
/// (fewer than the per-file limit when a run-wide budget is running out:
/// see [`crate::check`]). An error caused by the allowance says so.
pub fn parse_with_alias_allowance(
    text: &str,
    limits: Limits,
    allowance: usize,
) -> Result<Node, SyntaxError> {
    let per_file = limits.max_nodes / 2;
    let allowance = allowance.min(per_file);
    let mut options = Options::default();
    let mut budget = Budget::default();
    budget.max_nodes = limits.max_nodes;
    budget.max_depth = limits.max_depth;
    budget.max_events = limits.max_events;
    budget.max_documents = 1;
    options.budget = Some(budget);
    // Alias replay has its own limit: half the node limit (1,000,000 events
    // by default, serde-saphyr's own default), so `--max-yaml-nodes` raises
    // it too. Every replayed event can become a node in memory, which is
    // why it is not the larger event limit.
    options.alias_limits.max_total_replayed_events = allowance;
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
        Err(err) => {
            let mut e = syntax_error(&err, text, limits);
            if e.alias_limit && allowance < per_file {
                e.message = format!(
                    "the YAML expands too far through aliases for what is left of this run's \
                     alias budget ({allowance} of {per_file} replayed events: earlier files \
                     used the rest); check this file on its own, or raise `--max-yaml-nodes`"
                );
            }
            Err(e)
        }
    }
}

/// How many nodes `node` holds (itself included): what a parse that
/// succeeded cost, for the run-wide alias budget.
pub fn count_nodes(node: &Node) -> usize {
    let mut count = 0;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        count += 1;
        match &n.value {
            Value::Seq(items) => stack.extend(items.iter()),
            Value::Map(entries) => stack.extend(entries.iter().flat_map(|(k, v)| [k, v])),
            _ => {}
        }
    }
    count
}

fn syntax_error(err: &serde_saphyr::Error, text: &str, limits: Limits) -> SyntaxError {
    let span = err
        .location()
        .map(|loc| span_of(&loc, text))
        .unwrap_or_else(|| Span::new(text.len(), text.len()));
    let raw = clean_message(&err.without_snippet().to_string());
    // A slip explains the parser's own words; an error `friendly` already
    // names (a limit, a recursive alias, a tag) is not a slip of the pen.
    let named = friendly(&raw, limits) != raw && !raw.starts_with("tabs disallowed");
    if !named && !raw.starts_with("budget breached") && !raw.starts_with("recursion limit") {
        let line = text.get(..span.start).map_or(0, |t| t.matches('\n').count()) + 1;
        if let Some(slip) = slip::find(text, line) {
            return SyntaxError {
                span: slip.span,
                message: slip.message(Lang::En),
                help: Some(slip.help(Lang::En)),
                alias_limit: false,
                slip: Some(Box::new(slip)),
            };
        }
    }
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
        let help = Some("YAML indents with spaces only: replace the tab with spaces".to_string());
        return SyntaxError {
            span,
            message: friendly(&raw, limits),
            help,
            alias_limit: false,
            slip: None,
        };
    }
    let message = friendly(&raw, limits);
    let alias_limit = message == too_large(limits);
    SyntaxError { span, message, help: None, alias_limit, slip: None }
}

/// Rewrites the parser's budget and limit messages in the user's terms.
fn friendly(raw: &str, limits: Limits) -> String {
    let Some(rest) = raw.strip_prefix("budget breached: ") else {
        if raw.starts_with("tabs disallowed") {
            return "a tab indents this line; YAML indents with spaces only".to_string();
        }
        if raw.contains("recursive references") {
            return "an alias (`*name`) is used inside its own anchor (`&name`): the value \
                    would contain itself forever; a SOP cannot hold recursive YAML"
                .to_string();
        }
        if raw.contains("tagged scalar") || raw.contains("tagged") && raw.contains("deserialize") {
            return "a YAML tag (such as `!!timestamp` or `!!binary`) is not supported here; \
                    remove the tag and write the value as plain text"
                .to_string();
        }
        if raw.starts_with("alias replay") {
            return too_large(limits);
        }
        if raw.starts_with("recursion limit exceeded") {
            // The scanner's own fixed limit (flow `[`/`{` nesting), which
            // can be lower than `max_depth`: naming a number would mislead.
            return "the YAML is nested too deeply (lists and mappings nest past the \
                    parser's limit)"
                .to_string();
        }
        return raw.to_string();
    };
    let kind = rest.split([' ', '{']).next().unwrap_or("");
    match kind {
        "Documents" => "this file holds more than one YAML document (`---`); \
                        a SOP file holds exactly one"
            .to_string(),
        "Depth" => format!(
            "the YAML is nested too deeply (more than {} levels of lists and mappings)",
            limits.max_depth
        ),
        k if ["Events", "Nodes", "Alias", "Anchor", "Replay", "Expansion"]
            .iter()
            .any(|w| k.contains(w)) =>
        {
            too_large(limits)
        }
        "ScalarBytes" => "the text values of this YAML add up to more than 64 MiB; \
                          a SOP is far smaller: is this the right file?"
            .to_string(),
        "CommentBytes" => "the comments of this YAML add up to more than the parser allows; \
                           a SOP is far smaller: is this the right file?"
            .to_string(),
        // A limit added by a later parser version: named, never shown in
        // Rust's debug notation.
        other => format!(
            "the YAML exceeds a parser limit ({}); a SOP is far smaller: is this the right file?",
            other.chars().filter(|c| c.is_alphanumeric()).collect::<String>()
        ),
    }
}

fn too_large(limits: Limits) -> String {
    format!(
        "the YAML is too large or expands too far through aliases (limit: {} nodes, \
         {} parser events); raise the limit with `--max-yaml-nodes` if the file is genuine",
        limits.max_nodes, limits.max_events
    )
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
