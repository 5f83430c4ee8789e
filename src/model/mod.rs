//! The `sop-ap/1` document model: plain data in which every value a
//! diagnostic may point at carries its [`Span`].
//!
//! The model is permissive: a key that was missing or malformed is `None`
//! (and a diagnostic says why), so that later passes still see everything
//! that was well-formed and can report their own findings in the same run.
//! [`lower`] builds it from the YAML tree; [`schema`] describes the format.

pub mod date;
pub mod lower;
pub mod reference;
pub mod rows;
pub mod schema;

use crate::duration::{DayMeaning, Duration};
use crate::source::Span;

pub use date::Date;
pub use lower::lower;
pub use rows::{Row, Rows};

/// A value and the span of the text it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// Cakupan SOP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SopLevel {
    Makro,
    Mikro,
}

/// Jenis SOP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SopType {
    Administratif,
    Teknis,
}

/// The flowchart symbol of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepKind {
    Start,
    Process,
    Decision,
    End,
}

impl StepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Start => "start",
            StepKind::Process => "process",
            StepKind::Decision => "decision",
            StepKind::End => "end",
        }
    }
}

/// Relation of a `related` entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    Parent,
    Child,
    Prerequisite,
    FollowUp,
    Related,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Parent => "parent",
            Relation::Child => "child",
            Relation::Prerequisite => "prerequisite",
            Relation::FollowUp => "follow_up",
            Relation::Related => "related",
        }
    }
}

/// A box the SOP leaves blank on purpose, to fill in by hand (`kosong`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blank {
    /// The key's path, e.g. `identity.number`.
    pub key: String,
    /// The box's label on the form, e.g. `Nomor SOP`.
    pub label: &'static str,
    pub span: Span,
}

/// Disahkan oleh.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ApprovedBy {
    pub position: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub nip: Option<Spanned<String>>,
}

/// Bagian Identitas.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    pub agency: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub number: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub created: Option<Spanned<Date>>,
    pub revised: Option<Spanned<Date>>,
    pub revision: Option<Spanned<i64>>,
    pub effective: Option<Spanned<Date>>,
    pub approved_by: ApprovedBy,
}

/// A term of Definisi.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub term: Option<Spanned<String>>,
    pub meaning: Option<Spanned<String>>,
}

/// An entry of Keterkaitan.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub sop: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub relation: Option<Spanned<Relation>>,
    pub external: bool,
    /// Where the entry starts (its first key).
    pub span: Span,
}

/// A Pelaksana column.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub external: bool,
    pub span: Span,
}

impl Actor {
    /// The display name, falling back to the id.
    pub fn display_name(&self) -> &str {
        self.name
            .as_ref()
            .map(|n| n.value.as_str())
            .or(self.id.as_ref().map(|i| i.value.as_str()))
            .unwrap_or("?")
    }
}

/// One answer of a decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    pub label: Option<Spanned<String>>,
    pub next: Option<Spanned<String>>,
    /// The answer ends the procedure with this result instead of leading
    /// to a step ("Tidak: dikembalikan ke pemohon"): an end of its own.
    pub outcome: Option<Spanned<String>>,
    pub span: Span,
}

/// One row of the flowchart table.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: Option<Spanned<String>>,
    /// The row number written on the source document (`row`), when given.
    pub row: Option<Spanned<i64>>,
    /// The step continues the previous step's numbered row (`same_row`);
    /// the span is the key's. See [`Rows`].
    pub same_row: Option<Span>,
    pub kind: Option<Spanned<StepKind>>,
    pub actor: Option<Spanned<String>>,
    /// Actors who may do the step instead of `actor` (Pelaksana pengganti).
    pub alternate: Vec<Spanned<String>>,
    pub with: Vec<Spanned<String>>,
    pub activity: Option<Spanned<String>>,
    pub requirements: Vec<Spanned<String>>,
    /// The parsed `time`; `None` when absent or invalid (see `has_time`).
    pub time: Option<Spanned<Duration>>,
    /// Whether a `time` key was written at all, valid or not.
    pub has_time: bool,
    pub time_note: Option<Spanned<String>>,
    pub wait: bool,
    pub output: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
    pub next: Option<Spanned<String>>,
    /// The span of the `next` key, for findings about the key itself.
    pub next_key: Option<Span>,
    pub branches: Vec<Branch>,
    /// The span of the `branches` key.
    pub branches_key: Option<Span>,
    pub sub_sop: Option<Spanned<String>>,
    pub outcome: Option<Spanned<String>>,
    /// Keys written misspelt (reported as unknown keys with this key as the
    /// suggestion); rules about a missing key skip them to avoid repeating.
    pub misspelt: Vec<&'static str>,
    /// Where the step starts: its first key.
    pub span: Span,
}

