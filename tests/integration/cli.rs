//! The `sopmap` command line as a user meets it: exit codes, standard
//! input, folders, output formats, rule selection, `explain`, `rules`,
//! and colour.

use crate::harness::{Test, assert_text, repo};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(repo("tests/corpus").join(rel)).unwrap()
}

#[test]
fn exit_codes_are_0_clean_1_findings_2_errors() {
    let clean = Test::new()
        .env_lang("en")
        .file("a.yaml", &corpus("ok/minimal.yaml"))
        .args(["check", "a.yaml"])
        .run();
    assert_eq!((clean.status, clean.stdout.as_str()), (0, ""));
    assert_eq!(clean.stderr, "checked 1 file: no problems found\n");

    let bad = Test::new()
        .env_lang("en")
        .file("a.yaml", &corpus("lint/dead-end.yaml"))
        .args(["check", "a.yaml"])
        .run();
    assert_eq!(bad.status, 1);
    assert_eq!(bad.stderr, "found 1 error in 1 of 1 file\n");

    let usage = Test::new().env_lang("en").args(["check", "--format", "xml"]).run();
    assert_eq!(usage.status, 2);
    assert!(usage.stderr.contains("invalid value 'xml'"), "{}", usage.stderr);
}

#[test]
fn missing_file_is_exit_2_with_the_path() {
    let out = Test::new().env_lang("en").args(["check", "nope.yaml"]).run();
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.starts_with("sopmap: error: cannot read `nope.yaml`: "), "{}", out.stderr);
}

#[test]
fn stdin_with_a_display_name() {
    let out = Test::new()
        .env_lang("en")
        .stdin(&corpus("lint/dead-end.yaml"))
        .args(["check", "-", "--stdin-filename", "sops/baru.yaml"])
        .run();
    assert_eq!(out.status, 1);
    assert_text(
        &out.stdout,
        "sops/baru.yaml:49:9: SOP205 step `kirim_surat` is a dead end: it has no `next` and is not an end step\n",
    );
    let anon =
        Test::new().env_lang("en").stdin(&corpus("lint/dead-end.yaml")).args(["check", "-"]).run();
    assert!(anon.stdout.starts_with("<stdin>:49:9: SOP205 "), "{}", anon.stdout);
}

#[test]
fn folders_are_walked_recursively_in_a_stable_order() {
    let dead = corpus("lint/dead-end.yaml");
    let out = Test::new()
        .env_lang("en")
        .file("sop/z.yaml", &dead)
        .file("sop/b/inner.yml", &dead)
        .file("sop/a.yaml", &dead)
        .file("sop/notes.txt", "not a SOP")
        .file("sop/.hidden/x.yaml", "not: checked")
        // Three copies share one id; the walk order is the point here.
        .args(["check", "sop", "--ignore", "duplicate-sop-id"])
        .run();
    let paths: Vec<&str> = out.stdout.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["sop/a.yaml", "sop/b/inner.yml", "sop/z.yaml"]);
    assert_eq!(out.stderr, "found 3 errors in 3 of 3 files\n");
}

#[test]
fn a_folder_without_sops_is_an_error() {
    let out =
        Test::new().env_lang("en").file("empty/readme.txt", "x").args(["check", "empty"]).run();
    assert_eq!(out.status, 2);
    assert_eq!(out.stderr, "sopmap: error: no SOP files (*.yaml, *.yml) in `empty`\n");
}

#[test]
fn check_without_paths_uses_sops_or_explains() {
    let with = Test::new()
        .env_lang("en")
        .file("sops/a.yaml", &corpus("ok/minimal.yaml"))
        .args(["check"])
        .run();
    assert_eq!(with.status, 0, "{}", with.stderr);
    assert_eq!(with.stderr, "checked 1 file: no problems found\n");

    let without = Test::new().env_lang("en").args(["check"]).run();
    assert_eq!(without.status, 2);
    assert_eq!(
        without.stderr,
        "sopmap: error: no paths given and there is no `sops/` folder here; usage: sopmap check PATH…\n"
    );
}

