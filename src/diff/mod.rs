//! Semantic diff of two versions of one SOP: what a change does to the
//! process, for reviewers, instead of a YAML text diff.
//!
//! [`diff`] compares two checked versions and returns a [`SopDiff`]: plain
//! data that the writers ([`text`], [`markdown`], [`json`]) turn into
//! output. Steps are matched by id, and a step whose id changed but whose
//! content did not is a rename ([`matching`]); field and actor changes are
//! in [`changes`], arrows in [`flow`], findings introduced and fixed in
//! [`findings`], and the path-time change in [`times`]; [`labels`] holds
//! the writers' words in both languages. The JSON shape is the serde shape
//! of these types and is documented in [`json`].

pub mod changes;
pub mod findings;
pub mod flow;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod matching;
pub mod text;
pub mod times;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::graph::ProcessGraph;
use crate::lang::Lang;
use crate::model::Sop;
use crate::source::SourceFile;

/// One version of a SOP, checked.
pub struct Version<'a> {
    pub source: &'a SourceFile,
    pub sop: &'a Sop,
    pub graph: &'a ProcessGraph,
    /// The checker's findings on this version (any order).
    pub findings: &'a [Diagnostic],
}

/// A value of a field, old or new.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// The key is absent (JSON `null`).
    Absent,
    Text(String),
    Flag(bool),
    List(Vec<String>),
}

/// A field whose value changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The key as written in the file, e.g. `time` or `identity.revised`.
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// A change to the list of actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ActorChange {
    Added {
        id: String,
        name: String,
    },
    Removed {
        id: String,
        name: String,
    },
    /// Same actor (same name), new id; steps naming it are not reported.
    Renamed {
        old_id: String,
        new_id: String,
        name: String,
    },
    /// Same id, other fields changed (`name`, `external`).
    Changed {
        id: String,
        fields: Vec<FieldChange>,
    },
}

/// A change to one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum StepChange {
    Added {
        id: String,
        /// Row number in the new version, as the document prints it.
        row: i64,
        kind: Option<String>,
        actor: Option<String>,
        activity: Option<String>,
    },
    Removed {
        id: String,
        /// Row number in the old version, as the document prints it.
        row: i64,
        kind: Option<String>,
        actor: Option<String>,
        activity: Option<String>,
    },
    /// Same content under a new id; arrows through it are not reported.
    Renamed {
        old_id: String,
        new_id: String,
        row: i64,
    },
    Changed {
        id: String,
        row: i64,
        fields: Vec<FieldChange>,
    },
}

/// A change to the arrows between steps that exist in both versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum FlowChange {
    /// A new arrow (`label` is the branch label, `null` for `next`).
    Added {
        from: String,
        label: Option<String>,
        to: String,
    },
    Removed {
        from: String,
        label: Option<String>,
        to: String,
    },
    /// The same `next` or branch now leads elsewhere.
    Retargeted {
        from: String,
        label: Option<String>,
        old_to: String,
        new_to: String,
    },
    /// A branch to the same step under a new label.
    Relabeled {
        from: String,
        to: String,
        old_label: String,
        new_label: String,
    },
}

/// A finding, located in the version it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingRef {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub code: String,
    pub name: String,
    pub severity: String,
    pub message: String,
}

/// Findings that the change introduced and fixed (compared by code and
/// message, positions ignored).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FindingChanges {
    pub introduced: Vec<FindingRef>,
    pub fixed: Vec<FindingRef>,
}

/// A remark about the change itself (not a change).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable kebab-case name, e.g. `revision-not-bumped`.
    pub name: String,
    pub message: String,
}

/// Which file each side came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sides {
    pub old: String,
    pub new: String,
}

/// Everything that differs between two versions, in a stable order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SopDiff {
    pub paths: Sides,
    pub identity: Vec<FieldChange>,
    pub actors: Vec<ActorChange>,
    pub steps: Vec<StepChange>,
    pub flow: Vec<FlowChange>,
    pub timing: Option<times::TimingChange>,
    pub findings: FindingChanges,
    pub warnings: Vec<Warning>,
}

