//! The command-line edge: parses arguments, reads files, prints and maps
//! outcomes to exit statuses. The only place with I/O and `anyhow`.
//! [`run`] takes its streams as parameters so tests can drive the whole
//! CLI in-process.

pub mod args;
mod check;
mod checklist;
mod chromium;
mod completions;
mod corpus;
mod diff;
mod document;
pub mod exit;
mod fix;
mod gate;
mod git;
mod graph;
mod graphviz;
mod import;
mod inputs;
mod list;
pub mod lsp;
mod new;
mod output;
mod render;
mod rules;
pub mod said;
mod schema;
mod settings;
mod site;
mod table;
mod timing;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;

use clap::Parser;

pub use exit::ExitStatus;

use args::{Cli, Command};

/// The process environment as the CLI needs it.
pub struct Env {
    /// Whether standard output is a terminal (picks default format and colour).
    pub stdout_is_tty: bool,
    /// Whether standard error is a terminal (findings of the rendering
    /// commands go there, since their standard output is the artefact).
    pub stderr_is_tty: bool,
    /// `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
    /// The working folder.
    pub cwd: PathBuf,
    /// `SOPMAP_LANG`, the language of human-readable output when no
    /// `--lang` is given (it wins over `lang:` in sopmap.yaml).
    pub lang: Option<String>,
}

impl Env {
    /// Reads the real environment.
    pub fn from_process() -> Env {
        use std::io::IsTerminal;
        Env {
            stdout_is_tty: std::io::stdout().is_terminal(),
            stderr_is_tty: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            lang: std::env::var("SOPMAP_LANG").ok().filter(|v| !v.trim().is_empty()),
        }
    }
}

/// Standard streams.
pub struct Io<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
}

/// Runs the CLI with `args` (including the program name).
pub fn run(args: impl IntoIterator<Item = OsString>, env: &Env, io: &mut Io<'_>) -> ExitStatus {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let text = e.render().to_string();
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = write!(io.stdout, "{text}");
                    ExitStatus::Clean
                }
                _ => {
                    let _ = write!(io.stderr, "{text}");
                    ExitStatus::Error
                }
            };
        }
    };
    let lang = settings::quick_lang(&cli.global, env);
    let result = match cli.command {
        Command::Check(a) => check::run(&a, &cli.global, env, io),
        Command::Rules(a) => rules::list(&a, lang, io),
        Command::Explain(a) => rules::explain(&a, lang, io),
        Command::Diff(a) => diff::run(&a, &cli.global, env, io),
        Command::Timing(a) => timing::run(&a, &cli.global, env, io),
        Command::List(a) => list::run(&a, &cli.global, env, io),
        Command::Graph(a) => graph::run(&a, &cli.global, env, io),
        Command::Checklist(a) => checklist::run(&a, &cli.global, env, io),
        Command::Table(a) => table::run(&a, &cli.global, env, io),
        Command::Render(a) => render::run(&a, &cli.global, env, io),
        Command::Document(a) => document::run(&a, &cli.global, env, io),
        Command::Site(a) => site::run(&a, &cli.global, env, io),
        Command::Import(a) => import::run(&a, &cli.global, env, io),
        Command::Schema => schema::run(io),
        Command::New(a) => new::run(&a, lang, env, io),
        Command::Completions(a) => completions::completions(&a, io),
        Command::Man(a) => completions::man(&a, lang, env, io),
        Command::Lsp => lsp::run(&cli.global, env, io),
    };
    match result {
        Ok(status) => status,
        Err(e) => {
            if is_broken_pipe(&e) {
                // Output was cut short by the reader (`sopmap … | head`):
                // not an error, by Unix convention.
                return ExitStatus::Clean;
            }
            // An error may quote a path or a value: escaped for the terminal.
            let text = crate::render::escape::terminal(&said::render(&e, lang));
            let _ = writeln!(io.stderr, "{}{text}", said::error_prefix(lang));
            ExitStatus::Error
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
