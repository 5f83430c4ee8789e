//! Flowchart symbols by shape: a closed outline in an actor column of the
//! table body is a capsule (rounded: start or end), a box (process; with a
//! second border inside, a process detailed by a sub-SOP), a diamond
//! (decision) or a pentagon or small circle (off-page connector). A
//! dashed outline marks an actor taking part (`with`). Producers draw a
//! symbol as one filled-and-stroked path (Chromium), as a white fill plus
//! a stroke, or as a filled ring (FPDF strokes as fills); copies of one
//! outline are merged.

use super::geometry::{Point, Rect, thin};
use super::grid::{ColumnKind, Table};
use super::paths::Path;
use super::words::Word;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Capsule,
    Box,
    Decision,
    Connector,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub shape: Shape,
    pub rect: Rect,
    /// A box with a double border (sub-SOP).
    pub double: bool,
    /// A dashed outline (an actor taking part, `with`).
    pub dashed: bool,
    /// The words inside ("Mulai", "Selesai", a connector's letter).
    pub text: String,
    /// Index into the table's columns.
    pub column: usize,
    /// The outline reaches into a neighbouring actor column.
    pub straddles: bool,
}

impl Symbol {
    /// Whether `p` lies inside the symbol's outline (a diamond leaves its
    /// box's corners free, where labels are often written).
    pub fn holds(&self, p: Point) -> bool {
        let r = self.rect.grow(0.5);
        if self.shape != Shape::Decision {
            return r.contains(p);
        }
        let c = r.center();
        let (hw, hh) = (r.w() / 2.0, r.h() / 2.0);
        hw > 0.0 && hh > 0.0 && (p.x - c.x).abs() / hw + (p.y - c.y).abs() / hh <= 1.0
    }
}

