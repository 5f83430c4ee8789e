//! `sopmap check`: gather inputs, check each, report, pick the exit status.

use anyhow::Result;

use crate::check;
use crate::cli::args::{CheckArgs, GlobalArgs, OutputFormat};
use crate::cli::corpus::{self, Request};
use crate::cli::inputs::{self, Input};
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io};
use crate::report::{self, Counts, Format, Report};
use crate::run::Keep;
use crate::source::SourceFile;

pub fn run(
    args: &CheckArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let g = match Global::resolve_with_rules(global, &args.select, &args.ignore, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "check")?;
    if args.parse_only {
        return parse_only(&paths, &g, io);
    }
    let req = Request {
        paths: &paths,
        stdin_filename: args.stdin_filename.as_deref(),
        lookup: true,
        keep: Keep::Summaries,
    };
    let corpus::Loaded { outcome, unreadable } = corpus::load(&req, &g, io)?;
    let all = &outcome.diagnostics;
    let sources = &outcome.sources;

    let format = match args.format {
        Some(OutputFormat::Full) => Format::Full,
        Some(OutputFormat::Concise) => Format::Concise,
        Some(OutputFormat::Json) => Format::Json,
        Some(OutputFormat::Sarif) => Format::Sarif,
        Some(OutputFormat::Github) => Format::Github,
        None if env.stdout_is_tty => Format::Full,
        None => Format::Concise,
    };
    let color = g.color_for(env.stdout_is_tty, env);
    let rep = Report { sources, color, lang: g.lang };
    report::write(format, &rep, all, io.stdout)?;
    io.stdout.flush()?;
    let counts = Counts::of(all, outcome.reported());
    if !g.quiet {
        let mut summary = report::summary(&counts, g.lang);
        if unreadable > 0 {
            // "no problems found" alone would hide that some input was skipped.
            summary.push_str(&report::unreadable(unreadable, g.lang));
        }
        writeln!(io.stderr, "{summary}")?;
        if let Some(max) = args.max_warnings
            && counts.warnings > max
        {
            let too_many = crate::lang::ReportWords::of(g.lang).too_many_warnings;
            writeln!(io.stderr, "{too_many}: {} (--max-warnings {max})", counts.warnings)?;
        }
    }
    Ok(if unreadable > 0 {
        ExitStatus::Error
    } else if counts.errors > 0
        || (args.deny_warnings && counts.warnings > 0)
        || args.max_warnings.is_some_and(|max| counts.warnings > max)
    {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// The benchmark baseline behind `--parse-only`: read every input and parse
/// its YAML on the same threads as a check, and nothing else.
fn parse_only(paths: &[std::path::PathBuf], g: &Global, io: &mut Io<'_>) -> Result<ExitStatus> {
    let mut sources = Vec::new();
    let mut unreadable = 0usize;
    for input in inputs::collect(paths)? {
        let text = match &input {
            Input::File(p) => inputs::read_file(p, g.max_file_size),
            Input::Stdin => inputs::read_stdin(io.stdin, g.max_file_size),
        };
        match text {
            Ok(t) => sources.push(SourceFile::new(String::new(), t)),
            Err(e) => {
                writeln!(io.stderr, "sopmap: error: {e:#}")?;
                unreadable += 1;
            }
        }
    }
    let failed = check::parse_files(&sources, g.jobs, g.base().limits);
    if !g.quiet {
        writeln!(io.stderr, "parsed {} files, {failed} with YAML errors", sources.len())?;
    }
    Ok(if unreadable > 0 { ExitStatus::Error } else { ExitStatus::Clean })
}
