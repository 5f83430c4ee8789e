//! file-name-mismatch (SOP107): the file is not named `<id>.yaml`.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, CorpusContext, Rule};

pub static RULE: Rule = Rule {
    code: "SOP107",
    name: "file-name-mismatch",
    default_level: Level::Warning,
    summary: "the file name is not `<id>.yaml`",
    explanation: EXPLANATION,
    check: Check::Corpus(check),
};

const EXPLANATION: &str = "## What it does
Warns when a SOP file's name (without `.yaml`/`.yml`) differs from the SOP's
`id`. Standard input is not checked.

## Why is this bad?
Links between SOPs use ids. When every file is named after its id, a reader
(and sopmap, when one file is checked on its own) finds a linked SOP
without opening every file.

## Example
```yaml
# file: sops/verifikasi.yaml
id: verifikasi-berkas-pengaduan-mikro   # rename the file to verifikasi-berkas-pengaduan-mikro.yaml
```";

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.catalog.entries() {
        if cx.scope.is_unnamed(e.file) {
            continue;
        }
        let path = std::path::Path::new(&e.source.path);
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
                format!("file name `{name}` does not match SOP id `{}`", id.value),
            )
            .help(format!("rename the file to `{}.{ext}`, or change the id", id.value)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Scope;
    use crate::rules::testing::{TWO_STEPS, lint_corpus, lint_corpus_scoped, sop_yaml};

    #[test]
    fn warns_on_a_different_name_only() {
        let a = sop_yaml("alpha", "mikro", "", TWO_STEPS);
        let b = sop_yaml("beta", "mikro", "", TWO_STEPS);
        let files = [("dir/alpha.yaml", a.as_str()), ("dir/betta.yml", &b)];
        assert_eq!(
            lint_corpus(&files, "SOP107"),
            ["dir/betta.yml 2:5 SOP107 file name `betta.yml` does not match SOP id `beta`"]
        );
    }

    #[test]
    fn not_for_stdin() {
        let a = sop_yaml("alpha", "mikro", "", TWO_STEPS);
        let scope = Scope { unnamed: vec![true], ..Scope::all(1) };
        assert!(lint_corpus_scoped(&[("<stdin>", &a)], "SOP107", &scope).is_empty());
    }
}
