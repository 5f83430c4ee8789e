//! misplaced-key (SOP008): a key that does not belong on a step of this kind.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MISPLACED_KEY, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_code, lint_detail, sop};

    #[test]
    fn next_on_a_decision() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, next: b, branches: [{label: Ya, next: b}, {label: Tidak, next: a}]}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP008");
        expect(
            found,
            &[
                "24:69 SOP008 `next` is not allowed on the decision step `d`; help: a decision leads on through its `branches`; move the target into a branch",
            ],
        );
    }

    #[test]
    fn branches_and_outcome_on_a_process() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c, outcome: x, branches: []}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit, outcome: Selesai}\n",
        );
        let found = lint_code(&y, "SOP008");
        expect(
            found,
            &[
                "24:75 SOP008 `outcome` is not allowed on the process step `b`",
                "24:87 SOP008 `branches` is not allowed on the process step `b`",
            ],
        );
    }

    #[test]
    fn sub_sop_on_an_end() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit, sub_sop: lain-sop}\n",
        );
        let found = lint_code(&y, "SOP008");
        expect(found, &["24:62 SOP008 `sub_sop` is not allowed on the end step `c`"]);
    }
}
