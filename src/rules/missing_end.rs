//! missing-end (SOP203): no step has `kind: end`.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MISSING_END, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(last) = cx.sop.steps.last() else { return };
    // A missing or invalid kind (already reported) may be the end.
    if !cx.graph.finishes().is_empty() || cx.sop.steps.iter().any(|s| s.kind.is_none()) {
        return;
    }
    let span = last.kind.as_ref().map_or(last.anchor(), |k| k.span);
    out.push(
        Diagnostic::new(
            &RULE,
            cx.file,
            span,
            msg!("tidak ada langkah dengan `kind: end`" / "no step has `kind: end`"),
        )
        .help(msg!(
            "jadikan kegiatan terakhir `{}` langkah `kind: end`"
                / "make the last activity `{}` a `kind: end` step",
            last.id_str()
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, sop};

    #[test]
    fn no_end() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: q, activity: B, time: 5 menit, next: a}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &[
                "24:19 SOP203 no step has `kind: end`",
                "24:72 SOP210 `next` of step `b` leads back into the start step `a`",
            ],
        );
    }
}
