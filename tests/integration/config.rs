//! `sopmap.yaml`, inline suppression and exit codes from the command line:
//! precedence defaults < config < per-path overrides < flags, discovery in
//! parent folders, positioned config errors (exit 2), `--max-warnings`.

use crate::harness::Test;

const INPUT: &str = "tests/golden/formats/contoh.yaml";

/// The codes reported, in report order, one per line.
fn codes(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            let mut parts = l.splitn(3, ": ");
            let _path = parts.next();
            let rest = parts.next().unwrap_or("");
            let code = rest.split(' ').next().unwrap_or("");
            let warn = l.contains(" warning: ");
            format!("{code}{}", if warn { " (warning)" } else { "" })
        })
        .collect()
}

fn concise(t: Test) -> crate::harness::Output {
    t.copy(INPUT, "sops/contoh.yaml").copy(INPUT, "sops/draft/konsep.yaml").run()
}

#[test]
fn without_config_the_defaults_apply() {
    let out = concise(Test::new().env_lang("en").args(["check", "sops/contoh.yaml"]));
    assert_eq!(
        codes(&out.stdout),
        ["SOP104 (warning)", "SOP101", "SOP103", "SOP301 (warning)", "SOP102"]
    );
    assert_eq!(out.status, 1);
}

#[test]
fn config_levels_then_overrides_then_flags() {
    let config = "rules:\n  unused-actor: error\n  SOP204: warning\n  missing-time: off\n\
                  overrides:\n  - files: [\"sops/draft/**\"]\n    rules: {unreachable-step: off, SOP101: warning}\n";
    // Config levels: unused-actor now an error, unreachable-step a warning,
    // missing-time off.
    let out = concise(
        Test::new().env_lang("en").file("sopmap.yaml", config).args(["check", "sops/contoh.yaml"]),
    );
    assert_eq!(codes(&out.stdout), ["SOP104", "SOP101", "SOP103", "SOP102"]);
    // The override applies below sops/draft/ only.
    let out = concise(
        Test::new()
            .env_lang("en")
            .file("sopmap.yaml", config)
            .args(["check", "sops/draft/konsep.yaml"]),
    );
    assert_eq!(codes(&out.stdout), ["SOP104", "SOP101 (warning)", "SOP103", "SOP102"]);
    // Flags win over both: --select turns missing-time back on (at its
    // default level), --ignore silences a rule the override set.
    let out = concise(Test::new().env_lang("en").file("sopmap.yaml", config).args([
        "check",
        "sops/draft/konsep.yaml",
        "--select",
        "missing-time",
        "--ignore",
        "SOP101,unused-actor",
    ]));
    assert_eq!(codes(&out.stdout), ["SOP103", "SOP301 (warning)", "SOP102"]);
    // --no-config ignores the file.
    let out = concise(Test::new().env_lang("en").file("sopmap.yaml", config).args([
        "check",
        "--no-config",
        "sops/contoh.yaml",
    ]));
    assert_eq!(codes(&out.stdout).len(), 5);
}

#[test]
fn config_is_found_in_a_parent_folder_and_globs_are_relative_to_it() {
    let t = Test::new()
        .env_lang("en")
        .file("sopmap.yaml", "exclude: [\"sops/draft\"]\nrules: {SOP103: off}\n")
        .copy(INPUT, "sops/contoh.yaml")
        .copy(INPUT, "sops/draft/konsep.yaml")
        .file("sops/.keep", "");
    let sops = t.path().join("sops");
    // Run from inside sops/: the config one level up still applies, and
    // the excluded folder is skipped.
    let out = t.args(["check".into(), sops.clone().into_os_string()]).run();
    assert_eq!(out.stderr.lines().last(), Some("found 2 errors and 2 warnings in 1 of 1 file"));
    assert!(!out.stdout.contains("SOP103"), "{}", out.stdout);
    assert!(!out.stdout.contains("draft"), "{}", out.stdout);
}

#[test]
fn exclude_holds_for_paths_with_dot_dot() {
    let t = Test::new()
        .env_lang("en")
        .file("sopmap.yaml", "exclude: [\"sops/arsip\"]\n")
        .copy(INPUT, "sops/arsip/lama.yaml")
        .file("sops/draft/.keep", "");
    let out = t.args(["check", "sops/draft/../arsip/lama.yaml", "./sops/arsip/lama.yaml"]).run();
    assert_eq!(out.stderr.lines().last(), Some("checked 0 files: no problems found"));
    assert_eq!(out.status, 0);
}

