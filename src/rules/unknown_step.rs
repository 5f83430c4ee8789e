//! unknown-step (SOP101): a `next` or branch target that names no step.

use crate::diagnostic::Diagnostic;
use crate::fix::Fix;
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
        let meant = u.suggestion.and_then(|s| cx.sop.steps.get(s)).and_then(|s| s.id.as_ref());
        // `next: setuju` with `  - tolak` under it is one YAML text,
        // "setuju - tolak": a list written under a key that has a value.
        let parts: Vec<&str> = u.target.split(" - ").map(str::trim).collect();
        let is_id = |p: &&str| cx.sop.steps.iter().any(|s| s.id_str() == *p);
        let help = match meant {
            _ if parts.len() > 1 && parts.iter().all(is_id) => {
                let (first, all) = (parts.first().unwrap_or(&""), parts.join(", "));
                msg!(
                    "daftar yang ditulis di bawah kunci yang sudah bernilai terbaca sebagai satu teks; tulis kuncinya sendiri pada barisnya dengan satu `- {first}` per baris di bawahnya, atau `[{all}]`"
                        / "a list written under a key that already has a value reads as one text; write the key alone on its line with one `- {first}` per line below it, or `[{all}]`"
                )
            }
            Some(s) => msg!("mungkin maksud Anda `{}`?" / "did you mean `{}`?", s.value),
            None => msg!(
                "gunakan `id` salah satu langkah dalam SOP ini"
                    / "use the `id` of one of the steps in this SOP"
            ),
        };
        let fix = meant.map(|s| Fix::replace_scalar(u.span, &u.target, &s.value));
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
            .help(help)
            .maybe_fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_code, lint_detail, sop};

    #[test]
    fn a_list_under_a_value_is_named_as_such() {
        let yaml = format!(
            "{HEADER}actors:
  - id: a
    name: A
steps:
  - id: cek
    kind: start
    actor: a
    activity: Cek
    time: 5 menit
    next: setuju
      - tolak
  - id: setuju
    kind: end
    actor: a
    activity: Setuju
  - id: tolak
    kind: end
    actor: a
    activity: Tolak
"
        );
        let found = lint_detail(&yaml, "SOP101");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("unknown step `setuju - tolak`"), "{found:?}");
        assert!(found[0].contains("help: a list written under a key that already has a value reads as one text; write the key alone on its line with one `- setuju` per line below it, or `[setuju, tolak]`"), "{found:?}");
    }

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

    #[test]
    fn the_fix_replaces_the_near_miss_and_nothing_else() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: \"periksa_keabsaan\"}  # komentar\n  - {id: periksa_keabsahan, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let (text, settled) = crate::rules::testing::fixed(&y);
        assert_eq!(text, y.replace("\"periksa_keabsaan\"", "\"periksa_keabsahan\""));
        assert!(settled);
        assert!(lint(&text).is_empty(), "{:?}", lint(&text));
        // No near miss, no fix.
        let far = y.replace("periksa_keabsaan", "xyzzy");
        assert_eq!(crate::rules::testing::fixed(&far).0, far);
    }
}
