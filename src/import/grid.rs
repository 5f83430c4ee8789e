//! Table rules and the flowchart table's grid. Rules are read from both
//! ways PDF producers draw them: stroked lines (Chromium) and thin filled
//! rectangles, often one per cell edge (FPDF); collinear pieces are
//! merged. The flowchart table is the grid whose header names the SOP AP
//! columns (No, Kegiatan, Pelaksana…, Kelengkapan, Waktu, Output,
//! Keterangan); its full-width rules cut the body into rows.

use super::Page;
use super::geometry::{Point, Rect};
use super::words::Word;

/// A horizontal (`at` = y, from/to = x) or vertical (`at` = x, from/to = y)
/// rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

impl Rule {
    pub fn len(&self) -> f64 {
        self.to - self.from
    }

    fn covers(&self, v: f64, tol: f64) -> bool {
        v >= self.from - tol && v <= self.to + tol
    }
}

/// The merged rules of a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    pub horizontal: Vec<Rule>,
    pub vertical: Vec<Rule>,
}

/// Thickest line still read as a rule when drawn as a filled rectangle.
const THIN: f64 = 2.0;

/// The dark, solid, axis-parallel lines of a page, merged.
pub fn rules(page: &Page) -> Rules {
    let (mut h, mut v) = (Vec::new(), Vec::new());
    for p in &page.drawing.paths {
        if p.stroke.is_some_and(|c| c.is_dark()) && !p.dashed {
            for s in &p.subpaths {
                let closing = s.closed.then(|| (s.points.last(), s.points.first()));
                let pairs = s.points.windows(2).filter_map(|w| match w {
                    [a, b] => Some((*a, *b)),
                    _ => None,
                });
                let extra = closing.and_then(|(a, b)| Some((*a?, *b?)));
                for (a, b) in pairs.chain(extra) {
                    push_segment(a, b, &mut h, &mut v);
                }
            }
        } else if p.stroke.is_none() && p.fill.is_some_and(|c| c.is_dark()) {
            for s in &p.subpaths {
                let Some(r) = Rect::around(s.points.iter().copied()) else { continue };
                if r.h() <= THIN && r.w() > 3.0 {
                    h.push(Rule { at: r.center().y, from: r.x0, to: r.x1 });
                } else if r.w() <= THIN && r.h() > 3.0 {
                    v.push(Rule { at: r.center().x, from: r.y0, to: r.y1 });
                }
            }
        }
    }
    Rules { horizontal: merge(h), vertical: merge(v) }
}

fn push_segment(a: Point, b: Point, h: &mut Vec<Rule>, v: &mut Vec<Rule>) {
    if (a.y - b.y).abs() < 0.5 && (a.x - b.x).abs() > 3.0 {
        h.push(Rule { at: (a.y + b.y) / 2.0, from: a.x.min(b.x), to: a.x.max(b.x) });
    } else if (a.x - b.x).abs() < 0.5 && (a.y - b.y).abs() > 3.0 {
        v.push(Rule { at: (a.x + b.x) / 2.0, from: a.y.min(b.y), to: a.y.max(b.y) });
    }
}

/// Collinear rules (within 1 pt) merged where they touch or nearly do.
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut lines: Vec<Vec<Rule>> = Vec::new();
    for r in rules {
        match lines.last_mut() {
            Some(line) if line.first().is_some_and(|f| (r.at - f.at).abs() <= 1.0) => line.push(r),
            _ => lines.push(vec![r]),
        }
    }
    let mut out = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Rule> = None;
        for r in line {
            cur = match cur {
                Some(c) if r.from <= c.to + 2.0 => Some(Rule { to: c.to.max(r.to), ..c }),
                Some(c) => {
                    out.push(c);
                    Some(r)
                }
                None => Some(r),
            };
        }
        out.extend(cur);
    }
    out
}

