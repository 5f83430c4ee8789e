//! Renderers end to end through the CLI: golden outputs per format, every
//! bundled SOP in every format, DOT through the real Graphviz `dot`,
//! Mermaid through the real Mermaid parser, the check-then-refuse gate,
//! `--force` marking, hostile text, and file output.
//!
//! Regenerate the golden files with `UPDATE_EXPECT=1 cargo test render`,
//! then read the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Output, Test, repo, tool_available};

const SOPS: [&str; 2] =
    ["sops/pengaduan-pmi-makro.yaml", "sops/verifikasi-berkas-pengaduan-mikro.yaml"];

/// Every bundled SOP: each file in `sops/`.
fn bundled() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo("sops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "the bundled corpus is missing");
    files
}

/// Every output a golden file exists for: (suffix, arguments after FILE).
const FORMATS: [(&str, &[&str]); 8] = [
    ("checklist.txt", &["--format", "text"]),
    ("checklist.md", &["--format", "md"]),
    ("checklist.html", &["--format", "html"]),
    ("table.txt", &["--format", "text", "--width", "120"]),
    ("table.md", &["--format", "md"]),
    ("dot", &["--format", "dot"]),
    ("mmd", &["--format", "mermaid"]),
    ("en.checklist.txt", &["--format", "text", "--lang", "en"]),
];

fn command_of(suffix: &str) -> &'static str {
    if suffix.contains("checklist") {
        "checklist"
    } else if suffix.starts_with("table") {
        "table"
    } else {
        "render"
    }
}

fn run(cmd: &str, file: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<std::ffi::OsString> = vec![cmd.into(), file.into()];
    args.extend(extra.iter().map(Into::into));
    Test::new().args(args).run()
}

/// [`run`] with English messages, for tests that read an error's words.
fn run_en(cmd: &str, file: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<std::ffi::OsString> = vec![cmd.into(), file.into()];
    args.extend(extra.iter().map(Into::into));
    Test::new().env_lang("en").args(args).run()
}

#[track_caller]
fn golden(name: &str, got: &str) {
    crate::harness::golden(&format!("tests/golden/render/{name}"), got);
}

fn golden_sources() -> Vec<(String, PathBuf)> {
    vec![
        ("makro".into(), repo(SOPS[0])),
        ("verifikasi".into(), repo(SOPS[1])),
        ("hostile".into(), repo("tests/golden/render/hostile.yaml")),
        ("rows".into(), repo("tests/corpus/ok/rows-and-outcomes.yaml")),
    ]
}

