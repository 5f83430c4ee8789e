//! The printable checklist, as a format-neutral model: the identity header,
//! one item per step in row order (with branch jumps worked out to row
//! numbers), and the footer with Peringatan, Pencatatan and signature
//! lines. [`text`], [`markdown`] and [`html`] write it out; they decide
//! layout only, never content, so the three formats always agree.
//!
//! Items carry the row numbers the document prints (`row`, `same_row`), so
//! several items can share a number when one row holds several steps.
//!
//! With a role filter the checklist keeps that actor's steps (as the main
//! actor, as a substitute in `alternate`, or in `with`) and records where each step's work comes from and
//! goes to, so a staff member sees their hand-offs without the whole SOP.

pub mod html;
pub mod markdown;
pub mod text;

use std::collections::BTreeMap;

use crate::graph::{EdgeKind, ProcessGraph};
use crate::lang::Lang;
use crate::model::{Rows, Sop, Step, StepKind};
use crate::render::step_text;

/// Title and number of a SOP another one refers to (a `sub_sop` target),
/// when the caller has loaded it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SopRef {
    pub title: String,
    pub number: String,
}

/// What the checklist is built from besides the SOP itself.
#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    pub lang: Lang,
    /// Only the steps of this actor id (checked by the caller).
    pub actor: Option<&'a str>,
    /// Known SOPs by id, to name `sub_sop` targets by title and number.
    pub sops: BTreeMap<String, SopRef>,
    /// Best and worst path time, already formatted.
    pub times: Option<PathTimes>,
}

/// Total time of the fastest and the slowest path from start to end,
/// written out with the rows of each path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathTimes {
    pub best: String,
    pub worst: String,
}

impl PathTimes {
    /// `1 hari kerja + 45 menit (langkah 1 → 2 → 3 → 16)`; waiting on
    /// outside parties is left out of the sums, and the text says so when
    /// the SOP has such steps.
    pub fn of(t: &crate::timing::Timing, sop: &Sop, lang: Lang) -> PathTimes {
        let numbers = Rows::of(sop);
        let path = |rows: &[usize], total: &crate::duration::Totals| {
            let mut rows: Vec<String> =
                rows.iter().map(|&r| numbers.number(r).to_string()).collect();
            // Two steps of one numbered row are one row of the path.
            rows.dedup();
            let total = crate::render::timing::honest_total(
                &crate::render::timing::totals_text(total, lang),
                t,
                lang,
            );
            let mut s = format!("{total} ({} {})", lang.texts().steps_lower, rows.join(" → "));
            if !t.wait_steps.is_empty() {
                s.push_str(&format!("; {}", lang.texts().excluding_waiting));
            }
            s
        };
        PathTimes { best: path(&t.best_path, &t.best), worst: path(&t.worst_path, &t.worst) }
    }
}

/// The whole checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    pub lang: Lang,
    pub words: &'static Words,
    pub header: Header,
    /// The role this checklist is for, when filtered by actor.
    pub role: Option<String>,
    pub items: Vec<Item>,
    pub footer: Footer,
}

/// The identity block, as (label, value) pairs in print order, plus the
/// legal basis list and the times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub title: String,
    pub fields: Vec<(&'static str, String)>,
    pub legal_basis: Vec<String>,
    pub service_time: Option<String>,
    pub times: Option<PathTimes>,
}

/// One step of the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The row number the document prints (shared by the steps of one row).
    pub row: i64,
    pub kind: StepKind,
    pub actor: String,
    /// Actors who may do the step instead (`alternate`), by name.
    pub alternates: Vec<String>,
    pub with: Vec<String>,
    /// The role filter's actor takes part through `with`, not as the main actor.
    pub assisting: bool,
    /// The role filter's actor is a substitute (`alternate`) for this step.
    pub standing_in: bool,
    pub activity: String,
    pub requirements: Vec<String>,
    pub time: Option<String>,
    pub output: Option<String>,
    pub notes: Option<String>,
    pub wait: bool,
    /// The SOP that details this step, as it should be named.
    pub sub_sop: Option<String>,
    pub outcome: Option<String>,
    /// One line per branch of a decision.
    pub branches: Vec<Jump>,
    /// The `next` step, only when it is not simply the following row (or
    /// always, in a role view, where rows are not contiguous).
    pub next: Option<Jump>,
    /// Role view: the steps whose work arrives here.
    pub from: Vec<Peer>,
}