/// The cell around `p`: bounded by the nearest rules on each side that
/// pass by `p`, or `None` when `p` is not enclosed.
pub fn cell_at(rules: &Rules, p: Point) -> Option<Rect> {
    let left = rules.vertical.iter().filter(|r| r.at < p.x && r.covers(p.y, 1.0)).map(|r| r.at);
    let right = rules.vertical.iter().filter(|r| r.at > p.x && r.covers(p.y, 1.0)).map(|r| r.at);
    let up = rules.horizontal.iter().filter(|r| r.at < p.y && r.covers(p.x, 1.0)).map(|r| r.at);
    let down = rules.horizontal.iter().filter(|r| r.at > p.y && r.covers(p.x, 1.0)).map(|r| r.at);
    Some(Rect::new(
        left.fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))?,
        up.fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))?,
        right.fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.min(v))))?,
        down.fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.min(v))))?,
    ))
}

/// What a column of the flowchart table holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ColumnKind {
    No,
    Activity,
    /// An actor column, with the name in its header.
    Actor(String),
    Requirements,
    Time,
    Output,
    Notes,
    /// A column the header does not name.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub x0: f64,
    pub x1: f64,
    pub kind: ColumnKind,
}

/// The flowchart table of one page.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    /// The rule under the header.
    pub header_bottom: f64,
    /// The body's bands between full-width rules, top to bottom.
    pub bands: Vec<(f64, f64)>,
}

impl Table {
    pub fn column_at(&self, x: f64) -> Option<usize> {
        self.columns.iter().position(|c| x >= c.x0 && x < c.x1)
    }

    pub fn column_of(&self, kind: &ColumnKind) -> Option<&Column> {
        self.columns.iter().find(|c| &c.kind == kind)
    }

    /// Indices of the actor columns, in order.
    pub fn actor_columns(&self) -> impl Iterator<Item = (usize, &Column)> {
        self.columns.iter().enumerate().filter(|(_, c)| matches!(c.kind, ColumnKind::Actor(_)))
    }
}

/// The header word that names a column's kind ("Kegiatan",
/// "Aktivitas/Kegiatan", "Persyaratan/", "Ket." …).
fn header_kind(text: &str) -> Option<ColumnKind> {
    let t = text.to_lowercase();
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    Some(match t {
        "no" | "nomor" => ColumnKind::No,
        "waktu" => ColumnKind::Time,
        "output" | "keluaran" => ColumnKind::Output,
        "keterangan" | "ket" => ColumnKind::Notes,
        "uraian" => ColumnKind::Activity,
        _ if t.starts_with("kegiatan")
            || t.starts_with("aktivitas")
            || t.ends_with("/kegiatan") =>
        {
            ColumnKind::Activity
        }
        _ if t.starts_with("kelengkapan") || t.starts_with("persyaratan") => {
            ColumnKind::Requirements
        }
        _ => return None,
    })
}

/// A page that continues the table of `prev` without repeating its
/// header: the same column edges, full-width rules between rows.
pub fn continuation_table(rules: &Rules, prev: &Table) -> Option<Table> {
    let width = prev.x1 - prev.x0;
    let mut ys: Vec<f64> = rules
        .horizontal
        .iter()
        .filter(|r| {
            (r.from - prev.x0).abs() < 4.0 && (r.to - prev.x1).abs() < 4.0 && r.len() > 0.9 * width
        })
        .map(|r| r.at)
        .collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let (top, bottom) = (*ys.first()?, *ys.last()?);
    if bottom - top < 20.0 {
        return None;
    }
    let edges: Vec<f64> =
        prev.columns.iter().map(|c| c.x0).chain(prev.columns.last().map(|c| c.x1)).collect();
    let found = edges
        .iter()
        .filter(|x| {
            rules
                .vertical
                .iter()
                .any(|v| (v.at - **x).abs() < 2.0 && v.len() > 0.3 * (bottom - top))
        })
        .count();
    if found * 10 < edges.len() * 7 {
        return None;
    }
    let bands = ys
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if b - a > 2.0 => Some((*a, *b)),
            _ => None,
        })
        .collect();
    Some(Table {
        columns: prev.columns.clone(),
        x0: prev.x0,
        x1: prev.x1,
        top,
        header_bottom: top,
        bands,
    })
}

