//! The gate the one-SOP renderers pass through (`checklist`, `table`,
//! `render`; `document` asks the same run): read one SOP, check it, and
//! refuse to render a SOP
//! with errors unless `--force`. The findings are printed on standard
//! error as `sopmap check` prints them (full on a terminal, concise
//! otherwise), because standard output carries only the rendered artefact:
//! `sopmap render x.yaml > x.dot` never fills `x.dot` with findings. A
//! refused SOP exits 1; with `--force` the renderer gets the findings to
//! mark the faulty steps. The verdict is `sopmap check FILE`'s: the same
//! run ([`crate::run`]), configuration, cross-SOP rules (the SOPs it links
//! to are looked up beside it) and suppressions.

use anyhow::Result;

use crate::cli::args::{GlobalArgs, RenderInput};
use crate::cli::corpus::{self, Request};
use crate::cli::said;
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io, output};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::ProcessGraph;
use crate::model::Sop;
use crate::msg;
use crate::render::findings;
use crate::report::{self, Counts, Format, Report};
use crate::run::{Keep, Outcome};
use crate::source::SourceFile;
use crate::timing::Timing;

/// A SOP cleared for rendering.
pub struct Cleared {
    pub source: SourceFile,
    pub sop: Sop,
    pub graph: ProcessGraph,
    /// Its time budget (`None` without a start or a reachable end).
    pub timing: Option<Timing>,
    /// Every finding (errors only when forced, warnings possibly).
    pub diagnostics: Vec<Diagnostic>,
    /// The run it was checked in: the SOPs looked up beside it are in its
    /// catalogue (titles of `sub_sop` targets).
    pub outcome: Outcome,
    /// The resolved global options.
    pub global: Global,
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

/// Reads `input.file`, checks it exactly as `sopmap check FILE` would
/// (configuration, cross-SOP rules with the SOPs beside it looked up,
/// suppressions) and decides whether it may be rendered.
pub fn pass(input: &RenderInput, global: &GlobalArgs, env: &Env, io: &mut Io<'_>) -> Result<Gate> {
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(Gate::Refused(status)),
    };
    // Refused before any work, like every other usage error.
    if let Some(target) = &input.output {
        output::refuse_input(target, &input.file)?;
    }
    let paths = [input.file.clone()];
    let req = Request { paths: &paths, stdin_filename: None, lookup: true, keep: Keep::Models };
    let corpus::Loaded { mut outcome, unreadable } = corpus::load(&req, &g, io)?;
    if unreadable > 0 || outcome.reported() == 0 {
        // The reason is printed already.
        return Ok(Gate::Refused(ExitStatus::Error));
    }
    let diagnostics: Vec<Diagnostic> = outcome.diagnostics_of(0).cloned().collect();
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let path = outcome.sources.first().map(|s| s.path.clone()).unwrap_or_default();
    let model = outcome.take_model(0);
    let shown = outcome.sources.get(..1).unwrap_or_default();
    let Some(model) = model else {
        // Nothing to draw: the file is not a SOP mapping at all.
        print_refusal(shown, &diagnostics, &g, env, io)?;
        let p = crate::render::escape::terminal_line(&path);
        let text =
            msg!("`{p}` tidak dapat dibaca sebagai SOP" / "`{p}` could not be read as a SOP");
        writeln!(io.stderr, "{}{}", said::error_prefix(g.lang), text.get(g.lang))?;
        return Ok(Gate::Refused(ExitStatus::Findings));
    };
    if errors > 0 {
        if !input.force {
            print_refusal(shown, &diagnostics, &g, env, io)?;
            let (s, them) = if errors == 1 { ("", "it") } else { ("s", "them") };
            let text = msg!(
                "`{path}` tidak digambar: berkas itu memuat {errors} kesalahan; perbaiki, atau \
                 berikan --force untuk menggambarnya dengan langkah yang keliru ditandai"
                    / "not rendering `{path}`: it has {errors} error{s}; fix {them} or pass \
                       --force to render it with the faulty steps marked"
            );
            writeln!(io.stderr, "{}{}", said::error_prefix(g.lang), text.get(g.lang))?;
            return Ok(Gate::Refused(ExitStatus::Findings));
        }
        let rep =
            Report { sources: shown, color: g.color_for(env.stderr_is_tty, env), lang: g.lang };
        report::write(Format::Concise, &rep, &diagnostics, io.stderr)?;
        let s = if errors == 1 { "" } else { "s" };
        let text = msg!(
            "`{path}` tetap digambar walaupun memuat {errors} kesalahan (--force)"
                / "rendering `{path}` despite {errors} error{s} (--force)"
        );
        writeln!(io.stderr, "{}{}", said::warning_prefix(g.lang), text.get(g.lang))?;
    }
    let source = outcome.sources.first().cloned().unwrap_or_else(|| SourceFile::new(path, ""));
    Ok(Gate::Cleared(Box::new(Cleared {
        source,
        sop: model.sop,
        graph: model.graph,
        timing: model.timing,
        diagnostics,
        outcome,
        global: g,
    })))
}

fn print_refusal(
    sources: &[SourceFile],
    diagnostics: &[Diagnostic],
    g: &Global,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<()> {
    let format = if env.stderr_is_tty { Format::Full } else { Format::Concise };
    let rep = Report { sources, color: g.color_for(env.stderr_is_tty, env), lang: g.lang };
    report::write(format, &rep, diagnostics, io.stderr)?;
    if !g.quiet {
        writeln!(
            io.stderr,
            "{}",
            report::summary(&Counts::of(diagnostics, sources.len()), g.lang)
        )?;
    }
    Ok(())
}
