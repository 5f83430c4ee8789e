//! makro-without-sub (SOP111): a `level: makro` SOP with no `sub_sop` step.

use crate::diagnostic::Diagnostic;
use crate::model::SopLevel;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MAKRO_WITHOUT_SUB, check: Check::Corpus(check) };

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.catalog.entries() {
        let Some(level) = &e.sop.level else { continue };
        if level.value != SopLevel::Makro || e.sop.steps.iter().any(|s| s.sub_sop.is_some()) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                e.file,
                level.span,
                msg!(
                    "SOP makro `{}` tidak memiliki langkah dengan `sub_sop`"
                        / "makro SOP `{}` has no step with `sub_sop`",
                    e.id()
                ),
            )
            .help(msg!(
                "tambahkan `sub_sop: <id>` pada langkah yang dirinci oleh SOP mikro, atau tetapkan `level: mikro`"
                    / "add `sub_sop: <id>` to the steps that a mikro SOP details, or set `level: mikro`"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{TWO_STEPS, lint_corpus, sop_yaml};

    #[test]
    fn warns_on_makro_only() {
        let m = sop_yaml("induk", "makro", "", TWO_STEPS);
        let k = sop_yaml("kecil", "mikro", "", TWO_STEPS);
        let files = [("induk.yaml", m.as_str()), ("kecil.yaml", &k)];
        assert_eq!(
            lint_corpus(&files, "SOP111"),
            ["induk.yaml 3:8 SOP111 makro SOP `induk` has no step with `sub_sop`"]
        );
    }
}