/// An arrow written out for people: `Ya: lanjut ke langkah 7`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jump {
    /// The branch label (empty for a plain `next`).
    pub label: String,
    /// The target's row number, or `None` when the target names no step
    /// (or the branch ends the procedure: see `outcome`).
    pub row: Option<i64>,
    /// The branch ends the procedure with this result (`outcome`).
    pub outcome: Option<String>,
    /// The target as written, shown when it names no step.
    pub target: String,
    /// The target is this row or an earlier one.
    pub back: bool,
    /// The target's actor, in a role view when it is someone else.
    pub actor: Option<String>,
}

/// A neighbouring step in a role view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    pub row: i64,
    pub actor: String,
}

/// Peringatan, Pencatatan and the sign-off lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footer {
    pub warnings: Vec<String>,
    pub records: Vec<String>,
}

/// The words of the checklist (defined in the one table in `lang.rs`).
pub use crate::lang::ChecklistWords as Words;

impl Jump {
    /// `lanjut ke langkah 7`, `kembali ke langkah 3` (without the label).
    pub fn phrase(&self, words: &Words, step: &str) -> String {
        if let Some(o) = &self.outcome {
            return if o.is_empty() {
                words.ends.to_string()
            } else {
                format!("{}: {o}", words.ends)
            };
        }
        let verb = if self.back { words.go_back } else { words.go_on };
        let mut s = match self.row {
            Some(r) => format!("{verb} {step} {r}"),
            None => format!("{verb} `{}` ({})", self.target, words.unknown_step),
        };
        if let Some(a) = &self.actor {
            s.push_str(&format!(" ({a})"));
        }
        s
    }

    /// `Ya: lanjut ke langkah 7`, or just the phrase for a plain `next`.
    pub fn line(&self, words: &Words, step: &str) -> String {
        if self.label.is_empty() {
            upper_first(&self.phrase(words, step))
        } else {
            format!("{}: {}", self.label, self.phrase(words, step))
        }
    }
}

impl Item {
    /// The Pelaksana line: `Camat (pengganti: Sekcam), bersama Staf`, with
    /// the role view's note when the reader assists or stands in, between
    /// `brackets`. Names are passed through `esc` (the format's escaping).
    pub fn actor_line(
        &self,
        words: &Words,
        brackets: (&str, &str),
        esc: impl Fn(&str) -> String,
    ) -> String {
        let (open, close) = brackets;
        let names = |v: &[String]| v.iter().map(|a| esc(a)).collect::<Vec<_>>().join(", ");
        let mut actor = esc(&self.actor);
        if !self.alternates.is_empty() {
            actor = format!("{actor} ({}: {})", words.substitute, names(&self.alternates));
        }
        if !self.with.is_empty() {
            actor = format!("{actor}, {} {}", words.with, names(&self.with));
        }
        if self.assisting {
            actor = format!("{actor} {open}{}{close}", words.assisting);
        }
        if self.standing_in {
            actor = format!("{actor} {open}{}{close}", words.standing_in);
        }
        actor
    }
}

/// Capitalises the first letter (for a phrase that starts a line).
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn text(v: &Option<crate::model::Spanned<String>>) -> Option<String> {
    v.as_ref().map(|s| s.value.trim().to_string()).filter(|s| !s.is_empty())
}

fn actor_name(sop: &Sop, id: Option<&str>) -> String {
    match id {
        Some(id) => sop.actor(id).map_or_else(|| id.to_string(), |a| a.display_name().to_string()),
        None => "?".to_string(),
    }
}

fn step_actor(step: &Step) -> Option<&str> {
    step.actor.as_ref().map(|a| a.value.as_str())
}

