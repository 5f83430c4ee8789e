//! dead-end (SOP205): a step that is not an end and has no way on.

use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::model::StepKind;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::DEAD_END, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, step) in cx.sop.steps.iter().enumerate() {
        let kind = step.kind();
        if matches!(kind, Some(StepKind::End | StepKind::Decision) | None) {
            continue;
        }
        if !cx.graph.successors(i).is_empty() || cx.graph.has_dangling_successor(i) {
            continue;
        }
        // A `next` whose value was malformed was already reported.
        if step.next_key.is_some() {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                cx.file,
                step.anchor(),
                msg!(
                    "langkah `{}` buntu: tidak memiliki `next` dan bukan langkah akhir"
                        / "step `{}` is a dead end: it has no `next` and is not an end step",
                    step.id_str()
                ),
            )
            .help(msg!(
                "tambahkan `next: <id langkah>`, atau jadikan `kind: end` jika prosedur selesai di sini"
                    / "add `next: <step id>`, or make it `kind: end` if the procedure finishes here"
            ))
            .maybe_fix(mark_end(step)),
        );
    }
}

/// `kind: process` → `kind: end`: the step already ends the flow, so
/// saying so changes no arrow. Offered for a process step only (a start
/// made an end leaves the SOP without a start), and not when the step
/// details a sub-SOP (an end step cannot).
fn mark_end(step: &crate::model::Step) -> Option<Fix> {
    let kind = step.kind.as_ref().filter(|k| k.value == StepKind::Process)?;
    if step.sub_sop.is_some() {
        return None;
    }
    Some(Fix::new(
        crate::msg!("jadikan langkah ini `kind: end`" / "mark the step `kind: end`"),
        vec![Edit::scalar(kind.span, "process", "end")],
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, sop};

    #[test]
    fn process_without_next() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: c}, {label: Tidak, next: b}]}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &["25:10 SOP205 step `b` is a dead end: it has no `next` and is not an end step"],
        );
    }

    #[test]
    fn start_without_next() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP205");
        expect(
            found,
            &["23:10 SOP205 step `a` is a dead end: it has no `next` and is not an end step"],
        );
    }

    #[test]
    fn the_fix_marks_a_process_dead_end_as_an_end() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: q, activity: B, time: 5 menit}\n",
        );
        let (text, settled) = crate::rules::testing::fixed(&y);
        assert!(text.contains("{id: b, kind: end, actor: q"), "{text}");
        assert!(settled);
        assert!(lint(&text).is_empty(), "{:?}", lint(&text));
        // A start without `next` is not made an end.
        let start = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        assert_eq!(crate::rules::testing::fixed(&start).0, start);
    }
}
