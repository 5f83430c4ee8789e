//! Word wrapping of user text, for fixed-width output (plain-text
//! checklists, the terminal table, diagram labels) by display width, and
//! for the printed document by font metrics ([`fit`] takes the measure).
//!
//! Lines break at spaces. A word wider than a whole line breaks after a
//! `/` or `-` it contains, else at an Indonesian syllable boundary with a
//! visible hyphen ([`super::hyphenate`]), and only when no such break fits
//! between two characters, again with a hyphen: a reader never sees a word
//! cut without a mark (`Penangana` / `n`).

use super::hyphenate;

/// `s` broken into lines of at most `width` columns. Existing line breaks
/// are kept; an empty text gives one empty line; control characters
/// become spaces.
pub fn lines(s: &str, width: usize) -> Vec<String> {
    let s = crate::render::escape::terminal(s);
    fit(&s, width.max(1) as f64, &|t: &str| textwrap::core::display_width(t) as f64)
}

/// `text` broken into lines no wider than `max` as measured by `width`.
/// Explicit line breaks are kept; a trailing one is dropped; an empty
/// text gives one empty line.
pub fn fit(text: &str, max: f64, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&joined) <= max {
                line = joined;
                continue;
            }
            if width(word) <= max {
                lines.push(std::mem::replace(&mut line, word.to_string()));
                continue;
            }
            // A word wider than a line: as much of it as fits goes on the
            // current line, the rest on lines of its own.
            let mut rest = word;
            loop {
                if width(rest) <= max {
                    line = rest.to_string();
                    break;
                }
                let prefix = if line.is_empty() { String::new() } else { format!("{line} ") };
                match best_break(rest, max, &prefix, width) {
                    Some((head, tail)) => {
                        lines.push(format!("{prefix}{head}"));
                        line.clear();
                        rest = tail;
                    }
                    None if !line.is_empty() => lines.push(std::mem::take(&mut line)),
                    None => {
                        let (head, tail) = char_break(rest, max, width);
                        lines.push(head);
                        rest = tail;
                    }
                }
                if rest.is_empty() {
                    break;
                }
            }
        }
        if !line.is_empty() || lines.is_empty() || paragraph.trim().is_empty() {
            lines.push(line);
        }
    }
    // A trailing blank line from a final `\n` carries no text.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// The longest head of `word` that fits after `prefix`: (head as printed,
/// the rest). A break after a `/` or `-` the word has needs no added
/// hyphen and is taken first; then a syllable boundary, with a hyphen.
fn best_break<'a>(
    word: &'a str,
    max: f64,
    prefix: &str,
    width: &dyn Fn(&str) -> f64,
) -> Option<(String, &'a str)> {
    let fits = |at: usize, hyphen: bool| {
        let head = word.get(..at)?;
        let tail = word.get(at..)?;
        let printed = if hyphen { format!("{head}-") } else { head.to_string() };
        (width(&format!("{prefix}{printed}")) <= max).then_some((printed, tail))
    };
    let marks: Vec<usize> = word
        .char_indices()
        .filter(|(i, c)| matches!(c, '/' | '-') && i + 1 < word.len())
        .map(|(i, _)| i + 1)
        .collect();
    marks
        .iter()
        .rev()
        .find_map(|&at| fits(at, false))
        .or_else(|| hyphenate::points(word).iter().rev().find_map(|&at| fits(at, true)))
}

/// The pieces of `word` that can never be broken without a hyphen: the
/// parts after each `/` or `-` it contains.
pub fn unbreakable(word: &str) -> impl Iterator<Item = &str> {
    word.split_inclusive(['/', '-'])
}

/// The last resort for a word with no break that fits (a long code, an
/// acronym in a very narrow column): as many characters as fit, at least
/// one, and a hyphen.
fn char_break<'a>(word: &'a str, max: f64, width: &dyn Fn(&str) -> f64) -> (String, &'a str) {
    let mut end = word.chars().next().map_or(word.len(), char::len_utf8);
    for (i, c) in word.char_indices().skip(1) {
        let next = i + c.len_utf8();
        if next >= word.len() {
            break;
        }
        match word.get(..next) {
            Some(head) if width(&format!("{head}-")) <= max => end = next,
            _ => break,
        }
    }
    let (head, tail) = word.split_at(end);
    if tail.is_empty() { (head.to_string(), tail) } else { (format!("{head}-"), tail) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> f64 {
        s.chars().count() as f64
    }

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

    #[test]
    fn long_words_break_at_syllables_with_a_hyphen() {
        assert_eq!(fit("Penanganan", 8.0, &chars), ["Penanga-", "nan"]);
        assert_eq!(fit("Pemohon", 6.0, &chars), ["Pemo-", "hon"]);
        assert_eq!(
            fit("30 menit (menunggu pihak luar)", 7.0, &chars),
            ["30", "menit", "(me-", "nunggu", "pihak", "luar)"]
        );
        // The head of a long word fills the current line.
        assert_eq!(fit("ke Administrasi", 9.0, &chars), ["ke Admi-", "nistrasi"]);
    }

    #[test]
    fn codes_break_after_slashes_and_acronyms_with_a_hyphen() {
        let lines = fit("SOP-01/PLD/BP3MI-SU/XI/2022", 12.0, &chars);
        assert_eq!(lines.concat(), "SOP-01/PLD/BP3MI-SU/XI/2022");
        assert!(lines.iter().all(|l| chars(l) <= 12.0), "{lines:?}");
        assert_eq!(fit("DPMPTSP", 5.0, &chars), ["DPMP-", "TSP"]);
        // A width too small for one character still makes progress.
        assert_eq!(fit("ab", 0.5, &chars), ["a-", "b"]);
    }

    #[test]
    fn no_line_ends_inside_a_word_without_a_mark() {
        let text = "Penanganan Administrasi Kepegawaian DPMPTSP Kabupaten Blitar \
                    menerima berkas permohonan perizinan berusaha";
        for w in 3..40 {
            let lines = fit(text, w as f64, &chars);
            for l in &lines {
                assert!(chars(l) <= w as f64 || chars(l) <= 2.0, "{w}: {lines:?}");
            }
            let words: Vec<&str> = text.split_whitespace().collect();
            for l in &lines {
                for t in l.split_whitespace() {
                    assert!(
                        words.contains(&t)
                            || t.ends_with('-')
                            || words.iter().any(|w| w.ends_with(t)),
                        "{w}: {t} in {lines:?}"
                    );
                }
            }
        }
    }
}
