//! "Did you mean …?": the closest candidate to a misspelt name.
//!
//! The edit distance is bounded: it gives up on a candidate as soon as the
//! distance exceeds the threshold, and candidates whose length differs by
//! more than the threshold are skipped without any work. On top of that a
//! [`Budget`] caps the total work per file: a hostile file with 50,000 steps
//! and 50,000 broken references would otherwise cost 2.5 billion distance
//! computations. Past the budget, references simply get no suggestion.

/// The candidate closest to `word`, if one is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_len = word.chars().count();
    let threshold = match word_len {
        0 => return None,
        1..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    // Case is compared loosely: `Petugas` for `petugas` is the commonest
    // slip, and a tie with another one-letter edit must not win over it.
    let original = word;
    let word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        if cand == original {
            continue;
        }
        let len = cand.chars().count();
        if len.abs_diff(word_len) > threshold {
            continue;
        }
        let limit = best.map_or(threshold, |(d, _)| d.min(threshold));
        if let Some(d) = bounded_distance(&word, &cand.to_lowercase(), limit)
            && best.is_none_or(|(bd, bc)| d < bd || (d == bd && cand < bc))
        {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// [`closest`], but only when no other candidate is as close: a fix made
/// without asking must not choose between two readings.
pub fn closest_unique<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let best = closest(word, candidates.iter().copied())?;
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let distance = |c: &str| bounded_distance(&lower, &c.to_lowercase(), usize::MAX);
    let d = distance(best);
    let tie = candidates.iter().any(|c| *c != best && *c != word && distance(c) <= d);
    (!tie).then_some(best)
}

/// Optimal-string-alignment distance between `a` and `b` (transpositions
/// count as one edit, which catches `pelindungan`/`pelidnungan`), or `None`
/// when it exceeds `limit`.
// Indices run over `1..=n` and `1..=m` of vectors sized `n`/`m` + 1.
#[allow(clippy::indexing_slicing)]
fn bounded_distance(a: &[char], b: &str, limit: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut prev2: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= limit).then_some(d)
}

/// How much edit-distance work one file may spend on suggestions, counted
/// in matrix cells (a cell is a few nanoseconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    cells: u64,
}

impl Budget {
    /// Enough for thousands of typos in any real SOP; about a tenth of a
    /// second in the worst case.
    pub const PER_FILE: Budget = Budget { cells: 30_000_000 };

    pub const fn new(cells: u64) -> Budget {
        Budget { cells }
    }
}

/// [`closest`], charged to `budget`. The charge is the worst case for the
/// candidate count, taken before any work and whatever the result, so
/// whether a suggestion is made never depends on the order of `candidates`.
/// When the budget cannot cover it, no suggestion is made.
pub fn closest_within<'a>(
    word: &str,
    candidates: &[&'a str],
    budget: &mut Budget,
) -> Option<&'a str> {
    let w = word.chars().count() as u64;
    // Candidates longer than `w + 3` are skipped before any cell is computed.
    let cost = (candidates.len() as u64).saturating_mul((w + 1).saturating_mul(w + 4));
    if cost > budget.cells {
        return None;
    }
    budget.cells -= cost;
    closest(word, candidates.iter().copied())
}

/// A ready-made help line (English, for the CLI's usage errors), or `None`
/// when nothing is close.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// [`did_you_mean`] as a finding's help line, in both languages.
pub fn meant<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<crate::diagnostic::Text> {
    closest(word, candidates).map(meant_text)
}

/// `mungkin maksud Anda `c`?` / `did you mean `c`?`.
pub fn meant_text(c: &str) -> crate::diagnostic::Text {
    crate::msg!("mungkin maksud Anda `{c}`?" / "did you mean `{c}`?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unique_nearest_candidate_only() {
        assert_eq!(closest_unique("proces", &["process", "decision", "start"]), Some("process"));
        // `hary`: one edit from both `hari` and `harv`: no single reading.
        assert_eq!(closest_unique("hary", &["hari", "harv"]), None);
        assert_eq!(closest_unique("zzzz", &["hari"]), None);
    }

    #[test]
    fn finds_typos() {
        let ids = ["periksa_keabsahan", "cek_lengkap", "terima"];
        assert_eq!(closest("periksa_keabsaan", ids), Some("periksa_keabsahan"));
        assert_eq!(closest("cek_lengkp", ids), Some("cek_lengkap"));
        assert_eq!(closest("zzz", ids), None);
        assert_eq!(closest("pelidnungan", ["pelindungan"]), Some("pelindungan"));
        assert_eq!(closest("perlindungan", ["pelindungan"]), Some("pelindungan"));
        assert_eq!(closest("B", ["a", "b"]), Some("b"));
        assert_eq!(closest("Petugas", ["petugas"]), Some("petugas"));
    }

    #[test]
    fn budget_caps_the_work_and_then_declines() {
        let ids = ["periksa_keabsahan", "cek_lengkap", "terima"];
        let per_call = 3 * (16 + 1) * (16 + 4); // three candidates, a 16-letter word
        let mut budget = Budget::new(per_call * 2);
        assert_eq!(
            closest_within("periksa_keabsaan", &ids, &mut budget),
            Some("periksa_keabsahan")
        );
        assert_eq!(
            closest_within("periksa_keabsaxn", &ids, &mut budget),
            Some("periksa_keabsahan")
        );
        assert_eq!(closest_within("periksa_keabsaan", &ids, &mut budget), None);
        assert_eq!(budget, Budget::new(0));
    }

    #[test]
    fn exact_match_is_not_a_suggestion() {
        assert_eq!(closest("terima", ["terima"]), None);
    }
}
