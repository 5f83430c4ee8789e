//! `sopmap import`: published SOP AP PDFs into `sop-ap/1` drafts. Runs
//! poppler (`pdftotext -bbox-layout` for positioned words, `pdftocairo
//! -svg` for the vector drawing), hands the plain data to
//! [`crate::import`], and writes one draft per PDF: to standard output,
//! to the `-o` file (one input) or into the `-o` folder (`<name>.yaml`).
//! A PDF without a text layer or without a SOP AP table is refused
//! (exit 2) and the others are still imported.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Result, bail};

use crate::cli::args::{GlobalArgs, ImportArgs};
use crate::cli::said::Say;
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io, output};
use crate::import::{self, Page, paths, words};
use crate::lang::{ImportWords, Lang};
use crate::msg;

pub fn run(
    args: &ImportArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let lang = g.lang;
    let w = ImportWords::of(lang);
    let several = args.files.len() > 1;
    match &args.output {
        None if several => bail!(match lang {
            Lang::Id => "beberapa PDF: beri folder keluaran dengan -o, mis. -o draf/",
            Lang::En => "several PDFs: give an output folder with -o, e.g. -o drafts/",
        }),
        Some(o) if several && o.exists() && !o.is_dir() => bail!(match lang {
            Lang::Id => "keluaran untuk beberapa PDF harus berupa folder",
            Lang::En => "the output for several PDFs must be a folder",
        }),
        _ => {}
    }
    let (mut done, mut failed, mut unsettled) = (0usize, 0usize, 0usize);
    for file in &args.files {
        let stem = file.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let mut id = import::draft::slug(&stem, '-', 60);
        if id.is_empty() {
            id = "sop".to_string();
        }
        let pages = read_pdf(file, w)?;
        let draft = match import::import(&pages, &id, lang) {
            Ok(d) => d,
            Err(e) => {
                writeln!(io.stderr, "{}: {}", file.display(), e.message(lang))?;
                failed += 1;
                continue;
            }
        };
        let text = import::to_yaml(&draft, &file.display().to_string(), lang);
        let n = draft.unsettled_count();
        unsettled += n;
        done += 1;
        match &args.output {
            None => write!(io.stdout, "{text}")?,
            Some(o) => {
                let target =
                    if several || o.is_dir() { o.join(format!("{id}.yaml")) } else { o.clone() };
                if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)?;
                }
                output::write_file(&target, text.as_bytes())?;
                writeln!(io.stderr, "{} {} ({n} {})", w.wrote, target.display(), w.unsettled)?;
            }
        }
    }
    let summary = w
        .summary
        .replacen("{}", &done.to_string(), 1)
        .replacen("{}", &failed.to_string(), 1)
        .replacen("{}", &unsettled.to_string(), 1);
    writeln!(io.stderr, "{summary}")?;
    Ok(if failed > 0 { ExitStatus::Error } else { ExitStatus::Clean })
}

/// The pages of `file`: words from pdftotext, drawings from pdftocairo.
fn read_pdf(file: &Path, w: &ImportWords) -> Result<Vec<Page>> {
    if !file.is_file() {
        return Err(std::io::Error::from(std::io::ErrorKind::NotFound))
            .say(|| msg!("`{}`" / "`{}`", file.display()));
    }
    let text = poppler("pdftotext", &[os("-bbox-layout"), file.into(), os("-")], w)?;
    let svg_dir = tempfile::tempdir()?;
    let svg_path = svg_dir.path().join("pages.svg");
    poppler("pdftocairo", &[os("-svg"), file.into(), svg_path.clone()], w)?;
    let svg = std::fs::read_to_string(&svg_path)?;
    let word_pages = words::parse_bbox_layout(&text);
    let mut drawings = paths::parse_cairo_svg_pages(&svg).into_iter();
    Ok(word_pages
        .into_iter()
        .map(|p| Page {
            width: p.width,
            height: p.height,
            words: p.words,
            drawing: drawings.next().unwrap_or_default(),
        })
        .collect())
}

fn os(s: &str) -> PathBuf {
    PathBuf::from(s)
}

/// Runs a poppler program and returns its standard output.
fn poppler(program: &str, args: &[PathBuf], w: &ImportWords) -> Result<String> {
    let out = match Command::new(program).args(args).output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{}", w.no_poppler.replace("{}", program))
        }
        Err(e) => return Err(e.into()),
    };
    if !out.status.success() {
        bail!("{program}: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
