//! `sopmap graph`: the map of the SOPs given (makro and mikro nodes,
//! `sub_sop` and `related` links) as DOT, Mermaid, or SVG drawn by
//! Graphviz `dot`. With `-o FILE` the output is written atomically.
//! Exit 0, or 2 on I/O and usage errors (including a missing `dot`).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::catalog::Catalog;
use crate::cli::args::{GraphArgs, GraphFormat};
use crate::cli::{Env, ExitStatus, Io, corpus, output};
use crate::lang::Lang;
use crate::render::sop_map;

pub fn run(args: &GraphArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let settings = match corpus::run_settings(env, None, io)? {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "graph")?;
    let loaded = corpus::load_paths(&paths, &settings, true, io)?;
    let catalog = Catalog::build(&loaded.sources, &loaded.checked, settings.workday_minutes);
    let map = sop_map::build(&catalog);
    let l = Lang::from(args.lang);
    let bytes = match args.format {
        GraphFormat::Dot => sop_map::dot(&map, l).into_bytes(),
        GraphFormat::Mermaid => sop_map::mermaid(&map, l).into_bytes(),
        GraphFormat::Svg => crate::cli::graphviz::run(
            Path::new("dot"),
            "svg",
            &sop_map::dot(&map, l),
            crate::cli::graphviz::DEFAULT_TIMEOUT,
        )?,
    };
    let first = paths.first().map_or(Path::new(""), PathBuf::as_path);
    output::write(args.output.as_deref(), first, &bytes, io)?;
    Ok(if loaded.had_io_error { ExitStatus::Error } else { ExitStatus::Clean })
}
