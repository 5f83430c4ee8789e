//! blank-field (SOP011): a box of the identity block or of the Mutu Baku
//! lists left blank on purpose (`kosong`), to be filled in by hand.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::BLANK_FIELD, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for b in &cx.sop.blanks {
        out.push(
            Diagnostic::new(
                &RULE,
                cx.file,
                b.span,
                msg!(
                    "{} dibiarkan kosong (`{}: kosong`), untuk diisi dengan tulisan tangan"
                        / "{} is left blank (`{}: kosong`), to be filled in by hand",
                    b.label,
                    b.key
                ),
            )
            .help(msg!("tuliskan {} setelah diketahui" / "write the {} once it is known", b.label)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint_code};

    const STEPS: &str = "actors:\n  - {id: p, name: P}\nsteps:\n  - {id: a, kind: start, actor: p, activity: A, time: 1 menit, next: b}\n  - {id: b, kind: end, actor: p, activity: B, time: 1 menit}\n";

    #[test]
    fn every_blank_box_is_reported() {
        let y = format!("{HEADER}{STEPS}")
            .replace("  number: SOP-1/2024", "  number: kosong")
            .replace("created: 2024-01-01", "created: \"-\"")
            .replace("records: [Arsip]", "records: Kosong");
        expect(
            lint_code(&y, "SOP011"),
            &[
                "8:11 SOP011 Nomor SOP is left blank (`identity.number: kosong`), to be filled in by hand",
                "10:12 SOP011 Tanggal Pembuatan is left blank (`identity.created: kosong`), to be filled in by hand",
                "18:10 SOP011 Pencatatan dan Pendataan is left blank (`records: kosong`), to be filled in by hand",
            ],
        );
    }

    #[test]
    fn kosong_in_a_step_is_text() {
        let y = format!("{HEADER}{STEPS}").replace("activity: A,", "activity: kosong,");
        expect(lint_code(&y, "SOP011"), &[]);
    }
}
