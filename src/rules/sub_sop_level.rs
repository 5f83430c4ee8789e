//! sub-sop-level (SOP108): a `sub_sop` names a SOP that is not `level: mikro`.

use crate::diagnostic::Diagnostic;
use crate::model::SopLevel;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};

pub static RULE: Rule = Rule { id: &rule_id::SUB_SOP_LEVEL, check: Check::Corpus(check) };

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.catalog.entries() {
        for step in &e.sop.steps {
            let Some(target) = &step.sub_sop else { continue };
            if target.value == e.id() {
                // A SOP detailing itself is a link cycle (sop-link-cycle).
                continue;
            }
            let Some(t) = cx.catalog.get(&target.value) else { continue };
            let Some(level) = &t.sop.level else { continue };
            if level.value == SopLevel::Mikro {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    e.file,
                    target.span,
                    msg!(
                        "langkah `{}` dirinci oleh SOP `{}`, yang ber-`level: makro`; SOP pada `sub_sop` harus ber-`level: mikro`"
                            / "step `{}` is detailed by SOP `{}`, which is `level: makro`; a `sub_sop` must be `level: mikro`",
                        step.id_str(),
                        target.value
                    ),
                )
                .label_in(t.file, level.span, msg!("ditetapkan `makro` di sini" / "declared `makro` here"))
                .help(msg!(
                    "tetapkan `level: mikro` di `{}`, atau arahkan `sub_sop` ke SOP mikro yang merinci langkah ini"
                        / "set `level: mikro` in `{}`, or point `sub_sop` at the mikro SOP that details this step",
                    t.path
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{TWO_STEPS, lint_corpus, sop_yaml};

    #[test]
    fn target_must_be_mikro() {
        let steps = "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: rinci}
  - {id: rinci, kind: process, actor: a, activity: Rinci, time: 1 jam, sub_sop: besar, next: rinci2}
  - {id: rinci2, kind: process, actor: a, activity: Rinci, time: 1 jam, sub_sop: kecil, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}
";
        let m = sop_yaml("induk", "makro", "", steps);
        let b = sop_yaml("besar", "makro", "", TWO_STEPS);
        let k = sop_yaml("kecil", "mikro", "", TWO_STEPS);
        let files = [("induk.yaml", m.as_str()), ("besar.yaml", &b), ("kecil.yaml", &k)];
        assert_eq!(
            lint_corpus(&files, "SOP108"),
            [
                "induk.yaml 24:81 SOP108 step `rinci` is detailed by SOP `besar`, which is `level: makro`; a `sub_sop` must be `level: mikro`"
            ]
        );
    }
}
