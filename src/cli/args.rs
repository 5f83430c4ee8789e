//! The command line, defined with clap's derive API. The doc comments here
//! are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check and render Indonesian government SOPs (SOP AP, PermenPANRB
/// 35/2012) kept as `sop-ap/1` YAML.
#[derive(Debug, Parser)]
#[command(name = "sopmap", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check SOP files and folders and report every problem found.
    Check(CheckArgs),
    /// List every rule: code, name, default level and summary.
    Rules(RulesArgs),
    /// Explain a rule, by code (SOP205) or name (dead-end).
    Explain(ExplainArgs),
    /// Print the JSON Schema of the sop-ap/1 format, for editors.
    Schema,
    /// Create a new SOP from a template that lints clean.
    New(NewArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `sopmap man > sopmap.1`.
    Man,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Snippets with the offending value underlined (default on a terminal).
    Full,
    /// One line per finding: path:line:col: CODE message (default when piped).
    Concise,
    /// A JSON array with stable fields.
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check (folders recursively, *.yaml and *.yml);
    /// `-` reads standard input. Default: ./sops.
    pub paths: Vec<PathBuf>,

    /// Output format [default: full on a terminal, concise otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<OutputFormat>,

    /// The file name to show for standard input.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// Enable these rules too (codes or names, comma-separated), e.g. `cycle`.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,

    /// Disable these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,

    /// Exit 1 when there are warnings, not only errors.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Exit 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Use this configuration file instead of searching for `sopmap.yaml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any `sopmap.yaml`.
    #[arg(long)]
    pub no_config: bool,

    /// When to use colour.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,

    /// Print nothing on stderr but errors (no summary line).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Check files on N threads [default: the number of CPUs available].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Largest input file read, in bytes [default: 33554432 (32 MiB)].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,

    /// Most YAML nodes in one file (alias expansions count every copy)
    /// [default: 2000000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_yaml_nodes: Option<u64>,

    /// Deepest nesting of YAML lists and mappings, at most 1000 [default: 64].
    // Capped: parsing recurses per level, and 1000 levels fit the checking
    // threads' stacks with room to spare even in debug builds.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub max_yaml_depth: Option<u64>,

    /// Benchmark baseline: read and parse the YAML of every file on the same
    /// threads, then stop (no model, no rules, no report).
    #[arg(long, hide = true)]
    pub parse_only: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: RulesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule code or name.
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The file to create, or a folder to create `<id>.yaml` in
    /// [default: `<id>.yaml` here].
    pub path: Option<PathBuf>,

    /// Cakupan SOP: makro (a whole process) or mikro (one part of it).
    #[arg(long, value_enum, default_value = "mikro")]
    pub level: NewLevel,

    /// The SOP id (lowercase letters, digits and `-`) [default: the file name].
    #[arg(long)]
    pub id: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NewLevel {
    Makro,
    Mikro,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}
