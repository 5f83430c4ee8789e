//! `sopmap document`: check the SOPs, refuse those with errors (unless
//! `--force`), and write each one's SOP AP document as HTML, or as PDF
//! through headless Chromium. A folder gives one document per SOP plus an
//! index page. Every file is written atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

use crate::cli::args::{DocumentArgs, DocumentFormat, GlobalArgs};
use crate::cli::corpus::{self, Request};
use crate::cli::inputs::{self, Input};
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io, chromium, output};
use crate::graph::ProcessGraph;
use crate::model::Sop;
use crate::render::document::html::{self, IndexEntry};
use crate::render::document::{self, LinkedSops, Options};
use crate::report::{self, Counts, Format, Report};
use crate::run::Keep;

pub fn run(
    args: &DocumentArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let options = Options {
        lang: crate::lang::Lang::default(),
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
        (None, true) => bail_in!(
            "`{}` adalah folder: berikan folder keluaran dengan -o, misalnya -o out/"
                / "`{}` is a folder: give an output folder with -o, e.g. -o out/",
            args.path.display()
        ),
        (None, false) if args.format == DocumentFormat::Pdf => {
            bail_in!(
                "--format pdf menulis berkas: berikan namanya dengan -o, misalnya -o sop.pdf"
                    / "--format pdf writes a file: give it with -o, e.g. -o sop.pdf"
            )
        }
        (Some(o), false) if o.is_dir() => bail_in!(
            "`{}` adalah folder; berikan berkas keluarannya, misalnya -o {}"
                / "`{}` is a folder; give the output file, e.g. -o {}",
            o.display(),
            o.join(format!("sop.{ext}")).display()
        ),
        (Some(o), true) if o.exists() && !o.is_dir() => {
            bail_in!(
                "`{}` sudah ada dan bukan folder; folder SOP memerlukan folder keluaran"
                    / "`{}` exists and is not a folder; a folder of SOPs needs an output folder",
                o.display()
            )
        }
        _ => {}
    }
    let chromium = match args.format {
        DocumentFormat::Pdf => Some(chromium::find(args.chromium.as_deref())?),
        DocumentFormat::Html => None,
    };

    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let options = Options { lang: g.lang, ..options };
    let paths = [args.path.clone()];
    if let Some(o) = &args.output {
        for input in inputs::collect(&paths)? {
            if let Input::File(f) = input
                && same_file(&f, o)
            {
                bail_in!(
                    "keluaran `{}` adalah masukan; masukan tidak pernah ditimpa"
                        / "the output `{}` is an input; inputs are never overwritten",
                    o.display()
                );
            }
        }
    }
    // The verdict of `sopmap check PATH`: configuration, cross-SOP rules
    // (with the SOPs beside a single file looked up), suppressions.
    let req = Request { paths: &paths, stdin_filename: None, lookup: true, keep: Keep::Models };
    let corpus::Loaded { outcome, unreadable } = corpus::load(&req, &g, io)?;
    if unreadable > 0 {
        return Ok(ExitStatus::Error);
    }
    let all = &outcome.diagnostics;
    let sources = &outcome.sources;
    let counts = Counts::of(all, outcome.reported());
    if !all.is_empty() {
        // Standard output is for the document itself: findings go to
        // standard error, as for every rendering command.
        let format = if env.stderr_is_tty { Format::Full } else { Format::Concise };
        let rep = Report { sources, color: g.color_for(env.stderr_is_tty, env), lang: g.lang };
        let refused = counts.errors > 0 && !args.force;
        report::write(format, &rep, all, io.stderr)?;
        if !g.quiet || refused {
            writeln!(io.stderr, "{}", report::summary(&counts, g.lang))?;
        }
        if refused {
            let text = msg!(
                "tidak ada dokumen yang ditulis: perbaiki kesalahan di atas, atau gunakan --force untuk tetap menulisnya"
                    / "no document written: fix the errors above, or use --force to write it anyway"
            );
            writeln!(io.stderr, "sopmap: {}", text.get(g.lang))?;
            return Ok(ExitStatus::Findings);
        }
    }

    let mut sops: Vec<(usize, &Sop, &ProcessGraph)> = Vec::new();
    for (i, src) in sources.iter().enumerate().take(outcome.reported()) {
        match outcome.model(i) {
            Some(m) => sops.push((i, &m.sop, &m.graph)),
            None => {
                let p = &src.path;
                let text = msg!(
                    "`{p}` dilewati: berkas itu bukan dokumen SOP"
                        / "skipped `{p}`: it is not a SOP document"
                );
                writeln!(io.stderr, "sopmap: {}", text.get(g.lang))?;
            }
        }
    }
    let linked = LinkedSops::new(outcome.catalogue.entries().iter().map(|e| &e.sop));
    let error_counts = outcome.counts();
    let render = |file: usize, sop: &Sop, graph: &ProcessGraph| {
        let errors = error_counts.get(file).map_or(0, |c| c.0);
        document::document(sop, graph, &Options { errors, ..options }, &linked)
    };
    let files: Vec<PathBuf> = sources
        .iter()
        .map(|s| if s.path == "<stdin>" { PathBuf::from("-") } else { PathBuf::from(&s.path) })
        .collect();

    if !folder {
        let Some(&(file, sop, graph)) = sops.first() else {
            bail_in!("`{}` bukan dokumen SOP" / "`{}` is not a SOP document", args.path.display());
        };
        let text = render(file, sop, graph);
        match (&args.output, &chromium) {
            (None, _) => io.stdout.write_all(text.as_bytes())?,
            (Some(o), None) => {
                output::write_file(o, text.as_bytes())?;
                if !g.quiet {
                    writeln!(io.stderr, "wrote {}", o.display())?;
                }
            }
            (Some(o), Some(program)) => {
                let pdf = to_pdf(program, &text)?;
                output::write_file(o, &pdf)?;
                if !g.quiet {
                    writeln!(io.stderr, "wrote {}", o.display())?;
                }
            }
        }
        return Ok(ExitStatus::Clean);
    }

    let Some(out_dir) = &args.output else {
        bail_in!(
            "folder SOP memerlukan folder keluaran (-o)"
                / "a folder of SOPs needs an output folder (-o)"
        );
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
            bail_in!(
                "`{}` akan menimpa halaman indeks index.html; ganti nama berkasnya"
                    / "`{}` would overwrite the index page index.html; rename the file",
                file.display()
            );
        }
        if let Some(other) = names.insert(name.clone(), file) {
            bail_in!(
                "`{}` dan `{}` akan sama-sama ditulis ke `{name}`; beri nama berkas yang berbeda"
                    / "`{}` and `{}` would both be written to `{name}`; give them different file names",
                other.display(),
                file.display()
            );
        }
        planned.push((name, i, sop, graph));
    }
    std::fs::create_dir_all(out_dir).say(|| {
        msg!("tidak dapat membuat folder `{}`" / "cannot create the folder `{}`", out_dir.display())
    })?;
    let mut entries = Vec::with_capacity(planned.len());
    for (name, file, sop, graph) in planned {
        let text = render(file, sop, graph);
        let target = out_dir.join(&name);
        match &chromium {
            None => output::write_file(&target, text.as_bytes())?,
            Some(program) => output::write_file(&target, &to_pdf(program, &text)?)?,
        }
        entries.push(IndexEntry {
            href: name,
            number: sop.number().to_string(),
            title: sop.title().to_string(),
            unit: sop.identity.unit.as_ref().map_or(String::new(), |u| u.value.clone()),
            level: sop.level.as_ref().map(|l| l.value),
        });
    }
    output::write_file(
        &out_dir.join("index.html"),
        html::index(&entries, options.lang).as_bytes(),
    )?;
    if g.quiet {
        return Ok(ExitStatus::Clean);
    }
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
    let dir = tempfile::Builder::new().prefix("sopmap-document-").tempdir().say(|| {
        msg!("tidak dapat membuat folder sementara" / "cannot create a temporary folder")
    })?;
    let page = dir.path().join("document.html");
    std::fs::write(&page, html).say(|| {
        msg!("tidak dapat menulis berkas HTML sementara" / "cannot write the temporary HTML file")
    })?;
    chromium::print_to_pdf(program, &page)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
