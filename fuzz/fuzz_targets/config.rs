//! Fuzz target: `sopmap.yaml` (rule levels, overrides, workday) and the
//! suppression comments of a SOP file: the bytes are read as both, and
//! the config's settings are applied to a path.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use sopmap::{config, suppression};

fuzz_target!(|data: &[u8]| {
    let source = common::source("sopmap.yaml", data);
    if let Ok(cfg) = config::parse(&source) {
        let _ = cfg.settings_for(&common::settings(), "sops/a/b.yaml");
        let _ = cfg.is_excluded("sops/a/b.yaml");
    }
    let _ = suppression::parse(&source);
});
