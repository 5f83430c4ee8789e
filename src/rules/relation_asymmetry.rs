//! relation-asymmetry (SOP109): a makro/mikro link written on one side only.

use std::collections::BTreeMap;

use crate::catalog::{Entry, LinkKind, links};
use crate::diagnostic::Diagnostic;
use crate::model::Relation;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule { id: &rule_id::RELATION_ASYMMETRY, check: Check::Corpus(check) };

/// What shows a parent-child link, per (parent, child) entry pair.
#[derive(Default)]
struct Evidence {
    sub_sop: Option<Span>,
    child_entry: Option<Span>,
    parent_entry: Option<Span>,
}

/// The span of the relation value of a `related` entry naming `id` with a
/// relation other than `want` (the value to fix), if there is one.
fn wrong_relation(entry: &Entry, id: &str, want: Relation) -> Option<Span> {
    entry.sop.related.iter().find_map(|r| {
        let names = r.sop.as_ref().is_some_and(|s| s.value == id) && !r.external;
        match &r.relation {
            Some(rel) if names && rel.value != want => Some(rel.span),
            _ => None,
        }
    })
}

fn id_span(entry: &Entry) -> Span {
    entry.sop.id.as_ref().map_or(entry.sop.span, |i| i.span)
}

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    let cat = cx.catalog;
    let mut pairs: BTreeMap<(usize, usize), Evidence> = BTreeMap::new();
    for (pi, p) in cat.entries().iter().enumerate() {
        if !cat.is_canonical(pi) {
            continue;
        }
        for link in links(&p.sop) {
            if link.external {
                continue;
            }
            let Some(ti) = cat.position(&link.target) else { continue };
            if ti == pi {
                continue;
            }
            match link.kind {
                LinkKind::SubSop => {
                    let ev = pairs.entry((pi, ti)).or_default();
                    ev.sub_sop = ev.sub_sop.or(Some(link.span));
                }
                LinkKind::Related(Some(Relation::Child)) => {
                    let ev = pairs.entry((pi, ti)).or_default();
                    ev.child_entry = ev.child_entry.or(Some(link.span));
                }
                LinkKind::Related(Some(Relation::Parent)) => {
                    let ev = pairs.entry((ti, pi)).or_default();
                    ev.parent_entry = ev.parent_entry.or(Some(link.span));
                }
                LinkKind::Related(_) => {}
            }
        }
    }
    for ((pi, ci), ev) in &pairs {
        if pairs.contains_key(&(*ci, *pi)) {
            // Each names the other as its child: a circle, which
            // sop-link-cycle reports; a missing side here would only repeat it.
            continue;
        }
        let (Some(p), Some(c)) = (cat.entries().get(*pi), cat.entries().get(*ci)) else {
            continue;
        };
        let (pid, cid) = (p.id(), c.id());
        // The parent side: it must list the child as `child`.
        if !p.lists(cid, Relation::Child) {
            let at = wrong_relation(p, cid, Relation::Child).or(ev.sub_sop).unwrap_or(id_span(p));
            let why = if ev.sub_sop.is_some() {
                msg!(
                    "SOP `{pid}` memakai `{cid}` sebagai `sub_sop` tetapi tidak mencantumkannya di `related` sebagai `child`"
                        / "SOP `{pid}` uses `{cid}` as `sub_sop` but does not list it in `related` as `child`"
                )
            } else {
                msg!(
                    "SOP `{cid}` menyebut `{pid}` sebagai induknya, tetapi `{pid}` tidak mencantumkan `{cid}` di `related` sebagai `child`"
                        / "SOP `{cid}` names `{pid}` as its parent, but `{pid}` does not list `{cid}` in `related` as `child`"
                )
            };
            let mut d = Diagnostic::new(&RULE, p.file, at, why).help(msg!(
                "tambahkan `- {{sop: {cid}, relation: child}}` ke `related`"
                    / "add `- {{sop: {cid}, relation: child}}` to `related`"
            ));
            if let Some(span) = ev.parent_entry {
                d = d.label_in(
                    c.file,
                    span,
                    msg!("SOP mikro menyebut induknya di sini" / "the mikro names its parent here"),
                );
            }
            out.push(d);
        }
        // The child side: it must list the parent as `parent`.
        if !c.lists(pid, Relation::Parent) {
            let at = wrong_relation(c, pid, Relation::Parent).unwrap_or(id_span(c));
            let how = if ev.sub_sop.is_some() {
                msg!("memakainya sebagai `sub_sop`" / "uses it as `sub_sop`")
            } else {
                msg!("mencantumkannya sebagai `child`" / "lists it as `child`")
            };
            let mut d = Diagnostic::new(
                &RULE,
                c.file,
                at,
                msg!(
                    "SOP `{cid}` tidak mencantumkan `{pid}` di `related` sebagai `parent`, padahal `{pid}` {}"
                        / "SOP `{cid}` does not list `{pid}` in `related` as `parent`, but `{pid}` {}",
                    how
                ),
            )
            .help(msg!(
                "tambahkan `- {{sop: {pid}, relation: parent}}` ke `related`"
                    / "add `- {{sop: {pid}, relation: parent}}` to `related`"
            ));
            if let Some(span) = ev.sub_sop.or(ev.child_entry) {
                d = d.label_in(
                    p.file,
                    span,
                    msg!("SOP makro menyebut SOP ini di sini" / "the makro names this SOP here"),
                );
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{TWO_STEPS, lint_corpus, sop_yaml};

    const STEPS: &str =
        "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: rinci}
  - {id: rinci, kind: process, actor: a, activity: Rinci, time: 1 jam, sub_sop: anak, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}
";

    #[test]
    fn clean_when_both_sides_are_written() {
        let m = sop_yaml("induk", "makro", "related:\n  - {sop: anak, relation: child}\n", STEPS);
        let c =
            sop_yaml("anak", "mikro", "related:\n  - {sop: induk, relation: parent}\n", TWO_STEPS);
        assert!(lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP109").is_empty());
    }

    #[test]
    fn reports_each_missing_side_in_its_own_file() {
        // The makro uses `anak` as sub_sop but lists nothing; the mikro lists nothing.
        let m = sop_yaml("induk", "makro", "", STEPS);
        let c = sop_yaml("anak", "mikro", "", TWO_STEPS);
        assert_eq!(
            lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP109"),
            [
                "anak.yaml 2:5 SOP109 SOP `anak` does not list `induk` in `related` as `parent`, but `induk` uses it as `sub_sop`",
                "induk.yaml 24:81 SOP109 SOP `induk` uses `anak` as `sub_sop` but does not list it in `related` as `child`",
            ]
        );
    }

    #[test]
    fn points_at_a_wrong_relation_and_works_from_the_mikro_side() {
        // The mikro names the makro as parent; the makro names the mikro as `related`.
        let m =
            sop_yaml("induk", "makro", "related:\n  - {sop: anak, relation: related}\n", TWO_STEPS);
        let c =
            sop_yaml("anak", "mikro", "related:\n  - {sop: induk, relation: parent}\n", TWO_STEPS);
        assert_eq!(
            lint_corpus(&[("induk.yaml", &m), ("anak.yaml", &c)], "SOP109"),
            [
                "induk.yaml 20:27 SOP109 SOP `anak` names `induk` as its parent, but `induk` does not list `anak` in `related` as `child`"
            ]
        );
    }

    #[test]
    fn skips_unknown_and_external_targets() {
        let m = sop_yaml(
            "induk",
            "makro",
            "related:\n  - {sop: anak, relation: child, external: true}\n  - {sop: hilang, relation: child}\n",
            STEPS,
        );
        assert!(lint_corpus(&[("induk.yaml", &m)], "SOP109").is_empty());
    }
}
