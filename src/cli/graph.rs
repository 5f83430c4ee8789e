//! `sopmap graph`: the map of the SOPs given (makro and mikro nodes,
//! `sub_sop` and `related` links) as DOT, Mermaid, or SVG drawn by
//! Graphviz `dot`. With `-o FILE` the output is written atomically.
//! Exit 0, or 2 on I/O and usage errors (including a missing `dot`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

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
        GraphFormat::Svg => run_dot(&sop_map::dot(&map, l))?,
    };
    let first = paths.first().map_or(Path::new(""), PathBuf::as_path);
    output::write(args.output.as_deref(), first, &bytes, io)?;
    Ok(if loaded.had_io_error { ExitStatus::Error } else { ExitStatus::Clean })
}

/// Runs Graphviz `dot -Tsvg` on `source`.
fn run_dot(source: &str) -> Result<Vec<u8>> {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "`--format svg` needs Graphviz `dot`, which is not installed; install it (Debian/Ubuntu: `sudo apt-get install graphviz`, macOS: `brew install graphviz`, Windows: `winget install graphviz`) or use `--format dot`"
        ),
        Err(e) => return Err(e).context("cannot run Graphviz `dot`"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(source.as_bytes()).context("cannot write to Graphviz `dot`")?;
    }
    let out = child.wait_with_output().context("cannot run Graphviz `dot`")?;
    if !out.status.success() {
        bail!("Graphviz `dot` failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(out.stdout)
}
