//! The SOP AP flowchart table (PermenPANRB 35/2012, Bagian Flowchart):
//! No | Kegiatan | one column per actor holding the step's symbol |
//! Kelengkapan | Waktu | Output | Keterangan. For the terminal through
//! comfy-table, fitted to a width, or as a Markdown table with every cell
//! escaped.

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

use crate::graph::{EdgeKind, ProcessGraph};
use crate::lang::Lang;
use crate::model::{Rows, Sop, Step, StepKind};
use crate::render::{escape, step_text};

/// Symbols drawn in the actor columns.
pub const START_END: &str = "⬭";
pub const PROCESS: &str = "▭";
pub const SUB_SOP: &str = "▣";
pub const DECISION: &str = "◇";
/// A `with` actor taking part in the row.
pub const WITH: &str = "○";

/// One row of the table, as plain text cells.
struct Row {
    no: String,
    activity: String,
    /// One cell per actor column.
    actors: Vec<String>,
    requirements: Vec<String>,
    time: String,
    output: String,
    notes: Vec<String>,
}

fn symbol(step: &Step) -> &'static str {
    match step.kind() {
        Some(StepKind::Start | StepKind::End) => START_END,
        Some(StepKind::Decision) => DECISION,
        _ if step.sub_sop.is_some() => SUB_SOP,
        _ => PROCESS,
    }
}

fn rows(sop: &Sop, graph: &ProcessGraph, lang: Lang) -> Vec<Row> {
    let l = lang.labels();
    let arrow_word = lang.texts().to;
    let numbering = Rows::of(sop);
    numbering
        .rows()
        .iter()
        .enumerate()
        .map(|(k, row)| {
            let mut actors = vec![String::new(); sop.actors.len()];
            let mut notes = Vec::new();
            let steps: Vec<(usize, &Step)> =
                row.steps().filter_map(|i| sop.steps.get(i).map(|s| (i, s))).collect();
            for &(_, step) in &steps {
                for w in &step.with {
                    if let Some(cell) = sop.actor_index(&w.value).and_then(|c| actors.get_mut(c))
                        && cell.is_empty()
                    {
                        *cell = WITH.to_string();
                    }
                }
            }
            for &(i, step) in &steps {
                let main = step.actor.as_ref().and_then(|a| sop.actor_index(&a.value));
                if let Some(cell) = main.and_then(|c| actors.get_mut(c)) {
                    // Several steps of one row in one column: symbols side by side.
                    if cell.as_str() == WITH {
                        cell.clear();
                    }
                    cell.push_str(symbol(step));
                }
                if main.is_none() {
                    let who = step.actor.as_ref().map_or("?", |a| a.value.as_str());
                    notes.push(format!("{}: {who}", l.actors));
                }
                notes.extend(step_text::alternate_note(sop, step, lang));
                for (t, e) in graph.successors(i) {
                    // Arrows inside the row are drawn by the symbols' order.
                    if numbering.index_of(t) == k && t > i {
                        continue;
                    }
                    let to = numbering.number(t);
                    match e.kind {
                        EdgeKind::Branch(b) => {
                            let label = step
                                .branches
                                .get(b)
                                .and_then(|br| br.label.as_ref())
                                .map_or("", |x| x.value.as_str());
                            notes.push(format!("{label} → {to}"));
                        }
                        EdgeKind::Next
                            if numbering.index_of(t) != k + 1 || !numbering.is_first(t) =>
                        {
                            notes.push(format!("→ {arrow_word} {} {to}", l.step));
                        }
                        EdgeKind::Next => {}
                    }
                }
                notes.extend(step.branches.iter().filter_map(|b| step_text::outcome_note(b, lang)));
                if let Some(s) = &step.sub_sop {
                    notes.push(format!("{} {}", l.see_sop, s.value));
                }
                if step.wait {
                    notes.push(l.waiting.to_string());
                }
                if let Some(n) = &step.notes {
                    notes.push(n.value.trim().to_string());
                }
            }
            // The row's Mutu Baku is its first step's.
            let first = steps.first().map(|(_, s)| *s);
            Row {
                no: row.number.to_string(),
                activity: step_text::row_activity(sop, row, lang),
                actors,
                requirements: first
                    .map(|s| s.requirements.iter().map(|r| r.value.trim().to_string()).collect())
                    .unwrap_or_default(),
                time: first
                    .and_then(|s| {
                        s.time
                            .as_ref()
                            .map(|t| t.value.to_string())
                            .or_else(|| s.time_note.as_ref().map(|t| t.value.trim().to_string()))
                    })
                    .unwrap_or_default(),
                output: first
                    .and_then(|s| s.output.as_ref())
                    .map_or("", |o| o.value.trim())
                    .to_string(),
                notes,
            }
        })
        .collect()
}

