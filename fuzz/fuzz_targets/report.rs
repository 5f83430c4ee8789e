//! Fuzz target: the findings of one file through every report format
//! (full, concise, JSON, SARIF, GitHub) and the summary line.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::lang::Lang;
use sopmap::report::{self, Counts, Format, Report};

fuzz_target!(|data: &[u8]| {
    let (source, checked, _) = common::check(data);
    let sources = [source];
    for lang in [Lang::Id, Lang::En] {
        let rep = Report { sources: &sources, color: false, lang };
        for format in [Format::Full, Format::Concise, Format::Json, Format::Sarif, Format::Github] {
            let mut out = Vec::new();
            let _ = report::write(format, &rep, &checked.diagnostics, &mut out);
        }
        let _ = report::summary(&Counts::of(&checked.diagnostics, 1), lang);
    }
});
