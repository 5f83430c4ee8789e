//! The command line, defined with clap's derive API. The doc comments here
//! are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check and render Indonesian government SOPs (SOP AP, PermenPANRB
/// 35/2012) kept as `sop-ap/1` YAML.
#[derive(Debug, Parser)]
#[command(name = "sopmap", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after its name
/// (`sopmap --lang en table x.yaml` or `sopmap table x.yaml --lang en`).
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this configuration file instead of searching for `sopmap.yaml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config", global = true)]
    pub config: Option<PathBuf>,

    /// Ignore any `sopmap.yaml`.
    #[arg(long, global = true)]
    pub no_config: bool,

    /// When to use colour in findings [default: auto].
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<ColorChoice>,

    /// Print nothing on stderr but errors (no summary or "wrote" lines).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// Language of human-readable output [default: `lang:` in sopmap.yaml,
    /// else $SOPMAP_LANG, else id].
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,

    /// Check files on N threads [default: the number of CPUs available].
    #[arg(long, short = 'j', value_name = "N", global = true,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Largest input file read, in bytes [default: 33554432 (32 MiB)].
    #[arg(long, value_name = "BYTES", global = true)]
    pub max_file_size: Option<u64>,

    /// Most YAML nodes in one file (alias expansions count every copy)
    /// [default: 2000000].
    #[arg(long, value_name = "N", global = true,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_yaml_nodes: Option<u64>,

    /// Deepest nesting of YAML lists and mappings, at most 1000 [default: 64].
    // Capped: parsing recurses per level, and 1000 levels fit the checking
    // threads' stacks with room to spare even in debug builds.
    #[arg(long, value_name = "N", global = true,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub max_yaml_depth: Option<u64>,

    /// Length of a working day for time sums, e.g. `7 jam` or `450 menit`
    /// [default: `workday:` in sopmap.yaml, else 8 jam; a SOP's own
    /// `workday:` wins].
    #[arg(long, value_name = "DURATION", global = true)]
    pub workday: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check SOP files and folders and report every problem found.
    Check(CheckArgs),
    /// List every rule: code, name, default level and summary.
    Rules(RulesArgs),
    /// Explain a rule, by code (SOP205) or name (dead-end).
    Explain(ExplainArgs),
    /// Compare two versions of a SOP: steps, arrows, actors, times, findings.
    Diff(DiffArgs),
    /// Print a SOP as a checklist for staff: text, Markdown or HTML.
    Checklist(ChecklistArgs),
    /// Print the SOP AP flowchart table (No, Kegiatan, Pelaksana, Mutu Baku).
    Table(TableArgs),
    /// Draw a SOP as a flowchart: Graphviz DOT, Mermaid, SVG, PNG or BPMN 2.0.
    Render(RenderArgs),
    /// Time budget: best and worst path time, critical path, load per actor.
    Timing(TimingArgs),
    /// The catalogue: one row per SOP with its level, size, time and findings.
    List(ListArgs),
    /// The map of SOPs: makro and mikro nodes, sub_sop and related links.
    Graph(GraphArgs),
    /// Write the official SOP AP document (identity page and flowchart
    /// table, A4 landscape) as self-contained HTML or as PDF.
    Document(DocumentArgs),
    /// Write the whole catalogue as a static website: an index with
    /// search, one page per SOP, a page per actor, the map and the findings.
    Site(SiteArgs),
    /// Print the JSON Schema of the sop-ap/1 format, for editors.
    Schema,
    /// Create a new SOP from a template that lints clean.
    New(NewArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `sopmap man > sopmap.1`, or write
    /// every page (`sopmap.1` and one `sopmap-<command>.1` per command,
    /// the pages its SEE ALSO names) into a folder with `--dir`.
    Man(ManArgs),
    /// Run the language server on standard input and output (LSP 3.17),
    /// for editors: diagnostics as you type, go to definition, rename,
    /// completion, hover and quick fixes. See docs/editors.md.
    Lsp,
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

    /// Benchmark baseline: read and parse the YAML of every file on the same
    /// threads, then stop (no model, no rules, no report).
    #[arg(long, hide = true)]
    pub parse_only: bool,

    /// Apply the safe fixes (did-you-mean replacements, ISO dates, a dead
    /// end marked `kind: end`, …) to the files, then report what is left.
    /// Comments and formatting are kept; a file that does not parse is
    /// never touched.
    #[arg(long)]
    pub fix: bool,

    /// Print the safe fixes as a unified diff and change nothing (exits 1
    /// when there is something to fix).
    #[arg(long)]
    pub diff: bool,
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
pub struct DiffArgs {
    /// OLD and NEW versions of a SOP; with --git, only the file to compare.
    #[arg(num_args = 1..=2, required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,

    /// Compare FILE with its version at this git revision (e.g. `main`,
    /// `HEAD~1`, a commit id).
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: DiffFormat,

    /// Exit 1 when the versions differ (like `git diff --exit-code`).
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text for the terminal.
    Text,
    /// Markdown for a pull-request comment.
    #[value(alias = "markdown")]
    Md,
    /// JSON with a stable shape (`sopmap-diff/1`).
    Json,
}

/// What every command that renders one SOP takes.
#[derive(Debug, Args)]
pub struct RenderInput {
    /// The SOP file (`-` reads standard input).
    pub file: PathBuf,

    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Render even when the SOP has errors (the faulty steps are marked in
    /// diagrams); the errors are printed on stderr.
    #[arg(long)]
    pub force: bool,
}

/// Language of rendered labels, for every command that renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl From<LangArg> for crate::lang::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Id => crate::lang::Lang::Id,
            LangArg::En => crate::lang::Lang::En,
        }
    }
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    #[command(flatten)]
    pub input: RenderInput,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ChecklistFormat,

    /// Only the steps of this actor (its id in `actors`), with hand-offs.
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChecklistFormat {
    /// Plain text for a terminal or a printer.
    Text,
    /// A Markdown task list (GitHub renders it).
    Md,
    /// One self-contained HTML page, print-ready on A4.
    Html,
}

#[derive(Debug, Args)]
pub struct TableArgs {
    #[command(flatten)]
    pub input: RenderInput,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: TableFormat,

    /// Fit the table to this many columns [default: the terminal width, or 120].
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// A box-drawn table for the terminal.
    Text,
    /// A Markdown table.
    Md,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub input: RenderInput,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "dot")]
    pub format: RenderFormat,

    /// The Chromium (or Chrome) program that draws `--format png`
    /// [default: the first of chromium, chromium-browser, google-chrome on PATH].
    #[arg(long, value_name = "PROGRAM", env = "SOPMAP_CHROMIUM")]
    pub chromium: Option<PathBuf>,
}

/// Diagram formats of `sopmap render`. A new format is one variant here and
/// one arm in `cli/render.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Graphviz DOT source.
    Dot,
    /// A Mermaid flowchart (GitHub renders it in ```mermaid blocks).
    Mermaid,
    /// SVG swimlanes drawn by sopmap from the flowchart grid (lanes in `actors` order).
    Svg,
    /// The same swimlanes as PNG (drawn by headless Chromium).
    Png,
    /// BPMN 2.0 XML with diagram layout (opens in bpmn.io, Camunda Modeler).
    Bpmn,
}

