//! Fuzz target: the official SOP AP document (identity page, flowchart
//! table with connectors, pagination) in both languages, and the SOP map
//! of the catalogue it belongs to.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::catalog::{Catalogue, Entry};
use sopmap::lang::Lang;
use sopmap::render::{document, sop_map};

fuzz_target!(|data: &[u8]| {
    let (source, checked, settings) = common::check(data);
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    for lang in [Lang::Id, Lang::En] {
        let opts = document::Options { lang, ..document::Options::default() };
        let _ = document::document(sop, graph, &opts, &document::LinkedSops::new([sop]));
    }
    let workday = settings.workday_minutes;
    let timing = sopmap::timing::analyze(sop, graph, workday);
    let catalogue = Catalogue::new([Entry::new(0, &source.path, sop, timing, workday)]);
    let map = sop_map::build(&catalogue);
    let _ = sop_map::dot(&map, Lang::Id);
    let _ = sop_map::mermaid(&map, Lang::En);
});
