//! Orthogonal arrow routing on one page of the flowchart grid, with a
//! guarantee instead of a preference: an arrow is only ever drawn on
//! tracks no arrow of another target uses.
//!
//! The SOP AP grid fixes every symbol (its row, its actor's column), so the
//! free space is regular: the strip between two rows (a *gutter*) is free
//! of symbols across the Pelaksana area, and each actor column is free
//! wherever its row holds no symbol. Both are cut into *tracks*: horizontal
//! tracks in each gutter and vertical tracks in each column and in the side
//! channel, 4 units apart and never on a table rule (a line on a rule
//! vanishes in print). An arrow leaves its port, runs along a track of the
//! gutter below its source (or straight sideways from a side port), along
//! a vertical track to the gutter above its target, then along a track of
//! that gutter to the middle of the target's top.
//!
//! Tracks are handed out greedily, arrow by arrow, cheapest path first;
//! a path is taken only if no segment of it runs through a symbol or along
//! a segment of an arrow to another target (arrows into one target may
//! share their last stretch, the merge). This is the left-edge idea of
//! channel routing on our grid: a track holds any number of arrows whose
//! stretches do not overlap. When no path is free, [`Router::route`] says
//! which gap is full and the layout widens it (taller rows around the
//! gutter, more lanes in the side channel) and routes the page again, so
//! overlap is never the answer.

use super::geometry::{Point, Rect};

/// Distance between two parallel tracks.
pub const TRACK: f64 = 4.0;
/// Tracks keep this far from a table rule.
const RULE_CLEARANCE: f64 = 2.5;
/// Arrows keep this far from every symbol they do not leave or enter: a
/// line flush with a capsule's side reads as part of its outline.
pub const SYMBOL_CLEARANCE: f64 = 2.0;
/// Near its port and its inlet an arrow touches its own symbols: the
/// clearance is not asked of the first and last this many units.
const PORT_ZONE: f64 = 4.0;

/// Which way an arrow leaves its port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    Down,
    Right,
    Left,
}

/// Where an arrow leaves its source.
#[derive(Clone, Copy, Debug)]
pub struct Exit {
    pub port: Point,
    pub heading: Heading,
    /// The gutter below the source.
    pub gutter: usize,
}

/// Where an arrow enters its target: the middle of its top edge.
#[derive(Clone, Copy, Debug)]
pub struct Inlet {
    pub point: Point,
    /// The gutter above the target.
    pub gutter: usize,
}

/// Something arrows must not run through.
#[derive(Clone, Copy, Debug)]
pub enum Obstacle {
    Box(Rect),
    /// A decision: only the diamond inside its box is solid, so ports on
    /// its lower edges can drop straight down.
    Diamond(Rect),
}

impl Obstacle {
    pub fn rect(&self) -> Rect {
        match *self {
            Obstacle::Box(r) | Obstacle::Diamond(r) => r,
        }
    }

    /// The obstacle grown by `by` on every side (a diamond scaled about
    /// its centre so that each edge moves `by` outwards).
    pub fn grown(&self, by: f64) -> Obstacle {
        match *self {
            Obstacle::Box(r) => {
                Obstacle::Box(Rect::new(r.x - by, r.y - by, r.w + 2.0 * by, r.h + 2.0 * by))
            }
            Obstacle::Diamond(r) => {
                let (hw, hh) = (r.w / 2.0, r.h / 2.0);
                let apothem = hw * hh / hw.hypot(hh);
                if apothem <= 0.0 {
                    return *self;
                }
                let k = 1.0 + by / apothem;
                let (w, h) = (r.w * k, r.h * k);
                Obstacle::Diamond(Rect::new(r.cx() - w / 2.0, r.cy() - h / 2.0, w, h))
            }
        }
    }

