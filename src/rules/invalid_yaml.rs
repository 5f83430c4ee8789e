//! invalid-yaml (SOP001): the file is not valid YAML, or exceeds a parser limit.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::rule_id;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule { id: &rule_id::INVALID_YAML, check: Check::Reported };

#[cfg(test)]
mod tests {
    use crate::check::{Settings, check_file};
    use crate::lang::Lang;
    use crate::rules::testing::{expect, lint, lint_code, lint_detail};
    use crate::source::SourceFile;

    /// The one SOP001 of `y` in English: position, message and help.
    fn english(y: &str) -> String {
        let src = SourceFile::new("t.yaml", y);
        let settings = Settings { lang: Lang::En, ..Settings::default() };
        let d = check_file(&src, 0, &settings).diagnostics;
        let d: Vec<_> = d.iter().filter(|d| d.code == "SOP001").collect();
        assert_eq!(d.len(), 1, "{d:?}");
        let d = d[0];
        format!(
            "{} {}; help: {}",
            src.line_col(d.span.start),
            d.message.en,
            d.help.as_ref().map_or("", |h| h.en.as_str())
        )
    }

    #[test]
    fn an_unclosed_bracket_points_at_its_opening() {
        let y = "schema: sop-ap/1\nid: [a\nlevel: mikro\n".to_string();
        expect(
            lint_code(&y, "SOP001"),
            &["2:5 SOP001 the bracket `[` opens here but is never closed"],
        );
        assert_eq!(
            english(&y),
            "2:5 the bracket `[` opens here but is never closed; help: close it with `]` after the last item"
        );
    }

    #[test]
    fn tab_indentation() {
        let y = "schema: sop-ap/1\nidentity:\n\tagency: x\n".to_string();
        let found = lint_code(&y, "SOP001");
        expect(found, &["3:1 SOP001 a tab indents this line; YAML indents with spaces only"]);
        assert_eq!(
            english(&y),
            "3:1 a tab indents this line; YAML indents with spaces only; help: replace the tab with spaces (two spaces per level)"
        );
    }

    #[test]
    fn tab_inside_a_plain_scalar_points_at_the_tab() {
        let y = "schema: sop-ap/1\nid: t\n\tlevel: mikro\n".to_string();
        let found = lint_detail(&y, "SOP001");
        expect(
            found,
            &[
                "3:1 SOP001 a tab indents this line; YAML indents with spaces only; help: replace the tab with spaces (two spaces per level)",
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
        assert!(english(&y).starts_with("2:1 this file holds more than one YAML document"));
    }

    #[test]
    fn syntax_error_is_the_only_finding() {
        let y = "schema: sop-ap/1\nid: \"unterminated\n".to_string();
        let found = lint(&y);
        expect(found, &["2:5 SOP001 a quote opens here but is never closed"]);
        assert_eq!(
            english(&y),
            "2:5 a quote opens here but is never closed; help: close the text with the same quote at the end of the line: id: \"unterminated\""
        );
    }

    #[test]
    fn without_a_known_slip_the_parser_position_and_a_general_help() {
        // A stray `]` after a complete value: no slip of the list, so
        // the parser's position and words, with a general help line.
        let y = "schema: sop-ap/1\nid: [a]]\n".to_string();
        let got = english(&y);
        assert!(got.contains("; help: check this line and the one above"), "{got}");
    }
}
