//! `docs/rules.md` is generated from the rule registry; this test fails
//! when it is stale. `UPDATE_EXPECT=1 cargo test` regenerates it.

use crate::harness::{assert_text, repo};

#[test]
fn rules_reference_is_up_to_date() {
    let want = sopmap::rules::rules_markdown();
    let path = repo("docs/rules.md");
    if std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &want).unwrap();
    }
    let got = std::fs::read_to_string(&path)
        .expect("docs/rules.md is missing: run `UPDATE_EXPECT=1 cargo test rules_reference`");
    assert_text(&got, &want);
}

#[test]
fn rules_reference_has_a_section_per_rule() {
    let md = sopmap::rules::rules_markdown();
    for r in sopmap::rules::RULES {
        let heading = format!(
            "\n## {} {}\n\nDefault level: **{}**.\n",
            r.code,
            r.name,
            r.default_level.as_str()
        );
        assert!(md.contains(&heading), "no section for {}", r.code);
        assert!(md.contains(r.explanation.lines().nth(1).unwrap_or("")), "{}", r.code);
    }
    // Explanation headings sit below the rule heading, code blocks untouched.
    assert!(md.contains("\n### What it does\n"));
    assert!(!md.contains("\n## What it does\n"));
}
