//! end-with-successor (SOP208): an `end` step with `next` or branches.

use crate::diagnostic::Diagnostic;
use crate::model::StepKind;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::END_WITH_SUCCESSOR, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in &cx.sop.steps {
        if step.kind() != Some(StepKind::End) {
            continue;
        }
        let keys = [("next", step.next_key), ("branches", step.branches_key)];
        for (key, span) in keys {
            let Some(span) = span else { continue };
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    span,
                    msg!(
                        "langkah akhir `{}` memiliki `{key}`; langkah akhir mengakhiri prosedur"
                            / "end step `{}` has `{key}`; an end step finishes the procedure",
                        step.id_str()
                    ),
                )
                .help(msg!(
                    "hapus `{key}`, atau jadikan langkah ini `kind: process`"
                        / "remove `{key}`, or make the step `kind: process`"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, sop};

    #[test]
    fn next_on_an_end() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit, next: a}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &[
                "24:62 SOP208 end step `c` has `next`; an end step finishes the procedure",
                "24:68 SOP210 `next` of step `c` leads back into the start step `a`",
            ],
        );
    }

    #[test]
    fn branches_on_an_end() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit, branches: [{label: Ya, next: a}, {label: Tidak, next: a}]}\n",
        );
        let found = lint_code(&y, "SOP208");
        expect(
            found,
            &["24:62 SOP208 end step `c` has `branches`; an end step finishes the procedure"],
        );
    }
}
