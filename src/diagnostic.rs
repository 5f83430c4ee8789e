//! Findings as plain data. A [`Diagnostic`] names its rule (code and
//! kebab-case name), its severity, the file and byte span it points at, a
//! message, secondary labels and an optional help line. Reporters turn
//! diagnostics into text; nothing here prints.

use std::cmp::Ordering;
use std::fmt;

use crate::fix::Fix;
use crate::rule_id::RuleId;
use crate::source::Span;

/// Index of a file in the run's list of sources.
pub type FileId = usize;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Advisory; fails the run only with `--deny-warnings` or `--max-warnings`.
    Warning,
    /// The SOP is invalid.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place shown with a finding ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// The one safe fix, when the finding has one (see [`crate::fix`]).
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of `rule` at `span` in `file`, with the rule's default severity.
    pub fn new(rule: &RuleId, file: FileId, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code: rule.code,
            name: rule.name,
            severity: rule.default_level.severity().unwrap_or(Severity::Warning),
            file,
            span,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// Adds a secondary label in the same file.
    #[must_use]
    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label { file: self.file, span, message: message.into() });
        self
    }

    /// Adds a secondary label in another file.
    #[must_use]
    pub fn label_in(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label { file, span, message: message.into() });
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attaches the safe fix.
    #[must_use]
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Attaches a safe fix when there is one.
    #[must_use]
    pub fn maybe_fix(mut self, fix: Option<Fix>) -> Self {
        if fix.is_some() {
            self.fix = fix;
        }
        self
    }

    #[must_use]
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }
}

/// The report order: by file, position, then code, then message, so output
/// is identical from run to run whatever order rules ran in.
pub fn sort(diagnostics: &mut [Diagnostic], path_of: impl Fn(FileId) -> String) {
    diagnostics.sort_by(|a, b| {
        let pa = path_of(a.file);
        let pb = path_of(b.file);
        pa.cmp(&pb)
            .then(a.span.start.cmp(&b.span.start))
            .then(a.code.cmp(b.code))
            .then(a.message.cmp(&b.message))
            .then_with(|| a.span.end.cmp(&b.span.end))
            .then(Ordering::Equal)
    });
}
