//! The SARIF 2.1.0 format for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` lists every rule of the registry (so
//! `ruleIndex` is the rule's position in [`RULES`] and viewers can show the
//! explanation of any finding); each result carries its rule id and index,
//! level, message, a repo-relative `artifactLocation.uri` and a region whose
//! `endColumn` is the column just after the region. Secondary labels become
//! `relatedLocations`. Typed serde structs, so field order and output are
//! fixed and the JSON is never assembled by hand.

use std::io::{self, Write};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::report::Report;
use crate::rule_id::Level;
use crate::rule_id::{ALL as RULES, RuleId as Rule};
use crate::source::{SourceFile, Span};

/// The schema GitHub's documentation names for SARIF 2.1.0.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Columns count characters (Unicode code points), like every other
    /// sopmap format.
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
    full_description: OwnedText,
    help: Help<'a>,
    default_configuration: Configuration,
    properties: DescriptorProperties<'a>,
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties<'a> {
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        // A rule that is off by default is reported as an error once a
        // user selects it (see `--select`).
        Level::Error | Level::Off => "error",
        Level::Warning => "warning",
    }
}

fn descriptor(rule: &'static Rule, lang: Lang) -> Descriptor<'static> {
    let explanation = rule.explanation.get(lang);
    Descriptor {
        id: rule.code,
        name: rule.name,
        short_description: Text { text: rule.summary.get(lang) },
        full_description: OwnedText { text: full_description(rule, lang) },
        help: Help { text: explanation, markdown: explanation },
        default_configuration: Configuration {
            enabled: rule.default_level != Level::Off,
            level: sarif_level(rule.default_level),
        },
        properties: DescriptorProperties { tags: vec!["sop-ap", rule.name] },
    }
}

/// The "What it does" ("Yang diperiksa") paragraph of the explanation on
/// one line, or the summary when the explanation has no such section.
fn full_description(rule: &Rule, lang: Lang) -> String {
    let heading = match lang {
        Lang::Id => "## Yang diperiksa",
        Lang::En => "## What it does",
    };
    let body = rule
        .explanation
        .get(lang)
        .split_once(heading)
        .map(|(_, rest)| rest.trim_start())
        .and_then(|rest| rest.split("\n\n").next())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    if body.is_empty() { rule.summary.get(lang).to_string() } else { body }
}

/// Characters left as they are in a URI path: RFC 3986 unreserved plus `/`.
const PATH: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// The artifact URI of a displayed path: relative paths stay relative
/// (repo-relative when sopmap runs at the repository root, as in CI) with
/// `/` separators; absolute paths become `file://` URIs.
pub fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let encoded = utf8_percent_encode(path, PATH).to_string();
    if path.starts_with('/') { format!("file://{encoded}") } else { encoded }
}

fn location(src: &SourceFile, span: Span, id: Option<usize>, message: Option<&str>) -> Location {
    let start = src.line_col(span.start);
    let end = src.line_col(span.end);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: artifact_uri(&src.path) },
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            },
        },
        message: message.map(|m| Message { text: m.to_string() }),
    }
}

fn result(report: &Report<'_>, d: &Diagnostic) -> Option<SarifResult> {
    let src = report.source(d)?;
    let rule_index = RULES.iter().position(|r| r.code == d.code)?;
    let text = report.message_with_help(d);
    let mut related_locations: Vec<Location> = d
        .labels
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let lsrc = report.sources.get(l.file)?;
            Some(location(lsrc, l.span, Some(i + 1), Some(report.text(&l.message))))
        })
        .collect();
    // Follow-ons are places this finding explains: related locations
    // whose message names their rule.
    for f in &d.follow_ons {
        let Some(fsrc) = report.sources.get(f.file) else { continue };
        let text = format!("{} {}: {}", f.code, f.name, report.text(&f.message));
        let id = related_locations.len() + 1;
        related_locations.push(location(fsrc, f.span, Some(id), Some(&text)));
    }
    Some(SarifResult {
        rule_id: d.code,
        rule_index,
        level: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Message { text },
        locations: vec![location(src, d.span, None, None)],
        related_locations,
    })
}

/// Writes one SARIF log holding `diagnostics` (already sorted).
pub fn write(
    report: &Report<'_>,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    let information_uri = option_env!("CARGO_PKG_REPOSITORY").filter(|s| !s.is_empty());
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "sopmap",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri,
                    rules: RULES.iter().map(|r| descriptor(r, report.lang)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: diagnostics.iter().filter_map(|d| result(report, d)).collect(),
        }],
    };
    // Serialised first, so a closed pipe surfaces as the io::Error it is
    // (serde_json would wrap it and hide its kind from the CLI).
    let text = serde_json::to_string_pretty(&log).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_slashes_and_encoded() {
        assert_eq!(artifact_uri("./sops/a b.yaml"), "sops/a%20b.yaml");
        assert_eq!(artifact_uri("sops\\x.yaml"), "sops/x.yaml");
        assert_eq!(artifact_uri("/tmp/x.yaml"), "file:///tmp/x.yaml");
        assert_eq!(artifact_uri("sops/pelindungan#1.yaml"), "sops/pelindungan%231.yaml");
    }
}
