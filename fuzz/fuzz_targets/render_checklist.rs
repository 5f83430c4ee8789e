//! Fuzz target: the checklist (whole SOP and one actor's) as text,
//! Markdown and HTML, and the time analysis as text and JSON.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use sopmap::lang::Lang;
use sopmap::render::{checklist, timing};

fuzz_target!(|data: &[u8]| {
    let (_, checked, settings) = common::check(data);
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    let first_actor = sop.actors.first().and_then(|a| a.id.as_ref()).map(|i| i.value.as_str());
    let times = sopmap::timing::analyze(sop, graph, settings.workday_minutes);
    for lang in [Lang::Id, Lang::En] {
        for actor in [None, first_actor] {
            let opts = checklist::Options { lang, actor, sops: BTreeMap::new(), times: None };
            let c = checklist::build(sop, graph, &opts);
            let _ = checklist::text::render(&c);
            let _ = checklist::markdown::render(&c);
            let _ = checklist::html::render(&c);
        }
        if let Some(t) = &times {
            let _ = timing::text("m.yaml", sop, t, lang);
            let _ = timing::json("m.yaml", sop, t);
        }
    }
});
