//! misplaced-key (SOP008): a key that does not belong on a step of this kind.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP008",
    name: "misplaced-key",
    default_level: Level::Error,
    summary: "a key that does not belong on a step of this kind",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports keys that exist in the format but not on this kind of step: `next`
on a decision (a decision leads on through its branches), `branches` on a
process or start step, `sub_sop` outside process steps, and `outcome`
outside end steps.

## Why is this bad?
The arrow or label would be drawn somewhere the SOP AP symbols do not allow,
and readers cannot tell which of two arrows is meant.

## Example
```yaml
  - id: cek_lengkap
    kind: decision
    next: terima          # use the branches instead
    branches: …
```";
