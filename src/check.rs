//! Checking one file: parse the YAML, lower it into the model, build the
//! process graph and run the SOP rules. Pure: the caller supplies the text
//! and decides what to do with the findings.

use crate::diagnostic::{Diagnostic, FileId};
use crate::graph::ProcessGraph;
use crate::model::{self, Sop};
use crate::rules::{self, Context, Levels};
use crate::source::SourceFile;
use crate::suppression;
use crate::yaml::{self, Limits};

/// Everything that shapes a check, besides the input.
#[derive(Clone, Debug)]
pub struct Settings {
    pub limits: Limits,
    pub levels: Levels,
    /// Length of a working day in minutes, for time sums (default 8 jam).
    pub workday_minutes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { limits: Limits::default(), levels: Levels::default(), workday_minutes: 8 * 60 }
    }
}

/// The result of checking one file.
#[derive(Debug)]
pub struct Checked {
    /// The model, when the YAML parsed into a mapping.
    pub sop: Option<Sop>,
    pub graph: Option<ProcessGraph>,
    /// Findings with the levels of `Settings` applied, unsorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and checks one source file.
pub fn check_source(source: &SourceFile, file: FileId, settings: &Settings) -> Checked {
    let mut checked = check_source_unsuppressed(source, file, settings);
    suppression::apply(source, file, &settings.levels, &mut checked.diagnostics);
    checked
}

/// [`check_source`] without applying inline suppressions, for runs that
/// add cross-SOP findings first ([`crate::catalog::apply_suppressions`]).
pub fn check_source_unsuppressed(
    source: &SourceFile,
    file: FileId,
    settings: &Settings,
) -> Checked {
    let mut diagnostics = Vec::new();
    let root = match yaml::parse(&source.text, settings.limits) {
        Ok(root) => root,
        Err(e) => {
            let d = Diagnostic::new(&rules::invalid_yaml::RULE, file, e.span, e.message);
            diagnostics.push(match e.help {
                Some(h) => d.help(h),
                None => d,
            });
            settings.levels.apply(&mut diagnostics);
            return Checked { sop: None, graph: None, diagnostics };
        }
    };
    let sop = model::lower(&root, file, &mut diagnostics);
    drop(root);
    let graph = sop.as_ref().map(|sop| {
        let graph = ProcessGraph::build(sop);
        let cx = Context { file, source, sop, graph: &graph };
        rules::run(&cx, &settings.levels, &mut diagnostics);
        graph
    });
    settings.levels.apply(&mut diagnostics);
    Checked { sop, graph, diagnostics }
}

/// Checks every source, each with the settings `settings_for` picks for
/// it (per-path overrides). Results are in the order of `sources`.
pub fn check_files<'a>(
    sources: &[SourceFile],
    settings_for: impl Fn(FileId) -> &'a Settings,
) -> Vec<Checked> {
    sources.iter().enumerate().map(|(id, src)| check_source(src, id, settings_for(id))).collect()
}
