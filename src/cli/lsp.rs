//! `sopmap lsp`: the language server on standard input and output. This
//! is the protocol's I/O edge: it opens the stdio connection and gives the
//! server ([`crate::lsp::server`]) its access to the disk: the workspace
//! folder's SOP files and its `sopmap.yaml`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error_in;

use crate::cli::inputs::{self, Input};
use crate::cli::{ExitStatus, Io};
use crate::config;
use crate::lsp::server::{self, Host};
use crate::lsp::workspace::WorkspaceConfig;
use crate::source::SourceFile;

/// Runs the server on standard input and output until the client exits.
pub fn run(io: &mut Io<'_>) -> Result<ExitStatus> {
    let (conn, threads) = lsp_server::Connection::stdio();
    let result = server::serve(&conn, &Disk);
    drop(conn);
    threads
        .join()
        .map_err(|e| error_in!("baca-tulis server bahasa: {e}" / "language server I/O: {e}"))?;
    match result {
        Ok(()) => Ok(ExitStatus::Clean),
        Err(e) => {
            writeln!(io.stderr, "sopmap: error: language server: {e}")?;
            Ok(ExitStatus::Error)
        }
    }
}

/// Serves one client over an existing connection (in-process tests).
pub fn serve(conn: &lsp_server::Connection) -> Result<()> {
    server::serve(conn, &Disk).map_err(|e| anyhow::Error::msg(e.to_string()))
}

/// The real file system.
struct Disk;

impl Host for Disk {
    fn load(&self, root: &Path) -> (WorkspaceConfig, Vec<(PathBuf, String)>, Vec<String>) {
        let mut problems = Vec::new();
        let config_path = root.join(config::FILE_NAME);
        let config = match std::fs::read_to_string(&config_path) {
            Ok(text) => {
                let source = SourceFile::new(config::FILE_NAME, text);
                match config::parse(&source) {
                    Ok(c) => Some(c),
                    Err(errors) => {
                        for e in errors {
                            let at = source.line_col(e.span.start);
                            let m = e.message.get(crate::lsp::convert::LANG);
                            problems.push(format!(
                                "{}:{at}: {m} (pengaturannya diabaikan sampai diperbaiki)",
                                config::FILE_NAME,
                            ));
                        }
                        None
                    }
                }
            }
            Err(_) => None,
        };
        let ws = WorkspaceConfig { config, root: root.to_path_buf() };
        let inputs = inputs::collect(&[root.to_path_buf()]).unwrap_or_default();
        let mut files = Vec::new();
        for input in inputs {
            let Input::File(path) = input else { continue };
            if ws.is_excluded(&ws.relative(&path)) {
                continue;
            }
            match inputs::read_file(&path, super::settings::DEFAULT_MAX_FILE_SIZE) {
                // Other YAML in the folder (CI workflows, tool settings)
                // is not a SOP: only files that say they are one are loaded
                // until the editor opens another.
                Ok(text) if text.contains("sop-ap/") => files.push((path, text)),
                Ok(_) => {}
                Err(e) => problems.push(super::said::render(&e, crate::lsp::convert::LANG)),
            }
        }
        (ws, files, problems)
    }

    fn read(&self, path: &Path) -> Option<String> {
        inputs::read_file(path, super::settings::DEFAULT_MAX_FILE_SIZE).ok()
    }
}
