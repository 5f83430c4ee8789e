//! invalid-date (SOP007): a text that is not a date in any accepted form.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::INVALID_DATE, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_code, lint_detail, sop};

    #[test]
    fn forms_of_published_sops_are_dates() {
        for (created, effective) in [
            ("15-11-2022", "16 Juli 2023"),
            ("01/03/2022", "24 Februari 2025"),
            ("JUNI 2020", "Agustus 2023"),
        ] {
            let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n")
                .replace("created: 2024-01-01", &format!("created: {created}"))
                .replace("effective: 2024-01-02", &format!("effective: {effective}"));
            expect(lint_code(&y, "SOP007"), &[]);
            expect(lint_code(&y, "SOP302"), &[]);
        }
    }

    #[test]
    fn misspelt_month_suggests_the_name() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("created: 2024-01-01", "created: 7 Januarii 2022");
        expect(
            lint_detail(&y, "SOP007"),
            &[
                "10:12 SOP007 `7 Januarii 2022` is not a valid date for `identity.created`: unknown month name; help: write `7 Januari 2022`",
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
                "11:14 SOP007 `2023-02-29` is not a valid date for `identity.effective`: that day does not exist in that month; help: write the date as `2024-07-01`, `1 Juli 2024` or `01/07/2024` (day/month/year)",
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
                "11:14 SOP007 `identity.effective` must be a date such as `2024-07-01` or `16 Juli 2012`, found an integer",
            ],
        );
    }

    #[test]
    fn revised_dash_means_never() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("created: 2024-01-01", "created: 2024-01-01\n  revised: \"-\"");
        let found = lint_code(&y, "SOP007");
        expect(found, &[]);
    }
}
