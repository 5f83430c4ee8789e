//! The `sop-ap/1` reference (`docs/format.md`), generated from the key
//! table in [`schema`](crate::model::schema) so that the documentation
//! lists exactly the keys the checker accepts. A test keeps the committed
//! file in step with this generator.

use std::fmt::Write;

use crate::model::schema::{self, Key, Type};

const INTRO: &str = "# The `sop-ap/1` format

One SOP per YAML file, in the national SOP AP format of PermenPANRB 35/2012:
an identity block (Bagian Identitas) and a flowchart table (Bagian
Flowchart) in which each row is one activity done by one actor, with its
Mutu Baku (requirements, time, output). This page is generated from the
table sopmap checks against (`src/model/schema.rs`); `sopmap schema` prints
the same format as a JSON Schema for editors.

Conventions:

- Keys are English `snake_case`; the **Label** column gives the Indonesian
  label printed on the SOP AP document.
- Ids: a SOP `id` uses lowercase letters, digits and `-` (the file should be
  named `<id>.yaml`); step and actor ids use lowercase letters, digits and `_`.
- Order matters: `actors` is the column order of the flowchart table,
  `steps` is the row order (rows are numbered 1, 2, 3 … unless a step gives
  the number its source document prints, see below), and `branches` is the
  drawing order of a decision's arrows.
- YAML 1.2 rules apply: only `true`/`false` are booleans, so a branch label
  `Ya`, `Tidak`, `yes` or `no` is text. Quote values that look like numbers
  but are text (`nip: \"0123…\"`).
";

const DURATIONS: &str = "## Durations (`time`, `service_time`, `workday`)

Times are read as published SOPs write them in the Waktu column, in any
case (`10 Menit`, `5 Hari`, `2 X 24 JAM`):

```
duration  := [qualifier | filler]* quantity [range quantity] [condition]
quantity  := amount [\"(\" words \")\"] unit (amount unit)*     -- `2 jam 30 menit`
           | amount (\"x\" | \"×\") amount unit                 -- `2x24 jam` = 2 hari
amount    := INT | INT (\",\" | \".\") INT | \"½\" | number words (`tiga`, `empat belas`,
             `dua puluh lima`, `setengah`) | `sehari`, `sejam`, `seminggu`, `sebulan`
range     := \"-\" | \"–\" | \"s.d.\" | \"s/d\" | \"sd\" | \"sampai (dengan)\" | \"hingga\"
           | \"maksimal\" | \"maks.\" | \"paling lama\"       -- `1 (satu) hari maksimal 14 hari kerja`
unit      := \"detik\" | \"menit\" | \"jam\" | \"hari kerja\" | \"hk\" | \"hari\" | \"hari kalender\"
           | \"minggu\" | \"pekan\" | \"bulan\" | \"tahun\"       (also `dtk`, `mnt`, `bln`, `thn`)
           | \"'\" (menit) | '\"' or \"''\" (detik), right after the amount -- `5'`, `30\"`
qualifier := \"maksimal\" | \"maks.\" | \"maksimum\" | \"max\" | \"paling lama\" | \"paling lambat\"
           | \"selambat-lambatnya\" | \"tidak lebih dari\"      -- the amount is an upper bound
           | \"±\" | \"+/-\" | \"kurang lebih\" | \"sekitar\"      -- about
           | \"minimal\" | \"paling cepat\"                    -- at least
