//! The golden corpus in `tests/corpus/`: `ok/*.yaml` must be clean;
//! `lint/<rule>.yaml` and `parse/*.yaml` must give exactly the concise
//! findings in the `.out` file beside them (paths relative to
//! `tests/corpus`). `UPDATE_EXPECT=1 cargo test` rewrites the `.out` files;
//! read every line of the diff before committing it.
//!
//! A leading comment line `# sopmap-test: ARGS` adds ARGS to the
//! `sopmap check` command line (e.g. `--select cycle`).

use std::path::{Path, PathBuf};

use crate::harness::{Output, Test, golden, repo};

fn yaml_files(sub: &str) -> Vec<PathBuf> {
    let dir = repo("tests/corpus").join(sub);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", dir.display());
    files
}

/// Extra arguments from `# sopmap-test:` lines in the leading comments.
fn directives(text: &str) -> Vec<String> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("# sopmap-test:"))
        .flat_map(|rest| rest.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// Runs `sopmap check <rel> --format concise` with the file at its path
/// relative to `tests/corpus`, so the output names it that way.
fn run_case(path: &Path) -> (String, Output) {
    let rel = path.strip_prefix(repo("tests/corpus")).unwrap().to_string_lossy().replace('\\', "/");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.starts_with("# "),
        "{rel}: must start with a `#` comment saying what it exercises"
    );
    let mut args = vec!["check".to_string(), rel.clone(), "--format".into(), "concise".into()];
    args.extend(directives(&text));
    let out = Test::new().file(&rel, &text).args(args).run();
    (rel, out)
}

/// Whether a concise line is a warning (`path:l:c: CODE warning: …`).
fn is_warning(line: &str) -> bool {
    line.split_once(": SOP")
        .and_then(|(_, rest)| rest.split_once(' '))
        .is_some_and(|(_, msg)| msg.starts_with("warning: "))
}

fn check_golden(sub: &str) -> Vec<(String, String)> {
    let mut results = Vec::new();
    for path in yaml_files(sub) {
        let (rel, out) = run_case(&path);
        golden(&format!("{}", path.with_extension("out").display()), &out.stdout);
        let has_error = out.stdout.lines().any(|l| !is_warning(l));
        let want_status = i32::from(has_error);
        assert_eq!(out.status, want_status, "{rel}: exit status; stderr: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{rel}: expected findings");
        results.push((rel, out.stdout));
    }
    results
}

#[test]
fn ok_cases_are_clean() {
    for path in yaml_files("ok") {
        let (rel, out) = run_case(&path);
        let out2 = Test::new()
            .file(&rel, &std::fs::read_to_string(&path).unwrap())
            .args(["check", &rel, "--deny-warnings"])
            .run();
        assert_eq!(out.stdout, "", "{rel} is not clean");
        assert_eq!(out.status, 0, "{rel}: {}", out.stderr);
        assert_eq!(out2.status, 0, "{rel} has warnings: {}", out2.stdout);
    }
}

#[test]
fn lint_cases_match_their_out_files() {
    for (rel, stdout) in check_golden("lint") {
        let name = Path::new(&rel).file_stem().unwrap().to_string_lossy().to_string();
        let rule = sopmap::rule_id::find(&name)
            .unwrap_or_else(|| panic!("{rel}: lint cases are named after a rule"));
        assert!(
            stdout.lines().any(|l| l.contains(&format!(": {} ", rule.code))),
            "{rel}: no {} finding in\n{stdout}",
            rule.code
        );
    }
}

#[test]
fn parse_cases_match_their_out_files() {
    check_golden("parse");
}

/// The published SOPs transcribed in `tests/corpus/real/` (kept as
/// written, blanks and mistakes included): their findings are read and
/// kept in `.out` files; every line there must be a true finding.
#[test]
fn real_sops_match_their_out_files() {
    let results = check_golden("real");
    for (rel, stdout) in results {
        // Published time and date forms are read, not rejected.
        assert!(!stdout.contains(": SOP006 "), "{rel}: a time form was rejected:\n{stdout}");
        assert!(!stdout.contains(": SOP007 "), "{rel}: a date form was rejected:\n{stdout}");
    }
}

#[test]
fn every_rule_has_a_lint_case() {
    for rule in sopmap::rules::RULES {
        let p = repo("tests/corpus/lint").join(format!("{}.yaml", rule.name));
        // Cross-SOP rules need several files: tests/corpus/multi/<rule>/
        // (checked by the `links` tests).
        let multi = repo("tests/corpus/multi").join(rule.name);
        assert!(
            p.is_file() || multi.join("check.out").is_file(),
            "no corpus case for {} ({}): add {}",
            rule.name,
            rule.code,
            p.display()
        );
    }
}