impl Step {
    /// The step's id, or `?` when it has none.
    pub fn id_str(&self) -> &str {
        self.id.as_ref().map_or("?", |i| i.value.as_str())
    }

    /// The span to point at for findings about the whole step: its id value,
    /// else where the step starts.
    pub fn anchor(&self) -> Span {
        self.id.as_ref().map_or(self.span, |i| i.span)
    }

    pub fn kind(&self) -> Option<StepKind> {
        self.kind.as_ref().map(|k| k.value)
    }

    /// A start or end capsule without an activity: a "Mulai"/"Selesai"
    /// marker, not a piece of work, so it needs no time.
    pub fn is_bare_capsule(&self) -> bool {
        matches!(self.kind(), Some(StepKind::Start | StepKind::End)) && self.activity.is_none()
    }

    /// The written activity, if any (start and end steps may leave it out:
    /// renderers then print the capsule's word, "Mulai" or "Selesai").
    pub fn activity_str(&self) -> Option<&str> {
        self.activity.as_ref().map(|a| a.value.as_str()).filter(|a| !a.trim().is_empty())
    }

    /// Whether any branch ends the procedure with an `outcome`.
    pub fn has_outcome_branch(&self) -> bool {
        self.branches.iter().any(|b| b.outcome.is_some())
    }

    /// Every actor id the step names: `actor`, then `alternate`, then `with`.
    pub fn actor_refs(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.actor.iter().chain(self.alternate.iter()).chain(self.with.iter())
    }
}

/// One SOP: identity, classification, Mutu Baku tables, actors and steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Sop {
    pub schema: Option<Spanned<String>>,
    pub id: Option<Spanned<String>>,
    pub level: Option<Spanned<SopLevel>>,
    pub sop_type: Option<Spanned<SopType>>,
    pub completeness: Option<Spanned<String>>,
    pub genericity: Option<Spanned<String>>,
    pub identity: Identity,
    pub purpose: Option<Spanned<String>>,
    pub scope: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub definitions: Vec<Definition>,
    pub legal_basis: Vec<Spanned<String>>,
    pub qualifications: Vec<Spanned<String>>,
    pub related: Vec<Related>,
    pub equipment: Vec<Spanned<String>>,
    pub warnings: Vec<Spanned<String>>,
    pub records: Vec<Spanned<String>>,
    pub service_time: Option<Spanned<Duration>>,
    pub workday: Option<Spanned<Duration>>,
    /// What a bare `hari` means, as the SOP states it (`days:`).
    pub days: Option<Spanned<DayMeaning>>,
    pub actors: Vec<Actor>,
    pub steps: Vec<Step>,
    /// Boxes left blank on purpose (`kosong`), in file order.
    pub blanks: Vec<Blank>,
    /// Where the document starts.
    pub span: Span,
}

impl Sop {
    pub fn id_str(&self) -> &str {
        self.id.as_ref().map_or("?", |i| i.value.as_str())
    }

    pub fn title(&self) -> &str {
        self.identity.title.as_ref().map_or("", |t| t.value.as_str())
    }

    pub fn number(&self) -> &str {
        self.identity.number.as_ref().map_or("", |t| t.value.as_str())
    }

    /// Whether the box at `key` (e.g. `identity.created`) is left blank on
    /// purpose, to fill in by hand.
    pub fn is_blank(&self, key: &str) -> bool {
        self.blanks.iter().any(|b| b.key == key)
    }

    /// A cycle of steps as text, back to its first step: `a -> b -> a`.
    pub fn cycle_text(&self, cycle: &[usize]) -> String {
        let name = |i: &usize| self.steps.get(*i).map_or("?", |s| s.id_str());
        let mut path: Vec<&str> = cycle.iter().map(name).collect();
        if let Some(first) = cycle.first() {
            path.push(name(first));
        }
        path.join(" -> ")
    }

    /// Reads every bare `hari` with `meaning`: the SOP's own `days:` wins
    /// over `default` (the `sopmap.yaml` setting). Without either, bare
    /// `hari` stays calendar days (and `mixed-days` may speak).
    pub fn resolve_days(&mut self, default: Option<DayMeaning>) {
        let Some(meaning) = self.days.as_ref().map(|d| d.value).or(default) else { return };
        for step in &mut self.steps {
            if let Some(t) = &mut step.time {
                t.value.resolve_days(meaning);
            }
        }
        if let Some(t) = &mut self.service_time {
            t.value.resolve_days(meaning);
        }
    }

    /// The actor with this id, if declared.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id.as_ref().is_some_and(|i| i.value == id))
    }

    /// The position of the actor column with this id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id.as_ref().is_some_and(|i| i.value == id))
    }
}
