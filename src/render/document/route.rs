//! Orthogonal arrow routing on one page of the flowchart grid, without a
//! layout engine. The grid makes it simple: symbols sit in the middle of
//! their rows, so the strip between two rows (a *gutter*) is free of
//! symbols from the left edge of the Pelaksana area to its right edge.
//! An arrow leaves its source into the gutter below it, runs sideways to a
//! free vertical line (the target's column, the source's, a lane at a
//! column edge, or for arrows back to earlier rows the side channel), runs
//! along it to the gutter above the target, then sideways and down into
//! the target's top.
//!
//! Candidate paths are tried in order of preference; the first that runs
//! through no symbol and lies on no other arrow is taken.

use super::geometry::{Point, Rect};

/// Where an arrow leaves its source.
#[derive(Clone, Debug)]
pub struct Exit {
    /// The port on the source's border, then any turn it makes before
    /// heading down into the gutter below the source.
    pub stub: Vec<Point>,
    /// The gutter below the source.
    pub gutter: usize,
}

/// Where an arrow enters its target: the middle of its top edge.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub point: Point,
    /// The gutter above the target.
    pub gutter: usize,
}

/// The free space of one page and the arrows routed so far.
#[derive(Debug)]
pub struct Router {
    obstacles: Vec<Rect>,
    /// Gutter `g` is the free strip above row `g` (top, bottom).
    gutters: Vec<(f64, f64)>,
    /// x positions where a downward run may go, besides the target's and
    /// the source's own.
    verticals: Vec<f64>,
    /// x positions of the side channel for arrows back to earlier rows.
    channel: Vec<f64>,
    used: Vec<(Point, Point, Entry)>,
}

impl Router {
    pub fn new(
        obstacles: Vec<Rect>,
        gutters: Vec<(f64, f64)>,
        verticals: Vec<f64>,
        channel: Vec<f64>,
    ) -> Router {
        Router { obstacles, gutters, verticals, channel, used: Vec::new() }
    }

    /// Routes one arrow and remembers it, so later arrows avoid lying on it.
    pub fn route(&mut self, exit: &Exit, entry: Entry) -> Vec<Point> {
        let start = exit.stub.last().copied().unwrap_or(entry.point);
        let (ex, tx) = (start.x, entry.point.x);
        let below = self.slots(exit.gutter);
        let above = self.slots(entry.gutter);
        let mut candidates: Vec<Vec<Point>> = Vec::new();
        let with_stub = |tail: &[Point]| {
            let mut p = exit.stub.clone();
            p.extend_from_slice(tail);
            p.push(entry.point);
            simplify(p)
        };
        if exit.gutter == entry.gutter {
            for &y in &below {
                candidates.push(with_stub(&[Point::new(ex, y), Point::new(tx, y)]));
            }
        } else {
            let xs: Vec<f64> = if entry.gutter < exit.gutter {
                self.channel.clone()
            } else {
                let mut xs = vec![tx, ex];
                let mut rest = self.verticals.clone();
                rest.sort_by(|a, b| (a - tx).abs().total_cmp(&(b - tx).abs()).then(a.total_cmp(b)));
                xs.extend(rest);
                xs
            };
            for &x in &xs {
                for &y1 in &below {
                    for &y2 in &above {
                        candidates.push(with_stub(&[
                            Point::new(ex, y1),
                            Point::new(x, y1),
                            Point::new(x, y2),
                            Point::new(tx, y2),
                        ]));
                    }
                }
            }
        }
        let mut first_clear: Option<usize> = None;
        let mut chosen: Option<usize> = None;
        for (i, path) in candidates.iter().enumerate() {
            if !self.is_clear(path) {
                continue;
            }
            if !self.lies_on_another(path, entry) {
                chosen = Some(i);
                break;
            }
            first_clear.get_or_insert(i);
        }
        let pick = chosen.or(first_clear).unwrap_or(0);
        let path = candidates.into_iter().nth(pick).unwrap_or_else(|| vec![start, entry.point]);
        for pair in path.windows(2) {
            if let [a, b] = pair {
                self.used.push((*a, *b, entry));
            }
        }
        path
    }

    /// Heights in a gutter where a sideways run may go, best first: just
    /// above and just below its middle, then further out. The middle itself
    /// is the row's rule in the table, where a line would vanish. The lowest
    /// leaves room for an arrowhead before the symbol underneath.
    fn slots(&self, gutter: usize) -> Vec<f64> {
        let Some(&(top, bottom)) = self.gutters.get(gutter) else {
            return vec![0.0];
        };
        let mid = (top + bottom) / 2.0;
        let fit: Vec<f64> = [-6.0, 6.0, -11.0, 11.0, -16.0, 16.0]
            .iter()
            .map(|d| mid + d)
            .filter(|y| *y >= top + 3.0 && *y <= bottom - 7.0)
            .collect();
        if fit.is_empty() { vec![mid] } else { fit }
    }

