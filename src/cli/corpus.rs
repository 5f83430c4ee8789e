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

use anyhow::Result;

use crate::bail_in;
use crate::cli::Io;
use crate::cli::inputs::{self, Input, display_path};
use crate::cli::said;
use crate::cli::settings::Global;
use crate::run::{self, Keep, Outcome, Run};
use crate::source::SourceFile;

/// Bytes of text read before the files read so far are checked (and the
/// texts no report needs dropped).
const BATCH_BYTES: usize = 2 * 1024 * 1024;

/// A finished run and what could not be read.
pub struct Loaded {
    pub outcome: Outcome,
    /// How many inputs could not be read (reported on stderr already).
    pub unreadable: usize,
}

/// The paths to use: those given, else `./sops` when it exists.
pub fn default_paths(paths: &[PathBuf], cwd: &Path, command: &str) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    if !cwd.join("sops").is_dir() {
        bail_in!(
            "tidak ada PATH yang diberikan dan tidak ada folder `sops/` di sini; cara pakai: sopmap {command} PATH…"
                / "no paths given and there is no `sops/` folder here; usage: sopmap {command} PATH…"
        );
    }
    Ok(vec![PathBuf::from("sops")])
}

/// What a command asks of [`load`].
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    /// The file name to show for standard input.
    pub stdin_filename: Option<&'a str>,
    /// Resolve links of single files from their folders.
    pub lookup: bool,
    pub keep: Keep,
}

/// Reads the inputs found under `req.paths` (minus those the configuration
/// excludes), runs the check over them, and, with `req.lookup`, reads the
/// SOPs their links name from their folders first.
pub fn load(req: &Request<'_>, global: &Global, io: &mut Io<'_>) -> Result<Loaded> {
    let mut found = inputs::collect(req.paths)?;
    found.retain(|i| match i {
        Input::File(p) => !global.is_excluded(p),
        Input::Stdin => true,
    });
    let mut unreadable = 0usize;
    let mut run = Run::new(run::Options { jobs: global.jobs, keep: req.keep, cross_sop: true });
    // Read and checked in batches: a batch's texts that no report will show
    // are dropped before the next batch is read (crate::run, Memory).
    let mut batch = Vec::new();
    let mut batch_bytes = 0usize;
    for input in &found {
        let read = match input {
            Input::File(p) => inputs::read_file(p, global.max_file_size)
                .map(|t| SourceFile::new(display_path(p), t)),
            Input::Stdin => inputs::read_stdin(io.stdin, global.max_file_size).map(|t| {
                SourceFile::new(
                    req.stdin_filename.map_or_else(|| "<stdin>".into(), str::to_string),
                    t,
                )
            }),
        };
        match read {
            Ok(source) => {
                let settings = global.settings_for(&source.path);
                let unnamed = matches!(input, Input::Stdin);
                batch_bytes += source.text.len();
                batch.push(run::Input { source, settings, unnamed });
                if batch_bytes >= BATCH_BYTES {
                    run.add_inputs(std::mem::take(&mut batch));
                    batch_bytes = 0;
                }
            }
            Err(e) => {
                writeln!(
                    io.stderr,
                    "{}{}",
                    said::error_prefix(global.lang),
                    crate::render::escape::terminal(&said::render(&e, global.lang))
                )?;
                unreadable += 1;
            }
        }
    }
    run.add_inputs(batch);

    // Single files (and standard input) are a partial view of their folder.
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    let mut partial = false;
    for p in req.paths {
        if p.as_os_str() == "-" {
            partial = true;
            match req.stdin_filename {
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
    if req.lookup && partial && !folders.is_empty() {
        let mut loaded: BTreeSet<PathBuf> = found
            .iter()
            .filter_map(|i| match i {
                Input::File(p) => p.canonicalize().ok(),
                Input::Stdin => None,
            })
            .collect();
        let mut read_new = |paths: Vec<PathBuf>| -> Vec<run::Input> {
            let mut out = Vec::new();
            for path in paths {
                let Ok(canon) = path.canonicalize() else { continue };
                if !loaded.insert(canon) {
                    continue;
                }
                // A neighbour that cannot be read is simply not a link target.
                if let Ok(text) = inputs::read_file(&path, global.max_file_size) {
                    let source = SourceFile::new(display_path(&path), text);
                    let settings = global.settings_for(&source.path);
                    out.push(run::Input::new(source, settings));
                }
            }
            out
        };
        let mut by_name = Vec::new();
        for id in &run.missing_targets() {
            for folder in &folders {
                for ext in ["yaml", "yml"] {
                    let candidate = folder.join(format!("{id}.{ext}"));
                    if candidate.is_file() {
                        by_name.push(candidate);
                    }
                }
            }
        }
        run.add_neighbours(read_new(by_name));
        if !run.missing_targets().is_empty() {
            let all = folders.iter().flat_map(|f| sop_files_in(f)).collect();
            run.add_neighbours(read_new(all));
        }
    }
    let mut outcome = run.finish(partial);
    for file in outcome.texts_needed() {
        let path = outcome.sources.get(file).map(|s| PathBuf::from(&s.path));
        if let Some(text) = path.and_then(|p| inputs::read_file(&p, global.max_file_size).ok()) {
            outcome.restore_text(file, text);
        }
    }
    Ok(Loaded { outcome, unreadable })
}

fn parent_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
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
            Ok(d.max_base().div_ceil(60))
        }
        Ok(_) => bail_in!(
            "`--workday {text}` harus berupa satu panjang waktu dalam `jam` atau `menit`, misalnya `--workday 7 jam`"
                / "`--workday {text}` must be a single length in `jam` or `menit`, e.g. `--workday 7 jam`"
        ),
        Err(e) => bail_in!("`--workday {text}`: {}" / "`--workday {text}`: {}", e.message),
    }
}
