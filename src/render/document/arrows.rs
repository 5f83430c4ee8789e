//! The arrows of one page: where each leaves its symbol (a decision's
//! branches use its bottom, right and left corners), which gutter it
//! starts and ends in, and the routing of each through [`super::route`],
//! including the arrows to and from off-page connectors.

use super::flowchart::{
    Arrow, BAND_HEIGHT, CHANNEL_LANE, Column, ColumnKind, Connector, Direction, EdgeRef, Endpoint,
    LANE_INSET, Page, Role, Side, step_column,
};
use super::geometry::{Point, Rect};
use super::route::{Entry, Exit, Router};
use crate::model::{Sop, StepKind};

/// Where the branches of a decision leave it: the first at the bottom,
/// the next on the right (towards the side channel) and on the left, more
/// again at the bottom. An arrow back to an earlier row prefers the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Port {
    Bottom,
    Right,
    Left,
}

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
        let prefs: &[Port] = if back {
            &[Port::Right, Port::Left, Port::Bottom]
        } else {
            &[Port::Bottom, Port::Right, Port::Left]
        };
        let port = prefs.iter().copied().find(|p| !taken.contains(p)).unwrap_or(Port::Bottom);
        taken.push(port);
        if let Some(slot) = assigned.get_mut(k) {
            *slot = port;
        }
    }
    assigned
}

pub(super) fn route_page(
    page: &mut Page,
    sop: &Sop,
    columns: &[Column],
    edges: &[EdgeRef],
    crossing: &[(EdgeRef, String)],
    page_of: &[usize],
    pi: usize,
) {
    // Gutter g lies above local row g; the last lies below the last row.
    let n = page.rows.len();
    let mut gutters = Vec::with_capacity(n + 1);
    let symbol_span = |local: usize| -> Option<(f64, f64)> {
        let step = page.rows.get(local)?.step;
        let rects = page.symbols.iter().filter(|s| s.step == step).map(|s| s.rect);
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
    let mut obstacles: Vec<Rect> = page.symbols.iter().map(|s| s.rect).collect();
    obstacles.extend(page.outcomes.iter().map(|o| o.rect));
    obstacles.extend(page.connectors.iter().map(|c| c.rect));
    let mut verticals = Vec::new();
    let mut channel = Vec::new();
    for c in columns {
        match c.kind {
            ColumnKind::Actor(_) => {
                verticals.extend([c.center(), c.x + LANE_INSET, c.right() - LANE_INSET]);
            }
            ColumnKind::Channel => {
                let mut x = c.x + LANE_INSET;
                while x <= c.right() - 3.0 {
                    channel.push(x);
                    x += CHANNEL_LANE;
                }
            }
            _ => {}
        }
    }
    let mut router = Router::new(obstacles, gutters, verticals, channel);
    let local = |step: usize| page.rows.iter().position(|r| r.step == step);
    let main_of = |step: usize| {
        page.symbols.iter().find(|s| s.step == step && s.role == Role::Main).map(|s| s.rect)
    };
    let mut arrows = Vec::new();

    // Arrows leaving steps on this page (to a step here or to a connector).
    for row in &page.rows {
        let Some(step) = sop.steps.get(row.step) else { continue };
        let Some(src) = main_of(row.step) else { continue };
        let Some(lr) = local(row.step) else { continue };
        let outgoing: Vec<EdgeRef> = edges.iter().filter(|e| e.from == row.step).copied().collect();
        let is_decision = step.kind() == Some(StepKind::Decision);
        let reserved: Vec<Port> = page
            .outcomes
            .iter()
            .filter(|o| o.step == row.step)
            .map(|o| match o.side {
                Side::Left => Port::Left,
                Side::Right => Port::Right,
            })
            .collect();
        let port_list = if is_decision {
            ports(&outgoing, &reserved)
        } else {
            vec![Port::Bottom; outgoing.len()]
        };
        let col = columns.get(step_column(step, sop, columns));
        for (edge, port) in outgoing.iter().zip(port_list) {
            let (stub, label_at, end_anchor) = match (port, col) {
                (Port::Right, Some(c)) => {
                    let p = Point::new(src.right(), src.cy());
                    let lane = c.right() - LANE_INSET;
                    (
                        vec![p, Point::new(lane, src.cy())],
                        Point::new(src.right() + 2.0, src.cy() - 3.0),
                        false,
                    )
                }
                (Port::Left, Some(c)) => {
                    let p = Point::new(src.x, src.cy());
                    let lane = c.x + LANE_INSET;
                    (
                        vec![p, Point::new(lane, src.cy())],
                        Point::new(src.x - 2.0, src.cy() - 3.0),
                        true,
                    )
                }
                _ => {
                    let p = Point::new(src.cx(), src.bottom());
                    (vec![p], Point::new(src.cx() + 3.0, src.bottom() + 9.0), false)
                }
            };
            let exit = Exit { stub, gutter: lr + 1 };
            let label = edge
                .branch
                .and_then(|b| step.branches.get(b))
                .and_then(|b| b.label.as_ref())
                .map(|l| (l.value.clone(), label_at, end_anchor));
            let same_page = page_of.get(edge.to) == Some(&pi);
            let (entry, to) = if same_page {
                let (Some(dst), Some(lt)) = (main_of(edge.to), local(edge.to)) else { continue };
                (Entry { point: Point::new(dst.cx(), dst.y), gutter: lt }, Endpoint::Step(edge.to))
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
                    Entry { point: Point::new(c.rect.cx(), c.rect.y), gutter: n },
                    Endpoint::Connector(c.label.clone()),
                )
            };
            let points = router.route(&exit, entry);
            arrows.push(Arrow { edge: *edge, from: Endpoint::Step(row.step), to, points, label });
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
        let exit = Exit { stub: vec![Point::new(c.rect.cx(), c.rect.bottom())], gutter: 0 };
        let entry = Entry { point: Point::new(dst.cx(), dst.y), gutter: lt };
        let points = router.route(&exit, entry);
        arrows.push(Arrow {
            edge,
            from: Endpoint::Connector(c.label.clone()),
            to: Endpoint::Step(c.target),
            points,
            label: None,
        });
    }
    page.arrows = arrows;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backward_branches_leave_on_the_right() {
        let e = |from, to| EdgeRef { from, branch: Some(0), to };
        assert_eq!(ports(&[e(5, 6), e(5, 2)], &[]), vec![Port::Bottom, Port::Right]);
        assert_eq!(
            ports(&[e(5, 6), e(5, 8), e(5, 9), e(5, 10)], &[]),
            vec![Port::Bottom, Port::Right, Port::Left, Port::Bottom]
        );
        // An outcome's end capsule holds the right corner: the way back
        // leaves on the left.
        assert_eq!(ports(&[e(5, 6), e(5, 2)], &[Port::Right]), vec![Port::Bottom, Port::Left]);
    }
}
