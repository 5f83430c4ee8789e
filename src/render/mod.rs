//! Renderers: a checked SOP → artefacts people read (checklists, tables,
//! diagrams, documents). Renderers return text; they never print or
//! decide whether a SOP with findings may be rendered (the CLI does).

mod all;
pub mod bpmn;
pub mod checklist;
pub mod document;
pub mod dot;
pub mod escape;
pub mod findings;
pub mod hyphenate;
pub mod lanes;
pub mod list;
pub mod mermaid;
pub mod site;
pub mod sop_map;
pub mod step_text;
pub mod table;
pub mod timing;
pub mod wrap;

pub use all::{all, checklists_and_times};
