//! `sopmap diff`: read two versions (two files, or a file and its version
//! at a git revision), check both with the rule levels `sopmap check` would
//! use for them (`sopmap.yaml`), compare, print in the chosen format.

use std::path::Path;

use anyhow::{Result, bail};

use crate::check::{Checked, Settings, check_source};
use crate::cli::args::{DiffArgs, DiffFormat};
use crate::cli::check::{DEFAULT_MAX_FILE_SIZE, config_relative, display_path, load_config_from};
use crate::cli::{Env, ExitStatus, Io, git, inputs};
use crate::diff::{self, Version};
use crate::lang::Lang;
use crate::source::SourceFile;

struct Loaded {
    source: SourceFile,
    checked: Checked,
}

impl Loaded {
    fn check(source: SourceFile, settings: &Settings) -> Result<Loaded> {
        let checked = check_source(&source, 0, settings);
        if checked.sop.is_none() {
            let first = checked.diagnostics.first().map(|d| {
                let at = source.line_col(d.span.start);
                format!(" ({at}: {})", d.message)
            });
            bail!(
                "cannot compare `{}`: it is not a SOP document{}; run `sopmap check` on it",
                source.path,
                first.unwrap_or_default()
            );
        }
        Ok(Loaded { source, checked })
    }

    /// A version with no steps, actors or findings: what a file that did
    /// not exist yet is compared as.
    fn nothing(path: String, settings: &Settings) -> Loaded {
        let source = SourceFile::new(path, "{}");
        let mut checked = check_source(&source, 0, settings);
        checked.diagnostics.clear();
        Loaded { source, checked }
    }

    fn version(&self) -> Option<Version<'_>> {
        Some(Version {
            source: &self.source,
            sop: self.checked.sop.as_ref()?,
            graph: self.checked.graph.as_ref()?,
            findings: &self.checked.diagnostics,
        })
    }
}

fn read(p: &Path, settings: &Settings) -> Result<Loaded> {
    let text = inputs::read_file(p, DEFAULT_MAX_FILE_SIZE)?;
    Loaded::check(SourceFile::new(display_path(p), text), settings)
}

pub fn run(args: &DiffArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let config = match load_config_from(None, env)? {
        Ok(c) => c,
        Err(report) => {
            write!(io.stderr, "{report}")?;
            return Ok(ExitStatus::Error);
        }
    };
    let settings_for = |p: &Path| match &config {
        Some((config, dir)) => {
            config.settings_for(&Settings::default(), &config_relative(p, dir, env))
        }
        None => Settings::default(),
    };
    let (old, new) = match (&args.git, args.paths.as_slice()) {
        (Some(rev), [file]) => {
            let settings = settings_for(file);
            let at = git::show(rev, file)?;
            // A file deleted since REV: everything is removed.
            let new = if !file.exists() && at.text.is_some() {
                Loaded::nothing(display_path(file), &settings)
            } else {
                read(file, &settings)?
            };
            let old = match at.text {
                Some(text) => Loaded::check(SourceFile::new(at.display, text), &settings)?,
                None => Loaded::nothing(at.display, &settings),
            };
            (old, new)
        }
        (Some(_), _) => bail!("with --git give one file: sopmap diff --git REV FILE"),
        (None, [a, b]) => (read(a, &settings_for(a))?, read(b, &settings_for(b))?),
        (None, _) => bail!("give two files (sopmap diff OLD NEW) or one with --git REV"),
    };
    let (Some(ov), Some(nv)) = (old.version(), new.version()) else {
        bail!("cannot compare: a version did not parse");
    };
    // The new file's workday (its own `workday:` still wins in the analysis).
    let workday =
        args.paths.last().map_or(Settings::default(), |p| settings_for(p)).workday_minutes;
    let d = diff::diff(&ov, &nv, workday);
    let lang = Lang::from(args.lang);
    let text = match args.format {
        DiffFormat::Text => diff::text::render(&d, lang),
        DiffFormat::Md => diff::markdown::render(&d, lang),
        DiffFormat::Json => diff::json::render(&d),
    };
    io.stdout.write_all(text.as_bytes())?;
    io.stdout.flush()?;
    Ok(if args.exit_code && !d.is_empty() { ExitStatus::Findings } else { ExitStatus::Clean })
}
