#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(dead_code)]

//! The one integration-test binary (one link step for every test).
//! Each module covers one area; `harness` holds the shared helpers.

// Shared test helpers: in-process CLI runner, temp dirs, tool detection.
mod harness;
// CLI plumbing smoke tests.
mod smoke;
// Hostile inputs: bombs, deep nesting, huge files, encodings, FIFOs, loops.
mod hostile;
// Generated corpora: clean, planted defects found, parallel == --jobs 1.
mod scale;
// Seeded mutations of SOP YAML through parse, check and reports: no panic.
mod mutate;
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
