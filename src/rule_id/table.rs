//! The identity of every rule (code, name, default level, summary and
//! explanation), one static per rule, in code order. Kept apart from the
//! checks in `rules/` so that the passes below the rules (YAML parsing,
//! schema lowering, suppressions, configuration) can name a rule without
//! importing the rule machinery.

use super::{Level, RuleId};
use crate::lang::Bilingual;

pub static INVALID_YAML: RuleId = RuleId {
    code: "SOP001",
    name: "invalid-yaml",
    default_level: Level::Error,
    summary: Bilingual {
        id: "berkas bukan YAML yang sah, atau melampaui batas pembaca YAML",
        en: "the file is not valid YAML, or exceeds a parser limit",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan kesalahan penulisan YAML (indentasi yang salah, kurung yang
tidak ditutup, tab sebagai indentasi, beberapa dokumen dalam satu berkas)
atau berkas yang melampaui batas pembaca (terlalu banyak simpul, terlalu
dalam, alias yang berlipat ganda). Untuk kekeliruan yang paling sering
dibuat penyusun SOP (tab atau spasi khusus pengolah kata pada indentasi,
titik dua atau tanda kutip miring dalam teks tanpa tanda kutip, tanda kutip
yang tidak ditutup, `-butir` atau `kunci:nilai` tanpa spasi, baris yang
bergeser satu spasi, daftar di bawah kunci yang sudah bernilai, tanda `>`
yang ikut tersalin), temuan menunjuk karakter yang harus diubah dan baris
sarannya menyebutkan apa yang harus diketik; selain itu temuan menunjuk
tempat pembaca YAML berhenti.

## Mengapa ini masalah?
Isi berkas lainnya tidak dapat diperiksa sebelum berkas dapat dibaca.

## Contoh
```yaml
steps:
  - id: terima
    next: [periksa
```
Daftar yang dibuka dengan `[` tidak pernah ditutup.",
        en: "## What it does
Reports a YAML syntax error (a bad indent, an unclosed bracket, a tab used
for indentation, several documents in one file) or a file that exceeds the
parser limits (too many nodes, too deep, an alias bomb). For the slips SOP
writers make most (a tab or a word processor's space in the indentation, a
colon or a curly quote in unquoted text, an unclosed quote, `-item` or
`key:value` without a space, a line one space off, a list under a key that
already has a value, a pasted leading `>`) the finding points at the
character to change and its help line says what to type; otherwise it
points where the parser stopped.

## Why is this bad?
Nothing else in the file can be checked until it parses.

## Example
```yaml
steps:
  - id: terima
    next: [periksa
```
The list opened with `[` is never closed.",
    },
};

pub static UNKNOWN_KEY: RuleId = RuleId {
    code: "SOP002",
    name: "unknown-key",
    default_level: Level::Error,
    summary: Bilingual {
        id: "kunci yang tidak didefinisikan format sop-ap/1",
        en: "a key that the sop-ap/1 format does not define",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan kunci yang bukan bagian format `sop-ap/1` di tempat itu, dan
menyarankan kunci sah yang paling mirip.

## Mengapa ini masalah?
Kunci yang salah eja diabaikan begitu saja oleh alat lain: `requirement:`
sebagai ganti `requirements:` menghilangkan kolom Kelengkapan dari SOP yang
dicetak.

## Contoh
```yaml
  - id: periksa
    kind: process
    actr: verifikator      # mungkin maksud Anda `actor`?
```",
        en: "## What it does
Reports a key that is not part of the `sop-ap/1` format at that place, and
suggests the closest valid key.

## Why is this bad?
A misspelt key is silently ignored by every other tool: `requirement:` instead
of `requirements:` loses the Kelengkapan column from the printed SOP.

## Example
```yaml
  - id: periksa
    kind: process
    actr: verifikator      # did you mean `actor`?
```",
    },
};

pub static WRONG_TYPE: RuleId = RuleId {
    code: "SOP003",
    name: "wrong-type",
    default_level: Level::Error,
    summary: Bilingual {
        id: "nilai dengan jenis YAML yang salah (teks, daftar, pemetaan, angka)",
        en: "a value of the wrong YAML type (text, list, mapping, number)",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan nilai yang jenis YAML-nya tidak sesuai dengan kuncinya: daftar
di tempat yang seharusnya teks, angka di tempat yang seharusnya id, atau
label cabang yang dibaca YAML sebagai nilai benar/salah.

## Mengapa ini masalah?
Nilai tersebut tidak dapat dipakai sebagaimana ditulis; SOP akan tercetak
keliru atau tidak tercetak sama sekali.

## Contoh
```yaml
legal_basis: Undang-Undang Nomor 25 Tahun 2009   # harus berupa daftar
```
Tuliskan `legal_basis:` diikuti butir `- Undang-Undang …`.",
        en: "## What it does
Reports a value whose YAML type does not fit its key: a list where text is
expected, a number where an id is expected, a branch label that YAML reads
as a boolean.

## Why is this bad?
The value cannot be used as written; the SOP would print wrongly or not at all.

## Example
```yaml
legal_basis: Undang-Undang Nomor 25 Tahun 2009   # must be a list
```
Write `legal_basis:` followed by `- Undang-Undang …` items.",
    },
};

pub static MISSING_KEY: RuleId = RuleId {
    code: "SOP004",
    name: "missing-key",
    default_level: Level::Error,
    summary: Bilingual { id: "kunci wajib tidak dicantumkan", en: "a required key is missing" },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan kunci wajib yang tidak ada: misalnya `identity.number` (Nomor
SOP), `actors`, atau langkah tanpa `actor` atau `activity`.

## Mengapa ini masalah?
PermenPANRB 35/2012 mewajibkan setiap bagian blok identitas dan setiap
kolom tabel diagram alir. SOP tanpa bagian tersebut tidak dapat disahkan.

## Contoh
```yaml
  - id: periksa
    kind: process
    activity: Memeriksa berkas     # `actor` tidak dicantumkan
    next: selesai
```",
        en: "## What it does
Reports a required key that is absent: for example `identity.number`
(Nomor SOP), `actors`, or a step without `actor` or `activity`.

## Why is this bad?
PermenPANRB 35/2012 requires every part of the identity block and every
column of the flowchart table. A SOP without them cannot be signed.

## Example
```yaml
  - id: periksa
    kind: process
    activity: Memeriksa berkas     # `actor` is missing
    next: selesai
```",
    },
};

pub static INVALID_VALUE: RuleId = RuleId {
    code: "SOP005",
    name: "invalid-value",
    default_level: Level::Error,
    summary: Bilingual {
        id: "nilai di luar pilihan yang diizinkan, atau id dengan karakter yang tidak sah",
        en: "a value outside the allowed set, or an id with invalid characters",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan nilai yang bukan salah satu kata yang diizinkan (`level:
makro|mikro`, `kind: start|process|decision|end`, `relation:
parent|child|…`) atau id yang memuat karakter selain huruf kecil, angka,
`-` atau `_`.

## Mengapa ini masalah?
Alat dan SOP lain merujuk nilai-nilai ini menurut ejaannya yang persis.

## Contoh
```yaml
  - id: cek
    kind: keputusan        # yang diharapkan `start`, `process`, `decision` atau `end`
```",
        en: "## What it does
Reports a value that is not one of the allowed words (`level: makro|mikro`,
`kind: start|process|decision|end`, `relation: parent|child|…`) or an id
that uses characters other than lowercase letters, digits, `-` or `_`.

## Why is this bad?
Tools and other SOPs refer to these values by their exact spelling.

## Example
```yaml
  - id: cek
    kind: keputusan        # expected `start`, `process`, `decision` or `end`
```",
    },
};

