//! Fuzz target: the semantic diff of two versions (the input split at its
//! first NUL byte) as text, Markdown and JSON.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::check::check_file;
use sopmap::diff;
use sopmap::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let (old, new) = common::split(data);
    let settings = common::settings();
    let (old_src, new_src) = (common::source("old.yaml", old), common::source("new.yaml", new));
    let (a, b) = (check_file(&old_src, 0, &settings), check_file(&new_src, 0, &settings));
    let (Some(sa), Some(ga), Some(sb), Some(gb)) = (&a.sop, &a.graph, &b.sop, &b.graph) else {
        return;
    };
    let va = diff::Version { source: &old_src, sop: sa, graph: ga, findings: &a.diagnostics };
    let vb = diff::Version { source: &new_src, sop: sb, graph: gb, findings: &b.diagnostics };
    let d = diff::diff(&va, &vb, settings.workday_minutes, Lang::Id);
    let _ = (diff::text::render(&d, Lang::Id), diff::markdown::render(&d, Lang::En));
    let _ = diff::json::render(&d);
});
