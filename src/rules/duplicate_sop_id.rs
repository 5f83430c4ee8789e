//! duplicate-sop-id (SOP106): two files declare the same SOP `id`.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};

pub static RULE: Rule = Rule { id: &rule_id::DUPLICATE_SOP_ID, check: Check::Corpus(check) };

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
                    .map(|o| format!("`{}`", o.path))
                    .collect();
                out.push(
                    Diagnostic::new(
                        &RULE,
                        e.file,
                        id_span,
                        msg!(
                            "id SOP `{id}` juga dipakai di {}"
                                / "SOP id `{id}` is also declared in {}",
                            others.join(", ")
                        ),
                    )
                    .label_in(
                        other.file,
                        other_span,
                        msg!("juga dipakai di sini" / "also declared here"),
                    )
                    .help(msg!(
                        "beri setiap SOP id tersendiri (dan namai berkasnya `<id>.yaml`)"
                            / "give each SOP its own id (and name the file `<id>.yaml`)"
                    )),
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
        use crate::catalog::Scope;
        use crate::check::Settings;
        use crate::rules::testing::corpus_run;
        let a = sop_yaml("sama", "mikro", "", TWO_STEPS);
        let files = [("a.yaml", a.as_str()), ("b.yaml", a.as_str())];
        let out = corpus_run(&files, &Settings::default(), &Scope::all(2));
        let d: Vec<_> = out.diagnostics.into_iter().filter(|d| d.code == "SOP106").collect();
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].file, d[0].labels[0].file), (0, 1));
        assert_eq!((d[1].file, d[1].labels[0].file), (1, 0));
    }
}