pub static INVALID_DURATION: RuleId = RuleId {
    code: "SOP006",
    name: "invalid-duration",
    default_level: Level::Error,
    summary: Bilingual {
        id: "waktu yang tidak mengikuti tata tulis jangka waktu",
        en: "a time that does not follow the duration grammar",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa `time`, `service_time` dan `workday` terhadap tata tulis jangka
waktu pada SOP yang telah diterbitkan: sebuah jumlah (angka, `1,5`, `½`,
atau kata seperti `tiga`, `empat belas`, `sehari`) atau rentang (`1-3`,
`1 s.d. 3`, `1 sd 3`, `1 hari maksimal 14 hari kerja`), angka dalam huruf
di dalam kurung bila ada, dan satuan (`detik`, `menit`, `jam`, `hari
kerja`, `hari`, `hari kalender`, `minggu`, `bulan`, `tahun`), dengan huruf
besar atau kecil. Waktu dapat terdiri atas beberapa bagian (`2 jam 30
menit`) atau perkalian (`2x24 jam` sama dengan 2 hari). Keterangan sebelum
jumlah tetap dicatat: `maksimal`, `maks.`, `paling lama`,
`selambat-lambatnya` (batas atas), `±`, `kurang lebih` (kira-kira),
`minimal` (sekurang-kurangnya); demikian pula kata pengisi seperti
`proses`. Teks setelah satuan dicatat sebagai syarat (`terhitung
persyaratan diterima lengkap`). Angka tanpa satuan, satuan yang tidak
dikenal, dua waktu dalam satu sel, pecahan hari, dan campuran waktu kerja
dengan hari merupakan kesalahan, masing-masing dengan baris saran yang
mengusulkan penulisan terdekat yang diterima.

## Mengapa ini masalah?
Waktu dijumlahkan sepanjang alur dan dibandingkan dengan jangka waktu
penyelesaian dalam Standar Pelayanan. `time: 30` tidak menyebutkan 30
apa; `sesuai kebutuhan` tidak dapat dijumlahkan.

## Contoh
```yaml
    time: 30            # satuan waktu wajib: tuliskan `30 menit`
    time: 2 hr          # satuan tidak dikenal: tuliskan `2 jam`
```
Waktu yang tidak dapat diukur (\"sesuai kebutuhan\") ditulis pada `time_note`.",
        en: "## What it does
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
Non-quantifiable times (\"sesuai kebutuhan\") belong in `time_note`.",
    },
};

pub static INVALID_DATE: RuleId = RuleId {
    code: "SOP007",
    name: "invalid-date",
    default_level: Level::Error,
    summary: Bilingual {
        id: "tanggal yang bukan tanggal nyata dalam bentuk yang diterima",
        en: "a date that is not a real date in an accepted form",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa `created`, `revised` dan `effective` adalah tanggal nyata,
ditulis seperti pada SOP yang telah diterbitkan: ISO `2022-11-15`,
hari/bulan/tahun `15/11/2022` (juga `15-11-2022`, `15.11.2022`), atau
dengan nama bulan dalam bahasa Indonesia atau Inggris, dengan huruf besar
atau kecil, dengan atau tanpa tanggal (`15 November 2022`, `JUNI 2020`,
`7 Jan 2022`, `Pebruari`, `Nopember`). Tanggal tanpa hari memiliki
ketelitian bulan: `date-order` membandingkannya per bulan. `revised` juga
boleh kosong (null) atau `-` bila SOP belum pernah direvisi; `kosong`
menandai tanggal yang sengaja dibiarkan kosong untuk diisi tangan
(`blank-field`).

## Mengapa ini masalah?
`2022-02-30` tidak ada, dan `7 Januarii 2022` tidak dapat dibaca.

## Contoh
```yaml
  created: 31 April 2022     # April hanya 30 hari
```",
        en: "## What it does
Checks `created`, `revised` and `effective` are real dates, written as
published SOPs write them: ISO `2022-11-15`, day/month/year `15/11/2022`
(also `15-11-2022`, `15.11.2022`), or with the month's name in Indonesian
or English in any case, with or without the day (`15 November 2022`,
`JUNI 2020`, `7 Jan 2022`, `Pebruari`, `Nopember`). A date without a day
has month precision: `date-order` compares it by month. `revised` may also
be null or `-` when the SOP was never revised; `kosong` marks a date left
blank to fill in by hand (`blank-field`).

## Why is this bad?
`2022-02-30` does not exist, and `7 Januarii 2022` cannot be read.

## Example
```yaml
  created: 31 April 2022     # April has 30 days
```",
    },
};

pub static MISPLACED_KEY: RuleId = RuleId {
    code: "SOP008",
    name: "misplaced-key",
    default_level: Level::Error,
    summary: Bilingual {
        id: "kunci yang tidak berlaku pada langkah jenis ini",
        en: "a key that does not belong on a step of this kind",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan kunci yang ada dalam format tetapi tidak berlaku pada jenis
langkah ini: `next` pada keputusan (keputusan berlanjut melalui
cabang-cabangnya), `branches` pada langkah proses atau langkah awal,
`sub_sop` di luar langkah proses, dan `outcome` di luar langkah akhir.

## Mengapa ini masalah?
Panah atau label akan tergambar di tempat yang tidak diizinkan simbol SOP
AP, dan pembaca tidak dapat mengetahui panah mana yang dimaksud.

## Contoh
```yaml
  - id: cek_lengkap
    kind: decision
    next: terima          # gunakan cabang (branches)
    branches: …
```",
        en: "## What it does
Reports keys that exist in the format but not on this kind of step: `next`
on a decision (a decision leads on through its branches), `branches` on a
process or start step, `sub_sop` outside process steps, and `outcome`
outside end steps.

## Why is this bad?
The arrow or label would be drawn somewhere the SOP AP symbols do not allow,
and readers cannot tell which of two arrows is meant.

## Example
```yaml
  - id: cek_lengkap
    kind: decision
    next: terima          # use the branches instead
    branches: …
```",
    },
};

pub static DUPLICATE_KEY: RuleId = RuleId {
    code: "SOP009",
    name: "duplicate-key",
    default_level: Level::Error,
    summary: Bilingual {
        id: "kunci yang sama ditulis dua kali dalam satu pemetaan",
        en: "the same key written twice in one mapping",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan kunci yang muncul dua kali dalam pemetaan yang sama dan
menunjuk kemunculan pertamanya.

## Mengapa ini masalah?
Alat YAML berbeda pendapat tentang nilai mana yang berlaku; penyusun
bermaksud salah satunya saja.

## Contoh
```yaml
  - id: periksa
    time: 1 jam
    time: 2 jam
```",
        en: "## What it does
Reports a key that appears twice in the same mapping and points at the first.

## Why is this bad?
YAML tools disagree on which value wins; the author meant one of them.

## Example
```yaml
  - id: periksa
    time: 1 jam
    time: 2 jam
```",
    },
};

pub static UNKNOWN_STEP: RuleId = RuleId {
    code: "SOP101",
    name: "unknown-step",
    default_level: Level::Error,
    summary: Bilingual {
        id: "tujuan `next` atau cabang yang tidak menyebut langkah mana pun",
        en: "a `next` or branch target that names no step",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa setiap `next:` dan setiap `branches[].next:` menyebut `id`
sebuah langkah dalam SOP yang sama, dan menyarankan id yang paling mirip
bila tidak.

## Mengapa ini masalah?
Panahnya tidak menuju ke mana pun: diagram alir tidak dapat digambar dan
petugas yang mengikuti daftar periksa tidak tahu harus ke mana.

## Contoh
```yaml
  - id: terima_berkas
    kind: start
    next: periksa_keabsaan      # mungkin maksud Anda `periksa_keabsahan`?
```
Untuk membatasi temuan turunan, aturan alur memperlakukan salah ketik yang
dekat seolah-olah menyebut langkah yang disarankan.",
        en: "## What it does
Checks that every `next:` and every `branches[].next:` names the `id` of a
step in the same SOP, and suggests the closest id when it does not.

## Why is this bad?
The arrow leads nowhere: the flowchart cannot be drawn and staff following
the checklist do not know where to go.

## Example
```yaml
  - id: terima_berkas
    kind: start
    next: periksa_keabsaan      # did you mean `periksa_keabsahan`?
```
To limit follow-on findings, the flow rules treat a near miss as if it named
the suggested step.",
    },
};

pub static UNKNOWN_ACTOR: RuleId = RuleId {
    code: "SOP102",
    name: "unknown-actor",
    default_level: Level::Error,
    summary: Bilingual {
        id: "`actor`, `alternate` atau `with` yang tidak menyebut pelaksana yang dicantumkan",
        en: "an `actor`, `alternate` or `with` entry that names no declared actor",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa `actor` setiap langkah dan setiap butir daftar `alternate`
dan `with`-nya adalah `id` pelaksana yang dicantumkan di bawah `actors:`,
dan menyarankan id yang paling mirip.

## Mengapa ini masalah?
Simbol setiap baris harus digambar di kolom seorang pelaksana. Pelaksana
yang tidak dicantumkan tidak memiliki kolom, dan daftar periksa untuk
peran itu kehilangan langkahnya. Jebakan yang sering terjadi adalah
*perlindungan* dan *pelindungan* (UU 18/2017 memakai \"Pelindungan\").

## Contoh
```yaml
actors:
  - id: seksi_pelindungan
    name: Seksi Pelindungan
steps:
  - id: telaah
    actor: seksi_perlindungan     # mungkin maksud Anda `seksi_pelindungan`?
```",
        en: "## What it does
Checks that every step's `actor` and every entry of its `alternate` and
`with` lists is the `id` of an actor declared under `actors:`, and suggests
the closest id.

## Why is this bad?
The symbol of the row must be drawn in an actor's column. An undeclared
actor has no column, and the checklist for that role misses the step.
A classic trap is *perlindungan* versus *pelindungan* (UU 18/2017 uses
\"Pelindungan\").

## Example
```yaml
actors:
  - id: seksi_pelindungan
    name: Seksi Pelindungan
steps:
  - id: telaah
    actor: seksi_perlindungan     # did you mean `seksi_pelindungan`?
```",
    },
};

pub static DUPLICATE_ID: RuleId = RuleId {
    code: "SOP103",
    name: "duplicate-id",
    default_level: Level::Error,
    summary: Bilingual {
        id: "id langkah atau id pelaksana yang didefinisikan lebih dari sekali",
        en: "a step id or actor id defined more than once",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan `id` langkah atau `id` pelaksana yang sudah dipakai oleh
langkah atau pelaksana sebelumnya dalam SOP yang sama, dan menunjuk
definisi pertamanya.

## Mengapa ini masalah?
Panah dan kolom pelaksana ditemukan melalui id. Dengan dua langkah bernama
`periksa`, `next: periksa` bermakna ganda; sopmap mengikuti definisi
pertama.

## Contoh
```yaml
  - id: periksa
    …
  - id: periksa        # sudah didefinisikan di atas
```",
        en: "## What it does
Reports a step `id` or an actor `id` that is already used by an earlier step
or actor in the same SOP, and points at the first definition.

## Why is this bad?
Arrows and actor columns are found by id. With two steps called `periksa`,
`next: periksa` is ambiguous; sopmap follows the first definition.

## Example
```yaml
  - id: periksa
    …
  - id: periksa        # already defined above
```",
    },
};

pub static UNUSED_ACTOR: RuleId = RuleId {
    code: "SOP104",
    name: "unused-actor",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "pelaksana yang dicantumkan tetapi tidak muncul pada `actor`, `alternate` atau `with` langkah mana pun",
        en: "a declared actor that appears in no step's `actor`, `alternate` or `with`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan pelaksana yang dicantumkan di bawah `actors:` tetapi bukan
`actor` dan tidak terdapat dalam daftar `alternate` atau `with` langkah
mana pun.

## Mengapa ini masalah?
Setiap pelaksana adalah satu kolom tabel diagram alir yang dicetak.
Pelaksana yang tidak dipakai menjadi kolom kosong, sering kali sisa
setelah sebuah langkah dipindahkan ke peran lain.

## Contoh
```yaml
actors:
  - id: verifikator
    name: Verifikator      # tidak ada langkah yang memakai `verifikator`
```",
        en: "## What it does
Warns about an actor declared under `actors:` that is neither the `actor`
nor in the `alternate` or `with` list of any step.

## Why is this bad?
Every actor is a column of the printed flowchart table. An unused actor is
an empty column, often left over after a step was moved to another role.

## Example
```yaml
actors:
  - id: verifikator
    name: Verifikator      # no step uses `verifikator`
```",
    },
};

pub static UNKNOWN_SOP: RuleId = RuleId {
    code: "SOP105",
    name: "unknown-sop",
    default_level: Level::Error,
    summary: Bilingual {
        id: "`sub_sop` atau butir `related` menyebut id SOP yang tidak ada dalam kumpulan SOP",
        en: "a `sub_sop` or `related` entry names a SOP id that is not in the corpus",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa setiap `sub_sop` sebuah langkah dan setiap `related[].sop`
(Keterkaitan) menyebut `id` SOP yang dimuat dalam pemeriksaan yang sama,
dan menyarankan id yang paling mirip bila nama itu tampak salah ketik.

SOP yang dianggap dimuat:
- `sopmap check sops/` memuat setiap SOP dalam folder; tautan ke id yang
  tidak dimiliki SOP mana pun dilaporkan.
- `sopmap check sops/satu.yaml` memeriksa satu berkas, tetapi tautan tetap
  dicari di sebelahnya: lebih dahulu `<id>.yaml`/`<id>.yml` dalam folder
  yang sama, lalu setiap berkas SOP dalam folder itu. Hanya tautan yang
  tidak ditemukan di mana pun di sana yang dilaporkan, dan sarannya meminta
  memeriksa seluruh folder atau menandai butir itu sebagai SOP luar.
- Butir `related` dengan `external: true` adalah SOP di luar kumpulan dan
  tidak pernah dicari; `sub_sop` yang id-nya tercantum dalam `related`
  dengan `external: true` juga tidak dicari.
- SOP tertaut yang berkasnya ada tetapi gagal dibaca disebutkan demikian,
  bukan dilaporkan sebagai SOP yang tidak ada.

## Mengapa ini masalah?
Keterkaitan adalah cara SOP makro dan SOP mikro-nya saling menemukan.
Tautan ke SOP yang tidak ada (salah ketik, id yang diganti, SOP yang belum
ditulis) memutus rangkaian yang dijanjikan dokumen, dan tidak ada yang
menyadarinya di atas kertas.

## Contoh
```yaml
related:
  - sop: verifikasi-berkas-pengaduan-mikr   # salah ketik: tidak ada SOP dengan id ini
    relation: child
  - title: SOP Pelayanan Informasi Publik (PPID)
    relation: related
    external: true                          # di luar kumpulan: tidak masalah
```",
        en: "## What it does
Checks that every `sub_sop` of a step and every `related[].sop` (Keterkaitan)
names the `id` of a SOP loaded in the same run, and suggests the closest id
when the name looks like a typo.

Which SOPs count as loaded:
- `sopmap check sops/` loads every SOP in the folder; a link to an id that
  none of them has is reported.
- `sopmap check sops/one.yaml` checks one file, but links are still looked
  up beside it: first `<id>.yaml`/`<id>.yml` in the same folder, then every
  SOP file of that folder. Only a link found nowhere there is reported, and
  its help says to check the whole folder or mark the entry external.
- A `related` entry with `external: true` is a SOP outside the corpus and
  is never looked up; a `sub_sop` whose id is listed in `related` with
  `external: true` is not looked up either.
- A linked SOP whose file is there but could not be read is named as such,
  not reported as missing.

## Why is this bad?
Keterkaitan is how a makro and its mikro SOPs find each other. A link to a
SOP that does not exist (a typo, a renamed id, a SOP not yet written) breaks
the chain the document promises, and nobody notices on paper.

## Example
```yaml
related:
  - sop: verifikasi-berkas-pengaduan-mikr   # typo: no SOP has this id
    relation: child
  - title: SOP Pelayanan Informasi Publik (PPID)
    relation: related
    external: true                          # outside the corpus: fine
```",
    },
};

pub static DUPLICATE_SOP_ID: RuleId = RuleId {
    code: "SOP106",
    name: "duplicate-sop-id",
    default_level: Level::Error,
    summary: Bilingual {
        id: "dua berkas SOP mencantumkan `id` yang sama",
        en: "two SOP files declare the same `id`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan setiap berkas yang `id` SOP-nya juga dicantumkan oleh berkas
lain yang dimuat dalam pemeriksaan yang sama. Setiap berkas mendapat
temuannya sendiri, dengan label pada `id` berkas lainnya, sehingga
bentrokan terlihat dari kedua sisi.

## Mengapa ini masalah?
`sub_sop` dan `related` menyebut SOP melalui id. Dengan dua SOP ber-id
sama, tautan diam-diam menunjuk SOP yang lebih dahulu dimuat; biasanya satu
berkas disalin dari berkas lain dan id-nya tidak pernah diganti.

## Contoh
```yaml
# sops/verifikasi-berkas.yaml
id: verifikasi-berkas
# sops/verifikasi-berkas-v2.yaml   (disalin, id belum diganti)
id: verifikasi-berkas              # beri id tersendiri
```",
        en: "## What it does
Reports every file whose SOP `id` is also declared by another file loaded in
the same run. Each file gets its own finding, with a label at the other
file's `id`, so the clash is visible from both sides.

## Why is this bad?
`sub_sop` and `related` name SOPs by id. With two SOPs under one id, a link
silently points at whichever was loaded first; usually one file was copied
from the other and its id was never changed.

## Example
```yaml
# sops/verifikasi-berkas.yaml
id: verifikasi-berkas
# sops/verifikasi-berkas-v2.yaml   (copied, id not updated)
id: verifikasi-berkas              # give it its own id
```",
    },
};

pub static FILE_NAME_MISMATCH: RuleId = RuleId {
    code: "SOP107",
    name: "file-name-mismatch",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "nama berkas SOP yang tertaut bukan `<id>.yaml`",
        en: "a linked SOP's file name is not `<id>.yaml`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan bila SOP yang ikut dalam tautan antar-SOP (menyebut SOP
lain pada `sub_sop` atau `related`, atau disebut oleh SOP lain yang
dimuat) berada dalam berkas yang namanya (tanpa `.yaml`/`.yml`) berbeda
dari `id`-nya. SOP yang berdiri sendiri tidak diperiksa, demikian pula
masukan standar (stdin).

## Mengapa ini masalah?
Tautan antar-SOP memakai id. Bila setiap berkas tertaut dinamai menurut
id-nya, pembaca (dan sopmap, saat satu berkas diperiksa tersendiri)
menemukan SOP tertaut tanpa membuka setiap berkas.

## Contoh
```yaml
# berkas: sops/verifikasi.yaml
id: verifikasi-berkas-pengaduan-mikro   # ganti nama berkas menjadi verifikasi-berkas-pengaduan-mikro.yaml
```",
        en: "## What it does
Warns when a SOP that takes part in links between SOPs (it names another SOP
in `sub_sop` or `related`, or another loaded SOP names it) is in a file whose
name (without `.yaml`/`.yml`) differs from its `id`. A SOP that stands alone
is not checked, nor is standard input.

## Why is this bad?
Links between SOPs use ids. When every linked file is named after its id, a
reader (and sopmap, when one file is checked on its own) finds a linked SOP
without opening every file.

## Example
```yaml
# file: sops/verifikasi.yaml
id: verifikasi-berkas-pengaduan-mikro   # rename the file to verifikasi-berkas-pengaduan-mikro.yaml
```",
    },
};

pub static SUB_SOP_LEVEL: RuleId = RuleId {
    code: "SOP108",
    name: "sub-sop-level",
    default_level: Level::Error,
    summary: Bilingual {
        id: "`sub_sop` menyebut SOP yang bukan `level: mikro`",
        en: "a `sub_sop` names a SOP that is not `level: mikro`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa SOP yang disebut `sub_sop` sebuah langkah dicantumkan
sebagai `level: mikro`.

## Mengapa ini masalah?
Langkah SOP makro dirinci oleh SOP mikro (PermenPANRB 35/2012: SOP mikro
merupakan bagian dari SOP makro). SOP makro yang merinci langkahnya dengan
SOP makro lain mencampur dua cakupan: cakupan SOP tujuan yang salah, atau
tautannya yang salah.

## Contoh
```yaml
# pengaduan-pmi-makro.yaml
  - id: verifikasi_berkas
    sub_sop: verifikasi-berkas-pengaduan-mikro
# verifikasi-berkas-pengaduan-mikro.yaml
level: makro          # seharusnya `mikro`
```",
        en: "## What it does
Checks that the SOP named by a step's `sub_sop` is declared `level: mikro`.

## Why is this bad?
A makro step is detailed by an SOP mikro (PermenPANRB 35/2012: an SOP mikro
is a part of an SOP makro). A makro detailing a step with another makro
mixes the two scopes: either the target's level is wrong or the link is.

## Example
```yaml
# pengaduan-pmi-makro.yaml
  - id: verifikasi_berkas
    sub_sop: verifikasi-berkas-pengaduan-mikro
# verifikasi-berkas-pengaduan-mikro.yaml
level: makro          # should be `mikro`
```",
    },
};

pub static RELATION_ASYMMETRY: RuleId = RuleId {
    code: "SOP109",
    name: "relation-asymmetry",
    default_level: Level::Error,
    summary: Bilingual {
        id: "tautan induk/turunan antar-SOP hanya ditulis pada satu sisi",
        en: "a parent/child link between SOPs is written on one side only",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
SOP makro dan SOP mikro-nya saling menyebut dalam Keterkaitan (`related`):
SOP makro mencantumkan SOP mikro sebagai `child`, SOP mikro mencantumkan
SOP makro sebagai `parent`. Setiap kali salah satu sisi menunjukkan
tautan (langkah dengan `sub_sop`, butir `child` atau butir `parent`),
aturan ini memeriksa bahwa kedua butir ada, dan melaporkan sisi yang
belum ditulis, pada berkas tempat butir itu kurang. Tautan ke SOP yang
tidak dimuat diserahkan kepada unknown-sop; butir `external: true`
dilewati; dua SOP yang saling mengaku sebagai turunan diserahkan kepada
sop-link-cycle.

## Mengapa ini masalah?
Halaman identitas setiap SOP mencetak Keterkaitan. Bila hanya satu sisi
yang menyebut sisi lainnya, pembaca SOP mikro tidak dapat menemukan SOP
makro induknya (atau sebaliknya), dan dokumen yang dicetak saling
bertentangan.

## Contoh
```yaml
# pengaduan-pmi-makro.yaml
related:
  - sop: verifikasi-berkas-pengaduan-mikro
    relation: child
# verifikasi-berkas-pengaduan-mikro.yaml
related:
  - sop: pengaduan-pmi-makro
    relation: parent        # sisi ini juga harus ditulis
```",
        en: "## What it does
A makro and its mikro SOP name each other in Keterkaitan (`related`): the
makro lists the mikro as `child`, the mikro lists the makro as `parent`.
Whenever one side shows the link (a `sub_sop` step, a `child` entry or a
`parent` entry), this rule checks that both entries exist, and reports the
side that is missing, in the file where it is missing. A link to a SOP that
is not loaded is left to unknown-sop; an `external: true` entry is skipped;
two SOPs that each claim the other as child are left to sop-link-cycle.

## Why is this bad?
The identity page of each SOP prints Keterkaitan. When only one side names
the other, readers of the mikro cannot find the makro it belongs to (or the
other way round), and the printed documents disagree.

## Example
```yaml
# pengaduan-pmi-makro.yaml
related:
  - sop: verifikasi-berkas-pengaduan-mikro
    relation: child
# verifikasi-berkas-pengaduan-mikro.yaml
related:
  - sop: pengaduan-pmi-makro
    relation: parent        # this side must be written too
```",
    },
};

pub static SOP_LINK_CYCLE: RuleId = RuleId {
    code: "SOP110",
    name: "sop-link-cycle",
    default_level: Level::Error,
    summary: Bilingual {
        id: "SOP saling merinci secara melingkar (makro -> mikro -> … -> makro)",
        en: "SOPs detail each other in a circle (makro -> mikro -> … -> makro)",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Menelusuri tautan induk ke turunan antara SOP yang dimuat (langkah dengan
`sub_sop`, butir `related` dengan `relation: child`, dan butir `relation:
parent` yang dibaca terbalik) dan melaporkan setiap kelompok SOP yang
kembali ke dirinya sendiri, dengan menampilkan satu perulangan sebagai
jalur `a -> b -> a`. SOP yang menyebut dirinya sendiri adalah perulangan
satu SOP.

## Mengapa ini masalah?
SOP makro dan SOP mikro membentuk hierarki: SOP makro dirinci oleh SOP
mikro yang merupakan bagiannya. Lingkaran tidak memiliki puncak: membaca
SOP dari atas ke bawah tidak pernah selesai, dan anggaran waktu yang
menjumlahkan waktu SOP mikro ke dalam SOP makro-nya tidak terdefinisi.

## Contoh
```yaml
# a.yaml (makro)
  - id: rinci
    sub_sop: b
# b.yaml
related:
  - sop: a
    relation: child     # a adalah induk b, bukan turunannya
```",
        en: "## What it does
Follows the parent-to-child links between loaded SOPs (a `sub_sop` step, a
`related` entry with `relation: child`, and a `relation: parent` entry read
backwards) and reports every set of SOPs that lead back to themselves,
showing one loop as a path `a -> b -> a`. A SOP that names itself is a loop
of one.

## Why is this bad?
Makro and mikro form a hierarchy: a makro is detailed by mikro SOPs, which
are parts of it. A circle has no top: reading the SOPs top-down never ends,
and time budgets that add up a mikro's time into its makro are undefined.

## Example
```yaml
# a.yaml (makro)
  - id: rinci
    sub_sop: b
# b.yaml
related:
  - sop: a
    relation: child     # a is b's parent, not its child
```",
    },
};

pub static MAKRO_WITHOUT_SUB: RuleId = RuleId {
    code: "SOP111",
    name: "makro-without-sub",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "SOP makro tidak memiliki langkah yang dirinci SOP mikro (`sub_sop`)",
        en: "a makro SOP has no step detailed by a mikro SOP (`sub_sop`)",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan bila SOP yang dicantumkan sebagai `level: makro` tidak
memiliki langkah dengan `sub_sop`.

## Mengapa ini masalah?
Menurut PermenPANRB 35/2012, SOP makro mencakup atau mengintegrasikan
beberapa SOP mikro. SOP makro yang tidak satu pun langkahnya dirinci SOP
mikro adalah SOP mikro dengan cakupan yang salah, atau tautannya ke SOP
mikro tidak pernah ditulis.

## Contoh
```yaml
level: makro
steps:
  - id: verifikasi
    kind: process
    sub_sop: verifikasi-berkas-pengaduan-mikro   # langkah yang dirinci SOP mikro
```",
        en: "## What it does
Warns when a SOP declared `level: makro` has no step with `sub_sop`.

## Why is this bad?
By PermenPANRB 35/2012 an SOP makro covers or integrates several SOP mikro.
A makro none of whose steps is detailed by a mikro is either a mikro SOP
with the wrong level, or its links to the mikro SOPs were never written.

## Example
```yaml
level: makro
steps:
  - id: verifikasi
    kind: process
    sub_sop: verifikasi-berkas-pengaduan-mikro   # the step a mikro SOP details
```",
    },
};

