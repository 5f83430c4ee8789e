//! Fuzz target: the whole check of one file as `sopmap check` runs it:
//! YAML parse, schema lowering, process graph, every rule (including the
//! ones off by default), the cross-SOP rules and suppression comments. No
//! output is produced: this is the parser-side target, meant to run at
//! thousands of inputs per second.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::run::{self, Input, Options};

fuzz_target!(|data: &[u8]| {
    let input = Input::new(common::source("fuzz.yaml", data), common::settings());
    let _ = run::check(vec![input], Options { jobs: 1, ..Options::default() });
});
