//! The process graph: steps as nodes, `next` and branches as labelled
//! edges, built with petgraph. The only module that imports petgraph; rules
//! ask it questions (starts, ends, reachability, co-reachability, strongly
//! connected components), all in O(V+E).
//!
//! Node `i` is step `i` of the SOP (row order). A reference to an unknown
//! step is recorded in [`ProcessGraph::unresolved`]; when the name is a
//! near miss of a real id, the edge is drawn to that step (marked
//! `assumed`) so one typo does not make half the SOP look unreachable.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Dfs, EdgeRef, Reversed};

use crate::model::{Sop, StepKind};
use crate::source::Span;
use crate::suggest;

/// Which arrow of a step an edge is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// The step's `next`.
    Next,
    /// Branch `i` of a decision.
    Branch(usize),
}

/// An arrow from one step to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// The span of the target id as written.
    pub span: Span,
    /// The target was misspelt and this edge goes to the closest id.
    pub assumed: bool,
}

/// A `next` or branch target naming no step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub step: usize,
    pub kind: EdgeKind,
    pub target: String,
    pub span: Span,
    /// The step the name most likely meant.
    pub suggestion: Option<usize>,
}

/// The flow of one SOP.
#[derive(Debug)]
pub struct ProcessGraph {
    graph: DiGraph<usize, Edge>,
    index: HashMap<String, usize>,
    kinds: Vec<Option<StepKind>>,
    /// In step order (several per step in arrow order).
    pub unresolved: Vec<Unresolved>,
}

impl ProcessGraph {
    /// Builds the graph of `sop`. Duplicate ids resolve to their first
    /// definition (the duplicate-id rule reports the others).
    pub fn build(sop: &Sop) -> ProcessGraph {
        let n = sop.steps.len();
        let mut graph = DiGraph::with_capacity(n, n + n / 2);
        let mut index = HashMap::with_capacity(n);
        for (i, step) in sop.steps.iter().enumerate() {
            graph.add_node(i);
            if let Some(id) = &step.id {
                index.entry(id.value.clone()).or_insert(i);
            }
        }
        let mut unresolved = Vec::new();
        // Sorted, so the candidate list does not depend on hash order.
        let mut ids: Vec<&str> = Vec::new();
        let mut budget = suggest::Budget::PER_FILE;
        for (i, step) in sop.steps.iter().enumerate() {
            let targets = step.next.iter().map(|t| (EdgeKind::Next, t)).chain(
                step.branches
                    .iter()
                    .enumerate()
                    .filter_map(|(b, br)| br.next.as_ref().map(|t| (EdgeKind::Branch(b), t))),
            );
            for (kind, target) in targets {
                match index.get(&target.value) {
                    Some(&j) => {
                        graph.add_edge(
                            NodeIndex::new(i),
                            NodeIndex::new(j),
                            Edge { kind, span: target.span, assumed: false },
                        );
                    }
                    None => {
                        if ids.is_empty() {
                            ids = index.keys().map(String::as_str).collect();
                            ids.sort_unstable();
                        }
                        let suggestion = suggest::closest_within(&target.value, &ids, &mut budget)
                            .and_then(|s| index.get(s).copied());
                        if let Some(j) = suggestion {
                            graph.add_edge(
                                NodeIndex::new(i),
                                NodeIndex::new(j),
                                Edge { kind, span: target.span, assumed: true },
                            );
                        }
                        unresolved.push(Unresolved {
                            step: i,
                            kind,
                            target: target.value.clone(),
                            span: target.span,
                            suggestion,
                        });
                    }
                }
            }
        }
        let kinds = sop.steps.iter().map(|s| s.kind()).collect();
        ProcessGraph { graph, index, kinds, unresolved }
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// The step with this id (its first definition).
    pub fn step(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Every step id known to the graph.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    fn kind(&self, i: usize) -> Option<StepKind> {
        self.kinds.get(i).copied().flatten()
    }

    /// Steps of `kind: start`, in row order.
    pub fn starts(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.kind(i) == Some(StepKind::Start)).collect()
    }

    /// Steps of `kind: end`, in row order.
    pub fn ends(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.kind(i) == Some(StepKind::End)).collect()
    }

