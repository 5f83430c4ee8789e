//! `sopmap lsp`: the language server on standard input and output. This
//! is the protocol's I/O edge: it opens the stdio connection and gives the
//! server ([`crate::lsp::server`]) its access to the machine: the
//! workspace folder's SOP files, its `sopmap.yaml` (found and read as
//! `sopmap check` run in that folder finds it: the folder or a parent, up
//! to the repository root), `SOPMAP_LANG` and `--lang`.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::cli::args::GlobalArgs;
use crate::cli::inputs::{self, Input};
use crate::cli::settings::{self, DEFAULT_MAX_FILE_SIZE};
use crate::cli::{Env, ExitStatus, Io};
use crate::config;
use crate::lang::{Lang, LspWords};
use crate::lsp::server::{self, Host};
use crate::lsp::workspace::WorkspaceConfig;
use crate::source::SourceFile;

/// Runs the server on standard input and output until the client exits.
pub fn run(global: &GlobalArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let (conn, threads) = lsp_server::Connection::stdio();
    let disk = Disk { flag: global.lang.map(Lang::from), env_lang: env.lang.clone() };
    let result = server::serve(&conn, &disk);
    drop(conn);
    threads.join().map_err(|e| anyhow!("language server I/O: {e}"))?;
    match result {
        Ok(()) => Ok(ExitStatus::Clean),
        Err(e) => {
            writeln!(io.stderr, "sopmap: error: language server: {e}")?;
            Ok(ExitStatus::Error)
        }
    }
}

/// Serves one client over an existing connection (in-process tests), with
/// `env_lang` standing in for `SOPMAP_LANG`.
pub fn serve(conn: &lsp_server::Connection, env_lang: Option<String>) -> Result<()> {
    server::serve(conn, &Disk { flag: None, env_lang }).map_err(|e| anyhow!("{e}"))
}

/// The real file system, and the language the command line asks for.
struct Disk {
    /// `--lang`.
    flag: Option<Lang>,
    /// `SOPMAP_LANG`.
    env_lang: Option<String>,
}

impl Host for Disk {
    fn config(&self, root: &Path, client: Option<Lang>) -> (WorkspaceConfig, Vec<String>) {
        let mut problems = Vec::new();
        // The client's setting, then the flag, then the environment: the
        // language is known before the configuration, whose errors are
        // reported in it.
        let env_lang = self.env_lang.as_deref().and_then(|text| match settings::parse_lang(text) {
            Ok(l) => Some(l),
            Err(_) => {
                let words = LspWords::of(client.or(self.flag).unwrap_or_default());
                problems.push(format!("SOPMAP_LANG={text}: {}", words.bad_lang));
                None
            }
        });
        let chosen = client.or(self.flag).or(env_lang);
        let words = LspWords::of(chosen.unwrap_or_default());
        let mut ws = WorkspaceConfig::plain(root.to_path_buf());
        if let Some(path) = settings::find_config_from(root) {
            let shown = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    let source = SourceFile::new(shown.clone(), text);
                    match config::parse(&source) {
                        Ok(c) => {
                            ws.config_dir =
                                path.parent().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                            ws.config = Some(c);
                        }
                        Err(errors) => {
                            for e in errors {
                                let at = source.line_col(e.span.start);
                                problems.push(format!(
                                    "{shown}:{at}: {} ({})",
                                    e.message.get(chosen.unwrap_or_default()),
                                    words.config_ignored
                                ));
                            }
                        }
                    }
                }
                Err(e) => problems.push(format!("{shown}: {e} ({})", words.config_ignored)),
            }
        }
        ws.lang = chosen.or_else(|| ws.config.as_ref().and_then(|c| c.lang)).unwrap_or_default();
        (ws, problems)
    }

    fn files(&self, config: &WorkspaceConfig) -> (Vec<(PathBuf, String)>, Vec<String>) {
        let mut problems = Vec::new();
        let inputs = inputs::collect(std::slice::from_ref(&config.root)).unwrap_or_default();
        let mut files = Vec::new();
        for input in inputs {
            let Input::File(path) = input else { continue };
            if config.is_excluded(&path) {
                continue;
            }
            match inputs::read_file(&path, DEFAULT_MAX_FILE_SIZE) {
                // Other YAML in the folder (CI workflows, tool settings)
                // is not a SOP: only files that say they are one are loaded
                // until the editor opens another.
                Ok(text) if text.contains("sop-ap/") => files.push((path, text)),
                Ok(_) => {}
                Err(e) => problems.push(format!("{e:#}")),
            }
        }
        (files, problems)
    }

    fn read(&self, path: &Path) -> Option<String> {
        inputs::read_file(path, DEFAULT_MAX_FILE_SIZE).ok()
    }
}