/// The flowchart table of `page`, when the page has one.
pub fn flowchart_table(page: &Page, rules: &Rules) -> Option<Table> {
    let words = &page.words;
    let has = |k: ColumnKind| words.iter().any(|w| header_kind(&w.text) == Some(k.clone()));
    if !(has(ColumnKind::Activity) && has(ColumnKind::Time)) {
        return None;
    }
    // The Kegiatan head with a Waktu head to its right, then the
    // "Pelaksana" over the actor columns right of it (not the word in
    // Kualifikasi Pelaksana or Peringatan above). Tables that name the
    // actors without it are anchored on Kegiatan.
    words
        .iter()
        .filter(|w| {
            header_kind(&w.text) == Some(ColumnKind::Activity)
                && words.iter().any(|t| {
                    header_kind(&t.text) == Some(ColumnKind::Time)
                        && (t.rect.y0 - w.rect.y0).abs() < 40.0
                        && t.rect.x0 > w.rect.x1
                })
        })
        .find_map(|a| table_from(words, rules, a))
}

/// The table whose Kegiatan head is `activity`.
fn table_from(words: &[Word], rules: &Rules, activity: &Word) -> Option<Table> {
    let longest = rules.horizontal.iter().map(Rule::len).fold(0.0, f64::max);
    // The table's top: the last full-width rule above its Kegiatan head.
    let above = rules
        .horizontal
        .iter()
        .filter(|r| r.len() >= 0.9 * longest && r.at <= activity.rect.y0 + 1.0)
        .map(|r| r.at)
        .fold(f64::NEG_INFINITY, f64::max);
    let pelaksana = words
        .iter()
        .filter(|p| {
            p.text.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()) == "pelaksana"
                && p.rect.x0 > activity.rect.x1
                && p.rect.y0 >= above - 1.0
                && p.rect.y0 <= activity.rect.y1 + 2.0
        })
        .min_by(|a, b| a.rect.y0.total_cmp(&b.rect.y0))
        .unwrap_or(activity);
    let named_pelaksana = header_kind(&pelaksana.text).is_none();
    let full: Vec<&Rule> = rules.horizontal.iter().filter(|r| r.len() >= 0.9 * longest).collect();
    let x0 = full.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
    let x1 = full.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
    // The table is the one around the "Pelaksana" head.
    let top = full
        .iter()
        .map(|r| r.at)
        .filter(|&y| y <= pelaksana.rect.y0 + 1.0)
        .fold(f64::NEG_INFINITY, f64::max);
    if !top.is_finite() {
        return None;
    }
    let mut ys: Vec<f64> = full.iter().map(|r| r.at).filter(|&y| y >= top).collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let bottom = *ys.last()?;
    let head_words: Vec<&Word> = words
        .iter()
        .filter(|w| w.rect.y0 >= top && w.rect.y1 <= bottom && header_kind(&w.text).is_some())
        .collect();
    // The header ends under the topmost word of each kind (body text can
    // hold the same words further down).
    let mut topmost: Vec<(ColumnKind, f64)> = Vec::new();
    for w in &head_words {
        let Some(k) = header_kind(&w.text) else { continue };
        match topmost.iter_mut().find(|(t, _)| *t == k) {
            Some((_, y)) if *y <= w.rect.y0 => {}
            Some((_, y)) => *y = w.rect.y0,
            None => topmost.push((k, w.rect.y0)),
        }
    }
    let head_words: Vec<&Word> = head_words
        .into_iter()
        .filter(|w| {
            let k = header_kind(&w.text);
            topmost.iter().any(|(t, y)| Some(t) == k.as_ref() && (w.rect.y0 - y).abs() < 1.0)
        })
        .collect();
    let head_low = head_words.iter().map(|w| w.rect.y1).fold(pelaksana.rect.y1, f64::max);
    let header_bottom = ys.iter().copied().find(|&y| y > head_low)?;
    let mut xs: Vec<f64> = rules
        .vertical
        .iter()
        .filter(|r| r.at >= x0 - 2.0 && r.at <= x1 + 2.0)
        .filter(|r| r.covers(header_bottom + 2.0, 0.0) && r.to - r.from >= 0.3 * (bottom - top))
        .map(|r| r.at)
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    let mut columns: Vec<Column> = xs
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(Column { x0: *a, x1: *b, kind: ColumnKind::Other }),
            _ => None,
        })
        .collect();
    for c in columns.iter_mut() {
        let kind = head_words
            .iter()
            .filter(|w| w.rect.y1 <= header_bottom)
            .filter(|w| {
                let x = w.rect.center().x;
                x >= c.x0 && x < c.x1
            })
            .find_map(|w| header_kind(&w.text));
        if let Some(k) = kind {
            c.kind = k;
        }
    }
    let act = columns.iter().position(|c| c.kind == ColumnKind::Activity)?;
    let mutu = columns
        .iter()
        .position(|c| {
            matches!(c.kind, ColumnKind::Requirements | ColumnKind::Time | ColumnKind::Output)
        })
        .filter(|&m| m > act + 1)?;
    let name_top = if named_pelaksana { pelaksana.rect.y1 } else { top };
    for c in columns.iter_mut().take(mutu).skip(act + 1) {
        let r = Rect::new(c.x0, name_top, c.x1, header_bottom);
        let below: Vec<Word> = words.iter().filter(|w| w.line != pelaksana.line).cloned().collect();
        c.kind = ColumnKind::Actor(join_lines(&text_in(&below, r)));
    }
    let bands = ys
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if *a >= header_bottom - 0.5 && b - a > 2.0 => Some((*a, *b)),
            _ => None,
        })
        .collect();
    Some(Table { columns, x0, x1, top, header_bottom, bands })
}

