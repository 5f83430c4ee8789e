//! Shared setup for the fuzz targets: the bytes become one checked SOP the
//! way the CLI builds it (every rule on, including those off by default),
//! so each target spends its time in the part it is named after.
#![allow(dead_code)]

use sopmap::check::{Checked, Settings, check_file};
use sopmap::rule_id::{self, Level};
use sopmap::source::SourceFile;

/// Invalid UTF-8 is refused by the CLI before parsing; lossy decoding
/// still lets the fuzzer explore near-text inputs.
pub fn source(path: &str, data: &[u8]) -> SourceFile {
    SourceFile::new(path, String::from_utf8_lossy(data).into_owned())
}

/// Settings with every rule on as a warning.
pub fn settings() -> Settings {
    let mut settings = Settings::default();
    for rule in rule_id::ALL {
        settings.levels.set(rule.code, Level::Warning);
    }
    settings
}

/// The bytes parsed, lowered, graphed and checked (one file's half of a
/// run: no suppressions, no cross-SOP rules).
pub fn check(data: &[u8]) -> (SourceFile, Checked, Settings) {
    let source = source("fuzz.yaml", data);
    let settings = settings();
    let checked = check_file(&source, 0, &settings);
    (source, checked, settings)
}

/// Splits one input into two at the first `\0` (diff's old and new side);
/// without one, both sides are the whole input.
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    }
}
