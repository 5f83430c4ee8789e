//! invalid-yaml (SOP001): the file is not valid YAML, or exceeds a parser limit.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::INVALID_YAML, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::rules::testing::{expect, lint, lint_code, lint_detail};

    #[test]
    fn syntax_error_points_at_the_position() {
        let y = "schema: sop-ap/1\nid: [a\nlevel: mikro\n".to_string();
        let found = lint_code(&y, "SOP001");
        expect(found, &["3:6 SOP001 illegal placement of ':' indicator"]);
    }

    #[test]
    fn tab_indentation() {
        let y = "schema: sop-ap/1\nidentity:\n	agency: x\n".to_string();
        let found = lint_code(&y, "SOP001");
        expect(found, &["3:2 SOP001 a tab indents this line; YAML indents with spaces only"]);
    }

    #[test]
    fn tab_inside_a_plain_scalar_points_at_the_tab() {
        let y = "schema: sop-ap/1\nid: t\n\tlevel: mikro\n".to_string();
        let found = lint_detail(&y, "SOP001");
        expect(
            found,
            &[
                "3:1 SOP001 while scanning a plain scalar, found a tab; help: YAML indents with spaces only: replace the tab with spaces",
            ],
        );
    }

    #[test]
    fn several_documents() {
        let y = "schema: sop-ap/1\n---\nid: x\n".to_string();
        let found = lint_code(&y, "SOP001");
        expect(
            found,
            &[
                "2:1 SOP001 this file holds more than one YAML document (`---`); a SOP file holds exactly one",
            ],
        );
    }

    #[test]
    fn syntax_error_is_the_only_finding() {
        let y = "schema: sop-ap/1\nid: \"unterminated\n".to_string();
        let found = lint(&y);
        expect(found, &["2:5 SOP001 unclosed quote"]);
    }
}
