//! unknown-sop (SOP105): a `sub_sop` or a non-external `related[].sop`
//! naming a SOP id that no loaded SOP has.

use crate::catalog::{Entry, LinkKind, links};
use crate::diagnostic::Diagnostic;
use crate::fix::Fix;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};
use crate::suggest;

pub static RULE: Rule = Rule { id: &rule_id::UNKNOWN_SOP, check: Check::Corpus(check) };

/// Whether `entry` lists `id` in `related` as external.
fn listed_external(entry: &Entry, id: &str) -> bool {
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
        for link in links(&entry.sop) {
            if link.external || catalog.get(&link.target).is_some() {
                continue;
            }
            if link.kind == LinkKind::SubSop && listed_external(entry, &link.target) {
                continue;
            }
            if let Some((file, path)) = cx.scope.unreadable(&link.target) {
                // The SOP is there but failed to read. When its own error
                // is reported, the link check waits for the fix; when it
                // is only a neighbour loaded for links, say what happened
                // instead of advising to add a file that exists.
                if !cx.scope.is_reported(file) {
                    let target = &link.target;
                    let message = msg!(
                        "SOP `{target}` ada di berkas {path}, tetapi berkas itu gagal dibaca"
                            / "SOP `{target}` is in the file {path}, but that file could not be read"
                    );
                    let help = msg!(
                        "lihat kesalahannya dengan `sopmap check {path}`"
                            / "see its error with `sopmap check {path}`"
                    );
                    out.push(Diagnostic::new(&RULE, entry.file, link.span, message).help(help));
                }
                continue;
            }
            let message = match (link.kind, link.step.and_then(|i| entry.sop.steps.get(i))) {
                (LinkKind::SubSop, Some(step)) => msg!(
                    "langkah `{}` dirinci oleh SOP `{}`, tetapi tidak ada SOP termuat yang ber-id demikian"
                        / "step `{}` is detailed by SOP `{}`, but no loaded SOP has that id",
                    step.id_str(),
                    link.target
                ),
                _ => msg!(
                    "`related` menyebut SOP `{}` ({}), tetapi tidak ada SOP termuat yang ber-id demikian"
                        / "`related` names SOP `{}` ({}), but no loaded SOP has that id",
                    link.target,
                    link.kind.as_str()
                ),
            };
            let suggestion = suggest::closest(&link.target, catalog.ids());
            let help = match suggestion {
                Some(s) => msg!("mungkin maksud Anda `{s}`?" / "did you mean `{s}`?"),
                None if cx.scope.is_unnamed(entry.file) => msg!(
                    "sebutkan jalur berkasnya dengan `--stdin-filename PATH` agar SOP terkait dicari di sebelahnya, atau tandai entri itu `external: true`"
                        / "give the file's path with `--stdin-filename PATH` so linked SOPs are looked up beside it, or mark the entry `external: true`"
                ),
                None if cx.scope.partial => msg!(
                    "periksa seluruh folder (`sopmap check {}`) agar SOP terkait ikut dimuat, atau tandai entri itu `external: true`"
                        / "check the whole folder (`sopmap check {}`) so linked SOPs are loaded, or mark the entry `external: true`",
                    folder_of(&entry.path)
                ),
                None if link.kind == LinkKind::SubSop => msg!(
                    "tambahkan SOP `{}` ke folder yang diperiksa, atau cantumkan di `related` dengan `external: true` bila SOP itu disimpan di tempat lain"
                        / "add the SOP `{}` to the checked folders, or list it in `related` with `external: true` if it lives outside this corpus",
                    link.target
                ),
                None => msg!(
                    "tambahkan SOP itu ke folder yang diperiksa, atau tandai entri itu `external: true` bila SOP itu disimpan di tempat lain"
                        / "add the SOP to the checked folders, or mark the entry `external: true` if it lives outside this corpus"
                ),
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
    fn a_linked_sop_that_failed_to_read_is_not_unknown() {
        let (m, b) = (makro(), mikro("anak-dua"));
        let broken = "schema: sop-ap/1\nid: anak-satu\nidentity:\n\tagency: x\n";
        let files = [("induk.yaml", m.as_str()), ("anak-satu.yaml", broken), ("anak-dua.yaml", &b)];
        assert!(lint_corpus(&files, "SOP105").is_empty());
        // Found only by its `id:` line, under another file name.
        let files = [("induk.yaml", m.as_str()), ("lain.yaml", broken), ("anak-dua.yaml", &b)];
        assert!(lint_corpus(&files, "SOP105").is_empty());
        // A neighbour loaded for lookup only: named as unreadable.
        let scope = Scope { reported: vec![true, false, false], partial: true, ..Scope::all(3) };
        let files = [("induk.yaml", m.as_str()), ("anak-satu.yaml", broken), ("anak-dua.yaml", &b)];
        assert_eq!(
            lint_corpus_scoped(&files, "SOP105", &scope),
            [
                "induk.yaml 20:11 SOP105 SOP `anak-satu` is in the file anak-satu.yaml, but that file could not be read",
                "induk.yaml 28:88 SOP105 SOP `anak-satu` is in the file anak-satu.yaml, but that file could not be read",
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
        use crate::check::Settings;
        use crate::rules::testing::corpus_run;
        let m = makro();
        let scope = Scope { partial: true, ..Scope::all(1) };
        let d = corpus_run(&[("sops/induk.yaml", m.as_str())], &Settings::default(), &scope)
            .diagnostics;
        let helps: Vec<_> =
            d.iter().filter(|d| d.code == "SOP105").map(|d| d.help.clone().map(|h| h.en)).collect();
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
