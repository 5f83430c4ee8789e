//! Property test: on thousands of random small step graphs, the flow rules
//! unreachable-step (SOP204), dead-end (SOP205) and loop-without-exit
//! (SOP206) report exactly what a brute-force oracle derives from the
//! rules' documented semantics:
//!
//! - dead-end: a step that is neither `end` nor `decision` and has no
//!   successor;
//! - unreachable-step: a step not reachable from any `start` step (all
//!   references here resolve, so the check is never skipped);
//! - loop-without-exit: a strongly connected set of steps that is
//!   non-trivial (two or more steps, or one with an arrow to itself), is a
//!   bottom component (no arrow leaves it), contains no `end` (so none of
//!   its steps can reach one), and is reachable from a start; one finding
//!   per such set, whose path lies inside it. When the SOP has no `end` at
//!   all, missing-end reports the cause and no loop is reported.
//!
//! The oracle works on a transitive closure computed by fixpoint, not on
//! the graph library the checker uses. A small seeded generator (xorshift)
//! keeps runs deterministic and the dependency list short.

// Index loops mirror the textbook fixpoint and SCC definitions.
#![allow(clippy::needless_range_loop)]

use sopmap::check::{Settings, check_file as check_source};
use sopmap::source::SourceFile;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Start,
    Process,
    Decision,
    End,
}

#[derive(Debug)]
struct Graph {
    kinds: Vec<Kind>,
    succ: Vec<Vec<usize>>,
}

fn generate(rng: &mut Rng) -> Graph {
    let n = 2 + rng.below(6);
    let mut kinds = Vec::with_capacity(n);
    let mut succ = Vec::with_capacity(n);
    for i in 0..n {
        let kind = if i == 0 || rng.chance(5) {
            Kind::Start
        } else {
            match rng.below(10) {
                0..=3 => Kind::Process,
                4..=6 => Kind::Decision,
                _ => Kind::End,
            }
        };
        let targets = match kind {
            Kind::Start | Kind::Process if rng.chance(80) => vec![rng.below(n)],
            Kind::Start | Kind::Process | Kind::End => vec![],
            Kind::Decision => (0..2 + rng.below(2)).map(|_| rng.below(n)).collect(),
        };
        kinds.push(kind);
        succ.push(targets);
    }
    Graph { kinds, succ }
}

fn to_yaml(g: &Graph) -> String {
    let mut y = String::from(
        "schema: sop-ap/1\nid: acak\nlevel: mikro\ntype: teknis\nidentity:\n  agency: A\n  unit: U\n  number: N\n  title: T\n  created: 2024-01-01\n  effective: 2024-01-01\n  approved_by: {position: Kepala}\nlegal_basis: [a]\nqualifications: [a]\nequipment: [a]\nwarnings: [a]\nrecords: [a]\nactors: [{id: p, name: P}]\nsteps:\n",
    );
    for (i, (kind, targets)) in g.kinds.iter().zip(&g.succ).enumerate() {
        let k = match kind {
            Kind::Start => "start",
            Kind::Process => "process",
            Kind::Decision => "decision",
            Kind::End => "end",
        };
        y.push_str(&format!("  - {{id: s{i}, kind: {k}, actor: p, activity: A, time: 5 menit"));
        match kind {
            Kind::Decision => {
                let b: Vec<String> = targets
                    .iter()
                    .enumerate()
                    .map(|(j, t)| format!("{{label: c{j}, next: s{t}}}"))
                    .collect();
                y.push_str(&format!(", branches: [{}]", b.join(", ")));
            }
            _ => {
                if let Some(t) = targets.first() {
                    y.push_str(&format!(", next: s{t}"));
                }
            }
        }
        y.push_str("}\n");
    }
    y
}

