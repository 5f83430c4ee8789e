//! Time budgets of one SOP: the best (shortest) and worst (longest)
//! start-to-end time, the critical path, the time per actor, the time spent
//! waiting on outside parties, and the steps whose time is unknown.
//!
//! The rules of the sum, from the SOP AP domain (sop-ap.md section 4):
//! - `wait: true` steps are left out of the totals and reported separately
//!   ([`Timing::wait`]), since a service time counts only the agency's own
//!   work ("dihitung sejak berkas diterima lengkap").
//! - Each loop is counted once (the first pass): a depth-first search from
//!   the start finds the back edges (the arrows of rework loops), which are
//!   dropped; the shortest and longest paths are then found on the remaining
//!   acyclic graph in O(V+E), in topological order.
//! - The worst case sums the upper bounds of ranges (`1-3 hari kerja` counts
//!   3), the best case the lower bounds.
//! - Working time (`menit`, `jam`), working days (`hari kerja`) and calendar
//!   time (`hari`, `minggu`, `bulan`) stay in separate buckets of
//!   [`Totals`]. To pick *which* path is longest, paths are ordered by
//!   [`order_key`]: first by calendar days, then by working time with a
//!   working day counted as the workday length. Calendar days come first
//!   because they cannot be converted without a calendar; where a choice
//!   between paths depended on that convention, [`Timing::mixed`] says so.
//!   [`compare`] checks a total against a limit by bounds (a calendar day
//!   holds at most one working day) and answers [`Verdict::NotComparable`]
//!   when the answer would depend on the calendar, rather than guess.
//!
//! The workday length is the SOP's own `workday:` when it has one, else the
//! run's setting (default 8 jam).

use crate::duration::{Duration, Totals};
use crate::graph::ProcessGraph;
use crate::model::Sop;

/// Time of one actor (Pelaksana).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorTime {
    /// The actor id as used in `actor` / `with`.
    pub actor: String,
    /// How many reachable, non-wait steps it does or joins (`with`),
    /// timed or not.
    pub steps: usize,
    /// How many of those have no usable `time` (left out of its totals); a
    /// numbered row counts once.
    pub untimed: usize,
    /// The sum of those steps' worst-case times (its load over the whole
    /// SOP, not one path: every branch counted). A numbered row of several
    /// steps adds its one time once to every actor in it.
    pub total: Totals,
    /// The sum of its steps on the critical (worst) path.
    pub critical: Totals,
}

/// The time budget of one SOP. Step numbers are indices into `sop.steps`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timing {
    /// The workday length used, in minutes.
    pub workday_minutes: u64,
    /// The shortest start-to-end time (lower bounds, wait excluded).
    pub best: Totals,
    /// The steps of the shortest path, start to end.
    pub best_path: Vec<usize>,
    /// The longest start-to-end time (upper bounds, wait excluded).
    pub worst: Totals,
    /// The critical path: the steps of the longest path, start to end.
    pub worst_path: Vec<usize>,
    /// Time per actor, in `actors` order (undeclared actor ids after, in
    /// order of first use).
    pub per_actor: Vec<ActorTime>,
    /// Waiting time on the critical path (upper bounds of its `wait` steps).
    pub wait: Totals,
    /// Every reachable `wait: true` step, in row order.
    pub wait_steps: Vec<usize>,
    /// Reachable, non-wait steps without a usable `time` (left out of every
    /// total), in row order.
    pub untimed: Vec<usize>,
    /// Reachable, non-wait steps with a usable `time`.
    pub timed: usize,
    /// Arrows dropped so each loop counts once: (from, to) step pairs.
    pub back_edges: Vec<(usize, usize)>,
    /// The best or worst figure mixes calendar time with working time, so
    /// which path is longest rests on the documented ordering.
    pub mixed: bool,
}

impl Timing {
    /// The worst total in working minutes, when it has no calendar time.
    pub fn worst_work_minutes(&self) -> Option<u64> {
        self.worst.in_work_minutes(self.workday_minutes)
    }

    /// Whether any step counted has a time: without one, every total is
    /// unknown rather than zero.
    pub fn has_times(&self) -> bool {
        self.timed > 0
    }

