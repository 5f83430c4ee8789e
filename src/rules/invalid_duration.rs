//! invalid-duration (SOP006): a time that does not follow the duration grammar.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::INVALID_DURATION, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, lint_detail, sop};

    #[test]
    fn bare_number() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: 30, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP006");
        expect(
            found,
            &[
                "23:59 SOP006 `time: 30` has no time unit (satuan waktu wajib); help: write e.g. `30 menit`, `30 jam` or `30 hari kerja`",
            ],
        );
    }

    #[test]
    fn unknown_unit_with_suggestion() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 2 jem, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP006");
        expect(
            found,
            &[
                "24:62 SOP006 invalid duration in `time`: unknown time unit `jem`; help: did you mean `jam`?",
            ],
        );
    }

    #[test]
    fn valid_forms_are_accepted() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 3 (tiga) hari kerja, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: maksimal 1 hari kerja, next: c}\n  - {id: c, kind: process, actor: p, activity: B, time: 1-3 hari kerja, next: d}\n  - {id: d, kind: end, actor: q, activity: C, time: 1 minggu}\n",
        );
        let found = lint(&y);
        expect(found, &[]);
    }

    #[test]
    fn decimal_and_text() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: \"0,5 hari kerja\", next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: sebentar, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP006");
        expect(
            found,
            &[
                "23:59 SOP006 invalid duration in `time`: `0,5 hari kerja` is not a whole number of working days",
                "24:62 SOP006 invalid duration in `time`: `sebentar` is not a duration",
            ],
        );
    }

    #[test]
    fn a_bare_number_gets_the_unit_every_other_step_uses_and_only_then() {
        use crate::rules::testing::fixed;
        let one_unit = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: 30, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 10 menit}\n",
        );
        let (text, settled) = fixed(&one_unit);
        assert!(text.contains("time: 30 menit, next: b"), "{text}");
        assert!(settled && lint(&text).is_empty(), "{:?}", lint(&text));
        let mixed = one_unit.replace("time: 10 menit", "time: 1 hari kerja");
        assert_eq!(fixed(&mixed).0, mixed);
    }

    #[test]
    fn a_misspelt_unit_is_fixed_only_when_one_unit_is_meant() {
        use crate::rules::testing::fixed;
        let steps = |a: &str, b: &str| {
            sop(&format!(
                "  - {{id: a, kind: start, actor: p, activity: Mulai, time: {a}, next: b}}\n  - {{id: b, kind: process, actor: p, activity: Proses, time: {b}, next: c}}\n  - {{id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}}\n"
            ))
        };
        // A known misspelling, a one-letter slip, the second word of a
        // two-word unit: each has one reading.
        for (typo, meant) in
            [("30 mnit", "30 menit"), ("2 jem", "2 jam"), ("3 hari kerjaa", "3 hari kerja")]
        {
            let y = steps("5 menit", typo);
            let (text, settled) = fixed(&y);
            assert_eq!(text, steps("5 menit", meant), "{typo}");
            assert!(settled && lint(&text).is_empty(), "{typo}: {:?}", lint(&text));
        }
        // Quoted: the quotes stay.
        let (text, _) = fixed(&steps("\"30 mnit\"", "5 menit"));
        assert!(text.contains("time: \"30 menit\","), "{text}");
        // Too short to tell (`m`: menit or minggu?), or nothing near: no fix.
        for unclear in ["30 m", "2 orang"] {
            let y = steps("5 menit", unclear);
            assert_eq!(fixed(&y).0, y, "{unclear}");
        }
    }
}
