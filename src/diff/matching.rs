//! Pairing the actors and steps of the old version with those of the new.
//!
//! Steps and actors are matched by id. What is left over on both sides is
//! paired by content: an old step whose content (everything but its id and
//! its arrows) equals exactly one unmatched new step's, and the other way
//! round, was renamed. Actors pair the same way by name. Ambiguous content
//! (two identical leftovers) is not guessed at: those stay added/removed.

use std::collections::BTreeMap;

use crate::model::{Actor, Sop, Step};

/// Pairing of old rows/columns with new ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// `old_to_new[i]` is the new index of old item `i`, if it has one.
    pub old_to_new: Vec<Option<usize>>,
    /// `new_to_old[j]` is the old index of new item `j`, if it has one.
    pub new_to_old: Vec<Option<usize>>,
    /// Pairs made by content, not by id: (old, new).
    pub renamed: Vec<(usize, usize)>,
}

impl Matching {
    fn new(old_len: usize, new_len: usize) -> Matching {
        Matching {
            old_to_new: vec![None; old_len],
            new_to_old: vec![None; new_len],
            renamed: Vec::new(),
        }
    }

    fn pair(&mut self, i: usize, j: usize) {
        if let Some(slot) = self.old_to_new.get_mut(i) {
            *slot = Some(j);
        }
        if let Some(slot) = self.new_to_old.get_mut(j) {
            *slot = Some(i);
        }
    }

    pub fn new_of(&self, i: usize) -> Option<usize> {
        self.old_to_new.get(i).copied().flatten()
    }

    pub fn old_of(&self, j: usize) -> Option<usize> {
        self.new_to_old.get(j).copied().flatten()
    }

    /// Pairs by key (first occurrence on each side), then the leftovers by
    /// a content key that is unique on both sides.
    fn build<K: Ord, C: Ord>(
        old: Vec<(Option<K>, C)>,
        new: Vec<(Option<K>, C)>,
        same_content: impl Fn(usize, usize) -> bool,
    ) -> Matching {
        let mut m = Matching::new(old.len(), new.len());
        let mut by_key: BTreeMap<&K, usize> = BTreeMap::new();
        for (j, (key, _)) in new.iter().enumerate() {
            if let Some(k) = key {
                by_key.entry(k).or_insert(j);
            }
        }
        for (i, (key, _)) in old.iter().enumerate() {
            if let Some(j) = key.as_ref().and_then(|k| by_key.get(k).copied())
                && m.old_of(j).is_none()
            {
                m.pair(i, j);
            }
        }
        let mut old_left: BTreeMap<&C, Vec<usize>> = BTreeMap::new();
        for (i, (_, c)) in old.iter().enumerate() {
            if m.new_of(i).is_none() {
                old_left.entry(c).or_default().push(i);
            }
        }
        let mut new_left: BTreeMap<&C, Vec<usize>> = BTreeMap::new();
        for (j, (_, c)) in new.iter().enumerate() {
            if m.old_of(j).is_none() {
                new_left.entry(c).or_default().push(j);
            }
        }
        for (content, olds) in &old_left {
            if let (Some(news), [i]) = (new_left.get(content), olds.as_slice())
                && let [j] = news.as_slice()
                && same_content(*i, *j)
            {
                m.pair(*i, *j);
                m.renamed.push((*i, *j));
            }
        }
        m.renamed.sort_unstable();
        m
    }
}

fn actor_id(a: &Actor) -> Option<String> {
    a.id.as_ref().map(|i| i.value.clone())
}

/// Pairs actors by id, then by name.
pub fn match_actors(old: &Sop, new: &Sop) -> Matching {
    let key = |a: &Actor| (actor_id(a), a.name.as_ref().map(|n| n.value.clone()));
    let old_keys: Vec<_> = old.actors.iter().map(key).collect();
    let new_keys: Vec<_> = new.actors.iter().map(key).collect();
    // Actors without a name have nothing to recognise them by.
    Matching::build(old_keys, new_keys, |i, j| {
        old.actors.get(i).is_some_and(|a| a.name.is_some())
            && new.actors.get(j).is_some_and(|a| a.name.is_some())
    })
}

/// The id an old actor has in the new version (itself when not renamed).
pub fn actor_in_new<'a>(old: &'a Sop, new: &'a Sop, actors: &Matching, id: &'a str) -> &'a str {
    old.actor_index(id)
        .and_then(|i| actors.new_of(i))
        .and_then(|j| new.actors.get(j))
        .and_then(|a| a.id.as_ref())
        .map_or(id, |i| i.value.as_str())
}

/// What a step is, apart from its id and its arrows, with actor ids
/// translated into the new version's ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Content {
    kind: Option<&'static str>,
    actor: Option<String>,
    with: Vec<String>,
    activity: Option<String>,
    requirements: Vec<String>,
    time: Option<String>,
    time_note: Option<String>,
    wait: bool,
    output: Option<String>,
    notes: Option<String>,
    sub_sop: Option<String>,
    outcome: Option<String>,
    labels: Vec<Option<String>>,
}

fn text(v: &Option<crate::model::Spanned<String>>) -> Option<String> {
    v.as_ref().map(|s| s.value.clone())
}

/// The content of `step` as it would read in the new version.
pub fn content(step: &Step, map_actor: &dyn Fn(&str) -> String) -> Content {
    Content {
        kind: step.kind().map(|k| k.as_str()),
        actor: step.actor.as_ref().map(|a| map_actor(&a.value)),
        with: step.with.iter().map(|w| map_actor(&w.value)).collect(),
        activity: text(&step.activity),
        requirements: step.requirements.iter().map(|r| r.value.clone()).collect(),
        time: step.time.as_ref().map(|t| t.value.normalized()),
        time_note: text(&step.time_note),
        wait: step.wait,
        output: text(&step.output),
        notes: text(&step.notes),
        sub_sop: text(&step.sub_sop),
        outcome: text(&step.outcome),
        labels: step.branches.iter().map(|b| text(&b.label)).collect(),
    }
}

/// Pairs steps by id, then renamed steps by content.
pub fn match_steps(old: &Sop, new: &Sop, actors: &Matching) -> Matching {
    let map_old = |a: &str| actor_in_new(old, new, actors, a).to_string();
    let same = |a: &str| a.to_string();
    let old_keys: Vec<_> = old
        .steps
        .iter()
        .map(|s| (s.id.as_ref().map(|i| i.value.clone()), content(s, &map_old)))
        .collect();
    let new_keys: Vec<_> = new
        .steps
        .iter()
        .map(|s| (s.id.as_ref().map(|i| i.value.clone()), content(s, &same)))
        .collect();
    Matching::build(old_keys, new_keys, |_, _| true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::testing::{BASE, Owned};

    #[test]
    fn steps_match_by_id_and_renames_by_content() {
        let a = Owned::new("a.yaml", BASE);
        let b = Owned::new(
            "b.yaml",
            &BASE.replace("id: proses", "id: olah").replace("next: proses", "next: olah"),
        );
        let (sa, sb) = (a.version().sop, b.version().sop);
        let actors = match_actors(sa, sb);
        let m = match_steps(sa, sb, &actors);
        assert_eq!(m.old_to_new, vec![Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(m.renamed, vec![(2, 2)]);
    }

    #[test]
    fn ambiguous_content_is_not_a_rename() {
        let m = Matching::build(
            vec![(Some("a"), 1), (Some("b"), 1)],
            vec![(Some("c"), 1), (Some("d"), 1)],
            |_, _| true,
        );
        assert!(m.renamed.is_empty());
        assert_eq!(m.old_to_new, vec![None, None]);
    }
}
