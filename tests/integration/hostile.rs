//! Hostile and odd inputs: each must get a clear, positioned message and exit
//! 1 (findings) or 2 (usage/I/O error), within a time limit and a memory cap.
//!
//! These run the real binary (`CARGO_BIN_EXE_sopmap`) under `ulimit -v`, so
//! a runaway allocation aborts the child and fails the test, and kill it
//! after a deadline generous enough for debug builds on a loaded machine, so
//! a hang fails the test instead of stalling the suite.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::repo;

/// Virtual memory cap for the child, in KiB (1.5 GiB). The checking threads
/// reserve 64 MiB stacks each; everything else is the input's doing.
const MEMORY_KIB: u64 = 1_536 * 1024;
/// Wall-clock limit per run.
const DEADLINE: Duration = Duration::from_secs(90);

pub(crate) struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `sopmap ARGS` in `dir` with a memory cap and a deadline.
pub(crate) fn run(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_sopmap"))
        .args(args)
        // The parser-limit messages are checked in English.
        .env("SOPMAP_LANG", "en")
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sopmap");
    // Drain the pipes on threads so a chatty child cannot block on them.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).map(|_| s)
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).map(|_| s)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sopmap {args:?} did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        // A signal (abort on allocation failure, stack overflow) has no code.
        status: status.code().unwrap_or(-1),
        stdout: out.join().expect("stdout thread").expect("utf-8 stdout"),
        stderr: err.join().expect("stderr thread").expect("utf-8 stderr"),
    };
    assert!(
        run.status == 1 || run.status == 2 || run.status == 0,
        "sopmap {args:?} crashed (status {}):\n{}",
        run.status,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "sopmap {args:?} panicked:\n{}", run.stderr);
    run
}

pub(crate) fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub(crate) fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write");
    p
}

/// A bundled SOP with no links to other SOPs, and the file name its id
/// asks for, so it checks clean on its own.
pub(crate) const SAMPLE: &str = "permohonan-opp-p2p-mikro.yaml";

pub(crate) fn sample() -> String {
    std::fs::read_to_string(repo(&format!("sops/{SAMPLE}"))).expect("sample")
}

/// The sample SOP with one planted mistake (an unknown step at 83:11).
fn broken_sample() -> String {
    let text = sample();
    let fixed = text.replacen("next: serahkan_berkas", "next: serahkan_berkss", 1);
    assert_ne!(fixed, text, "the sample changed: update the planted mistake");
    fixed
}

