//! Branch labels placed as objects: each label is a box that must meet no
//! other label, no symbol and no other arrow's segment. Candidate places run
//! along the first stretches of the label's own arrow, on both sides; the
//! first free one is taken. A label too long for a narrow flowchart is
//! shortened (its full text goes to the row's Keterangan, see
//! [`shortened`]), and one that finds no free place at all is set where it
//! covers the fewest lines, so the count the tests take stays honest.

use super::geometry::{Point, Rect};
use super::route::Obstacle;
use super::text::Font;

/// The font of branch labels (italic in print; Helvetica widths are close).
pub const LABEL_FONT: Font = Font::regular(8.0);
/// Ascent and descent of a label line around its baseline.
const ASCENT: f64 = 6.0;
const DESCENT: f64 = 2.0;
/// The widest a label may be before it is shortened.
pub const MAX_LABEL_WIDTH: f64 = 60.0;

/// The label as drawn: the text itself when it fits [`MAX_LABEL_WIDTH`],
/// else its leading words and `…` (`Some`), with the full text left to
/// Keterangan.
pub fn shortened(text: &str) -> Option<String> {
    if LABEL_FONT.width(text) <= MAX_LABEL_WIDTH {
        return None;
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() { word.to_string() } else { format!("{out} {word}") };
        if LABEL_FONT.width(&format!("{next}…")) > MAX_LABEL_WIDTH {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // One long word: cut between characters.
        for c in text.chars() {
            if LABEL_FONT.width(&format!("{out}{c}…")) > MAX_LABEL_WIDTH {
                break;
            }
            out.push(c);
        }
    }
    Some(format!("{out}…"))
}

/// The box of a label with its baseline at `at`, starting there or (with
/// `end`) ending there.
pub fn label_box(text: &str, at: Point, end: bool) -> Rect {
    let w = LABEL_FONT.width(text);
    let x = if end { at.x - w } else { at.x };
    Rect::new(x, at.y - ASCENT, w, ASCENT + DESCENT)
}

fn meets(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

fn meets_obstacle(o: &Obstacle, l: &Rect) -> bool {
    let r = o.rect();
    if !meets(&r, l) {
        return false;
    }
    match o {
        Obstacle::Box(_) => true,
        Obstacle::Diamond(r) => {
            let (cx, cy) = (r.cx(), r.cy());
            let nx = cx.clamp(l.x, l.right());
            let ny = cy.clamp(l.y, l.bottom());
            (nx - cx).abs() / (r.w / 2.0) + (ny - cy).abs() / (r.h / 2.0) < 1.0
        }
    }
}

/// Where a label may go: along its arrow's stretches, on either side,
/// nearest the port first.
fn candidates(path: &[Point]) -> Vec<(Point, bool)> {
    let mut out = Vec::new();
    for pair in path.windows(2) {
        let [a, b] = pair else { continue };
        let len = ((b.x - a.x).abs()).max((b.y - a.y).abs());
        let mut d = 1.0;
        while d < len.max(2.0) {
            if (a.x - b.x).abs() < 1e-9 {
                // Vertical: beside the line, the box's top just past `d`.
                let dir = if b.y >= a.y { 1.0 } else { -1.0 };
                let y = a.y + dir * d + ASCENT;
                out.push((Point::new(a.x + 3.0, y), false));
                out.push((Point::new(a.x - 3.0, y), true));
            } else {
                // Horizontal: above or below the line.
                let dir = if b.x >= a.x { 1.0 } else { -1.0 };
                let x = a.x + dir * (d + 1.0);
                let end = dir < 0.0;
                out.push((Point::new(x, a.y - DESCENT - 1.0), end));
                out.push((Point::new(x, a.y + ASCENT + 1.0), end));
            }
            d += 3.0;
        }
    }
    out
}

/// Places labels one at a time, each clear of those placed before.
#[derive(Debug)]
pub struct Labeller {
    /// Where labels may go (the Pelaksana area of the page's rows).
    area: Rect,
    placed: Vec<Rect>,
}

impl Labeller {
    pub fn new(area: Rect) -> Labeller {
        Labeller { area, placed: Vec::new() }
    }

    /// Places `text` beside its arrow `own`, clear of `obstacles`, of the
    /// labels placed so far and of the `others` arrows. Returns the
    /// baseline anchor, whether the text ends there, its box, and whether
    /// the place is free (the layout gives the rows more room if not).
    pub fn place(
        &mut self,
        text: &str,
        own: &[Point],
        others: &[&[Point]],
        obstacles: &[Obstacle],
    ) -> (Point, bool, Rect, bool) {
        let area = self.area;
        let badness = |at: Point, end: bool| -> usize {
            let b = label_box(text, at, end);
            let mut n = 0;
            if b.x < area.x
                || b.right() > area.right()
                || b.y < area.y
                || b.bottom() > area.bottom()
            {
                n += 100;
            }
            n += obstacles.iter().filter(|o| meets_obstacle(o, &b)).count() * 10;
            n += self.placed.iter().filter(|p| meets(p, &b)).count() * 10;
            for other in others {
                n += other
                    .windows(2)
                    .filter(|s| match s {
                        [a, c] => segment_in_box(*a, *c, &b),
                        _ => false,
                    })
                    .count();
            }
            n
        };
        let mut best: Option<(usize, Point, bool)> = None;
        for (at, end) in candidates(own) {
            let bad = badness(at, end);
            if best.is_none_or(|(b, _, _)| bad < b) {
                best = Some((bad, at, end));
            }
            if bad == 0 {
                break;
            }
        }
        let start = own.first().copied().unwrap_or(Point::new(0.0, 0.0));
        let (bad, at, end) = best.unwrap_or((1, start, false));
        let b = label_box(text, at, end);
        self.placed.push(b);
        (at, end, b, bad == 0)
    }
}

/// Whether an axis-aligned segment passes through a box (touching its
/// edge does not count: the label's white halo covers that much).
fn segment_in_box(a: Point, b: Point, r: &Rect) -> bool {
    let (x1, x2) = (a.x.min(b.x), a.x.max(b.x));
    let (y1, y2) = (a.y.min(b.y), a.y.max(b.y));
    x2 > r.x - 0.5 && x1 < r.right() + 0.5 && y2 > r.y - 0.5 && y1 < r.bottom() + 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened_at_a_word() {
        assert_eq!(shortened("Ya"), None);
        let s = shortened("Bukan kewenangan pemerintah daerah provinsi").unwrap();
        assert!(s.ends_with('…'), "{s}");
        assert!(LABEL_FONT.width(&s) <= MAX_LABEL_WIDTH, "{s}");
        assert!("Bukan kewenangan pemerintah daerah provinsi".starts_with(s.trim_end_matches('…')));
    }

    #[test]
    fn two_labels_on_one_port_do_not_overlap() {
        let a = vec![Point::new(50.0, 20.0), Point::new(50.0, 80.0)];
        let b = vec![Point::new(50.0, 20.0), Point::new(90.0, 20.0), Point::new(90.0, 80.0)];
        let mut l = Labeller::new(Rect::new(0.0, 0.0, 200.0, 200.0));
        let (_, _, ba, free_a) = l.place("Ya", &a, &[&b], &[]);
        let (_, _, bb, free_b) = l.place("Tidak", &b, &[&a], &[]);
        assert!(free_a && free_b);
        assert!(!meets(&ba, &bb), "{ba:?} {bb:?}");
    }
}
