//! When two pieces of text are "the same" to a reader: branch labels (and
//! other short answers) are compared by [`key`], which ignores case, outer
//! and repeated white space, invisible characters and Unicode
//! normalisation differences, so `Ya`, `ya `, `Y\u{200B}a` and a
//! decomposed `Sudah dicek` with a combining accent all collide.

use unicode_normalization::UnicodeNormalization;

/// The comparison key of `s`: NFKC-normalised (composed and compatibility
/// forms folded, so NFD and NFC spellings, full-width letters and
/// ligatures agree), without zero-width and other invisible characters,
/// white space runs collapsed to one space, lower-cased.
pub fn key(s: &str) -> String {
    let visible: String = s.nfkc().filter(|c| !is_invisible(*c)).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Characters that show nothing: zero-width space, joiners, word joiner,
/// byte order mark, soft hyphen, bidi marks and invisible operators.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_look_the_same_share_a_key() {
        assert_eq!(key(" Ya "), key("ya"));
        assert_eq!(key("Y\u{200B}a"), key("Ya"));
        assert_eq!(key("\u{FEFF}Tidak\u{2060} lengkap"), key("tidak  lengkap"));
        // é composed (NFC) and e + combining acute (NFD).
        assert_eq!(key("Sudah dicek caf\u{e9}"), key("Sudah dicek cafe\u{301}"));
        assert_eq!(key("\u{FF39}a"), key("Ya"), "full-width Y");
        assert_ne!(key("Ya"), key("Tidak"));
        assert_eq!(key("\u{200B}"), "");
    }
}
