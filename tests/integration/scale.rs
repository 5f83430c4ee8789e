//! Generated corpora (examples/gen_corpus.rs, included as a module): a clean
//! corpus lints clean, every planted defect is reported at its manifest line
//! and nothing else is, and checking on many threads prints byte for byte
//! what checking on one thread prints.

#[path = "../../examples/gen_corpus.rs"]
pub(crate) mod gen_corpus;

use std::collections::BTreeSet;
use std::path::Path;

use crate::harness::{Test, assert_text};

fn generate(dir: &Path, count: usize, defects: bool, seed: u64) {
    gen_corpus::write_corpus(dir, count, defects, seed, None).expect("generate corpus");
}

fn check(dir: &Path, extra: &[&str]) -> crate::harness::Output {
    Test::new()
        .env_lang("en")
        .args(["check"])
        .args(extra.iter().copied())
        .args([dir.as_os_str()])
        .run()
}

#[test]
fn generated_corpus_is_clean_and_well_formed() {
    let d = tempfile::tempdir().expect("temp dir");
    generate(d.path(), 40, false, 11);
    let files: Vec<_> = std::fs::read_dir(d.path()).expect("read dir").collect();
    assert_eq!(files.len(), 40);
    let r = check(d.path(), &["--select", "cycle", "--ignore", "cycle"]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    assert_text(&r.stdout, "");
    assert!(r.stderr.contains("checked 40 files: no problems found"), "{}", r.stderr);
    // The corpus has rework loops (the cycle rule, off by default, lists
    // them), makro files with sub_sop links, wait steps and several ends.
    let loops = check(d.path(), &["--select", "cycle"]);
    assert!(loops.stdout.contains("SOP209"), "no rework loop generated");
    let all: String = std::fs::read_dir(d.path())
        .expect("read dir")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    for needle in [
        "level: makro",
        "sub_sop: ",
        "relation: parent",
        "relation: child",
        "wait: true",
        "kind: decision",
    ] {
        assert!(all.contains(needle), "no `{needle}` in the generated corpus");
    }
    // Every sub_sop names a generated file.
    for line in all.lines().filter_map(|l| l.trim().strip_prefix("sub_sop: ")) {
        assert!(d.path().join(format!("{line}.yaml")).is_file(), "dangling sub_sop {line}");
    }
}

#[test]
fn generation_is_deterministic() {
    let (a, b) = (tempfile::tempdir().expect("dir"), tempfile::tempdir().expect("dir"));
    generate(a.path(), 12, true, 5);
    generate(b.path(), 12, true, 5);
    let names: BTreeSet<_> = std::fs::read_dir(a.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 13, "12 SOPs and a manifest");
    for n in names {
        let x = std::fs::read(a.path().join(&n)).expect("read");
        let y = std::fs::read(b.path().join(&n)).expect("read");
        assert!(x == y, "{n:?} differs between two runs with the same seed");
    }
}

#[test]
fn every_planted_defect_is_reported_where_the_manifest_says() {
    let d = tempfile::tempdir().expect("temp dir");
    generate(d.path(), 60, true, 3);
    let manifest: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("manifest.json")).expect("manifest"),
    )
    .expect("manifest json");
    assert_eq!(manifest.len(), 60);
    let r = check(d.path(), &["--format", "json"]);
    assert_eq!(r.status, 1);
    let found: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).expect("json output");
    let got: BTreeSet<(String, String, u64)> = found
        .iter()
        .map(|f| {
            let path = f["path"].as_str().expect("path");
            let file = Path::new(path).file_name().expect("name").to_string_lossy().into_owned();
            (file, f["code"].as_str().expect("code").to_string(), f["line"].as_u64().expect("line"))
        })
        .collect();
    let want: BTreeSet<(String, String, u64)> = manifest
        .iter()
        .map(|m| {
            (
                m["file"].as_str().expect("file").to_string(),
                m["code"].as_str().expect("code").to_string(),
                m["line"].as_u64().expect("line"),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(found.len(), 60, "one finding per file, no follow-on findings");
    let kinds: BTreeSet<_> = manifest.iter().map(|m| m["name"].as_str().expect("name")).collect();
    assert!(kinds.len() >= 6, "defects of few kinds: {kinds:?}");
}

#[test]
fn parallel_output_equals_single_threaded_output() {
    let d = tempfile::tempdir().expect("temp dir");
    generate(d.path(), 60, true, 9);
    for format in ["concise", "json", "full"] {
        let one = check(d.path(), &["--jobs", "1", "--format", format]);
        assert_eq!(one.status, 1);
        for jobs in ["2", "3", "8"] {
            let many = check(d.path(), &["--jobs", jobs, "--format", format]);
            assert_eq!(many.status, one.status);
            assert!(many.stdout == one.stdout, "--jobs {jobs} --format {format}: stdout differs");
            assert!(many.stderr == one.stderr, "--jobs {jobs} --format {format}: stderr differs");
        }
    }
    let default = check(d.path(), &["--format", "concise"]);
    let one = check(d.path(), &["--jobs", "1", "--format", "concise"]);
    assert_text(&default.stdout, &one.stdout);
}

#[test]
fn jobs_must_be_positive() {
    let r = Test::new().env_lang("en").args(["check", "--jobs", "0", "x.yaml"]).run();
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("--jobs"), "{}", r.stderr);
}

/// `--real-forms`: the forms of published SOPs (time forms, `days: kerja`,
/// Indonesian dates, `row`, `same_row`, branch `outcome`, `alternate`)
/// still lint clean, hidden-decision included; planted defects (a blank
/// `kosong` box among them) are reported where the manifest says.
#[test]
fn a_corpus_in_the_forms_of_published_sops_lints_clean_and_plants_blank_boxes() {
    let d = tempfile::tempdir().expect("temp dir");
    gen_corpus::write_real_corpus(d.path(), 80, false, 7).expect("generate");
    let r = check(d.path(), &[]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    assert_text(&r.stdout, "");
    let all: String = std::fs::read_dir(d.path())
        .expect("read dir")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    for needle in [
        "days: kerja",
        "    row: ",
        "same_row: true",
        "        outcome: ",
        "    alternate: ",
        "time: \"5'\"",
        "time: 2x24 jam",
        "time: ± 15 menit",
        "time: 1 (satu) hari maksimal 14 (empat belas) hari kerja",
        "  created: ",
    ] {
        assert!(all.contains(needle), "no `{needle}` in the real-forms corpus");
    }
    assert!(all.contains(" Agustus ") || all.contains(" Juli "), "no month name");

    let d = tempfile::tempdir().expect("temp dir");
    gen_corpus::write_real_corpus(d.path(), 80, true, 3).expect("generate");
    let manifest: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("manifest.json")).expect("manifest"),
    )
    .expect("manifest json");
    let r = check(d.path(), &["--format", "json"]);
    let found: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).expect("json output");
    let key = |file: &str, code: &str, line: u64| (file.to_string(), code.to_string(), line);
    let got: BTreeSet<_> = found
        .iter()
        .map(|f| {
            let path = Path::new(f["path"].as_str().expect("path"));
            let file = path.file_name().expect("name").to_string_lossy().into_owned();
            key(&file, f["code"].as_str().expect("code"), f["line"].as_u64().expect("line"))
        })
        .collect();
    let want: BTreeSet<_> = manifest
        .iter()
        .map(|m| {
            key(
                m["file"].as_str().expect("file"),
                m["code"].as_str().expect("code"),
                m["line"].as_u64().expect("line"),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(found.len(), 80, "one finding per file");
    assert!(manifest.iter().any(|m| m["name"] == "blank-field"), "no blank box planted");
}
