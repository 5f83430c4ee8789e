#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(dead_code)]

//! The one integration-test binary (one link step for every test).
//! Each module covers one area; `harness` holds the shared helpers.

// Shared test helpers: in-process CLI runner, temp dirs, tool detection.
mod harness;
// `sopmap import`: PDF round trip of the bundled SOPs, scans and non-SOP PDFs refused.
mod import;
// CLI plumbing smoke tests.
mod smoke;
// Hostile inputs: bombs, deep nesting, huge files, encodings, FIFOs, loops.
mod hostile;
// Hostile use of the outputs: special files behind `-o`, formulas in CSV,
// escape sequences for the terminal, completions into a full disk.
mod hostile_output;
// Generated corpora: clean, planted defects found, parallel == --jobs 1.
mod scale;
// Seeded mutations of SOP YAML through parse, check and reports: no panic.
mod mutate;
// BPMN export: golden files and the bpmnlint oracle.
mod bpmn;
// Golden corpus: tests/corpus/{ok,lint,parse} against their .out files.
mod corpus;
// examples/broken-sop.yaml: ten planted mistakes, all reported.
mod examples;
// The command line: exit codes, stdin, folders, formats, rule selection, colour.
mod cli;
// Property test: flow rules against a brute-force oracle on random graphs.
mod graph_oracle;
// Hostile and odd inputs: no panics, positioned messages, exit 1 or 2.
mod robustness;
// Every finding in both languages, none falling back to the other.
mod lang;
// The import drawing: no circle through rules/.
mod layers;
// One run, one verdict: renderers judge as check does; global options.
mod verdict;
// Renderers: golden outputs, Graphviz and Mermaid oracles, the render gate.
mod render;
// `sopmap site`: escaping, incremental re-runs, the site in a real browser.
mod site;
// Checklists: every step and branch jump of the makro SOP, the actor view.
mod checklist;
// Output formats of `sopmap check`: golden files, SARIF schema and validator.
mod formats;
// sopmap.yaml, suppression comments and exit codes from the command line.
mod config;
// `sopmap schema`: the JSON Schema against the bundled SOPs and broken ones.
mod schema;
// `sopmap new`, completions, man page, colour, pre-commit hook, example workflow.
mod packaging;
// Generated docs and README examples stay in step with the code.
mod docs;
// sopmap diff: golden diffs per kind of change, --git, the bar.
mod diff;
// Cross-SOP rules, timing, list and graph over multi-file corpora.
mod links;
// The geometry checker of issue 11: counts read from the produced SVG.
mod geometry;
// `sopmap document`: golden HTML, flowchart geometry, CLI, Chromium PDF.
mod document;
// `sopmap lsp`: an in-process JSON-RPC session, Neovim and vscode-jsonrpc.
mod lsp;
// Tables as agencies draw them: row numbers, rows of several steps,
// substitutes, branches that end with an outcome, Mulai/Selesai capsules.
mod structure;
// YAML slips: one finding at the character to change, with what to type.
mod yaml_slips;
// Follow-on findings grouped under their cause; the summary counts causes.
mod follow_ons;
