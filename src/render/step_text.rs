//! The words every renderer prints for a step beyond its own fields: the
//! activity of a capsule written without one ("Mulai", "Selesai"), the
//! names of its substitute actors, the text of a numbered row made of
//! several steps, and the note of a branch that ends the procedure.

use crate::lang::Lang;
use crate::model::{Branch, Row, Sop, Step, StepKind};

/// The activity as printed: the written one, else the capsule's word for a
/// start or end step written without one ("Mulai", "Selesai"), else empty.
pub fn activity(step: &Step, lang: Lang) -> &str {
    match (step.activity_str(), step.kind()) {
        (Some(a), _) => a.trim(),
        (None, Some(StepKind::Start)) => lang.labels().start_capsule,
        (None, Some(StepKind::End)) => lang.labels().end_capsule,
        (None, _) => "",
    }
}

/// The word printed inside a capsule: "Mulai" or "Selesai" (`None` for
/// other symbols).
pub fn capsule_word(step: &Step, lang: Lang) -> Option<&'static str> {
    match step.kind() {
        Some(StepKind::Start) => Some(lang.labels().start_capsule),
        Some(StepKind::End) => Some(lang.labels().end_capsule),
        _ => None,
    }
}

/// The display names of the step's substitute actors (`alternate`), in
/// the order written; an undeclared id stands for itself.
pub fn alternate_names<'a>(sop: &'a Sop, step: &'a Step) -> Vec<&'a str> {
    step.alternate
        .iter()
        .map(|a| sop.actor(&a.value).map_or(a.value.as_str(), |x| x.display_name()))
        .collect()
}

/// "Pengganti: Sekcam, Kasi" (empty when the step names no substitute).
pub fn alternate_note(sop: &Sop, step: &Step, lang: Lang) -> Option<String> {
    let names = alternate_names(sop, step);
    (!names.is_empty()).then(|| format!("{}: {}", lang.labels().alternate, names.join(", ")))
}

/// The outcome of a branch that ends the procedure, trimmed.
pub fn outcome(branch: &Branch) -> Option<&str> {
    branch.outcome.as_ref().map(|o| o.value.trim())
}

/// "Tidak → selesai: dikembalikan ke pemohon" for a branch with an outcome.
pub fn outcome_note(branch: &Branch, lang: Lang) -> Option<String> {
    let text = outcome(branch)?;
    let label = branch.label.as_ref().map_or("", |l| l.value.trim());
    let ends = lang.labels().ends;
    Some(if text.is_empty() {
        format!("{label} → {ends}")
    } else {
        format!("{label} → {ends}: {text}")
    })
}

/// The Kegiatan of a numbered row: the activities of its steps, in order.
/// A part that ends in punctuation is followed by a space, so a sentence
/// split over the row's steps ("Pemohon menyerahkan berkas," + "petugas
/// menerima…") reads as written; other parts are separated by "; ". A
/// capsule written without activity adds nothing to a row that says what
/// is done; a row of bare capsules reads "Mulai" or "Selesai".
pub fn row_activity(sop: &Sop, row: &Row, lang: Lang) -> String {
    let steps: Vec<&Step> = row.steps().filter_map(|i| sop.steps.get(i)).collect();
    let written = steps.iter().any(|s| s.activity_str().is_some());
    let mut out = String::new();
    for s in steps {
        let part = if written { s.activity_str().map_or("", str::trim) } else { activity(s, lang) };
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let punctuated = out.ends_with([',', ';', ':', '.', '-', '–']);
            out.push_str(if punctuated { " " } else { "; " });
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rows;
    use crate::source::SourceFile;

    fn sop(steps: &str) -> Sop {
        let yaml = crate::rules::testing::sop(steps);
        let src = SourceFile::new("t.yaml", yaml);
        let root = crate::yaml::parse(&src.text, crate::yaml::Limits::default()).unwrap();
        crate::model::lower(&root, 0, &mut Vec::new()).unwrap()
    }

    #[test]
    fn capsules_without_activity_read_mulai_and_selesai() {
        let s = sop(
            "  - {id: a, kind: start, actor: p, next: b}\n  - {id: b, kind: process, actor: p, activity: ' Memeriksa ', next: c}\n  - {id: c, kind: end, actor: q}\n",
        );
        let words: Vec<&str> = s.steps.iter().map(|st| activity(st, Lang::Id)).collect();
        assert_eq!(words, ["Mulai", "Memeriksa", "Selesai"]);
        assert_eq!(activity(&s.steps[2], Lang::En), "End");
        assert_eq!(capsule_word(&s.steps[1], Lang::Id), None);
    }

    #[test]
    fn rows_alternates_and_outcomes_as_text() {
        let s = sop(
            "  - {id: a, kind: start, actor: p, activity: Menyerahkan berkas, next: b}\n  - {id: b, same_row: true, kind: decision, actor: q, alternate: [p, x], activity: Lengkap?, branches: [{label: Ya, next: c}, {label: Tidak, outcome: ' Dikembalikan ke pemohon '}]}\n  - {id: c, kind: end, actor: q}\n",
        );
        let rows = Rows::of(&s);
        assert_eq!(row_activity(&s, &rows.rows()[0], Lang::Id), "Menyerahkan berkas; Lengkap?");
        let split = sop(
            "  - {id: a, kind: start, actor: p, activity: 'Pemohon menyerahkan berkas,', next: b}\n  - {id: b, same_row: true, kind: end, actor: q, activity: petugas menerima.}\n",
        );
        let rows = Rows::of(&split);
        assert_eq!(
            row_activity(&split, &rows.rows()[0], Lang::Id),
            "Pemohon menyerahkan berkas, petugas menerima."
        );
        assert_eq!(
            alternate_note(&s, &s.steps[1], Lang::Id).as_deref(),
            Some("Pengganti: Petugas, x")
        );
        assert_eq!(alternate_note(&s, &s.steps[0], Lang::Id), None);
        assert_eq!(
            outcome_note(&s.steps[1].branches[1], Lang::Id).as_deref(),
            Some("Tidak → selesai: Dikembalikan ke pemohon")
        );
        assert_eq!(outcome_note(&s.steps[1].branches[0], Lang::En), None);
    }
}
