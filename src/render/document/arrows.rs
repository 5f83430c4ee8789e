//! The arrows of one page: where each leaves its symbol (a decision's
//! branches each get their own port: bottom, right and left corners, then
//! points on its edges), which gutter it starts and ends in, the routing of
//! each through [`super::route`] (arrows to and from off-page connectors
//! too), and the placing of branch labels ([`super::labels`]). A gap with
//! no free track is reported back to the layout, which widens it.

use super::flowchart::{
    Arrow, BAND_HEIGHT, CHANNEL_LANE, Column, ColumnKind, Connector, Direction, EdgeRef, Endpoint,
    LANE_INSET, Page, Role, Side,
};
use super::geometry::{Point, Rect};
use super::labels::{Labeller, branch_labels, label_box};
use super::route::{Exit, Full, Heading, Inlet, Obstacle, Router, TRACK};
use crate::model::{Sop, StepKind};

/// Where the branches of a decision leave it: the bottom vertex, the right
/// and left vertices, then (past three) distinct ports on the lower and
/// upper edges, so no two branches ever share their first stretch. An
/// arrow back to an earlier row prefers the right, towards the side
/// channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Port {
    Bottom,
    Right,
    Left,
    /// On the lower right edge, this far from the centre (quarters).
    LowerRight(u8),
    LowerLeft(u8),
    UpperRight,
    UpperLeft,
}

const FORWARD: [Port; 11] = [
    Port::Bottom,
    Port::Right,
    Port::Left,
    Port::LowerRight(2),
    Port::LowerLeft(2),
    Port::UpperRight,
    Port::UpperLeft,
    Port::LowerRight(1),
    Port::LowerLeft(1),
    Port::LowerRight(3),
    Port::LowerLeft(3),
];
const BACKWARD: [Port; 11] = [
    Port::Right,
    Port::UpperRight,
    Port::LowerRight(2),
    Port::Bottom,
    Port::Left,
    Port::UpperLeft,
    Port::LowerLeft(2),
    Port::LowerRight(1),
    Port::LowerLeft(1),
    Port::LowerRight(3),
    Port::LowerLeft(3),
];

/// `reserved` are the corners already taken by the decision's branches
/// that end the procedure (their end capsules sit beside it).
fn ports(edges: &[EdgeRef], reserved: &[Port]) -> Vec<Port> {
    let mut taken: Vec<Port> = reserved.to_vec();
    // Backward arrows choose first, so that they get the right side.
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by_key(|&k| edges.get(k).is_none_or(|e| e.to > e.from));
    let mut assigned = vec![Port::Bottom; edges.len()];
    for k in order {
        let back = edges.get(k).is_some_and(|e| e.to <= e.from);
        let prefs: &[Port] = if back { &BACKWARD } else { &FORWARD };
        let port = prefs.iter().copied().find(|p| !taken.contains(p)).unwrap_or(Port::Bottom);
        taken.push(port);
        if let Some(slot) = assigned.get_mut(k) {
            *slot = port;
        }
    }
    assigned
}

/// The point and heading of a port on a symbol's box (a diamond's vertices
/// and edges when `port` is not the bottom).
fn exit_of(port: Port, r: Rect) -> (Point, Heading) {
    let (cx, cy, hw, hh) = (r.cx(), r.cy(), r.w / 2.0, r.h / 2.0);
    match port {
        Port::Bottom => (Point::new(cx, r.bottom()), Heading::Down),
        Port::Right => (Point::new(r.right(), cy), Heading::Right),
        Port::Left => (Point::new(r.x, cy), Heading::Left),
        Port::LowerRight(q) | Port::LowerLeft(q) => {
            let f = f64::from(q) / 4.0;
            let dx = if matches!(port, Port::LowerRight(_)) { hw * f } else { -hw * f };
            (Point::new(cx + dx, cy + hh * (1.0 - f)), Heading::Down)
        }
        Port::UpperRight => (Point::new(cx + hw / 2.0, cy - hh / 2.0), Heading::Right),
        Port::UpperLeft => (Point::new(cx - hw / 2.0, cy - hh / 2.0), Heading::Left),
    }
}

