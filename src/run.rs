//! One check run, the single entry point every command goes through: the
//! sources (already read: reading files is the caller's I/O, and an editor
//! passes unsaved buffers), each with its settings, go in; the SOPs, the
//! catalogue and every finding come out, per file and across SOPs, with
//! rule levels applied, inline suppressions applied and sorted.
//!
//! A run is built in steps because the files a cross-SOP rule needs are
//! only known once the inputs are checked: [`Run::add_inputs`] checks the
//! files whose findings are reported, [`Run::missing_targets`] says which
//! linked SOP ids no loaded SOP declares, [`Run::add_neighbours`] checks the
//! files the caller found for them (their own findings are not reported),
//! and [`Run::finish`] runs the cross-SOP rules and settles the verdict.
//! [`check`] does all of that for sources that need nothing looked up.
//!
//! Memory: each file is parsed, lowered, checked and timed on a worker
//! thread, and only the catalogue summary ([`crate::catalog::Entry`]) and
//! the findings are kept, unless [`Keep::Models`] asks for the full model
//! and process graph of the reported files (the renderers need them).
//! With [`Keep::Summaries`], the text of a file with no finding of its own
//! and no `sopmap:` comment is dropped as well: only a cross-SOP finding
//! (or a label of one) can still point into it, and
//! [`Outcome::texts_needed`] lists those files so that the caller reads
//! them again ([`Outcome::restore_text`]) before reporting. A caller that
//! adds its inputs in batches so keeps in memory only the texts a report
//! may show (docs/performance.md).

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{self, Catalogue, Entry, Scope, links};
use crate::check::{self, Settings};
use crate::diagnostic::{self, Diagnostic, FileId, Severity};
use crate::graph::ProcessGraph;
use crate::model::Sop;
use crate::rules::{self, Check, CorpusContext};
use crate::source::SourceFile;
use crate::suppression;
use crate::timing::{self, Timing};

/// One file given to a run.
#[derive(Debug)]
pub struct Input {
    pub source: SourceFile,
    /// The settings for this file (configuration overrides applied).
    pub settings: Settings,
    /// It has no real file name (standard input, an unsaved buffer), so
    /// its name is not compared with its id.
    pub unnamed: bool,
}

impl Input {
    /// A named file with these settings.
    pub fn new(source: SourceFile, settings: Settings) -> Input {
        Input { source, settings, unnamed: false }
    }
}

/// What a run keeps of each reported file's model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// Only the catalogue summary: enough for findings, `list` and `graph`.
    #[default]
    Summaries,
    /// The full model, process graph and time budget of every reported
    /// file, for commands that render or time them.
    Models,
}

/// How a run works (not what it judges: that is each file's [`Settings`]).
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Threads checking files in parallel; the result does not depend on it.
    pub jobs: usize,
    pub keep: Keep,
    /// Run the cross-SOP rules. Off only where a SOP is judged on its own,
    /// away from its folder (`diff` compares two versions of one file,
    /// one of them perhaps from git history, where links cannot resolve).
    pub cross_sop: bool,
}

impl Options {
    /// The default options keeping `keep`.
    pub fn keeping(keep: Keep) -> Options {
        Options { keep, ..Options::default() }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options { jobs: check::default_jobs(), keep: Keep::Summaries, cross_sop: true }
    }
}

/// A file's full model, kept with [`Keep::Models`].
#[derive(Debug)]
pub struct Model {
    pub sop: Sop,
    pub graph: ProcessGraph,
    /// Its time budget (`None` without a start or a reachable end).
    pub timing: Option<Timing>,
}

/// A file as checked.
#[derive(Debug)]
struct File {
    settings: Settings,
    unnamed: bool,
    reported: bool,
    /// Findings of the per-file checks, levels applied, not yet suppressed.
    diagnostics: Vec<Diagnostic>,
    /// The text was dropped after the check (see the module documentation).
    text_dropped: bool,
    /// The catalogue summary, when the file holds a SOP mapping.
    entry: Option<Entry>,
    model: Option<Model>,
}

