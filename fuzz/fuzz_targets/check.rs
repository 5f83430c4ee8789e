//! Fuzz target: any bytes, taken as text, through the whole pipeline a user
//! hits: YAML parse, schema lowering, process graph, every rule (including
//! the ones off by default), every renderer (DOT, Mermaid, BPMN, table,
//! checklist in text/Markdown/HTML, SOP AP document, time analysis, SOP
//! map, semantic diff) in both languages, and every report format over the
//! findings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sopmap::check::{Settings, check_file};
use sopmap::rule_id::Level;
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
    let checked = check_file(&source, 0, &settings);
    let sources = [source];
    sopmap::render::all(&sources, &checked, settings.workday_minutes);
    let rep = Report { sources: &sources, color: false };
    for format in [Format::Full, Format::Concise, Format::Json, Format::Sarif, Format::Github] {
        let mut out = Vec::new();
        let _ = report::write(format, &rep, &checked.diagnostics, &mut out);
    }
});
