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

    #[test]
    fn mutu_baku_on_a_step_that_continues_a_row() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, same_row: true, kind: process, actor: q, activity: B, time: 5 menit, row: 1, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        expect(
            lint_code(&y, "SOP008"),
            &[
                "24:67 SOP008 `time` is not allowed on step `b`, which continues the row before it (`same_row: true`)",
                "24:82 SOP008 `row` is not allowed on step `b`, which continues the row before it (`same_row: true`)",
            ],
        );
    }

    #[test]
    fn a_branch_with_next_and_outcome() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: b}, {label: Tidak, next: b, outcome: Ditolak}]}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        expect(
            lint_code(&y, "SOP008"),
            &[
                "24:126 SOP008 a branch has both `next` and `outcome`; it either leads to a step or ends the procedure",
            ],
        );
    }
}