/// A run being assembled (see the module documentation).
#[derive(Debug)]
pub struct Run {
    options: Options,
    sources: Vec<SourceFile>,
    files: Vec<File>,
    /// One budget of alias expansion for every file of the run.
    aliases: check::AliasBudget,
}

impl Run {
    pub fn new(options: Options) -> Run {
        Run {
            options,
            sources: Vec::new(),
            files: Vec::new(),
            aliases: check::AliasBudget::default(),
        }
    }

    /// Checks files whose findings are reported, in parallel.
    pub fn add_inputs(&mut self, inputs: Vec<Input>) {
        self.add(inputs, true);
    }

    /// Checks files loaded only so that links resolve: their SOPs join the
    /// catalogue, their own findings are not reported.
    pub fn add_neighbours(&mut self, inputs: Vec<Input>) {
        self.add(inputs, false);
    }

    fn add(&mut self, inputs: Vec<Input>, reported: bool) {
        let first = self.sources.len();
        let keep = self.options.keep == Keep::Models && reported;
        let checked = check::map_within_budget(
            &inputs,
            |input| input.source.text.as_str(),
            self.options.jobs,
            &self.aliases,
            |i, input, budget| check_one(input, first + i, keep, reported, budget),
        );
        for (input, mut file) in inputs.into_iter().zip(checked) {
            // Nothing of this file's own will be shown, and it has no
            // suppression comment: its text is read again only if a
            // cross-SOP finding points into it.
            let drop_text = self.options.keep == Keep::Summaries
                && !input.unnamed
                && file.diagnostics.is_empty()
                && !input.source.text.contains("sopmap:");
            if drop_text {
                file.text_dropped = true;
                self.sources.push(SourceFile::new(input.source.path, String::new()));
            } else {
                self.sources.push(input.source);
            }
            self.files.push(file);
        }
    }

