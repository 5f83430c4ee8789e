//! missing-start (SOP201): no step has `kind: start`.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule {
    code: "SOP201",
    name: "missing-start",
    default_level: Level::Error,
    summary: "no step has `kind: start`",
    explanation: EXPLANATION,
    check: Check::Sop(check),
};

const EXPLANATION: &str = "## What it does
Checks that the SOP has a step of `kind: start` (the first capsule of the
flowchart). Also reports a SOP whose `steps` list is empty.

## Why is this bad?
PermenPANRB 35/2012 requires a SOP to bound its first, main and last
activities explicitly. Without a start, nothing says where the procedure
begins, and reachability cannot be checked.

## Example
```yaml
steps:
  - id: terima_berkas
    kind: process        # the first row should be `kind: start`
```";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(first) = cx.sop.steps.first() else {
        out.push(
            Diagnostic::new(&RULE, cx.file, cx.sop.span, "the SOP has no steps")
                .help("add the activities under `steps:`, starting with a `kind: start` step"),
        );
        return;
    };
    if !cx.graph.starts().is_empty() {
        return;
    }
    // Point at the first row's kind: that is where the start usually belongs.
    let span = first.kind.as_ref().map_or(first.anchor(), |k| k.span);
    if first.kind.is_none() && cx.sop.steps.iter().all(|s| s.kind.is_none()) {
        return; // every kind is missing or invalid: already reported
    }
    out.push(
        Diagnostic::new(&RULE, cx.file, span, "no step has `kind: start`")
            .help(format!("make the first activity `{}` a `kind: start` step", first.id_str())),
    );
}
