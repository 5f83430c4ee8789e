//! Mermaid `flowchart TD`: a subgraph per actor in `actors` order and the
//! same shapes as the DOT renderer: `([stadium])` for start and end,
//! `[rect]` for a process, `[[subroutine]]` for a `sub_sop` step,
//! `{rhombus}` for a decision; a branch that ends the procedure with an
//! `outcome` gets a stadium of its own (`s3_e2`) in the decision's lane.
//! Node ids are generated from row numbers
//! (`s1`, `s2`, …) because user ids such as `end` break Mermaid's parser;
//! every label is quoted and escaped with `escape::mermaid`.

use std::fmt::Write as _;

use crate::graph::{EdgeKind, ProcessGraph};
use crate::model::{Rows, Sop, StepKind};
use crate::render::dot::Options;
use crate::render::escape::mermaid as esc;
use crate::render::lanes::{self, node_label};

/// Renders the SOP as a Mermaid flowchart.
pub fn render(sop: &Sop, graph: &ProcessGraph, opts: &Options) -> String {
    let mut out = String::new();
    let title = format!("{} ({})", sop.title(), sop.number());
    // The title goes into YAML front matter as a JSON string, which is a
    // valid YAML double-quoted scalar with every special character escaped.
    let title = serde_json::to_string(&title.replace(['\n', '\r'], " ")).unwrap_or_default();
    let _ = writeln!(out, "---\ntitle: {title}\n---");
    out.push_str("flowchart TD\n");
    let (lanes, orphans) = lanes::lanes(sop);
    let numbers = Rows::of(sop);
    let mut waits = Vec::new();
    let mut marked = Vec::new();
    for lane in &lanes {
        let _ = writeln!(out, "  subgraph a{}[\"{}\"]", lane.actor + 1, esc(&lane.name));
        let _ = writeln!(out, "    direction TB");
        for &row in &lane.steps {
            node(&mut out, sop, &numbers, row, opts, "    ", &mut waits, &mut marked);
        }
        for &(row, b) in &lane.outcomes {
            outcome_node(&mut out, sop, row, b, opts, "    ");
        }
        out.push_str("  end\n");
    }
    for &row in &orphans {
        node(&mut out, sop, &numbers, row, opts, "  ", &mut waits, &mut marked);
        if let Some(step) = sop.steps.get(row) {
            for (b, _) in lanes::outcome_branches(step) {
                outcome_node(&mut out, sop, row, b, opts, "  ");
            }
        }
    }
    for row in 0..sop.steps.len() {
        for (target, edge) in graph.successors(row) {
            let arrow = if edge.assumed { "-.->" } else { "-->" };
            let label = match edge.kind {
                EdgeKind::Branch(b) => sop
                    .steps
                    .get(row)
                    .and_then(|s| s.branches.get(b))
                    .and_then(|br| br.label.as_ref())
                    .map(|l| format!("|\"{}\"|", esc(&l.value))),
                EdgeKind::Next => None,
            };
            let _ = writeln!(
                out,
                "  s{} {arrow}{} s{}",
                row + 1,
                label.unwrap_or_default(),
                target + 1
            );
        }
        if let Some(step) = sop.steps.get(row) {
            for (b, _) in lanes::outcome_branches(step) {
                let label = step
                    .branches
                    .get(b)
                    .and_then(|br| br.label.as_ref())
                    .map(|l| format!("|\"{}\"|", esc(&l.value)))
                    .unwrap_or_default();
                let _ = writeln!(out, "  s{} -->{label} s{}_e{}", row + 1, row + 1, b + 1);
            }
        }
    }
    for lane in lanes.iter().filter(|l| l.external) {
        let _ = writeln!(out, "  style a{} stroke-dasharray: 5 4", lane.actor + 1);
    }
    if !waits.is_empty() {
        out.push_str("  classDef wait fill:#fff7e0,stroke-dasharray:4 3\n");
        let _ = writeln!(out, "  class {} wait", waits.join(","));
    }
    if !marked.is_empty() {
        out.push_str("  classDef finding stroke:#d00000,stroke-width:3px\n");
        let _ = writeln!(out, "  class {} finding", marked.join(","));
    }
    out
}

/// The stadium of branch `b` of step `row`, which finishes the procedure
/// with an outcome: "Selesai" and the outcome text.
fn outcome_node(out: &mut String, sop: &Sop, row: usize, b: usize, opts: &Options, indent: &str) {
    let Some(br) = sop.steps.get(row).and_then(|s| s.branches.get(b)) else { return };
    let text = crate::render::step_text::outcome(br).unwrap_or_default();
    let label = format!("{}\n{text}", opts.lang.labels().end_capsule);
    let _ = writeln!(out, "{indent}s{}_e{}([\"{}\"])", row + 1, b + 1, esc(label.trim_end()));
}

#[allow(clippy::too_many_arguments)]
fn node(
    out: &mut String,
    sop: &Sop,
    numbers: &Rows,
    row: usize,
    opts: &Options,
    indent: &str,
    waits: &mut Vec<String>,
    marked: &mut Vec<String>,
) {
    let Some(step) = sop.steps.get(row) else { return };
    let id = format!("s{}", row + 1);
    let mut label = node_label(sop, step, numbers.number(row), opts.lang, false);
    let codes = opts.marks.get(row).map_or(&[][..], Vec::as_slice);
    if !codes.is_empty() {
        label.push_str(&format!("\n⚠ {}", codes.join(", ")));
        marked.push(id.clone());
    }
    if step.wait {
        waits.push(id.clone());
    }
    let label = esc(&label);
    let shape = match step.kind() {
        Some(StepKind::Start | StepKind::End) => format!("([\"{label}\"])"),
        Some(StepKind::Decision) => format!("{{\"{label}\"}}"),
        _ if step.sub_sop.is_some() => format!("[[\"{label}\"]]"),
        _ => format!("[\"{label}\"]"),
    };
    let _ = writeln!(out, "{indent}{id}{shape}");
}