#[test]
fn golden_outputs() {
    for (name, file) in golden_sources() {
        for (suffix, extra) in FORMATS {
            let out = run(command_of(suffix), &file, extra);
            assert_eq!(out.status, 0, "{name}.{suffix}: {}", out.stderr);
            assert_eq!(out.stderr, "", "{name}.{suffix}");
            golden(&format!("{name}.{suffix}"), &out.stdout);
        }
    }
    let out = run("checklist", &repo(SOPS[0]), &["--actor", "kasi"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    golden("makro.kasi.checklist.txt", &out.stdout);
    // The substitute's own checklist holds the step it may sign.
    let rows = repo("tests/corpus/ok/rows-and-outcomes.yaml");
    let out = run("checklist", &rows, &["--actor", "sekcam"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    golden("rows.sekcam.checklist.txt", &out.stdout);
}

#[test]
fn output_is_deterministic() {
    for (suffix, extra) in FORMATS {
        let a = run(command_of(suffix), &repo(SOPS[0]), extra).stdout;
        let b = run(command_of(suffix), &repo(SOPS[0]), extra).stdout;
        assert_eq!(a, b, "{suffix}");
    }
}

#[test]
fn every_bundled_sop_renders_in_every_format() {
    for sop in bundled() {
        for (suffix, extra) in FORMATS {
            let out = run(command_of(suffix), &sop, extra);
            assert_eq!(out.status, 0, "{} {suffix}: {}", sop.display(), out.stderr);
            assert!(!out.stdout.is_empty(), "{} {suffix}", sop.display());
        }
    }
}

fn dot_available() -> bool {
    tool_available("Graphviz `dot`", Command::new("dot").arg("-V"))
}

#[test]
fn dot_output_is_accepted_by_graphviz() {
    if !dot_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = bundled();
    files.push(repo("tests/golden/render/hostile.yaml"));
    // Rows of several steps (rank=same), substitutes, outcome ends.
    files.push(repo("tests/corpus/ok/rows-and-outcomes.yaml"));
    for file in files {
        let out = run("render", &file, &["--format", "dot"]);
        let dot_file = dir.path().join("x.dot");
        std::fs::write(&dot_file, &out.stdout).unwrap();
        let res = Command::new("dot").arg("-Tsvg").arg(&dot_file).output().unwrap();
        let err = String::from_utf8_lossy(&res.stderr);
        assert!(res.status.success(), "{}: {err}", file.display());
        assert_eq!(err, "", "{}: dot warned", file.display());
        let svg = String::from_utf8(res.stdout).unwrap();
        assert!(svg.contains("<svg"), "{}", file.display());
        assert!(!svg.contains("<script"), "{}: unescaped script", file.display());
    }
}

#[test]
fn svg_swimlanes_are_drawn_by_sopmap_and_png_by_chromium() {
    let dir = tempfile::tempdir().unwrap();
    for sop in bundled() {
        let target = dir.path().join("out.svg");
        let out = run("render", &sop, &["-f", "svg", "-o", target.to_str().unwrap()]);
        assert_eq!(out.status, 0, "{}: {}", sop.display(), out.stderr);
        assert_eq!(out.stdout, "");
        let svg = std::fs::read_to_string(&target).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("</svg>"), "{}", sop.display());
        assert!(svg.contains("class=\"arrow\""), "{}: no arrows", sop.display());
    }
    if !tool_available("chromium", Command::new("chromium").arg("--version")) {
        return;
    }
    let target = dir.path().join("out.png");
    let out = run("render", &repo(SOPS[1]), &["-f", "png", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let png = std::fs::read(&target).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
}

#[test]
fn png_without_chromium_says_how_to_install_it() {
    let out = run_en(
        "render",
        &repo(SOPS[1]),
        &["--format", "png", "--chromium", "/nonexistent/sopmap-test/chromium"],
    );
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("Chromium program `/nonexistent/sopmap-test/chromium` was not found"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("apt-get install -y chromium"), "{}", out.stderr);
}

fn mermaid_available() -> bool {
    tool_available(
        "node with the npm packages of tools/mermaid (npm ci --prefix tools/mermaid)",
        Command::new("node").arg(repo("tools/mermaid/parse.mjs")),
    )
}

#[test]
fn mermaid_output_is_accepted_by_the_mermaid_parser() {
    if !mermaid_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = bundled();
    inputs.push(repo("tests/golden/render/hostile.yaml"));
    inputs.push(repo("tests/corpus/ok/rows-and-outcomes.yaml"));
    let mut files = Vec::new();
    for (n, file) in inputs.iter().enumerate() {
        for extra in [&["--format", "mermaid"][..], &["--format", "mermaid", "--lang", "en"]] {
            let out = run("render", file, extra);
            assert_eq!(out.status, 0, "{}", out.stderr);
            let f = dir.path().join(format!("{n}-{}.mmd", extra.len()));
            std::fs::write(&f, &out.stdout).unwrap();
            files.push(f);
        }
    }
    let broken = repo("tests/golden/render/broken.yaml");
    let forced = run("render", &broken, &["--format", "mermaid", "--force"]);
    assert_eq!(forced.status, 0, "{}", forced.stderr);
    let f = dir.path().join("forced.mmd");
    std::fs::write(&f, &forced.stdout).unwrap();
    files.push(f);

    let res =
        Command::new("node").arg(repo("tools/mermaid/parse.mjs")).args(&files).output().unwrap();
    let stdout = String::from_utf8_lossy(&res.stdout);
    assert!(res.status.success(), "{stdout}{}", String::from_utf8_lossy(&res.stderr));
    assert_eq!(stdout.lines().filter(|l| l.starts_with("ok ")).count(), files.len(), "{stdout}");

    // The oracle really rejects what breaks Mermaid.
    let bad = dir.path().join("bad.mmd");
    std::fs::write(&bad, "flowchart TD\n  end --> x\n").unwrap();
    let res = Command::new("node").arg(repo("tools/mermaid/parse.mjs")).arg(&bad).output().unwrap();
    assert!(!res.status.success());
}

#[test]
fn a_sop_with_errors_is_refused_with_its_findings() {
    let broken = repo("tests/golden/render/broken.yaml");
    for (cmd, extra) in [
        ("render", &["--format", "dot"][..]),
        ("render", &["--format", "mermaid"]),
        ("checklist", &[]),
        ("table", &[]),
    ] {
        let out = run_en(cmd, &broken, extra);
        assert_eq!(out.status, 1, "{cmd}");
        let path = broken.display().to_string();
        // Standard output is for the artefact only: nothing on refusal.
        assert_eq!(out.stdout, "", "{cmd}");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert!(lines[0].starts_with(&format!("{path}:24:84: SOP101 ")), "{cmd}: {}", out.stderr);
        assert_eq!(
            lines.iter().filter(|l| l.contains(": SOP")).count(),
            1,
            "{cmd}: {}",
            out.stderr
        );
        assert!(
            out.stderr.ends_with(&format!(
                "sopmap: error: not rendering `{path}`: it has 1 error; fix it or pass --force \
                 to render it with the faulty steps marked\n"
            )),
            "{cmd}: {}",
            out.stderr
        );
    }
}

#[test]
fn forced_render_marks_the_faulty_step() {
    let broken = repo("tests/golden/render/broken.yaml");
    let dot = run("render", &broken, &["--format", "dot", "--force"]);
    assert_eq!(dot.status, 0, "{}", dot.stderr);
    assert!(dot.stderr.contains("SOP101"), "{}", dot.stderr);
    golden("broken.forced.dot", &dot.stdout);
    let marked: Vec<&str> =
        dot.stdout.lines().filter(|l| l.contains("[shape=") && l.contains("#d00000")).collect();
    assert_eq!(marked.len(), 1, "{}", dot.stdout);
    assert!(marked[0].trim_start().starts_with("\"s2\" "), "{}", marked[0]);
    assert!(marked[0].contains("⚠ SOP101") && marked[0].contains("SOP101 unknown-step"));

    let mmd = run("render", &broken, &["--format", "mermaid", "--force"]);
    assert_eq!(mmd.status, 0, "{}", mmd.stderr);
    golden("broken.forced.mmd", &mmd.stdout);
    assert!(mmd.stdout.contains("  class s2 finding\n"), "{}", mmd.stdout);
}

#[test]
fn hostile_text_is_harmless_in_html_and_markdown() {
    let hostile = repo("tests/golden/render/hostile.yaml");
    let html = run("checklist", &hostile, &["--format", "html"]).stdout;
    assert!(!html.contains("<script"), "raw script tag in HTML");
    assert!(!html.contains("<img"), "raw img tag in HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; C:\\path\\file"));
    assert!(html.contains("break-inside: avoid") && html.contains("size: A4"));
    // The page loads nothing: no scripts, sources or links to elsewhere.
    assert!(!html.contains("<link") && !html.contains("href=\"http") && !html.contains("@import"));
    let md = run("checklist", &hostile, &["--format", "md"]).stdout;
    assert!(!md.contains("<script") && !md.contains("<img"));
    assert!(md.contains("\\[tautan\\](http://x) \\| pipa"));
    let table = run("table", &hostile, &["--format", "md"]).stdout;
    for line in table.lines().filter(|l| l.starts_with('|')) {
        // Every row keeps its column count: no cell text adds a `|`.
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 2 + 4 + 2 + 1, "{line}");
    }
}

#[test]
fn output_file_is_written_and_the_input_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.html");
    let out = run_en("checklist", &repo(SOPS[1]), &["-f", "html", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let html = std::fs::read_to_string(&target).unwrap();
    assert_eq!(html, run_en("checklist", &repo(SOPS[1]), &["-f", "html"]).stdout);
    // Only the target is left behind: the temporary file was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let missing = dir.path().join("no-such-folder/x.html");
    let out = run_en("checklist", &repo(SOPS[1]), &["-o", missing.to_str().unwrap()]);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.ends_with("/no-such-folder` does not exist\n"), "{}", out.stderr);
    assert!(!out.stderr.contains(".sopmap-"), "no temporary file name: {}", out.stderr);

    let input = dir.path().join("x.yaml");
    std::fs::copy(repo(SOPS[1]), &input).unwrap();
    let before = std::fs::read_to_string(&input).unwrap();
    let out = run_en("render", &input, &["-o", input.to_str().unwrap()]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("refusing to overwrite the input"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), before);
}

#[test]
fn forced_checklist_never_guesses_a_misspelt_target() {
    let broken = repo("tests/golden/render/broken.yaml");
    let out = run("checklist", &broken, &["--force"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("       Ke        : lanjut ke `setujuu` (langkah tidak dikenal)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains(": SOP101 langkah `setujuu` pada `next` langkah `periksa` tidak dikenal"),
        "{}",
        out.stderr
    );
}

#[test]
fn table_fits_the_requested_width() {
    for width in [80usize, 100, 160] {
        let w = width.to_string();
        let out = run("table", &repo(SOPS[0]), &["--width", &w]);
        assert_eq!(out.status, 0, "{}", out.stderr);
        for line in out.stdout.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        // Every row and every actor column is there.
        for n in 1..=16 {
            assert!(out.stdout.contains(&format!("│ {n:<2} ┆")), "{width}: row {n} missing");
        }
    }
}

#[test]
fn the_gate_follows_sopmap_yaml_like_check() {
    let broken = std::fs::read_to_string(repo("tests/golden/render/broken.yaml")).unwrap();
    let refused = Test::new().file("b.yaml", &broken).args(["render", "b.yaml"]).run();
    assert_eq!(refused.status, 1, "{}", refused.stderr);
    let out = Test::new()
        .file("b.yaml", &broken)
        .file("sopmap.yaml", "rules:\n  unknown-step: off\n")
        .args(["render", "b.yaml"])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("digraph \"broken\" {"), "{}", out.stdout);
    assert!(!out.stdout.contains("#d00000\", penwidth"), "nothing to mark: the rule is off");
}

#[test]
fn output_into_a_missing_folder_names_the_folder() {
    let sop = repo("sops/permohonan-opp-p2p-mikro.yaml");
    let out = Test::new()
        .env_lang("en")
        .args(["render".into(), sop.into_os_string(), "-o".into(), "nodir/x.dot".into()])
        .run();
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "sopmap: error: cannot write `nodir/x.dot`: folder `nodir` does not exist\n"
    );
}