    /// Judges the worst case against `limit` honestly: a SOP without times
    /// cannot be judged, and one with untimed steps is at most "met so far"
    /// (untimed steps only add time, so "exceeds" stays certain).
    pub fn judge(&self, limit: &Totals) -> Verdict {
        if !self.has_times() {
            return Verdict::Untimed;
        }
        let v = compare(&self.worst, limit, self.workday_minutes);
        match v {
            Verdict::Within if !self.untimed.is_empty() => Verdict::SoFar(self.untimed.len()),
            v => v,
        }
    }
}

/// The result of comparing a total with a limit such as `service_time`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Within,
    Exceeds,
    /// One side has calendar time and the other working time: they cannot
    /// be compared without a calendar.
    NotComparable,
    /// No step states a time: nothing to judge.
    Untimed,
    /// The timed steps fit, but this many steps have no time: met so far,
    /// never "met".
    SoFar(usize),
}

impl Verdict {
    /// The stable JSON word.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Within => "within",
            Verdict::Exceeds => "exceeds",
            Verdict::NotComparable => "not_comparable",
            Verdict::Untimed => "no_times",
            Verdict::SoFar(_) => "within_so_far",
        }
    }
}

/// The ordering key of a total: (calendar days, working seconds with a
/// working day counted as `workday_minutes`). Lexicographic order on it is
/// compatible with addition, so longest/shortest paths stay exact.
pub fn order_key(t: &Totals, workday_minutes: u64) -> (u64, u64) {
    (
        t.calendar_days,
        t.work_seconds
            .saturating_add(t.work_days.saturating_mul(workday_minutes.saturating_mul(60))),
    )
}

/// Whether a total has calendar time and working time at once.
pub fn is_mixed(t: &Totals) -> bool {
    t.calendar_days > 0 && (t.work_days > 0 || t.work_seconds > 0)
}

/// Compares `total` with `limit` without guessing at a calendar.
///
/// Working time and working days convert through the workday. Calendar time
/// against working time is compared by bounds: any `n` calendar days hold
/// at most `n` working days (and possibly none), and a working day lasts at
/// least a calendar day. The answer is [`Verdict::Within`] or
/// [`Verdict::Exceeds`] only when it holds at both bounds, else
/// [`Verdict::NotComparable`].
pub fn compare(total: &Totals, limit: &Totals, workday_minutes: u64) -> Verdict {
    const DAY: u64 = 24 * 60 * 60;
    if total.is_zero() {
        return Verdict::Within;
    }
    let work = |t: &Totals| order_key(t, workday_minutes).1;
    match (limit.calendar_days > 0, limit.work_seconds > 0 || limit.work_days > 0) {
        // A limit in working time (`hari kerja`, `jam`).
        (false, _) => {
            let low = work(total);
            let high = low.saturating_add(
                total.calendar_days.saturating_mul(workday_minutes.saturating_mul(60)),
            );
            if high <= work(limit) {
                Verdict::Within
            } else if low > work(limit) {
                Verdict::Exceeds
            } else {
                Verdict::NotComparable
            }
        }
        // A limit in calendar time (`hari`, `minggu`, `bulan`).
        (true, false) => {
            let limit_min = limit.calendar_days.saturating_mul(DAY);
            let low = total
                .calendar_days
                .saturating_add(total.work_days)
                .saturating_mul(DAY)
                .saturating_add(total.work_seconds);
            if low > limit_min {
                Verdict::Exceeds
            } else if total.work_days == 0 && total.work_seconds == 0 {
                Verdict::Within
            } else {
                Verdict::NotComparable
            }
        }
        // A limit mixing both: only a bucket-by-bucket fit is certain.
        (true, true) => {
            if total.calendar_days <= limit.calendar_days && work(total) <= work(limit) {
                Verdict::Within
            } else {
                Verdict::NotComparable
            }
        }
    }
}

/// The verdict on `service_time` (its upper bound) against the worst
/// start-to-end total, if the SOP states one: what `sopmap timing` and
/// `list` show and what the service-time-exceeded rule (SOP303) reports.
/// Honest about missing times ([`Timing::judge`]): never "within" when
/// steps have no time.
pub fn service_verdict(sop: &Sop, t: &Timing) -> Option<Verdict> {
    let st = sop.service_time.as_ref()?;
    Some(t.judge(&Totals::of(&st.value, true)))
}

