//! The `sop-ap/1` format as data: every object's keys, their types, whether
//! they are required, their Indonesian label and an English description.
//!
//! One table drives the lowering pass (unknown keys, did-you-mean, missing
//! keys), `docs/format.md` and the JSON Schema, so the three cannot drift.

/// The value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// Free text.
    Str,
    /// A whole number.
    Int,
    /// `true` or `false`.
    Bool,
    /// A date: ISO `YYYY-MM-DD`, `16 Juli 2012`, `Juni 2020`, `01/03/2022`.
    Date,
    /// A duration in the grammar of `duration.rs`.
    Duration,
    /// A machine id (`[a-z0-9-]+` for SOPs, `[a-z0-9_]+` for steps and actors).
    Id,
    /// One of a fixed set of words.
    Enum(&'static [&'static str]),
    /// A list of free-text items.
    StrList,
    /// A list of machine ids.
    IdList,
    /// A nested object.
    Object(&'static [Key]),
    /// A list of objects.
    ObjectList(&'static [Key]),
}

/// One key of an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    /// The label printed on the SOP AP document.
    pub label: &'static str,
    pub description: &'static str,
}

const fn key(
    name: &'static str,
    ty: Type,
    required: bool,
    label: &'static str,
    description: &'static str,
) -> Key {
    Key { name, ty, required, label, description }
}

pub const LEVELS: &[&str] = &["makro", "mikro"];
pub const TYPES: &[&str] = &["administratif", "teknis"];
pub const COMPLETENESS: &[&str] = &["final", "parsial"];
pub const GENERICITY: &[&str] = &["generik", "spesifik"];
pub const RELATIONS: &[&str] = &["parent", "child", "prerequisite", "follow_up", "related"];
pub const DAY_MEANINGS: &[&str] = crate::duration::DayMeaning::WORDS;
pub const STEP_KINDS: &[&str] = &["start", "process", "decision", "end"];
/// The keys of a numbered row that only its first step carries: its
/// number and its Mutu Baku. A step that continues the row (`same_row`)
/// may not write them (`misplaced-key`; the JSON Schema says the same).
pub const ROW_KEYS: &[&str] = &["row", "requirements", "time", "time_note", "wait", "output"];

pub const APPROVED_BY: &[Key] = &[
    key("position", Type::Str, true, "Jabatan", "Job title of the approving official."),
    key("name", Type::Str, false, "Nama", "Name of the approving official."),
    key("nip", Type::Str, false, "NIP", "Civil-servant id (NIP); always a string."),
];

pub const IDENTITY: &[Key] = &[
    key("agency", Type::Str, true, "Nama Instansi", "Issuing agency (printed beside the logo)."),
    key("unit", Type::Str, true, "Nama Unit Kerja", "The unit's official name."),
    key("number", Type::Str, true, "Nomor SOP", "SOP number in the agency's numbering."),
    key("title", Type::Str, true, "Nama SOP", "Title of the procedure."),
    key("created", Type::Date, true, "Tanggal Pembuatan", "Date the SOP was finished."),
    key("revised", Type::Date, false, "Tanggal Revisi", "Date of the last revision, or null."),
    key("revision", Type::Int, false, "Revisi ke-", "Revision number."),
    key("effective", Type::Date, true, "Tanggal Efektif", "Date the SOP takes effect."),
    key("approved_by", Type::Object(APPROVED_BY), true, "Disahkan oleh", "The approving official."),
];

pub const DEFINITION: &[Key] = &[
    key("term", Type::Str, true, "Istilah", "The term defined."),
    key("meaning", Type::Str, true, "Pengertian", "Its meaning."),
];

pub const RELATED: &[Key] = &[
    key("sop", Type::Id, false, "SOP", "Id of a SOP in the corpus."),
    key("title", Type::Str, false, "Judul", "Title of a SOP outside the corpus."),
    key("relation", Type::Enum(RELATIONS), true, "Hubungan", "How the SOP relates to this one."),
    key("external", Type::Bool, false, "Eksternal", "The SOP is outside the corpus; not checked."),
];

pub const ACTOR: &[Key] = &[
    key("id", Type::Id, true, "-", "Actor id, referred to by `actor` and `with`."),
    key("name", Type::Str, true, "Pelaksana", "Name printed as the column header."),
    key("external", Type::Bool, false, "Pihak luar", "A party outside the unit."),
];

pub const BRANCH: &[Key] = &[
    key("label", Type::Str, true, "Label", "Answer written on the arrow (Ya, Tidak, Lengkap …)."),
    key("next", Type::Id, false, "Anak panah", "Id of the step this answer leads to."),
    key(
        "outcome",
        Type::Str,
        false,
        "Hasil akhir",
        "Instead of `next`: the answer ends the procedure with this result (drawn as an end).",
    ),
];