/// The symbols drawn in the actor columns of `table`'s body.
pub fn symbols(paths: &[Path], words: &[Word], table: &Table) -> Vec<Symbol> {
    let mut out: Vec<Symbol> = Vec::new();
    let body = Rect::new(table.x0, table.top, table.x1, f64::INFINITY);
    // White fills under a dashed outline: Chromium prints the dashes as
    // many small filled pieces, so the shape is read from the fill.
    let mut fills: Vec<(Rect, Shape)> = Vec::new();
    for p in paths {
        let ink = p.stroke.is_some_and(|c| c.is_dark());
        let filled = p.fill.is_some_and(|c| c.0 + c.1 + c.2 < 2.9);
        if !ink && !filled {
            if let Some(o) = p.subpaths.first().filter(|o| o.closed)
                && let Some(r) = Rect::around(o.points.iter().copied())
                && let Some(shape) = classify(&o.points, o.curved, r)
            {
                fills.push((r, shape));
            }
            continue;
        }
        if !ink && p.subpaths.len() >= 6 {
            let pieces = p.subpaths.iter().filter_map(|s| Rect::around(s.points.iter().copied()));
            let small = pieces.clone().all(|r| r.w().min(r.h()) <= 1.5 && r.w().max(r.h()) <= 4.0);
            let all =
                Rect::around(pieces.flat_map(|r| [Point::new(r.x0, r.y0), Point::new(r.x1, r.y1)]));
            if small
                && let Some(all) = all
                && let Some((rect, shape)) = fills.iter().find(|(f, _)| near_rect(*f, all, 1.5))
                && let Some(column) = table.column_at(rect.center().x)
                && rect.center().y > table.header_bottom
            {
                out.push(Symbol {
                    shape: *shape,
                    rect: *rect,
                    double: false,
                    dashed: true,
                    text: String::new(),
                    column,
                    straddles: false,
                });
            }
            continue;
        }
        let Some(outline) = p.subpaths.first() else { continue };
        let closed =
            outline.closed || (ink && outline.points.len() >= 4 && closes(&outline.points));
        if !closed {
            continue;
        }
        let Some(rect) = Rect::around(outline.points.iter().copied()) else { continue };
        // The filled outline of a line (an arrow drawn by FPDF) is no symbol.
        if thin(&outline.points) {
            continue;
        }
        if !(6.0..=200.0).contains(&rect.w()) || !(5.0..=120.0).contains(&rect.h()) {
            continue;
        }
        let c = rect.center();
        if !body.contains(c) || c.y < table.header_bottom - 12.0 {
            continue;
        }
        let Some(column) = table.column_at(c.x) else { continue };
        // A shaded or bordered cell is no symbol.
        if table.columns.get(column).is_some_and(|col| rect.w() >= 0.92 * (col.x1 - col.x0)) {
            continue;
        }
        let is_actor =
            |i: usize| table.columns.get(i).is_some_and(|c| matches!(c.kind, ColumnKind::Actor(_)));
        if !is_actor(column) {
            continue;
        }
        // Connectors sit in the band above the first row too, so the
        // header margin above; other symbols must be in the body.
        let Some(shape) = classify(&outline.points, outline.curved, rect) else { continue };
        if shape != Shape::Connector && c.y < table.header_bottom {
            continue;
        }
        if let Some(same) = out.iter_mut().find(|s| same_rect(s.rect, rect)) {
            same.dashed |= p.dashed;
            continue;
        }
        let straddles = table.column_at(rect.x0 + 1.0) != table.column_at(rect.x1 - 1.0)
            && [rect.x0 + 1.0, rect.x1 - 1.0]
                .iter()
                .all(|&x| table.column_at(x).is_some_and(is_actor));
        out.push(Symbol {
            shape,
            rect,
            double: false,
            dashed: p.dashed,
            text: String::new(),
            column,
            straddles: straddles && shape != Shape::Connector,
        });
    }
    // A box holding another just inside it is one box with a double border.
    let mut inner = vec![false; out.len()];
    for i in 0..out.len() {
        for j in 0..out.len() {
            let (Some(a), Some(b)) = (out.get(i), out.get(j)) else { continue };
            if i == j || a.shape != Shape::Box || b.shape != Shape::Box {
                continue;
            }
            let insets = [
                b.rect.x0 - a.rect.x0,
                b.rect.y0 - a.rect.y0,
                a.rect.x1 - b.rect.x1,
                a.rect.y1 - b.rect.y1,
            ];
            if insets.iter().all(|d| (1.0..=5.0).contains(d)) {
                if let Some(f) = inner.get_mut(j) {
                    *f = true;
                }
                if let Some(a) = out.get_mut(i) {
                    a.double = true;
                }
            }
        }
    }
    let mut k = 0;
    out.retain(|_| {
        let keep = !inner.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
    for s in out.iter_mut() {
        let mut inside: Vec<&Word> =
            words.iter().filter(|w| s.rect.grow(0.5).contains(w.rect.center())).collect();
        inside.sort_by(|a, b| a.line.cmp(&b.line).then(a.rect.x0.total_cmp(&b.rect.x0)));
        s.text = inside.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
    }
    out
}

/// A stroked outline that ends where it starts.
fn closes(points: &[Point]) -> bool {
    matches!((points.first(), points.last()), (Some(a), Some(b)) if a.dist(*b) < 0.5)
}

fn near_rect(a: Rect, b: Rect, tol: f64) -> bool {
    (a.x0 - b.x0).abs() < tol
        && (a.y0 - b.y0).abs() < tol
        && (a.x1 - b.x1).abs() < tol
        && (a.y1 - b.y1).abs() < tol
}

fn same_rect(a: Rect, b: Rect) -> bool {
    (a.x0 - b.x0).abs() < 1.0
        && (a.y0 - b.y0).abs() < 1.0
        && (a.x1 - b.x1).abs() < 1.0
        && (a.y1 - b.y1).abs() < 1.0
}

/// The shape of a closed outline.
pub fn classify(points: &[Point], curved: bool, rect: Rect) -> Option<Shape> {
    let mut corners: Vec<Point> = Vec::new();
    for p in points {
        if corners.last().is_none_or(|l| l.dist(*p) > 0.3) {
            corners.push(*p);
        }
    }
    if corners.len() > 1 && closes(&corners) {
        corners.pop();
    }
    let round = rect.w() < 30.0 && (rect.w() - rect.h()).abs() < 0.2 * rect.w();
    if curved || corners.len() >= 8 {
        return Some(if round { Shape::Connector } else { Shape::Capsule });
    }
    let tol = 0.8;
    let on_corner = |p: &Point| {
        ((p.x - rect.x0).abs() < tol || (p.x - rect.x1).abs() < tol)
            && ((p.y - rect.y0).abs() < tol || (p.y - rect.y1).abs() < tol)
    };
    let c = rect.center();
    let on_mid = |p: &Point| {
        ((p.x - c.x).abs() < tol && ((p.y - rect.y0).abs() < tol || (p.y - rect.y1).abs() < tol))
            || ((p.y - c.y).abs() < tol
                && ((p.x - rect.x0).abs() < tol || (p.x - rect.x1).abs() < tol))
    };
    match corners.len() {
        4 if corners.iter().all(on_corner) => Some(Shape::Box),
        4 if corners.iter().all(on_mid) => Some(Shape::Decision),
        5 => Some(Shape::Connector),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(v: &[(f64, f64)]) -> Vec<Point> {
        v.iter().map(|&(x, y)| Point::new(x, y)).collect()
    }

    #[test]
    fn shapes_by_outline() {
        let b = pts(&[(0.0, 0.0), (40.0, 0.0), (40.0, 20.0), (0.0, 20.0), (0.0, 0.0)]);
        let r = Rect::new(0.0, 0.0, 40.0, 20.0);
        assert_eq!(classify(&b, false, r), Some(Shape::Box));
        let d = pts(&[(20.0, 0.0), (40.0, 10.0), (20.0, 20.0), (0.0, 10.0)]);
        assert_eq!(classify(&d, false, r), Some(Shape::Decision));
        assert_eq!(classify(&b, true, r), Some(Shape::Capsule));
        let p = pts(&[(0.0, 0.0), (20.0, 0.0), (20.0, 12.0), (10.0, 20.0), (0.0, 12.0)]);
        assert_eq!(classify(&p, false, Rect::new(0.0, 0.0, 20.0, 20.0)), Some(Shape::Connector));
        let odd = pts(&[(0.0, 0.0), (40.0, 3.0), (20.0, 20.0)]);
        assert_eq!(classify(&odd, false, r), None);
    }
}
