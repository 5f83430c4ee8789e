//! Reading a file as it was at a git revision, for `sopmap diff --git`.
//! Runs `git` from the file's folder, so the file may live in any
//! repository (or a worktree) whatever the current folder is.

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

/// An old version read from git.
pub struct Revision {
    /// `REV:path/in/repo.yaml`, for headings.
    pub display: String,
    /// The text, or `None` when the file did not exist at that revision.
    pub text: Option<String>,
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git").arg("-C").arg(dir).args(args).output().say(|| {
        msg!(
            "tidak dapat menjalankan `git`; apakah git sudah terpasang?"
                / "cannot run `git`; is git installed?"
        )
    })
}

fn stderr_line(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("").trim().to_string()
}

/// Reads `file` at revision `rev` of the repository that holds it.
pub fn show(rev: &str, file: &Path) -> Result<Revision> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .say(|| msg!("`{}` bukan nama berkas" / "`{}` is not a file name", file.display()))?;
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail_in!("tidak dapat membaca folder `{}`" / "cannot read folder `{}`", dir.display());
    }
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        bail_in!(
            "`{}` tidak berada di dalam repositori git ({}); berikan dua berkas: sopmap diff LAMA BARU"
                / "`{}` is not inside a git repository ({}); give two files instead: sopmap diff OLD NEW",
            file.display(),
            stderr_line(&prefix)
        );
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim_end_matches(['\n', '\r']).to_string();
    if rev.starts_with('-') {
        bail_in!("revisi git `{rev}` tidak dikenal" / "unknown git revision `{rev}`");
    }
    let commit = format!("{rev}^{{commit}}");
    let verify = git(dir, &["rev-parse", "--verify", "--quiet", &commit])?;
    if !verify.status.success() {
        bail_in!(
            "revisi git `{rev}` tidak dikenal; coba nama cabang, tag atau id commit (lihat `git log`)"
                / "unknown git revision `{rev}`; try a branch, a tag or a commit id (see `git log`)"
        );
    }
    let spec = format!("{rev}:{prefix}{name}");
    let display = format!("{rev}:{prefix}{name}");
    let exists = git(dir, &["cat-file", "-e", &spec])?;
    if !exists.status.success() {
        return Ok(Revision { display, text: None });
    }
    let shown = git(dir, &["show", &spec])?;
    if !shown.status.success() {
        bail_in!(
            "tidak dapat membaca `{spec}` dari git: {}" / "cannot read `{spec}` from git: {}",
            stderr_line(&shown)
        );
    }
    let text = String::from_utf8(shown.stdout).map_err(|_| {
        crate::error_in!(
            "`{spec}` bukan teks UTF-8; simpan berkas sebagai UTF-8"
                / "`{spec}` is not UTF-8 text; save the file as UTF-8"
        )
    })?;
    Ok(Revision { display, text: Some(text) })
}