/// Builds the checklist of `sop`.
pub fn build(sop: &Sop, graph: &ProcessGraph, opts: &Options<'_>) -> Checklist {
    let labels = opts.lang.labels();
    let words = Words::of(opts.lang);
    let id = &sop.identity;
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let mut push = |label: &'static str, v: Option<String>| {
        if let Some(v) = v {
            fields.push((label, v));
        }
    };
    push(labels.agency, text(&id.agency));
    push(labels.unit, text(&id.unit));
    push(labels.number, text(&id.number));
    // Dates as the document prints them: as the author wrote them
    // (`16 Juli 2012`), else written out ("2 Januari 2024"), never ISO.
    let date = |d: &Option<crate::model::Spanned<crate::model::Date>>| {
        d.as_ref().map(|d| d.value.written.clone().unwrap_or_else(|| opts.lang.long_date(&d.value)))
    };
    push(labels.created, date(&id.created));
    // "Revisi ke-1", "Revision 1"; as in the document, a revision number
    // without a revision date reads "- (Revisi ke-0)", not a bare number
    // under the date's label.
    let sep = if labels.revision.ends_with('-') { "" } else { " " };
    let revised = match (date(&id.revised), &id.revision) {
        (Some(d), Some(n)) => Some(format!("{d} ({}{sep}{})", labels.revision, n.value)),
        (Some(d), None) => Some(d),
        (None, Some(n)) => Some(format!("- ({}{sep}{})", labels.revision, n.value)),
        (None, None) => None,
    };
    push(labels.revised, revised);
    push(labels.effective, date(&id.effective));
    let ab = &id.approved_by;
    let approved: Vec<String> =
        [text(&ab.position), text(&ab.name), text(&ab.nip).map(|n| format!("{} {n}", labels.nip))]
            .into_iter()
            .flatten()
            .collect();
    push(labels.approved_by, (!approved.is_empty()).then(|| approved.join(", ")));

    let header = Header {
        title: text(&id.title).unwrap_or_else(|| sop.id_str().to_string()),
        fields,
        legal_basis: sop.legal_basis.iter().map(|s| s.value.trim().to_string()).collect(),
        service_time: sop.service_time.as_ref().map(|t| t.value.text().get(opts.lang).to_string()),
        times: opts.times.clone(),
    };

    let role_view = opts.actor.is_some();
    let numbers = Rows::of(sop);
    let mut items = Vec::new();
    for (i, step) in sop.steps.iter().enumerate() {
        let main = step_actor(step);
        let (assisting, standing_in) = match opts.actor {
            None => (false, false),
            Some(a) if main == Some(a) => (false, false),
            Some(a) if step.alternate.iter().any(|w| w.value == a) => (false, true),
            Some(a) if step.with.iter().any(|w| w.value == a) => (true, false),
            Some(_) => continue,
        };
        let jump = |target: Option<usize>, written: &str, label: String| {
            let actor = target.and_then(|t| {
                let other = sop.steps.get(t).and_then(step_actor);
                (role_view && other != opts.actor).then(|| actor_name(sop, other))
            });
            Jump {
                label,
                row: target.map(|t| numbers.number(t)),
                outcome: None,
                target: written.to_string(),
                back: target.is_some_and(|t| t <= i),
                actor,
            }
        };
        let mut branches = Vec::new();
        let mut next = None;
        for (b, br) in step.branches.iter().enumerate() {
            let label = text(&br.label).unwrap_or_default();
            if let Some(o) = step_text::outcome(br).filter(|_| br.next.is_none()) {
                let mut j = jump(None, "", label);
                j.outcome = Some(o.to_string());
                branches.push(j);
                continue;
            }
            let written = br.next.as_ref().map_or("", |t| t.value.as_str());
            let target = target_step(graph, i, EdgeKind::Branch(b), written);
            branches.push(jump(target, written, label));
        }
        if let Some(t) = &step.next {
            let target = target_step(graph, i, EdgeKind::Next, &t.value);
            if role_view || target != Some(i + 1) {
                next = Some(jump(target, &t.value, String::new()));
            }
        }
        let from = if role_view {
            graph
                .predecessors(i)
                .into_iter()
                .map(|(p, _)| Peer {
                    row: numbers.number(p),
                    actor: actor_name(sop, sop.steps.get(p).and_then(step_actor)),
                })
                .fold(Vec::new(), |mut v: Vec<Peer>, p| {
                    if !v.contains(&p) {
                        v.push(p);
                    }
                    v
                })
        } else {
            Vec::new()
        };
        items.push(Item {
            row: numbers.number(i),
            kind: step.kind().unwrap_or(StepKind::Process),
            actor: actor_name(sop, main),
            alternates: step.alternate.iter().map(|w| actor_name(sop, Some(&w.value))).collect(),
            with: step.with.iter().map(|w| actor_name(sop, Some(&w.value))).collect(),
            assisting,
            standing_in,
            activity: match step_text::activity(step, opts.lang) {
                "" => step.id_str().to_string(),
                a => a.to_string(),
            },
            requirements: step.requirements.iter().map(|r| r.value.trim().to_string()).collect(),
            time: step.time.as_ref().map(|t| t.value.to_string()).or_else(|| text(&step.time_note)),
            output: text(&step.output),
            notes: text(&step.notes),
            wait: step.wait,
            sub_sop: step.sub_sop.as_ref().map(|s| sub_sop_name(sop, &s.value, &opts.sops)),
            outcome: text(&step.outcome),
            branches,
            next,
            from,
        });
    }

    Checklist {
        lang: opts.lang,
        words,
        header,
        role: opts.actor.map(|a| actor_name(sop, Some(a))),
        items,
        footer: Footer {
            warnings: sop.warnings.iter().map(|s| s.value.trim().to_string()).collect(),
            records: sop.records.iter().map(|s| s.value.trim().to_string()).collect(),
        },
    }
}

