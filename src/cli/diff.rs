//! `sopmap diff`: read two versions (two files, or a file and its version
//! at a git revision), check both with the rule levels `sopmap check` would
//! use for them (`sopmap.yaml`), compare, print in the chosen format.

use std::path::Path;

use anyhow::Result;

use crate::bail_in;

use crate::check::Settings;
use crate::cli::args::{DiffArgs, DiffFormat, GlobalArgs};
use crate::cli::inputs::{self, display_path};
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io, git};
use crate::diff::{self, Version};
use crate::run::{self, Keep, Outcome};
use crate::source::SourceFile;

/// One version, checked on its own (a run of one file).
struct Side {
    outcome: Outcome,
}

impl Side {
    fn check(source: SourceFile, settings: &Settings, g: &Global) -> Result<Side> {
        let outcome = checked(source, settings, g);
        if outcome.model(0).is_none() {
            let first = outcome.diagnostics.first().and_then(|d| {
                let at = outcome.sources.first()?.line_col(d.span.start);
                Some(format!(" ({at}: {})", d.message.get(g.lang)))
            });
            let first = first.unwrap_or_default();
            bail_in!(
                "tidak dapat membandingkan `{}`: berkas itu bukan dokumen SOP{}; jalankan `sopmap check` padanya"
                    / "cannot compare `{}`: it is not a SOP document{}; run `sopmap check` on it",
                outcome.sources.first().map_or("", |s| s.path.as_str()),
                &first
            );
        }
        Ok(Side { outcome })
    }

    /// A version with no steps, actors or findings: what a file that did
    /// not exist yet is compared as.
    fn nothing(path: String, settings: &Settings, g: &Global) -> Side {
        let mut outcome = checked(SourceFile::new(path, "{}"), settings, g);
        outcome.diagnostics.clear();
        Side { outcome }
    }

    fn version(&self) -> Option<Version<'_>> {
        let model = self.outcome.model(0)?;
        Some(Version {
            source: self.outcome.sources.first()?,
            sop: &model.sop,
            graph: &model.graph,
            findings: &self.outcome.diagnostics,
        })
    }
}

fn checked(source: SourceFile, settings: &Settings, g: &Global) -> Outcome {
    let input = run::Input::new(source, settings.clone());
    run::check(vec![input], run::Options { jobs: g.jobs, keep: Keep::Models, cross_sop: false })
}

fn read(p: &Path, settings: &Settings, g: &Global) -> Result<Side> {
    let text = inputs::read_file(p, g.max_file_size)?;
    Side::check(SourceFile::new(display_path(p), text), settings, g)
}

pub fn run(args: &DiffArgs, global: &GlobalArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let settings_for = |p: &Path| g.settings_for(&display_path(p));
    let (old, new) = match (&args.git, args.paths.as_slice()) {
        (Some(rev), [file]) => {
            let settings = settings_for(file);
            let at = git::show(rev, file)?;
            // A file deleted since REV: everything is removed.
            let new = if !file.exists() && at.text.is_some() {
                Side::nothing(display_path(file), &settings, &g)
            } else {
                read(file, &settings, &g)?
            };
            let old = match at.text {
                Some(text) => Side::check(SourceFile::new(at.display, text), &settings, &g)?,
                None => Side::nothing(at.display, &settings, &g),
            };
            (old, new)
        }
        (Some(_), _) => bail_in!(
            "dengan --git berikan satu berkas: sopmap diff --git REV BERKAS"
                / "with --git give one file: sopmap diff --git REV FILE"
        ),
        (None, [a, b]) => (read(a, &settings_for(a), &g)?, read(b, &settings_for(b), &g)?),
        (None, _) => bail_in!(
            "berikan dua berkas (sopmap diff LAMA BARU) atau satu berkas dengan --git REV"
                / "give two files (sopmap diff OLD NEW) or one with --git REV"
        ),
    };
    let (Some(ov), Some(nv)) = (old.version(), new.version()) else {
        bail_in!(
            "tidak dapat membandingkan: salah satu versi tidak dapat dibaca"
                / "cannot compare: a version did not parse"
        );
    };
    // The new file's workday (its own `workday:` still wins in the analysis).
    let workday =
        args.paths.last().map_or(g.base().workday_minutes, |p| settings_for(p).workday_minutes);
    let lang = g.lang;
    let d = diff::diff(&ov, &nv, workday, lang);
    let text = match args.format {
        DiffFormat::Text => diff::text::render(&d, lang),
        DiffFormat::Md => diff::markdown::render(&d, lang),
        DiffFormat::Json => diff::json::render(&d),
    };
    io.stdout.write_all(text.as_bytes())?;
    io.stdout.flush()?;
    Ok(if args.exit_code && !d.is_empty() { ExitStatus::Findings } else { ExitStatus::Clean })
}
