//! The language server's picture of a workspace: every SOP file of the
//! folder (open buffers override the text on disk), each checked on its
//! own and kept, plus each SOP's time budget for the cross-SOP rules.
//!
//! An edit re-checks the edited file only; the cross-SOP rules then run
//! over the catalogue built from the kept results (cheap: links, levels,
//! ids), and only the files whose findings changed are published again:
//! the edited file and the SOPs linked to it, in practice. The findings of
//! a file are computed exactly as `sopmap check` computes them (same
//! rules, levels, suppressions and order); [`Workspace::findings`] is the
//! one place that does it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::catalog::{Catalogue, Entry, Scope};
use crate::check::{Checked, Settings, check_file};
use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, FileId};
use crate::lang::Lang;
use crate::model::Sop;
use crate::source::SourceFile;
use crate::{run, timing};

/// The configuration of a workspace, resolved as `sopmap check` run in
/// the workspace folder resolves it: its `sopmap.yaml` (found by the CLI,
/// in the folder or a parent), the folder that file's globs are relative
/// to, and the language of the messages.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceConfig {
    pub config: Option<Config>,
    /// The folder holding `sopmap.yaml`: its globs match paths relative
    /// to it.
    pub config_dir: PathBuf,
    /// The workspace folder (paths are shown relative to it).
    pub root: PathBuf,
    /// The language of findings and other texts sent to the client.
    pub lang: Lang,
}

impl WorkspaceConfig {
    /// A workspace folder without a configuration.
    pub fn plain(root: PathBuf) -> WorkspaceConfig {
        WorkspaceConfig { config: None, config_dir: root.clone(), root, lang: Lang::default() }
    }

    /// The settings of the file at `path`: the configuration's rules, its
    /// matching overrides, workday and days, as `check` gives them.
    pub fn settings_for(&self, path: &Path) -> Settings {
        let mut s = match &self.config {
            Some(c) => c.settings_for(&Settings::default(), &self.config_relative(path)),
            None => Settings::default(),
        };
        s.lang = self.lang;
        s
    }

    /// Whether the configuration's `exclude` skips the file at `path`.
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.config.as_ref().is_some_and(|c| c.is_excluded(&self.config_relative(path)))
    }

    /// `path` relative to the configuration's folder, with `/` separators.
    fn config_relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.config_dir).unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }

    /// `path` relative to the root with `/` separators, or as given when
    /// it lies outside.
    pub fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }
}

/// One file of the workspace.
#[derive(Debug)]
struct Doc {
    path: PathBuf,
    /// Open in the editor (its text is the buffer's, not the disk's).
    open: bool,
    /// The buffer's version, for published diagnostics.
    version: Option<i32>,
    /// Gone from disk and not open: kept only so file ids stay stable.
    removed: bool,
    /// The last model that lowered, for completion while the buffer is in
    /// the middle of an edit that does not parse.
    last_good: Option<Sop>,
}

/// Every SOP file of a workspace, checked.
#[derive(Debug, Default)]
pub struct Workspace {
    pub config: WorkspaceConfig,
    docs: Vec<Doc>,
    sources: Vec<SourceFile>,
    checked: Vec<Checked>,
    settings: Vec<Settings>,
    /// Each file's catalogue summary (with its time budget), when it holds
    /// a SOP mapping: what the cross-SOP rules read.
    entries: Vec<Option<Entry>>,
    by_path: HashMap<PathBuf, FileId>,
    /// The findings last published per file, to publish only changes.
    published: Vec<Option<Vec<Diagnostic>>>,
    /// Per file, the findings before and after its inline suppressions
    /// were last applied: reused while the text and the findings stay the
    /// same, so an edit does not rescan every file's comments.
    suppressed: Vec<Option<(Vec<Diagnostic>, Vec<Diagnostic>)>>,
}

