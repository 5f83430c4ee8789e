//! service-time-exceeded (SOP303): the worst start-to-end time is longer
//! than the SOP's `service_time`.

use crate::diagnostic::{Diagnostic, Text};
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};
use crate::timing::{self, Verdict};

pub static RULE: Rule = Rule { id: &rule_id::SERVICE_TIME_EXCEEDED, check: Check::Corpus(check) };

fn path_text(e: &crate::catalog::Entry) -> String {
    e.worst_path.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(" -> ")
}

/// ` (3 steps without a time not counted)`, or nothing.
fn untimed_note(n: usize) -> Text {
    match n {
        0 => msg!("" / ""),
        1 => {
            msg!(" (1 langkah tanpa waktu tidak dihitung)" / " (1 step without a time not counted)")
        }
        n => msg!(
            " ({n} langkah tanpa waktu tidak dihitung)" / " ({n} steps without a time not counted)"
        ),
    }
}

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.catalog.entries() {
        let (Some(st), Some(t)) = (&e.sop.service_time, &e.timing) else { continue };
        match timing::service_verdict(&e.sop, t) {
            None | Some(Verdict::Within | Verdict::Untimed | Verdict::SoFar(_)) => {}
            Some(Verdict::Exceeds) => out.push(
                Diagnostic::new(
                    &RULE,
                    e.file,
                    st.span,
                    msg!(
                        "jalur terlama memerlukan {}{}, melebihi jangka waktu penyelesaian `{}`: {}"
                            / "the worst path takes {}{}, over the service time of `{}`: {}",
                        t.worst.text(),
                        untimed_note(t.untimed.len()),
                        st.value,
                        path_text(e)
                    ),
                )
                .help(msg!(
                    "persingkat langkah di jalur ini, tandai waktu menunggu pihak luar dengan `wait: true`, atau perbaiki `service_time`"
                        / "shorten the steps on this path, mark time spent waiting on outside parties `wait: true`, or correct `service_time`"
                )),
            ),
            Some(Verdict::NotComparable) => out.push(
                Diagnostic::new(
                    &RULE,
                    e.file,
                    st.span,
                    msg!(
                        "jalur terlama memerlukan {}, yang tidak dapat dibandingkan dengan jangka waktu penyelesaian `{}` tanpa kalender (satu hari kalender berisi 0 sampai 1 hari kerja): {}"
                            / "the worst path takes {}, which cannot be compared with the service time of `{}` without a calendar (calendar days hold 0 to 1 working day each): {}",
                        t.worst.text(),
                        st.value,
                        path_text(e)
                    ),
                )
                .help(msg!(
                    "nyatakan waktu langkah dan `service_time` dalam satu jenis satuan: waktu kerja dan `hari kerja`, atau hari kalender `hari`/`minggu`/`bulan`"
                        / "state the step times and `service_time` in one kind of unit: working time and `hari kerja`, or calendar `hari`/`minggu`/`bulan`"
                )),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint_corpus, sop_yaml};

    // Hand count: mulai 2 jam + periksa 1-2 hari kerja + selesai 2 jam
    // = worst 2 hari kerja + 4 jam = 2.5 hari kerja with an 8-jam day.
    const STEPS: &str =
        "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 2 jam, next: periksa}
  - {id: periksa, kind: process, actor: a, activity: Periksa, time: 1-2 hari kerja, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 2 jam}
";

    #[test]
    fn warns_when_the_worst_path_is_longer() {
        let s = sop_yaml("s", "mikro", "service_time: 2 hari kerja\n", STEPS);
        assert_eq!(
            lint_corpus(&[("s.yaml", &s)], "SOP303"),
            [
                "s.yaml 19:15 SOP303 the worst path takes 2 working days + 4 hours, over the service time of `2 hari kerja`: `mulai` -> `periksa` -> `selesai`"
            ]
        );
        let s = sop_yaml("s", "mikro", "service_time: maksimal 3 hari kerja\n", STEPS);
        assert!(lint_corpus(&[("s.yaml", &s)], "SOP303").is_empty());
        // 2 hari kerja + 4 jam = 20 jam fits 20 jam exactly.
        let s = sop_yaml("s", "mikro", "service_time: 20 jam\n", STEPS);
        assert!(lint_corpus(&[("s.yaml", &s)], "SOP303").is_empty());
    }

    #[test]
    fn says_when_units_cannot_be_compared() {
        let s = sop_yaml("s", "mikro", "service_time: 1 minggu\n", STEPS);
        let got = lint_corpus(&[("s.yaml", &s)], "SOP303");
        assert_eq!(got.len(), 1);
        assert!(
            got[0].contains("cannot be compared with the service time of `1 minggu`"),
            "{got:?}"
        );
    }
}
