//! invalid-duration (SOP006): a time that does not follow the duration grammar.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP006",
    name: "invalid-duration",
    default_level: Level::Error,
    summary: "a time that does not follow the duration grammar",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Checks `time`, `service_time` and `workday` against the duration grammar
of published SOPs: an amount (digits, `1,5`, `½`, or words such as `tiga`,
`empat belas`, `sehari`) or a range (`1-3`, `1 s.d. 3`, `1 sd 3`, `1 hari
maksimal 14 hari kerja`), an optional number in words in parentheses, and
a unit (`detik`, `menit`, `jam`, `hari kerja`, `hari`, `hari kalender`,
`minggu`, `bulan`, `tahun`), in any case. A time may be made of parts
(`2 jam 30 menit`) or a product (`2x24 jam` is 2 days). Qualifiers before
the amount are kept: `maksimal`, `maks.`, `paling lama`,
`selambat-lambatnya` (an upper bound), `±`, `kurang lebih` (about),
`minimal` (at least); so are fillers such as `proses`. Text after the unit
is kept as the condition (`terhitung persyaratan diterima lengkap`).
A bare number, an unknown unit, two times in one cell, a fraction of a day
and a mix of working time with days are errors, each with a help line
proposing the nearest accepted spelling.

## Why is this bad?
Times are summed along the flow and compared with the service time of the
Standar Pelayanan. `time: 30` does not say 30 what; `sesuai kebutuhan` cannot be
summed.

## Example
```yaml
    time: 30            # satuan waktu wajib: write `30 menit`
    time: 2 hr          # unknown unit: write `2 jam`
```
Non-quantifiable times (\"sesuai kebutuhan\") belong in `time_note`.";

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, lint_detail, sop};

    #[test]
    fn bare_number() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: 30, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP006");
        expect(
            found,
            &[
                "23:59 SOP006 `time: 30` has no time unit (satuan waktu wajib); help: write e.g. `30 menit`, `30 jam` or `30 hari kerja`",
            ],
        );
    }

    #[test]
    fn unknown_unit_with_suggestion() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: 5 menit, next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: 2 jem, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP006");
        expect(
            found,
            &[
                "24:62 SOP006 invalid duration in `time`: unknown time unit `jem`; help: did you mean `jam`?",
            ],
        );
    }

    #[test]
    fn valid_forms_are_accepted() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 3 (tiga) hari kerja, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: maksimal 1 hari kerja, next: c}\n  - {id: c, kind: process, actor: p, activity: B, time: 1-3 hari kerja, next: d}\n  - {id: d, kind: end, actor: q, activity: C, time: 1 minggu}\n",
        );
        let found = lint(&y);
        expect(found, &[]);
    }

    #[test]
    fn decimal_and_text() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: Mulai, time: \"0,5 hari kerja\", next: b}\n  - {id: b, kind: process, actor: p, activity: Proses, time: sebentar, next: c}\n  - {id: c, kind: end, actor: q, activity: Selesai, time: 5 menit}\n",
        );
        let found = lint_code(&y, "SOP006");
        expect(
            found,
            &[
                "23:59 SOP006 invalid duration in `time`: `0,5 hari kerja` is not a whole number of working days",
                "24:62 SOP006 invalid duration in `time`: `sebentar` is not a duration",
            ],
        );
    }
}