    fn is_clear(&self, path: &[Point]) -> bool {
        path.windows(2).all(|pair| match pair {
            [a, b] => !self.obstacles.iter().any(|r| r.crossed_by(*a, *b)),
            _ => true,
        })
    }

    /// Whether a segment of `path` runs along a segment of an arrow routed
    /// before, except arrows into the same target, which may merge.
    fn lies_on_another(&self, path: &[Point], entry: Entry) -> bool {
        path.windows(2).any(|pair| match pair {
            [a, b] => self.used.iter().any(|(c, d, other)| {
                !(other.point == entry.point) && collinear_overlap(*a, *b, *c, *d)
            }),
            _ => false,
        })
    }
}

/// Whether two segments lie on one line and overlap, or nearly meet end
/// to end (two runs that almost touch read as one line).
fn collinear_overlap(a: Point, b: Point, c: Point, d: Point) -> bool {
    const NEAR: f64 = 1.5;
    const GAP: f64 = 8.0;
    let overlap = |p1: f64, p2: f64, q1: f64, q2: f64| {
        p1.max(p2).min(q1.max(q2)) - p1.min(p2).max(q1.min(q2)) > -GAP
    };
    let vertical = |p: Point, q: Point| (p.x - q.x).abs() < 1e-9;
    let horizontal = |p: Point, q: Point| (p.y - q.y).abs() < 1e-9;
    (vertical(a, b) && vertical(c, d) && (a.x - c.x).abs() < NEAR && overlap(a.y, b.y, c.y, d.y))
        || (horizontal(a, b)
            && horizontal(c, d)
            && (a.y - c.y).abs() < NEAR
            && overlap(a.x, b.x, c.x, d.x))
}

/// Drops repeated points and points in the middle of a straight run.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_some_and(|q| (q.x - p.x).abs() < 1e-9 && (q.y - p.y).abs() < 1e-9) {
            continue;
        }
        if let [.., a, b] = out.as_slice() {
            let same_x = (a.x - b.x).abs() < 1e-9 && (b.x - p.x).abs() < 1e-9;
            let same_y = (a.y - b.y).abs() < 1e-9 && (b.y - p.y).abs() < 1e-9;
            if same_x || same_y {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn router(obstacles: Vec<Rect>) -> Router {
        // Rows: 0..60, 60..120, 120..180 (and a band below); symbols 18..42 in each row.
        let gutters = vec![(0.0, 18.0), (42.0, 78.0), (102.0, 138.0), (162.0, 200.0)];
        Router::new(obstacles, gutters, vec![4.0, 96.0, 104.0, 196.0], vec![210.0, 216.0])
    }

    #[test]
    fn straight_down_when_the_column_is_free() {
        let mut r =
            router(vec![Rect::new(30.0, 18.0, 40.0, 24.0), Rect::new(30.0, 138.0, 40.0, 24.0)]);
        let exit = Exit { stub: vec![Point::new(50.0, 42.0)], gutter: 1 };
        let entry = Entry { point: Point::new(50.0, 138.0), gutter: 2 };
        assert_eq!(r.route(&exit, entry), vec![Point::new(50.0, 42.0), Point::new(50.0, 138.0)]);
    }

    #[test]
    fn goes_around_a_symbol_in_the_way() {
        let blocker = Rect::new(30.0, 78.0, 40.0, 24.0);
        let obstacles =
            vec![Rect::new(30.0, 18.0, 40.0, 24.0), blocker, Rect::new(30.0, 138.0, 40.0, 24.0)];
        let mut r = router(obstacles.clone());
        let exit = Exit { stub: vec![Point::new(50.0, 42.0)], gutter: 1 };
        let entry = Entry { point: Point::new(50.0, 138.0), gutter: 2 };
        let path = r.route(&exit, entry);
        assert!(path.len() > 2, "{path:?}");
        for pair in path.windows(2) {
            assert!(!obstacles.iter().any(|o| o.crossed_by(pair[0], pair[1])), "{path:?}");
        }
        assert_eq!(path.last(), Some(&Point::new(50.0, 138.0)));
    }

    #[test]
    fn backward_arrows_use_the_channel_and_do_not_share_it() {
        let mut r = router(vec![]);
        let exit = Exit { stub: vec![Point::new(50.0, 162.0)], gutter: 3 };
        let a = r.route(&exit, Entry { point: Point::new(50.0, 18.0), gutter: 0 });
        assert!(a.iter().any(|p| p.x == 210.0), "{a:?}");
        let exit = Exit { stub: vec![Point::new(150.0, 162.0)], gutter: 3 };
        let b = r.route(&exit, Entry { point: Point::new(150.0, 78.0), gutter: 1 });
        assert!(b.iter().any(|p| p.x == 216.0), "{b:?}");
    }

    #[test]
    fn simplify_merges_straight_runs() {
        let p = simplify(vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, 5.0),
            Point::new(0.0, 5.0),
            Point::new(0.0, 9.0),
            Point::new(3.0, 9.0),
        ]);
        assert_eq!(p, vec![Point::new(0.0, 0.0), Point::new(0.0, 9.0), Point::new(3.0, 9.0)]);
    }
}
