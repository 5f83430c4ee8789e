//! unused-suppression (SOP901): a `# sopmap: ignore[…]` comment that
//! silences nothing, names an unknown rule, or is malformed. Reported by
//! the suppression pass (`src/suppression.rs`), which runs after the other
//! rules because it needs their findings.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::UNUSED_SUPPRESSION, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, lint};

    const BODY: &str = "actors:
  - id: petugas
    name: Petugas
  - id: kepala
    name: Kepala
steps:
  - id: mulai
    kind: start
    actor: petugas
    activity: Mulai
    time: 5 menit
    next: proses
  - id: proses
    kind: process
    actor: petugas
    activity: Proses
    time: 5 menit
  - id: selesai
    kind: end
    actor: petugas
    activity: Selesai
    time: 1 menit
";

    fn sop(body: &str) -> String {
        format!("{HEADER}{body}")
    }

    #[test]
    fn without_suppression_every_finding_shows() {
        assert_eq!(
            lint(&sop(BODY)),
            vec![
                "22:9 SOP104 actor `kepala` is declared but no step uses it",
                "31:9 SOP205 step `proses` is a dead end: it has no `next` and is not an end step",
                "36:9 SOP204 step `selesai` is unreachable: no arrow leads to it (follow-on)",
            ]
        );
    }

    #[test]
    fn trailing_comment_silences_exactly_that_finding() {
        let body = BODY.replace("  - id: proses", "  - id: proses  # sopmap: ignore[dead-end]");
        assert_eq!(
            lint(&sop(&body)),
            vec![
                // Its cause is silenced: the follow-on stands on its own.
                "22:9 SOP104 actor `kepala` is declared but no step uses it",
                "36:9 SOP204 step `selesai` is unreachable: no arrow leads to it",
            ]
        );
    }

    #[test]
    fn own_line_comment_above_silences_the_next_line() {
        let body = BODY.replace("  - id: proses", "  # sopmap: ignore[SOP205]\n\n  - id: proses");
        assert_eq!(
            lint(&sop(&body)),
            vec![
                "22:9 SOP104 actor `kepala` is declared but no step uses it",
                "38:9 SOP204 step `selesai` is unreachable: no arrow leads to it",
            ]
        );
    }

    #[test]
    fn suppression_on_the_wrong_line_is_unused_and_silences_nothing() {
        let body = BODY
            .replace("    activity: Proses", "    activity: Proses  # sopmap: ignore[dead-end]");
        assert_eq!(
            lint(&sop(&body)),
            vec![
                "22:9 SOP104 actor `kepala` is declared but no step uses it",
                "31:9 SOP205 step `proses` is a dead end: it has no `next` and is not an end step",
                "36:9 SOP204 step `selesai` is unreachable: no arrow leads to it (follow-on)",
                "34:40 SOP901 unused suppression: no `dead-end` finding on line 34",
            ]
        );
    }

    #[test]
    fn unknown_rule_name_is_reported_with_a_suggestion() {
        let body = BODY.replace("  - id: proses", "  - id: proses  # sopmap: ignore[dead-ends]");
        let got = lint(&sop(&body));
        assert!(
            got.iter().any(|l| l == "31:34 SOP901 unknown rule `dead-ends` in suppression"),
            "{got:#?}"
        );
        assert!(got.iter().any(|l| l.starts_with("31:9 SOP205")), "{got:#?}");
    }

    #[test]
    fn file_level_suppression() {
        let body = format!("# sopmap: ignore-file[unused-actor, missing-time]\n{BODY}");
        assert_eq!(
            lint(&sop(&body)),
            vec![
                "19:37 SOP901 unused suppression: no `missing-time` finding in this file",
                "32:9 SOP205 step `proses` is a dead end: it has no `next` and is not an end step",
                "37:9 SOP204 step `selesai` is unreachable: no arrow leads to it (follow-on)",
            ]
        );
    }
}
