//! Plane geometry of the flowchart drawing, in SVG user units (1 unit =
//! 1 CSS pixel before the page is scaled to A4): points, rectangles, and
//! the one question the router and the tests ask, whether a segment runs
//! through the inside of a rectangle.

/// A point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub const fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }

    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }

    /// Whether `other` lies entirely inside this rectangle (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f64 = 1e-6;
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }

    /// Whether the segment `a`–`b` passes through the inside of this
    /// rectangle. Touching the border (an arrow ending on a symbol's edge)
    /// does not count. Segments are axis-aligned in this drawing; a
    /// diagonal one is judged by its bounding box, on the safe side.
    pub fn crossed_by(&self, a: Point, b: Point) -> bool {
        const EPS: f64 = 0.5;
        let (x1, x2) = (a.x.min(b.x), a.x.max(b.x));
        let (y1, y2) = (a.y.min(b.y), a.y.max(b.y));
        x2 > self.x + EPS
            && x1 < self.right() - EPS
            && y2 > self.y + EPS
            && y1 < self.bottom() - EPS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_is_strictly_inside() {
        let r = Rect::new(10.0, 10.0, 20.0, 10.0);
        // Ends on the top border: not a crossing.
        assert!(!r.crossed_by(Point::new(20.0, 0.0), Point::new(20.0, 10.0)));
        // Runs through.
        assert!(r.crossed_by(Point::new(20.0, 0.0), Point::new(20.0, 30.0)));
        assert!(r.crossed_by(Point::new(0.0, 15.0), Point::new(40.0, 15.0)));
        // Passes beside.
        assert!(!r.crossed_by(Point::new(31.0, 0.0), Point::new(31.0, 30.0)));
        assert!(r.contains(&Rect::new(10.0, 10.0, 5.0, 5.0)));
        assert!(!r.contains(&Rect::new(9.0, 10.0, 5.0, 5.0)));
    }
}
