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
        // `--fix` re-checks and rewrites the texts: every text must stay
        // in memory (a summary run drops the texts of clean files).
        keep: if args.fix || args.diff { Keep::Models } else { Keep::Summaries },
    };
    let corpus::Loaded { outcome, unreadable } = corpus::load(&req, &g, io)?;
    if args.fix || args.diff {
        return fix(args, outcome, unreadable, &g, env, io);
    }
    let all = &outcome.diagnostics;
    let sources = &outcome.sources;
    report(args, sources, all, outcome.reported(), unreadable, None, &g, env, io)
}

/// `--fix` and `--diff`: apply the safe fixes round after round; `--diff`
/// prints them and stops, `--fix` writes the files and reports what is left.
fn fix(
    args: &CheckArgs,
    outcome: crate::run::Outcome,
    unreadable: usize,
    g: &Global,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let reported = outcome.reported();
    let (fixed, originals, sources) = super::fix::run(outcome, g);
    let summary = super::fix::write(&sources, &originals, &fixed, args.diff, io)?;
    if args.diff {
        if !g.quiet {
            writeln!(io.stderr, "{}", fix_summary(&summary, true, g.lang))?;
        }
        return Ok(if unreadable > 0 {
            ExitStatus::Error
        } else if summary.files > 0 {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        });
    }
    report(args, &sources, &fixed.findings, reported, unreadable, Some(&summary), g, env, io)
}

/// The summary line of `--fix` (`fixed 3 findings in 2 files`) or of
/// `--diff` (`would fix …`), in the run's language.
fn fix_summary(f: &super::fix::Summary, preview: bool, lang: crate::lang::Lang) -> String {
    let w = crate::lang::FixWords::of(lang);
    let r = crate::lang::ReportWords::of(lang);
    let findings = if f.fixes == 1 { w.finding } else { w.findings };
    let files = if f.files == 1 { r.file } else { r.files };
    let (before, after) =
        if preview { (w.would_before, w.would_after) } else { (w.fixed_before, w.fixed_after) };
    let mut line = match f.fixes {
        0 => w.nothing.to_string(),
        n => format!("{before}{n} {findings}{after} {} {} {files}", r.in_, f.files),
    };
    if f.unsettled {
        line.push_str(&format!(
            "{}{}{}",
            w.unsettled_before,
            crate::fix::MAX_ROUNDS,
            w.unsettled_after
        ));
    }
    line
}

/// Prints the findings and the summary, and picks the exit status.
#[allow(clippy::too_many_arguments)]
fn report(
    args: &CheckArgs,
    sources: &[SourceFile],
    all: &[crate::diagnostic::Diagnostic],
    reported: usize,
    unreadable: usize,
    fixed: Option<&super::fix::Summary>,
    g: &Global,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
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
    let counts = Counts::of(all, reported);
    if !g.quiet {
        if let Some(f) = fixed {
            writeln!(io.stderr, "{}", fix_summary(f, false, g.lang))?;
        }
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
                writeln!(
                    io.stderr,
                    "{}{}",
                    crate::cli::said::error_prefix(g.lang),
                    crate::render::escape::terminal(&crate::cli::said::render(&e, g.lang))
                )?;
                unreadable += 1;
            }
        }
    }
    let failed = check::parse_files(&sources, g.jobs, g.base().limits);
    if !g.quiet {
        let n = sources.len();
        let line = match g.lang {
            crate::lang::Lang::Id => format!("{n} berkas dibaca, {failed} dengan kesalahan YAML"),
            crate::lang::Lang::En => format!("parsed {n} files, {failed} with YAML errors"),
        };
        writeln!(io.stderr, "{line}")?;
    }
    Ok(if unreadable > 0 { ExitStatus::Error } else { ExitStatus::Clean })
}
