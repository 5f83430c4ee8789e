//! Loading a corpus for the commands that look across SOPs (`check`,
//! `list`, `graph`, `timing`): read the inputs, check each file, and, when
//! only single files were given, look up the SOPs they link to in the same
//! folders so that links resolve without crying wolf.
//!
//! The lookup policy (documented in `sopmap explain unknown-sop`): for every
//! link target not among the inputs, try `<id>.yaml` and `<id>.yml` in the
//! folder of each input file; if some targets are still missing, read every
//! SOP file of those folders (not recursively). Files loaded this way only
//! help resolve links: their own findings are not reported.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::catalog::{Scope, links};
use crate::check::{
    Checked, Settings, check_files_unsuppressed_with_jobs,
    check_source_unsuppressed as check_source,
};
use crate::cli::inputs::{self, Input};
use crate::cli::{Env, ExitStatus, Io};
use crate::source::SourceFile;

/// Largest file read (bytes) by the commands without `--max-file-size`;
/// the same default as `check` (see docs/limits.md).
pub const MAX_FILE_SIZE: u64 = super::check::DEFAULT_MAX_FILE_SIZE;

/// How files are read and checked.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// Threads checking files in parallel.
    pub jobs: usize,
    /// Largest file read (bytes).
    pub max_file_size: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { jobs: crate::check::default_jobs(), max_file_size: MAX_FILE_SIZE }
    }
}

/// The files of one run, checked (inline suppressions not yet applied:
/// see [`crate::catalog::apply_suppressions`]).
pub struct Loaded {
    pub sources: Vec<SourceFile>,
    pub checked: Vec<Checked>,
    /// The settings each file was checked with.
    pub settings: Vec<Settings>,
    pub scope: Scope,
    /// How many of `sources` are inputs (the rest were loaded for lookup).
    pub inputs: usize,
    /// Some input could not be read (reported on stderr already).
    pub had_io_error: bool,
    /// How many inputs could not be read.
    pub unreadable: usize,
}

/// Paths as the user wrote them, with `/` separators on every platform so
/// output is the same everywhere.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The paths to use: those given, else `./sops` when it exists.
pub fn default_paths(paths: &[PathBuf], cwd: &Path, command: &str) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    if !cwd.join("sops").is_dir() {
        bail!("no paths given and there is no `sops/` folder here; usage: sopmap {command} PATH…");
    }
    Ok(vec![PathBuf::from("sops")])
}

/// Reads and checks `inputs` (collected from `paths`), each with the
/// settings `settings_for` gives for its path; with `lookup`, resolves
/// links of single files from their folders.
pub fn load(
    paths: &[PathBuf],
    inputs: &[Input],
    stdin_filename: Option<&str>,
    settings_for: &dyn Fn(&str) -> Settings,
    lookup: bool,
    read: &ReadOptions,
    io: &mut Io<'_>,
) -> Result<Loaded> {
    let mut sources = Vec::with_capacity(inputs.len());
    let mut unnamed = Vec::with_capacity(inputs.len());
    let mut unreadable = 0usize;
    for input in inputs {
        let read = match input {
            Input::File(p) => inputs::read_file(p, read.max_file_size)
                .map(|t| SourceFile::new(display_path(p), t)),
            Input::Stdin => inputs::read_stdin(io.stdin, read.max_file_size).map(|t| {
                SourceFile::new(stdin_filename.map_or_else(|| "<stdin>".into(), str::to_string), t)
            }),
        };
        match read {
            Ok(src) => {
                unnamed.push(matches!(input, Input::Stdin));
                sources.push(src);
            }
            Err(e) => {
                writeln!(
                    io.stderr,
                    "sopmap: error: {}",
                    crate::render::escape::terminal(&format!("{e:#}"))
                )?;
                unreadable += 1;
            }
        }
    }
    let mut settings: Vec<Settings> = sources.iter().map(|s| settings_for(&s.path)).collect();
    // In parallel; results come back in input order whatever `jobs` is.
    let fallback = Settings::default();
    let mut checked: Vec<Checked> = check_files_unsuppressed_with_jobs(&sources, read.jobs, |i| {
        settings.get(i).unwrap_or(&fallback)
    });
    let count = sources.len();

    // Single files (and standard input) are a partial view of their folder.
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    let mut partial = false;
    for p in paths {
        if p.as_os_str() == "-" {
            partial = true;
            match stdin_filename {
                Some(name) => folders.insert(parent_of(Path::new(name))),
                None if Path::new("sops").is_dir() => folders.insert(PathBuf::from("sops")),
                None => folders.insert(PathBuf::from(".")),
            };
        } else if !p.is_dir() {
            partial = true;
            folders.insert(parent_of(p));
        }
    }
    folders.retain(|f| f.is_dir());
    if lookup && partial && !folders.is_empty() {
        let mut loaded: BTreeSet<PathBuf> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::File(p) => p.canonicalize().ok(),
                Input::Stdin => None,
            })
            .collect();
        let mut add = |path: &Path,
                       sources: &mut Vec<SourceFile>,
                       checked: &mut Vec<Checked>,
                       settings: &mut Vec<Settings>,
                       unnamed: &mut Vec<bool>| {
            let Ok(canon) = path.canonicalize() else { return };
            if !loaded.insert(canon) {
                return;
            }
            // A neighbour that cannot be read is simply not a link target.
            if let Ok(text) = inputs::read_file(path, read.max_file_size) {
                let src = SourceFile::new(display_path(path), text);
                let set = settings_for(&src.path);
                checked.push(check_source(&src, sources.len(), &set));
                settings.push(set);
                sources.push(src);
                unnamed.push(false);
            }
        };
        let missing = missing_targets(&checked);
        for id in &missing {
            for folder in &folders {
                for ext in ["yaml", "yml"] {
                    let candidate = folder.join(format!("{id}.{ext}"));
                    if candidate.is_file() {
                        add(&candidate, &mut sources, &mut checked, &mut settings, &mut unnamed);
                    }
                }
            }
        }
        if !missing_targets(&checked).is_empty() {
            for folder in &folders {
                for file in sop_files_in(folder) {
                    add(&file, &mut sources, &mut checked, &mut settings, &mut unnamed);
                }
            }
        }
    }
    let total = sources.len();
    let mut reported = vec![true; count];
    reported.resize(total, false);
    unnamed.resize(total, false);
    Ok(Loaded {
        sources,
        checked,
        settings,
        scope: Scope { reported, unnamed, partial },
        inputs: count,
        had_io_error: unreadable > 0,
        unreadable,
    })
}