/// The step an arrow of step `i` lands on, as the graph resolved it (a
/// misspelt target that the graph guessed counts as unknown here: a
/// checklist must not send people to a guessed step).
fn target_step(graph: &ProcessGraph, i: usize, kind: EdgeKind, target: &str) -> Option<usize> {
    graph
        .successors(i)
        .into_iter()
        .find(|(_, e)| e.kind == kind && !e.assumed)
        .map(|(t, _)| t)
        .or_else(|| graph.step(target))
}

/// `<title> (<number>)` when the SOP is loaded, else the title a `related`
/// entry gives, else the id.
fn sub_sop_name(sop: &Sop, id: &str, known: &BTreeMap<String, SopRef>) -> String {
    if let Some(r) = known.get(id) {
        return match (r.title.is_empty(), r.number.is_empty()) {
            (false, false) => format!("{} ({})", r.title, r.number),
            (false, true) => r.title.clone(),
            (true, false) => r.number.clone(),
            (true, true) => id.to_string(),
        };
    }
    sop.related
        .iter()
        .find(|r| r.sop.as_ref().is_some_and(|s| s.value == id))
        .and_then(|r| text(&r.title))
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_file as check_source};
    use crate::source::SourceFile;

    pub(crate) fn load(yaml: &str) -> (Sop, ProcessGraph) {
        let src = SourceFile::new("t.yaml", yaml);
        let c = check_source(&src, 0, &Settings::default());
        (c.sop.unwrap(), c.graph.unwrap())
    }

    const LOOP: &str = "schema: sop-ap/1
id: t
level: mikro
type: teknis
identity: {agency: A, unit: U, number: N-1, title: T, created: 2024-01-01, effective: 2024-01-02,
  approved_by: {position: Kepala}}
legal_basis: [L]
qualifications: [Q]
equipment: [E]
warnings: [W]
records: [R]
actors:
  - {id: a, name: Petugas}
  - {id: b, name: Verifikator}
steps:
  - {id: s, kind: start, actor: a, activity: Terima, time: 5 menit, next: p}
  - {id: p, kind: process, actor: b, activity: Periksa, time: 5 menit, next: d}
  - {id: d, kind: decision, actor: b, activity: Lengkap?, time: 5 menit,
     branches: [{label: Ya, next: e}, {label: Tidak, next: p}]}
  - {id: e, kind: end, actor: a, activity: Arsip, time: 5 menit, sub_sop: x}
";

    #[test]
    fn branches_jump_forward_and_back() {
        let (sop, g) = load(LOOP);
        let c = build(&sop, &g, &Options::default());
        let d = &c.items[2];
        let lines: Vec<String> = d.branches.iter().map(|j| j.line(c.words, "langkah")).collect();
        assert_eq!(lines, ["Ya: lanjut ke langkah 4", "Tidak: kembali ke langkah 2"]);
        assert!(c.items[0].next.is_none(), "next to the following row is implicit");
        assert_eq!(c.items[3].sub_sop.as_deref(), Some("x"));
    }

    #[test]
    fn role_view_keeps_only_that_actor_with_hand_offs() {
        let (sop, g) = load(LOOP);
        let c = build(&sop, &g, &Options { actor: Some("b"), ..Options::default() });
        assert_eq!(c.role.as_deref(), Some("Verifikator"));
        assert_eq!(c.items.iter().map(|i| i.row).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(
            c.items[0].from,
            [
                Peer { row: 1, actor: "Petugas".into() },
                Peer { row: 3, actor: "Verifikator".into() }
            ]
        );
        assert_eq!(c.items[1].branches[0].actor.as_deref(), Some("Petugas"));
        assert_eq!(c.items[1].branches[1].actor, None);
    }

    #[test]
    fn sub_sop_named_by_title_and_number_when_known() {
        let (sop, g) = load(LOOP);
        let mut sops = BTreeMap::new();
        sops.insert("x".to_string(), SopRef { title: "Arsip".into(), number: "SOP-9".into() });
        let c = build(&sop, &g, &Options { sops, ..Options::default() });
        assert_eq!(c.items[3].sub_sop.as_deref(), Some("Arsip (SOP-9)"));
    }
}
