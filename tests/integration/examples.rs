//! `examples/broken-sop.yaml`: ten planted mistakes of different kinds,
//! all reported in one run, each at its line and column, and nothing else
//! (no follow-on findings). The README shows this output.

use crate::harness::{Test, assert_text};

#[test]
fn broken_sop_reports_all_ten_mistakes_at_their_positions() {
    let out = Test::new()
        .copy("examples/broken-sop.yaml", "examples/broken-sop.yaml")
        .args(["check", "examples/broken-sop.yaml", "--format", "concise"])
        .run();
    assert_text(
        &out.stdout,
        "\
examples/broken-sop.yaml:14:14: SOP007 `01-07-2024` is not a valid date for `identity.effective`: expected `YYYY-MM-DD`
examples/broken-sop.yaml:29:1: SOP002 unknown key `peringatan_tambahan` in the document
examples/broken-sop.yaml:49:11: SOP101 unknown step `periksa_keabsaan` in `next` of step `terima_pengaduan`
examples/broken-sop.yaml:53:12: SOP102 unknown actor `seksi_perlindungan` in `actor` of step `periksa_keabsahan`
examples/broken-sop.yaml:55:11: SOP006 `time: 30` has no time unit (satuan waktu wajib)
examples/broken-sop.yaml:59:16: SOP207 decision `periksa_keabsahan` has two branches labelled `Ya`
examples/broken-sop.yaml:60:15: SOP206 loop without exit: minta_kelengkapan -> lengkapi_berkas -> cek_kelengkapan -> minta_kelengkapan never reaches an end step; entered through branch `Ya` of `periksa_keabsahan`
examples/broken-sop.yaml:97:9: SOP103 duplicate step id `telaah`
examples/broken-sop.yaml:104:9: SOP205 step `paraf_kasi` is a dead end: it has no `next` and is not an end step
examples/broken-sop.yaml:111:9: SOP204 step `arsipkan_berkas` is unreachable: no arrow leads to it
",
    );
    assert_eq!(out.status, 1);
    assert_eq!(out.stderr, "found 10 errors in 1 of 1 file\n");
}

#[test]
fn broken_sop_planted_mistakes_are_marked_where_reported() {
    // Each finding's line carries the `# (n)` comment that documents it,
    // so the example stays readable as a tutorial.
    let text = std::fs::read_to_string(crate::harness::repo("examples/broken-sop.yaml")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let marked = [(1, 14), (2, 29), (3, 49), (4, 53), (5, 55), (6, 59), (7, 60), (8, 97), (9, 104)];
    for (n, line) in marked.into_iter().chain([(10, 111)]) {
        assert!(lines[line - 1].contains(&format!("# ({n})")), "line {line} lacks `# ({n})`");
    }
}
