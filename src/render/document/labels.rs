//! Branch labels placed as objects: each label is a box that must meet no
//! other label, no symbol and no other arrow's segment. Candidate places run
//! along the first stretches of the label's own arrow, on both sides; the
//! first free one is taken. A label too long for a narrow flowchart is
//! shortened (its full text goes to the row's Keterangan, see
//! [`shortened`]), and one that finds no free place at all is set where it
//! covers the fewest lines, so the count the tests take stays honest.

use super::flowchart::{Column, ColumnKind};
use super::geometry::{Point, Rect};
use super::route::Obstacle;
use super::text::Font;
use crate::model::Step;

/// The font of branch labels (italic in print; Helvetica widths are close).
pub const LABEL_FONT: Font = Font::regular(8.0);
/// Ascent and descent of a label line around its baseline.
const ASCENT: f64 = 6.0;
const DESCENT: f64 = 2.0;
/// The widest a label may be before it is shortened, at most: about the
/// 0.6 of an actor column, between 36 and 64 units (narrow columns are
/// crowded with lines).
pub fn max_label_width(columns: &[Column]) -> f64 {
    let actor =
        columns.iter().find(|c| matches!(c.kind, ColumnKind::Actor(_))).map_or(64.0, |c| c.w);
    (actor * 0.6).clamp(36.0, 64.0)
}

/// The labels of one decision as drawn: each one's text when it fits
/// `max`, else its leading words and `…` (`Some`), with the full text left
/// to Keterangan. Shortened labels of one decision never read the same.
pub fn shortened(labels: &[&str], max: f64) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = labels.iter().map(|l| shorten(l, max, 0)).collect();
    for extra in 1..=64 {
        let shown: Vec<String> = out
            .iter()
            .zip(labels)
            .map(|(s, l)| s.clone().unwrap_or_else(|| (*l).to_string()))
            .collect();
        let mut again = false;
        for (k, l) in labels.iter().enumerate() {
            let clash = shown.iter().enumerate().any(|(j, t)| j != k && Some(t) == shown.get(k));
            if clash && out.get(k).is_some_and(Option::is_some) {
                if let Some(slot) = out.get_mut(k) {
                    *slot = shorten(l, max, extra);
                }
                again = true;
            }
        }
        if !again {
            break;
        }
    }
    out
}

/// The label each branch of `step` shows in the flowchart (`None` for a
/// branch without one) and whether it was shortened.
pub fn branch_labels(step: &Step, columns: &[Column]) -> Vec<Option<(String, bool)>> {
    let texts: Vec<&str> =
        step.branches.iter().filter_map(|b| b.label.as_ref().map(|l| l.value.as_str())).collect();
    // Five or more branches fan out of one narrow column: their lines
    // stand closer together, so their labels are shortened sooner.
    let max = if step.branches.len() >= 5 {
        (max_label_width(columns) * 0.75).max(30.0)
    } else {
        max_label_width(columns)
    };
    let mut short = shortened(&texts, max).into_iter();
    step.branches
        .iter()
        .map(|b| {
            let full = b.label.as_ref()?;
            match short.next().flatten() {
                Some(s) => Some((s, true)),
                None => Some((full.value.clone(), false)),
            }
        })
        .collect()
}

