//! The catalogue: every SOP loaded in one run, indexed by its `id`, with
//! the links between SOPs (`sub_sop` steps and `related` entries) and each
//! SOP's time budget. The cross-SOP rules (`Check::Corpus`) and the
//! `list`/`graph`/`document` commands read it; [`crate::run`] builds it.
//!
//! An entry owns a summary of its SOP, not the whole model: the id, level,
//! identity, `related` entries, service time, workday and only the steps
//! that name a `sub_sop`. That is all the cross-SOP rules and the listings
//! read, and it keeps a run over thousands of SOPs small (the full models
//! are dropped as soon as each file is checked; docs/performance.md).
//!
//! Entries are ordered by id, then by load order, so every listing is
//! deterministic. When two files declare the same id, the index keeps the
//! first one loaded (duplicate-sop-id reports both).
//!
//! A run may load SOPs only so that links resolve (the files beside a file
//! checked on its own): [`Scope::reported`] says whose findings are shown.

use std::collections::BTreeMap;

use crate::diagnostic::FileId;
use crate::model::{Identity, Relation, Sop, SopLevel, Step, StepKind};
use crate::source::Span;
use crate::timing::{self, Timing};

/// One loaded SOP, summarised.
#[derive(Clone, Debug)]
pub struct Entry {
    pub file: FileId,
    /// The file's path as shown.
    pub path: String,
    /// The summary of the SOP ([`summarize`]): `steps` holds only the steps
    /// that name a `sub_sop`.
    pub sop: Sop,
    /// How many steps and actors the SOP has.
    pub steps: usize,
    pub actors: usize,
    /// Its time budget (`None` without a start or a reachable end): the
    /// totals only, no paths or per-actor loads.
    pub timing: Option<Timing>,
    /// The ids of the steps on its worst path, start to end, when it has a
    /// `service_time` (the indices in a time budget point into the full
    /// model's steps, which are not kept).
    pub worst_path: Vec<String>,
    /// The workday in minutes its times are summed with (its own
    /// `workday:`, else the run's).
    pub workday_minutes: u64,
}

impl Entry {
    /// Summarises `sop`, the SOP of `file` at `path`.
    pub fn new(file: FileId, path: &str, sop: &Sop, timing: Option<Timing>, workday: u64) -> Entry {
        Entry {
            file,
            path: path.to_string(),
            sop: summarize(sop),
            steps: sop.steps.len(),
            actors: sop.actors.len(),
            // Only service-time-exceeded names the path, and only with a
            // service time to exceed.
            worst_path: timing.as_ref().filter(|_| sop.service_time.is_some()).map_or_else(
                Vec::new,
                |t| {
                    t.worst_path
                        .iter()
                        .map(|&i| sop.steps.get(i).map_or("?", |s| s.id_str()).to_string())
                        .collect()
                },
            ),
            timing: timing.map(totals_only),
            workday_minutes: timing::effective_workday(sop, workday),
        }
    }

    pub fn id(&self) -> &str {
        self.sop.id_str()
    }

    pub fn level(&self) -> Option<SopLevel> {
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

/// The totals of a time budget, without its paths and per-actor loads
/// (their step numbers point into the full model, which is not kept).
fn totals_only(t: Timing) -> Timing {
    Timing {
        best_path: Vec::new(),
        worst_path: Vec::new(),
        per_actor: Vec::new(),
        wait_steps: Vec::new(),
        untimed: Vec::new(),
        back_edges: Vec::new(),
        ..t
    }
}

/// A step as the catalogue keeps it: what names and times its link.
fn link_step(s: &Step) -> Step {
    Step {
        with: Vec::new(),
        activity: None,
        requirements: Vec::new(),
        time_note: None,
        output: None,
        notes: None,
        branches: Vec::new(),
        misspelt: Vec::new(),
        ..s.clone()
    }
}

/// What the catalogue keeps of a SOP: the parts that name or describe it
/// and its links, without the flow, actors or the texts of the steps.
pub fn summarize(sop: &Sop) -> Sop {
    Sop {
        schema: None,
        id: sop.id.clone(),
        level: sop.level.clone(),
        sop_type: sop.sop_type.clone(),
        completeness: None,
        genericity: None,
        identity: Identity {
            agency: sop.identity.agency.clone(),
            unit: sop.identity.unit.clone(),
            number: sop.identity.number.clone(),
            title: sop.identity.title.clone(),
            ..Identity::default()
        },
        purpose: None,
        scope: None,
        summary: None,
        definitions: Vec::new(),
        legal_basis: Vec::new(),
        qualifications: Vec::new(),
        related: sop.related.clone(),
        equipment: Vec::new(),
        warnings: Vec::new(),
        records: Vec::new(),
        service_time: sop.service_time.clone(),
        workday: sop.workday.clone(),
        days: sop.days.clone(),
        actors: Vec::new(),
        steps: sop.steps.iter().filter(|s| s.sub_sop.is_some()).map(link_step).collect(),
        blanks: Vec::new(),
        span: sop.span,
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
pub struct Catalogue {
    entries: Vec<Entry>,
    index: BTreeMap<String, usize>,
    /// The position of each file's entry.
    by_file: BTreeMap<FileId, usize>,
}

impl Catalogue {
    /// The catalogue of `entries` (in any order, each with an id).
    pub fn new(entries: impl IntoIterator<Item = Entry>) -> Catalogue {
        let mut entries: Vec<Entry> = entries.into_iter().collect();
        entries.sort_by(|a, b| a.id().cmp(b.id()).then(a.file.cmp(&b.file)));
        let mut index = BTreeMap::new();
        let mut by_file = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            index.entry(e.id().to_string()).or_insert(i);
            by_file.insert(e.file, i);
        }
        Catalogue { entries, index, by_file }
    }

    /// Every entry, by id then load order.
    pub fn entries(&self) -> &[Entry] {
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
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.position(id).and_then(|i| self.entries.get(i))
    }

    /// The entry of a file, if it holds a SOP with an id.
    pub fn of_file(&self, file: FileId) -> Option<&Entry> {
        self.by_file.get(&file).and_then(|&i| self.entries.get(i))
    }

    /// Every distinct id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.index.keys().map(String::as_str)
    }

    /// Whether `entry` is the first definition of its id.
    pub fn is_canonical(&self, entry: usize) -> bool {
        self.entries.get(entry).and_then(|e| self.position(e.id())) == Some(entry)
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
