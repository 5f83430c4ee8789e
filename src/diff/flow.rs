//! Changes to the arrows of steps present in both versions: `next` and
//! branches added, removed, retargeted or relabelled.
//!
//! Old targets are translated through the step matching first, so an arrow
//! into a renamed step is the same arrow. Arrows of added and removed
//! steps are part of those steps, not flow changes; an arrow of a kept
//! step that now leads to an added step is a retarget.

use std::collections::HashMap;

use crate::diff::FlowChange;
use crate::diff::matching::Matching;
use crate::model::{Sop, Step};

/// The id an old target has in the new version (`index`: old ids to
/// rows, first definition wins as in the process graph).
fn target_in_new(index: &HashMap<&str, usize>, new: &Sop, m: &Matching, target: &str) -> String {
    index
        .get(target)
        .and_then(|&i| m.new_of(i))
        .and_then(|j| new.steps.get(j))
        .map_or_else(|| target.to_string(), |s| s.id_str().to_string())
}

fn branches(step: &Step, map: &dyn Fn(&str) -> String) -> Vec<(String, String)> {
    step.branches
        .iter()
        .filter_map(|b| {
            let next = b.next.as_ref()?;
            let label = b.label.as_ref().map_or_else(String::new, |l| l.value.clone());
            Some((label, map(&next.value)))
        })
        .collect()
}

/// Flow changes in new row order.
pub fn changes(old: &Sop, new: &Sop, m: &Matching) -> Vec<FlowChange> {
    let mut out = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(old.steps.len());
    for (i, s) in old.steps.iter().enumerate() {
        if let Some(id) = &s.id {
            index.entry(id.value.as_str()).or_insert(i);
        }
    }
    let map_old = |t: &str| target_in_new(&index, new, m, t);
    let same = |t: &str| t.to_string();
    for (j, b) in new.steps.iter().enumerate() {
        let Some(a) = m.old_of(j).and_then(|i| old.steps.get(i)) else { continue };
        let from = b.id_str().to_string();
        let old_next = a.next.as_ref().map(|n| map_old(&n.value));
        let new_next = b.next.as_ref().map(|n| n.value.clone());
        match (old_next, new_next) {
            (Some(o), Some(n)) if o != n => out.push(FlowChange::Retargeted {
                from: from.clone(),
                label: None,
                old_to: o,
                new_to: n,
            }),
            (Some(o), None) => {
                out.push(FlowChange::Removed { from: from.clone(), label: None, to: o });
            }
            (None, Some(n)) => {
                out.push(FlowChange::Added { from: from.clone(), label: None, to: n });
            }
            _ => {}
        }
        branch_changes(&from, branches(a, &map_old), branches(b, &same), &mut out);
    }
    out
}

/// Pairs branches by label (a different target is a retarget), then the
/// rest by target (a different label is a relabel); what is left was
/// added or removed.
fn branch_changes(
    from: &str,
    old: Vec<(String, String)>,
    new: Vec<(String, String)>,
    out: &mut Vec<FlowChange>,
) {
    let mut old_left: Vec<Option<(String, String)>> = old.into_iter().map(Some).collect();
    let mut new_left: Vec<Option<(String, String)>> = Vec::new();
    for (label, to) in new {
        let hit = old_left.iter_mut().find(|o| o.as_ref().is_some_and(|(l, _)| *l == label));
        match hit.and_then(Option::take) {
            Some((_, old_to)) if old_to != to => out.push(FlowChange::Retargeted {
                from: from.into(),
                label: Some(label),
                old_to,
                new_to: to,
            }),
            Some(_) => {}
            None => new_left.push(Some((label, to))),
        }
    }
    for slot in &mut new_left {
        let Some((label, to)) = slot.as_ref() else { continue };
        let hit = old_left.iter_mut().find(|o| o.as_ref().is_some_and(|(_, t)| t == to));
        if let Some((old_label, _)) = hit.and_then(Option::take) {
            out.push(FlowChange::Relabeled {
                from: from.into(),
                to: to.clone(),
                old_label,
                new_label: label.clone(),
            });
            *slot = None;
        }
    }
    for (label, to) in new_left.into_iter().flatten() {
        out.push(FlowChange::Added { from: from.into(), label: Some(label), to });
    }
    for (label, to) in old_left.into_iter().flatten() {
        out.push(FlowChange::Removed { from: from.into(), label: Some(label), to });
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::FlowChange;
    use crate::diff::testing::{BASE, diff_texts};

    #[test]
    fn branch_retargeted_and_relabeled() {
        let new = BASE
            .replace(
                "      - label: Tidak\n        next: mulai",
                "      - label: Tidak\n        next: selesai",
            )
            .replace("label: Ya", "label: Lengkap");
        let d = diff_texts(BASE, &new);
        assert_eq!(
            d.flow,
            vec![
                FlowChange::Retargeted {
                    from: "periksa".into(),
                    label: Some("Tidak".into()),
                    old_to: "mulai".into(),
                    new_to: "selesai".into()
                },
                FlowChange::Relabeled {
                    from: "periksa".into(),
                    to: "proses".into(),
                    old_label: "Ya".into(),
                    new_label: "Lengkap".into()
                },
            ]
        );
    }

    #[test]
    fn edges_through_a_renamed_step_are_unchanged() {
        let new = BASE.replace("id: proses", "id: olah").replace("next: proses", "next: olah");
        let d = diff_texts(BASE, &new);
        assert!(d.flow.is_empty(), "{:?}", d.flow);
        assert_eq!(d.steps.len(), 1);
    }
}
