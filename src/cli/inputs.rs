//! Finding and reading the input files: paths given on the command line,
//! folders walked recursively for `*.yaml`/`*.yml` in a stable order,
//! standard input for `-`. Symlink loops, unreadable files, FIFOs and
//! non-UTF-8 text become clear errors naming the path.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Expands paths into the list of inputs, in sorted order per argument and
/// without repeats. A folder with no SOP files is an error: the user almost
/// certainly pointed at the wrong place.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            if out.contains(&Input::Stdin) {
                bail_in!(
                    "`-` (masukan standar) diberikan dua kali; masukan standar hanya dapat dibaca sekali"
                        / "`-` (standard input) is given twice; it can be read only once"
                );
            }
            out.push(Input::Stdin);
            continue;
        }
        let meta = fs::metadata(path).say(|| cannot_read(path))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut visited = BTreeSet::new();
            walk(path, &mut found, &mut visited)?;
            if found.is_empty() {
                let p = path.display();
                bail_in!(
                    "tidak ada berkas SOP (*.yaml, *.yml) di `{p}`"
                        / "no SOP files (*.yaml, *.yml) in `{p}`"
                );
            }
            found.sort();
            for f in found {
                if seen.insert(f.clone()) {
                    out.push(Input::File(f));
                }
            }
        } else if seen.insert(path.clone()) {
            out.push(Input::File(path.clone()));
        }
    }
    Ok(out)
}

fn is_sop_file(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// Recursive walk that follows symlinked folders once (by canonical path),
/// so a symlink loop ends instead of recursing forever. An entry that
/// cannot be read (a folder without permission, a dangling `*.yaml` link)
/// is listed all the same: reading it later reports it as one error line
/// while every other file is still checked.
fn walk(dir: &Path, found: &mut Vec<PathBuf>, visited: &mut BTreeSet<PathBuf>) -> Result<()> {
    let Ok(canon) = fs::canonicalize(dir) else {
        found.push(dir.to_path_buf());
        return Ok(());
    };
    if !visited.insert(canon) {
        return Ok(());
    }
    let Ok(entries) = fs::read_dir(dir) else {
        found.push(dir.to_path_buf());
        return Ok(());
    };
    let mut items: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => items.push(entry.path()),
            Err(_) => {
                found.push(dir.to_path_buf());
                break;
            }
        }
    }
    items.sort();
    for p in items {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        // The configuration file is YAML too, but not a SOP.
        if name == crate::config::FILE_NAME {
            continue;
        }
        match fs::metadata(&p) {
            // A site written by `sopmap site` holds copies of the SOPs
            // (its `yaml/` downloads): output, never input.
            Ok(m) if m.is_dir() && p.join(crate::cli::site::MARKER).is_file() => {}
            Ok(m) if m.is_dir() => walk(&p, found, visited)?,
            // A FIFO, socket or device named `*.yaml` is listed too, so that
            // reading it reports it instead of skipping it in silence.
            Ok(_) if is_sop_file(&p) => found.push(p),
            Ok(_) => {}
            // A dangling symlink or a file that vanished: listed when it
            // would have been a SOP file, so reading it reports it.
            Err(_) if is_sop_file(&p) => found.push(p),
            Err(_) => {}
        }
    }
    Ok(())
}

/// Reads a file as UTF-8 text, refusing what is not a regular file and
/// anything larger than `max_bytes`.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<String> {
    let meta = fs::metadata(path).say(|| cannot_read(path))?;
    let p = path.display();
    if meta.is_dir() {
        // A folder the walk could not open is listed as an input: say why.
        fs::read_dir(path)
            .say(|| msg!("tidak dapat membaca folder `{p}`" / "cannot read folder `{p}`"))?;
        bail_in!("`{p}` adalah folder, bukan berkas" / "`{p}` is a folder, not a file");
    }
    if !meta.is_file() {
        bail_in!(
            "`{p}` bukan berkas biasa (FIFO, soket atau perangkat?)"
                / "`{p}` is not a regular file (a FIFO, socket or device?)"
        );
    }
    if meta.len() > max_bytes {
        let len = meta.len();
        bail_in!(
            "`{p}` berukuran {len} bita, melampaui batas {max_bytes} bita (`sopmap check --max-file-size` menaikkannya; perintah lain tetap memakai batas ini)"
                / "`{p}` is {len} bytes, over the limit of {max_bytes} bytes (`sopmap check --max-file-size` raises it; the other commands keep it)"
        );
    }
    let cannot = || cannot_read(path);
    let file = fs::File::open(path).say(cannot)?;
    // The checks above used the path; these use the open handle, so a file
    // swapped or grown since cannot slip past them.
    if !file.metadata().say(cannot)?.is_file() {
        bail_in!(
            "`{p}` bukan berkas biasa (FIFO, soket atau perangkat?)"
                / "`{p}` is not a regular file (a FIFO, socket or device?)"
        );
    }
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).say(cannot)?;
    if bytes.len() as u64 > max_bytes {
        bail_in!(
            "`{p}` bertambah besar melampaui batas {max_bytes} bita saat dibaca (`sopmap check --max-file-size` menaikkannya; perintah lain tetap memakai batas ini)"
                / "`{p}` grew past the limit of {max_bytes} bytes while being read (`sopmap check --max-file-size` raises it; the other commands keep it)"
        );
    }
    decode(bytes).say(cannot)
}

/// `tidak dapat membaca `x`` / `cannot read `x``.
fn cannot_read(path: &Path) -> crate::diagnostic::Text {
    let p = path.display();
    msg!("tidak dapat membaca `{p}`" / "cannot read `{p}`")
}

/// Reads standard input as UTF-8 text, up to `max_bytes`.
pub fn read_stdin(stdin: &mut dyn Read, max_bytes: u64) -> Result<String> {
    let mut bytes = Vec::new();
    stdin.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).say(cannot_read_stdin)?;
    if bytes.len() as u64 > max_bytes {
        bail_in!(
            "masukan standar melampaui batas {max_bytes} bita (`sopmap check --max-file-size` menaikkannya; perintah lain tetap memakai batas ini)"
                / "standard input is over the limit of {max_bytes} bytes (`sopmap check --max-file-size` raises it; the other commands keep it)"
        );
    }
    decode(bytes).say(cannot_read_stdin)
}

fn cannot_read_stdin() -> crate::diagnostic::Text {
    msg!("tidak dapat membaca masukan standar" / "cannot read standard input")
}

fn decode(bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes().get(..at).unwrap_or(&[]));
            let line = text.matches('\n').count() + 1;
            let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            bail_in!(
                "UTF-8 tidak sah pada baris {line}, kolom {column} (bita ke-{at}); simpan berkas sebagai UTF-8"
                    / "invalid UTF-8 at line {line}, column {column} (byte {at}); save the file as UTF-8"
            )
        }
    }
}

/// A path as the user wrote it, with `/` separators on every platform and
/// no leading `./`, so output is the same everywhere. Every command shows
/// paths through this one function.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
