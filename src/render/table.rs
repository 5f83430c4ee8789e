//! The SOP AP flowchart table (PermenPANRB 35/2012, Bagian Flowchart):
//! No | Kegiatan | one column per actor holding the step's symbol |
//! Kelengkapan | Waktu | Output | Keterangan. For the terminal through
//! comfy-table, fitted to a width, or as a Markdown table with every cell
//! escaped.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::graph::{EdgeKind, ProcessGraph};
use crate::lang::Lang;
use crate::model::{Rows, Sop, Step, StepKind};
use crate::render::{escape, step_text, wrap};

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

/// The table for a terminal, fitted to `width` columns. sopmap decides
/// the column widths and wraps every cell itself ([`wrap::lines`]: at
/// spaces, a too-long word at a syllable with a hyphen), so comfy-table
/// only draws: its own wrapping cuts words anywhere ("Pemoh/on").
pub fn render(sop: &Sop, graph: &ProcessGraph, lang: Lang, width: u16) -> String {
    let t = escape::terminal;
    let n_actors = sop.actors.len();
    let header: Vec<String> = header(sop, lang).iter().map(|h| t(h)).collect();
    let body: Vec<Vec<String>> = rows(sop, graph, lang)
        .into_iter()
        .map(|row| {
            let mut cells = vec![row.no, t(&row.activity)];
            cells.extend(row.actors);
            let reqs: Vec<String> =
                row.requirements.iter().map(|r| format!("- {}", t(r))).collect();
            cells.push(reqs.join("\n"));
            cells.push(t(&row.time));
            cells.push(t(&row.output));
            cells.push(t(&row.notes.join("\n")));
            cells
        })
        .collect();
    let kinds: Vec<Fit> = (0..header.len())
        .map(|c| match c {
            0 => Fit::Number,
            c if c >= 2 && c < 2 + n_actors => Fit::Actor,
            _ => Fit::Text,
        })
        .collect();
    let total = usize::from(width);
    let mut header = header;
    let mut widths = column_widths(&header, &body, &kinds, total);
    // Actor names that would have to be cut to a few letters a line are
    // replaced by keys (P1, P2 …) explained under the table.
    let mut keys = Vec::new();
    let cramped = (0..n_actors).any(|a| {
        let need = header
            .get(a + 2)
            .and_then(|h| h.split_whitespace().map(textwrap::core::display_width).max())
            .unwrap_or(0)
            .min(ACTOR_MAX);
        widths.get(a + 2).is_some_and(|&w| w < need)
    });
    if cramped {
        let prefix = lang.texts().actor_key_prefix;
        for a in 0..n_actors {
            if let Some(h) = header.get_mut(a + 2) {
                let key = format!("{prefix}{}", a + 1);
                keys.extend(wrap::lines(&format!("{key} = {h}"), total.max(20)));
                *h = key;
            }
        }
        widths = column_widths(&header, &body, &kinds, total);
    }
    let wrapped = |text: &str, w: usize| wrap::lines(text, w).join("\n");
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().zip(&widths).map(|(h, &w)| Cell::new(wrapped(h, w))));
    for row in &body {
        table.add_row(row.iter().zip(&widths).zip(&kinds).map(|((text, &w), kind)| match kind {
            Fit::Actor => Cell::new(wrapped(text, w)).set_alignment(CellAlignment::Center),
            _ => Cell::new(wrapped(text, w)),
        }));
    }
    let mut out = format!("{table}\n");
    for k in keys {
        out.push_str(&k);
        out.push('\n');
    }
    out.push_str(&legend(lang, total).join("\n"));
    out.push('\n');
    out
}

/// How a column of the terminal table takes up width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    /// The row number: as wide as the longest.
    Number,
    /// A symbol under an actor's name: at most the name's longest word
    /// or [`ACTOR_MAX`], the name hyphenated when narrower.
    Actor,
    /// Free text: shares what is left.
    Text,
}

/// Widest an actor column gets; longer names are hyphenated.
const ACTOR_MAX: usize = 14;
/// Narrowest a text column gets ("ab-"); narrower than a syllable, a word
/// is broken between letters, still with a hyphen.
const TEXT_MIN: usize = 3;
/// Text columns grow this many times faster than actor columns: the
/// actor columns hold one symbol, their names can wrap.
const TEXT_WEIGHT: usize = 2;

/// Content widths of the columns for a table at most `total` wide. The
/// number column takes what it needs; actor and text columns start at
/// their least width and grow together (water-filling) towards what their
/// longest line needs, text twice as fast, until the width is used.
fn column_widths(
    header: &[String],
    body: &[Vec<String>],
    kinds: &[Fit],
    total: usize,
) -> Vec<usize> {
    let dw = textwrap::core::display_width;
    let longest_line = |c: usize| {
        std::iter::once(header.get(c))
            .chain(body.iter().map(|r| r.get(c)))
            .flatten()
            .flat_map(|s| s.lines())
            .map(dw)
            .max()
            .unwrap_or(0)
    };
    let longest_word =
        |text: Option<&String>| text.map_or(0, |s| s.split_whitespace().map(dw).max().unwrap_or(0));
    // (least, most, weight) per column.
    let spans: Vec<(usize, usize, usize)> = kinds
        .iter()
        .enumerate()
        .map(|(c, kind)| match kind {
            Fit::Number => {
                let w = longest_line(c).max(2);
                (w, w, 0)
            }
            Fit::Actor => {
                let most =
                    longest_word(header.get(c)).clamp(1, ACTOR_MAX).max(longest_line(c).min(1));
                (1, most, 1)
            }
            Fit::Text => {
                let most = longest_line(c).max(1);
                (TEXT_MIN.min(most), most, TEXT_WEIGHT)
            }
        })
        .collect();
    // UTF8_FULL: a border before every column and after the last, one
    // space of padding on either side.
    let room = total.saturating_sub(3 * kinds.len() + 1);
    let at = |level: usize| -> Vec<usize> {
        spans.iter().map(|&(lo, hi, k)| (level * k).clamp(lo, hi.max(lo))).collect()
    };
    let top = spans.iter().map(|s| s.1).max().unwrap_or(0);
    // The highest level that fits (the sum grows with the level).
    let (mut lo, mut hi) = (0, top);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if at(mid).iter().sum::<usize>() <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths = at(lo);
    // What the level step leaves goes to text columns still short.
    let mut spare = room.saturating_sub(widths.iter().sum());
    for (w, &(_, most, k)) in widths.iter_mut().zip(&spans) {
        if k == TEXT_WEIGHT && *w < most && spare > 0 {
            let more = (most - *w).min(spare);
            *w += more;
            spare -= more;
        }
    }
    widths
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
