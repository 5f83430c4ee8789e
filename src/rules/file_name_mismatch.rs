//! file-name-mismatch (SOP107): the file is not named `<id>.yaml`.

use std::collections::BTreeSet;

use crate::catalog::links;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};

pub static RULE: Rule = Rule { id: &rule_id::FILE_NAME_MISMATCH, check: Check::Corpus(check) };

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    // Ids that take part in links: named by a link, or naming one.
    let mut linked: BTreeSet<&str> = BTreeSet::new();
    for e in cx.catalog.entries() {
        for link in links(&e.sop).into_iter().filter(|l| !l.external) {
            if let Some(t) = cx.catalog.get(&link.target) {
                linked.insert(t.id());
            }
            linked.insert(e.id());
        }
    }
    for e in cx.catalog.entries() {
        if cx.scope.is_unnamed(e.file) || !linked.contains(e.id()) {
            continue;
        }
        let path = std::path::Path::new(&e.path);
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        let Some(id) = &e.sop.id else { continue };
        if stem == id.value {
            continue;
        }
        let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("yaml");
        let name = path.file_name().and_then(|s| s.to_str()).unwrap_or(stem);
        out.push(
            Diagnostic::new(
                &RULE,
                e.file,
                id.span,
                msg!(
                    "nama berkas `{name}` tidak sesuai dengan id SOP `{}`"
                        / "file name `{name}` does not match SOP id `{}`",
                    id.value
                ),
            )
            .help(msg!(
                "ganti nama berkas menjadi `{}.{ext}`, atau ubah id-nya"
                    / "rename the file to `{}.{ext}`, or change the id",
                id.value
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Scope;
    use crate::rules::testing::{TWO_STEPS, lint_corpus, lint_corpus_scoped, sop_yaml};

    #[test]
    fn warns_on_a_different_name_only() {
        let a =
            sop_yaml("alpha", "mikro", "related:\n  - {sop: beta, relation: related}\n", TWO_STEPS);
        let b = sop_yaml("beta", "mikro", "", TWO_STEPS);
        let files = [("dir/alpha.yaml", a.as_str()), ("dir/betta.yml", &b)];
        assert_eq!(
            lint_corpus(&files, "SOP107"),
            ["dir/betta.yml 2:5 SOP107 file name `betta.yml` does not match SOP id `beta`"]
        );
    }

    #[test]
    fn a_sop_without_links_is_not_checked() {
        let lone = sop_yaml("sendiri", "mikro", "", TWO_STEPS);
        assert!(lint_corpus(&[("lain.yaml", &lone)], "SOP107").is_empty());
    }

    #[test]
    fn not_for_stdin() {
        let a = sop_yaml(
            "alpha",
            "mikro",
            "related:\n  - {sop: alpha, relation: related}\n",
            TWO_STEPS,
        );
        let scope = Scope { unnamed: vec![true], ..Scope::all(1) };
        assert!(lint_corpus_scoped(&[("<stdin>", &a)], "SOP107", &scope).is_empty());
    }
}
