//! invalid-date (SOP007): a date that is not an ISO date YYYY-MM-DD.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::INVALID_DATE, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_code, lint_detail, sop};

    #[test]
    fn indonesian_order_suggests_iso() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("created: 2024-01-01", "created: 15-11-2022");
        let found = lint_detail(&y, "SOP007");
        expect(
            found,
            &[
                "10:12 SOP007 `15-11-2022` is not a valid date for `identity.created`: expected `YYYY-MM-DD`; help: write `2022-11-15`",
            ],
        );
    }

    #[test]
    fn impossible_day() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("effective: 2024-01-02", "effective: 2023-02-29");
        let found = lint_detail(&y, "SOP007");
        expect(
            found,
            &[
                "11:14 SOP007 `2023-02-29` is not a valid date for `identity.effective`: that day does not exist in that month; help: write the date as `YYYY-MM-DD`, e.g. `2024-07-01`",
            ],
        );
    }

    #[test]
    fn leap_day_is_fine() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("effective: 2024-01-02", "effective: 2024-02-29");
        let found = lint_code(&y, "SOP007");
        expect(found, &[]);
    }

    #[test]
    fn month_13_and_a_number() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("effective: 2024-01-02", "effective: 20240102").replace("created: 2024-01-01", "created: 2024-13-01");
        let found = lint_code(&y, "SOP007");
        expect(
            found,
            &[
                "10:12 SOP007 `2024-13-01` is not a valid date for `identity.created`: the month must be 01 to 12",
                "11:14 SOP007 `identity.effective` must be an ISO date `YYYY-MM-DD`, found an integer",
            ],
        );
    }

    #[test]
    fn revised_dash_means_never() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("created: 2024-01-01", "created: 2024-01-01\n  revised: \"-\"");
        let found = lint_code(&y, "SOP007");
        expect(found, &[]);
    }

    #[test]
    fn the_fix_writes_the_date_in_iso_order() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("created: 2024-01-01", "created: \"15-11-2022\"  # tanggal");
        let (text, settled) = crate::rules::testing::fixed(&y);
        assert!(text.contains("created: \"2022-11-15\"  # tanggal"), "{text}");
        assert!(settled);
    }
}
