//! `sopmap diff`: golden diffs for each kind of change (`UPDATE_EXPECT=1`
//! rewrites them; tests/golden/diff:
//! `<case>.yaml` is `base.yaml` with one kind of change, `<case>.txt` the
//! expected text), a file against itself, the bar on a bundled SOP,
//! `--exit-code`, and `--git` against a temporary repository.

use std::path::Path;
use std::process::Command;

use crate::harness::{Output, Test, assert_text, repo, tool_available};

/// Compares `got` with the golden file `name` under tests/golden/diff.
#[track_caller]
fn golden(name: &str, got: &str) {
    crate::harness::golden(&format!("tests/golden/diff/{name}"), got);
}

fn diff_case(old: &str, new: &str, extra: &[&str]) -> Output {
    let out = Test::new()
        .copy(&format!("tests/golden/diff/{old}.yaml"), &format!("{old}.yaml"))
        .copy(&format!("tests/golden/diff/{new}.yaml"), &format!("{new}.yaml"))
        .args(["diff".to_string(), format!("{old}.yaml"), format!("{new}.yaml")])
        .args(extra)
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    out
}

const CASES: &[&str] = &[
    "actors",
    "branch-relabeled",
    "branch-retargeted",
    "edges-added-removed",
    "findings",
    "identity",
    "revision-not-bumped",
    "step-added",
    "step-changed",
    "step-kind",
    "step-removed",
    "step-renamed",
];

#[test]
fn every_case_file_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo("tests/golden/diff"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .filter(|s| s != "base")
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, CASES);
}

#[test]
fn golden_text_diffs() {
    for case in CASES {
        golden(&format!("{case}.txt"), &diff_case("base", case, &[]).stdout);
    }
    golden("findings.reverse.txt", &diff_case("findings", "base", &[]).stdout);
}

#[test]
fn golden_markdown_json_and_english() {
    golden("step-changed.md", &diff_case("base", "step-changed", &["--format", "md"]).stdout);
    golden("step-added.md", &diff_case("base", "step-added", &["--format", "md"]).stdout);
    golden(
        "revision-not-bumped.md",
        &diff_case("base", "revision-not-bumped", &["--format", "md"]).stdout,
    );
    golden("findings.reverse.json", &diff_case("findings", "base", &["--format", "json"]).stdout);
    golden("step-changed.json", &diff_case("base", "step-changed", &["--format", "json"]).stdout);
    golden("step-added.en.txt", &diff_case("base", "step-added", &["--lang", "en"]).stdout);
}

#[test]
fn a_file_against_itself_is_empty() {
    for entry in std::fs::read_dir(repo("sops")).unwrap() {
        let path = entry.unwrap().path();
        for format in ["text", "json", "md"] {
            let out = Test::new()
                .args(["diff", "--exit-code", "--format", format])
                .args([&path, &path])
                .run();
            assert_eq!(out.status, 0, "{}: {}", path.display(), out.stderr);
            match format {
                "text" => assert_eq!(out.stdout, ""),
                "json" => {
                    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
                    assert_eq!(v["changed"], false);
                    for key in ["identity", "actors", "steps", "flow", "warnings"] {
                        assert_eq!(v[key], serde_json::json!([]), "{key}");
                    }
                    assert_eq!(v["timing"], serde_json::Value::Null);
                }
                _ => assert!(out.stdout.ends_with("\n\nTidak ada perubahan.\n"), "{}", out.stdout),
            }
        }
    }
}

