//! missing-time (SOP301): a step with neither `time` nor `time_note`.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MISSING_TIME, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let rows = crate::model::Rows::of(cx.sop);
    for (i, step) in cx.sop.steps.iter().enumerate() {
        if step.has_time || step.time_note.is_some() || step.misspelt.contains(&"time") {
            continue;
        }
        // A step that continues a numbered row is timed by the row's first
        // step; a bare "Mulai"/"Selesai" capsule (no activity) takes no time.
        if !rows.is_first(i) || step.is_bare_capsule() {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                cx.file,
                step.anchor(),
                msg!(
                    "langkah `{}` tidak memiliki `time` (Mutu Baku: Waktu)"
                        / "step `{}` has no `time` (Mutu Baku: Waktu)",
                    step.id_str()
                ),
            )
            .help(msg!(
                "tambahkan `time: 15 menit` (atau `1 hari kerja` …), atau `time_note:` bila waktunya tidak dapat diukur"
                    / "add `time: 15 menit` (or `1 hari kerja` …), or `time_note:` when it cannot be quantified"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, sop};

    #[test]
    fn time_note_counts() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time_note: sesuai kebutuhan, next: b}\n  - {id: b, kind: process, actor: p, activity: B, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 30}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &[
                "24:10 SOP301 step `b` has no `time` (Mutu Baku: Waktu)",
                "25:53 SOP006 `time: 30` has no time unit (satuan waktu wajib)",
            ],
        );
    }
}
