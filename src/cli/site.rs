//! `sopmap site`: the whole catalogue as a folder of static pages
//! (docs/site.md). The pages come from [`crate::render::site`]; this file
//! does the I/O and keeps re-runs cheap and safe:
//!
//! - a file is written only when its bytes differ from what is there, so
//!   an unchanged corpus rewrites nothing and keeps every mtime; writes go
//!   through [`output::write_file_with`] (atomic, special files respected;
//!   not `fsync`ed one by one: a re-run compares and rewrites anyway);
//! - the folder holds a manifest ([`MARKER`]) listing every file sopmap
//!   wrote; a file listed by the last run and not produced by this one (the
//!   page of a SOP that is gone) is removed, and nothing else ever is;
//! - the output must be new, empty, or a site with that manifest: any other
//!   folder is refused, so `-o` can never clobber a folder of other files;
//! - with `--pdf`, a SOP's PDF is printed again only when its print-ready
//!   document is newer than it (it changed) or the PDF is missing.
//!
//! An input that cannot be read stops the run before anything is written:
//! its pages would otherwise be removed as stale.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use crate::cli::args::{GlobalArgs, SiteArgs};
use crate::cli::corpus::{self, Request};
use crate::cli::output::{self, Durability};
use crate::cli::said::{self, Say};
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io, chromium};
use crate::lang::Lang;
use crate::render::site::{self, Options};
use crate::report::{self, Counts};
use crate::run::Keep;
use crate::{bail_in, msg};

/// The manifest file that marks a folder as a site sopmap wrote.
pub const MARKER: &str = ".sopmap-site";

/// The manifest's first line; the files follow, one relative path a line.
const MANIFEST_HEAD: &str = "sopmap-site 1";

pub fn run(args: &SiteArgs, global: &GlobalArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let out = &args.output;
    // Refused before any work is done.
    let previous = previous_files(out)?;
    let chromium = match args.pdf {
        true => Some(chromium::find(args.chromium.as_deref())?),
        false => None,
    };
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "site")?;
    let req = Request { paths: &paths, stdin_filename: None, lookup: true, keep: Keep::Models };
    let corpus::Loaded { outcome, unreadable } = corpus::load(&req, &g, io)?;
    if unreadable > 0 {
        let text = msg!(
            "tidak ada situs yang ditulis: {unreadable} masukan tidak dapat dibaca (halamannya akan terhapus)"
                / "no site written: {unreadable} input(s) could not be read (their pages would be removed)"
        );
        writeln!(io.stderr, "{}{}", said::error_prefix(g.lang), text.get(g.lang))?;
        return Ok(ExitStatus::Error);
    }
    let site = site::build(&outcome, &Options { lang: g.lang, pdf: args.pdf, jobs: g.jobs });

    std::fs::create_dir_all(out).say(|| {
        msg!("tidak dapat membuat folder `{}`" / "cannot create the folder `{}`", out.display())
    })?;
    let mut files: BTreeSet<String> = site.pages.iter().map(|p| p.path.clone()).collect();
    if args.pdf {
        files.extend(site.printable.iter().map(|p| p.pdf.clone()));
    }
    // Files written before the manifest names them would be left behind by
    // a run cut short: the manifest first lists the old files and the new.
    let union: BTreeSet<String> = previous.iter().cloned().chain(files.iter().cloned()).collect();
    write_if_changed(out, MARKER, manifest(&union).as_bytes())?;

    let mut changed: BTreeSet<&str> = BTreeSet::new();
    for page in &site.pages {
        if write_if_changed(out, &page.path, &page.bytes)? {
            changed.insert(&page.path);
        }
    }
    let mut printed = 0usize;
    if let Some(program) = &chromium {
        for p in &site.printable {
            if !stale_pdf(&out.join(&p.html), &out.join(&p.pdf)) {
                continue;
            }
            let bytes = chromium::print_to_pdf(program, &out.join(&p.html))?;
            if write_if_changed(out, &p.pdf, &bytes)? {
                printed += 1;
            }
        }
    }
    let mut removed = 0usize;
    for stale in previous.difference(&files) {
        if remove_inside(out, stale)? {
            removed += 1;
        }
    }
    write_if_changed(out, MARKER, manifest(&files).as_bytes())?;

    if !g.quiet {
        let (pages, written) = (site.printable.len(), changed.len() + printed);
        let unchanged = site.pages.len().saturating_sub(changed.len());
        let pdfs = match (args.pdf, g.lang) {
            (false, _) => String::new(),
            (true, Lang::Id) => format!(", {printed} PDF dicetak"),
            (true, Lang::En) => format!(", {printed} PDF(s) printed"),
        };
        let index = out.join("index.html");
        let text = msg!(
            "situs: {pages} halaman SOP, {written} berkas ditulis, {unchanged} tidak berubah, {removed} dihapus{pdfs} → {}"
                / "site: {pages} SOP page(s), {written} file(s) written, {unchanged} unchanged, {removed} removed{pdfs} → {}",
            index.display()
        );
        writeln!(io.stderr, "{}", text.get(g.lang))?;
        let counts = Counts::of(&outcome.diagnostics, outcome.reported());
        if counts.errors + counts.warnings > 0 {
            writeln!(io.stderr, "{} (reviewers.html)", report::summary(&counts, g.lang))?;
        }
    }
    Ok(ExitStatus::Clean)
}

