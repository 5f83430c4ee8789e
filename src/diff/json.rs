//! The diff as JSON, with a stable shape (`"format": "sopmap-diff/1"`):
//!
//! ```text
//! {
//!   "format": "sopmap-diff/1",
//!   "changed": bool,                  // false when the versions are the same
//!   "paths": { "old": str, "new": str },
//!   "identity": [ { "field": str, "old": V, "new": V } ],
//!   "actors": [ { "change": "added"|"removed", "id", "name" }
//!             | { "change": "renamed", "old_id", "new_id", "name" }
//!             | { "change": "changed", "id", "fields": [field change] } ],
//!   "steps":  [ { "change": "added"|"removed", "id", "row", "kind", "actor", "activity" }
//!             | { "change": "renamed", "old_id", "new_id", "row" }
//!             | { "change": "changed", "id", "row", "fields": [field change] } ],
//!   "flow":   [ { "change": "added"|"removed", "from", "label", "to" }
//!             | { "change": "retargeted", "from", "label", "old_to", "new_to" }
//!             | { "change": "relabeled", "from", "to", "old_label", "new_label" } ],
//!   "timing": null | { "best": { "old", "new" }, "worst": { "old", "new" } },
//!   "findings": { "introduced": [F], "fixed": [F] },
//!   "warnings": [ { "name": str, "message": str } ]
//! }
//! ```
//!
//! `V` is `null` (key absent), a string, a boolean or an array of strings.
//! `label` is `null` for a `next` arrow. `row` is 1-based (new version for
//! added/renamed/changed, old version for removed). `F` is `{ path, line,
//! column, code, name, severity, message }`, lines and columns 1-based.
//! Path times are strings such as `"9 hari kerja 2 jam"`, `null` when they
//! cannot be computed. Arrays keep the order of the text output.

use serde::Serialize;

use crate::diff::SopDiff;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    changed: bool,
    #[serde(flatten)]
    diff: &'a SopDiff,
}

/// Renders the diff as pretty-printed JSON with a final newline.
pub fn render(d: &SopDiff) -> String {
    let doc = Document { format: "sopmap-diff/1", changed: !d.is_empty(), diff: d };
    match serde_json::to_string_pretty(&doc) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Serialising plain strings, numbers and vectors cannot fail.
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::testing::{BASE, diff_texts};

    #[test]
    fn shape_is_stable() {
        let new = BASE.replace("label: Ya", "label: Lengkap");
        let v: serde_json::Value = serde_json::from_str(&render(&diff_texts(BASE, &new))).unwrap();
        assert_eq!(v["format"], "sopmap-diff/1");
        assert_eq!(v["changed"], true);
        assert_eq!(v["flow"][0]["change"], "relabeled");
        assert_eq!(v["flow"][0]["old_label"], "Ya");
        assert_eq!(v["findings"]["introduced"], serde_json::json!([]));
        assert_eq!(v["warnings"][0]["name"], "revision-not-bumped");
    }
}