filler    := \"proses\" | \"waktu\" | \"selama\" | \"dalam (waktu)\" | …
condition := whatever follows the unit, kept as written
```

Examples, each with what sopmap reads: `30 detik` (30 s), `± 2 menit` (about
2 min), `2x24 jam` (2 hari), `1 s.d. 3 hari` (1-3 hari), `Maks. 2 hari kerja`
(at most 2 working days), `2 jam 30 menit` (150 min), `3 hari kalender`,
`1 (satu) hari kerja`, `Proses 1 Minggu` (7 days), `1 (satu) hari maksimal 14
(empat belas) hari kerja` (1-14 working days), `Maksimal 15 (lima belas) menit
terhitung persyaratan diterima lengkap` (at most 15 min; the condition
`terhitung persyaratan diterima lengkap` is kept). The document and the
checklist print the time as written; sums use the quantity, and an upper
bound counts as the worst case.

- A bare number (`time: 30`) is an error: *satuan waktu wajib*.
- A fraction is read in a smaller unit when it is exact (`1,5 jam` = 90
  menit, `setengah jam` = 30 menit); a fraction of a day is an error with a
  proposal (`0,5 hari kerja` → `4 jam`).
- Two times in one cell (`7 hari dengan bupati; 2 hari dengan Kadin`) are an
  error: write the longest as `time` and the whole text as `time_note`.
- Three kinds of time are kept apart and never mixed silently: working time
  (`detik`, `menit`, `jam`), working days (`hari kerja`) and calendar time
  (`hari kalender`, `minggu` = 7 hari, `bulan` = 30 hari, `tahun` = 365
  hari). Working time converts to working days with the workday length
  (`workday:`, default `8 jam`); calendar days and working days cannot be
  compared without a calendar, and sopmap says so.
- A bare `hari` is a calendar day unless the SOP says `days: kerja` (or
  `sopmap.yaml` says `days: kerja` for every SOP that does not say): most
  civil-service SOPs write `hari` and mean a working day. A SOP that mixes
  `hari` and `hari kerja` without saying gets one `mixed-days` warning.
  `Nx24 jam` is N bare `hari`.
- A time that cannot be quantified (\"sesuai kebutuhan\") goes in `time_note`.
- `wait: true` marks time spent waiting on an outside party (the complainant,
  a P3MI, an embassy); it is reported separately and left out of the
  comparison with `service_time`.
- A step without a time is left out of every total, and every total says how
  many steps it leaves out; a SOP without any time gets no verdict on its
  `service_time` (\"cannot be judged\"), and one with untimed steps at most
  \"met so far\".

## Dates (`created`, `revised`, `effective`)

ISO `2022-01-07`; day/month/year `01/03/2022` (also `1-3-2022`,
`01.03.2022`); a month name in Indonesian or English, in any case, with or
without the day: `16 Juli 2012`, `24 Februari 2025`, `JUNI 2020`, `Agustus
2023`, `7 Jan. 2022`, old spellings `Pebruari`, `Nopember`. A date without a
day has month precision; `date-order` compares two dates at the precision
both give. The document and the checklist print a date as written.

## Boxes left blank (`kosong`)

Annex-style SOPs leave Nomor SOP, Tanggal and Disahkan oleh blank, to be
filled in by hand once the SOP is signed. Say so with the word `kosong` (any
case; `\"-\"` is read the same way, as published tables mark an empty box) in
a text or date of `identity` or `identity.approved_by`, or in place of a
Mutu Baku list (`legal_basis`, `qualifications`, `equipment`, `warnings`,
`records`):

```yaml
identity:
  number: kosong
  created: kosong
records: kosong
```

Each blank is a `blank-field` warning (so it is not published by accident)
and is printed in the document as a dotted line to fill in. An empty text
or list (`number: \"\"`, `records: []`) and a required key with no value
(`kind:`, `actor:`) are `empty-value` errors: they do not say whether the
box was forgotten or left blank on purpose; for a box of the form (an
identity field, a Mutu Baku list) the help proposes `kosong`. `revised` is
the one optional date: `revised: \"-\"` (or null) means the SOP was never
revised and is no finding; write `revised: kosong` when the document leaves
\"Tgl Revisi\" blank to fill in by hand.
";

const STEP_RULES: &str = "## Step kinds and arrows

| `kind` | Symbol | Arrows |
|---|---|---|
| `start` | capsule (kapsul) | exactly one per SOP; `next` |
| `process` | box (kotak); double border with `sub_sop` | `next` |
| `decision` | diamond (belah ketupat) | `branches` (at least two, labels unique); no `next` |
| `end` | capsule | none; several ends are allowed, each may carry an `outcome` |

Loops are allowed (the usual \"tidak lengkap → dikembalikan → diperbaiki →
diperiksa lagi\"), as long as a decision in the loop can leave it; no arrow
leads back into the start (`start-with-predecessor`). Off-page connectors
are never written: the document renderer adds them.
";

const REAL_DOCUMENTS: &str = "## Tables as agencies draw them

Published SOP AP tables do a few things a one-step-per-row table cannot say.
Each has its key; every renderer (document, table, checklists, diagrams,
BPMN, timing, diff and their JSON) follows it.

- **Row numbers** (`row`). A transcription keeps the numbers the source
  prints, gaps included (…4, 6): `row: 6` on the step of that row. Rows
  without `row` count on from the row before. `irregular-row-number`
  (warning) reports skipped, repeated and decreasing numbers.
- **One numbered row, several symbols** (`same_row: true`). The applicant
  hands over, the clerk receives, the head signs: several steps, one row.
  A step with `same_row: true` continues the row of the step before it: the
  row has one number, and one Kelengkapan, Waktu and Output, written on its
  first step (they are not allowed on the others: `misplaced-key`, and the
  JSON Schema rejects `row`, `requirements`, `time`, `time_note`, `wait` and
  `output` on a step with `same_row: true` too). The document draws the
  symbols side by side in their actors' columns of that one table row with
  straight arrows between them (see docs/document.md), the Kegiatan cell
  lists the steps' activities, and the row's time counts once in `timing`.
  The row's Waktu is the time the whole chain takes, and every actor in it
  is taken up by it: in the time per actor (`timing`, checklist headers)
  each actor with a symbol in the row, or `with` on one of its steps, gets
  the row's time once (as `with` gets a step's whole time), so per-actor
  loads do not add up to the SOP's total. An untimed row is one untimed row
  for each of its actors. Every step is still checked on its own (actor,
  arrows, reachability).