#[test]
fn alias_bomb_is_stopped_by_the_budget() {
    let d = dir();
    let mut lines = vec![
        r#"a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#.to_string(),
    ];
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(",");
        lines.push(format!("a{i}: &a{i} [{refs}]"));
    }
    write(d.path(), "bomb.yaml", lines.join("\n") + "\n");
    let r = run(d.path(), &["check", "bomb.yaml"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("bomb.yaml:"), "{}", r.stdout);
    assert!(r.stdout.contains("SOP001 the YAML is too large or expands too far through aliases"));
    assert!(r.stdout.contains("--max-yaml-nodes"), "names the flag: {}", r.stdout);
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let d = dir();
    write(d.path(), "flow.yaml", "[".repeat(10_000) + &"]".repeat(10_000) + "\n");
    // Compact nested block sequences: `- - - … x`, one level per `- `.
    write(d.path(), "block.yaml", "- ".repeat(10_000) + "x\n");
    let r = run(d.path(), &["check", "--format", "concise", "flow.yaml", "block.yaml"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    // The block form stops at the 65th level, the flow form where the
    // parser's own limit is reached.
    assert!(lines[0].starts_with("block.yaml:1:129: SOP001"), "{}", lines[0]);
    assert!(lines[0].contains("SOP001 the YAML is nested too deeply (more than 64 levels"));
    assert!(lines[1].starts_with("flow.yaml:1:"), "{}", lines[1]);
    assert!(lines[1].contains("SOP001 the YAML is nested too deeply"));
    // The highest depth the flag allows still parses within the stack.
    let r = run(d.path(), &["check", "--max-yaml-depth", "1000", "block.yaml"]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("more than 1000 levels"), "{}", r.stdout);
}

#[test]
fn a_50_mb_file_is_refused_by_size_then_by_the_node_budget() {
    let d = dir();
    // 50 MiB of a plausible-looking list: 13 million tiny items.
    let chunk = "- a\n".repeat(1024);
    let mut text = String::with_capacity(50 << 20);
    while text.len() < 50 << 20 {
        text.push_str(&chunk);
    }
    write(d.path(), "big.yaml", &text);
    drop(text);
    let r = run(d.path(), &["check", "big.yaml"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("sopmap: error: `big.yaml` is 52428800 bytes, over the limit of 33554432 bytes (`sopmap check --max-file-size` raises it; the other commands keep it)"),
        "{}",
        r.stderr
    );
    // Raising the size limit lets the parser see it; the node budget then
    // stops it at a position (a small budget keeps the debug build quick).
    let r = run(
        d.path(),
        &["check", "--max-file-size", "60000000", "--max-yaml-nodes", "100000", "big.yaml"],
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("big.yaml:"), "{}", r.stdout);
    assert!(r.stdout.contains("SOP001 the YAML is too large"), "{}", r.stdout);
}

#[test]
fn invalid_utf8_names_the_line_and_column() {
    let d = dir();
    let mut bytes = b"schema: sop-ap/1\nid: x\nlevel: m\xC3\x28kro\n".to_vec();
    bytes.extend_from_slice(b"type: teknis\n");
    write(d.path(), "latin.yaml", bytes);
    write(d.path(), SAMPLE, sample());
    let r = run(d.path(), &["check", "latin.yaml", SAMPLE]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains(
            "sopmap: error: cannot read `latin.yaml`: invalid UTF-8 at line 3, column 9 (byte 31); save the file as UTF-8"
        ),
        "{}",
        r.stderr
    );
    // The other file is still checked.
    assert!(r.stderr.contains("checked 1 file"), "{}", r.stderr);
}

#[test]
fn a_byte_order_mark_changes_no_position() {
    let d = dir();
    write(d.path(), "plain.yaml", broken_sample());
    write(d.path(), "bom.yaml", format!("\u{feff}{}", broken_sample()));
    let plain = run(d.path(), &["check", "plain.yaml"]);
    let bom = run(d.path(), &["check", "bom.yaml"]);
    assert_eq!(plain.status, 1);
    assert_eq!(bom.status, 1);
    assert!(plain.stdout.contains("plain.yaml:83:11: SOP101"), "{}", plain.stdout);
    assert_eq!(bom.stdout.replace("bom.yaml", "plain.yaml"), plain.stdout);
    // A BOM on a file whose first line has the error: column still 1-based
    // from the first visible character.
    write(d.path(), "bom1.yaml", "\u{feff}schema: sop-ap/2\n");
    let r = run(d.path(), &["check", "bom1.yaml"]);
    assert!(r.stdout.contains("bom1.yaml:1:9: SOP005"), "{}", r.stdout);
}

#[test]
fn crlf_line_ends_change_no_position() {
    let d = dir();
    write(d.path(), "lf.yaml", broken_sample());
    write(d.path(), "crlf.yaml", broken_sample().replace('\n', "\r\n"));
    let lf = run(d.path(), &["check", "lf.yaml"]);
    let crlf = run(d.path(), &["check", "crlf.yaml"]);
    assert_eq!(crlf.status, 1);
    assert_eq!(crlf.stdout.replace("crlf.yaml", "lf.yaml"), lf.stdout);
    // The full format shows the line without a stray carriage return.
    let full = run(d.path(), &["check", "--format", "full", "crlf.yaml"]);
    assert!(full.stdout.contains("next: serahkan_berkss\n"), "{}", full.stdout);
    assert!(!full.stdout.contains('\r'), "{:?}", full.stdout);
}

#[test]
fn tab_indentation_is_a_positioned_syntax_error() {
    let d = dir();
    write(d.path(), "tabs.yaml", "schema: sop-ap/1\nidentity:\n\tagency: X\n");
    let r = run(d.path(), &["check", "tabs.yaml"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.starts_with(
            "tabs.yaml:3:1: SOP001 a tab indents this line; YAML indents with spaces only"
        ),
        "{}",
        r.stdout
    );
    // A tab inside a value is just text.
    let tabbed = sample().replacen("Kepala Seksi Penempatan\n", "Kepala Seksi\tPenempatan\n", 1);
    assert_ne!(tabbed, sample());
    write(d.path(), SAMPLE, tabbed);
    let r = run(d.path(), &["check", SAMPLE]);
    assert_eq!(r.status, 0, "{}", r.stdout);
}

#[test]
fn an_empty_file_is_reported() {
    let d = dir();
    write(d.path(), "empty.yaml", "");
    write(d.path(), "blank.yaml", "\n\n# nothing but a comment\n");
    let r = run(d.path(), &["check", "empty.yaml", "blank.yaml"]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("blank.yaml:1:1: SOP004 the file is empty"), "{}", r.stdout);
    assert!(r.stdout.contains("empty.yaml:1:1: SOP004 the file is empty"), "{}", r.stdout);
}

#[test]
fn several_documents_in_one_file_are_refused_at_the_second() {
    let d = dir();
    let text = sample();
    let second_line = text.lines().count() + 1;
    write(d.path(), "two.yaml", format!("{text}---\nschema: sop-ap/1\n"));
    let r = run(d.path(), &["check", "two.yaml"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.starts_with(&format!(
            "two.yaml:{second_line}:1: SOP001 this file holds more than one YAML document"
        )),
        "{}",
        r.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_ends() {
    let d = dir();
    std::fs::create_dir_all(d.path().join("sops/sub")).expect("mkdir");
    write(&d.path().join("sops/sub"), SAMPLE, sample());
    std::os::unix::fs::symlink("..", d.path().join("sops/sub/loop")).expect("symlink");
    std::os::unix::fs::symlink("../sops", d.path().join("sops/self")).expect("symlink");
    let r = run(d.path(), &["check", "sops"]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("checked 1 file"), "each file once: {}", r.stderr);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir();
    let p = write(d.path(), SAMPLE, sample());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&p).is_ok() {
        // Root (as in CI containers) reads any file: permissions cannot be
        // tested here. The file is then simply checked.
        crate::harness::skipped("running as root, chmod 000 does not stop reading");
        let r = run(d.path(), &["check", SAMPLE]);
        assert_eq!(r.status, 0, "{}", r.stdout);
        return;
    }
    let r = run(d.path(), &["check", SAMPLE]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains(&format!("sopmap: error: cannot read `{SAMPLE}`")), "{}", r.stderr);
    assert!(r.stderr.contains("ermission denied"), "{}", r.stderr);
}

#[test]
fn a_folder_where_a_file_is_expected() {
    let d = dir();
    std::fs::create_dir_all(d.path().join("x.yaml")).expect("mkdir");
    let r = run(d.path(), &["check", "x.yaml"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("sopmap: error: no SOP files (*.yaml, *.yml) in `x.yaml`"),
        "{}",
        r.stderr
    );
    // Inside a walked folder, a folder named `*.yaml` is walked, not read.
    std::fs::create_dir_all(d.path().join("sops/y.yaml")).expect("mkdir");
    write(&d.path().join("sops/y.yaml"), SAMPLE, sample());
    let r = run(d.path(), &["check", "sops"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stderr.contains("checked 1 file"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let d = dir();
    let made =
        Command::new("mkfifo").arg(d.path().join("pipe.yaml")).status().is_ok_and(|s| s.success());
    if !made {
        crate::harness::skipped("mkfifo is not available");
        return;
    }
    // Named on the command line.
    let r = run(d.path(), &["check", "pipe.yaml"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains(
            "sopmap: error: `pipe.yaml` is not a regular file (a FIFO, socket or device?)"
        ),
        "{}",
        r.stderr
    );
    // Found by a folder walk: reported too, the other files still checked.
    std::fs::create_dir_all(d.path().join("sops")).expect("mkdir");
    std::fs::rename(d.path().join("pipe.yaml"), d.path().join("sops/pipe.yaml")).expect("mv");
    write(&d.path().join("sops"), SAMPLE, sample());
    let r = run(d.path(), &["check", "sops"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("`sops/pipe.yaml` is not a regular file"), "{}", r.stderr);
    assert!(r.stderr.contains("checked 1 file"), "{}", r.stderr);
}

#[test]
fn binary_garbage_is_a_syntax_error_or_an_encoding_error() {
    let d = dir();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let bytes: Vec<u8> = (0..100_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    write(d.path(), "noise.yaml", &bytes);
    let ascii: Vec<u8> = bytes.iter().map(|b| b & 0x7f).collect();
    write(d.path(), "ascii-noise.yaml", ascii);
    let r = run(d.path(), &["check", "noise.yaml"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("invalid UTF-8 at line"), "{}", r.stderr);
    let r = run(d.path(), &["check", "ascii-noise.yaml"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("ascii-noise.yaml:"), "{}", r.stdout);
}

// ---- Quadratic paths (issue 17, item 5) ----
//
// Each input is run at size n and 4n; a linear path takes about four times
// as long, a quadratic one sixteen times. The bound is on the ratio (best of
// two runs each, CPU time), never on absolute time, so a slow debug build or
// a busy machine does not fail it. Absolute release figures:
// docs/performance.md. Why 4n and these sizes: in a debug build the linear
// work (parsing, lowering) is slowed far more than the quadratic loops of
// the old code (string compares in an optimised std), so at 2n or at small n
// the old code passed too. Run against the code before the fix (a7f0d22)
// these three tests fail, with ratios 9.9 (labels), 6.3 (loop) and 16.0
// (unknown rules); after it they give 4.0, 3.9 and 3.8.

/// A SOP header with one actor `p`, followed by `steps`.
fn sop_with_steps(steps: &str) -> String {
    format!(
        "schema: sop-ap/1\nid: q\nlevel: mikro\ntype: teknis\nidentity:\n  agency: A\n  unit: U\n  number: N\n  title: T\n  created: 2022-11-15\n  effective: 2022-11-15\n  approved_by: {{position: K, name: X, nip: \"1\"}}\nactors:\n  - {{id: p, name: P}}\nsteps:\n{steps}"
    )
}

/// One decision with `n` distinct labels, all to the end step.
pub(crate) fn wide_decision(n: usize) -> String {
    let mut s = String::from(
        "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: d}\n  - {id: d, kind: decision, actor: p, activity: Ok?, time: 5 menit, branches: [\n",
    );
    for i in 0..n {
        s.push_str(&format!("    {{label: Jawaban {i}, next: e}},\n"));
    }
    s.push_str("  ]}\n  - {id: e, kind: end, actor: p, activity: E, time: 5 menit}\n");
    sop_with_steps(&s)
}

/// A start step entering an `n`-step loop that never exits.
pub(crate) fn endless_loop(n: usize) -> String {
    let mut s =
        String::from("  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: s0}\n");
    for i in 0..n {
        let next = (i + 1) % n;
        s.push_str(&format!(
            "  - {{id: s{i}, kind: process, actor: p, activity: A, time: 5 menit, next: s{next}}}\n"
        ));
    }
    s.push_str("  - {id: e, kind: end, actor: p, activity: E, time: 5 menit}\n");
    sop_with_steps(&s)
}

/// The sample with one comment line naming `n` unknown rules.
pub(crate) fn many_unknown_rules(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("tidak-ada-{i}")).collect();
    format!("# sopmap: ignore-file[{}]\n{}", names.join(","), sample())
}

/// Best-of-two CPU time (user + system) of `sopmap ARGS FILE` on `text`:
/// CPU time, not wall time, so other work on a shared machine does not
/// count. The shell's `times` reports what its child used.
fn best_time(text: &str, args: &[&str]) -> Duration {
    let d = dir();
    write(d.path(), "big.yaml", text);
    (0..2)
        .map(|_| {
            let out = Command::new("sh")
                .arg("-c")
                .arg("\"$0\" \"$@\" >/dev/null 2>&1; echo \"status $?\"; times")
                .arg(env!("CARGO_BIN_EXE_sopmap"))
                .args(args)
                .arg("big.yaml")
                .current_dir(d.path())
                .output()
                .expect("sh");
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut lines = text.lines();
            let status = lines.next().unwrap_or("");
            assert!(status == "status 0" || status == "status 1", "{args:?}: {text}");
            // `times`: the shell's user and system time, then its children's.
            let children = lines.nth(1).unwrap_or_else(|| panic!("no `times` output: {text}"));
            children.split_whitespace().map(parse_times).sum::<Duration>()
        })
        .min()
        .unwrap()
}

/// `1m2.345s` (as `times` prints it) as a duration.
fn parse_times(s: &str) -> Duration {
    let s = s.trim_end_matches('s');
    let (m, sec) = s.split_once('m').unwrap_or(("0", s));
    let secs = m.parse::<f64>().unwrap_or(0.0) * 60.0 + sec.parse::<f64>().unwrap_or(0.0);
    Duration::from_secs_f64(secs)
}

fn assert_linear(what: &str, make: fn(usize) -> String, n: usize, args: &[&str]) {
    let small = best_time(&make(n), args);
    let large = best_time(&make(4 * n), args);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
    eprintln!("{what}: n={n} {small:?}, 4n {large:?}, ratio {ratio:.2}");
    assert!(ratio < 5.5, "{what}: four times the input took {ratio:.2}x ({small:?} -> {large:?})");
}

#[test]
fn a_decision_with_many_labels_is_checked_in_linear_time() {
    assert_linear("malformed-decision", wide_decision, 10_000, &["check", "--format", "concise"]);
}

#[test]
fn full_format_on_a_long_loop_is_linear() {
    assert_linear("full, loop without exit", endless_loop, 10_000, &["check", "--format", "full"]);
}

#[test]
fn full_format_on_a_comment_naming_many_unknown_rules_is_linear() {
    assert_linear("full, unknown rules", many_unknown_rules, 1_500, &["check", "--format", "full"]);
}

// ---- Runs that must not be cut short (issue 17, items 8-10) ----

#[test]
fn a_parse_error_cannot_be_suppressed() {
    let d = dir();
    write(d.path(), "rusak.yaml", "# sopmap: ignore-file[invalid-yaml]\nschema: [sop-ap/1\n");
    write(d.path(), "rusak2.yaml", "# sopmap: ignore-file[SOP001]\nschema: sop-ap/1\n  id: x\n");
    for file in ["rusak.yaml", "rusak2.yaml"] {
        let r = run(d.path(), &["check", "--format", "concise", file]);
        assert_eq!(r.status, 1, "{file}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains("SOP001"), "{file}: {}", r.stdout);
        assert!(r.stdout.contains("cannot be suppressed"), "{file}: {}", r.stdout);
    }
    // Neither can it be turned off or downgraded.
    let r =
        run(d.path(), &["check", "--format", "concise", "--ignore", "invalid-yaml", "rusak.yaml"]);
    assert_eq!(r.status, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("SOP001"), "{}", r.stdout);
}

#[test]
fn stdin_twice_is_refused() {
    let d = dir();
    let r = run(d.path(), &["check", "-", "-"]);
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("only once"), "{}", r.stderr);
    assert!(!r.stdout.contains("SOP004"), "{}", r.stdout);
}

#[test]
fn a_dangling_link_does_not_hide_the_other_files_findings() {
    let d = dir();
    std::fs::create_dir(d.path().join("sops")).unwrap();
    write(&d.path().join("sops"), SAMPLE, broken_sample());
    std::os::unix::fs::symlink("hilang.yaml", d.path().join("sops/a-link.yaml")).unwrap();
    let r = run(d.path(), &["check", "--format", "concise", "sops"]);
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("cannot read `sops/a-link.yaml`"), "{}", r.stderr);
    assert!(r.stdout.contains("SOP"), "the other file's findings: {}", r.stdout);
}

#[test]
fn an_unreadable_folder_does_not_hide_the_other_files_findings() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir();
    let root = d.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir_all(root.join("sops/a-locked")).unwrap();
    std::fs::set_permissions(root.join("sops"), std::fs::Permissions::from_mode(0o755)).unwrap();
    write(&root.join("sops"), SAMPLE, broken_sample());
    std::fs::set_permissions(
        root.join("sops").join(SAMPLE),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    write(&root.join("sops/a-locked"), "x.yaml", sample());
    std::fs::set_permissions(root.join("sops/a-locked"), std::fs::Permissions::from_mode(0o000))
        .unwrap();
    // Root reads any folder: run as `nobody` when root.
    let mut cmd = if std::fs::read_dir(root.join("sops/a-locked")).is_ok() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(env!("CARGO_BIN_EXE_sopmap"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_sopmap"))
    };
    let out = cmd
        .env("SOPMAP_LANG", "en")
        .args(["check", "--format", "concise", "sops"])
        .current_dir(root)
        .output();
    std::fs::set_permissions(root.join("sops/a-locked"), std::fs::Permissions::from_mode(0o755))
        .unwrap();
    let Ok(out) = out else {
        eprintln!("SKIP: setpriv is not available to drop root");
        return;
    };
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("cannot read folder `sops/a-locked`"), "{stderr}");
    assert!(stdout.contains("SOP"), "the other file's findings: {stdout}");
}

// ---- Clear errors (issue 17, item 11) ----

#[test]
fn parser_limits_and_odd_yaml_get_plain_messages() {
    let d = dir();
    write(d.path(), "rekursif.yaml", "a: &a [*a]\n");
    write(d.path(), "tag.yaml", "schema: sop-ap/1\nid: !!timestamp 2001-12-14\n");
    write(d.path(), "teks.yaml", format!("a: \"{}\"\n", "x".repeat(68_000_002)));
    let r = run(d.path(), &["check", "--lang", "en", "--format", "concise", "rekursif.yaml"]);
    assert!(r.stdout.contains("used inside its own anchor"), "{}", r.stdout);
    let r = run(d.path(), &["check", "--lang", "en", "--format", "concise", "tag.yaml"]);
    assert!(r.stdout.contains("a YAML tag (such as `!!timestamp`"), "{}", r.stdout);
    let r = run(
        d.path(),
        &[
            "check",
            "--lang",
            "en",
            "--format",
            "concise",
            "--max-file-size",
            "100000000",
            "teks.yaml",
        ],
    );
    assert!(r.stdout.contains("more than 64 MiB"), "{}", r.stdout);
    assert!(!r.stdout.contains('{') && !r.stdout.contains("total_scalar"), "{}", r.stdout);
}

/// Ten levels of ten aliases: 10^9 values if expanded.
fn alias_bomb() -> String {
    let mut s = format!("a0: &a0 [{}]\n", ["\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""; 10].join(","));
    for i in 1..10 {
        s.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(",")));
    }
    s
}

#[test]
fn max_yaml_nodes_raises_the_alias_replay_limit_too() {
    let d = dir();
    // 10 x 10^4 = 110,000 replayed events: over a 100,000-node run's alias
    // limit (half the node limit), under a 400,000-node one's.
    let mut text = format!("a0: &a0 [{}]\n", ["x"; 10].join(","));
    for i in 1..5 {
        text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(",")));
    }
    write(d.path(), "alias.yaml", &text);
    let low = run(
        d.path(),
        &[
            "check",
            "--lang",
            "en",
            "--format",
            "concise",
            "--max-yaml-nodes",
            "100000",
            "alias.yaml",
        ],
    );
    assert!(low.stdout.contains("expands too far through aliases"), "{}", low.stdout);
    let high = run(
        d.path(),
        &[
            "check",
            "--lang",
            "en",
            "--format",
            "concise",
            "--max-yaml-nodes",
            "400000",
            "alias.yaml",
        ],
    );
    assert!(!high.stdout.contains("SOP001"), "raised: {}", high.stdout);
}

#[test]
fn new_dash_is_refused_and_creates_nothing() {
    let d = dir();
    let r = run(d.path(), &["new", "-"]);
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains("`-` is not a file name"), "{}", r.stderr);
    assert!(!d.path().join("-").exists());
}

#[test]
fn duplicate_keys_in_the_config_are_reported() {
    let d = dir();
    write(d.path(), SAMPLE, sample());
    write(d.path(), "sopmap.yaml", "rules:\n  dead-end: off\n  dead-end: error\n");
    let r = run(d.path(), &["check", SAMPLE]);
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("given twice"), "{}", r.stderr);
}

// ---- Memory (issue 17, item 6) ----

#[test]
fn sixteen_alias_bombs_in_parallel_stay_under_the_memory_cap() {
    let d = dir();
    for i in 0..16 {
        write(d.path(), &format!("bom{i:02}.yaml"), alias_bomb());
    }
    let r = run(d.path(), &["check", "--format", "concise", "--jobs", "16", "."]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(r.stdout.matches("SOP001").count(), 16, "{}", r.stdout);
}

/// `actors` actors and a straight line of `steps` steps, each by the next
/// actor in turn.
pub(crate) fn crowded(actors: usize, steps: usize) -> String {
    let mut s = String::from(
        "schema: sop-ap/1\nid: q\nlevel: mikro\ntype: teknis\nidentity:\n  agency: A\n  unit: U\n  number: N\n  title: T\n  created: 2022-11-15\n  effective: 2022-11-15\n  approved_by: {position: K, name: X, nip: \"1\"}\nactors:\n",
    );
    for a in 0..actors {
        s.push_str(&format!("  - {{id: p{a}, name: Pelaksana nomor {a}}}\n"));
    }
    s.push_str("steps:\n");
    for i in 0..steps {
        let kind = match i {
            0 => "start",
            i if i + 1 == steps => "end",
            _ => "process",
        };
        let next = if i + 1 == steps { String::new() } else { format!(", next: s{}", i + 1) };
        s.push_str(&format!(
            "  - {{id: s{i}, kind: {kind}, actor: p{}, activity: Langkah {i}, time: 5 menit{next}}}\n",
            i % actors
        ));
    }
    s
}

#[test]
fn a_table_too_wide_for_the_width_degrades_and_says_so() {
    let d = dir();
    write(d.path(), "ramai.yaml", crowded(1_000, 6_000));
    let r = run(d.path(), &["table", "--force", "--width", "120", "--lang", "en", "ramai.yaml"]);
    assert!(r.status <= 1, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("Note: 1000 actor columns do not fit"),
        "{}",
        r.stdout.chars().take(300).collect::<String>()
    );
    let widest = r.stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 120, "--width is kept: a line of {widest} columns");
    assert!(r.stdout.contains("Pelaksana nomor 999"), "every actor is still named");
}

/// Issue 17 item 7: a null or empty value where a value is required passed
/// as "no problems found"; each is now a finding and fails the run.
#[test]
fn nulls_and_empty_values_for_required_keys_fail_the_run() {
    let d = dir();
    let text = sample();
    let cases = [
        ("schema: sop-ap/1", "schema: ~"),
        ("id: permohonan-opp-p2p-mikro", "id:"),
        ("level: mikro", "level:"),
        ("type: teknis", "type:"),
        ("  number: SOP-03.02/PEN/BP3MI-SB/XI/2022", "  number: \"\""),
        ("  title: Pelayanan Permohonan", "  title: ~ #"),
        ("    kind: start", "    kind:"),
        ("    actor: p3mi", "    actor:"),
        ("    activity: Mengunggah", "    activity: \"\" #"),
        ("      - label: Lengkap", "      - label:"),
    ];
    for (from, to) in cases {
        assert!(text.contains(from), "the sample changed: {from}");
        write(d.path(), SAMPLE, text.replacen(from, to, 1));
        let r = run(d.path(), &["check", SAMPLE, "--format", "concise"]);
        assert_eq!(r.status, 1, "`{to}` passed:\n{}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains(": SOP010 "), "`{to}`: no empty-value finding:\n{}", r.stdout);
    }
}
