//! The one way sopmap runs Graphviz `dot` (for `render` and `graph`): the
//! DOT source is written on its own thread, because `dot` may fill its
//! output pipe before it has read all of its input, and a missing program
//! is a usage error with install hints.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

/// Runs `dot -T<format>` on `source` and returns what it drew.
pub fn run(program: &Path, format: &str, source: &str) -> Result<Vec<u8>> {
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