/// `text` cut to fit `max` with `…`: at a word when `extra` is 0, else
/// between characters, `extra` letters past the first word that fits (to
/// tell apart labels that begin alike).
fn shorten(text: &str, max: f64, extra: usize) -> Option<String> {
    if LABEL_FONT.width(text) <= max {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let lead = |n: usize| words.get(..n).map_or(String::new(), |w| w.join(" "));
    let mut n = 0;
    while n < words.len() && LABEL_FONT.width(&format!("{}…", lead(n + 1))) <= max {
        n += 1;
    }
    if n > 0 && extra == 0 {
        return Some(format!("{}…", lead(n)));
    }
    let base = lead(n).chars().count();
    let mut out = String::new();
    for (k, c) in text.chars().enumerate() {
        let fits = LABEL_FONT.width(&format!("{out}{c}…")) <= max;
        if !fits && k >= base + extra {
            break;
        }
        out.push(c);
    }
    if out.chars().count() >= text.chars().count() {
        return None;
    }
    Some(format!("{}…", out.trim_end()))
}

/// Baseline to baseline of a label set on two lines.
pub const LABEL_LINE: f64 = 9.0;

/// The box of a label with its (first) baseline at `at`, starting there or
/// (with `end`) ending there. A label may hold a line break (`\n`), see
/// [`two_lines`].
pub fn label_box(text: &str, at: Point, end: bool) -> Rect {
    let w = text.split('\n').map(|l| LABEL_FONT.width(l)).fold(0.0, f64::max);
    let extra = text.matches('\n').count() as f64 * LABEL_LINE;
    let x = if end { at.x - w } else { at.x };
    Rect::new(x, at.y - ASCENT, w, ASCENT + DESCENT + extra)
}

/// A label of several words set on two lines, broken at the space that
/// makes the longer line shortest (`None` for one word).
pub fn two_lines(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..words.len())
        .filter_map(|k| {
            let (a, b) = (words.get(..k)?.join(" "), words.get(k..)?.join(" "));
            let w = LABEL_FONT.width(&a).max(LABEL_FONT.width(&b));
            Some((w, format!("{a}\n{b}")))
        })
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, t)| t)
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
/// nearest the port first; then (for crowded decisions, where every place
/// beside the line touches another arrow) a little further out from it.
/// `below` is how far the box reaches under its first line (the second
/// line of a label on two).
/// Nearest the port first, a place further out counting as three units
/// further along: a label a little off its line still reads as its own,
/// one far down the line (in the next row) does not.
fn candidates(path: &[Point], aways: &[f64], below: f64) -> Vec<(Point, bool)> {
    let mut out = Vec::new();
    for &away in aways {
        let mut here = Vec::new();
        candidates_at(path, away, below, &mut here);
        // `candidates_at` gives two places per step of 3 units along the
        // path, segment after segment.
        for (k, (p, end)) in here.into_iter().enumerate() {
            out.push(((k / 2) as f64 * 3.0 + 3.0 * away, p, end));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter().map(|(_, p, end)| (p, end)).collect()
}

/// The candidates `away` units further from the line than the nearest.
fn candidates_at(path: &[Point], away: f64, below: f64, out: &mut Vec<(Point, bool)>) {
    for pair in path.windows(2) {
        let [a, b] = pair else { continue };
        let len = ((b.x - a.x).abs()).max((b.y - a.y).abs());
        let mut d = 1.0;
        while d < len.max(2.0) {
            if (a.x - b.x).abs() < 1e-9 {
                // Vertical: beside the line, the box's top just past `d`.
                let dir = if b.y >= a.y { 1.0 } else { -1.0 };
                let y = a.y + dir * d + ASCENT;
                out.push((Point::new(a.x + 3.0 + away, y), false));
                out.push((Point::new(a.x - 3.0 - away, y), true));
            } else {
                // Horizontal: above or below the line.
                let dir = if b.x >= a.x { 1.0 } else { -1.0 };
                let x = a.x + dir * (d + 1.0);
                let end = dir < 0.0;
                out.push((Point::new(x, a.y - DESCENT - 1.0 - away - below), end));
                out.push((Point::new(x, a.y + ASCENT + 1.0 + away), end));
            }
            d += 3.0;
        }
    }
}

/// How far out from its line a label is tried while the page is routed.
const NEAR: [f64; 5] = [0.0, 3.0, 6.0, 9.0, 12.0];
/// And once every arrow is known, for the labels something ran into.
const FAR: [f64; 9] = [0.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0];

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

    /// A label placed by someone else, which later labels keep clear of.
    pub fn reserve(&mut self, r: Rect) {
        self.placed.push(r);
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
        let (at, end, bad) = self.best(text, own, others, obstacles, &NEAR);
        let b = label_box(text, at, end);
        self.placed.push(b);
        (at, end, b, bad == 0)
    }

    /// Whether a label of `text` at `at` is free of everything: inside the
    /// area, off every obstacle, placed label and `others` arrow.
    pub fn is_free(
        &self,
        text: &str,
        at: Point,
        end: bool,
        own: &[Point],
        others: &[&[Point]],
        obstacles: &[Obstacle],
    ) -> bool {
        self.badness(text, at, end, own, others, obstacles) == 0
    }

    /// Places a label again once every arrow of the page is known: its
    /// text on one line, then (several words) on two, each tried along
    /// its arrow and up to 24 units out from it. Returns the text as set,
    /// its anchor, whether it ends there, its box and whether it is free.
    pub fn place_again(
        &mut self,
        text: &str,
        own: &[Point],
        others: &[&[Point]],
        obstacles: &[Obstacle],
    ) -> (String, Point, bool, Rect, bool) {
        let mut best: Option<(usize, String, Point, bool)> = None;
        for t in std::iter::once(text.to_string()).chain(two_lines(text)) {
            let (at, end, bad) = self.best(&t, own, others, obstacles, &FAR);
            if best.as_ref().is_none_or(|b| bad < b.0) {
                best = Some((bad, t, at, end));
            }
            if bad == 0 {
                break;
            }
        }
        let start = own.first().copied().unwrap_or(Point::new(0.0, 0.0));
        let (bad, t, at, end) = best.unwrap_or((1, text.to_string(), start, false));
        let b = label_box(&t, at, end);
        self.placed.push(b);
        (t, at, end, b, bad == 0)
    }

    /// The least bad place for `text` among the candidates `aways` out.
    fn best(
        &self,
        text: &str,
        own: &[Point],
        others: &[&[Point]],
        obstacles: &[Obstacle],
        aways: &[f64],
    ) -> (Point, bool, usize) {
        let mut best: Option<(usize, Point, bool)> = None;
        let below = text.matches('\n').count() as f64 * LABEL_LINE;
        for (at, end) in candidates(own, aways, below) {
            let bad = self.badness(text, at, end, own, others, obstacles);
            if best.is_none_or(|(b, _, _)| bad < b) {
                best = Some((bad, at, end));
            }
            if bad == 0 {
                break;
            }
        }
        let start = own.first().copied().unwrap_or(Point::new(0.0, 0.0));
        let (bad, at, end) = best.unwrap_or((1, start, false));
        (at, end, bad)
    }

    /// How badly a label at `at` meets things: 100 outside the area, 10
    /// per symbol or label, 1 per other arrow's segment.
    fn badness(
        &self,
        text: &str,
        at: Point,
        end: bool,
        own: &[Point],
        others: &[&[Point]],
        obstacles: &[Obstacle],
    ) -> usize {
        let area = self.area;
        {
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
            // A label reads as belonging to the line nearest it: another
            // arrow as near as its own makes it ambiguous.
            let mine = path_distance(own, &b);
            if others.iter().any(|o| path_distance(o, &b) < mine + AMBIGUITY) {
                n += 1;
            }
            n
        }
    }
}

/// Another arrow must be this much further from a label than its own.
const AMBIGUITY: f64 = 1.0;

/// The distance from box `r` to the nearest segment of `path`.
pub fn path_distance(path: &[Point], r: &Rect) -> f64 {
    path.windows(2)
        .filter_map(|s| match s {
            [a, b] => {
                let dx = (a.x.min(b.x) - r.right()).max(r.x - a.x.max(b.x)).max(0.0);
                let dy = (a.y.min(b.y) - r.bottom()).max(r.y - a.y.max(b.y)).max(0.0);
                Some(dx.hypot(dy))
            }
            _ => None,
        })
        .fold(f64::MAX, f64::min)
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
    fn long_labels_are_shortened_at_a_word_and_stay_distinct() {
        let full = "Bukan kewenangan pemerintah daerah provinsi";
        let got = shortened(&["Ya", full], 60.0);
        assert_eq!(got[0], None);
        let s = got[1].clone().unwrap();
        assert!(s.ends_with('…') && LABEL_FONT.width(&s) <= 60.0, "{s}");
        assert!(full.starts_with(s.trim_end_matches('…')));
        let got = shortened(&["Tidak lengkap sama sekali", "Tidak lengkap sebagian"], 40.0);
        assert_ne!(got[0], got[1], "{got:?}");
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
