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
Checks `time`, `service_time` and `workday` against the duration grammar:
an amount or a range, an optional number in words in parentheses and a
unit (`menit`, `jam`, `hari kerja`, `hari`, `minggu`, `bulan`), optionally
after `maksimal` or `paling lama`. A bare number, a decimal and an unknown
unit are errors.

## Why is this bad?
Times are summed along the flow and compared with the service time of the
Standar Pelayanan. `time: 30` does not say 30 what; `0,5 jam` cannot be
written on the form.

## Example
```yaml
    time: 30            # satuan waktu wajib: write `30 menit`
    time: 2 hr          # unknown unit: write `2 jam`
```
Non-quantifiable times (\"sesuai kebutuhan\") belong in `time_note`.";