/// The lines of text whose words' centres lie in `r`, top to bottom, each
/// line's words joined with spaces.
pub fn text_in(words: &[Word], r: Rect) -> Vec<String> {
    let mut inside: Vec<&Word> = words.iter().filter(|w| r.contains(w.rect.center())).collect();
    inside.sort_by(|a, b| a.line.cmp(&b.line).then(a.rect.x0.total_cmp(&b.rect.x0)));
    let mut lines: Vec<(f64, f64, String)> = Vec::new();
    let mut last_line = usize::MAX;
    for w in inside {
        match lines.last_mut() {
            Some((_, _, t)) if w.line == last_line => {
                t.push(' ');
                t.push_str(&w.text);
            }
            _ => lines.push((w.rect.y0, w.rect.x0, w.text.clone())),
        }
        last_line = w.line;
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    lines.into_iter().map(|(_, _, t)| t).collect()
}

/// Wrapped lines joined back into one text: a line broken after `/` or
/// inside a word (a hyphen before a lower-case letter) joins without a
/// space.
pub fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for l in lines {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        if out.is_empty() || out.ends_with('/') {
            out.push_str(l);
        } else if out.ends_with('-')
            && out.chars().rev().nth(1).is_some_and(char::is_alphabetic)
            && l.chars().next().is_some_and(char::is_lowercase)
        {
            out.pop();
            out.push_str(l);
        } else {
            out.push(' ');
            out.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_cell_pieces_into_rules() {
        let m = merge(vec![
            Rule { at: 10.0, from: 0.0, to: 20.0 },
            Rule { at: 10.4, from: 21.0, to: 40.0 },
            Rule { at: 10.0, from: 50.0, to: 60.0 },
            Rule { at: 30.0, from: 0.0, to: 60.0 },
        ]);
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].from, m[0].to), (0.0, 40.0));
    }

    #[test]
    fn cell_around_a_point() {
        let rules = Rules {
            horizontal: vec![
                Rule { at: 0.0, from: 0.0, to: 100.0 },
                Rule { at: 50.0, from: 0.0, to: 100.0 },
            ],
            vertical: vec![
                Rule { at: 0.0, from: 0.0, to: 50.0 },
                Rule { at: 40.0, from: 0.0, to: 50.0 },
                Rule { at: 100.0, from: 0.0, to: 50.0 },
            ],
        };
        assert_eq!(
            cell_at(&rules, Point::new(60.0, 10.0)),
            Some(Rect::new(40.0, 0.0, 100.0, 50.0))
        );
        assert_eq!(cell_at(&rules, Point::new(60.0, 70.0)), None);
    }

    #[test]
    fn joins_wrapped_lines() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_lines(&l(&["CPMI/PMI/", "Keluarga"])), "CPMI/PMI/Keluarga");
        assert_eq!(join_lines(&l(&["Penanga-", "nan dan", "ke-1"])), "Penanganan dan ke-1");
    }
}