    /// How many files have been added.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Ids named by non-external links that no loaded SOP declares, sorted;
    /// only plain ids, which can name a file (`<id>.yaml`).
    pub fn missing_targets(&self) -> BTreeSet<String> {
        let sops = || self.files.iter().filter_map(|f| f.entry.as_ref()).map(|e| &e.sop);
        let have: BTreeSet<&str> =
            sops().filter_map(|s| s.id.as_ref()).map(|i| i.value.as_str()).collect();
        sops()
            .flat_map(links)
            .filter(|l| !l.external && !have.contains(l.target.as_str()))
            .map(|l| l.target)
            .filter(|t| {
                !t.is_empty()
                    && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .collect()
    }

    /// Runs the cross-SOP rules and settles every finding. `partial` says
    /// that only some SOPs of the folders were given (single files rather
    /// than whole folders): unknown-sop then says how to load the rest.
    pub fn finish(self, partial: bool) -> Outcome {
        let Run { sources, files, options, .. } = self;
        let mut unreadable = BTreeMap::new();
        for (file, (f, source)) in files.iter().zip(&sources).enumerate() {
            if f.entry.is_none() {
                for id in catalog::likely_ids(&source.path, &source.text) {
                    unreadable.entry(id).or_insert_with(|| (file, source.path.clone()));
                }
            }
        }
        let scope = Scope {
            reported: files.iter().map(|f| f.reported).collect(),
            unnamed: files.iter().map(|f| f.unnamed).collect(),
            partial,
            unreadable,
        };
        let dropped: Vec<bool> = files.iter().map(|f| f.text_dropped).collect();
        let mut models = Vec::with_capacity(files.len());
        let mut per_file = Vec::with_capacity(files.len());
        let mut entries = Vec::with_capacity(files.len());
        let mut unlisted = BTreeMap::new();
        for f in files {
            models.push(f.model);
            per_file.push((f.settings, f.diagnostics));
            // A SOP without an id cannot be linked to; the schema check
            // has reported it, and listings still show it.
            match f.entry {
                Some(e) if e.sop.id.is_some() => entries.push(e),
                Some(e) => {
                    unlisted.insert(e.file, e);
                }
                None => {}
            }
        }
        let catalogue = Catalogue::new(entries);

        // Cross-SOP findings join their file's own, so that one pass of
        // levels and suppressions sees both (a suppression of a cross-SOP
        // rule then works and is not reported as unused).
        let corpus =
            if options.cross_sop { cross_sop_findings(&catalogue, &scope) } else { Vec::new() };
        for d in corpus {
            if let Some((_, own)) = per_file.get_mut(d.file) {
                own.push(d);
            }
        }
        let workday_minutes: Vec<u64> = per_file.iter().map(|(s, _)| s.workday_minutes).collect();
        let mut all: Vec<Diagnostic> = Vec::new();
        for (file, ((settings, mut group), source)) in
            per_file.into_iter().zip(&sources).enumerate()
        {
            if !scope.is_reported(file) {
                continue;
            }
            // A dropped text held no `sopmap:` comment: nothing to apply.
            if dropped.get(file).copied().unwrap_or(false) {
                settings.levels.apply(&mut group);
            } else {
                settle(source, file, &settings, &mut group);
            }
            // Once settled: a suppressed cause leaves its follow-ons on
            // their own. (The language server keeps them apart, so each
            // step keeps its own mark in the editor.)
            diagnostic::fold_follow_ons(&mut group);
            all.append(&mut group);
        }
        diagnostic::sort(&mut all, |f| sources.get(f).map(|s| s.path.clone()).unwrap_or_default());
        Outcome {
            sources,
            models,
            catalogue,
            unlisted,
            diagnostics: all,
            scope,
            workday_minutes,
            dropped,
        }
    }
}

/// The findings of every cross-SOP rule over `catalogue`, unsettled
/// (see [`settle`]). The language server calls it after each edit with
/// the catalogue it keeps.
pub fn cross_sop_findings(catalogue: &Catalogue, scope: &Scope) -> Vec<Diagnostic> {
    let cx = CorpusContext { catalog: catalogue, scope };
    let mut out = Vec::new();
    for rule in rules::RULES {
        if let Check::Corpus(check) = rule.check {
            check(&cx, &mut out);
        }
    }
    out
}

/// Settles the findings of one file (its own and the cross-SOP ones in
/// it): the file's rule levels, then its inline suppressions. Unsorted.
pub fn settle(source: &SourceFile, file: FileId, settings: &Settings, group: &mut Vec<Diagnostic>) {
    settings.levels.apply(group);
    suppression::apply(source, file, &settings.levels, group);
}

/// Parses, lowers, checks and times one file; keeps its model when asked.
fn check_one(
    input: &Input,
    file: FileId,
    keep: bool,
    reported: bool,
    budget: Option<&check::AliasBudget>,
) -> File {
    let checked = check::check_file_within(&input.source, file, &input.settings, budget);
    let mut entry = None;
    let mut model = None;
    if let (Some(sop), Some(graph)) = (checked.sop, checked.graph) {
        let timing = timing::analyze(&sop, &graph, input.settings.workday_minutes);
        let workday = input.settings.workday_minutes;
        entry = Some(Entry::new(file, &input.source.path, &sop, timing.clone(), workday));
        if keep {
            model = Some(Model { sop, graph, timing });
        }
    }
    File {
        settings: input.settings.clone(),
        unnamed: input.unnamed,
        reported,
        diagnostics: checked.diagnostics,
        text_dropped: false,
        entry,
        model,
    }
}

/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    /// Every file of the run: the reported ones first, then the neighbours.
    pub sources: Vec<SourceFile>,
    models: Vec<Option<Model>>,
    pub catalogue: Catalogue,
    /// Summaries of the SOPs without an id, by file.
    unlisted: BTreeMap<FileId, Entry>,
    /// Every finding in a reported file, settled and in report order.
    pub diagnostics: Vec<Diagnostic>,
    pub scope: Scope,
    workday_minutes: Vec<u64>,
    /// Per file: its text was dropped after the check.
    dropped: Vec<bool>,
}

impl Outcome {
    /// How many files are reported (they come first in `sources`).
    pub fn reported(&self) -> usize {
        self.scope.reported.iter().take_while(|r| **r).count()
    }

    /// The full model of a reported file, when the run kept models and the
    /// file holds a SOP mapping.
    pub fn model(&self, file: FileId) -> Option<&Model> {
        self.models.get(file).and_then(Option::as_ref)
    }