/// The run-wide settings of `timing`, `list` and `graph`: `sopmap.yaml`
/// as `check` finds it (rule levels and workday, before per-path
/// overrides), then `--workday` on top. A broken configuration has its
/// positioned errors printed and gives `Err` with the exit status.
pub fn run_settings(
    env: &Env,
    workday: Option<&str>,
    io: &mut Io<'_>,
) -> Result<std::result::Result<Settings, ExitStatus>> {
    let mut settings = match crate::cli::check::load_config_from(None, env)? {
        Ok(Some((config, _))) => config.settings_for(&Settings::default(), ""),
        Ok(None) => Settings::default(),
        Err(report) => {
            write!(io.stderr, "{report}")?;
            return Ok(Err(ExitStatus::Error));
        }
    };
    if let Some(w) = workday {
        settings.workday_minutes = parse_workday(w)?;
    }
    Ok(Ok(settings))
}

/// [`load`] for commands without per-path configuration: `paths` expanded, every
/// file with `settings`.
pub fn load_paths(
    paths: &[PathBuf],
    settings: &Settings,
    lookup: bool,
    io: &mut Io<'_>,
) -> Result<Loaded> {
    let inputs = inputs::collect(paths)?;
    load(paths, &inputs, None, &|_| settings.clone(), lookup, &ReadOptions::default(), io)
}

fn parent_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Ids named by non-external links that no loaded SOP declares, sorted.
fn missing_targets(checked: &[Checked]) -> BTreeSet<String> {
    let have: BTreeSet<&str> = checked
        .iter()
        .filter_map(|c| c.sop.as_ref())
        .filter_map(|s| s.id.as_ref())
        .map(|i| i.value.as_str())
        .collect();
    checked
        .iter()
        .filter_map(|c| c.sop.as_ref())
        .flat_map(links)
        .filter(|l| !l.external && !have.contains(l.target.as_str()))
        .map(|l| l.target)
        // Only plain ids can name a file; anything else is reported as is.
        .filter(|t| {
            !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect()
}

/// `*.yaml`/`*.yml` files directly in `folder`, sorted.
fn sop_files_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        })
        .collect();
    out.sort();
    out
}

/// Parses a `--workday` value (`8 jam`, `450 menit`) into minutes.
pub fn parse_workday(text: &str) -> Result<u64> {
    match crate::duration::parse(text) {
        Ok(d) if d.bucket() == crate::duration::Bucket::WorkTime && d.min == d.max && d.max > 0 => {
            Ok(d.max_base())
        }
        Ok(_) => bail!(
            "`--workday {text}` must be a single length in `jam` or `menit`, e.g. `--workday 7 jam`"
        ),
        Err(e) => bail!("`--workday {text}`: {}", e.message),
    }
}
