//! Fuzz target: any bytes, taken as text, through the whole pipeline a user
//! hits: YAML parse, schema lowering, process graph, every rule (including
//! the ones off by default), every renderer (DOT, Mermaid, BPMN, table,
//! checklist in text/Markdown/HTML, SOP AP document, time analysis, SOP
//! map, semantic diff) in both languages, and every report format over the
//! findings.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use sopmap::catalog::Catalog;
use sopmap::check::{Checked, Settings, check_source};
use sopmap::diagnostic::{Level, Severity};
use sopmap::diff;
use sopmap::lang::Lang;
use sopmap::render::{bpmn, checklist, document, dot, findings, mermaid, sop_map, table, timing};
use sopmap::report::{self, Format, Report};
use sopmap::rules::RULES;
use sopmap::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is refused by the CLI before parsing; lossy decoding
    // still lets the fuzzer explore near-text inputs.
    let text = String::from_utf8_lossy(data).into_owned();
    let source = SourceFile::new("fuzz.yaml", text);
    let mut settings = Settings::default();
    for rule in RULES {
        settings.levels.set(rule.code, Level::Warning);
    }
    let checked = check_source(&source, 0, &settings);
    let sources = [source];
    render_all(&sources, &checked, settings.workday_minutes);
    let rep = Report { sources: &sources, color: false };
    for format in [Format::Full, Format::Concise, Format::Json, Format::Sarif, Format::Github] {
        let mut out = Vec::new();
        let _ = report::write(format, &rep, &checked.diagnostics, &mut out);
    }
});

/// Every renderer on one checked file, in both languages; output is
/// discarded: only panics matter here.
fn render_all(sources: &[SourceFile], checked: &Checked, workday_minutes: u64) {
    let (Some(sop), Some(graph)) = (&checked.sop, &checked.graph) else { return };
    let marks = findings::by_step(sop, &checked.diagnostics, Severity::Warning);
    let first_actor = sop.actors.first().and_then(|a| a.id.as_ref()).map(|i| i.value.as_str());
    let times = sopmap::timing::analyze(sop, graph, workday_minutes);
    for lang in [Lang::Id, Lang::En] {
        let opts = dot::Options { lang, marks: marks.clone() };
        let _ = dot::render(sop, graph, &opts);
        let _ = mermaid::render(sop, graph, &opts);
        let _ = table::render(sop, graph, lang, 100);
        let _ = table::render(sop, graph, lang, 10);
        let _ = table::markdown(sop, graph, lang);
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
    for lang in [Lang::Id, Lang::En] {
        let _ = bpmn::render_marked(sop, graph, lang, &marks);
        let opts = document::Options { lang, ..document::Options::default() };
        let _ = document::document(sop, graph, &opts, &document::Catalogue::new([sop]));
    }
    let version = diff::Version { source: &sources[0], sop, graph, findings: &checked.diagnostics };
    let d = diff::diff(&version, &version, workday_minutes);
    let _ = (diff::text::render(&d, Lang::Id), diff::markdown::render(&d, Lang::En));
    let _ = diff::json::render(&d);
    let all = std::slice::from_ref(checked);
    let catalog = Catalog::build(sources, all, workday_minutes);
    let map = sop_map::build(&catalog);
    let _ = sop_map::dot(&map, Lang::Id);
    let _ = sop_map::mermaid(&map, Lang::En);
}