/// Findings to send for one file.
#[derive(Debug)]
pub struct Publish {
    pub file: FileId,
    pub path: PathBuf,
    pub version: Option<i32>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Workspace {
    /// The language of the messages sent to the editor, as
    /// [`WorkspaceConfig::lang`] resolved it.
    pub fn lang(&self) -> crate::lang::Lang {
        self.config.lang
    }

    /// A workspace over `files` (absolute paths and their text, as read
    /// from the folder), checked here on the calling thread (the server
    /// checks on its workers instead: [`Workspace::prepare`] and
    /// [`Workspace::install`]).
    pub fn new(config: WorkspaceConfig, files: Vec<(PathBuf, String)>) -> Workspace {
        let mut ws = Workspace::empty(config);
        let jobs: Vec<Job> =
            files.into_iter().map(|(path, text)| ws.prepare(&path, text)).collect();
        let done = crate::check::parallel_map(&jobs, crate::check::default_jobs(), |_, job| {
            check_job(&job.source, job.file, &job.settings)
        });
        for (job, (checked, entry)) in jobs.into_iter().zip(done) {
            ws.install(job.file, job.source, None, checked, entry);
        }
        ws
    }

    /// A workspace with no file yet.
    pub fn empty(config: WorkspaceConfig) -> Workspace {
        Workspace { config, ..Workspace::default() }
    }

    /// The file at `path`, if the workspace has it.
    pub fn file(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied().filter(|&f| self.docs.get(f).is_some_and(|d| !d.removed))
    }

    pub fn path(&self, file: FileId) -> Option<&Path> {
        self.docs.get(file).map(|d| d.path.as_path())
    }

    pub fn source(&self, file: FileId) -> Option<&SourceFile> {
        self.sources.get(file)
    }

    /// The model of the current text, if it lowered.
    pub fn sop(&self, file: FileId) -> Option<&Sop> {
        self.checked.get(file).and_then(|c| c.sop.as_ref())
    }

    /// The model of the last text that lowered (for completion).
    pub fn last_good(&self, file: FileId) -> Option<&Sop> {
        self.docs.get(file).and_then(|d| d.last_good.as_ref())
    }

    /// Every live file.
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.docs.iter().enumerate().filter(|(_, d)| !d.removed).map(|(i, _)| i)
    }

    /// The live file holding the SOP with this id (its first, by path).
    pub fn file_of_sop(&self, id: &str) -> Option<FileId> {
        self.files()
            .filter(|&f| self.sop(f).is_some_and(|s| s.id.as_ref().is_some_and(|i| i.value == id)))
            .min_by(|a, b| {
                self.docs.get(*a).map(|d| &d.path).cmp(&self.docs.get(*b).map(|d| &d.path))
            })
    }

    /// Every SOP id in the workspace with its file, sorted by id.
    pub fn sop_ids(&self) -> Vec<(&str, FileId)> {
        let mut ids: Vec<(&str, FileId)> = self
            .files()
            .filter_map(|f| self.sop(f).and_then(|s| s.id.as_ref()).map(|i| (i.value.as_str(), f)))
            .collect();
        ids.sort();
        ids.dedup_by(|a, b| a.0 == b.0);
        ids
    }

    /// Sets the text of `path` (an open buffer, or the disk's after a
    /// change on disk) and re-checks that file alone, on this thread. Adds
    /// the file when it is new. Returns its id.
    pub fn set_text(
        &mut self,
        path: &Path,
        text: String,
        open: Option<(bool, Option<i32>)>,
    ) -> FileId {
        let job = self.prepare(path, text);
        let (checked, entry) = check_job(&job.source, job.file, &job.settings);
        self.install(job.file, job.source, open, checked, entry);
        job.file
    }

    /// What checking `text` as the new text of `path` needs (the file is
    /// added when new, with no text until [`Workspace::install`]): the
    /// check itself ([`check_job`]) may run on another thread.
    pub fn prepare(&mut self, path: &Path, text: String) -> Job {
        let file = match self.by_path.get(path) {
            Some(&f) => f,
            None => {
                let f = self.docs.len();
                let rel = self.config.relative(path);
                self.by_path.insert(path.to_path_buf(), f);
                self.settings.push(self.config.settings_for(path));
                self.docs.push(Doc {
                    path: path.to_path_buf(),
                    open: false,
                    version: None,
                    removed: false,
                    last_good: None,
                });
                self.sources.push(SourceFile::new(rel, String::new()));
                self.checked.push(Checked { sop: None, graph: None, diagnostics: Vec::new() });
                self.entries.push(None);
                self.published.push(None);
                self.suppressed.push(None);
                f
            }
        };
        let settings = self.settings.get(file).cloned().unwrap_or_default();
        Job { file, source: SourceFile::new(self.config.relative(path), text), settings }
    }