pub const STEP: &[Key] = &[
    key("id", Type::Id, true, "-", "Step id, unique in the file."),
    key(
        "row",
        Type::Int,
        false,
        "No",
        "Row number as printed on the source document (default: the previous row's plus one).",
    ),
    key(
        "same_row",
        Type::Bool,
        false,
        "Satu baris",
        "The step shares the previous step's numbered row (one number, one Mutu Baku).",
    ),
    key("kind", Type::Enum(STEP_KINDS), true, "Simbol", "Flowchart symbol of the row."),
    key("actor", Type::Id, true, "Pelaksana", "Actor whose column holds the symbol."),
    key(
        "alternate",
        Type::IdList,
        false,
        "Pelaksana pengganti",
        "Actors who may do the step instead (e.g. the Sekcam when the Camat is absent).",
    ),
    key("with", Type::IdList, false, "Pelaksana pendamping", "Other actors taking part."),
    key(
        "activity",
        Type::Str,
        false,
        "Kegiatan",
        "The activity; for a decision, the question. Required except on start and end steps.",
    ),
    key("requirements", Type::StrList, false, "Kelengkapan", "Mutu Baku: inputs and requirements."),
    key("time", Type::Duration, false, "Waktu", "Mutu Baku: time the step takes."),
    key("time_note", Type::Str, false, "Waktu (keterangan)", "Time that cannot be quantified."),
    key(
        "wait",
        Type::Bool,
        false,
        "Waktu tunggu",
        "Waiting on an outside party; excluded from totals.",
    ),
    key("output", Type::Str, false, "Output", "Mutu Baku: output of the step."),
    key("notes", Type::Str, false, "Keterangan", "Remarks."),
    key("next", Type::Id, false, "Anak panah", "Id of the next step (start and process steps)."),
    key(
        "branches",
        Type::ObjectList(BRANCH),
        false,
        "Cabang",
        "Answers of a decision, in drawing order.",
    ),
    key("sub_sop", Type::Id, false, "SOP mikro", "Id of the mikro SOP detailing this step."),
    key("outcome", Type::Str, false, "Hasil akhir", "Result label of an end step."),
];

pub const TOP: &[Key] = &[
    key("schema", Type::Enum(&["sop-ap/1"]), true, "-", "Format version: `sop-ap/1`."),
    key("id", Type::Id, true, "-", "SOP id (`[a-z0-9-]+`); the file should be `<id>.yaml`."),
    key("level", Type::Enum(LEVELS), false, "Cakupan SOP", "makro or mikro."),
    key("type", Type::Enum(TYPES), false, "Jenis SOP", "administratif or teknis."),
    key("completeness", Type::Enum(COMPLETENESS), false, "Kelengkapan", "final or parsial."),
    key("genericity", Type::Enum(GENERICITY), false, "Sifat", "generik or spesifik."),
    key("identity", Type::Object(IDENTITY), true, "Identitas", "The identity block."),
    key("purpose", Type::Str, false, "Tujuan", "Purpose of the SOP."),
    key("scope", Type::Str, false, "Ruang Lingkup", "Scope."),
    key("summary", Type::Str, false, "Ringkasan", "Summary."),
    key("definitions", Type::ObjectList(DEFINITION), false, "Definisi", "Terms and meanings."),
    key("legal_basis", Type::StrList, true, "Dasar Hukum", "Laws and regulations behind the SOP."),
    key("qualifications", Type::StrList, true, "Kualifikasi Pelaksana", "Competence required."),
    key("related", Type::ObjectList(RELATED), false, "Keterkaitan", "Links to other SOPs."),
    key("equipment", Type::StrList, true, "Peralatan/Perlengkapan", "Tools, systems and forms."),
    key("warnings", Type::StrList, true, "Peringatan", "What happens if the SOP is not followed."),
    key("records", Type::StrList, true, "Pencatatan dan Pendataan", "Records kept."),
    key(
        "service_time",
        Type::Duration,
        false,
        "Jangka waktu penyelesaian",
        "Total time promised in the Standar Pelayanan.",
    ),
    key(
        "days",
        Type::Enum(DAY_MEANINGS),
        false,
        "Satuan hari",
        "What a bare `hari` means: `kerja` (working days) or `kalender` (calendar days, the default).",
    ),
    key(
        "workday",
        Type::Duration,
        false,
        "Jam kerja per hari",
        "Length of a working day for time sums (default 8 jam).",
    ),
    key("actors", Type::ObjectList(ACTOR), true, "Pelaksana", "Actors, in column order."),
    key("steps", Type::ObjectList(STEP), true, "Uraian kegiatan", "Activities, in row order."),
];