#[test]
fn explicit_config_file() {
    let out =
        concise(
            Test::new()
                .env_lang("en")
                .file("ci/strict.yaml", "rules: {unused-actor: off}\n")
                .args(["check", "--config", "ci/strict.yaml", "sops/contoh.yaml"]),
        );
    assert!(!out.stdout.contains("SOP104"), "{}", out.stdout);
    let out = Test::new().env_lang("en").args(["check", "--config", "nope.yaml", "x.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.starts_with("sopmap: error: cannot read configuration `nope.yaml`"),
        "{}",
        out.stderr
    );
}

#[test]
fn config_errors_are_positioned_and_exit_2() {
    let out = concise(
        Test::new()
            .env_lang("en")
            .file("sopmap.yaml", "rules:\n  dead-edn: warning\n  SOP205: fatal\nexclud: []\n")
            .args(["check", "sops/contoh.yaml"]),
    );
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "sopmap: error: sopmap.yaml:4:1: unknown key `exclud` in the configuration\n  help: did you mean `exclude`?\n\
         sopmap: error: sopmap.yaml:2:3: unknown rule `dead-edn`\n  help: did you mean `dead-end`?\n\
         sopmap: error: sopmap.yaml:3:11: `fatal` is not a level; expected `error`, `warning` or `off`\n"
    );
}

#[test]
fn max_warnings_sets_the_exit_code() {
    // Two warnings and no errors once the errors are ignored.
    let base = ["check", "sops/contoh.yaml", "--ignore", "SOP101,SOP102,SOP103,SOP204"];
    let run = |extra: &[&str]| {
        Test::new()
            .env_lang("en")
            .copy(INPUT, "sops/contoh.yaml")
            .args(base)
            .args(extra.iter().copied())
            .run()
    };
    assert_eq!(run(&[]).status, 0);
    assert_eq!(run(&["--max-warnings", "2"]).status, 0);
    let over = run(&["--max-warnings", "1"]);
    assert_eq!(over.status, 1);
    assert_eq!(
        over.stderr,
        "found 2 warnings in 1 of 1 file\ntoo many warnings: 2 (--max-warnings 1)\n"
    );
    assert_eq!(run(&["--max-warnings", "0", "-q"]).status, 1);
    assert_eq!(run(&["--max-warnings", "0", "-q"]).stderr, "");
    assert_eq!(run(&["--deny-warnings"]).status, 1);
}

#[test]
fn suppression_comments_from_the_command_line() {
    let text = std::fs::read_to_string(crate::harness::repo(INPUT)).unwrap();
    // Above the line (own-line comment) and on the line (trailing comment).
    let text = text
        .replace("  - id: kepala\n", "  # sopmap: ignore[unused-actor]\n  - id: kepala\n")
        .replace(
            "    next: periksaa\n",
            "    next: periksaa  # sopmap: ignore[SOP101, dead-end]\n",
        );
    let out = Test::new()
        .env_lang("en")
        .file("sops/contoh.yaml", &text)
        .args(["check", "sops/contoh.yaml"])
        .run();
    assert_eq!(
        out.stdout,
        "sops/contoh.yaml:31:46: SOP901 warning: unused suppression: no `dead-end` finding on line 31\n\
         sops/contoh.yaml:38:9: SOP103 duplicate step id `periksa`\n\
         sops/contoh.yaml:38:9: SOP301 warning: step `periksa` has no `time` (Mutu Baku: Waktu)\n\
         sops/contoh.yaml:44:12: SOP102 unknown actor `pettugas` in `actor` of step `selesai`\n"
    );
    // Switching unused-suppression off in the config hides the report.
    let out = Test::new()
        .env_lang("en")
        .file("sops/contoh.yaml", &text)
        .file("sopmap.yaml", "rules: {unused-suppression: off}\n")
        .args(["check", "sops/contoh.yaml"])
        .run();
    assert!(!out.stdout.contains("SOP901"), "{}", out.stdout);
}

#[test]
fn suppression_silences_one_rule_among_several_on_the_same_value() {
    // Line 37 (`- id: periksa`, the duplicate) has two findings at one
    // place: duplicate-id and missing-time.
    let text = std::fs::read_to_string(crate::harness::repo(INPUT)).unwrap();
    let marked = text.replacen(
        "  - id: periksa\n    kind: end\n",
        "  - id: periksa  # sopmap: ignore[missing-time]\n    kind: end\n",
        1,
    );
    assert_ne!(marked, text);
    let out = Test::new()
        .env_lang("en")
        .file("sops/contoh.yaml", &marked)
        .args(["check", "sops/contoh.yaml"])
        .run();
    assert_eq!(codes(&out.stdout), ["SOP104 (warning)", "SOP101", "SOP103", "SOP102"]);
}
