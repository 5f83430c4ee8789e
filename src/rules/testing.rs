//! Test helpers for rule unit tests: lint a YAML string with default
//! levels (plus any extra rules) and list findings as `line:col CODE message`.

use crate::check::{self, Settings};
use crate::diagnostic::Level;
use crate::source::SourceFile;

/// Findings of `yaml` as `line:col CODE message`, sorted.
pub(crate) fn lint(yaml: &str) -> Vec<String> {
    lint_with(yaml, &[])
}

/// Like [`lint`], with the rules in `enable` switched on as errors.
pub(crate) fn lint_with(yaml: &str, enable: &[&str]) -> Vec<String> {
    let mut settings = Settings::default();
    for code in enable {
        settings.levels.set(code, Level::Error);
    }
    let source = SourceFile::new("test.yaml", yaml);
    let result = check::check_source(&source, 0, &settings);
    result
        .diagnostics
        .iter()
        .map(|d| format!("{} {} {}", source.line_col(d.span.start), d.code, d.message))
        .collect()
}

/// Findings of `yaml` restricted to one code.
pub(crate) fn lint_code(yaml: &str, code: &str) -> Vec<String> {
    lint_with(yaml, &[code]).into_iter().filter(|l| l.split(' ').nth(1) == Some(code)).collect()
}

/// A minimal valid SOP header; append `actors:` and `steps:`.
pub(crate) const HEADER: &str = "schema: sop-ap/1
id: contoh-sop
level: mikro
type: administratif
identity:
  agency: Badan Contoh
  unit: Unit Contoh
  number: SOP-1/2024
  title: Contoh
  created: 2024-01-01
  effective: 2024-01-02
  approved_by:
    position: Kepala
legal_basis: [UU 25/2009]
qualifications: [Memahami SOP]
equipment: [Komputer]
warnings: [Hati-hati]
records: [Arsip]
";
