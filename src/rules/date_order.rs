//! date-order (SOP302): effective or revised before created.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::DATE_ORDER, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let id = &cx.sop.identity;
    let Some(created) = &id.created else { return };
    for (key, label, date) in [
        ("effective", "Tanggal Efektif", &id.effective),
        ("revised", "Tanggal Revisi", &id.revised),
    ] {
        let (date_value, created_value) = match date {
            Some(d) => (d.value.as_written().to_string(), created.value.as_written().to_string()),
            None => continue,
        };
        let Some(date) = date else { continue };
        if date.value.cmp_at_precision(&created.value) == std::cmp::Ordering::Less {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    date.span,
                    msg!(
                        "`{key}` ({label}) {date_value} lebih awal daripada `created` (Tanggal Pembuatan) {created_value}"
                            / "`{key}` ({label}) {date_value} is before `created` {created_value}"
                    ),
                )
                .label(created.span, msg!("tanggal pembuatan ditulis di sini" / "created here"))
                .help(msg!(
                    "periksa tahunnya, dan pastikan tanggal dan bulan tidak tertukar"
                        / "check the year, and that day and month are not swapped"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_code, lint_detail, sop};

    #[test]
    fn effective_and_revised_before_created() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("effective: 2024-01-02", "effective: 2023-12-31\n  revised: 2023-06-01");
        let found = lint_detail(&y, "SOP302");
        expect(
            found,
            &[
                "11:14 SOP302 `effective` (Tanggal Efektif) 2023-12-31 is before `created` 2024-01-01; label 10:12: created here; help: check the year, and that day and month are not swapped",
                "12:12 SOP302 `revised` (Tanggal Revisi) 2023-06-01 is before `created` 2024-01-01; label 10:12: created here; help: check the year, and that day and month are not swapped",
            ],
        );
    }

    #[test]
    fn same_day_is_fine() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("effective: 2024-01-02", "effective: 2024-01-01");
        let found = lint_code(&y, "SOP302");
        expect(found, &[]);
    }
}