/// The workday length for `sop`: its own `workday:` wins over the run's.
pub fn effective_workday(sop: &Sop, run_workday_minutes: u64) -> u64 {
    sop.workday.as_ref().map_or(run_workday_minutes, |w| w.value.max_base().div_ceil(60)).max(1)
}

/// A step's worst- or best-case contribution: zero for `wait` and untimed steps.
fn cost(sop: &Sop, i: usize, upper: bool) -> Totals {
    match sop.steps.get(i) {
        Some(s) if !s.wait => s.time.as_ref().map(|t| Totals::of(&t.value, upper)),
        _ => None,
    }
    .unwrap_or_default()
}

fn duration_of(sop: &Sop, i: usize) -> Option<&Duration> {
    sop.steps.get(i).and_then(|s| s.time.as_ref()).map(|t| &t.value)
}

/// Depth-first search from `start`: the reverse postorder (a topological
/// order once back edges are dropped) and the back edges.
fn dfs(graph: &ProcessGraph, start: usize) -> (Vec<usize>, Vec<(usize, usize)>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; graph.len()];
    let mut post = Vec::with_capacity(graph.len());
    let mut back = Vec::new();
    let mut stack: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    if let Some(m) = mark.get_mut(start) {
        *m = Mark::Open;
        stack.push((start, graph.successors(start).into_iter().map(|(t, _)| t).collect(), 0));
    }
    while let Some((node, succ, pos)) = stack.last_mut() {
        let node = *node;
        match succ.get(*pos).copied() {
            Some(next) => {
                *pos += 1;
                match mark.get(next).copied() {
                    Some(Mark::New) => {
                        if let Some(m) = mark.get_mut(next) {
                            *m = Mark::Open;
                        }
                        let s = graph.successors(next).into_iter().map(|(t, _)| t).collect();
                        stack.push((next, s, 0));
                    }
                    Some(Mark::Open) => back.push((node, next)),
                    _ => {}
                }
            }
            None => {
                if let Some(m) = mark.get_mut(node) {
                    *m = Mark::Done;
                }
                post.push(node);
                stack.pop();
            }
        }
    }
    post.reverse();
    (post, back)
}

/// One pass of dynamic programming over the DAG: the extreme total to each
/// step and the predecessor it came from.
fn extreme_paths(
    sop: &Sop,
    graph: &ProcessGraph,
    order: &[usize],
    back: &[(usize, usize)],
    workday: u64,
    longest: bool,
) -> (Vec<Option<Totals>>, Vec<Option<usize>>) {
    let n = graph.len();
    let mut dist: Vec<Option<Totals>> = vec![None; n];
    let mut pred: Vec<Option<usize>> = vec![None; n];
    if let Some(&s) = order.first()
        && let Some(slot) = dist.get_mut(s)
    {
        *slot = Some(cost(sop, s, longest));
    }
    for &u in order {
        let Some(du) = dist.get(u).copied().flatten() else { continue };
        for (v, _) in graph.successors(u) {
            // `back` is sorted: a binary search keeps big SOPs linear-ish.
            if back.binary_search(&(u, v)).is_ok() {
                continue;
            }
            let candidate = du.plus(cost(sop, v, longest));
            let better = match dist.get(v).copied().flatten() {
                None => true,
                Some(old) => {
                    let (c, o) = (order_key(&candidate, workday), order_key(&old, workday));
                    if longest { c > o } else { c < o }
                }
            };
            if better {
                if let Some(d) = dist.get_mut(v) {
                    *d = Some(candidate);
                }
                if let Some(p) = pred.get_mut(v) {
                    *p = Some(u);
                }
            }
        }
    }
    (dist, pred)
}

fn path_to(pred: &[Option<usize>], end: usize) -> Vec<usize> {
    let mut path = vec![end];
    let mut cur = end;
    while let Some(p) = pred.get(cur).copied().flatten() {
        path.push(p);
        cur = p;
        if path.len() > pred.len() {
            break;
        }
    }
    path.reverse();
    path
}

