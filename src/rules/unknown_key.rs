//! unknown-key (SOP002): a key that the sop-ap/1 format does not define.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP002",
    name: "unknown-key",
    default_level: Level::Error,
    summary: "a key that the sop-ap/1 format does not define",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a key that is not part of the `sop-ap/1` format at that place, and
suggests the closest valid key.

## Why is this bad?
A misspelt key is silently ignored by every other tool: `requirement:` instead
of `requirements:` loses the Kelengkapan column from the printed SOP.

## Example
```yaml
  - id: periksa
    kind: process
    actr: verifikator      # did you mean `actor`?
```";
