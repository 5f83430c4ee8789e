//! duplicate-sop-id (SOP106): two files declare the same SOP `id`.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, CorpusContext, Rule};

pub static RULE: Rule = Rule {
    code: "SOP106",
    name: "duplicate-sop-id",
    default_level: Level::Error,
    summary: "two SOP files declare the same `id`",
    explanation: EXPLANATION,
    check: Check::Corpus(check),
};

const EXPLANATION: &str = "## What it does
Reports every file whose SOP `id` is also declared by another file loaded in
the same run. Each file gets its own finding, with a label at the other
file's `id`, so the clash is visible from both sides.

## Why is this bad?
`sub_sop` and `related` name SOPs by id. With two SOPs under one id, a link
silently points at whichever was loaded first; usually one file was copied
from the other and its id was never changed.

## Example
```yaml
# sops/verifikasi-berkas.yaml
id: verifikasi-berkas
# sops/verifikasi-berkas-v2.yaml   (copied, id not updated)
id: verifikasi-berkas              # give it its own id
```";

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    let entries = cx.catalog.entries();
    // Entries are sorted by id, so files sharing an id are neighbours.
    let mut start = 0;
    while start < entries.len() {
        let id = entries.get(start).map_or("", |e| e.id());
        let end = entries
            .iter()
            .skip(start)
            .position(|e| e.id() != id)
            .map_or(entries.len(), |n| start + n);
        let group = entries.get(start..end).unwrap_or(&[]);
        if group.len() > 1 {
            for (i, e) in group.iter().enumerate() {
                let Some(id_span) = e.sop.id.as_ref().map(|s| s.span) else { continue };
                // The label names the first other file (the next one for the first).
                let other = if i == 0 { group.get(1) } else { group.first() };
                let Some(other) = other else { continue };
                let Some(other_span) = other.sop.id.as_ref().map(|s| s.span) else { continue };
                let others: Vec<String> = group
                    .iter()
                    .filter(|o| o.file != e.file)
                    .map(|o| format!("`{}`", o.source.path))
                    .collect();
                out.push(
                    Diagnostic::new(
                        &RULE,
                        e.file,
                        id_span,
                        format!("SOP id `{id}` is also declared in {}", others.join(", ")),
                    )
                    .label_in(other.file, other_span, "also declared here")
                    .help("give each SOP its own id (and name the file `<id>.yaml`)"),
                );
            }
        }
        start = end.max(start + 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{TWO_STEPS, lint_corpus, sop_yaml};

    #[test]
    fn reported_in_both_files() {
        let a = sop_yaml("sama", "mikro", "", TWO_STEPS);
        let files = [
            ("a.yaml", a.as_str()),
            ("b.yaml", &a),
            ("c.yaml", &sop_yaml("lain", "mikro", "", TWO_STEPS)),
        ];
        assert_eq!(
            lint_corpus(&files, "SOP106"),
            [
                "a.yaml 2:5 SOP106 SOP id `sama` is also declared in `b.yaml`",
                "b.yaml 2:5 SOP106 SOP id `sama` is also declared in `a.yaml`",
            ]
        );
    }

    #[test]
    fn label_points_at_the_other_file() {
        use crate::catalog::{Catalog, Scope, check_corpus};
        use crate::check::{Settings, check_files};
        use crate::source::SourceFile;
        let a = sop_yaml("sama", "mikro", "", TWO_STEPS);
        let sources = vec![SourceFile::new("a.yaml", a.clone()), SourceFile::new("b.yaml", a)];
        let settings = Settings::default();
        let checked = check_files(&sources, |_| &settings);
        let catalog = Catalog::build(&sources, &checked, 480);
        let d = check_corpus(&catalog, &Scope::all(2), |_| &settings.levels);
        let d: Vec<_> = d.into_iter().filter(|d| d.code == "SOP106").collect();
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].file, d[0].labels[0].file), (0, 1));
        assert_eq!((d[1].file, d[1].labels[0].file), (1, 0));
    }
}
