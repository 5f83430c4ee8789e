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
    let mut result = check::check_source(&source, 0, &settings);
    crate::diagnostic::sort(&mut result.diagnostics, |_| String::new());
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

/// [`HEADER`], two actors (`p` on line 20, `q` on line 21) and `steps`,
/// so the first step written in `steps` is on line 23. Steps written as
/// one-line flow mappings keep the expected columns easy to read.
pub(crate) fn sop(steps: &str) -> String {
    format!(
        "{HEADER}actors:\n  - {{id: p, name: Petugas}}\n  - {{id: q, name: Kepala}}\nsteps:\n{steps}"
    )
}

/// Asserts the findings are exactly `want`, in order.
#[track_caller]
pub(crate) fn expect(found: Vec<String>, want: &[&str]) {
    assert_eq!(found, want, "findings differ");
}

/// Findings of one code with their secondary labels and help, as
/// `line:col CODE message; label line:col: text; help: text`.
pub(crate) fn lint_detail(yaml: &str, code: &str) -> Vec<String> {
    let mut settings = Settings::default();
    settings.levels.set(code, Level::Error);
    let source = SourceFile::new("test.yaml", yaml);
    let mut result = check::check_source(&source, 0, &settings);
    crate::diagnostic::sort(&mut result.diagnostics, |_| String::new());
    result
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let mut line = format!("{} {} {}", source.line_col(d.span.start), d.code, d.message);
            for l in &d.labels {
                line.push_str(&format!("; label {}: {}", source.line_col(l.span.start), l.message));
            }
            if let Some(h) = &d.help {
                line.push_str(&format!("; help: {h}"));
            }
            line
        })
        .collect()
}
