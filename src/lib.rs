//! sopmap: a checker and renderer for Indonesian government SOPs (SOP AP,
//! PermenPANRB 35/2012) kept as `sop-ap/1` YAML.
//!
//! Data flows one way: [`source::SourceFile`] → [`yaml`] node tree →
//! [`model::Sop`] (schema problems become diagnostics) →
//! [`graph::ProcessGraph`] → [`rules`] → [`diagnostic::Diagnostic`]s, which
//! [`report`] prints or [`render`] draws. [`check`] runs that pipeline for
//! one file; [`run`] is the one entry point every command uses: many files,
//! the [`catalog`] and the cross-SOP rules, suppressions and report order.
//! A rule's identity ([`rule_id`]) sits low, beside [`diagnostic`], so the
//! passes below the rules name rules without importing them. Only `cli/`
//! reads files, prints or exits.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod catalog;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod duration;
pub mod fix;
pub mod graph;
pub mod import;
pub mod json_schema;
pub mod lang;
pub mod lsp;
pub mod model;
pub mod render;
pub mod report;
pub mod rule_id;
pub mod rules;
pub mod run;
pub mod scaffold;
pub mod source;
pub mod suggest;
pub mod suppression;
pub mod timing;
pub mod yaml;
