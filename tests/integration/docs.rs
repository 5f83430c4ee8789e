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

/// `docs/rules.md` (English) and `docs/rules.id.md` (Indonesian) are
/// generated from the rule table; a stale one fails with the command that
/// regenerates it.
#[test]
fn rules_reference_is_current() {
    use sopmap::lang::Lang;
    for lang in [Lang::En, Lang::Id] {
        let rel = sopmap::rules::rules_markdown_path(lang);
        let want = sopmap::rules::rules_markdown(lang);
        let have = std::fs::read_to_string(crate::harness::repo(rel)).unwrap_or_default();
        if have != want && std::env::var_os("UPDATE_EXPECT").is_none() {
            panic!(
                "{rel} is stale (the rule table in src/rule_id/table.rs changed); \
                 regenerate it with `UPDATE_EXPECT=1 cargo test rules_reference`"
            );
        }
        check_generated(rel, &want);
    }
}

#[test]
fn rules_reference_has_a_section_per_rule_in_both_languages() {
    use sopmap::lang::Lang;
    for (lang, level, heading) in [
        (Lang::En, "Default level:", "What it does"),
        (Lang::Id, "Tingkat bawaan:", "Yang diperiksa"),
    ] {
        let md = sopmap::rules::rules_markdown(lang);
        for r in sopmap::rules::RULES {
            let section = format!(
                "\n## {} {}\n\n{level} **{}**.\n",
                r.code,
                r.name,
                r.default_level.as_str()
            );
            assert!(md.contains(&section), "no section for {}", r.code);
            let explanation = r.explanation.get(lang);
            assert!(md.contains(explanation.lines().nth(1).unwrap_or("")), "{}", r.code);
        }
        // Explanation headings sit below the rule heading, code blocks untouched.
        assert!(md.contains(&format!("\n### {heading}\n")));
        assert!(!md.contains(&format!("\n## {heading}\n")));
    }
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
