//! invalid-value (SOP005): a value outside the allowed set, or an id with invalid characters.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::INVALID_VALUE, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_detail, sop};

    #[test]
    fn bad_level_with_suggestion() {
        let y = sop("  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n").replace("level: mikro", "level: mikor");
        let found = lint_detail(&y, "SOP005");
        expect(
            found,
            &[
                "3:8 SOP005 `mikor` is not a valid `level`; expected `makro`, `mikro`; help: did you mean `mikro`?",
            ],
        );
    }

    #[test]
    fn bad_step_kind() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: proses, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP005");
        expect(
            found,
            &[
                "24:19 SOP005 `proses` is not a valid `kind`; expected `start`, `process`, `decision`, `end`; help: did you mean `process`?",
            ],
        );
    }

    #[test]
    fn step_id_with_spaces() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: Cek Berkas}\n  - {id: Cek Berkas, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP005");
        expect(
            found,
            &[
                "24:10 SOP005 `id` must use only lowercase letters, digits and `_`, found `Cek Berkas`; help: write `cek_berkas`",
            ],
        );
    }

    #[test]
    fn badly_formed_reference_is_one_finding() {
        let y = sop(
            "  - {id: a, kind: start, actor: P, activity: A, time: 5 menit, next: B}\n  - {id: b, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint(&y);
        expect(
            found,
            &[
                "23:33 SOP102 unknown actor `P` in `actor` of step `a`",
                "23:70 SOP101 unknown step `B` in `next` of step `a`",
            ],
        );
    }

    #[test]
    fn a_misspelt_value_is_fixed_when_one_value_is_nearest() {
        use crate::rules::testing::fixed;
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: proces, actor: p, activity: B, time: 5 menit, next: c}\n  - {id: c, kind: End, actor: q, activity: C, time: 5 menit}\n",
        );
        let (text, settled) = fixed(&y);
        assert!(text.contains("kind: process, actor: p, activity: B"), "{text}");
        assert!(text.contains("kind: end, actor: q"), "{text}");
        assert!(settled && lint(&text).is_empty(), "{:?}", lint(&text));
    }
}