    /// Whether the axis-aligned segment a-b runs through the inside.
    pub fn crossed_by(&self, a: Point, b: Point) -> bool {
        match *self {
            Obstacle::Box(r) => r.crossed_by(a, b),
            Obstacle::Diamond(r) => {
                let (hw, hh) = (r.w / 2.0, r.h / 2.0);
                if hw <= 0.0 || hh <= 0.0 {
                    return false;
                }
                let (cx, cy) = (r.cx(), r.cy());
                // The part of a line at `off` from the centre (across) that
                // lies inside, compared with the segment's run [lo, hi].
                let inside =
                    |off: f64, half_across: f64, half_along: f64, c: f64, lo: f64, hi: f64| {
                        let k = off.abs() / half_across;
                        if k >= 1.0 {
                            return false;
                        }
                        let half = half_along * (1.0 - k);
                        lo.max(c - half) < hi.min(c + half) - 0.5
                    };
                if (a.x - b.x).abs() < 1e-9 {
                    inside(a.x - cx, hw, hh, cy, a.y.min(b.y), a.y.max(b.y))
                } else if (a.y - b.y).abs() < 1e-9 {
                    inside(a.y - cy, hh, hw, cx, a.x.min(b.x), a.x.max(b.x))
                } else {
                    r.crossed_by(a, b)
                }
            }
        }
    }
}

/// A gap that had no free track left.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Full {
    /// Gutters that should get taller.
    pub gutters: Vec<usize>,
    /// Whether the side channel should get more lanes.
    pub channel: bool,
}

#[derive(Clone, Copy, Debug)]
struct Used {
    a: Point,
    b: Point,
    target: Point,
    last: bool,
}

/// The free space of one page and the arrows routed so far.
#[derive(Debug)]
pub struct Router {
    obstacles: Vec<Obstacle>,
    /// Things placed later (branch labels): avoided while any path clear of
    /// them exists.
    soft: Vec<Obstacle>,
    use_soft: bool,
    /// Gutter `g` is the free strip above row `g` (top, bottom).
    gutters: Vec<(f64, f64)>,
    /// y of every horizontal table rule on the page.
    rules: Vec<f64>,
    /// x of the vertical tracks in the actor columns.
    verticals: Vec<f64>,
    /// x of the vertical tracks of the side channel (arrows back up).
    channel: Vec<f64>,
    used: Vec<Used>,
}

impl Router {
    pub fn new(
        obstacles: Vec<Obstacle>,
        gutters: Vec<(f64, f64)>,
        rules: Vec<f64>,
        verticals: Vec<f64>,
        channel: Vec<f64>,
    ) -> Router {
        Router {
            obstacles: obstacles.iter().map(|o| o.grown(SYMBOL_CLEARANCE)).collect(),
            soft: Vec::new(),
            use_soft: true,
            gutters,
            rules,
            verticals,
            channel,
            used: Vec::new(),
        }
    }

