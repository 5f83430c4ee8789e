//! malformed-decision (SOP207): a decision with too few, unlabelled,
//! duplicate or pointless branches.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::StepKind;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MALFORMED_DECISION, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in &cx.sop.steps {
        if step.kind() != Some(StepKind::Decision) {
            continue;
        }
        let id = step.id_str();
        let count = step.branches.len();
        if count < 2 {
            let span = step.branches_key.unwrap_or_else(|| step.anchor());
            let found = match count {
                0 => msg!("tidak memiliki cabang" / "has no branches"),
                _ => msg!("hanya memiliki satu cabang" / "has only one branch"),
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    span,
                    msg!(
                        "keputusan `{id}` {}; keputusan memerlukan sekurang-kurangnya dua cabang"
                            / "decision `{id}` {}; a decision needs at least two",
                        found
                    ),
                )
                .help(msg!(
                    "tambahkan `branches:` dengan satu `{{label, next}}` untuk setiap jawaban, misalnya `Ya` dan `Tidak`"
                        / "add `branches:` with one `{{label, next}}` per answer, e.g. `Ya` and `Tidak`"
                )),
            );
        }
        // First use of each label, by its comparison key (a map: a decision
        // with many branches costs one lookup per branch).
        let mut seen: HashMap<String, crate::source::Span> = HashMap::new();
        for br in &step.branches {
            let Some(label) = &br.label else { continue };
            let norm = crate::model::label::key(&label.value);
            if norm.is_empty() {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        cx.file,
                        label.span,
                        msg!(
                            "salah satu cabang keputusan `{id}` berlabel kosong"
                                / "a branch of decision `{id}` has an empty label"
                        ),
                    )
                    .help(msg!(
                        "tulis jawaban yang diwakili panah ini, misalnya `Ya` atau `Tidak lengkap`"
                            / "write the answer this arrow stands for, e.g. `Ya` or `Tidak lengkap`"
                    )),
                );
                continue;
            }
            if let Some(first) = seen.get(&norm) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        cx.file,
                        label.span,
                        msg!(
                            "keputusan `{id}` memiliki dua cabang berlabel `{}`"
                                / "decision `{id}` has two branches labelled `{}`",
                            label.value.trim()
                        ),
                    )
                    .label(*first, msg!("pertama kali dipakai di sini" / "first used here"))
                    .help(msg!(
                        "beri setiap jawaban label tersendiri" / "give every answer its own label"
                    )),
                );
            } else {
                seen.insert(norm, label.span);
            }
        }
        let targets: Vec<&str> = step
            .branches
            .iter()
            .filter_map(|b| b.next.as_ref().map(|n| n.value.as_str()))
            .collect();
        if count >= 2 && targets.len() == count && targets.windows(2).all(|w| w.first() == w.get(1))
        {
            let target = targets.first().copied().unwrap_or("?");
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    step.branches_key.unwrap_or_else(|| step.anchor()),
                    msg!(
                        "semua cabang keputusan `{id}` menuju `{target}`; keputusan ini tidak memutuskan apa pun"
                            / "every branch of decision `{id}` leads to `{target}`; the decision decides nothing"
                    ),
                )
                .help(msg!(
                    "arahkan salah satu cabang ke langkah lain, atau ganti keputusan dengan langkah proses"
                        / "point one branch elsewhere, or replace the decision by a process step"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, lint_detail, sop};

    #[test]
    fn zero_branches() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &["24:10 SOP207 decision `d` has no branches; a decision needs at least two"],
        );
    }

    #[test]
    fn one_branch() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: c}]}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP207");
        expect(
            found,
            &[
                "24:69 SOP207 decision `d` has only one branch; a decision needs at least two; help: add `branches:` with one `{label, next}` per answer, e.g. `Ya` and `Tidak`",
            ],
        );
    }

    #[test]
    fn duplicate_and_empty_labels() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: c}, {label: ya, next: a}, {label: \"\", next: a}]}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP207");
        expect(
            found,
            &[
                "24:110 SOP207 decision `d` has two branches labelled `ya`; label 24:88: first used here; help: give every answer its own label",
                "24:132 SOP207 a branch of decision `d` has an empty label; help: write the answer this arrow stands for, e.g. `Ya` or `Tidak lengkap`",
            ],
        );
    }

    #[test]
    fn all_branches_to_one_step() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: c}, {label: Tidak, next: c}]}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP207");
        expect(
            found,
            &[
                "24:69 SOP207 every branch of decision `d` leads to `c`; the decision decides nothing",
            ],
        );
    }

    #[test]
    fn labels_differing_only_in_invisible_characters_or_normalisation() {
        // `Y<ZWSP>a` after `Ya`; `Sudah dicek` with é composed (NFC) and
        // decomposed (NFD).
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: c}, {label: \"Y\\u200Ba\", next: a}, {label: \"caf\\u00e9\", next: a}, {label: \"cafe\\u0301\", next: c}]}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP207");
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
