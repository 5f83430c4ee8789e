//! `sopmap rules` and `sopmap explain`.

use anyhow::{Result, bail};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::cli::args::{ExplainArgs, RulesArgs, RulesFormat};
use crate::cli::{ExitStatus, Io};
use crate::rule_id::{self as rules, ALL as RULES};
use crate::suggest;

#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    name: &'a str,
    level: &'a str,
    summary: &'a str,
}

pub fn list(args: &RulesArgs, io: &mut Io<'_>) -> Result<ExitStatus> {
    match args.format {
        RulesFormat::Table => {
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(100)
                .set_header(["Code", "Name", "Level", "Summary"]);
            for r in RULES {
                table.add_row([r.code, r.name, r.default_level.as_str(), r.summary]);
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
                    summary: r.summary,
                })
                .collect();
            // Serialised first: see cli::schema.
            let text = serde_json::to_string_pretty(&items)?;
            writeln!(io.stdout, "{text}")?;
        }
    }
    Ok(ExitStatus::Clean)
}

pub fn explain(args: &ExplainArgs, io: &mut Io<'_>) -> Result<ExitStatus> {
    let Some(rule) = rules::find(&args.rule) else {
        let names = RULES.iter().flat_map(|r| [r.code, r.name]);
        let hint = suggest::did_you_mean(&args.rule, names)
            .unwrap_or_else(|| "run `sopmap rules` to list them".to_string());
        bail!("unknown rule `{}`; {hint}", args.rule);
    };
    writeln!(io.stdout, "# {} ({})\n", rule.name, rule.code)?;
    writeln!(io.stdout, "Default level: {}.\n", rule.default_level.as_str())?;
    writeln!(io.stdout, "{}", rule.explanation)?;
    Ok(ExitStatus::Clean)
}
