//! missing-time (SOP301): a step with neither `time` nor `time_note`.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule {
    code: "SOP301",
    name: "missing-time",
    default_level: Level::Warning,
    summary: "a step with neither `time` nor `time_note` (Mutu Baku: Waktu)",
    explanation: EXPLANATION,
    check: Check::Sop(check),
};

const EXPLANATION: &str = "## What it does
Warns about a step that states no time: no `time` and no `time_note`.

## Why is this bad?
Every activity's Mutu Baku names the time it needs. Without it the time
budget of the SOP cannot be checked against its service time.

## Example
```yaml
  - id: periksa
    kind: process
    activity: Memeriksa berkas
    # add `time: 30 menit`, or `time_note: sesuai jumlah berkas`
```";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in &cx.sop.steps {
        if step.has_time || step.time_note.is_some() || step.misspelt.contains(&"time") {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                cx.file,
                step.anchor(),
                format!("step `{}` has no `time` (Mutu Baku: Waktu)", step.id_str()),
            )
            .help("add `time: 15 menit` (or `1 hari kerja` …), or `time_note:` when it cannot be quantified"),
        );
    }
}
