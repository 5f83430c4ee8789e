//! The language server behind `sopmap lsp`: diagnostics as you type (the
//! same findings as `sopmap check`), go to definition, references and
//! rename of step, actor and SOP ids, completion, hover, the safe fixes as
//! code actions and the steps as the outline. [`server`] speaks the
//! protocol over a connection the CLI provides; the other modules are the
//! analyses, one concept each, working on the [`workspace::Workspace`].

pub mod actions;
pub mod checker;
pub mod completion;
pub mod convert;
pub mod hover;
pub mod navigation;
pub mod server;
pub mod symbols;
pub mod workspace;
