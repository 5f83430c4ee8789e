//! The printed checklist of the bundled makro SOP, checked against the SOP
//! itself: every step, every branch jump with the right row number, the
//! identity header; and the actor view holds exactly that actor's steps.

use crate::harness::{Test, repo};

const MAKRO: &str = "sops/pengaduan-pmi-makro.yaml";

fn checklist(extra: &[&str]) -> crate::harness::Output {
    let mut args = vec!["checklist".to_string(), repo(MAKRO).display().to_string()];
    args.extend(extra.iter().map(|s| s.to_string()));
    Test::new().args(args).run()
}

/// The step lines of the checklist: `[ ] N. …` at the start of a line.
fn rows(text: &str) -> Vec<usize> {
    text.lines()
        .filter_map(|l| l.strip_prefix("[ ] "))
        .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect()
}

#[test]
fn makro_checklist_shows_every_step_jump_and_the_identity() {
    let out = checklist(&[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let text = out.stdout;
    assert_eq!(rows(&text), (1..=16).collect::<Vec<_>>());
    // Activities are wrapped; compare with whitespace collapsed.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for activity in [
        "Menerima pengaduan secara langsung, telepon, surat, surel, atau kanal daring dan mendaftarkannya pada Sisko P2MI",
        "Memfasilitasi mediasi antara pengadu dan P3MI/pihak teradu",
        "Menetapkan status pengaduan selesai/ditutup pada Sisko P2MI dan mengarsipkan berkas",
    ] {
        assert!(flat.contains(activity), "missing {activity}");
    }
    // Every branch of the four decisions, with its target row.
    let jumps: Vec<&str> =
        text.lines().map(str::trim).filter(|l| l.starts_with("[ ] ") && l.contains(": ")).collect();
    assert_eq!(
        jumps,
        [
            "[ ] Ya: lanjut ke langkah 4",
            "[ ] Tidak: lanjut ke langkah 16",
            "[ ] Ya: lanjut ke langkah 7",
            "[ ] Tidak: lanjut ke langkah 6",
            "[ ] Ya: lanjut ke langkah 13",
            "[ ] Tidak: lanjut ke langkah 12",
            "[ ] Ya: lanjut ke langkah 14",
            "[ ] Tidak: lanjut ke langkah 15",
        ]
    );
    // Steps whose `next` is not the following row say where to go.
    assert!(text.contains("Ke          : lanjut ke langkah 15"), "{text}");
    for field in [
        "Instansi                  : Badan Pelindungan Pekerja Migran Indonesia (BP2MI)",
        "Nomor SOP                 : SOP-01/PLD/BP3MI-SU/XI/2022",
        "Tanggal Pembuatan         : 15 November 2022",
        "Tanggal Revisi            : 28 Juni 2024 (Revisi ke-1)",
        "Tanggal Efektif           : 1 Juli 2024",
        "Disahkan oleh             : Kepala BP3MI Sumatera Utara, [nama pejabat], NIP",
        "Jangka waktu penyelesaian : 30 hari kerja",
    ] {
        assert!(text.contains(field), "missing {field}");
    }
    assert!(text.contains("[menunggu pihak luar]"));
    // Path times, counted by hand: best 1 → 2 → 3 → 16 is 30 menit + 1 hari
    // kerja + 15 menit + 30 menit; worst adds rows 4, 5, 7, 10, 11, 13, 14,
    // 15 (rows 8 and 9 wait on outside parties and do not count).
    assert!(flat.contains(
        "Jalur tercepat : 1 hari kerja + 1 jam 15 menit (langkah 1 → 2 → 3 → 16); tanpa waktu \
         tunggu pihak luar"
    ));
    assert!(flat.contains(
        "Jalur terlama : 12 hari kerja + 2 jam 30 menit (langkah 1 → 2 → 3 → 4 → 5 → 7 → 8 → 9 → \
         10 → 11 → 13 → 14 → 15 → 16); tanpa waktu tunggu pihak luar"
    ));
    // The sub-SOP is named by its title and number (its file is beside it).
    assert!(flat.contains(
        "lihat SOP Verifikasi Data dan Dokumen Pengaduan Pekerja Migran Indonesia (SOP-01.01/PLD/BP3MI-SU/XI/2022)"
    ));
    assert!(text.contains("PERINGATAN") && text.contains("PENCATATAN DAN PENDATAAN"));
    assert!(text.contains("Tanda tangan"));
}

#[test]
fn actor_view_holds_only_that_actors_steps() {
    let out = checklist(&["--actor", "analis"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    // The analyst does rows 4, 7, 10 and 14 of the makro SOP.
    assert_eq!(rows(&out.stdout), [4, 7, 10, 14]);
    assert!(
        out.stdout.contains("Daftar periksa untuk: Pengantar Kerja/Analis Penanganan Permasalahan")
    );
    let flat = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Dari : langkah 3 (Kepala Seksi Pelindungan dan Pemberdayaan)"),
        "{flat}"
    );
    assert!(flat.contains("Ke : lanjut ke langkah 5 (Kepala Seksi Pelindungan dan Pemberdayaan)"));

    // An actor present only through `with` sees that step, marked.
    let out = checklist(&["--actor", "pengadu"]);
    assert_eq!(rows(&out.stdout), [10]);
    assert!(out.stdout.contains("[sebagai pelaksana pendamping]"));
}

#[test]
fn unknown_actor_is_a_usage_error_with_a_suggestion() {
    let out = checklist(&["--actor", "analisa", "--lang", "en"]);
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "sopmap: error: unknown actor `analisa` in `{}`; did you mean `analis`?\n",
            repo(MAKRO).display()
        )
    );
}

#[test]
fn english_labels() {
    let out = checklist(&["--lang", "en", "--format", "md"]);
    assert_eq!(out.status, 0);
    assert!(out.stdout.starts_with("# Checklist: "));
    assert!(out.stdout.contains("  - [ ] Ya: go on to step 4\n"));
    assert!(out.stdout.contains("| SOP number | SOP-01/PLD/BP3MI-SU/XI/2022 |"));
}
