//! wrong-type (SOP003): a value of the wrong YAML type (text, list, mapping, number).
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::WRONG_TYPE, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_detail, sop};

    #[test]
    fn number_where_text_is_expected() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: 42, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP003");
        expect(
            found,
            &[
                "23:46 SOP003 `activity` must be a string, found an integer; help: quote the value to make it text, e.g. \"…\"",
            ],
        );
    }

    #[test]
    fn boolean_branch_label() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: true, next: b}, {label: Tidak, next: a}]}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP003");
        expect(
            found,
            &[
                "24:88 SOP003 branch label `true` is read as a boolean, not as text; help: quote it: `label: \"true\"`, or write `Ya`/`Tidak`",
            ],
        );
    }

    #[test]
    fn yes_is_a_string_in_yaml_1_2() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: yes, next: b}, {label: no, next: d}]}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &[]);
    }

    #[test]
    fn steps_not_a_list() {
        let y = format!("{HEADER}actors: [{{id: p, name: P}}]\nsteps: 5\n");
        let found = lint(&y);
        expect(found, &["20:8 SOP003 `steps` must be a list, found an integer"]);
    }

    #[test]
    fn steps_of_numbers() {
        let y = format!("{HEADER}actors: [{{id: p, name: P}}]\nsteps: [1, 2]\n");
        let found = lint(&y);
        expect(
            found,
            &[
                "20:9 SOP003 a step must be a mapping of keys, found an integer",
                "20:12 SOP003 a step must be a mapping of keys, found an integer",
            ],
        );
    }

    #[test]
    fn empty_next_is_reported_and_does_not_cascade() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: }\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &["23:68 SOP003 `next` is empty; expected the id of a step"]);
    }

    #[test]
    fn malformed_next_does_not_cascade() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: 5}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &["23:70 SOP003 `next` must be a string, found an integer"]);
    }
}