/// Whether the PDF must be printed (again): it is missing, or older than
/// the document, which is only rewritten when it changes. A run cut short
/// between the two so still prints it next time.
fn stale_pdf(html: &Path, pdf: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(html), modified(pdf)) {
        (Some(h), Some(p)) => p < h,
        _ => true,
    }
}

fn manifest(files: &BTreeSet<String>) -> String {
    let mut s = format!("{MANIFEST_HEAD}\n");
    for f in files {
        s.push_str(f);
        s.push('\n');
    }
    s
}

/// The files the last run wrote into `out` (none for a new or empty
/// folder); an error for anything that is not a site sopmap wrote.
fn previous_files(out: &Path) -> Result<BTreeSet<String>> {
    let shown = out.display();
    let meta = match std::fs::metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => {
            return Err(e).say(|| msg!("tidak dapat membaca `{shown}`" / "cannot read `{shown}`"));
        }
    };
    if !meta.is_dir() {
        bail_in!(
            "`{shown}` sudah ada dan bukan folder; beri folder baru atau kosong untuk situs"
                / "`{shown}` exists and is not a folder; give a new or empty folder for the site"
        );
    }
    let marker = out.join(MARKER);
    if !marker.exists() {
        let mut entries = std::fs::read_dir(out).say(|| {
            msg!("tidak dapat membaca folder `{shown}`" / "cannot read the folder `{shown}`")
        })?;
        if entries.next().is_none() {
            return Ok(BTreeSet::new());
        }
        bail_in!(
            "`{shown}` tidak kosong dan bukan situs yang ditulis sopmap (tidak ada berkas {MARKER}); \
             beri folder baru atau kosong, agar tidak ada berkas lain yang tertimpa atau terhapus"
                / "`{shown}` is not empty and holds no site written by sopmap (no {MARKER} file); \
             give a new or empty folder, so that no other file is overwritten or removed"
        );
    }
    let text = std::fs::read_to_string(&marker)
        .say(|| msg!("tidak dapat membaca `{}`" / "cannot read `{}`", marker.display()))?;
    let mut lines = text.lines();
    if lines.next() != Some(MANIFEST_HEAD) {
        bail_in!(
            "`{}` bukan daftar berkas situs yang dikenali sopmap ini; beri folder baru atau kosong"
                / "`{}` is not a manifest this sopmap understands; give a new or empty folder",
            marker.display()
        );
    }
    // Only plain relative paths: a manifest edited by hand cannot point
    // outside the folder.
    Ok(lines.filter(|l| is_plain(l)).map(str::to_string).collect())
}

/// A relative path of ordinary names (no `..`, no root, not the manifest).
fn is_plain(rel: &str) -> bool {
    !rel.is_empty()
        && rel != MARKER
        && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `bytes` to `rel` inside `out` unless the file already holds
/// exactly them. True when it wrote.
fn write_if_changed(out: &Path, rel: &str, bytes: &[u8]) -> Result<bool> {
    // The manifest decides what a later run removes: it alone is synced.
    let durability = if rel == MARKER { Durability::Synced } else { Durability::Unsynced };
    let target = out.join(rel);
    if std::fs::read(&target).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).say(|| {
            msg!("tidak dapat membuat folder `{}`" / "cannot create the folder `{}`", dir.display())
        })?;
    }
    output::write_file_with(&target, bytes, durability)?;
    Ok(true)
}

/// Removes the file `rel` inside `out` when it is a file reached through
/// real folders of the site (never through a symbolic link to elsewhere).
/// True when it removed one.
fn remove_inside(out: &Path, rel: &str) -> Result<bool> {
    let mut at = PathBuf::from(out);
    let parts: Vec<&std::ffi::OsStr> = Path::new(rel).iter().collect();
    let Some((name, folders)) = parts.split_last() else { return Ok(false) };
    for folder in folders {
        at.push(folder);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            _ => return Ok(false),
        }
    }
    at.push(name);
    match std::fs::symlink_metadata(&at) {
        Ok(m) if m.is_file() || m.file_type().is_symlink() => {
            std::fs::remove_file(&at).say(|| {
                msg!(
                    "tidak dapat menghapus halaman lama `{}`" / "cannot remove the stale page `{}`",
                    at.display()
                )
            })?;
            Ok(true)
        }
        _ => Ok(false),
    }
}
