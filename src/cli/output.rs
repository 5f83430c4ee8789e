//! Where a rendered artefact goes: standard output, or a file written
//! atomically (a temporary file in the target folder, then renamed over
//! the target) so a reader never sees half a file. The input is never
//! overwritten.

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
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(target), std::fs::canonicalize(input))
        && a == b
    {
        bail!("refusing to overwrite the input `{}` with the output", input.display());
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".sopmap-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write to folder `{}`", dir.display()))?;
    tmp.write_all(bytes).with_context(|| format!("cannot write `{}`", target.display()))?;
    tmp.as_file().sync_all().with_context(|| format!("cannot write `{}`", target.display()))?;
    tmp.persist(target).with_context(|| format!("cannot write `{}`", target.display()))?;
    Ok(())
}
