//! Off-page connectors: their labels (A, B, …, Z, AA, …) and their places
//! in the bands above the first row and below the last row of a page,
//! under the column of the step they lead from or to.

use super::flowchart::{
    Band, CONNECTOR_SIZE, Column, Connector, Direction, Page, actor_span, step_column,
};
use super::geometry::Rect;

/// How far the middle of a connector keeps from a column rule.
const RULE_CLEARANCE: f64 = 3.0;
use crate::model::Sop;

/// A, B, …, Z, AA, AB, …
pub(super) fn connector_label(k: usize) -> String {
    let mut n = k;
    let mut s = Vec::new();
    loop {
        s.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.iter().rev().collect()
}

/// Puts each connector in its band, under (or above) the column of the
/// step on this page, moved sideways where connectors would overlap.
pub(super) fn place_connectors(
    page: &mut Page,
    ins: &[(String, usize, usize)],
    outs: &[(String, usize, usize)],
    sop: &Sop,
    columns: &[Column],
) {
    let (lo, hi) = actor_span(columns);
    let mut place = |band: Option<Band>, list: &[(String, usize, usize)], dir: Direction| {
        let Some(band) = band else { return };
        let mut wanted: Vec<(f64, &(String, usize, usize))> = list
            .iter()
            .map(|item| {
                let x = sop
                    .steps
                    .get(item.1)
                    .and_then(|s| columns.get(step_column(s, sop, columns)))
                    .map_or(lo, Column::center);
                (x, item)
            })
            .collect();
        wanted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        let gap = 6.0;
        let mut xs: Vec<f64> = Vec::with_capacity(wanted.len());
        let mut next_free = lo + 2.0;
        // A connector's arrow leaves or enters the middle of its side, so
        // that middle must not sit on a column rule (the line would vanish).
        let rule_near = |left: f64| {
            let cx = left + CONNECTOR_SIZE / 2.0;
            columns.iter().map(|c| c.x).find(|x| (x - cx).abs() < RULE_CLEARANCE)
        };
        for (x, _) in &wanted {
            let mut left = (x - CONNECTOR_SIZE / 2.0).max(next_free);
            if let Some(rule) = rule_near(left) {
                left = rule + RULE_CLEARANCE - CONNECTOR_SIZE / 2.0;
            }
            xs.push(left);
            next_free = left + CONNECTOR_SIZE + gap;
        }
        // Pushed past the right edge: slide the row of connectors back.
        let overflow = next_free - gap - (hi - 2.0);
        if overflow > 0.0 {
            let mut limit = hi - 2.0;
            for x in xs.iter_mut().rev() {
                let mut left = (*x - overflow).min(limit - CONNECTOR_SIZE);
                if let Some(rule) = rule_near(left) {
                    left = rule - RULE_CLEARANCE - CONNECTOR_SIZE / 2.0;
                }
                *x = left;
                limit = left - gap;
            }
        }
        let y = band.y + (band.h - CONNECTOR_SIZE) / 2.0;
        for ((_, (label, _, target)), x) in wanted.iter().zip(xs) {
            page.connectors.push(Connector {
                label: label.clone(),
                direction: dir,
                rect: Rect::new(x, y, CONNECTOR_SIZE, CONNECTOR_SIZE),
                target: *target,
            });
        }
    };
    place(page.top_band, ins, Direction::In);
    place(page.bottom_band, outs, Direction::Out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connector_labels_run_a_to_z_then_aa() {
        let got: Vec<String> =
            [0, 1, 25, 26, 27, 51, 52].iter().map(|&k| connector_label(k)).collect();
        assert_eq!(got, ["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
    }
}
