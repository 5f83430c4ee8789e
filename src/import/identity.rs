//! The identity page (Bagian Identitas): the labelled cells on the right
//! (Nomor SOP, the dates, Disahkan oleh, Nama SOP), each read from the
//! cell right of its label; the agency block on the left; and the six
//! boxes below (Dasar Hukum … Pencatatan dan Pendataan), each read from
//! under its heading down to the next heading, numbered items split
//! apart. Boxes continued on following pages ("(lanjutan)") are joined.

use super::geometry::{Point, Rect};
use super::grid::{Rules, cell_at, join_lines, text_in};
use super::words::Word;

/// The identity fields as printed (dates and numbers kept as written).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    pub agency: Option<String>,
    pub unit: Option<String>,
    /// "makro" or "mikro" when the page says "SOP Makro/Mikro".
    pub level: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub created: Option<String>,
    pub revised: Option<String>,
    pub revision: Option<i64>,
    pub effective: Option<String>,
    pub position: Option<String>,
    pub name: Option<String>,
    pub nip: Option<String>,
    /// The six boxes, in [`BOXES`] order.
    pub boxes: [Vec<String>; 6],
}

/// The first words of the six boxes' headings, in order: Dasar Hukum,
/// Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan,
/// Pencatatan dan Pendataan.
pub const BOXES: [&str; 6] =
    ["dasar", "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan"];

fn norm(w: &str) -> String {
    w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// The first word of a label made of `parts`, matched on one line.
fn find_label<'a>(words: &'a [Word], parts: &[&str]) -> Option<&'a Word> {
    words.iter().enumerate().find_map(|(i, w)| {
        let ok = parts.iter().enumerate().all(|(k, p)| {
            words.get(i + k).is_some_and(|x| x.line == w.line && norm(&x.text).starts_with(p))
        });
        ok.then_some(w)
    })
}

/// The text of the cell right of the cell holding `label`.
fn value_right(words: &[Word], rules: &Rules, label: &Word) -> Option<(String, Vec<String>)> {
    let c = label.rect.center();
    let cell = cell_at(rules, c)?;
    let value = cell_at(rules, Point::new(cell.x1 + 2.0, c.y))?;
    let lines = text_in(words, value);
    Some((join_lines(&lines), lines))
}

/// Reads the identity fields of one identity page into `id`.
pub fn read_page(words: &[Word], rules: &Rules, id: &mut Identity) {
    let text = |parts: &[&str]| {
        find_label(words, parts).and_then(|l| value_right(words, rules, l)).map(|v| v.0)
    };
    let set = |slot: &mut Option<String>, v: Option<String>| {
        if slot.is_none() {
            *slot = v.filter(|s| !s.is_empty());
        }
    };
    set(&mut id.number, text(&["nomor", "sop"]));
    set(&mut id.title, text(&["nama", "sop"]));
    set(&mut id.created, text(&["tanggal", "pembuatan"]));
    set(
        &mut id.effective,
        text(&["tanggal", "efektif"]).or_else(|| text(&["tanggal", "pengesahan"])),
    );
    if id.revised.is_none()
        && let Some(r) = text(&["tanggal", "revisi"])
    {
        let (date, revision) = split_revision(&r);
        id.revised = Some(date).filter(|s| !s.is_empty());
        id.revision = revision;
    }
    if id.position.is_none()
        && let Some(label) = find_label(words, &["disahkan"])
        && let Some((_, lines)) = value_right(words, rules, label)
    {
        let lines: Vec<&String> =
            lines.iter().filter(|l| !l.trim_start().starts_with("(tanda tangan")).collect();
        let nip_at = lines.iter().position(|l| norm(l).starts_with("nip"));
        let (head, nip) = match nip_at {
            Some(i) => (lines.get(..i).unwrap_or(&[]), lines.get(i)),
            None => (&lines[..], None),
        };
        id.nip = nip.map(|l| {
            l.trim_start()
                .get(3..)
                .unwrap_or("")
                .trim_start_matches(['.', ':', ' '])
                .trim()
                .to_string()
        });
        let (position, name) = match (nip_at, head) {
            // Position, then name (and NIP under it when printed).
            (_, [p @ .., n]) if !p.is_empty() => (p.to_vec(), Some((*n).clone())),
            _ => (head.to_vec(), None),
        };
        let position: Vec<String> = position.into_iter().cloned().collect();
        id.position = Some(join_lines(&position)).filter(|s| !s.is_empty());
        id.name = name;
    }
    if id.agency.is_none()
        && let Some(nomor) = find_label(words, &["nomor", "sop"])
        && let Some(label_cell) = cell_at(rules, nomor.rect.center())
    {
        let left = rules
            .vertical
            .iter()
            .filter(|r| r.at < label_cell.x0 - 5.0 && r.from <= nomor.rect.center().y)
            .map(|r| r.at)
            .fold(f64::INFINITY, f64::min);
        if left.is_finite()
            && let Some(cell) = cell_at(rules, Point::new(left + 3.0, nomor.rect.center().y))
        {
            agency_block(words, cell, id);
        }
    }
    read_boxes(words, rules, id);
}