/// The best/worst end reachable in `dist`: (end, total).
fn pick_end(
    dist: &[Option<Totals>],
    ends: &[usize],
    workday: u64,
    longest: bool,
) -> Option<(usize, Totals)> {
    let mut best: Option<(usize, Totals)> = None;
    for &e in ends {
        let Some(t) = dist.get(e).copied().flatten() else { continue };
        let better = match best {
            None => true,
            Some((_, b)) => {
                let (c, o) = (order_key(&t, workday), order_key(&b, workday));
                if longest { c > o } else { c < o }
            }
        };
        if better {
            best = Some((e, t));
        }
    }
    best
}

/// The time budget of `sop`; `None` when it has no start or no end can be
/// reached from it. With several starts the first (in row order) is used.
pub fn analyze(sop: &Sop, graph: &ProcessGraph, workday_minutes: u64) -> Option<Timing> {
    let workday = effective_workday(sop, workday_minutes);
    let start = graph.starts().first().copied()?;
    let (order, mut back_edges) = dfs(graph, start);
    back_edges.sort_unstable();
    let ends: Vec<usize> = graph.finishes();
    let (wdist, wpred) = extreme_paths(sop, graph, &order, &back_edges, workday, true);
    let (bdist, bpred) = extreme_paths(sop, graph, &order, &back_edges, workday, false);
    let (worst_end, worst) = pick_end(&wdist, &ends, workday, true)?;
    let (best_end, best) = pick_end(&bdist, &ends, workday, false)?;
    let worst_path = path_to(&wpred, worst_end);
    let best_path = path_to(&bpred, best_end);

    let mut reachable: Vec<usize> = order.clone();
    reachable.sort_unstable();

    let wait_steps: Vec<usize> =
        reachable.iter().copied().filter(|&i| sop.steps.get(i).is_some_and(|s| s.wait)).collect();
    // A step that continues a numbered row (`same_row`) is timed by the
    // row's first step: the row's time counts once.
    let rows = crate::model::Rows::of(sop);
    let untimed: Vec<usize> = reachable
        .iter()
        .copied()
        .filter(|&i| {
            duration_of(sop, i).is_none()
                && rows.is_first(i)
                && sop.steps.get(i).is_some_and(|s| !s.wait && !s.is_bare_capsule())
        })
        .collect();
    let timed = reachable
        .iter()
        .filter(|&&i| duration_of(sop, i).is_some() && sop.steps.get(i).is_some_and(|s| !s.wait))
        .count();
    let wait = worst_path
        .iter()
        .filter(|&&i| sop.steps.get(i).is_some_and(|s| s.wait))
        .filter_map(|&i| duration_of(sop, i))
        .fold(Totals::default(), |acc, d| acc.plus(Totals::of(d, true)));

    let per_actor = per_actor(sop, &rows, &reachable, &worst_path);
    let mixed = is_mixed(&worst) || is_mixed(&best);
    Some(Timing {
        workday_minutes: workday,
        best,
        best_path,
        worst,
        worst_path,
        per_actor,
        wait,
        wait_steps,
        untimed,
        timed,
        back_edges,
        mixed,
    })
}