impl SopDiff {
    /// Whether the two versions are the same as far as the diff sees.
    pub fn is_empty(&self) -> bool {
        self.identity.is_empty()
            && self.actors.is_empty()
            && self.steps.is_empty()
            && self.flow.is_empty()
            && self.timing.is_none()
            && self.findings.introduced.is_empty()
            && self.findings.fixed.is_empty()
    }

    /// Whether steps came or went, or arrows changed.
    pub fn flow_changed(&self) -> bool {
        !self.flow.is_empty()
            || self
                .steps
                .iter()
                .any(|s| matches!(s, StepChange::Added { .. } | StepChange::Removed { .. }))
    }
}

/// Compares two versions of a SOP. `workday_minutes` converts working
/// time to working days in the path totals.
pub fn diff(old: &Version<'_>, new: &Version<'_>, workday_minutes: u64, lang: Lang) -> SopDiff {
    let actor_match = matching::match_actors(old.sop, new.sop);
    let step_match = matching::match_steps(old.sop, new.sop, &actor_match);
    let identity = changes::identity(old.sop, new.sop);
    let actors = changes::actors(old.sop, new.sop, &actor_match);
    let steps = changes::steps(old.sop, new.sop, &step_match, &actor_match);
    let flow = flow::changes(old.sop, new.sop, &step_match);
    let timing = times::change(old, new, workday_minutes, lang);
    let findings = findings::compare(old, new, lang);
    let mut out = SopDiff {
        paths: Sides { old: old.source.path.clone(), new: new.source.path.clone() },
        identity,
        actors,
        steps,
        flow,
        timing,
        findings,
        warnings: Vec::new(),
    };
    out.warnings = changes::revision_warnings(&out, lang);
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Builds checked versions from YAML text for the diff's unit tests.

    use super::*;
    use crate::check::{Checked, Settings, check_file as check_source};

    pub struct Owned {
        pub source: SourceFile,
        pub checked: Checked,
    }

    impl Owned {
        pub fn new(path: &str, text: &str) -> Owned {
            let source = SourceFile::new(path, text);
            let checked = check_source(&source, 0, &Settings::default());
            Owned { source, checked }
        }

        pub fn version(&self) -> Version<'_> {
            Version {
                source: &self.source,
                sop: self.checked.sop.as_ref().unwrap(),
                graph: self.checked.graph.as_ref().unwrap(),
                findings: &self.checked.diagnostics,
            }
        }
    }

    /// Diffs two YAML texts (human words in English).
    pub fn diff_texts(old: &str, new: &str) -> SopDiff {
        diff_texts_in(old, new, crate::lang::Lang::En)
    }

    /// Diffs two YAML texts, human words in `lang`.
    pub fn diff_texts_in(old: &str, new: &str, lang: crate::lang::Lang) -> SopDiff {
        let a = Owned::new("old.yaml", old);
        let b = Owned::new("new.yaml", new);
        diff(&a.version(), &b.version(), 480, lang)
    }

    /// A small valid SOP used as the base of edits in tests.
    pub const BASE: &str = "\
schema: sop-ap/1
id: contoh
level: mikro
type: administratif
identity:
  agency: Instansi
  unit: Unit
  number: SOP-1
  title: Contoh
  created: 2024-01-01
  revised: 2024-02-01
  revision: 1
  effective: 2024-03-01
  approved_by:
    position: Kepala Unit
    name: Nama Pejabat
    nip: \"123\"
legal_basis:
  - Peraturan contoh
qualifications:
  - Memahami berkas
equipment:
  - Komputer
warnings:
  - Berkas harus lengkap
records:
  - Buku agenda
actors:
  - id: petugas
    name: Petugas
  - id: kasi
    name: Kepala Seksi
steps:
  - id: mulai
    kind: start
    actor: petugas
    activity: Menerima berkas
    time: 10 menit
    next: periksa
  - id: periksa
    kind: decision
    actor: kasi
    activity: Berkas lengkap?
    time: 30 menit
    branches:
      - label: Ya
        next: proses
      - label: Tidak
        next: mulai
  - id: proses
    kind: process
    actor: petugas
    activity: Memproses berkas
    requirements:
      - Berkas
    time: 1 jam
    output: Hasil
    next: selesai
  - id: selesai
    kind: end
    actor: kasi
    activity: Menandatangani hasil
    time: 15 menit
";
}