/// "28 Juni 2024 (Revisi ke-1)" → the date and the revision number.
fn split_revision(s: &str) -> (String, Option<i64>) {
    let lower = s.to_lowercase();
    let Some(at) = lower.find("(revisi") else { return (s.trim().to_string(), None) };
    let n = lower
        .get(at..)
        .unwrap_or("")
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok();
    (s.get(..at).unwrap_or("").trim().to_string(), n)
}

/// Agency, unit and level from the left cell of the identity table.
fn agency_block(words: &[Word], cell: Rect, id: &mut Identity) {
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    let mut inside: Vec<&Word> = words.iter().filter(|w| cell.contains(w.rect.center())).collect();
    inside.sort_by(|a, b| a.line.cmp(&b.line).then(a.rect.x0.total_cmp(&b.rect.x0)));
    let mut last_line = usize::MAX;
    for w in inside {
        if blocks.last().is_none_or(|(b, _)| *b != w.block) {
            blocks.push((w.block, Vec::new()));
        }
        if let Some((_, lines)) = blocks.last_mut() {
            match lines.last_mut() {
                Some(l) if w.line == last_line => {
                    l.push(' ');
                    l.push_str(&w.text);
                }
                _ => lines.push(w.text.clone()),
            }
        }
        last_line = w.line;
    }
    let mut texts: Vec<String> = Vec::new();
    for (_, lines) in blocks {
        let t = join_lines(&lines);
        let lower = t.to_lowercase();
        if lower == "logo" || t.is_empty() {
            continue;
        }
        if lower == "sop makro" || lower == "sop mikro" {
            id.level = lower.strip_prefix("sop ").map(str::to_string);
            continue;
        }
        texts.push(t);
    }
    match texts.as_slice() {
        [] => {}
        [one] => id.agency = Some(one.clone()),
        [first, rest @ ..] if rest.len() == 1 => {
            id.agency = Some(first.clone());
            id.unit = rest.first().cloned();
        }
        [most @ .., last] => {
            id.agency = Some(most.join(" "));
            id.unit = Some(last.clone());
        }
    }
}

/// The six boxes: each from under its heading to the next heading below.
fn read_boxes(words: &[Word], rules: &Rules, id: &mut Identity) {
    let heads: Vec<(usize, Rect)> = BOXES
        .iter()
        .enumerate()
        .filter_map(|(i, key)| {
            let w = words.iter().find(|w| norm(&w.text).starts_with(key))?;
            Some((i, cell_at(rules, w.rect.center())?))
        })
        .collect();
    for &(i, head) in &heads {
        let below = heads
            .iter()
            .filter(|(_, h)| h.y0 > head.y1 - 1.0 && h.x0 < head.x1 && h.x1 > head.x0)
            .map(|(_, h)| h.y0)
            .fold(f64::INFINITY, f64::min);
        let bottom = if below.is_finite() {
            below
        } else {
            rules
                .horizontal
                .iter()
                .filter(|r| r.from <= head.center().x && r.to >= head.center().x)
                .map(|r| r.at)
                .fold(head.y1, f64::max)
        };
        let region = Rect::new(head.x0, head.y1 + 0.5, head.x1, bottom - 0.5);
        let items = items(&visual_rows(words, region));
        if let Some(slot) = id.boxes.get_mut(i) {
            slot.extend(items);
        }
    }
}

/// The words in `r` grouped into visual rows (by height on the page),
/// each row's words in reading order.
fn visual_rows(words: &[Word], r: Rect) -> Vec<String> {
    let mut inside: Vec<&Word> = words.iter().filter(|w| r.contains(w.rect.center())).collect();
    inside.sort_by(|a, b| a.rect.center().y.total_cmp(&b.rect.center().y));
    let mut rows: Vec<(f64, Vec<&Word>)> = Vec::new();
    for w in inside {
        let cy = w.rect.center().y;
        match rows.last_mut() {
            Some((y, ws)) if (cy - *y).abs() < 2.5 => ws.push(w),
            _ => rows.push((cy, vec![w])),
        }
    }
    rows.into_iter()
        .map(|(_, mut ws)| {
            ws.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
            ws.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Numbered items ("1. …", "2) …") from rows; unnumbered text is one item.
fn items(rows: &[String]) -> Vec<String> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let (first, rest) = row.split_once(' ').unwrap_or((row.as_str(), ""));
        let numbered = first.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit())
            && first.chars().next().is_some_and(|c| c.is_ascii_digit())
            && first.len() <= 4;
        if numbered {
            out.push(vec![rest.to_string()]);
        } else if let Some(last) = out.last_mut() {
            last.push(row.clone());
        } else {
            out.push(vec![row.clone()]);
        }
    }
    out.iter().map(|l| join_lines(l)).filter(|s| !s.is_empty() && s != "-").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revision_in_the_date_cell() {
        assert_eq!(split_revision("28 Juni 2024 (Revisi ke-1)"), ("28 Juni 2024".into(), Some(1)));
        assert_eq!(split_revision("26 Mei 2025"), ("26 Mei 2025".into(), None));
    }

    #[test]
    fn numbered_items() {
        let rows: Vec<String> =
            ["1. Undang-Undang Nomor 25", "Tahun 2009", "2. Peraturan", "10. Lain"]
                .map(String::from)
                .to_vec();
        assert_eq!(items(&rows), vec!["Undang-Undang Nomor 25 Tahun 2009", "Peraturan", "Lain"]);
    }
}
