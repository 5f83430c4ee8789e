//! Arrows on one flowchart page: the open dark lines in the table body
//! that are not its rules, each with its two ends attached to the symbol
//! (or off-page connector) whose outline they touch; the end beside a
//! small filled triangle is the head. The label of an arrow is the free
//! text (outside every symbol) in the actor columns nearest the arrow's
//! first stretch.

use super::geometry::{Point, Rect, polyline_dist, thin};
use super::grid::{ColumnKind, Table};
use super::paths::Path;
use super::symbols::Symbol;
use super::words::Word;

/// How far (pt) an arrow's tail may stop short of the outline it leaves.
const TOUCH: f64 = 4.5;
/// How far (pt) a head may stop short of its symbol: hand-placed
/// arrowheads often end a few points before the outline.
const HEAD_REACH: f64 = 10.0;
/// How far (pt) a label may sit from its arrow.
const LABEL_REACH: f64 = 30.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Index into the page's symbols of the tail's symbol.
    pub from: Option<usize>,
    pub to: Option<usize>,
    pub points: Vec<Point>,
    /// No arrowhead was found: the direction is the drawing order.
    pub headless: bool,
    pub label: Option<String>,
}

/// A phrase of free text in the actor columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub rect: Rect,
}

/// The arrows of a page.
pub fn arrows(paths: &[Path], table: &Table, symbols: &[Symbol]) -> Vec<Arrow> {
    let body = Rect::new(table.x0, table.header_bottom - 12.0, table.x1, f64::INFINITY);
    let heads: Vec<Point> = paths
        .iter()
        .filter(|p| p.stroke.is_none() && p.fill.is_some_and(|c| c.is_dark()))
        .filter_map(|p| p.subpaths.first())
        .filter(|s| s.points.len() >= 3 && s.points.len() <= 5)
        .filter_map(|s| Rect::around(s.points.iter().copied()))
        .filter(|r| r.w() <= 12.0 && r.h() <= 12.0 && r.w() >= 1.5 && r.h() >= 1.5)
        .map(|r| r.center())
        .collect();
    let col_edges: Vec<f64> = table.columns.iter().flat_map(|c| [c.x0, c.x1]).collect();
    let mut out = Vec::new();
    for p in paths {
        if !p.stroke.is_some_and(|c| c.is_dark()) || p.dashed {
            continue;
        }
        for s in &p.subpaths {
            if s.closed || s.points.len() < 2 {
                continue;
            }
            let Some(r) = Rect::around(s.points.iter().copied()) else { continue };
            if !body.contains(r.center()) || r.w() > 0.8 * (table.x1 - table.x0) {
                continue;
            }
            // A straight line along a column edge is a rule.
            let on_edge = r.w() < 0.5 && col_edges.iter().any(|x| (x - r.x0).abs() < 1.0);
            if on_edge || (r.w() < 0.5 && r.h() < 0.5) {
                continue;
            }
            let mut points = s.points.clone();
            let (Some(&a), Some(&b)) = (points.first(), points.last()) else { continue };
            let near = |q: Point| heads.iter().any(|h| h.dist(q) < 7.0);
            let headless = match (near(a), near(b)) {
                (_, true) => false,
                (true, false) => {
                    points.reverse();
                    false
                }
                (false, false) => true,
            };
            let (Some(&tail), Some(&head)) = (points.first(), points.last()) else { continue };
            out.push(Arrow {
                from: touching(symbols, tail),
                to: if headless { touching(symbols, head) } else { pointed(symbols, head) },
                points,
                headless,
                label: None,
            });
        }
    }
    out
}

