//! The skeleton of a new SOP for `sopmap new`: a complete `sop-ap/1` file
//! with Indonesian comments explaining each block, that lints clean as it
//! is (start, one process step, a decision with a rework loop, an end), so
//! a policy writer starts from something valid and replaces the examples.

use crate::model::SopLevel;

/// The text of a new SOP with this `id`, `level` and creation date
/// (`YYYY-MM-DD`).
pub fn new_sop(id: &str, level: SopLevel, today: &str) -> String {
    let level_word = match level {
        SopLevel::Makro => "makro",
        SopLevel::Mikro => "mikro",
    };
    // A makro is detailed by mikro SOPs (makro-without-sub): the template
    // links one, marked external until the mikro exists beside it.
    let sub_sop_hint = match level {
        SopLevel::Makro => format!(
            "\n    # SOP makro: langkah yang dirinci SOP mikro diberi `sub_sop: <id-sop-mikro>`.\n    sub_sop: {id}-mikro"
        ),
        SopLevel::Mikro => String::new(),
    };
    let related = match level {
        SopLevel::Makro => format!(
            "# Keterkaitan: SOP mikro yang merinci SOP makro ini. Ganti id contoh, dan
# hapus `external: true` bila SOP mikro itu ada di folder yang sama.
related:
  - sop: {id}-mikro
    relation: child
    external: true

"
        ),
        SopLevel::Mikro => String::new(),
    };
    format!(
        "# SOP baru yang dibuat oleh `sopmap new`. Ganti semua contoh isian, lalu
# periksa berkas ini dengan `sopmap check <nama berkas>`.
schema: sop-ap/1
id: {id}               # huruf kecil, angka dan `-`; sama dengan nama berkas
level: {level_word}             # makro (proses besar) atau mikro (rincian)
type: administratif     # administratif atau teknis

# Identitas SOP (halaman pertama dokumen SOP AP).
identity:
  agency: Nama Instansi
  unit: Nama Unit Kerja
  number: SOP-00/UNIT/{year}
  title: Judul Prosedur
  created: {today}      # Tanggal Pembuatan (YYYY-MM-DD)
  revised: null         # Tanggal Revisi, isi saat SOP direvisi
  effective: {today}    # Tanggal Efektif
  approved_by:
    position: Jabatan Pejabat yang Mengesahkan
    name: Nama Pejabat
    nip: \"000000000000000000\"  # NIP selalu ditulis sebagai teks

legal_basis:            # Dasar Hukum
  - Peraturan yang menjadi dasar prosedur ini
qualifications:         # Kualifikasi Pelaksana
  - Kompetensi yang dibutuhkan pelaksana
equipment:              # Peralatan/Perlengkapan
  - Komputer
warnings:               # Peringatan: akibat bila SOP tidak dilaksanakan
  - Layanan terlambat bila SOP tidak dilaksanakan
records:                # Pencatatan dan Pendataan
  - Buku agenda

{related}service_time: 1 hari kerja   # jangka waktu penyelesaian (Standar Pelayanan)

# Pelaksana: satu kolom per aktor pada tabel SOP AP, sesuai urutan ini.
actors:
  - id: petugas
    name: Petugas Layanan
  - id: kepala
    name: Kepala Unit

# Uraian kegiatan, berurutan sesuai baris tabel. Setiap langkah punya
# `id` unik, `kind` (start, process, decision, end), `actor`, `activity`,
# dan Mutu Baku: `requirements` (Kelengkapan), `time` (Waktu), `output`.
# Bila perlu, seperti pada tabel SOP yang sudah terbit:
#   row: 6            nomor baris seperti tercetak (tanpa ini: dihitung 1, 2, 3 …)
#   same_row: true    satu baris bernomor dengan langkah sebelumnya (simbol
#                     berantai dalam satu baris; Mutu Baku ditulis di langkah pertama)
#   alternate: id     pelaksana pengganti (mis. Sekcam bila Camat berhalangan)
# Langkah `start`/`end` boleh tanpa `activity`: kapsulnya bertuliskan Mulai/Selesai.
steps:
  - id: terima
    kind: start
    actor: petugas
    activity: Menerima permohonan
    requirements:
      - Formulir permohonan
    time: 15 menit
    output: Permohonan diterima
    next: periksa

  - id: periksa
    kind: process
    actor: petugas
    activity: Memeriksa kelengkapan permohonan
    time: 30 menit
    output: Hasil pemeriksaan
    next: setujui{sub_sop_hint}

  # Keputusan: pertanyaan dengan dua jawaban atau lebih (`branches`).
  - id: setujui
    kind: decision
    actor: kepala
    activity: Apakah permohonan disetujui?
    time: 15 menit
    branches:
      - label: Ya
        next: selesai
      - label: Tidak
        next: periksa
      # Jawaban yang mengakhiri prosedur di luar tabel memakai `outcome`
      # sebagai ganti `next`, mis. `outcome: Dikembalikan ke pemohon`.

  - id: selesai
    kind: end
    actor: petugas
    activity: Menyampaikan hasil kepada pemohon
    time: 15 menit
    output: Surat jawaban
    outcome: Permohonan selesai
",
        year = today.get(..4).unwrap_or("2025"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_file as check_source};
    use crate::source::SourceFile;

    #[test]
    fn scaffolds_lint_clean_at_both_levels() {
        for level in [SopLevel::Mikro, SopLevel::Makro] {
            let text = new_sop("layanan-baru", level, "2025-03-04");
            let src = SourceFile::new("layanan-baru.yaml", text);
            let checked = check_source(&src, 0, &Settings::default());
            assert_eq!(checked.diagnostics, vec![], "{level:?}");
            assert!(src.text.contains("created: 2025-03-04"));
            // The file may be named apart from the id (`sopmap new --id a b.yaml`):
            // the template must not send the writer to a file that is not there.
            assert!(!src.text.contains("layanan-baru.yaml"), "{level:?}");
        }
    }
}
