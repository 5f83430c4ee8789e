//! `sopmap check`: gather inputs, check each, report, pick the exit status.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::catalog::{Catalog, apply_suppressions, check_corpus};
use crate::check::{self, Checked, Settings};
use crate::cli::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::cli::corpus;
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
pub(super) const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

pub fn run(args: &CheckArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let config = match load_config(args, env)? {
        Ok(loaded) => loaded,
        Err(report) => {
            write!(io.stderr, "{report}")?;
            return Ok(ExitStatus::Error);
        }
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "check")?;
    let mut inputs = inputs::collect(&paths)?;
    if let Some((config, dir)) = &config {
        inputs.retain(|i| match i {
            Input::File(p) => !config.is_excluded(&config_relative(p, dir, env)),
            Input::Stdin => true,
        });
    }
    // Precedence: defaults < config `rules` < config `overrides` < flags.
    let base = match &config {
        Some((config, _)) => config.settings_for(&Settings::default(), ""),
        None => Settings::default(),
    };
    let fallback = apply_flags(args, base)?;
    let settings_for = |path: &str| -> Settings {
        match &config {
            Some((config, dir)) => {
                let rel = config_relative(Path::new(path), dir, env);
                apply_flags(args, config.settings_for(&Settings::default(), &rel))
                    .unwrap_or_else(|_| fallback.clone())
            }
            None => fallback.clone(),
        }
    };
    let read = corpus::ReadOptions {
        jobs: args.jobs.map_or_else(check::default_jobs, usize::from),
        max_file_size: args.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
    };
    if args.parse_only {
        return parse_only(&inputs, args, &read, fallback.limits, io);
    }
    let mut loaded = corpus::load(
        &paths,
        &inputs,
        args.stdin_filename.as_deref(),
        &settings_for,
        true,
        &read,
        io,
    )?;
    let unreadable = loaded.unreadable;
    let (settings, scope, count) = (loaded.settings.clone(), loaded.scope.clone(), loaded.inputs);
    let findings = |sources: &[SourceFile], checked: &[Checked]| -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = Vec::new();
        for c in checked.iter().take(count) {
            all.extend(c.diagnostics.iter().cloned());
        }
        // Links across SOPs, once every file is checked.
        let catalog =
            Catalog::build_with_jobs(sources, checked, fallback.workday_minutes, read.jobs);
        let levels_for = |f: usize| settings.get(f).map_or(&fallback.levels, |s| &s.levels);
        all.extend(check_corpus(&catalog, &scope, levels_for));
        let mut all = apply_suppressions(sources, 0..count, all, levels_for);
        diagnostic::sort(&mut all, |f| sources.get(f).map(|s| s.path.clone()).unwrap_or_default());
        all
    };
    let mut fixed = None;
    let all = if args.fix || args.diff {
        let (outcome, originals) = super::fix::run(&mut loaded, &fallback, findings);
        let summary = super::fix::write(&loaded.sources, &originals, &outcome, args.diff, io)?;
        fixed = Some(summary);
        outcome.findings
    } else {
        findings(&loaded.sources, &loaded.checked)
    };
    let sources = &loaded.sources;
    if args.diff {
        return diff_status(fixed, args.quiet, io);
    }

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
    let rep = Report { sources, color };
    report::write(format, &rep, &all, io.stdout)?;
    io.stdout.flush()?;
    let counts = Counts::of(&all, loaded.inputs);
    if !args.quiet {
        let mut summary = report::summary(&counts);
        if unreadable > 0 {
            // "no problems found" alone would hide that some input was skipped.
            let files = if unreadable == 1 { "file" } else { "files" };
            summary.push_str(&format!("; {unreadable} {files} could not be read"));
        }
        if let Some(f) = &fixed {
            writeln!(io.stderr, "{}", fix_summary(f, false))?;
        }
        writeln!(io.stderr, "{summary}")?;
        if let Some(max) = args.max_warnings
            && counts.warnings > max
        {
            writeln!(io.stderr, "too many warnings: {} (--max-warnings {max})", counts.warnings)?;
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

/// The summary line of `--fix` (`fixed 3 findings in 2 files`) or of
/// `--diff` (`would fix …`).
fn fix_summary(f: &super::fix::Summary, preview: bool) -> String {
    let findings = if f.fixes == 1 { "finding" } else { "findings" };
    let files = if f.files == 1 { "file" } else { "files" };
    let mut line = match (preview, f.fixes) {
        (_, 0) => "nothing to fix".to_string(),
        (true, n) => format!("would fix {n} {findings} in {} {files}", f.files),
        (false, n) => format!("fixed {n} {findings} in {} {files}", f.files),
    };
    if f.unsettled {
        line.push_str(&format!(
            "; fixes were still appearing after {} rounds, run again to see what is left",
            crate::fix::MAX_ROUNDS
        ));
    }
    line
}

/// `--diff` printed its diff: exit 1 when there was something to fix.
fn diff_status(
    fixed: Option<super::fix::Summary>,
    quiet: bool,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let Some(f) = fixed else { return Ok(ExitStatus::Clean) };
    if !quiet {
        writeln!(io.stderr, "{}", fix_summary(&f, true))?;
    }
    Ok(if f.files > 0 { ExitStatus::Findings } else { ExitStatus::Clean })
}

/// Paths as the user wrote them, with `/` separators on every platform so
/// output is the same everywhere.
pub(super) fn display_path(p: &std::path::Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The benchmark baseline behind `--parse-only`: read every input and parse
/// its YAML on the same threads as a check, and nothing else.
fn parse_only(
    inputs: &[Input],
    args: &CheckArgs,
    read: &corpus::ReadOptions,
    limits: crate::yaml::Limits,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let mut sources = Vec::with_capacity(inputs.len());
    let mut unreadable = 0usize;
    for input in inputs {
        let text = match input {
            Input::File(p) => inputs::read_file(p, read.max_file_size),
            Input::Stdin => inputs::read_stdin(io.stdin, read.max_file_size),
        };
        match text {
            Ok(t) => sources.push(SourceFile::new(String::new(), t)),
            Err(e) => {
                writeln!(io.stderr, "sopmap: error: {e:#}")?;
                unreadable += 1;
            }
        }
    }
    let failed = check::parse_files(&sources, read.jobs, limits);
    if !args.quiet {
        writeln!(io.stderr, "parsed {} files, {failed} with YAML errors", sources.len())?;
    }
    Ok(if unreadable > 0 { ExitStatus::Error } else { ExitStatus::Clean })
}

/// Applies `--workday`, `--select`, `--ignore` and the YAML limit flags on
/// top of `settings`.
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
    if let Some(w) = &args.workday {
        settings.workday_minutes = corpus::parse_workday(w)?;
    }
    // `--select "cycle, dead-end"` and a trailing comma are meant kindly.
    let names = |list: &'_ [String]| -> Vec<String> {
        list.iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect()
    };
    for name in &names(&args.select) {
        let rule = find_rule(name)?;
        let level = match rule.default_level {
            Level::Off => Level::Error,
            l => l,
        };
        settings.levels.set(rule.code, level);
    }
    for name in &names(&args.ignore) {
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
pub(super) type Loaded = Option<(Config, PathBuf)>;

fn load_config(args: &CheckArgs, env: &Env) -> Result<std::result::Result<Loaded, String>> {
    if args.no_config {
        return Ok(Ok(None));
    }
    load_config_from(args.config.as_ref(), env)
}

/// The configuration at `explicit`, else the one [`find_config`] finds
/// (shared with the renderers' gate, so both judge a SOP alike).
pub(super) fn load_config_from(
    explicit: Option<&PathBuf>,
    env: &Env,
) -> Result<std::result::Result<Loaded, String>> {
    let path = match explicit {
        Some(p) => env.cwd.join(p),
        None => match find_config(env) {
            Some(p) => p,
            None => return Ok(Ok(None)),
        },
    };
    let shown = match explicit {
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
pub(super) fn config_relative(path: &Path, config_dir: &Path, env: &Env) -> String {
    let joined = if path.is_absolute() { path.to_path_buf() } else { env.cwd.join(path) };
    // `..` and `.` are resolved by name (no symlinks followed), so that
    // `../arsip/x.yaml` meets the same globs as `sops/arsip/x.yaml`.
    let mut abs = std::path::PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                abs.pop();
            }
            other => abs.push(other),
        }
    }
    match abs.strip_prefix(config_dir) {
        Ok(rel) => display_path(rel),
        Err(_) => display_path(path),
    }
}