fn per_actor(
    sop: &Sop,
    rows: &crate::model::Rows,
    reachable: &[usize],
    critical_path: &[usize],
) -> Vec<ActorTime> {
    let mut critical = vec![false; sop.steps.len()];
    for &i in critical_path {
        if let Some(c) = critical.get_mut(i) {
            *c = true;
        }
    }
    let mut out: Vec<ActorTime> = sop
        .actors
        .iter()
        .filter_map(|a| a.id.as_ref())
        .map(|id| ActorTime {
            actor: id.value.clone(),
            steps: 0,
            untimed: 0,
            total: Totals::default(),
            critical: Totals::default(),
        })
        .collect();
    // A numbered row of several steps (`same_row`) has one Waktu, on its
    // first step: the time the row takes. Every actor with a symbol in the
    // row (or `with` on one of its steps) is taken up by it, so each gets
    // the row's time once, as `with` gets a step's whole time; the SOP's
    // total counts it once. `row_actors` holds who already has the row.
    let mut row_actors: (usize, Vec<&str>) = (usize::MAX, Vec::new());
    for &i in reachable {
        let Some(step) = sop.steps.get(i) else { continue };
        let first = rows.row_of(i).map_or(i, |r| r.first);
        let Some(head) = sop.steps.get(first) else { continue };
        if head.wait {
            continue;
        }
        let c = cost(sop, first, true);
        let untimed = head.time.is_none() && !head.is_bare_capsule();
        let on_critical = critical.get(first).copied().unwrap_or(false);
        if row_actors.0 != first {
            row_actors = (first, Vec::new());
        }
        for who in step.actor.iter().chain(step.with.iter()) {
            let id = who.value.as_str();
            // Two steps of one actor in one row: two steps, one time.
            let again = row_actors.1.contains(&id);
            if !again {
                row_actors.1.push(id);
            }
            let entry = match out.iter().position(|a| a.actor == id) {
                Some(p) => out.get_mut(p),
                None => {
                    out.push(ActorTime {
                        actor: id.to_string(),
                        steps: 0,
                        untimed: 0,
                        total: Totals::default(),
                        critical: Totals::default(),
                    });
                    out.last_mut()
                }
            };
            if let Some(a) = entry {
                a.steps += 1;
                if again {
                    continue;
                }
                if untimed {
                    a.untimed += 1;
                    continue;
                }
                a.total = a.total.plus(c);
                if on_critical {
                    a.critical = a.critical.plus(c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_file as check_source};
    use crate::rules::testing::HEADER;
    use crate::source::SourceFile;

    fn timing_of(body: &str, workday: u64) -> (Sop, Option<Timing>) {
        let yaml = format!("{HEADER}{body}");
        let src = SourceFile::new("t.yaml", yaml);
        let checked = check_source(&src, 0, &Settings::default());
        let sop = checked.sop.unwrap();
        let graph = checked.graph.unwrap();
        let t = analyze(&sop, &graph, workday);
        (sop, t)
    }

    fn ids(sop: &Sop, path: &[usize]) -> Vec<String> {
        path.iter().map(|&i| sop.steps[i].id_str().to_string()).collect()
    }

    const ACTORS: &str = "actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n";

    #[test]
    fn straight_line_with_ranges() {
        // Hand count: mulai 15 menit + kerja 1-2 jam + selesai 15 menit.
        // best = 15 + 60 + 15 = 90 menit; worst = 15 + 120 + 15 = 150 menit.
        let body = format!(
            "{ACTORS}steps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 15 menit, next: kerja}}
  - {{id: kerja, kind: process, actor: b, activity: Kerja, time: 1-2 jam, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 15 menit}}
"
        );
        let (sop, t) = timing_of(&body, 480);
        let t = t.unwrap();
        assert_eq!(t.best.work_minutes(), 90);
        assert_eq!(t.worst.work_minutes(), 150);
        assert_eq!(ids(&sop, &t.worst_path), ["mulai", "kerja", "selesai"]);
        assert_eq!(t.per_actor[0].actor, "a");
        assert_eq!(t.per_actor[0].total.work_minutes(), 30);
        assert_eq!(t.per_actor[1].critical.work_minutes(), 120);
        assert!(!t.mixed);
        assert!(t.back_edges.is_empty());
    }

    #[test]
    fn loop_counted_once_and_wait_excluded() {
        // Flow: mulai(10 menit) -> periksa(1 hari kerja) -> lengkap? (5 menit)
        //   Ya -> selesai (10 menit); Tidak -> lengkapi (wait, 3 hari kerja) -> periksa.
        // The back edge lengkapi -> periksa is dropped, so the loop counts once.
        // worst: mulai, periksa, lengkap, selesai = 1 hari kerja + 25 menit
        //   (the Tidak branch cannot reach an end without the dropped back edge).
        // wait on the critical path: none; wait steps: [lengkapi].
        let body = format!(
            "{ACTORS}steps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 10 menit, next: periksa}}
  - {{id: periksa, kind: process, actor: b, activity: Periksa, time: 1 hari kerja, next: lengkap}}
  - id: lengkap
    kind: decision
    actor: b
    activity: Lengkap?
    time: 5 menit
    branches:
      - {{label: Ya, next: selesai}}
      - {{label: Tidak, next: lengkapi}}
  - {{id: lengkapi, kind: process, actor: a, activity: Melengkapi, time: 3 hari kerja, wait: true, next: periksa}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 10 menit}}
"
        );
        let (sop, t) = timing_of(&body, 480);
        let t = t.unwrap();
        assert_eq!(t.worst.work_days, 1);
        assert_eq!(t.worst.work_minutes(), 25);
        assert_eq!(t.best, t.worst);
        assert_eq!(ids(&sop, &t.worst_path), ["mulai", "periksa", "lengkap", "selesai"]);
        assert_eq!(t.back_edges, vec![(3, 1)]);
        assert_eq!(t.wait_steps, vec![3]);
        assert!(t.wait.is_zero());
        assert!(t.untimed.is_empty());
    }

    #[test]
    fn branches_pick_longest_and_shortest_and_count_wait_on_path() {
        // mulai 30 menit -> pilih? (0: untimed)
        //   Ya -> cepat 2 jam -> selesai 30 menit         = 3 jam
        //   Tidak -> tunggu (wait, 5 hari kerja) -> lama 1 hari kerja -> selesai
        //                                                 = 1 hari kerja + 1 jam
        // With an 8-jam workday: worst = Tidak branch (480+60 > 180), best = Ya branch.
        // Wait on the critical path: 5 hari kerja. Untimed: pilih.
        let body = format!(
            "{ACTORS}steps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 30 menit, next: pilih}}
  - id: pilih
    kind: decision
    actor: a
    activity: Pilih?
    time_note: sesuai kebutuhan
    branches:
      - {{label: Ya, next: cepat}}
      - {{label: Tidak, next: tunggu}}
  - {{id: cepat, kind: process, actor: b, activity: Cepat, time: 2 jam, next: selesai}}
  - {{id: tunggu, kind: process, actor: b, activity: Tunggu, time: 5 hari kerja, wait: true, next: lama}}
  - {{id: lama, kind: process, actor: b, with: [a], activity: Lama, time: 1 hari kerja, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 30 menit}}
"
        );
        let (sop, t) = timing_of(&body, 480);
        let t = t.unwrap();
        assert_eq!((t.worst.work_days, t.worst.work_minutes()), (1, 60));
        assert_eq!(ids(&sop, &t.worst_path), ["mulai", "pilih", "tunggu", "lama", "selesai"]);
        assert_eq!((t.best.work_days, t.best.work_minutes()), (0, 180));
        assert_eq!(ids(&sop, &t.best_path), ["mulai", "pilih", "cepat", "selesai"]);
        assert_eq!(t.wait.work_days, 5);
        assert_eq!(t.untimed, vec![1]);
        // a: mulai 30 + lama 1 hari kerja (with) + selesai 30; b: cepat 2 jam + lama.
        assert_eq!(
            t.per_actor[0].total,
            Totals { work_seconds: 3600, work_days: 1, calendar_days: 0 }
        );
        assert_eq!(
            t.per_actor[1].total,
            Totals { work_seconds: 7200, work_days: 1, calendar_days: 0 }
        );
        assert_eq!(
            t.per_actor[1].critical,
            Totals { work_seconds: 0, work_days: 1, calendar_days: 0 }
        );
        // A 1-jam workday turns the choice around: 1 hari kerja + 1 jam = 2 jam < 3 jam.
        let (sop, t) = timing_of(&body, 60);
        let t = t.unwrap();
        assert_eq!(ids(&sop, &t.worst_path), ["mulai", "pilih", "cepat", "selesai"]);
    }

    #[test]
    fn mixed_units_are_flagged_and_not_compared() {
        // mulai 1 jam -> kirim 2 minggu -> selesai 1 jam: worst = 14 hari + 2 jam (mixed).
        let body = format!(
            "{ACTORS}steps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: kirim}}
  - {{id: kirim, kind: process, actor: b, activity: Kirim, time: 2 minggu, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}
"
        );
        let (_, t) = timing_of(&body, 480);
        let t = t.unwrap();
        assert_eq!(t.worst, Totals { work_seconds: 7200, work_days: 0, calendar_days: 14 });
        assert!(t.mixed);
        assert_eq!(t.worst_work_minutes(), None);
        // Bounds: 14 calendar days hold 0 to 14 working days, so the worst is
        // between 2 jam and 14 hari kerja + 2 jam.
        let ten = Totals { work_seconds: 0, work_days: 10, calendar_days: 0 };
        assert_eq!(compare(&t.worst, &ten, 480), Verdict::NotComparable);
        let thirty = Totals { work_seconds: 0, work_days: 30, calendar_days: 0 };
        assert_eq!(compare(&t.worst, &thirty, 480), Verdict::Within);
        let hour = Totals { work_seconds: 3600, work_days: 0, calendar_days: 0 };
        assert_eq!(compare(&t.worst, &hour, 480), Verdict::Exceeds);
        // Against a calendar limit: at least 14 days + 2 jam, more with weekends.
        let month = Totals { work_seconds: 0, work_days: 0, calendar_days: 30 };
        assert_eq!(compare(&t.worst, &month, 480), Verdict::NotComparable);
        let week = Totals { work_seconds: 0, work_days: 0, calendar_days: 7 };
        assert_eq!(compare(&t.worst, &week, 480), Verdict::Exceeds);
    }

    #[test]
    fn compare_converts_through_the_workday() {
        let t = Totals { work_seconds: 5400, work_days: 2, calendar_days: 0 };
        let three = Totals { work_seconds: 0, work_days: 3, calendar_days: 0 };
        let two = Totals { work_seconds: 0, work_days: 2, calendar_days: 0 };
        assert_eq!(compare(&t, &three, 480), Verdict::Within);
        assert_eq!(compare(&t, &two, 480), Verdict::Exceeds);
        let cal = Totals { work_seconds: 0, work_days: 0, calendar_days: 30 };
        let cal2 = Totals { work_seconds: 0, work_days: 0, calendar_days: 31 };
        assert_eq!(compare(&cal2, &cal, 480), Verdict::Exceeds);
        assert_eq!(compare(&cal, &cal2, 480), Verdict::Within);
        assert_eq!(compare(&Totals::default(), &cal, 480), Verdict::Within);
    }

    #[test]
    fn sop_workday_wins_over_the_run_setting() {
        let body = format!(
            "workday: 7 jam\n{ACTORS}steps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}
"
        );
        let (_, t) = timing_of(&body, 480);
        assert_eq!(t.unwrap().workday_minutes, 420);
    }

    #[test]
    fn none_without_start_or_reachable_end() {
        let body = format!(
            "{ACTORS}steps:
  - {{id: kerja, kind: process, actor: a, activity: Kerja, time: 1 jam, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}
"
        );
        assert!(timing_of(&body, 480).1.is_none());
        let body = format!(
            "{ACTORS}steps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: kerja}}
  - {{id: kerja, kind: process, actor: a, activity: Kerja, time: 1 jam, next: mulai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}
"
        );
        assert!(timing_of(&body, 480).1.is_none());
    }

    #[test]
    fn a_joined_row_counts_once_in_the_total_and_once_for_each_actor_in_it() {
        let body = format!(
            "{ACTORS}  - id: c\n    name: C\nsteps:
  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 10 menit, next: serah}}
  - {{id: serah, kind: process, actor: a, activity: Menyerahkan, time: 30 menit, next: terima}}
  - {{id: terima, same_row: true, kind: process, actor: b, activity: Menerima, next: catat}}
  - {{id: catat, same_row: true, kind: process, actor: b, with: [c], activity: Mencatat, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 5 menit}}
"
        );
        let (_, t) = timing_of(&body, 480);
        let t = t.unwrap();
        // The row's 30 menit once: 10 + 30 + 5.
        assert_eq!(t.worst.work_minutes(), 45);
        assert!(t.untimed.is_empty());
        let of = |id: &str| t.per_actor.iter().find(|a| a.actor == id).unwrap();
        assert_eq!((of("a").steps, of("a").total.work_minutes(), of("a").untimed), (3, 45, 0));
        // b has two steps in the row: both counted, its time once.
        assert_eq!((of("b").steps, of("b").total.work_minutes(), of("b").untimed), (2, 30, 0));
        assert_eq!(of("b").critical.work_minutes(), 30);
        assert_eq!((of("c").steps, of("c").total.work_minutes()), (1, 30));
        // An untimed row is one untimed row for each of its actors.
        let untimed = body.replace(", time: 30 menit", "");
        let (_, t) = timing_of(&untimed, 480);
        let t = t.unwrap();
        let of = |id: &str| t.per_actor.iter().find(|a| a.actor == id).unwrap().untimed;
        assert_eq!((t.untimed.len(), of("a"), of("b"), of("c")), (1, 1, 1, 1));
    }
}
