//! start-with-predecessor (SOP210): an arrow that leads back into the start.

use crate::diagnostic::Diagnostic;
use crate::graph::EdgeKind;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::START_WITH_PREDECESSOR, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for start in cx.graph.starts() {
        let Some(target) = cx.sop.steps.get(start) else { continue };
        for (from, edge) in cx.graph.predecessors(start) {
            let Some(source) = cx.sop.steps.get(from) else { continue };
            let arrow = match edge.kind {
                EdgeKind::Next => msg!("`next`" / "`next`"),
                EdgeKind::Branch(b) => {
                    match source.branches.get(b).and_then(|br| br.label.as_ref()) {
                        Some(l) if !l.value.trim().is_empty() => {
                            msg!("cabang `{}`" / "branch `{}`", l.value.trim())
                        }
                        _ => msg!("sebuah cabang" / "a branch"),
                    }
                }
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    edge.span,
                    msg!(
                        "{} dari langkah `{}` kembali menuju langkah awal `{}`"
                            / "{} of step `{}` leads back into the start step `{}`",
                        arrow,
                        source.id_str(),
                        target.id_str()
                    ),
                )
                .label(target.anchor(), msg!("langkah awal ada di sini" / "the start is here"))
                .help(msg!(
                    "arahkan panah ke kegiatan yang diulang; kapsul awal tidak menerima panah masuk"
                        / "lead the arrow to the activity that is repeated; the start capsule has no incoming arrow"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_detail, sop};

    #[test]
    fn a_branch_back_into_the_start() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Lengkap?, time: 5 menit, branches: [{label: Ya, next: c}, {label: Tidak, next: a}]}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        expect(
            lint_detail(&y, "SOP210"),
            &[
                "24:128 SOP210 branch `Tidak` of step `d` leads back into the start step `a`; label 23:10: the start is here; help: lead the arrow to the activity that is repeated; the start capsule has no incoming arrow",
            ],
        );
    }

    #[test]
    fn a_next_back_into_the_start() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: a}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found: Vec<String> = lint(&y).into_iter().filter(|l| l.contains("SOP210")).collect();
        expect(found, &["24:72 SOP210 `next` of step `b` leads back into the start step `a`"]);
    }

    #[test]
    fn a_start_nothing_returns_to_is_quiet() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        expect(lint(&y), &[]);
    }
}
