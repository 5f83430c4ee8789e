//! YAML slips a policy writer makes (tests/corpus/yaml-slips/): each case
//! gives exactly one invalid-yaml finding that points at the character to
//! change, says what is wrong in plain words and says what to type, in
//! Indonesian (`<case>.out`) and English (`<case>.en.out`). The goldens
//! are the full human format, snippet and help line included: read them.
//! `UPDATE_EXPECT=1 cargo test yaml_slips` rewrites them.

use crate::harness::{Test, golden, repo};

#[test]
fn every_slip_points_at_the_character_with_a_help_line() {
    let dir = repo("tests/corpus/yaml-slips");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "at least 25 slips, found {}", cases.len());
    for path in cases {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# "),
            "{name}: must start with a `#` comment saying what it shows"
        );
        let rel = format!("{name}.yaml");
        for (lang, suffix) in [("id", "out"), ("en", "en.out")] {
            let out = Test::new()
                .file(&rel, &text)
                .args(["check", "--lang", lang, "-f", "full", "--color", "never", &rel])
                .run();
            assert_eq!(out.status, 1, "{name} ({lang}): {}", out.stderr);
            // The full format names the level and the help line in the
            // run's language.
            let (error, help) =
                if lang == "id" { ("kesalahan", "saran") } else { ("error", "help") };
            let sop001 = format!("{error}[SOP001]");
            assert_eq!(out.stdout.matches(&sop001).count(), 1, "{name}: {}", out.stdout);
            assert_eq!(
                out.stdout.matches(&format!("{error}[")).count(),
                1,
                "{name}: {}",
                out.stdout
            );
            let help_line = format!("= {help}: ");
            assert_eq!(out.stdout.matches(&help_line).count(), 1, "{name}: {}", out.stdout);
            golden(&format!("tests/corpus/yaml-slips/{name}.{suffix}"), &out.stdout);
        }
    }
}

/// The parser's own position for a tab is the text above it; the finding
/// is on the tab's line, at the tab (docs/limits.md).
#[test]
fn a_tab_is_reported_on_its_own_line() {
    let text = "schema: sop-ap/1\nidentity:\n  agency: Badan\n\tunit: Umum\n";
    let out = Test::new().file("t.yaml", text).args(["check", "-f", "concise", "t.yaml"]).run();
    assert!(out.stdout.starts_with("t.yaml:4:1: SOP001 "), "{}", out.stdout);
}