#[test]
fn full_format_without_colour() {
    let out = Test::new()
        .env_lang("en")
        .file("d.yaml", &corpus("lint/date-order.yaml"))
        .args(["check", "d.yaml", "--format", "full", "--color", "never"])
        .run();
    assert_text(
        &out.stdout,
        "\
warning[SOP302]: `revised` (Tanggal Revisi) 2023-12-31 is before `created` 2024-03-01
  --> d.yaml:13:12
   |
12 |   created: 2024-03-01
   |            ---------- created here
13 |   revised: 2023-12-31
   |            ^^^^^^^^^^ date-order
   |
   = help: check the year, and that day and month are not swapped

warning[SOP302]: `effective` (Tanggal Efektif) 2024-01-03 is before `created` 2024-03-01
  --> d.yaml:14:14
   |
12 |   created: 2024-03-01
   |            ---------- created here
13 |   revised: 2023-12-31
14 |   effective: 2024-01-03
   |              ^^^^^^^^^^ date-order
   |
   = help: check the year, and that day and month are not swapped

",
    );
    assert_eq!(out.status, 0, "warnings alone do not fail");
}

#[test]
fn concise_is_the_default_when_piped_and_full_on_a_terminal() {
    let piped = Test::new()
        .env_lang("en")
        .file("d.yaml", &corpus("lint/dead-end.yaml"))
        .args(["check", "d.yaml"])
        .run();
    assert!(piped.stdout.starts_with("d.yaml:49:9: SOP205 "), "{}", piped.stdout);
    let tty = Test::new()
        .env_lang("en")
        .tty()
        .no_color()
        .file("d.yaml", &corpus("lint/dead-end.yaml"))
        .args(["check", "d.yaml"])
        .run();
    assert!(tty.stdout.starts_with("error[SOP205]: "), "{}", tty.stdout);
}

#[test]
fn json_has_the_documented_fields() {
    let out = Test::new()
        .env_lang("en")
        .file("d.yaml", &corpus("lint/date-order.yaml"))
        .file("e.yaml", &corpus("lint/unknown-actor.yaml"))
        .args(["check", "d.yaml", "e.yaml", "--format", "json"])
        .run();
    assert_eq!(out.status, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 5);
    let first = &items[0];
    assert_eq!(first["path"], "d.yaml");
    assert_eq!(first["line"], 13);
    assert_eq!(first["column"], 12);
    assert_eq!(first["end"]["line"], 13);
    assert_eq!(first["end"]["column"], 22);
    assert_eq!(first["code"], "SOP302");
    assert_eq!(first["name"], "date-order");
    assert_eq!(first["severity"], "warning");
    assert_eq!(
        first["message"],
        "`revised` (Tanggal Revisi) 2023-12-31 is before `created` 2024-03-01"
    );
    assert_eq!(first["help"], "check the year, and that day and month are not swapped");
    assert_eq!(first["labels"][0]["line"], 12);
    assert_eq!(first["labels"][0]["message"], "created here");
    let actor = &items[2];
    assert_eq!(actor["path"], "e.yaml");
    assert_eq!(actor["code"], "SOP102");
    assert_eq!(actor["severity"], "error");
    assert_eq!((actor["line"].as_u64(), actor["column"].as_u64()), (Some(35), Some(12)));
    assert_eq!(actor["help"], "did you mean `seksi_pelindungan`?");
    for item in items {
        for key in [
            "path", "line", "column", "end", "code", "name", "severity", "message", "help",
            "labels",
        ] {
            assert!(item.get(key).is_some(), "missing `{key}` in {item}");
        }
    }
}

