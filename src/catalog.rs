//! The catalogue: every SOP loaded in one run, indexed by its `id`, with
//! the links between SOPs (`sub_sop` steps and `related` entries) and each
//! SOP's time budget. The cross-SOP rules (`Check::Corpus`) and the
//! `list`/`graph` commands read it; [`check_corpus`] runs those rules after
//! the per-file checks.
//!
//! Entries are ordered by id, then by load order, so every listing is
//! deterministic. When two files declare the same id, the index keeps the
//! first one loaded (duplicate-sop-id reports both).
//!
//! A run may load SOPs only so that links resolve (the files beside a file
//! checked on its own): [`Scope::reported`] says whose findings are shown.

use std::collections::BTreeMap;

use crate::check::Checked;
use crate::diagnostic::{Diagnostic, FileId};
use crate::graph::ProcessGraph;
use crate::model::{Level, Relation, Sop, StepKind};
use crate::rules::{self, Check, CorpusContext, Levels};
use crate::source::{SourceFile, Span};
use crate::timing::{self, Timing};

/// One loaded SOP.
#[derive(Debug)]
pub struct Entry<'a> {
    pub file: FileId,
    pub source: &'a SourceFile,
    pub sop: &'a Sop,
    pub graph: &'a ProcessGraph,
    /// Its time budget (`None` without a start or a reachable end).
    pub timing: Option<Timing>,
}

impl Entry<'_> {
    pub fn id(&self) -> &str {
        self.sop.id_str()
    }

    pub fn level(&self) -> Option<Level> {
        self.sop.level.as_ref().map(|l| l.value)
    }

    /// The `related` entry naming `id` with `relation`, if any.
    pub fn lists(&self, id: &str, relation: Relation) -> bool {
        self.sop.related.iter().any(|r| {
            r.sop.as_ref().is_some_and(|s| s.value == id)
                && r.relation.as_ref().is_some_and(|k| k.value == relation)
        })
    }
}

/// How a SOP names another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    /// A makro step detailed by the target (`sub_sop`).
    SubSop,
    /// A `related` entry (Keterkaitan) with this relation (`None` when the
    /// relation is missing or invalid).
    Related(Option<Relation>),
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::SubSop => "sub_sop",
            LinkKind::Related(Some(r)) => r.as_str(),
            LinkKind::Related(None) => "related",
        }
    }
}

/// One reference from a SOP to another SOP id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    /// The id as written.
    pub target: String,
    /// The span of the id as written.
    pub span: Span,
    /// Marked `external: true` (lives outside the corpus).
    pub external: bool,
    /// The step, for `sub_sop` links.
    pub step: Option<usize>,
}

/// Every SOP of a run.
#[derive(Debug)]
pub struct Catalog<'a> {
    entries: Vec<Entry<'a>>,
    index: BTreeMap<&'a str, usize>,
    /// The run's workday length in minutes (a SOP's own `workday:` wins).
    pub workday_minutes: u64,
}