/// `reach[i][j]`: a path of one or more arrows leads from i to j.
fn closure(g: &Graph) -> Vec<Vec<bool>> {
    let n = g.kinds.len();
    let mut reach = vec![vec![false; n]; n];
    for (i, ts) in g.succ.iter().enumerate() {
        for &t in ts {
            reach[i][t] = true;
        }
    }
    loop {
        let mut changed = false;
        for i in 0..n {
            for j in 0..n {
                if reach[i][j] {
                    for k in 0..n {
                        if reach[j][k] && !reach[i][k] {
                            reach[i][k] = true;
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            return reach;
        }
    }
}

struct Expected {
    unreachable: Vec<usize>,
    dead_ends: Vec<usize>,
    /// Each trapped loop as its sorted member list.
    traps: Vec<Vec<usize>>,
}

fn oracle(g: &Graph) -> Expected {
    let n = g.kinds.len();
    let reach = closure(g);
    let starts: Vec<usize> = (0..n).filter(|&i| g.kinds[i] == Kind::Start).collect();
    let reached = |j: usize| starts.iter().any(|&s| s == j || reach[s][j]);
    let unreachable = (0..n).filter(|&j| !reached(j)).collect();
    let dead_ends = (0..n)
        .filter(|&i| matches!(g.kinds[i], Kind::Start | Kind::Process) && g.succ[i].is_empty())
        .collect();
    let has_end = g.kinds.contains(&Kind::End);
    let mut traps: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let comp: Vec<usize> = (0..n).filter(|&j| j == i || (reach[i][j] && reach[j][i])).collect();
        if comp[0] != i {
            continue; // each component once, from its first member
        }
        let nontrivial = comp.len() > 1 || reach[i][i];
        let bottom = comp.iter().all(|&a| g.succ[a].iter().all(|t| comp.contains(t)));
        let no_end = comp.iter().all(|&a| g.kinds[a] != Kind::End);
        if has_end && nontrivial && bottom && no_end && reached(i) {
            traps.push(comp);
        }
    }
    Expected { unreachable, dead_ends, traps }
}

fn first_id(message: &str) -> usize {
    let id = message.split('`').nth(1).unwrap();
    id.trim_start_matches('s').parse().unwrap()
}

fn loop_path(message: &str) -> Vec<usize> {
    let path = message.strip_prefix("loop without exit: ").unwrap();
    let path = path.split(" never reaches").next().unwrap();
    path.split(" -> ").map(|s| s.trim_start_matches('s').parse().unwrap()).collect()
}

#[test]
fn flow_rules_agree_with_a_brute_force_oracle() {
    let mut rng = Rng(0x5eed_50a9_0000_0001);
    let mut seen_traps = 0;
    let mut seen_unreachable = 0;
    let mut seen_dead = 0;
    for case in 0..1500 {
        let g = generate(&mut rng);
        let yaml = to_yaml(&g);
        let src = SourceFile::new("acak.yaml", yaml.clone());
        let checked = check_source(&src, 0, &Settings::default());
        let with = |code: &str| -> Vec<&str> {
            checked
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .map(|d| d.message.en.as_str())
                .collect()
        };
        let want = oracle(&g);
        let ctx = || format!("case {case}:\n{yaml}\nfindings: {:#?}", checked.diagnostics);

        let mut unreachable: Vec<usize> = with("SOP204").iter().map(|m| first_id(m)).collect();
        unreachable.sort_unstable();
        assert_eq!(unreachable, want.unreachable, "unreachable-step, {}", ctx());

        let mut dead: Vec<usize> = with("SOP205").iter().map(|m| first_id(m)).collect();
        dead.sort_unstable();
        assert_eq!(dead, want.dead_ends, "dead-end, {}", ctx());

        let loops = with("SOP206");
        assert_eq!(loops.len(), want.traps.len(), "loop-without-exit count, {}", ctx());
        let mut matched = vec![false; want.traps.len()];
        for m in &loops {
            let path = loop_path(m);
            assert_eq!(path.first(), path.last(), "a loop path returns to its start: {m}");
            let k = want
                .traps
                .iter()
                .position(|t| path.iter().all(|s| t.contains(s)))
                .unwrap_or_else(|| panic!("loop {m} is not inside a trapped set, {}", ctx()));
            assert!(!matched[k], "two findings for one trapped set, {}", ctx());
            matched[k] = true;
            // Consecutive steps of the path are real arrows.
            for w in path.windows(2) {
                assert!(g.succ[w[0]].contains(&w[1]), "no arrow s{} -> s{} in {m}", w[0], w[1]);
            }
        }
        seen_traps += want.traps.len();
        seen_unreachable += want.unreachable.len();
        seen_dead += want.dead_ends.len();
    }
    // The generator must actually exercise every rule.
    assert!(
        seen_traps > 100 && seen_unreachable > 100 && seen_dead > 100,
        "{seen_traps} {seen_unreachable} {seen_dead}"
    );
}