#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// A SOP file, or a folder (one document per SOP plus index.html).
    pub path: PathBuf,

    /// Output file (a folder when PATH is a folder). Without it, HTML of a
    /// single SOP goes to standard output.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Output format; `pdf` prints through headless Chromium.
    #[arg(long, short = 'f', value_enum, default_value = "html")]
    pub format: DocumentFormat,

    /// At most this many flowchart rows per page (fewer when they do not fit).
    #[arg(long, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u16).range(1..=100))]
    pub rows_per_page: u16,

    /// Write the document even when the SOP has errors.
    #[arg(long)]
    pub force: bool,

    /// The Chromium (or Chrome) program for `--format pdf` [default: the
    /// first of chromium, chromium-browser, google-chrome on PATH].
    #[arg(long, value_name = "PROGRAM", env = "SOPMAP_CHROMIUM")]
    pub chromium: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// SOP files or folders [default: ./sops].
    pub paths: Vec<PathBuf>,

    /// The site folder: new, empty, or a site sopmap wrote before (only
    /// what changed is rewritten; pages of SOPs that are gone are removed).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,

    /// Also print each SOP's document as PDF through headless Chromium
    /// (only the SOPs whose document changed since the last run).
    #[arg(long)]
    pub pdf: bool,

    /// The Chromium (or Chrome) program for `--pdf` [default: the first of
    /// chromium, chromium-browser, google-chrome on PATH].
    #[arg(long, value_name = "PROGRAM", env = "SOPMAP_CHROMIUM")]
    pub chromium: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    /// One self-contained HTML file (inline SVG and CSS).
    Html,
    /// PDF, printed by headless Chromium.
    Pdf,
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
pub struct ManArgs {
    /// Write `sopmap.1` and one `sopmap-<command>.1` per command into this
    /// folder (e.g. `/usr/local/share/man/man1`) instead of printing.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
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

#[derive(Debug, Args)]
pub struct TimingArgs {
    /// SOP files or folders [default: ./sops]; `-` reads standard input.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: TimingFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimingFormat {
    /// Readable tables.
    Text,
    /// A JSON array, one object per SOP (docs/timing.md).
    Json,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// SOP files or folders [default: ./sops].
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: ListFormat,

    /// Sort by this column (ties by id).
    #[arg(long, value_enum, default_value = "id")]
    pub sort: ListColumn,

    /// Largest first.
    #[arg(long)]
    pub reverse: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Md,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListColumn {
    Id,
    Level,
    Title,
    Unit,
    Steps,
    Actors,
    Worst,
    Service,
    Errors,
    Warnings,
    Path,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// SOP files or folders [default: ./sops].
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "dot")]
    pub format: GraphFormat,

    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The Graphviz `dot` program used for svg.
    #[arg(long, value_name = "PATH", default_value = "dot")]
    pub graphviz: PathBuf,

    /// Stop Graphviz `dot` after this many seconds (a map too large for its
    /// layout would otherwise never finish).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub graphviz_timeout: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
    /// SVG drawn by Graphviz `dot` (must be installed).
    Svg,
}
