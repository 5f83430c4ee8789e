//! Graphviz DOT: one cluster per actor in `actors` order (swimlanes),
//! capsules for start and end, boxes for processes (a double border for a
//! `sub_sop` step, linked to the child SOP), diamonds for decisions, branch
//! labels on the edges. A branch that ends the procedure with an `outcome`
//! gets its own end capsule (`s3_e2`: branch 2 of row 3) in the decision's
//! lane, labelled with the outcome. Arrows back to an earlier row do not constrain the
//! ranking, so rework loops do not stretch the layout. Node ids are the
//! row numbers (`s1`, `s2`, …), never user text; every string is quoted
//! and escaped, and the output is byte-identical for the same SOP.

use std::fmt::Write as _;

use crate::graph::{EdgeKind, ProcessGraph};
use crate::lang::Lang;
use crate::model::{Rows, Sop, StepKind};
use crate::render::escape::dot as esc;
use crate::render::lanes::{self, node_label};
use crate::rule_id;

/// How to draw the diagram.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub lang: Lang,
    /// Rule codes of findings per row, to outline those steps in red.
    pub marks: Vec<Vec<&'static str>>,
}

const FONT: &str = "Helvetica";

/// Renders the SOP as a DOT digraph.
pub fn render(sop: &Sop, graph: &ProcessGraph, opts: &Options) -> String {
    let mut out = String::new();
    let title = format!("{}\n{}", sop.title(), sop.number());
    let _ = writeln!(out, "digraph \"{}\" {{", esc(sop.id_str()));
    let _ = writeln!(
        out,
        "  graph [newrank=true, rankdir=TB, nodesep=0.35, ranksep=0.4, fontname=\"{FONT}\", \
         fontsize=13, labelloc=t, label=\"{}\"];",
        esc(title.trim())
    );
    let _ = writeln!(out, "  node [fontname=\"{FONT}\", fontsize=10, margin=\"0.12,0.06\"];");
    let _ = writeln!(out, "  edge [fontname=\"{FONT}\", fontsize=9, arrowsize=0.7];");
    let (lanes, orphans) = lanes::lanes(sop);
    let numbers = Rows::of(sop);
    for lane in &lanes {
        let _ = writeln!(out, "  subgraph \"cluster_a{}\" {{", lane.actor + 1);
        let _ = writeln!(out, "    label=\"{}\";", esc(&lane.name));
        let style = if lane.external { "rounded,dashed,filled" } else { "rounded,filled" };
        let _ = writeln!(
            out,
            "    style=\"{style}\"; fillcolor=\"#f3f5f8\"; color=\"#8a96a3\"; fontsize=11;"
        );
        // An invisible anchor at the top of every lane: the anchors share a
        // rank and are chained left to right, which puts the lanes in
        // `actors` order and keeps a lane with no steps of its own.
        let _ = writeln!(
            out,
            "    \"a{}\" [shape=point, style=invis, width=0, height=0, label=\"\"];",
            lane.actor + 1
        );
        for &row in &lane.steps {
            node(&mut out, sop, &numbers, row, opts, "    ");
        }
        for &(row, b) in &lane.outcomes {
            outcome_node(&mut out, sop, row, b, opts, "    ");
        }
        let _ = writeln!(out, "  }}");
    }
    for &row in &orphans {
        node(&mut out, sop, &numbers, row, opts, "  ");
        if let Some(step) = sop.steps.get(row) {
            for (b, _) in lanes::outcome_branches(step) {
                outcome_node(&mut out, sop, row, b, opts, "  ");
            }
        }
    }
    if !lanes.is_empty() {
        let anchors: Vec<String> = lanes.iter().map(|l| format!("\"a{}\"", l.actor + 1)).collect();
        let _ = writeln!(out, "  {{ rank=min; {}; }}", anchors.join("; "));
        if anchors.len() > 1 {
            let _ = writeln!(out, "  {} [style=invis];", anchors.join(" -> "));
        }
        for lane in &lanes {
            if let Some(first) = lane.steps.first() {
                let _ =
                    writeln!(out, "  \"a{}\" -> \"s{}\" [style=invis];", lane.actor + 1, first + 1);
            }
        }
    }
    // The steps of one numbered row (`same_row`) side by side, as the
    // document draws them.
    for r in numbers.rows().iter().filter(|r| r.len() > 1) {
        let ids: Vec<String> = r.steps().map(|i| format!("\"s{}\"", i + 1)).collect();
        let _ = writeln!(out, "  {{ rank=same; {}; }}", ids.join("; "));
    }
    for row in 0..sop.steps.len() {
        for (target, edge) in graph.successors(row) {
            let mut attrs: Vec<String> = Vec::new();
            if let EdgeKind::Branch(b) = edge.kind {
                let label = sop
                    .steps
                    .get(row)
                    .and_then(|s| s.branches.get(b))
                    .and_then(|br| br.label.as_ref())
                    .map_or("", |l| l.value.as_str());
                attrs.push(format!("label=\" {} \"", esc(label)));
            }
            if target <= row {
                attrs.push("constraint=false".into());
            }
            if edge.assumed {
                attrs.push("style=dashed, color=\"#d00000\"".into());
            }
            let attrs =
                if attrs.is_empty() { String::new() } else { format!(" [{}]", attrs.join(", ")) };
            let _ = writeln!(out, "  \"s{}\" -> \"s{}\"{attrs};", row + 1, target + 1);
        }
        if let Some(step) = sop.steps.get(row) {
            for (b, _) in lanes::outcome_branches(step) {
                let label = step
                    .branches
                    .get(b)
                    .and_then(|br| br.label.as_ref())
                    .map_or("", |l| l.value.as_str());
                let _ = writeln!(
                    out,
                    "  \"s{}\" -> \"s{}_e{}\" [label=\" {} \"];",
                    row + 1,
                    row + 1,
                    b + 1,
                    esc(label)
                );
            }
        }
    }
    out.push_str("}\n");
    out
}

