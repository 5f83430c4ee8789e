//! unreachable-step (SOP204): a step no path from the start leads to.

use crate::diagnostic::{Diagnostic, FollowOn};
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::UNREACHABLE_STEP, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let starts = cx.graph.starts();
    let Some(&start) = starts.first() else { return };
    if cx.graph.has_dangling() {
        return;
    }
    // A repeated id is reported by duplicate-id; references resolve to the
    // first definition, so the repeat looks unreachable. Treat it as reached
    // so that neither it nor the steps after it pile up follow-on findings.
    let repeats: Vec<usize> = cx
        .sop
        .steps
        .iter()
        .enumerate()
        .filter(|(i, s)| s.id.as_ref().is_some_and(|id| cx.graph.step(&id.value) != Some(*i)))
        .map(|(i, _)| i)
        .collect();
    let mut roots = starts.clone();
    roots.extend(&repeats);
    let reached = cx.graph.reachable_from(&roots);
    let start_id = cx.sop.steps.get(start).map_or("?", |s| s.id_str());
    // When no path from the start finishes, the flow is stopped by a loop
    // without exit or a dead end, and the unreachable steps that lead to
    // a finish are the way out it cut off: they follow from that cause
    // (grouped under it when it is reported; see `fold_follow_ons`).
    let finishes = cx.graph.finishes();
    let stopped =
        !finishes.is_empty() && !finishes.iter().any(|&f| reached.get(f).copied().unwrap_or(true));
    let leads_on = if stopped { cx.graph.co_reachable(&finishes) } else { Vec::new() };
    for (i, step) in cx.sop.steps.iter().enumerate() {
        if reached.get(i).copied().unwrap_or(true) {
            continue;
        }
        let preds = cx.graph.predecessors(i);
        let message = if preds.is_empty() {
            msg!(
                "langkah `{}` tidak dapat dicapai: tidak ada panah yang menuju ke sana"
                    / "step `{}` is unreachable: no arrow leads to it",
                step.id_str()
            )
        } else {
            msg!(
                "langkah `{}` tidak dapat dicapai dari langkah awal `{start_id}`"
                    / "step `{}` is unreachable from the start step `{start_id}`",
                step.id_str()
            )
        };
        let mut d = Diagnostic::new(&RULE, cx.file, step.anchor(), message);
        if let Some((p, e)) = preds.first() {
            let from = cx.sop.steps.get(*p).map_or("?", |s| s.id_str());
            d = d.label(
                e.span,
                msg!(
                    "hanya dicapai dari `{from}`, yang juga tidak dapat dicapai"
                        / "only reached from `{from}`, which is itself unreachable"
                ),
            );
        }
        if leads_on.get(i).copied().unwrap_or(false) {
            d = d.follows(FollowOn::FlowStopped);
        }
        out.push(d.help(msg!(
            "tambahkan panah ke langkah ini dari langkah yang dapat dicapai, atau hapus langkah ini"
                / "add an arrow to it from a reachable step, or remove it"
        )));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_detail, sop};

    #[test]
    fn transitively_unreachable() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: x, kind: process, actor: p, activity: X, time: 5 menit, next: y}\n  - {id: y, kind: process, actor: p, activity: Y, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP204");
        expect(
            found,
            &[
                "24:10 SOP204 step `x` is unreachable: no arrow leads to it; help: add an arrow to it from a reachable step, or remove it",
                "25:10 SOP204 step `y` is unreachable from the start step `a`; label 24:72: only reached from `x`, which is itself unreachable; help: add an arrow to it from a reachable step, or remove it",
            ],
        );
    }

    #[test]
    fn several_ends_are_fine() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: e1}, {label: Tidak, next: e2}]}\n  - {id: e1, kind: end, actor: q, activity: Selesai, time: 5 menit}\n  - {id: e2, kind: end, actor: q, activity: Ditutup, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &[]);
    }
}
