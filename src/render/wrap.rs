//! Word wrapping of user text for fixed-width output (plain-text
//! checklists, diagram labels), by display width so that Indonesian text
//! with accents or wide symbols lines up.

/// `s` broken into lines of at most `width` columns (long words are split).
/// Existing line breaks are kept; an empty text gives one empty line;
/// control characters become spaces.
pub fn lines(s: &str, width: usize) -> Vec<String> {
    let opts = textwrap::Options::new(width.max(8)).break_words(true);
    let s = crate::render::escape::terminal(s);
    let out: Vec<String> =
        s.lines().flat_map(|l| textwrap::wrap(l, &opts)).map(|c| c.into_owned()).collect();
    if out.is_empty() { vec![String::new()] } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_keeps_breaks() {
        assert_eq!(lines("satu dua tiga empat", 9), ["satu dua", "tiga", "empat"]);
        assert_eq!(lines("a\nb", 10), ["a", "b"]);
        assert_eq!(lines("", 10), [""]);
        assert_eq!(
            lines("Penanganan Pengaduan dan Penyelesaian Permasalahan", 20),
            ["Penanganan Pengaduan", "dan Penyelesaian", "Permasalahan"]
        );
    }
}
