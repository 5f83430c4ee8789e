//! Follow-on findings grouped under their cause: one loop without exit
//! (SOP206) that leaves 17 steps unreachable (SOP204) is one cause with 17
//! follow-ons in every format and in both languages, and the summary
//! counts the cause: `1 kesalahan (17 turunan)` / `1 error (17 follow-on)`.
//! A cause that is suppressed leaves its follow-ons on their own.

use serde_json::Value;

use crate::harness::{Test, golden};

const TRAP: &str = "tests/data/follow-ons/trap.yaml";

fn run(format: &str, lang: &str) -> crate::harness::Output {
    Test::new()
        .copy(TRAP, "trap.yaml")
        .args(["check", "trap.yaml", "--format", format, "--lang", lang])
        .run()
}

#[test]
fn follow_ons_are_grouped_under_their_cause_in_every_format() {
    for lang in ["id", "en"] {
        for format in ["full", "concise", "json", "sarif", "github"] {
            let out = run(format, lang);
            assert_eq!(out.status, 1, "{format} {lang}: {}", out.stderr);
            let ext = match format {
                "json" | "sarif" => "json",
                _ => "txt",
            };
            golden(
                &format!("tests/golden/follow-ons/trap.{lang}.{format}.{ext}"),
                &format!("{}{}", out.stdout, out.stderr),
            );
        }
    }
}

#[test]
fn the_summary_counts_causes() {
    let id = run("concise", "id");
    assert!(
        id.stderr.contains("ditemukan 2 kesalahan (17 turunan) dalam 1 dari 1 berkas"),
        "{}",
        id.stderr
    );
    let en = run("concise", "en");
    assert!(en.stderr.contains("found 2 errors (17 follow-on) in 1 of 1 file"), "{}", en.stderr);
    // One line per cause: the SOP206 and the (independent) SOP207.
    assert_eq!(en.stdout.lines().count(), 2, "{}", en.stdout);
    let json: Value = serde_json::from_str(&run("json", "en").stdout).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 2);
    let cause = &items[0];
    assert_eq!(cause["code"], "SOP206");
    let follow: Vec<&Value> = cause["follow_ons"].as_array().unwrap().iter().collect();
    assert_eq!(follow.len(), 17);
    assert!(follow.iter().all(|f| f["code"] == "SOP204"));
    let sarif: Value = serde_json::from_str(&run("sarif", "en").stdout).unwrap();
    let related = sarif["runs"][0]["results"][0]["relatedLocations"].as_array().unwrap();
    // Two loop labels, then the 17 follow-ons.
    assert_eq!(related.len(), 19);
    assert!(
        related[2]["message"]["text"].as_str().unwrap().starts_with("SOP204 unreachable-step: ")
    );
}

#[test]
fn a_suppressed_cause_leaves_its_follow_ons_alone() {
    let text = std::fs::read_to_string(crate::harness::repo(TRAP)).unwrap().replace(
        "next: periksa}\n  - {id: periksa",
        "next: periksa}  # sopmap: ignore[loop-without-exit]\n  - {id: periksa",
    );
    let out = Test::new()
        .file("trap.yaml", &text)
        .args(["check", "trap.yaml", "--format", "concise", "--lang", "en"])
        .run();
    assert_eq!(out.stdout.matches(" SOP204 ").count(), 17, "{}", out.stdout);
    assert!(!out.stdout.contains("SOP206"));
    assert!(out.stderr.contains("found 18 errors in 1 of 1 file"), "{}", out.stderr);
}
