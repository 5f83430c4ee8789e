//! Where a rendered artefact goes: standard output, or a file written
//! atomically (a temporary file in the target folder, then renamed over
//! the target) so a reader never sees half a file. The input is never
//! overwritten. [`write_file`] is the one atomic writer every command uses.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::Io;

/// Writes `bytes` to `target`, or to standard output when there is none.
pub fn write(target: Option<&Path>, input: &Path, bytes: &[u8], io: &mut Io<'_>) -> Result<()> {
    let Some(target) = target else {
        io.stdout.write_all(bytes)?;
        return Ok(());
    };
    refuse_input(target, input)?;
    write_file(target, bytes)
}

/// Fails when `target` is the file `input` (the input is never overwritten).
pub fn refuse_input(target: &Path, input: &Path) -> Result<()> {
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(target), std::fs::canonicalize(input))
        && a == b
    {
        bail!("refusing to overwrite the input `{}` with the output", input.display());
    }
    Ok(())
}

/// Writes `bytes` to `target` through a temporary file in the same folder.
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!("cannot write `{}`: folder `{}` does not exist", target.display(), dir.display());
    }
    let mut tmp =
        temp_in(dir).with_context(|| format!("cannot write to folder `{}`", dir.display()))?;
    tmp.write_all(bytes).with_context(|| format!("cannot write `{}`", target.display()))?;
    tmp.as_file().sync_all().with_context(|| format!("cannot write `{}`", target.display()))?;
    tmp.persist(target).with_context(|| format!("cannot write `{}`", target.display()))?;
    Ok(())
}

/// A temporary file in `dir` for an atomic write. It is created with the
/// mode of an ordinary new file (0644 before the umask), not tempfile's
/// private 0600, so the renamed result is readable like any file the user
/// makes.
pub fn temp_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sopmap-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir)
}
