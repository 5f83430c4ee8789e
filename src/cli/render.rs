//! `sopmap render`: the SOP as a diagram. DOT and Mermaid are produced by
//! sopmap itself; SVG and PNG are drawn by Graphviz `dot`, which must be
//! installed (a missing `dot` is a clear usage error with install hints).

use anyhow::Result;

use crate::cli::args::{GlobalArgs, RenderArgs, RenderFormat};
use crate::cli::gate::{self, Gate};
use crate::cli::graphviz::run as graphviz;
use crate::cli::{Env, ExitStatus, Io, output};
use crate::render::{bpmn, dot, mermaid};

pub fn run(
    args: &RenderArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let cleared = match gate::pass(&args.input, global, env, io)? {
        Gate::Cleared(c) => c,
        Gate::Refused(status) => return Ok(status),
    };
    let opts = dot::Options { lang: cleared.global.lang, marks: cleared.marks() };
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
