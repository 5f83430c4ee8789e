//! The gate every renderer passes through (`checklist`, `table`, `render`,
//! later `document`): read one SOP, check it, and refuse to render a SOP
//! with errors unless `--force`. The findings are printed on standard
//! error as `sopmap check` prints them (full on a terminal, concise
//! otherwise), because standard output carries only the rendered artefact:
//! `sopmap render x.yaml > x.dot` never fills `x.dot` with findings. A
//! refused SOP exits 1; with `--force` the renderer gets the findings to
//! mark the faulty steps. Rule levels come from
//! `sopmap.yaml` as for `sopmap check`, and suppression comments apply.

use std::path::Path;

use anyhow::Result;

use crate::check::{Settings, check_source};
use crate::cli::args::RenderInput;
use crate::cli::check::{DEFAULT_MAX_FILE_SIZE, config_relative, display_path, load_config_from};
use crate::cli::{Env, ExitStatus, Io, inputs};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::graph::ProcessGraph;
use crate::model::Sop;
use crate::render::findings;
use crate::report::{self, Counts, Format, Report};
use crate::source::SourceFile;

/// A SOP cleared for rendering.
pub struct Cleared {
    pub source: SourceFile,
    pub sop: Sop,
    pub graph: ProcessGraph,
    /// Every finding (errors only when forced, warnings possibly).
    pub diagnostics: Vec<Diagnostic>,
    /// The workday length for time sums (configuration or default).
    pub workday_minutes: u64,
}

impl Cleared {
    /// Rule codes of error findings per row, for marking diagrams.
    pub fn marks(&self) -> Vec<Vec<&'static str>> {
        findings::by_step(&self.sop, &self.diagnostics, Severity::Error)
    }
}

/// The outcome of the gate.
pub enum Gate {
    Cleared(Box<Cleared>),
    /// Not rendered; the findings were printed; exit with this status.
    Refused(ExitStatus),
}

/// Reads `input.file`, checks it and decides whether it may be rendered.
pub fn pass(input: &RenderInput, env: &Env, io: &mut Io<'_>) -> Result<Gate> {
    let source = read(&input.file, io)?;
    // The same rule levels `sopmap check` would use for this file.
    let settings = match load_config_from(None, env)? {
        Ok(Some((config, dir))) => {
            config.settings_for(&Settings::default(), &config_relative(&input.file, &dir, env))
        }
        Ok(None) => Settings::default(),
        Err(report) => {
            write!(io.stderr, "{report}")?;
            return Ok(Gate::Refused(ExitStatus::Error));
        }
    };
    let checked = check_source(&source, 0, &settings);
    let mut diagnostics = checked.diagnostics;
    diagnostic::sort(&mut diagnostics, |_| source.path.clone());
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let sources = std::slice::from_ref(&source);
    let (Some(sop), Some(graph)) = (checked.sop, checked.graph) else {
        // Nothing to draw: the file is not a SOP mapping at all.
        print_refusal(sources, &diagnostics, env, io)?;
        writeln!(
            io.stderr,
            "sopmap: error: `{}` could not be read as a SOP",
            crate::render::escape::terminal_line(&source.path)
        )?;
        return Ok(Gate::Refused(ExitStatus::Findings));
    };
    if errors > 0 {
        if !input.force {
            print_refusal(sources, &diagnostics, env, io)?;
            writeln!(
                io.stderr,
                "sopmap: error: not rendering `{}`: it has {errors} error{}; fix {} or pass \
                 --force to render it with the faulty steps marked",
                source.path,
                if errors == 1 { "" } else { "s" },
                if errors == 1 { "it" } else { "them" },
            )?;
            return Ok(Gate::Refused(ExitStatus::Findings));
        }
        let rep = Report { sources, color: false };
        report::write(Format::Concise, &rep, &diagnostics, io.stderr)?;
        writeln!(
            io.stderr,
            "sopmap: warning: rendering `{}` despite {errors} error{} (--force)",
            source.path,
            if errors == 1 { "" } else { "s" }
        )?;
    }
    let workday_minutes = settings.workday_minutes;
    Ok(Gate::Cleared(Box::new(Cleared { source, sop, graph, diagnostics, workday_minutes })))
}

fn print_refusal(
    sources: &[SourceFile],
    diagnostics: &[Diagnostic],
    env: &Env,
    io: &mut Io<'_>,
) -> Result<()> {
    let format = if env.stderr_is_tty { Format::Full } else { Format::Concise };
    let rep = Report { sources, color: env.stderr_is_tty && !env.no_color };
    report::write(format, &rep, diagnostics, io.stderr)?;
    writeln!(io.stderr, "{}", report::summary(&Counts::of(diagnostics, sources.len())))?;
    Ok(())
}

fn read(path: &Path, io: &mut Io<'_>) -> Result<SourceFile> {
    if path.as_os_str() == "-" {
        let text = inputs::read_stdin(io.stdin, DEFAULT_MAX_FILE_SIZE)?;
        return Ok(SourceFile::new("<stdin>", text));
    }
    let text = inputs::read_file(path, DEFAULT_MAX_FILE_SIZE)?;
    Ok(SourceFile::new(display_path(path), text))
}
