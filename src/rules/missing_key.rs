//! missing-key (SOP004): a required key is missing.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MISSING_KEY, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_detail, sop};

    #[test]
    fn missing_identity_title() {
        let y = "schema: sop-ap/1\nid: x\nlevel: mikro\ntype: teknis\nidentity:\n  agency: A\n  unit: U\n  number: N\n  created: 2024-01-01\n  effective: 2024-01-01\n  approved_by: {position: Kepala}\nlegal_basis: [a]\nqualifications: [a]\nequipment: [a]\nwarnings: [a]\nrecords: [a]\nactors: [{id: p, name: P}]\nsteps:\n  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: p, activity: B, time: 5 menit}\n".to_string();
        let found = lint_detail(&y, "SOP004");
        expect(
            found,
            &[
                "6:3 SOP004 `identity` is missing the required key `title` (Nama SOP); help: add `title:`: title of the procedure.",
            ],
        );
    }

    #[test]
    fn step_without_kind_and_branch_without_next() {
        let y = sop(
            "  - {id: a, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [{label: Ya, next: b}, {label: Tidak}]}\n  - {id: b, kind: end, actor: q, activity: B, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &[
                "23:6 SOP004 step `a` is missing the required key `kind` (Simbol)",
                "24:103 SOP004 a branch needs `next` (the step it leads to) or `outcome` (how the procedure ends there)",
            ],
        );
    }

    #[test]
    fn empty_file() {
        let y = "".to_string();
        let found = lint(&y);
        expect(found, &["1:1 SOP004 the file is empty; a SOP starts with `schema: sop-ap/1`"]);
    }

    #[test]
    fn step_without_id() {
        let y = sop(
            "  - {kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(found, &["23:6 SOP004 a step is missing the required key `id`"]);
    }

    #[test]
    fn activity_is_optional_on_capsules_only() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, time: 5 menit}\n",
        );
        expect(
            lint(&y),
            &["24:6 SOP004 step `b` is missing the required key `activity` (Kegiatan)"],
        );
    }
}
