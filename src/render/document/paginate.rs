//! Splitting the flowchart rows into A4 pages: at most `rows_per_page`
//! rows on a page, and never more than fit its height, so the printed
//! table neither overflows nor splits a row. A row taller than a whole
//! page gets a page of its own (the page is then scaled down to fit).

use std::ops::Range;

/// Groups rows of the given heights into pages, in order. `budget` is the
/// height available for rows on one page.
pub fn paginate(heights: &[f64], rows_per_page: usize, budget: f64) -> Vec<Range<usize>> {
    let max_rows = rows_per_page.max(1);
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    for (i, h) in heights.iter().enumerate() {
        let count = i - start;
        if count > 0 && (count >= max_rows || used + h > budget) {
            pages.push(start..i);
            start = i;
            used = 0.0;
        }
        used += h;
    }
    if start < heights.len() || pages.is_empty() {
        pages.push(start..heights.len());
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respects_the_row_limit() {
        assert_eq!(paginate(&[10.0; 5], 2, 1000.0), vec![0..2, 2..4, 4..5]);
        assert_eq!(paginate(&[10.0; 4], 4, 1000.0), vec![0..4]);
    }

    #[test]
    fn respects_the_height_budget() {
        assert_eq!(paginate(&[40.0, 40.0, 40.0], 10, 100.0), vec![0..2, 2..3]);
        // A row taller than a page stands alone.
        assert_eq!(paginate(&[10.0, 500.0, 10.0], 10, 100.0), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn no_rows_is_one_empty_page() {
        assert_eq!(paginate(&[], 8, 100.0), vec![0..0]);
        assert_eq!(paginate(&[10.0], 0, 100.0), vec![0..1]);
    }
}
