//! Test helpers for rule unit tests: lint a YAML string with default
//! levels (plus any extra rules) and list findings as `line:col CODE message`.

use crate::catalog::Scope;
use crate::check::Settings;
use crate::diagnostic::Diagnostic;
use crate::rule_id::Level;
use crate::run::{self, Input, Outcome, Run};
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
    let (source, diagnostics) = check_one(yaml, settings);
    let line =
        |d: &Diagnostic| format!("{} {} {}", source.line_col(d.span.start), d.code, d.message.en);
    // A follow-on is listed after its cause, marked as such.
    diagnostics
        .iter()
        .flat_map(|d| {
            std::iter::once(line(d))
                .chain(d.follow_ons.iter().map(|f| format!("{} (follow-on)", line(f))))
        })
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

/// Cross-SOP findings of several files (`(path, yaml)`), every file
/// reported, as `path line:col CODE message`, restricted to `code`.
pub(crate) fn lint_corpus(files: &[(&str, &str)], code: &str) -> Vec<String> {
    lint_corpus_scoped(files, code, &Scope::all(files.len()))
}

/// Like [`lint_corpus`] with an explicit scope.
pub(crate) fn lint_corpus_scoped(files: &[(&str, &str)], code: &str, scope: &Scope) -> Vec<String> {
    let mut settings = Settings::default();
    settings.levels.set(code, Level::Error);
    let out = corpus_run(files, &settings, scope);
    let mut lines: Vec<(String, usize, String)> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let src = &out.sources[d.file];
            (
                src.path.clone(),
                d.span.start,
                format!("{} {} {} {}", src.path, src.line_col(d.span.start), d.code, d.message.en),
            )
        })
        .collect();
    lines.sort();
    lines.into_iter().map(|(_, _, s)| s).collect()
}

/// A whole run over `(path, yaml)` files as `scope` describes them: the
/// reported files must come first.
pub(crate) fn corpus_run(files: &[(&str, &str)], settings: &Settings, scope: &Scope) -> Outcome {
    let input = |i: usize, (p, y): &(&str, &str)| Input {
        source: SourceFile::new(*p, *y),
        settings: settings.clone(),
        unnamed: scope.is_unnamed(i),
    };
    let mut run = Run::new(run::Options { jobs: 2, ..run::Options::default() });
    let (mut given, mut neighbours) = (Vec::new(), Vec::new());
    for (i, f) in files.iter().enumerate() {
        if scope.is_reported(i) {
            given.push(input(i, f));
        } else {
            neighbours.push(input(i, f));
        }
    }
    run.add_inputs(given);
    run.add_neighbours(neighbours);
    let mut out = run.finish(scope.partial);
    // As the CLI does: the texts a finding points into, read again.
    for f in out.texts_needed() {
        if let Some((_, y)) = files.get(f) {
            out.restore_text(f, (*y).to_string());
        }
    }
    out
}

/// One file checked as `sopmap check` checks it, findings in report order.
fn check_one(yaml: &str, settings: Settings) -> (SourceFile, Vec<Diagnostic>) {
    let input = Input::new(SourceFile::new("test.yaml", yaml), settings);
    let mut out = run::check(vec![input], run::Options { jobs: 1, ..run::Options::default() });
    let source = out.sources.pop().unwrap_or_else(|| SourceFile::new("test.yaml", ""));
    (source, out.diagnostics)
}

/// A minimal valid SOP with this id, level and extra top-level keys, and
/// `steps` (YAML list items) after one actor `a`.
pub(crate) fn sop_yaml(id: &str, level: &str, extra: &str, steps: &str) -> String {
    format!(
        "schema: sop-ap/1
id: {id}
level: {level}
type: administratif
identity:
  agency: Badan Contoh
  unit: Unit Contoh
  number: SOP-1/2024
  title: Contoh {id}
  created: 2024-01-01
  effective: 2024-01-02
  approved_by:
    position: Kepala
legal_basis: [UU 25/2009]
qualifications: [Memahami SOP]
equipment: [Komputer]
warnings: [Hati-hati]
records: [Arsip]
{extra}actors:
  - id: a
    name: A
steps:
{steps}"
    )
}

/// Two steps, start and end, of 1 jam each.
pub(crate) const TWO_STEPS: &str =
    "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}
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
    let (source, diagnostics) = check_one(yaml, settings);
    diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let mut line = format!("{} {} {}", source.line_col(d.span.start), d.code, d.message.en);
            for l in &d.labels {
                line.push_str(&format!(
                    "; label {}: {}",
                    source.line_col(l.span.start),
                    l.message.en
                ));
            }
            if let Some(h) = &d.help {
                line.push_str(&format!("; help: {}", h.en));
            }
            line
        })
        .collect()
}

/// `yaml` after every safe fix (rounds until stable, default levels), and
/// whether a second pass finds nothing more to fix.
pub(crate) fn fixed(yaml: &str) -> (String, bool) {
    let settings = Settings::default();
    let mut sources = vec![SourceFile::new("test.yaml", yaml)];
    let check = |s: &[SourceFile], _: &[usize]| {
        s.first().map(|src| check_one(&src.text, settings.clone()).1).unwrap_or_default()
    };
    let outcome = crate::fix::fix_files(&mut sources, |_| true, check);
    let text = sources.first().map(|s| s.text.clone()).unwrap_or_default();
    let again = crate::fix::fix_files(&mut sources, |_| true, check);
    let settled = outcome.converged && again.applied.iter().all(|n| *n == 0);
    (text, settled)
}
