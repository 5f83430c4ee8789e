//! Every renderer at once on one checked file, in both languages, with the
//! output thrown away. It exists for the robustness tests: the fuzz target
//! (`fuzz/fuzz_targets/check.rs`) and the seeded mutation test
//! (`tests/integration/mutate.rs`) both push hostile input through it, so a
//! renderer added here is fuzzed by both, and the two cannot drift apart.

use std::collections::BTreeMap;

use crate::catalog::{Catalogue, Entry};
use crate::check::Checked;
use crate::diagnostic::Severity;
use crate::diff;
use crate::lang::Lang;
use crate::render::{bpmn, checklist, document, dot, findings, mermaid, sop_map, table, timing};
use crate::source::SourceFile;

/// Runs DOT, Mermaid, the SOP AP table (wide, narrow and Markdown), the
/// checklist (text, Markdown, HTML; whole SOP and first actor), the time
/// report (text and JSON), BPMN, the SOP AP document, the semantic diff of
/// the file against itself, and the SOP map of the file, on the first of
/// `sources` (the one `checked` came from). Does nothing when the file did not
/// lower to a SOP. Only panics, hangs or runaway memory matter to callers.
pub fn all(sources: &[SourceFile], checked: &Checked, workday_minutes: u64) {
    let (Some(sop), Some(graph), Some(source)) = (&checked.sop, &checked.graph, sources.first())
    else {
        return;
    };
    let marks = findings::by_step(sop, &checked.diagnostics, Severity::Warning);
    let times = crate::timing::analyze(sop, graph, workday_minutes);
    for lang in [Lang::Id, Lang::En] {
        let opts = dot::Options { lang, marks: marks.clone() };
        let _ = dot::render(sop, graph, &opts);
        let _ = mermaid::render(sop, graph, &opts);
        let _ = table::render(sop, graph, lang, 100);
        let _ = table::render(sop, graph, lang, 10);
        let _ = table::markdown(sop, graph, lang);
        checklists_and_times(sop, graph, times.as_ref(), lang);
        let _ = bpmn::render_marked(sop, graph, lang, &marks);
        let opts = document::Options { lang, ..document::Options::default() };
        let _ = document::document(sop, graph, &opts, &document::LinkedSops::new([sop]));
    }
    let version = diff::Version { source, sop, graph, findings: &checked.diagnostics };
    let d = diff::diff(&version, &version, workday_minutes, Lang::En);
    let _ = (diff::text::render(&d, Lang::Id), diff::markdown::render(&d, Lang::En));
    let _ = diff::json::render(&d);
    let catalogue =
        Catalogue::new([Entry::new(0, &source.path, sop, times.clone(), workday_minutes)]);
    let map = sop_map::build(&catalogue);
    let _ = sop_map::dot(&map, Lang::Id);
    let _ = sop_map::mermaid(&map, Lang::En);
}

/// The checklist (text, Markdown, HTML; whole SOP and first actor) and the
/// time report (text and JSON) in `lang`: part of [`all`], and on its own
/// the checklist fuzz target.
pub fn checklists_and_times(
    sop: &crate::model::Sop,
    graph: &crate::graph::ProcessGraph,
    times: Option<&crate::timing::Timing>,
    lang: Lang,
) {
    let first_actor = sop.actors.first().and_then(|a| a.id.as_ref()).map(|i| i.value.as_str());
    for actor in [None, first_actor] {
        let opts = checklist::Options { lang, actor, sops: BTreeMap::new(), times: None };
        let c = checklist::build(sop, graph, &opts);
        let _ = checklist::text::render(&c);
        let _ = checklist::markdown::render(&c);
        let _ = checklist::html::render(&c);
    }
    if let Some(t) = times {
        let _ = timing::text("m.yaml", sop, t, lang);
        let _ = timing::json("m.yaml", sop, t);
    }
}
