//! Every output format of `sopmap check`, golden-tested on one SOP with
//! six findings of different kinds (errors, warnings, a label, help lines),
//! plus the SARIF log checked against the SARIF 2.1.0 JSON schema and by
//! Microsoft's SARIF validator.
//!
//! Golden files live in `tests/golden/formats/`; `UPDATE_EXPECT=1 cargo test
//! formats` rewrites them (then read the diff before committing).

use std::process::Command;

use crate::harness::{Test, repo, tool_available};

const INPUT: &str = "tests/golden/formats/contoh.yaml";

fn check(format: &str) -> crate::harness::Output {
    Test::new()
        .env_lang("en")
        .copy(INPUT, "sops/contoh.yaml")
        .args(["check", "--no-config", "sops/contoh.yaml", "--format", format])
        .run()
}

#[track_caller]
fn golden(name: &str, got: &str) {
    crate::harness::golden(&format!("tests/golden/formats/{name}"), got);
}

#[test]
fn every_format_matches_its_golden_file() {
    for (format, file) in [
        ("full", "full.out"),
        ("concise", "concise.out"),
        ("json", "json.out"),
        ("sarif", "sarif.out"),
        ("github", "github.out"),
    ] {
        let out = check(format);
        assert_eq!(out.status, 1, "{format}: {}", out.stderr);
        assert_eq!(out.stderr, "found 3 errors and 2 warnings in 1 of 1 file\n", "{format}");
        golden(file, &out.stdout);
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["sarif", "github", "json"] {
        assert_eq!(check(format).stdout, check(format).stdout, "{format}");
    }
}

fn sarif_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo("tests/schemas/sarif-2.1.0.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid_sarif(text: &str) {
    let log: serde_json::Value = serde_json::from_str(text).unwrap();
    let validator = sarif_schema();
    let errors: Vec<String> =
        validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_matches_the_sarif_2_1_0_schema() {
    assert_valid_sarif(&check("sarif").stdout);
    let clean = Test::new()
        .env_lang("en")
        .args([
            "check".into(),
            "--no-config".into(),
            "--format".into(),
            "sarif".into(),
            repo("sops").into_os_string(),
        ])
        .run();
    assert_eq!(clean.status, 0, "{}", clean.stderr);
    assert_valid_sarif(&clean.stdout);
}

#[test]
fn sarif_lists_every_rule_and_indexes_results_into_them() {
    let log: serde_json::Value = serde_json::from_str(&check("sarif").stdout).unwrap();
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), sopmap::rules::RULES.len());
    for r in rules {
        for field in ["id", "name"] {
            assert!(r[field].as_str().is_some_and(|s| !s.is_empty()), "{r}");
        }
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(r[field]["text"].as_str().is_some_and(|s| !s.is_empty()), "{field} {r}");
        }
        assert!(r["help"]["markdown"].as_str().is_some_and(|s| s.contains("## What it does")));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    for res in results {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], res["ruleId"]);
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "sops/contoh.yaml");
    }
    // duplicate-id points at the second `periksa` and labels the first.
    let dup = results.iter().find(|r| r["ruleId"] == "SOP103").unwrap();
    let region = &dup["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(37), Some(9)));
    // `periksa` is 7 characters: endColumn is the column after it.
    assert_eq!(region["endColumn"].as_u64(), Some(16));
    let related = &dup["relatedLocations"][0]["physicalLocation"]["region"];
    assert_eq!(related["startLine"].as_u64(), Some(31));
}

/// Microsoft's validator exits 0 even when it finds errors, so the test
/// reads its output: any `error` line fails.
#[test]
fn sarif_passes_microsofts_validator() {
    let tool = repo("tools/sarif/node_modules/.bin/sarif-multitool");
    if !tool_available(
        "sarif-multitool (npm ci --prefix tools/sarif)",
        Command::new(&tool).arg("--version"),
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("findings.sarif", check("sarif").stdout),
        (
            "clean.sarif",
            Test::new()
                .env_lang("en")
                .args([
                    "check".into(),
                    "--no-config".into(),
                    "-f".into(),
                    "sarif".into(),
                    repo("sops").into_os_string(),
                ])
                .run()
                .stdout,
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = Command::new(&tool).arg("validate").arg(&path).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let errors: Vec<&str> = stdout.lines().filter(|l| l.contains(": error ")).collect();
        assert!(errors.is_empty(), "{name}:\n{stdout}");
        assert!(stdout.contains("Analysis completed successfully"), "{name}:\n{stdout}");
    }
}

#[test]
fn github_commands_escape_properties_and_data() {
    let out = Test::new()
        .env_lang("en")
        .copy(INPUT, "sops/tahap:1,a%.yaml")
        .args(["check", "--no-config", "sops/tahap:1,a%.yaml", "--format", "github"])
        .run();
    let first = out.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "::warning file=sops/tahap%3A1%2Ca%25.yaml,line=22,endLine=22,col=9,endColumn=15,\
         title=SOP104 unused-actor::actor `kepala` is declared but no step uses it\
         %0Ahelp: remove it, or name it in a step's `actor`, `alternate` or `with`"
    );
    assert_eq!(out.stdout.lines().count(), 5);
    assert_eq!(out.stderr, "found 3 errors and 2 warnings in 1 of 1 file\n");
}
