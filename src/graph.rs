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
    /// Steps with a branch that ends the procedure (`outcome`): the flow
    /// can finish there although no `end` step follows.
    exits: Vec<bool>,
    /// Steps with an arrow whose target is unknown: a malformed `next`
    /// value, a branch without `next`, a decision with fewer than two
    /// branches, or an unknown id with no near miss.
    dangling: Vec<bool>,
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
        let exits = sop.steps.iter().map(|s| s.has_outcome_branch()).collect();
        // A malformed arrow was reported while lowering; its real target is
        // unknown, so the flow rules must not build findings on its absence.
        let mut dangling: Vec<bool> = sop
            .steps
            .iter()
            .map(|s| {
                let short_decision = s.kind() == Some(StepKind::Decision) && s.branches.len() < 2;
                (s.next_key.is_some() && s.next.is_none())
                    || s.branches.iter().any(|b| b.next.is_none() && b.outcome.is_none())
                    || short_decision
            })
            .collect();
        for u in unresolved.iter().filter(|u| u.suggestion.is_none()) {
            if let Some(d) = dangling.get_mut(u.step) {
                *d = true;
            }
        }
        ProcessGraph { graph, index, kinds, exits, dangling, unresolved }
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

    /// Steps where the procedure can finish: `end` steps and decisions
    /// with a branch that ends it (`outcome`), in row order. Reachability
    /// of an end, loops and timing treat both alike.
    pub fn finishes(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| {
                self.kind(i) == Some(StepKind::End) || self.exits.get(i).copied().unwrap_or(false)
            })
            .collect()
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

    /// Whether step `i` has an arrow whose target is unknown (a malformed
    /// `next`, a branch without `next`, or an id that names no step and
    /// could not be guessed): its real successor is unknown.
    pub fn has_dangling_successor(&self, i: usize) -> bool {
        self.dangling.get(i).copied().unwrap_or(false)
    }

    /// Whether any step has an arrow whose target is unknown; reachability
    /// findings are then unreliable.
    pub fn has_dangling(&self) -> bool {
        self.dangling.iter().any(|&d| d)
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

    /// Strongly connected components (Kosaraju: iterative, so a chain of
    /// tens of thousands of steps cannot overflow the stack as petgraph's
    /// recursive Tarjan does), each sorted by row, the
    /// list sorted by first row. Singletons are included.
    pub fn sccs(&self) -> Vec<Vec<usize>> {
        sorted_sccs(&self.graph)
    }

    /// Whether step `i` has an arrow to itself.
    pub fn has_self_loop(&self, i: usize) -> bool {
        self.graph.contains_edge(NodeIndex::new(i), NodeIndex::new(i))
    }

    /// The loops of the flow: the strongly connected components that hold
    /// a cycle (several steps, or one step with an arrow to itself), each
    /// sorted by row, in row order.
    pub fn loops(&self) -> Vec<Vec<usize>> {
        self.sccs()
            .into_iter()
            .filter(|c| match c.as_slice() {
                [only] => self.has_self_loop(*only),
                _ => true,
            })
            .collect()
    }

    /// A shortest cycle through `start` that stays inside `scc` (a loop from
    /// [`loops`](Self::loops), sorted by row), as the list of steps from
    /// `start` back to (but not repeating) `start`. Costs the size of the
    /// loop, not of the whole graph, so listing every loop stays linear.
    pub fn cycle_through(&self, start: usize, scc: &[usize]) -> Vec<usize> {
        shortest_cycle(start, scc, |u| self.successors(u).into_iter().map(|(v, _)| v))
    }
}

fn edge_order(k: EdgeKind) -> usize {
    match k {
        EdgeKind::Next => 0,
        EdgeKind::Branch(b) => b + 1,
    }
}

/// Strongly connected components of a small graph given as `n` nodes and
/// `(from, to)` edges (used for the links between SOPs), in the same order
/// as [`ProcessGraph::sccs`].
pub fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, edges.len());
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b) in edges {
        if a < n && b < n {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
    }
    sorted_sccs(&g)
}

