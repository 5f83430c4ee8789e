//! `sopmap render`: the SOP as a diagram. DOT, Mermaid and BPMN are text
//! for other tools. SVG is drawn by sopmap from the document's flowchart
//! grid (swimlanes in `actors` order, the document's router), so lanes never
//! come out in Graphviz's order; PNG is that SVG pictured by headless
//! Chromium.

use anyhow::Result;

use crate::cli::said::Say;
use crate::msg;

use crate::cli::args::{GlobalArgs, RenderArgs, RenderFormat};
use crate::cli::gate::{self, Gate};
use crate::cli::{Env, ExitStatus, Io, chromium, output};
use crate::render::document::swimlane_svg;
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
            swimlane_svg(&cleared.sop, &cleared.graph, opts.lang, &opts.marks).into_bytes()
        }
        RenderFormat::Png => {
            let program = chromium::find(args.chromium.as_deref())?;
            let svg = swimlane_svg(&cleared.sop, &cleared.graph, opts.lang, &opts.marks);
            let (w, h) = svg_size(&svg);
            let work = tempfile::Builder::new().prefix("sopmap-render-").tempdir().say(|| {
                msg!("tidak dapat membuat folder sementara" / "cannot create a temporary folder")
            })?;
            let file = work.path().join("lanes.svg");
            std::fs::write(&file, &svg)
                .say(|| msg!("tidak dapat menulis `{}`" / "cannot write `{}`", file.display()))?;
            chromium::screenshot(&program, &file, w, h)?
        }
        RenderFormat::Bpmn => {
            bpmn::render_marked(&cleared.sop, &cleared.graph, opts.lang, &opts.marks).into_bytes()
        }
    };
    output::write(args.input.output.as_deref(), &args.input.file, &bytes, io)?;
    Ok(ExitStatus::Clean)
}

/// The size of a swimlane SVG in CSS pixels, from its `viewBox`.
fn svg_size(svg: &str) -> (u32, u32) {
    let view = svg.split("viewBox=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or("");
    let nums: Vec<f64> = view.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    let px = |v: Option<&f64>| v.map_or(800, |v| v.ceil().clamp(1.0, 30_000.0) as u32);
    (px(nums.get(2)), px(nums.get(3)))
}