    /// Takes the full model of a file out of the outcome.
    pub fn take_model(&mut self, file: FileId) -> Option<Model> {
        self.models.get_mut(file).and_then(Option::take)
    }

    /// The summary of a file's SOP (with or without an id), when the file
    /// holds a SOP mapping.
    pub fn entry(&self, file: FileId) -> Option<&Entry> {
        self.catalogue.of_file(file).or_else(|| self.unlisted.get(&file))
    }

    /// The findings in one file, in report order.
    pub fn diagnostics_of(&self, file: FileId) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.file == file)
    }

    /// `(errors, warnings)` of every file, in one pass over the findings.
    pub fn counts(&self) -> Vec<(usize, usize)> {
        let mut out = vec![(0, 0); self.sources.len()];
        for d in &self.diagnostics {
            if let Some(c) = out.get_mut(d.file) {
                match d.severity {
                    Severity::Error => c.0 += 1,
                    Severity::Warning => c.1 += 1,
                }
            }
        }
        out
    }

    /// Files whose text was dropped but that a finding (or a finding's
    /// label) points into: read them again and [`Outcome::restore_text`]
    /// before reporting. Sorted.
    pub fn texts_needed(&self) -> Vec<FileId> {
        let dropped = |f: FileId| self.dropped.get(f).copied().unwrap_or(false);
        let mut out: BTreeSet<FileId> = BTreeSet::new();
        for d in &self.diagnostics {
            out.extend(std::iter::once(d.file).chain(d.labels.iter().map(|l| l.file)));
        }
        out.into_iter().filter(|&f| dropped(f)).collect()
    }

    /// Gives a file whose text was dropped its text back.
    pub fn restore_text(&mut self, file: FileId, text: String) {
        if let (Some(source), Some(dropped)) =
            (self.sources.get_mut(file), self.dropped.get_mut(file))
            && *dropped
        {
            *source = SourceFile::new(std::mem::take(&mut source.path), text);
            *dropped = false;
        }
    }

    /// The workday (minutes) a file was checked with, before its own
    /// `workday:`.
    pub fn workday_minutes(&self, file: FileId) -> u64 {
        self.workday_minutes.get(file).copied().unwrap_or(Settings::default().workday_minutes)
    }
}

