//! Running Graphviz `dot` (for `render` and `graph` as SVG or PNG): the one
//! place that spawns it, feeds it on a thread (it may fill its output pipe
//! before reading all its input) and bounds it in time, so a diagram too
//! large for Graphviz's layout ends with a clear message instead of a
//! command that never returns.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

/// Runs `program -T<format>` on `source` and returns what it drew.
pub fn run(program: &Path, format: &str, source: &str, timeout: Duration) -> Result<Vec<u8>> {
    let child = Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail_in!(
            "Graphviz `dot` tidak ditemukan; pasang dengan `apt-get install graphviz` (Debian/Ubuntu) atau `brew install graphviz` (macOS), atau gunakan `--format dot` atau `--format mermaid`"
                / "Graphviz `dot` not found; install it with `apt-get install graphviz` (Debian/Ubuntu) \
             or `brew install graphviz` (macOS), or use `--format dot` or `--format mermaid`"
        ),
        Err(e) => {
            return Err(e).say(|| {
                msg!("tidak dapat menjalankan `{}`" / "cannot run `{}`", program.display())
            });
        }
    };
    let mut stdin = child
        .stdin
        .take()
        .say(|| msg!("tidak dapat menulis ke `dot`" / "cannot write to `dot`"))?;
    let input = source.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut stdout = child
        .stdout
        .take()
        .say(|| msg!("tidak dapat membaca dari `dot`" / "cannot read from `dot`"))?;
    let mut stderr = child
        .stderr
        .take()
        .say(|| msg!("tidak dapat membaca dari `dot`" / "cannot read from `dot`"))?;
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        stdout.read_to_end(&mut b).map(|_| b)
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        stderr.read_to_end(&mut b).map(|_| b)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) =
            child.try_wait().say(|| msg!("`dot` tidak selesai" / "`dot` did not finish"))?
        {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            bail_in!(
                "Graphviz `dot` tidak selesai dalam {} detik dan dihentikan: diagram terlalu besar untuk tata letaknya; gunakan `--format dot` atau `--format mermaid`, pecah SOP-nya, atau beri waktu lebih dengan `--graphviz-timeout DETIK`"
                    / "Graphviz `dot` did not finish within {} s and was stopped: the diagram is too \
                 large for its layout; use `--format dot` or `--format mermaid`, split the SOP, \
                 or allow more time with `--graphviz-timeout SECONDS`",
                timeout.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out.join().ok().and_then(Result::ok).unwrap_or_default();
    let stderr = err.join().ok().and_then(Result::ok).unwrap_or_default();
    let wrote = writer.join();
    if !status.success() {
        let text = String::from_utf8_lossy(&stderr);
        bail_in!(
            "Graphviz `dot` gagal ({status}): {}" / "Graphviz `dot` failed ({status}): {}",
            text.trim()
        );
    }
    match wrote {
        Ok(r) => r.say(|| msg!("tidak dapat menulis ke `dot`" / "cannot write to `dot`"))?,
        Err(_) => bail_in!("tidak dapat menulis ke `dot`" / "cannot write to `dot`"),
    }
    Ok(stdout)
}
