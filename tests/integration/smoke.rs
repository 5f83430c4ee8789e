//! Smoke tests of the CLI plumbing: the bundled corpus is clean, exit codes.

use crate::harness::{Test, repo};

#[test]
fn bundled_corpus_is_clean() {
    let out =
        Test::new().env_lang("en").args(["check".into(), repo("sops").into_os_string()]).run();
    assert_eq!(out.stdout, "");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.starts_with("checked 4 files: no problems found"), "{}", out.stderr);
}

#[test]
fn missing_file_is_an_io_error() {
    let out = Test::new().env_lang("en").args(["check", "nope.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.starts_with("sopmap: error: cannot read `nope.yaml`"), "{}", out.stderr);
}

/// Files written with `-o` are ordinary readable files, not private
/// temporary files (tempfile creates 0600).
#[cfg(unix)]
#[test]
fn output_files_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let t = Test::new().env_lang("en").bundled();
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("x.dot");
    let out = t
        .args([
            "render".into(),
            "pengaduan-pmi-makro.yaml".into(),
            "--format".into(),
            "dot".into(),
            "-o".into(),
            target.clone().into_os_string(),
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let mode = std::fs::metadata(&target).map(|m| m.permissions().mode() & 0o777);
    assert!(matches!(mode, Ok(m) if m & 0o044 == 0o044), "{mode:?}");
}
