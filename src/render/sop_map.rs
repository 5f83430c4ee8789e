//! The map of a corpus (`sopmap graph`): one node per SOP (makro and mikro
//! styled apart), one node per linked SOP that is external or not loaded,
//! and the links between them by kind: `sub_sop` (a makro step detailed by
//! a mikro, labelled with the steps), the parent/child hierarchy of
//! Keterkaitan, prerequisites, follow-ups and plain relations. As Graphviz
//! DOT and as a Mermaid flowchart. Deterministic: nodes by id, edges by
//! endpoints then kind.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalogue, LinkKind, links};
use crate::lang::Lang;
use crate::model::{Relation, SopLevel};
use crate::render::{escape, wrap};

/// What a node stands for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeKind {
    Makro,
    Mikro,
    /// Loaded, but its level is missing or invalid.
    Unknown,
    /// Named by `external: true`: outside the corpus.
    External,
    /// Named by a link, but no loaded SOP has the id.
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The SOP id, or for an external SOP named only by title, its title
    /// with the agency and unit of the SOP that names it: two puskesmas'
    /// "SOP Pengarsipan" are two documents, not one.
    pub key: String,
    pub kind: NodeKind,
    pub title: String,
    pub number: String,
    /// For an external SOP named only by title: the agency and unit it is
    /// taken to belong to (those of the SOP naming it).
    pub owner: String,
}

/// The kind of an edge, in drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    /// Makro → mikro through `sub_sop` steps.
    SubSop,
    /// Parent → child written in Keterkaitan (without a `sub_sop`).
    Child,
    /// This SOP → its prerequisite.
    Prerequisite,
    /// This SOP → its follow-up.
    FollowUp,
    /// A plain relation (drawn without direction).
    Related,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// The makro steps, for `sub_sop` edges.
    pub steps: Vec<String>,
}