    /// Stores the result of checking `source` as the text of `file`;
    /// `open` says whether it is an editor's buffer now, and its version.
    pub fn install(
        &mut self,
        file: FileId,
        source: SourceFile,
        open: Option<(bool, Option<i32>)>,
        checked: Checked,
        entry: Option<Entry>,
    ) {
        if let Some(doc) = self.docs.get_mut(file) {
            doc.removed = false;
            if let Some((open, version)) = open {
                // A file just opened is published even when its findings
                // are those already sent (none, for a clean file): the
                // editor then knows it is checked.
                if open
                    && !doc.open
                    && let Some(slot) = self.published.get_mut(file)
                {
                    *slot = None;
                }
                doc.open = open;
                doc.version = version;
            }
            if checked.sop.is_some() {
                doc.last_good.clone_from(&checked.sop);
            }
        }
        if let Some(slot) = self.sources.get_mut(file) {
            *slot = source;
        }
        if let Some(slot) = self.checked.get_mut(file) {
            *slot = checked;
        }
        if let Some(slot) = self.entries.get_mut(file) {
            *slot = entry;
        }
        if let Some(slot) = self.suppressed.get_mut(file) {
            *slot = None;
        }
    }

    /// Takes a new configuration (`sopmap.yaml` changed): every file gets
    /// its settings again, and everything is published again (the
    /// language may have changed). The caller re-checks the files.
    pub fn reconfigure(&mut self, config: WorkspaceConfig) {
        self.config = config;
        for (doc, slot) in self.docs.iter().zip(self.settings.iter_mut()) {
            *slot = self.config.settings_for(&doc.path);
        }
        for slot in &mut self.published {
            // Published before: publish again even if unchanged, since
            // the language of the same findings may differ now.
            if slot.is_some() {
                *slot = Some(Vec::new());
            }
        }
        for slot in &mut self.suppressed {
            *slot = None;
        }
    }

    /// Whether `file` is open and the workspace has it.
    pub fn has_open(&self, path: &Path) -> bool {
        self.file(path).is_some_and(|f| self.is_open(f))
    }

    /// Whether a buffer at `path` holding `text` is a SOP to check: a file
    /// the workspace already has, a text that declares `sop-ap/`, or an
    /// empty file (a SOP being started). Other YAML the editor opens (CI
    /// workflows, compose files) is left alone.
    pub fn wants(&self, path: &Path, text: &str) -> bool {
        self.file(path).is_some() || text.contains("sop-ap/") || text.trim().is_empty()
    }

    /// The version of `file`'s buffer, when it is open.
    pub fn version(&self, file: FileId) -> Option<i32> {
        self.docs.get(file).filter(|d| d.open).and_then(|d| d.version)
    }

    /// Whether `file` is open in the editor.
    pub fn is_open(&self, file: FileId) -> bool {
        self.docs.get(file).is_some_and(|d| d.open)
    }

    /// Whether a file closed in the editor stays in the workspace with
    /// `disk`, its text on disk (`None` when it is gone): a SOP inside the
    /// workspace folder that the configuration does not exclude. Another
    /// one is [`Workspace::remove`]d (its findings withdrawn at the next
    /// publish).
    pub fn keeps_on_close(&self, path: &Path, disk: Option<&str>) -> bool {
        disk.is_some_and(|text| {
            path.starts_with(&self.config.root)
                && text.contains("sop-ap/")
                && !self.config.is_excluded(path)
        })
    }

    /// The file at `path` is gone (deleted on disk and not open).
    pub fn remove(&mut self, path: &Path) {
        let Some(&file) = self.by_path.get(path) else { return };
        if let Some(doc) = self.docs.get_mut(file) {
            doc.removed = true;
            doc.open = false;
            doc.last_good = None;
        }
        if let Some(slot) = self.checked.get_mut(file) {
            *slot = Checked { sop: None, graph: None, diagnostics: Vec::new() };
        }
        if let Some(slot) = self.entries.get_mut(file) {
            *slot = None;
        }
    }

