//! The flowchart table across its pages as steps: each numbered band of
//! the body gives a row; its symbols (top to bottom, left to right) give
//! the row's steps, the first carrying the number and Mutu Baku and the
//! others `same_row`; the shape gives the kind, the column the actor;
//! arrows (followed through off-page connectors by their letter) give
//! `next` and the labelled branches. A capsule a decision points to in
//! its own row, named in Keterangan as "label → selesai: …", is the
//! branch's outcome, as `sopmap document` draws one.

use std::collections::BTreeMap;

use super::Page;
use super::arrows::{self, Arrow};
use super::draft::{DraftActor, DraftBranch, DraftStep, slug};
use super::geometry::Rect;
use super::grid::{self, ColumnKind, Rules, Table, join_lines};
use super::symbols::{self, Shape, Symbol};
use crate::lang::ImportWords;

/// One flowchart page read.
struct Sheet {
    table: Table,
    symbols: Vec<Symbol>,
    arrows: Vec<Arrow>,
}

/// A symbol anywhere in the document: (sheet, index on it).
type At = (usize, usize);

pub struct Flowchart {
    pub actors: Vec<DraftActor>,
    pub steps: Vec<DraftStep>,
    pub unsettled: Vec<String>,
}

/// The pages holding a flowchart table, with their tables.
pub fn tables(pages: &[Page], rules: &[Rules]) -> Vec<(usize, Table)> {
    let mut out: Vec<(usize, Table)> = Vec::new();
    for (i, (p, r)) in pages.iter().zip(rules).enumerate() {
        let table = grid::flowchart_table(p, r)
            .or_else(|| out.last().and_then(|(_, prev)| grid::continuation_table(r, prev)));
        if let Some(t) = table {
            out.push((i, t));
        }
    }
    out
}

