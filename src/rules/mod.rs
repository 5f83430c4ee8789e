//! The rule registry. Every rule lives in its own file with its code, its
//! kebab-case name, its default level, a one-line summary, the explanation
//! printed by `sopmap explain`, its check and its unit tests.
//!
//! Codes are grouped by hundreds: `SOP0xx` the document and its schema
//! (reported while lowering YAML into the model), `SOP1xx` references and
//! ids, `SOP2xx` the flow, `SOP3xx` Mutu Baku and dates, `SOP9xx` sopmap's
//! own comments (suppressions). Codes are stable:
//! a rule that is retired keeps its code unused.

use crate::diagnostic::{Diagnostic, FileId};
use crate::graph::ProcessGraph;
use crate::lang::{Lang, RulesWords};
use crate::model::Sop;
use crate::rule_id::{Level, Levels, RuleId};
use crate::source::SourceFile;

pub mod blank_field;
pub mod cycle;
pub mod date_order;
pub mod dead_end;
pub mod duplicate_id;
pub mod duplicate_key;
pub mod duplicate_sop_id;
pub mod empty_value;
pub mod end_with_successor;
pub mod file_name_mismatch;
pub mod hidden_decision;
pub mod invalid_date;
pub mod invalid_duration;
pub mod invalid_value;
pub mod invalid_yaml;
pub mod irregular_row_number;
pub mod loop_without_exit;
pub mod makro_without_sub;
pub mod malformed_decision;
pub mod misplaced_key;
pub mod missing_end;
pub mod missing_key;
pub mod missing_start;
pub mod missing_time;
pub mod mixed_days;
pub mod multiple_starts;
pub mod relation_asymmetry;
pub mod service_time_exceeded;
pub mod sop_link_cycle;
pub mod start_with_predecessor;
pub mod sub_sop_level;
pub mod sub_sop_time;
pub mod unknown_actor;
pub mod unknown_key;
pub mod unknown_sop;
pub mod unknown_step;
pub mod unreachable_step;
pub mod unused_actor;
pub mod unused_suppression;
pub mod wrong_type;

#[cfg(test)]
pub(crate) mod testing;

/// What one SOP rule sees.
pub struct Context<'a> {
    pub file: FileId,
    pub source: &'a SourceFile,
    pub sop: &'a Sop,
    pub graph: &'a ProcessGraph,
}

/// How a rule finds its problems.
#[derive(Clone, Copy)]
pub enum Check {
    /// Reported outside the rule checks: by the YAML parser, the schema
    /// lowering pass or the suppression pass, which name the rule by its
    /// [`RuleId`].
    Reported,
    /// A check of one SOP and its process graph.
    Sop(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// A check across every SOP loaded in the run (the catalogue), run
    /// after the per-file checks by [`crate::catalog::check_corpus`].
    Corpus(fn(&CorpusContext<'_>, &mut Vec<Diagnostic>)),
}

/// What a cross-SOP rule sees: the catalogue and how it was loaded.
pub struct CorpusContext<'a> {
    pub catalog: &'a crate::catalog::Catalogue,
    pub scope: &'a crate::catalog::Scope,
}

/// A rule: its identity and its check.
pub struct Rule {
    pub id: &'static RuleId,
    pub check: Check,
}

impl std::ops::Deref for Rule {
    type Target = RuleId;

    fn deref(&self) -> &RuleId {
        self.id
    }
}

/// Every rule, in code order. Adding a rule is one file and one line here.
pub static RULES: &[&Rule] = &[
    &invalid_yaml::RULE,
    &unknown_key::RULE,
    &wrong_type::RULE,
    &missing_key::RULE,
    &invalid_value::RULE,
    &invalid_duration::RULE,
    &invalid_date::RULE,
    &misplaced_key::RULE,
    &duplicate_key::RULE,
    &empty_value::RULE,
    &blank_field::RULE,
    &unknown_step::RULE,
    &unknown_actor::RULE,
    &duplicate_id::RULE,
    &unused_actor::RULE,
    &unknown_sop::RULE,
    &duplicate_sop_id::RULE,
    &file_name_mismatch::RULE,
    &sub_sop_level::RULE,
    &relation_asymmetry::RULE,
    &sop_link_cycle::RULE,
    &makro_without_sub::RULE,
    &irregular_row_number::RULE,
    &missing_start::RULE,
    &multiple_starts::RULE,
    &missing_end::RULE,
    &unreachable_step::RULE,
    &dead_end::RULE,
    &loop_without_exit::RULE,
    &malformed_decision::RULE,
    &end_with_successor::RULE,
    &cycle::RULE,
    &start_with_predecessor::RULE,
    &hidden_decision::RULE,
    &missing_time::RULE,
    &date_order::RULE,
    &service_time_exceeded::RULE,
    &sub_sop_time::RULE,
    &mixed_days::RULE,
    &unused_suppression::RULE,
];

/// Where the rule reference of each language is kept, and the command
/// that regenerates it.
pub fn rules_markdown_path(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "docs/rules.id.md",
        Lang::En => "docs/rules.md",
    }
}

/// The rule reference (`docs/rules.md` in English, `docs/rules.id.md` in
/// Indonesian), generated from [`RULES`] so the documentation cannot drift
/// from the code: a table of every rule, then one section per rule with
/// its default level, summary and explanation (its headings demoted one
/// level).
pub fn rules_markdown(lang: Lang) -> String {
    let w = RulesWords::of(lang);
    let mut md = format!(
        "# {}\n\n<!-- {} -->\n\n{}\n\n| {} |\n|---|---|---|---|\n",
        w.title, w.generated, w.intro, w.columns
    );
    for r in RULES {
        md.push_str(&format!(
            "| [{}](#{}-{}) | `{}` | {} | {} |\n",
            r.code,
            r.code.to_lowercase(),
            r.name,
            r.name,
            r.default_level.as_str(),
            r.summary.get(lang).replace('|', "\\|")
        ));
    }
    for r in RULES {
        md.push_str(&format!("\n## {} {}\n\n", r.code, r.name));
        md.push_str(&format!("{} **{}**.\n\n", w.default_level, r.default_level.as_str()));
        let mut summary = r.summary.get(lang).to_string();
        if let Some(first) = summary.get(..1) {
            summary.replace_range(..1, &first.to_uppercase());
        }
        md.push_str(&format!("{summary}.\n\n"));
        let mut in_code = false;
        for line in r.explanation.get(lang).lines() {
            if line.starts_with("```") {
                in_code = !in_code;
            }
            if line.starts_with('#') && !in_code {
                md.push('#');
            }
            md.push_str(line);
            md.push('\n');
        }
    }
    md
}

/// Runs every enabled SOP rule on one SOP.
pub fn run(cx: &Context<'_>, levels: &Levels, out: &mut Vec<Diagnostic>) {
    for rule in RULES {
        if let Check::Sop(check) = rule.check
            && levels.of(rule.code) != Level::Off
        {
            check(cx, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_identity_has_its_check_in_the_same_order() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let table: Vec<&str> = crate::rule_id::ALL.iter().map(|r| r.code).collect();
        assert_eq!(ids, table);
    }
}
