//! `sopmap render`: the SOP as a diagram. DOT and Mermaid are produced by
//! sopmap itself; SVG and PNG are drawn by Graphviz `dot`, which must be
//! installed (a missing `dot` is a clear usage error with install hints).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::cli::args::{RenderArgs, RenderFormat};
use crate::cli::gate::{self, Gate};
use crate::cli::{Env, ExitStatus, Io, output};
use crate::lang::Lang;
use crate::render::{bpmn, dot, mermaid};

pub fn run(args: &RenderArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let cleared = match gate::pass(&args.input, env, io)? {
        Gate::Cleared(c) => c,
        Gate::Refused(status) => return Ok(status),
    };
    let opts = dot::Options { lang: Lang::from(args.input.lang), marks: cleared.marks() };
    let bytes = match args.format {
        RenderFormat::Dot => dot::render(&cleared.sop, &cleared.graph, &opts).into_bytes(),
        RenderFormat::Mermaid => mermaid::render(&cleared.sop, &cleared.graph, &opts).into_bytes(),
        RenderFormat::Svg => {
            graphviz(&args.graphviz, "svg", &dot::render(&cleared.sop, &cleared.graph, &opts))?
        }
        RenderFormat::Png => {
            graphviz(&args.graphviz, "png", &dot::render(&cleared.sop, &cleared.graph, &opts))?
        }
        RenderFormat::Bpmn => {
            bpmn::render_marked(&cleared.sop, &cleared.graph, opts.lang, &opts.marks).into_bytes()
        }
    };
    output::write(args.input.output.as_deref(), &args.input.file, &bytes, io)?;
    Ok(ExitStatus::Clean)
}

/// Runs `dot -T<format>` on `source` and returns what it drew.
fn graphviz(program: &Path, format: &str, source: &str) -> Result<Vec<u8>> {
    let child = Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "Graphviz `dot` not found; install it with `apt-get install graphviz` (Debian/Ubuntu) \
             or `brew install graphviz` (macOS), or use `--format dot` or `--format mermaid`"
        ),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot run `{}`", program.display()));
        }
    };
    // Write on another thread: `dot` may fill its output pipe before it has
    // read all of its input.
    let mut stdin = child.stdin.take().context("cannot write to `dot`")?;
    let input = source.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().context("`dot` did not finish")?;
    match writer.join() {
        Ok(r) => r.context("cannot write to `dot`")?,
        Err(_) => bail!("cannot write to `dot`"),
    }
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!("Graphviz `dot` failed ({}): {}", out.status, err.trim());
    }
    Ok(out.stdout)
}
