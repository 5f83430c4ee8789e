//! Which steps a SOP's findings point into, so that a diagram rendered
//! with `--force` can mark them. A finding belongs to the step whose text
//! holds its span: from the step's first key up to the next step's.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Sop;

/// Rule codes of the findings inside each step, indexed by row (sorted,
/// without repeats). Only findings of at least `min` severity count.
pub fn by_step(sop: &Sop, diagnostics: &[Diagnostic], min: Severity) -> Vec<Vec<&'static str>> {
    let mut out: Vec<Vec<&'static str>> = vec![Vec::new(); sop.steps.len()];
    let starts: Vec<usize> = sop.steps.iter().map(|s| s.span.start).collect();
    for d in diagnostics.iter().filter(|d| d.severity >= min) {
        let at = d.span.start;
        // The last step whose start is at or before the finding.
        let idx = starts.partition_point(|&s| s <= at);
        let Some(row) = idx.checked_sub(1) else { continue };
        if let Some(codes) = out.get_mut(row) {
            codes.push(d.code);
        }
    }
    for codes in &mut out {
        codes.sort_unstable();
        codes.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_file as check_source};
    use crate::source::SourceFile;

    #[test]
    fn findings_land_on_their_step() {
        let yaml = "schema: sop-ap/1
id: t
level: mikro
type: teknis
identity: {agency: A, unit: U, number: N, title: T, created: 2024-01-01, effective: 2024-01-02,
  approved_by: {position: K}}
legal_basis: [L]
qualifications: [Q]
equipment: [E]
warnings: [W]
records: [R]
actors: [{id: a, name: A}]
steps:
  - {id: s, kind: start, actor: a, activity: S, time: 5 menit, next: p}
  - {id: p, kind: process, actor: a, activity: P, time: 5 menit, next: zzzz}
  - {id: e, kind: end, actor: a, activity: E, time: 5 menit}
";
        let src = SourceFile::new("t.yaml", yaml);
        let c = check_source(&src, 0, &Settings::default());
        let sop = c.sop.unwrap();
        let marks = by_step(&sop, &c.diagnostics, Severity::Error);
        assert!(marks[0].is_empty());
        assert!(marks[1].contains(&"SOP101"), "{marks:?}");
        assert!(marks[2].is_empty(), "{marks:?}");
    }
}
