//! Findings as plain data. A [`Diagnostic`] names its rule (code and
//! kebab-case name), its severity, the file and byte span it points at, a
//! message, secondary labels and an optional help line. Reporters turn
//! diagnostics into text; nothing here prints.
//!
//! Every human text of a finding is a [`Text`]: written in both languages
//! where the finding is made (with [`msg!`](crate::msg)), so a reporter
//! prints it in the language of the run and no rule can leave one
//! language out.

use std::cmp::Ordering;
use std::fmt;

use crate::fix::Fix;
use crate::lang::Lang;
use crate::rule_id::RuleId;
use crate::source::Span;

/// A human text in both languages: Indonesian (the default) and English.
/// Built with [`msg!`](crate::msg); printed with [`Text::get`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text {
    pub id: String,
    pub en: String,
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Text {
        Text { id: id.into(), en: en.into() }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }

    /// Applies `f` to both languages (quoting, trimming).
    #[must_use]
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        Text { id: f(&self.id), en: f(&self.en) }
    }
}

/// A value shown inside a [`msg!`] text: a [`Text`] shows the language
/// being written, anything else shows itself.
pub trait InLang {
    fn in_lang(&self, lang: Lang) -> impl fmt::Display + '_;
}

impl<T: fmt::Display + ?Sized> InLang for T {
    fn in_lang(&self, _: Lang) -> impl fmt::Display + '_ {
        self
    }
}

impl InLang for Text {
    fn in_lang(&self, lang: Lang) -> impl fmt::Display + '_ {
        self.get(lang)
    }
}

impl InLang for &Text {
    fn in_lang(&self, lang: Lang) -> impl fmt::Display + '_ {
        self.get(lang)
    }
}

/// A [`Text`] from an Indonesian and an English format string with the
/// same arguments: `msg!("langkah `{id}` tidak dapat dicapai" / "step `{id}`
/// is unreachable")`. Inline `{name}` captures work in both; positional
/// arguments follow the pair, are evaluated once per language (pass plain
/// values) and may be [`Text`]s, which show the matching language.
#[macro_export]
macro_rules! msg {
    ($id:literal / $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::diagnostic::Text::new(
            format!($id $(, $crate::diagnostic::InLang::in_lang(&$arg, $crate::lang::Lang::Id))*),
            format!($en $(, $crate::diagnostic::InLang::in_lang(&$arg, $crate::lang::Lang::En))*),
        )
    };
}

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
    pub message: Text,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    pub message: Text,
    pub labels: Vec<Label>,
    pub help: Option<Text>,
    /// The one safe fix, when the finding has one (see [`crate::fix`]).
    pub fix: Option<Fix>,
    /// Set on a finding that may only be a consequence of another finding
    /// of its file (its cause): [`fold_follow_ons`] moves it under the
    /// cause when the cause is reported too.
    pub follows: Option<FollowOn>,
    /// The findings that follow from this one, in report order (see
    /// [`fold_follow_ons`]). Reports show them under it and the summary
    /// counts them apart, so one mistake counts once.
    pub follow_ons: Vec<Diagnostic>,
}

/// How a finding follows from another one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowOn {
    /// A step left unreachable because every path from the start ends in a
    /// loop without exit or a dead end: the cause is that loop-without-exit
    /// (SOP206) or dead-end (SOP205) finding.
    FlowStopped,
}

impl FollowOn {
    /// Whether a finding with this code can be the cause.
    fn caused_by(self, code: &str) -> bool {
        match self {
            FollowOn::FlowStopped => {
                code == crate::rule_id::LOOP_WITHOUT_EXIT.code
                    || code == crate::rule_id::DEAD_END.code
            }
        }
    }
}

/// Moves every finding of one file that [`Diagnostic::follows`] a cause
/// under that cause, once levels and suppressions have decided which
/// findings are reported. Only a single cause takes follow-ons: with two
/// (a loop without exit and a dead end), which one cut a step off is
/// unclear, and with none reported the follow-ons stand on their own.
/// Linear in the number of findings, plus sorting the follow-ons.
pub fn fold_follow_ons(group: &mut Vec<Diagnostic>) {
    if !group.iter().any(|d| d.follows.is_some()) {
        return;
    }
    let kind = FollowOn::FlowStopped;
    let mut causes =
        group.iter().enumerate().filter(|(_, d)| d.follows.is_none() && kind.caused_by(d.code));
    let (Some((cause, _)), None) = (causes.next(), causes.next()) else { return };
    let mut kept = Vec::with_capacity(group.len());
    let mut folded = Vec::new();
    for (i, d) in std::mem::take(group).into_iter().enumerate() {
        if i != cause && d.follows == Some(FollowOn::FlowStopped) {
            folded.push(d);
        } else {
            kept.push((i, d));
        }
    }
    folded.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code)));
    for (i, mut d) in kept {
        if i == cause {
            d.follow_ons = std::mem::take(&mut folded);
        }
        group.push(d);
    }
}

impl Diagnostic {
    /// A finding of `rule` at `span` in `file`, with the rule's default severity.
    pub fn new(rule: &RuleId, file: FileId, span: Span, message: Text) -> Self {
        Diagnostic {
            code: rule.code,
            name: rule.name,
            severity: rule.default_level.severity().unwrap_or(Severity::Warning),
            file,
            span,
            message,
            labels: Vec::new(),
            help: None,
            fix: None,
            follows: None,
            follow_ons: Vec::new(),
        }
    }

    /// Adds a secondary label in the same file.
    #[must_use]
    pub fn label(mut self, span: Span, message: Text) -> Self {
        self.labels.push(Label { file: self.file, span, message });
        self
    }

    /// Adds a secondary label in another file.
    #[must_use]
    pub fn label_in(mut self, file: FileId, span: Span, message: Text) -> Self {
        self.labels.push(Label { file, span, message });
        self
    }

    #[must_use]
    pub fn help(mut self, help: Text) -> Self {
        self.help = Some(help);
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

    /// Marks the finding as a possible consequence of another (see
    /// [`fold_follow_ons`]).
    #[must_use]
    pub fn follows(mut self, kind: FollowOn) -> Self {
        self.follows = Some(kind);
        self
    }

    #[must_use]
    pub fn maybe_help(mut self, help: Option<Text>) -> Self {
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
