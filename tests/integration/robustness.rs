//! Inputs that must never panic: each gets a clear, positioned message and
//! exit status 1 (findings) or 2 (unreadable input).

use crate::harness::{Output, Test};

fn header() -> String {
    std::fs::read_to_string(crate::harness::repo("tests/corpus/ok/minimal.yaml")).unwrap()
}

fn check_bytes(name: &str, bytes: &[u8]) -> Output {
    let t = Test::new().env_lang("en");
    std::fs::write(t.path().join(name), bytes).unwrap();
    // The parser's own words are checked in English.
    t.args(["check", name]).env_lang("en").run()
}

#[test]
fn empty_file() {
    let out = check_bytes("kosong.yaml", b"");
    assert_eq!(out.status, 1);
    assert_eq!(
        out.stdout,
        "kosong.yaml:1:1: SOP004 the file is empty; a SOP starts with `schema: sop-ap/1`\n"
    );
    let blank = check_bytes("kosong.yaml", b"\n\n   \n");
    assert_eq!(blank.status, 1);
    assert!(
        blank.stdout.starts_with("kosong.yaml:1:1: SOP004 the file is empty"),
        "{}",
        blank.stdout
    );
}

#[test]
fn binary_data_that_is_not_utf8() {
    let bytes: Vec<u8> = (0u8..=255).cycle().skip(7).take(4096).collect();
    let out = check_bytes("biner.yaml", &bytes);
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with(
            "sopmap: error: cannot read `biner.yaml`: invalid UTF-8 at line 2, column 118 (byte 121)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("\nchecked 0 files: no problems found; 1 file could not be read\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn binary_data_that_is_valid_utf8() {
    let out = check_bytes("kontrol.yaml", b"\x00\x01\x02\x1b[31m: \x07\n");
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout, "kontrol.yaml:1:1: SOP001 unexpected character: `\\u{0}'\n");
}

#[test]
fn steps_is_a_number() {
    let yaml = header().split("steps:").next().unwrap().to_string() + "steps: 5\n";
    let line = yaml.lines().count();
    let out = Test::new().env_lang("en").file("s.yaml", &yaml).args(["check", "s.yaml"]).run();
    assert_eq!(out.status, 1);
    assert_eq!(
        out.stdout,
        format!("s.yaml:{line}:8: SOP003 `steps` must be a list, found an integer\n")
    );
}

#[test]
fn steps_is_a_list_of_numbers() {
    let yaml = header().split("steps:").next().unwrap().to_string() + "steps: [1, 2]\n";
    let line = yaml.lines().count();
    let out = Test::new().env_lang("en").file("s.yaml", &yaml).args(["check", "s.yaml"]).run();
    assert_eq!(out.status, 1);
    assert_eq!(
        out.stdout,
        format!(
            "s.yaml:{line}:9: SOP003 a step must be a mapping of keys, found an integer\n\
             s.yaml:{line}:12: SOP003 a step must be a mapping of keys, found an integer\n"
        )
    );
}

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn ten_megabytes_of_text_in_one_value() {
    let payload = "Catatan panjang. ".repeat(TEN_MB / 17 + 1);
    let yaml = header().replace(
        "activity: Mengarsipkan berkas,",
        &format!("activity: Mengarsipkan berkas, notes: \"{payload}\","),
    );
    assert!(yaml.len() > TEN_MB);
    let out =
        Test::new().env_lang("en").file("besar.yaml", &yaml).args(["check", "besar.yaml"]).run();
    assert_eq!((out.status, out.stdout.as_str()), (0, ""), "{}", out.stderr);
}

#[test]
fn ten_megabytes_with_a_syntax_error_near_the_start() {
    let mut yaml = header().replace("next: arsip}", "next: arsip");
    let line = yaml.lines().position(|l| l.contains("next: arsip")).unwrap() + 1;
    while yaml.len() < TEN_MB {
        yaml.push_str(
            "# komentar pengisi untuk membuat berkas ini sangat besar, tanpa makna apa pun\n",
        );
    }
    let out =
        Test::new().file("besar.yaml", &yaml).args(["check", "--lang", "en", "besar.yaml"]).run();
    assert_eq!(out.status, 1);
    // The parser stops at the next step's `{`; the finding points at the
    // `{` that is never closed.
    let col = yaml.lines().nth(line - 1).unwrap().find('{').unwrap() + 1;
    assert_eq!(
        out.stdout,
        format!(
            "besar.yaml:{line}:{col}: SOP001 the bracket `{{` opens here but is never closed\n"
        )
    );
}

#[test]
fn ten_megabytes_of_steps_in_one_long_chain() {
    // About 2 MB of steps (a 12,000-step chain) padded to 10 MB: the flow
    // rules walk the whole chain; the padding keeps a debug-build test fast.
    let mut yaml = header().split("steps:").next().unwrap().to_string() + "steps:\n";
    let n = 12_000;
    for i in 0..n {
        let kind = if i == 0 { "start" } else { "process" };
        yaml.push_str(&format!(
            "  - {{id: s{i}, kind: {kind}, actor: petugas, activity: A, time: 5 menit, next: s{}}}\n",
            i + 1
        ));
    }
    yaml.push_str(&format!(
        "  - {{id: s{n}, kind: end, actor: kasi, activity: B, time: 5 menit}}\n"
    ));
    // One planted mistake far down the file, positioned exactly.
    yaml = yaml.replace(
        "{id: s9000, kind: process, actor: petugas,",
        "{id: s9000, kind: process, actor: petugaz,",
    );
    let line = yaml.lines().position(|l| l.starts_with("  - {id: s9000,")).unwrap() + 1;
    while yaml.len() < TEN_MB {
        yaml.push_str(
            "# komentar pengisi untuk membuat berkas ini sangat besar, tanpa makna apa pun\n",
        );
    }
    let out =
        Test::new().env_lang("en").file("rantai.yaml", &yaml).args(["check", "rantai.yaml"]).run();
    assert_eq!(out.status, 1);
    assert!(out.stdout.len() < 1000, "one finding expected, got {} bytes", out.stdout.len());
    assert_eq!(
        out.stdout,
        format!(
            "rantai.yaml:{line}:39: SOP102 unknown actor `petugaz` in `actor` of step `s9000`\n"
        )
    );
}

/// Deterministic mutations (byte flips, deletions, duplications, cuts) of
/// every corpus file: the checker must return findings, never panic.
/// `SOPMAP_MUTATIONS=N` runs more of them locally.
#[test]
fn mutated_corpus_files_never_panic() {
    let per_file: usize =
        std::env::var("SOPMAP_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for sub in ["tests/corpus/ok", "tests/corpus/lint", "tests/corpus/parse", "sops", "examples"] {
        for e in std::fs::read_dir(crate::harness::repo(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "yaml") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    const PIECES: &[&[u8]] = &[
        b":",
        b"-",
        b" ",
        b"\n",
        b"\t",
        b"[",
        b"]",
        b"{",
        b"}",
        b"&a",
        b"*a",
        b"!!",
        b"\"",
        b"'",
        b"#",
        b"---\n",
        b"? ",
        b"|",
        b">",
        b"%",
        b"\xc3\xa9",
    ];
    for path in &files {
        let original = std::fs::read(path).unwrap();
        for _ in 0..per_file {
            let mut bytes = original.clone();
            for _ in 0..1 + rand(4) {
                let at = rand(bytes.len() + 1);
                match rand(4) {
                    0 => {
                        let piece = PIECES[rand(PIECES.len())];
                        bytes.splice(at..at, piece.iter().copied());
                    }
                    1 => {
                        let end = (at + rand(40)).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    2 => {
                        let end = (at + rand(200)).min(bytes.len());
                        let chunk: Vec<u8> = bytes[at..end].to_vec();
                        bytes.splice(at..at, chunk);
                    }
                    _ => bytes.truncate(at),
                }
            }
            let Ok(text) = String::from_utf8(bytes) else { continue };
            let src = sopmap::source::SourceFile::new("m.yaml", text.clone());
            let result = std::panic::catch_unwind(|| {
                sopmap::check::check_file(&src, 0, &sopmap::check::Settings::default())
            });
            assert!(result.is_ok(), "panic on a mutation of {}:\n{text}", path.display());
        }
    }
}
