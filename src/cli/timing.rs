//! `sopmap timing`: the time budget of each SOP given, as tables or JSON.
//! Exit 1 when a SOP has errors or cannot be timed (no start, or no end
//! reachable), else 0; a service time that is exceeded is reported in the
//! output (and by `sopmap check` as a warning) but does not fail the run.

use anyhow::Result;

use crate::catalog::apply_suppressions;
use crate::cli::args::{TimingArgs, TimingFormat};
use crate::cli::{Env, ExitStatus, Io, corpus};
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::render::timing as render;
use crate::timing;

pub fn run(args: &TimingArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let settings = match corpus::run_settings(env, args.workday.as_deref(), io)? {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "timing")?;
    let loaded = corpus::load_paths(&paths, &settings, false, io)?;
    let lang = Lang::from(args.lang);
    let mut failed = loaded.had_io_error;
    let mut texts = Vec::new();
    let mut items = Vec::new();
    for (file, (src, c)) in
        loaded.sources.iter().zip(&loaded.checked).enumerate().take(loaded.inputs)
    {
        let diags = apply_suppressions(&loaded.sources, [file], c.diagnostics.clone(), |_| {
            &settings.levels
        });
        let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
        if errors > 0 {
            failed = true;
            writeln!(
                io.stderr,
                "sopmap: warning: `{}` has {errors} error(s); times may be wrong (run `sopmap check {}`)",
                src.path,
                if loaded.scope.is_unnamed(file) { "-" } else { src.path.as_str() }
            )?;
        }
        let (Some(sop), Some(graph)) = (&c.sop, &c.graph) else {
            failed = true;
            writeln!(
                io.stderr,
                "sopmap: error: `{}` is not a SOP document",
                crate::render::escape::terminal_line(&src.path)
            )?;
            continue;
        };
        let Some(t) = timing::analyze(sop, graph, settings.workday_minutes) else {
            failed = true;
            writeln!(
                io.stderr,
                "sopmap: error: cannot time `{}`: it has no start step or no end can be reached from it",
                src.path
            )?;
            continue;
        };
        match args.format {
            TimingFormat::Text => texts.push(render::text(&src.path, sop, &t, lang)),
            TimingFormat::Json => items.push(render::json(&src.path, sop, &t)),
        }
    }
    match args.format {
        TimingFormat::Text => write!(io.stdout, "{}", texts.join("\n"))?,
        TimingFormat::Json => {
            // Serialised first, so a closed pipe surfaces as an io::Error.
            writeln!(io.stdout, "{}", serde_json::to_string_pretty(&items)?)?;
        }
    }
    Ok(if loaded.had_io_error {
        ExitStatus::Error
    } else if failed {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}
