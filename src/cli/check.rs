//! `sopmap check`: gather inputs, check each, report, pick the exit status.

use anyhow::{Result, bail};

use crate::check::{self, Settings};
use crate::cli::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::cli::inputs::{self, Input};
use crate::cli::{Env, ExitStatus, Io};
use crate::diagnostic::{self, Diagnostic, Level};
use crate::report::{self, Counts, Format, Report};
use crate::rules::{self, RULES};
use crate::source::SourceFile;
use crate::suggest;

/// Largest file read by default (bytes): 32 MiB. A thousand times any real
/// SOP (the bundled ones are under 20 KB) and twice a 50,000-step one, yet
/// small enough that a stray dump or log named `.yaml` is refused before it
/// costs memory. See docs/limits.md.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

pub fn run(args: &CheckArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let settings = settings(args)?;
    let paths = if args.paths.is_empty() {
        let default = env.cwd.join("sops");
        if !default.is_dir() {
            bail!("no paths given and there is no `sops/` folder here; usage: sopmap check PATH…");
        }
        vec![std::path::PathBuf::from("sops")]
    } else {
        args.paths.clone()
    };
    let max_file_size = args.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
    let jobs = args.jobs.map_or_else(check::default_jobs, usize::from);
    let inputs = inputs::collect(&paths)?;
    let mut sources: Vec<SourceFile> = Vec::with_capacity(inputs.len());
    let mut had_io_error = false;
    for input in &inputs {
        let read = match input {
            Input::File(p) => {
                inputs::read_file(p, max_file_size).map(|t| SourceFile::new(display_path(p), t))
            }
            Input::Stdin => inputs::read_stdin(io.stdin, max_file_size).map(|t| {
                SourceFile::new(args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into()), t)
            }),
        };
        match read {
            Ok(src) => sources.push(src),
            Err(e) => {
                writeln!(io.stderr, "sopmap: error: {e:#}")?;
                had_io_error = true;
            }
        }
    }
    if args.parse_only {
        let failed = check::parse_files(&sources, jobs, settings.limits);
        if !args.quiet {
            writeln!(io.stderr, "parsed {} files, {failed} with YAML errors", sources.len())?;
        }
        return Ok(if had_io_error { ExitStatus::Error } else { ExitStatus::Clean });
    }
    let mut all: Vec<Diagnostic> = Vec::new();
    for diagnostics in check::diagnose_files_with_jobs(&sources, jobs, |_| &settings) {
        all.extend(diagnostics);
    }
    diagnostic::sort(&mut all, |f| sources.get(f).map(|s| s.path.clone()).unwrap_or_default());

    let format = match args.format {
        Some(OutputFormat::Full) => Format::Full,
        Some(OutputFormat::Concise) => Format::Concise,
        Some(OutputFormat::Json) => Format::Json,
        None if env.stdout_is_tty => Format::Full,
        None => Format::Concise,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_tty && !env.no_color,
    };
    let rep = Report { sources: &sources, color };
    report::write(format, &rep, &all, io.stdout)?;
    let counts = Counts::of(&all, sources.len());
    if !args.quiet {
        writeln!(io.stderr, "{}", report::summary(&counts))?;
    }
    Ok(if had_io_error {
        ExitStatus::Error
    } else if counts.errors > 0 || (args.deny_warnings && counts.warnings > 0) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// Paths as the user wrote them, with `/` separators on every platform so
/// output is the same everywhere.
fn display_path(p: &std::path::Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn settings(args: &CheckArgs) -> Result<Settings> {
    let mut settings = Settings::default();
    if let Some(n) = args.max_yaml_nodes {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        settings.limits.max_nodes = n;
        // Every node is at least one parser event (a mapping two), so the
        // event budget follows the node budget.
        settings.limits.max_events = settings.limits.max_events.max(n.saturating_mul(2));
    }
    if let Some(d) = args.max_yaml_depth {
        settings.limits.max_depth = usize::try_from(d).unwrap_or(usize::MAX);
    }
    for name in &args.select {
        let rule = find_rule(name)?;
        let level = match rule.default_level {
            Level::Off => Level::Error,
            l => l,
        };
        settings.levels.set(rule.code, level);
    }
    for name in &args.ignore {
        let rule = find_rule(name)?;
        settings.levels.set(rule.code, Level::Off);
    }
    Ok(settings)
}

fn find_rule(name: &str) -> Result<&'static rules::Rule> {
    match rules::find(name) {
        Some(r) => Ok(r),
        None => {
            let names = RULES.iter().flat_map(|r| [r.code, r.name]);
            let hint = suggest::did_you_mean(name, names)
                .unwrap_or_else(|| "run `sopmap rules` to list them".to_string());
            bail!("unknown rule `{name}`; {hint}")
        }
    }
}