pub static IRREGULAR_ROW_NUMBER: RuleId = RuleId {
    code: "SOP112",
    name: "irregular-row-number",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "nomor baris (`row`) yang melompati nomor, mengulang nomor, atau mundur",
        en: "row numbers (`row`) that skip a number, repeat one or go backwards",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Menelusuri nomor baris tabel diagram alir (kolom No) dan melaporkan `row`
yang ditulis dengan melompati nomor (…4, 6), mengulang nomor yang sudah
dipakai, atau lebih kecil daripada baris sebelumnya.

Baris tanpa `row` melanjutkan hitungan dari baris sebelumnya, sehingga
baris itu sendiri tidak pernah tidak beraturan. Aturan ini juga melaporkan
`same_row: true` pada langkah pertama, yang tidak memiliki baris untuk
dilanjutkan.

## Mengapa ini masalah?
Dokumen SOP AP yang telah diterbitkan menomori barisnya secara manual, dan
nomor yang terlompati atau berulang biasanya merupakan kekeliruan sumber:
petugas merujuk \"langkah 5\" yang tidak ada, dan dua baris bernomor 3
membuat setiap rujukan sesudahnya bermakna ganda. Transkripsi
mempertahankan nomor sumbernya (`row:`) agar dokumen yang dicetak sesuai
dengan dokumen yang disahkan; peringatan ini mencatat kekeliruan itu untuk
revisi berikutnya.

## Contoh
```yaml
  - id: verifikasi
    row: 4
  - id: rapat
    row: 6          # baris 5 tidak ada: nomori ulang, atau pertahankan sesuai terbitan
```
Untuk mempertahankan penomoran terbitan apa adanya, tambahkan
`# sopmap: ignore[irregular-row-number]` di samping kunci `row`.",
        en: "## What it does
Follows the numbers of the flowchart table's rows (the No column) and
reports a written `row` that skips numbers (…4, 6), repeats a number already
used, or is lower than the row before it.

Rows without `row` count on from the row before, so they are never
irregular themselves. It also reports
`same_row: true` on the first step, which has no row to continue.

## Why is this bad?
Published SOP AP documents number their rows by hand, and a skipped or
repeated number is usually a slip of the source: staff cite \"langkah 5\"
that does not exist, and two rows numbered 3 make every later reference
ambiguous. A transcription keeps the source's numbers (`row:`) so that the
printed document matches the signed one; this warning records the slip for
the next revision.

## Example
```yaml
  - id: verifikasi
    row: 4
  - id: rapat
    row: 6          # row 5 is missing: renumber, or keep it as published
```
To keep a published numbering as it is, add `# sopmap: ignore[irregular-row-number]`
next to the `row` key.",
    },
};

