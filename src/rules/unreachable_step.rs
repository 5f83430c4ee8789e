//! unreachable-step (SOP204): a step no path from the start leads to.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule {
    code: "SOP204",
    name: "unreachable-step",
    default_level: Level::Error,
    summary: "a step that no path from the start step reaches",
    explanation: EXPLANATION,
    check: Check::Sop(check),
};

const EXPLANATION: &str = "## What it does
Follows every arrow from the start step and reports the steps it never
reaches. This is transitive: a step that is only referenced by other
unreachable steps is unreachable too, which a check for \"unreferenced\"
steps misses.

## Why is this bad?
An unreachable row is never carried out. Usually an arrow is missing or
points at the wrong step.

## Example
```yaml
  - id: cek_lengkap
    kind: decision
    branches:
      - {label: Ya, next: proses}
      - {label: Tidak, next: proses}   # `kembalikan` is never reached
  - id: kembalikan
    kind: process
    next: terima
```
The check is skipped while a `next` names an unknown step that could not be
guessed, since the missing arrow may well be the one that reaches it.";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let starts = cx.graph.starts();
    let Some(&start) = starts.first() else { return };
    if cx.graph.unresolved.iter().any(|u| u.suggestion.is_none()) {
        return;
    }
    let reached = cx.graph.reachable_from(&starts);
    let start_id = cx.sop.steps.get(start).map_or("?", |s| s.id_str());
    for (i, step) in cx.sop.steps.iter().enumerate() {
        if reached.get(i).copied().unwrap_or(true) {
            continue;
        }
        let preds = cx.graph.predecessors(i);
        let message = if preds.is_empty() {
            format!("step `{}` is unreachable: no arrow leads to it", step.id_str())
        } else {
            format!("step `{}` is unreachable from the start step `{start_id}`", step.id_str())
        };
        let mut d = Diagnostic::new(&RULE, cx.file, step.anchor(), message);
        if let Some((p, e)) = preds.first() {
            let from = cx.sop.steps.get(*p).map_or("?", |s| s.id_str());
            d = d.label(e.span, format!("only reached from `{from}`, which is itself unreachable"));
        }
        out.push(d.help("add an arrow to it from a reachable step, or remove it"));
    }
}
