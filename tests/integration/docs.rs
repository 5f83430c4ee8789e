//! Documentation is a tested artefact: generated reference pages must match
//! what the code produces, and the README's example output must be what
//! the binary prints. `UPDATE_EXPECT=1 cargo test` rewrites stale files.

use crate::harness::{assert_text, repo};

fn check_generated(rel: &str, want: &str) {
    let path = repo(rel);
    if std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1") {
        std::fs::write(&path, want).unwrap();
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert_text(&got, want);
}

#[test]
fn format_reference_is_current() {
    check_generated("docs/format.md", &sopmap::model::reference::format_reference());
}