/// The relation graph of a catalogue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SopMap {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Builds the map: every SOP of the catalogue (first definition of each
/// id), then the external and missing SOPs its links name.
pub fn build(catalog: &Catalogue) -> SopMap {
    let mut nodes: BTreeMap<(u8, String), Node> = BTreeMap::new();
    for (i, e) in catalog.entries().iter().enumerate() {
        if !catalog.is_canonical(i) {
            continue;
        }
        let kind = match e.level() {
            Some(SopLevel::Makro) => NodeKind::Makro,
            Some(SopLevel::Mikro) => NodeKind::Mikro,
            None => NodeKind::Unknown,
        };
        nodes.insert(
            (0, e.id().to_string()),
            Node {
                key: e.id().to_string(),
                kind,
                title: e.sop.title().to_string(),
                number: e.sop.number().to_string(),
                owner: String::new(),
            },
        );
    }
    // (from, to, kind) -> steps
    let mut edges: BTreeMap<(String, String, EdgeKind), Vec<String>> = BTreeMap::new();
    for (i, e) in catalog.entries().iter().enumerate() {
        if !catalog.is_canonical(i) {
            continue;
        }
        let from = e.id().to_string();
        for link in links(&e.sop) {
            let target = link.target.clone();
            if catalog.get(&target).is_none() {
                let kind = if link.external { NodeKind::External } else { NodeKind::Missing };
                nodes.entry((1, target.clone())).or_insert(Node {
                    key: target.clone(),
                    kind,
                    title: String::new(),
                    number: String::new(),
                    owner: String::new(),
                });
            }
            let (a, b, kind) = match link.kind {
                LinkKind::SubSop => (from.clone(), target, EdgeKind::SubSop),
                LinkKind::Related(Some(Relation::Child)) => (from.clone(), target, EdgeKind::Child),
                LinkKind::Related(Some(Relation::Parent)) => {
                    (target, from.clone(), EdgeKind::Child)
                }
                LinkKind::Related(Some(Relation::Prerequisite)) => {
                    (from.clone(), target, EdgeKind::Prerequisite)
                }
                LinkKind::Related(Some(Relation::FollowUp)) => {
                    (from.clone(), target, EdgeKind::FollowUp)
                }
                LinkKind::Related(_) => {
                    // Undirected: one edge per pair.
                    if from <= target {
                        (from.clone(), target, EdgeKind::Related)
                    } else {
                        (target, from.clone(), EdgeKind::Related)
                    }
                }
            };
            let steps = edges.entry((a, b, kind)).or_default();
            if let Some(step) = link.step.and_then(|s| e.sop.steps.get(s)) {
                steps.push(step.id_str().to_string());
            }
        }
        // External SOPs named only by title: a title alone does not name
        // one document across agencies, so the node is the title within
        // the naming SOP's agency and unit.
        let text = |v: &Option<crate::model::Spanned<String>>| {
            v.as_ref().map_or("", |s| s.value.trim()).to_string()
        };
        let owner = [text(&e.sop.identity.agency), text(&e.sop.identity.unit)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" / ");
        for r in &e.sop.related {
            if r.sop.is_none()
                && let Some(t) = &r.title
            {
                let key = if owner.is_empty() {
                    t.value.clone()
                } else {
                    format!("{} ({owner})", t.value)
                };
                nodes.entry((2, key.clone())).or_insert(Node {
                    key: key.clone(),
                    kind: NodeKind::External,
                    title: t.value.clone(),
                    number: String::new(),
                    owner: owner.clone(),
                });
                let kind = match r.relation.as_ref().map(|k| k.value) {
                    Some(Relation::Prerequisite) => EdgeKind::Prerequisite,
                    Some(Relation::FollowUp) => EdgeKind::FollowUp,
                    Some(Relation::Child) => EdgeKind::Child,
                    _ => EdgeKind::Related,
                };
                edges.entry((from.clone(), key, kind)).or_default();
            }
        }
    }
    // A hierarchy link that a sub_sop edge already draws is not repeated.
    // Sets and maps, not scans: a corpus map has thousands of nodes and
    // edges, and a scan per edge would make drawing it quadratic.
    let sub: BTreeSet<(String, String)> = edges
        .keys()
        .filter(|(_, _, k)| *k == EdgeKind::SubSop)
        .map(|(a, b, _)| (a.clone(), b.clone()))
        .collect();
    edges.retain(|(a, b, k), _| *k != EdgeKind::Child || !sub.contains(&(a.clone(), b.clone())));
    let nodes: Vec<Node> = nodes.into_values().collect();
    let positions: BTreeMap<String, usize> =
        nodes.iter().enumerate().map(|(i, n)| (n.key.clone(), i)).collect();
    let index = |key: &str| positions.get(key).copied();
    let mut out_edges: Vec<Edge> = edges
        .into_iter()
        .filter_map(|((a, b, kind), steps)| {
            Some(Edge { from: index(&a)?, to: index(&b)?, kind, steps })
        })
        .collect();
    out_edges.sort_by_key(|e| (e.from, e.to, e.kind));
    SopMap { nodes, edges: out_edges }
}

fn kind_label(kind: &NodeKind, lang: Lang) -> &'static str {
    let l = lang.labels();
    match kind {
        NodeKind::Makro => l.level_makro,
        NodeKind::Mikro => l.level_mikro,
        NodeKind::Unknown => "SOP",
        NodeKind::External => lang.texts().external_sop,
        NodeKind::Missing => lang.texts().sop_not_loaded,
    }
}

fn edge_label(e: &Edge, lang: Lang) -> String {
    match e.kind {
        EdgeKind::SubSop => format!("{}: {}", lang.texts().detailed, e.steps.join(", ")),
        EdgeKind::Child => lang.texts().parent_child.to_string(),
        EdgeKind::Prerequisite => lang.texts().prerequisite.to_string(),
        EdgeKind::FollowUp => lang.texts().follow_up.to_string(),
        EdgeKind::Related => lang.texts().related.to_string(),
    }
}

