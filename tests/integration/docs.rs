//! Documentation is a tested artefact: generated reference pages must match
//! what the code produces, and the README's example output must be what
//! the binary prints. `UPDATE_EXPECT=1 cargo test` rewrites stale files.

use crate::harness::{golden, repo};

#[track_caller]
fn check_generated(rel: &str, want: &str) {
    golden(rel, want);
}

#[test]
fn format_reference_is_current() {
    check_generated("docs/format.md", &sopmap::model::reference::format_reference());
}

#[test]
fn rules_reference_is_current() {
    check_generated("docs/rules.md", &sopmap::rules::rules_markdown());
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

/// The README shows `sopmap check examples/broken-sop.yaml` and its exact
/// output between two markers; this keeps them true.
#[test]
fn readme_example_is_what_sopmap_prints() {
    use crate::harness::Test;
    let out = Test::new()
        .copy("examples/broken-sop.yaml", "examples/broken-sop.yaml")
        .args(["check", "examples/broken-sop.yaml"])
        .run();
    assert_eq!(out.status, 1);
    let block = format!(
        "<!-- README-EXAMPLE-START -->\n```console\n$ sopmap check examples/broken-sop.yaml\n{}{}```\n<!-- README-EXAMPLE-END -->",
        out.stdout, out.stderr
    );
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let (Some(start), Some(end)) =
        (readme.find("<!-- README-EXAMPLE-START -->"), readme.find("<!-- README-EXAMPLE-END -->"))
    else {
        panic!("README.md lacks the example markers");
    };
    let end = end + "<!-- README-EXAMPLE-END -->".len();
    let want = format!("{}{}{}", &readme[..start], block, &readme[end..]);
    check_generated("README.md", &want);
}