fn header(sop: &Sop, lang: Lang) -> Vec<String> {
    let l = lang.labels();
    let mut h = vec![l.no.to_string(), l.activity.to_string()];
    h.extend(sop.actors.iter().map(|a| a.display_name().to_string()));
    h.extend([l.requirements, l.time, l.output, l.notes].map(str::to_string));
    h
}

/// The legend under the table, one entry per symbol, as lines of at most
/// `width` columns (an entry is never split from its symbol).
pub fn legend(lang: Lang, width: usize) -> Vec<String> {
    let entries = [
        format!("{START_END} {}", lang.texts().start_end),
        format!("{PROCESS} {}", lang.texts().process),
        format!("{SUB_SOP} {}", lang.texts().process_with_sub_sop),
        format!("{DECISION} {}", lang.texts().decision),
        format!("{WITH} {}", lang.texts().supporting_actor),
    ];
    let mut lines: Vec<String> = Vec::new();
    for e in entries {
        match lines.last_mut() {
            Some(last) if last.chars().count() + 3 + e.chars().count() <= width => {
                last.push_str("   ");
                last.push_str(&e);
            }
            _ => lines.push(e),
        }
    }
    lines
}

/// The table for a terminal, fitted to `width` columns.
pub fn render(sop: &Sop, graph: &ProcessGraph, lang: Lang, width: u16) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header(sop, lang).iter().map(|h| escape::terminal(h)));
    let n_actors = sop.actors.len();
    for row in rows(sop, graph, lang) {
        let t = escape::terminal;
        let mut cells = vec![Cell::new(row.no), Cell::new(t(&row.activity))];
        cells.extend(
            row.actors.into_iter().map(|s| Cell::new(s).set_alignment(CellAlignment::Center)),
        );
        let reqs: Vec<String> = row.requirements.iter().map(|r| format!("- {}", t(r))).collect();
        cells.push(Cell::new(reqs.join("\n")));
        cells.push(Cell::new(t(&row.time)));
        cells.push(Cell::new(t(&row.output)));
        cells.push(Cell::new(t(&row.notes.join("\n"))));
        table.add_row(cells);
    }
    // Actor columns only hold a symbol: as wide as the longest word of the
    // actor's name (so names break between words), the text columns get
    // the rest.
    for (c, actor) in sop.actors.iter().enumerate().take(n_actors) {
        let longest = actor.display_name().split_whitespace().map(|w| w.chars().count()).max();
        let upper = u16::try_from(longest.unwrap_or(3).clamp(3, 14) + 2).unwrap_or(16);
        if let Some(col) = table.column_mut(c + 2) {
            col.set_constraint(ColumnConstraint::Boundaries {
                lower: Width::Fixed(3),
                upper: Width::Fixed(upper),
            });
        }
    }
    if let Some(col) = table.column_mut(1) {
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(20)));
    }
    if let Some(col) = table.column_mut(0) {
        col.set_constraint(ColumnConstraint::Absolute(Width::Fixed(4)));
    }
    format!("{table}\n{}\n", legend(lang, usize::from(width)).join("\n"))
}

/// The table as GitHub-flavoured Markdown.
pub fn markdown(sop: &Sop, graph: &ProcessGraph, lang: Lang) -> String {
    let md = escape::markdown;
    let head = header(sop, lang);
    let mut out = format!(
        "| {} |\n|{}|\n",
        head.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "),
        head.iter()
            .enumerate()
            .map(|(i, _)| if i >= 2 && i < 2 + sop.actors.len() { ":-:" } else { "---" })
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in rows(sop, graph, lang) {
        let mut cells = vec![row.no, md(&row.activity)];
        cells.extend(row.actors);
        let reqs: Vec<String> = row.requirements.iter().map(|r| md(r)).collect();
        cells.push(reqs.join("<br>"));
        cells.push(md(&row.time));
        cells.push(md(&row.output));
        let notes: Vec<String> = row.notes.iter().map(|n| md(n)).collect();
        cells.push(notes.join("<br>"));
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push_str(&format!("\n{}\n", md(&legend(lang, usize::MAX).join(" "))));
    out
}
