//! cycle (SOP209, off by default): every loop in the flow.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::CYCLE, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for scc in g.loops() {
        let Some(&first) = scc.first() else { continue };
        let cycle = g.cycle_through(first, &scc);
        let Some(step) = cx.sop.steps.get(first) else { continue };
        let extra = if scc.len() > cycle.len() {
            msg!(
                " ({} langkah saling terhubung dalam perulangan ini)"
                    / " ({} steps in this strongly connected part)",
                scc.len()
            )
        } else {
            msg!("" / "")
        };
        let path = cx.sop.cycle_text(&cycle);
        out.push(Diagnostic::new(
            &RULE,
            cx.file,
            step.anchor(),
            msg!("perulangan {path}{}" / "loop {path}{}", extra),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, sop};

    #[test]
    fn off_by_default() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Lengkap?, time: 5 menit, branches: [{label: Ya, next: c}, {label: Tidak, next: r}]}\n  - {id: r, kind: process, actor: p, activity: Perbaiki, time: 5 menit, next: d}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &[]);
    }

    #[test]
    fn lists_the_rework_loop_when_selected() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Lengkap?, time: 5 menit, branches: [{label: Ya, next: c}, {label: Tidak, next: r}]}\n  - {id: r, kind: process, actor: p, activity: Perbaiki, time: 5 menit, next: d}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP209");
        expect(found, &["24:10 SOP209 loop d -> r -> d"]);
    }

    #[test]
    fn self_loop() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Lagi?, time: 5 menit, branches: [{label: Ya, next: d}, {label: Tidak, next: c}]}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP209");
        expect(found, &["24:10 SOP209 loop d -> d"]);
    }
}
