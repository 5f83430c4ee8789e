//! Printing an HTML file to PDF (and an SVG to PNG) with headless Chromium: finding the
//! program, running it with a fresh profile and no network services, and
//! waiting for it with a time limit.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

/// Program names tried on PATH, in order.
const NAMES: [&str; 4] = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/// How long one document may take to print.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The Chromium program: `explicit` if given (it must exist), else the
/// first of [`NAMES`] on PATH. The error says how to install it.
pub fn find(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        if let Some(found) = resolve(p) {
            return Ok(found);
        }
        bail_in!(
            "program Chromium `{}` tidak ditemukan\n{}" / "Chromium program `{}` was not found\n{}",
            p.display(),
            install_hint()
        );
    }
    for name in NAMES {
        if let Some(found) = resolve(Path::new(name)) {
            return Ok(found);
        }
    }
    bail_in!(
        "--format pdf memerlukan Chromium tanpa tampilan (headless), dan tidak ada yang ditemukan pada PATH (dicari: {})\n{}"
            / "--format pdf needs headless Chromium, and none was found on PATH (looked for {})\n{}",
        NAMES.join(", "),
        install_hint()
    )
}

fn install_hint() -> crate::diagnostic::Text {
    msg!(
        "  pasang:       sudo apt-get install -y chromium        (Debian, Ubuntu: chromium-browser)\n\
         \x20             sudo dnf install -y chromium            (Fedora)\n\
         \x20             brew install --cask chromium            (macOS)\n\
         \x20 atau tunjuk programnya dengan --chromium PROGRAM (atau SOPMAP_CHROMIUM),\n\
         \x20 atau tulis HTML (format bawaan) lalu cetak dari peramban mana pun"
            / "  install it:  sudo apt-get install -y chromium        (Debian, Ubuntu: chromium-browser)\n\
               \x20             sudo dnf install -y chromium            (Fedora)\n\
               \x20             brew install --cask chromium            (macOS)\n\
               \x20 or point to it with --chromium PROGRAM (or SOPMAP_CHROMIUM),\n\
               \x20 or write HTML (the default format) and print it from any browser"
    )
}

/// A program path as given, or looked up on PATH when it is a bare name.
fn resolve(p: &Path) -> Option<PathBuf> {
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(p)).find(|c| c.is_file())
}

/// Prints `html` (a file) to PDF and returns the PDF's bytes.
pub fn print_to_pdf(chromium: &Path, html: &Path) -> Result<Vec<u8>> {
    run(
        chromium,
        html,
        "out.pdf",
        &["--no-pdf-header-footer", "--print-to-pdf-no-header"],
        |out| vec![format!("--print-to-pdf={}", out.display())],
        |bytes| bytes.starts_with(b"%PDF"),
        msg!("mencetak dokumen" / "print the document"),
    )
}

/// Takes a PNG picture of `file` (an SVG or HTML file) in a window of
/// `width` x `height` CSS pixels, at twice that resolution for print.
pub fn screenshot(chromium: &Path, file: &Path, width: u32, height: u32) -> Result<Vec<u8>> {
    let size = format!("--window-size={width},{height}");
    run(
        chromium,
        file,
        "out.png",
        &[
            "--hide-scrollbars",
            "--force-device-scale-factor=2",
            "--default-background-color=ffffffff",
            &size,
        ],
        |out| vec![format!("--screenshot={}", out.display())],
        |bytes| bytes.starts_with(b"\x89PNG"),
        msg!("menggambar" / "draw the picture"),
    )
}

/// Runs headless Chromium on `file` with a fresh profile, writing `out_name`
/// in a temporary folder, and returns that file's bytes if `valid`.
fn run(
    chromium: &Path,
    file: &Path,
    out_name: &str,
    args: &[&str],
    out_args: impl Fn(&Path) -> Vec<String>,
    valid: impl Fn(&[u8]) -> bool,
    what: crate::diagnostic::Text,
) -> Result<Vec<u8>> {
    let work = tempfile::Builder::new().prefix("sopmap-chromium-").tempdir().say(|| {
        msg!(
            "tidak dapat membuat folder sementara untuk Chromium"
                / "cannot create a temporary folder for Chromium"
        )
    })?;
    let profile = work.path().join("profile");
    let out = work.path().join(out_name);
    let file = std::fs::canonicalize(file)
        .say(|| msg!("tidak dapat menemukan `{}`" / "cannot find `{}`", file.display()))?;
    let url = format!("file://{}", percent_encode(&file.to_string_lossy()));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .args(args)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(out_args(&out))
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .say(|| msg!("tidak dapat menjalankan `{}`" / "cannot run `{}`", chromium.display()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .say(|| msg!("tidak dapat menunggu Chromium" / "cannot wait for Chromium"))?
        {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            bail_in!(
                "Chromium tidak selesai dalam {} detik"
                    / "Chromium did not finish within {} seconds",
                TIME_LIMIT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    let bytes = std::fs::read(&out).unwrap_or_default();
    if !status.success() || !valid(&bytes) {
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail = if tail.is_empty() {
            String::new()
        } else {
            format!(":\n  {}", tail.into_iter().rev().collect::<Vec<_>>().join("\n  "))
        };
        bail_in!(
            "Chromium gagal {} ({status}){tail}" / "Chromium failed to {} ({status}){tail}",
            what
        );
    }
    Ok(bytes)
}

/// Percent-encodes what a `file://` URL path cannot hold as is.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_escape_spaces_and_unicode() {
        assert_eq!(percent_encode("/tmp/a b/é.html"), "/tmp/a%20b/%C3%A9.html");
    }

    #[test]
    fn a_missing_program_says_how_to_install() {
        let e = find(Some(Path::new("/nonexistent/chromium"))).unwrap_err().to_string();
        assert!(e.contains("apt-get install -y chromium"), "{e}");
    }
}
