//! Between sopmap's byte spans and the protocol's positions, and from
//! findings to protocol diagnostics. LSP positions count UTF-16 code
//! units by default (UTF-8 bytes when the client offers it, see
//! [`Encoding`]); sopmap counts bytes, so every conversion goes through
//! here. Paths and `file://` URIs are converted here too.

use std::path::{Path, PathBuf};

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location, NumberOrString,
    Position, Range, Uri,
};
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::source::{SourceFile, Span};

/// How the client counts characters in a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default.
    #[default]
    Utf16,
    /// UTF-8 bytes (`positionEncoding: "utf-8"`).
    Utf8,
}

/// The protocol position of byte `offset` (clamped to the text).
pub fn position(source: &SourceFile, offset: usize, enc: Encoding) -> Position {
    let lc = source.line_col(offset);
    let start = source.line_start(lc.line).unwrap_or(0);
    let offset = offset.min(source.text.len()).max(start);
    let prefix = source.text.get(start..offset).unwrap_or("");
    let character = match enc {
        Encoding::Utf16 => prefix.encode_utf16().count(),
        Encoding::Utf8 => prefix.len(),
    };
    Position::new(to_u32(lc.line - 1), to_u32(character))
}

/// The protocol range of `span`.
pub fn range(source: &SourceFile, span: Span, enc: Encoding) -> Range {
    Range::new(position(source, span.start, enc), position(source, span.end, enc))
}

/// The byte offset of a protocol position: clamped to the end of its line
/// (and of the text), and to a character boundary.
pub fn offset(source: &SourceFile, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize + 1;
    let Some(start) = source.line_start(line) else { return source.text.len() };
    let text = source.line_text(line);
    let want = pos.character as usize;
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= want {
            return start + i;
        }
        units += match enc {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        };
    }
    start + text.len()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Characters escaped in a `file://` URI path.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The `file://` URI of an absolute path.
pub fn uri(path: &Path) -> Option<Uri> {
    let p = path.to_string_lossy().replace('\\', "/");
    let p = if p.starts_with('/') { p } else { format!("/{p}") };
    format!("file://{}", utf8_percent_encode(&p, PATH)).parse().ok()
}

/// The path of a `file://` URI (`None` for other schemes).
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file://host/path`: only the local host is ours.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.as_ref()))
}

/// A finding as a protocol diagnostic: the same code, span and message as
/// `sopmap check` in `lang`, the help line appended as `check` prints it
/// (editors show one message), secondary labels as related information.
pub fn diagnostic(
    d: &Diagnostic,
    source: &SourceFile,
    enc: Encoding,
    lang: Lang,
    label_location: impl Fn(&crate::diagnostic::Label) -> Option<Location>,
) -> lsp_types::Diagnostic {
    let help_word = crate::lang::ReportWords::of(lang).help;
    let message = match &d.help {
        Some(help) => format!("{}\n{help_word} {}", d.message.get(lang), help.get(lang)),
        None => d.message.get(lang).to_string(),
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|l| {
            label_location(l).map(|location| DiagnosticRelatedInformation {
                location,
                message: l.message.get(lang).to_string(),
            })
        })
        .collect();
    let unnecessary = matches!(d.name, "unused-actor" | "unused-suppression" | "unreachable-step");
    lsp_types::Diagnostic {
        range: range(source, d.span, enc),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("sopmap".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: unnecessary.then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: Some(serde_json::json!({ "name": d.name })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        let src = SourceFile::new("x", "a: é😀b\nc: d\n");
        let b = src.text.find('b').unwrap();
        let p = position(&src, b, Encoding::Utf16);
        assert_eq!((p.line, p.character), (0, 6));
        assert_eq!(offset(&src, p, Encoding::Utf16), b);
        let p8 = position(&src, b, Encoding::Utf8);
        assert_eq!((p8.line, p8.character), (0, 9));
        assert_eq!(offset(&src, p8, Encoding::Utf8), b);
        assert_eq!(offset(&src, Position::new(1, 99), Encoding::Utf16), src.text.len() - 1);
        assert_eq!(offset(&src, Position::new(9, 0), Encoding::Utf16), src.text.len());
    }

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let p = PathBuf::from("/tmp/sop dir/a#b.yaml");
        let u = uri(&p).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/sop%20dir/a%23b.yaml");
        assert_eq!(path(&u), Some(p));
    }
}
