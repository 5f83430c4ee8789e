//! The text of one flowchart row, cell by cell, wrapped to its column:
//! Kegiatan, the Mutu Baku columns (Kelengkapan as a bulleted list, Waktu
//! with a note for waiting steps) and Keterangan (with the SOP that
//! details a `sub_sop` step, the substitute actors and the branches that
//! end the procedure); and the row height the text needs.
//!
//! A numbered row of several steps (`same_row`) drawn side by side has one
//! band ([`row_cells`]): the row's number, Mutu Baku and Kegiatan, and the
//! remarks of all its steps. Drawn stacked, a step that continues the row
//! is a band of its own: its No and Mutu Baku cells stay empty (the row's
//! are on its first step) and only its own activity and remarks are
//! written.

use super::LinkedSops;
use super::flowchart::{
    CELL_FONT, Cell, Column, ColumnKind, LINE_HEIGHT, Line, MIN_ROW_HEIGHT, PAD_X, PAD_Y,
};
use super::labels::branch_labels;
use super::text::wrap;
use crate::lang::Lang;
use crate::model::{Rows, Sop, Step};
use crate::render::step_text;

/// The text cells of step `i`'s band of the table and its height.
pub(super) fn cells(
    i: usize,
    sop: &Sop,
    numbering: &Rows,
    columns: &[Column],
    lang: Lang,
    cat: &LinkedSops,
) -> (Vec<Cell>, f64) {
    let labels = lang.labels();
    let mut out = Vec::new();
    let Some(step) = sop.steps.get(i) else { return (out, MIN_ROW_HEIGHT) };
    let opens = numbering.is_first(i);
    let alone = numbering.row_of(i).is_none_or(|r| r.len() == 1);
    // A continued row's Mutu Baku is its first step's, printed there.
    let mutu: Option<&Step> = opens.then_some(step);
    for (ci, c) in columns.iter().enumerate() {
        let width = c.w - 2.0 * PAD_X;
        let plain = |text: &str| -> Vec<Line> {
            wrap(text, CELL_FONT, width).into_iter().map(|t| Line { text: t, dx: 0.0 }).collect()
        };
        let lines = match c.kind {
            ColumnKind::No if opens => plain(&numbering.number(i).to_string()),
            ColumnKind::No => Vec::new(),
            // A bare capsule in a row of several steps: its symbol says
            // "Mulai"/"Selesai", the row's activity is the others'.
            ColumnKind::Activity if step.activity_str().is_none() && !alone => Vec::new(),
            ColumnKind::Activity => plain(step_text::activity(step, lang)),
            ColumnKind::Actor(_) | ColumnKind::Channel => continue,
            ColumnKind::Requirements => {
                let bullet = "• ";
                let indent = CELL_FONT.width(bullet);
                let mut lines = Vec::new();
                for r in mutu.map_or(&[][..], |m| m.requirements.as_slice()) {
                    for (k, t) in
                        wrap(r.as_str(), CELL_FONT, width - indent).into_iter().enumerate()
                    {
                        if k == 0 {
                            lines.push(Line { text: format!("{bullet}{t}"), dx: 0.0 });
                        } else {
                            lines.push(Line { text: t, dx: indent });
                        }
                    }
                }
                lines
            }
            ColumnKind::Time => {
                let mut text = match mutu.map(|m| (&m.time, &m.time_note)) {
                    Some((Some(t), _)) => duration_text(&t.value, lang),
                    Some((None, Some(n))) => n.value.clone(),
                    _ => String::new(),
                };
                if mutu.is_some_and(|m| m.wait) {
                    text.push_str(&format!("\n({})", labels.waiting));
                }
                plain(&text)
            }
            ColumnKind::Output => {
                plain(mutu.and_then(|m| m.output.as_ref()).map_or("", |o| o.as_str()))
            }
            ColumnKind::Notes => {
                let mut text = step.notes.as_ref().map_or(String::new(), |n| n.value.clone());
                let extra = step_text::alternate_note(sop, step, lang)
                    .into_iter()
                    .chain(step.branches.iter().filter_map(|b| step_text::outcome_note(b, lang)));
                for note in extra {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&note);
                }
                if let Some(sub) = &step.sub_sop {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&format!("({} {})", labels.see_sop, cat.describe(sub.as_str())));
                }
                // Branch labels too long for the flowchart are shortened
                // there; the full wording is kept here.
                for (b, shown) in step.branches.iter().zip(branch_labels(step, columns)) {
                    let (Some(label), Some((short, true))) = (&b.label, shown) else { continue };
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&format!("{short} = {}", label.value));
                }
                plain(&text)
            }
        };
        out.push(Cell { column: ci, lines });
    }
    let h = height(&out);
    (out, h)
}