pub fn read(pages: &[Page], tables: Vec<(usize, Table)>, w: &ImportWords) -> Flowchart {
    let mut unsettled = Vec::new();
    let mut sheets: Vec<(usize, Sheet)> = Vec::new();
    for (pi, table) in tables {
        let Some(page) = pages.get(pi) else { continue };
        let symbols = symbols::symbols(&page.drawing.paths, &page.words, &table);
        let mut arrows = arrows::arrows(&page.drawing.paths, &table, &symbols);
        arrows.extend(arrows::outline_arrows(&page.drawing.paths, &table, &symbols));
        arrows.extend(arrows::picture_arrows(&page.drawing.images, &table, &symbols));
        let phrases = arrows::phrases(&page.words, &table, &symbols);
        arrows::label(&mut arrows, &phrases, |i| {
            symbols.get(i).is_some_and(|s| s.shape == Shape::Decision)
        });
        sheets.push((pi, Sheet { table, symbols, arrows }));
    }
    // Actors: the first sheet's actor columns.
    let mut actors: Vec<DraftActor> = Vec::new();
    if let Some((_, first)) = sheets.first() {
        for (k, (_, c)) in first.table.actor_columns().enumerate() {
            let ColumnKind::Actor(name) = &c.kind else { continue };
            let name = if name.trim().is_empty() {
                unsettled.push(format!("{} {}", w.actor_unnamed, k + 1));
                format!("Pelaksana {}", k + 1)
            } else {
                name.clone()
            };
            let mut id = slug(&name, '_', 40);
            if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
                id = format!("pelaksana_{}", k + 1);
            }
            while actors.iter().any(|a| a.id == id) {
                id.push_str("_2");
            }
            actors.push(DraftActor { id, name });
        }
    }
    let actor_of = |sheet: &Sheet, column: usize| -> Option<String> {
        let k = sheet.table.actor_columns().position(|(i, _)| i == column)?;
        actors.get(k).map(|a| a.id.clone())
    };

    // Off-page connectors: where each letter leads.
    let mut leads: BTreeMap<String, Vec<At>> = BTreeMap::new();
    for (si, (_, s)) in sheets.iter().enumerate() {
        for a in &s.arrows {
            let (Some(f), Some(t)) = (a.from, a.to) else { continue };
            let (Some(fs), Some(ts)) = (s.symbols.get(f), s.symbols.get(t)) else { continue };
            if fs.shape == Shape::Connector && ts.shape != Shape::Connector {
                leads.entry(fs.text.trim().to_string()).or_default().push((si, t));
            }
        }
    }
    // Outgoing arrows of every symbol, targets through connectors.
    let mut out: BTreeMap<At, Vec<(At, Option<String>, bool)>> = BTreeMap::new();
    let mut incoming: BTreeMap<At, usize> = BTreeMap::new();
    let mut loose = 0usize;
    for (si, (_, s)) in sheets.iter().enumerate() {
        for a in &s.arrows {
            let Some(f) = a.from else {
                loose += 1;
                continue;
            };
            if s.symbols.get(f).is_some_and(|x| x.shape == Shape::Connector) {
                continue;
            }
            let Some(t) = a.to else {
                loose += 1;
                continue;
            };
            let Some(ts) = s.symbols.get(t) else { continue };
            let targets: Vec<At> = if ts.shape == Shape::Connector {
                leads.get(ts.text.trim()).cloned().unwrap_or_default()
            } else {
                vec![(si, t)]
            };
            for target in targets {
                *incoming.entry(target).or_default() += 1;
                out.entry((si, f)).or_default().push((target, a.label.clone(), a.headless));
            }
        }
    }
    if loose > 0 {
        unsettled.push(format!("{}: {loose}", w.loose_arrows));
    }

    // Rows and steps.
    let mut steps: Vec<DraftStep> = Vec::new();
    let mut step_of: BTreeMap<At, usize> = BTreeMap::new();
    let mut last_row: Option<i64> = None;
    let mut texts: BTreeMap<At, String> = BTreeMap::new();
    let mut full: Vec<(String, String)> = Vec::new();
    let pages_words = |pi: usize| pages.get(pi).map_or(&[][..], |p| p.words.as_slice());
    // Rows whose symbols are part of a picture pasted in the table: said
    // once for the document, not row by row.
    let mut pictured_rows: Vec<i64> = Vec::new();
    for (si, (pi, s)) in sheets.iter().enumerate() {
        let words = pages_words(*pi);
        let pictures = pages.get(*pi).map_or(&[][..], |p| p.drawing.images.as_slice());
        for &(y0, y1) in &s.table.bands {
            let in_band = |sym: &Symbol| {
                let c = sym.rect.center().y;
                c > y0 && c < y1 && sym.shape != Shape::Connector
            };
            let mut main: Vec<usize> = (0..s.symbols.len())
                .filter(|&i| s.symbols.get(i).is_some_and(|x| in_band(x) && !x.dashed))
                .collect();
            let with: Vec<usize> = (0..s.symbols.len())
                .filter(|&i| s.symbols.get(i).is_some_and(|x| in_band(x) && x.dashed))
                .collect();
            let cell = |k: ColumnKind| -> Vec<(f64, String)> {
                s.table
                    .column_of(&k)
                    .map(|c| lines_with_y(words, Rect::new(c.x0, y0, c.x1, y1)))
                    .unwrap_or_default()
            };
            // The row of column numbers some tables print under the head:
            // "(1) (2) …", or "1 2 3 …" (No reads 1 and Kegiatan 2).
            let index_row =
                cell(ColumnKind::No).first().is_some_and(|(_, t)| t.trim_start().starts_with('('))
                    || (cell(ColumnKind::No).iter().map(|(_, t)| t.trim()).collect::<Vec<_>>()
                        == ["1"]
                        && cell(ColumnKind::Activity)
                            .iter()
                            .map(|(_, t)| t.trim())
                            .collect::<Vec<_>>()
                            == ["2"]);
            if index_row {
                continue;
            }
            let number: Option<i64> = cell(ColumnKind::No)
                .iter()
                .find_map(|(_, t)| t.trim().trim_end_matches('.').parse().ok());
            if main.is_empty() {
                if let Some(n) = number {
                    if pictured(pictures, &s.table, y0, y1) {
                        pictured_rows.push(n);
                    } else {
                        unsettled.push(format!("{} {n}", w.row_without_symbol));
                    }
                }
                continue;
            }
            main.sort_by(|&a, &b| {
                let (ra, rb) = (s.symbols.get(a).map(|x| x.rect), s.symbols.get(b).map(|x| x.rect));
                let (Some(ra), Some(rb)) = (ra, rb) else { return std::cmp::Ordering::Equal };
                if (ra.center().y - rb.center().y).abs() < 3.0 {
                    ra.x0.total_cmp(&rb.x0)
                } else {
                    ra.center().y.total_cmp(&rb.center().y)
                }
            });
            let mut notes_segments = segments(&cell(ColumnKind::Notes));
            // Outcome capsules: beside a decision of this row, reached
            // only from it, named in Keterangan.
            let mut outcomes: BTreeMap<usize, String> = BTreeMap::new();
            for &d in &main {
                if s.symbols.get(d).is_none_or(|x| x.shape != Shape::Decision) {
                    continue;
                }
                for (target, label, _) in out.get(&(si, d)).into_iter().flatten() {
                    let (ts, ti) = *target;
                    let is_cap = ts == si
                        && main.contains(&ti)
                        && s.symbols.get(ti).is_some_and(|x| x.shape == Shape::Capsule)
                        && !out.contains_key(target)
                        && incoming.get(target) == Some(&1);
                    let Some(label) = label.as_deref().filter(|_| is_cap) else { continue };
                    let prefix = format!("{label} → ");
                    if let Some(k) = notes_segments.iter().position(|n| n.starts_with(&prefix)) {
                        let seg = notes_segments.remove(k);
                        let text = seg
                            .get(prefix.len()..)
                            .unwrap_or("")
                            .split_once(':')
                            .map_or(String::new(), |(_, t)| t.trim().to_string());
                        outcomes.insert(ti, text);
                    }
                }
            }
            main.retain(|i| !outcomes.contains_key(i));
            let activity_lines = cell(ColumnKind::Activity);
            let n = main.len();
            for (k, &sym_i) in main.iter().enumerate() {
                let Some(sym) = s.symbols.get(sym_i) else { continue };
                let continues = k > 0 || (number.is_none() && last_row.is_some());
                let row = if continues { last_row } else { number.or(last_row.map(|r| r + 1)) };
                let mut step = DraftStep {
                    id: String::new(),
                    same_row: continues,
                    kind: "process",
                    actor: actor_of(s, sym.column).unwrap_or_default(),
                    ..DraftStep::default()
                };
                if !continues {
                    step.row = number.filter(|&r| Some(r) != last_row.map(|l| l + 1).or(Some(1)));
                    last_row = row;
                }
                step.id = match (row, continues) {
                    (Some(r), false) => format!("langkah_{r}"),
                    (Some(r), true) => format!("langkah_{r}_{}", k + 1),
                    (None, _) => format!("langkah_{}", steps.len() + 1),
                };
                while steps.iter().any(|x| x.id == step.id) {
                    step.id.push_str("_b");
                }
                if sym.straddles {
                    step.unsettled.push(w.straddles.to_string());
                }
                // The activity: the lines beside this symbol's band when
                // the row has several, else all of them.
                let mine: Vec<String> = if n > 1 {
                    let bound = |j: usize| -> f64 {
                        let a = main.get(j.wrapping_sub(1)).and_then(|&i| s.symbols.get(i));
                        let b = main.get(j).and_then(|&i| s.symbols.get(i));
                        match (a, b) {
                            (Some(a), Some(b)) => (a.rect.center().y + b.rect.center().y) / 2.0,
                            _ => y0,
                        }
                    };
                    let part = |k: usize| -> Vec<String> {
                        let lo = if k == 0 { y0 } else { bound(k) };
                        let hi = if k + 1 == n { y1 } else { bound(k + 1) };
                        activity_lines
                            .iter()
                            .filter(|(y, _)| *y >= lo && *y < hi)
                            .map(|(_, t)| t.clone())
                            .collect()
                    };
                    // Split by height only when every symbol has its own
                    // lines (as `sopmap document` prints a shared row);
                    // else the row's text is its first step's.
                    if (0..n).all(|j| !part(j).is_empty()) {
                        part(k)
                    } else if k == 0 {
                        activity_lines.iter().map(|(_, t)| t.clone()).collect()
                    } else {
                        Vec::new()
                    }
                } else {
                    activity_lines.iter().map(|(_, t)| t.clone()).collect()
                };
                let activity = join_lines(&mine);
                step.activity = Some(activity).filter(|a| !a.is_empty());
                step.kind = match sym.shape {
                    Shape::Box => "process",
                    Shape::Decision => "decision",
                    _ => {
                        let t = sym.text.to_lowercase();
                        let has_in = incoming.contains_key(&(si, sym_i));
                        let has_out = out.contains_key(&(si, sym_i));
                        let first = steps.is_empty();
                        if t.contains("mulai") || t.contains("start") {
                            "start"
                        } else if t.contains("selesai") || t.contains("end") {
                            "end"
                        } else if has_in != has_out {
                            if has_out { "start" } else { "end" }
                        } else if first {
                            "start"
                        } else {
                            "end"
                        }
                    }
                };
                if matches!(step.kind, "start" | "end")
                    && step.activity.as_deref().is_some_and(|a| a == "Mulai" || a == "Selesai")
                {
                    step.activity = None;
                }
                if sym.double {
                    step.sub_sop = Some(String::new());
                }
                if k == 0 {
                    fill_mutu(
                        &mut step,
                        &cell(ColumnKind::Requirements),
                        &cell(ColumnKind::Time),
                        &cell(ColumnKind::Output),
                        w,
                    );
                    let (notes, sub) = notes_and_sub(&notes_segments);
                    step.notes = notes;
                    if let Some(sub) = sub
                        && step.sub_sop.is_some()
                    {
                        step.sub_sop = Some(sub);
                    }
                }
                if step.sub_sop.as_deref() == Some("") {
                    step.sub_sop = Some(format!(
                        "{}-mikro",
                        slug(step.activity.as_deref().unwrap_or("sub-sop"), '-', 40)
                    ));
                    step.unsettled.push(w.sub_sop_guessed.to_string());
                } else if step.sub_sop.is_some() {
                    step.unsettled.push(w.sub_sop_guessed.to_string());
                }
                if k == 0 {
                    for &wi in &with {
                        if let Some(a) = s.symbols.get(wi).and_then(|x| actor_of(s, x.column))
                            && a != step.actor
                            && !step.with.contains(&a)
                        {
                            step.with.push(a);
                        }
                    }
                }
                step_of.insert((si, sym_i), steps.len());
                steps.push(step);
            }
            // Outcomes go on the decision's branches below; remember them.
            for (cap, text) in outcomes {
                texts.insert((si, cap), text);
            }
            // Long labels written in full in Keterangan: "short… = full".
            let long: Vec<(String, String)> = notes_segments
                .iter()
                .filter_map(|n| n.split_once(" = "))
                .filter(|(s, _)| s.ends_with('…'))
                .map(|(s, f)| (s.to_string(), f.to_string()))
                .collect();
            full.extend(long);
        }
    }
    // Arrows into steps.
    let ids: Vec<String> = steps.iter().map(|s| s.id.clone()).collect();
    for (from, targets) in &out {
        let Some(&si) = step_of.get(from) else { continue };
        let Some(step) = steps.get_mut(si) else { continue };
        let mut guessed = false;
        for (target, label, headless) in targets {
            guessed |= *headless;
            let next = step_of.get(target).and_then(|&t| ids.get(t)).cloned();
            let outcome = texts.get(target).cloned();
            if step.kind == "decision" {
                let label = label
                    .clone()
                    .map(|l| full.iter().find(|(s, _)| *s == l).map_or(l, |(_, f)| f.clone()));
                let label = label.unwrap_or_else(|| {
                    step.unsettled.push(w.branch_unlabelled.to_string());
                    "?".to_string()
                });
                match (next, outcome) {
                    (_, Some(o)) => {
                        step.branches.push(DraftBranch { label, next: None, outcome: Some(o) })
                    }
                    (Some(n), None) => {
                        step.branches.push(DraftBranch { label, next: Some(n), outcome: None })
                    }
                    (None, None) => step.unsettled.push(w.arrow_to_nothing.to_string()),
                }
            } else if step.kind == "end" {
                step.unsettled.push(w.arrow_from_end.to_string());
            } else if step.next.is_none() {
                step.next = next;
            } else {
                step.unsettled.push(format!("{}: {}", w.extra_arrow, next.unwrap_or_default()));
            }
        }
        if guessed {
            step.unsettled.push(w.no_arrowhead.to_string());
        }
    }
    // A step the arrows leave without a way on: the next row, marked.
    let n = steps.len();
    for i in 0..n {
        let following = ids.get(i + 1).cloned();
        let Some(step) = steps.get_mut(i) else { continue };
        let stuck = match step.kind {
            "start" | "process" => step.next.is_none(),
            "decision" => step.branches.is_empty(),
            _ => false,
        };
        if stuck && let Some(f) = following {
            step.unsettled.push(w.next_by_row.to_string());
            if step.kind == "decision" {
                step.branches.push(DraftBranch { label: "?".into(), next: Some(f), outcome: None });
            } else {
                step.next = Some(f);
            }
        }
    }
    if !pictured_rows.is_empty() {
        let rows: Vec<String> = pictured_rows.iter().map(i64::to_string).collect();
        unsettled.push(format!("{} {}", w.symbols_pictured, rows.join(", ")));
    }
    Flowchart { actors, steps, unsettled }
}

