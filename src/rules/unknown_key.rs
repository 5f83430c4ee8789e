//! unknown-key (SOP002): a key that the sop-ap/1 format does not define.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::UNKNOWN_KEY, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint_code, lint_detail, sop};

    #[test]
    fn top_level_typo_gets_a_suggestion() {
        let y = format!("{HEADER}servce_time: 2 jam\n");
        let found = lint_detail(&y, "SOP002");
        expect(
            found,
            &[
                "19:1 SOP002 unknown key `servce_time` in the document; help: did you mean `service_time`?",
            ],
        );
    }

    #[test]
    fn step_key_typo() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activty: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP002");
        expect(
            found,
            &["23:36 SOP002 unknown key `activty` in step `a`; help: did you mean `activity`?"],
        );
    }

    #[test]
    fn unrelated_key_lists_the_expected_ones() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b, zzzzzzzzzz: 1}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP002");
        expect(found, &["23:73 SOP002 unknown key `zzzzzzzzzz` in step `a`"]);
    }

    #[test]
    fn the_fix_renames_the_key_unless_the_right_one_is_there() {
        use crate::rules::testing::fixed;
        let y = sop(
            "  - {id: a, kind: start, actor: p, activty: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let (text, settled) = fixed(&y);
        assert!(text.contains("actor: p, activity: Mulai,"), "{text}");
        assert!(settled);
        let both = y.replace("activty: Mulai", "activty: Mulai, activity: Mulai");
        assert_eq!(fixed(&both).0, both);
    }
}
