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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_detail, sop};

    #[test]
    fn repeated_key_labels_the_first() {
        let y = sop(
            "  - id: a\n    kind: start\n    actor: p\n    activity: A\n    time: 5 menit\n    next: c\n    next: a\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP009");
        expect(
            found,
            &[
                "29:5 SOP009 key `next` appears twice in step `a`; label 28:5: first written here; help: remove one of them; only the first is used",
            ],
        );
    }
}
