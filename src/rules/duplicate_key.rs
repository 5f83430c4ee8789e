//! duplicate-key (SOP009): the same key written twice in one mapping.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP009",
    name: "duplicate-key",
    default_level: Level::Error,
    summary: "the same key written twice in one mapping",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a key that appears twice in the same mapping and points at the first.

## Why is this bad?
YAML tools disagree on which value wins; the author meant one of them.

## Example
```yaml
  - id: periksa
    time: 1 jam
    time: 2 jam
```";
