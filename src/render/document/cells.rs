//! The text of one flowchart row, cell by cell, wrapped to its column:
//! Kegiatan, the Mutu Baku columns (Kelengkapan as a bulleted list, Waktu
//! with a note for waiting steps) and Keterangan (with the SOP that
//! details a `sub_sop` step); and the row height the text needs.

use super::LinkedSops;
use super::flowchart::{
    CELL_FONT, Cell, Column, ColumnKind, LINE_HEIGHT, Line, MIN_ROW_HEIGHT, PAD_X, PAD_Y,
};
use super::text::wrap;
use crate::lang::Lang;
use crate::model::Step;

/// The text cells of one row and the row's height.
pub(super) fn cells(
    i: usize,
    step: &Step,
    columns: &[Column],
    lang: Lang,
    cat: &LinkedSops,
) -> (Vec<Cell>, f64) {
    let labels = lang.labels();
    let mut out = Vec::new();
    for (ci, c) in columns.iter().enumerate() {
        let width = c.w - 2.0 * PAD_X;
        let plain = |text: &str| -> Vec<Line> {
            wrap(text, CELL_FONT, width).into_iter().map(|t| Line { text: t, dx: 0.0 }).collect()
        };
        let lines = match c.kind {
            ColumnKind::No => plain(&(i + 1).to_string()),
            ColumnKind::Activity => plain(step.activity.as_ref().map_or("", |a| a.as_str())),
            ColumnKind::Actor(_) | ColumnKind::Channel => continue,
            ColumnKind::Requirements => {
                let bullet = "• ";
                let indent = CELL_FONT.width(bullet);
                let mut lines = Vec::new();
                for r in &step.requirements {
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
                let mut text = match (&step.time, &step.time_note) {
                    (Some(t), _) => duration_text(&t.value, lang),
                    (None, Some(n)) => n.value.clone(),
                    (None, None) => String::new(),
                };
                if step.wait {
                    text.push_str(&format!("\n({})", labels.waiting));
                }
                plain(&text)
            }
            ColumnKind::Output => plain(step.output.as_ref().map_or("", |o| o.as_str())),
            ColumnKind::Notes => {
                let mut text = step.notes.as_ref().map_or(String::new(), |n| n.value.clone());
                if let Some(sub) = &step.sub_sop {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&format!("({} {})", labels.see_sop, cat.describe(sub.as_str())));
                }
                plain(&text)
            }
        };
        out.push(Cell { column: ci, lines });
    }
    let tallest = out.iter().map(|c| c.lines.len()).max().unwrap_or(1) as f64;
    let h = (tallest * LINE_HEIGHT + 2.0 * PAD_Y).max(MIN_ROW_HEIGHT);
    (out, h)
}

/// A duration in the document's language.
pub fn duration_text(d: &crate::duration::Duration, lang: Lang) -> String {
    match lang {
        Lang::Id => d.to_string(),
        Lang::En => {
            let unit = d.unit.english(d.max != 1);
            if d.min == d.max {
                format!("{} {unit}", d.max)
            } else {
                format!("{}-{} {unit}", d.min, d.max)
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
        let d = Duration { min: 1, max: 3, unit: Unit::HariKerja };
        assert_eq!(duration_text(&d, Lang::Id), "1-3 hari kerja");
        assert_eq!(duration_text(&d, Lang::En), "1-3 working days");
        let one = Duration { min: 1, max: 1, unit: Unit::Jam };
        assert_eq!(duration_text(&one, Lang::En), "1 hour");
    }
}