fn node_text(n: &Node, lang: Lang) -> Vec<String> {
    let mut lines = vec![kind_label(&n.kind, lang).to_string()];
    if !n.title.is_empty() {
        // Long titles make tall boxes rather than very wide ones.
        lines.extend(wrap::lines(&n.title, 36));
    }
    if !n.number.is_empty() {
        lines.push(n.number.clone());
    }
    if !n.owner.is_empty() {
        lines.extend(wrap::lines(&n.owner, 36));
    } else if n.title != n.key {
        lines.push(n.key.clone());
    }
    lines
}

/// Graphviz DOT.
pub fn dot(map: &SopMap, lang: Lang) -> String {
    let mut out = String::from(
        "digraph sopmap {\n  graph [rankdir=TB, newrank=true, nodesep=0.4, ranksep=0.7, fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", margin=\"0.15,0.08\"];\n  edge [fontname=\"Helvetica\", fontsize=9];\n",
    );
    for (i, n) in map.nodes.iter().enumerate() {
        let label =
            node_text(n, lang).iter().map(|l| escape::dot(l)).collect::<Vec<_>>().join("\\n");
        let style = match n.kind {
            NodeKind::Makro => "fillcolor=\"#cfe2f3\", penwidth=2, peripheries=2",
            NodeKind::Mikro => "fillcolor=\"#e6f2d9\"",
            NodeKind::Unknown => "fillcolor=\"#eeeeee\"",
            NodeKind::External => {
                "style=\"rounded,dashed\", color=\"#777777\", fontcolor=\"#555555\""
            }
            NodeKind::Missing => {
                "style=\"rounded,dashed,bold\", color=\"#cc0000\", fontcolor=\"#cc0000\""
            }
        };
        out.push_str(&format!("  n{i} [label=\"{label}\", {style}];\n"));
    }
    for e in &map.edges {
        let style = match e.kind {
            EdgeKind::SubSop => "style=bold, penwidth=2, color=\"#1f4e79\"",
            EdgeKind::Child => "style=dashed, color=\"#1f4e79\"",
            EdgeKind::Prerequisite => "style=dashed, color=\"#7f6000\"",
            EdgeKind::FollowUp => "style=dashed, color=\"#38761d\"",
            EdgeKind::Related => "style=dotted, dir=none, color=\"#666666\"",
        };
        out.push_str(&format!(
            "  n{} -> n{} [label=\"{}\", {style}];\n",
            e.from,
            e.to,
            escape::dot(&edge_label(e, lang))
        ));
    }
    out.push_str("}\n");
    out
}