#[test]
fn exit_code_flag_reports_changes() {
    let out = diff_case("base", "base", &["--exit-code"]);
    assert_eq!(out.stdout, "");
    let out = Test::new()
        .copy("tests/golden/diff/base.yaml", "a.yaml")
        .copy("tests/golden/diff/identity.yaml", "b.yaml")
        .args(["diff", "--exit-code", "a.yaml", "b.yaml"])
        .run();
    assert_eq!(out.status, 1);
    assert!(out.stdout.contains("identity.title"), "{}", out.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let out = Test::new().env_lang("en").args(["diff", "only.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("give two files"), "{}", out.stderr);
    let out = Test::new().env_lang("en").args(["diff", "a.yaml", "b.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.starts_with("sopmap: error: cannot read `a.yaml`"), "{}", out.stderr);
    let out = Test::new()
        .env_lang("en")
        .file("bad.yaml", "steps: [\n")
        .copy("tests/golden/diff/base.yaml", "base.yaml")
        .args(["diff", "base.yaml", "bad.yaml"])
        .run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("cannot compare `bad.yaml`"), "{}", out.stderr);
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap();
    assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
}

#[test]
fn git_revision_as_the_old_version() {
    if !tool_available("git", Command::new("git").arg("--version")) {
        return;
    }
    let base = std::fs::read_to_string(repo("tests/golden/diff/base.yaml")).unwrap();
    let changed =
        std::fs::read_to_string(repo("tests/golden/diff/branch-retargeted.yaml")).unwrap();
    let t = Test::new().file("repo/sops/x.yaml", &base).file("outside/x.yaml", &base);
    let root = t.path().join("repo");
    git(&root, &["init", "-q"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "v1"]);
    std::fs::write(root.join("sops/x.yaml"), &changed).unwrap();
    std::fs::write(root.join("sops/new.yaml"), &base).unwrap();
    let dir = t.path().to_path_buf();
    let run = |args: &[&str]| {
        Test::new()
            .args(args.iter().map(|a| {
                if a.ends_with(".yaml") { dir.join(a).into_os_string() } else { (*a).into() }
            }))
            .run()
    };

    // The working file against HEAD: the same diff as the two files.
    let out = run(&["diff", "--git", "HEAD", "repo/sops/x.yaml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let two_files = diff_case("base", "branch-retargeted", &[]).stdout;
    let body = |s: &str| s.split_once("\n\n").unwrap().1.to_string();
    assert_text(&body(&out.stdout), &body(&two_files));
    assert!(out.stdout.starts_with("--- HEAD:sops/x.yaml\n"), "{}", out.stdout);

    // A file that did not exist at the revision: everything is added.
    let out = run(&["diff", "--git", "HEAD", "--format", "json", "repo/sops/new.yaml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 7);
    assert!(steps.iter().all(|s| s["change"] == "added"));
    assert_eq!(v["actors"].as_array().unwrap().len(), 3);
    assert_eq!(v["findings"]["introduced"], serde_json::json!([]));

    // A file deleted since the revision: everything is removed.
    std::fs::remove_file(root.join("sops/x.yaml")).unwrap();
    let out = run(&["diff", "--git", "HEAD", "--format", "json", "repo/sops/x.yaml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 7);
    assert!(steps.iter().all(|s| s["change"] == "removed"));
    // Neither in the working tree nor at the revision: a read error.
    let out = run(&["diff", "--git", "HEAD", "repo/sops/none.yaml"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("tidak dapat membaca"), "{}", out.stderr);
    std::fs::write(root.join("sops/x.yaml"), &changed).unwrap();

    // A bad revision, and a file outside any repository: usage errors.
    let out = run(&["diff", "--git", "no-such-branch", "repo/sops/x.yaml"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("revisi git `no-such-branch` tidak dikenal"), "{}", out.stderr);
    let out = run(&["diff", "--git", "HEAD", "outside/x.yaml"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("tidak berada di dalam repositori git"), "{}", out.stderr);
}

/// The bar: a bundled SOP against a copy with one branch
/// retargeted and one step's time changed reports exactly those two
/// changes, and the new worst-path time.
#[test]
fn bundled_sop_with_one_retarget_and_one_time_change() {
    let old = std::fs::read_to_string(repo("sops/pengaduan-pmi-makro.yaml")).unwrap();
    let retarget_from = "      - label: Tidak\n        next: sampaikan_hasil\n";
    let time_from = "    time: 7 hari kerja\n    output: Berita acara serah terima PMI\n";
    assert_eq!(old.matches(retarget_from).count(), 1);
    assert_eq!(old.matches(time_from).count(), 1);
    let new = old
        .replace(retarget_from, "      - label: Tidak\n        next: tutup_pengaduan\n")
        .replace(time_from, "    time: 10 hari kerja\n    output: Berita acara serah terima PMI\n");

    let steps = &old[old.find("\nsteps:").unwrap()..];
    let row =
        steps[..steps.find("- id: fasilitasi_kepulangan").unwrap()].matches("- id: ").count() + 1;

    let out = Test::new()
        .file("old.yaml", &old)
        .file("new.yaml", &new)
        .args(["diff", "--format", "json", "old.yaml", "new.yaml"])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["identity"], serde_json::json!([]));
    assert_eq!(v["actors"], serde_json::json!([]));
    assert_eq!(
        v["steps"],
        serde_json::json!([{
            "change": "changed", "id": "fasilitasi_kepulangan", "row": row,
            "fields": [{ "field": "time", "old": "7 hari kerja", "new": "10 hari kerja" }]
        }])
    );
    assert_eq!(
        v["flow"],
        serde_json::json!([{
            "change": "retargeted", "from": "cek_pemulangan", "label": "Tidak",
            "old_to": "sampaikan_hasil", "new_to": "tutup_pengaduan"
        }])
    );
    assert_eq!(v["findings"], serde_json::json!({ "introduced": [], "fixed": [] }));

    // The new worst-path time is what the timing analysis gives the new file.
    let worst = |text: &str| {
        let src = sopmap::source::SourceFile::new("x.yaml", text);
        let c = sopmap::check::check_file(&src, 0, &sopmap::check::Settings::default());
        let (sop, graph) = (c.sop.unwrap(), c.graph.unwrap());
        sopmap::timing::analyze(&sop, &graph, 480).unwrap().worst.text()
    };
    let worst_en = |text: &str| worst(text).en;
    let worst = |text: &str| worst(text).id;
    assert_ne!(worst(&old), worst(&new));
    assert_eq!(v["timing"]["worst"]["old"], worst(&old));
    assert_eq!(v["timing"]["worst"]["new"], worst(&new));

    let text = Test::new()
        .file("old.yaml", &old)
        .file("new.yaml", &new)
        .args(["diff", "--lang", "en", "old.yaml", "new.yaml"])
        .run()
        .stdout;
    // In English, the totals are in English words too.
    assert!(
        text.contains(&format!("~ worst path: {} → {}\n", worst_en(&old), worst_en(&new))),
        "{text}"
    );
}

/// Findings are judged with the rule levels of `sopmap.yaml`, as `sopmap
/// check` would: a rule switched off there introduces nothing.
#[test]
fn findings_follow_the_configuration() {
    let run = |config: Option<&str>| {
        let mut t = Test::new()
            .copy("tests/golden/diff/base.yaml", "base.yaml")
            .copy("tests/golden/diff/findings.yaml", "findings.yaml");
        if let Some(c) = config {
            t = t.file("sopmap.yaml", c);
        }
        let out = t.args(["diff", "--format", "json", "base.yaml", "findings.yaml"]).run();
        assert_eq!(out.status, 0, "{}", out.stderr);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let names: Vec<String> = v["findings"]["introduced"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();
        names
    };
    assert!(run(None).contains(&"missing-time".to_string()));
    let with_config = run(Some("rules:\n  missing-time: off\n"));
    assert!(!with_config.contains(&"missing-time".to_string()), "{with_config:?}");
    assert!(with_config.contains(&"unknown-actor".to_string()), "{with_config:?}");
}