/// What routing a page asks of the layout: rows to make taller (their
/// gutters were full) and whether the side channel needs more lanes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Widen {
    pub steps: Vec<usize>,
    pub channel: bool,
    /// Bands (by first step) that need this much more height for the end
    /// capsules drawn below their decisions.
    pub room: Vec<(usize, f64)>,
}

pub(super) fn route_page(
    page: &mut Page,
    sop: &Sop,
    columns: &[Column],
    edges: &[EdgeRef],
    crossing: &[(EdgeRef, String)],
    page_of: &[usize],
    pi: usize,
) -> Widen {
    // Gutter g lies above local row g; the last lies below the last row.
    let n = page.rows.len();
    let mut gutters = Vec::with_capacity(n + 1);
    let symbol_span = |local: usize| -> Option<(f64, f64)> {
        let row = page.rows.get(local)?;
        let rects = page
            .symbols
            .iter()
            .filter(|s| row.holds(s.step))
            .map(|s| s.rect)
            .chain(page.outcomes.iter().filter(|o| row.holds(o.step)).map(|o| o.rect));
        let (mut top, mut bottom) = (f64::MAX, f64::MIN);
        for r in rects {
            top = top.min(r.y);
            bottom = bottom.max(r.bottom());
        }
        (top <= bottom).then_some((top, bottom))
    };
    let in_top = page.connectors.iter().filter(|c| c.direction == Direction::In).map(|c| c.rect);
    let out_top = page.connectors.iter().filter(|c| c.direction == Direction::Out).map(|c| c.rect);
    let top_limit =
        in_top.map(|r| r.bottom()).fold(page.rows.first().map_or(0.0, |r| r.y), f64::max);
    let bottom_limit = out_top.map(|r| r.y).fold(page.height, f64::min);
    for g in 0..=n {
        let top = if g == 0 {
            top_limit
        } else {
            symbol_span(g - 1).map_or_else(|| page.rows.get(g - 1).map_or(0.0, |r| r.y), |s| s.1)
        };
        let bottom = if g == n {
            bottom_limit.min(page.rows.last().map_or(page.height, |r| r.y + r.h + BAND_HEIGHT))
        } else {
            symbol_span(g).map_or_else(|| page.rows.get(g).map_or(0.0, |r| r.y + r.h), |s| s.0)
        };
        gutters.push((top, bottom));
    }
    let obstacles = page.obstacles();
    let mut rules: Vec<f64> = page.rows.iter().flat_map(|r| [r.y, r.y + r.h]).collect();
    for b in [page.top_band, page.bottom_band].into_iter().flatten() {
        rules.extend([b.y, b.y + b.h]);
    }
    let mut verticals = Vec::new();
    let mut channel = Vec::new();
    let (mut area_lo, mut area_hi) = (f64::MAX, f64::MIN);
    for c in columns {
        match c.kind {
            ColumnKind::Actor(_) => {
                verticals.push(c.center());
                let mut x = c.x + TRACK;
                while x <= c.right() - TRACK + 1e-9 {
                    if (x - c.center()).abs() > 1.0 {
                        verticals.push(x);
                    }
                    x += TRACK;
                }
                area_lo = area_lo.min(c.x);
                area_hi = area_hi.max(c.right());
            }
            ColumnKind::Channel => {
                let mut x = c.x + LANE_INSET;
                while x <= c.right() - 3.0 {
                    channel.push(x);
                    x += CHANNEL_LANE;
                }
                area_hi = area_hi.max(c.right());
            }
            _ => {}
        }
    }
    let mut router = Router::new(obstacles.clone(), gutters, rules, verticals, channel);
    let top = page.rows.first().map_or(0.0, |r| r.y);
    let bottom = page.rows.last().map_or(page.height, |r| r.y + r.h);
    let area = Rect::new(area_lo, top, (area_hi - area_lo).max(0.0), bottom - top);
    let mut labeller = Labeller::new(area);
    // The arrows into end capsules beside decisions, and their labels,
    // are already drawn: routed arrows and labels keep clear of them.
    for o in &page.outcomes {
        router.reserve(&o.points);
        if let Some((text, at, end)) = &o.label {
            let b = label_box(text, *at, *end);
            labeller.reserve(b);
            router.add_obstacle(Obstacle::Box(Rect::new(
                b.x - 1.0,
                b.y - 1.0,
                b.w + 2.0,
                b.h + 2.0,
            )));
        }
    }
    let local = |step: usize| page.rows.iter().position(|r| r.holds(step));
    let main_of = |step: usize| {
        page.symbols.iter().find(|s| s.step == step && s.role == Role::Main).map(|s| s.rect)
    };
    // The arrows between the steps of a numbered row drawn side by side:
    // straight across, side to side, reserved before anything is routed.
    let mut across: Vec<(EdgeRef, Port, Vec<Point>)> = Vec::new();
    for row in page.rows.iter().filter(|r| r.last > r.step) {
        for e in edges.iter().filter(|e| row.holds(e.from) && e.to == e.from + 1 && row.holds(e.to))
        {
            let (Some(a), Some(b)) = (main_of(e.from), main_of(e.to)) else { continue };
            let (port, from, to) = if b.cx() > a.cx() {
                (Port::Right, Point::new(a.right(), a.cy()), Point::new(b.x, b.cy()))
            } else {
                (Port::Left, Point::new(a.x, a.cy()), Point::new(b.right(), b.cy()))
            };
            router.reserve(&[from, to]);
            across.push((*e, port, vec![from, to]));
        }
    }
    let mut arrows = Vec::new();
    let mut widen = Widen::default();
    let note_full = |full: Full, widen: &mut Widen| {
        for g in full.gutters {
            // Gutter g lies between local rows g-1 and g: both grow.
            for lr in [g.wrapping_sub(1), g] {
                if let Some(r) = page.rows.get(lr)
                    && !widen.steps.contains(&r.step)
                {
                    widen.steps.push(r.step);
                }
            }
        }
        widen.channel |= full.channel;
    };
    let routed = |router: &mut Router, exit: &Exit, entry: Inlet, widen: &mut Widen| match router
        .route(exit, entry)
    {
        Ok(points) => points,
        Err((full, points)) => {
            note_full(full, widen);
            points
        }
    };

    // Arrows leaving steps on this page (to a step here or to a connector).
    for (row, i) in page.rows.iter().flat_map(|r| r.steps().map(move |i| (r, i))) {
        let Some(step) = sop.steps.get(i) else { continue };
        let Some(src) = main_of(i) else { continue };
        let Some(lr) = local(i) else { continue };
        let outgoing: Vec<EdgeRef> = edges.iter().filter(|e| e.from == i).copied().collect();
        let is_decision = step.kind() == Some(StepKind::Decision);
        // Corners taken by end capsules and by the straight arrows to and
        // from the steps beside it in its band.
        let mut reserved: Vec<Port> = page
            .outcomes
            .iter()
            .filter(|o| o.step == i)
            .map(|o| match (o.side, o.below) {
                (Side::Left, None) => Port::Left,
                (Side::Right, None) => Port::Right,
                (Side::Left, Some(q)) => Port::LowerLeft(q),
                (Side::Right, Some(q)) => Port::LowerRight(q),
            })
            .collect();
        for (e, port, _) in &across {
            if e.from == i {
                reserved.push(*port);
            } else if e.to == i {
                // The arrow in arrives at the facing corner.
                reserved.push(if *port == Port::Right { Port::Left } else { Port::Right });
            }
        }
        let to_route: Vec<EdgeRef> =
            outgoing.iter().copied().filter(|e| !across.iter().any(|(a, ..)| a == e)).collect();
        let mut routed_ports = if is_decision {
            ports(&to_route, &reserved)
        } else {
            vec![Port::Bottom; to_route.len()]
        }
        .into_iter();
        let port_list: Vec<Option<Port>> = outgoing
            .iter()
            .map(|e| if across.iter().any(|(a, ..)| a == e) { None } else { routed_ports.next() })
            .collect();
        let shown = branch_labels(step, columns);
        for (edge, port) in outgoing.iter().zip(port_list) {
            let Some(port) = port else {
                // Straight across to the next step of the band.
                let Some((_, p, points)) = across.iter().find(|(a, ..)| a == edge) else {
                    continue;
                };
                let (port_point, _) = exit_of(*p, src);
                let label = edge
                    .branch
                    .and_then(|b| shown.get(b).cloned().flatten())
                    .map(|(text, _)| (text, port_point, false));
                arrows.push(Arrow {
                    edge: *edge,
                    from: Endpoint::Step(i),
                    to: Endpoint::Step(edge.to),
                    points: points.clone(),
                    label,
                });
                continue;
            };
            let (port_point, heading) = exit_of(port, src);
            let exit = Exit { port: port_point, heading, gutter: lr + 1 };
            let label = edge
                .branch
                .and_then(|b| shown.get(b).cloned().flatten())
                .map(|(text, _)| (text, port_point, false));
            let same_page = page_of.get(edge.to) == Some(&pi);
            let (entry, to) = if same_page {
                let (Some(dst), Some(lt)) = (main_of(edge.to), local(edge.to)) else { continue };
                (Inlet { point: Point::new(dst.cx(), dst.y), gutter: lt }, Endpoint::Step(edge.to))
            } else {
                let Some(label) = crossing.iter().find(|(e, _)| e == edge).map(|(_, l)| l) else {
                    continue;
                };
                let Some(c) = page
                    .connectors
                    .iter()
                    .find(|c| c.label == *label && c.direction == Direction::Out)
                else {
                    continue;
                };
                (
                    Inlet { point: Point::new(c.rect.cx(), c.rect.y), gutter: n },
                    Endpoint::Connector(c.label.clone()),
                )
            };
            let points = routed(&mut router, &exit, entry, &mut widen);
            arrows.push(Arrow { edge: *edge, from: Endpoint::Step(i), to, points, label });
        }
        // The branch labels of this row, as soon as its arrows are known:
        // clear of every arrow routed so far, and obstacles for the rest.
        let first = arrows.len() - outgoing.len().min(arrows.len());
        for k in first..arrows.len() {
            let Some(text) = arrows.get(k).and_then(|a| a.label.as_ref()).map(|l| l.0.clone())
            else {
                continue;
            };
            let others: Vec<&[Point]> = arrows
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, a)| a.points.as_slice())
                .chain(page.outcomes.iter().map(|o| o.points.as_slice()))
                .collect();
            let own = arrows.get(k).map_or(&[][..], |a| a.points.as_slice());
            let (at, end, rect, free) = labeller.place(&text, own, &others, &obstacles);
            router.add_obstacle(Obstacle::Box(Rect::new(
                rect.x - 1.0,
                rect.y - 1.0,
                rect.w + 2.0,
                rect.h + 2.0,
            )));
            if !free {
                // No free place: the rows around the decision get more room.
                let next = page.rows.get(lr + 1).map(|r| r.step);
                for step in std::iter::once(row.step).chain(next) {
                    if !widen.steps.contains(&step) {
                        widen.steps.push(step);
                    }
                }
            }
            if let Some((_, p, e)) = arrows.get_mut(k).and_then(|a| a.label.as_mut()) {
                *p = at;
                *e = end;
            }
        }
    }
    // Arrows arriving from other pages, from their connectors.
    let ins: Vec<Connector> =
        page.connectors.iter().filter(|c| c.direction == Direction::In).cloned().collect();
    for c in ins {
        let (Some(dst), Some(lt)) = (main_of(c.target), local(c.target)) else { continue };
        // The arrow stands for every crossing arrow with this label; the
        // first one names it.
        let Some(edge) = crossing.iter().find(|(_, l)| *l == c.label).map(|(e, _)| *e) else {
            continue;
        };
        let exit = Exit {
            port: Point::new(c.rect.cx(), c.rect.bottom()),
            heading: Heading::Down,
            gutter: 0,
        };
        let entry = Inlet { point: Point::new(dst.cx(), dst.y), gutter: lt };
        let points = routed(&mut router, &exit, entry, &mut widen);
        arrows.push(Arrow {
            edge,
            from: Endpoint::Connector(c.label.clone()),
            to: Endpoint::Step(c.target),
            points,
            label: None,
        });
    }

    settle_labels(page, &mut arrows, area, &obstacles, &mut widen);
    page.arrows = arrows;
    widen
}

