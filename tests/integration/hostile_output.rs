//! Hostile use of what sopmap writes: `-o` naming a FIFO, a device, a
//! symbolic link, a read-only or foreign-owned file (the special file must
//! survive, nothing loosened); CSV cells that a spreadsheet would run as
//! formulas; control and bidi characters from the YAML reaching a terminal;
//! completions written into a full disk or a closed pipe.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::hostile::{SAMPLE, dir, run, sample, write};

/// Runs `sopmap table SAMPLE -o <target>` in `d`.
fn table_to(d: &Path, target: &str) -> crate::hostile::Run {
    write(d, SAMPLE, sample());
    run(d, &["table", SAMPLE, "-o", target])
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// `mknod` a character device copy (major, minor) at `path`; false (with a
/// visible skip) when that is not allowed here.
fn mknod(path: &Path, major: u32, minor: u32) -> bool {
    let ok = Command::new("mknod")
        .arg(path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("SOPMAP_REQUIRE_TOOLS").is_none(),
            "mknod failed: run as root (CI does)"
        );
        eprintln!("SKIP: mknod needs root");
    }
    ok
}

#[test]
fn output_into_a_fifo_writes_through_and_keeps_the_fifo() {
    let d = dir();
    let fifo = d.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let r = table_to(d.path(), "pipe");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let got = reader.join().unwrap();
    assert!(got.contains("permohonan") || got.len() > 200, "the reader got the table: {got}");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
}

#[test]
fn output_into_a_character_device_writes_through() {
    let d = dir();
    let null = d.path().join("null");
    if !mknod(&null, 1, 3) {
        return;
    }
    let r = table_to(d.path(), "null");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(std::fs::symlink_metadata(&null).unwrap().file_type().is_char_device());
}

#[test]
fn output_into_a_full_device_is_an_io_error_and_the_device_stays() {
    let d = dir();
    let full = d.path().join("full");
    if !mknod(&full, 1, 7) {
        return;
    }
    let r = table_to(d.path(), "full");
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains("`full`"), "names the target: {}", r.stderr);
    assert!(r.stderr.to_lowercase().contains("no space"), "says why: {}", r.stderr);
    assert!(std::fs::symlink_metadata(&full).unwrap().file_type().is_char_device());
}