- **Branches that leave the table** (`outcome` on a branch, instead of
  `next`). \"Tidak: dikembalikan ke pemohon melalui CS\" has no row to point
  to: `{label: Tidak, outcome: Dikembalikan ke pemohon melalui CS}` ends the
  procedure there. It counts as reaching an end (no dead end, no loop
  without exit, timing ends a path there), is drawn as an end capsule
  (an end event in BPMN) with the outcome beside it, and the checklists
  say \"Tidak: prosedur selesai: …\".
- **Substitute actors** (`alternate`). A column headed \"Kasi / Sekcam\" or
  a note \"if the Camat is absent, the Sekcam signs\": `actor: camat`,
  `alternate: sekcam` (one id or a list). The symbol stays in the main
  actor's column, the substitute's column gets a dotted copy marked
  *Pengganti*; the document and the table name the substitute, and
  `checklist --actor sekcam` includes the step, marked as standing in.
  Ids are checked like `actor` (`unknown-actor`, `unused-actor`).
- **\"Mulai\" and \"Selesai\" capsules.** The document prints *Mulai* in the
  start capsule and *Selesai* in every end capsule (*Start*/*End* with
  `--lang en`), as printed SOPs do. A start or end step may leave out
  `activity` when the source's row holds nothing but the capsule; the
  Kegiatan cell, checklists and diagrams then read \"Mulai\"/\"Selesai\".
";

/// The whole reference as Markdown.
pub fn format_reference() -> String {
    let mut out = String::from(INTRO);
    section(&mut out, "Top-level keys", "", schema::TOP);
    section(&mut out, "`identity` (Bagian Identitas)", "identity.", schema::IDENTITY);
    section(
        &mut out,
        "`identity.approved_by` (Disahkan oleh)",
        "approved_by.",
        schema::APPROVED_BY,
    );
    section(&mut out, "`definitions[]` (Definisi)", "", schema::DEFINITION);
    section(&mut out, "`related[]` (Keterkaitan)", "", schema::RELATED);
    out.push_str(
        "Each `related` entry needs `sop` (the id of a SOP in the corpus) or `title` \
         (for a SOP kept elsewhere, with `external: true`).\n\n",
    );
    section(&mut out, "`actors[]` (Pelaksana)", "", schema::ACTOR);
    section(&mut out, "`steps[]` (Uraian kegiatan: one row each)", "", schema::STEP);
    section(&mut out, "`steps[].branches[]` (Cabang keputusan)", "", schema::BRANCH);
    out.push_str(
        "Each branch needs `next` (the step the answer leads to) or `outcome` (the answer \
         ends the procedure there), not both.\n\n",
    );
    out.push_str(STEP_RULES);
    out.push('\n');
    out.push_str(REAL_DOCUMENTS);
    out.push('\n');
    out.push_str(DURATIONS);
    out
}

fn section(out: &mut String, title: &str, prefix: &str, keys: &[Key]) {
    let _ = writeln!(out, "\n## {title}\n");
    out.push_str("| Key | Label | Type | Required | Meaning |\n|---|---|---|---|---|\n");
    for k in keys {
        let _ = writeln!(
            out,
            "| `{prefix}{}` | {} | {} | {} | {} |",
            k.name,
            k.label,
            type_name(k.ty),
            if k.required { "yes" } else { "no" },
            k.description.replace('|', "\\|")
        );
    }
    out.push('\n');
}

fn type_name(t: Type) -> String {
    match t {
        Type::Str => "text".into(),
        Type::Int => "integer".into(),
        Type::Bool => "`true`/`false`".into(),
        Type::Date => "date (`2024-07-01`, `1 Juli 2024`, `01/07/2024`)".into(),
        Type::Duration => "duration".into(),
        Type::Id => "id".into(),
        Type::Enum(words) => {
            words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(" \\| ")
        }
        Type::StrList => "list of text".into(),
        Type::IdList => "list of ids".into(),
        Type::Object(_) => "mapping".into(),
        Type::ObjectList(_) => "list of mappings".into(),
    }
}