/// Arrows whose lines are filled outlines (FPDF strokes as fills): a thin
/// closed outline, with the head as a small triangle in the same path or
/// without one (a piece of a longer arrow). Pieces are chained from a
/// head's tail to the piece that ends there.
pub fn outline_arrows(paths: &[Path], table: &Table, symbols: &[Symbol]) -> Vec<Arrow> {
    let body = Rect::new(table.x0, table.header_bottom - 12.0, table.x1, f64::INFINITY);
    // (outline, head)
    let mut pieces: Vec<(Vec<Point>, Option<Point>)> = Vec::new();
    for p in paths {
        if p.stroke.is_some() || !p.fill.is_some_and(|c| c.is_dark()) {
            continue;
        }
        let Some(first) = p.subpaths.first() else { continue };
        let Some(r) = Rect::around(first.points.iter().copied()) else { continue };
        if !body.contains(r.center()) || !thin(&first.points) || r.w().max(r.h()) < 3.0 {
            continue;
        }
        if r.w() > 0.8 * (table.x1 - table.x0) {
            continue;
        }
        let head = p
            .subpaths
            .iter()
            .skip(1)
            .filter(|s| s.points.len() >= 3 && s.points.len() <= 5)
            .filter_map(|s| Rect::around(s.points.iter().copied()))
            .find(|t| t.w() <= 10.0 && t.h() <= 10.0)
            .map(|t| t.center());
        pieces.push((first.points.clone(), head));
    }
    let ends = |pts: &[Point]| -> Option<(Point, Point)> {
        let mut best: Option<(f64, Point, Point)> = None;
        for (i, a) in pts.iter().enumerate() {
            for b in pts.iter().skip(i + 1) {
                let d = a.dist(*b);
                if best.is_none_or(|(m, _, _)| d > m) {
                    best = Some((d, *a, *b));
                }
            }
        }
        best.map(|(_, a, b)| (a, b))
    };
    let loose: Vec<(Point, Point)> =
        pieces.iter().filter(|(_, h)| h.is_none()).filter_map(|(o, _)| ends(o)).collect();
    let mut out = Vec::new();
    for (outline, head) in &pieces {
        let Some(head) = *head else { continue };
        let Some(mut tail) =
            outline.iter().copied().max_by(|a, b| a.dist(head).total_cmp(&b.dist(head)))
        else {
            continue;
        };
        let mut points = vec![head, tail];
        let mut used = vec![false; loose.len()];
        while touching(symbols, tail).is_none() {
            let next = loose.iter().enumerate().find_map(|(i, (a, b))| {
                if used.get(i).copied().unwrap_or(true) {
                    None
                } else if a.dist(tail) < 2.5 {
                    Some((i, *b))
                } else if b.dist(tail) < 2.5 {
                    Some((i, *a))
                } else {
                    None
                }
            });
            let Some((i, other)) = next else { break };
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            tail = other;
            points.push(tail);
        }
        points.reverse();
        out.push(Arrow {
            from: touching(symbols, tail),
            to: pointed(symbols, head),
            points,
            headless: false,
            label: None,
        });
    }
    out
}

/// Arrows drawn as pictures (some FPDF documents): a picture in the body
/// whose box touches exactly two symbols joins them. The picture's pixels
/// are not read, so the direction is the reading order (the upper, then
/// left, symbol first) and the arrow counts as headless.
pub fn picture_arrows(images: &[Rect], table: &Table, symbols: &[Symbol]) -> Vec<Arrow> {
    let body = Rect::new(table.x0, table.header_bottom - 12.0, table.x1, f64::INFINITY);
    let mut out = Vec::new();
    for img in images {
        if !body.contains(img.center()) || img.w() > 0.8 * (table.x1 - table.x0) {
            continue;
        }
        let grown = img.grow(2.0);
        let touching: Vec<usize> = symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| overlaps(s.rect, grown) && !contains(s.rect, *img))
            .map(|(i, _)| i)
            .collect();
        let [a, b] = touching.as_slice() else { continue };
        let (Some(sa), Some(sb)) = (symbols.get(*a), symbols.get(*b)) else { continue };
        let a_first =
            (sa.rect.center().y, sa.rect.center().x) < (sb.rect.center().y, sb.rect.center().x);
        let (from, to, fr, tr) =
            if a_first { (*a, *b, sa.rect, sb.rect) } else { (*b, *a, sb.rect, sa.rect) };
        out.push(Arrow {
            from: Some(from),
            to: Some(to),
            points: vec![clamp(img.center(), fr), img.center(), clamp(img.center(), tr)],
            headless: true,
            label: None,
        });
    }
    out
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1
}

fn contains(outer: Rect, inner: Rect) -> bool {
    outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1
}

/// The point of `r` nearest `p`.
fn clamp(p: Point, r: Rect) -> Point {
    Point::new(p.x.clamp(r.x0, r.x1), p.y.clamp(r.y0, r.y1))
}

/// The symbol whose outline `p` touches (the nearest within reach).
fn touching(symbols: &[Symbol], p: Point) -> Option<usize> {
    near(symbols, p, TOUCH)
}

