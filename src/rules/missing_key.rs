//! missing-key (SOP004): a required key is missing.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP004",
    name: "missing-key",
    default_level: Level::Error,
    summary: "a required key is missing",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a required key that is absent: for example `identity.number`
(Nomor SOP), `actors`, or a step without `actor` or `activity`.

## Why is this bad?
PermenPANRB 35/2012 requires every part of the identity block and every
column of the flowchart table. A SOP without them cannot be signed.

## Example
```yaml
  - id: periksa
    kind: process
    activity: Memeriksa berkas     # `actor` is missing
    next: selesai
```";
