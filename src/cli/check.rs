//! `sopmap check`: gather inputs, check each, report, pick the exit status.

use anyhow::{Result, bail};

use crate::catalog::{Catalog, check_corpus};
use crate::check::Settings;
use crate::cli::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::cli::corpus;
use crate::cli::{Env, ExitStatus, Io};
use crate::diagnostic::{self, Diagnostic, Level};
use crate::report::{self, Counts, Format, Report};
use crate::rules::{self, RULES};
use crate::suggest;

pub fn run(args: &CheckArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let settings = settings(args)?;
    let paths = corpus::default_paths(&args.paths, &env.cwd, "check")?;
    let loaded = corpus::load(&paths, args.stdin_filename.as_deref(), &settings, true, io)?;
    let (sources, had_io_error) = (&loaded.sources, loaded.had_io_error);
    let mut all: Vec<Diagnostic> = Vec::new();
    for c in loaded.checked.iter().take(loaded.inputs) {
        all.extend(c.diagnostics.iter().cloned());
    }
    // Links across SOPs, once every file is checked.
    let catalog = Catalog::build(sources, &loaded.checked, settings.workday_minutes);
    all.extend(check_corpus(&catalog, &loaded.scope, |_| &settings.levels));
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
    let rep = Report { sources, color };
    report::write(format, &rep, &all, io.stdout)?;
    io.stdout.flush()?;
    let counts = Counts::of(&all, loaded.inputs);
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

fn settings(args: &CheckArgs) -> Result<Settings> {
    let mut settings = Settings::default();
    if let Some(w) = &args.workday {
        settings.workday_minutes = corpus::parse_workday(w)?;
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
