//! `sopmap check --fix` and `--diff`: the library's safe fixes
//! ([`crate::fix`]) applied to the files of a check, round after round,
//! re-checking only the files a round changed. With `--fix` the changed
//! files are written atomically (a temporary file beside the original,
//! then renamed over it, keeping its permissions and byte order mark);
//! with `--diff` a unified diff is printed and nothing is written.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::check::{Checked, Settings, check_source_unsuppressed};
use crate::cli::Io;
use crate::cli::corpus::Loaded;
use crate::cli::output::temp_in;
use crate::diagnostic::Diagnostic;
use crate::fix;
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

/// Fixes the inputs of `loaded` in memory and returns the findings left,
/// as `findings` computes them from the sources and their check results.
/// Files are written (or diffed) by [`write`].
pub fn run(
    loaded: &mut Loaded,
    fallback: &Settings,
    findings: impl Fn(&[SourceFile], &[Checked]) -> Vec<Diagnostic>,
) -> (fix::Outcome, Vec<String>) {
    let originals: Vec<String> =
        loaded.sources.iter().take(loaded.inputs).map(|s| s.text.clone()).collect();
    let inputs = loaded.inputs;
    let scope = &loaded.scope;
    let settings = &loaded.settings;
    let checked = &mut loaded.checked;
    let mut first = true;
    let outcome = fix::fix_files(
        &mut loaded.sources,
        // Standard input has no file to write back to.
        |f| f < inputs && !scope.is_unnamed(f),
        |sources, changed| {
            if !std::mem::take(&mut first) {
                for &f in changed {
                    if let (Some(src), Some(slot)) = (sources.get(f), checked.get_mut(f)) {
                        *slot =
                            check_source_unsuppressed(src, f, settings.get(f).unwrap_or(fallback));
                    }
                }
            }
            findings(sources, checked)
        },
    );
    (outcome, originals)
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
    let old = std::fs::read(path).with_context(|| format!("cannot read `{shown}` again"))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp =
        temp_in(dir).with_context(|| format!("cannot write to folder `{}`", dir.display()))?;
    if old.starts_with("\u{feff}".as_bytes()) {
        tmp.write_all("\u{feff}".as_bytes())?;
    }
    tmp.write_all(text.as_bytes()).with_context(|| format!("cannot write `{shown}`"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.as_file().sync_all().with_context(|| format!("cannot write `{shown}`"))?;
    tmp.persist(path).with_context(|| format!("cannot write `{shown}`"))?;
    Ok(())
}
