//! Fuzz target: the checklist (whole SOP and one actor's) as text,
//! Markdown and HTML, and the time analysis as text and JSON.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let (_, checked, settings) = common::check(data);
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    let times = sopmap::timing::analyze(sop, graph, settings.workday_minutes);
    for lang in [Lang::Id, Lang::En] {
        sopmap::render::checklists_and_times(sop, graph, times.as_ref(), lang);
    }
});