/// The text cells of a numbered row drawn side by side in one band, and
/// its height: its number and Mutu Baku (its first step's), one Kegiatan
/// for the row (as `table` prints it), and every step's remarks.
pub(super) fn row_cells(
    row: &crate::model::Row,
    sop: &Sop,
    numbering: &Rows,
    columns: &[Column],
    lang: Lang,
    cat: &LinkedSops,
) -> (Vec<Cell>, f64) {
    let (mut out, _) = cells(row.first, sop, numbering, columns, lang, cat);
    let activity = step_text::row_activity(sop, row, lang);
    let rest: Vec<Vec<Cell>> =
        row.steps().skip(1).map(|i| cells(i, sop, numbering, columns, lang, cat).0).collect();
    for cell in &mut out {
        let Some(c) = columns.get(cell.column) else { continue };
        match c.kind {
            ColumnKind::Activity => {
                cell.lines = wrap(&activity, CELL_FONT, c.w - 2.0 * PAD_X)
                    .into_iter()
                    .map(|t| Line { text: t, dx: 0.0 })
                    .collect();
            }
            ColumnKind::Notes => {
                for other in &rest {
                    let more = other.iter().find(|o| o.column == cell.column);
                    cell.lines.extend(more.into_iter().flat_map(|o| o.lines.iter().cloned()));
                }
            }
            _ => {}
        }
    }
    let h = height(&out);
    (out, h)
}

/// The height a band needs for its tallest cell.
fn height(cells: &[Cell]) -> f64 {
    let tallest = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1) as f64;
    (tallest * LINE_HEIGHT + 2.0 * PAD_Y).max(MIN_ROW_HEIGHT)
}

/// A duration in the document's language.
pub fn duration_text(d: &crate::duration::Duration, lang: Lang) -> String {
    match lang {
        Lang::Id => d.to_string(),
        Lang::En => {
            use crate::duration::Bound;
            let unit = d.unit.english(d.max != 1);
            let amount =
                if d.min == d.max { format!("{}", d.max) } else { format!("{}-{}", d.min, d.max) };
            let bound = match d.bound {
                Bound::Exact => "",
                Bound::AtMost => "at most ",
                Bound::About => "about ",
                Bound::AtLeast => "at least ",
            };
            // The condition stays in the author's words.
            match &d.condition {
                Some(c) => format!("{bound}{amount} {unit} ({c})"),
                None => format!("{bound}{amount} {unit}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::duration::{Duration, Unit};

    #[test]
    fn durations_in_both_languages() {
        let d = Duration::new(1, 3, Unit::HariKerja);
        assert_eq!(duration_text(&d, Lang::Id), "1-3 hari kerja");
        assert_eq!(duration_text(&d, Lang::En), "1-3 working days");
        let one = Duration::new(1, 1, Unit::Jam);
        assert_eq!(duration_text(&one, Lang::En), "1 hour");
        let Ok(w) = crate::duration::parse("Maks. 15 menit terhitung berkas lengkap") else {
            panic!("parse")
        };
        assert_eq!(duration_text(&w, Lang::Id), "Maks. 15 menit terhitung berkas lengkap");
        assert_eq!(duration_text(&w, Lang::En), "at most 15 minutes (terhitung berkas lengkap)");
    }
}
