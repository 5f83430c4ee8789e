//! Edit-to-diagnostics latency of the language server, measured twice over
//! a folder of SOPs (e.g. 750 from `gen_corpus`), replaying edits to its
//! makro SOPs (the ones with the most links):
//!
//! 1. the workspace alone, per edit what the server does once the debounce
//!    has passed: re-check the edited file, run the cross-SOP rules over
//!    the catalogue, and collect the findings to publish (the edited file
//!    and every SOP whose findings changed);
//! 2. the whole server, in process over lsp-server's memory connection:
//!    from sending `didChange` to receiving the edited file's
//!    `publishDiagnostics` of that version, so the 20 ms debounce, the
//!    hand-over to a checking thread and the JSON of every published file
//!    are included.
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
    drop(ws);
    let (load, mut times) = through_server(&dir, &makros, edits)?;
    times.sort();
    let pct = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "through the server (didChange to publishDiagnostics, 20 ms debounce included): load {:.1} ms; \
         {edits} edits: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        load.as_secs_f64() * 1e3,
        pct(50).as_secs_f64() * 1e3,
        pct(95).as_secs_f64() * 1e3,
        times.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
    );
    Ok(())
}

/// Runs the server on a thread of this process and replays the edits as
/// a client would; returns the time to the first diagnostics of an opened
/// file (the load) and the time of each edit.
fn through_server(
    dir: &std::path::Path,
    makros: &[&(PathBuf, String)],
    edits: usize,
) -> Result<(Duration, Vec<Duration>)> {
    use lsp_server::{Connection, Message, Notification, Request, RequestId};
    use serde_json::{Value, json};
    let (server, client) = Connection::memory();
    let handle = std::thread::spawn(move || sopmap::cli::lsp::serve(&server, None));
    let root = format!("file://{}", std::fs::canonicalize(dir)?.display());
    let uri = |p: &PathBuf| format!("file://{}", p.display());
    let send = |m: Message| client.sender.send(m).context("the server went away");
    let recv = || -> Result<Message> {
        client.receiver.recv_timeout(Duration::from_secs(60)).context("no answer from the server")
    };
    let started = Instant::now();
    send(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({ "processId": null, "rootUri": root, "capabilities": {},
                "workspaceFolders": [{ "uri": root, "name": "bench" }] }),
    )))?;
    while !matches!(recv()?, Message::Response(_)) {}
    send(Message::Notification(Notification::new("initialized".into(), json!({}))))?;
    let notify = |method: &str, params: Value| {
        send(Message::Notification(Notification::new(method.into(), params)))
    };
    // Waits for the diagnostics of `want` at `version`.
    let published = |want: &str, version: i32| -> Result<()> {
        loop {
            if let Message::Notification(n) = recv()?
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == want
                && n.params["version"] == version
            {
                return Ok(());
            }
        }
    };
    let first = makros.first().context("no makro SOP")?;
    notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&first.0), "languageId": "yaml", "version": 0, "text": first.1 } }),
    )?;
    // A clean file is published when it is opened too (empty).
    published(&uri(&first.0), 0)?;
    let load = started.elapsed();
    for (path, text) in makros.iter().skip(1).take(edits / 2 + 1) {
        notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri(path), "languageId": "yaml", "version": 0, "text": text } }),
        )?;
        published(&uri(path), 0)?;
    }
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        let (path, text) = makros[(i / 2) % makros.len()];
        let edited = match i % 4 {
            0 => text.replacen("\n    next: ", "\n    next: x", 1),
            2 => text.replacen("\nid: ", "\nid: x", 1),
            _ => text.clone(),
        };
        let version = i32::try_from(i + 1)?;
        let t = Instant::now();
        notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(path), "version": version },
                    "contentChanges": [{ "text": edited }] }),
        )?;
        published(&uri(path), version)?;
        times.push(t.elapsed());
    }
    send(Message::Request(Request::new(RequestId::from(2), "shutdown".into(), Value::Null)))?;
    notify("exit", Value::Null)?;
    handle.join().map_err(|_| anyhow::anyhow!("the server panicked"))??;
    Ok((load, times))
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
