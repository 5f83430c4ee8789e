//! sub-sop-time (SOP304): a makro step allows less time than the mikro SOP
//! that details it needs on its worst path.

use crate::diagnostic::Diagnostic;
use crate::duration::Totals;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};
use crate::timing::{self, Verdict};

pub static RULE: Rule = Rule { id: &rule_id::SUB_SOP_TIME, check: Check::Corpus(check) };

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.catalog.entries() {
        let workday = e.workday_minutes;
        for step in &e.sop.steps {
            let (Some(target), Some(time)) = (&step.sub_sop, &step.time) else { continue };
            if target.value == e.id() {
                continue;
            }
            let Some(child) = cx.catalog.get(&target.value) else { continue };
            let Some(t) = &child.timing else { continue };
            let allowed = Totals::of(&time.value, true);
            let message = match timing::compare(&t.worst, &allowed, workday) {
                Verdict::Within | Verdict::Untimed | Verdict::SoFar(_) => continue,
                Verdict::Exceeds => msg!(
                    "langkah `{}` diberi waktu `{}`, tetapi SOP `{}` memerlukan hingga {} pada jalur terlamanya"
                        / "step `{}` allows `{}`, but SOP `{}` takes up to {} on its worst path",
                    step.id_str(),
                    time.value,
                    target.value,
                    t.worst.text()
                ),
                Verdict::NotComparable => msg!(
                    "langkah `{}` diberi waktu `{}`, yang tidak dapat dibandingkan dengan {} dari SOP `{}` tanpa kalender (satu hari kalender berisi 0 sampai 1 hari kerja)"
                        / "step `{}` allows `{}`, which cannot be compared with the {} of SOP `{}` without a calendar (calendar days hold 0 to 1 working day each)",
                    step.id_str(),
                    time.value,
                    t.worst.text(),
                    target.value
                ),
            };
            out.push(
                Diagnostic::new(&RULE, e.file, time.span, message)
                    .label_in(child.file, child.sop.id.as_ref().map_or(child.sop.span, |i| i.span), msg!("SOP mikro tersebut" / "the mikro SOP"))
                    .help(msg!(
                        "naikkan `time` menjadi sekurang-kurangnya {} atau persingkat SOP mikro tersebut (lihat `sopmap timing {}`)"
                            / "raise `time` to at least {} or shorten the mikro SOP (see `sopmap timing {}`)",
                        t.worst.text(),
                        child.path
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint_corpus, sop_yaml};

    fn makro(time: &str) -> String {
        let steps = format!("  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: rinci}}
  - {{id: rinci, kind: process, actor: a, activity: Rinci, time: {time}, sub_sop: anak, next: selesai}}
  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}
");
        sop_yaml("induk", "makro", "", &steps)
    }

    // The mikro, by hand: mulai 4 jam + periksa 1 hari kerja (+ a wait step of
    // 5 hari kerja, not counted) + selesai 4 jam = 1 hari kerja + 8 jam
    // = 2 hari kerja with an 8-jam day.
    const MIKRO_STEPS: &str = "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 4 jam, next: periksa}
  - {id: periksa, kind: process, actor: a, activity: Periksa, time: 1 hari kerja, next: tunggu}
  - {id: tunggu, kind: process, actor: a, activity: Tunggu, time: 5 hari kerja, wait: true, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 4 jam}
";

    #[test]
    fn warns_when_the_step_is_shorter_than_the_mikro() {
        let c = sop_yaml("anak", "mikro", "", MIKRO_STEPS);
        let m = makro("1 hari kerja");
        assert_eq!(
            lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP304"),
            [
                "induk.yaml 24:65 SOP304 step `rinci` allows `1 hari kerja`, but SOP `anak` takes up to 1 working day + 8 hours on its worst path"
            ]
        );
        let m = makro("2 hari kerja");
        assert!(lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP304").is_empty());
        let m = makro("1-2 hari kerja");
        assert!(lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP304").is_empty());
    }

    #[test]
    fn says_when_units_cannot_be_compared() {
        let c = sop_yaml("anak", "mikro", "", MIKRO_STEPS);
        let m = makro("1 minggu");
        let got = lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP304");
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("cannot be compared"), "{got:?}");
    }
}
