//! missing-start (SOP201): no step has `kind: start`.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MISSING_START, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // An empty `steps` list is reported while lowering (model/lower.rs);
    // a missing or malformed one is reported as a schema problem.
    let Some(first) = cx.sop.steps.first() else { return };
    if !cx.graph.starts().is_empty() {
        return;
    }
    // Point at the first row's kind: that is where the start usually belongs.
    let span = first.kind.as_ref().map_or(first.anchor(), |k| k.span);
    if cx.sop.steps.iter().any(|s| s.kind.is_none()) {
        return; // a missing or invalid kind (already reported) may be the start
    }
    out.push(
        Diagnostic::new(
            &RULE,
            cx.file,
            span,
            msg!("tidak ada langkah dengan `kind: start`" / "no step has `kind: start`"),
        )
        .help(msg!(
            "jadikan kegiatan pertama `{}` langkah `kind: start`"
                / "make the first activity `{}` a `kind: start` step",
            first.id_str()
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_detail, sop};

    #[test]
    fn no_start() {
        let y = sop(
            "  - {id: a, kind: process, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP201");
        expect(
            found,
            &[
                "23:19 SOP201 no step has `kind: start`; help: make the first activity `a` a `kind: start` step",
            ],
        );
    }

    #[test]
    fn empty_steps() {
        let y = format!("{HEADER}actors: [{{id: p, name: P}}]\nsteps: []\n");
        let found = lint(&y);
        expect(found, &["20:8 SOP201 the SOP has no steps"]);
    }

    #[test]
    fn missing_steps_is_a_missing_key_only() {
        let y = format!("{HEADER}actors: [{{id: p, name: P}}]\n");
        let found = lint(&y);
        expect(
            found,
            &["1:1 SOP004 the document is missing the required key `steps` (Uraian kegiatan)"],
        );
    }
}