pub static MISSING_START: RuleId = RuleId {
    code: "SOP201",
    name: "missing-start",
    default_level: Level::Error,
    summary: Bilingual {
        id: "tidak ada langkah dengan `kind: start`",
        en: "no step has `kind: start`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa SOP memiliki langkah `kind: start` (kapsul pertama diagram
alir). Juga melaporkan SOP yang daftar `steps`-nya kosong.

## Mengapa ini masalah?
PermenPANRB 35/2012 mewajibkan SOP membatasi kegiatan awal, kegiatan utama
dan kegiatan akhirnya secara tegas. Tanpa langkah awal, tidak ada yang
menyatakan di mana prosedur dimulai, dan keterjangkauan langkah tidak
dapat diperiksa.

## Contoh
```yaml
steps:
  - id: terima_berkas
    kind: process        # baris pertama seharusnya `kind: start`
```
Selama `kind` suatu langkah tidak dicantumkan atau tidak sah (sudah
dilaporkan), aturan ini tidak melaporkan apa pun: langkah itu mungkin saja
langkah awalnya.",
        en: "## What it does
Checks that the SOP has a step of `kind: start` (the first capsule of the
flowchart). Also reports a SOP whose `steps` list is empty.

## Why is this bad?
PermenPANRB 35/2012 requires a SOP to bound its first, main and last
activities explicitly. Without a start, nothing says where the procedure
begins, and reachability cannot be checked.

## Example
```yaml
steps:
  - id: terima_berkas
    kind: process        # the first row should be `kind: start`
```
While some step's `kind` is missing or invalid (already reported), this
rule stays quiet: that step may well be the start.",
    },
};