#[test]
fn json_columns_count_characters_not_bytes() {
    let yaml = corpus("ok/minimal.yaml").replace(
        "{id: terima, kind: start, actor: petugas, activity: Menerima berkas,",
        "{id: terima, kind: start, activity: Menerima “berkas” é, actor: petugaz,",
    );
    let line = yaml.lines().find(|l| l.contains("petugaz")).unwrap();
    let col = line.find("petugaz").map(|b| line[..b].chars().count() + 1).unwrap();
    assert_ne!(col, line.find("petugaz").unwrap() + 1, "the line must have multi-byte text first");
    let out = Test::new()
        .env_lang("en")
        .file("u.yaml", &yaml)
        .args(["check", "u.yaml", "--format", "json"])
        .run();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d = v.as_array().unwrap().iter().find(|d| d["code"] == "SOP102").unwrap();
    assert_eq!(d["column"], col);
    assert_eq!(d["column"], 69);
    assert_eq!(d["end"]["column"], 76);
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    let t = || Test::new().env_lang("en").file("u.yaml", &corpus("lint/unused-actor.yaml"));
    assert_eq!(t().args(["check", "u.yaml"]).run().status, 0);
    let denied = t().args(["check", "u.yaml", "--deny-warnings"]).run();
    assert_eq!(denied.status, 1);
    assert_eq!(denied.stderr, "found 1 warning in 1 of 1 file\n");
}

#[test]
fn select_enables_cycle_and_ignore_disables_rules() {
    let t = || Test::new().env_lang("en").file("r.yaml", &corpus("ok/rework-loop.yaml"));
    assert_eq!(t().args(["check", "r.yaml"]).run().stdout, "");
    let cyc = t().args(["check", "r.yaml", "--select", "cycle"]).run();
    assert_eq!(cyc.stdout, "r.yaml:39:9: SOP209 loop periksa -> kembalikan -> periksa\n");
    assert_eq!(cyc.status, 1);
    let by_code = t().args(["check", "r.yaml", "--select", "SOP209"]).run();
    assert_eq!(by_code.stdout, cyc.stdout);

    let d = || Test::new().env_lang("en").file("d.yaml", &corpus("lint/dead-end.yaml"));
    let ignored = d().args(["check", "d.yaml", "--ignore", "dead-end"]).run();
    assert_eq!((ignored.status, ignored.stdout.as_str()), (0, ""));
    let ignored = d().args(["check", "d.yaml", "--ignore", "sop205,unused-actor"]).run();
    assert_eq!(ignored.status, 0);
}

#[test]
fn unknown_rule_name_is_exit_2_with_a_suggestion() {
    let out = Test::new()
        .env_lang("en")
        .file("d.yaml", "x: 1")
        .args(["check", "d.yaml", "--ignore", "dead-ends"])
        .run();
    assert_eq!(out.status, 2);
    assert_eq!(out.stderr, "sopmap: error: unknown rule `dead-ends`; did you mean `dead-end`?\n");
    let explain = Test::new().env_lang("en").args(["explain", "SOP2O5"]).run();
    assert_eq!(explain.status, 2);
    assert_eq!(explain.stderr, "sopmap: error: unknown rule `SOP2O5`; did you mean `SOP205`?\n");
}

#[test]
fn explain_by_code_and_by_name() {
    let by_code = Test::new().env_lang("en").args(["explain", "SOP204"]).run();
    assert_eq!(by_code.status, 0);
    let rule = sopmap::rule_id::find("unreachable-step").unwrap();
    assert_text(
        &by_code.stdout,
        &format!(
            "# unreachable-step (SOP204)\n\nDefault level: error.\n\n{}\n",
            rule.explanation.en
        ),
    );
    assert!(by_code.stdout.contains("## Why is this bad?"));
    let by_name = Test::new().env_lang("en").args(["explain", "dead-end"]).run();
    assert!(
        by_name
            .stdout
            .starts_with("# dead-end (SOP205)\n\nDefault level: error.\n\n## What it does\n")
    );
    let lower = Test::new().env_lang("en").args(["explain", "sop205"]).run();
    assert_eq!(lower.stdout, by_name.stdout);
}

