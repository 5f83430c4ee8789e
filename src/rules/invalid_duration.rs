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
}