pub static MULTIPLE_STARTS: RuleId = RuleId {
    code: "SOP202",
    name: "multiple-starts",
    default_level: Level::Error,
    summary: Bilingual {
        id: "lebih dari satu langkah dengan `kind: start`",
        en: "more than one step has `kind: start`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan setiap langkah `kind: start` setelah yang pertama.

## Mengapa ini masalah?
Diagram alir SOP AP memiliki tepat satu kapsul awal. Dua langkah awal
berarti dua prosedur dalam satu berkas, atau titik masuk yang seharusnya
berupa keputusan.

## Contoh
```yaml
  - id: terima_langsung
    kind: start
  - id: terima_daring
    kind: start          # langkah awal kedua: gunakan keputusan tentang salurannya
```",
        en: "## What it does
Reports every `kind: start` step after the first one.

## Why is this bad?
A SOP AP flowchart has exactly one start capsule. Two starts mean two
procedures in one file, or an entry point that should be a decision.

## Example
```yaml
  - id: terima_langsung
    kind: start
  - id: terima_daring
    kind: start          # second start: use a decision on the channel instead
```",
    },
};

pub static MISSING_END: RuleId = RuleId {
    code: "SOP203",
    name: "missing-end",
    default_level: Level::Error,
    summary: Bilingual {
        id: "tidak ada langkah dengan `kind: end`",
        en: "no step has `kind: end`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bahwa SOP memiliki sekurang-kurangnya satu langkah `kind: end`.
Beberapa langkah akhir diperbolehkan (misalnya \"Pengaduan selesai\" dan
\"Pengaduan ditutup\").

## Mengapa ini masalah?
Tanpa kapsul akhir prosedur tidak pernah selesai: tidak ada keluaran yang
diserahkan dan tidak ada yang tahu kapan jangka waktu penyelesaian
berhenti dihitung.

## Contoh
```yaml
  - id: arsipkan
    kind: process       # baris terakhir seharusnya `kind: end`
```
Selama `kind` suatu langkah tidak dicantumkan atau tidak sah (sudah
dilaporkan), aturan ini tidak melaporkan apa pun: langkah itu mungkin saja
langkah akhirnya.",
        en: "## What it does
Checks that the SOP has at least one step of `kind: end`. Several ends are
fine (for example \"Pengaduan selesai\" and \"Pengaduan ditutup\").

## Why is this bad?
Without an end capsule the procedure never finishes: no output is handed
over and nobody knows when the service time stops.

## Example
```yaml
  - id: arsipkan
    kind: process       # the last row should be `kind: end`
```
While some step's `kind` is missing or invalid (already reported), this
rule stays quiet: that step may well be the end.",
    },
};

pub static UNREACHABLE_STEP: RuleId = RuleId {
    code: "SOP204",
    name: "unreachable-step",
    default_level: Level::Error,
    summary: Bilingual {
        id: "langkah yang tidak dicapai jalur mana pun dari langkah awal",
        en: "a step that no path from the start step reaches",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Mengikuti setiap panah dari langkah awal dan melaporkan langkah yang tidak
pernah dicapai. Pemeriksaan ini bersifat transitif: langkah yang hanya
dirujuk oleh langkah lain yang tidak dapat dicapai juga tidak dapat
dicapai, yang terlewat oleh pemeriksaan langkah \"yang tidak dirujuk\".

## Mengapa ini masalah?
Baris yang tidak dapat dicapai tidak pernah dilaksanakan. Biasanya sebuah
panah tidak ditulis atau menunjuk langkah yang salah.

## Contoh
```yaml
  - id: cek_lengkap
    kind: decision
    branches:
      - {label: Ya, next: proses}
      - {label: Tidak, next: proses}   # `kembalikan` tidak pernah dicapai
  - id: kembalikan
    kind: process
    next: terima
```
Pemeriksaan dilewati selama tujuan sebuah panah tidak diketahui (`next`
yang menyebut langkah yang tidak ada dan tidak dapat diterka, nilai `next`
yang salah bentuk, cabang tanpa `next`, keputusan dengan kurang dari dua
cabang), karena panah yang hilang itu mungkin justru yang mencapainya.
Langkah yang mengulang id sebelumnya hanya dilaporkan oleh `duplicate-id`.
Bila setiap jalur dari langkah awal berakhir pada satu perulangan tanpa
jalan keluar atau satu langkah buntu, langkah-langkah yang terputus
karenanya (yang menuju langkah akhir) dicantumkan sebagai temuan turunan
di bawah temuan `loop-without-exit` atau `dead-end` tersebut.",
        en: "## What it does
Follows every arrow from the start step and reports the steps it never
reaches. This is transitive: a step that is only referenced by other
unreachable steps is unreachable too, which a check for \"unreferenced\"
steps misses.

## Why is this bad?
An unreachable row is never carried out. Usually an arrow is missing or
points at the wrong step.

## Example
```yaml
  - id: cek_lengkap
    kind: decision
    branches:
      - {label: Ya, next: proses}
      - {label: Tidak, next: proses}   # `kembalikan` is never reached
  - id: kembalikan
    kind: process
    next: terima
```
The check is skipped while an arrow's target is unknown (a `next` naming
no step that could not be guessed, a malformed `next` value, a branch
without `next`, a decision with fewer than two branches), since the missing
arrow may well be the one that reaches it. A step that repeats an earlier
id is reported by `duplicate-id` only.
When every path from the start ends in one loop without exit or one dead
end, the steps it cuts off (those that lead to an end) are listed as
follow-on findings under that `loop-without-exit` or `dead-end` finding.",
    },
};

pub static DEAD_END: RuleId = RuleId {
    code: "SOP205",
    name: "dead-end",
    default_level: Level::Error,
    summary: Bilingual {
        id: "langkah yang bukan `kind: end` dan tidak memiliki langkah berikutnya",
        en: "a step that is not `kind: end` and has no successor",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan langkah `start` atau `process` tanpa `next`: alur berhenti di
sana padahal langkah itu bukan langkah akhir.

## Mengapa ini masalah?
Petugas yang menyelesaikan kegiatan ini tidak tahu apa yang harus
dilakukan berikutnya; perkaranya terhenti. Dalam istilah BPMN ini adalah
akhir tersirat.

## Contoh
```yaml
  - id: kirim_surat
    kind: process
    actor: petugas
    activity: Mengirim surat pemberitahuan
    # tidak ada `next`: tambahkan `next: arsipkan` atau jadikan `kind: end`
```
Keputusan tanpa cabang dilaporkan oleh `malformed-decision`.",
        en: "## What it does
Reports a `start` or `process` step with no `next`: the flow stops there
although the step is not an end.

## Why is this bad?
Staff who finish this activity do not know what to do next; the case is
stuck. In BPMN terms this is an implicit end.

## Example
```yaml
  - id: kirim_surat
    kind: process
    actor: petugas
    activity: Mengirim surat pemberitahuan
    # no `next`: add `next: arsipkan` or make it `kind: end`
```
Decisions without branches are reported by `malformed-decision` instead.",
    },
};

pub static LOOP_WITHOUT_EXIT: RuleId = RuleId {
    code: "SOP206",
    name: "loop-without-exit",
    default_level: Level::Error,
    summary: Bilingual {
        id: "perulangan langkah yang tidak dapat mencapai langkah `end` mana pun",
        en: "a loop of steps from which no `end` step can be reached",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Menemukan perulangan (kelompok langkah yang saling terhubung) yang tidak
memiliki panah keluar menuju langkah `end`, menampilkan perulangan itu
sebagai jalur `a -> b -> a`, dan menyebutkan cabang yang memasukinya.

Perulangan perbaikan yang memiliki jalan keluar (\"Tidak lengkap →
dikembalikan → diperbaiki → diperiksa lagi\", dengan cabang `Ya` yang
berlanjut) lazim dalam SOP AP dan tidak dilaporkan. Aturan `cycle`, yang
nonaktif secara bawaan, mencantumkan setiap perulangan bagi tim yang
SOP-nya harus bebas perulangan.

## Mengapa ini masalah?
Perkara yang memasuki perulangan itu tidak pernah dapat diselesaikan:
prosedurnya berputar tanpa akhir. Tidak ada pemeriksa BPMN yang
mendeteksinya.

## Contoh
```yaml
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: perbaiki}
      - {label: Tidak lengkap, next: perbaiki}
  - id: perbaiki
    kind: process
    next: periksa          # periksa -> perbaiki -> periksa, tanpa jalan keluar
```
Hanya jebakan terdalam yang dilaporkan (perulangan yang sekadar menuju
jebakan lain atau langkah buntu akan mengulang temuan itu), dan tidak ada
yang dilaporkan bila SOP sama sekali tidak memiliki langkah `end`:
`missing-end` menyebutkan penyebab itu. Panah yang tujuannya tidak
diketahui dihitung sebagai kemungkinan jalan keluar. Langkah-langkah yang
menjadi tidak dapat dicapai karena jebakan ini dicantumkan sebagai temuan
turunan di bawahnya, dan ringkasan menghitung penyebabnya.",
        en: "## What it does
Finds loops (strongly connected sets of steps) from which no arrow leads
out towards an `end` step, shows the loop as a path `a -> b -> a`, and
names the branch that leads into it.

Rework loops that do have an exit (\"Tidak lengkap → dikembalikan →
diperbaiki → diperiksa lagi\", with a `Ya` branch leading on) are normal
in SOP AP and are not reported. The `cycle` rule, off by default, lists
every loop for teams whose SOPs must be acyclic.

## Why is this bad?
A case that enters the loop can never be finished: the procedure has a
livelock. No BPMN linter detects this.

## Example
```yaml
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: perbaiki}
      - {label: Tidak lengkap, next: perbaiki}
  - id: perbaiki
    kind: process
    next: periksa          # periksa -> perbaiki -> periksa, no way out
```
Only the innermost trap is reported (a loop that merely leads into another
trap or a dead end would repeat that finding), and nothing is reported when
the SOP has no `end` step at all: `missing-end` names that cause. An arrow
whose target is unknown counts as a possible exit. The steps this trap
leaves unreachable are listed under it as follow-on findings, and the
summary counts the cause.",
    },
};

pub static MALFORMED_DECISION: RuleId = RuleId {
    code: "SOP207",
    name: "malformed-decision",
    default_level: Level::Error,
    summary: Bilingual {
        id: "keputusan dengan kurang dari dua cabang, label kosong atau berulang, atau satu tujuan",
        en: "a decision with fewer than two branches, empty or repeated labels, or one target",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memeriksa bentuk setiap langkah `kind: decision`: sekurang-kurangnya dua
cabang, setiap label tidak kosong, tidak ada label yang dipakai dua kali,
dan tidak semua cabang menuju langkah yang sama.

## Mengapa ini masalah?
Belah ketupat dengan satu jalan keluar bukan keputusan; dua panah `Ya`
tidak dapat dibedakan; dan bila setiap jawaban menuju langkah yang sama,
pertanyaannya tidak memutuskan apa pun.

## Contoh
```yaml
  - id: cek_lengkap
    kind: decision
    activity: Berkas lengkap?
    branches:
      - {label: Ya, next: proses}
      - {label: Ya, next: kembalikan}   # `Ya` kedua: seharusnya `Tidak`
```",
        en: "## What it does
Checks the shape of every `kind: decision` step: at least two branches,
every label non-empty, no label used twice, and not every branch leading to
the same step.

## Why is this bad?
A diamond with one way out is not a decision; two `Ya` arrows cannot be
told apart; and when every answer leads to the same step the question
decides nothing.

## Example
```yaml
  - id: cek_lengkap
    kind: decision
    activity: Berkas lengkap?
    branches:
      - {label: Ya, next: proses}
      - {label: Ya, next: kembalikan}   # second `Ya`: should be `Tidak`
```",
    },
};

pub static END_WITH_SUCCESSOR: RuleId = RuleId {
    code: "SOP208",
    name: "end-with-successor",
    default_level: Level::Error,
    summary: Bilingual {
        id: "langkah `end` yang memiliki `next` atau `branches`",
        en: "an `end` step that has `next` or `branches`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan `next` atau `branches` pada langkah `kind: end`.

## Mengapa ini masalah?
Kapsul akhir menyelesaikan prosedur; panah yang keluar darinya berarti
langkah itu sebenarnya bukan akhir, atau panahnya sisa penyuntingan.

## Contoh
```yaml
  - id: arsipkan
    kind: end
    next: terima      # hapus, atau jadikan langkah ini `kind: process`
```",
        en: "## What it does
Reports `next` or `branches` on a step of `kind: end`.

## Why is this bad?
An end capsule finishes the procedure; an arrow out of it means either the
step is not really the end, or the arrow is left over from an edit.

## Example
```yaml
  - id: arsipkan
    kind: end
    next: terima      # remove, or make the step `kind: process`
```",
    },
};

pub static START_WITH_PREDECESSOR: RuleId = RuleId {
    code: "SOP210",
    name: "start-with-predecessor",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "panah (`next` atau cabang) yang menuju langkah `start`",
        en: "an arrow (`next` or a branch) that leads into the `start` step",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan setiap `next` atau cabang yang tujuannya langkah `kind: start`:
perulangan yang kembali ke kapsul \"Mulai\". Aturan ini merupakan cerminan
`end-with-successor`.

## Mengapa ini masalah?
Kapsul awal menandai tempat prosedur dimulai; tidak ada alur yang masuk
ke dalamnya. Perulangan perbaikan yang digambar kembali ke kapsul itu
(\"Tidak lengkap → kembali ke awal\") membuat langkah awal tampak seperti
kegiatan biasa, menghitung ulang waktu langkah awal pada setiap pembacaan
alur, dan pembaca tabel yang dicetak tidak dapat mengetahui di mana
perkara masuk. Arahkan panah ke kegiatan yang diulang. Temuan ini berupa
peringatan, bukan kesalahan: alurnya tetap terdefinisi dengan baik
(perulangan dihitung sekali oleh `timing`), hanya penggambarannya yang
menyalahi kaidah.

## Contoh
```yaml
  - id: terima_berkas
    kind: start
    activity: Menerima berkas permohonan
    next: periksa
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: terima_berkas}   # menuju langkah awal
```
Jadikan kegiatan yang diulang sebagai langkah `process` setelah langkah
awal tersendiri (`kind: start` tanpa `activity` tercetak \"Mulai\"), atau
arahkan cabang ke langkah yang benar-benar diulang.",
        en: "## What it does
Reports every `next` or branch whose target is a step of `kind: start`: a
loop back into the \"Mulai\" capsule. It is the mirror of
`end-with-successor`.

## Why is this bad?
The start capsule marks where the procedure begins; nothing flows into it.
A rework loop drawn back to it (\"Tidak lengkap → kembali ke awal\") makes
the start look like an ordinary activity, counts the start's time again in
every reading of the flow, and a reader of the printed table cannot tell
where a case enters. Point the arrow at the activity that is repeated.
It is a warning, not an error: the flow itself stays well defined (the
loop is counted once by `timing`), only its drawing breaks the convention.

## Example
```yaml
  - id: terima_berkas
    kind: start
    activity: Menerima berkas permohonan
    next: periksa
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: terima_berkas}   # into the start
```
Make the repeated activity a `process` step after a start of its own
(`kind: start` without `activity` prints \"Mulai\"), or send the branch to
the step that is really repeated.",
    },
};

pub static CYCLE: RuleId = RuleId {
    code: "SOP209",
    name: "cycle",
    default_level: Level::Off,
    summary: Bilingual {
        id: "perulangan dalam alur (nonaktif secara bawaan; untuk SOP yang harus bebas perulangan)",
        en: "a loop in the flow (off by default; for SOPs that must be acyclic)",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Mencantumkan setiap perulangan dalam alur, sebagai jalur `a -> b -> a`
yang dimulai dari baris paling awal. Nonaktif secara bawaan: aktifkan
dengan `--select cycle` (atau dalam `sopmap.yaml`) bila SOP Anda harus
bebas perulangan.

## Mengapa ini masalah?
Biasanya tidak: perulangan perbaikan yang memiliki jalan keluar lazim
dalam SOP AP, dan `loop-without-exit` sudah melaporkan perulangan yang
merugikan. Sebagian instansi tetap mewajibkan setiap perbaikan melalui
langkah baru yang bernomor.

## Contoh
```yaml
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: perbaiki}
  - id: perbaiki
    kind: process
    next: periksa      # periksa -> perbaiki -> periksa
```",
        en: "## What it does
Lists every loop in the flow, as a path `a -> b -> a` starting at its
earliest row. Off by default: enable it with `--select cycle` (or in
`sopmap.yaml`) when your SOPs must be free of loops.

## Why is this bad?
It is not, usually: rework loops with an exit are normal in SOP AP and
`loop-without-exit` already reports the harmful ones. Some agencies still
require every revision to go through a new, numbered step.

## Example
```yaml
  - id: periksa
    kind: decision
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: perbaiki}
  - id: perbaiki
    kind: process
    next: periksa      # periksa -> perbaiki -> periksa
```",
    },
};

pub static MISSING_TIME: RuleId = RuleId {
    code: "SOP301",
    name: "missing-time",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "langkah tanpa `time` maupun `time_note` (Mutu Baku: Waktu)",
        en: "a step with neither `time` nor `time_note` (Mutu Baku: Waktu)",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan langkah yang tidak menyebutkan waktu: tidak ada `time` dan
tidak ada `time_note`.

Langkah yang melanjutkan baris bernomor (`same_row`) diberi waktu oleh
langkah pertama baris itu, dan kapsul awal atau akhir yang ditulis tanpa
`activity` (\"Mulai\"/\"Selesai\" saja) tidak melakukan apa pun yang memakan
waktu: keduanya tidak dilaporkan.

## Mengapa ini masalah?
Mutu Baku setiap kegiatan menyebutkan waktu yang diperlukannya. Tanpa itu
anggaran waktu SOP tidak dapat dibandingkan dengan jangka waktu
penyelesaiannya.

## Contoh
```yaml
  - id: periksa
    kind: process
    activity: Memeriksa berkas
    # tambahkan `time: 30 menit`, atau `time_note: sesuai jumlah berkas`
```",
        en: "## What it does
Warns about a step that states no time: no `time` and no `time_note`.

A step that continues a numbered row (`same_row`) is timed by the row's
first step, and a start or end capsule written without `activity` (a bare
\"Mulai\"/\"Selesai\") does nothing that takes time: neither is reported.

## Why is this bad?
Every activity's Mutu Baku names the time it needs. Without it the time
budget of the SOP cannot be checked against its service time.

## Example
```yaml
  - id: periksa
    kind: process
    activity: Memeriksa berkas
    # add `time: 30 menit`, or `time_note: sesuai jumlah berkas`
```",
    },
};

pub static DATE_ORDER: RuleId = RuleId {
    code: "SOP302",
    name: "date-order",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "`effective` atau `revised` lebih awal daripada `created`",
        en: "`effective` or `revised` is earlier than `created`",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan bila Tanggal Efektif (`effective`) atau Tanggal Revisi
(`revised`) lebih awal daripada Tanggal Pembuatan (`created`).

## Mengapa ini masalah?
SOP tidak dapat berlaku, atau direvisi, sebelum dibuat; biasanya tanggal
dan bulan tertukar atau tahunnya salah ketik.

## Contoh
```yaml
identity:
  created: 2024-07-01
  effective: 2024-01-07     # sebelum `created`
```",
        en: "## What it does
Warns when Tanggal Efektif (`effective`) or Tanggal Revisi (`revised`) is
earlier than Tanggal Pembuatan (`created`).

## Why is this bad?
A SOP cannot take effect, or be revised, before it was made; usually the
day and month were swapped or a year was mistyped.

## Example
```yaml
identity:
  created: 2024-07-01
  effective: 2024-01-07     # before `created`
```",
    },
};

pub static SERVICE_TIME_EXCEEDED: RuleId = RuleId {
    code: "SOP303",
    name: "service-time-exceeded",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "jalur terlama memerlukan waktu lebih lama daripada `service_time` (jangka waktu penyelesaian)",
        en: "the worst path takes longer than `service_time` (jangka waktu penyelesaian)",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Menjumlahkan waktu Mutu Baku (`time`) sepanjang jalur terlama dari
langkah awal ke langkah akhir, seperti yang ditampilkan `sopmap timing`:
batas atas setiap rentang, langkah `wait: true` tidak dihitung, setiap
perulangan dihitung sekali. Bila jumlah itu lebih lama daripada
`service_time`, aturan ini memperingatkan dengan menampilkan kedua angka
dan jalurnya.

Waktu kerja (`menit`, `jam`) dikonversi menjadi hari kerja melalui
panjang hari kerja (`workday:` dalam SOP, atau `--workday`, bawaannya 8
jam). Waktu kalender (`hari`, `minggu`, `bulan`) tidak dapat dikonversi
menjadi hari kerja tanpa kalender: bila satu sisi berupa waktu kalender
dan sisi lainnya waktu kerja, aturan ini menyatakan bahwa keduanya tidak
dapat dibandingkan alih-alih menebak.

## Mengapa ini masalah?
Standar Pelayanan menjanjikan jangka waktu penyelesaian kepada masyarakat
(UU 25/2009). Bila langkah-langkah SOP itu sendiri berjumlah lebih lama,
janji itu tidak dapat ditepati sekalipun setiap langkah tepat waktu.

## Contoh
```yaml
service_time: 3 hari kerja
steps:       # 1 hari kerja + 2 hari kerja + 1 hari kerja pada jalur terlama
```",
        en: "## What it does
Adds up the Mutu Baku times (`time`) along the longest path from the start
to an end, as `sopmap timing` shows it: the upper bound of each range, `wait:
true` steps left out, every loop counted once. When that total is longer
than `service_time`, it warns, showing both figures and the path.

Working time (`menit`, `jam`) converts to working days through the workday
length (`workday:` in the SOP, else `--workday`, default 8 jam). Calendar
time (`hari`, `minggu`, `bulan`) cannot be converted to working days without
a calendar: when one side is calendar time and the other working time, the
rule says that the two cannot be compared instead of guessing.

## Why is this bad?
The Standar Pelayanan promises the public a jangka waktu penyelesaian
(UU 25/2009). If the SOP's own steps add up to more, the promise cannot be
kept even when every step is on time.

## Example
```yaml
service_time: 3 hari kerja
steps:       # 1 hari kerja + 2 hari kerja + 1 hari kerja on the longest path
```",
    },
};

pub static SUB_SOP_TIME: RuleId = RuleId {
    code: "SOP304",
    name: "sub-sop-time",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "`time` langkah SOP makro lebih singkat daripada jalur terlama SOP mikro-nya",
        en: "a makro step's `time` is shorter than the worst path of its mikro SOP",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Untuk setiap langkah dengan `sub_sop` dan `time`, membandingkan waktu
langkah itu (batas atasnya) dengan waktu terlama dari langkah awal ke
langkah akhir SOP mikro yang disebutnya (sebagaimana dihitung `sopmap
timing`: langkah `wait` tidak dihitung, perulangan dihitung sekali).
Memperingatkan bila SOP mikro memerlukan waktu lebih lama, dan
menyatakannya bila keduanya tidak dapat dibandingkan (waktu kalender
terhadap waktu kerja).

## Mengapa ini masalah?
Mutu Baku SOP makro menjanjikan bahwa seluruh prosedur SOP mikro muat
dalam waktu langkah itu. Bila langkah-langkah SOP mikro berjumlah lebih
lama, salah satu dari kedua dokumen itu keliru, dan waktu total SOP makro
tercatat terlalu singkat.

## Contoh
```yaml
  - id: verifikasi_berkas
    sub_sop: verifikasi-berkas-pengaduan-mikro   # jalur terlamanya: 2 hari kerja
    time: 1 hari kerja                           # terlalu singkat
```",
        en: "## What it does
For every step with `sub_sop` and a `time`, compares the step's time (its
upper bound) with the worst start-to-end time of the mikro SOP it names
(as `sopmap timing` computes it: `wait` steps left out, loops counted
once). Warns when the mikro needs longer, and says so when the two cannot
be compared (calendar time against working time).

## Why is this bad?
The makro's Mutu Baku promises that the whole mikro procedure fits in the
step's time. If the mikro's own steps add up to more, one of the two
documents is wrong, and the makro's total time is understated.

## Example
```yaml
  - id: verifikasi_berkas
    sub_sop: verifikasi-berkas-pengaduan-mikro   # its worst path: 2 hari kerja
    time: 1 hari kerja                           # too short
```",
    },
};

pub static UNUSED_SUPPRESSION: RuleId = RuleId {
    code: "SOP901",
    name: "unused-suppression",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "komentar `# sopmap: ignore[…]` yang tidak menonaktifkan temuan apa pun atau menyebut aturan yang tidak dikenal",
        en: "a `# sopmap: ignore[…]` comment that silences no finding or names an unknown rule",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan aturan yang disebut dalam komentar `# sopmap: ignore[…]` atau
`# sopmap: ignore-file[…]` tetapi tidak menonaktifkan temuan apa pun,
nama aturan yang tidak ada, dan komentar `# sopmap:` yang bukan
penonaktifan yang ditulis dengan benar.

## Mengapa ini masalah?
Penonaktifan bertahan lebih lama daripada masalah yang disembunyikannya:
setelah SOP diperbaiki, komentar yang usang akan diam-diam menyembunyikan
temuan nyata berikutnya dari aturan itu pada baris tersebut. Nama aturan
yang salah eja tidak menonaktifkan apa pun.

## Contoh
```yaml
  - id: arsipkan            # sopmap: ignore[dead-end]
    kind: end               # langkah ini sekarang langkah akhir: komentarnya tidak terpakai
```
Komentar di akhir baris berlaku untuk barisnya sendiri; komentar yang
berdiri sendiri pada satu baris berlaku untuk baris berisi berikutnya;
`ignore-file[…]` berlaku untuk seluruh berkas.",
        en: "## What it does
Reports a rule named in a `# sopmap: ignore[…]` or `# sopmap: ignore-file[…]`
comment that silenced no finding, a rule name that does not exist, and a
`# sopmap:` comment that is not a well-formed suppression.

## Why is this bad?
Suppressions outlive the problems they hid: once the SOP is fixed, a stale
comment would silently hide the next real finding of that rule on the
line. A misspelt rule name silences nothing at all.

## Example
```yaml
  - id: arsipkan            # sopmap: ignore[dead-end]
    kind: end               # the step is an end now: the comment is unused
```
A trailing comment covers its own line; a comment alone on a line covers
the next line with content; `ignore-file[…]` covers the whole file.",
    },
};

pub static EMPTY_VALUE: RuleId = RuleId {
    code: "SOP010",
    name: "empty-value",
    default_level: Level::Error,
    summary: Bilingual {
        id: "kunci yang memerlukan nilai berisi null, teks kosong atau daftar kosong",
        en: "a key that needs a value is null, an empty text or an empty list",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Melaporkan kunci wajib yang ditulis tanpa nilai: null (`kind:`, `actor:`,
`schema: ~`), teks kosong (`number: \"\"`, `activity: \"\"`) atau daftar
kosong (`records: []`), serta `level:` atau `type:` yang ditulis tanpa
nilai. Pesannya menyebutkan kotak formulir SOP AP yang bersangkutan
(\"Pencatatan dan Pendataan kosong\").

## Mengapa ini masalah?
Kunci tanpa nilai sama saja dengan kunci yang tidak dicantumkan, tetapi
bagi pemeriksa tampak sudah terisi: penyaji kemudian mencetak
\"Pelaksana: ?\" atau baris kosong.

## Yang ditulis sebagai gantinya
Nilainya, atau, untuk kotak blok identitas atau daftar Mutu Baku yang
sengaja dibiarkan kosong untuk diisi tangan, kata `kosong`:

```yaml
identity:
  number: kosong        # dicetak sebagai garis untuk diisi tangan
records: kosong
```
`kosong` dilaporkan sebagai peringatan oleh `blank-field` sampai diisi.",
        en: "## What it does
Reports a required key written without a value: null (`kind:`, `actor:`,
`schema: ~`), an empty text (`number: \"\"`, `activity: \"\"`) or an empty
list (`records: []`), and a `level:` or `type:` written without a value.
The message names the box of the SOP AP form (\"Pencatatan dan Pendataan
kosong\").

## Why is this bad?
A key with no value is as good as a missing key, but it looks filled in to
a reviewer: the renderers then print \"Pelaksana: ?\" or an empty row.

## What to write instead
The value, or, for a box of the identity block or of the Mutu Baku lists
that the document leaves blank to be filled in by hand, the word `kosong`:

```yaml
identity:
  number: kosong        # printed as a line to fill in by hand
records: kosong
```
`kosong` is reported as a warning by `blank-field` until it is filled in.",
    },
};

pub static BLANK_FIELD: RuleId = RuleId {
    code: "SOP011",
    name: "blank-field",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "kotak yang sengaja dibiarkan kosong (`kosong`) untuk diisi tangan",
        en: "a box left blank on purpose (`kosong`) to be filled in by hand",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan setiap kotak yang ditulis `kosong` (atau `\"-\"`): Nomor SOP,
tanggal, nama, atau daftar Mutu Baku yang dibiarkan kosong dalam dokumen,
untuk diisi tangan setelah SOP diberi nomor dan disahkan.

## Mengapa ini masalah?
Tidak menjadi masalah selama SOP masih berupa rancangan atau lampiran yang
nomor dan tanggalnya diberikan kemudian; peringatan ini menjaga agar kotak
kosong tetap terlihat saat penelaahan sehingga SOP tidak diterbitkan dengan
kotak kosong. Dokumen mencetak setiap kotak kosong sebagai garis untuk
diisi.

## Contoh
```yaml
identity:
  number: kosong       # Nomor SOP: diisi tangan setelah pengesahan
  created: kosong
records: kosong
```
Tuliskan nilainya setelah diketahui. Teks atau daftar kosong (`number:
\"\"`, `records: []`) merupakan kesalahan (`empty-value`): tidak jelas
apakah kotak itu terlupa atau sengaja dikosongkan.",
        en: "## What it does
Warns about every box written `kosong` (or `\"-\"`): a Nomor SOP, a date,
a name or a Mutu Baku list that the document leaves blank, to be filled in
by hand once the SOP is numbered and signed.

## Why is this bad?
Nothing, while the SOP is a draft or an annex whose number and date are
given later; this warning keeps the blank visible in review so the SOP is
not published with it. The document prints each blank as a line to fill
in.

## Example
```yaml
identity:
  number: kosong       # Nomor SOP: filled in by hand after signing
  created: kosong
records: kosong
```
Write the value once it is known. An empty text or list (`number: \"\"`,
`records: []`) is an error (`empty-value`): it does not say whether the
box was forgotten or left blank on purpose.",
    },
};

pub static MIXED_DAYS: RuleId = RuleId {
    code: "SOP305",
    name: "mixed-days",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "`hari` dan `hari kerja` bercampur tanpa keterangan arti `hari` saja",
        en: "`hari` and `hari kerja` mixed without saying what a bare `hari` means",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan, sekali untuk setiap SOP, bila sebagian waktu ditulis
dalam `hari` saja dan sebagian lagi dalam `hari kerja`, sedangkan SOP
(`days:`) maupun `sopmap.yaml` (`days:`) tidak menyatakan arti `hari`
saja.

## Mengapa ini masalah?
Sebagian besar SOP instansi pemerintah menulis `hari` dengan maksud hari
kerja. Bila dibaca harfiah, `hari` adalah hari kalender, yang tidak dapat
dijumlahkan dengan hari kerja tanpa kalender: jumlahnya menjadi `3 hari +
2 hari kerja` dan jangka waktu penyelesaian tidak dapat dinilai.

## Contoh
```yaml
days: kerja          # `hari` saja dalam SOP ini berarti hari kerja
steps:
  - time: 3 hari       # dibaca sebagai 3 hari kerja
  - time: 2 hari kerja
```
`days: kalender` mempertahankan `hari` saja sebagai hari kalender (dan
meniadakan peringatan ini); `3 hari kalender` selalu berarti hari
kalender.",
        en: "## What it does
Warns, once per SOP, when some times are written in a bare `hari` and
others in `hari kerja`, and neither the SOP (`days:`) nor `sopmap.yaml`
(`days:`) says what a bare `hari` means.

## Why is this bad?
Most civil-service SOPs write `hari` and mean a working day. Read
literally, `hari` is a calendar day, which cannot be added to working days
without a calendar: totals come out as `3 hari + 2 hari kerja` and the
service time cannot be judged.

## Example
```yaml
days: kerja          # a bare `hari` in this SOP means a working day
steps:
  - time: 3 hari       # read as 3 hari kerja
  - time: 2 hari kerja
```
`days: kalender` keeps bare `hari` as calendar days (and silences this
warning); `3 hari kalender` is always calendar days.",
    },
};

pub static HIDDEN_DECISION: RuleId = RuleId {
    code: "SOP211",
    name: "hidden-decision",
    default_level: Level::Warning,
    summary: Bilingual {
        id: "baris proses yang kegiatannya memuat syarat: keputusan yang digambar sebagai proses",
        en: "a process row whose activity states a condition: a decision drawn as a process",
    },
    explanation: Bilingual {
        id: "## Yang diperiksa
Memperingatkan baris awal, proses atau akhir yang kegiatannya menyatakan
suatu syarat beserta akibatnya: kalimat bersyarat (`apabila`, `bila`,
`jika`, `jikalau`, `bilamana`, `manakala`, `dalam hal` diikuti keadaan
seperti `tidak`, `belum`, `terdapat`), sesuatu yang belum lengkap atau
keliru lalu dikembalikan atau ditolak (`belum lengkap … dikembalikan`,
`tidak sesuai … ditolak`), atau dua hasil yang berdampingan
(`izin/penolakan`, `persetujuan atau penolakan`, `layak/tidak layak`).

Aturan ini tidak melaporkan ungkapan \"bila diperlukan\" (`bila
diperlukan`, `jika dirasa perlu`: kegiatan yang bersifat pilihan),
`dalam hal ini`, penanda tangan pengganti (`dalam hal pejabat
berhalangan`), dan baris yang dituju keputusan yang digambar (baris itu
mengulang jawabannya).

Ketepatan yang terukur pada kumpulan teks kegiatan berlabel dicantumkan
dalam docs/measurements.md.

## Mengapa ini masalah?
Keputusan yang ditulis dalam baris proses tidak memiliki cabang berlabel:
diagram alir menampilkan satu jalur, jawaban \"tidak\" tidak memiliki baris,
waktu maupun keluaran, dan daftar periksa tidak dapat memberi tahu petugas
apa yang harus dilakukan dalam keadaan itu.

## Contoh
```yaml
  - id: periksa
    kind: process
    activity: Berkas yang belum lengkap dikembalikan kepada pemohon
```
Gambarkan pemeriksaan itu sebagai keputusan dengan cabang berlabel:
```yaml
  - id: periksa
    kind: decision
    activity: Berkas lengkap?
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: kembalikan}
```",
        en: "## What it does
Warns about a start, process or end row whose activity states a condition
and its outcome: a conditional (`apabila`, `bila`, `jika`, `jikalau`,
`bilamana`, `manakala`, `dalam hal` followed by a state such as `tidak`,
`belum`, `terdapat`), something incomplete or wrong that is returned or
refused (`belum lengkap … dikembalikan`, `tidak sesuai … ditolak`), or two
outcomes side by side (`izin/penolakan`, `persetujuan atau penolakan`,
`layak/tidak layak`).

It stays silent on the \"if needed\" idiom (`bila diperlukan`, `jika
dirasa perlu`: an optional activity), on `dalam hal ini`, on a stand-in
signer (`dalam hal pejabat berhalangan`), and on rows a drawn decision
leads into (they restate its answer).

Its precision and recall, measured on a labelled set of activity texts,
are in docs/measurements.md.


## Why is this bad?
A decision written into a process row has no labelled branches: the
flowchart shows one path, the \"no\" answer has no row, no time and no
output, and the checklist cannot tell staff what to do in that case.

## Example
```yaml
  - id: periksa
    kind: process
    activity: Berkas yang belum lengkap dikembalikan kepada pemohon
```
Draw the check as a decision with labelled branches:
```yaml
  - id: periksa
    kind: decision
    activity: Berkas lengkap?
    branches:
      - {label: Lengkap, next: proses}
      - {label: Tidak lengkap, next: kembalikan}
```",
    },
};

/// Every rule's identity, in code order (the order of `rules::RULES`).
pub static ALL: &[&RuleId] = &[
    &INVALID_YAML,
    &UNKNOWN_KEY,
    &WRONG_TYPE,
    &MISSING_KEY,
    &INVALID_VALUE,
    &INVALID_DURATION,
    &INVALID_DATE,
    &MISPLACED_KEY,
    &DUPLICATE_KEY,
    &EMPTY_VALUE,
    &BLANK_FIELD,
    &UNKNOWN_STEP,
    &UNKNOWN_ACTOR,
    &DUPLICATE_ID,
    &UNUSED_ACTOR,
    &UNKNOWN_SOP,
    &DUPLICATE_SOP_ID,
    &FILE_NAME_MISMATCH,
    &SUB_SOP_LEVEL,
    &RELATION_ASYMMETRY,
    &SOP_LINK_CYCLE,
    &MAKRO_WITHOUT_SUB,
    &IRREGULAR_ROW_NUMBER,
    &MISSING_START,
    &MULTIPLE_STARTS,
    &MISSING_END,
    &UNREACHABLE_STEP,
    &DEAD_END,
    &LOOP_WITHOUT_EXIT,
    &MALFORMED_DECISION,
    &END_WITH_SUCCESSOR,
    &CYCLE,
    &START_WITH_PREDECESSOR,
    &HIDDEN_DECISION,
    &MISSING_TIME,
    &DATE_ORDER,
    &SERVICE_TIME_EXCEEDED,
    &SUB_SOP_TIME,
    &MIXED_DAYS,
    &UNUSED_SUPPRESSION,
];
