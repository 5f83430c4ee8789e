//! multiple-starts (SOP202): more than one step has `kind: start`.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MULTIPLE_STARTS, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let starts = cx.graph.starts();
    let Some((&first, rest)) = starts.split_first() else { return };
    let Some(first_step) = cx.sop.steps.get(first) else { return };
    let first_span = first_step.kind.as_ref().map_or(first_step.anchor(), |k| k.span);
    for &i in rest {
        let Some(step) = cx.sop.steps.get(i) else { continue };
        let span = step.kind.as_ref().map_or(step.anchor(), |k| k.span);
        out.push(
            Diagnostic::new(
                &RULE,
                cx.file,
                span,
                msg!(
                    "langkah `{}` merupakan langkah awal kedua; `{}` sudah menjadi langkah awal"
                        / "step `{}` is a second start; `{}` is already the start",
                    step.id_str(),
                    first_step.id_str()
                ),
            )
            .label(first_span, msg!("langkah awal pertama di sini" / "first start here"))
            .help(msg!(
                "pertahankan satu langkah awal; jadikan langkah ini `kind: process` dan arahkan ke sini dengan `next`"
                    / "keep one start; make this step `kind: process` and lead to it with `next`"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_detail, sop};

    #[test]
    fn second_start_labels_the_first() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: b, kind: start, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP202");
        expect(
            found,
            &[
                "24:19 SOP202 step `b` is a second start; `a` is already the start; label 23:19: first start here; help: keep one start; make this step `kind: process` and lead to it with `next`",
            ],
        );
    }
}