/// Whether a picture covers part of the actor columns of the band `y0..y1`:
/// the symbols of that row were pasted as an image, which is not read.
fn pictured(pictures: &[Rect], table: &Table, y0: f64, y1: f64) -> bool {
    let actors: Vec<&grid::Column> = table.actor_columns().map(|(_, c)| c).collect();
    let (Some(first), Some(last)) = (actors.first(), actors.last()) else { return false };
    pictures.iter().any(|r| {
        // Small pictures (a logo, a QR code, an arrowhead) are not a table.
        r.w() >= 20.0
            && r.h() >= 20.0
            && r.x0 < last.x1
            && r.x1 > first.x0
            && r.y0 < y1
            && r.y1 > y0
    })
}

/// The lines of a cell with their heights.
fn lines_with_y(words: &[super::words::Word], r: Rect) -> Vec<(f64, String)> {
    let mut inside: Vec<&super::words::Word> =
        words.iter().filter(|w| r.contains(w.rect.center())).collect();
    inside.sort_by(|a, b| a.line.cmp(&b.line).then(a.rect.x0.total_cmp(&b.rect.x0)));
    let mut lines: Vec<(f64, f64, usize, String)> = Vec::new();
    for w in inside {
        match lines.last_mut() {
            Some((_, _, l, t)) if *l == w.line => {
                t.push(' ');
                t.push_str(&w.text);
            }
            _ => lines.push((w.rect.center().y, w.rect.x0, w.line, w.text.clone())),
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    lines.into_iter().map(|(y, _, _, t)| (y, t)).collect()
}

/// Keterangan split where `sopmap document` starts a remark of its own:
/// "(lihat SOP …)", "Pengganti: …", "label → selesai…", "short… = full".
fn segments(lines: &[(f64, String)]) -> Vec<String> {
    let mut segs: Vec<Vec<String>> = Vec::new();
    for (_, l) in lines {
        let t = l.trim_start();
        let starts = t.starts_with("(lihat SOP")
            || t.starts_with("(see SOP")
            || t.starts_with("Pengganti:")
            || t.starts_with("Substitute:")
            || t.split(" → ").next().is_some_and(|h| h.len() < t.len() && h.chars().count() <= 40)
            || t.contains("… = ");
        if starts || segs.is_empty() {
            segs.push(vec![l.clone()]);
        } else if let Some(s) = segs.last_mut() {
            s.push(l.clone());
        }
    }
    segs.iter().map(|s| join_lines(s)).collect()
}

/// The remarks proper, and the sub-SOP named by "(lihat SOP …)".
fn notes_and_sub(segs: &[String]) -> (Option<String>, Option<String>) {
    let mut notes = Vec::new();
    let mut sub = None;
    for s in segs {
        if let Some(rest) = s.strip_prefix("(lihat SOP ").or_else(|| s.strip_prefix("(see SOP ")) {
            let named = rest.trim_end_matches(')');
            // "NUMBER Title": the title, without the number, names it.
            let title = named.split_once(' ').map_or(named, |(_, t)| t);
            sub = Some(slug(title, '-', 60));
        } else if s.contains("… = ") || s.starts_with("Pengganti:") || s.starts_with("Substitute:")
        {
            continue;
        } else {
            notes.push(s.clone());
        }
    }
    (Some(notes.join("\n")).filter(|n| !n.is_empty()), sub)
}

/// Kelengkapan (bulleted items), Waktu (a duration, else a note; the
/// waiting mark), Output.
fn fill_mutu(
    step: &mut DraftStep,
    req: &[(f64, String)],
    time: &[(f64, String)],
    output: &[(f64, String)],
    w: &ImportWords,
) {
    let mut items: Vec<Vec<String>> = Vec::new();
    for (_, l) in req {
        let t = l.trim_start();
        let bullet = ["• ", "- ", "· "].iter().find_map(|b| t.strip_prefix(b));
        match (bullet, items.last_mut()) {
            (Some(rest), _) => items.push(vec![rest.to_string()]),
            (None, Some(last)) => last.push(t.to_string()),
            (None, None) => items.push(vec![t.to_string()]),
        }
    }
    step.requirements = items.iter().map(|i| join_lines(i)).filter(|s| !s.is_empty()).collect();
    let lines: Vec<String> = time.iter().map(|(_, t)| t.clone()).collect();
    let mut t = join_lines(&lines);
    for mark in ["(menunggu pihak luar)", "(waiting on an outside party)"] {
        if t.contains(mark) {
            step.wait = true;
            t = t.replace(mark, "").trim().to_string();
        }
    }
    if !t.is_empty() {
        if crate::duration::parse(&t).is_ok() {
            step.time = Some(t);
        } else {
            step.unsettled.push(w.time_as_note.to_string());
            step.time_note = Some(t);
        }
    }
    let lines: Vec<String> = output.iter().map(|(_, t)| t.clone()).collect();
    step.output = Some(join_lines(&lines)).filter(|s| !s.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Column;

    fn table() -> Table {
        let col = |x0: f64, x1: f64, kind: ColumnKind| Column { x0, x1, kind };
        Table {
            columns: vec![
                col(0.0, 20.0, ColumnKind::No),
                col(20.0, 200.0, ColumnKind::Activity),
                col(200.0, 300.0, ColumnKind::Actor("Kepala".into())),
                col(300.0, 400.0, ColumnKind::Actor("Staf".into())),
                col(400.0, 500.0, ColumnKind::Output),
            ],
            x0: 0.0,
            x1: 500.0,
            top: 0.0,
            header_bottom: 40.0,
            bands: vec![(40.0, 100.0), (100.0, 160.0)],
        }
    }

    #[test]
    fn a_picture_over_the_actor_columns_of_a_row_marks_it_pictured() {
        let t = table();
        let picture = [Rect::new(210.0, 45.0, 380.0, 150.0)];
        assert!(pictured(&picture, &t, 40.0, 100.0));
        assert!(pictured(&picture, &t, 100.0, 160.0));
        // Beside the actor columns (a signature, a stamp in Output) or
        // small (a QR code corner, an arrowhead): not the row's symbols.
        assert!(!pictured(&[Rect::new(410.0, 45.0, 490.0, 150.0)], &t, 40.0, 100.0));
        assert!(!pictured(&[Rect::new(250.0, 50.0, 260.0, 60.0)], &t, 40.0, 100.0));
        // Another row's picture.
        assert!(!pictured(&[Rect::new(210.0, 110.0, 380.0, 150.0)], &t, 40.0, 100.0));
    }
}