/// Labels are placed as their row is routed, and arrows routed later go
/// around them, unless a label hems an arrow in (the router then takes a
/// path through it). So each label is checked again against the finished
/// page; one that meets an arrow is placed again with every arrow known,
/// further out or on two lines, and where even that fails the rows around
/// its decision get taller for the next layout round.
fn settle_labels(
    page: &Page,
    arrows: &mut [Arrow],
    area: Rect,
    obstacles: &[Obstacle],
    widen: &mut Widen,
) {
    let others_of = |arrows: &[Arrow], k: usize| -> Vec<Vec<Point>> {
        arrows
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .map(|(_, a)| a.points.clone())
            .chain(page.outcomes.iter().map(|o| o.points.clone()))
            .collect()
    };
    let mut again = Labeller::new(area);
    for o in &page.outcomes {
        if let Some((text, at, end)) = &o.label {
            again.reserve(label_box(text, *at, *end));
        }
    }
    let mut misplaced = Vec::new();
    for (k, a) in arrows.iter().enumerate() {
        let Some((text, at, end)) = &a.label else { continue };
        let others = others_of(arrows, k);
        let others: Vec<&[Point]> = others.iter().map(Vec::as_slice).collect();
        if Labeller::new(area).is_free(text, *at, *end, &a.points, &others, obstacles) {
            again.reserve(label_box(text, *at, *end));
        } else {
            misplaced.push(k);
        }
    }
    for k in misplaced {
        let others = others_of(arrows, k);
        let others: Vec<&[Point]> = others.iter().map(Vec::as_slice).collect();
        let Some(a) = arrows.get_mut(k) else { continue };
        let Some((text, at, end)) = a.label.as_mut() else { continue };
        let (set, p, e, _, free) = again.place_again(text, &a.points, &others, obstacles);
        *text = set;
        *at = p;
        *end = e;
        if !free {
            let from = a.edge.from;
            let local = page.rows.iter().position(|r| r.step == from);
            let next = local.and_then(|l| page.rows.get(l + 1)).map(|r| r.step);
            for step in std::iter::once(from).chain(next) {
                if !widen.steps.contains(&step) {
                    widen.steps.push(step);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backward_branches_leave_on_the_right() {
        let e = |from, to| EdgeRef { from, branch: Some(0), to };
        assert_eq!(ports(&[e(5, 6), e(5, 2)], &[]), vec![Port::Bottom, Port::Right]);
        // An outcome's end capsule holds the right corner: the way back
        // leaves on the upper right edge, still towards the channel.
        assert_eq!(
            ports(&[e(5, 6), e(5, 2)], &[Port::Right]),
            vec![Port::Bottom, Port::UpperRight]
        );
        assert_eq!(
            ports(&[e(5, 6), e(5, 8), e(5, 9), e(5, 10)], &[]),
            vec![Port::Bottom, Port::Right, Port::Left, Port::LowerRight(2)]
        );
    }
}