    /// The findings of every live file, as `sopmap check` over the folder
    /// would report them: per-file findings (kept from each file's last
    /// check), the cross-SOP rules over the catalogue, inline suppressions,
    /// report order. Files are given in id order.
    pub fn findings(&mut self) -> Vec<Vec<Diagnostic>> {
        // A link into a file that does not read waits for that file's
        // fix, as in `check` over the folder (see `run::Run::finish`).
        let mut unreadable = std::collections::BTreeMap::new();
        for (file, (doc, source)) in self.docs.iter().zip(&self.sources).enumerate() {
            if !doc.removed && self.entries.get(file).is_some_and(Option::is_none) {
                for id in crate::catalog::likely_ids(&source.path, &source.text) {
                    unreadable.entry(id).or_insert_with(|| (file, source.path.clone()));
                }
            }
        }
        let scope = Scope {
            reported: self.docs.iter().map(|d| !d.removed).collect(),
            unnamed: vec![false; self.docs.len()],
            partial: false,
            unreadable,
        };
        let catalogue =
            Catalogue::new(self.entries.iter().flatten().filter(|e| e.sop.id.is_some()).cloned());
        let fallback = Settings::default();
        let mut raw: Vec<Vec<Diagnostic>> =
            self.checked.iter().map(|c| c.diagnostics.clone()).collect();
        for d in run::cross_sop_findings(&catalogue, &scope) {
            if let Some(slot) = raw.get_mut(d.file) {
                slot.push(d);
            }
        }
        let mut per_file: Vec<Vec<Diagnostic>> = Vec::with_capacity(raw.len());
        for (file, mut group) in raw.into_iter().enumerate() {
            if self.docs.get(file).is_none_or(|d| d.removed) {
                per_file.push(Vec::new());
                continue;
            }
            diagnostic::sort(&mut group, |_| String::new());
            let cached = self.suppressed.get(file).and_then(Option::as_ref);
            let out = match cached {
                Some((input, output)) if *input == group => output.clone(),
                _ => {
                    let mut out = group.clone();
                    if let Some(source) = self.sources.get(file) {
                        let settings = self.settings.get(file).unwrap_or(&fallback);
                        run::settle(source, file, settings, &mut out);
                    }
                    diagnostic::sort(&mut out, |_| String::new());
                    if let Some(slot) = self.suppressed.get_mut(file) {
                        *slot = Some((group, out.clone()));
                    }
                    out
                }
            };
            per_file.push(out);
        }
        per_file
    }

    /// The findings of the open files, and of any file whose findings
    /// changed since they were last returned (a SOP linked to an edited
    /// one). Files of the workspace that are not open are included only
    /// when their findings changed, so a folder of clean SOPs costs nothing.
    pub fn publish(&mut self) -> Vec<Publish> {
        let findings = self.findings();
        let mut out = Vec::new();
        for (file, diagnostics) in findings.into_iter().enumerate() {
            let Some(doc) = self.docs.get(file) else { continue };
            let Some(slot) = self.published.get_mut(file) else { continue };
            if slot.as_ref() == Some(&diagnostics) {
                continue;
            }
            if slot.is_none() && diagnostics.is_empty() && !doc.open {
                // Never published and nothing to say.
                *slot = Some(diagnostics);
                continue;
            }
            *slot = Some(diagnostics.clone());
            out.push(Publish { file, path: doc.path.clone(), version: doc.version, diagnostics });
        }
        out
    }

    /// The current findings of `file`, from the last [`Workspace::publish`].
    pub fn published(&self, file: FileId) -> &[Diagnostic] {
        self.published.get(file).and_then(|p| p.as_deref()).unwrap_or(&[])
    }
}

/// One file to check: its new text and its settings.
#[derive(Debug)]
pub struct Job {
    pub file: FileId,
    pub source: SourceFile,
    pub settings: Settings,
}

/// Checks one file and summarises its SOP for the catalogue, as a run does
/// ([`crate::run`]), keeping the full model for navigation. Pure: the
/// server runs it on its worker threads.
pub fn check_job(
    source: &SourceFile,
    file: FileId,
    settings: &Settings,
) -> (Checked, Option<Entry>) {
    let checked = check_file(source, file, settings);
    let entry = match (&checked.sop, &checked.graph) {
        (Some(sop), Some(graph)) => {
            let t = timing::analyze(sop, graph, settings.workday_minutes);
            Some(Entry::new(file, &source.path, sop, t, settings.workday_minutes))
        }
        _ => None,
    };
    (checked, entry)
}
