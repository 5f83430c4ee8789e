//! Fuzz target: YAML parse, schema lowering, process graph and every rule
//! (including the ones off by default) with suppression comments applied.
//! No output is produced: this is the parser-side target, meant to run at
//! thousands of inputs per second.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = common::check(data);
});
