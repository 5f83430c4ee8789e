//! Fuzz target: the official SOP AP document (identity page, flowchart
//! table with connectors, pagination) in both languages, and the SOP map
//! of the catalogue it belongs to.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::catalog::Catalog;
use sopmap::lang::Lang;
use sopmap::render::{document, sop_map};

fuzz_target!(|data: &[u8]| {
    let (source, checked, settings) = common::check(data);
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    for lang in [Lang::Id, Lang::En] {
        let opts = document::Options { lang, ..document::Options::default() };
        let _ = document::document(sop, graph, &opts, &document::Catalogue::new([sop]));
    }
    let sources = [source];
    let catalog = Catalog::build(&sources, std::slice::from_ref(&checked), settings.workday_minutes);
    let map = sop_map::build(&catalog);
    let _ = sop_map::dot(&map, Lang::Id);
    let _ = sop_map::mermaid(&map, Lang::En);
});
