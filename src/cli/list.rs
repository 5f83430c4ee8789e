//! `sopmap list`: the catalogue of the SOPs given, one row each, with the
//! findings of a full check (per file and across SOPs) counted per SOP.
//! Exit 0 (the listing is the result), 2 on I/O or usage errors.

use anyhow::Result;

use crate::cli::args::{GlobalArgs, ListArgs, ListColumn, ListFormat};
use crate::cli::corpus::{self, Request};
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io};
use crate::render::list::{self, Column};
use crate::run::Keep;

fn column(c: ListColumn) -> Column {
    match c {
        ListColumn::Id => Column::Id,
        ListColumn::Level => Column::Level,
        ListColumn::Title => Column::Title,
        ListColumn::Unit => Column::Unit,
        ListColumn::Steps => Column::Steps,
        ListColumn::Actors => Column::Actors,
        ListColumn::Worst => Column::Worst,
        ListColumn::Service => Column::Service,
        ListColumn::Errors => Column::Errors,
        ListColumn::Warnings => Column::Warnings,
        ListColumn::Path => Column::Path,
    }
}

pub fn run(args: &ListArgs, global: &GlobalArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "list")?;
    let req = Request { paths: &paths, stdin_filename: None, lookup: true, keep: Keep::Summaries };
    let loaded = corpus::load(&req, &g, io)?;
    let l = g.lang;
    let mut rows = list::rows(&loaded.outcome, l);
    list::sort(&mut rows, column(args.sort), args.reverse);
    match args.format {
        ListFormat::Table => write!(io.stdout, "{}", list::table(&rows, l))?,
        ListFormat::Md => write!(io.stdout, "{}", list::markdown(&rows, l))?,
        ListFormat::Csv => write!(io.stdout, "{}", list::csv(&rows)?)?,
        ListFormat::Json => {
            // Serialised first, so a closed pipe surfaces as an io::Error.
            writeln!(io.stdout, "{}", serde_json::to_string_pretty(&rows)?)?;
        }
    }
    Ok(if loaded.unreadable > 0 { ExitStatus::Error } else { ExitStatus::Clean })
}