/// The end capsule of branch `b` of step `row`, which finishes the
/// procedure with an outcome: "Selesai" and the outcome text.
fn outcome_node(out: &mut String, sop: &Sop, row: usize, b: usize, opts: &Options, indent: &str) {
    let Some(br) = sop.steps.get(row).and_then(|s| s.branches.get(b)) else { return };
    let text = crate::render::step_text::outcome(br).unwrap_or_default();
    let lines = crate::render::wrap::lines(text, 28);
    let mut label = opts.lang.labels().end_capsule.to_string();
    for line in lines {
        label.push('\n');
        label.push_str(&line);
    }
    let _ = writeln!(
        out,
        "{indent}\"s{}_e{}\" [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", label=\"{}\"];",
        row + 1,
        b + 1,
        esc(&label)
    );
}

fn node(out: &mut String, sop: &Sop, numbers: &Rows, row: usize, opts: &Options, indent: &str) {
    let Some(step) = sop.steps.get(row) else { return };
    let l = opts.lang.labels();
    let mut label = node_label(sop, step, numbers.number(row), opts.lang, true);
    let mut attrs: Vec<String> = Vec::new();
    let mut style: Vec<&str> = Vec::new();
    match step.kind() {
        Some(StepKind::Start | StepKind::End) => {
            attrs.push("shape=box".into());
            style.push("rounded");
        }
        Some(StepKind::Decision) => attrs.push("shape=diamond".into()),
        Some(StepKind::Process) | None => attrs.push("shape=box".into()),
    }
    style.push("filled");
    if step.wait {
        style.push("dashed");
    }
    let fill = if step.wait { "#fff7e0" } else { "#ffffff" };
    let mut tooltip = step.id_str().to_string();
    if let Some(s) = &step.sub_sop {
        attrs.push("peripheries=2".into());
        attrs.push(format!("URL=\"{}.svg\"", esc(&s.value)));
        tooltip = format!("{} {}", l.see_sop, s.value);
    }
    let codes = opts.marks.get(row).map_or(&[][..], Vec::as_slice);
    if !codes.is_empty() {
        attrs.push("color=\"#d00000\", penwidth=2.5".into());
        label.push_str(&format!("\n⚠ {}", codes.join(", ")));
        let names: Vec<String> = codes
            .iter()
            .map(|c| match rule_id::find(c) {
                Some(r) => format!("{c} {}", r.name),
                None => (*c).to_string(),
            })
            .collect();
        tooltip = format!("{tooltip}: {}", names.join(", "));
    }
    attrs.push(format!("style=\"{}\", fillcolor=\"{fill}\"", style.join(",")));
    attrs.push(format!("label=\"{}\"", esc(&label)));
    attrs.push(format!("tooltip=\"{}\"", esc(&tooltip)));
    let _ = writeln!(out, "{indent}\"s{}\" [{}];", row + 1, attrs.join(", "));
}