impl<'a> Catalog<'a> {
    /// Builds the catalogue from checked files (`checked[i]` is the result
    /// of `sources[i]`). SOPs without an id are left out; the schema check
    /// has reported them. `workday_minutes` is the run's workday length.
    pub fn build(
        sources: &'a [SourceFile],
        checked: &'a [Checked],
        workday_minutes: u64,
    ) -> Catalog<'a> {
        Catalog::build_with_jobs(sources, checked, workday_minutes, crate::check::default_jobs())
    }

    /// [`Catalog::build`] with the time analysis of the SOPs spread over
    /// `jobs` threads (it is the costliest part, and the rest of a check
    /// already runs in parallel). The result does not depend on `jobs`.
    pub fn build_with_jobs(
        sources: &'a [SourceFile],
        checked: &'a [Checked],
        workday_minutes: u64,
        jobs: usize,
    ) -> Catalog<'a> {
        let timings =
            crate::check::parallel_map(checked, jobs, |_, c| timing_of(c, workday_minutes));
        Catalog::with_timings(sources, checked, timings, workday_minutes)
    }

    /// [`Catalog::build`] with each SOP's time budget already known
    /// (`timings[i]` is [`timing_of`] `checked[i]`): the language server
    /// keeps them between edits and recomputes only the edited file's.
    pub fn with_timings(
        sources: &'a [SourceFile],
        checked: &'a [Checked],
        timings: Vec<Option<Timing>>,
        workday_minutes: u64,
    ) -> Catalog<'a> {
        let mut entries: Vec<Entry<'a>> = Vec::new();
        for (file, ((source, c), timing)) in sources.iter().zip(checked).zip(timings).enumerate() {
            let (Some(sop), Some(graph)) = (&c.sop, &c.graph) else { continue };
            if sop.id.is_none() {
                continue;
            }
            entries.push(Entry { file, source, sop, graph, timing });
        }
        entries.sort_by(|a, b| a.id().cmp(b.id()).then(a.file.cmp(&b.file)));
        let mut index = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            index.entry(e.sop.id_str()).or_insert(i);
        }
        Catalog { entries, index, workday_minutes }
    }

    /// Every entry, by id then load order.
    pub fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The position of the SOP with this id (its first definition).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The SOP with this id (its first definition).
    pub fn get(&self, id: &str) -> Option<&Entry<'a>> {
        self.position(id).and_then(|i| self.entries.get(i))
    }

    /// The entry of a file, if it holds a SOP with an id.
    pub fn of_file(&self, file: FileId) -> Option<&Entry<'a>> {
        self.entries.iter().find(|e| e.file == file)
    }

    /// Every distinct id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.index.keys().copied()
    }

    /// Whether `entry` is the first definition of its id.
    pub fn is_canonical(&self, entry: usize) -> bool {
        self.entries.get(entry).and_then(|e| self.position(e.id())) == Some(entry)
    }
}

/// The time budget of a checked file as the catalogue keeps it (`None`
/// for a file without a SOP id, a start or a reachable end).
pub fn timing_of(checked: &Checked, workday_minutes: u64) -> Option<Timing> {
    match (&checked.sop, &checked.graph) {
        (Some(sop), Some(graph)) if sop.id.is_some() => {
            timing::analyze(sop, graph, workday_minutes)
        }
        _ => None,
    }
}

/// The links of one SOP: its `sub_sop` process steps in row order, then its
/// `related` entries that name an id, in the order written.
pub fn links(sop: &Sop) -> Vec<Link> {
    let mut out: Vec<Link> = sop
        .steps
        .iter()
        .enumerate()
        // `sub_sop` belongs on process steps; elsewhere misplaced-key has
        // reported it, and it is no link.
        .filter(|(_, s)| {
            !matches!(s.kind(), Some(StepKind::Start | StepKind::Decision | StepKind::End))
        })
        .filter_map(|(i, s)| {
            s.sub_sop.as_ref().map(|t| Link {
                kind: LinkKind::SubSop,
                target: t.value.clone(),
                span: t.span,
                external: false,
                step: Some(i),
            })
        })
        .collect();
    out.extend(sop.related.iter().filter_map(|r| {
        r.sop.as_ref().map(|t| Link {
            kind: LinkKind::Related(r.relation.as_ref().map(|k| k.value)),
            target: t.value.clone(),
            span: t.span,
            external: r.external,
            step: None,
        })
    }));
    out
}

/// Which files of the run are shown, and how the SOPs were loaded.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// Per file: its findings are reported. Files loaded only so that
    /// links resolve are `false`.
    pub reported: Vec<bool>,
    /// Per file: it has no real file name (standard input), so the file
    /// name is not checked against the id.
    pub unnamed: Vec<bool>,
    /// Only some SOPs were loaded (single files or standard input rather
    /// than whole folders): unknown-sop then says how to load the rest.
    pub partial: bool,
}

impl Scope {
    /// Every one of `files` reported and named, whole folders loaded.
    pub fn all(files: usize) -> Scope {
        Scope { reported: vec![true; files], unnamed: vec![false; files], partial: false }
    }

