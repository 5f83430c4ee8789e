//! wrong-type (SOP003): a value of the wrong YAML type (text, list, mapping, number).
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP003",
    name: "wrong-type",
    default_level: Level::Error,
    summary: "a value of the wrong YAML type (text, list, mapping, number)",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a value whose YAML type does not fit its key: a list where text is
expected, a number where an id is expected, a branch label that YAML reads
as a boolean.

## Why is this bad?
The value cannot be used as written; the SOP would print wrongly or not at all.

## Example
```yaml
legal_basis: Undang-Undang Nomor 25 Tahun 2009   # must be a list
```
Write `legal_basis:` followed by `- Undang-Undang …` items.";
