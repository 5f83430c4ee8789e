//! Smoke tests of the CLI plumbing: the bundled corpus is clean, exit codes.

use crate::harness::{Test, repo};

#[test]
fn bundled_corpus_is_clean() {
    let out = Test::new().args(["check".into(), repo("sops").into_os_string()]).run();
    assert_eq!(out.stdout, "");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.starts_with("checked 4 files: no problems found"), "{}", out.stderr);
}

#[test]
fn missing_file_is_an_io_error() {
    let out = Test::new().args(["check", "nope.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.starts_with("sopmap: error: cannot read `nope.yaml`"), "{}", out.stderr);
}
