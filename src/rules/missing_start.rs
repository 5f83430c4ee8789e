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
```
While some step's `kind` is missing or invalid (already reported), this
rule stays quiet: that step may well be the start.";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // An empty `steps` list is reported while lowering (model/lower.rs);
    // a missing or malformed one is reported as a schema problem.
    let Some(first) = cx.sop.steps.first() else { return };
    if !cx.graph.starts().is_empty() {
        return;
    }
    // Point at the first row's kind: that is where the start usually belongs.
    let span = first.kind.as_ref().map_or(first.anchor(), |k| k.span);
    if cx.sop.steps.iter().any(|s| s.kind.is_none()) {
        return; // a missing or invalid kind (already reported) may be the start
    }
    out.push(
        Diagnostic::new(&RULE, cx.file, span, "no step has `kind: start`")
            .help(format!("make the first activity `{}` a `kind: start` step", first.id_str())),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_detail, sop};

    #[test]
    fn no_start() {
        let y = sop(
            "  - {id: a, kind: process, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP201");
        expect(
            found,
            &[
                "23:19 SOP201 no step has `kind: start`; help: make the first activity `a` a `kind: start` step",
            ],
        );
    }

    #[test]
    fn empty_steps() {
        let y = format!("{HEADER}actors: [{{id: p, name: P}}]\nsteps: []\n");
        let found = lint(&y);
        expect(found, &["20:8 SOP201 the SOP has no steps"]);
    }

    #[test]
    fn missing_steps_is_a_missing_key_only() {
        let y = format!("{HEADER}actors: [{{id: p, name: P}}]\n");
        let found = lint(&y);
        expect(
            found,
            &["1:1 SOP004 the document is missing the required key `steps` (Uraian kegiatan)"],
        );
    }
}
