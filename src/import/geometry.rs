//! Points and rectangles in PDF page space (points, y down, as poppler
//! writes them), with the few measures the reconstruction needs.

/// A point on a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn dist(self, o: Point) -> f64 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

/// An axis-aligned rectangle: `x0 <= x1`, `y0 <= y1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }

    /// The bounding box of `points`, or `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Rect> {
        let mut r: Option<Rect> = None;
        for p in points {
            r = Some(match r {
                None => Rect::new(p.x, p.y, p.x, p.y),
                Some(r) => Rect::new(r.x0.min(p.x), r.y0.min(p.y), r.x1.max(p.x), r.y1.max(p.y)),
            });
        }
        r
    }

    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn center(&self) -> Point {
        Point::new((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x0 && p.x <= self.x1 && p.y >= self.y0 && p.y <= self.y1
    }

    /// `self` grown by `d` on every side.
    pub fn grow(&self, d: f64) -> Rect {
        Rect { x0: self.x0 - d, y0: self.y0 - d, x1: self.x1 + d, y1: self.y1 + d }
    }

    /// Distance from `p` to the rectangle's outline (0 on it).
    pub fn border_dist(&self, p: Point) -> f64 {
        if self.contains(p) {
            let dx = (p.x - self.x0).min(self.x1 - p.x);
            let dy = (p.y - self.y0).min(self.y1 - p.y);
            dx.min(dy)
        } else {
            let dx = (self.x0 - p.x).max(p.x - self.x1).max(0.0);
            let dy = (self.y0 - p.y).max(p.y - self.y1).max(0.0);
            (dx * dx + dy * dy).sqrt()
        }
    }

    /// Distance from `p` to the rectangle (0 inside).
    pub fn dist(&self, p: Point) -> f64 {
        if self.contains(p) { 0.0 } else { self.border_dist(p) }
    }
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_dist(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= f64::EPSILON {
        return p.dist(a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    p.dist(Point::new(a.x + t * dx, a.y + t * dy))
}

/// Distance from `p` to the polyline through `points`.
pub fn polyline_dist(p: Point, points: &[Point]) -> f64 {
    match points {
        [] => f64::INFINITY,
        [only] => p.dist(*only),
        _ => points.windows(2).fold(f64::INFINITY, |m, w| match w {
            [a, b] => m.min(segment_dist(p, *a, *b)),
            _ => m,
        }),
    }
}

/// A closed outline of a line: its area is small for its length.
pub fn thin(points: &[Point]) -> bool {
    let n = points.len();
    if n < 3 {
        return false;
    }
    let (mut area, mut perimeter) = (0.0, 0.0);
    for i in 0..n {
        let (Some(a), Some(b)) = (points.get(i), points.get((i + 1) % n)) else { continue };
        area += a.x * b.y - b.x * a.y;
        perimeter += a.dist(*b);
    }
    perimeter > 0.0 && (area.abs() / 2.0) / perimeter < 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_distance_inside_and_outside() {
        let r = Rect::new(0.0, 0.0, 10.0, 4.0);
        assert!((r.border_dist(Point::new(5.0, 1.0)) - 1.0).abs() < 1e-9);
        assert!((r.border_dist(Point::new(13.0, 8.0)) - 5.0).abs() < 1e-9);
        assert_eq!(r.dist(Point::new(5.0, 1.0)), 0.0);
    }

    #[test]
    fn polyline_distance() {
        let pts = [Point::new(0.0, 0.0), Point::new(10.0, 0.0), Point::new(10.0, 10.0)];
        assert!((polyline_dist(Point::new(12.0, 5.0), &pts) - 2.0).abs() < 1e-9);
    }
}
