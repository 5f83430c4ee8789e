//! Fuzz target: the flowchart renderers (DOT, Mermaid, BPMN) in both
//! languages, with findings marked on their steps.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::diagnostic::Severity;
use sopmap::lang::Lang;
use sopmap::render::{bpmn, dot, findings, mermaid};

fuzz_target!(|data: &[u8]| {
    let (_, checked, _) = common::check(data);
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    let marks = findings::by_step(sop, &checked.diagnostics, Severity::Warning);
    for lang in [Lang::Id, Lang::En] {
        let opts = dot::Options { lang, marks: marks.clone() };
        let _ = dot::render(sop, graph, &opts);
        let _ = mermaid::render(sop, graph, &opts);
        let _ = bpmn::render_marked(sop, graph, lang, &marks);
    }
});