    /// Outgoing arrows of step `i`: (target, edge), in the order written.
    pub fn successors(&self, i: usize) -> Vec<(usize, Edge)> {
        let mut out: Vec<(usize, Edge)> = self
            .graph
            .edges_directed(NodeIndex::new(i), Direction::Outgoing)
            .map(|e| (e.target().index(), *e.weight()))
            .collect();
        // petgraph lists edges newest first; restore the written order.
        out.reverse();
        out
    }

    /// Incoming arrows of step `i`: (source, edge), sources in row order.
    pub fn predecessors(&self, i: usize) -> Vec<(usize, Edge)> {
        let mut out: Vec<(usize, Edge)> = self
            .graph
            .edges_directed(NodeIndex::new(i), Direction::Incoming)
            .map(|e| (e.source().index(), *e.weight()))
            .collect();
        out.sort_by_key(|(s, e)| (*s, edge_order(e.kind)));
        out
    }

    /// Whether step `i` has an arrow that names no step and could not be
    /// guessed: its real successor is unknown.
    pub fn has_dangling_successor(&self, i: usize) -> bool {
        // `unresolved` is built in step order: a binary search keeps rules
        // that ask this of every step linear in files with many broken refs.
        let from = self.unresolved.partition_point(|u| u.step < i);
        self.unresolved
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|u| u.step == i)
            .any(|u| u.suggestion.is_none())
    }

    /// Steps reachable from `from` (including them), as a mask by step.
    pub fn reachable_from(&self, from: &[usize]) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut dfs = Dfs::empty(&self.graph);
        for &s in from {
            dfs.move_to(NodeIndex::new(s));
            while let Some(n) = dfs.next(&self.graph) {
                if let Some(slot) = seen.get_mut(n.index()) {
                    *slot = true;
                }
            }
        }
        seen
    }

    /// Steps from which one of `to` can be reached (including them), by a
    /// search over the reversed graph.
    pub fn co_reachable(&self, to: &[usize]) -> Vec<bool> {
        let rev = Reversed(&self.graph);
        let mut seen = vec![false; self.len()];
        let mut dfs = Dfs::empty(rev);
        for &s in to {
            dfs.move_to(NodeIndex::new(s));
            while let Some(n) = dfs.next(rev) {
                if let Some(slot) = seen.get_mut(n.index()) {
                    *slot = true;
                }
            }
        }
        seen
    }

    /// Strongly connected components (Tarjan), each sorted by row, the
    /// list sorted by first row. Singletons are included.
    pub fn sccs(&self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = petgraph::algo::tarjan_scc(&self.graph)
            .into_iter()
            .map(|c| {
                let mut v: Vec<usize> = c.into_iter().map(NodeIndex::index).collect();
                v.sort_unstable();
                v
            })
            .collect();
        out.sort_by_key(|c| c.first().copied().unwrap_or(usize::MAX));
        out
    }

    /// Whether step `i` has an arrow to itself.
    pub fn has_self_loop(&self, i: usize) -> bool {
        self.graph.contains_edge(NodeIndex::new(i), NodeIndex::new(i))
    }

    /// A shortest cycle through `start` that stays inside `members`, as the
    /// list of steps from `start` back to (but not repeating) `start`.
    pub fn cycle_through(&self, start: usize, members: &[bool]) -> Vec<usize> {
        use std::collections::VecDeque;
        let inside = |j: usize| members.get(j).copied().unwrap_or(false);
        let mut parent: Vec<Option<usize>> = vec![None; self.len()];
        let mut queue = VecDeque::from([start]);
        let mut seen = vec![false; self.len()];
        while let Some(u) = queue.pop_front() {
            for (v, _) in self.successors(u) {
                if v == start {
                    let mut path = vec![u];
                    let mut cur = u;
                    while let Some(p) = parent.get(cur).copied().flatten() {
                        path.push(p);
                        cur = p;
                    }
                    if path.last() != Some(&start) {
                        path.push(start);
                    }
                    path.reverse();
                    path.dedup();
                    return path;
                }
                if inside(v) && !seen.get(v).copied().unwrap_or(true) {
                    if let Some(s) = seen.get_mut(v) {
                        *s = true;
                    }
                    if let Some(p) = parent.get_mut(v) {
                        *p = Some(u);
                    }
                    queue.push_back(v);
                }
            }
        }
        vec![start]
    }
}

fn edge_order(k: EdgeKind) -> usize {
    match k {
        EdgeKind::Next => 0,
        EdgeKind::Branch(b) => b + 1,
    }
}
