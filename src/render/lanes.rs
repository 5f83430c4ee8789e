//! Swimlanes shared by the diagram renderers: the steps of each actor in
//! `actors` order, the steps whose actor is not declared (only seen in a
//! forced render of a broken SOP), the ends that branches with an
//! `outcome` draw, and the words a diagram node shows.

use crate::lang::Lang;
use crate::model::{Sop, Step, StepKind};
use crate::render::{step_text, wrap};

/// One swimlane: the actor's position in `actors` and its steps by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub actor: usize,
    pub name: String,
    pub external: bool,
    pub steps: Vec<usize>,
    /// Ends drawn for branches that finish the procedure (`outcome`) of
    /// this lane's decisions: (step, branch), in row order.
    pub outcomes: Vec<(usize, usize)>,
}

/// The ends of a decision's branches that finish the procedure with an
/// `outcome` (and lead to no step): (branch index, outcome text).
pub fn outcome_branches(step: &Step) -> impl Iterator<Item = (usize, &str)> {
    step.branches
        .iter()
        .enumerate()
        .filter(|(_, b)| b.next.is_none())
        .filter_map(|(i, b)| step_text::outcome(b).map(|o| (i, o)))
}

/// Lanes in `actors` order (empty lanes included, so every declared actor
/// gets its column) and the rows whose actor is unknown.
pub fn lanes(sop: &Sop) -> (Vec<Lane>, Vec<usize>) {
    let mut lanes: Vec<Lane> = sop
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| Lane {
            actor: i,
            name: a.display_name().to_string(),
            external: a.external,
            steps: Vec::new(),
            outcomes: Vec::new(),
        })
        .collect();
    let mut orphans = Vec::new();
    for (row, step) in sop.steps.iter().enumerate() {
        let lane = step.actor.as_ref().and_then(|a| sop.actor_index(&a.value));
        match lane.and_then(|i| lanes.get_mut(i)) {
            Some(l) => {
                l.steps.push(row);
                l.outcomes.extend(outcome_branches(step).map(|(b, _)| (row, b)));
            }
            None => orphans.push(row),
        }
    }
    (lanes, orphans)
}

/// The text of a node: row number (as the document prints it) and
/// activity, plus lines for substitute and `with` actors, waiting or a
/// sub-SOP. `wrap` breaks long lines (Graphviz does not wrap; Mermaid
/// wraps by itself and must not get early breaks).
pub fn node_label(sop: &Sop, step: &Step, number: i64, lang: Lang, wrap: bool) -> String {
    let l = lang.labels();
    let activity = match step_text::activity(step, lang) {
        "" => step.id_str(),
        a => a,
    };
    let width = match (wrap, step.kind() == Some(StepKind::Decision)) {
        (false, _) => usize::MAX,
        (true, true) => 22,
        (true, false) => 28,
    };
    let mut lines = wrap::lines(&format!("{number}. {activity}"), width);
    if let Some(alt) = step_text::alternate_note(sop, step, lang) {
        lines.extend(wrap::lines(&format!("({alt})"), width));
    }
    if !step.with.is_empty() {
        let names: Vec<&str> = step
            .with
            .iter()
            .map(|w| sop.actor(&w.value).map_or(w.value.as_str(), |a| a.display_name()))
            .collect();
        let with = format!("({} {})", lang.texts().with, names.join(", "));
        lines.extend(wrap::lines(&with, width));
    }
    if step.wait {
        lines.push(format!("({})", l.waiting));
    }
    if let Some(s) = &step.sub_sop {
        lines.extend(wrap::lines(&format!("[{} {}]", l.see_sop, s.value), width));
    }
    lines.join("\n")
}
