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

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `sopmap ARGS` in `dir` with a memory cap and a deadline.
fn run(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_sopmap"))
        .args(args)
        // The assertions below read the English messages.
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

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write");
    p
}

/// A bundled SOP with no links to other SOPs, and the file name its id
/// asks for, so it checks clean on its own.
const SAMPLE: &str = "permohonan-opp-p2p-mikro.yaml";

fn sample() -> String {
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
        r.stderr.contains("sopmap: error: `big.yaml` is 52428800 bytes, over the limit of 33554432 bytes (raise it with --max-file-size)"),
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
            "tabs.yaml:3:2: SOP001 a tab indents this line; YAML indents with spaces only"
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
