//! The text the index searches, folded so that a query matches however it
//! is cased or accented: Unicode NFD, combining marks dropped, lowercase,
//! runs of white space made one space. The page's script folds the query
//! the same way (`normalize('NFD')`, `\p{M}` removed, `toLowerCase()`), so
//! `pengaduan`, `PENGADUAN` and `pengadúan` find the same rows.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `s` folded for search (see the module documentation).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        if c.is_whitespace() || c.is_control() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_spacing_fold_away() {
        assert_eq!(fold("  Pengadúan\tPMI \n"), "pengaduan pmi");
        assert_eq!(fold("KEPALA  Seksi"), "kepala seksi");
        assert_eq!(fold("Café"), fold("cafe"));
        assert_eq!(fold(""), "");
    }
}