/// The strongly connected components of `g`, each sorted, the list sorted
/// by first member; singletons included. Kosaraju's algorithm walks
/// iteratively, so a chain of tens of thousands of nodes cannot overflow
/// the stack as petgraph's recursive Tarjan does.
fn sorted_sccs<N, E>(g: &DiGraph<N, E>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = petgraph::algo::kosaraju_scc(g)
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

/// A shortest cycle through `start` that stays inside `component` (sorted,
/// e.g. from [`ProcessGraph::loops`] or [`components`]), found by a
/// breadth-first search over `successors`: the nodes from `start` back to
/// (but not repeating) `start`, or just `[start]` when there is none. Costs
/// the size of the component, not of the whole graph, so listing every
/// loop stays linear. Both the flow of a SOP and the links between SOPs
/// use it.
pub fn shortest_cycle<I: IntoIterator<Item = usize>>(
    start: usize,
    component: &[usize],
    mut successors: impl FnMut(usize) -> I,
) -> Vec<usize> {
    use std::collections::VecDeque;
    let inside = |j: usize| component.binary_search(&j).is_ok();
    // Parent of each node reached by the search (`start` has none).
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(u) = queue.pop_front() {
        for v in successors(u) {
            if v == start {
                let mut path = vec![u];
                let mut cur = u;
                while let Some(&p) = parent.get(&cur) {
                    path.push(p);
                    cur = p;
                }
                path.reverse();
                return path;
            }
            if inside(v) && !parent.contains_key(&v) {
                parent.insert(v, u);
                queue.push_back(v);
            }
        }
    }
    vec![start]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Spanned;
    use crate::source::SourceFile;

    /// A SOP whose steps form one chain `s0 -> s1 -> … -> s{n-1}`, built
    /// by cloning a lowered step (parsing a file this long is slow in a
    /// debug build, and the point here is the graph).
    fn chain(n: usize) -> Sop {
        let yaml = crate::rules::testing::sop(
            "  - {id: a, kind: process, actor: p, activity: A, time: 5 menit, next: b}\n",
        );
        let src = SourceFile::new("t.yaml", yaml);
        let root = crate::yaml::parse(&src.text, crate::yaml::Limits::default()).unwrap();
        let mut sop = crate::model::lower(&root, 0, &mut Vec::new()).unwrap();
        let template = sop.steps[0].clone();
        sop.steps = (0..n)
            .map(|i| {
                let mut s = template.clone();
                s.id = Some(Spanned::new(format!("s{i}"), template.span));
                s.next = (i + 1 < n).then(|| Spanned::new(format!("s{}", i + 1), template.span));
                s
            })
            .collect();
        sop
    }

    #[test]
    fn sccs_of_a_very_long_chain_do_not_overflow_the_stack() {
        // petgraph's Tarjan recurses once per step and overflowed the main
        // thread's stack on a ~60,000-step chain (a 10 MB file).
        let mut sop = chain(200_000);
        let last = sop.steps.len() - 1;
        sop.steps[last].next = Some(Spanned::new("s0".into(), sop.steps[0].span));
        let g = ProcessGraph::build(&sop);
        let sccs = g.sccs();
        assert_eq!(sccs.len(), 1);
        assert_eq!(sccs[0].len(), 200_000);
        assert!(g.reachable_from(&[0]).iter().all(|&r| r));
        assert!(g.co_reachable(&[last]).iter().all(|&r| r));
    }

    #[test]
    fn sccs_are_sorted_by_row_and_include_singletons() {
        let mut sop = chain(4);
        sop.steps[3].next = Some(Spanned::new("s2".into(), sop.steps[0].span));
        let g = ProcessGraph::build(&sop);
        assert_eq!(g.sccs(), vec![vec![0], vec![1], vec![2, 3]]);
        assert_eq!(g.cycle_through(2, &[2, 3]), vec![2, 3]);
        assert_eq!(g.loops(), vec![vec![2, 3]]);
    }
}
