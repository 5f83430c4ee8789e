//! Where a rendered artefact goes: standard output, or a file. This is the
//! one writer every command uses for `-o`, and it decides how a path is
//! written from what is at that path now (see docs/output.md):
//!
//! - nothing (a new path) or a regular file the user owns: written to a
//!   temporary file in the same folder, then renamed over the target, so a
//!   reader never sees half a file; the new file keeps the old one's mode;
//! - a symbolic link: followed, and the file it points to is written by
//!   these same rules (the link itself stays a link);
//! - a FIFO or a character device (`/dev/stdout`, `/dev/null`, a terminal):
//!   written through, never replaced;
//! - a regular file sopmap cannot replace without changing it (owned by
//!   someone else, or with several hard links): written through in place,
//!   so its owner, group, mode and links stay as they were;
//! - a read-only file, a folder, a block device or a socket: refused with a
//!   message saying why.
//!
//! The input is never overwritten.

use std::fs::{File, Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

use crate::cli::Io;

/// Writes `bytes` to `target`, or to standard output when there is none.
/// Refuses a target that is the input file itself.
pub fn write(target: Option<&Path>, input: &Path, bytes: &[u8], io: &mut Io<'_>) -> Result<()> {
    let Some(target) = target else {
        io.stdout.write_all(bytes)?;
        io.stdout.flush()?;
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
        bail_in!(
            "menolak menimpa masukan `{}` dengan keluaran"
                / "refusing to overwrite the input `{}` with the output",
            input.display()
        );
    }
    Ok(())
}

/// How many symbolic links are followed before giving up (as Linux does).
const MAX_LINKS: usize = 40;

/// Whether a write waits for the data to reach the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// `fsync` before the rename: after a crash the file is the old one or
    /// the new one, whole. For every single artefact a command writes.
    Synced,
    /// Renamed into place without `fsync`: readers still never see half a
    /// file, but a crash may leave one short. For many files that a re-run
    /// compares byte for byte and rewrites anyway (`sopmap site`), where
    /// one `fsync` per file would cost far more than the rendering.
    Unsynced,
}

/// Writes `bytes` to the file at `target` by the rules in the module
/// documentation.
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<()> {
    write_file_with(target, bytes, Durability::Synced)
}

/// [`write_file`] with the given durability.
pub fn write_file_with(target: &Path, bytes: &[u8], durability: Durability) -> Result<()> {
    let shown = target.display();
    let mut path = target.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return replace(target, &path, None, bytes, durability);
            }
            Err(e) => {
                return Err(e)
                    .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"));
            }
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let to = std::fs::read_link(&path).say(|| {
                msg!(
                    "tidak dapat membaca tautan `{}`" / "cannot read the link `{}`",
                    path.display()
                )
            })?;
            path = match path.parent() {
                Some(dir) if to.is_relative() => dir.join(to),
                _ => to,
            };
            continue;
        }
        if kind.is_dir() {
            bail_in!(
                "tidak dapat menulis `{shown}`: itu adalah folder; berikan nama berkas"
                    / "cannot write `{shown}`: it is a folder; give a file name"
            );
        }
        if kind.is_file() {
            return write_regular(target, &path, &meta, bytes, durability);
        }
        return write_special(target, &path, &kind, bytes);
    }
    bail_in!(
        "tidak dapat menulis `{shown}`: terlalu banyak tingkat tautan simbolik"
            / "cannot write `{shown}`: too many levels of symbolic links"
    )
}

/// A FIFO or a character device is written through; anything else that is
/// neither file nor folder (a block device, a socket) is refused.
fn write_special(target: &Path, path: &Path, kind: &std::fs::FileType, bytes: &[u8]) -> Result<()> {
    let shown = target.display();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_block_device() {
            bail_in!(
                "menolak menulis `{shown}`: itu adalah perangkat blok (diska), bukan berkas"
                    / "refusing to write `{shown}`: it is a block device (a disk), not a file"
            );
        }
        if kind.is_socket() {
            bail_in!(
                "tidak dapat menulis `{shown}`: itu adalah soket, bukan berkas"
                    / "cannot write `{shown}`: it is a socket, not a file"
            );
        }
    }
    let _ = kind;
    // No `create`, no `truncate`: the special file stays what it is.
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    file.write_all(bytes)
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    file.flush().say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    Ok(())
}

/// An existing regular file: refused when read-only, replaced atomically
/// when the replacement can carry the same owner, group and mode, else
/// written through in place.
fn write_regular(
    target: &Path,
    path: &Path,
    meta: &Metadata,
    bytes: &[u8],
    durability: Durability,
) -> Result<()> {
    let shown = target.display();
    if meta.permissions().readonly() {
        bail_in!(
            "menolak mengganti `{shown}`: berkas itu hanya dapat dibaca; jadikan dapat ditulis atau pilih lokasi lain"
                / "refusing to replace `{shown}`: the file is read-only; make it writable or choose another path"
        );
    }
    // The file must be writable by this user: a writable folder alone would
    // let the rename replace a file its owner protected.
    let probe = OpenOptions::new().write(true).open(path);
    if let Err(e) = probe {
        return Err(e).say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            // Renaming would cut this name off from the file's other links.
            return write_through(target, path, bytes, durability);
        }
    }
    replace(target, path, Some(meta), bytes, durability)
}

/// Truncates and writes the file in place: owner, group, mode and hard
/// links stay; a reader may see a partial file while it is written.
fn write_through(target: &Path, path: &Path, bytes: &[u8], durability: Durability) -> Result<()> {
    let shown = target.display();
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    file.write_all(bytes)
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    if durability == Durability::Synced {
        file.sync_all().say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    }
    Ok(())
}

/// Writes a temporary file next to `path` and renames it over `path`.
/// With `old` (the file being replaced) the temporary file first takes the
/// old mode, owner and group; when it cannot (another user's file) the old
/// file is written through instead, so nothing about it is loosened.
fn replace(
    target: &Path,
    path: &Path,
    old: Option<&Metadata>,
    bytes: &[u8],
    durability: Durability,
) -> Result<()> {
    let shown = target.display();
    let dir = folder_of(path);
    if !dir.is_dir() {
        bail_in!(
            "tidak dapat menulis `{shown}`: folder `{}` tidak ada"
                / "cannot write `{shown}`: folder `{}` does not exist",
            dir.display()
        );
    }
    let mut tmp = temp_in(&dir).say(|| {
        msg!("tidak dapat menulis ke folder `{}`" / "cannot write to folder `{}`", dir.display())
    })?;
    if let Some(old) = old
        && !carry_over(tmp.as_file(), old)
    {
        drop(tmp);
        return write_through(target, path, bytes, durability);
    }
    tmp.write_all(bytes)
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    if durability == Durability::Synced {
        tmp.as_file()
            .sync_all()
            .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .say(|| msg!("tidak dapat menulis `{shown}`" / "cannot write `{shown}`"))?;
    Ok(())
}

/// Gives `tmp` the mode, owner and group of `old`. False when that is not
/// possible, so the caller must not rename `tmp` over `old`.
#[cfg(unix)]
fn carry_over(tmp: &File, old: &Metadata) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Ok(mine) = tmp.metadata() else { return false };
    if (mine.uid(), mine.gid()) != (old.uid(), old.gid())
        && std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid())).is_err()
    {
        return false;
    }
    tmp.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o777)).is_ok()
}

#[cfg(not(unix))]
fn carry_over(tmp: &File, old: &Metadata) -> bool {
    tmp.set_permissions(old.permissions()).is_ok()
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
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
