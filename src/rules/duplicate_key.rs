//! duplicate-key (SOP009): the same key written twice in one mapping.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::DUPLICATE_KEY, check: Check::Reported };

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