#[test]
fn output_through_a_symlink_writes_the_file_it_points_to() {
    let d = dir();
    write(d.path(), "real.txt", "old");
    std::os::unix::fs::symlink("real.txt", d.path().join("link")).unwrap();
    let r = table_to(d.path(), "link");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let link = std::fs::symlink_metadata(d.path().join("link")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let real = std::fs::read_to_string(d.path().join("real.txt")).unwrap();
    assert!(real.len() > 200 && real != "old", "the target got the table");
    // A dangling link is followed too: its target is created.
    std::os::unix::fs::symlink("sub/new.txt", d.path().join("dangling")).unwrap();
    std::fs::create_dir(d.path().join("sub")).unwrap();
    let r = run(d.path(), &["table", SAMPLE, "-o", "dangling"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(std::fs::symlink_metadata(d.path().join("dangling")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(d.path().join("sub/new.txt")).unwrap().len() > 200);
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let d = dir();
    let p = write(d.path(), "locked.txt", "keep me");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let r = table_to(d.path(), "locked.txt");
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains("read-only"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "keep me");
    assert_eq!(std::fs::metadata(&p).unwrap().mode() & 0o777, 0o444);
}

#[test]
fn replacing_a_file_keeps_its_mode_owner_and_links() {
    let d = dir();
    let p = write(d.path(), "private.txt", "old");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = table_to(d.path(), "private.txt");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(std::fs::metadata(&p).unwrap().mode() & 0o777, 0o600, "mode not loosened");

    // Hard links keep sharing the content.
    let q = write(d.path(), "linked.txt", "old");
    std::fs::hard_link(&q, d.path().join("other-name.txt")).unwrap();
    let r = run(d.path(), &["table", SAMPLE, "-o", "linked.txt"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let other = std::fs::read_to_string(d.path().join("other-name.txt")).unwrap();
    assert!(other.len() > 200, "the other link sees the new content");

    if is_root() {
        // Another user's file keeps its owner and group.
        let o = write(d.path(), "theirs.txt", "old");
        std::os::unix::fs::chown(&o, Some(4321), Some(4321)).unwrap();
        let r = run(d.path(), &["table", SAMPLE, "-o", "theirs.txt"]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        let m = std::fs::metadata(&o).unwrap();
        assert_eq!((m.uid(), m.gid()), (4321, 4321), "owner and group kept");
        assert!(std::fs::read_to_string(&o).unwrap().len() > 200);
    }
}

#[test]
fn output_to_a_folder_is_one_clear_error() {
    let d = dir();
    let r = table_to(d.path(), ".");
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains("folder"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("`.`").count(), 1, "said once: {}", r.stderr);
}

#[test]
fn completions_into_a_full_disk_is_an_io_error_not_a_panic() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sopmap"))
        .env("SOPMAP_LANG", "en")
        .args(["completions", "bash"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.to_lowercase().contains("no space"), "{stderr}");
}

#[test]
fn completions_into_a_closed_pipe_is_silent() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sopmap"))
            .args(["completions", shell])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{shell}: {stderr}");
        assert!(stderr.is_empty(), "{shell}: silent on a closed pipe: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{shell}");
    }
}

/// Text that would recolour, clear or retitle a terminal, plant a link,
/// reverse the reading order, or start a line of its own.
const EVIL: &str = r"\e]8;;http://evil.example/\e\\klik\e]8;;\e\\ \e[2J\u202Eabc\u2066 \nsops/x.yaml:1:1: SOP001 palsu";

/// The sample with EVIL in the title, an activity and a `next:` target
/// (which makes a finding that quotes it).
fn evil_sample() -> String {
    let quoted = format!("\"{EVIL}\"");
    replace_line(&sample(), "  title: Pelayanan Permohonan", &format!("  title: {quoted}"))
        .replacen("next: serahkan_berkas", &format!("next: {quoted}"), 1)
        .replacen(
            "activity: Menyerahkan berkas fisik dokumen CPMI kepada petugas layanan",
            &format!("activity: {quoted}"),
            1,
        )
}

/// `text` with the first line starting with `prefix` replaced by `line`.
fn replace_line(text: &str, prefix: &str, line: &str) -> String {
    let mut done = false;
    let mut out: Vec<&str> = Vec::new();
    for l in text.lines() {
        if !done && l.starts_with(prefix) {
            done = true;
            out.push(line);
        } else {
            out.push(l);
        }
    }
    assert!(done, "no line starts with {prefix:?}");
    out.join("\n") + "\n"
}

/// No escape byte, C1 control or bidi override in `out`.
fn assert_terminal_safe(what: &str, out: &str) {
    for c in out.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: {:?} reaches the terminal:\n{out}", c);
    }
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let d = dir();
    let evil = evil_sample();
    write(d.path(), SAMPLE, &evil);
    write(d.path(), "old.yaml", sample());
    // The YAML parses and the evil text is in the model (sanity check).
    let r = run(d.path(), &["check", "--format", "json", SAMPLE]);
    assert!(r.stdout.contains("\\u001b"), "the value reaches the findings: {}", r.stdout);
    for format in ["concise", "github", "full"] {
        let r = run(d.path(), &["check", "--format", format, SAMPLE]);
        assert_eq!(r.status, 1, "{format}: {}", r.stderr);
        assert_terminal_safe(format, &r.stdout);
        assert_terminal_safe(format, &r.stderr);
        assert!(r.stdout.contains("<U+202E>"), "{format}: the override is shown: {}", r.stdout);
        if format != "full" {
            for line in r.stdout.lines() {
                let forged = line.starts_with("sops/x.yaml") || line.contains("file=sops/x.yaml");
                assert!(!forged, "{format}: a value forged a line: {line}");
            }
        }
    }
    for args in [
        &["list", SAMPLE][..],
        &["list", "--format", "md", SAMPLE],
        &["timing", SAMPLE],
        &["table", SAMPLE],
        &["checklist", SAMPLE],
        &["diff", "old.yaml", SAMPLE],
    ] {
        let r = run(d.path(), args);
        assert!(r.status <= 1, "{args:?}: {}", r.stderr);
        assert_terminal_safe(&format!("{args:?}"), &r.stdout);
        assert_terminal_safe(&format!("{args:?}"), &r.stderr);
        if args[0] == "diff" {
            assert!(
                !r.stdout.lines().any(|l| l.starts_with("sops/x.yaml")),
                "diff: a value forged a line:\n{}",
                r.stdout
            );
        }
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let d = dir();
    let text = replace_line(
        &sample(),
        "  title: Pelayanan Permohonan",
        "  title: '=HYPERLINK(\"http://evil.example\",\"klik\")'",
    );
    let text = replace_line(&text, "  unit: Balai", "  unit: \"+cmd|' /C calc'!A0\"");
    write(d.path(), "=1+2.yaml", &text);
    let r = run(d.path(), &["list", "--format", "csv", "=1+2.yaml"]);
    assert!(r.status <= 1, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula:\n{}",
                r.stdout
            );
        }
    }
    assert!(cells > 10, "{}", r.stdout);
    assert!(r.stdout.contains("'=HYPERLINK"), "the text is kept, neutralised: {}", r.stdout);
    assert!(r.stdout.contains("'=1+2.yaml"), "{}", r.stdout);
}

#[test]
fn a_graphviz_that_never_finishes_is_stopped_with_a_clear_message() {
    let d = dir();
    write(d.path(), SAMPLE, sample());
    let slow = write(d.path(), "lambat-dot", "#!/bin/sh\nexec sleep 600\n");
    std::fs::set_permissions(&slow, std::fs::Permissions::from_mode(0o755)).unwrap();
    let start = std::time::Instant::now();
    let r = run(
        d.path(),
        &[
            "graph",
            SAMPLE,
            "--format",
            "svg",
            "--graphviz",
            "./lambat-dot",
            "--graphviz-timeout",
            "1",
        ],
    );
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains("did not finish within 1 s"), "{}", r.stderr);
    assert!(start.elapsed().as_secs() < 30, "stopped promptly: {:?}", start.elapsed());
}
