//! invalid-date (SOP007): a date that is not an ISO date YYYY-MM-DD.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP007",
    name: "invalid-date",
    default_level: Level::Error,
    summary: "a date that is not an ISO date YYYY-MM-DD",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Checks `created`, `revised` and `effective` are real dates written as
`YYYY-MM-DD`. `revised` may also be null or `-` when the SOP was never revised.

## Why is this bad?
`15/11/2022` is read differently in different countries and tools, and
`2022-02-30` does not exist.

## Example
```yaml
  created: 15-11-2022     # write `2022-11-15`
```";
