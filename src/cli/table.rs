//! `sopmap table`: the SOP AP flowchart table, fitted to the terminal.

use anyhow::Result;

use crate::cli::args::{GlobalArgs, TableArgs, TableFormat};
use crate::cli::gate::{self, Gate};
use crate::cli::{Env, ExitStatus, Io, output};
use crate::render::table;

/// Width used when output is not a terminal and no `--width` is given.
const DEFAULT_WIDTH: u16 = 120;

pub fn run(
    args: &TableArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let cleared = match gate::pass(&args.input, global, env, io)? {
        Gate::Cleared(c) => c,
        Gate::Refused(status) => return Ok(status),
    };
    let lang = cleared.global.lang;
    let text = match args.format {
        TableFormat::Text => {
            let width = args.width.or_else(|| terminal_width(env)).unwrap_or(DEFAULT_WIDTH);
            table::render(&cleared.sop, &cleared.graph, lang, width)
        }
        TableFormat::Md => table::markdown(&cleared.sop, &cleared.graph, lang),
    };
    output::write(args.input.output.as_deref(), &args.input.file, text.as_bytes(), io)?;
    Ok(ExitStatus::Clean)
}

/// The terminal's width when standard output is one.
fn terminal_width(env: &Env) -> Option<u16> {
    if !env.stdout_is_tty {
        return None;
    }
    comfy_table::Table::new().width().or_else(|| {
        std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&w| w > 0)
    })
}
