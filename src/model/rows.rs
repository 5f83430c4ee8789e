//! The numbered rows of the flowchart table, as the document prints them.
//!
//! A row is one step, or a run of steps joined by `same_row: true` (one
//! numbered row drawn as a chain of symbols across the actor columns, with
//! one Kelengkapan, Waktu and Output: those of its first step). Its number
//! is the `row` its first step gives (real documents number their rows
//! themselves and sometimes skip one: …4, 6), else the previous row's plus
//! one. Every renderer asks [`Rows`] for the number it prints, so a written
//! number shows the same everywhere; `irregular-row-number` reports gaps,
//! repeats and numbers out of order.

use super::Sop;

/// One numbered row: the steps `first..=last` of the SOP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub first: usize,
    pub last: usize,
    /// The number printed in the No column.
    pub number: i64,
    /// Whether the number was written (`row:`) rather than counted.
    pub written: bool,
}

impl Row {
    /// The steps of the row, in order.
    pub fn steps(&self) -> std::ops::RangeInclusive<usize> {
        self.first..=self.last
    }

    /// How many steps share the row.
    pub fn len(&self) -> usize {
        self.last + 1 - self.first
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

/// The rows of one SOP and the row of each step, built in one pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    rows: Vec<Row>,
    /// Index into `rows` of each step.
    of_step: Vec<usize>,
}

impl Rows {
    pub fn of(sop: &Sop) -> Rows {
        let mut rows: Vec<Row> = Vec::new();
        let mut of_step = Vec::with_capacity(sop.steps.len());
        for (i, step) in sop.steps.iter().enumerate() {
            match rows.last_mut() {
                Some(row) if step.same_row.is_some() => row.last = i,
                previous => {
                    let counted = previous.map_or(1, |r| r.number.saturating_add(1));
                    let written = step.row.as_ref().map(|r| r.value).filter(|&n| n > 0);
                    rows.push(Row {
                        first: i,
                        last: i,
                        number: written.unwrap_or(counted),
                        written: written.is_some(),
                    });
                }
            }
            of_step.push(rows.len().saturating_sub(1));
        }
        Rows { rows, of_step }
    }

    /// Every row, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row step `i` belongs to.
    pub fn row_of(&self, i: usize) -> Option<&Row> {
        self.of_step.get(i).and_then(|&r| self.rows.get(r))
    }

    /// The position (0-based) of step `i`'s row among the rows.
    pub fn index_of(&self, i: usize) -> usize {
        self.of_step.get(i).copied().unwrap_or(i)
    }

    /// The number printed for step `i`: its row's (a step beyond the SOP,
    /// which no caller should ask for, gets its position).
    pub fn number(&self, i: usize) -> i64 {
        self.row_of(i).map_or(i as i64 + 1, |r| r.number)
    }

    /// Whether step `i` opens its row (it carries the row's Mutu Baku).
    pub fn is_first(&self, i: usize) -> bool {
        self.row_of(i).is_some_and(|r| r.first == i)
    }

    /// Whether any row holds several steps or any number was written: the
    /// numbering then differs from plain step positions.
    pub fn is_plain(&self) -> bool {
        self.rows.iter().enumerate().all(|(k, r)| r.len() == 1 && r.number == k as i64 + 1)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn rows(steps: &str) -> Rows {
        let yaml = crate::rules::testing::sop(steps);
        let src = SourceFile::new("t.yaml", yaml);
        let root = crate::yaml::parse(&src.text, crate::yaml::Limits::default()).unwrap();
        let sop = crate::model::lower(&root, 0, &mut Vec::new()).unwrap();
        Rows::of(&sop)
    }

    #[test]
    fn written_numbers_are_kept_and_unwritten_ones_count_on() {
        let r = rows(
            "  - {id: a, kind: start, actor: p, activity: A, next: b}\n  - {id: b, row: 4, kind: process, actor: p, activity: B, next: c}\n  - {id: c, kind: process, actor: p, activity: C, next: d}\n  - {id: d, row: 9, kind: end, actor: p, activity: D}\n",
        );
        let numbers: Vec<i64> = (0..4).map(|i| r.number(i)).collect();
        assert_eq!(numbers, [1, 4, 5, 9]);
        assert!(!r.is_plain());
        assert!(r.rows().iter().map(|r| r.written).eq([false, true, false, true]));
    }

    #[test]
    fn same_row_steps_share_one_number() {
        let r = rows(
            "  - {id: a, kind: start, actor: p, activity: A, next: b}\n  - {id: b, kind: process, actor: p, activity: B, next: c}\n  - {id: c, same_row: true, kind: process, actor: q, activity: C, next: d}\n  - {id: d, kind: end, actor: p, activity: D}\n",
        );
        assert_eq!(r.len(), 3);
        let numbers: Vec<i64> = (0..4).map(|i| r.number(i)).collect();
        assert_eq!(numbers, [1, 2, 2, 3]);
        assert!(r.is_first(1) && !r.is_first(2));
        assert_eq!(r.row_of(2).map(|r| (r.first, r.last)), Some((1, 2)));
        assert_eq!(r.index_of(3), 2);
    }

    #[test]
    fn a_plain_sop_numbers_rows_by_position() {
        let r = rows(
            "  - {id: a, kind: start, actor: p, activity: A, next: b}\n  - {id: b, kind: end, actor: p, activity: B}\n",
        );
        assert!(r.is_plain());
        assert_eq!(r.number(1), 2);
    }
}
