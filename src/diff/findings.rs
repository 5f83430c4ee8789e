//! Findings introduced and fixed by a change: the checker's findings on
//! both versions, compared as multisets of (code, message) so that a
//! finding that only moved (lines added above it) is neither.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::diff::{FindingChanges, FindingRef, Version};
use crate::lang::Lang;

fn located(v: &Version<'_>, d: &Diagnostic, lang: Lang) -> FindingRef {
    let at = v.source.line_col(d.span.start);
    FindingRef {
        path: v.source.path.clone(),
        line: at.line,
        column: at.column,
        code: d.code.to_string(),
        name: d.name.to_string(),
        severity: d.severity.as_str().to_string(),
        message: d.message.get(lang).to_string(),
    }
}

/// The findings of `from` that `other` does not have as many times, in
/// position order.
fn only_in(from: &Version<'_>, other: &Version<'_>, lang: Lang) -> Vec<FindingRef> {
    let mut budget: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in other.findings {
        *budget.entry((d.code, d.message.en.as_str())).or_default() += 1;
    }
    let mut sorted: Vec<&Diagnostic> = from.findings.iter().collect();
    sorted.sort_by(|a, b| {
        (a.span.start, a.code, &a.message).cmp(&(b.span.start, b.code, &b.message))
    });
    let mut out = Vec::new();
    for d in sorted {
        match budget.get_mut(&(d.code, d.message.en.as_str())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(located(from, d, lang)),
        }
    }
    out
}

/// The findings' messages are written in `lang`.
pub fn compare(old: &Version<'_>, new: &Version<'_>, lang: Lang) -> FindingChanges {
    FindingChanges { introduced: only_in(new, old, lang), fixed: only_in(old, new, lang) }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::{BASE, diff_texts};

    #[test]
    fn a_new_dead_end_is_introduced_and_removing_it_fixes_it() {
        let broken = BASE.replace("    output: Hasil\n    next: selesai\n", "    output: Hasil\n");
        let d = diff_texts(BASE, &broken);
        let codes: Vec<(&str, usize)> =
            d.findings.introduced.iter().map(|f| (f.name.as_str(), f.line)).collect();
        assert!(codes.contains(&("dead-end", 50)), "{codes:?}");
        assert!(d.findings.fixed.is_empty());
        let back = diff_texts(&broken, BASE);
        assert_eq!(back.findings.fixed.len(), d.findings.introduced.len());
        assert!(back.findings.introduced.is_empty());
    }

    #[test]
    fn a_finding_that_only_moved_is_neither() {
        let broken = BASE.replace("time: 15 menit", "time: lima belas");
        let moved = broken.replace("steps:\n", "steps:\n\n\n");
        let d = diff_texts(&broken, &moved);
        assert!(d.findings.introduced.is_empty() && d.findings.fixed.is_empty());
    }
}
