//! duplicate-id (SOP103): a step id or actor id defined twice.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::Spanned;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::DUPLICATE_ID, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let steps = cx.sop.steps.iter().filter_map(|s| s.id.as_ref());
    report(cx, out, ("langkah", "step"), steps);
    let actors = cx.sop.actors.iter().filter_map(|a| a.id.as_ref());
    report(cx, out, ("pelaksana", "actor"), actors);
}

fn report<'a>(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    (what_id, what): (&str, &str),
    ids: impl Iterator<Item = &'a Spanned<String>>,
) {
    let mut first: HashMap<&str, &Spanned<String>> = HashMap::new();
    for id in ids {
        match first.get(id.value.as_str()) {
            Some(prev) => out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    id.span,
                    msg!("id {what_id} `{}` ganda" / "duplicate {what} id `{}`", id.value),
                )
                .label(prev.span, msg!("pertama kali ditetapkan di sini" / "first defined here"))
                .help(msg!("beri {what_id} ini id yang lain" / "give this {what} a different id")),
            ),
            None => {
                first.insert(id.value.as_str(), id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_detail, sop};

    #[test]
    fn repeated_step_id_labels_the_first_and_does_not_cascade() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: b, kind: process, actor: p, activity: B2, time: 5 menit, next: x}\n  - {id: x, kind: process, actor: p, activity: X, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP103").into_iter().chain(lint(&y)).collect::<Vec<_>>();
        expect(
            found,
            &[
                "25:10 SOP103 duplicate step id `b`; label 24:10: first defined here; help: give this step a different id",
                "25:10 SOP103 duplicate step id `b`",
            ],
        );
    }

    #[test]
    fn repeated_actor_id() {
        let y = format!(
            "{HEADER}actors:\n  - {{id: p, name: Petugas}}\n  - {{id: p, name: Petugas lagi}}\nsteps:\n  - {{id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}}\n  - {{id: c, kind: end, actor: p, activity: C, time: 5 menit}}\n"
        );
        let found = lint_detail(&y, "SOP103");
        expect(
            found,
            &[
                "21:10 SOP103 duplicate actor id `p`; label 20:10: first defined here; help: give this actor a different id",
            ],
        );
    }
}