/// A whole run over sources that need nothing looked up.
pub fn check(inputs: Vec<Input>, options: Options) -> Outcome {
    let mut run = Run::new(options);
    run.add_inputs(inputs);
    run.finish(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sop(id: &str, level: &str, extra: &str) -> String {
        format!(
            "schema: sop-ap/1\nid: {id}\nlevel: {level}\ntype: administratif\n{extra}actors:\n  - id: a\n    name: A\nsteps:\n  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: selesai}}\n  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}\n"
        )
    }

    fn inputs(files: &[(&str, String)]) -> Vec<Input> {
        files
            .iter()
            .map(|(p, y)| Input::new(SourceFile::new(*p, y.clone()), Settings::default()))
            .collect()
    }

    #[test]
    fn catalogue_is_indexed_by_id_in_a_stable_order() {
        let out = check(
            inputs(&[
                ("z.yaml", sop("zeta", "mikro", "")),
                ("a.yaml", sop("alpha", "mikro", "")),
                ("b.yaml", sop("alpha", "makro", "")),
            ]),
            Options::default(),
        );
        let cat = &out.catalogue;
        let order: Vec<(&str, FileId)> = cat.entries().iter().map(|e| (e.id(), e.file)).collect();
        assert_eq!(order, [("alpha", 1), ("alpha", 2), ("zeta", 0)]);
        assert_eq!(cat.get("alpha").map(|e| e.file), Some(1));
        assert!(cat.is_canonical(0) && !cat.is_canonical(1));
        assert_eq!(cat.ids().collect::<Vec<_>>(), ["alpha", "zeta"]);
        assert_eq!(
            cat.get("zeta").and_then(|e| e.timing.as_ref()).map(|t| t.worst.work_minutes()),
            Some(120)
        );
        // Summaries only: no model kept.
        assert!(out.model(0).is_none());
    }

    #[test]
    fn cross_sop_findings_are_settled_like_per_file_ones() {
        let extra = "related:\n  - {sop: nowhere, relation: child}\n";
        let out = check(inputs(&[("m.yaml", sop("m", "makro", extra))]), Options::default());
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"SOP105"), "{codes:?}");
        assert!(out.counts()[0].0 > 0);

        // Suppressed inline: gone, and the suppression is not unused.
        let suppressed =
            format!("# sopmap: ignore-file[unknown-sop]\n{}", sop("m", "makro", extra));
        let out = check(inputs(&[("m.yaml", suppressed)]), Options::default());
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        assert!(!codes.contains(&"SOP105") && !codes.contains(&"SOP901"), "{codes:?}");

        // Switched off by the file's settings.
        let mut settings = Settings::default();
        settings.levels.set("SOP105", crate::rule_id::Level::Off);
        let input = Input::new(SourceFile::new("m.yaml", sop("m", "makro", extra)), settings);
        let out = check(vec![input], Options::default());
        assert!(out.diagnostics.iter().all(|d| d.code != "SOP105"));
    }

    #[test]
    fn neighbours_resolve_links_without_being_reported() {
        let extra = "related:\n  - {sop: child, relation: child}\n";
        let mut run = Run::new(Options { jobs: 2, ..Options::keeping(Keep::Models) });
        run.add_inputs(inputs(&[("m.yaml", sop("m", "makro", extra))]));
        assert_eq!(run.missing_targets().into_iter().collect::<Vec<_>>(), ["child"]);
        // The neighbour has its own problem (no `related` back to `m`).
        run.add_neighbours(inputs(&[("child.yaml", sop("child", "mikro", ""))]));
        assert!(run.missing_targets().is_empty());
        let out = run.finish(true);
        assert!(out.diagnostics.iter().all(|d| d.file == 0), "{:?}", out.diagnostics);
        assert!(out.diagnostics.iter().all(|d| d.code != "SOP105"));
        assert_eq!(out.reported(), 1);
        assert!(out.model(0).is_some() && out.model(1).is_none());
    }

    #[test]
    fn clean_texts_are_dropped_and_restored_when_a_cross_sop_finding_needs_them() {
        // Two files declare one id: duplicate-sop-id lands in both, though
        // neither has a finding of its own.
        use crate::rules::testing::{TWO_STEPS, sop_yaml};
        let same = sop_yaml("same", "mikro", "", TWO_STEPS);
        let files = [("a.yaml", same.clone()), ("b.yaml", same)];
        let mut out = check(inputs(&files), Options::default());
        assert!(out.sources.iter().all(|s| s.text.is_empty()));
        assert_eq!(out.texts_needed(), [0, 1]);
        for (f, (_, text)) in files.iter().enumerate() {
            out.restore_text(f, text.clone());
        }
        assert!(out.texts_needed().is_empty());
        assert_eq!(out.sources[1].text, files[1].1);

        // A clean file on its own needs nothing; a kept model keeps its text.
        let clean = sop_yaml("c", "mikro", "", TWO_STEPS);
        let out = check(inputs(&[("c.yaml", clean)]), Options::default());
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert!(out.texts_needed().is_empty());
        let kept =
            check(inputs(&[("c.yaml", sop("c", "mikro", ""))]), Options::keeping(Keep::Models));
        assert!(!kept.sources[0].text.is_empty());
    }

    #[test]
    fn the_result_does_not_depend_on_the_thread_count() {
        let files: Vec<(String, String)> = (0..12)
            .map(|i| (format!("f{i}.yaml"), format!("schema: sop-ap/1\nid: f{i}\nsteps: {i}\n")))
            .collect();
        let files: Vec<(&str, String)> =
            files.iter().map(|(p, y)| (p.as_str(), y.clone())).collect();
        let key = |o: &Outcome| -> Vec<(FileId, usize, &'static str)> {
            o.diagnostics.iter().map(|d| (d.file, d.span.start, d.code)).collect()
        };
        let one = check(inputs(&files), Options { jobs: 1, ..Options::default() });
        let many = check(inputs(&files), Options { jobs: 4, ..Options::default() });
        assert_eq!(key(&one), key(&many));
        assert!(!one.diagnostics.is_empty());
    }
}
