//! loop-without-exit (SOP206): a loop none of whose steps can reach an end.

use crate::diagnostic::Diagnostic;
use crate::graph::EdgeKind;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::LOOP_WITHOUT_EXIT, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    if g.finishes().is_empty() {
        return; // missing-end reports the cause; every loop would follow
    }
    // Steps whose real successor is unknown get the benefit of the doubt.
    let mut exits = g.finishes();
    exits.extend((0..g.len()).filter(|&i| g.has_dangling_successor(i)));
    let can_finish = g.co_reachable(&exits);
    let starts = g.starts();
    let reached = (!starts.is_empty()).then(|| g.reachable_from(&starts));
    for scc in g.loops() {
        let Some(&first) = scc.first() else { continue };
        if scc.iter().any(|&i| can_finish.get(i).copied().unwrap_or(true)) {
            continue;
        }
        if reached.as_ref().is_some_and(|r| !r.get(first).copied().unwrap_or(false)) {
            continue; // unreachable-step reports it
        }
        let inside = |j: usize| scc.binary_search(&j).is_ok();
        // Only the bottom of a trap is the cause; a loop that leads into
        // another trap (or a dead end) would just repeat that finding.
        if scc.iter().any(|&i| g.successors(i).iter().any(|(j, _)| !inside(*j))) {
            continue;
        }
        report(cx, out, &scc);
    }
}

