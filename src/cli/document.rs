//! `sopmap document`: check the SOPs, refuse those with errors (unless
//! `--force`), and write each one's SOP AP document as HTML, or as PDF
//! through headless Chromium. A folder gives one document per SOP plus an
//! index page. Every file is written atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::check::{Settings, check_files};
use crate::cli::args::{ColorChoice, DocumentArgs, DocumentFormat};
use crate::cli::check::{config_relative, load_config_from};
use crate::cli::inputs::{self, Input};
use crate::cli::{Env, ExitStatus, Io, chromium};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::graph::ProcessGraph;
use crate::lang::Lang;
use crate::model::Sop;
use crate::render::document::html::{self, IndexEntry};
use crate::render::document::{self, Catalogue, Options};
use crate::report::{self, Counts, Format, Report};
use crate::source::SourceFile;

/// Largest SOP file read (bytes).
const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

pub fn run(args: &DocumentArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let options = Options {
        lang: Lang::from(args.lang),
        rows_per_page: usize::from(args.rows_per_page),
        errors: 0,
    };
    let folder = args.path.is_dir();
    let ext = match args.format {
        DocumentFormat::Html => "html",
        DocumentFormat::Pdf => "pdf",
    };
    // Everything that can be refused is refused before any work is done.
    match (&args.output, folder) {
        (None, true) => bail!(
            "`{}` is a folder: give an output folder with -o, e.g. -o out/",
            args.path.display()
        ),
        (None, false) if args.format == DocumentFormat::Pdf => {
            bail!("--format pdf writes a file: give it with -o, e.g. -o sop.pdf")
        }
        (Some(o), false) if o.is_dir() => bail!(
            "`{}` is a folder; give the output file, e.g. -o {}",
            o.display(),
            o.join(format!("sop.{ext}")).display()
        ),
        (Some(o), true) if o.exists() && !o.is_dir() => {
            bail!(
                "`{}` exists and is not a folder; a folder of SOPs needs an output folder",
                o.display()
            )
        }
        _ => {}
    }
    let chromium = match args.format {
        DocumentFormat::Pdf => Some(chromium::find(args.chromium.as_deref())?),
        DocumentFormat::Html => None,
    };

    let found = inputs::collect(std::slice::from_ref(&args.path))?;
    let mut sources = Vec::with_capacity(found.len());
    let mut files = Vec::with_capacity(found.len());
    for input in &found {
        match input {
            Input::File(p) => {
                let text = inputs::read_file(p, MAX_FILE_SIZE)?;
                sources.push(SourceFile::new(display_path(p), text));
                files.push(p.clone());
            }
            Input::Stdin => {
                let text = inputs::read_stdin(io.stdin, MAX_FILE_SIZE)?;
                sources.push(SourceFile::new("<stdin>", text));
                files.push(PathBuf::from("-"));
            }
        }
    }
    if let Some(o) = &args.output {
        for f in &files {
            if same_file(f, o) {
                bail!("the output `{}` is an input; inputs are never overwritten", o.display());
            }
        }
    }

    // Rule levels and per-path overrides of `sopmap.yaml`, as for `check`
    // and the other renderers.
    let config = match load_config_from(None, env)? {
        Ok(config) => config,
        Err(report) => {
            write!(io.stderr, "{report}")?;
            return Ok(ExitStatus::Error);
        }
    };
    let default = Settings::default();
    let settings: Vec<Settings> = sources
        .iter()
        .map(|s| match &config {
            Some((config, dir)) => {
                config.settings_for(&default, &config_relative(Path::new(&s.path), dir, env))
            }
            None => default.clone(),
        })
        .collect();
    let checked = check_files(&sources, |i| settings.get(i).unwrap_or(&default));
    let mut all: Vec<Diagnostic> = checked.iter().flat_map(|c| c.diagnostics.clone()).collect();
    diagnostic::sort(&mut all, |f| sources.get(f).map(|s| s.path.clone()).unwrap_or_default());
    let counts = Counts::of(&all, sources.len());
    if !all.is_empty() {
        // Standard output is for the document itself: findings go to
        // standard error, as for every rendering command.
        let format = if env.stderr_is_tty { Format::Full } else { Format::Concise };
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.stderr_is_tty && !env.no_color,
        };
        let rep = Report { sources: &sources, color };
        let refused = counts.errors > 0 && !args.force;
        report::write(format, &rep, &all, io.stderr)?;
        writeln!(io.stderr, "{}", report::summary(&counts))?;
        if refused {
            writeln!(
                io.stderr,
                "sopmap: no document written: fix the errors above, or use --force to write it anyway"
            )?;
            return Ok(ExitStatus::Findings);
        }
    }

    let mut sops: Vec<(usize, &Sop, &ProcessGraph)> = Vec::new();
    for (i, c) in checked.iter().enumerate() {
        match (&c.sop, &c.graph) {
            (Some(sop), Some(graph)) => sops.push((i, sop, graph)),
            _ => writeln!(
                io.stderr,
                "sopmap: skipped `{}`: it is not a SOP document",
                sources.get(i).map_or("?", |s| s.path.as_str())
            )?,
        }
    }
    let catalogue = Catalogue::new(sops.iter().map(|(_, s, _)| *s));
    let render = |file: usize, sop: &Sop, graph: &ProcessGraph| {
        let errors = all.iter().filter(|d| d.file == file && d.severity == Severity::Error).count();
        document::document(sop, graph, &Options { errors, ..options }, &catalogue)
    };

    if !folder {
        let Some(&(file, sop, graph)) = sops.first() else {
            bail!("`{}` is not a SOP document", args.path.display());
        };
        let text = render(file, sop, graph);
        match (&args.output, &chromium) {
            (None, _) => io.stdout.write_all(text.as_bytes())?,
            (Some(o), None) => {
                write_atomic(o, text.as_bytes())?;
                writeln!(io.stderr, "wrote {}", o.display())?;
            }
            (Some(o), Some(program)) => {
                let pdf = to_pdf(program, &text)?;
                write_atomic(o, &pdf)?;
                writeln!(io.stderr, "wrote {}", o.display())?;
            }
        }
        return Ok(ExitStatus::Clean);
    }

    let Some(out_dir) = &args.output else {
        bail!("a folder of SOPs needs an output folder (-o)");
    };
    // File names come from the SOP file names; two files with one name in
    // different subfolders would overwrite each other.
    let mut names: BTreeMap<String, &Path> = BTreeMap::new();
    let mut planned = Vec::with_capacity(sops.len());
    for &(i, sop, graph) in &sops {
        let file = files.get(i).map_or(Path::new("-"), PathBuf::as_path);
        let stem = file.file_stem().map_or("sop".into(), |s| s.to_string_lossy().into_owned());
        let name = format!("{stem}.{ext}");
        if name == "index.html" {
            bail!(
                "`{}` would overwrite the index page index.html; rename the file",
                file.display()
            );
        }
        if let Some(other) = names.insert(name.clone(), file) {
            bail!(
                "`{}` and `{}` would both be written to `{name}`; give them different file names",
                other.display(),
                file.display()
            );
        }
        planned.push((name, i, sop, graph));
    }
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create the folder `{}`", out_dir.display()))?;
    let mut entries = Vec::with_capacity(planned.len());
    for (name, file, sop, graph) in planned {
        let text = render(file, sop, graph);
        let target = out_dir.join(&name);
        match &chromium {
            None => write_atomic(&target, text.as_bytes())?,
            Some(program) => write_atomic(&target, &to_pdf(program, &text)?)?,
        }
        entries.push(IndexEntry {
            href: name,
            number: sop.number().to_string(),
            title: sop.title().to_string(),
            unit: sop.identity.unit.as_ref().map_or(String::new(), |u| u.value.clone()),
            level: sop.level.as_ref().map(|l| l.value),
        });
    }
    write_atomic(&out_dir.join("index.html"), html::index(&entries, options.lang).as_bytes())?;
    writeln!(
        io.stderr,
        "wrote {} document{} and index.html to {}",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        out_dir.display()
    )?;
    Ok(ExitStatus::Clean)
}

fn to_pdf(program: &Path, html: &str) -> Result<Vec<u8>> {
    let dir = tempfile::Builder::new()
        .prefix("sopmap-document-")
        .tempdir()
        .context("cannot create a temporary folder")?;
    let page = dir.path().join("document.html");
    std::fs::write(&page, html).context("cannot write the temporary HTML file")?;
    chromium::print_to_pdf(program, &page)
}

/// Writes `bytes` to `path` with the one output writer (atomic replace for
/// files, special files written through: see [`crate::cli::output`]).
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::cli::output::write_file(path, bytes)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
