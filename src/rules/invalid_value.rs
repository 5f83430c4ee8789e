//! invalid-value (SOP005): a value outside the allowed set, or an id with invalid characters.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP005",
    name: "invalid-value",
    default_level: Level::Error,
    summary: "a value outside the allowed set, or an id with invalid characters",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a value that is not one of the allowed words (`level: makro|mikro`,
`kind: start|process|decision|end`, `relation: parent|child|…`) or an id
that uses characters other than lowercase letters, digits, `-` or `_`.

## Why is this bad?
Tools and other SOPs refer to these values by their exact spelling.

## Example
```yaml
  - id: cek
    kind: keputusan        # expected `start`, `process`, `decision` or `end`
```";

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint_detail, sop};

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
                "23:70 SOP005 `next` must use only lowercase letters, digits and `_`, found `Cek Berkas`; help: write `cek_berkas`",
                "24:10 SOP005 `id` must use only lowercase letters, digits and `_`, found `Cek Berkas`; help: write `cek_berkas`",
            ],
        );
    }
}
