//! invalid-value (SOP005): a value outside the allowed set, or an id with invalid characters.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP005",
    name: "invalid-value",
    default_level: Level::Error,
    summary: "a value outside the allowed set, or an id with invalid characters",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a value that is not one of the allowed words (`level: makro|mikro`,
`kind: start|process|decision|end`, `relation: parent|child|…`) or an id
that uses characters other than lowercase letters, digits, `-` or `_`.

## Why is this bad?
Tools and other SOPs refer to these values by their exact spelling.

## Example
```yaml
  - id: cek
    kind: keputusan        # expected `start`, `process`, `decision` or `end`
```";