/// The symbol an arrowhead at `p` points into.
fn pointed(symbols: &[Symbol], p: Point) -> Option<usize> {
    near(symbols, p, HEAD_REACH)
}

fn near(symbols: &[Symbol], p: Point, reach: f64) -> Option<usize> {
    symbols
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.rect.border_dist(p)))
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The free text of the actor columns in the body: words outside every
/// symbol, joined into phrases along their line.
pub fn phrases(words: &[Word], table: &Table, symbols: &[Symbol]) -> Vec<Phrase> {
    let mut free: Vec<&Word> = words
        .iter()
        .filter(|w| w.rect.center().y > table.header_bottom)
        .filter(|w| {
            table
                .column_at(w.rect.center().x)
                .and_then(|i| table.columns.get(i))
                .is_some_and(|c| matches!(c.kind, ColumnKind::Actor(_)))
        })
        .filter(|w| !symbols.iter().any(|s| s.holds(w.rect.center())))
        .collect();
    free.sort_by(|a, b| a.line.cmp(&b.line).then(a.rect.x0.total_cmp(&b.rect.x0)));
    let mut out: Vec<(usize, Phrase)> = Vec::new();
    for w in free {
        match out.last_mut() {
            Some((line, ph)) if *line == w.line && w.rect.x0 - ph.rect.x1 < 6.0 => {
                ph.text.push(' ');
                ph.text.push_str(&w.text);
                ph.rect = Rect::new(
                    ph.rect.x0,
                    ph.rect.y0.min(w.rect.y0),
                    w.rect.x1,
                    ph.rect.y1.max(w.rect.y1),
                );
            }
            _ => out.push((w.line, Phrase { text: w.text.clone(), rect: w.rect })),
        }
    }
    out.into_iter().map(|(_, p)| p).collect()
}

/// Gives each arrow leaving a decision the nearest phrase to its first
/// stretch; each phrase labels one arrow, nearest pairs first.
pub fn label(arrows: &mut [Arrow], phrases: &[Phrase], is_decision: impl Fn(usize) -> bool) {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (ai, a) in arrows.iter().enumerate() {
        if !a.from.is_some_and(&is_decision) {
            continue;
        }
        let start: Vec<Point> = a.points.iter().take(3).copied().collect();
        for (pi, p) in phrases.iter().enumerate() {
            let d = polyline_dist(p.rect.center(), &start).min(corner_dist(p.rect, &start));
            if d <= LABEL_REACH {
                pairs.push((d, ai, pi));
            }
        }
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_a = vec![false; arrows.len()];
    let mut used_p = vec![false; phrases.len()];
    for (_, ai, pi) in pairs {
        if used_a.get(ai).copied().unwrap_or(true) || used_p.get(pi).copied().unwrap_or(true) {
            continue;
        }
        if let (Some(a), Some(p)) = (arrows.get_mut(ai), phrases.get(pi)) {
            a.label = Some(p.text.clone());
        }
        if let Some(u) = used_a.get_mut(ai) {
            *u = true;
        }
        if let Some(u) = used_p.get_mut(pi) {
            *u = true;
        }
    }
}

/// Distance from the polyline to the nearest corner of a label's box.
fn corner_dist(r: Rect, line: &[Point]) -> f64 {
    [Point::new(r.x0, r.y0), Point::new(r.x1, r.y0), Point::new(r.x0, r.y1), Point::new(r.x1, r.y1)]
        .iter()
        .map(|c| polyline_dist(*c, line))
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_label_per_arrow() {
        let mk = |pts: &[(f64, f64)]| Arrow {
            from: Some(0),
            to: None,
            points: pts.iter().map(|&(x, y)| Point::new(x, y)).collect(),
            headless: false,
            label: None,
        };
        let mut arrows =
            vec![mk(&[(100.0, 50.0), (100.0, 100.0)]), mk(&[(120.0, 40.0), (160.0, 40.0)])];
        let phrases = vec![
            Phrase { text: "Tidak".into(), rect: Rect::new(125.0, 30.0, 145.0, 38.0) },
            Phrase { text: "Ya".into(), rect: Rect::new(103.0, 55.0, 110.0, 62.0) },
        ];
        label(&mut arrows, &phrases, |i| i == 0);
        assert_eq!(arrows[0].label.as_deref(), Some("Ya"));
        assert_eq!(arrows[1].label.as_deref(), Some("Tidak"));
    }
}