    /// Routes one arrow on free tracks and remembers it. `Err` names the
    /// full gap, with the least bad path (clear of symbols, but sharing a
    /// track) to draw if the layout cannot widen it any more.
    pub fn route(&mut self, exit: &Exit, entry: Inlet) -> Result<Vec<Point>, (Full, Vec<Point>)> {
        let back = entry.gutter < exit.gutter;
        let (px, py) = (exit.port.x, exit.port.y);
        let tx = entry.point.x;
        let below = self.slots(exit.gutter);
        let above = self.slots(entry.gutter);
        let xs: Vec<f64> = if back {
            self.channel.clone()
        } else {
            let mut xs = vec![tx, px];
            xs.extend(self.verticals.iter().copied());
            // Forward arrows may use the side channel when the columns are full.
            xs.extend(self.channel.iter().copied());
            xs
        };
        let channel_start = self.channel.iter().copied().fold(f64::MAX, f64::min);
        let cost = |x: f64, from: f64| {
            let detour = (from - x).abs() + (x - tx).abs();
            let in_channel = !back && x >= channel_start;
            detour + if in_channel { 10_000.0 } else { 0.0 }
        };
        let end = entry.point;
        let mut first_clear: Option<Vec<Point>> = None;
        let mut found: Option<Vec<Point>> = None;
        let mut take = |router: &Router, path: Vec<Point>, found: &mut Option<Vec<Point>>| {
            if !router.is_clear(&path) {
                return false;
            }
            if router.conflicts(&path, end) {
                first_clear.get_or_insert(path);
                return false;
            }
            *found = Some(path);
            true
        };
        // Side ports first try to run straight out to a vertical track.
        if exit.heading != Heading::Down {
            let right = exit.heading == Heading::Right;
            let mut side: Vec<f64> = xs
                .iter()
                .copied()
                .filter(|&x| if right { x > px + 1.0 } else { x < px - 1.0 })
                .collect();
            side.sort_by(|a, b| cost(*a, px).total_cmp(&cost(*b, px)).then(a.total_cmp(b)));
            'side: for &x in &side {
                for &y2 in &above {
                    if !back && y2 < py {
                        continue;
                    }
                    let p = simplify(vec![
                        exit.port,
                        Point::new(x, py),
                        Point::new(x, y2),
                        Point::new(tx, y2),
                        end,
                    ]);
                    if take(self, p, &mut found) {
                        break 'side;
                    }
                }
            }
        }
        // Then (and for bottom ports, only) down into the gutter below the
        // source, along it to a vertical track, and so on. A side port first
        // steps out to a track of its own column.
        if found.is_none() {
            let stubs: Vec<Vec<Point>> = match exit.heading {
                Heading::Down => vec![vec![exit.port]],
                Heading::Right | Heading::Left => {
                    let right = exit.heading == Heading::Right;
                    let mut near: Vec<f64> = self
                        .verticals
                        .iter()
                        .copied()
                        .filter(|&x| if right { x > px + 1.0 } else { x < px - 1.0 })
                        .filter(|&x| (x - px).abs() <= 24.0)
                        .collect();
                    near.sort_by(|a, b| (a - px).abs().total_cmp(&(b - px).abs()));
                    near.into_iter().map(|x| vec![exit.port, Point::new(x, py)]).collect()
                }
            };
            'down: for stub in stubs {
                let sx = stub.last().map_or(px, |p| p.x);
                let mut xs = xs.clone();
                xs.sort_by(|a, b| cost(*a, sx).total_cmp(&cost(*b, sx)).then(a.total_cmp(b)));
                if exit.gutter == entry.gutter && !back {
                    for &y in &below {
                        let mut p = stub.clone();
                        p.extend([Point::new(sx, y), Point::new(tx, y), end]);
                        if take(self, simplify(p), &mut found) {
                            break 'down;
                        }
                    }
                }
                for &x in &xs {
                    for &y1 in &below {
                        for &y2 in &above {
                            if !back && y2 < y1 {
                                continue;
                            }
                            let mut p = stub.clone();
                            p.extend([
                                Point::new(sx, y1),
                                Point::new(x, y1),
                                Point::new(x, y2),
                                Point::new(tx, y2),
                                end,
                            ]);
                            if take(self, simplify(p), &mut found) {
                                break 'down;
                            }
                        }
                    }
                }
            }
        }
        match found {
            Some(path) => {
                self.remember(&path, end);
                Ok(path)
            }
            None if first_clear.is_none() && self.use_soft && !self.soft.is_empty() => {
                // Hemmed in by labels: route as if they were not there (the
                // label then touches a line, which the tests count).
                self.use_soft = false;
                let r = self.route(exit, entry);
                self.use_soft = true;
                r
            }
            None => {
                let path = first_clear.unwrap_or_else(|| {
                    // Nothing is clear: still draw square, never a diagonal.
                    let y = above.first().copied().unwrap_or((py + end.y) / 2.0);
                    simplify(vec![exit.port, Point::new(px, y), Point::new(tx, y), end])
                });
                self.remember(&path, end);
                let full = Full { gutters: vec![exit.gutter, entry.gutter], channel: back };
                Err((full, path))
            }
        }
    }

    /// Something placed after the router was made (a branch label) that
    /// later arrows must go around.
    pub fn add_obstacle(&mut self, o: Obstacle) {
        self.soft.push(o);
    }

    /// An arrow drawn by someone else (a decision's arrow into the end
    /// capsule beside it) that routed arrows must not run along.
    pub fn reserve(&mut self, path: &[Point]) {
        if let Some(&end) = path.last() {
            self.remember(path, end);
        }
    }

    fn remember(&mut self, path: &[Point], target: Point) {
        let n = path.len().saturating_sub(1);
        for (k, pair) in path.windows(2).enumerate() {
            if let [a, b] = pair {
                self.used.push(Used { a: *a, b: *b, target, last: k + 1 == n });
            }
        }
    }

    /// Horizontal tracks of a gutter, best first: nearest its middle. None
    /// lies on a table rule; the lowest leaves room for an arrowhead before
    /// the symbol underneath.
    fn slots(&self, gutter: usize) -> Vec<f64> {
        let Some(&(top, bottom)) = self.gutters.get(gutter) else {
            return Vec::new();
        };
        let (lo, hi) = (top + 3.0, bottom - 7.0);
        let mid = (top + bottom) / 2.0;
        let mut out = Vec::new();
        let mut k = 0usize;
        loop {
            let d = (k.div_ceil(2)) as f64 * TRACK;
            let y = if k % 2 == 1 { mid - d } else { mid + d };
            if mid - d < lo && mid + d > hi {
                break;
            }
            k += 1;
            if y < lo || y > hi {
                continue;
            }
            if self.rules.iter().any(|r| (r - y).abs() < RULE_CLEARANCE) {
                continue;
            }
            out.push(y);
        }
        out
    }

    /// Whether no segment runs through a symbol (or within
    /// [`SYMBOL_CLEARANCE`] of one, away from the two ends), a label, or
    /// along a table rule.
    fn is_clear(&self, path: &[Point]) -> bool {
        let n = path.len().saturating_sub(1);
        path.windows(2).enumerate().all(|(k, pair)| match pair {
            [a, b] => {
                let (a, b) = (
                    if k == 0 { toward(*a, *b, PORT_ZONE) } else { *a },
                    if k + 1 == n { toward(*b, *a, PORT_ZONE) } else { *b },
                );
                let (a, b) = (&a, &b);
                let hard = self.obstacles.iter().any(|o| o.crossed_by(*a, *b));
                let soft = self.use_soft && self.soft.iter().any(|o| o.crossed_by(*a, *b));
                !(hard || soft || on_rule(*a, *b, &self.rules))
            }
            _ => true,
        })
    }

    /// Whether a segment of `path` runs along a segment of an arrow routed
    /// before. Arrows into the same target may share their last stretch.
    fn conflicts(&self, path: &[Point], target: Point) -> bool {
        let n = path.len().saturating_sub(1);
        path.windows(2).enumerate().any(|(k, pair)| match pair {
            [a, b] => self.used.iter().any(|u| {
                if u.target == target {
                    !(u.last && k + 1 == n) && collinear_overlap(*a, *b, u.a, u.b, 0.5)
                } else {
                    collinear_overlap(*a, *b, u.a, u.b, -8.0)
                }
            }),
            _ => false,
        })
    }
}

