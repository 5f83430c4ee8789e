//! Edit-to-diagnostics latency of the language server's workspace: loads a
//! folder of SOPs (e.g. 750 from `gen_corpus`), then replays edits to its
//! makro SOPs (the ones with the most links) and times, per edit, what the
//! server does once the debounce has passed: re-check the edited file,
//! run the cross-SOP rules over the catalogue, and collect the findings to
//! publish (the edited file and every SOP whose findings changed).
//!
//! ```text
//! cargo run --release --example gen_corpus -- 750 /tmp/c750
//! cargo run --release --example lsp_bench -- /tmp/c750 [EDITS]
//! ```
//!
//! Each edit alternates between misspelling a `next` (a new finding in the
//! file) and renaming the SOP's id (findings appear in every SOP linked to
//! it), then restoring the text, so every timed edit changes what is
//! published.

// Indices are taken modulo the length of a non-empty list, or clamped to it.
#![allow(clippy::indexing_slicing)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use sopmap::lsp::workspace::{Workspace, WorkspaceConfig};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().context("usage: lsp_bench DIR [EDITS]")?);
    let edits: usize =
        args.next().map_or(Ok(200), |n| n.parse()).context("EDITS must be a number")?;
    let mut files = Vec::new();
    for entry in
        std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
    {
        let path = std::fs::canonicalize(entry?.path())?;
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path)?;
            files.push((path, text));
        }
    }
    files.sort();
    if files.is_empty() {
        bail!("no *.yaml in {}", dir.display());
    }
    let root = std::fs::canonicalize(&dir)?;
    let started = Instant::now();
    let mut ws = Workspace::new(WorkspaceConfig::plain(root), files.clone());
    let first = ws.publish();
    let load = started.elapsed();
    let makros: Vec<&(PathBuf, String)> = files
        .iter()
        .filter(|(_, t)| t.contains("level: makro") && t.contains("\n    next: "))
        .collect();
    if makros.is_empty() {
        bail!("no makro SOP with a `next` to edit");
    }
    let mut times: Vec<Duration> = Vec::with_capacity(edits);
    let mut published = 0usize;
    let cpu_before = cpu_seconds();
    for i in 0..edits {
        // Edit then restore the same file.
        let (path, text) = makros[(i / 2) % makros.len()];
        let edited = match i % 4 {
            0 => text.replacen("\n    next: ", "\n    next: x", 1),
            2 => text.replacen("\nid: ", "\nid: x", 1),
            _ => text.clone(),
        };
        let t = Instant::now();
        ws.set_text(path, edited, Some((true, Some(i as i32))));
        let out = ws.publish();
        times.push(t.elapsed());
        published += out.len();
        if out.is_empty() {
            bail!("edit {i} published nothing");
        }
    }
    let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| (a - b) / edits as f64);
    times.sort();
    let pct = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "{} SOPs: load and first publish {:.1} ms ({} files with findings)",
        files.len(),
        load.as_secs_f64() * 1e3,
        first.len()
    );
    println!(
        "{edits} edits: median {:.2} ms, p95 {:.2} ms, max {:.2} ms; {:.1} files published per edit",
        pct(50).as_secs_f64() * 1e3,
        pct(95).as_secs_f64() * 1e3,
        times.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
        published as f64 / edits as f64
    );
    if let Some(cpu) = cpu {
        println!("CPU time per edit (this process, all threads): {:.2} ms", cpu * 1e3);
    }
    Ok(())
}

/// User plus system CPU time of this process so far (Linux `/proc`), to
/// tell the work done from the wait for a busy machine's cores.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Linux reports clock ticks of 1/100 s (USER_HZ).
    Some((utime + stime) / 100.0)
}
