//! irregular-row-number (SOP112): written row numbers (`row`) that skip a
//! number, repeat one or go backwards, and `same_row` with no row before it.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::Rows;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule { id: &rule_id::IRREGULAR_ROW_NUMBER, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let rows = Rows::of(cx.sop);
    // Where each number was first used: the written `row` value, else the
    // step that opens the row.
    let mut seen: HashMap<i64, Span> = HashMap::with_capacity(rows.len());
    let mut previous: Option<i64> = None;
    for row in rows.rows() {
        let Some(step) = cx.sop.steps.get(row.first) else { continue };
        let written = step.row.as_ref().filter(|_| row.written);
        if let Some(span) = step.same_row.filter(|_| row.first == 0) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    span,
                    msg!(
                        "langkah `{}` memiliki `same_row: true` padahal merupakan langkah pertama; tidak ada baris sebelumnya untuk dilanjutkan"
                            / "step `{}` has `same_row: true` but is the first step; there is no row before it to continue",
                        step.id_str()
                    ),
                )
                .help(msg!("hapus `same_row`" / "remove `same_row`")),
            );
        }
        let n = row.number;
        if let Some(w) = written {
            let expected = previous.map_or(1, |p| p.saturating_add(1));
            if let Some(&first) = seen.get(&n) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        cx.file,
                        w.span,
                        msg!(
                            "nomor baris {n} pada langkah `{}` sudah dipakai"
                                / "row number {n} of step `{}` is already used",
                            step.id_str()
                        ),
                    )
                    .label(first, msg!("pertama kali dipakai di sini" / "first used here"))
                    .help(msg!(
                        "beri nomor baris {expected}, atau hapus `row` agar nomornya melanjutkan baris sebelumnya"
                            / "number the row {expected}, or leave `row` out to count on from the row before"
                    )),
                );
            } else if previous.is_some_and(|p| n < p) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        cx.file,
                        w.span,
                        msg!(
                            "nomor baris {n} pada langkah `{}` muncul setelah baris {}; nomor baris harus urut naik"
                                / "row number {n} of step `{}` comes after row {}; rows go in increasing order",
                            step.id_str(),
                            previous.unwrap_or(0)
                        ),
                    )
                    .help(msg!(
                        "beri nomor baris {expected}, atau pindahkan langkah ke tempat yang sesuai dengan nomornya"
                            / "number the row {expected}, or move the step to where its number belongs"
                    )),
                );
            } else if n > expected {
                let skipped = if n - 1 == expected {
                    msg!("nomor {expected} terlewati" / "number {expected} is skipped")
                } else {
                    let last = n - 1;
                    msg!(
                        "nomor {expected} sampai {last} terlewati"
                            / "numbers {expected} to {last} are skipped"
                    )
                };
                let message = match previous {
                    Some(p) => msg!(
                        "nomor baris {n} pada langkah `{}` menyusul baris {p}: {}"
                            / "row number {n} of step `{}` follows row {p}: {}",
                        step.id_str(),
                        skipped
                    ),
                    None => msg!(
                        "baris pertama (langkah `{}`) bernomor {n}: {}"
                            / "the first row (step `{}`) is numbered {n}: {}",
                        step.id_str(),
                        skipped
                    ),
                };
                out.push(Diagnostic::new(&RULE, cx.file, w.span, message).help(msg!(
                    "beri nomor baris {expected}, atau pertahankan nomor sebagaimana diterbitkan dan tambahkan `# sopmap: ignore[irregular-row-number]`"
                        / "number the row {expected}, or keep the number as published and add `# sopmap: ignore[irregular-row-number]`"
                )));
            }
        }
        let anchor = written.map_or(step.anchor(), |w| w.span);
        seen.entry(n).or_insert(anchor);
        previous = Some(previous.map_or(n, |p| p.max(n)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, lint_detail, sop};

    const GAP: &str = "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, row: 2, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, row: 4, kind: end, actor: q, activity: C, time: 5 menit}\n";

    #[test]
    fn a_skipped_number() {
        expect(
            lint_code(&sop(GAP), "SOP112"),
            &["25:18 SOP112 row number 4 of step `c` follows row 2: number 3 is skipped"],
        );
    }

    #[test]
    fn several_skipped_numbers_and_a_late_first_row() {
        let y = sop(
            "  - {id: a, row: 3, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, row: 7, kind: end, actor: p, activity: B, time: 5 menit}\n",
        );
        expect(
            lint_code(&y, "SOP112"),
            &[
                "23:18 SOP112 the first row (step `a`) is numbered 3: numbers 1 to 2 are skipped",
                "24:18 SOP112 row number 7 of step `b` follows row 3: numbers 4 to 6 are skipped",
            ],
        );
    }

    #[test]
    fn a_repeated_number_points_at_its_first_use() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, row: 2, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        expect(
            lint_detail(&y, "SOP112"),
            &[
                "25:18 SOP112 row number 2 of step `c` is already used; label 24:10: first used here; help: number the row 3, or leave `row` out to count on from the row before",
            ],
        );
    }

    #[test]
    fn a_number_lower_than_the_row_before() {
        let y = sop(
            "  - {id: a, row: 1, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, row: 5, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, row: 3, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP112");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[1].ends_with(
                "row number 3 of step `c` comes after row 5; rows go in increasing order"
            )
        );
    }

    #[test]
    fn steps_of_one_row_share_its_number_and_regular_numbers_are_quiet() {
        let y = sop(
            "  - {id: a, row: 1, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, row: 2, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, same_row: true, kind: process, actor: q, activity: C, next: d}\n  - {id: d, row: 3, kind: end, actor: q, activity: D, time: 5 menit}\n",
        );
        expect(lint(&y), &[]);
    }

    #[test]
    fn same_row_on_the_first_step() {
        let y = sop(
            "  - {id: a, same_row: true, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: p, activity: B, time: 5 menit}\n",
        );
        expect(
            lint_code(&y, "SOP112"),
            &[
                "23:13 SOP112 step `a` has `same_row: true` but is the first step; there is no row before it to continue",
            ],
        );
    }
}
