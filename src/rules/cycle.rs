//! cycle (SOP209, off by default): every loop in the flow.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule {
    code: "SOP209",
    name: "cycle",
    default_level: Level::Off,
    summary: "a loop in the flow (off by default; for SOPs that must be acyclic)",
    explanation: EXPLANATION,
    check: Check::Sop(check),
};

const EXPLANATION: &str = "## What it does
Lists every loop in the flow, as a path `a -> b -> a` starting at its
earliest row. Off by default: enable it with `--select cycle` (or in
`sopmap.yaml`) when your SOPs must be free of loops.

## Why is this bad?
It is not, usually: rework loops with an exit are normal in SOP AP and
`loop-without-exit` already reports the harmful ones. Some agencies still
require every revision to go through a new, numbered step.

## Example
```yaml
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: perbaiki}
  - id: perbaiki
    kind: process
    next: periksa      # periksa -> perbaiki -> periksa
```";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    for scc in g.loops() {
        let Some(&first) = scc.first() else { continue };
        let cycle = g.cycle_through(first, &scc);
        let Some(step) = cx.sop.steps.get(first) else { continue };
        let extra = if scc.len() > cycle.len() {
            format!(" ({} steps in this strongly connected part)", scc.len())
        } else {
            String::new()
        };
        out.push(Diagnostic::new(
            &RULE,
            cx.file,
            step.anchor(),
            format!("loop {}{extra}", cx.sop.cycle_text(&cycle)),
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
