//! Renderers: a checked SOP → artefacts people read (checklists, tables,
//! diagrams, documents). Renderers return text; they never print or
//! decide whether a SOP with findings may be rendered (the CLI does).

pub mod document;
pub mod escape;
