//! `sopmap check`: gather inputs, check each, report, pick the exit status.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::check::{self, Settings};
use crate::cli::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::cli::inputs::{self, Input};
use crate::cli::{Env, ExitStatus, Io};
use crate::config::{self, Config};
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
    let loaded = match load_config(args, env)? {
        Ok(loaded) => loaded,
        Err(report) => {
            write!(io.stderr, "{report}")?;
            return Ok(ExitStatus::Error);
        }
    };
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
    let mut inputs = inputs::collect(&paths)?;
    if let Some((config, dir)) = &loaded {
        inputs.retain(|i| match i {
            Input::File(p) => !config.is_excluded(&config_relative(p, dir, env)),
            Input::Stdin => true,
        });
    }
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
    // Precedence: defaults < config `rules` < config `overrides` < flags.
    let per_file: Vec<Settings> = sources
        .iter()
        .map(|src| {
            let base = Settings::default();
            let s = match &loaded {
                Some((config, dir)) => {
                    config.settings_for(&base, &config_relative(Path::new(&src.path), dir, env))
                }
                None => base,
            };
            apply_flags(args, s)
        })
        .collect::<Result<_>>()?;
    let fallback = apply_flags(args, Settings::default())?;
    if args.parse_only {
        let failed = check::parse_files(&sources, jobs, fallback.limits);
        if !args.quiet {
            writeln!(io.stderr, "parsed {} files, {failed} with YAML errors", sources.len())?;
        }
        return Ok(if had_io_error { ExitStatus::Error } else { ExitStatus::Clean });
    }
    let mut all: Vec<Diagnostic> = Vec::new();
    let settings_for = |f| per_file.get(f).unwrap_or(&fallback);
    for diagnostics in check::diagnose_files_with_jobs(&sources, jobs, settings_for) {
        all.extend(diagnostics);
    }
    diagnostic::sort(&mut all, |f| sources.get(f).map(|s| s.path.clone()).unwrap_or_default());

    let format = match args.format {
        Some(OutputFormat::Full) => Format::Full,
        Some(OutputFormat::Concise) => Format::Concise,
        Some(OutputFormat::Json) => Format::Json,
        Some(OutputFormat::Sarif) => Format::Sarif,
        Some(OutputFormat::Github) => Format::Github,
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
    io.stdout.flush()?;
    let counts = Counts::of(&all, sources.len());
    if !args.quiet {
        writeln!(io.stderr, "{}", report::summary(&counts))?;
        if let Some(max) = args.max_warnings
            && counts.warnings > max
        {
            writeln!(io.stderr, "too many warnings: {} (--max-warnings {max})", counts.warnings)?;
        }
    }
    Ok(if had_io_error {
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

/// Paths as the user wrote them, with `/` separators on every platform so
/// output is the same everywhere.
fn display_path(p: &std::path::Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Applies `--select`, `--ignore` and the YAML limit flags on top of
/// `settings`.
fn apply_flags(args: &CheckArgs, mut settings: Settings) -> Result<Settings> {
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

/// Finds the configuration: `--config FILE`, else `sopmap.yaml` in the
/// working folder or the nearest parent. The search stops after the first
/// folder that holds `.git` (the repository root) or at the filesystem
/// root, so a stray file above a repository never applies to it.
fn find_config(env: &Env) -> Option<PathBuf> {
    let mut dir = Some(env.cwd.as_path());
    while let Some(d) = dir {
        let candidate = d.join(config::FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

/// The loaded configuration and the folder its globs are relative to;
/// `Ok(Err(text))` holds positioned configuration errors to print.
type Loaded = Option<(Config, PathBuf)>;

fn load_config(args: &CheckArgs, env: &Env) -> Result<std::result::Result<Loaded, String>> {
    if args.no_config {
        return Ok(Ok(None));
    }
    let path = match &args.config {
        Some(p) => env.cwd.join(p),
        None => match find_config(env) {
            Some(p) => p,
            None => return Ok(Ok(None)),
        },
    };
    let shown = match &args.config {
        Some(p) => p.clone(),
        None => path.strip_prefix(&env.cwd).map_or_else(|_| path.clone(), Path::to_path_buf),
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read configuration `{}`", shown.display()))?;
    let source = SourceFile::new(display_path(&shown), text);
    match config::parse(&source) {
        Ok(config) => {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| env.cwd.clone());
            Ok(Ok(Some((config, dir))))
        }
        Err(errors) => {
            let mut out = String::new();
            for e in errors {
                let at = source.line_col(e.span.start);
                out.push_str(&format!("sopmap: error: {}:{at}: {}\n", source.path, e.message));
                if let Some(help) = e.help {
                    out.push_str(&format!("  help: {help}\n"));
                }
            }
            Ok(Err(out))
        }
    }
}

/// A checked file's path relative to the configuration's folder, with `/`
/// separators, for glob matching; the path as shown when it lies outside.
fn config_relative(path: &Path, config_dir: &Path, env: &Env) -> String {
    let abs = if path.is_absolute() { path.to_path_buf() } else { env.cwd.join(path) };
    match abs.strip_prefix(config_dir) {
        Ok(rel) => display_path(rel),
        Err(_) => display_path(path),
    }
}