/// `rules` and `explain` speak Indonesian by default: the explanation,
/// the level line, the table's header and an unknown rule.
#[test]
fn rules_and_explain_in_indonesian_by_default() {
    let rule = sopmap::rule_id::find("unreachable-step").unwrap();
    let out = Test::new().args(["explain", "SOP204"]).run();
    assert_eq!(out.status, 0);
    assert_text(
        &out.stdout,
        &format!(
            "# unreachable-step (SOP204)\n\nTingkat bawaan: error.\n\n{}\n",
            rule.explanation.id
        ),
    );
    assert!(out.stdout.contains("## Mengapa ini masalah?"));
    let table = Test::new().args(["rules"]).run();
    assert!(table.stdout.contains("Ringkasan"), "{}", table.stdout);
    assert!(table.stdout.contains("langkah yang tidak dicapai jalur mana pun"), "{}", table.stdout);
    let json = Test::new().args(["rules", "--format", "json"]).run();
    assert!(json.stdout.contains("\"summary\": \"tidak ada langkah dengan `kind: start`\""));
    let unknown = Test::new().args(["explain", "dead-ends"]).run();
    assert_eq!(unknown.status, 2);
    assert!(
        unknown
            .stderr
            .contains("aturan `dead-ends` tidak dikenal; mungkin maksud Anda `dead-end`?")
    );
}

#[test]
fn rules_table_lists_every_rule() {
    let out = Test::new().env_lang("en").args(["rules"]).run();
    assert_eq!(out.status, 0);
    for rule in sopmap::rules::RULES {
        let row = out
            .stdout
            .lines()
            .find(|l| l.contains(&format!(" {} ", rule.code)))
            .unwrap_or_else(|| panic!("no row for {}", rule.code));
        assert!(row.contains(rule.name), "{row}");
        assert!(row.contains(rule.default_level.as_str()), "{row}");
    }
    assert!(out.stdout.contains("│ SOP209 ┆ cycle "), "{}", out.stdout);
    let json = Test::new().env_lang("en").args(["rules", "--format", "json"]).run();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), sopmap::rules::RULES.len());
    assert_eq!(v[0]["code"], "SOP001");
}

#[test]
fn colour_follows_terminal_no_color_and_the_flag() {
    let run = |t: Test| t.file("d.yaml", &corpus("lint/dead-end.yaml")).run().stdout;
    let esc = |s: &str| s.contains('\u{1b}');
    assert!(
        esc(&run(Test::new().env_lang("en").tty().args(["check", "d.yaml"]))),
        "colour on a terminal"
    );
    assert!(
        !esc(&run(Test::new().env_lang("en").tty().no_color().args(["check", "d.yaml"]))),
        "NO_COLOR"
    );
    assert!(
        !esc(&run(Test::new().env_lang("en").args(["check", "d.yaml", "--format", "full"]))),
        "piped"
    );
    assert!(esc(&run(Test::new()
        .env_lang("en")
        .args(["check", "d.yaml", "--format", "full", "--color", "always"]))));
    assert!(!esc(&run(Test::new()
        .env_lang("en")
        .tty()
        .args(["check", "d.yaml", "--color", "never"]))));
    assert!(
        !esc(&run(Test::new()
            .env_lang("en")
            .tty()
            .args(["check", "d.yaml", "--format", "concise"]))),
        "concise is plain"
    );
}

/// `sopmap … | head` closes the pipe early: by Unix convention that is
/// not an error, in every output format (the real binary, a real pipe).
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    // Enough findings that the output overflows any pipe buffer.
    let yaml = std::fs::read_to_string(repo("sops/permohonan-opp-p2p-mikro.yaml")).unwrap();
    let mut extra = String::new();
    for i in 0..400 {
        extra.push_str(&format!("  - {{id: s{i}, kind: process, actor: nobody, activity: X, time: 5 menit, next: zz{i}}}\n"));
    }
    let file = dir.path().join("big.yaml");
    std::fs::write(&file, yaml + &extra).unwrap();
    let big = file.to_str().unwrap();
    for args in [
        vec!["check", "--format", "json", big],
        vec!["check", "--format", "sarif", big],
        vec!["schema"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sopmap"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed at once: `schema` is small enough to fit a pipe buffer.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}

#[test]
fn rule_lists_allow_spaces_and_a_trailing_comma() {
    let sop = repo("sops/permohonan-opp-p2p-mikro.yaml");
    let out = Test::new()
        .env_lang("en")
        .args(["check".into(), sop.into_os_string(), "--select".into(), "cycle, dead-end,".into()])
        .run();
    assert_eq!(
        out.stderr.lines().last().map(|l| l.starts_with("sopmap: error")),
        Some(false),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("SOP209"), "{}", out.stdout);
}
