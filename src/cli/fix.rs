//! `sopmap check --fix` and `--diff`: the library's safe fixes
//! ([`crate::fix`]) applied to the files of a check, round after round,
//! re-checking only the files a round changed. With `--fix` the changed
//! files are written atomically (a temporary file beside the original,
//! then renamed over it, keeping its permissions and byte order mark);
//! with `--diff` a unified diff is printed and nothing is written.

use std::io::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::cli::said::Say;
use crate::msg;

use crate::cli::Io;
use crate::cli::output::temp_in;
use crate::cli::settings::Global;
use crate::fix;
use crate::run::{self, Outcome, Run};
use crate::source::SourceFile;

/// What fixing did, for the summary line.
pub struct Summary {
    /// Fixes applied (or, with `--diff`, that would be).
    pub fixes: usize,
    /// Files changed (or that would be).
    pub files: usize,
    /// The fix loop stopped at its round limit with fixes left.
    pub unsettled: bool,
}

/// Fixes the reported files of `outcome` in memory, each round a whole
/// run over the same files (the neighbours loaded for links included), and
/// returns the fix outcome, the texts as they were, and the final sources.
pub fn run(outcome: Outcome, g: &Global) -> (fix::Outcome, Vec<String>, Vec<SourceFile>) {
    let reported = outcome.reported();
    let scope = outcome.scope;
    let mut sources = outcome.sources;
    let originals: Vec<String> = sources.iter().take(reported).map(|s| s.text.clone()).collect();
    let mut first = Some(outcome.diagnostics);
    let check = |sources: &[SourceFile], _changed: &[usize]| {
        if let Some(d) = first.take() {
            return d;
        }
        let input = |(i, s): (usize, &SourceFile)| run::Input {
            source: s.clone(),
            settings: g.settings_for(&s.path),
            unnamed: scope.is_unnamed(i),
        };
        let mut r = Run::new(run::Options { jobs: g.jobs, ..run::Options::default() });
        r.add_inputs(sources.iter().enumerate().take(reported).map(input).collect());
        r.add_neighbours(sources.iter().enumerate().skip(reported).map(input).collect());
        r.finish(scope.partial).diagnostics
    };
    // Standard input has no file to write back to.
    let fixable = |f: usize| f < reported && !scope.is_unnamed(f);
    let out = fix::fix_files(&mut sources, fixable, check);
    (out, originals, sources)
}

/// Writes every changed input back atomically, or with `diff` prints the
/// unified diff of each instead.
pub fn write(
    sources: &[SourceFile],
    originals: &[String],
    outcome: &fix::Outcome,
    diff: bool,
    io: &mut Io<'_>,
) -> Result<Summary> {
    let mut summary = Summary { fixes: 0, files: 0, unsettled: !outcome.converged };
    for (f, (source, old)) in sources.iter().zip(originals).enumerate() {
        if source.text == *old {
            continue;
        }
        summary.files += 1;
        summary.fixes += outcome.applied.get(f).copied().unwrap_or(0);
        if diff {
            write!(io.stdout, "{}", fix::unified_diff(&source.path, old, &source.text))?;
        } else {
            write_atomic(Path::new(&source.path), &source.text)?;
        }
    }
    Ok(summary)
}

/// Replaces `path` by `text` through a temporary file in the same folder,
/// so a reader never sees half a file, keeping the file's permissions and
/// a leading byte order mark (which [`SourceFile`] drops when reading).
fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let shown = path.display();
    let old = std::fs::read(path)
        .say(|| msg!("tidak dapat membaca `{shown}` kembali" / "cannot read `{shown}` again"))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = temp_in(dir).say(|| {
        msg!("tidak dapat menulis ke folder `{}`" / "cannot write to folder `{}`", dir.display())
    })?;
    if old.starts_with("\u{feff}".as_bytes()) {
        tmp.write_all("\u{feff}".as_bytes())?;
    }
    tmp.write_all(text.as_bytes())
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.as_file()
        .sync_all()
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    tmp.persist(path).say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    Ok(())
}
