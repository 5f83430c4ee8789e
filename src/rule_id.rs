//! A rule's identity: its stable code, kebab-case name, default level and
//! texts, and the level each rule has in a run ([`Levels`]). This sits low
//! in the stack, beside [`crate::diagnostic`], so that every pass that
//! reports findings (the YAML parser, the schema lowering, suppressions,
//! the configuration) can name a rule without depending on the rule checks
//! in `rules/`, which sit above the model and the graph. The identities
//! themselves are one table ([`table`]); `rules::RULES` pairs each with its
//! check.

use std::str::FromStr;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Bilingual;

mod table;

pub use table::*;

/// Who a rule is: everything about it except how it finds problems.
#[derive(Debug)]
pub struct RuleId {
    /// Stable code, e.g. `SOP205`.
    pub code: &'static str,
    /// Kebab-case name stating the problem, e.g. `dead-end`.
    pub name: &'static str,
    /// Level when no configuration says otherwise.
    pub default_level: Level,
    /// One line for `sopmap rules`, in both languages.
    pub summary: Bilingual,
    /// Markdown for `sopmap explain`, in both languages: `## What it
    /// does`, `## Why is this bad?`, `## Example` in English and `## Yang
    /// diperiksa`, `## Mengapa ini masalah?`, `## Contoh` in Indonesian.
    pub explanation: Bilingual,
}

/// A rule's level as configured: a severity, or switched off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Off,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "off" => Ok(Level::Off),
            "warning" | "warn" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => Err(format!("unknown level `{other}`; expected `error`, `warning` or `off`")),
        }
    }
}

/// Whether findings of this rule may be turned off, downgraded or
/// suppressed by a comment. `invalid-yaml` may not: it means the file was
/// not read and no other rule ran on it, so hiding it would turn a file
/// nobody checked into "no problems found".
pub fn can_silence(code: &str) -> bool {
    code != INVALID_YAML.code
}

/// The rule with this code (`SOP205`, any case) or name (`dead-end`).
pub fn find(code_or_name: &str) -> Option<&'static RuleId> {
    let q = code_or_name.trim();
    ALL.iter().copied().find(|r| r.code.eq_ignore_ascii_case(q) || r.name.eq_ignore_ascii_case(q))
}

/// The position of the rule with this exact code in [`ALL`].
fn index_of(code: &str) -> Option<usize> {
    ALL.iter().position(|r| r.code == code)
}

/// The level of every rule for one run (or one file, after per-path
/// overrides), indexed like [`ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Levels {
    levels: Vec<Level>,
}

impl Default for Levels {
    fn default() -> Self {
        Levels { levels: ALL.iter().map(|r| r.default_level).collect() }
    }
}

impl Levels {
    /// The level of the rule with this code.
    pub fn of(&self, code: &str) -> Level {
        index_of(code).and_then(|i| self.levels.get(i).copied()).unwrap_or(Level::Off)
    }

    pub fn set(&mut self, code: &str, level: Level) {
        if let Some(slot) = index_of(code).and_then(|i| self.levels.get_mut(i)) {
            *slot = level;
        }
    }

    /// Sets each diagnostic's severity from its rule's level and drops the
    /// diagnostics of rules that are off. A finding that means the file was
    /// not read ([`can_silence`]) stays an error whatever the levels say.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|d| match self.of(d.code).severity() {
            _ if !can_silence(d.code) => {
                d.severity = Severity::Error;
                true
            }
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_in_code_order() {
        let codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        let mut names: Vec<&str> = ALL.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }

    /// Both languages of every explanation have the same shape: the
    /// same sections (in their language), the same code blocks, and a
    /// summary and explanation that differ (no copy left untranslated).
    #[test]
    fn every_explanation_is_written_in_both_languages() {
        let shape = |text: &str, lang: &str| -> Vec<String> {
            text.lines()
                .filter(|l| l.starts_with("## ") || l.starts_with("```"))
                .map(|l| match (lang, l) {
                    ("id", "## Yang diperiksa") | ("en", "## What it does") => "does".to_string(),
                    ("id", "## Mengapa ini masalah?") | ("en", "## Why is this bad?") => {
                        "why".to_string()
                    }
                    ("id", "## Contoh") | ("en", "## Example") => "example".to_string(),
                    ("id", "## Yang ditulis sebagai gantinya")
                    | ("en", "## What to write instead") => "instead".to_string(),
                    (_, other) => other.to_string(),
                })
                .collect()
        };
        for r in ALL {
            let (id, en) = (r.explanation.id, r.explanation.en);
            assert_ne!(id, en, "{}: explanation not translated", r.code);
            assert_ne!(r.summary.id, r.summary.en, "{}: summary not translated", r.code);
            let (sid, sen) = (shape(id, "id"), shape(en, "en"));
            assert_eq!(sid, sen, "{}: the two explanations differ in shape", r.code);
            assert!(sen.first().is_some_and(|s| s == "does"), "{}: {sen:?}", r.code);
            assert!(sen.iter().any(|s| s == "why"), "{}", r.code);
        }
    }

    #[test]
    fn finds_by_code_or_name_in_any_case() {
        assert_eq!(find("sop205").map(|r| r.name), Some("dead-end"));
        assert_eq!(find(" Dead-End ").map(|r| r.code), Some("SOP205"));
        assert!(find("nope").is_none());
    }
}
