//! `sopmap rules` and `sopmap explain`, in the language of the run
//! (`--lang`): each rule's summary and explanation are written in both
//! languages in its identity (`rule_id::table`).

use anyhow::{Result, bail};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::cli::args::{ExplainArgs, RulesArgs, RulesFormat};
use crate::cli::{ExitStatus, Io};
use crate::lang::{Lang, RulesWords};
use crate::rule_id::{self as rules, ALL as RULES};
use crate::suggest;

/// One rule in `sopmap rules --format json`: keys stay English, the
/// summary follows the language.
#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    name: &'a str,
    level: &'a str,
    summary: &'a str,
}

pub fn list(args: &RulesArgs, lang: Lang, io: &mut Io<'_>) -> Result<ExitStatus> {
    let w = RulesWords::of(lang);
    match args.format {
        RulesFormat::Table => {
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(100)
                .set_header([w.code, w.name, w.level, w.summary]);
            for r in RULES {
                table.add_row([r.code, r.name, r.default_level.as_str(), r.summary.get(lang)]);
            }
            writeln!(io.stdout, "{table}")?;
        }
        RulesFormat::Json => {
            let items: Vec<JsonRule<'_>> = RULES
                .iter()
                .map(|r| JsonRule {
                    code: r.code,
                    name: r.name,
                    level: r.default_level.as_str(),
                    summary: r.summary.get(lang),
                })
                .collect();
            // Serialised first: see cli::schema.
            let text = serde_json::to_string_pretty(&items)?;
            writeln!(io.stdout, "{text}")?;
        }
    }
    Ok(ExitStatus::Clean)
}

pub fn explain(args: &ExplainArgs, lang: Lang, io: &mut Io<'_>) -> Result<ExitStatus> {
    let w = RulesWords::of(lang);
    let Some(rule) = rules::find(&args.rule) else {
        let names = RULES.iter().flat_map(|r| [r.code, r.name]);
        let hint = suggest::closest(&args.rule, names).map_or_else(
            || w.list_them.to_string(),
            |c| suggest::meant_text(c).get(lang).to_string(),
        );
        bail!("{}; {hint}", w.unknown_rule.replace("{rule}", &args.rule));
    };
    writeln!(io.stdout, "# {} ({})\n", rule.name, rule.code)?;
    writeln!(io.stdout, "{} {}.\n", w.default_level, rule.default_level.as_str())?;
    writeln!(io.stdout, "{}", rule.explanation.get(lang))?;
    Ok(ExitStatus::Clean)
}
