//! unknown-sop (SOP105): a `sub_sop` or a non-external `related[].sop`
//! naming a SOP id that no loaded SOP has.

use crate::catalog::{Entry, LinkKind, links};
use crate::diagnostic::{Diagnostic, Level};
use crate::fix::Fix;
use crate::rules::{Check, CorpusContext, Rule};
use crate::suggest;

pub static RULE: Rule = Rule {
    code: "SOP105",
    name: "unknown-sop",
    default_level: Level::Error,
    summary: "a `sub_sop` or `related` entry names a SOP id that is not in the corpus",
    explanation: EXPLANATION,
    check: Check::Corpus(check),
};

const EXPLANATION: &str = "## What it does
Checks that every `sub_sop` of a step and every `related[].sop` (Keterkaitan)
names the `id` of a SOP loaded in the same run, and suggests the closest id
when the name looks like a typo.

Which SOPs count as loaded:
- `sopmap check sops/` loads every SOP in the folder; a link to an id that
  none of them has is reported.
- `sopmap check sops/one.yaml` checks one file, but links are still looked
  up beside it: first `<id>.yaml`/`<id>.yml` in the same folder, then every
  SOP file of that folder. Only a link found nowhere there is reported, and
  its help says to check the whole folder or mark the entry external.
- A `related` entry with `external: true` is a SOP outside the corpus and
  is never looked up; a `sub_sop` whose id is listed in `related` with
  `external: true` is not looked up either.

## Why is this bad?
Keterkaitan is how a makro and its mikro SOPs find each other. A link to a
SOP that does not exist (a typo, a renamed id, a SOP not yet written) breaks
the chain the document promises, and nobody notices on paper.

## Example
```yaml
related:
  - sop: verifikasi-berkas-pengaduan-mikr   # typo: no SOP has this id
    relation: child
  - title: SOP Pelayanan Informasi Publik (PPID)
    relation: related
    external: true                          # outside the corpus: fine
```";

/// Whether `entry` lists `id` in `related` as external.
fn listed_external(entry: &Entry<'_>, id: &str) -> bool {
    entry.sop.related.iter().any(|r| r.external && r.sop.as_ref().is_some_and(|s| s.value == id))
}

fn folder_of(path: &str) -> String {
    match std::path::Path::new(path).parent().map(|p| p.to_string_lossy().replace('\\', "/")) {
        Some(p) if !p.is_empty() => format!("{p}/"),
        _ => ".".to_string(),
    }
}

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    let catalog = cx.catalog;
    for entry in catalog.entries() {
        for link in links(entry.sop) {
            if link.external || catalog.get(&link.target).is_some() {
                continue;
            }
            if link.kind == LinkKind::SubSop && listed_external(entry, &link.target) {
                continue;
            }
            let message = match (link.kind, link.step.and_then(|i| entry.sop.steps.get(i))) {
                (LinkKind::SubSop, Some(step)) => format!(
                    "step `{}` is detailed by SOP `{}`, but no loaded SOP has that id",
                    step.id_str(),
                    link.target
                ),
                _ => format!(
                    "`related` names SOP `{}` ({}), but no loaded SOP has that id",
                    link.target,
                    link.kind.as_str()
                ),
            };
            let suggestion = suggest::closest(&link.target, catalog.ids());
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None if cx.scope.is_unnamed(entry.file) => "give the file's path with `--stdin-filename PATH` so linked SOPs are looked up beside it, or mark the entry `external: true`".to_string(),
                None if cx.scope.partial => format!(
                    "check the whole folder (`sopmap check {}`) so linked SOPs are loaded, or mark the entry `external: true`",
                    folder_of(&entry.source.path)
                ),
                None if link.kind == LinkKind::SubSop => format!(
                    "add the SOP `{}` to the checked folders, or list it in `related` with `external: true` if it lives outside this corpus",
                    link.target
                ),
                None => "add the SOP to the checked folders, or mark the entry `external: true` if it lives outside this corpus".to_string(),
            };
            let fix = suggestion.map(|s| Fix::replace_scalar(link.span, &link.target, s));
            out.push(
                Diagnostic::new(&RULE, entry.file, link.span, message).help(help).maybe_fix(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Scope;
    use crate::rules::testing::{TWO_STEPS, lint_corpus, lint_corpus_scoped, sop_yaml};

    fn makro() -> String {
        let steps = "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: rinci}
  - {id: rinci, kind: process, actor: a, activity: Rinci, time: 1 hari kerja, sub_sop: anak-satu, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}
";
        let extra = "related:
  - {sop: anak-satu, relation: child}
  - {sop: anak-dua, relation: child}
  - {sop: luar, relation: related, external: true}
";
        sop_yaml("induk", "makro", extra, steps)
    }

    fn mikro(id: &str) -> String {
        sop_yaml(id, "mikro", "related:\n  - {sop: induk, relation: parent}\n", TWO_STEPS)
    }

    #[test]
    fn clean_when_every_link_is_loaded() {
        let (m, a, b) = (makro(), mikro("anak-satu"), mikro("anak-dua"));
        let files = [("induk.yaml", m.as_str()), ("anak-satu.yaml", &a), ("anak-dua.yaml", &b)];
        assert!(lint_corpus(&files, "SOP105").is_empty());
    }

    #[test]
    fn one_finding_per_reference_at_the_id() {
        let (m, b) = (makro(), mikro("anak-dua"));
        let files = [("induk.yaml", m.as_str()), ("anak-dua.yaml", &b)];
        assert_eq!(
            lint_corpus(&files, "SOP105"),
            [
                "induk.yaml 20:11 SOP105 `related` names SOP `anak-satu` (child), but no loaded SOP has that id",
                "induk.yaml 28:88 SOP105 step `rinci` is detailed by SOP `anak-satu`, but no loaded SOP has that id",
            ]
        );
    }

    #[test]
    fn suggests_a_near_id_and_skips_external() {
        let steps = TWO_STEPS;
        let m = sop_yaml(
            "induk",
            "makro",
            "related:\n  - {sop: anak-satuu, relation: child}\n  - {sop: jauh, relation: related, external: true}\n",
            steps,
        );
        let a = mikro("anak-satu");
        let files = [("induk.yaml", m.as_str()), ("anak-satu.yaml", &a)];
        let got = lint_corpus(&files, "SOP105");
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("induk.yaml 20:11 SOP105 `related` names SOP `anak-satuu`"));
    }

    #[test]
    fn a_single_file_gets_the_load_the_folder_help() {
        use crate::catalog::{Catalog, check_corpus};
        use crate::check::{Settings, check_files};
        use crate::source::SourceFile;
        let sources = vec![SourceFile::new("sops/induk.yaml", makro())];
        let settings = Settings::default();
        let checked = check_files(&sources, |_| &settings);
        let catalog = Catalog::build(&sources, &checked, 480);
        let scope = Scope { partial: true, ..Scope::all(1) };
        let d = check_corpus(&catalog, &scope, |_| &settings.levels);
        let helps: Vec<_> =
            d.iter().filter(|d| d.code == "SOP105").map(|d| d.help.clone()).collect();
        assert_eq!(helps.len(), 3);
        assert_eq!(
            helps[0].as_deref(),
            Some(
                "check the whole folder (`sopmap check sops/`) so linked SOPs are loaded, or mark the entry `external: true`"
            )
        );
        // Files loaded only for lookup are never reported.
        let hidden = Scope { reported: vec![false], ..Scope::all(1) };
        assert!(lint_corpus_scoped(&[("induk.yaml", &makro())], "SOP105", &hidden).is_empty());
    }
}
