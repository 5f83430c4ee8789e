//! Fuzz target: the SOP AP table as text (wide and narrow) and Markdown.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::lang::Lang;
use sopmap::render::table;

fuzz_target!(|data: &[u8]| {
    let (_, checked, _) = common::check(data);
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    for lang in [Lang::Id, Lang::En] {
        let _ = table::render(sop, graph, lang, 100);
        let _ = table::render(sop, graph, lang, 10);
        let _ = table::markdown(sop, graph, lang);
    }
});
