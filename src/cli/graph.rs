//! `sopmap graph`: the map of the SOPs given (makro and mikro nodes,
//! `sub_sop` and `related` links) as DOT, Mermaid, or SVG drawn by
//! Graphviz `dot`. With `-o FILE` the output is written atomically.
//! Exit 0, or 2 on I/O and usage errors (including a missing `dot`).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::args::{GlobalArgs, GraphArgs, GraphFormat};
use crate::cli::corpus::{self, Request};
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io, graphviz, output};
use crate::render::sop_map;
use crate::run::Keep;

pub fn run(
    args: &GraphArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "graph")?;
    let req = Request { paths: &paths, stdin_filename: None, lookup: true, keep: Keep::Summaries };
    let loaded = corpus::load(&req, &g, io)?;
    let map = sop_map::build(&loaded.outcome.catalogue);
    let l = g.lang;
    let bytes = match args.format {
        GraphFormat::Dot => sop_map::dot(&map, l).into_bytes(),
        GraphFormat::Mermaid => sop_map::mermaid(&map, l).into_bytes(),
        GraphFormat::Svg => graphviz::run(
            &args.graphviz,
            "svg",
            &sop_map::dot(&map, l),
            std::time::Duration::from_secs(args.graphviz_timeout),
        )?,
    };
    let first = paths.first().map_or(Path::new(""), PathBuf::as_path);
    output::write(args.output.as_deref(), first, &bytes, io)?;
    Ok(if loaded.unreadable > 0 { ExitStatus::Error } else { ExitStatus::Clean })
}