    pub fn is_reported(&self, file: FileId) -> bool {
        self.reported.get(file).copied().unwrap_or(false)
    }

    pub fn is_unnamed(&self, file: FileId) -> bool {
        self.unnamed.get(file).copied().unwrap_or(false)
    }
}

/// Runs every cross-SOP rule over the catalogue. Findings in files that are
/// not reported are dropped, and each file's rule levels (per-path
/// overrides) are applied.
pub fn check_corpus<'s>(
    catalog: &Catalog<'_>,
    scope: &Scope,
    levels_for: impl Fn(FileId) -> &'s Levels,
) -> Vec<Diagnostic> {
    let cx = CorpusContext { catalog, scope };
    let mut out = Vec::new();
    for rule in rules::RULES {
        if let Check::Corpus(check) = rule.check {
            check(&cx, &mut out);
        }
    }
    out.retain_mut(|d| {
        if !scope.is_reported(d.file) {
            return false;
        }
        match levels_for(d.file).of(d.code).severity() {
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        }
    });
    out
}

/// Applies each file's inline suppressions (`# sopmap: ignore[…]`) to its
/// findings from both passes at once, so a suppression of a cross-SOP rule
/// works and is not reported as unused. `files` are the files whose
/// findings are reported; the result is unsorted.
pub fn apply_suppressions<'s>(
    sources: &[SourceFile],
    files: impl IntoIterator<Item = FileId>,
    diagnostics: Vec<Diagnostic>,
    levels_for: impl Fn(FileId) -> &'s Levels,
) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<FileId, Vec<Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        by_file.entry(d.file).or_default().push(d);
    }
    for file in files {
        if let Some(src) = sources.get(file) {
            let group = by_file.entry(file).or_default();
            crate::suppression::apply(src, file, levels_for(file), group);
        }
    }
    by_file.into_values().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_files};

    fn sop(id: &str, level: &str, extra: &str) -> String {
        format!(
            "schema: sop-ap/1\nid: {id}\nlevel: {level}\ntype: administratif\n{extra}actors:\n  - id: a\n    name: A\nsteps:\n  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: selesai}}\n  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}\n"
        )
    }

    #[test]
    fn indexes_by_id_in_a_stable_order() {
        let sources = vec![
            SourceFile::new("z.yaml", sop("zeta", "mikro", "")),
            SourceFile::new("a.yaml", sop("alpha", "mikro", "")),
            SourceFile::new("b.yaml", sop("alpha", "makro", "")),
        ];
        let settings = Settings::default();
        let checked = check_files(&sources, |_| &settings);
        let cat = Catalog::build(&sources, &checked, 480);
        let order: Vec<(&str, FileId)> = cat.entries().iter().map(|e| (e.id(), e.file)).collect();
        assert_eq!(order, [("alpha", 1), ("alpha", 2), ("zeta", 0)]);
        assert_eq!(cat.get("alpha").map(|e| e.file), Some(1));
        assert!(cat.is_canonical(0) && !cat.is_canonical(1));
        assert_eq!(cat.ids().collect::<Vec<_>>(), ["alpha", "zeta"]);
        assert_eq!(
            cat.get("zeta").and_then(|e| e.timing.as_ref()).map(|t| t.worst.work_minutes),
            Some(120)
        );
    }

    #[test]
    fn links_list_sub_sop_then_related() {
        let extra = "related:\n  - {sop: x, relation: child}\n  - {title: Luar, relation: related, external: true}\n  - {sop: y, relation: parent, external: true}\n";
        let src = SourceFile::new("m.yaml", sop("m", "makro", extra));
        let settings = Settings::default();
        let checked = check_files(std::slice::from_ref(&src), |_| &settings);
        let model = checked[0].sop.as_ref().unwrap();
        let l = links(model);
        let got: Vec<(&str, &str, bool)> =
            l.iter().map(|k| (k.kind.as_str(), k.target.as_str(), k.external)).collect();
        assert_eq!(got, [("child", "x", false), ("parent", "y", true)]);
    }
}