fn report(cx: &Context<'_>, out: &mut Vec<Diagnostic>, scc: &[usize]) {
    let g = cx.graph;
    let inside = |j: usize| scc.binary_search(&j).is_ok();
    // The arrow into the loop from outside, preferring a decision branch.
    let mut entry = None;
    for &i in scc {
        for (p, e) in g.predecessors(i) {
            if inside(p) {
                continue;
            }
            let better = match (&entry, e.kind) {
                (None, _) => true,
                (Some((_, _, old)), EdgeKind::Branch(_)) => !matches!(old, EdgeKind::Branch(_)),
                _ => false,
            };
            if better {
                entry = Some((p, e, e.kind));
            }
        }
    }
    let start = match entry {
        Some((_, e, _)) => scc
            .iter()
            .copied()
            .find(|&i| g.predecessors(i).iter().any(|(_, pe)| pe.span == e.span))
            .unwrap_or(scc.first().copied().unwrap_or(0)),
        None => scc.first().copied().unwrap_or(0),
    };
    let cycle = g.cycle_through(start, scc);
    let name = |i: usize| cx.sop.steps.get(i).map_or("?", |s| s.id_str());
    let path = cx.sop.cycle_text(&cycle);
    let (span, entered) = match entry {
        Some((p, e, EdgeKind::Branch(b))) => {
            let label = cx
                .sop
                .steps
                .get(p)
                .and_then(|s| s.branches.get(b))
                .and_then(|br| br.label.as_ref())
                .map_or_else(|| format!("#{}", b + 1), |l| format!("`{}`", l.value));
            (
                e.span,
                msg!(
                    "; dimasuki melalui cabang {label} dari keputusan `{}`"
                        / "; entered through branch {label} of `{}`",
                    name(p)
                ),
            )
        }
        Some((p, e, EdgeKind::Next)) => {
            (e.span, msg!("; dimasuki dari `{}`" / "; entered from `{}`", name(p)))
        }
        None => (cx.sop.steps.get(start).map_or(cx.sop.span, |s| s.anchor()), msg!("" / "")),
    };
    let mut d = Diagnostic::new(
        &RULE,
        cx.file,
        span,
        msg!(
            "perulangan tanpa jalan keluar: {path} tidak pernah sampai ke langkah akhir{}"
                / "loop without exit: {path} never reaches an end step{}",
            entered
        ),
    );
    for &i in &cycle {
        if let Some(s) = cx.sop.steps.get(i) {
            d = d.label(s.anchor(), msg!("bagian dari perulangan" / "in the loop"));
        }
    }
    let decisions: Vec<&str> = scc
        .iter()
        .filter(|&&i| cx.sop.steps.get(i).is_some_and(|s| !s.branches.is_empty()))
        .map(|&i| name(i))
        .collect();
    let help = match decisions.first() {
        Some(d) => msg!(
            "beri keputusan `{d}` cabang yang menuju langkah akhir"
                / "give decision `{d}` a branch that leads towards an end step"
        ),
        None => msg!(
            "tambahkan keputusan di dalam perulangan dengan cabang yang menuju langkah akhir"
                / "add a decision to the loop with a branch that leads towards an end step"
        ),
    };
    out.push(d.help(help));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_detail, sop};

    const ACTORS: &str = "actors:\n  - id: p\n    name: Petugas\n";

    #[test]
    fn reports_the_trap_once_at_the_entering_branch() {
        let yaml = format!(
            "{HEADER}{ACTORS}steps:
  - id: terima
    kind: start
    actor: p
    activity: Menerima berkas
    time: 5 menit
    next: periksa
  - id: periksa
    kind: decision
    actor: p
    activity: Lengkap?
    time: 5 menit
    branches:
      - label: Ya
        next: selesai
      - label: Tidak
        next: perbaiki
  - id: perbaiki
    kind: process
    actor: p
    activity: Memperbaiki
    time: 5 menit
    next: cek_lagi
  - id: cek_lagi
    kind: decision
    actor: p
    activity: Sudah benar?
    time: 5 menit
    branches:
      - label: Ya
        next: perbaiki
      - label: Tidak
        next: perbaiki
  - id: selesai
    kind: end
    actor: p
    activity: Selesai
    time: 5 menit
"
        );
        let found = lint(&yaml);
        assert!(found.contains(
            &"38:15 SOP206 loop without exit: perbaiki -> cek_lagi -> perbaiki never reaches an end step; entered through branch `Tidak` of `periksa`".to_string()
        ), "{found:#?}");
    }

    #[test]
    fn rework_loop_with_exit_is_fine() {
        let yaml = format!(
            "{HEADER}{ACTORS}steps:
  - id: terima
    kind: start
    actor: p
    activity: Menerima
    time: 5 menit
    next: periksa
  - id: periksa
    kind: decision
    actor: p
    activity: Lengkap?
    time: 5 menit
    branches:
      - label: Ya
        next: selesai
      - label: Tidak
        next: perbaiki
  - id: perbaiki
    kind: process
    actor: p
    activity: Memperbaiki
    time: 5 menit
    next: periksa
  - id: selesai
    kind: end
    actor: p
    activity: Selesai
    time: 5 menit
"
        );
        assert_eq!(lint(&yaml), Vec::<String>::new());
    }

    #[test]
    fn process_loop_entered_by_next() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: x}\n  - {id: x, kind: process, actor: p, activity: X, time: 5 menit, next: y}\n  - {id: y, kind: process, actor: p, activity: Y, time: 5 menit, next: x}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP206").into_iter().chain(lint(&y)).collect::<Vec<_>>();
        expect(
            found,
            &[
                "23:70 SOP206 loop without exit: x -> y -> x never reaches an end step; entered from `a`; label 24:10: in the loop; label 25:10: in the loop; help: add a decision to the loop with a branch that leads towards an end step",
                "23:70 SOP206 loop without exit: x -> y -> x never reaches an end step; entered from `a`",
                "26:10 SOP204 step `c` is unreachable: no arrow leads to it (follow-on)",
            ],
        );
    }

    #[test]
    fn a_branch_with_an_outcome_is_a_way_out() {
        // "Tidak: dikembalikan ke pemohon" ends the procedure outside the
        // table: the loop can be left, nothing is a dead end or unreachable.
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: q, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: b}, {label: Tidak, outcome: Dikembalikan ke pemohon}]}\n",
        );
        expect(lint(&y), &[]);
    }
}
