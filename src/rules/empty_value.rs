//! empty-value (SOP010): a key that needs a value is written with none:
//! null (`kind:`, `schema: ~`), an empty text (`activity: ""`) or an empty
//! list (`records: []`). Reported by the schema lowering pass in
//! `model/lower.rs`, named by what the box means on the form.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::EMPTY_VALUE, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint_code};

    const STEPS: &str = "actors:\n  - {id: p, name: P}\nsteps:\n  - {id: a, kind: start, actor: p, activity: A, time: 1 menit, next: b}\n  - {id: b, kind: end, actor: p, activity: B, time: 1 menit}\n";

    fn lint(y: &str) -> Vec<String> {
        lint_code(y, "SOP010")
    }

    /// Issue 17 item 7: each of these passed as "no problems found".
    #[test]
    fn nulls_for_required_keys_are_findings() {
        let base = format!("{HEADER}{STEPS}");
        let cases = [
            ("schema: sop-ap/1", "schema: ~"),
            ("id: contoh-sop", "id:"),
            ("level: mikro", "level:"),
            ("type: administratif", "type:"),
            ("  number: SOP-1/2024", "  number:"),
            ("  agency: Badan Contoh", "  agency: \"\""),
            ("  title: Contoh", "  title: ~"),
            ("{id: a, kind: start,", "{id: a, kind: ,"),
            ("{id: a, kind: start, actor: p,", "{id: a, kind: start, actor: ,"),
            ("activity: A,", "activity: \"\","),
            ("activity: B,", "activity: ,"),
            ("  - {id: b,", "  - {id: ,"),
        ];
        for (from, to) in cases {
            assert!(base.contains(from), "{from}");
            let y = base.replacen(from, to, 1);
            let found = lint(&y);
            assert_eq!(found.len(), 1, "{to}: {found:?}");
        }
    }

    /// A null box of the form says how to leave it blank on purpose; a
    /// null `revised` means "never revised" (optional, documented), and is
    /// no finding.
    #[test]
    fn a_null_box_proposes_kosong_and_a_null_revised_is_never_revised() {
        use crate::rules::testing::lint_detail;
        let base = format!("{HEADER}{STEPS}");
        let y = base.replacen("records: [Arsip]", "records: ~", 1);
        let found = lint_detail(&y, "SOP010");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("or `records: kosong` when the document leaves"), "{found:?}");
        let y = base.replacen("  number: SOP-1/2024", "  number:", 1);
        assert!(lint_detail(&y, "SOP010")[0].contains("`number: kosong`"));
        // `kind:` is no box on the form: no `kosong` there.
        let y = base.replacen("{id: a, kind: start,", "{id: a, kind: ,", 1);
        assert!(!lint_detail(&y, "SOP010")[0].contains("kosong"));
        let never =
            base.replacen("  created: 2024-01-01\n", "  created: 2024-01-01\n  revised: null\n", 1);
        assert!(never.contains("revised: null"));
        expect(crate::rules::testing::lint(&never), &[]);
    }

    #[test]
    fn a_null_label_is_a_finding() {
        let y = format!(
            "{HEADER}actors:\n  - {{id: p, name: P}}\nsteps:\n  - {{id: a, kind: start, actor: p, activity: A, time: 1 menit, next: d}}\n  - id: d\n    kind: decision\n    actor: p\n    activity: Lengkap?\n    time: 1 menit\n    branches:\n      - {{label: , next: b}}\n      - {{label: Tidak, next: b}}\n  - {{id: b, kind: end, actor: p, activity: B, time: 1 menit}}\n"
        );
        expect(lint(&y), &["29:10 SOP010 `label` (Label) of a branch has no value"]);
    }

    #[test]
    fn empty_lists_are_named_by_their_box() {
        let y = format!("{HEADER}{STEPS}").replace("records: [Arsip]", "records: []");
        expect(
            lint(&y),
            &["18:10 SOP010 Pencatatan dan Pendataan kosong: `records` is an empty list"],
        );
        let y = format!("{HEADER}{STEPS}").replace("  number: SOP-1/2024", "  number: \"\"");
        expect(lint(&y), &["8:11 SOP010 Nomor SOP kosong: `identity.number` is an empty text"]);
    }

    #[test]
    fn kosong_is_not_empty() {
        let y = format!("{HEADER}{STEPS}")
            .replace("records: [Arsip]", "records: kosong")
            .replace("  number: SOP-1/2024", "  number: kosong");
        expect(lint(&y), &[]);
    }
}
