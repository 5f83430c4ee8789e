//! sop-link-cycle (SOP110): parent/child links between SOPs that go round
//! in a circle (makro -> mikro -> … -> makro).

use std::collections::BTreeMap;

use crate::catalog::{LinkKind, links};
use crate::diagnostic::{Diagnostic, FileId};
use crate::graph;
use crate::model::Relation;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, CorpusContext, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule { id: &rule_id::SOP_LINK_CYCLE, check: Check::Corpus(check) };

fn check(cx: &CorpusContext<'_>, out: &mut Vec<Diagnostic>) {
    let cat = cx.catalog;
    let n = cat.len();
    // (parent, child) -> where the link is written (first place).
    let mut edges: BTreeMap<(usize, usize), (FileId, Span)> = BTreeMap::new();
    for (pi, p) in cat.entries().iter().enumerate() {
        if !cat.is_canonical(pi) {
            continue;
        }
        for link in links(&p.sop) {
            if link.external {
                continue;
            }
            let Some(ti) = cat.position(&link.target) else { continue };
            let key = match link.kind {
                LinkKind::SubSop | LinkKind::Related(Some(Relation::Child)) => (pi, ti),
                LinkKind::Related(Some(Relation::Parent)) => (ti, pi),
                LinkKind::Related(_) => continue,
            };
            edges.entry(key).or_insert((p.file, link.span));
        }
    }
    let list: Vec<(usize, usize)> = edges.keys().copied().collect();
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &list {
        if let Some(s) = succ.get_mut(a) {
            s.push(b);
        }
    }
    for comp in graph::components(n, &list) {
        let Some(&first) = comp.first() else { continue };
        let self_loop = edges.contains_key(&(first, first));
        if comp.len() < 2 && !self_loop {
            continue;
        }
        let path = if self_loop {
            vec![first]
        } else {
            graph::shortest_cycle(first, &comp, |u| succ.get(u).into_iter().flatten().copied())
        };
        let names: Vec<String> = path
            .iter()
            .chain(path.first())
            .map(|&i| format!("`{}`", cat.entries().get(i).map_or("?", |e| e.id())))
            .collect();
        let hops: Vec<(usize, usize)> = path
            .iter()
            .zip(path.iter().skip(1).chain(path.first()))
            .map(|(&a, &b)| (a, b))
            .collect();
        let Some(&(file, span)) = hops.first().and_then(|h| edges.get(h)) else { continue };
        let mut d = Diagnostic::new(
            &RULE,
            file,
            span,
            msg!(
                "keterkaitan SOP membentuk lingkaran: {}" / "SOP links go round in a circle: {}",
                names.join(" -> ")
            ),
        )
        .help(msg!(
            "SOP mikro adalah bagian dari SOP makronya: hapus keterkaitan yang menunjuk balik ke atas, atau perbaiki `relation`-nya"
                / "a mikro SOP is part of its makro: remove the link that points back up, or fix its `relation`"
        ));
        for h in hops.iter().skip(1) {
            if let Some(&(f, s)) = edges.get(h) {
                d = d.label_in(
                    f,
                    s,
                    msg!("lingkaran berlanjut di sini" / "the circle continues here"),
                );
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{TWO_STEPS, lint_corpus, sop_yaml};

    #[test]
    fn reports_a_circle_as_a_path() {
        let steps =
            "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: rinci}
  - {id: rinci, kind: process, actor: a, activity: Rinci, time: 1 jam, sub_sop: b, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}
";
        let a = sop_yaml("a", "makro", "related:\n  - {sop: b, relation: child}\n", steps);
        let b = sop_yaml("b", "mikro", "related:\n  - {sop: c, relation: child}\n", TWO_STEPS);
        let c = sop_yaml("c", "mikro", "related:\n  - {sop: a, relation: child}\n", TWO_STEPS);
        let ok = sop_yaml("d", "mikro", "related:\n  - {sop: a, relation: parent}\n", TWO_STEPS);
        let files = [("a.yaml", a.as_str()), ("b.yaml", &b), ("c.yaml", &c), ("d.yaml", &ok)];
        assert_eq!(
            lint_corpus(&files, "SOP110"),
            ["a.yaml 26:81 SOP110 SOP links go round in a circle: `a` -> `b` -> `c` -> `a`"]
        );
    }

    #[test]
    fn a_sop_naming_itself() {
        let a = sop_yaml("a", "mikro", "related:\n  - {sop: a, relation: parent}\n", TWO_STEPS);
        assert_eq!(
            lint_corpus(&[("a.yaml", &a)], "SOP110"),
            ["a.yaml 20:11 SOP110 SOP links go round in a circle: `a` -> `a`"]
        );
    }

    #[test]
    fn a_hierarchy_is_fine() {
        let a = sop_yaml(
            "a",
            "makro",
            "related:\n  - {sop: b, relation: child}\n  - {sop: c, relation: child}\n",
            TWO_STEPS,
        );
        let b = sop_yaml("b", "mikro", "related:\n  - {sop: a, relation: parent}\n", TWO_STEPS);
        let c = sop_yaml(
            "c",
            "mikro",
            "related:\n  - {sop: a, relation: parent}\n  - {sop: b, relation: related}\n",
            TWO_STEPS,
        );
        assert!(
            lint_corpus(&[("a.yaml", &a), ("b.yaml", &b), ("c.yaml", &c)], "SOP110").is_empty()
        );
    }
}