/// `from` moved `by` towards `to` (at most to the middle of the segment).
fn toward(from: Point, to: Point, by: f64) -> Point {
    let len = (to.x - from.x).hypot(to.y - from.y);
    if len <= 0.0 {
        return from;
    }
    let t = (by / len).min(0.5);
    Point::new(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t)
}

/// Whether a horizontal segment lies on a row rule.
fn on_rule(a: Point, b: Point, rules: &[f64]) -> bool {
    (a.y - b.y).abs() < 1e-9
        && (a.x - b.x).abs() > 1.0
        && rules.iter().any(|r| (r - a.y).abs() < RULE_CLEARANCE)
}

/// Whether two axis-aligned segments lie on one line (within 2 units) and
/// overlap by more than `min` (a negative `min` also catches runs that
/// nearly meet end to end, which read as one line).
fn collinear_overlap(a: Point, b: Point, c: Point, d: Point, min: f64) -> bool {
    const NEAR: f64 = 2.0;
    let overlap = |p1: f64, p2: f64, q1: f64, q2: f64| {
        p1.max(p2).min(q1.max(q2)) - p1.min(p2).max(q1.min(q2)) > min
    };
    let vertical = |p: Point, q: Point| (p.x - q.x).abs() < 1e-9 && (p.y - q.y).abs() > 1e-9;
    let horizontal = |p: Point, q: Point| (p.y - q.y).abs() < 1e-9 && (p.x - q.x).abs() > 1e-9;
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
        let obstacles = obstacles.into_iter().map(Obstacle::Box).collect();
        let verticals = (1..50).map(|k| k as f64 * TRACK).filter(|x| *x < 200.0).collect();
        Router::new(obstacles, gutters, vec![60.0, 120.0, 180.0], verticals, vec![210.0, 214.0])
    }

    fn down(x: f64, y: f64, gutter: usize) -> Exit {
        Exit { port: Point::new(x, y), heading: Heading::Down, gutter }
    }

    #[test]
    fn straight_down_when_the_column_is_free() {
        let mut r =
            router(vec![Rect::new(30.0, 18.0, 40.0, 24.0), Rect::new(30.0, 138.0, 40.0, 24.0)]);
        let entry = Inlet { point: Point::new(50.0, 138.0), gutter: 2 };
        assert_eq!(
            r.route(&down(50.0, 42.0, 1), entry).unwrap(),
            vec![Point::new(50.0, 42.0), Point::new(50.0, 138.0)]
        );
    }

    #[test]
    fn goes_around_a_symbol_in_the_way() {
        let blocker = Rect::new(30.0, 78.0, 40.0, 24.0);
        let obstacles =
            vec![Rect::new(30.0, 18.0, 40.0, 24.0), blocker, Rect::new(30.0, 138.0, 40.0, 24.0)];
        let mut r = router(obstacles.clone());
        let entry = Inlet { point: Point::new(50.0, 138.0), gutter: 2 };
        let path = r.route(&down(50.0, 42.0, 1), entry).unwrap();
        assert!(path.len() > 2, "{path:?}");
        for pair in path.windows(2) {
            assert!(!obstacles.iter().any(|o| o.crossed_by(pair[0], pair[1])), "{path:?}");
        }
        assert_eq!(path.last(), Some(&Point::new(50.0, 138.0)));
    }

    #[test]
    fn backward_arrows_use_the_channel_and_do_not_share_it() {
        let mut r = router(vec![]);
        let a = r.route(&down(50.0, 162.0, 3), Inlet { point: Point::new(50.0, 18.0), gutter: 0 });
        let a = a.unwrap();
        assert!(a.iter().any(|p| p.x == 210.0), "{a:?}");
        let b =
            r.route(&down(150.0, 162.0, 3), Inlet { point: Point::new(150.0, 78.0), gutter: 1 });
        let b = b.unwrap();
        assert!(b.iter().any(|p| p.x == 214.0), "{b:?}");
    }

    #[test]
    fn a_full_channel_is_reported_not_shared() {
        let mut r = router(vec![]);
        for x in [20.0, 60.0] {
            r.route(&down(x, 162.0, 3), Inlet { point: Point::new(x, 18.0), gutter: 0 }).unwrap();
        }
        let third =
            r.route(&down(100.0, 162.0, 3), Inlet { point: Point::new(100.0, 18.0), gutter: 0 });
        let (full, _) = third.unwrap_err();
        assert!(full.channel);
    }

    #[test]
    fn tracks_avoid_row_rules() {
        let r = router(vec![]);
        // Gutter 1 spans 42..78 around the rule at 60.
        let slots = r.slots(1);
        assert!(!slots.is_empty());
        assert!(slots.iter().all(|y| (y - 60.0).abs() >= RULE_CLEARANCE), "{slots:?}");
    }

    #[test]
    fn only_the_diamond_is_solid() {
        let d = Obstacle::Diamond(Rect::new(0.0, 0.0, 40.0, 20.0));
        // Down from a port on the lower right edge: clear.
        assert!(!d.crossed_by(Point::new(30.0, 15.0), Point::new(30.0, 40.0)));
        // Through the middle: not.
        assert!(d.crossed_by(Point::new(20.0, -5.0), Point::new(20.0, 40.0)));
        assert!(d.crossed_by(Point::new(-5.0, 10.0), Point::new(45.0, 10.0)));
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