/// A Mermaid flowchart. Node ids are generated (`n0`, `n1`, …) so no SOP
/// id can clash with Mermaid keywords such as `end`.
pub fn mermaid(map: &SopMap, lang: Lang) -> String {
    let mut out = String::from("flowchart TB\n");
    for (i, n) in map.nodes.iter().enumerate() {
        let label =
            node_text(n, lang).iter().map(|l| escape::mermaid(l)).collect::<Vec<_>>().join("<br>");
        let class = match n.kind {
            NodeKind::Makro => "makro",
            NodeKind::Mikro => "mikro",
            NodeKind::Unknown => "unknown",
            NodeKind::External => "external",
            NodeKind::Missing => "missing",
        };
        out.push_str(&format!("  n{i}(\"{label}\"):::{class}\n"));
    }
    for e in &map.edges {
        let arrow = match e.kind {
            EdgeKind::SubSop => "==>",
            EdgeKind::Child | EdgeKind::Prerequisite | EdgeKind::FollowUp => "-.->",
            EdgeKind::Related => "-.-",
        };
        out.push_str(&format!(
            "  n{} {arrow}|\"{}\"| n{}\n",
            e.from,
            escape::mermaid(&edge_label(e, lang)),
            e.to
        ));
    }
    out.push_str(
        "  classDef makro fill:#cfe2f3,stroke:#1f4e79,stroke-width:3px\n  classDef mikro fill:#e6f2d9,stroke:#38761d\n  classDef unknown fill:#eeeeee,stroke:#666666\n  classDef external fill:#ffffff,stroke:#777777,stroke-dasharray:4 3\n  classDef missing fill:#ffffff,stroke:#cc0000,stroke-width:2px,stroke-dasharray:4 3\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Scope;
    use crate::check::Settings;
    use crate::rules::testing::{TWO_STEPS, corpus_run, sop_yaml};

    fn map_of(files: &[(&str, String)]) -> SopMap {
        let files: Vec<(&str, &str)> = files.iter().map(|(p, y)| (*p, y.as_str())).collect();
        let out = corpus_run(&files, &Settings::default(), &Scope::all(files.len()));
        build(&out.catalogue)
    }

    #[test]
    fn sub_sop_hides_the_written_hierarchy_and_missing_targets_show() {
        let steps =
            "  - {id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: rinci}
  - {id: rinci, kind: process, actor: a, activity: Rinci, time: 1 jam, sub_sop: anak, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}
";
        let m = sop_yaml(
            "induk",
            "makro",
            "related:\n  - {sop: anak, relation: child}\n  - {sop: hilang, relation: child}\n  - {title: \"SOP \\\"PPID\\\"\", relation: related, external: true}\n",
            steps,
        );
        let c =
            sop_yaml("anak", "mikro", "related:\n  - {sop: induk, relation: parent}\n", TWO_STEPS);
        let map = map_of(&[("induk.yaml", m), ("anak.yaml", c)]);
        let keys: Vec<(&str, &NodeKind)> =
            map.nodes.iter().map(|n| (n.key.as_str(), &n.kind)).collect();
        assert_eq!(
            keys,
            [
                ("anak", &NodeKind::Mikro),
                ("induk", &NodeKind::Makro),
                ("hilang", &NodeKind::Missing),
                ("SOP \"PPID\" (Badan Contoh / Unit Contoh)", &NodeKind::External)
            ]
        );
        let edges: Vec<(usize, usize, EdgeKind)> =
            map.edges.iter().map(|e| (e.from, e.to, e.kind)).collect();
        assert_eq!(
            edges,
            [(1, 0, EdgeKind::SubSop), (1, 2, EdgeKind::Child), (1, 3, EdgeKind::Related)]
        );
        let d = dot(&map, Lang::Id);
        assert!(d.contains("n1 -> n0 [label=\"dirinci: rinci\", style=bold"), "{d}");
        assert!(d.contains("SOP \\\"PPID\\\""), "{d}");
        let m = mermaid(&map, Lang::En);
        assert!(m.contains("n1 ==>|\"detailed: rinci\"| n0"), "{m}");
        assert!(m.contains("SOP #quot;PPID#quot;"), "{m}");
    }

    /// Issue 12: two puskesmas each name their own "SOP Pengarsipan"; a
    /// title alone must not merge them, while two SOPs of one unit naming
    /// it share the node.
    #[test]
    fn external_titles_stay_apart_across_agencies() {
        let related = "related:\n  - {title: SOP Pengarsipan, relation: related, external: true}\n";
        let a = sop_yaml("surat-masuk-a", "mikro", related, TWO_STEPS)
            .replace("agency: Badan Contoh", "agency: Puskesmas Tomoni Timur");
        let b = sop_yaml("surat-masuk-b", "mikro", related, TWO_STEPS)
            .replace("agency: Badan Contoh", "agency: Puskesmas Wotu");
        let c = sop_yaml("surat-keluar-b", "mikro", related, TWO_STEPS)
            .replace("agency: Badan Contoh", "agency: Puskesmas Wotu");
        let map = map_of(&[("a.yaml", a), ("b.yaml", b), ("c.yaml", c)]);
        let external: Vec<&str> = map
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::External)
            .map(|n| n.key.as_str())
            .collect();
        assert_eq!(
            external,
            [
                "SOP Pengarsipan (Puskesmas Tomoni Timur / Unit Contoh)",
                "SOP Pengarsipan (Puskesmas Wotu / Unit Contoh)"
            ]
        );
        assert_eq!(map.edges.len(), 3);
        let d = dot(&map, Lang::Id);
        assert!(d.contains("Puskesmas Wotu / Unit Contoh"), "{d}");
    }
}
