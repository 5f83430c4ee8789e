//! unknown-step (SOP101): a `next` or branch target that names no step.

use crate::diagnostic::Diagnostic;
use crate::graph::EdgeKind;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::UNKNOWN_STEP, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for u in &cx.graph.unresolved {
        let Some(step) = cx.sop.steps.get(u.step) else { continue };
        let place = match u.kind {
            EdgeKind::Next => msg!("`next` langkah `{}`" / "`next` of step `{}`", step.id_str()),
            EdgeKind::Branch(b) => {
                let label = step
                    .branches
                    .get(b)
                    .and_then(|br| br.label.as_ref())
                    .map_or_else(|| format!("#{}", b + 1), |l| format!("`{}`", l.value));
                msg!(
                    "cabang {label} keputusan `{}`" / "branch {label} of decision `{}`",
                    step.id_str()
                )
            }
        };
        let help = match u.suggestion.and_then(|s| cx.sop.steps.get(s)) {
            Some(s) => msg!("mungkin maksud Anda `{}`?" / "did you mean `{}`?", s.id_str()),
            None => msg!(
                "gunakan `id` salah satu langkah dalam SOP ini"
                    / "use the `id` of one of the steps in this SOP"
            ),
        };
        out.push(
            Diagnostic::new(
                &RULE,
                cx.file,
                u.span,
                msg!(
                    "langkah `{}` pada {} tidak dikenal" / "unknown step `{}` in {}",
                    u.target,
                    place
                ),
            )
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_code, lint_detail, sop};

    #[test]
    fn points_at_the_bad_target_with_a_suggestion() {
        let yaml = format!(
            "{HEADER}actors:
  - id: petugas
    name: Petugas
steps:
  - id: terima
    kind: start
    actor: petugas
    activity: Menerima berkas
    time: 5 menit
    next: periksa_keabsaan
  - id: periksa_keabsahan
    kind: end
    actor: petugas
    activity: Memeriksa keabsahan
    time: 5 menit
"
        );
        assert_eq!(
            lint_code(&yaml, "SOP101"),
            ["28:11 SOP101 unknown step `periksa_keabsaan` in `next` of step `terima`"]
        );
    }

    #[test]
    fn no_near_miss_and_no_cascade() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: xyzzy}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &["23:70 SOP101 unknown step `xyzzy` in `next` of step `a`"]);
    }

    #[test]
    fn near_miss_suggests_and_does_not_cascade() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: periksa_keabsaan}\n  - {id: periksa_keabsahan, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP101").into_iter().chain(lint(&y)).collect::<Vec<_>>();
        expect(
            found,
            &[
                "23:70 SOP101 unknown step `periksa_keabsaan` in `next` of step `a`; help: did you mean `periksa_keabsahan`?",
                "23:70 SOP101 unknown step `periksa_keabsaan` in `next` of step `a`",
            ],
        );
    }

    #[test]
    fn unknown_branch_target_inside_a_loop() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: tamat}, {label: Tidak, next: r}]}\n  - {id: r, kind: process, actor: p, activity: R, time: 5 menit, next: d}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &["24:98 SOP101 unknown step `tamat` in branch `Ya` of decision `d`"]);
    }
}
